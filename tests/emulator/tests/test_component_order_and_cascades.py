"""Component order (position), ungrouping, and what deleting a group does, under each variant."""

from __future__ import annotations

from ..demo import DEMO_COMPONENT_GROUP_IDS, DEMO_COMPONENT_IDS
from .event_helpers import serve
from .helpers import PAGE

EU = DEMO_COMPONENT_GROUP_IDS["EU"]
US = DEMO_COMPONENT_GROUP_IDS["US"]
EU_MEMBERS = [DEMO_COMPONENT_IDS[f"EU/{name}"] for name in ("Compute", "Storage", "Database")]
EU_COMPUTE, EU_STORAGE, EU_DATABASE = EU_MEMBERS


def positions(api) -> dict[str, int]:
    return {component["id"]: component["position"] for component in api.get(PAGE + "/components").json()}


def members(api, group_id: str) -> list[str]:
    return api.get(PAGE + f"/component-groups/{group_id}").json()["components"]


def test_positions_number_each_level_from_one(api):
    listed = api.get(PAGE + "/components").json()
    top = [component for component in listed if component["group_id"] is None]
    assert [(component["name"], component["position"]) for component in top] == [("Platform", 1), ("EU", 2), ("US", 3)]
    assert [positions(api)[ident] for ident in EU_MEMBERS] == [1, 2, 3]
    loose = api.post(PAGE + "/components", json={"component": {"name": "Status widget"}}).json()
    assert loose["position"] == 4 and loose["group_id"] is None
    joined = api.post(PAGE + "/components", json={"component": {"name": "Queue", "group_id": EU}}).json()
    assert joined["position"] == 4 and members(api, EU) == EU_MEMBERS + [joined["id"]]
    # The list shows the page's order: each group, then its members
    names = [component["name"] for component in api.get(PAGE + "/components").json()]
    assert names[names.index("EU"):names.index("US")] == ["EU", "Compute", "Storage", "Database", "Queue"]
    assert names[-1] == "Status widget"


def test_moving_a_component_puts_it_last_and_closes_the_gap(api):
    moved = api.patch(PAGE + f"/components/{EU_COMPUTE}", json={"component": {"group_id": US}}).json()
    assert moved["group_id"] == US and moved["position"] == 4
    assert members(api, EU) == [EU_STORAGE, EU_DATABASE]
    assert [positions(api)[ident] for ident in (EU_STORAGE, EU_DATABASE)] == [1, 2]


def test_group_id_null_ungroups_as_the_description_says(api):
    # The description: 'If group_id is "null" then the component will be removed from a group'
    for body in ({"json": {"component": {"group_id": None}}}, {"json": {"component": {"group_id": "null"}}},
                 {"data": {"component[group_id]": "null"}}, {"data": {"component[group_id]": ""}}):
        api.patch(PAGE + f"/components/{EU_COMPUTE}", json={"component": {"group_id": EU}})
        answer = api.patch(PAGE + f"/components/{EU_COMPUTE}", **body)
        assert answer.status_code == 200 and answer.json()["group_id"] is None, body
        assert EU_COMPUTE not in members(api, EU)


def test_position_is_read_only_by_default(api):
    answer = api.patch(PAGE + f"/components/{EU_DATABASE}", json={"component": {"position": 1, "name": "DB"}})
    assert answer.status_code == 200 and answer.json()["position"] == 3 and answer.json()["name"] == "DB"
    # A group keeps its members' order whatever order is sent
    reordered = api.patch(PAGE + f"/component-groups/{EU}",
                          json={"component_group": {"components": list(reversed(EU_MEMBERS))}}).json()
    assert reordered["components"] == EU_MEMBERS


def test_variant_component_position_writable(api, control):
    serve(control, "component-position=writable")
    moved = api.patch(PAGE + f"/components/{EU_DATABASE}", json={"component": {"position": 1}}).json()
    assert moved["position"] == 1 and members(api, EU) == [EU_DATABASE, EU_COMPUTE, EU_STORAGE]
    reordered = api.patch(PAGE + f"/component-groups/{EU}",
                          json={"component_group": {"components": list(reversed(EU_MEMBERS))}}).json()
    assert reordered["components"] == list(reversed(EU_MEMBERS))
    assert [positions(api)[ident] for ident in reversed(EU_MEMBERS)] == [1, 2, 3]
    created = api.post(PAGE + "/components", json={"component": {"name": "First", "position": 1}}).json()
    assert created["position"] == 1 and positions(api)[EU] == 3
    answer = api.patch(PAGE + f"/components/{EU_DATABASE}", json={"component": {"position": 0}})
    assert answer.status_code == 422 and "component.position" in answer.json()["message"]


def test_deleting_a_group_leaves_its_members_ungrouped_by_default(api):
    user = api.post(PAGE + "/page_access_users", json={"page_access_user": {"email": "eu@example.com"}}).json()
    api.post(PAGE + f"/page_access_users/{user['id']}/components", json={"component_ids": EU_MEMBERS})
    before = {ident: api.get(PAGE + f"/components/{ident}").json() for ident in EU_MEMBERS}
    assert api.delete(PAGE + f"/component-groups/{EU}").status_code == 200
    listed = {component["id"]: component for component in api.get(PAGE + "/components").json()}
    assert EU not in listed
    assert [listed[ident]["group_id"] for ident in EU_MEMBERS] == [None] * 3
    assert [listed[ident]["position"] for ident in EU_MEMBERS] == [3, 4, 5]  # after Platform and US
    assert all(listed[ident]["updated_at"] > before[ident]["updated_at"] for ident in EU_MEMBERS)
    user_components = api.get(PAGE + f"/page_access_users/{user['id']}/components").json()
    assert [component["id"] for component in user_components] == EU_MEMBERS


def test_variant_group_delete_delete_members_revokes_them_everywhere(api, control):
    serve(control, "groups-delete-members")
    user = api.post(PAGE + "/page_access_users", json={"page_access_user": {"email": "eu@example.com"}}).json()
    api.post(PAGE + f"/page_access_users/{user['id']}/components", json={"component_ids": [EU_COMPUTE]})
    group = api.post(PAGE + "/page_access_groups",
                     json={"page_access_group": {"name": "EU customers", "component_ids": EU_MEMBERS}}).json()
    answer = api.delete(PAGE + f"/component-groups/{EU}")
    assert answer.status_code == 200 and answer.json()["components"] == EU_MEMBERS
    assert [api.get(PAGE + f"/components/{ident}").status_code for ident in EU_MEMBERS] == [404] * 3
    assert api.get(PAGE + f"/page_access_users/{user['id']}/components").json() == []
    assert api.get(PAGE + f"/page_access_groups/{group['id']}").json()["component_ids"] == []
    assert len(api.get(PAGE + "/components").json()) == 13 - 4
