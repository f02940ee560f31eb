#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: statuspage_component_info
short_description: Read the components of a Statuspage page
version_added: 0.1.0
description:
  - Returns the components of a page, each with the name of its group, in the order the API lists them.
  - O(name) finds components exactly as the other modules of this collection resolve a component
    reference (an id, a name, or C(Group/Name)), so a name that works here works there. An ambiguous
    name, such as a C(Compute) in two groups, returns every component it may mean.
  - Component groups themselves cannot be granted, so they are left out unless O(include_groups=true).
  - With O(include_access=true), also who may see each component (what deleting it would revoke).
  - Never changes anything. Returns an empty list, not an error, when nothing matches.
  - Costs one request per 100 components and groups of the page. O(include_access=true) costs one request
    per 100 page access groups, one per 100 page access users, and one per page access user.
author:
  - community.statuspage contributors (!UNKNOWN)
extends_documentation_fragment:
  - community.statuspage.statuspage
  - community.statuspage.statuspage.PAGE
  - community.statuspage.attributes
  - community.statuspage.attributes.INFO_MODULE
  - community.statuspage.attributes.ACTIONGROUP_STATUSPAGE
options:
  name:
    description:
      - Only the components this reference means, which is a component id, a name, or C(Group/Name).
      - With O(include_groups=true), also the group whose name or id this is.
    type: str
  group:
    description:
      - Only the components of the group with this name or id.
      - With O(include_groups=true), also that group itself.
    type: str
  include_groups:
    description:
      - Also return the component groups, marked C(group=true), each with the ids of its members in C(components).
    type: bool
    default: false
  include_access:
    description:
      - Also return, for each component, the page access users (by e-mail) and groups (by name) that may
        see it, in C(access). This reads every page access user's components (see the request cost).
    type: bool
    default: false
seealso:
  - module: community.statuspage.statuspage_access_user_components
  - module: community.statuspage.statuspage_component
  - module: community.statuspage.statuspage_component_group
'''

EXAMPLES = r'''
- name: Every component of the page
  community.statuspage.statuspage_component_info:
    api_key: "{{ statuspage_api_key }}"
    page_id: acmecloud123
  register: page_components

- name: Which components are called Compute?
  community.statuspage.statuspage_component_info:
    api_key: "{{ statuspage_api_key }}"
    page_id: acmecloud123
    name: Compute
  register: compute

- name: Show their groups
  ansible.builtin.debug:
    msg: "Compute is in {{ compute.components | map(attribute='group_name') | join(' and ') }}"

- name: The EU group and its components
  community.statuspage.statuspage_component_info:
    api_key: "{{ statuspage_api_key }}"
    page_id: acmecloud123
    group: EU
    include_groups: true

- name: Who would lose EU/Compute if it were deleted?
  community.statuspage.statuspage_component_info:
    api_key: "{{ statuspage_api_key }}"
    page_id: acmecloud123
    name: EU/Compute
    include_access: true
  register: eu_compute
'''

RETURN = r'''
components:
  description:
    - The matching components as the API returns them, with C(group_name) added (V(null) for a
      component in no group, and for the groups themselves).
  returned: success
  type: list
  elements: dict
  sample:
    - id: lcrype1hzn91
      name: Compute
      group: false
      group_id: 6myciscsr0ww
      group_name: EU
      status: operational
      position: 1
      description: Virtual machines and containers
  contains:
    access:
      description: The page access users (C(users), by e-mail) and groups (C(groups), by name) that may see the component.
      returned: when O(include_access=true), for components (not for groups)
      type: dict
      sample: {users: [ann@globex.example], groups: [Globex]}
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.community.statuspage.plugins.module_utils._components import (
    load_components,
    read_access_holders,
)
from ansible_collections.community.statuspage.plugins.module_utils._module import (
    common_argument_spec,
    page_argument_spec,
    run_module,
)


def in_group(catalog, item, group):
    return group in (catalog.group_name(item), item.get('group_id'))


def is_group(item, reference):
    return reference in (item.get('name'), item.get('id'))


def select_components(catalog, name=None, group=None, include_groups=False):
    """The catalog's items matching the filters, in the API's order, each with ``group_name``."""
    named = set(catalog.matches(name)) if name is not None else None
    selected = []
    for item in catalog.items:
        if item.get('group'):
            keep = include_groups and (name is None or is_group(item, name)) and (group is None or is_group(item, group))
        else:
            keep = (named is None or item['id'] in named) and (group is None or in_group(catalog, item, group))
        if keep:
            selected.append(dict(item, group_name=None if item.get('group') else catalog.group_name(item)))
    return selected


def run(module, client):
    params = module.params
    catalog = load_components(client, params['page_id'])
    components = select_components(catalog, params['name'], params['group'], params['include_groups'])
    if params['include_access']:
        holders = read_access_holders(client, params['page_id'],
                                      [item['id'] for item in components if not item.get('group')])
        components = [item if item.get('group') else dict(item, access=holders[item['id']]) for item in components]
    return {'changed': False, 'components': components}


def main():
    argument_spec = common_argument_spec()
    argument_spec.update(page_argument_spec())
    argument_spec.update(
        name=dict(type='str'),
        group=dict(type='str'),
        include_groups=dict(type='bool', default=False),
        include_access=dict(type='bool', default=False),
    )
    module = AnsibleModule(argument_spec=argument_spec, supports_check_mode=True)
    run_module(module, run)


if __name__ == '__main__':
    main()
