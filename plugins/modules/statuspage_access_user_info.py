#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: statuspage_access_user_info
short_description: Read the page access users of an audience-specific Statuspage page
version_added: 0.1.0
description:
  - Returns every page access user of a page, or the one with a given e-mail address.
  - Each user is returned with the option names of M(community.statuspage.statuspage_access_user)
    (C(id), C(email), C(external_login), C(page_access_groups), and with O(include_access) also
    C(components) and C(metrics)), all as ids, so that a user can be fed back to that module
    as it is. The names that go with the ids are in RV(labels), and with O(include_access) the
    group names also in C(page_access_group_names), as that module returns them.
  - Never changes anything. Returns an empty list, not an error, when no user matches.
  - 'Request cost: with O(email), one request; without, one request per 100 users of the page.
    O(include_access=true) adds two requests per user (its components and its metrics; one more
    per 100 of either), plus one request per 100 components of the page and one per 100 access
    groups of the page for the names in RV(labels).'
author:
  - community.statuspage contributors (!UNKNOWN)
extends_documentation_fragment:
  - community.statuspage.statuspage
  - community.statuspage.statuspage.PAGE
  - community.statuspage.attributes
  - community.statuspage.attributes.INFO_MODULE
  - community.statuspage.attributes.ACTIONGROUP_STATUSPAGE
options:
  email:
    description:
      - Only the user with this e-mail address (compared without regard to case).
    type: str
  include_access:
    description:
      - Also return each user's components and metrics, and the names of every id in RV(labels).
      - This costs two requests per user, so on a page with many users it is slow (Statuspage
        allows one request per second).
    type: bool
    default: false
seealso:
  - module: community.statuspage.statuspage_access_user
'''

EXAMPLES = r'''
- name: Every page access user of the page, with what each may see
  community.statuspage.statuspage_access_user_info:
    api_key: "{{ statuspage_api_key }}"
    page_id: acmecloud123
    include_access: true
  register: access

- name: Show who sees what, by name
  ansible.builtin.debug:
    msg: "{{ item.email }}: {{ item.components | map('extract', access.labels) | join(', ') }}"
  loop: "{{ access.users }}"

- name: Is Ann a user?
  community.statuspage.statuspage_access_user_info:
    api_key: "{{ statuspage_api_key }}"
    page_id: acmecloud123
    email: ann@example.com
  register: ann

- name: Re-apply what each user may see, as read (for example after a mistaken change)
  community.statuspage.statuspage_access_user:
    api_key: "{{ statuspage_api_key }}"
    page_id: acmecloud123
    id: "{{ item.id }}"
    email: "{{ item.email }}"
    external_login: "{{ item.external_login }}"
    page_access_groups: "{{ item.page_access_groups }}"
    components: "{{ item.components }}"
    metrics: "{{ item.metrics }}"
  loop: "{{ access.users }}"
'''

RETURN = r'''
users:
  description: The matching users, ordered by e-mail address.
  returned: success
  type: list
  elements: dict
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
      description: Login at the identity provider, or null.
      type: str
      sample: ann
    page_access_groups:
      description: Ids of the user's page access groups (the form O(community.statuspage.statuspage_access_user#module:page_access_groups) accepts).
      type: list
      elements: str
    page_access_group_names:
      description:
        - Names of the user's page access groups, sorted; the same key as in the result of
          M(community.statuspage.statuspage_access_user).
      type: list
      elements: str
      returned: when O(include_access=true)
      sample: [Customers EU]
    components:
      description: Ids of the components the user may see (not counting those of its groups).
      type: list
      elements: str
      returned: when O(include_access=true)
    metrics:
      description: Ids of the metrics the user may see (not counting those of its groups).
      type: list
      elements: str
      returned: when O(include_access=true)
labels:
  description:
    - The name of every access group, component and metric id in RV(users), for people to read.
      Components are named V(Group/Name) when they are in a group.
  returned: when O(include_access=true)
  type: dict
  sample:
    lcrype1hzn91: EU/Compute
    grdk5uo2yv22: API Latency
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.community.statuspage.plugins.module_utils._groups import load_access_groups
from ansible_collections.community.statuspage.plugins.module_utils._member_kinds import COMPONENT, METRIC
from ansible_collections.community.statuspage.plugins.module_utils._module import (
    common_argument_spec,
    page_argument_spec,
    run_module,
)
from ansible_collections.community.statuspage.plugins.module_utils._users import find_user_by_email, list_users, read_grants


def user_options(user):
    """A user in the option names of statuspage_access_user."""
    return {
        'id': user.get('id'),
        'email': user.get('email'),
        'external_login': user.get('external_login'),
        'page_access_groups': sorted(user.get('page_access_group_ids') or []),
    }


def run(module, client):
    params = module.params
    page_id = params['page_id']
    if params['email'] is not None:
        found = find_user_by_email(client, page_id, params['email'])
        users = [found] if found else []
    else:
        users = list_users(client, page_id)
    described = [user_options(user) for user in sorted(users, key=lambda u: ((u.get('email') or '').lower(), u.get('id')))]
    result = {'changed': False, 'users': described}
    if not params['include_access']:
        return result

    labels = {}
    if described:
        catalog = COMPONENT.load(client, page_id)
        groups = load_access_groups(client, page_id)
        for group_id in groups.by_id:
            labels[group_id] = groups.name(group_id)
    for user in described:
        user['page_access_group_names'] = groups.names(user['page_access_groups'])
        components = read_grants(client, page_id, user['id'], COMPONENT)
        metrics = read_grants(client, page_id, user['id'], METRIC)
        user['components'] = sorted(member['id'] for member in components)
        user['metrics'] = sorted(member['id'] for member in metrics)
        for member in components:
            labels[member['id']] = catalog.label(member['id']) if member['id'] in catalog.by_id else member.get('name')
        for member in metrics:
            labels[member['id']] = member.get('name')
    result['labels'] = labels
    return result


def main():
    argument_spec = common_argument_spec()
    argument_spec.update(page_argument_spec())
    argument_spec.update(
        email=dict(type='str'),
        include_access=dict(type='bool', default=False),
    )
    module = AnsibleModule(argument_spec=argument_spec, supports_check_mode=True)
    run_module(module, run)


if __name__ == '__main__':
    main()
