# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Finding incidents and scheduled maintenances, shared by statuspage_incident,
statuspage_maintenance and statuspage_incident_info.

Private to community.statuspage: it may change without notice.

Statuspage keeps both kinds as "incidents" (``/pages/{page_id}/incidents``); a maintenance is
an incident whose status is one of the scheduled ones. The reads, and what each costs:

- by id: one ``GET .../incidents/{id}``;
- open realtime incidents: ``GET .../incidents/unresolved`` (one request per 100);
- maintenances not started, and in progress: ``GET .../incidents/upcoming`` and
  ``GET .../incidents/active_maintenance`` (one request per 100 each);
- by name, of any kind and status: ``GET .../incidents?q=<name>&limit=100``, one request for the
  100 newest incidents and maintenances whose text contains the name (the description: "search
  for the text query string in the incidents' name, status, postmortem_body, and
  incident_updates fields"; "The default and maximum limit is 100").

``.../incidents/scheduled`` is not used: the description says only "Get a list of scheduled
incidents", and whether it lists maintenances that have started is not known (the emulator's
``scheduled-list`` variant); the two lists above say what they hold.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.community.statuspage.plugins.module_utils._api_url import api_path
from ansible_collections.community.statuspage.plugins.module_utils._errors import InputError
from ansible_collections.community.statuspage.plugins.module_utils._timestamps import parse_timestamp, same_instant

# The description's two sets of statuses (Incident.status, "For realtime incidents ... For
# scheduled incidents ...").
INCIDENT_STATUSES = ('investigating', 'identified', 'monitoring', 'resolved')
MAINTENANCE_STATUSES = ('scheduled', 'in_progress', 'verifying', 'completed')
RESOLVED = 'resolved'
COMPLETED = 'completed'
# The largest page of GET .../incidents (its "limit"; the other lists take per_page=100).
SEARCH_LIMIT = 100


def events_path(page_id, *rest):
    return api_path('pages', page_id, 'incidents', *rest)


def is_maintenance(event):
    return (event or {}).get('status') in MAINTENANCE_STATUSES


def kind_of(event):
    return 'maintenance' if is_maintenance(event) else 'incident'


def get_event(client, page_id, event_id):
    """The incident or maintenance with this id, or ``None``: one request."""
    return client.get(events_path(page_id, event_id))


def list_unresolved(client, page_id):
    """Realtime incidents that are not resolved: one request per 100."""
    return client.list(events_path(page_id, 'unresolved'))


def list_upcoming(client, page_id):
    """Maintenances that have not started: one request per 100."""
    return client.list(events_path(page_id, 'upcoming'))


def list_active_maintenances(client, page_id):
    """Maintenances in progress or verifying: one request per 100."""
    return client.list(events_path(page_id, 'active_maintenance'))


def search_events(client, page_id, text):
    """The 100 newest incidents and maintenances whose text contains ``text``: one request."""
    found = client.get(events_path(page_id), params={'q': text, 'limit': SEARCH_LIMIT})
    return found if isinstance(found, list) else []


def named(events, name):
    return [event for event in events if event.get('name') == name]


def _check_kind(event, wanted_kind, option):
    if event is not None and kind_of(event) != wanted_kind:
        raise InputError('%s %r is %s (status %r), not %s: use the statuspage_%s module for it' % (
            option, event.get('id'), _a(kind_of(event)), event.get('status'), _a(wanted_kind), kind_of(event)))
    return event


def _a(kind):
    return ('an ' if kind[0] in 'aeiou' else 'a ') + kind


def _one(matches, what, name, id_option):
    if len(matches) > 1:
        raise InputError('name %r names %d open %ss (%s): use %s to choose one' % (
            name, len(matches), what, ', '.join(str(event.get('id')) for event in matches), id_option))
    return matches[0] if matches else None


def find_incident(client, page_id, name=None, incident_id=None):
    """The realtime incident by ``incident_id`` (one GET), or the unresolved one named ``name``.

    A resolved incident is not found by name: a new incident of that name is a new one. Several
    unresolved ones of that name are an ``InputError`` naming their ids.
    """
    if incident_id:
        return _check_kind(get_event(client, page_id, incident_id), 'incident', 'incident_id')
    return _one(named(list_unresolved(client, page_id), name), 'incident', name, 'incident_id')


def open_maintenances_named(client, page_id, name):
    """Maintenances named ``name`` that have not completed, from the two lists that hold them."""
    return named(list_upcoming(client, page_id) + list_active_maintenances(client, page_id), name)


def same_schedule(event, scheduled_for, scheduled_until):
    return same_instant(event.get('scheduled_for'), scheduled_for) \
        and same_instant(event.get('scheduled_until'), scheduled_until)


def find_maintenance(client, page_id, name=None, maintenance_id=None, schedule=None, completed_ok=False):
    """The maintenance by ``maintenance_id`` (one GET), or by name, or ``None``.

    By name, one search finds those of that name, any status: the one not completed is it
    (several fail, naming their ids); else a completed one is it only when ``schedule`` (the
    task's ``(scheduled_for, scheduled_until)``) is that maintenance's, or ``completed_ok``
    (completing, any schedule): the newest such. When the search finds none, the lists of
    upcoming and active maintenances are read as well before ``None`` is answered (a create
    follows, and a maintenance created twice notifies subscribers twice; what the search matches
    is not described beyond "search for the text").
    """
    if maintenance_id:
        return _check_kind(get_event(client, page_id, maintenance_id), 'maintenance', 'maintenance_id')
    found = [event for event in named(search_events(client, page_id, name), name) if is_maintenance(event)]
    current = _one([event for event in found if event.get('status') != COMPLETED], 'maintenance', name,
                   'maintenance_id')
    if current is not None:
        return current
    for event in found:  # newest first, as the API lists them
        if completed_ok or (schedule and all(schedule) and same_schedule(event, *schedule)):
            return event
    if found:
        return None
    return _one(open_maintenances_named(client, page_id, name), 'maintenance', name, 'maintenance_id')


# ---- updates --------------------------------------------------------------------------------

def _update_time(update):
    try:
        return parse_timestamp(update.get('created_at'))
    except (ValueError, TypeError):
        return None


def latest_update(event):
    """The newest update of the event (the API lists them newest first; times decide), or ``None``."""
    updates = [update for update in (event or {}).get('incident_updates') or [] if isinstance(update, dict)]
    if not updates:
        return None
    timed = [(index, update) for index, update in enumerate(updates) if _update_time(update) is not None]
    if len(timed) != len(updates):
        return updates[0]
    return sorted(timed, key=lambda pair: (_update_time(pair[1]), -pair[0]))[-1][1]


def body_posted(event, body):
    """Whether some update of the event already says ``body`` (ignoring surrounding space).

    The API does not compare bodies (the same one twice is two updates), so this is what keeps a
    re-run from posting the same message again, also after an automatic update came in between.
    """
    wanted = (body or '').strip()
    return any((update.get('body') or '').strip() == wanted
               for update in (event or {}).get('incident_updates') or [] if isinstance(update, dict))


# ---- templates ------------------------------------------------------------------------------

def list_templates(client, page_id):
    """The page's incident templates: one request per 100."""
    return client.list(api_path('pages', page_id, 'incident_templates'))


def find_template(templates, reference):
    """``(template, problem)``: the template whose id or exact name is ``reference``."""
    matches = [template for template in templates if reference in (template.get('id'), template.get('name'))]
    if len(matches) == 1:
        return matches[0], None
    if matches:
        return None, 'template: %r names %d incident templates (%s); use the id' % (
            reference, len(matches), ', '.join(sorted(str(template.get('id')) for template in matches)))
    known = sorted('%r' % template.get('name') for template in templates)
    return None, 'template: no incident template %r on this page; %s' % (
        reference, ('the page has ' + ', '.join(known)) if known else 'the page has no incident templates')
