"""The writable fields of incidents, incident updates and incident templates, and their checks.

The field lists are the description's request schemas (postPagesPageIdIncidents,
patchPagesPageIdIncidents, patchPagesPageIdIncidentsIncidentIdIncidentUpdates,
postPagesPageIdIncidentTemplates). As for every other resource, unknown fields are dropped and a
writable field of the wrong type gets 422 naming it. Timestamps are accepted in any ISO 8601
form and stored in UTC (see ``clean_datetime``).
"""

from __future__ import annotations

import datetime
import json

from . import clock, fields
from .errors import ApiError

REALTIME_STATUSES = ("investigating", "identified", "monitoring", "resolved")
SCHEDULED_STATUSES = ("scheduled", "in_progress", "verifying", "completed")
INCIDENT_STATUSES = REALTIME_STATUSES + SCHEDULED_STATUSES
IMPACTS = ("none", "maintenance", "minor", "major", "critical")
# Component statuses an incident's components map may set; "" (allowed by the description's
# enum) leaves the component's status as it is
COMPONENT_STATUSES = fields.COMPONENT_STATUSES

_BOOLEAN = fields.Field("boolean", nullable=False)

INCIDENT_WRITABLE = {
    "name": fields.Field("string", nullable=False),
    "status": fields.Field("enum", nullable=False, choices=INCIDENT_STATUSES),
    "impact_override": fields.Field("enum", choices=IMPACTS),
    "scheduled_for": fields.Field("datetime"),
    "scheduled_until": fields.Field("datetime"),
    "reminder_intervals": fields.Field("string"),
    "metadata": fields.Field("metadata"),
    "body": fields.Field("string"),
    "components": fields.Field("status_map"),
    "component_ids": fields.Field("id_list", nullable=False),
    "backfill_date": fields.Field("datetime"),
    **{name: _BOOLEAN for name in (
        "scheduled_remind_prior", "auto_transition_to_maintenance_state",
        "auto_transition_to_operational_state", "scheduled_auto_in_progress", "scheduled_auto_completed",
        "auto_transition_deliver_notifications_at_start", "auto_transition_deliver_notifications_at_end",
        "deliver_notifications", "auto_tweet_at_beginning", "auto_tweet_on_completion",
        "auto_tweet_on_creation", "auto_tweet_one_hour_before", "backfilled", "scheduled_auto_transition",
    )},
}

INCIDENT_UPDATE_WRITABLE = {
    "body": fields.Field("string", nullable=False),
    "display_at": fields.Field("datetime", nullable=False),
    "wants_twitter_update": _BOOLEAN,
    "deliver_notifications": _BOOLEAN,
}

TEMPLATE_WRITABLE = {
    "name": fields.Field("string", nullable=False),
    "title": fields.Field("string", nullable=False),
    "body": fields.Field("string", nullable=False),
    "group_id": fields.Field("string"),
    "update_status": fields.Field("enum", choices=INCIDENT_STATUSES),
    "should_tweet": _BOOLEAN,
    "should_send_notifications": _BOOLEAN,
    "component_ids": fields.Field("id_list", nullable=False),
}

# The description: "There is a maximum limit of 255 characters" (name), "25000" (body)
MAX_NAME = 255
MAX_BODY = 25000


def clean(raw: dict, writable: dict, where: str, from_form: bool) -> dict:
    """The writable fields of ``raw``, converted; everything else is dropped (422 on a bad value)."""
    cleaned = {}
    for name, value in raw.items():
        field = writable.get(name)
        if field is None:
            continue
        here = f"{where}.{name}"
        if field.kind == "datetime":
            cleaned[name] = None if value in (None, "") and field.nullable else clean_datetime(value, here)
        elif field.kind == "metadata":
            cleaned[name] = _clean_metadata(value, here)
        elif field.kind == "status_map":
            cleaned[name] = _clean_status_map(value, here)
        else:
            cleaned[name] = fields.clean_value(field, value, here, from_form)
    if len(cleaned.get("name") or "") > MAX_NAME:
        raise ApiError(422, f"{where}.name is longer than {MAX_NAME} characters")
    if len(cleaned.get("body") or "") > MAX_BODY:
        raise ApiError(422, f"{where}.body is longer than {MAX_BODY} characters")
    return cleaned


def clean_datetime(value, where: str) -> str:
    """Any ISO 8601 timestamp as the API stores it: UTC, milliseconds, ``Z``.

    ``2024-03-01T02:00:00+01:00`` is stored as ``2024-03-01T01:00:00.000Z``. A timestamp without
    an offset is taken as UTC (Rails' default zone): clients should always send one.
    """
    if isinstance(value, datetime.datetime):  # a YAML seed may hold a real timestamp
        moment = value
    elif isinstance(value, str) and value:
        try:
            moment = clock.parse_timestamp(value)
        except ValueError:
            raise ApiError(422, f"{where} must be an ISO 8601 timestamp (2024-03-01T02:00:00Z), not {value!r}") from None
    else:
        raise ApiError(422, f"{where} must be an ISO 8601 timestamp (2024-03-01T02:00:00Z)")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.timezone.utc)
    return clock.format_timestamp(moment)


def _clean_metadata(value, where: str) -> dict:
    # The description: "All top-level values in the object must also be objects"
    if isinstance(value, str):  # a form body can only send it as JSON text
        try:
            value = json.loads(value)
        except ValueError:
            raise ApiError(422, f"{where} must be an object") from None
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ApiError(422, f"{where} must be an object")
    for key, inner in value.items():
        if not isinstance(inner, dict):
            raise ApiError(422, f"{where}.{key} must be an object: every top-level value of metadata must be one")
    return value


def _clean_status_map(value, where: str) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ApiError(422, f"{where} must map component ids to statuses ({{\"<component id>\": \"major_outage\"}})")
    for component_id, status in value.items():
        if status not in COMPONENT_STATUSES:
            allowed = ", ".join(repr(choice) for choice in COMPONENT_STATUSES)
            raise ApiError(422, f"{where}.{component_id} must be one of {allowed}, not {status!r}")
    return dict(value)


def check_reminder_intervals(value: str | None, where: str) -> None:
    """The description's four forms: null, "[]", "[1, 5, 7, 10]" (strictly increasing, 1-24), "4"."""
    if value is None:
        return
    problem = f"{where} must be null, \"[]\", a list of strictly increasing hours from 1 to 24 " \
              f"(\"[1, 5, 7]\") or one such number (\"4\"), not {value!r}"
    try:
        parsed = json.loads(value)
    except ValueError:
        raise ApiError(422, problem) from None
    hours = parsed if isinstance(parsed, list) else [parsed]
    if not all(isinstance(hour, int) and not isinstance(hour, bool) and 1 <= hour <= 24 for hour in hours):
        raise ApiError(422, problem)
    if any(later <= earlier for earlier, later in zip(hours, hours[1:])):
        raise ApiError(422, problem)
