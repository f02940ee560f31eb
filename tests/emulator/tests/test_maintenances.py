"""Scheduled maintenances: the schedule, the clock passing it, reminders, the list endpoints,
and the event variants."""

from __future__ import annotations

import datetime

import requests

from .. import clock
from ..demo import DEMO_COMPONENT_IDS, demo_seed
from ..server import start_in_thread
from .event_helpers import EventControl, component_status, create, patch, serve
from .helpers import PAGE, ApiClient

EU_DATABASE = DEMO_COMPONENT_IDS["EU/Database"]
EU_STORAGE = DEMO_COMPONENT_IDS["EU/Storage"]
API = DEMO_COMPONENT_IDS["Platform/API"]

AUTO = {"scheduled_auto_in_progress": True, "scheduled_auto_completed": True,
        "auto_transition_to_maintenance_state": True, "auto_transition_to_operational_state": True}


def window(start_in: float, length: float = 3600) -> dict:
    """scheduled_for/until this many seconds from the emulator's now (the real time at a reset)."""
    start = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=start_in)
    return {"scheduled_for": clock.format_timestamp(start),
            "scheduled_until": clock.format_timestamp(start + datetime.timedelta(seconds=length))}


def names(api, listing: str) -> list[str]:
    return [incident["name"] for incident in api.get(PAGE + f"/incidents/{listing}").json()]


def test_a_scheduled_maintenance_needs_its_window(api):
    for body, message in (
            ({"name": "x", "status": "scheduled"}, "scheduled_for and incident.scheduled_until are required"),
            ({"name": "x", "status": "scheduled", "scheduled_for": "2030-01-01T02:00:00Z",
              "scheduled_until": "2030-01-01T01:00:00Z"}, "must be after scheduled_for"),
            ({"name": "x", "status": "scheduled", "scheduled_for": "2030-01-01T02:00:00Z",
              "scheduled_until": "2030-01-01T02:00:00Z"}, "must be after scheduled_for")):
        answer = api.post(PAGE + "/incidents", json={"incident": body})
        assert answer.status_code == 422 and message in answer.json()["message"]
    maintenance = create(api, name="Implied", body="Planned", **window(7200))
    assert maintenance["status"] == "scheduled" and maintenance["impact"] == "maintenance"
    answer = api.patch(PAGE + f"/incidents/{maintenance['id']}", json={"incident": {"status": "resolved"}})
    assert answer.status_code == 422 and "scheduled maintenance" in answer.json()["message"]
    answer = api.patch(PAGE + f"/incidents/{maintenance['id']}",
                       json={"incident": {"scheduled_until": "2000-01-01T00:00:00Z"}})
    assert answer.status_code == 422


def test_the_clock_starts_and_completes_a_maintenance(api, emulator):
    control = EventControl(emulator.url)
    maintenance = create(api, name="Database upgrade", body="We will upgrade the EU databases.",
                         component_ids=[EU_DATABASE, EU_STORAGE], auto_transition_deliver_notifications_at_start=True,
                         auto_transition_deliver_notifications_at_end=False, **AUTO, **window(600))
    assert component_status(api, EU_DATABASE) == "operational"  # component_ids change nothing
    assert names(api, "upcoming") == ["Database upgrade"] and names(api, "active_maintenance") == []

    moved = control.advance(900)
    assert [step["step"] for step in moved["steps"]] == ["start"]
    assert moved["steps"][0]["at"] == maintenance["scheduled_for"]
    started = api.get(PAGE + f"/incidents/{maintenance['id']}").json()
    assert started["status"] == "in_progress"
    latest = started["incident_updates"][0]
    assert latest["body"].startswith("Scheduled maintenance is currently in progress")
    assert latest["created_at"] == maintenance["scheduled_for"] and latest["deliver_notifications"] is True
    assert {entry["code"] for entry in latest["affected_components"]} == {EU_DATABASE, EU_STORAGE}
    assert component_status(api, EU_DATABASE) == component_status(api, EU_STORAGE) == "under_maintenance"
    assert names(api, "upcoming") == [] and names(api, "active_maintenance") == ["Database upgrade"]

    control.advance(3600)
    completed = api.get(PAGE + f"/incidents/{maintenance['id']}").json()
    assert completed["status"] == "completed" and completed["resolved_at"] == maintenance["scheduled_until"]
    assert completed["incident_updates"][0]["body"] == "The scheduled maintenance has been completed."
    assert component_status(api, EU_DATABASE) == "operational"
    assert names(api, "active_maintenance") == [] and names(api, "scheduled") == ["Database upgrade"]
    assert [entry["kind"] for entry in control.notifications()] == ["created", "auto_start"]
    assert control.advance(86400)["steps"] == []  # nothing happens twice


def test_without_the_auto_switches_nothing_moves_until_a_patch(api, emulator):
    control = EventControl(emulator.url)
    maintenance = create(api, name="Manual", component_ids=[API], auto_transition_to_maintenance_state=True,
                         auto_transition_to_operational_state=True, **window(60, 600))
    assert control.advance(7200)["steps"] == []
    assert api.get(PAGE + f"/incidents/{maintenance['id']}").json()["status"] == "scheduled"
    started = patch(api, maintenance["id"], status="in_progress", body="Starting now.")
    assert started["incident_updates"][0]["affected_components"][0]["new_status"] == "under_maintenance"
    assert component_status(api, API) == "under_maintenance"
    patch(api, maintenance["id"], status="completed", body="Done.")
    assert component_status(api, API) == "operational"


def test_explicit_component_statuses_win_over_the_auto_transition(api):
    maintenance = create(api, name="Partial", component_ids=[API, EU_DATABASE],
                         auto_transition_to_maintenance_state=True, **window(3600))
    patch(api, maintenance["id"], status="in_progress", components={API: "degraded_performance"})
    assert component_status(api, API) == "degraded_performance"
    assert component_status(api, EU_DATABASE) == "under_maintenance"


def test_reminder_an_hour_before_once(api, emulator):
    control = EventControl(emulator.url)
    maintenance = create(api, name="Reminded", scheduled_remind_prior=True, deliver_notifications=False,
                         **window(7200))
    assert control.advance(3000)["steps"] == []
    steps = control.advance(700)["steps"]
    assert [step["step"] for step in steps] == ["remind"]
    due = clock.parse_timestamp(maintenance["scheduled_for"]) - datetime.timedelta(hours=1)
    stored = api.get(PAGE + f"/incidents/{maintenance['id']}").json()
    assert stored["scheduled_reminded_at"] == clock.format_timestamp(due) == steps[0]["at"]
    assert [entry["kind"] for entry in control.notifications()] == ["reminder"]
    assert control.advance(600)["steps"] == []
    moved = patch(api, maintenance["id"], **window(86400))
    assert moved["scheduled_reminded_at"] is None  # a moved window is reminded again


def test_transitions_run_before_any_request():
    """A seed maintenance whose window is over is completed by the time the first request is answered."""
    seed = demo_seed()
    seed["pages"][0]["incidents"] = [{
        "name": "Last night", "status": "scheduled", "created_at": "2023-12-20T09:00:00Z",
        "scheduled_for": "2024-01-01T01:00:00Z",
        "scheduled_until": "2024-01-01T02:00:00Z", "component_ids": ["EU/Database"], **AUTO}]
    with start_in_thread(seed) as emulator:
        api = ApiClient(emulator.api_url, "demo-key")
        (maintenance,) = api.get(PAGE + "/incidents").json()
        assert maintenance["status"] == "completed"
        assert [update["created_at"] for update in maintenance["incident_updates"][:2]] == [
            "2024-01-01T02:00:00.000Z", "2024-01-01T01:00:00.000Z"]
        assert component_status(api, EU_DATABASE) == "operational"


def test_clock_control(emulator, control):
    events = EventControl(emulator.url)
    before = clock.parse_timestamp(events.now())
    answer = events.advance(86400)
    assert answer["offset_seconds"] == 86400
    assert clock.parse_timestamp(answer["now"]) - before >= datetime.timedelta(days=1)
    assert events.move_to("2000-01-01T00:00:00Z").status_code == 400  # never back
    target = clock.format_timestamp(before + datetime.timedelta(days=3))
    assert events.move_to(target).status_code == 200
    for body in ({"advance": -1}, {"advance": "soon"}, {"now": "later"}, {"now": "2099-01-01T00:00:00"}, {},
                 {"advance": 1, "now": target}):
        assert requests.post(events.url + "/clock", json=body, timeout=10).status_code == 400, body
    control.reset()
    assert EventControl(emulator.url).advance(0)["offset_seconds"] == 0


def test_reset_empties_the_notifications(api, emulator, control):
    create(api, name="Loud")
    assert len(EventControl(emulator.url).notifications()) == 1
    control.reset()
    assert EventControl(emulator.url).notifications() == []


def test_variant_auto_transition_component_flags_starts_on_them_alone(api, emulator, control):
    serve(control, "auto-transition-component-flags")
    events = EventControl(emulator.url)
    create(api, name="Flags", component_ids=[API], auto_transition_to_maintenance_state=True,
           auto_transition_to_operational_state=True, **window(60, 600))
    assert [step["step"] for step in events.advance(120)["steps"]] == ["start"]
    assert component_status(api, API) == "under_maintenance"
    assert [step["step"] for step in events.advance(600)["steps"]] == ["complete"]
    assert component_status(api, API) == "operational"


def test_variant_maintenance_components_at_start_holds_the_statuses(api, emulator, control):
    held = {"name": "Held", "components": {API: "under_maintenance"}, "scheduled_auto_in_progress": True}
    create(api, **held, **window(600))
    assert component_status(api, API) == "under_maintenance"  # default: at once
    serve(control, "maintenance-components=at-start")
    maintenance = create(api, **held, **window(600))
    assert component_status(api, API) == "operational"
    assert [component["id"] for component in maintenance["components"]] == [API]
    EventControl(emulator.url).advance(700)
    assert component_status(api, API) == "under_maintenance"


def test_variant_scheduled_list_not_started(api, control):
    for choice, expected in (("all", ["Later", "Running"]), ("not-started", ["Later"])):
        serve(control, f"scheduled-list={choice}")
        create(api, name="Running", status="in_progress", **window(-60))
        create(api, name="Later", **window(7200))
        assert names(api, "scheduled") == expected
        assert names(api, "upcoming") == ["Later"] and names(api, "active_maintenance") == ["Running"]


def test_variant_incident_transitions_forward(api, control):
    incident = create(api, name="Anywhere", status="monitoring")
    assert patch(api, incident["id"], status="identified")["status"] == "identified"
    serve(control, "transitions-forward")
    incident = create(api, name="Onwards", status="monitoring")
    answer = api.patch(PAGE + f"/incidents/{incident['id']}", json={"incident": {"status": "identified"}})
    assert answer.status_code == 422 and "cannot go back" in answer.json()["message"]
    assert patch(api, incident["id"], status="resolved")["status"] == "resolved"


def test_variant_event_timestamps_offset(api, control):
    serve(control, "timestamps-offset")
    maintenance = create(api, name="Zoned", scheduled_for="2030-01-01T12:00:00Z",
                         scheduled_until="2030-01-01T13:30:00+01:00")
    assert maintenance["scheduled_for"] == "2030-01-01T06:00:00.000-06:00"
    assert maintenance["scheduled_until"] == "2030-01-01T06:30:00.000-06:00"
    assert maintenance["created_at"].endswith("-06:00")
    assert maintenance["incident_updates"][0]["display_at"].endswith("-06:00")
    # The same instant: a client comparing moments sees no change
    assert clock.parse_timestamp(maintenance["scheduled_for"]) == clock.parse_timestamp("2030-01-01T12:00:00Z")
