#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: statuspage_metric_info
short_description: Read the system metrics of a Statuspage page
version_added: 0.1.0
description:
  - Returns the metrics of a page, in the order the API lists them.
  - O(name) finds metrics exactly as M(community.statuspage.statuspage_access_user_metrics) resolves a
    metric reference (an id or a name), so a name that works here works there; a name shared by several
    metrics returns all of them.
  - Never changes anything. Returns an empty list, not an error, when nothing matches.
  - Costs one request per 100 metrics of the page.
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
      - Only the metrics this reference means, which is a metric id or name.
    type: str
seealso:
  - module: community.statuspage.statuspage_access_user_metrics
'''

EXAMPLES = r'''
- name: Every metric of the page
  community.statuspage.statuspage_metric_info:
    api_key: "{{ statuspage_api_key }}"
    page_id: acmecloud123
  register: page_metrics

- name: The id of the uptime metric
  community.statuspage.statuspage_metric_info:
    api_key: "{{ statuspage_api_key }}"
    page_id: acmecloud123
    name: Uptime
  register: uptime
'''

RETURN = r'''
metrics:
  description: The matching metrics, as the API returns them.
  returned: success
  type: list
  elements: dict
  sample:
    - id: m8kuwzknykw3
      name: Uptime
      metric_identifier: platform.uptime
      suffix: "%"
      decimal_places: 3
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.community.statuspage.plugins.module_utils._member_kinds import METRIC
from ansible_collections.community.statuspage.plugins.module_utils._module import (
    common_argument_spec,
    page_argument_spec,
    run_module,
)


def select_metrics(catalog, name=None):
    named = set(catalog.matches(name)) if name is not None else None
    return [item for item in catalog.items if named is None or item['id'] in named]


def run(module, client):
    catalog = METRIC.load(client, module.params['page_id'])
    return {'changed': False, 'metrics': select_metrics(catalog, module.params['name'])}


def main():
    argument_spec = common_argument_spec()
    argument_spec.update(page_argument_spec())
    argument_spec.update(name=dict(type='str'))
    module = AnsibleModule(argument_spec=argument_spec, supports_check_mode=True)
    run_module(module, run)


if __name__ == '__main__':
    main()
