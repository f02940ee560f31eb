# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""How the bulk module reports a customer list's changes: the summary, the plan, the diff.

Private to community.statuspage: it may change without notice.

Each user in the diff has the shape statuspage_access_user's diff gives it (``_reconcile_user``'s
``diff_view``: e-mail, login, component and metric names) plus its ``customer``; each group the
shape statuspage_access_group's diff gives it, under ``group NAME``.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.community.statuspage.plugins.module_utils._customers_plan import DELETE, KEEP
from ansible_collections.community.statuspage.plugins.module_utils._reconcile_group import MemberNames
from ansible_collections.community.statuspage.plugins.module_utils._reconcile_group import diff_view as group_view
from ansible_collections.community.statuspage.plugins.module_utils._reconcile_user import diff_view as user_view

COUNTED = {'create': 'created', 'update': 'updated', 'delete': 'removed', 'keep': 'unchanged'}


def count_actions(entries):
    counts = {'created': 0, 'updated': 0, 'removed': 0, 'unchanged': 0,
              'groups_created': 0, 'groups_updated': 0, 'groups_removed': 0}
    for entry in entries:
        for user in entry.users:
            if entry.state == 'absent' and user.action == KEEP:
                continue  # an offboarded user who is already gone is nothing to report
            counts[COUNTED[user.action]] += 1
        if entry.group is not None and entry.group.action != KEEP:
            counts['groups_' + COUNTED[entry.group.action]] += 1
    return counts


def plan_result(entries):
    """The ``plan`` a task returns: per customer, what is done to its group and each user."""
    return [{
        'customer': entry.customer,
        'state': entry.state,
        'group': None if entry.group is None else {
            'name': entry.group.key, 'id': (entry.group.current or {}).get('id'), 'action': entry.group.action},
        'users': [{'email': user.key, 'id': (user.current or {}).get('id'), 'action': user.action}
                  for user in entry.users],
    } for entry in entries]


def _group_fields(group):
    return sorted(group.plan.desired) if group.plan is not None else ['name']


def changes_diff(entries, state=None):
    """``before``/``after`` keyed by e-mail (and by ``group NAME``), named from the reads of ``state``.

    Without a ``state`` (``remove_users``: nothing was read), users are shown by e-mail only.
    """
    before, after = {}, {}
    catalogs = state.catalogs if state is not None else {}
    names = MemberNames(catalogs, state.users_by_id if state is not None else {})
    for entry in entries:
        for user in entry.users:
            if user.action == KEEP and entry.state == 'absent':
                continue
            if user.current is not None:
                view = user_view(user.before, catalogs=catalogs) if user.before else {'email': user.key}
                before[user.key] = dict(view, customer=entry.customer)
            if user.action != DELETE:
                after[user.key] = dict(user_view(user.after, catalogs=catalogs), customer=entry.customer)
        group = entry.group
        if group is not None:
            fields = _group_fields(group)
            before['group %s' % group.key] = group_view(group.before, fields, names)
            after['group %s' % group.key] = group_view(group.after, fields, names)
    return {'before': before, 'after': after}
