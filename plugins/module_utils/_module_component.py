# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The options of statuspage_component and statuspage_component_group: checking them, finding
what they name, and turning them into API fields.

Private to community.statuspage: it may change without notice.

A module-layer file (``_module_*``): it reads ``module.params``, which the reconcilers
(``_reconcile_component``, ``_reconcile_component_group``) never do, so that the page definition
can use them with fields of its own. Every problem of a task is collected and raised as one
``InputError`` before any write.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import datetime

from ansible_collections.community.statuspage.plugins.module_utils._component_status import COMPONENT_STATUSES
from ansible_collections.community.statuspage.plugins.module_utils._components import (
    ANY_GROUP,
    find_component,
    find_component_group,
    member_ids,
    resolve_group,
    resolve_members,
)
from ansible_collections.community.statuspage.plugins.module_utils._errors import InputError

# The component fields an option of the same name sets, as they are.
COMPONENT_OPTIONS = ('name', 'description', 'showcase', 'only_show_if_degraded', 'start_date', 'status', 'position')


def component_options():
    """The options that describe a component, as statuspage_component and a page file's entry take them."""
    return dict(
        description=dict(type='str'),
        status=dict(type='str', choices=list(COMPONENT_STATUSES)),
        showcase=dict(type='bool'),
        only_show_if_degraded=dict(type='bool'),
        start_date=dict(type='str'),
        previously=dict(type='str'),
        state=dict(type='str', choices=['present', 'absent'], default='present'),
    )


def date_problem(value, option='start_date'):
    """A message when ``value`` is not a date ``YYYY-MM-DD``, else ``None``."""
    try:
        datetime.datetime.strptime(str(value), '%Y-%m-%d')
    except ValueError:
        return '%s=%r is not a date: expected YYYY-MM-DD, such as 2024-01-15' % (option, value)
    return None


def option_problems(params, id_option):
    """Problems visible in the task itself, before any request."""
    problems = []
    if params['name'] is None and not params[id_option]:
        # required_one_of accepts an option written with an empty value ("name:"), so check again.
        problems.append('one of name and %s is required' % id_option)
    if params['name'] is not None and not params['name'].strip():
        problems.append('name must not be empty')
    if params.get('position') is not None and params['position'] < 1:
        problems.append('position=%r: positions start at 1 (the first place of its level)' % params['position'])
    if params.get('start_date') is not None:
        problem = date_problem(params['start_date'])
        if problem:
            problems.append(problem)
    return problems


def raise_problems(problems):
    if problems:
        raise InputError('; '.join(problems))


def level_size(catalog, group_id):
    """How many places a level has: a group's members, or the top level (groups and ungrouped components)."""
    if group_id is None:
        return len(catalog.groups) + len(member_ids(catalog, None))
    return len(member_ids(catalog, group_id))


def position_problem(catalog, position, group_id, joining):
    if position is None:
        return None
    places = level_size(catalog, group_id) + (1 if joining else 0)
    if position > places:
        where = 'in group %r' % catalog.groups[group_id].get('name') if group_id else 'at the top level of the page'
        return 'position=%d: there are %d place(s) %s' % (position, places, where)
    return None


# ---- statuspage_component ---------------------------------------------------------------------

def find_target_component(catalog, params):
    """``(current component or None, target group id or ANY_GROUP)`` for the task, or ``InputError``."""
    problems = option_problems(params, 'component_id')
    group_id = ANY_GROUP
    if params['group'] is not None:
        group_id, problem = resolve_group(catalog, params['group'])
        if problem:
            problems.append(problem)
    raise_problems(problems)
    current, problem = find_component(catalog, name=params['name'], group_id=group_id,
                                      component_id=params['component_id'], previously=params['previously'])
    raise_problems([problem] if problem else [])
    _check_found(current, params)
    if params['state'] == 'present':
        target = group_id if group_id is not ANY_GROUP else ((current or {}).get('group_id') or None)
        joining = current is None or (current.get('group_id') or None) != target
        raise_problems([p for p in [position_problem(catalog, params['position'], target, joining)] if p])
    return current, group_id


def _check_found(current, params):
    """A ``component_id`` must exist to be changed, and be the named component to be deleted."""
    component_id = params['component_id']
    if not component_id:
        return
    if params['state'] == 'present' and current is None:
        raise InputError('component_id %r: no component with this id on page %r; to create a component, leave '
                         'component_id out and set name' % (component_id, params['page_id']))
    if params['state'] == 'absent' and current is not None and params['name'] is not None \
            and current.get('name') != params['name']:
        raise InputError('component_id %r is the component named %r, not %r; it was not deleted' % (
            component_id, current.get('name'), params['name']))


def desired_component(params, group_id):
    """The API fields the options set; ``group_id`` ``''`` takes the component out of its group."""
    desired = dict((field, params[field]) for field in COMPONENT_OPTIONS if params.get(field) is not None)
    if group_id is not ANY_GROUP:
        desired['group_id'] = group_id or ''
    return desired


# ---- statuspage_component_group ---------------------------------------------------------------

def find_target_group(catalog, params):
    """The group the task names, or ``None``; ``InputError`` for a bad task."""
    raise_problems(option_problems(params, 'group_id'))
    current = find_component_group(catalog, name=params['name'], group_id=params['group_id'])
    if params['group_id'] and current is None and params['state'] == 'present':
        raise InputError('group_id %r: no component group with this id on page %r; to create a group, leave '
                         'group_id out and set name' % (params['group_id'], params['page_id']))
    if params['group_id'] and current is not None and params['state'] == 'absent' \
            and params['name'] is not None and current.get('name') != params['name']:
        raise InputError('group_id %r is the component group named %r, not %r; it was not deleted' % (
            params['group_id'], current.get('name'), params['name']))
    return current


def desired_group(catalog, params, current):
    """``(desired API fields, member ids now)``; ``InputError`` naming every bad component."""
    problems = []
    current_members = member_ids(catalog, current['id']) if current is not None else []
    desired = {'name': params['name'] if params['name'] is not None else current['name']}
    for field in ('description', 'position'):
        if params[field] is not None:
            desired[field] = params[field]
    if params['components'] is not None:
        ids, found = resolve_members(catalog, current['id'] if current else None, params['components'])
        problems.extend(found)
        if not params['components']:
            problems.append('components must name at least one component: Statuspage keeps no empty group; to '
                            'remove the group, use state=absent')
        desired['components'] = ids
    elif current is None:
        problems.append('components is required to create group %r: Statuspage creates a group with its first '
                        'components' % desired['name'])
    joining = current is None
    problem = position_problem(catalog, params['position'], None, joining)
    if problem:
        problems.append(problem)
    raise_problems(problems)
    return desired, current_members
