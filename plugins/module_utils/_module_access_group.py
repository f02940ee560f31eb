# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The options of statuspage_access_group: checking them and turning them into API fields.

Private to community.statuspage: it may change without notice.

A module-layer file (``_module_*``): it reads ``module.params`` of one module, which the
reconciler (``_reconcile_group``) never does, so that the bulk module can use the reconciler
with fields of its own.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.community.statuspage.plugins.module_utils._errors import InputError
from ansible_collections.community.statuspage.plugins.module_utils._groups import USERS_FIELD, member_ids
from ansible_collections.community.statuspage.plugins.module_utils._member_kinds import MEMBER_KINDS
from ansible_collections.community.statuspage.plugins.module_utils._reconcile_group import MemberNames
from ansible_collections.community.statuspage.plugins.module_utils._resolve import needs_catalog, resolve_references
from ansible_collections.community.statuspage.plugins.module_utils._users import email_problem, index_by_email, list_users


def check_options(params):
    """Problems visible in the task itself, raised before any request."""
    problems = []
    if params['name'] is None and not params['group_id']:
        # required_one_of accepts an option written with an empty value ("name:"), so check again.
        problems.append('one of name and group_id is required')
    if params['name'] is not None and not params['name'].strip():
        problems.append('name must not be empty')
    if params['state'] == 'present':
        for email in params['users'] or []:
            problem = email_problem(email, 'users')
            if problem:
                problems.append(problem)
    if problems:
        raise InputError('; '.join(problems))


def check_found(group, params):
    """Refuse what the task cannot mean, before any write.

    With ``state=absent``, ``group_id`` and ``name`` both set: a group of another name is not
    deleted (a mistyped id must not delete the wrong group). With ``state=present``: a
    ``group_id`` that does not exist cannot be created (Statuspage makes the ids).
    """
    if params['state'] == 'absent':
        if group is not None and params['name'] is not None and params['group_id'] \
                and group.get('name') != params['name']:
            raise InputError(
                'group_id %r is the page access group named %r, not %r; it was not deleted. To delete '
                'it, give its name or leave name out; to delete the group named %r, leave group_id out'
                % (params['group_id'], group.get('name'), params['name'], params['name']))
    elif group is None and params['group_id']:
        raise InputError(
            'group_id %r: no page access group with this id on page %r; to create a group, '
            'leave group_id out and set name' % (params['group_id'], params['page_id']))


def _user_ids(users, references, problems):
    by_email = index_by_email(users)
    unknown = [email for email in references if email.strip().lower() not in by_email]
    if unknown:
        problems.append(
            'users: no page access user with the e-mail%s %s on this page; create them first '
            '(community.statuspage.statuspage_access_user)' % (
                's' if len(unknown) > 1 else '', ', '.join(repr(email) for email in unknown)))
    ids = []
    for email in references:
        user = by_email.get(email.strip().lower())
        if user and user['id'] not in ids:
            ids.append(user['id'])
    return ids


def desired_group(client, page_id, params, group, want_names=False):
    """``(desired API fields, MemberNames)`` for the options given; ``InputError`` if any is bad.

    Reads only what the references need: a kind's list when a name (or an id the group does not
    have) is listed, or, in diff mode, when members listed by id leave the group (their names
    are shown, and there is a write to pay for anyway); the page's users when ``users`` is set.
    """
    desired = {'name': params['name'] if params['name'] is not None else group['name']}
    if params['external_identifier'] is not None:
        desired['external_identifier'] = params['external_identifier']
    names = MemberNames()
    problems = []
    for kind in MEMBER_KINDS:
        references = params[kind.option]
        if references is None:
            continue
        have = member_ids(group, kind.body_key)
        ids, catalog, found = resolve_references(
            client, page_id, references, kind, kind.option, members=[{'id': item_id} for item_id in have])
        if want_names and not needs_catalog(references, have) and set(ids) != set(have):
            catalog = kind.load(client, page_id)
        names.catalogs[kind.name] = catalog
        problems.extend(found)
        desired[kind.body_key] = ids
    if params['users'] is not None:
        users = list_users(client, page_id)
        names.users_by_id = dict((user['id'], user) for user in users)
        desired[USERS_FIELD] = _user_ids(users, params['users'], problems)
    if problems:
        raise InputError('; '.join(problems))
    return desired, names
