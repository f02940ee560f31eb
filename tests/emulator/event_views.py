"""What the API answers for incidents, incident updates and incident templates.

Every field of the description's Incident, IncidentUpdate and IncidentTemplate schemas, in
their order, null where unset. An incident's and a template's ``components`` are whole
Component objects (the description), as they are now. With the variant
``event-timestamps=offset`` every incident timestamp is written at UTC-06:00 instead of in UTC.
"""

from __future__ import annotations

import datetime

from . import clock, views
from .store import PageData

INCIDENT_FIELDS = (
    "id", "components", "created_at", "impact", "impact_override", "incident_updates", "incident_impacts",
    "metadata", "monitoring_at", "name", "page_id", "postmortem_body", "postmortem_body_last_updated_at",
    "postmortem_ignored", "postmortem_notified_subscribers", "postmortem_notified_twitter",
    "postmortem_published_at", "resolved_at", "scheduled_auto_completed", "scheduled_auto_in_progress",
    "scheduled_for", "auto_transition_deliver_notifications_at_end",
    "auto_transition_deliver_notifications_at_start", "auto_transition_to_maintenance_state",
    "auto_transition_to_operational_state", "scheduled_remind_prior", "scheduled_reminded_at", "scheduled_until",
    "shortlink", "status", "updated_at", "reminder_intervals",
)

INCIDENT_UPDATE_FIELDS = (
    "id", "incident_id", "affected_components", "body", "created_at", "custom_tweet", "deliver_notifications",
    "display_at", "status", "tweet_id", "twitter_updated_at", "updated_at", "wants_twitter_update",
)

TEMPLATE_FIELDS = (
    "id", "components", "name", "title", "body", "group_id", "update_status", "should_tweet",
    "should_send_notifications",
)

INCIDENT_TIMESTAMPS = ("created_at", "monitoring_at", "resolved_at", "scheduled_for", "scheduled_reminded_at",
                       "scheduled_until", "updated_at")
UPDATE_TIMESTAMPS = ("created_at", "display_at", "updated_at")

# The public status API of a page in America/Chicago writes "2019-02-20T12:00:19.418-06:00"
OFFSET = datetime.timezone(datetime.timedelta(hours=-6))

# Postmortems are not modelled: an incident never has one
NO_POSTMORTEM = {
    "postmortem_body": None, "postmortem_body_last_updated_at": None, "postmortem_ignored": False,
    "postmortem_notified_subscribers": False, "postmortem_notified_twitter": False,
    "postmortem_published_at": None,
}


class Writer:
    """Renders event objects under the emulator's ``event-timestamps`` variant."""

    def __init__(self, page: PageData, timestamps: str):
        self.page = page
        self.offset = timestamps == "offset"

    def timestamp(self, text: str | None) -> str | None:
        if text is None or not self.offset:
            return text
        moment = clock.parse_timestamp(text).astimezone(OFFSET)
        return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}-06:00"

    def components(self, component_ids: list[str]) -> list[dict]:
        return [views.component_view(self.page.components[ident]) for ident in component_ids
                if ident in self.page.components]

    def incident(self, record: dict) -> dict:
        values = {**record, **NO_POSTMORTEM, "incident_impacts": [],
                  "impact": record["impact_override"] or record["impact"],
                  "components": self.components(record["component_ids"]),
                  "incident_updates": [self.incident_update(update) for update in record["incident_updates"]],
                  "metadata": _copy(record["metadata"])}
        for name in INCIDENT_TIMESTAMPS:
            values[name] = self.timestamp(record[name])
        return {name: values[name] for name in INCIDENT_FIELDS}

    def incident_update(self, update: dict) -> dict:
        values = dict(update)
        values["affected_components"] = _copy(update["affected_components"])
        for name in UPDATE_TIMESTAMPS:
            values[name] = self.timestamp(update[name])
        return {name: values.get(name) for name in INCIDENT_UPDATE_FIELDS}

    def template(self, record: dict) -> dict:
        values = {**record, "components": self.components(record["component_ids"])}
        return {name: values.get(name) for name in TEMPLATE_FIELDS}


def _copy(value):
    # Answers never alias the live store
    if isinstance(value, dict):
        return {key: _copy(inner) for key, inner in value.items()}
    if isinstance(value, list):
        return [_copy(inner) for inner in value]
    return value
