# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""What statuspage_incident and statuspage_maintenance share: checking their options, naming
components, and running the event reconciler into a module result.

Private to community.statuspage: it may change without notice.

Every problem of a task (a bad time, an end before the start, an unknown component, a status
that is not one) is collected and raised as one ``InputError`` before anything is written.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.community.statuspage.plugins.module_utils._component_status import status_problem
from ansible_collections.community.statuspage.plugins.module_utils._errors import InputError
from ansible_collections.community.statuspage.plugins.module_utils._member_kinds import COMPONENT
from ansible_collections.community.statuspage.plugins.module_utils._reconcile_event import (
    SWITCHES,
    TIME_FIELDS,
    diff_view,
    ensure_event,
    new_update_view,
    plan_event,
)
from ansible_collections.community.statuspage.plugins.module_utils._timestamps import is_before, timestamp_problem

# The options of a components entry (both modules).
COMPONENT_ENTRY_OPTIONS = dict(name=dict(type='str', required=True), status=dict(type='str'))


def time_problems(params, current=None):
    """Messages for ``scheduled_for``/``scheduled_until``: each must have an offset, the end be after the start.

    A time the task leaves out is the event's own (``current``), so moving only the end before
    the start is caught too.
    """
    problems = [problem for problem in (timestamp_problem(option, params.get(option))
                                        for option in TIME_FIELDS if params.get(option)) if problem]
    if problems:
        return problems
    start = params.get('scheduled_for') or (current or {}).get('scheduled_for')
    end = params.get('scheduled_until') or (current or {}).get('scheduled_until')
    if start and end and not is_before(start, end):
        problems.append('scheduled_until (%s) must be after scheduled_for (%s)%s' % (
            end, start, '' if params.get('scheduled_for') and params.get('scheduled_until')
            else ' (the time not given is the maintenance\'s own)'))
    return problems


# The description: "There is a maximum limit of 255 characters" (name), "25000" (body).
TEXT_LIMITS = (('name', 255), ('body', 25000))


def status_problems(entries, default_status=None, params=None):
    """Messages for the components' statuses, and for a name or body longer than the API takes."""
    problems = ['%s is %d characters long; Statuspage takes at most %d' % (option, len(params[option]), limit)
                for option, limit in TEXT_LIMITS if len((params or {}).get(option) or '') > limit]
    for index, entry in enumerate(entries or []):
        status = entry.get('status') or default_status
        if status is not None:
            problem = status_problem(status, 'components[%d] (%s)' % (index, entry.get('name')))
            if problem:
                problems.append(problem)
    return problems


def read_components(client, page_id, entries, event, want_names):
    """``(statuses, catalog, problems)`` for the task's ``components`` entries.

    ``statuses`` maps each component's id to the status asked (``None``: affected, status left
    alone). The page's component list is read (one request per 100) when the task names
    components, or for ``--diff`` when the event has some (the diff names their groups).
    """
    catalog = None
    if entries or (want_names and (event or {}).get('components')):
        catalog = COMPONENT.load(client, page_id)
    statuses = {}
    problems = []
    for index, entry in enumerate(entries or []):
        component_id, problem = catalog.resolve_one(entry['name'])
        if problem:
            problems.append('components[%d]: %s' % (index, problem))
        else:
            statuses[component_id] = entry.get('status')
    return statuses, catalog, problems


def raise_problems(problems):
    if problems:
        raise InputError('%d problem(s) with this task, nothing was written: %s' % (len(problems), '; '.join(problems)))


def desired_event(params, statuses, default_component_status=None):
    """The API fields the task sets; ``components`` holds the statuses, ``component_ids`` every component named."""
    desired = dict((field, params.get(field)) for field in ('name', 'body', 'impact_override', 'metadata')
                   + TIME_FIELDS + SWITCHES if params.get(field) is not None)
    desired['deliver_notifications'] = params.get('deliver_notifications')
    desired['component_ids'] = list(statuses)
    desired['components'] = dict((component_id, status or default_component_status)
                                 for component_id, status in statuses.items() if status or default_component_status)
    return desired


def optional_fields(params):
    """The optional fields a task sets, which its diff shows."""
    return [field for field in TIME_FIELDS + ('impact_override', 'metadata') + SWITCHES
            if params.get(field) is not None]


def component_label(catalog):
    def label(component_id):
        return catalog.label(component_id) if catalog is not None else component_id
    return label


def no_event(module, kind):
    """The result of a task that finds no event and has none to make (resolving, completing)."""
    result = {'changed': False, kind: None, 'update_posted': False, 'notified': False}
    if module._diff:
        result['diff'] = {'before': {'state': 'absent'}, 'after': {'state': 'absent'}}
    return result


def apply_event(module, client, kind, current, desired, catalog, reread, default_status, fields):
    """Plan, carry out and report one event: the module result (``kind`` is its key)."""
    page_id = module.params['page_id']
    maintenance = kind == 'maintenance'
    plan = plan_event(current, desired, catalog.items if catalog is not None else (), maintenance=maintenance)
    for warning in plan.warnings:
        module.warn(warning)
    what = '%s %r on page %s' % (kind, desired.get('name') or (current or {}).get('name'), page_id)
    changed, after = ensure_event(client, page_id, plan, reread, what, default_status, module.check_mode)
    result = {'changed': changed, kind: after, 'update_posted': changed and plan.posts_update,
              'notified': changed and plan.notifies}
    if module._diff:
        label = component_label(catalog)
        result['diff'] = {'before': diff_view(current, fields, label), 'after': diff_view(after, fields, label)}
        new_update = new_update_view(plan)
        if new_update is not None:
            result['diff']['after']['new_update'] = new_update
    return result
