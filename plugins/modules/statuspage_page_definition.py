#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: statuspage_page_definition
short_description: Make a Statuspage page's profile, status embed config and component tree match a definition
version_added: 0.1.0
description:
  - Makes a page match one definition, usually kept in a file next to the customer list - its profile, its
    status embed config, and its component tree (component groups with their components, and components
    in no group).
  - Reads the page once (its profile and status embed config when the definition sets some of them, and
    one request per 100 components and groups), checks the whole definition against it and fails naming
    every problem before anything is written. Then writes only what differs, one request per change. A
    re-run with nothing to change sends those reads and no write.
  - Each component is planned and changed by the same code as M(community.statuspage.statuspage_component),
    each group as M(community.statuspage.statuspage_component_group), the settings as
    M(community.statuspage.statuspage_page) and M(community.statuspage.statuspage_status_embed_config).
  - Components and groups the definition does not name are left alone, unless O(prune=true) (see there for
    what the definition owns).
  - Deleting a component revokes it from every page access user and group. In diff or check mode, the task
    that deletes reads who may see each deleted component, and the diff shows it (one request per 100 page
    access groups, one per 100 page access users, and one per page access user).
  - With O(validate_only=true) it only reads and checks, and returns what it read as RV(snapshot); later
    tasks of the same run pass O(snapshot) and apply the definition a part at a time (O(part), O(only))
    without reading again. The role C(community.statuspage.page_definition) does so, printing progress.
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
      - The diff is keyed by C(profile), C(status_embed_config), C(group NAME) and C(component Group/Name),
        each in the shape the single-resource module's diff has. Only what changes is shown.
  idempotent:
    support: full
options:
  profile:
    description:
      - The page's profile fields to set, with the names and values of the options of
        M(community.statuspage.statuspage_page) (for example C(name), C(time_zone), C(css_greens),
        C(allow_sms_subscribers)). Only the fields given are compared.
    type: dict
  status_embed_config:
    description:
      - The status embed config's fields to set, as the options of M(community.statuspage.statuspage_status_embed_config)
        (C(position) and the four colours).
    type: dict
  components:
    description:
      - The component tree, top level in the page's order. An entry with C(group) is a component group with
        its C(components); an entry with C(name) is a component in no group.
      - Names are unique within a group and at the top level; a component is found by its name within its
        group (or among the components in no group), else by C(previously).
      - A key that is not one of those below fails the task before any request, naming the entry and the key.
    type: list
    elements: dict
    suboptions:
      group:
        description: The name of a component group (this makes the entry a group).
        type: str
      name:
        description: The name of a component in no group (this makes the entry a component).
        type: str
      description:
        description: The description of the group or component; V("") clears it.
        type: str
      components:
        description:
          - The group's components, in order, each with the keys of a component entry (C(name), C(description),
            C(status), C(showcase), C(only_show_if_degraded), C(start_date), C(previously), C(state)).
          - A present group needs at least one present component; groups cannot be nested.
          - A component found in another group is moved into this one.
        type: list
        elements: dict
      status:
        description:
          - A component's status. Usually left out - statuses belong to incidents - since a definition applied
            during an incident would set it back.
        type: str
        choices: [operational, under_maintenance, degraded_performance, partial_outage, major_outage]
      showcase:
        description: Whether the page shows the component's uptime.
        type: bool
      only_show_if_degraded:
        description: Whether the component is shown only while it is not operational.
        type: bool
      start_date:
        description: The date the component started being used (V(YYYY-MM-DD)).
        type: str
      previously:
        description:
          - What the group or component was called (or, for a component, C(Group/Name) or id) before a rename
            or a move; used only when nothing of the entry's name is found in its place.
        type: str
      state:
        description:
          - V(absent) deletes the group or component. Deleting a group keeps its members, in no group, unless
            they are named V(absent) too, or O(prune=true).
        type: str
        choices: [present, absent]
        default: present
  prune:
    description:
      - Also delete what the definition owns but does not name. It owns the groups it lists - a component in a
        listed group that no entry names is deleted, and so is such a member of a group marked absent.
      - Components in no group and groups the definition does not list are never deleted unless an entry
        names them with C(state=absent).
    type: bool
    default: false
  validate_only:
    description:
      - Only read the page and check the whole definition against it; write nothing. Returns RV(snapshot).
    type: bool
    default: false
  snapshot:
    description:
      - The RV(snapshot) of an earlier O(validate_only=true) task of the same run, read instead of the page.
        Changes made to the page in between by others are not seen, so pass it on within one run only.
    type: dict
  part:
    description:
      - Which part of the definition this task applies - V(settings) (profile and status embed config),
        V(components) (the tree's present entries, or those in O(only)), V(removals) (every deletion), or V(all).
      - Removals come last in V(all); the role applies the parts in that order.
    type: str
    choices: [all, settings, components, removals]
    default: all
  only:
    description:
      - With O(part=components), the names of the top-level entries (groups, and components in no group) to
        apply; the whole definition is still checked and planned, so moves between entries stay right.
    type: list
    elements: str
seealso:
  - module: community.statuspage.statuspage_component
  - module: community.statuspage.statuspage_component_group
  - module: community.statuspage.statuspage_page
'''

EXAMPLES = r'''
- name: Make the page match its definition
  community.statuspage.statuspage_page_definition:
    page_id: acmecloud123
    profile:
      name: Acme Cloud
      time_zone: Europe/Berlin
    status_embed_config:
      position: bottom-left
    components:
      - group: Platform
        components:
          - name: API
            description: The public REST API
          - name: Dashboard
      - group: Integrations
        components:
          - name: Webhooks
            previously: Platform/Webhooks
      - name: Status emails
  diff: true

- name: Check the whole definition once (what the page_definition role does)
  community.statuspage.statuspage_page_definition:
    page_id: acmecloud123
    components: "{{ page_components }}"
    validate_only: true
  register: page_check

- name: Then apply two top-level entries at a time, without reading again
  community.statuspage.statuspage_page_definition:
    page_id: acmecloud123
    components: "{{ page_components }}"
    snapshot: "{{ page_check.snapshot }}"
    part: components
    only: "{{ item }}"
  loop: "{{ page_check.entries | batch(2) | list }}"
'''

RETURN = r'''
plan:
  description: What is (or in check mode would be) done - each changing object's C(kind), C(name), C(id) and C(action).
  returned: unless O(validate_only=true)
  type: list
  elements: dict
  sample:
    - {kind: group, name: Integrations, id: null, action: create, pruned: false}
    - {kind: component, name: Platform/Legacy, id: d59ujm7rjqit, action: delete, pruned: true}
summary:
  description: How many components and groups are (or would be) created, updated, deleted or left alone.
  returned: success
  type: dict
  sample: {settings_changed: 1, components_created: 1, components_updated: 0, components_deleted: 0,
           components_unchanged: 9, components_pruned: 0, groups_created: 1, groups_updated: 0,
           groups_deleted: 0, groups_unchanged: 3}
entries:
  description:
    - The names of the tree's present top-level entries (groups, and components in no group), in order; the values
      O(only) takes. Entries marked absent are deleted by O(part=removals).
  returned: when O(validate_only=true)
  type: list
  elements: str
  sample: [Platform, Integrations, Status emails]
removals:
  description: How many deletions the definition plans (what a O(part=removals) task would do).
  returned: when O(validate_only=true)
  type: int
  sample: 0
snapshot:
  description: What was read, for O(snapshot) of later tasks of the same run.
  returned: when O(validate_only=true)
  type: dict
  contains:
    page:
      description: The page, when the definition sets some of its profile.
      type: dict
    status_embed_config:
      description: The status embed config, when the definition sets some of it.
      type: dict
    components:
      description: The page's components and groups, when the definition has a component tree.
      type: list
      elements: dict
api_requests:
  description: The requests this task sent to Statuspage, in all and by HTTP method.
  returned: success
  type: dict
  sample: {total: 3, GET: 3}
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.community.statuspage.plugins.module_utils._module import (
    api_requests,
    common_argument_spec,
    page_argument_spec,
    run_module,
)
from ansible_collections.community.statuspage.plugins.module_utils._page_definition_apply import (
    PARTS,
    apply_plan,
    read_access,
    select,
)
from ansible_collections.community.statuspage.plugins.module_utils._page_definition_input import checked_definition
from ansible_collections.community.statuspage.plugins.module_utils._page_definition_page import DefinitionPage
from ansible_collections.community.statuspage.plugins.module_utils._page_definition_plan import KEEP, plan_definition
from ansible_collections.community.statuspage.plugins.module_utils._page_definition_report import (
    count_changes,
    definition_diff,
    plan_result,
)


def run(module, client):
    params = module.params
    page_id = params['page_id']
    definition = checked_definition(params['profile'], params['status_embed_config'], params['components'],
                                    params['prune'])
    page = DefinitionPage(client, page_id, definition, params['snapshot'])
    plan = plan_definition(definition, page.page, page.embed_config, page.catalog)
    if params['validate_only']:
        return {'changed': False, 'snapshot': page.snapshot(), 'summary': count_changes(plan.all_changes()),
                'entries': [name for name, dummy in plan.units], 'removals': len(plan.removals),
                'api_requests': api_requests(client)}
    selected = select(plan, params['part'], params['only'])
    if module._diff or module.check_mode:
        read_access(client, page_id, selected.removals)
    apply_plan(client, page_id, selected, module.check_mode)
    changes = selected.all_changes()
    changing = [change for change in changes if change.action != KEEP]
    result = {'changed': bool(changing), 'plan': plan_result(changing), 'summary': count_changes(changes),
              'api_requests': api_requests(client)}
    if module._diff:
        result['diff'] = definition_diff(changing, page.catalog)
    return result


def main():
    argument_spec = common_argument_spec()
    argument_spec.update(page_argument_spec())
    argument_spec.update(
        # Each dictionary is checked by checked_definition (one line per bad key, naming the entry),
        # against the options DOCUMENTATION describes.
        profile=dict(type='dict'),
        status_embed_config=dict(type='dict'),
        components=dict(type='list', elements='dict'),
        prune=dict(type='bool', default=False),
        validate_only=dict(type='bool', default=False),
        snapshot=dict(type='dict'),
        part=dict(type='str', choices=list(PARTS), default='all'),
        only=dict(type='list', elements='str'),
    )
    module = AnsibleModule(argument_spec=argument_spec, supports_check_mode=True)
    run_module(module, run)


if __name__ == '__main__':
    main()
