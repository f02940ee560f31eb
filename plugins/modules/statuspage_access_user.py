#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: statuspage_access_user
short_description: Create, update or remove a page access user of an audience-specific Statuspage page
version_added: 0.1.0
description:
  - Ensures that one page access user (a person who may log in to an audience-specific page) is
    present with the given settings, or absent.
  - The user is found by O(email), compared without regard to case, with the API's e-mail filter;
    or by O(user_id). The address is sent as you wrote it when the user is created; an existing
    user whose address differs only in case is the same user and is not changed.
  - Only the options you set are compared and changed. O(page_access_groups), O(components) and
    O(metrics), when set, are the exact sets the user gets; what is not listed is taken away.
  - Creating a user makes Statuspage send that person an e-mail invitation, so a create is never
    repeated blindly. If Statuspage answers 409 (the e-mail is already a user, for example because
    someone created it after the look-up) the existing user is read back and updated instead. If a
    create gets no answer or a server error, so that it may or may not have happened, the user is
    read back by e-mail first; if it is there it is used, and only if it is not there is the
    create sent once more. A second create without an answer fails the task.
  - "A duplicate create answered 409, or 422 with a message that the e-mail is taken, is treated
    alike: the existing user is read back and updated."
  - After a create or an update the module compares what Statuspage returns with what it asked
    for; where the answer does not show a field, or shows another value, the user is read again,
    and the task fails, naming the field, only if that read shows it was not applied. A user's
    groups are read as a list whether the API shows a list, a string of ids, or only the singular
    C(page_access_group_id) (then from the access groups, which list their users).
  - 'Request cost: one request to find the user by id, or by e-mail when the API''s e-mail filter
    finds it. Whether that filter ignores case is not documented, so when it finds nobody the
    address is looked for in every case before a user is created: one more request reads the
    first 100 users, which settles it on a page with fewer; on a larger page one more asks the
    filter for one of them in swapped case, and only if the filter turns out to need the exact
    spelling are the other users read (one request per 100). So a new user costs two reads on a
    page of up to 99 users, three on a larger one. A new user costs one more request (the create);
    an existing user one more only when O(external_login) or O(page_access_groups) differ (the
    update). O(page_access_groups) costs one request per 100 access groups of the page; so does
    reading a user whose object shows its groups only in the singular C(page_access_group_id).
    O(components) costs, for an existing user, one request per 100 of its components (none where the
    user object carries C(component_ids), but then one per 100 components of the page, to name them);
    one request per 100 components of the page when a component is named rather than given by an
    id the user already has; and one request to set them when they differ. O(metrics) costs the
    same, counted in metrics. Removing a user costs one request more. When the answer to a create or
    an update does not show a field that was set, one more request reads the user again (one per
    100 groups for its groups). Check mode reads the same and never writes.'
  - Bad input (a malformed e-mail, unknown or ambiguous names, O(user_id) and O(email) naming
    different users, a page the API key cannot see) fails before anything is written, naming every
    bad value at once.
author:
  - community.statuspage contributors (!UNKNOWN)
extends_documentation_fragment:
  - community.statuspage.statuspage
  - community.statuspage.statuspage.PAGE
  - community.statuspage.attributes
  - community.statuspage.attributes.ACTIONGROUP_STATUSPAGE
attributes:
  check_mode:
    support: full
  diff_mode:
    support: full
    details:
      - The diff shows the e-mail, the external login, and the names of the access groups,
        components (V(Group/Name)) and metrics the task manages, before and after.
  idempotent:
    support: full
options:
  email:
    description:
      - E-mail address of the page access user; compared without regard to case.
      - Required to create a user. One of O(email) and O(user_id) is required; with both, they
        must name the same user.
      - The module does not change the address of an existing user.
    type: str
  user_id:
    description:
      - Id of the page access user, instead of or as well as O(email).
      - The output of M(community.statuspage.statuspage_access_user_info) names it C(id), which is
        accepted as an alias so that its users can be fed back to this module.
    type: str
    aliases: [id]
  state:
    description:
      - V(present) creates or updates the user, V(absent) removes it.
      - Removing a user that does not exist is no change, not an error.
    type: str
    choices: [present, absent]
    default: present
  external_login:
    description:
      - The user's login at your identity provider (typically its C(uid)).
      - An empty string and no login are the same.
    type: str
  page_access_groups:
    description:
      - The exact list of page access groups the user belongs to, by name or id.
      - An empty list removes the user from every group. Not set, the groups are left as they are.
    type: list
    elements: str
  subscribe_to_components:
    description:
      - Whether the new user is subscribed to the components it may see.
      - Applied only when the user is created. Statuspage neither returns nor changes it for an
        existing user, so for an existing user the module leaves it alone and says so in a warning.
    type: bool
  components:
    description:
      - The exact list of components the user may see. Each is an id, a name, or V(Group/Name)
        where a name is used in more than one group (V(EU/Compute)). A component group itself
        cannot be granted; list its components.
      - An empty list takes every component away. Not set, the components are left as they are.
      - Components granted through the user's access groups are not listed here.
    type: list
    elements: str
  metrics:
    description:
      - The exact list of metrics the user may see, by id or name.
      - An empty list takes every metric away. Not set, the metrics are left as they are.
    type: list
    elements: str
notes:
  - Page access users have an effect only on pages that Statuspage has made audience-specific, and
    no API answer shows a page's type. A page that refuses the page access endpoints fails the task
    with a message that says so (one or two more reads, only then); a page that accepts them with
    no effect cannot be told apart, so creating the first user of a page that had none comes with
    a warning. The playbook C(community.statuspage.probe_api) shows what a page answers.
seealso:
  - module: community.statuspage.statuspage_access_user_info
  - module: community.statuspage.statuspage_access_user_components
'''

EXAMPLES = r'''
- name: Give Ann access to the EU services of the Acme Cloud page
  module_defaults:
    group/community.statuspage.statuspage:
      api_key: "{{ statuspage_api_key }}"
  community.statuspage.statuspage_access_user:
    page_id: acmecloud123
    email: ann@example.com
    external_login: ann
    page_access_groups: [Customers EU]
    components:
      - API
      - EU/Compute
      - EU/Storage
    metrics: [API Latency]
    subscribe_to_components: true

- name: Remove Bob
  community.statuspage.statuspage_access_user:
    api_key: "{{ statuspage_api_key }}"
    page_id: acmecloud123
    email: bob@example.com
    state: absent

- name: Onboard several people from a list, each seeing exactly their components
  community.statuspage.statuspage_access_user:
    api_key: "{{ statuspage_api_key }}"
    page_id: acmecloud123
    email: "{{ item.email }}"
    components: "{{ item.components }}"
  loop:
    - {email: carla@example.com, components: [API, US/Compute]}
    - {email: dan@example.com, components: [API]}
'''

RETURN = r'''
user:
  description:
    - The user after the task (in check mode, as it would be; a user that would be created has
      C(id) null). Empty when O(state=absent).
  returned: success
  type: dict
  contains:
    id:
      description: Id of the page access user.
      type: str
      sample: p6t1q6y2c3m3
    email:
      description: E-mail address.
      type: str
      sample: ann@example.com
    external_login:
      description: Login at the identity provider.
      type: str
      sample: ann
    page_access_groups:
      description:
        - Ids of the user's page access groups, as M(community.statuspage.statuspage_access_user_info)
          returns them and as O(page_access_groups) accepts them.
      type: list
      elements: str
      sample: [p3wmty1hclss]
    page_access_group_names:
      description: Names of the user's page access groups, sorted.
      type: list
      elements: str
      returned: when O(page_access_groups) is set
      sample: [Customers EU]
    components:
      description:
        - The components the user may see, each with C(id), C(name), C(group) (the group's name)
          and C(group_id).
        - C(group) is null for a component in no group, and also when every listed component was
          given by an id the user already had, because the page's components are then not read.
      type: list
      elements: dict
      returned: when O(components) is set
      sample: [{id: lcrype1hzn91, name: Compute, group: EU, group_id: 6myciscsr0ww}]
    metrics:
      description: The metrics the user may see, each with C(id) and C(name).
      type: list
      elements: dict
      returned: when O(metrics) is set
      sample: [{id: grdk5uo2yv22, name: API Latency}]
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.community.statuspage.plugins.module_utils._errors import InputError
from ansible_collections.community.statuspage.plugins.module_utils._groups import load_access_groups
from ansible_collections.community.statuspage.plugins.module_utils._member_kinds import MEMBER_KINDS
from ansible_collections.community.statuspage.plugins.module_utils._module import (
    common_argument_spec,
    page_argument_spec,
    run_module,
)
from ansible_collections.community.statuspage.plugins.module_utils._page_access import (
    explaining_refusals,
    first_on_page_warning,
)
from ansible_collections.community.statuspage.plugins.module_utils._reconcile_user import (
    desired_user,
    describe_user,
    diff_view,
    ensure_user,
    plan_user,
    remove_user,
    user_state,
)
from ansible_collections.community.statuspage.plugins.module_utils._user_fields import shown_group_ids, with_group_ids
from ansible_collections.community.statuspage.plugins.module_utils._users import (
    email_problem,
    lookup_user,
    resolve_user_members,
)


def input_problems(params):
    """What is wrong with the task's own options, found without a request."""
    problems = []
    if params['email'] is not None:
        problem = email_problem(params['email'])
        if problem:
            problems.append(problem)
    return problems


def resolve_access(client, page_id, params, current):
    """Turn the task's names into ids, reading only what they need.

    Returns ``(current, group_ids, groups, member_ids, current_members, catalogs, problems)``,
    the member dictionaries keyed by member kind name, ``current`` with its groups as a list;
    every unknown or ambiguous name is among ``problems``, so that one message can name them all.
    """
    problems = []
    groups = group_ids = None
    # The groups are read when the task sets them, and when the user object does not show them
    # in full (the groups, which list their users, then say which the user is in).
    if params['page_access_groups'] is not None or (current is not None and shown_group_ids(current) is None):
        groups = load_access_groups(client, page_id)
    if params['page_access_groups'] is not None:
        group_ids, group_problems = groups.resolve(params['page_access_groups'])
        problems.extend(group_problems)
    if current is not None and groups is not None and shown_group_ids(current) is None:
        current = with_group_ids(current, groups.groups_of(current['id']))
    member_ids, current_members, catalogs = {}, {}, {}
    for kind in MEMBER_KINDS:
        if params[kind.option] is None:
            continue
        ids, catalogs[kind.name], kind_problems, current_members[kind.name] = resolve_user_members(
            client, page_id, current, kind, params[kind.option], kind.option)
        problems.extend(kind_problems)
        member_ids[kind.name] = ids
    return current, group_ids, groups, member_ids, current_members, catalogs, problems


def run(module, client):
    params = module.params
    page_id = params['page_id']
    problems = input_problems(params)
    if problems:
        raise InputError('; '.join(problems))
    found = lookup_user(client, page_id, email=params['email'], user_id=params['user_id'])
    current = found.user
    result = {'changed': False, 'user': {}}

    if params['state'] == 'absent':
        result['changed'] = remove_user(client, page_id, current, module.check_mode)
        if module._diff:
            result['diff'] = {'before': diff_view(user_state(current)), 'after': {}}
        return result

    if current is None and not params['email']:
        raise InputError('user_id %r: no such page access user on page %s; to create one, set email' % (
            params['user_id'], page_id))
    current, group_ids, groups, member_ids, current_members, catalogs, problems = resolve_access(
        client, page_id, params, current)
    if problems:
        raise InputError('; '.join(problems))

    desired = desired_user(
        params['email'] or current['email'],
        external_login=params['external_login'],
        page_access_group_ids=group_ids,
        subscribe_to_components=params['subscribe_to_components'],
        members=member_ids,
    )
    plan = plan_user(current, desired, current_members)
    changed, state, warnings = ensure_user(client, page_id, plan, module.check_mode)
    if plan.create is not None and found.page_has_users is False:
        warnings.append(first_on_page_warning(page_id, 'page access user'))
    for warning in plan.warnings + warnings:
        module.warn(warning)
    result['changed'] = changed
    result['user'] = describe_user(state, groups, catalogs)
    if module._diff:
        before = user_state(current, current_members) if current else None
        result['diff'] = {'before': diff_view(before, groups, catalogs), 'after': diff_view(state, groups, catalogs)}
    return result


def main():
    argument_spec = common_argument_spec()
    argument_spec.update(page_argument_spec())
    argument_spec.update(
        email=dict(type='str'),
        user_id=dict(type='str', aliases=['id']),
        state=dict(type='str', choices=['present', 'absent'], default='present'),
        external_login=dict(type='str'),
        page_access_groups=dict(type='list', elements='str'),
        subscribe_to_components=dict(type='bool'),
        components=dict(type='list', elements='str'),
        metrics=dict(type='list', elements='str'),
    )
    module = AnsibleModule(
        argument_spec=argument_spec,
        required_one_of=[('email', 'user_id')],
        supports_check_mode=True,
    )
    run_module(module, explaining_refusals(run))


if __name__ == '__main__':
    main()
