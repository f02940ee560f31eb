# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The reconciler of one page access group: plan, ensure, remove, and the diff view of a group.

Private to community.statuspage: it may change without notice.

A group is one object: its name, ``external_identifier`` and member lists (``component_ids``,
``metric_ids``, ``page_access_user_ids``) are all set by one create or one PATCH, never one
request per member. statuspage_access_group (one group) and statuspage_customer_access (a group
per customer) both go through here:

- ``plan_group(current, desired)`` is pure: ``desired`` holds API fields, only those the task
  sets; member lists are compared as sets, an empty ``external_identifier`` as none;
- ``ensure_group(client, page_id, plan, check_mode)`` returns ``(changed, group_after)``;
- ``remove_group(client, page_id, current, check_mode)`` deletes it if present;
- ``diff_view(group, fields, names)`` shows it as a person reads it (``MemberNames``).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from collections import namedtuple

from ansible_collections.community.statuspage.plugins.module_utils._groups import (
    USERS_FIELD,
    groups_named,
    groups_path,
    list_groups,
    member_ids,
    user_label,
)
from ansible_collections.community.statuspage.plugins.module_utils._member_kinds import MEMBER_KINDS
from ansible_collections.community.statuspage.plugins.module_utils._reconcile_grants import diff_view as grants_view
from ansible_collections.community.statuspage.plugins.module_utils._write_policy import (
    CREATED,
    create_once,
    delete_if_present,
)

# A group's member lists, and the option (and diff key) that shows each.
KIND_OF_FIELD = dict((kind.body_key, kind) for kind in MEMBER_KINDS)
MEMBER_FIELDS = tuple(kind.body_key for kind in MEMBER_KINDS) + (USERS_FIELD,)
OPTION_OF_FIELD = dict([(kind.body_key, kind.option) for kind in MEMBER_KINDS] + [(USERS_FIELD, 'users')])


def group_changes(group, desired):
    """The fields of ``desired`` that differ from ``group``; member lists compared as sets."""
    changes = {}
    for field, wanted in desired.items():
        have = (group or {}).get(field)
        if field in MEMBER_FIELDS:
            if set(have or []) != set(wanted):
                changes[field] = wanted
        elif field == 'external_identifier':
            # Statuspage shows "never set" as null: an empty string asks for the same.
            if (have or '') != (wanted or ''):
                changes[field] = wanted
        elif have != wanted:
            changes[field] = wanted
    return changes


class GroupPlan(namedtuple('GroupPlan', 'desired current create update')):
    """What ensuring ``desired`` would do: ``create`` (the POST body) or ``update`` (the PATCH's)."""

    __slots__ = ()

    @property
    def changed(self):
        return self.create is not None or bool(self.update)


def plan_group(current, desired):
    """Plan ``desired`` (API fields, ``name`` among them for a create) against ``current`` or ``None``."""
    if current is None:
        return GroupPlan(desired, None, dict(desired), {})
    return GroupPlan(desired, current, None, group_changes(current, desired))


def predicted_group(plan, page_id):
    """The group as it would be after the plan: what check mode reports (a new group has no id)."""
    if plan.create is None:
        return dict(plan.current, **plan.update)
    predicted = dict((field, []) for field in MEMBER_FIELDS)
    predicted.update(plan.create)
    predicted.update(id=None, page_id=page_id)
    return predicted


def create_group(client, page_id, body):
    """POST the group through ``create_once``; return ``(group, how)``.

    Group names are not unique, so a lost answer is followed by one list of the groups (one
    request per 100): exactly one of that name is adopted; none re-raises the original error;
    several fail naming their ids. The create is never sent twice.
    """
    name = body.get('name')
    return create_once(
        lambda: client.post(groups_path(page_id), {'page_access_group': body}),
        lambda: groups_named(list_groups(client, page_id), name),
        'page access group %r on page %s' % (name, page_id))


def _patch(client, page_id, group, changes):
    updated = client.patch(groups_path(page_id, group['id']), {'page_access_group': changes})
    return updated if isinstance(updated, dict) else dict(group, **changes)


def ensure_group(client, page_id, plan, check_mode=False):
    """Carry out ``plan``: one POST to create, one PATCH to update, or nothing; ``(changed, after)``."""
    if not plan.changed:
        return False, plan.current
    if check_mode:
        return True, predicted_group(plan, page_id)
    if plan.create is None:
        return True, _patch(client, page_id, plan.current, plan.update)
    group, how = create_group(client, page_id, plan.create)
    if how == CREATED:
        return True, group
    # Found after a lost answer: it may have landed with less than was sent.
    changes = group_changes(group, plan.desired)
    return True, _patch(client, page_id, group, changes) if changes else group


def remove_group(client, page_id, current, check_mode=False):
    """Delete the group; return whether that is a change. A group that does not exist is none."""
    if current is None:
        return False
    return delete_if_present(client, groups_path(page_id, current['id']), check_mode)


class MemberNames(object):
    """What turns a group's member ids into names for the diff: the catalogs and users read.

    ``catalogs`` maps a member kind's name to its ``Catalog``; ``users_by_id`` maps user ids to
    users. Ids nothing was read for are shown as they are.
    """

    def __init__(self, catalogs=None, users_by_id=None):
        self.catalogs = dict(catalogs or {})
        self.users_by_id = dict(users_by_id or {})

    def labels(self, field, ids):
        if field == USERS_FIELD:
            return sorted(user_label(self.users_by_id, user_id) for user_id in ids)
        return grants_view(self.catalogs.get(KIND_OF_FIELD[field].name), ids)


def diff_view(group, fields, names):
    """The group as a person reads it, restricted to ``fields`` (what the task is about)."""
    if group is None:
        return {'state': 'absent'}
    view = {'state': 'present'}
    for field in fields:
        option = OPTION_OF_FIELD.get(field)
        if option:
            view[option] = names.labels(field, member_ids(group, field))
        else:
            view[field] = group.get(field)
    return view
