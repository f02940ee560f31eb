#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: statuspage_status_embed_config
short_description: Set the status embed config of a Statuspage page
version_added: 0.1.0
description:
  - Sets how the status embed (the small iframe that shows incidents and maintenance of a page on
    another website) looks, that is its position and its colours.
  - Every page has exactly one status embed config, so there is nothing to create or delete.
  - Only the options you set are compared and changed. Colours are checked before any request.
  - Costs one request to read the config, and one more only when something differs.
  - To read the config without changing it, use M(community.statuspage.statuspage_page_info) with
    O(community.statuspage.statuspage_page_info#module:include_status_embed_config=true).
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
  idempotent:
    support: full
options:
  position:
    description:
      - The corner of the embedding website where the status embed appears.
      - The API description calls it the "corner where status embed iframe will appear on page"
        and lists no values, so the module takes the four corners, and refuses anything else
        before any request. Read the current value with
        M(community.statuspage.statuspage_page_info) (for example V(bottom-left)).
        Statuspage refuses a value it does not accept, and the task then fails with its message.
    type: str
    choices: [bottom-left, bottom-right, top-left, top-right]
  incident_background_color:
    description: Background colour of the embed while it shows an incident, hex RGB such as V(#e74c3c).
    type: str
  incident_text_color:
    description: Text colour of the embed while it shows an incident, hex RGB.
    type: str
  maintenance_background_color:
    description: Background colour of the embed while it shows maintenance, hex RGB.
    type: str
  maintenance_text_color:
    description: Text colour of the embed while it shows maintenance, hex RGB.
    type: str
notes:
  - Colours are compared as colours, so V(#ABC), V(abc) and V(#aabbcc) are the same and cause no change.
seealso:
  - module: community.statuspage.statuspage_page
  - module: community.statuspage.statuspage_page_info
'''

EXAMPLES = r'''
- name: Show incidents in the company's red, maintenance in blue
  community.statuspage.statuspage_status_embed_config:
    api_key: "{{ statuspage_api_key }}"
    page_id: kctbh9vrtdwd
    incident_background_color: "#c0392b"
    incident_text_color: "#ffffff"
    maintenance_background_color: "#0b6bcb"

- name: Move the embed, credentials and page from module_defaults
  module_defaults:
    group/community.statuspage.statuspage:
      api_key: "{{ statuspage_api_key }}"
      page_id: kctbh9vrtdwd
  community.statuspage.statuspage_status_embed_config:
    position: bottom-right
'''

RETURN = r'''
status_embed_config:
  description: The status embed config after the task (in check mode, as it would be).
  returned: success
  type: dict
  contains:
    page_id:
      description: The page the config belongs to.
      type: str
    position:
      description: Where the embed appears.
      type: str
    incident_background_color:
      description: Background colour for incidents.
      type: str
    incident_text_color:
      description: Text colour for incidents.
      type: str
    maintenance_background_color:
      description: Background colour for maintenance.
      type: str
    maintenance_text_color:
      description: Text colour for maintenance.
      type: str
  sample:
    page_id: kctbh9vrtdwd
    position: bottom-left
    incident_background_color: "#c0392b"
    incident_text_color: "#ffffff"
    maintenance_background_color: "#0b6bcb"
    maintenance_text_color: "#ffffff"
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.community.statuspage.plugins.module_utils._module import (
    common_argument_spec,
    page_argument_spec,
    run_module,
)
from ansible_collections.community.statuspage.plugins.module_utils._page_fields import (
    EMBED_COLOUR_FIELDS,
    desired_embed_config,
    embed_options,
)
from ansible_collections.community.statuspage.plugins.module_utils._pages import no_such_page, status_embed_config_path
from ansible_collections.community.statuspage.plugins.module_utils._reconcile_settings import (
    diff_view,
    ensure_settings,
    plan_settings,
)


def describe_config(client, page_id):
    """The page's status embed config; ``NotFoundError`` when the page does not exist."""
    config = client.get(status_embed_config_path(page_id))
    if config is None:
        raise no_such_page(page_id, status_embed_config_path(page_id))
    return config


def run(module, client):
    params = module.params
    desired = desired_embed_config(params)
    current = describe_config(client, params['page_id'])
    changes = plan_settings(current, desired, colour_fields=EMBED_COLOUR_FIELDS)
    changed, after = ensure_settings(client, status_embed_config_path(params['page_id']), 'status_embed_config',
                                     current, changes, module.check_mode)
    result = {'changed': changed, 'status_embed_config': after}
    if module._diff:
        result['diff'] = diff_view(current, after, desired)
    return result


def main():
    argument_spec = common_argument_spec()
    argument_spec.update(page_argument_spec())
    # The embed config's fields, as the page definition takes them too (_page_fields).
    argument_spec.update(embed_options())
    module = AnsibleModule(argument_spec=argument_spec, supports_check_mode=True)
    run_module(module, run)


if __name__ == '__main__':
    main()
