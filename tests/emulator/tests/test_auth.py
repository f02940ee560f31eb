"""Authentication and page access: 401, 403 and 404 as the real API answers them."""

from __future__ import annotations

import pytest
import requests

from ..demo import DEMO_API_KEY, DEMO_PAGE_ID, OTHER_API_KEY, OTHER_PAGE_ID
from .helpers import PAGE, ApiClient


@pytest.mark.parametrize("headers", [
    {},
    {"Authorization": "OAuth not-a-key"},
    {"Authorization": "Bearer " + DEMO_API_KEY},
    {"Authorization": "OAuth "},
])
def test_missing_or_unknown_key_is_401(emulator, headers):
    for path in ("/pages", PAGE, PAGE + "/components", PAGE + "/page_access_users"):
        answer = requests.get(emulator.api_url + path, headers=headers, timeout=10)
        assert answer.status_code == 401
        assert set(answer.json()) == {"message"}


def test_api_key_query_parameter_authenticates(emulator):
    answer = requests.get(emulator.api_url + PAGE, params={"api_key": DEMO_API_KEY}, timeout=10)
    assert answer.status_code == 200
    assert answer.json()["id"] == DEMO_PAGE_ID


def test_page_of_another_key_is_403(api):
    for path in ("", "/components", "/metrics", "/page_access_users", "/page_access_groups",
                 "/status_embed_config", "/component-groups"):
        answer = api.get(f"/pages/{OTHER_PAGE_ID}{path}")
        assert answer.status_code == 403, path
        assert "message" in answer.json()
    assert api.patch(f"/pages/{OTHER_PAGE_ID}", json={"page": {"name": "x"}}).status_code == 403


def test_other_key_sees_only_its_page(emulator):
    other = ApiClient(emulator.api_url, OTHER_API_KEY)
    assert [page["id"] for page in other.get("/pages").json()] == [OTHER_PAGE_ID]
    assert other.get(PAGE).status_code == 403


def test_unknown_page_is_404(api):
    for path in ("", "/components", "/page_access_users"):
        answer = api.get(f"/pages/nosuchpage00{path}")
        assert answer.status_code == 404
        assert "message" in answer.json()


@pytest.mark.parametrize("path", [
    "/components/zzzzzzzzzzzz",
    "/component-groups/zzzzzzzzzzzz",
    "/metrics/zzzzzzzzzzzz",
    "/page_access_users/zzzzzzzzzzzz",
    "/page_access_groups/zzzzzzzzzzzz",
    "/page_access_users/zzzzzzzzzzzz/components",
    "/page_access_groups/zzzzzzzzzzzz/components",
])
def test_unknown_ids_are_404(api, path):
    answer = api.get(PAGE + path)
    assert answer.status_code == 404
    assert "zzzzzzzzzzzz" in answer.json()["message"]


def test_unknown_route_and_wrong_verb(api):
    assert api.get("/incidents").status_code == 404
    answer = api.delete(PAGE)
    assert answer.status_code == 405
    assert "message" in answer.json()


def test_json_suffix_is_accepted(api):
    answer = api.get(PAGE + ".json")
    assert answer.status_code == 200
    assert answer.json()["id"] == DEMO_PAGE_ID
