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
  - 'Request cost: with O(email), one request when the API''s e-mail filter finds the user; when
    it finds nobody, one more on a page of up to 99 users, two more on a larger page whose filter
    ignores case, and one per 100 users when it does not (an address is looked for in every case:
    see M(community.statuspage.statuspage_access_user)). Without O(email), one request per 100 users
    of the page. O(include_access=true) adds two requests per user (its components and its metrics;
    one more per 100 of either) unless the API''s user objects carry them (C(component_ids),
    C(metric_ids)), in which case they cost nothing and one request per 100 metrics of the page
    names the metrics; plus one request per 100 components of the page and one per 100 access
    groups of the page for the names in RV(labels). Where the user objects do not show their groups
    in full (only a singular C(page_access_group_id)), the access groups are read (one request per
    100) to say which groups each user is in, with or without O(include_access).'
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
from ansible_collections.community.statuspage.plugins.module_utils._page_access import explaining_refusals
from ansible_collections.community.statuspage.plugins.module_utils._reconcile_user import group_ids_of
from ansible_collections.community.statuspage.plugins.module_utils._user_fields import shown_group_ids
from ansible_collections.community.statuspage.plugins.module_utils._users import (
    find_user_by_email,
    list_users,
    read_grants,
    shown_grant_ids,
)


def user_options(user, groups=None):
    """A user in the option names of statuspage_access_user (groups as a list, whatever the echo)."""
    return {
        'id': user.get('id'),
        'email': user.get('email'),
        'external_login': user.get('external_login'),
        'page_access_groups': group_ids_of(user, groups),
    }


def user_grants(client, page_id, user, kind, catalogs):
    """``(ids, {id: label})`` of the user's members of ``kind``: from the user object where it
    carries them (named from the page's list, read once), else from its sub-resource."""
    shown = shown_grant_ids(user, kind)
    if shown is None:
        members = read_grants(client, page_id, user['id'], kind)
        catalog = catalogs.get(kind.name)
        return sorted(member['id'] for member in members), dict(
            (member['id'], catalog.label(member['id']) if catalog and member['id'] in catalog.by_id
             else member.get('name')) for member in members)
    if kind.name not in catalogs:
        catalogs[kind.name] = kind.load(client, page_id)
    return sorted(shown), dict((item_id, catalogs[kind.name].label(item_id)) for item_id in shown)


def run(module, client):
    params = module.params
    page_id = params['page_id']
    if params['email'] is not None:
        found = find_user_by_email(client, page_id, params['email'])
        users = [found] if found else []
    else:
        users = list_users(client, page_id)
    users = sorted(users, key=lambda u: ((u.get('email') or '').lower(), u.get('id')))
    groups = None
    if users and (params['include_access'] or any(shown_group_ids(user) is None for user in users)):
        groups = load_access_groups(client, page_id)
    described = [user_options(user, groups) for user in users]
    result = {'changed': False, 'users': described}
    if not params['include_access']:
        return result

    labels = {}
    catalogs = {}
    if described:
        catalogs[COMPONENT.name] = COMPONENT.load(client, page_id)
        for group_id in groups.by_id:
            labels[group_id] = groups.name(group_id)
    for user, raw in zip(described, users):
        user['page_access_group_names'] = groups.names(user['page_access_groups'])
        for kind in (COMPONENT, METRIC):
            user[kind.option], named = user_grants(client, page_id, raw, kind, catalogs)
            labels.update(named)
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
    run_module(module, explaining_refusals(run))


if __name__ == '__main__':
    main()
