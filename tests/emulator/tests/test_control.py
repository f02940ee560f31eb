"""Control endpoints: health, request log, state, reset, shutdown (in-process)."""

from __future__ import annotations

import json

import requests

from ..demo import DEMO_API_KEY, DEMO_PAGE_ID
from ..server import start_in_thread
from .helpers import PAGE


def test_health(control):
    answer = requests.get(control.url + "/health", timeout=10)
    assert answer.status_code == 200 and answer.json() == {"ok": True}


def test_request_log_entries(api, control):
    api.get(PAGE + "/components", params={"page": "2", "per_page": "5"})
    api.patch(PAGE, json={"page": {"name": "Logged"}})
    api.post(PAGE + "/page_access_users", data={"page_access_user[email]": "f@example.com"})
    requests.get(control.url + "/health", timeout=10)  # control calls are not logged
    log = control.requests_log()
    assert [set(entry) for entry in log] == [{"method", "path", "query", "status", "body", "time", "fault"}] * 3
    first, second, third = log
    assert first["method"] == "GET" and first["path"] == f"/v1/pages/{DEMO_PAGE_ID}/components"
    assert first["query"] == {"page": "2", "per_page": "5"} and first["body"] is None
    assert first["status"] == 200 and first["fault"] is None
    assert second["body"] == {"page": {"name": "Logged"}} and second["query"] == {}
    assert third["body"] == {"page_access_user": {"email": "f@example.com"}} and third["status"] == 200
    assert first["time"] <= second["time"] <= third["time"]


def test_request_log_never_shows_the_key(emulator, control):
    requests.get(emulator.api_url + PAGE, params={"api_key": DEMO_API_KEY, "x": "1"}, timeout=10)
    requests.get(emulator.api_url + PAGE, headers={"Authorization": f"OAuth {DEMO_API_KEY}"}, timeout=10)
    requests.post(emulator.api_url + PAGE + "/page_access_users", timeout=10,
                  data={"api_key": DEMO_API_KEY, "page_access_user[email]": "k@example.com"})
    requests.get(emulator.api_url + "/pages", headers={"Authorization": "OAuth wrong-secret-key"}, timeout=10)
    log = control.requests_log()
    assert len(log) == 4
    assert log[0]["query"] == {"x": "1"}
    text = json.dumps(log)
    assert DEMO_API_KEY not in text and "wrong-secret-key" not in text and "api_key" not in text


def test_clear_request_log(api, control):
    api.get(PAGE)
    control.clear_log()
    assert control.requests_log() == []


def test_state_is_everything_in_seed_format(api, control):
    user = api.post(PAGE + "/page_access_users", json={"page_access_user": {"email": "s@example.com"}}).json()
    state = control.state()
    assert {key["key"] for key in state["api_keys"]} == {DEMO_API_KEY, "other-key"}
    page = next(entry for entry in state["pages"] if entry["id"] == DEMO_PAGE_ID)
    assert [entry["id"] for entry in page["page_access_users"]] == [user["id"]]
    assert page["page_access_users"][0]["component_ids"] == []
    assert len(page["components"]) == 13 and len(page["metrics"]) == 3


def test_reset_restores_data_and_clears_log_and_faults(api, control):
    api.patch(PAGE, json={"page": {"name": "Changed"}})
    api.post(PAGE + "/page_access_users", json={"page_access_user": {"email": "r@example.com"}})
    control.faults({"next": [{"status": 503, "path": "never-matches"}],
                    "throttle": {"limit": 100, "window": 60}})
    assert requests.post(control.url + "/reset", timeout=10).json() == {"ok": True}
    assert control.requests_log() == []
    assert requests.get(control.url + "/faults", timeout=10).json() == {"throttle": None, "next": []}
    assert api.get(PAGE).json()["name"] == "Acme Cloud"
    assert api.get(PAGE + "/page_access_users").json() == []


def test_demo_data_is_the_same_after_reset(api, control):
    first = control.state()
    api.delete(PAGE + "/components/" + first["pages"][0]["components"][1]["id"])
    control.reset()
    assert control.state() == first


def test_unknown_control_endpoint_and_verb(control):
    assert requests.get(control.url + "/nope", timeout=10).status_code == 404
    assert requests.get(control.url + "/reset", timeout=10).status_code == 405


def test_shutdown_endpoint_stops_an_in_process_server():
    emulator = start_in_thread()
    answer = requests.post(emulator.url + "/__emulator__/shutdown", timeout=10)
    assert answer.status_code == 200
    assert emulator.wait_stopped(10)
    emulator.stop()  # a second stop is harmless


def test_start_in_thread_as_context_manager():
    with start_in_thread() as emulator:
        assert emulator.api_url == emulator.url + "/v1"
        assert emulator.url.startswith("http://127.0.0.1:")
        assert emulator.api_key == DEMO_API_KEY
        assert requests.get(emulator.url + "/__emulator__/health", timeout=10).status_code == 200
    assert emulator.stopped
