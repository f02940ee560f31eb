"""Incidents (realtime and scheduled maintenances), their updates, and their effect on components.

What the API does, and where that is said (the emulator guide, docs/docsite/rst/guide_emulator.rst,
has the whole list):
- ``body`` is "the initial message, created as the first incident update" on create (the
  description) and "the body of the new incident update that will be created" on PATCH (the
  old v1 docs). A PATCH also posts an update when the status or a component's status changes
  (the old docs advise passing both "at the same time to avoid two separate incident updates
  being generated"); a PATCH of only the name, impact or metadata posts none. The API never
  compares a body with the last one: the same body twice is two updates.
- ``components`` maps component ids to the status the incident gives them, applied to the
  components themselves; ``component_ids`` lists the affected components without changing them.
- ``deliver_notifications`` defaults to true (the description); each update records it, and an
  update that delivers adds an entry to the notifications log (``GET /__emulator__/notifications``).
- Realtime statuses are investigating, identified, monitoring, resolved; scheduled ones
  scheduled, in_progress, verifying, completed (the description); the other kind's status is 422.
- Impact: ``impact_override`` when set, ``maintenance`` for a maintenance, else the worst
  component status the incident has seen (Atlassian, "Top-level status and incident impact
  calculations": impact is based on the affected components).
Callers hold ``Store.lock`` and run under the store's clock (clock.running).
"""

from __future__ import annotations

import datetime

from . import clock, event_fields
from .errors import ApiError, not_found
from .store import PageData, Store, touch

SEVERITY_IMPACT = {"degraded_performance": "minor", "partial_outage": "major", "major_outage": "critical"}
IMPACT_ORDER = ("none", "minor", "major", "critical")

INCIDENT_FLAGS = (
    "scheduled_remind_prior", "scheduled_auto_in_progress", "scheduled_auto_completed",
    "auto_transition_to_maintenance_state", "auto_transition_to_operational_state",
    "auto_transition_deliver_notifications_at_start", "auto_transition_deliver_notifications_at_end",
    "auto_tweet_at_beginning", "auto_tweet_on_completion", "auto_tweet_on_creation", "auto_tweet_one_hour_before",
)
SCHEDULE_FIELDS = ("scheduled_for", "scheduled_until")


def is_scheduled(record: dict) -> bool:
    return record["status"] in event_fields.SCHEDULED_STATUSES


def incident(page: PageData, incident_id: str) -> dict:
    record = page.incidents.get(incident_id)
    if record is None:
        raise not_found("Incident", incident_id)
    return record


def incident_update(record: dict, update_id: str) -> dict:
    for update in record["incident_updates"]:
        if update["id"] == update_id:
            return update
    raise not_found("Incident update", update_id)


# ---------------------------------------------------------------------- create


def create_incident(store: Store, page: PageData, changes: dict) -> dict:
    name = changes.get("name")
    if not name:
        raise ApiError(422, "incident.name is required")
    backfilled = changes.get("backfilled", False)
    status = changes.get("status")
    scheduled = status in event_fields.SCHEDULED_STATUSES or (status is None and changes.get("scheduled_for"))
    if status is None:
        # Old v1 docs: "defaults to investigating if left blank"; a backfilled one is over already
        status = "scheduled" if scheduled else ("resolved" if backfilled else "investigating")
    component_ids, statuses = _check_components(page, changes, "incident")
    if backfilled and (component_ids or statuses):
        raise ApiError(422, "incident.components: a backfilled incident cannot have components (the description)")
    if backfilled and status != "resolved":
        raise ApiError(422, f"incident.status: a backfilled incident is resolved, not {status!r}")
    if scheduled:
        _check_schedule(changes.get("scheduled_for"), changes.get("scheduled_until"))
    else:
        event_fields.check_reminder_intervals(changes.get("reminder_intervals"), "incident.reminder_intervals")

    incident_id = store.claim_id(None)
    created_at = changes["backfill_date"] if backfilled and changes.get("backfill_date") else clock.now_timestamp()
    record = {
        "id": incident_id, "page_id": page.page_id, "name": name, "status": status, "impact": "none",
        "impact_override": changes.get("impact_override"), "component_ids": [],
        "incident_updates": [], "metadata": changes.get("metadata") or {},
        "monitoring_at": None, "resolved_at": None,
        "scheduled_for": changes.get("scheduled_for") if scheduled else None,
        "scheduled_until": changes.get("scheduled_until") if scheduled else None,
        "scheduled_reminded_at": None,
        # Old v1 docs: the scheduled_* switches default to false
        **{flag: False for flag in INCIDENT_FLAGS},
        "backfilled": backfilled, "reminder_intervals": None if scheduled else changes.get("reminder_intervals"),
        "held_components": {}, "shortlink": f"http://stspg.io/{incident_id[:9]}",
        "created_at": created_at, "updated_at": created_at,
    }
    _set_flags(record, changes)
    page.incidents[incident_id] = record
    _add_components(record, component_ids + list(statuses))
    affected = apply_statuses(store, page, record, statuses, {status})
    mark_status_times(record, None, status)
    post_update(store, page, record, changes.get("body") or "", affected, "created",
                deliver=False if backfilled else changes.get("deliver_notifications", True), at=created_at)
    _refresh_impact(page, record)
    return record


# ---------------------------------------------------------------------- update


def update_incident(store: Store, page: PageData, record: dict, changes: dict) -> dict:
    # Everything is checked before anything changes: a refused PATCH changes nothing
    if "name" in changes and not changes["name"]:
        raise ApiError(422, "incident.name must not be empty")
    old_status = record["status"]
    new_status = changes.get("status", old_status)
    _check_transition(store, record, old_status, new_status)
    component_ids, statuses = _check_components(page, changes, "incident")
    schedule = {}
    if is_scheduled(record) and any(name in changes for name in SCHEDULE_FIELDS):
        schedule = {name: changes.get(name, record[name]) for name in SCHEDULE_FIELDS}
        _check_schedule(schedule["scheduled_for"], schedule["scheduled_until"])
    if not is_scheduled(record) and "reminder_intervals" in changes:
        event_fields.check_reminder_intervals(changes["reminder_intervals"], "incident.reminder_intervals")

    before = _comparable(record)
    if schedule.get("scheduled_for", record["scheduled_for"]) != record["scheduled_for"]:
        record["scheduled_reminded_at"] = None  # moved: the reminder is due again
    record.update(schedule)
    if not is_scheduled(record) and "reminder_intervals" in changes:
        record["reminder_intervals"] = changes["reminder_intervals"]
    for name in ("name", "impact_override"):
        if name in changes:
            record[name] = changes[name]
    if "metadata" in changes:
        record["metadata"] = changes["metadata"] or {}
    _set_flags(record, changes)
    if "component_ids" in changes:
        record["component_ids"] = []
    _add_components(record, component_ids + list(statuses))
    record["status"] = new_status
    entering = {new_status} if new_status != old_status else set()
    affected = apply_statuses(store, page, record, statuses, entering)
    mark_status_times(record, old_status, new_status)
    body = changes.get("body") or ""
    if body or new_status != old_status or affected:
        post_update(store, page, record, body, affected, "updated", deliver=changes.get("deliver_notifications", True))
    elif _comparable(record) != before:
        touch(record)
    _refresh_impact(page, record)
    return record


def update_incident_update(record: dict, update: dict, changes: dict) -> dict:
    """Edit an update already posted (PATCH .../incident_updates/{id}): it notifies nobody."""
    changed = {name: value for name, value in changes.items() if update.get(name) != value}
    if changed:
        update.update(changed)
        touch(update)
        touch(record)
    return update


def delete_incident(store: Store, page: PageData, record: dict) -> None:
    # Deleting an incident leaves its components' statuses as they are
    del page.incidents[record["id"]]


# ---------------------------------------------------------------------- templates


def create_template(store: Store, page: PageData, changes: dict) -> dict:
    for name in ("name", "title", "body"):  # required by the description
        if not changes.get(name):
            raise ApiError(422, f"template.{name} is required")
    component_ids, _statuses = _check_components(page, changes, "template")
    template_id = store.claim_id(None)
    record = {
        "id": template_id, "page_id": page.page_id, "name": changes["name"], "title": changes["title"],
        "body": changes["body"], "group_id": changes.get("group_id"), "update_status": changes.get("update_status"),
        "should_tweet": changes.get("should_tweet", False),
        "should_send_notifications": changes.get("should_send_notifications", True),
        "component_ids": list(dict.fromkeys(component_ids)),
    }
    page.incident_templates[template_id] = record
    return record


# ---------------------------------------------------------------------- helpers


def _check_transition(store: Store, record: dict, old_status: str, new_status: str) -> None:
    kind = event_fields.SCHEDULED_STATUSES if is_scheduled(record) else event_fields.REALTIME_STATUSES
    if new_status not in kind:
        what = "a scheduled maintenance" if is_scheduled(record) else "a realtime incident"
        raise ApiError(422, f"incident.status {new_status!r} is not valid for {what}: use one of {', '.join(kind)}")
    if store.variants.incident_transitions == "forward" and kind.index(new_status) < kind.index(old_status):
        raise ApiError(422, f"incident.status cannot go back from {old_status!r} to {new_status!r}")


def _check_schedule(scheduled_for: str | None, scheduled_until: str | None) -> None:
    if not scheduled_for or not scheduled_until:
        raise ApiError(422, "incident.scheduled_for and incident.scheduled_until are required for a scheduled maintenance")
    if clock.parse_timestamp(scheduled_until) <= clock.parse_timestamp(scheduled_for):
        raise ApiError(422, f"incident.scheduled_until ({scheduled_until}) must be after scheduled_for ({scheduled_for})")


def _check_components(page: PageData, changes: dict, where: str) -> tuple[list[str], dict[str, str]]:
    """The affected component ids and the statuses to set, every id checked (422)."""
    ids = list(changes.get("component_ids") or [])
    statuses = dict(changes.get("components") or {})
    for component_id in ids + list(statuses):
        component = page.components.get(component_id)
        if component is None:
            raise ApiError(422, f"{where}.components: component {component_id} not found on page {page.page_id}")
        if component["group"]:
            raise ApiError(422, f"{where}.components: {component_id} is a component group; name its components")
    return ids, statuses


def _set_flags(record: dict, changes: dict) -> None:
    for flag in INCIDENT_FLAGS:
        if flag in changes:
            record[flag] = changes[flag]
    # The description: "Same as :scheduled_auto_transition_in_progress"
    if "scheduled_auto_transition" in changes and "scheduled_auto_in_progress" not in changes:
        record["scheduled_auto_in_progress"] = changes["scheduled_auto_transition"]


def _add_components(record: dict, component_ids: list[str]) -> None:
    for component_id in component_ids:
        if component_id not in record["component_ids"]:
            record["component_ids"].append(component_id)


def apply_statuses(store: Store, page: PageData, record: dict, statuses: dict[str, str], entering: set[str],
                   at: str | None = None) -> list[dict]:
    """Set component statuses for this change; the affected_components of its update."""
    wanted: dict[str, str] = {}
    if is_scheduled(record):
        if "in_progress" in entering:
            wanted.update(record["held_components"])
            record["held_components"] = {}
            if record["auto_transition_to_maintenance_state"]:
                wanted.update({component_id: "under_maintenance" for component_id in record["component_ids"]})
        if "completed" in entering and record["auto_transition_to_operational_state"]:
            wanted.update({component_id: "operational" for component_id in record["component_ids"]})
        if record["status"] == "scheduled" and store.variants.maintenance_components == "at-start":
            record["held_components"].update({key: value for key, value in statuses.items() if value})
            statuses = {}
    wanted.update({component_id: status for component_id, status in statuses.items() if status})
    affected = []
    for component_id, status in wanted.items():
        component = page.components[component_id]
        if component["status"] != status:
            affected.append({"code": component_id, "name": component["name"],
                             "old_status": component["status"], "new_status": status})
            component["status"] = status
            component["updated_at"] = _stamp(component, at)
    return affected


def mark_status_times(record: dict, old_status: str | None, new_status: str, at: str | None = None) -> None:
    moment = at or clock.now_timestamp()
    if new_status == "monitoring" and record["monitoring_at"] is None:
        record["monitoring_at"] = moment
    if new_status in ("resolved", "completed"):
        if old_status not in ("resolved", "completed"):
            record["resolved_at"] = moment
    else:
        record["resolved_at"] = None  # reopened


def post_update(store: Store, page: PageData, record: dict, body: str, affected: list[dict], kind: str,
                deliver: bool, at: str | None = None) -> dict:
    moment = _stamp(record, at) if record["incident_updates"] else (at or record["created_at"])
    update = {
        "id": store.claim_id(None), "incident_id": record["id"], "affected_components": affected or None,
        "body": body, "created_at": moment, "custom_tweet": None, "deliver_notifications": deliver,
        "display_at": moment, "status": record["status"], "tweet_id": None, "twitter_updated_at": None,
        "updated_at": moment, "wants_twitter_update": False,
    }
    record["incident_updates"].insert(0, update)  # newest first, as the API lists them
    record["updated_at"] = moment
    if deliver:
        notify(store, page, record, update, kind, moment)
    return update


def notify(store: Store, page: PageData, record: dict, update: dict | None, kind: str, moment: str) -> None:
    store.notifications.append({
        "time": moment, "page_id": page.page_id, "incident_id": record["id"], "incident_name": record["name"],
        "incident_update_id": update["id"] if update else None, "kind": kind, "status": record["status"],
        "body": update["body"] if update else None, "component_ids": list(record["component_ids"]),
    })


def _refresh_impact(page: PageData, record: dict) -> None:
    if is_scheduled(record):
        record["impact"] = "maintenance"
        return
    worst = [SEVERITY_IMPACT.get(page.components[component_id]["status"], "none")
             for component_id in record["component_ids"]]
    # The worst impact it had: resolving an incident does not make it harmless after the fact
    record["impact"] = max([record["impact"], *worst], key=IMPACT_ORDER.index)


def _stamp(record: dict, at: str | None) -> str:
    """``at`` (or now), but strictly later than the record's updated_at (see clock.timestamp_after)."""
    moment = clock.parse_timestamp(at) if at else clock.now()
    previous = record.get("updated_at")
    if previous:
        moment = max(moment, clock.parse_timestamp(previous) + datetime.timedelta(milliseconds=1))
    return clock.format_timestamp(moment)


def _comparable(record: dict) -> str:
    return repr(sorted((name, value) for name, value in record.items() if name != "updated_at"))
