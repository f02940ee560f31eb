#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: statuspage_incident
short_description: Open, update and resolve a realtime incident on a Statuspage page
version_added: 0.1.0
description:
  - Ensures a realtime incident has the status, message and component statuses you give, opening
    it when there is no open incident of that name.
  - The incident is found by O(incident_id), or else by its exact O(name) among the page's
    unresolved incidents (two of that name fail the task; use O(incident_id)). A resolved incident
    is never found by name, so a task with O(status=resolved) and no open incident of that name
    changes nothing, and one with another status opens a new incident.
  - Re-running a task changes nothing and posts nothing. An update (the message subscribers see)
    is posted only when O(body) is a text no update of the incident has yet, or when the status or
    a component's status changes; a new O(body) with the same status posts one update.
  - It may be opened from an incident template (O(template)), which gives what the task leaves out.
  - Every problem of the task (an unknown component or template, a status that is not one) is
    reported at once, before anything is written.
  - "Request cost: one request per 100 unresolved incidents to find the incident by name (one GET
    by O(incident_id)); one per 100 components of the page when O(components) is set, or in diff
    mode when the incident has components; one per 100 templates when a new incident is opened
    from O(template) (or O(name) is left to the template). A change costs one more request. A
    re-run with nothing to change costs 2 requests with O(components), 1 without."
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
      - The name of the incident (at most 255 characters), as subscribers see it.
      - With O(incident_id), the incident is renamed to this if it differs.
      - Without it, the template's title (O(template)).
    type: str
  incident_id:
    description:
      - The id of an existing incident (one request to read it); a resolved one may be reopened
        this way. An id that is a scheduled maintenance fails the task.
    type: str
  template:
    description:
      - The name or id of an incident template of the page. Used only when a new incident is
        opened. Its title is then the incident's name, its body, status and components are used where
        the task gives none, and its C(should_send_notifications) is O(deliver_notifications)
        when the task does not set that.
      - A template whose status is a maintenance's fails the task.
    type: str
  status:
    description:
      - The incident's status. Not set means left as it is, and V(investigating) for a new
        incident (Statuspage's default).
      - Resolving an incident changes no component's status; list them in O(components) with
        V(operational) to put them back.
    type: str
    choices: [investigating, identified, monitoring, resolved]
  impact_override:
    description: The impact shown instead of the one Statuspage works out from the components.
    type: str
    choices: [none, minor, major, critical]
  components:
    description:
      - The components the incident affects, each by name, C(Group/Name) or id, with the status it
        should show. They are added to the incident's components; components not listed stay as
        they are.
      - A component whose status already matches is not sent.
    type: list
    elements: dict
    suboptions:
      name:
        description: The component's name, C(Group/Name) or id. A component group cannot be listed.
        type: str
        required: true
      status:
        description:
          - One of V(operational), V(under_maintenance), V(degraded_performance),
            V(partial_outage), V(major_outage).
          - Not set means the component is listed as affected and its status is left as it is.
        type: str
  deliver_notifications:
    description:
      - Whether the update this change posts is e-mailed and texted to the page's subscribers.
      - Not set means true, the API's default (C(deliver_notifications) "default true" in
        Statuspage's OpenAPI description), or the template's choice for an incident opened from
        O(template). It is sent only with a change that posts an update.
    type: bool
notes:
  - On an audience-specific page, each subscriber sees the incident only if it can see one of its
    components.
seealso:
  - module: community.statuspage.statuspage_maintenance
  - module: community.statuspage.statuspage_incident_info
'''

EXAMPLES = r'''
- name: Open an incident for slow API responses
  community.statuspage.statuspage_incident:
    page_id: kctbh9vrtdwd
    name: Slow API responses
    status: investigating
    body: We are looking into slow responses of the API.
    components:
      - name: API
        status: degraded_performance

- name: Post what was found (one update; a re-run posts nothing)
  community.statuspage.statuspage_incident:
    page_id: kctbh9vrtdwd
    name: Slow API responses
    status: identified
    body: A database index was missing; it is being rebuilt.

- name: Resolve it and put the API back to operational
  community.statuspage.statuspage_incident:
    page_id: kctbh9vrtdwd
    name: Slow API responses
    status: resolved
    body: Response times are back to normal.
    components:
      - name: API
        status: operational

- name: Open an incident from a template, telling nobody yet
  community.statuspage.statuspage_incident:
    page_id: kctbh9vrtdwd
    template: Degraded performance
    deliver_notifications: false
'''

RETURN = r'''
incident:
  description:
    - The incident after the task as the API returns it (in check mode, as it would be; a new one
      has no C(id)). Its C(components) are the Component objects with their statuses.
    - V(null) when there is no open incident of that name and O(status=resolved).
  returned: success
  type: dict
  sample:
    id: 8rx3vm0kq2hd
    name: Slow API responses
    status: identified
    impact: minor
    components: [{id: d59ujm7rjqit, name: API, status: degraded_performance, group_id: vrte2xj10a6a}]
    incident_updates: [{id: 3k2d9s8f7g6h, status: identified, body: A database index was missing.}]
update_posted:
  description: Whether the task posted an update (in check mode, whether it would).
  returned: success
  type: bool
notified:
  description: Whether the update posted was sent to subscribers (in check mode, whether it would be).
  returned: success
  type: bool
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.community.statuspage.plugins.module_utils._events import (
    INCIDENT_STATUSES,
    RESOLVED,
    find_incident,
    find_template,
    list_templates,
    list_unresolved,
    named,
)
from ansible_collections.community.statuspage.plugins.module_utils._member_kinds import COMPONENT
from ansible_collections.community.statuspage.plugins.module_utils._module import (
    common_argument_spec,
    page_argument_spec,
    run_module,
)
from ansible_collections.community.statuspage.plugins.module_utils._module_events import (
    COMPONENT_ENTRY_OPTIONS,
    apply_event,
    desired_event,
    no_event,
    optional_fields,
    raise_problems,
    read_components,
    status_problems,
)


def read_template(client, page_id, reference, problems):
    template, problem = find_template(list_templates(client, page_id), reference)
    if problem:
        problems.append(problem)
    elif template.get('update_status') not in (None,) + INCIDENT_STATUSES:
        problems.append('template: %r has the status %r, which is a maintenance\'s; a realtime incident takes %s' % (
            reference, template.get('update_status'), ', '.join(INCIDENT_STATUSES)))
        template = None
    return template


def from_template(desired, template, params):
    """What a new incident takes from its template where the task gives nothing."""
    desired.setdefault('name', template.get('title'))
    if not params['body'] and template.get('body'):
        desired['body'] = template['body']
    if not params['status'] and template.get('update_status'):
        desired['status'] = template['update_status']
    for component in template.get('components') or []:
        if component.get('id') not in desired['component_ids']:
            desired['component_ids'].append(component.get('id'))
    if params['deliver_notifications'] is None and template.get('should_send_notifications') is not None:
        desired['deliver_notifications'] = template['should_send_notifications']


def run(module, client):
    params = module.params
    page_id, name = params['page_id'], params['name']
    problems = status_problems(params['components'], params=params)
    template = None
    if params['template'] and not name and not params['incident_id']:
        template = read_template(client, page_id, params['template'], problems)
        name = (template or {}).get('title')
    current = find_incident(client, page_id, name, params['incident_id']) if name or params['incident_id'] else None
    statuses, catalog, unknown = read_components(client, page_id, params['components'], current, module._diff)
    problems += unknown
    if current is None and params['status'] == RESOLVED:
        raise_problems(problems)
        return no_event(module, 'incident')
    if current is None and params['template'] and template is None and name:
        template = read_template(client, page_id, params['template'], problems)
    raise_problems(problems)
    desired = desired_event(params, statuses)
    if params['status']:
        desired['status'] = params['status']
    if current is None:
        if template is not None:
            from_template(desired, template, params)
            if template.get('components') and catalog is None:
                catalog = COMPONENT.load(client, page_id)
        desired.setdefault('name', name)
        desired.setdefault('status', 'investigating')
    return apply_event(module, client, 'incident', current, desired, catalog,
                       lambda: named(list_unresolved(client, page_id), desired['name']), 'investigating',
                       optional_fields(params))


def main():
    argument_spec = common_argument_spec()
    argument_spec.update(page_argument_spec())
    argument_spec.update(
        name=dict(type='str'),
        incident_id=dict(type='str'),
        template=dict(type='str'),
        status=dict(type='str', choices=list(INCIDENT_STATUSES)),
        body=dict(type='str'),
        impact_override=dict(type='str', choices=['none', 'minor', 'major', 'critical']),
        components=dict(type='list', elements='dict', options=COMPONENT_ENTRY_OPTIONS),
        metadata=dict(type='dict'),
        deliver_notifications=dict(type='bool'),
    )
    module = AnsibleModule(argument_spec=argument_spec, required_one_of=[('name', 'incident_id', 'template')],
                           supports_check_mode=True)
    run_module(module, run)


if __name__ == '__main__':
    main()
