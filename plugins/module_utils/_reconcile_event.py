# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The reconciler of one event: a realtime incident or a scheduled maintenance.

Private to community.statuspage: it may change without notice.

Both are one resource of the API (``/incidents``), changed by one create or one PATCH. What
makes an event different from the other resources is that a write may post an *update*, and an
update that delivers notifications e-mails and texts the page's subscribers. What posts one is
the API's rule (the old v1 documentation: ``body`` is "the body of the new incident update that
will be created"; status and component changes go "at the same time to avoid two separate
incident updates being generated"), so the plan knows, before anything is sent, whether a change
posts an update and whether it notifies, and says so in the diff:

- a ``body`` is sent only when no update of the event says it yet (the API itself does not
  compare bodies), or with a change of status or of component statuses (it is that update's text);
- component statuses are sent only where they differ from the components' statuses now; for a
  maintenance, the statuses the task gives are those of the window, sent only while (or when)
  it is in progress or verifying, never days before it starts;
- a maintenance is never moved back (``completed`` is not reopened, a started window not
  rescheduled): the plan keeps its status and warns when a task asks to start a completed one;
- ``auto_transition_to_maintenance_state`` and ``auto_transition_to_operational_state``: when
  this task starts or completes the maintenance, the statuses those switches stand for are sent
  with the change, so the result does not depend on whether Statuspage applies the switches to
  a transition made through the API as it does to an automatic one.

``plan_event`` is pure; ``ensure_event`` carries a plan out (creates through ``create_once``);
``remove_event`` deletes; ``diff_view`` is what ``--diff`` shows.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from collections import namedtuple

from ansible_collections.community.statuspage.plugins.module_utils._component_status import (
    OPERATIONAL,
    UNDER_MAINTENANCE,
    statuses_of,
    statuses_to_set,
)
from ansible_collections.community.statuspage.plugins.module_utils._events import (
    COMPLETED,
    MAINTENANCE_STATUSES,
    body_posted,
    events_path,
    latest_update,
)
from ansible_collections.community.statuspage.plugins.module_utils._timestamps import api_timestamp, same_instant
from ansible_collections.community.statuspage.plugins.module_utils._write_policy import (
    CREATED,
    create_once,
    delete_if_present,
)

TIME_FIELDS = ('scheduled_for', 'scheduled_until')
SWITCHES = (
    'auto_transition_to_maintenance_state', 'auto_transition_to_operational_state', 'scheduled_auto_in_progress',
    'scheduled_auto_completed', 'auto_transition_deliver_notifications_at_start',
    'auto_transition_deliver_notifications_at_end', 'scheduled_remind_prior',
)
# Fields compared as they are (``None`` in desired: leave alone).
PLAIN_FIELDS = ('name', 'status', 'impact_override') + SWITCHES
# A maintenance's statuses in the order they happen; in_progress and verifying are "the window".
PHASE = dict((status, rank) for rank, status in enumerate(MAINTENANCE_STATUSES))
WINDOW = ('in_progress', 'verifying')
POSTING_FIELDS = ('body', 'status', 'components')


class EventPlan(namedtuple('EventPlan', 'desired current create update components warnings')):
    """What ensuring ``desired`` would do: ``create`` (the POST's ``incident``) or ``update`` (the PATCH's).

    ``components`` maps component id -> Component object as it would be after the plan.
    """

    __slots__ = ()

    @property
    def changed(self):
        return self.create is not None or bool(self.update)

    @property
    def sent(self):
        return self.create if self.create is not None else self.update

    @property
    def posts_update(self):
        return self.create is not None or any(field in self.update for field in POSTING_FIELDS)

    @property
    def notifies(self):
        return self.posts_update and self.sent.get('deliver_notifications', True) is not False


def _effective(field, desired, current):
    value = desired.get(field)
    return value if value is not None else (current or {}).get(field)


def _maintenance_status(current, wanted, warnings):
    """The status to send for a maintenance: ``wanted``, unless it would move the window back."""
    have = current['status']
    if wanted is None or wanted == have or PHASE.get(wanted, 0) >= PHASE.get(have, 0):
        return wanted
    if have == COMPLETED and wanted in WINDOW:
        warnings.append('maintenance %r is already completed; a completed maintenance is not started again '
                        '(use a new name, or another schedule, for a new window)' % current.get('name'))
    return None


def _wanted_statuses(desired, current, status, component_ids, maintenance):
    """Component id -> status this change should leave, before comparing with what they are."""
    wanted = {}
    entering = status if status != (current or {}).get('status') else None
    if maintenance:
        if entering in WINDOW and (current or {}).get('status') not in WINDOW \
                and _effective('auto_transition_to_maintenance_state', desired, current):
            wanted.update((component_id, UNDER_MAINTENANCE) for component_id in component_ids)
        if entering == COMPLETED and _effective('auto_transition_to_operational_state', desired, current):
            wanted.update((component_id, OPERATIONAL) for component_id in component_ids)
        if status not in WINDOW:
            return wanted
    wanted.update(desired.get('components') or {})
    return wanted


def plan_event(current, desired, known_components=(), maintenance=False):
    """Plan ``desired`` (API fields, only those the task sets) against ``current`` or ``None``.

    ``known_components`` are Component objects as listed now (the page's list, or only those the
    task names); ``desired['component_ids']`` are added to the event's (never removed),
    ``desired['components']`` maps ids to wanted statuses. ``deliver_notifications`` goes with
    every write that posts an update.
    """
    objects = dict((component['id'], component) for component in (current or {}).get('components') or [])
    objects.update((component['id'], component) for component in known_components if component.get('id'))
    have_ids = [component['id'] for component in (current or {}).get('components') or []]
    listed = list(desired.get('component_ids') or []) + list(desired.get('components') or {})
    ids = have_ids + [component_id for component_id in dict.fromkeys(listed) if component_id not in have_ids]
    warnings = []
    if current is None:
        status = desired.get('status')
        send = dict((field, desired[field]) for field in PLAIN_FIELDS + ('metadata',) if desired.get(field) is not None)
        send.update((field, api_timestamp(desired[field])) for field in TIME_FIELDS if desired.get(field))
        if ids:
            send['component_ids'] = ids
    else:
        status = desired.get('status')
        if maintenance:
            status = _maintenance_status(current, status, warnings)
        send = dict((field, desired[field]) for field in PLAIN_FIELDS
                    if desired.get(field) is not None and field != 'status' and current.get(field) != desired[field])
        if status is not None and status != current.get('status'):
            send['status'] = status
        send.update((field, api_timestamp(desired[field])) for field in TIME_FIELDS
                    if desired.get(field) and not same_instant(current.get(field), desired[field]))
        if desired.get('metadata') is not None and (current.get('metadata') or {}) != desired['metadata']:
            send['metadata'] = desired['metadata']
        if ids != have_ids:
            send['component_ids'] = ids
    status_after = send.get('status') or (current or {}).get('status') or desired.get('status')
    to_set = statuses_to_set(_wanted_statuses(desired, current, status_after, ids, maintenance),
                             statuses_of(objects.values()))
    if to_set:
        send['components'] = to_set
    body = desired.get('body')
    if body and (current is None or not body_posted(current, body)
                 or any(field in send for field in ('status', 'components'))):
        send['body'] = body
    if current is None or any(field in send for field in POSTING_FIELDS):
        send['deliver_notifications'] = desired.get('deliver_notifications', True) is not False
    components = dict((component_id, dict(objects.get(component_id) or {'id': component_id},
                                          status=to_set.get(component_id, (objects.get(component_id) or {}).get('status'))))
                      for component_id in ids)
    if current is None:
        return EventPlan(desired, None, send, {}, components, warnings)
    return EventPlan(desired, current, None, send, components, warnings)


def predicted_event(plan, page_id, default_status):
    """The event as it would be after the plan: what check mode reports (a new one has no id)."""
    event = dict(plan.current or {'id': None, 'page_id': page_id, 'status': default_status, 'incident_updates': []})
    event.update((field, value) for field, value in plan.sent.items()
                 if field not in ('body', 'components', 'component_ids', 'deliver_notifications'))
    event['components'] = list(plan.components.values())
    if plan.posts_update:
        update = {'id': None, 'body': plan.sent.get('body') or '', 'status': event['status'],
                  'deliver_notifications': plan.notifies}
        event['incident_updates'] = [update] + list(event.get('incident_updates') or [])
    return event


def ensure_event(client, page_id, plan, reread, what, default_status, check_mode=False):
    """Carry out ``plan``; return ``(changed, after)``.

    A create is sent through ``create_once``: an event created twice is announced twice, so an
    answer that was lost is followed by ``reread()`` (the open events of that name), and one
    found is adopted and brought to what was asked, without posting its body again.
    """
    if not plan.changed:
        return False, plan.current
    if check_mode:
        return True, predicted_event(plan, page_id, default_status)
    if plan.create is None:
        return True, _patch(client, page_id, plan.current, plan.update)
    event, how = create_once(lambda: client.post(events_path(page_id), {'incident': plan.create}), reread, what)
    if how == CREATED:
        return True, event
    again = plan_event(event, plan.desired, list(plan.components.values()), maintenance=event.get('status') in PHASE)
    return True, _patch(client, page_id, event, again.update) if again.update else event


def _patch(client, page_id, event, changes):
    updated = client.patch(events_path(page_id, event['id']), {'incident': changes})
    return updated if isinstance(updated, dict) else dict(event, **changes)


def remove_event(client, page_id, current, check_mode=False):
    """Delete the event; ``False`` when there is none. Deleting notifies nobody and changes no component."""
    if current is None:
        return False
    return delete_if_present(client, events_path(page_id, current['id']), check_mode)


def diff_view(event, fields, label):
    """The event as a person reads it: its status, times, components as ``label(id): status``, last words.

    ``fields`` are the optional fields the task is about; ``label`` names a component by id.
    """
    if event is None:
        return {'state': 'absent'}
    view = {'state': 'present', 'name': event.get('name'), 'status': event.get('status')}
    for field in fields:
        value = event.get(field)
        view[field] = api_timestamp(value) if field in TIME_FIELDS else value
    view['components'] = dict((label(component['id']), component.get('status'))
                              for component in event.get('components') or [] if component.get('id'))
    latest = latest_update(event)
    view['latest_update'] = (latest.get('body') or '') if latest else None
    return view


def new_update_view(plan):
    """What ``--diff`` adds to ``after`` when the change posts an update: its status, text, and who hears."""
    if not plan.changed or not plan.posts_update:
        return None
    status = plan.sent.get('status') or (plan.current or {}).get('status') or plan.desired.get('status')
    return {'status': status, 'body': plan.sent.get('body') or '', 'notifies_subscribers': plan.notifies}
