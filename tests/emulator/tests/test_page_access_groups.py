"""Page access groups, their components, and group membership kept consistent both ways."""

from __future__ import annotations

from ..demo import DEMO_COMPONENT_IDS, DEMO_METRIC_IDS
from ..views import PAGE_ACCESS_GROUP_FIELDS
from .helpers import PAGE

API, DASHBOARD, EU_COMPUTE = (DEMO_COMPONENT_IDS[name] for name in ("Platform/API", "Platform/Dashboard", "EU/Compute"))
GROUPS = PAGE + "/page_access_groups"
USERS = PAGE + "/page_access_users"


def create_group(api, name="Customers", **fields):
    answer = api.post(GROUPS, json={"page_access_group": {"name": name, **fields}})
    assert answer.status_code == 201, answer.text
    return answer.json()


def create_user(api, email, **fields):
    answer = api.post(USERS, json={"page_access_user": {"email": email, **fields}})
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_create_get_list_update_delete(api):
    metric = DEMO_METRIC_IDS["Uptime"]
    group = create_group(api, external_identifier="ext-1", component_ids=[API], metric_ids=[metric])
    assert list(group) == list(PAGE_ACCESS_GROUP_FIELDS)
    assert group["component_ids"] == [API] and group["metric_ids"] == [metric]
    assert group["page_access_user_ids"] == [] and group["external_identifier"] == "ext-1"
    assert api.get(f"{GROUPS}/{group['id']}").json() == group
    create_group(api, "Partners")
    listed = api.get(GROUPS, params={"page": 1, "per_page": 1}).json()
    assert [entry["name"] for entry in listed] == ["Customers"]
    assert [entry["name"] for entry in api.get(GROUPS, params={"page": 2, "per_page": 1}).json()] == ["Partners"]

    answer = api.patch(f"{GROUPS}/{group['id']}", json={"page_access_group": {"name": "Clients", "metric_ids": []}})
    assert answer.status_code == 200
    assert answer.json()["name"] == "Clients" and answer.json()["metric_ids"] == []
    assert answer.json()["updated_at"] > group["updated_at"]
    answer = api.put(f"{GROUPS}/{group['id']}", json={"page_access_group": {"component_ids": [DASHBOARD]}})
    assert answer.status_code == 200 and answer.json()["component_ids"] == [DASHBOARD]

    answer = api.delete(f"{GROUPS}/{group['id']}")
    assert answer.status_code == 200 and answer.json()["id"] == group["id"]
    assert api.get(f"{GROUPS}/{group['id']}").status_code == 404


def test_group_validation(api):
    assert api.post(GROUPS, json={"name": "x"}).status_code == 400
    answer = api.post(GROUPS, json={"page_access_group": {"external_identifier": "x"}})
    assert answer.status_code == 422 and "page_access_group.name" in answer.json()["message"]
    answer = api.post(GROUPS, json={"page_access_group": {"name": "G", "component_ids": ["nosuchcompon"]}})
    assert answer.status_code == 422 and "nosuchcompon" in answer.json()["message"]
    answer = api.post(GROUPS, json={"page_access_group": {"name": "G", "metric_ids": "all"}})
    assert answer.status_code == 422 and "page_access_group.metric_ids" in answer.json()["message"]
    assert api.get(GROUPS).json() == []


def test_group_component_verbs(api):
    group = create_group(api)
    base = f"{GROUPS}/{group['id']}/components"

    def ids():
        return [component["id"] for component in api.get(base).json()]

    answer = api.patch(base, json={"component_ids": [API]})
    assert answer.status_code == 200 and answer.json()["component_ids"] == [API]
    answer = api.put(base, json={"component_ids": [DASHBOARD]})
    assert answer.status_code == 200 and ids() == [API, DASHBOARD]
    answer = api.post(base, json={"component_ids": [EU_COMPUTE, API]})
    assert answer.status_code == 201 and answer.json()["component_ids"] == [EU_COMPUTE, API]
    answer = api.delete(base, json={"component_ids": [EU_COMPUTE]})
    assert answer.status_code == 200 and ids() == [API]
    api.post(base, json={"component_ids": [EU_COMPUTE, API]})
    answer = api.delete(f"{base}/{API}")
    assert answer.status_code == 200 and answer.json()["component_ids"] == [EU_COMPUTE]
    api.post(base, json={"component_ids": [EU_COMPUTE, API]})
    assert api.delete(base).status_code == 200
    assert ids() == []
    assert api.patch(base, json={"component_ids": ["nosuchcompon"]}).status_code == 404
    assert api.get(base, params={"page": 1, "per_page": 10}).json() == []


def test_membership_is_consistent_both_ways(api):
    customers = create_group(api, "Customers")
    partners = create_group(api, "Partners")
    alice = create_user(api, "alice@example.com", page_access_group_ids=[customers["id"]])
    assert alice["page_access_group_ids"] == [customers["id"]]
    assert api.get(f"{GROUPS}/{customers['id']}").json()["page_access_user_ids"] == [alice["id"]]

    bob = create_user(api, "bob@example.com")
    answer = api.patch(f"{GROUPS}/{partners['id']}",
                       json={"page_access_group": {"page_access_user_ids": [alice["id"], bob["id"]]}})
    assert answer.status_code == 200
    assert api.get(f"{USERS}/{alice['id']}").json()["page_access_group_ids"] == [customers["id"], partners["id"]]
    assert api.get(f"{USERS}/{bob['id']}").json()["page_access_group_ids"] == [partners["id"]]

    # Replacing a user's groups updates the groups that lost and gained them
    api.patch(f"{USERS}/{alice['id']}", json={"page_access_user": {"page_access_group_ids": [partners["id"]]}})
    assert api.get(f"{GROUPS}/{customers['id']}").json()["page_access_user_ids"] == []
    assert api.get(f"{GROUPS}/{partners['id']}").json()["page_access_user_ids"] == [alice["id"], bob["id"]]

    # Replacing a group's users updates the users
    api.put(f"{GROUPS}/{partners['id']}", json={"page_access_group": {"page_access_user_ids": [bob["id"]]}})
    assert api.get(f"{USERS}/{alice['id']}").json()["page_access_group_ids"] == []

    # Deleting either side removes it from the other
    api.delete(f"{USERS}/{bob['id']}")
    assert api.get(f"{GROUPS}/{partners['id']}").json()["page_access_user_ids"] == []
    api.patch(f"{USERS}/{alice['id']}", json={"page_access_user": {"page_access_group_ids": [partners["id"]]}})
    api.delete(f"{GROUPS}/{partners['id']}")
    assert api.get(f"{USERS}/{alice['id']}").json()["page_access_group_ids"] == []


def test_unknown_user_in_group_body_is_422(api):
    group = create_group(api)
    answer = api.patch(f"{GROUPS}/{group['id']}", json={"page_access_group": {"page_access_user_ids": ["nosuchuser00"]}})
    assert answer.status_code == 422 and "nosuchuser00" in answer.json()["message"]


def test_membership_change_moves_both_sides_updated_at(api):
    group = create_group(api)
    user = create_user(api, "t@example.com")
    api.patch(f"{USERS}/{user['id']}", json={"page_access_user": {"page_access_group_ids": [group["id"]]}})
    assert api.get(f"{GROUPS}/{group['id']}").json()["updated_at"] > group["updated_at"]
    moved_user = api.get(f"{USERS}/{user['id']}").json()
    api.patch(f"{GROUPS}/{group['id']}", json={"page_access_group": {"page_access_user_ids": []}})
    assert api.get(f"{USERS}/{user['id']}").json()["updated_at"] > moved_user["updated_at"]
