#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: statuspage_component
short_description: Create, change, move or delete a component of a Statuspage page
version_added: 0.1.0
description:
  - Ensures a component of a page is present (created if needed, with the fields you set) or absent.
  - Sets its status, which is how a playbook marks a component during a deploy or an outage.
  - Moves it into another component group, or out of every group, with one request (the component's
    C(group_id), as the API describes it).
  - The component is found by O(component_id), or else by its O(name) within its O(group), or, when
    nothing of that name is there, by O(previously).
  - Only the options you set are compared and changed, in one request.
  - Every value is checked before anything is written; a task with bad values fails naming all of them.
  - "Request cost: one request per 100 components and groups of the page, and one more when something
    differs (a create or an update). Deleting a component in diff or check mode also reads who may see
    it: one request per 100 page access groups, one per 100 page access users, and one per page access
    user."
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
      - The diff shows the component's name and its group's name. Deleting a component shows in
        C(access) which page access users (by e-mail) and groups (by name) may see it, and so lose it.
  idempotent:
    support: full
options:
  name:
    description:
      - The component's name.
      - Without O(component_id), the component is found by this exact name within O(group) (anywhere on
        the page when O(group) is not set; a name several components have there fails the task, naming
        them). It is created with this name when O(state=present) and none is found.
      - With O(component_id), the component is renamed to this name if it differs; with O(state=absent),
        this must be its current name, a guard against deleting the wrong component by a mistyped id.
      - One of O(name) and O(component_id) is required.
    type: str
  component_id:
    description:
      - The id of an existing component. With O(state=present), an id that does not exist fails the task
        (Statuspage makes the ids, so a component cannot be created with a given one).
    type: str
  group:
    description:
      - The component group the component is in, by name or id; V("") means in no group.
      - A component in another group is moved into this one (it goes last in its new group). A component
        group cannot be created here (see M(community.statuspage.statuspage_component_group), which
        creates a group with its first components); an unknown group fails the task.
      - Not set, a component is left where it is (and created in no group).
    type: str
  previously:
    description:
      - What the component was called, or where it was, before a rename or a move - a component id, a
        name, or C(Group/Name) (for example V(Platform/Webhooks)), resolved as everywhere in this collection.
      - Used only when no component of O(name) is in O(group), so a task that moved or renamed a
        component finds it in its new place the next time, and does not create it again.
    type: str
  state:
    description:
      - V(present) creates or updates the component; V(absent) deletes it (a component that does not
        exist is no change).
      - Deleting a component also removes it from every page access user and group that could see it,
        and from incidents and templates. Run with C(--diff) first to see who loses it.
    type: str
    choices: [present, absent]
    default: present
  description:
    description: The component's description, shown when a visitor hovers over it. V("") clears it.
    type: str
  status:
    description: The component's status.
    type: str
    choices: [operational, under_maintenance, degraded_performance, partial_outage, major_outage]
  showcase:
    description: Whether the page shows the component's uptime over the last 90 days.
    type: bool
  only_show_if_degraded:
    description: Whether the page shows the component only while it is not operational (a feature Statuspage enables per page).
    type: bool
  start_date:
    description: The date the component started being used (V(YYYY-MM-DD)); uptime is counted from it.
    type: str
  position:
    description:
      - The component's place within its level (its group's members, or the page's top level), from 1.
      - No request schema of the API description has it, and Statuspage is reported to ignore it
        (re-sending an order never converged for yannh/terraform-provider-statuspage). The module sends
        it and fails when the answer shows it was not applied; reorder in the web interface then.
    type: int
notes:
  - A new component on an audience-specific page is seen by no page access user or group until it is
    granted (M(community.statuspage.statuspage_access_group), M(community.statuspage.statuspage_customer_access)).
seealso:
  - module: community.statuspage.statuspage_component_group
  - module: community.statuspage.statuspage_component_info
'''

EXAMPLES = r'''
- name: A component in the Platform group
  community.statuspage.statuspage_component:
    api_key: "{{ statuspage_api_key }}"
    page_id: acmecloud123
    name: Search
    group: Platform
    description: Full-text search over your documents
    showcase: true

- name: Mark it degraded during a deploy, credentials and page from module_defaults
  module_defaults:
    group/community.statuspage.statuspage:
      api_key: "{{ statuspage_api_key }}"
      page_id: acmecloud123
  community.statuspage.statuspage_component:
    name: Search
    group: Platform
    status: degraded_performance

- name: Move Webhooks out of Platform into Integrations (found there on later runs)
  community.statuspage.statuspage_component:
    page_id: acmecloud123
    name: Webhooks
    group: Integrations
    previously: Platform/Webhooks

- name: Take a component out of every group
  community.statuspage.statuspage_component:
    page_id: acmecloud123
    component_id: d59ujm7rjqit
    group: ""

- name: Delete a component (diff mode shows who loses it)
  community.statuspage.statuspage_component:
    page_id: acmecloud123
    name: Compute
    group: US
    state: absent
  diff: true
'''

RETURN = r'''
component:
  description:
    - The component after the task as the API returns it, with C(group_name) added (in check mode, as it
      would be; a component that would be created has no C(id) yet).
    - V(null) when the component is absent.
  returned: success
  type: dict
  sample:
    id: lcrype1hzn91
    page_id: acmecloud123
    group_id: 6myciscsr0ww
    group_name: EU
    group: false
    name: Compute
    description: Virtual machines and containers
    position: 1
    status: operational
    showcase: true
    only_show_if_degraded: false
    start_date: "2024-01-15"
revoked_from:
  description:
    - Who could see the deleted component and lost it, C(users) by e-mail and C(groups) by name.
    - V(null) when it was not read (outside diff and check mode) or nothing was deleted.
  returned: when O(state=absent)
  type: dict
  sample: {users: [ann@globex.example], groups: [Globex]}
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.community.statuspage.plugins.module_utils._components import (
    describe_component,
    load_components,
    read_access_holders,
)
from ansible_collections.community.statuspage.plugins.module_utils._module import (
    common_argument_spec,
    page_argument_spec,
    run_module,
)
from ansible_collections.community.statuspage.plugins.module_utils._module_component import (
    component_options,
    desired_component,
    find_target_component,
)
from ansible_collections.community.statuspage.plugins.module_utils._reconcile_component import (
    diff_view,
    ensure_component,
    plan_component,
    remove_component,
)


def run(module, client):
    params = module.params
    page_id = params['page_id']
    catalog = load_components(client, page_id)
    current, group_id = find_target_component(catalog, params)
    result = {}
    if params['state'] == 'absent':
        access = None
        if current is not None and (module._diff or module.check_mode):
            access = read_access_holders(client, page_id, [current['id']])[current['id']]
        changed, after, fields = remove_component(client, page_id, current, module.check_mode), None, []
        result['revoked_from'] = access if changed else None
    else:
        access = None
        desired = desired_component(params, group_id)
        changed, after = ensure_component(client, page_id, plan_component(current, desired), module.check_mode)
        fields = sorted(desired)
    result.update(changed=changed, component=describe_component(catalog, after))
    if module._diff:
        result['diff'] = {
            'before': diff_view(current, fields, current and catalog.group_name(current), access),
            'after': diff_view(after, fields, after and catalog.group_name(after)),
        }
    return result


def main():
    argument_spec = common_argument_spec()
    argument_spec.update(page_argument_spec())
    argument_spec.update(
        name=dict(type='str'),
        component_id=dict(type='str'),
        group=dict(type='str'),
        position=dict(type='int'),
    )
    # description, status, showcase, only_show_if_degraded, start_date, previously, state:
    # as a page definition's component entry takes them.
    argument_spec.update(component_options())
    module = AnsibleModule(
        argument_spec=argument_spec,
        required_one_of=[('name', 'component_id')],
        supports_check_mode=True,
    )
    run_module(module, run)


if __name__ == '__main__':
    main()
