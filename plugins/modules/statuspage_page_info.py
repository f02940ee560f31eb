#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: statuspage_page_info
short_description: Read Statuspage pages
version_added: 0.1.0
description:
  - Returns the pages the API key can see, or the one page named by id or exact name.
  - Never changes anything. Returns an empty list, not an error, when no page matches.
  - Costs one request, plus one per returned page with O(include_status_embed_config=true).
author:
  - community.statuspage contributors (!UNKNOWN)
extends_documentation_fragment:
  - community.statuspage.statuspage
  - community.statuspage.attributes
  - community.statuspage.attributes.INFO_MODULE
  - community.statuspage.attributes.ACTIONGROUP_STATUSPAGE
options:
  page_id:
    description:
      - Only the page with this id.
      - Unlike other modules, this one does not read E(STATUSPAGE_PAGE_ID), so that it can list every page.
    type: str
  page_name:
    description:
      - Only pages with exactly this name.
    type: str
  include_status_embed_config:
    description:
      - Also read each returned page's status embed config (position and colours of the embed
        iframe) into RV(pages[].status_embed_config).
      - Costs one extra request per returned page.
    type: bool
    default: false
seealso:
  - module: community.statuspage.statuspage_page
  - module: community.statuspage.statuspage_status_embed_config
'''

EXAMPLES = r'''
- name: List every page the API key can see
  community.statuspage.statuspage_page_info:
    api_key: "{{ statuspage_api_key }}"
  register: all_pages

- name: Find a page's id by its name
  community.statuspage.statuspage_page_info:
    api_key: "{{ statuspage_api_key }}"
    page_name: Acme Cloud
  register: acme

- name: Use it
  ansible.builtin.debug:
    msg: "Acme Cloud is page {{ acme.pages[0].id }}"
  when: acme.pages | length == 1

- name: Read a page with its status embed config (two requests)
  community.statuspage.statuspage_page_info:
    api_key: "{{ statuspage_api_key }}"
    page_id: kctbh9vrtdwd
    include_status_embed_config: true
  register: with_embed
'''

RETURN = r'''
pages:
  description: The matching pages, as the API returns them.
  returned: success
  type: list
  elements: dict
  contains:
    status_embed_config:
      description:
        - The page's status embed config, as the API returns it (C(null) if the API has none for the page).
      returned: when O(include_status_embed_config=true)
      type: dict
      sample:
        page_id: kctbh9vrtdwd
        position: bottom-left
        incident_background_color: "#e74c3c"
        incident_text_color: "#ffffff"
        maintenance_background_color: "#0b6bcb"
        maintenance_text_color: "#ffffff"
  sample:
    - id: kctbh9vrtdwd
      name: Acme Cloud
      subdomain: acmecloud
      time_zone: UTC
      css_greens: "#2fcc66"
      allow_page_subscribers: true
      created_at: "2026-01-01T00:00:00Z"
      updated_at: "2026-11-26T09:00:00Z"
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.community.statuspage.plugins.module_utils._module import (
    common_argument_spec,
    run_module,
)
from ansible_collections.community.statuspage.plugins.module_utils._pages import find_pages, status_embed_config_path


def run(module, client):
    pages = find_pages(client, page_id=module.params['page_id'], page_name=module.params['page_name'])
    if module.params['include_status_embed_config']:
        pages = [dict(page, status_embed_config=client.get(status_embed_config_path(page['id'])))
                 for page in pages]
    return {'changed': False, 'pages': pages}


def main():
    argument_spec = common_argument_spec()
    argument_spec.update(page_id=dict(type='str'), page_name=dict(type='str'),
                         include_status_embed_config=dict(type='bool', default=False))
    module = AnsibleModule(argument_spec=argument_spec, supports_check_mode=True)
    run_module(module, run)


if __name__ == '__main__':
    main()
