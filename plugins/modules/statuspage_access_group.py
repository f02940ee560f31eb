#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: statuspage_access_group
short_description: Ensure a page access group of an audience-specific Statuspage page
version_added: 0.1.0
description:
  - On an audience-specific page, a page access group usually stands for one customer
    organisation; the page access users in the group see the group's components and metrics.
  - Ensures a group is present (created if needed, with the exact components, metrics and users
    you list) or absent.
  - The group is found by O(group_id), or else by its exact O(name).
  - Only the options you set are compared and changed. Every change is sent in one request
    (creating the group, or one update carrying all that differs), never one request per member.
  - Every component, metric and user you name is checked before anything is written; a task with
    bad values fails naming all of them at once.
  - "Request cost: a group with nothing to change costs one request to find it, plus one per 100
    components of the page when O(components) names a component that is not already in the group
    (or by name), the same for O(metrics), and one per 100 page access users of the page when
    O(users) is set. A change costs one more request, and in diff mode the names of members
    listed by id that leave the group cost one list more."
  - "Creating the first group of a page that had none comes with a warning that groups have an
    effect only on an audience-specific page, which no API answer shows (no request: finding the
    group by name has read the page's groups). A page that refuses the page access endpoints fails
    with a message that says so, after one or two more reads."
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
      - The diff shows components as C(Group/Name), metrics by name and users by e-mail.
  idempotent:
    support: full
options:
  name:
    description:
      - The name of the group.
      - Without O(group_id), the group is found by this exact name (one request listing the
        page's groups); it is created with this name when O(state=present) and none exists.
        A name shared by several groups fails the task; use O(group_id) then.
      - With O(group_id) and O(state=present), the group is renamed to this name if it differs.
      - With O(group_id) and O(state=absent), this must be the group's current name. A group
        whose name differs is not deleted, and the task fails before anything is written, saying
        which group the id is (a guard against deleting the wrong group by a mistyped id).
      - One of O(name) and O(group_id) is required.
    type: str
  group_id:
    description:
      - The id of an existing group (one request to read it).
      - With O(state=present), a group that does not exist fails the task (ids are made by
        Statuspage, so a group cannot be created with a given id).
    type: str
  state:
    description:
      - V(present) creates the group or updates it; V(absent) deletes it (deleting a group that
        does not exist reports no change).
      - With V(absent), O(external_identifier), O(components), O(metrics) and O(users) are ignored.
    type: str
    choices: [present, absent]
    default: present
  external_identifier:
    description:
      - Associates the group with a group of your identity provider (for SAML sign-on).
      - An empty string clears it.
    type: str
  components:
    description:
      - The exact components the group's members see; components not listed are removed from the group.
      - Each is a component id, a name, or C(Group/Name) when the name is used in several
        component groups (for example V(EU/Compute)). A component group itself cannot be listed.
      - An empty list removes every component. Leave the option out to leave them alone.
    type: list
    elements: str
  metrics:
    description:
      - The exact metrics the group's members see, by id or name; metrics not listed are removed from the group.
      - An empty list removes every metric. Leave the option out to leave them alone.
    type: list
    elements: str
  users:
    description:
      - The exact page access users in the group, by e-mail address (compared without regard to
        case); users not listed leave the group.
      - The users must already exist (see M(community.statuspage.statuspage_access_user)); an
        unknown e-mail fails the task before anything is written, naming every unknown address.
      - An empty list removes every user. Leave the option out to leave them alone.
    type: list
    elements: str
notes:
  - Page access groups only have an effect on pages that Statuspage has made audience-specific.
seealso:
  - module: community.statuspage.statuspage_access_group_info
  - module: community.statuspage.statuspage_access_user
'''

EXAMPLES = r'''
- name: One group per customer, seeing its region's components
  community.statuspage.statuspage_access_group:
    api_key: "{{ statuspage_api_key }}"
    page_id: kctbh9vrtdwd
    name: Globex
    external_identifier: globex-sso
    components:
      - API
      - EU/Compute
      - EU/Storage
    metrics:
      - API Latency
    users:
      - ann@globex.example
      - bob@globex.example

- name: Remove a customer's group, credentials and page from module_defaults
  module_defaults:
    group/community.statuspage.statuspage:
      api_key: "{{ statuspage_api_key }}"
      page_id: kctbh9vrtdwd
  community.statuspage.statuspage_access_group:
    name: Initech
    state: absent
'''

RETURN = r'''
group:
  description:
    - The group after the task as the API returns it (in check mode, as it would be; a group
      that would be created has no C(id) yet).
    - V(null) when the group is absent.
  returned: success
  type: dict
  sample:
    id: p3wmty1hclss
    page_id: kctbh9vrtdwd
    name: Globex
    external_identifier: globex-sso
    component_ids: [4pyrhmgk5h74, 8cwxx8b0qm4h]
    metric_ids: [q0b38dhzs6tc]
    page_access_user_ids: [1gvg428zs7xh]
    created_at: "2026-11-26T09:00:00Z"
    updated_at: "2026-11-26T09:00:00Z"
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.community.statuspage.plugins.module_utils._groups import lookup_group
from ansible_collections.community.statuspage.plugins.module_utils._module import (
    common_argument_spec,
    page_argument_spec,
    run_module,
)
from ansible_collections.community.statuspage.plugins.module_utils._module_access_group import (
    check_found,
    check_options,
    desired_group,
)
from ansible_collections.community.statuspage.plugins.module_utils._page_access import (
    explaining_refusals,
    first_on_page_warning,
)
from ansible_collections.community.statuspage.plugins.module_utils._reconcile_group import (
    MemberNames,
    diff_view,
    ensure_group,
    plan_group,
    remove_group,
)


def run(module, client):
    params = module.params
    page_id = params['page_id']
    check_options(params)
    found = lookup_group(client, page_id, name=params['name'], group_id=params['group_id'])
    current = found.group
    check_found(current, params)
    if params['state'] == 'absent':
        changed, after = remove_group(client, page_id, current, module.check_mode), None
        fields, names = ['name'], MemberNames()
    else:
        desired, names = desired_group(client, page_id, params, current, want_names=module._diff)
        changed, after = ensure_group(client, page_id, plan_group(current, desired), module.check_mode)
        if current is None and found.page_has_groups is False:
            module.warn(first_on_page_warning(page_id, 'page access group'))
        fields = sorted(desired)
    result = {'changed': changed, 'group': after}
    if module._diff:
        result['diff'] = {'before': diff_view(current, fields, names), 'after': diff_view(after, fields, names)}
    return result


def main():
    argument_spec = common_argument_spec()
    argument_spec.update(page_argument_spec())
    argument_spec.update(
        name=dict(type='str'),
        group_id=dict(type='str'),
        state=dict(type='str', choices=['present', 'absent'], default='present'),
        external_identifier=dict(type='str'),
        components=dict(type='list', elements='str'),
        metrics=dict(type='list', elements='str'),
        users=dict(type='list', elements='str'),
    )
    module = AnsibleModule(
        argument_spec=argument_spec,
        required_one_of=[('name', 'group_id')],
        supports_check_mode=True,
    )
    run_module(module, explaining_refusals(run))


if __name__ == '__main__':
    main()
