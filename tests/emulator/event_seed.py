"""Incidents and incident templates in a seed (the ``incidents`` and ``incident_templates`` of a page).

The entries are the records ``GET /__emulator__/state`` dumps, so a dump loads back unchanged;
a hand-written seed needs only a few fields (the emulator guide,
docs/docsite/rst/guide_emulator.rst, has an example):

    incidents:
      - name: Database upgrade
        status: scheduled
        scheduled_for: 2030-01-01T02:00:00Z
        scheduled_until: 2030-01-01T04:00:00Z
        scheduled_auto_in_progress: true
        component_ids: [EU/Database]      # ids, unique names or "Group/Name"
        incident_updates:                 # newest first; without them, one empty update
          - body: We will upgrade the EU databases.
    incident_templates:
      - name: API degraded
        title: API response times are up
        body: We are investigating slow API responses.
        update_status: investigating
        component_ids: [Platform/API]
"""

from __future__ import annotations

from . import clock, event_fields, events
from .errors import ApiError

_INCIDENT_KEYS = (
    {"id", "page_id", "name", "status", "impact", "impact_override", "component_ids", "incident_updates",
     "metadata", "monitoring_at", "resolved_at", "scheduled_for", "scheduled_until", "scheduled_reminded_at",
     "backfilled", "reminder_intervals", "held_components", "shortlink", "created_at", "updated_at"}
    | set(events.INCIDENT_FLAGS)
)
_UPDATE_KEYS = {"id", "incident_id", "affected_components", "body", "created_at", "custom_tweet",
                "deliver_notifications", "display_at", "status", "tweet_id", "twitter_updated_at", "updated_at",
                "wants_twitter_update"}
_TEMPLATE_KEYS = {"id", "page_id", "name", "title", "body", "group_id", "update_status", "should_tweet",
                  "should_send_notifications", "component_ids"}
_INCIDENT_TIMESTAMPS = ("monitoring_at", "resolved_at", "scheduled_for", "scheduled_until", "scheduled_reminded_at")


class Loader:
    """Loads one page's events; ``fail(message)`` raises the seed's error type."""

    def __init__(self, store, page, components, fail):
        self.store = store
        self.page = page
        self.components = components  # seed._Names: resolves ids, names and "Group/Name"
        self.fail = fail

    def incidents(self, entries: list, where: str) -> None:
        for index, entry in enumerate(entries):
            self._incident(entry, f"{where}[{index}]")

    def templates(self, entries: list, where: str) -> None:
        for index, entry in enumerate(entries):
            here = f"{where}[{index}]"
            self._keys(entry, _TEMPLATE_KEYS, here)
            values = self._clean(entry, event_fields.TEMPLATE_WRITABLE, here)
            for name in ("name", "title", "body"):
                if not values.get(name):
                    self.fail(f"{here}.{name} is required")
            record = {
                "id": self._claim(entry, here), "page_id": self.page.page_id, "name": values["name"],
                "title": values["title"], "body": values["body"], "group_id": values.get("group_id"),
                "update_status": values.get("update_status"), "should_tweet": values.get("should_tweet", False),
                "should_send_notifications": values.get("should_send_notifications", True),
                "component_ids": self._component_ids(values.get("component_ids", []), f"{here}.component_ids"),
            }
            self.page.incident_templates[record["id"]] = record

    def _incident(self, entry: dict, here: str) -> None:
        self._keys(entry, _INCIDENT_KEYS, here)
        writable = {name: field for name, field in event_fields.INCIDENT_WRITABLE.items()
                    if name not in ("components", "component_ids", "body")}
        values = self._clean(entry, writable, here)
        if not values.get("name"):
            self.fail(f"{here}.name is required")
        scheduled = values.get("status") in event_fields.SCHEDULED_STATUSES or (
            "status" not in values and values.get("scheduled_for"))
        status = values.get("status") or ("scheduled" if scheduled else "investigating")
        if scheduled and not (values.get("scheduled_for") and values.get("scheduled_until")):
            self.fail(f"{here}: a scheduled maintenance needs scheduled_for and scheduled_until")
        created_at = self._timestamp(entry.get("created_at"), f"{here}.created_at") or clock.now_timestamp()
        record = {
            "id": self._claim(entry, here), "page_id": self.page.page_id, "name": values["name"], "status": status,
            "impact": entry.get("impact") or ("maintenance" if scheduled else "none"),
            "impact_override": values.get("impact_override"),
            "component_ids": self._component_ids(entry.get("component_ids") or [], f"{here}.component_ids"),
            "incident_updates": [], "metadata": values.get("metadata") or {},
            **{name: self._timestamp(entry.get(name), f"{here}.{name}") for name in _INCIDENT_TIMESTAMPS},
            **{flag: values.get(flag, False) for flag in events.INCIDENT_FLAGS},
            "backfilled": values.get("backfilled", False), "reminder_intervals": values.get("reminder_intervals"),
            "held_components": self._held(entry.get("held_components") or {}, f"{here}.held_components"),
            "shortlink": entry.get("shortlink") or "", "created_at": created_at,
            "updated_at": self._timestamp(entry.get("updated_at"), f"{here}.updated_at") or created_at,
        }
        record["shortlink"] = record["shortlink"] or f"http://stspg.io/{record['id'][:9]}"
        updates = entry.get("incident_updates") or [{}]
        if not isinstance(updates, list):
            self.fail(f"{here}.incident_updates must be a list")
        record["incident_updates"] = [self._update(update, record, f"{here}.incident_updates[{index}]")
                                      for index, update in enumerate(updates)]
        self.page.incidents[record["id"]] = record

    def _update(self, entry, incident: dict, here: str) -> dict:
        if not isinstance(entry, dict):
            self.fail(f"{here} must be a mapping")
        self._keys(entry, _UPDATE_KEYS, here)
        values = self._clean(entry, {"body": event_fields.INCIDENT_UPDATE_WRITABLE["body"],
                                     "status": event_fields.INCIDENT_WRITABLE["status"],
                                     "deliver_notifications": event_fields.INCIDENT_UPDATE_WRITABLE["deliver_notifications"],
                                     "wants_twitter_update": event_fields.INCIDENT_UPDATE_WRITABLE["wants_twitter_update"]},
                             here)
        created_at = self._timestamp(entry.get("created_at"), f"{here}.created_at") or incident["created_at"]
        affected = entry.get("affected_components")
        if affected is not None and not (isinstance(affected, list) and all(isinstance(item, dict) for item in affected)):
            self.fail(f"{here}.affected_components must be null or a list of mappings")
        return {
            "id": self._claim(entry, here), "incident_id": incident["id"], "affected_components": affected,
            "body": values.get("body", ""), "created_at": created_at, "custom_tweet": entry.get("custom_tweet"),
            "deliver_notifications": values.get("deliver_notifications", False),
            "display_at": self._timestamp(entry.get("display_at"), f"{here}.display_at") or created_at,
            "status": values.get("status", incident["status"]), "tweet_id": entry.get("tweet_id"),
            "twitter_updated_at": self._timestamp(entry.get("twitter_updated_at"), f"{here}.twitter_updated_at"),
            "updated_at": self._timestamp(entry.get("updated_at"), f"{here}.updated_at") or created_at,
            "wants_twitter_update": values.get("wants_twitter_update", False),
        }

    # ------------------------------------------------------------------ helpers

    def _keys(self, entry: dict, allowed: set, here: str) -> None:
        if not isinstance(entry, dict):
            self.fail(f"{here} must be a mapping")
        unknown = sorted(str(key) for key in set(entry) - allowed)
        if unknown:
            self.fail(f"{here}: unknown key(s) {', '.join(unknown)}")

    def _clean(self, entry: dict, writable: dict, here: str) -> dict:
        try:
            return event_fields.clean(entry, writable, here, from_form=False)
        except ApiError as error:
            self.fail(error.message)
            raise  # not reached: fail raises

    def _timestamp(self, value, here: str) -> str | None:
        if value is None:
            return None
        try:
            return event_fields.clean_datetime(value, here)
        except ApiError as error:
            self.fail(error.message)
            raise

    def _claim(self, entry: dict, here: str) -> str:
        ident = entry.get("id")
        if ident is not None and (not isinstance(ident, str) or not ident or "/" in ident):
            self.fail(f"{here}.id must be a non-empty string without '/'")
        try:
            return self.store.claim_id(ident)
        except ValueError as error:
            self.fail(f"{here}: {error}")
            raise

    def _component_ids(self, references, here: str) -> list[str]:
        if not isinstance(references, list) or not all(isinstance(item, str) for item in references):
            self.fail(f"{here} must be a list of strings")
        ids = [self.components.resolve(reference, here)["id"] for reference in references]
        for ident in ids:
            if self.page.components[ident]["group"]:
                self.fail(f"{here}: {ident} is a component group; name its components")
        return list(dict.fromkeys(ids))

    def _held(self, mapping, here: str) -> dict:
        if not isinstance(mapping, dict):
            self.fail(f"{here} must map components to statuses")
        statuses = self._clean({"components": mapping}, {"components": event_fields.INCIDENT_WRITABLE["components"]},
                               here.rsplit(".", 1)[0])["components"]
        return {self.components.resolve(reference, here)["id"]: status for reference, status in statuses.items()}
