"""Components, component groups and metrics."""

from __future__ import annotations

from ..demo import DEMO_COMPONENT_GROUP_IDS, DEMO_COMPONENT_IDS, DEMO_METRIC_IDS, DEMO_PAGE_ID
from ..views import COMPONENT_FIELDS, COMPONENT_GROUP_FIELDS, METRIC_FIELDS
from .helpers import PAGE

EU_COMPUTE = DEMO_COMPONENT_IDS["EU/Compute"]
EU = DEMO_COMPONENT_GROUP_IDS["EU"]
US = DEMO_COMPONENT_GROUP_IDS["US"]


def test_list_components_has_groups_and_members(api):
    answer = api.get(PAGE + "/components", params={"page": 1, "per_page": 100})
    assert answer.status_code == 200
    components = answer.json()
    assert len(components) == 13
    by_id = {component["id"]: component for component in components}
    eu = by_id[EU]
    assert eu["group"] is True and eu["name"] == "EU"
    assert eu["components"] == [DEMO_COMPONENT_IDS[f"EU/{name}"] for name in ("Compute", "Storage", "Database")]
    compute = by_id[EU_COMPUTE]
    assert compute["group"] is False and compute["group_id"] == EU
    assert "components" not in compute
    assert [component["name"] for component in components if component["name"] == "Compute"] == ["Compute"] * 2
    for component in components:
        assert list(component)[:len(COMPONENT_FIELDS)] == list(COMPONENT_FIELDS)
        assert component["page_id"] == DEMO_PAGE_ID


def test_pagination_and_per_page_clamp(api):
    first = api.get(PAGE + "/components", params={"page": 1, "per_page": 5}).json()
    second = api.get(PAGE + "/components", params={"page": 2, "per_page": 5}).json()
    third = api.get(PAGE + "/components", params={"page": 3, "per_page": 5}).json()
    fourth = api.get(PAGE + "/components", params={"page": 4, "per_page": 5}).json()
    assert [len(first), len(second), len(third), fourth] == [5, 5, 3, []]
    everything = api.get(PAGE + "/components").json()
    assert first + second + third == everything
    for number in range(150):
        api.post(PAGE + "/components", json={"component": {"name": f"Extra {number}"}}).raise_for_status()
    assert len(api.get(PAGE + "/components", params={"per_page": 1000}).json()) == 100
    assert len(api.get(PAGE + "/components").json()) == 100
    assert len(api.get(PAGE + "/components", params={"page": 2, "per_page": 1000}).json()) == 63


def test_bad_pagination_parameters_are_400(api):
    assert api.get(PAGE + "/components", params={"page": 0}).status_code == 400
    assert api.get(PAGE + "/components", params={"per_page": "many"}).status_code == 400


def test_create_get_update_delete_component(api):
    answer = api.post(PAGE + "/components", json={"component": {"name": "Queue", "group_id": EU,
                                                                "description": "Message queues",
                                                                "status": "degraded_performance"}})
    assert answer.status_code == 201
    created = answer.json()
    assert created["group_id"] == EU and created["status"] == "degraded_performance"
    assert created["created_at"] == created["updated_at"]
    assert created["id"] in api.get(PAGE + f"/components/{EU}").json()["components"]
    assert api.get(PAGE + f"/components/{created['id']}").json() == created

    answer = api.patch(PAGE + f"/components/{created['id']}", json={"component": {"group_id": US, "showcase": False}})
    assert answer.status_code == 200
    moved = answer.json()
    assert moved["group_id"] == US and moved["showcase"] is False
    assert moved["updated_at"] > created["updated_at"]
    assert created["id"] not in api.get(PAGE + f"/components/{EU}").json()["components"]
    assert created["id"] in api.get(PAGE + f"/components/{US}").json()["components"]

    answer = api.put(PAGE + f"/components/{created['id']}", json={"component": {"group_id": None}})
    assert answer.status_code == 200 and answer.json()["group_id"] is None

    answer = api.delete(PAGE + f"/components/{created['id']}")
    assert answer.status_code == 204
    assert answer.content == b""
    assert api.get(PAGE + f"/components/{created['id']}").status_code == 404


def test_component_validation(api):
    answer = api.post(PAGE + "/components", json={"component": {"description": "no name"}})
    assert answer.status_code == 422 and "component.name" in answer.json()["message"]
    answer = api.post(PAGE + "/components", json={"component": {"name": "X", "status": "broken"}})
    assert answer.status_code == 422 and "component.status" in answer.json()["message"]
    answer = api.post(PAGE + "/components", json={"component": {"name": "X", "group_id": EU_COMPUTE}})
    assert answer.status_code == 422 and "group_id" in answer.json()["message"]
    answer = api.post(PAGE + "/components", json={"name": "X"})
    assert answer.status_code == 422 and "component" in answer.json()["message"]
    answer = api.patch(PAGE + f"/components/{EU_COMPUTE}", json={"component": {"start_date": "yesterday"}})
    assert answer.status_code == 422 and "component.start_date" in answer.json()["message"]


def test_form_encoded_component(api):
    answer = api.post(PAGE + "/components", data={"component[name]": "Formed", "component[showcase]": "false",
                                                  "component[start_date]": "2024-02-01"})
    assert answer.status_code == 201
    assert answer.json()["showcase"] is False and answer.json()["start_date"] == "2024-02-01"


def test_deleting_a_component_removes_it_from_groups_and_users(api):
    user = api.post(PAGE + "/page_access_users", json={"page_access_user": {"email": "a@example.com"}}).json()
    api.post(PAGE + f"/page_access_users/{user['id']}/components", json={"component_ids": [EU_COMPUTE]})
    group = api.post(PAGE + "/page_access_groups",
                     json={"page_access_group": {"name": "G", "component_ids": [EU_COMPUTE]}}).json()
    assert api.delete(PAGE + f"/components/{EU_COMPUTE}").status_code == 204
    assert EU_COMPUTE not in api.get(PAGE + f"/components/{EU}").json()["components"]
    assert api.get(PAGE + f"/page_access_users/{user['id']}/components").json() == []
    assert api.get(PAGE + f"/page_access_groups/{group['id']}").json()["component_ids"] == []


def test_component_groups_crud(api):
    answer = api.get(PAGE + "/component-groups")
    assert answer.status_code == 200
    assert [group["name"] for group in answer.json()] == ["Platform", "EU", "US"]
    assert list(answer.json()[0]) == list(COMPONENT_GROUP_FIELDS)

    free = api.post(PAGE + "/components", json={"component": {"name": "Loose"}}).json()
    answer = api.post(PAGE + "/component-groups",
                      json={"description": "Asia", "component_group": {"name": "APAC", "components": [free["id"]]}})
    assert answer.status_code == 201
    group = answer.json()
    assert group["name"] == "APAC" and group["description"] == "Asia" and group["components"] == [free["id"]]
    assert isinstance(group["position"], int)
    assert api.get(PAGE + f"/components/{free['id']}").json()["group_id"] == group["id"]
    assert api.get(PAGE + f"/component-groups/{group['id']}").json() == group

    answer = api.patch(PAGE + f"/component-groups/{group['id']}",
                       json={"component_group": {"name": "Asia Pacific", "components": [free["id"], EU_COMPUTE]}})
    assert answer.status_code == 200
    assert answer.json()["name"] == "Asia Pacific"
    assert answer.json()["components"] == [free["id"], EU_COMPUTE]
    assert EU_COMPUTE not in api.get(PAGE + f"/component-groups/{EU}").json()["components"]

    answer = api.put(PAGE + f"/component-groups/{group['id']}", json={"component_group": {"components": [free["id"]]}})
    assert answer.status_code == 200 and answer.json()["components"] == [free["id"]]
    assert api.get(PAGE + f"/components/{EU_COMPUTE}").json()["group_id"] is None

    answer = api.delete(PAGE + f"/component-groups/{group['id']}")
    assert answer.status_code == 200 and answer.json()["id"] == group["id"]
    assert api.get(PAGE + f"/component-groups/{group['id']}").status_code == 404
    assert api.get(PAGE + f"/components/{free['id']}").json()["group_id"] is None


def test_component_group_errors(api):
    answer = api.post(PAGE + "/component-groups", json={"name": "x"})
    assert answer.status_code == 400
    answer = api.post(PAGE + "/component-groups", json={"component_group": {"name": "Empty", "components": []}})
    assert answer.status_code == 422 and "component_group.components" in answer.json()["message"]
    answer = api.post(PAGE + "/component-groups", json={"component_group": {"name": "G", "components": [EU]}})
    assert answer.status_code == 422
    answer = api.post(PAGE + "/component-groups", json={"component_group": {"name": "G", "components": ["nope"]}})
    assert answer.status_code == 422 and "nope" in answer.json()["message"]
    assert api.get(PAGE + f"/component-groups/{EU_COMPUTE}").status_code == 404


def test_metrics(api):
    answer = api.get(PAGE + "/metrics", params={"page": 1, "per_page": 2})
    assert answer.status_code == 200
    assert [metric["name"] for metric in answer.json()] == ["API Latency", "Error Rate"]
    assert [metric["name"] for metric in api.get(PAGE + "/metrics", params={"page": 2, "per_page": 2}).json()] \
        == ["Uptime"]
    metric_id = DEMO_METRIC_IDS["Uptime"]
    answer = api.get(PAGE + f"/metrics/{metric_id}")
    assert answer.status_code == 200
    assert list(answer.json()) == list(METRIC_FIELDS)
    assert answer.json()["id"] == metric_id and answer.json()["suffix"] == "%"
