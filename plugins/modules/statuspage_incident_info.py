#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: statuspage_incident_info
short_description: List the incidents and scheduled maintenances of a Statuspage page
version_added: 0.1.0
description:
  - Lists a page's unresolved incidents, upcoming maintenances and active maintenances, or the
    incidents and maintenances of one name, or one by id, with their updates and their components
    by name and status.
  - Changes nothing. Finding nothing is not an error; the list is then empty.
  - "Request cost: one request per 100 events of each list in O(lists); with O(name), one request
    instead (the 100 newest incidents and maintenances whose text contains the name); with O(id),
    one request. One more per 100 components of the page when any event found has components
    (for their group names)."
author:
  - community.statuspage contributors (!UNKNOWN)
extends_documentation_fragment:
  - community.statuspage.statuspage
  - community.statuspage.statuspage.PAGE
  - community.statuspage.attributes
  - community.statuspage.attributes.ACTIONGROUP_STATUSPAGE
  - community.statuspage.attributes.INFO_MODULE
options:
  lists:
    description:
      - Which events to list, when neither O(name) nor O(id) is set. V(unresolved) are realtime
        incidents not resolved yet; V(upcoming) maintenances that have not started; V(active)
        maintenances in progress or verifying.
    type: list
    elements: str
    choices: [unresolved, upcoming, active]
    default: [unresolved, upcoming, active]
  name:
    description:
      - Only the incidents and maintenances of exactly this name, whatever their status (resolved
        and completed ones included, newest first).
    type: str
  id:
    description: Only the incident or maintenance with this id.
    type: str
seealso:
  - module: community.statuspage.statuspage_incident
  - module: community.statuspage.statuspage_maintenance
'''

EXAMPLES = r'''
- name: What is going on right now
  community.statuspage.statuspage_incident_info:
    page_id: kctbh9vrtdwd
  register: events

- name: Show the open incidents by name
  ansible.builtin.debug:
    msg: "{{ events.incidents | selectattr('kind', 'equalto', 'incident') | map(attribute='name') | list }}"

- name: A maintenance window and its history
  community.statuspage.statuspage_incident_info:
    page_id: kctbh9vrtdwd
    name: Database upgrade
'''

RETURN = r'''
incidents:
  description:
    - The events found, each as the API returns it, with C(kind) (V(incident) or V(maintenance))
      and each of its C(components) as C(id), C(name), C(group) (the group's name), C(group_id)
      and C(status). In the order of O(lists), each list in the API's order.
  returned: success
  type: list
  elements: dict
  sample:
    - id: 2c9n5h4d7k1q
      kind: maintenance
      name: Database upgrade
      status: in_progress
      components: [{id: yeqw4cw8q270, name: Database, group: EU, group_id: 6myciscsr0ww, status: under_maintenance}]
      incident_updates: [{status: in_progress, body: The upgrade has started.}]
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.community.statuspage.plugins.module_utils._events import (
    get_event,
    kind_of,
    list_active_maintenances,
    list_unresolved,
    list_upcoming,
    named,
    search_events,
)
from ansible_collections.community.statuspage.plugins.module_utils._member_kinds import COMPONENT
from ansible_collections.community.statuspage.plugins.module_utils._module import (
    common_argument_spec,
    page_argument_spec,
    run_module,
)

LISTS = (('unresolved', list_unresolved), ('upcoming', list_upcoming), ('active', list_active_maintenances))


def describe(event, catalog):
    described = dict(event, kind=kind_of(event))
    described['components'] = [
        dict(catalog.describe(component['id']) if catalog else {}, id=component['id'], name=component.get('name'),
             status=component.get('status'))
        for component in event.get('components') or []]
    return described


def run(module, client):
    params = module.params
    page_id = params['page_id']
    if params['id']:
        event = get_event(client, page_id, params['id'])
        events = [event] if event else []
    elif params['name'] is not None:
        events = named(search_events(client, page_id, params['name']), params['name'])
    else:
        readers = dict(LISTS)
        events = []
        for which in dict.fromkeys(params['lists']):
            events.extend(readers[which](client, page_id))
    catalog = COMPONENT.load(client, page_id) if any(event.get('components') for event in events) else None
    return {'changed': False, 'incidents': [describe(event, catalog) for event in events]}


def main():
    argument_spec = common_argument_spec()
    argument_spec.update(page_argument_spec())
    argument_spec.update(
        lists=dict(type='list', elements='str', choices=[which for which, _reader in LISTS],
                   default=[which for which, _reader in LISTS]),
        name=dict(type='str'),
        id=dict(type='str'),
    )
    module = AnsibleModule(argument_spec=argument_spec, mutually_exclusive=[('name', 'id')], supports_check_mode=True)
    run_module(module, run)


if __name__ == '__main__':
    main()
