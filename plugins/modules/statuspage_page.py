#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: statuspage_page
short_description: Set the profile of a Statuspage page
version_added: 0.1.0
description:
  - Sets the profile of an existing Statuspage page (name, domains, branding, colours, time zone,
    subscriber options, notification e-mail) through the Statuspage REST API.
  - Pages cannot be created or deleted through the API, so this module only updates a page that
    exists. Create pages in the Statuspage web interface.
  - Only the options you set are compared and changed; every other field of the page is left as it is.
  - Costs one request to read the page, and one more only when something differs.
author:
  - community.statuspage contributors (!UNKNOWN)
extends_documentation_fragment:
  - community.statuspage.statuspage
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
  page_id:
    description:
      - The id of the page to update.
      - If not set, the environment variable E(STATUSPAGE_PAGE_ID) is used.
      - One of O(page_id) and O(page_name) is required. With both, they must name the same page.
    type: str
  page_name:
    description:
      - The exact current name of the page to update, when O(page_id) is not known.
      - Finding a page by name costs one request that lists all pages of the API key.
      - To rename a page, name it by O(page_id) or O(page_name) and set O(name).
    type: str
  name:
    description: Name of the page, as displayed.
    type: str
  domain:
    description: CNAME alias for the page, for example V(status.example.com).
    type: str
  subdomain:
    description: Subdomain of statuspage.io at which the page is served.
    type: str
  url:
    description: Website of your company; clicking the page's logo links there.
    type: str
  branding:
    description: The main template of the page.
    type: str
    choices: [basic, premium]
  time_zone:
    description: Time zone of the page, for example V(UTC) or V(Europe/Berlin).
    type: str
  css_body_background_color:
    description: Page background colour, hex RGB such as V(#ffffff).
    type: str
  css_font_color:
    description: Main font colour, hex RGB.
    type: str
  css_light_font_color:
    description: Light font colour, hex RGB.
    type: str
  css_greens:
    description: Colour for operational, hex RGB.
    type: str
  css_yellows:
    description: Colour for degraded performance, hex RGB.
    type: str
  css_oranges:
    description: Colour for partial outage, hex RGB.
    type: str
  css_reds:
    description: Colour for major outage, hex RGB.
    type: str
  css_blues:
    description: Colour for maintenance, hex RGB.
    type: str
  css_border_color:
    description: Border colour, hex RGB.
    type: str
  css_graph_color:
    description: Graph colour, hex RGB.
    type: str
  css_link_color:
    description: Link colour, hex RGB.
    type: str
  css_no_data:
    description: Colour for no data, hex RGB.
    type: str
  hidden_from_search:
    description: Whether the page asks search engines not to index it.
    type: bool
  viewers_must_be_team_members:
    description: Whether only team members may view the page.
    type: bool
  allow_page_subscribers:
    description: Whether visitors may subscribe to all notifications of the page.
    type: bool
  allow_incident_subscribers:
    description: Whether visitors may subscribe to a single incident.
    type: bool
  allow_email_subscribers:
    description: Whether visitors may subscribe by e-mail.
    type: bool
  allow_sms_subscribers:
    description: Whether visitors may subscribe by SMS.
    type: bool
  allow_rss_atom_feeds:
    description: Whether incident feeds are offered as RSS/Atom (not functional on audience-specific pages).
    type: bool
  allow_webhook_subscribers:
    description: Whether visitors may subscribe with a webhook.
    type: bool
  notifications_from_email:
    description: The address notifications are sent from.
    type: str
  notifications_email_footer:
    description: Footer of notification e-mails (Markdown).
    type: str
seealso:
  - module: community.statuspage.statuspage_page_info
'''

EXAMPLES = r'''
- name: Brand the customer status page
  community.statuspage.statuspage_page:
    api_key: "{{ statuspage_api_key }}"
    page_id: kctbh9vrtdwd
    name: Acme Cloud Status
    time_zone: Europe/Berlin
    css_greens: "#2fcc66"
    allow_sms_subscribers: false

- name: Rename a page found by its current name, credentials from module_defaults
  module_defaults:
    group/community.statuspage.statuspage:
      api_key: "{{ statuspage_api_key }}"
  community.statuspage.statuspage_page:
    page_name: Acme Cloud
    name: Acme Cloud Status
'''

RETURN = r'''
page:
  description: The page after the task (in check mode, as it would be).
  returned: success
  type: dict
  sample:
    id: kctbh9vrtdwd
    name: Acme Cloud Status
    subdomain: acmecloud
    time_zone: Europe/Berlin
    css_greens: "#2fcc66"
    allow_sms_subscribers: false
    updated_at: "2026-11-26T09:00:00Z"
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.community.statuspage.plugins.module_utils._api_url import api_path
from ansible_collections.community.statuspage.plugins.module_utils._module import (
    common_argument_spec,
    page_argument_spec,
    run_module,
)
from ansible_collections.community.statuspage.plugins.module_utils._page_fields import (
    PROFILE_COLOUR_FIELDS,
    desired_profile,
    profile_options,
)
from ansible_collections.community.statuspage.plugins.module_utils._pages import find_one_page
from ansible_collections.community.statuspage.plugins.module_utils._reconcile_settings import (
    diff_view,
    ensure_settings,
    plan_settings,
)


def run(module, client):
    params = module.params
    desired = desired_profile(params)
    page = find_one_page(client, page_id=params['page_id'], page_name=params['page_name'])
    changes = plan_settings(page, desired, colour_fields=PROFILE_COLOUR_FIELDS)
    changed, after = ensure_settings(client, api_path('pages', page['id']), 'page', page, changes, module.check_mode)
    result = {'changed': changed, 'page': after}
    if module._diff:
        result['diff'] = diff_view(page, after, desired)
    return result


def main():
    argument_spec = common_argument_spec()
    argument_spec.update(page_argument_spec(required=False))
    argument_spec.update(page_name=dict(type='str'))
    # The profile fields, as the page definition takes them too (_page_fields).
    argument_spec.update(profile_options())
    module = AnsibleModule(
        argument_spec=argument_spec,
        required_one_of=[('page_id', 'page_name')],
        supports_check_mode=True,
    )
    run_module(module, run)


if __name__ == '__main__':
    main()
