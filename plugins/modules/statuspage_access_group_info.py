#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: statuspage_access_group_info
short_description: Read the page access groups of a Statuspage page
version_added: 0.1.0
description:
  - Returns the page access groups of a page (every result page of the list is read), or only
    those with an exact name, each with the names of its components, metrics and users.
  - Never changes anything. Returns an empty list, not an error, when no group matches.
  - "Request cost: one request per 100 groups; then, only when a returned group has members of
    that kind, one request per 100 components of the page, one per 100 metrics and one per 100
    page access users, whatever the number of groups."
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
      - Only groups with exactly this name.
    type: str
seealso:
  - module: community.statuspage.statuspage_access_group
'''

EXAMPLES = r'''
- name: Every group of the page, with member names
  community.statuspage.statuspage_access_group_info:
    api_key: "{{ statuspage_api_key }}"
    page_id: kctbh9vrtdwd
  register: all_groups

- name: Who is in the Globex group
  community.statuspage.statuspage_access_group_info:
    api_key: "{{ statuspage_api_key }}"
    page_id: kctbh9vrtdwd
    name: Globex
  register: globex

- name: Show the e-mails
  ansible.builtin.debug:
    msg: "{{ globex.groups[0].users | map(attribute='email') | list }}"
  when: globex.groups | length > 0
'''

RETURN = r'''
groups:
  description: The matching groups, as the API returns them, with member names joined in.
  returned: success
  type: list
  elements: dict
  contains:
    id:
      description: The group's id.
      type: str
    name:
      description: The group's name.
      type: str
    external_identifier:
      description: The identity provider group it is associated with, if any.
      type: str
    component_ids:
      description: Ids of the components the group's members see.
      type: list
      elements: str
    metric_ids:
      description: Ids of the metrics the group's members see.
      type: list
      elements: str
    page_access_user_ids:
      description: Ids of the page access users in the group.
      type: list
      elements: str
    components:
      description: The components, each with C(id), C(name), C(group) (the component group's name) and C(group_id) (V(null) when in no group).
      type: list
      elements: dict
    metrics:
      description: The metrics, each with C(id) and C(name).
      type: list
      elements: dict
    users:
      description: The page access users, each with C(id) and C(email).
      type: list
      elements: dict
  sample:
    - id: p3wmty1hclss
      page_id: kctbh9vrtdwd
      name: Globex
      external_identifier: globex-sso
      component_ids: [4pyrhmgk5h74]
      metric_ids: [q0b38dhzs6tc]
      page_access_user_ids: [1gvg428zs7xh]
      components:
        - {id: 4pyrhmgk5h74, name: Compute, group: EU, group_id: 2ck6fhd4k8xy}
      metrics:
        - {id: q0b38dhzs6tc, name: API Latency}
      users:
        - {id: 1gvg428zs7xh, email: ann@globex.example}
      created_at: "2026-11-26T09:00:00Z"
      updated_at: "2026-11-26T09:00:00Z"
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.community.statuspage.plugins.module_utils._groups import find_groups, join_names
from ansible_collections.community.statuspage.plugins.module_utils._module import (
    common_argument_spec,
    page_argument_spec,
    run_module,
)
from ansible_collections.community.statuspage.plugins.module_utils._page_access import explaining_refusals


def run(module, client):
    page_id = module.params['page_id']
    groups = find_groups(client, page_id, name=module.params['name'])
    return {'changed': False, 'groups': join_names(client, page_id, groups)}


def main():
    argument_spec = common_argument_spec()
    argument_spec.update(page_argument_spec())
    argument_spec.update(name=dict(type='str'))
    module = AnsibleModule(argument_spec=argument_spec, supports_check_mode=True)
    run_module(module, explaining_refusals(run))


if __name__ == '__main__':
    main()
