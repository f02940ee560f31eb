"""The throttle and scripted faults (PUT /__emulator__/faults)."""

from __future__ import annotations

import time

import pytest
import requests

from ..demo import OTHER_API_KEY
from .helpers import PAGE, ApiClient

USERS = PAGE + "/page_access_users"


def user_count(api) -> int:
    return len(api.get(USERS).json())


@pytest.mark.parametrize("status", [420, 429])
def test_throttle_answers_status_with_retry_after_and_does_nothing(api, control, status):
    assert control.faults({"throttle": {"limit": 2, "window": 60, "status": status, "retry_after": 7}}).status_code == 200
    assert api.get(PAGE).status_code == 200
    assert api.post(USERS, json={"page_access_user": {"email": "a@example.com"}}).status_code == 200
    answer = api.post(USERS, json={"page_access_user": {"email": "b@example.com"}})
    assert answer.status_code == status
    assert answer.headers["Retry-After"] == "7"
    assert answer.json() == {"message": "Rate limit exceeded"}
    assert "X-RateLimit-Limit" not in answer.headers
    control.faults({})
    assert [user["email"] for user in api.get(USERS).json()] == ["a@example.com"]


def test_throttle_is_per_key_and_throttled_requests_do_not_count(emulator, api, control):
    control.faults({"throttle": {"limit": 2, "window": 1, "status": 429, "retry_after": 1}})
    started = time.monotonic()
    assert [api.get(PAGE).status_code for _attempt in range(2)] == [200, 200]
    assert [api.get(PAGE).status_code for _attempt in range(5)] == [429] * 5
    other = ApiClient(emulator.api_url, OTHER_API_KEY)
    assert other.get("/pages").status_code == 200
    # Once the two accepted requests leave the window, requests pass again: the five
    # throttled ones were not counted
    time.sleep(max(0.0, 1.05 - (time.monotonic() - started)))
    assert api.get(PAGE).status_code == 200


def test_throttle_allows_a_burst_then_a_steady_rate(api, control):
    # 4 per 0.4 s: a burst of 4, then one every 0.1 s, like Statuspage's 60 per 60 s.
    control.faults({"throttle": {"limit": 4, "window": 0.4, "status": 420, "retry_after": 1}})
    assert [api.get(PAGE).status_code for _attempt in range(5)] == [200] * 4 + [420]
    time.sleep(0.12)
    assert [api.get(PAGE).status_code for _attempt in range(2)] == [200, 420]


def test_throttled_requests_are_logged(api, control):
    control.faults({"throttle": {"limit": 1, "window": 60, "status": 420, "retry_after": 1}})
    api.get(PAGE)
    api.get(PAGE)
    statuses = [entry["status"] for entry in control.requests_log()]
    assert statuses == [200, 420]
    assert control.requests_log()[1]["fault"] == {"throttle": True}


def test_scripted_status_does_nothing(api, control):
    control.faults({"next": [{"status": 503}]})
    answer = api.post(USERS, json={"page_access_user": {"email": "a@example.com"}})
    assert answer.status_code == 503
    assert "message" in answer.json()
    assert user_count(api) == 0
    assert api.post(USERS, json={"page_access_user": {"email": "a@example.com"}}).status_code == 200


def test_scripted_status_with_retry_after_and_message(api, control):
    control.faults({"next": [{"status": 429, "retry_after": 3, "message": "slow down"}]})
    answer = api.get(PAGE)
    assert answer.status_code == 429
    assert answer.headers["Retry-After"] == "3"
    assert answer.json() == {"message": "slow down"}


def test_reset_performs_the_request_then_drops_the_connection(api, control):
    control.faults({"next": [{"reset": True}]})
    with pytest.raises(requests.ConnectionError):
        api.post(USERS, json={"page_access_user": {"email": "lost@example.com"}})
    # The create happened although its answer was lost; the server goes on serving
    assert [user["email"] for user in api.get(USERS).json()] == ["lost@example.com"]
    entry = control.requests_log()[0]
    assert entry["status"] == 200 and entry["fault"] == {"reset": True}
    assert api.post(USERS, json={"page_access_user": {"email": "lost@example.com"}}).status_code == 409


def test_delay_then_normal_answer(api, control):
    control.faults({"next": [{"delay": 0.4}]})
    started = time.monotonic()
    answer = api.get(PAGE)
    assert answer.status_code == 200
    assert time.monotonic() - started >= 0.4
    started = time.monotonic()
    api.get(PAGE)
    assert time.monotonic() - started < 0.4


def test_faults_match_method_and_path_and_others_pass_by(api, control):
    control.faults({"next": [
        {"method": "POST", "path": r"/page_access_users$", "status": 500},
        {"method": "delete", "status": 502},
    ]})
    assert api.get(USERS).status_code == 200
    assert api.post(PAGE + "/components", json={"component": {"name": "X"}}).status_code == 201
    assert api.post(USERS, json={"page_access_user": {"email": "a@example.com"}}).status_code == 500
    assert api.post(USERS, json={"page_access_user": {"email": "a@example.com"}}).status_code == 200
    user_id = api.get(USERS).json()[0]["id"]
    assert api.delete(f"{USERS}/{user_id}").status_code == 502
    assert api.delete(f"{USERS}/{user_id}").status_code == 204
    assert requests.get(control.url + "/faults", timeout=10).json() == {"throttle": None, "next": []}


def test_faults_configuration_is_shown_replaced_and_cleared(control):
    config = {"throttle": {"model": "window", "limit": 60, "window": 60, "status": 420, "retry_after": 1},
              "next": [{"status": 503}, {"reset": True, "path": "components"}]}
    answer = control.faults(config)
    assert answer.status_code == 200
    assert answer.json() == config
    # Without a model the throttle is the token bucket it always was, and says so
    shown = control.faults({"throttle": {"limit": 5, "window": 5}}).json()["throttle"]
    assert shown == {"model": "bucket", "limit": 5, "window": 5, "status": 429, "retry_after": 1}
    control.faults(config)
    assert requests.get(control.url + "/faults", timeout=10).json() == config
    assert control.faults({}).json() == {"throttle": None, "next": []}


@pytest.mark.parametrize("config", [
    {"throttle": {"limit": 0, "window": 60}},
    {"throttle": {"limit": 5, "window": 60, "status": 503}},
    {"throttle": {"limit": 5}},
    {"throttle": {"limit": 5, "window": 60, "model": "leaky"}},
    {"next": [{"status": 503, "reset": True}]},
    {"next": [{"path": "("}]},
    {"next": [{}]},
    {"next": [{"status": "bad"}]},
    {"next": {"status": 503}},
    {"nope": 1},
])
def test_invalid_fault_configuration_is_400_and_changes_nothing(control, config):
    control.faults({"next": [{"status": 503}]})
    answer = control.faults(config)
    assert answer.status_code == 400
    assert "message" in answer.json()
    assert requests.get(control.url + "/faults", timeout=10).json()["next"] == [{"status": 503}]
