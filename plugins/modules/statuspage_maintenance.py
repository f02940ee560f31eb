#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: statuspage_maintenance
short_description: Schedule, start, complete or delete a scheduled maintenance on a Statuspage page
version_added: 0.1.0
description:
  - Ensures a scheduled maintenance (a maintenance window) is scheduled, in progress, completed
    or absent, with the components it affects and the status each shows during the window.
  - The maintenance is found by O(maintenance_id), or else by its exact O(name) among the page's
    maintenances. One that is not completed is it (two of that name fail the task; use
    O(maintenance_id)). A completed one is it only when O(scheduled_for) and O(scheduled_until) are
    its own, or when O(state=completed). Otherwise a new maintenance is created.
  - Re-running a task with the same name and schedule changes nothing and posts nothing. An update
    (the message subscribers see) is posted only when O(body) is a text no update of the
    maintenance has yet, or when the status or a component's status changes.
  - A maintenance is never moved back. A task asking for V(scheduled) while the window is already
    in progress or completed (Statuspage moves it on its own with O(scheduled_auto_in_progress) and
    O(scheduled_auto_completed)) changes nothing. One asking to start a completed maintenance
    changes nothing and warns.
  - Every problem of the task (a time without an offset, an end before the start, an unknown
    component, a status that is not one) is reported at once, before anything is written.
  - "Request cost: one request to find a maintenance by name (C(GET .../incidents?q=<name>)),
    two more when that finds none of that name (the lists of upcoming and active maintenances,
    read before creating, because a maintenance created twice is announced twice). One request
    per 100 components of the page when O(components) is set, or in diff mode when the
    maintenance has components. A change costs one more request. A re-run with nothing to change
    therefore costs 2 requests with O(components), 1 without."
author:
  - community.statuspage contributors (!UNKNOWN)
extends_documentation_fragment:
  - community.statuspage.statuspage
  - community.statuspage.statuspage.PAGE
  - community.statuspage.attributes
  - community.statuspage.attributes.ACTIONGROUP_STATUSPAGE
  - community.statuspage.events
options:
  name:
    description:
      - The name of the maintenance (at most 255 characters), as subscribers see it.
      - With O(maintenance_id), the maintenance is renamed to this if it differs.
      - One of O(name) and O(maintenance_id) is required.
    type: str
  maintenance_id:
    description:
      - The id of an existing maintenance (one request to read it). An id that is a realtime
        incident fails the task.
    type: str
  state:
    description:
      - V(scheduled) creates the maintenance (or updates it) without starting it.
      - V(in_progress) starts it (creating it started when there is none), and sets its
        O(components) to their statuses for the window.
      - V(completed) completes it. When there is no maintenance of that name to complete, nothing
        changes and the task warns.
      - V(absent) deletes it. Deleting notifies nobody and changes no component's status.
    type: str
    choices: [scheduled, in_progress, completed, absent]
    default: scheduled
  scheduled_for:
    description:
      - When the window starts, as an ISO 8601 timestamp with a UTC offset, for example
        V(2030-03-01T02:00:00+01:00) or V(2030-03-01T01:00:00Z). A time without an offset is refused.
      - Required to create a maintenance. Statuspage stores the instant in UTC and answers it with
        milliseconds and C(Z); times are compared as instants, so V(2030-03-01T02:00:00+01:00) and
        V(2030-03-01T01:00:00.000Z) are the same.
    type: str
  scheduled_until:
    description:
      - When the window ends, in the same form as O(scheduled_for); it must be after it.
      - Required to create a maintenance.
    type: str
  components:
    description:
      - The components the maintenance affects, each by name, C(Group/Name) or id, with the status it
        shows during the window. They are added to the maintenance's components; components not
        listed stay as they are.
      - The statuses are set only while the maintenance is in progress (or verifying), never
        before it starts, and a component whose status already matches is not sent.
    type: list
    elements: dict
    suboptions:
      name:
        description: The component's name, C(Group/Name) or id. A component group cannot be listed.
        type: str
        required: true
      status:
        description:
          - The status during the window, one of V(operational), V(under_maintenance),
            V(degraded_performance), V(partial_outage), V(major_outage).
          - Defaults to V(under_maintenance).
        type: str
  auto_transition_to_maintenance_state:
    description:
      - Whether the maintenance's components go V(under_maintenance) when it starts. When this
        task starts it, the module sends those statuses with the start itself.
      - Not set means left as it is (Statuspage's default for a new one is V(false)).
    type: bool
  auto_transition_to_operational_state:
    description:
      - Whether the maintenance's components go back to V(operational) when it completes. When this
        task completes it, the module sends those statuses with the completion itself.
      - Not set means left as it is (Statuspage's default for a new one is V(false)).
    type: bool
  scheduled_auto_in_progress:
    description: Whether Statuspage starts the maintenance on its own at O(scheduled_for).
    type: bool
  scheduled_auto_completed:
    description: Whether Statuspage completes the maintenance on its own at O(scheduled_until).
    type: bool
  auto_transition_deliver_notifications_at_start:
    description: Whether subscribers are notified when Statuspage starts the maintenance on its own.
    type: bool
  auto_transition_deliver_notifications_at_end:
    description: Whether subscribers are notified when Statuspage completes the maintenance on its own.
    type: bool
  scheduled_remind_prior:
    description: Whether subscribers get a reminder before the maintenance starts (one hour before).
    type: bool
  deliver_notifications:
    description:
      - Whether the update this change posts is e-mailed and texted to the page's subscribers.
      - The default is the API's (C(deliver_notifications) "default true" in Statuspage's OpenAPI
        description). It is sent only with a change that posts an update.
    type: bool
    default: true
notes:
  - On an audience-specific page, each subscriber sees the maintenance only if it can see one of
    its components.
  - The role C(community.statuspage.maintenance_window) opens a window for a deploy and completes
    it, also when the deploy fails.
seealso:
  - module: community.statuspage.statuspage_incident
  - module: community.statuspage.statuspage_incident_info
'''

EXAMPLES = r'''
- name: Announce a database upgrade for next Sunday night
  community.statuspage.statuspage_maintenance:
    page_id: kctbh9vrtdwd
    name: Database upgrade
    body: We will upgrade the EU database; writes may be slow.
    scheduled_for: "2030-03-03T02:00:00+01:00"
    scheduled_until: "2030-03-03T04:00:00+01:00"
    components:
      - name: EU/Database
    scheduled_remind_prior: true

- name: Start it now, the database showing degraded performance during the window
  community.statuspage.statuspage_maintenance:
    page_id: kctbh9vrtdwd
    name: Database upgrade
    state: in_progress
    body: The upgrade has started.
    components:
      - name: EU/Database
        status: degraded_performance

- name: Complete it and put its components back to operational
  community.statuspage.statuspage_maintenance:
    page_id: kctbh9vrtdwd
    name: Database upgrade
    state: completed
    body: The upgrade is done.
    auto_transition_to_operational_state: true
'''

RETURN = r'''
maintenance:
  description:
    - The maintenance after the task as the API returns it (in check mode, as it would be; a new
      one has no C(id)). Its C(components) are the Component objects with their statuses.
    - V(null) when it is absent.
  returned: success
  type: dict
  sample:
    id: 2c9n5h4d7k1q
    name: Database upgrade
    status: scheduled
    impact: maintenance
    scheduled_for: "2030-03-03T01:00:00.000Z"
    scheduled_until: "2030-03-03T03:00:00.000Z"
    components: [{id: yeqw4cw8q270, name: Database, status: operational, group_id: 6myciscsr0ww}]
    incident_updates: [{id: 7w3sd0t9kq2m, status: scheduled, body: We will upgrade the EU database.}]
update_posted:
  description: Whether the task posted an update (in check mode, whether it would).
  returned: success
  type: bool
notified:
  description:
    - Whether the update posted was sent to subscribers (in check mode, whether it would be).
  returned: success
  type: bool
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.community.statuspage.plugins.module_utils._component_status import UNDER_MAINTENANCE
from ansible_collections.community.statuspage.plugins.module_utils._errors import InputError
from ansible_collections.community.statuspage.plugins.module_utils._events import (
    COMPLETED,
    find_maintenance,
    open_maintenances_named,
)
from ansible_collections.community.statuspage.plugins.module_utils._module import (
    common_argument_spec,
    page_argument_spec,
    run_module,
)
from ansible_collections.community.statuspage.plugins.module_utils._module_events import (
    COMPONENT_ENTRY_OPTIONS,
    apply_event,
    component_label,
    desired_event,
    no_event,
    optional_fields,
    raise_problems,
    read_components,
    status_problems,
    time_problems,
)
from ansible_collections.community.statuspage.plugins.module_utils._reconcile_event import (
    SWITCHES,
    diff_view,
    remove_event,
)


def run(module, client):
    params = module.params
    page_id, state, name = params['page_id'], params['state'], params['name']
    problems = time_problems(params) + status_problems(params['components'], UNDER_MAINTENANCE, params)
    schedule = None if problems else (params['scheduled_for'], params['scheduled_until'])
    current = find_maintenance(client, page_id, name, params['maintenance_id'], schedule,
                               completed_ok=state == COMPLETED)
    if not problems and current is not None:
        problems = time_problems(params, current)
    statuses, catalog, unknown = read_components(client, page_id, params['components'], current, module._diff)
    raise_problems(problems + unknown)
    if state == 'absent':
        changed = remove_event(client, page_id, current, module.check_mode)
        result = {'changed': changed, 'maintenance': None if changed else current,
                  'update_posted': False, 'notified': False}
        if module._diff:
            label = component_label(catalog)
            result['diff'] = {'before': diff_view(current, [], label), 'after': diff_view(result['maintenance'], [], label)}
        return result
    if current is None and state == COMPLETED:
        module.warn('no maintenance named %r that could be completed on page %s: nothing was changed' % (name, page_id))
        return no_event(module, 'maintenance')
    if current is None and not (params['scheduled_for'] and params['scheduled_until']):
        raise InputError('no maintenance named %r on page %s, and creating one needs scheduled_for and '
                         'scheduled_until' % (name, page_id))
    desired = dict(desired_event(params, statuses, UNDER_MAINTENANCE), status=state)
    return apply_event(module, client, 'maintenance', current, desired, catalog,
                       lambda: open_maintenances_named(client, page_id, name), 'scheduled', optional_fields(params))


def main():
    argument_spec = common_argument_spec()
    argument_spec.update(page_argument_spec())
    argument_spec.update(
        name=dict(type='str'),
        maintenance_id=dict(type='str'),
        state=dict(type='str', choices=['scheduled', 'in_progress', 'completed', 'absent'], default='scheduled'),
        body=dict(type='str'),
        scheduled_for=dict(type='str'),
        scheduled_until=dict(type='str'),
        components=dict(type='list', elements='dict', options=COMPONENT_ENTRY_OPTIONS),
        metadata=dict(type='dict'),
        deliver_notifications=dict(type='bool', default=True),
    )
    argument_spec.update((switch, dict(type='bool')) for switch in SWITCHES)
    module = AnsibleModule(argument_spec=argument_spec, required_one_of=[('name', 'maintenance_id')],
                           supports_check_mode=True)
    run_module(module, run)


if __name__ == '__main__':
    main()
