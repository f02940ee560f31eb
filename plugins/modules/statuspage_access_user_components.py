#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: statuspage_access_user_components
short_description: Choose the components one page access user of an audience-specific page may see
version_added: 0.1.0
description:
  - Grants or revokes components for one existing page access user of an audience-specific
    Statuspage page, or makes the user's set of components exactly the listed one.
  - The user must exist; this module does not create users (use
    M(community.statuspage.statuspage_access_user) for that).
  - Components are named by id, by name, or as C(Group/Name) where a name is used in more than one
    group (for example C(EU/Compute)). Unknown or ambiguous names, and component groups (which cannot
    be granted themselves), fail the task before anything is written, each listed with what would be valid.
  - "Request cost: one request to find the user by id, or by e-mail when the API's e-mail filter
    finds it (when it finds nobody, the address is looked for in every case, as
    M(community.statuspage.statuspage_access_user) says, before the task fails); one per 100 components
    the user has (none where the user object carries C(component_ids), but then one per 100 components of the
    page, to name them); and one per 100 components of the page only when a name (or an id the user does
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
      - The diff lists the user's components before and after as C(Group/Name) labels. When the task
        lists only ids the user already has, the page's component list is not read (to save a request)
        and the group's id stands in for its name, for example C(6myciscsr0ww/Compute).
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
  components:
    description:
      - The components to grant, revoke, or (with O(exclusive=true)) to make the exact set.
      - Each is a component id, a component name, or C(Group/Name) when the name alone is ambiguous.
      - With O(exclusive=true), an empty list revokes every component of the user. This is the
        only way this module revokes everything, and it does so on purpose (one DELETE naming every
        component the user has).
    type: list
    elements: str
    required: true
  state:
    description:
      - V(present) grants the listed components (the user keeps the others, unless O(exclusive=true)).
      - V(absent) revokes the listed components that the user has; those the user does not have are ignored.
    type: str
    choices: [present, absent]
    default: present
  exclusive:
    description:
      - With O(state=present), make the user's components exactly O(components), revoking the others,
        in one request.
      - Not allowed with O(state=absent).
    type: bool
    default: false
notes:
  - Statuspage applies page access users only on pages it has switched to audience-specific.
  - A C(DELETE) without component ids would make Statuspage revoke all of them; this module never sends
    one. Revoking everything happens only with O(exclusive=true) and O(components=[]).
seealso:
  - module: community.statuspage.statuspage_access_user_metrics
  - module: community.statuspage.statuspage_component_info
'''

EXAMPLES = r'''
- name: Let the customer see the EU platform
  community.statuspage.statuspage_access_user_components:
    api_key: "{{ statuspage_api_key }}"
    page_id: acmecloud123
    email: ops@customer.example
    components:
      - API
      - EU/Compute
      - EU/Storage

- name: Stop showing the dashboard
  community.statuspage.statuspage_access_user_components:
    api_key: "{{ statuspage_api_key }}"
    page_id: acmecloud123
    email: ops@customer.example
    components: [Dashboard]
    state: absent

- name: Exactly these two components, nothing else
  community.statuspage.statuspage_access_user_components:
    api_key: "{{ statuspage_api_key }}"
    page_id: acmecloud123
    user_id: w2rh9cd6r5lx
    components: [API, d8ggmnck9cx5]
    exclusive: true

- name: Revoke every component of the user, on purpose
  community.statuspage.statuspage_access_user_components:
    api_key: "{{ statuspage_api_key }}"
    page_id: acmecloud123
    email: ops@customer.example
    components: []
    exclusive: true
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
components:
  description:
    - The user's components after the task (in check mode, as they would be), sorted by label.
    - C(group) is the name of the component's group, or V(null) when it is in no group. When the task
      listed only ids the user already had, the page's component list is not read (to save a request),
      so C(group) is V(null) and C(group_id) still says which group it is in.
  returned: success
  type: list
  elements: dict
  contains:
    id:
      description: The component id.
      type: str
    name:
      description: The component name.
      type: str
    group:
      description: The name of the component's group.
      type: str
    group_id:
      description: The id of the component's group, V(null) when it is in no group.
      type: str
  sample:
    - {id: d59ujm7rjqit, name: API, group: Platform, group_id: vrte2xj10a6a}
    - {id: lcrype1hzn91, name: Compute, group: EU, group_id: 6myciscsr0ww}
added:
  description: The components the task granted (or would grant), in the same shape as RV(components).
  returned: success
  type: list
  elements: dict
  sample:
    - {id: lcrype1hzn91, name: Compute, group: EU, group_id: 6myciscsr0ww}
removed:
  description: The components the task revoked (or would revoke), in the same shape as RV(components).
  returned: success
  type: list
  elements: dict
  sample: []
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.community.statuspage.plugins.module_utils._member_kinds import COMPONENT
from ansible_collections.community.statuspage.plugins.module_utils._module_user_grants import module_kwargs, run_for


def main():
    module = AnsibleModule(**module_kwargs(COMPONENT))
    run_for(module, COMPONENT)


if __name__ == '__main__':
    main()
