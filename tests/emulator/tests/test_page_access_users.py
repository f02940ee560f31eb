"""Page access users and their component and metric sub-resources."""

from __future__ import annotations

import pytest

from ..clock import is_statuspage_id
from ..demo import DEMO_COMPONENT_IDS, DEMO_METRIC_IDS, DEMO_PAGE_ID
from ..views import PAGE_ACCESS_USER_FIELDS
from .helpers import PAGE

API, DASHBOARD, EU_COMPUTE, US_COMPUTE = (DEMO_COMPONENT_IDS[name] for name in
                                          ("Platform/API", "Platform/Dashboard", "EU/Compute", "US/Compute"))
LATENCY, ERRORS, UPTIME = DEMO_METRIC_IDS.values()
USERS = PAGE + "/page_access_users"


def create_user(api, email="alice@example.com", **fields):
    answer = api.post(USERS, json={"page_access_user": {"email": email, **fields}})
    assert answer.status_code == 200, answer.text
    return answer.json()


def component_ids_of(api, user_id):
    return [component["id"] for component in api.get(f"{USERS}/{user_id}/components").json()]


def metric_ids_of(api, user_id):
    return [metric["id"] for metric in api.get(f"{USERS}/{user_id}/metrics").json()]


def test_create_answers_200_with_the_user_object(api):
    answer = api.post(USERS, json={"page_access_user": {"email": "alice@example.com", "external_login": "alice",
                                                        "subscribe_to_components": True}})
    assert answer.status_code == 200
    user = answer.json()
    assert list(user) == list(PAGE_ACCESS_USER_FIELDS)
    assert "component_ids" not in user and "metric_ids" not in user
    assert is_statuspage_id(user["id"])
    assert user["page_id"] == DEMO_PAGE_ID
    assert user["email"] == "alice@example.com" and user["external_login"] == "alice"
    assert user["page_access_group_id"] is None and user["page_access_group_ids"] == []
    assert user["created_at"] == user["updated_at"]
    assert api.get(f"{USERS}/{user['id']}").json() == user


def test_duplicate_email_is_409_ignoring_case(api):
    create_user(api, "Alice@Example.com")
    answer = api.post(USERS, json={"page_access_user": {"email": "alice@example.COM"}})
    assert answer.status_code == 409
    assert "message" in answer.json()
    assert len(api.get(USERS).json()) == 1


@pytest.mark.parametrize("body, field", [
    ({"page_access_user": {}}, "page_access_user.email"),
    ({"page_access_user": {"email": "not-an-address"}}, "page_access_user.email"),
    ({"page_access_user": {"email": 7}}, "page_access_user.email"),
    ({"page_access_user": {"email": "a@example.com", "page_access_group_ids": "g"}},
     "page_access_user.page_access_group_ids"),
    ({"page_access_user": {"email": "a@example.com", "page_access_group_ids": ["nosuchgroup1"]}},
     "page_access_user.page_access_group_ids"),
    ({"page_access_user": {"email": "a@example.com", "subscribe_to_components": "maybe"}},
     "page_access_user.subscribe_to_components"),
])
def test_invalid_create_is_422_naming_the_field(api, body, field):
    answer = api.post(USERS, json=body)
    assert answer.status_code == 422
    assert field in answer.json()["message"]
    assert api.get(USERS).json() == []


def test_create_without_wrapper_is_400(api):
    assert api.post(USERS, json={"email": "a@example.com"}).status_code == 400


def test_form_encoded_create(api):
    answer = api.post(USERS, data={"page_access_user[email]": "form@example.com",
                                   "page_access_user[external_login]": "form"})
    assert answer.status_code == 200
    assert answer.json()["email"] == "form@example.com"


def test_list_pagination_and_email_filter(api):
    for number in range(5):
        create_user(api, f"user{number}@example.com")
    assert len(api.get(USERS).json()) == 5  # unpaginated works too
    pages = [api.get(USERS, params={"page": page, "per_page": 2}).json() for page in (1, 2, 3)]
    assert [len(page) for page in pages] == [2, 2, 1]
    assert [user["email"] for page in pages for user in page] == [f"user{number}@example.com" for number in range(5)]
    found = api.get(USERS, params={"email": "USER3@example.com", "page": 1, "per_page": 100}).json()
    assert [user["email"] for user in found] == ["user3@example.com"]
    assert api.get(USERS, params={"email": "user3@example"}).json() == []
    assert api.get(USERS, params={"email": "nobody@example.com"}).json() == []


def test_patch_put_delete_user(api):
    user = create_user(api)
    answer = api.patch(f"{USERS}/{user['id']}", json={"page_access_user": {"external_login": "a2"}})
    assert answer.status_code == 200
    assert answer.json()["external_login"] == "a2" and answer.json()["updated_at"] > user["updated_at"]
    answer = api.put(f"{USERS}/{user['id']}", json={"page_access_user": {"email": "alice2@example.com"}})
    assert answer.status_code == 200 and answer.json()["email"] == "alice2@example.com"
    assert api.get(USERS, params={"email": "alice@example.com"}).json() == []
    other = create_user(api, "bob@example.com")
    answer = api.patch(f"{USERS}/{other['id']}", json={"page_access_user": {"email": "ALICE2@example.com"}})
    assert answer.status_code == 409
    answer = api.patch(f"{USERS}/{other['id']}", json={"page_access_user": {"email": "broken"}})
    assert answer.status_code == 422
    answer = api.delete(f"{USERS}/{user['id']}")
    assert answer.status_code == 204 and answer.content == b""
    assert api.get(f"{USERS}/{user['id']}").status_code == 404
    assert api.delete(f"{USERS}/{user['id']}").status_code == 404


def test_component_verbs_add_replace_remove_remove_all(api):
    user = create_user(api)
    base = f"{USERS}/{user['id']}/components"

    answer = api.patch(base, json={"component_ids": [API, DASHBOARD]})
    assert answer.status_code == 200
    assert answer.json()["id"] == user["id"] and "component_ids" not in answer.json()
    assert component_ids_of(api, user["id"]) == [API, DASHBOARD]

    answer = api.put(base, json={"component_ids": [DASHBOARD, EU_COMPUTE]})
    assert answer.status_code == 200
    assert component_ids_of(api, user["id"]) == [API, DASHBOARD, EU_COMPUTE]

    answer = api.post(base, json={"component_ids": [US_COMPUTE, API]})
    assert answer.status_code == 201
    assert component_ids_of(api, user["id"]) == [US_COMPUTE, API]

    answer = api.delete(base, json={"component_ids": [US_COMPUTE]})
    assert answer.status_code == 200
    assert component_ids_of(api, user["id"]) == [API]

    api.post(base, json={"component_ids": [API, DASHBOARD, EU_COMPUTE]})
    answer = api.delete(f"{base}/{DASHBOARD}")
    assert answer.status_code == 200 and answer.json()["id"] == user["id"]
    assert component_ids_of(api, user["id"]) == [API, EU_COMPUTE]

    # The real API's trap: a DELETE without ids, or with an empty list, removes them all
    answer = api.delete(base, json={"component_ids": []})
    assert answer.status_code == 200
    assert component_ids_of(api, user["id"]) == []
    api.post(base, json={"component_ids": [API]})
    assert api.delete(base).status_code == 200
    assert component_ids_of(api, user["id"]) == []


def test_component_verbs_with_form_bodies(api):
    user = create_user(api)
    base = f"{USERS}/{user['id']}/components"
    assert api.patch(base, data={"component_ids[]": [API, EU_COMPUTE]}).status_code == 200
    assert component_ids_of(api, user["id"]) == [API, EU_COMPUTE]
    assert api.delete(base, data={"component_ids[]": [API]}).status_code == 200
    assert component_ids_of(api, user["id"]) == [EU_COMPUTE]


def test_component_verbs_errors(api):
    user = create_user(api)
    base = f"{USERS}/{user['id']}/components"
    api.post(base, json={"component_ids": [API]})
    answer = api.patch(base, json={"component_ids": [API, "nosuchcompon"]})
    assert answer.status_code == 404 and "nosuchcompon" in answer.json()["message"]
    answer = api.delete(base, json={"component_ids": ["nosuchcompon"]})
    assert answer.status_code == 404
    assert api.patch(base, json={"component_ids": "abc"}).status_code == 422
    assert api.post(base, json={}).status_code == 422
    assert api.delete(f"{base}/nosuchcompon").status_code == 404
    assert component_ids_of(api, user["id"]) == [API]
    assert api.post(f"{USERS}/nosuchuser00/components", json={"component_ids": [API]}).status_code == 404


def test_user_components_list_is_paginated_component_objects(api):
    user = create_user(api)
    ids = list(DEMO_COMPONENT_IDS.values())
    api.post(f"{USERS}/{user['id']}/components", json={"component_ids": ids})
    first = api.get(f"{USERS}/{user['id']}/components", params={"page": 1, "per_page": 4}).json()
    last = api.get(f"{USERS}/{user['id']}/components", params={"page": 3, "per_page": 4}).json()
    assert [component["id"] for component in first] == ids[:4]
    assert [component["id"] for component in last] == ids[8:]
    assert first[0]["name"] == "API" and first[0]["page_id"] == DEMO_PAGE_ID


def test_metric_verbs(api):
    user = create_user(api)
    base = f"{USERS}/{user['id']}/metrics"
    assert api.patch(base, json={"metric_ids": [LATENCY]}).status_code == 200
    assert api.put(base, json={"metric_ids": [ERRORS]}).status_code == 200
    assert metric_ids_of(api, user["id"]) == [LATENCY, ERRORS]
    assert api.post(base, json={"metric_ids": [UPTIME]}).status_code == 201
    assert metric_ids_of(api, user["id"]) == [UPTIME]
    api.post(base, json={"metric_ids": [UPTIME, LATENCY]})
    assert api.delete(base, json={"metric_ids": [UPTIME]}).status_code == 200
    assert metric_ids_of(api, user["id"]) == [LATENCY]
    assert api.delete(f"{base}/{LATENCY}").status_code == 200
    assert metric_ids_of(api, user["id"]) == []
    api.post(base, json={"metric_ids": [UPTIME, LATENCY]})
    assert api.delete(base).status_code == 200
    assert metric_ids_of(api, user["id"]) == []
    assert api.patch(base, json={"metric_ids": ["nosuchmetric"]}).status_code == 404
    assert api.patch(base, json={"component_ids": [API]}).status_code == 422
    assert api.get(base).json() == []


def test_membership_change_bumps_updated_at_only_on_change(api):
    user = create_user(api)
    base = f"{USERS}/{user['id']}/components"
    first = api.patch(base, json={"component_ids": [API]}).json()
    assert first["updated_at"] > user["updated_at"]
    again = api.patch(base, json={"component_ids": [API]}).json()
    assert again["updated_at"] == first["updated_at"]


def test_ids_in_the_query_count_as_in_the_body(api):
    # Rails merges query parameters into params: a DELETE with ?component_ids[]= removes only those
    user = create_user(api)
    base = f"{USERS}/{user['id']}/components"
    api.post(base, json={"component_ids": [API, DASHBOARD]})
    assert api.delete(base, params={"component_ids[]": [API]}).status_code == 200
    assert component_ids_of(api, user["id"]) == [DASHBOARD]
