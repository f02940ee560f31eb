# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The reconciler of grants: which components or metrics one page access user may see.

Private to community.statuspage: it may change without notice.

Statuspage's member sub-resources (``.../page_access_users/{id}/components``, ``/metrics``, and a
group's ``/components``) have four verbs: PATCH adds ids, POST replaces the whole set, DELETE with
ids removes those, and DELETE with no ids (or an empty list) removes ALL. That last one is a trap:
``plan_grants`` never plans it, and ``ensure_grants`` refuses to send it, so no path through this
collection can revoke everything by accident. Revoking everything on purpose (an exact empty
set) is a DELETE that lists every current id.

- ``plan_grants(current_ids, listed_ids, state, exclusive)`` is pure: at most one request.
  Revoking (the "remove" of a grant) is a plan with ``state='absent'``.
- ``ensure_grants(client, path, kind, plan, check_mode)`` sends it. ``path`` is the members
  path (``_users.grants_path`` for a user), so a group's members could be addressed the same way.
- ``describe_grants(catalog, ids)`` and ``diff_view(catalog, ids)`` show members as people
  know them. The read is ``_users.read_grants``, shared with the _info modules.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.community.statuspage.plugins.module_utils._errors import StatuspageError


class GrantPlan(object):
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


def plan_grants(current_ids, listed_ids, state='present', exclusive=False):
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
        return GrantPlan(current, current - listed, [('DELETE', removing)] if removing else [])
    if exclusive:
        if listed == current:
            return GrantPlan(current, current, [])
        if not listed:
            return GrantPlan(current, set(), [('DELETE', sorted(current))])
        return GrantPlan(current, listed, [('POST', sorted(listed))])
    adding = sorted(listed - current)
    return GrantPlan(current, current | listed, [('PATCH', adding)] if adding else [])


def ensure_grants(client, path, kind, plan, check_mode=False):
    """Send the plan's requests to ``path``; return whether anything changes.

    A DELETE without ids is refused here, whatever planned it.
    """
    for method, ids in plan.requests:
        if not ids:
            # The API would read this as "remove all": refuse rather than risk it.
            raise StatuspageError(
                'refusing to send %s %s with an empty %s: Statuspage would revoke every %s '
                '(this is a bug in community.statuspage; please report it)' % (method, path, kind.body_key, kind.label))
    if check_mode:
        return plan.changed
    for method, ids in plan.requests:
        if method == 'POST':
            # Replacing with the same set twice leaves the same set: safe to retry.
            client.post(path, {kind.body_key: list(ids)}, idempotent=True)
        else:
            client.request(method, path, body={kind.body_key: list(ids)})
    return plan.changed


def describe_grants(catalog, ids):
    """Members as modules return them (``{id, name[, group, group_id]}``), in the diff's order.

    Without a catalog (nothing was read that names them), each is its ``{id}``.
    """
    if catalog is None:
        return [{'id': item_id} for item_id in sorted(ids)]
    return [catalog.describe(item_id) for item_id in sorted(ids, key=lambda item_id: (catalog.label(item_id), item_id))]


def diff_view(catalog, ids):
    """Members as ``--diff`` shows them: sorted labels (``Group/Name``, ``Name``, or the id)."""
    return catalog.labels(ids) if catalog is not None else sorted(ids)
