# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The module body of statuspage_access_user_components and statuspage_access_user_metrics.

Private to community.statuspage: it may change without notice.

A module-layer file (``_module_*``): both modules do the same thing to a different member kind
of a page access user, so each is ``AnsibleModule(**module_kwargs(KIND))`` and
``run_for(module, KIND)`` with a ``MemberKind`` of ``_member_kinds``. The work is: find the user
(as ``_users.lookup_email`` costs), read what the user has (one per 100; nothing where the user
object carries its grants, but then the page's list, to name them), resolve the listed
references (the page's list only when a name, or an id the user does not have, is listed), plan
with the grants reconciler (at most one write) and apply it unless in check mode. The result after the write is
the plan's prediction: the membership verbs answer with the user object, which does not carry
its members, and reading them back would cost a request the budget does not have.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.community.statuspage.plugins.module_utils._errors import InputError
from ansible_collections.community.statuspage.plugins.module_utils._module import (
    common_argument_spec,
    page_argument_spec,
    run_module,
)
from ansible_collections.community.statuspage.plugins.module_utils._page_access import explaining_refusals
from ansible_collections.community.statuspage.plugins.module_utils._reconcile_grants import (
    describe_grants,
    diff_view,
    ensure_grants,
    plan_grants,
)
from ansible_collections.community.statuspage.plugins.module_utils._users import (
    email_problem,
    find_user,
    grants_path,
    resolve_user_members,
)


def user_grants_argument_spec(kind):
    spec = common_argument_spec()
    spec.update(page_argument_spec())
    spec.update({
        'email': dict(type='str'),
        'user_id': dict(type='str'),
        kind.option: dict(type='list', elements='str', required=True),
        'state': dict(type='str', default='present', choices=['present', 'absent']),
        'exclusive': dict(type='bool', default=False),
    })
    return spec


def input_problems(params, kind):
    """Everything wrong with the task's own options, found before any request."""
    problems = []
    if params['exclusive'] and params['state'] == 'absent':
        problems.append('exclusive=true goes with state=present (it makes the set exact); '
                        'state=absent only revokes the listed %s' % kind.option)
    if params['email'] is not None:
        problem = email_problem(params['email'])
        if problem:
            problems.append(problem)
    for reference in params[kind.option]:
        if not str(reference).strip():
            problems.append('%s: an empty name is not a %s' % (kind.option, kind.label))
    return problems


def find_existing_user(client, params):
    user = find_user(client, params['page_id'], email=params['email'], user_id=params['user_id'])
    if user is None:
        named = 'user_id %r' % params['user_id'] if params['user_id'] else 'email %r' % params['email']
        raise InputError(
            'no page access user with %s on page %r: this module does not create users; create it '
            'first with community.statuspage.statuspage_access_user' % (named, params['page_id']))
    return user


def run_user_grants(module, client, kind):
    params = module.params
    page_id = params['page_id']
    problems = input_problems(params, kind)
    if problems:
        raise InputError('; '.join(problems))

    user = find_existing_user(client, params)
    listed_ids, catalog, problems, current_ids = resolve_user_members(
        client, page_id, user, kind, params[kind.option], kind.option)
    if problems:
        raise InputError('; '.join(problems))

    plan = plan_grants(current_ids, listed_ids, params['state'], params['exclusive'])
    changed = ensure_grants(client, grants_path(page_id, user['id'], kind), kind, plan, module.check_mode)
    result = {
        'changed': changed,
        'user': user,
        kind.option: describe_grants(catalog, plan.final),
        'added': describe_grants(catalog, plan.added),
        'removed': describe_grants(catalog, plan.removed),
    }
    if module._diff:
        result['diff'] = {
            'before': {kind.option: diff_view(catalog, plan.current)},
            'after': {kind.option: diff_view(catalog, plan.final)},
        }
    return result


def module_kwargs(kind):
    """What the module hands to ``AnsibleModule``."""
    return dict(
        argument_spec=user_grants_argument_spec(kind),
        required_one_of=[('email', 'user_id')],
        supports_check_mode=True,
    )


def run_for(module, kind):
    run_module(module, explaining_refusals(lambda module, client: run_user_grants(module, client, kind)))
