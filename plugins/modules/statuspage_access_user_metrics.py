#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: statuspage_access_user_metrics
short_description: Choose the metrics one page access user of an audience-specific page may see
version_added: 0.1.0
description:
  - Grants or revokes system metrics for one existing page access user of an audience-specific
    Statuspage page, or makes the user's set of metrics exactly the listed one.
  - The user must exist; this module does not create users (use
    M(community.statuspage.statuspage_access_user) for that).
  - Metrics are named by id or by name. Unknown or ambiguous names fail the task before anything is
    written, each listed with what would be valid.
  - "Request cost: one request to find the user by id, or by e-mail when the API's e-mail filter
    finds it (when it finds nobody, the address is looked for in every case, as
    M(community.statuspage.statuspage_access_user) says, before the task fails); one per 100 metrics
    the user has (none where the user object carries C(metric_ids), but then one per 100 metrics of the
    page, to name them); and one per 100 metrics of the page only when a name (or an id the user does
    not have yet) is listed. A change adds exactly one write; nothing to change writes nothing.
    A page that refuses the page access endpoints (one that is not audience-specific may) fails
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
      - The diff lists the names of the user's metrics before and after.
  idempotent:
    support: full
options:
  email:
    description:
      - E-mail address of the page access user, compared case-insensitively.
      - One of O(email) and O(user_id) is required. With both, they must name the same user.
    type: str
  user_id:
    description:
      - Id of the page access user.
    type: str
  metrics:
    description:
      - The metrics to grant, revoke, or (with O(exclusive=true)) to make the exact set, by id or name.
      - With O(exclusive=true), an empty list revokes every metric of the user. This is the only way
        this module revokes everything, and it does so on purpose (one DELETE naming every metric the
        user has).
    type: list
    elements: str
    required: true
  state:
    description:
      - V(present) grants the listed metrics (the user keeps the others, unless O(exclusive=true)).
      - V(absent) revokes the listed metrics that the user has; those the user does not have are ignored.
    type: str
    choices: [present, absent]
    default: present
  exclusive:
    description:
      - With O(state=present), make the user's metrics exactly O(metrics), revoking the others, in one request.
      - Not allowed with O(state=absent).
    type: bool
    default: false
notes:
  - Statuspage applies page access users only on pages it has switched to audience-specific.
  - A C(DELETE) without metric ids would make Statuspage revoke all of them; this module never sends
    one. Revoking everything happens only with O(exclusive=true) and O(metrics=[]).
seealso:
  - module: community.statuspage.statuspage_access_user_components
  - module: community.statuspage.statuspage_metric_info
'''

EXAMPLES = r'''
- name: Show the customer the latency graph
  community.statuspage.statuspage_access_user_metrics:
    api_key: "{{ statuspage_api_key }}"
    page_id: acmecloud123
    email: ops@customer.example
    metrics: [API Latency]

- name: Exactly uptime and error rate
  community.statuspage.statuspage_access_user_metrics:
    api_key: "{{ statuspage_api_key }}"
    page_id: acmecloud123
    email: ops@customer.example
    metrics: [Uptime, Error Rate]
    exclusive: true

- name: Hide the error rate
  community.statuspage.statuspage_access_user_metrics:
    api_key: "{{ statuspage_api_key }}"
    page_id: acmecloud123
    user_id: w2rh9cd6r5lx
    metrics: [Error Rate]
    state: absent
'''

RETURN = r'''
user:
  description: The page access user, as the API returns it.
  returned: success
  type: dict
  sample:
    id: w2rh9cd6r5lx
    email: ops@customer.example
    page_access_group_ids: []
metrics:
  description: The user's metrics after the task (in check mode, as they would be), sorted by name.
  returned: success
  type: list
  elements: dict
  contains:
    id:
      description: The metric id.
      type: str
    name:
      description: The metric name.
      type: str
  sample:
    - {id: grdk5uo2yv22, name: API Latency}
added:
  description: The metrics the task granted (or would grant), in the same shape as RV(metrics).
  returned: success
  type: list
  elements: dict
  sample:
    - {id: grdk5uo2yv22, name: API Latency}
removed:
  description: The metrics the task revoked (or would revoke), in the same shape as RV(metrics).
  returned: success
  type: list
  elements: dict
  sample: []
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.community.statuspage.plugins.module_utils._member_kinds import METRIC
from ansible_collections.community.statuspage.plugins.module_utils._module_user_grants import module_kwargs, run_for


def main():
    module = AnsibleModule(**module_kwargs(METRIC))
    run_for(module, METRIC)


if __name__ == '__main__':
    main()
