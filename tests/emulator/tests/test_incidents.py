"""Realtime incidents, their updates, templates, and what they do to components."""

from __future__ import annotations

from ..demo import DEMO_COMPONENT_GROUP_IDS, DEMO_COMPONENT_IDS, DEMO_PAGE_ID
from ..event_views import INCIDENT_FIELDS, INCIDENT_UPDATE_FIELDS, TEMPLATE_FIELDS
from .event_helpers import EventControl, component_status, create, patch
from .helpers import PAGE

API = DEMO_COMPONENT_IDS["Platform/API"]
DASHBOARD = DEMO_COMPONENT_IDS["Platform/Dashboard"]
EU_DATABASE = DEMO_COMPONENT_IDS["EU/Database"]
PLATFORM = DEMO_COMPONENT_GROUP_IDS["Platform"]


def events(emulator) -> EventControl:
    return EventControl(emulator.url)


def test_create_realtime_incident_sets_component_statuses_and_notifies(api, emulator):
    incident = create(api, name="API errors", body="We are investigating.", components={API: "major_outage"},
                      component_ids=[DASHBOARD])
    assert list(incident) == list(INCIDENT_FIELDS)
    assert incident["status"] == "investigating"  # the old v1 docs' default
    assert incident["impact"] == "critical" and incident["impact_override"] is None
    assert [component["id"] for component in incident["components"]] == [DASHBOARD, API]
    assert incident["scheduled_for"] is None and incident["page_id"] == DEMO_PAGE_ID
    (update,) = incident["incident_updates"]
    assert list(update) == list(INCIDENT_UPDATE_FIELDS)
    assert update["body"] == "We are investigating." and update["status"] == "investigating"
    assert update["deliver_notifications"] is True  # the description's default
    assert update["affected_components"] == [{"code": API, "name": "API", "old_status": "operational",
                                              "new_status": "major_outage"}]
    assert component_status(api, API) == "major_outage"
    assert component_status(api, DASHBOARD) == "operational"  # listed, not changed
    (notification,) = events(emulator).notifications()
    assert notification["kind"] == "created" and notification["incident_id"] == incident["id"]
    assert notification["incident_update_id"] == update["id"] and notification["body"] == "We are investigating."


def test_patch_posts_one_update_per_change_and_none_for_name_only(api, emulator):
    incident = create(api, name="Slow API", body="Looking.", components={API: "degraded_performance"})
    renamed = patch(api, incident["id"], name="Slow API in EU")
    assert len(renamed["incident_updates"]) == 1 and renamed["updated_at"] > incident["updated_at"]
    unchanged = patch(api, incident["id"], name="Slow API in EU")
    assert unchanged["updated_at"] == renamed["updated_at"]

    same_status = patch(api, incident["id"], body="Still looking.")
    assert [update["body"] for update in same_status["incident_updates"]] == ["Still looking.", "Looking."]
    assert same_status["incident_updates"][0]["status"] == "investigating"
    again = patch(api, incident["id"], body="Still looking.")  # the API never compares bodies
    assert len(again["incident_updates"]) == 3

    status_only = patch(api, incident["id"], status="identified")
    assert status_only["incident_updates"][0]["body"] == "" and status_only["incident_updates"][0]["status"] == "identified"
    both = patch(api, incident["id"], status="monitoring", body="Fixed, watching.", components={API: "operational"})
    assert len(both["incident_updates"]) == 5  # status, body and components: one update
    assert both["incident_updates"][0]["affected_components"][0]["new_status"] == "operational"
    assert both["monitoring_at"] is not None and both["resolved_at"] is None
    assert component_status(api, API) == "operational"
    assert [entry["kind"] for entry in events(emulator).notifications()] == ["created"] + ["updated"] * 4


def test_deliver_notifications_false_records_the_update_and_notifies_nobody(api, emulator):
    incident = create(api, name="Quiet", body="Internal only.", deliver_notifications=False)
    patch(api, incident["id"], status="resolved", body="Done.", deliver_notifications=False)
    answer = api.get(PAGE + f"/incidents/{incident['id']}").json()
    assert [update["deliver_notifications"] for update in answer["incident_updates"]] == [False, False]
    assert events(emulator).notifications() == []


def test_impact_is_the_worst_seen_unless_overridden(api):
    incident = create(api, name="Outage", components={API: "partial_outage"})
    assert incident["impact"] == "major"
    resolved = patch(api, incident["id"], status="resolved", components={API: "operational"})
    assert resolved["impact"] == "major" and resolved["resolved_at"] is not None
    overridden = patch(api, incident["id"], impact_override="minor")
    assert overridden["impact"] == "minor" and overridden["impact_override"] == "minor"
    assert len(overridden["incident_updates"]) == 2  # an impact change posts nothing
    assert create(api, name="Nothing broken")["impact"] == "none"


def test_resolving_leaves_components_and_reopening_is_allowed(api):
    incident = create(api, name="Broken", components={API: "major_outage"})
    resolved = patch(api, incident["id"], status="resolved", body="Fixed.")
    assert component_status(api, API) == "major_outage"  # resolving changes no component
    reopened = patch(api, incident["id"], status="investigating", body="It is back.")
    assert resolved["resolved_at"] is not None and reopened["resolved_at"] is None


def test_invalid_changes_are_422_and_change_nothing(api, emulator):
    incident = create(api, name="Broken", components={API: "major_outage"})
    before = api.get(PAGE + f"/incidents/{incident['id']}").json()
    cases = [
        ({"status": "in_progress"}, "incident.status"),  # a scheduled status on a realtime incident
        ({"status": "fixed"}, "incident.status"),
        ({"components": {"nosuchcompon": "major_outage"}, "body": "x"}, "nosuchcompon"),
        ({"components": {PLATFORM: "major_outage"}}, "component group"),
        ({"components": {API: "down"}}, f"incident.components.{API}"),
        ({"components": [API]}, "incident.components"),
        ({"metadata": {"jira": "OPS-1"}}, "incident.metadata.jira"),
        ({"reminder_intervals": "[6, 3]"}, "incident.reminder_intervals"),
        ({"reminder_intervals": "25"}, "incident.reminder_intervals"),
        ({"name": ""}, "incident.name"),
        ({"name": "x" * 256}, "255"),
        ({"deliver_notifications": "sometimes"}, "incident.deliver_notifications"),
    ]
    for changes, message in cases:
        answer = api.patch(PAGE + f"/incidents/{incident['id']}", json={"incident": changes})
        assert answer.status_code == 422, changes
        assert message in answer.json()["message"], (changes, answer.json())
    assert api.patch(PAGE + f"/incidents/{incident['id']}", json={"status": "resolved"}).status_code == 422
    assert api.get(PAGE + f"/incidents/{incident['id']}").json() == before
    assert len(events(emulator).notifications()) == 1


def test_create_errors(api):
    assert api.post(PAGE + "/incidents", json={"name": "x"}).status_code == 400  # no wrapper
    answer = api.post(PAGE + "/incidents", json={"incident": {"body": "no name"}})
    assert answer.status_code == 422 and "incident.name" in answer.json()["message"]
    answer = api.post(PAGE + "/incidents", json={"incident": {"name": "x", "impact_override": "huge"}})
    assert answer.status_code == 422 and "impact_override" in answer.json()["message"]
    answer = api.post(PAGE + "/incidents", json={"incident": {"name": "x", "backfilled": True,
                                                              "components": {API: "major_outage"}}})
    assert answer.status_code == 422 and "backfilled" in answer.json()["message"]
    assert api.get(PAGE + "/incidents").json() == []


def test_backfilled_incident_is_resolved_in_the_past_and_notifies_nobody(api, emulator):
    incident = create(api, name="Last week", backfilled=True, backfill_date="2024-01-10", body="It happened.")
    assert incident["status"] == "resolved" and incident["created_at"] == "2024-01-10T00:00:00.000Z"
    assert incident["incident_updates"][0]["deliver_notifications"] is False
    assert events(emulator).notifications() == []


def test_form_encoded_incident(api):
    answer = api.post(PAGE + "/incidents", data={
        "incident[name]": "Formed", "incident[status]": "identified", "incident[body]": "From a form",
        f"incident[components][{API}]": "partial_outage", "incident[component_ids][]": [DASHBOARD],
        "incident[deliver_notifications]": "false", "incident[metadata][jira][issue_id]": "OPS-2"})
    assert answer.status_code == 201, answer.text
    incident = answer.json()
    assert incident["status"] == "identified" and incident["metadata"] == {"jira": {"issue_id": "OPS-2"}}
    assert {component["id"] for component in incident["components"]} == {API, DASHBOARD}
    assert incident["incident_updates"][0]["deliver_notifications"] is False


def test_lists_search_and_pages(api):
    first = create(api, name="Database slow", body="Replica lag")
    second = create(api, name="API errors", body="5xx responses")
    patch(api, first["id"], status="resolved", body="Fixed the replica")
    create(api, name="Upgrade", status="scheduled", scheduled_for="2030-01-01T00:00:00Z",
           scheduled_until="2030-01-01T01:00:00Z")
    names = [incident["name"] for incident in api.get(PAGE + "/incidents").json()]
    assert names == ["Upgrade", "API errors", "Database slow"]  # newest first, maintenances too
    assert [i["name"] for i in api.get(PAGE + "/incidents", params={"q": "REPLICA"}).json()] == ["Database slow"]
    assert [i["name"] for i in api.get(PAGE + "/incidents", params={"q": "resolved"}).json()] == ["Database slow"]
    assert [i["name"] for i in api.get(PAGE + "/incidents", params={"limit": 2, "page": 2}).json()] == ["Database slow"]
    assert len(api.get(PAGE + "/incidents", params={"limit": 1000}).json()) == 3
    assert api.get(PAGE + "/incidents", params={"limit": "x"}).status_code == 400
    assert [i["id"] for i in api.get(PAGE + "/incidents/unresolved").json()] == [second["id"]]
    assert api.get(PAGE + "/incidents/unresolved", params={"page": 2, "per_page": 1}).json() == []


def test_editing_an_update_changes_it_and_notifies_nobody(api, emulator):
    incident = create(api, name="Typo", body="We are investigaitng.")
    update_id = incident["incident_updates"][0]["id"]
    events(emulator).clear_notifications()
    path = PAGE + f"/incidents/{incident['id']}/incident_updates/{update_id}"
    answer = api.patch(path, json={"incident_update": {"body": "We are investigating.",
                                                       "display_at": "2024-05-01T10:00:00+02:00"}})
    assert answer.status_code == 200
    assert list(answer.json()) == list(INCIDENT_UPDATE_FIELDS)
    assert answer.json()["body"] == "We are investigating."
    assert answer.json()["display_at"] == "2024-05-01T08:00:00.000Z"
    assert api.put(path, json={"incident_update": {"wants_twitter_update": True}}).json()["wants_twitter_update"] is True
    stored = api.get(PAGE + f"/incidents/{incident['id']}").json()
    assert len(stored["incident_updates"]) == 1 and stored["incident_updates"][0]["body"] == "We are investigating."
    assert events(emulator).notifications() == []
    assert api.patch(PAGE + f"/incidents/{incident['id']}/incident_updates/zzzzzzzzzzzz",
                     json={"incident_update": {"body": "x"}}).status_code == 404
    other = create(api, name="Other")
    assert api.patch(PAGE + f"/incidents/{other['id']}/incident_updates/{update_id}",
                     json={"incident_update": {"body": "x"}}).status_code == 404


def test_delete_incident_answers_it_and_leaves_components(api):
    incident = create(api, name="Gone", components={API: "partial_outage"})
    answer = api.delete(PAGE + f"/incidents/{incident['id']}")
    assert answer.status_code == 200 and answer.json()["id"] == incident["id"]
    assert api.get(PAGE + f"/incidents/{incident['id']}").status_code == 404
    assert api.delete(PAGE + f"/incidents/{incident['id']}").status_code == 404
    assert component_status(api, API) == "partial_outage"


def test_templates(api):
    answer = api.post(PAGE + "/incident_templates", json={"template": {
        "name": "API degraded", "title": "Elevated API errors", "body": "We are investigating elevated errors.",
        "update_status": "investigating", "component_ids": [API, EU_DATABASE], "should_tweet": False}})
    assert answer.status_code == 201, answer.text
    template = answer.json()
    assert list(template) == list(TEMPLATE_FIELDS)
    assert [component["id"] for component in template["components"]] == [API, EU_DATABASE]
    assert template["should_send_notifications"] is True and template["group_id"] is None
    demo = {"Planned maintenance", "Degraded performance"}
    listed = api.get(PAGE + "/incident_templates", params={"page": 1, "per_page": 100}).json()
    assert {entry["name"] for entry in listed} == demo | {"API degraded"}
    for body, message in (({"name": "x", "body": "y"}, "template.title"),
                          ({"name": "x", "title": "y", "body": "z", "component_ids": ["nope"]}, "nope"),
                          ({"name": "x", "title": "y", "body": "z", "update_status": "fine"}, "update_status")):
        answer = api.post(PAGE + "/incident_templates", json={"template": body})
        assert answer.status_code == 422 and message in answer.json()["message"]
    assert api.post(PAGE + "/incident_templates", json={"name": "x"}).status_code == 400


def test_deleting_a_component_removes_it_from_incidents_and_templates(api):
    incident = create(api, name="Database", component_ids=[EU_DATABASE, API])
    template = api.post(PAGE + "/incident_templates", json={"template": {
        "name": "t", "title": "t", "body": "t", "component_ids": [EU_DATABASE]}}).json()
    assert api.delete(PAGE + f"/components/{EU_DATABASE}").status_code == 204
    assert [c["id"] for c in api.get(PAGE + f"/incidents/{incident['id']}").json()["components"]] == [API]
    listed = {entry["id"]: entry for entry in api.get(PAGE + "/incident_templates").json()}
    assert listed[template["id"]]["components"] == []


def test_timestamps_are_stored_in_utc(api):
    incident = create(api, name="Window", status="scheduled", scheduled_for="2030-03-01T02:00:00+01:00",
                      scheduled_until="2030-03-01T04:30:00-05:00")
    assert incident["scheduled_for"] == "2030-03-01T01:00:00.000Z"
    assert incident["scheduled_until"] == "2030-03-01T09:30:00.000Z"
    naive = create(api, name="Naive", status="scheduled", scheduled_for="2030-03-01T02:00:00",
                   scheduled_until="2030-03-01T03:00:00")
    assert naive["scheduled_for"] == "2030-03-01T02:00:00.000Z"  # no offset: taken as UTC
    answer = api.post(PAGE + "/incidents", json={"incident": {"name": "x", "status": "scheduled",
                                                              "scheduled_for": "tomorrow",
                                                              "scheduled_until": "2030-03-01T03:00:00Z"}})
    assert answer.status_code == 422 and "incident.scheduled_for" in answer.json()["message"]
