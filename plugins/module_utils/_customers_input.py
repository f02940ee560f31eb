# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The customer list of statuspage_customer_access: its shape, and what is wrong with it.

Private to community.statuspage: it may change without notice.

The bulk layer (``_customers_*``) composes the reconcilers for many customers; this file is its
input. ``checked_customers`` validates each entry against ``CUSTOMER_OPTIONS`` itself, rather than
through ``AnsibleModule``'s suboptions, so that a misspelt key fails with one line naming the
customer, the key and the valid keys. ``list_problems`` finds what is wrong with the list as a
whole (duplicates, a user under two customers, unsafe pruning) without any request.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import difflib

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.community.statuspage.plugins.module_utils._errors import InputError
from ansible_collections.community.statuspage.plugins.module_utils._users import email_problem

# A customer entry, as DOCUMENTATION describes the suboptions of ``customers`` (a unit test
# keeps the two equal).
CUSTOMER_OPTIONS = dict(
    name=dict(type='str', required=True),
    users=dict(type='list', elements='raw', default=[]),
    components=dict(type='list', elements='str'),
    metrics=dict(type='list', elements='str'),
    subscribe_to_components=dict(type='bool'),
    state=dict(type='str', choices=['present', 'absent'], default='present'),
)
# What a user entry given as a dictionary may say.
USER_KEYS = frozenset(['email', 'external_login'])


def _where(entry, position):
    name = entry.get('name') if isinstance(entry, dict) else None
    return 'customer %r' % name if name else 'customer #%d' % position


def _unknown_key_problem(where, key):
    close = difflib.get_close_matches(str(key), list(CUSTOMER_OPTIONS), n=1)
    return '%s has an unknown key %r%s' % (where, key, ' (did you mean %r?)' % close[0] if close else '')


def checked_customers(entries):
    """The customer entries with their defaults, or one ``InputError`` naming every bad key and value.

    Raised before any request, as ``AnsibleModule`` would for its own options, but in one line
    that names the customer: ``customer 'Globex' has an unknown key 'componets' (did you mean
    'components'?); a customer has the keys name, users, components, ...``.
    """
    problems = []
    unknown_keys = False
    checked = []
    for position, entry in enumerate(entries or [], 1):
        where = _where(entry, position)
        known = dict((key, value) for key, value in entry.items() if key in CUSTOMER_OPTIONS)
        for key in sorted(set(entry) - set(CUSTOMER_OPTIONS), key=str):
            problems.append(_unknown_key_problem(where, key))
            unknown_keys = True
        result = ArgumentSpecValidator(CUSTOMER_OPTIONS).validate(known)
        problems.extend('%s: %s' % (where, message) for message in result.error_messages)
        checked.append(result.validated_parameters)
    if unknown_keys:
        problems.append('a customer has the keys %s' % ', '.join(CUSTOMER_OPTIONS))
    if problems:
        raise InputError('; '.join(problems))
    return checked


def checked_removals(entries):
    """``remove_users`` entries, or one ``InputError`` naming each one without an id or e-mail."""
    problems = []
    for position, entry in enumerate(entries, 1):
        if not str(entry.get('id') or '').strip():
            problems.append('remove_users #%d (%s) has an empty id' % (position, entry.get('email')))
        problem = email_problem(entry.get('email'), option='remove_users #%d email' % position)
        if problem:
            problems.append(problem)
    if problems:
        raise InputError('; '.join(problems))
    return entries


def normalise_user(entry):
    """A user entry is an e-mail or ``{email, external_login}``."""
    if isinstance(entry, dict):
        return {'email': str(entry.get('email') or '').strip(), 'external_login': entry.get('external_login')}
    return {'email': str(entry or '').strip(), 'external_login': None}


def listed_users(customer):
    return [normalise_user(entry) for entry in customer.get('users') or []]


def email_domain(email):
    return email.rsplit('@', 1)[-1].lower()


def _user_problems(where, customer, owner_of_email, problems):
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
        if key not in owner_of_email:
            owner_of_email[key] = customer.get('name')
        elif owner_of_email[key] == customer.get('name'):
            problems.append('%s lists %s twice' % (where, email))
        else:
            problems.append('%s is listed under two customers: %r and %r' % (email, owner_of_email[key], customer.get('name')))


def list_problems(customers, use_groups, prune, prune_email_domains):
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
        where = _where(customer, position)
        if not name:
            problems.append('%s has no name' % where)
        elif name in seen_names:
            problems.append('customer name %r is listed twice' % name)
        seen_names.add(name)
        _user_problems(where, customer, owner_of_email, problems)
    return problems
