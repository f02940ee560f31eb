"""Incidents and incident templates in seeds and state dumps."""

from __future__ import annotations

import copy
import re

import pytest

from ..demo import DEMO_TEMPLATE_IDS, demo_seed
from ..seed import SeedError, build_store
from ..server import start_in_thread
from .event_helpers import create, patch, serve
from .helpers import PAGE, ApiClient


def test_demo_templates_and_no_incidents(api):
    templates = api.get(PAGE + "/incident_templates").json()
    assert {template["name"]: template["id"] for template in templates} == DEMO_TEMPLATE_IDS
    assert api.get(PAGE + "/incidents").json() == []


def test_a_state_dump_with_events_loads_back_unchanged(api, control):
    serve(control, "timestamps-offset,scheduled-not-started")  # variants go into the dump too
    incident = create(api, name="Broken", body="Looking", components={"d59ujm7rjqit": "partial_outage"},
                      metadata={"jira": {"issue_id": "OPS-3"}})
    patch(api, incident["id"], status="identified", body="Found it")
    create(api, name="Upgrade", status="scheduled", scheduled_for="2030-01-01T00:00:00Z",
           scheduled_until="2030-01-01T01:00:00Z", scheduled_auto_in_progress=True, component_ids=["yeqw4cw8q270"])
    api.post(PAGE + "/incident_templates", json={"template": {"name": "t", "title": "t", "body": "b",
                                                              "component_ids": ["yeqw4cw8q270"]}})
    state = control.state()
    reloaded = build_store(copy.deepcopy(state)).dump()
    assert reloaded == state


def test_a_hand_written_seed_with_events():
    seed = demo_seed()
    seed["pages"][0]["incidents"] = [
        {"name": "Database upgrade", "scheduled_for": "2030-01-01T02:00:00+01:00",
         "scheduled_until": "2030-01-01T04:00:00Z", "component_ids": ["EU/Database"],
         "incident_updates": [{"body": "We will upgrade the EU databases."}]},
        {"name": "Old outage", "status": "resolved", "created_at": "2024-01-01T00:00:00Z"},
    ]
    with start_in_thread(seed) as emulator:
        api = ApiClient(emulator.api_url, "demo-key")
        upcoming, resolved = api.get(PAGE + "/incidents").json()
        assert upcoming["status"] == "scheduled" and upcoming["scheduled_for"] == "2030-01-01T01:00:00.000Z"
        assert upcoming["impact"] == "maintenance" and upcoming["components"][0]["name"] == "Database"
        assert upcoming["incident_updates"][0]["body"] == "We will upgrade the EU databases."
        assert resolved["incident_updates"][0]["body"] == "" and resolved["created_at"] == "2024-01-01T00:00:00.000Z"


@pytest.mark.parametrize("incident, message", [
    ({"status": "resolved"}, "incidents[0].name is required"),
    ({"name": "x", "colour": "red"}, "unknown key(s) colour"),
    ({"name": "x", "status": "scheduled"}, "needs scheduled_for and scheduled_until"),
    ({"name": "x", "component_ids": ["Nope"]}, "no component 'Nope'"),
    ({"name": "x", "component_ids": ["Compute"]}, "ambiguous"),
    ({"name": "x", "component_ids": ["EU"]}, "is a component group"),
    ({"name": "x", "scheduled_for": "soon", "scheduled_until": "later"}, "incidents[0].scheduled_for"),
    ({"name": "x", "incident_updates": [{"body": "b", "mood": "calm"}]}, "incident_updates[0]: unknown key(s) mood"),
    ({"name": "x", "id": "mt7c2vq0hx4e"}, "used twice"),
])
def test_bad_event_seeds_are_refused_with_the_place(incident, message):
    seed = demo_seed()
    seed["pages"][0]["incidents"] = [incident]
    with pytest.raises(SeedError, match=re.escape(message)):
        build_store(seed)
