# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The reconciler of one component group: plan, ensure, remove, and the diff view of a group.

Private to community.statuspage: it may change without notice.

A group's name, description and member set are sent in one create or one PATCH of
``.../component-groups/{id}``, whose ``components`` is the whole member set (as
yannh/terraform-provider-statuspage manages a group: its ``components`` is a set, sent whole on
create and update). So making a group's members exactly a list is one request however many
join or leave: a component that joins leaves its old group, one that leaves stays on the page
in no group. What the API does not allow is checked by the callers before any write: a group
has at least one component (the description requires ``components`` on create; yannh's
api-notes.md: "why not possible to create empty component groups?"), and groups do not nest.

The body follows both readings of where the description goes: the description puts it beside
the ``component_group`` wrapper, yannh's SDK inside it (its api-notes.md: "undocumented
Description parameter"); it is sent in both places. PATCH always carries ``name`` and
``components``, which the description marks required there.

Deleting a group: no public source says what Statuspage does with its members (the
description says only "Delete a component group"; yannh's and winebarrel's providers send one
DELETE and say nothing of members). ``remove_component_group`` therefore decides it: it first
takes each member out of the group (one PATCH each), or deletes each member when asked to, and
only then deletes the group, so the outcome is the same whichever way Statuspage treats them.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from collections import namedtuple

from ansible_collections.community.statuspage.plugins.module_utils._components import (
    component_groups_path,
    components_path,
)
from ansible_collections.community.statuspage.plugins.module_utils._reconcile_component import (
    check_applied,
    ensure_component,
    plan_component,
    remove_component,
    same_value,
)
from ansible_collections.community.statuspage.plugins.module_utils._write_policy import (
    CREATED,
    create_once,
    delete_if_present,
)


def final_members(current_members, wanted):
    """The member list to send: those kept in their current order, then those joining, as listed.

    Where a page honours the order sent (variant component-position=writable), keeping the
    current order means an exact member set never reorders a group by accident.
    """
    kept = [member for member in current_members if member in wanted]
    return kept + [member for member in wanted if member not in kept]


def group_changes(current, current_members, desired):
    """The fields of ``desired`` that differ; ``components`` compared as a set."""
    changes = {}
    for field, wanted in desired.items():
        if field == 'components':
            if set(wanted) != set(current_members):
                changes[field] = list(wanted)
        elif not same_value(field, (current or {}).get(field), wanted):
            changes[field] = wanted
    return changes


class GroupPlan(namedtuple('GroupPlan', 'desired current current_members members create update')):
    """``create`` (the POST's fields) or ``update`` (the fields that differ); ``members`` as sent."""

    __slots__ = ()

    @property
    def changed(self):
        return self.create is not None or bool(self.update)


def plan_component_group(current, desired, current_members=()):
    """Plan ``desired`` (``name``, ``description``, ``components`` ids, ``position``) against ``current``."""
    desired = dict((field, value) for field, value in desired.items() if value is not None)
    current_members = list(current_members)
    if current is None:
        return GroupPlan(desired, None, [], list(desired.get('components') or []), dict(desired), {})
    members = final_members(current_members, desired.get('components', current_members))
    return GroupPlan(desired, current, current_members, members, None, group_changes(current, current_members, desired))


def predicted_group(plan, page_id):
    """The group as it would be after the plan (a new group has no id)."""
    if plan.create is None:
        predicted = dict(plan.current, **plan.update)
    else:
        predicted = dict(plan.create, id=None, page_id=page_id, group=True)
    predicted['components'] = list(plan.members)
    return predicted


def _body(name, members, fields):
    inner = {'name': name, 'components': list(members)}
    for field in ('description', 'position'):
        if field in fields:
            inner[field] = fields[field]
    body = {'component_group': inner}
    if 'description' in fields:
        body['description'] = fields['description']
    return body


def _as_group(answer, members):
    # The component-groups endpoints answer a GroupComponent, whose "components" is declared a
    # string: keep what was sent when the answer has no list.
    group = dict(answer, group=True)
    if not isinstance(group.get('components'), list):
        group['components'] = list(members)
    return group


def create_component_group(client, page_id, plan):
    """POST the group through ``create_once``; return ``(group, how)``.

    Group names are not unique, so a lost answer is followed by one list of the page's
    components: exactly one group of that name is adopted; none re-raises the original error;
    several fail naming them. The create is never sent twice.
    """
    name = plan.create['name']
    return create_once(
        lambda: client.post(component_groups_path(page_id), _body(name, plan.members, plan.create)),
        lambda: [item for item in client.list(components_path(page_id)) if item.get('group') and item.get('name') == name],
        'component group %r on page %s' % (name, page_id))


def _patch(client, page_id, group, members, changes):
    answer = client.patch(component_groups_path(page_id, group['id']),
                          _body(changes.get('name', group.get('name')), members, changes))
    asked = dict((field, value) for field, value in changes.items() if field != 'components')
    check_applied(answer, asked, 'updating component group')
    return _as_group(answer, members) if isinstance(answer, dict) else dict(group, components=list(members), **asked)


def ensure_component_group(client, page_id, plan, check_mode=False):
    """Carry out ``plan``: one POST, one PATCH, or nothing; ``(changed, after)``."""
    if not plan.changed:
        return False, plan.current
    if check_mode:
        return True, predicted_group(plan, page_id)
    if plan.create is None:
        return True, _patch(client, page_id, plan.current, plan.members, plan.update)
    group, how = create_component_group(client, page_id, plan)
    if how == CREATED:
        check_applied(group, dict((field, value) for field, value in plan.create.items() if field != 'components'),
                      'creating component group')
        return True, _as_group(group, plan.members)
    # Found after a lost answer: send the whole group once more (a PATCH may be repeated).
    return True, _patch(client, page_id, group, plan.members, dict(plan.create))


def remove_component_group(client, page_id, current, members, delete_members=False, check_mode=False):
    """Delete the group; return whether that is a change. A group that does not exist is none.

    ``members`` are the group's member components as read. Each is first taken out of the group
    (one PATCH), or deleted with ``delete_members`` (one DELETE), then the group is deleted.
    """
    if current is None:
        return False
    if check_mode:
        return True
    for member in members:
        if delete_members:
            remove_component(client, page_id, member)
        else:
            ensure_component(client, page_id, plan_component(member, {'group_id': ''}))
    delete_if_present(client, component_groups_path(page_id, current['id']))
    return True


def diff_view(group, fields, member_labels=()):
    """The group as a person reads it: its name, the task's ``fields``, members as ``Group/Name``."""
    if group is None:
        return {'state': 'absent'}
    view = {'state': 'present', 'name': group.get('name')}
    for field in fields:
        if field == 'components':
            view['components'] = sorted(member_labels)
        elif field != 'name':
            view[field] = group.get(field)
    return view


def deletion_view(member_labels, delete_members, access=None):
    """What deleting a group leaves: its members kept in no group, or deleted (and who loses them)."""
    view = {'state': 'absent'}
    if delete_members:
        view['components_deleted'] = sorted(member_labels)
        if access is not None:
            view['access_revoked'] = access
    else:
        view['components_kept_in_no_group'] = sorted(member_labels)
    return view
