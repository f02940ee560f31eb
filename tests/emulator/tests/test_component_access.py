"""The component-centric access endpoints: POST/DELETE .../components/{component_id}/page_access_users
and .../page_access_groups."""

from __future__ import annotations

import pytest

from ..demo import DEMO_COMPONENT_IDS
from ..views import COMPONENT_FIELDS
from .helpers import PAGE

API, EU_COMPUTE, US_COMPUTE = (DEMO_COMPONENT_IDS[name] for name in ("Platform/API", "EU/Compute", "US/Compute"))
USERS = PAGE + "/page_access_users"
GROUPS = PAGE + "/page_access_groups"


def on_component(component_id: str, kind: str) -> str:
    return f"{PAGE}/components/{component_id}/{kind}"


def make_users(api, *emails: str) -> list[str]:
    ids = []
    for email in emails:
        answer = api.post(USERS, json={"page_access_user": {"email": email}})
        assert answer.status_code == 200, answer.text
        ids.append(answer.json()["id"])
    return ids


def make_group(api, name: str, component_ids=()) -> str:
    answer = api.post(GROUPS, json={"page_access_group": {"name": name, "component_ids": list(component_ids)}})
    assert answer.status_code == 201, answer.text
    return answer.json()["id"]


def user_components(api, user_id: str) -> list[str]:
    return [component["id"] for component in api.get(f"{USERS}/{user_id}/components").json()]


def group_components(api, group_id: str) -> list[str]:
    return api.get(f"{GROUPS}/{group_id}").json()["component_ids"]


def test_post_users_adds_the_component_to_each_and_answers_201_with_the_component(api):
    ann, bob, cid = make_users(api, "ann@example.com", "bob@example.com", "cid@example.com")
    api.patch(f"{USERS}/{ann}/components", json={"component_ids": [API]})
    answer = api.post(on_component(EU_COMPUTE, "page_access_users"), json={"page_access_user_ids": [ann, bob]})
    assert answer.status_code == 201
    assert answer.json() == api.get(f"{PAGE}/components/{EU_COMPUTE}").json()
    assert list(answer.json()) == list(COMPONENT_FIELDS)
    # Added, never replacing what a user had; a user not listed is untouched
    assert user_components(api, ann) == [API, EU_COMPUTE]
    assert user_components(api, bob) == [EU_COMPUTE]
    assert user_components(api, cid) == []


def test_post_users_again_changes_nothing(api):
    (ann,) = make_users(api, "ann@example.com")
    api.post(on_component(EU_COMPUTE, "page_access_users"), json={"page_access_user_ids": [ann]})
    before = api.get(f"{USERS}/{ann}").json()
    answer = api.post(on_component(EU_COMPUTE, "page_access_users"), json={"page_access_user_ids": [ann, ann]})
    assert answer.status_code == 201
    assert api.get(f"{USERS}/{ann}").json()["updated_at"] == before["updated_at"]
    assert user_components(api, ann) == [EU_COMPUTE]


def test_post_users_takes_the_form_body_the_description_declares_and_the_old_query_string(api):
    ann, bob = make_users(api, "ann@example.com", "bob@example.com")
    answer = api.post(on_component(EU_COMPUTE, "page_access_users"), data={"page_access_user_ids[]": [ann]})
    assert answer.status_code == 201, answer.text
    # The v1 documentation put page_access_user_ids[] in the query string
    answer = api.post(on_component(US_COMPUTE, "page_access_users"), params={"page_access_user_ids[]": [bob]})
    assert answer.status_code == 201, answer.text
    assert user_components(api, ann) == [EU_COMPUTE]
    assert user_components(api, bob) == [US_COMPUTE]


@pytest.mark.parametrize("body", [{}, {"page_access_user_ids": []}, {"page_access_user_ids": "abc"}])
def test_post_users_without_a_list_of_ids_is_422(api, body):
    answer = api.post(on_component(EU_COMPUTE, "page_access_users"), json=body)
    assert answer.status_code == 422
    assert "page_access_user_ids" in answer.json()["message"]


def test_post_users_with_an_unknown_id_is_404_and_changes_no_one(api):
    (ann,) = make_users(api, "ann@example.com")
    answer = api.post(on_component(EU_COMPUTE, "page_access_users"), json={"page_access_user_ids": [ann, "nosuchuser00"]})
    assert answer.status_code == 404
    assert "nosuchuser00" in answer.json()["message"]
    assert user_components(api, ann) == []


@pytest.mark.parametrize("kind", ["page_access_users", "page_access_groups"])
def test_unknown_component_is_404(api, kind):
    assert api.post(on_component("nosuchcompon", kind), json={"page_access_user_ids": ["x"]}).status_code == 404
    assert api.delete(on_component("nosuchcompon", kind)).status_code == 404


def test_delete_users_without_a_body_removes_the_component_from_every_user(api):
    ann, bob = make_users(api, "ann@example.com", "bob@example.com")
    api.patch(f"{USERS}/{ann}/components", json={"component_ids": [API, EU_COMPUTE]})
    api.patch(f"{USERS}/{bob}/components", json={"component_ids": [EU_COMPUTE]})
    bob_before = api.get(f"{USERS}/{bob}").json()
    answer = api.delete(on_component(EU_COMPUTE, "page_access_users"))
    assert answer.status_code == 200
    assert answer.json()["id"] == EU_COMPUTE
    assert user_components(api, ann) == [API]
    assert user_components(api, bob) == []
    assert api.get(f"{USERS}/{bob}").json()["updated_at"] > bob_before["updated_at"]


def test_delete_users_ignores_a_body_and_still_removes_every_user(api):
    """The described DELETE takes no body: ids sent anyway do not narrow it (the trap)."""
    ann, bob = make_users(api, "ann@example.com", "bob@example.com")
    api.post(on_component(EU_COMPUTE, "page_access_users"), json={"page_access_user_ids": [ann, bob]})
    answer = api.delete(on_component(EU_COMPUTE, "page_access_users"), json={"page_access_user_ids": [ann]})
    assert answer.status_code == 200
    assert user_components(api, ann) == [] and user_components(api, bob) == []


def test_listed_variant_removes_only_the_listed_users(api, control):
    assert control.variants("component-access-delete=listed").status_code == 200
    ann, bob, cid = make_users(api, "ann@example.com", "bob@example.com", "cid@example.com")
    api.post(on_component(EU_COMPUTE, "page_access_users"), json={"page_access_user_ids": [ann, bob, cid]})
    assert api.delete(on_component(EU_COMPUTE, "page_access_users"),
                      json={"page_access_user_ids": [ann]}).status_code == 200
    assert [user_components(api, ident) for ident in (ann, bob, cid)] == [[], [EU_COMPUTE], [EU_COMPUTE]]
    assert api.delete(on_component(EU_COMPUTE, "page_access_users"),
                      json={"page_access_user_ids": ["nosuchuser00"]}).status_code == 404
    # Without ids, or with an empty list, even this variant removes every user
    assert api.delete(on_component(EU_COMPUTE, "page_access_users"),
                      json={"page_access_user_ids": []}).status_code == 200
    assert [user_components(api, ident) for ident in (bob, cid)] == [[], []]


def test_groups_get_and_lose_the_component_the_same_way(api):
    first = make_group(api, "First", [API])
    second = make_group(api, "Second")
    answer = api.post(on_component(EU_COMPUTE, "page_access_groups"), json={"page_access_group_ids": [first, second]})
    assert answer.status_code == 201
    assert answer.json()["id"] == EU_COMPUTE
    assert group_components(api, first) == [API, EU_COMPUTE]
    assert group_components(api, second) == [EU_COMPUTE]
    form = api.post(on_component(US_COMPUTE, "page_access_groups"), data={"page_access_group_ids[]": [second]})
    assert form.status_code == 201
    assert group_components(api, second) == [EU_COMPUTE, US_COMPUTE]
    assert api.post(on_component(US_COMPUTE, "page_access_groups"), json={}).status_code == 422
    assert api.post(on_component(US_COMPUTE, "page_access_groups"),
                    json={"page_access_group_ids": ["nosuchgroup0"]}).status_code == 404
    assert api.delete(on_component(EU_COMPUTE, "page_access_groups")).status_code == 200
    assert group_components(api, first) == [API]
    assert group_components(api, second) == [US_COMPUTE]


def test_a_granted_component_is_removed_with_the_component(api):
    (ann,) = make_users(api, "ann@example.com")
    group = make_group(api, "G")
    component = api.post(PAGE + "/components", json={"component": {"name": "Short-lived"}}).json()["id"]
    api.post(on_component(component, "page_access_users"), json={"page_access_user_ids": [ann]})
    api.post(on_component(component, "page_access_groups"), json={"page_access_group_ids": [group]})
    assert api.delete(f"{PAGE}/components/{component}").status_code == 204
    assert user_components(api, ann) == [] and group_components(api, group) == []


def test_max_ids_per_request_variant_limits_these_bodies_too(api, control):
    assert control.variants("max-ids-per-request=2").status_code == 200
    ids = make_users(api, "a@example.com", "b@example.com", "c@example.com")
    answer = api.post(on_component(EU_COMPUTE, "page_access_users"), json={"page_access_user_ids": ids})
    assert answer.status_code == 422
    assert "at most 2" in answer.json()["message"]
    assert all(user_components(api, ident) == [] for ident in ids)
    assert api.post(on_component(EU_COMPUTE, "page_access_users"), json={"page_access_user_ids": ids[:2]}).status_code == 201
    # The membership bodies of a user have the same limit
    assert api.patch(f"{USERS}/{ids[2]}/components", json={"component_ids": [API, EU_COMPUTE, US_COMPUTE]}).status_code == 422


def test_requests_are_logged_with_their_bodies(api, control):
    (ann,) = make_users(api, "ann@example.com")
    control.clear_log()
    api.post(on_component(EU_COMPUTE, "page_access_users"), data={"page_access_user_ids[]": [ann]})
    api.delete(on_component(EU_COMPUTE, "page_access_users"))
    log = control.requests_log()
    assert [(entry["method"], entry["status"]) for entry in log] == [("POST", 201), ("DELETE", 200)]
    assert log[0]["body"] == {"page_access_user_ids": [ann]} and log[1]["body"] is None
