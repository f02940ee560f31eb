"""The incident, incident update and incident template routes, and their handlers.

``ROUTES`` has the same shape as api.ROUTES (which includes it): the description's path
template, the verbs, the handler. Handlers take api.Call (the store, the page, the parameters)
and return ``(status, body)``; the model is events.py, the answers event_views.py.

Lists: ``GET .../incidents`` takes ``q`` (searched in the name, status, postmortem body and
update bodies, ignoring case), ``limit`` (default and maximum 100) and ``page``, newest first;
the other lists take ``page``/``per_page``. ``unresolved``: realtime incidents not resolved,
newest first. ``upcoming``: maintenances not started (status scheduled), soonest first.
``scheduled``: every maintenance (variant ``scheduled-list=not-started``: as upcoming), latest
scheduled_for first. ``active_maintenance``: maintenances in_progress or verifying, soonest first.
"""

from __future__ import annotations

from . import clock, event_fields, events
from .errors import ApiError
from .event_views import Writer

MAX_LIMIT = 100


def _writer(call) -> Writer:
    return Writer(call.page, call.store.variants.event_timestamps)


def _changes(call, wrapper: str, writable: dict, missing_status: int) -> dict:
    return event_fields.clean(call.wrapped(wrapper, missing_status), writable, wrapper, call.from_form)


def _newest_first(records: list[dict]) -> list[dict]:
    # created_at, then creation order: two incidents of the same millisecond keep theirs
    indexed = list(enumerate(records))
    indexed.sort(key=lambda item: (clock.parse_timestamp(item[1]["created_at"]), item[0]), reverse=True)
    return [record for _index, record in indexed]


def _by_schedule(records: list[dict], latest_first: bool = False) -> list[dict]:
    return sorted(records, key=lambda record: clock.parse_timestamp(record["scheduled_for"]), reverse=latest_first)


def _answer_list(call, records: list[dict]):
    writer = _writer(call)
    return 200, [writer.incident(record) for record in call.paginate(records)]


# ---------------------------------------------------------------------- incidents


def list_incidents(call, page_id: str):
    records = _newest_first(list(call.page.incidents.values()))
    query = (call.request.args.get("q") or "").casefold()
    if query:
        records = [record for record in records if query in _searchable(record)]
    limit = min(_positive(call, "limit", MAX_LIMIT), MAX_LIMIT)
    start = (_positive(call, "page", 1) - 1) * limit
    writer = _writer(call)
    return 200, [writer.incident(record) for record in records[start:start + limit]]


def _searchable(record: dict) -> str:
    texts = [record["name"], record["status"]] + [update["body"] or "" for update in record["incident_updates"]]
    return "\n".join(texts).casefold()


def _positive(call, name: str, default: int) -> int:
    text = call.request.args.get(name)
    if text is None or text == "":
        return default
    if not text.isdigit() or int(text) < 1:
        raise ApiError(400, f"{name} must be a positive integer, not {text!r}")
    return int(text)


def list_unresolved(call, page_id: str):
    records = [record for record in call.page.incidents.values()
               if not events.is_scheduled(record) and record["status"] != "resolved"]
    return _answer_list(call, _newest_first(records))


def list_upcoming(call, page_id: str):
    records = [record for record in call.page.incidents.values() if record["status"] == "scheduled"]
    return _answer_list(call, _by_schedule(records))


def list_scheduled(call, page_id: str):
    wanted = ("scheduled",) if call.store.variants.scheduled_list == "not-started" else event_fields.SCHEDULED_STATUSES
    records = [record for record in call.page.incidents.values() if record["status"] in wanted]
    return _answer_list(call, _by_schedule(records, latest_first=True))


def list_active_maintenance(call, page_id: str):
    records = [record for record in call.page.incidents.values() if record["status"] in ("in_progress", "verifying")]
    return _answer_list(call, _by_schedule(records))


def create_incident(call, page_id: str):
    changes = _changes(call, "incident", event_fields.INCIDENT_WRITABLE, 400)
    record = events.create_incident(call.store, call.page, changes)
    return 201, _writer(call).incident(record)


def get_incident(call, page_id: str, incident_id: str):
    return 200, _writer(call).incident(events.incident(call.page, incident_id))


def update_incident(call, page_id: str, incident_id: str):
    record = events.incident(call.page, incident_id)
    changes = _changes(call, "incident", event_fields.INCIDENT_WRITABLE, 422)
    events.update_incident(call.store, call.page, record, changes)
    return 200, _writer(call).incident(record)


def delete_incident(call, page_id: str, incident_id: str):
    record = events.incident(call.page, incident_id)
    answer = _writer(call).incident(record)
    events.delete_incident(call.store, call.page, record)
    return 200, answer


def update_incident_update(call, page_id: str, incident_id: str, incident_update_id: str):
    record = events.incident(call.page, incident_id)
    update = events.incident_update(record, incident_update_id)
    changes = _changes(call, "incident_update", event_fields.INCIDENT_UPDATE_WRITABLE, 422)
    events.update_incident_update(record, update, changes)
    return 200, _writer(call).incident_update(update)


# ---------------------------------------------------------------------- templates


def list_templates(call, page_id: str):
    writer = _writer(call)
    return 200, [writer.template(record) for record in call.paginate(list(call.page.incident_templates.values()))]


def create_template(call, page_id: str):
    changes = _changes(call, "template", event_fields.TEMPLATE_WRITABLE, 400)
    record = events.create_template(call.store, call.page, changes)
    return 201, _writer(call).template(record)


# ---------------------------------------------------------------------- the route table

PAGE = "/pages/{page_id}"
INCIDENT = PAGE + "/incidents/{incident_id}"

ROUTES = (
    (PAGE + "/incidents", ("GET",), list_incidents),
    (PAGE + "/incidents", ("POST",), create_incident),
    (PAGE + "/incidents/unresolved", ("GET",), list_unresolved),
    (PAGE + "/incidents/upcoming", ("GET",), list_upcoming),
    (PAGE + "/incidents/scheduled", ("GET",), list_scheduled),
    (PAGE + "/incidents/active_maintenance", ("GET",), list_active_maintenance),
    (INCIDENT, ("GET",), get_incident),
    (INCIDENT, ("PATCH", "PUT"), update_incident),
    (INCIDENT, ("DELETE",), delete_incident),
    (INCIDENT + "/incident_updates/{incident_update_id}", ("PATCH", "PUT"), update_incident_update),
    (PAGE + "/incident_templates", ("GET",), list_templates),
    (PAGE + "/incident_templates", ("POST",), create_template),
)
