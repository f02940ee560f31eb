# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Making a page's audience match a list of customers: check, plan, apply.

Private to community.statuspage: it may change without notice.

Checking reads the page's lists once (users; components, metrics and groups only when the list
uses them) and reports every problem in the whole list before anything is written. Planning
adds one read of each listed existing user's grants (per kind the customer manages). Applying
sends only the writes that differ, except for the re-read that follows a create whose answer
was lost. What checking read can be handed on as a snapshot, so the role reads the lists once
and then plans and applies batch after batch, showing progress.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.community.statuspage.plugins.module_utils._access_user import CREATED, create_user, same_field
from ansible_collections.community.statuspage.plugins.module_utils._errors import InputError
from ansible_collections.community.statuspage.plugins.module_utils._client import api_path
from ansible_collections.community.statuspage.plugins.module_utils._groups import CREATED as GROUP_CREATED
from ansible_collections.community.statuspage.plugins.module_utils._groups import create_group, groups_named, groups_path, list_groups
from ansible_collections.community.statuspage.plugins.module_utils._membership import (
    SUB_RESOURCES,
    USER_OWNER,
    apply_membership,
    plan_membership,
    read_members,
)
from ansible_collections.community.statuspage.plugins.module_utils._resolve import Catalog
from ansible_collections.community.statuspage.plugins.module_utils._users import (
    email_problem,
    index_by_email,
    list_users,
    users_path,
)

KINDS = ('component', 'metric')
# What a user entry given as a dictionary may say.
USER_KEYS = frozenset(['email', 'external_login'])


# ---- reading the input ------------------------------------------------------------------------

def normalise_user(entry):
    """A user entry is an e-mail or ``{email, external_login}``."""
    if isinstance(entry, dict):
        return {'email': str(entry.get('email') or '').strip(), 'external_login': entry.get('external_login')}
    return {'email': str(entry or '').strip(), 'external_login': None}


def input_problems(customers, use_groups, prune, prune_email_domains):
    """Everything wrong with the list that can be seen without the API, all at once."""
    problems = []
    if prune and not prune_email_domains and not use_groups:
        problems.append(
            'prune=true needs prune_email_domains (or use_groups=true): without an allow-list of '
            'the e-mail domains this list owns, pruning would remove every other page access user')
    if prune and not customers:
        problems.append(
            'prune=true with an empty customer list would remove every user the list owns; '
            'offboard customers with state=absent instead')
    owner_of_email = {}
    seen_names = set()
    for position, customer in enumerate(customers, 1):
        name = customer.get('name')
        where = 'customer %r' % name if name else 'customer #%d' % position
        if not name:
            problems.append('%s has no name' % where)
        elif name in seen_names:
            problems.append('customer name %r is listed twice' % name)
        seen_names.add(name)
        for user in customer.get('users') or []:
            if isinstance(user, dict) and set(user) - USER_KEYS:
                problems.append('%s users: %r has %s; a user is an e-mail or a dictionary with %s' % (
                    where, user, ', '.join(sorted(set(user) - USER_KEYS)), ' and '.join(sorted(USER_KEYS))))
                continue
            email = normalise_user(user)['email']
            problem = email_problem(email, option='%s users' % where)
            if problem:
                problems.append(problem)
                continue
            key = email.lower()
            if key in owner_of_email:
                if owner_of_email[key] == name:
                    problems.append('%s lists %s twice' % (where, email))
                else:
                    problems.append('%s is listed under two customers: %r and %r' % (email, owner_of_email[key], name))
            else:
                owner_of_email[key] = name
    return problems


def _email_domain(email):
    return email.rsplit('@', 1)[-1].lower()


# ---- planning ---------------------------------------------------------------------------------

class PageState(object):
    """What a plan reads from the page: each list at most once, or none at all with a snapshot.

    A snapshot is what an earlier task of the same run read (``snapshot()``): the role reads the
    page once, checks the whole list, then plans batch after batch from that snapshot, reading
    only each batch's users' grants.
    """

    def __init__(self, client, page_id, snapshot=None):
        self.client = client
        self.page_id = page_id
        snapshot = snapshot or {}
        users = snapshot.get('users')
        self.user_list = users if users is not None else list_users(client, page_id)
        self.users = index_by_email(self.user_list)
        self.catalog_items = {}
        self.catalogs = {}
        for kind in KINDS:
            if snapshot.get(SUB_RESOURCES[kind]) is not None:
                self.catalog_items[kind] = snapshot[SUB_RESOURCES[kind]]
                self.catalogs[kind] = Catalog(self.catalog_items[kind], kind)
        self.groups = snapshot.get('groups')

    def catalog(self, kind):
        if kind not in self.catalogs:
            path = api_path('pages', self.page_id, SUB_RESOURCES[kind])
            self.catalog_items[kind] = self.client.list(path)
            self.catalogs[kind] = Catalog(self.catalog_items[kind], kind)
        return self.catalogs[kind]

    def group_list(self):
        if self.groups is None:
            self.groups = list_groups(self.client, self.page_id)
        return self.groups

    def snapshot(self):
        """What was read, to hand to later tasks of the same run."""
        taken = {'users': self.user_list, 'groups': self.groups}
        for kind, items in self.catalog_items.items():
            taken[SUB_RESOURCES[kind]] = items
        return taken


def _resolve_customer(state, customer, problems):
    """Ids per kind for one customer (``None`` where the customer does not manage that kind).

    The page's list of each kind is read once per plan, whatever the number of customers.
    """
    resolved = {}
    for kind in KINDS:
        references = customer.get(SUB_RESOURCES[kind])
        if references is None:
            resolved[kind] = None
        elif not references:
            resolved[kind] = []
        else:
            option = 'customer %r %s' % (customer['name'], SUB_RESOURCES[kind])
            resolved[kind], kind_problems = state.catalog(kind).resolve(references, option)
            problems.extend(kind_problems)
    return resolved


def _labels(state, kind, ids):
    catalog = state.catalogs.get(kind)
    return catalog.labels(ids) if catalog else sorted(ids)


def _member_plan(state, kind, current_ids, wanted_ids):
    """The exact set a user should have; ``requests`` is for people, apply plans again from ids."""
    plan = plan_membership(current_ids, wanted_ids, state='present', exclusive=True)
    return {
        'current': sorted(plan.current),
        'wanted': sorted(plan.final),
        'requests': [[method, list(ids)] for method, ids in plan.requests],
        'before': _labels(state, kind, plan.current),
        'after': _labels(state, kind, plan.final),
    }


def _plan_user(state, customer, user, resolved, in_group):
    email = user['email']
    existing = state.users.get(email.lower())
    operation = {'email': email, 'customer': customer['name'], 'id': (existing or {}).get('id')}
    if customer.get('state') == 'absent':
        operation['action'] = 'delete' if existing else 'keep'
        return operation
    fields = {}
    if existing is None:
        operation['action'] = 'create'
        fields['email'] = email
        if user.get('external_login') is not None:
            fields['external_login'] = user['external_login']
        if customer.get('subscribe_to_components') is not None:
            fields['subscribe_to_components'] = customer['subscribe_to_components']
    else:
        operation['action'] = 'keep'
        # Compared as statuspage_access_user compares it ('' and null are the same login).
        if user.get('external_login') is not None and not same_field(
                'external_login', existing.get('external_login'), user['external_login']):
            fields['external_login'] = user['external_login']
            operation['external_login_before'] = existing.get('external_login')
    operation['fields'] = fields
    for kind in KINDS:
        wanted = resolved[kind]
        if wanted is None or in_group:
            # In group mode the customer's grants are on its group, not on each user.
            continue
        if existing is None:
            current = []
        else:
            current = [member['id'] for member in read_members(state.client, state.page_id, USER_OWNER, existing['id'], kind)]
        operation[SUB_RESOURCES[kind]] = _member_plan(state, kind, current, wanted)
    if existing is not None and (fields or any(operation.get(SUB_RESOURCES[kind], {}).get('requests') for kind in KINDS)):
        operation['action'] = 'update'
    return operation


def _plan_group(state, customer, resolved, listed_user_ids):
    """The customer's page access group: create, update the sets that differ, or delete."""
    matches = groups_named(state.group_list(), customer['name'])
    group = matches[0] if matches else None
    operation = {'name': customer['name'], 'id': (group or {}).get('id')}
    if customer.get('state') == 'absent':
        operation['action'] = 'delete' if group else 'keep'
        return operation
    wanted = {'page_access_user_ids': sorted(listed_user_ids)}
    for kind in KINDS:
        if resolved[kind] is not None:
            wanted[SUB_RESOURCES[kind][:-1] + '_ids'] = sorted(resolved[kind])
    if group is None:
        operation.update(action='create', fields=dict(wanted, name=customer['name']))
        return operation
    differing = dict((key, value) for key, value in wanted.items() if sorted(group.get(key) or []) != value)
    operation.update(action='update' if differing else 'keep', fields=differing,
                     members_before=dict((key, sorted(group.get(key) or [])) for key in differing))
    return operation


def check_customers(state, customers, use_groups=False, prune=False, prune_email_domains=None):
    """Resolve every customer's names; raise one ``InputError`` naming every problem in the list.

    Returns ``{customer name: {kind: ids or None}}`` for the customers to onboard.
    """
    problems = input_problems(customers, use_groups, prune, prune_email_domains)
    # Names are resolved even when the list already has problems, so one run reports them all.
    resolved = {}
    for customer in customers:
        if customer.get('state') != 'absent':
            resolved[customer['name']] = _resolve_customer(state, customer, problems)
    if use_groups:
        for customer in customers:
            matches = groups_named(state.group_list(), customer.get('name'))
            if len(matches) > 1:
                problems.append('customer %r: %d page access groups have that name (%s); keep one' % (
                    customer['name'], len(matches), ', '.join(sorted(group['id'] for group in matches))))
    if problems:
        raise InputError('%d problem(s) in the customer list, nothing was written: %s' % (
            len(problems), '; '.join(problems)))
    return resolved


def plan_customers(state, customers, resolved, use_groups=False):
    """One entry per customer; reads each listed existing user's grants (one request per kind)."""
    entries = []
    for customer in customers:
        users = [normalise_user(entry) for entry in customer.get('users') or []]
        entry = {'customer': customer['name'], 'state': customer.get('state') or 'present', 'group': None}
        if use_groups:
            existing_ids = [state.users[user['email'].lower()]['id'] for user in users if user['email'].lower() in state.users]
            entry['group'] = _plan_group(state, customer, resolved.get(customer['name']), existing_ids)
        entry['users'] = [
            _plan_user(state, customer, user, resolved.get(customer['name']), use_groups) for user in users]
        entries.append(entry)
    return entries


def plan_pruning(state, customers, use_groups=False, prune_email_domains=None):
    """Users no customer lists and the list owns: by e-mail domain, or in a listed customer's group."""
    listed = set()
    for customer in customers:
        listed.update(normalise_user(entry)['email'].lower() for entry in customer.get('users') or [])
    domains = set(domain.lower().lstrip('@') for domain in prune_email_domains or [])
    managed_group_ids = set()
    if use_groups:
        names = set(customer['name'] for customer in customers)
        managed_group_ids = set(group['id'] for group in state.group_list() if group.get('name') in names)
    pruned = []
    for email, user in sorted(state.users.items()):
        if email in listed:
            continue
        if _email_domain(email) in domains or managed_group_ids & set(user.get('page_access_group_ids') or []):
            pruned.append({'email': user.get('email'), 'customer': None, 'id': user['id'], 'action': 'delete'})
    return [{'customer': None, 'state': 'pruned', 'group': None, 'users': pruned}] if pruned else []


# ---- describing a plan ------------------------------------------------------------------------

def entry_changes(entry):
    return bool((entry.get('group') or {}).get('action') not in (None, 'keep')
                or any(user['action'] != 'keep' for user in entry['users']))


def count_actions(entries):
    counts = {'created': 0, 'updated': 0, 'removed': 0, 'unchanged': 0,
              'groups_created': 0, 'groups_updated': 0, 'groups_removed': 0}
    names = {'create': 'created', 'update': 'updated', 'delete': 'removed', 'keep': 'unchanged'}
    for entry in entries:
        for user in entry['users']:
            if entry['state'] == 'absent' and user['action'] == 'keep':
                continue  # an offboarded user who is already gone is nothing to report
            counts[names[user['action']]] += 1
        group = entry.get('group')
        if group and group['action'] != 'keep':
            counts['groups_' + names[group['action']]] += 1
    return counts


def plan_diff(entries):
    """``before``/``after`` keyed by e-mail (and by group name), with component labels."""
    before, after = {}, {}
    for entry in entries:
        for user in entry['users']:
            if user['action'] == 'keep' and entry['state'] == 'absent':
                continue
            old, new = {'customer': entry['customer']}, {'customer': entry['customer']}
            if 'external_login_before' in user:
                old['external_login'] = user['external_login_before']
                new['external_login'] = user['fields']['external_login']
            for option in ('components', 'metrics'):
                if option in user:
                    old[option] = user[option]['before']
                    new[option] = user[option]['after']
            if user['action'] != 'create':
                before[user['email']] = old
            if user['action'] != 'delete':
                after[user['email']] = new
        group = entry.get('group')
        if group:
            key = 'group %s' % group['name']
            if group['action'] != 'create' and group['id']:
                before[key] = group.get('members_before', {})
            if group['action'] != 'delete':
                after[key] = dict(group.get('members_before', {}), **group.get('fields', {}))
                after[key].pop('name', None)
    return {'before': before, 'after': after}


# ---- applying ---------------------------------------------------------------------------------

def _apply_user(client, page_id, operation, group_id):
    action = operation['action']
    if action == 'delete':
        client.request('DELETE', users_path(page_id, operation['id']), not_found_is_none=True)
        return
    fields = dict(operation.get('fields') or {})
    user_id = operation.get('id')
    found_after_all = False
    if action == 'create':
        if group_id:
            # Joining the customer's group at creation costs no extra request.
            fields['page_access_group_ids'] = [group_id]
        # 409 and lost answers are re-read, never blindly repeated: see create_user.
        user, how = create_user(client, page_id, fields)
        user_id, found_after_all = user['id'], how != CREATED
    elif fields:
        client.patch(users_path(page_id, user_id), {'page_access_user': fields})
    for kind in KINDS:
        member_plan = operation.get(SUB_RESOURCES[kind])
        if not member_plan:
            continue
        current = member_plan['current']
        if found_after_all:
            # The user existed after all (409 or a lost answer): plan from what it has now.
            current = [member['id'] for member in read_members(client, page_id, USER_OWNER, user_id, kind)]
        plan = plan_membership(current, member_plan['wanted'], exclusive=True)
        if plan.changed:
            apply_membership(client, page_id, USER_OWNER, user_id, kind, plan)


def _apply_group(client, page_id, operation):
    action = operation['action']
    if action == 'create':
        # A lost answer is re-read, never a second group: see create_group.
        group, how = create_group(client, page_id, operation['fields'])
        if how != GROUP_CREATED:
            # The group may have landed with fewer fields than sent: set them all again.
            client.patch(groups_path(page_id, group['id']), {'page_access_group': operation['fields']})
        return group['id']
    if action == 'update':
        client.patch(groups_path(page_id, operation['id']), {'page_access_group': operation['fields']})
    elif action == 'delete':
        client.request('DELETE', groups_path(page_id, operation['id']), not_found_is_none=True)
    return operation['id']


def apply_plan(client, page_id, entries, check_mode=False):
    """Carry out plan entries in order; in check mode, only say what would be done."""
    for entry in entries:
        if check_mode or not entry_changes(entry):
            continue
        group = entry.get('group')
        group_id = None
        if group and entry['state'] != 'absent':
            group_id = _apply_group(client, page_id, group)
        for user in entry['users']:
            if user['action'] != 'keep':
                _apply_user(client, page_id, user, group_id)
        if group and entry['state'] == 'absent' and group['action'] == 'delete':
            _apply_group(client, page_id, group)
    return entries
