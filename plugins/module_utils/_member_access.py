# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The body of statuspage_access_user_components and statuspage_access_user_metrics.

Private to community.statuspage: it may change without notice.

Both modules do the same thing to a different sub-resource of a page access user, so each is
``AnsibleModule(**module_kwargs(kind))`` and ``run_for(module, kind)``. The work is: find the user (one request),
read what the user has (one per 100), resolve the listed references (the page's list only when
a name, or an id the user does not have, is listed), plan with ``plan_membership`` (at most one
write) and apply it unless in check mode. The result after the write is the plan's prediction:
the membership verbs answer with the user object, which does not carry its members, and
reading them back would cost a request the budget does not have.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.community.statuspage.plugins.module_utils._errors import InputError
from ansible_collections.community.statuspage.plugins.module_utils._membership import (
    SUB_RESOURCES,
    USER_OWNER,
    apply_membership,
    plan_membership,
    read_members,
)
from ansible_collections.community.statuspage.plugins.module_utils._module import (
    common_argument_spec,
    page_argument_spec,
    run_module,
)
from ansible_collections.community.statuspage.plugins.module_utils._resolve import resolve_references
from ansible_collections.community.statuspage.plugins.module_utils._users import email_problem, find_user


def member_access_argument_spec(kind):
    spec = common_argument_spec()
    spec.update(page_argument_spec())
    spec.update({
        'email': dict(type='str'),
        'user_id': dict(type='str'),
        SUB_RESOURCES[kind]: dict(type='list', elements='str', required=True),
        'state': dict(type='str', default='present', choices=['present', 'absent']),
        'exclusive': dict(type='bool', default=False),
    })
    return spec


def input_problems(params, kind):
    """Everything wrong with the task's own options, found before any request."""
    problems = []
    if params['exclusive'] and params['state'] == 'absent':
        problems.append('exclusive=true goes with state=present (it makes the set exact); '
                        'state=absent only revokes the listed %s' % SUB_RESOURCES[kind])
    if params['email'] is not None:
        problem = email_problem(params['email'])
        if problem:
            problems.append(problem)
    for reference in params[SUB_RESOURCES[kind]]:
        if not str(reference).strip():
            problems.append('%s: an empty name is not a %s' % (SUB_RESOURCES[kind], kind))
    return problems


def find_existing_user(client, params):
    user = find_user(client, params['page_id'], email=params['email'], user_id=params['user_id'])
    if user is None:
        named = 'user_id %r' % params['user_id'] if params['user_id'] else 'email %r' % params['email']
        raise InputError(
            'no page access user with %s on page %r: this module does not create users; create it '
            'first with community.statuspage.statuspage_access_user' % (named, params['page_id']))
    return user


def describe_members(catalog, ids):
    return [catalog.describe(item_id) for item_id in sorted(ids, key=lambda item_id: (catalog.label(item_id), item_id))]


def run_member_access(module, client, kind):
    params = module.params
    option = SUB_RESOURCES[kind]
    problems = input_problems(params, kind)
    if problems:
        raise InputError('; '.join(problems))

    user = find_existing_user(client, params)
    members = read_members(client, params['page_id'], USER_OWNER, user['id'], kind)
    listed_ids, catalog, problems = resolve_references(
        client, params['page_id'], params[option], kind, option, members=members)
    if problems:
        raise InputError('; '.join(problems))

    current_ids = [member['id'] for member in members]
    plan = plan_membership(current_ids, listed_ids, params['state'], params['exclusive'])
    if plan.changed and not module.check_mode:
        apply_membership(client, params['page_id'], USER_OWNER, user['id'], kind, plan)

    result = {
        'changed': plan.changed,
        'user': user,
        option: describe_members(catalog, plan.final),
        'added': describe_members(catalog, plan.added),
        'removed': describe_members(catalog, plan.removed),
    }
    if module._diff:
        result['diff'] = {
            'before': {option: catalog.labels(plan.current)},
            'after': {option: catalog.labels(plan.final)},
        }
    return result


def module_kwargs(kind):
    """What the module hands to ``AnsibleModule``."""
    return dict(
        argument_spec=member_access_argument_spec(kind),
        required_one_of=[('email', 'user_id')],
        supports_check_mode=True,
    )


def run_for(module, kind):
    run_module(module, lambda module, client: run_member_access(module, client, kind))
