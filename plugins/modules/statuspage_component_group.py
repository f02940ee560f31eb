#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: statuspage_component_group
short_description: Create, change or delete a component group of a Statuspage page
version_added: 0.1.0
description:
  - Ensures a component group is present (created if needed, with exactly the components you list) or absent.
  - The group is found by O(group_id), or else by its exact O(name).
  - Only the options you set are compared and changed, in one request. O(components) is the exact member
    set, sent whole in that one request however many components join or leave.
  - Every component you name is checked before anything is written; a task with bad values fails naming
    all of them at once.
  - "Request cost: one request per 100 components and groups of the page, and one more when something
    differs. Deleting a group costs one request per member and one for the group (see O(state)); with
    O(delete_members=true) in diff or check mode, reading who may see the members costs one request per
    100 page access groups, one per 100 page access users and one per page access user."
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
      - The diff shows members as C(Group/Name). Deleting a group shows what becomes of its members,
        and with O(delete_members=true) who loses them.
  idempotent:
    support: full
options:
  name:
    description:
      - The group's name.
      - Without O(group_id), the group is found by this exact name; it is created with this name when
        O(state=present) and none exists. A name shared by several groups fails the task, naming them.
      - With O(group_id), the group is renamed to this name; with O(state=absent), this must be its current
        name (a guard against deleting the wrong group by a mistyped id).
      - One of O(name) and O(group_id) is required.
    type: str
  group_id:
    description:
      - The id of an existing group. With O(state=present), an id that does not exist fails the task.
    type: str
  state:
    description:
      - V(present) creates or updates the group; V(absent) deletes it (a group that does not exist is no change).
      - No public source says what Statuspage does with a group's members when the group is deleted. So
        the module decides it. It first takes each member out of the group (one request each), and the
        members stay on the page, in no group, keeping who may see them; then it deletes the group. With
        O(delete_members=true) it deletes each member instead, which revokes it from every page access
        user and group.
    type: str
    choices: [present, absent]
    default: present
  description:
    description: The group's description. V("") clears it.
    type: str
  components:
    description:
      - The exact components in the group, each a component id, a name, or C(Group/Name) when the name is
        used in several groups (for example V(EU/Compute)).
      - A listed component in another group moves into this one; a member not listed leaves the group and
        stays on the page in no group.
      - Required to create a group, and never empty (Statuspage keeps no empty group). Leave it out to leave
        the members alone.
    type: list
    elements: str
  position:
    description:
      - The group's place on the page's top level (groups and components in no group), from 1.
      - No request schema of the API description has it; the module sends it and fails when the answer
        shows it was not applied (reorder in the web interface then).
    type: int
  delete_members:
    description:
      - With O(state=absent), delete the group's members too, instead of keeping them in no group.
    type: bool
    default: false
notes:
  - Groups cannot be nested, and a component is in at most one group.
seealso:
  - module: community.statuspage.statuspage_component
  - module: community.statuspage.statuspage_component_info
'''

EXAMPLES = r'''
- name: A group of the EU region's components
  community.statuspage.statuspage_component_group:
    api_key: "{{ statuspage_api_key }}"
    page_id: acmecloud123
    name: Europe
    description: Frankfurt and Dublin
    components: [EU/Compute, EU/Storage, EU/Database]

- name: A new group needs its first component, so create the component first
  module_defaults:
    group/community.statuspage.statuspage:
      api_key: "{{ statuspage_api_key }}"
      page_id: acmecloud123
  block:
    - name: The component, in no group yet
      community.statuspage.statuspage_component:
        name: Slack
    - name: The group, with it
      community.statuspage.statuspage_component_group:
        name: Integrations
        components: [Slack, Platform/Webhooks]

- name: Delete a group; its members stay on the page, in no group
  community.statuspage.statuspage_component_group:
    page_id: acmecloud123
    name: Europe
    state: absent
'''

RETURN = r'''
group:
  description:
    - The group after the task (in check mode, as it would be; a group that would be created has no C(id)
      yet), with C(components) the ids of its members.
    - V(null) when the group is absent.
  returned: success
  type: dict
  sample:
    id: 6myciscsr0ww
    page_id: acmecloud123
    name: EU
    description: Frankfurt and Dublin
    group: true
    components: [lcrype1hzn91, g1299f5935or, yeqw4cw8q270]
    position: 2
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.community.statuspage.plugins.module_utils._components import (
    load_components,
    member_ids,
    read_access_holders,
)
from ansible_collections.community.statuspage.plugins.module_utils._module import (
    common_argument_spec,
    page_argument_spec,
    run_module,
)
from ansible_collections.community.statuspage.plugins.module_utils._module_component import (
    desired_group,
    find_target_group,
)
from ansible_collections.community.statuspage.plugins.module_utils._reconcile_component_group import (
    deletion_view,
    diff_view,
    ensure_component_group,
    plan_component_group,
    remove_component_group,
)


def remove(module, client, catalog, current):
    """Delete the group the task names; ``(changed, diff)``."""
    params = module.params
    members = [catalog.by_id[item_id] for item_id in member_ids(catalog, current['id'])] if current else []
    labels = [catalog.label(member['id']) for member in members]
    access = None
    if members and params['delete_members'] and (module._diff or module.check_mode):
        holders = read_access_holders(client, params['page_id'], [member['id'] for member in members])
        access = dict((catalog.label(item_id), found) for item_id, found in holders.items())
    changed = remove_component_group(client, params['page_id'], current, members, params['delete_members'],
                                     module.check_mode)
    after = deletion_view(labels, params['delete_members'], access) if current else {'state': 'absent'}
    return changed, {'before': diff_view(current, ['components'], labels), 'after': after}


def run(module, client):
    params = module.params
    catalog = load_components(client, params['page_id'])
    current = find_target_group(catalog, params)
    if params['state'] == 'absent':
        changed, diff = remove(module, client, catalog, current)
        result = {'changed': changed, 'group': None}
    else:
        desired, current_members = desired_group(catalog, params, current)
        plan = plan_component_group(current, desired, current_members)
        changed, after = ensure_component_group(client, params['page_id'], plan, module.check_mode)
        after = dict(after, components=list(plan.members))
        fields = sorted(desired)
        diff = {'before': diff_view(current, fields, [catalog.label(item_id) for item_id in current_members]),
                'after': diff_view(after, fields, ['%s/%s' % (after['name'], (catalog.by_id.get(item_id) or {}).get('name'))
                                                   for item_id in plan.members])}
        result = {'changed': changed, 'group': after}
    if module._diff:
        result['diff'] = diff
    return result


def main():
    argument_spec = common_argument_spec()
    argument_spec.update(page_argument_spec())
    argument_spec.update(
        name=dict(type='str'),
        group_id=dict(type='str'),
        state=dict(type='str', choices=['present', 'absent'], default='present'),
        description=dict(type='str'),
        components=dict(type='list', elements='str'),
        position=dict(type='int'),
        delete_members=dict(type='bool', default=False),
    )
    module = AnsibleModule(
        argument_spec=argument_spec,
        required_one_of=[('name', 'group_id')],
        supports_check_mode=True,
    )
    run_module(module, run)


if __name__ == '__main__':
    main()
