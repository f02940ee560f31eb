"""The incident, incident update and template operations for the OpenAPI conformance test.

test_openapi_conformance.py calls ``exercise_events`` with its Recorder; every answer is then
validated against the description like the others.
"""

from __future__ import annotations

from ..demo import DEMO_COMPONENT_IDS

PAGE = "/pages/{page_id}"
INCIDENT = PAGE + "/incidents/{incident_id}"
API_COMPONENT = DEMO_COMPONENT_IDS["Platform/API"]
EU_DATABASE = DEMO_COMPONENT_IDS["EU/Database"]


def exercise_events(rec) -> None:
    """Every event operation once, successfully, then the client errors they answer."""
    realtime = rec.call("post", PAGE + "/incidents", expect=201, json={"incident": {
        "name": "API errors", "status": "investigating", "body": "We are looking into it.",
        "components": {API_COMPONENT: "partial_outage"}, "impact_override": "major",
        "metadata": {"jira": {"issue_id": "OPS-1"}}, "reminder_intervals": "[1, 3, 6]"}})
    one = {"incident_id": realtime["id"]}
    maintenance = rec.call("post", PAGE + "/incidents", expect=201, json={"incident": {
        "name": "Database upgrade", "status": "scheduled", "scheduled_for": "2030-01-01T02:00:00Z",
        "scheduled_until": "2030-01-01T04:00:00+01:00", "scheduled_auto_in_progress": True,
        "scheduled_auto_completed": True, "auto_transition_to_maintenance_state": True,
        "auto_transition_to_operational_state": True, "scheduled_remind_prior": True,
        "component_ids": [EU_DATABASE], "body": "Planned", "deliver_notifications": False}})
    rec.call("get", PAGE + "/incidents", params={"q": "api", "limit": 10, "page": 1}, expect=200)
    for listing in ("unresolved", "upcoming", "scheduled", "active_maintenance"):
        rec.call("get", PAGE + "/incidents/" + listing, params={"page": 1, "per_page": 100}, expect=200)
    rec.call("get", INCIDENT, ids=one, expect=200)
    patched = rec.call("patch", INCIDENT, ids=one, expect=200, json={"incident": {
        "status": "identified", "body": "Found it.", "components": {API_COMPONENT: "degraded_performance"}}})
    rec.call("put", INCIDENT, ids=one, expect=200, json={"incident": {"name": "API errors (EU)"}})
    update_ids = {**one, "incident_update_id": patched["incident_updates"][0]["id"]}
    rec.call("patch", INCIDENT + "/incident_updates/{incident_update_id}", ids=update_ids, expect=200,
             json={"incident_update": {"body": "Found the cause.", "wants_twitter_update": False}})
    rec.call("put", INCIDENT + "/incident_updates/{incident_update_id}", ids=update_ids, expect=200,
             json={"incident_update": {"display_at": "2030-01-01T00:00:00Z"}})
    rec.call("get", PAGE + "/incident_templates", params={"page": 1, "per_page": 100}, expect=200)
    rec.call("post", PAGE + "/incident_templates", expect=201, json={"template": {
        "name": "API degraded", "title": "API degraded", "body": "We are investigating.",
        "update_status": "investigating", "component_ids": [API_COMPONENT], "should_send_notifications": True}})
    rec.call("delete", INCIDENT, ids={"incident_id": maintenance["id"]}, expect=200)

    rec.call("post", PAGE + "/incidents", what="missing wrapper", json={"name": "x"}, expect=400)
    rec.call("post", PAGE + "/incidents", what="no name", json={"incident": {"status": "identified"}}, expect=422)
    rec.call("post", PAGE + "/incidents", what="end before start", expect=422, json={"incident": {
        "name": "x", "status": "scheduled", "scheduled_for": "2030-01-02T00:00:00Z",
        "scheduled_until": "2030-01-01T00:00:00Z"}})
    rec.call("post", PAGE + "/incidents", what="unknown component", expect=422,
             json={"incident": {"name": "x", "components": {"nosuchcompon": "major_outage"}}})
    rec.call("patch", INCIDENT, ids=one, what="scheduled status on a realtime incident",
             json={"incident": {"status": "in_progress"}}, expect=422)
    rec.call("patch", INCIDENT, ids=one, what="missing wrapper", json={"status": "resolved"}, expect=422)
    rec.call("patch", INCIDENT + "/incident_updates/{incident_update_id}", ids=update_ids, what="wrong type",
             json={"incident_update": {"deliver_notifications": "maybe"}}, expect=422)
    rec.call("get", PAGE + "/incidents", what="bad limit", params={"limit": 0}, expect=400)
    rec.call("post", PAGE + "/incident_templates", what="missing wrapper", json={"name": "x"}, expect=400)
    rec.call("post", PAGE + "/incident_templates", what="no title", expect=422,
             json={"template": {"name": "x", "body": "y"}})
