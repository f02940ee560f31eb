# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Which components or metrics a page access user (or group) may see: planning and applying.

Private to community.statuspage: it may change without notice.

Statuspage's member sub-resources (``.../page_access_users/{id}/components``, ``/metrics``, and a
group's ``/components``) have four verbs: PATCH adds ids, POST replaces the whole set, DELETE with
ids removes those, and DELETE with no ids (or an empty list) removes ALL. That last one is a trap:
``plan_membership`` never plans it, and ``apply_membership`` refuses to send it, so no path
through this collection can revoke everything by accident. Revoking everything on purpose (an
exact empty set) is a DELETE that lists every current id.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.community.statuspage.plugins.module_utils._client import api_path
from ansible_collections.community.statuspage.plugins.module_utils._errors import StatuspageError

# The body key of each member kind.
ID_KEYS = {'component': 'component_ids', 'metric': 'metric_ids'}
# The plural of each member kind: its sub-resource, and the option that lists members of it.
SUB_RESOURCES = {'component': 'components', 'metric': 'metrics'}
# The owner of the member sets the modules manage, as its path segment.
USER_OWNER = 'page_access_users'


class MembershipPlan(object):
    """The requests that take a member set from ``current`` to the wanted set.

    ``requests`` is a list of ``(method, ids)``; ``final`` is the set afterwards; ``added`` and
    ``removed`` are what changes, for results and diffs.
    """

    def __init__(self, current, final, requests):
        self.current = frozenset(current)
        self.final = frozenset(final)
        self.requests = requests
        self.added = sorted(self.final - self.current)
        self.removed = sorted(self.current - self.final)

    @property
    def changed(self):
        return bool(self.requests)


def plan_membership(current_ids, listed_ids, state='present', exclusive=False):
    """Plan the fewest requests: at most one.

    - ``present``: grant ``listed_ids`` (PATCH adds only the missing ones);
    - ``present`` and ``exclusive``: make the set exactly ``listed_ids`` (POST replaces it;
      an exact empty set is a DELETE naming every current id, never a bare DELETE);
    - ``absent``: revoke ``listed_ids`` that are granted (DELETE with those ids).
    """
    current = set(current_ids)
    listed = set(listed_ids)
    if state == 'absent':
        removing = sorted(current & listed)
        return MembershipPlan(current, current - listed, [('DELETE', removing)] if removing else [])
    if exclusive:
        if listed == current:
            return MembershipPlan(current, current, [])
        if not listed:
            return MembershipPlan(current, set(), [('DELETE', sorted(current))])
        return MembershipPlan(current, listed, [('POST', sorted(listed))])
    adding = sorted(listed - current)
    return MembershipPlan(current, current | listed, [('PATCH', adding)] if adding else [])


def members_path(page_id, owner, owner_id, kind):
    """``owner`` is ``page_access_users`` or ``page_access_groups``."""
    return api_path('pages', page_id, owner, owner_id, SUB_RESOURCES[kind])


def read_members(client, page_id, owner, owner_id, kind):
    """The member objects (with names) of a user or group: one request per 100."""
    return client.list(members_path(page_id, owner, owner_id, kind))


def apply_membership(client, page_id, owner, owner_id, kind, plan):
    """Send the plan's requests. A DELETE without ids is refused here, whatever planned it."""
    path = members_path(page_id, owner, owner_id, kind)
    key = ID_KEYS[kind]
    for method, ids in plan.requests:
        if not ids:
            # The API would read this as "remove all": refuse rather than risk it.
            raise StatuspageError(
                'refusing to send %s %s with an empty %s: Statuspage would revoke every %s '
                '(this is a bug in community.statuspage; please report it)' % (method, path, key, kind))
        if method == 'POST':
            # Replacing with the same set twice leaves the same set: safe to retry.
            client.post(path, {key: list(ids)}, idempotent=True)
        else:
            client.request(method, path, body={key: list(ids)})
