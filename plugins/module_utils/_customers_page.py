# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""What the bulk module reads from the page, once per task or once per run (a snapshot).

Private to community.statuspage: it may change without notice.

Checking a customer list reads the page's lists once: its page access users, and its
components, metrics and groups only when the list uses them. ``check_customers`` then resolves
every customer's names against them and reports every problem at once, before any write. What
was read can be handed on as a ``snapshot`` (the role reads the page once, then plans batch
after batch from it, reading only each batch's users' grants).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.community.statuspage.plugins.module_utils._customers_input import list_problems
from ansible_collections.community.statuspage.plugins.module_utils._errors import InputError
from ansible_collections.community.statuspage.plugins.module_utils._groups import groups_named, list_groups
from ansible_collections.community.statuspage.plugins.module_utils._member_kinds import MEMBER_KINDS
from ansible_collections.community.statuspage.plugins.module_utils._resolve import Catalog
from ansible_collections.community.statuspage.plugins.module_utils._users import index_by_email, list_users


class PageState(object):
    """What a plan reads from the page: each list at most once, or none at all with a snapshot.

    A snapshot is what an earlier task of the same run read (``snapshot()``): ``users`` (the
    page access users), ``groups`` (the page access groups, ``None`` when not read), and a list
    per member kind that was read, under the kind's option name (``components``, ``metrics``).
    """

    def __init__(self, client, page_id, snapshot=None):
        self.client = client
        self.page_id = page_id
        snapshot = snapshot or {}
        users = snapshot.get('users')
        self.user_list = users if users is not None else list_users(client, page_id)
        self.users = index_by_email(self.user_list)
        self.users_by_id = dict((user['id'], user) for user in self.user_list)
        # Keyed by member kind name, as the reconcilers take them.
        self.catalogs = dict((kind.name, Catalog(snapshot[kind.option], kind))
                             for kind in MEMBER_KINDS if snapshot.get(kind.option) is not None)
        self.groups = snapshot.get('groups')

    def catalog(self, kind):
        if kind.name not in self.catalogs:
            self.catalogs[kind.name] = kind.load(self.client, self.page_id)
        return self.catalogs[kind.name]

    def group_list(self):
        if self.groups is None:
            self.groups = list_groups(self.client, self.page_id)
        return self.groups

    def group_named(self, name):
        """The customer's group (the first of that name: ``check_customers`` refuses twins)."""
        matches = groups_named(self.group_list(), name)
        return matches[0] if matches else None

    def snapshot(self):
        """What was read, to hand to later tasks of the same run."""
        taken = {'users': self.user_list, 'groups': self.groups}
        for kind in MEMBER_KINDS:
            if kind.name in self.catalogs:
                taken[kind.option] = self.catalogs[kind.name].items
        return taken


def _resolve_customer(state, customer, problems):
    """Ids per kind name for one customer (``None`` where the customer does not manage that kind).

    The page's list of each kind is read once per plan, whatever the number of customers.
    """
    resolved = {}
    for kind in MEMBER_KINDS:
        references = customer.get(kind.option)
        if references is None:
            resolved[kind.name] = None
        elif not references:
            resolved[kind.name] = []
        else:
            option = 'customer %r %s' % (customer['name'], kind.option)
            resolved[kind.name], kind_problems = state.catalog(kind).resolve(references, option)
            problems.extend(kind_problems)
    return resolved


def check_customers(state, customers, use_groups=False, prune=False, prune_email_domains=None):
    """Resolve every customer's names; raise one ``InputError`` naming every problem in the list.

    Returns ``{customer name: {kind name: ids or None}}`` for the customers to onboard.
    """
    problems = list_problems(customers, use_groups, prune, prune_email_domains)
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
