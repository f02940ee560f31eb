"""What happens to scheduled maintenances as the emulator's clock passes their times.

Statuspage runs these in the background; the emulator runs them, in time order, before each
API request and whenever ``POST /__emulator__/clock`` moves its clock, so that a test sees a
maintenance start or end without waiting. Each step is stamped with the moment it was due.

- ``scheduled_remind_prior``: a reminder to subscribers 60 minutes before scheduled_for (old
  v1 docs: "Remind subscribers 60 minutes before scheduled start"), once (scheduled_reminded_at).
- ``scheduled_auto_in_progress`` (or its alias ``scheduled_auto_transition``): scheduled ->
  in_progress at scheduled_for, posting Statuspage's "Scheduled maintenance is currently in
  progress..." update, which notifies if ``auto_transition_deliver_notifications_at_start``.
- ``scheduled_auto_completed``: -> completed at scheduled_until ("...has been completed."),
  notifying if ``auto_transition_deliver_notifications_at_end``.
- Entering in_progress (automatically or by a PATCH) moves the maintenance's components to
  under_maintenance if ``auto_transition_to_maintenance_state``; entering completed moves them to
  operational if ``auto_transition_to_operational_state`` (the description's wording: "once
  scheduled maintenance is in progress" / "completes").
With the variant ``auto-transition=component-flags`` the auto_transition_to_* flags alone also
start and complete the maintenance at those times.
"""

from __future__ import annotations

import datetime

from . import clock, events
from .store import Store

REMINDER_LEAD = datetime.timedelta(hours=1)
# The texts Statuspage posts when it moves a maintenance on its own
STARTED_BODY = "Scheduled maintenance is currently in progress. We will provide updates as necessary."
COMPLETED_BODY = "The scheduled maintenance has been completed."


def due_steps(store: Store, record: dict) -> list[tuple[datetime.datetime, str]]:
    """The steps of one maintenance that are not done yet, with the moment each is due."""
    if not events.is_scheduled(record) or record["status"] == "completed":
        return []
    component_flags = store.variants.auto_transition == "component-flags"
    starts = record["scheduled_auto_in_progress"] or (component_flags and record["auto_transition_to_maintenance_state"])
    completes = record["scheduled_auto_completed"] or (component_flags and record["auto_transition_to_operational_state"])
    begin = clock.parse_timestamp(record["scheduled_for"])
    end = clock.parse_timestamp(record["scheduled_until"])
    steps = []
    if record["status"] == "scheduled":
        if record["scheduled_remind_prior"] and record["scheduled_reminded_at"] is None:
            steps.append((begin - REMINDER_LEAD, "remind"))
        if starts:
            steps.append((begin, "start"))
    if completes:
        steps.append((end, "complete"))
    return steps


def catch_up(store: Store) -> list[dict]:
    """Run every step due by the store's clock, oldest first; what was done, for the caller."""
    now = store.clock.now()
    done = []
    while True:
        due = [(moment, step, page, record)
               for page in store.pages.values() for record in page.incidents.values()
               for moment, step in due_steps(store, record) if moment <= now]
        if not due:
            return done
        moment, step, page, record = min(due, key=lambda item: item[0])
        stamp = clock.format_timestamp(moment)
        with clock.running(store.clock):
            if step == "remind":
                record["scheduled_reminded_at"] = stamp
                events.notify(store, page, record, None, "reminder", stamp)
            else:
                _transition(store, page, record, step, stamp)
        done.append({"page_id": page.page_id, "incident_id": record["id"], "step": step, "at": stamp})


def _transition(store: Store, page, record: dict, step: str, stamp: str) -> None:
    new_status, body, deliver_flag = {
        "start": ("in_progress", STARTED_BODY, "auto_transition_deliver_notifications_at_start"),
        "complete": ("completed", COMPLETED_BODY, "auto_transition_deliver_notifications_at_end"),
    }[step]
    old_status, record["status"] = record["status"], new_status
    affected = events.apply_statuses(store, page, record, {}, {new_status}, at=stamp)
    events.mark_status_times(record, old_status, new_status, at=stamp)
    events.post_update(store, page, record, body, affected, f"auto_{step}", deliver=record[deliver_flag], at=stamp)
