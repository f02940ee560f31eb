# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Planning and applying a customer list by composing the per-resource reconcilers.

Private to community.statuspage: it may change without notice.

The bulk layer does not know how to change a user or a group: for each listed user it builds
the same ``desired_user`` that statuspage_access_user builds, plans it with ``plan_user`` from
what ``PageState`` read (plus one read of each existing user's grants per managed kind) and
carries it out with ``ensure_user``; a customer's group goes through ``plan_group`` and
``ensure_group``; removals through ``remove_user`` and ``remove_group``. So every check the
single-resource modules make (a field the API did not apply, a create never repeated blindly,
create-only fields on existing users) holds here too.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.community.statuspage.plugins.module_utils._component_grants import adds_only
from ansible_collections.community.statuspage.plugins.module_utils._customers_input import email_domain, listed_users
from ansible_collections.community.statuspage.plugins.module_utils._groups import USERS_FIELD
from ansible_collections.community.statuspage.plugins.module_utils._member_kinds import COMPONENT, MEMBER_KINDS
from ansible_collections.community.statuspage.plugins.module_utils._reconcile_group import (
    ensure_group,
    plan_group,
    predicted_group,
    remove_group,
)
from ansible_collections.community.statuspage.plugins.module_utils._reconcile_user import (
    desired_user,
    ensure_user,
    managed_kinds,
    plan_user,
    predicted_state,
    remove_user,
    user_state,
)
from ansible_collections.community.statuspage.plugins.module_utils._user_fields import (
    create_only_warning,
    groups_listing,
    shown_group_ids,
)
from ansible_collections.community.statuspage.plugins.module_utils._users import read_grant_ids, shown_grant_ids

CREATE, UPDATE, DELETE, KEEP = 'create', 'update', 'delete', 'keep'


class Change(object):
    """One listed (or pruned) user, or a customer's group: what it is, the action, its plan.

    ``key`` is the user's e-mail as listed (or the group's name); ``current`` the object read
    (``None`` when it does not exist); ``action`` one of ``CREATE``, ``UPDATE``, ``DELETE``,
    ``KEEP``; ``plan`` the reconciler's plan. ``before`` and ``after`` are what the diff shows
    (for a user, ``user_state``s; for a group, the group): ``after`` is predicted until applied,
    and a user's ``before`` is ``None`` when it is known only by id and e-mail (``remove_users``).
    """

    def __init__(self, key, current, action, plan=None, before=None, after=None):
        self.key, self.current, self.action = key, current, action
        self.plan, self.before, self.after = plan, before, after


class CustomerChanges(object):
    """What one customer (or pruning, with ``customer`` ``None``) needs: its group and its users."""

    def __init__(self, customer, state, users, group=None, warnings=None):
        self.customer, self.state = customer, state
        self.users, self.group, self.warnings = users, group, warnings or []

    @property
    def changes(self):
        return bool((self.group is not None and self.group.action != KEEP)
                    or any(user.action != KEEP for user in self.users))


# ---- planning ---------------------------------------------------------------------------------

def _plan_user(state, customer, user, resolved, in_group):
    existing = state.users.get(user['email'].lower())
    if customer['state'] == 'absent':
        return Change(user['email'], existing, DELETE if existing else KEEP, before=user_state(existing))
    # In group mode the customer's grants are on its group, not on each user.
    members = {} if in_group else resolved
    desired = desired_user(user['email'], external_login=user['external_login'],
                           subscribe_to_components=customer.get('subscribe_to_components'), members=members)
    current_members = {}
    if existing is not None:
        # Nothing to read where the user objects of the list carry their grants.
        current_members = read_grant_ids(state.client, state.page_id, existing, managed_kinds(desired))
    plan = plan_user(existing, desired, current_members)
    action = CREATE if existing is None else (UPDATE if plan.changed else KEEP)
    return Change(user['email'], existing, action, plan, before=user_state(existing, current_members),
                  after=predicted_state(plan))


def _plan_group(state, customer, resolved, users):
    """The customer's group: its existing listed users, and the grants the customer manages."""
    group = state.group_named(customer['name'])
    if customer['state'] == 'absent':
        return Change(customer['name'], group, DELETE if group else KEEP, before=group)
    desired = {'name': customer['name'], USERS_FIELD: sorted(
        state.users[user['email'].lower()]['id'] for user in users if user['email'].lower() in state.users)}
    for kind in MEMBER_KINDS:
        if resolved[kind.name] is not None:
            desired[kind.body_key] = sorted(resolved[kind.name])
    plan = plan_group(group, desired)
    action = CREATE if group is None else (UPDATE if plan.changed else KEEP)
    return Change(customer['name'], group, action, plan, before=group, after=predicted_group(plan, state.page_id))


def plan_customers(state, customers, resolved, use_groups=False):
    """One ``CustomerChanges`` per customer; reads each listed existing user's grants (one request per kind)."""
    entries = []
    for customer in customers:
        users = listed_users(customer)
        group = _plan_group(state, customer, resolved.get(customer['name']), users) if use_groups else None
        changes = [_plan_user(state, customer, user, resolved.get(customer['name']), use_groups) for user in users]
        # One warning per customer, however many of its users exist already.
        ignored = [change for change in changes if change.plan is not None and change.plan.create_only_ignored]
        warnings = [create_only_warning(ignored[0].plan.create_only_ignored, [change.key for change in ignored])] \
            if ignored else []
        entries.append(CustomerChanges(customer['name'], customer['state'], changes, group, warnings))
    return entries


def _group_ids(state, user):
    """The user's groups as its object shows them, else as the groups (which list their users) say."""
    shown = shown_group_ids(user)
    return shown if shown is not None else groups_listing(state.group_list(), user['id'])


def plan_pruning(state, customers, use_groups=False, prune_email_domains=None):
    """Users no customer lists and the list owns: by e-mail domain, or in a listed customer's group."""
    listed = set()
    for customer in customers:
        listed.update(user['email'].lower() for user in listed_users(customer))
    domains = set(domain.lower().lstrip('@') for domain in prune_email_domains or [])
    managed_group_ids = set()
    if use_groups:
        names = set(customer['name'] for customer in customers)
        managed_group_ids = set(group['id'] for group in state.group_list() if group.get('name') in names)
    pruned = []
    for email, user in sorted(state.users.items()):
        if email in listed:
            continue
        if email_domain(email) in domains or managed_group_ids & set(_group_ids(state, user) if use_groups else []):
            pruned.append(Change(user.get('email'), user, DELETE, before=user_state(user)))
    return [CustomerChanges(None, 'pruned', pruned)] if pruned else []


def planned_removals(remove_users):
    """The ``remove_users`` a check step returned, as changes: applied without reading anything."""
    users = [Change(entry['email'], {'id': entry['id'], 'email': entry['email']}, DELETE)
             for entry in remove_users]
    return [CustomerChanges(None, 'pruned', users)] if users else []


def removals_of(entries):
    """``[{id, email}]`` of the users ``entries`` delete: what ``remove_users`` takes."""
    return [{'id': user.current['id'], 'email': user.key}
            for entry in entries for user in entry.users if user.action == DELETE]


# ---- applying ---------------------------------------------------------------------------------

def _apply_user(client, page_id, change, group_id, bulk=False):
    if change.action == DELETE:
        remove_user(client, page_id, change.current)
        return []
    plan = change.plan
    if group_id and plan.create is not None:
        # Joining the customer's group at creation costs no extra request.
        plan = plan_user(None, dict(plan.desired, page_access_group_ids=[group_id]))
    # A user in bulk gets its components from bulk_additions' requests, after every user exists.
    dummy, change.after, warnings = ensure_user(client, page_id, plan, deferred_kinds=[COMPONENT.name] if bulk else [])
    return warnings


def apply_changes(client, page_id, entries, routing=None):
    """Carry out the entries that change, in order; return the warnings only the writes revealed.

    The users ``routing`` (a ``GrantRouting``) puts in bulk get everything but their components;
    ``bulk_additions`` then says what the bulk requests must add.
    """
    bulk = set(id(change) for change in (routing.bulk if routing is not None else []))
    warnings = []
    for entry in entries:
        if not entry.changes:
            continue
        group_id = None
        if entry.group is not None and entry.state != 'absent':
            dummy, entry.group.after = ensure_group(client, page_id, entry.group.plan)
            group_id = entry.group.after['id']
        for user in entry.users:
            if user.action != KEEP:
                warnings.extend(_apply_user(client, page_id, user, group_id, id(user) in bulk))
        if entry.group is not None and entry.state == 'absent':
            remove_group(client, page_id, entry.group.current)
    return warnings


def bulk_additions(routing):
    """``{component id: user ids}`` the bulk requests add. A user not created yet (check mode) is
    named by its e-mail, so the count of requests is the same as for real."""
    additions = {}
    for change in routing.bulk:
        user_id = ((change.after or {}).get('user') or {}).get('id') or change.key
        for component_id in adds_only(change).added:
            additions.setdefault(component_id, []).append(user_id)
    return additions


def known_additions(state, customers, resolved, use_groups=False):
    """``{e-mail: component ids}`` of the listed users known to gain components, read from nothing
    more than ``check_customers`` read: users to create (a new user has no grants), and users whose
    objects carry their grants (variant user-object-grants) and lose none. What ``validate_only``
    predicts the routing from; other existing users' grants are read batch by batch."""
    known = {}
    for customer in customers if not use_groups else []:
        wanted = (resolved.get(customer['name']) or {}).get(COMPONENT.name)
        if customer['state'] == 'absent' or not wanted:
            continue
        for user in listed_users(customer):
            existing = state.users.get(user['email'].lower())
            shown = shown_grant_ids(existing, COMPONENT) if existing is not None else []
            if shown is not None and set(shown) <= set(wanted):
                known[user['email']] = sorted(set(wanted) - set(shown))
    return known
