#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: statuspage_customer_access
short_description: Make an audience-specific page's users and their access match a list of customers
version_added: 0.1.0
description:
  - Onboards and offboards many customers of an audience-specific Statuspage page in one task, from
    one list of customers, each with the e-mails of its people and the components (and metrics)
    they may see.
  - Users who gain components get them, by O(grant_plan), one request per user or one per
    component granted (per 100 users); a fresh onboarding of N users of three components each,
    out of C, costs about N creates + C grants instead of 2N requests.
  - Reads the page once (one list of its page access users, one of its components, and of its
    metrics and groups only when used), then one read of each listed existing user's components
    (and metrics, when the customer lists metrics), none where the API's user objects carry
    C(component_ids) and C(metric_ids). Writes only what differs, one request per change. With N
    customers of one user each, a re-run with nothing to change costs about
    N + ceil(users/100) + ceil(components/100) requests and writes nothing (ceil(users/100) +
    ceil(components/100) where the user objects carry their grants).
  - E-mail addresses are matched without regard to case against the one list of users, so no
    address gets a second user in another case. A duplicate create answered 409, or 422 saying the
    e-mail is taken, is read back and adopted. A page that refuses the page access endpoints (one
    that is not audience-specific may) fails with a message that says so, after one or two more
    reads; onboarding the first users of a page that had none comes with a warning that they have
    an effect only on an audience-specific page, which no API answer shows.
  - Every problem in the list (malformed or duplicate e-mails, a user under two customers, unknown
    or ambiguous component or metric names) is reported at once, before anything is written.
  - With O(validate_only=true) it only reads the page's lists, checks the whole list and returns
    them as RV(snapshot), and the users pruning would remove as RV(remove_users); later tasks of the
    same run pass O(snapshot) so they do not read those lists again, and O(remove_users) to remove
    those users. The role C(community.statuspage.customer_onboarding) uses this to check once, then
    plan and apply a batch of customers at a time, showing progress after each batch.
  - Each user is planned and changed by the same code as M(community.statuspage.statuspage_access_user)
    (and each group as M(community.statuspage.statuspage_access_group)). So a create is never sent
    twice blindly, a field Statuspage accepts but does not apply fails the task naming it, and
    O(customers[].subscribe_to_components) set for users that exist already is reported in one
    warning per customer.
  - This is the module behind the C(community.statuspage.customer_onboarding) role; for one user, see
    M(community.statuspage.statuspage_access_user).
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
      - The diff is keyed by e-mail and shows each user as M(community.statuspage.statuspage_access_user)
        shows it (e-mail, external login, component and metric names) with its C(customer); with
        O(use_groups=true), each customer's group under C(group NAME) as
        M(community.statuspage.statuspage_access_group) shows it. Users removed through
        O(remove_users) are shown by e-mail only (nothing else was read).
  idempotent:
    support: full
options:
  customers:
    description:
      - The customers, each with its people and what they may see.
      - Required unless O(remove_users) or O(component_grants) is given.
      - A key that is not one of those below fails the task before any request, naming the
        customer and the key.
    type: list
    elements: dict
    suboptions:
      name:
        description: The customer's name; with O(use_groups=true), the name of its page access group.
        type: str
        required: true
      users:
        description:
          - The customer's people, each an e-mail address or a dictionary with C(email) and an optional
            C(external_login).
          - E-mail addresses are compared case-insensitively.
        type: list
        elements: raw
        default: []
      components:
        description:
          - The exact set of components the customer's users may see, by name, C(Group/Name) where a
            name is not unique on the page, or id.
          - When not given, the users' components are left alone.
        type: list
        elements: str
      metrics:
        description:
          - The exact set of metrics the customer's users may see, by name or id.
          - When not given, the users' metrics are left alone (and not read).
        type: list
        elements: str
      subscribe_to_components:
        description:
          - Whether new users are subscribed to their components. Statuspage only takes this at
            creation; it is not changed on existing users.
        type: bool
      state:
        description:
          - V(present) onboards the customer; V(absent) offboards it, removing its users (and its
            group with O(use_groups=true)).
        type: str
        choices: [present, absent]
        default: present
  use_groups:
    description:
      - Model each customer as a page access group named after it, with the customer's components
        and metrics granted to the group and its users as its members.
    type: bool
    default: false
  prune:
    description:
      - Also remove page access users that no customer lists, but only users this list owns - those
        whose e-mail domain is in O(prune_email_domains), or, with O(use_groups=true), members of a
        group named after a listed customer. Never anyone else.
    type: bool
    default: false
  prune_email_domains:
    description:
      - The e-mail domains whose users O(prune=true) may remove, for example V(globex.example).
    type: list
    elements: str
    default: []
  validate_only:
    description:
      - Only read the page's lists and check the whole customer list against them; write nothing and
        read no user's grants. Returns RV(snapshot), and with O(prune=true) the users that would be
        removed as RV(plan).
    type: bool
    default: false
  snapshot:
    description:
      - The RV(snapshot) returned by an earlier O(validate_only=true) task of the same run. The page's
        lists are taken from it instead of being read again. Changes made to the page in between by
        others are not seen, so pass it on within one run only.
    type: dict
  remove_users:
    description:
      - Remove these page access users, as returned in RV(remove_users) by an earlier
        O(validate_only=true) task of the same run (the users pruning removes). Nothing is read
        first, so this costs one C(DELETE) per user; a user already gone is no change.
      - Mutually exclusive with O(customers) and O(component_grants).
    type: list
    elements: dict
    suboptions:
      id:
        description: The id of the page access user.
        type: str
        required: true
      email:
        description: Its e-mail address, for the diff and messages.
        type: str
        required: true
  grant_plan:
    description:
      - How users who gain components (and lose none) get them.
      - V(per_user) is one replace of each such user's components (C(POST .../page_access_users/{id}/components)).
      - V(per_component) is one C(POST /pages/{page_id}/components/{component_id}/page_access_users)
        per component granted, with at most 100 user ids each (no limit is documented; 100 is the
        API's page size, and a list a server refuses with HTTP 422 is sent again in halves), after
        the users are created. That is fewer requests when many users gain the same
        components, as in a fresh onboarding. Revocations always stay per user, with explicit ids;
        the body-less component-side C(DELETE), which takes the component from every user, is never sent.
      - V(auto) chooses, per task, whichever of the two costs fewer requests (a tie is V(per_user)),
        and says which in RV(grants). Check mode chooses the same.
      - V(deferred) plans as V(per_component) but sends no bulk grant; the task returns them as
        RV(deferred_grants), for a later task's O(component_grants). The role
        C(community.statuspage.customer_onboarding) uses it to grant once for all its batches.
      - Ignored with O(use_groups=true), where grants are on the groups.
    type: str
    choices: [auto, per_user, per_component, deferred]
    default: auto
  component_grants:
    description:
      - Add each component (a key, its id) to the page access users listed (ids), as earlier
        O(grant_plan=deferred) tasks of the same run returned them in RV(deferred_grants) (merged).
        Nothing is read; it costs one request per component per 100 users.
      - Mutually exclusive with O(customers) and O(remove_users).
    type: dict
seealso:
  - module: community.statuspage.statuspage_access_user
  - module: community.statuspage.statuspage_access_group
'''

EXAMPLES = r'''
- name: Make the page's audience match the customer list
  community.statuspage.statuspage_customer_access:
    page_id: "{{ statuspage_page_id }}"
    customers:
      - name: Globex
        users:
          - ops@globex.example
          - email: hank@globex.example
            external_login: hank
        components: [API, EU/Compute]
      - name: Initech
        state: absent
        users: [peter@initech.example]
    prune: true
    prune_email_domains: [globex.example, initech.example]
  register: audience

- name: Check the whole list once (what the customer_onboarding role does)
  community.statuspage.statuspage_customer_access:
    page_id: "{{ statuspage_page_id }}"
    customers: "{{ customers }}"
    prune: true
    prune_email_domains: [globex.example, initech.example]
    validate_only: true
  register: audience_check

- name: Then plan and apply ten customers at a time, without reading the lists again
  community.statuspage.statuspage_customer_access:
    page_id: "{{ statuspage_page_id }}"
    customers: "{{ item }}"
    snapshot: "{{ audience_check.snapshot }}"
  loop: "{{ customers | batch(10) | list }}"

- name: Finally remove the users pruning found, without reading anything again
  community.statuspage.statuspage_customer_access:
    page_id: "{{ statuspage_page_id }}"
    remove_users: "{{ audience_check.remove_users }}"
  when: audience_check.remove_users | length > 0
'''

RETURN = r'''
plan:
  description:
    - The customers (and the pruned or removed users) that need a change, and what is (or in check
      mode would be) done to each user and group. Customers with nothing to change are left out.
  returned: unless O(validate_only=true)
  type: list
  elements: dict
  contains:
    customer:
      description: The customer's name; V(null) for users removed by pruning or O(remove_users).
      type: str
    state:
      description: V(present), V(absent), or V(pruned) for users removed by pruning or O(remove_users).
      type: str
    group:
      description:
        - With O(use_groups=true), the customer's page access group C(name), C(id) (V(null) for a
          group to create) and C(action); else V(null).
      type: dict
    users:
      description:
        - Each of the customer's users with its C(email), C(id) (V(null) for a user to create) and
          C(action), one of V(create), V(update), V(delete) and V(keep).
      type: list
      elements: dict
  sample:
    - customer: Globex
      state: present
      group: null
      users:
        - {email: ops@globex.example, id: null, action: create}
        - {email: hank@globex.example, id: p6t1q6y2c3m3, action: keep}
remove_users:
  description:
    - The page access users that O(prune=true) would remove, each with C(id) and C(email); pass them
      to O(remove_users) in a later task of the same run.
  returned: when O(validate_only=true)
  type: list
  elements: dict
  sample: [{id: p6t1q6y2c3m3, email: former@globex.example}]
snapshot:
  description: The page's lists as read, for O(snapshot) of later tasks of the same run.
  returned: when O(validate_only=true)
  type: dict
  contains:
    users:
      description: The page's access users, as the API lists them.
      type: list
      elements: dict
    groups:
      description: The page's access groups as the API lists them; V(null) when the task did not need them.
      type: list
      elements: dict
    components:
      description: The page's components and component groups, when some customer names components.
      type: list
      elements: dict
      returned: when read
    metrics:
      description: The page's metrics, when some customer names metrics.
      type: list
      elements: dict
      returned: when read
summary:
  description: How many users (and groups) were (or would be) created, updated, removed or left unchanged.
  returned: success
  type: dict
  sample: {created: 3, updated: 1, removed: 2, unchanged: 40, groups_created: 0, groups_updated: 0, groups_removed: 0}
api_requests:
  description: The requests this task sent to Statuspage, in all and by HTTP method.
  returned: success
  type: dict
  sample: {total: 45, GET: 42, POST: 3}
grants:
  description:
    - How components were (or would be) granted to the users who only gain some (O(grant_plan)).
    - C(plan) is V(per_user) or V(per_component); C(requests) the grant requests it costs;
      C(per_user_requests) and C(per_component_requests) what each plan would cost (not with
      O(component_grants)). With O(validate_only=true), the plan predicted for the whole list from
      the users to create (and those whose objects carry their grants), which the role applies.
  returned: success
  type: dict
  sample: {plan: per_component, requests: 30, per_user_requests: 500, per_component_requests: 30}
deferred_grants:
  description:
    - With O(grant_plan=deferred), the grants left for O(component_grants) of a later task
      (component id to user ids); in check mode a user not yet created is named by its e-mail.
  returned: when O(grant_plan=deferred)
  type: dict
  sample: {k7r4m2n9x1p3: [p6t1q6y2c3m3, q8w2e4r6t8y0]}
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.community.statuspage.plugins.module_utils._component_grants import (
    PER_COMPONENT,
    PER_USER,
    checked_component_grants,
    choose_routing,
    grant_in_bulk,
    predicted_routing,
)
from ansible_collections.community.statuspage.plugins.module_utils._customers_input import checked_customers, checked_removals
from ansible_collections.community.statuspage.plugins.module_utils._customers_page import PageState, check_customers
from ansible_collections.community.statuspage.plugins.module_utils._customers_plan import (
    apply_changes,
    bulk_additions,
    known_additions,
    plan_customers,
    plan_pruning,
    planned_removals,
    removals_of,
)
from ansible_collections.community.statuspage.plugins.module_utils._customers_report import (
    changes_diff,
    count_actions,
    plan_result,
)
from ansible_collections.community.statuspage.plugins.module_utils._module import (
    api_requests,
    common_argument_spec,
    page_argument_spec,
    run_module,
)
from ansible_collections.community.statuspage.plugins.module_utils._page_access import (
    explaining_refusals,
    first_on_page_warning,
)


def grant_components(module, client):
    """The bulk grants the batches of a run deferred (``component_grants``): nothing is read."""
    additions = checked_component_grants(module.params['component_grants'])
    requests = grant_in_bulk(client, module.params['page_id'], additions, check_mode=module.check_mode)
    return {'changed': bool(requests), 'grants': {'plan': PER_COMPONENT, 'requests': requests},
            'api_requests': api_requests(client)}


def run(module, client):
    params = module.params
    page_id = params['page_id']
    if params['component_grants'] is not None:
        return grant_components(module, client)
    if params['remove_users'] is not None:
        # The users an earlier validate_only task found to prune: removed by id, nothing is read.
        entries, state = planned_removals(checked_removals(params['remove_users'])), None
    else:
        customers = checked_customers(params['customers'])
        state = PageState(client, page_id, params['snapshot'])
        resolved = check_customers(state, customers, use_groups=params['use_groups'], prune=params['prune'],
                                   prune_email_domains=params['prune_email_domains'])
        pruning = plan_pruning(state, customers, use_groups=params['use_groups'],
                               prune_email_domains=params['prune_email_domains']) if params['prune'] else []
        if params['validate_only']:
            # Said here once, not by each batch the snapshot of this check is handed to.
            if not state.user_list and any(customer['state'] != 'absent' for customer in customers):
                module.warn(first_on_page_warning(page_id, 'page access user'))
            routing = predicted_routing(known_additions(state, customers, resolved, params['use_groups']))
            return {'changed': False, 'remove_users': removals_of(pruning), 'summary': count_actions(pruning),
                    'grants': routing.result(), 'snapshot': state.snapshot(), 'api_requests': api_requests(client)}
        entries = plan_customers(state, customers, resolved, use_groups=params['use_groups']) + pruning
    warnings = [warning for entry in entries for warning in entry.warnings]
    if state is not None and not state.user_list and not params['snapshot'] and count_actions(entries)['created']:
        warnings.append(first_on_page_warning(page_id, 'page access user'))
    changing = [entry for entry in entries if entry.changes]
    chosen = params['grant_plan']
    routing = choose_routing(changing, force={'auto': None, 'deferred': PER_COMPONENT}.get(chosen, chosen))
    if not module.check_mode:
        warnings.extend(apply_changes(client, page_id, changing, routing))
    additions = bulk_additions(routing)
    grants = routing.result()
    if chosen != 'deferred' and additions:
        grants['requests'] = grant_in_bulk(client, page_id, additions, check_mode=module.check_mode)
    for warning in warnings:
        module.warn(warning)
    result = {
        'changed': bool(changing),
        'plan': plan_result(changing),
        'summary': count_actions(entries),
        'grants': grants,
        'api_requests': api_requests(client),
    }
    if chosen == 'deferred':
        result['deferred_grants'] = additions
    if module._diff:
        result['diff'] = changes_diff(changing, state)
    return result


def main():
    argument_spec = common_argument_spec()
    argument_spec.update(page_argument_spec())
    argument_spec.update(
        # Each customer is checked by checked_customers (one line per bad key, naming the
        # customer), against the suboptions DOCUMENTATION describes.
        customers=dict(type='list', elements='dict'),
        use_groups=dict(type='bool', default=False),
        prune=dict(type='bool', default=False),
        prune_email_domains=dict(type='list', elements='str', default=[]),
        validate_only=dict(type='bool', default=False),
        snapshot=dict(type='dict'),
        remove_users=dict(type='list', elements='dict', options=dict(
            id=dict(type='str', required=True),
            email=dict(type='str', required=True),
        )),
        grant_plan=dict(type='str', default='auto', choices=['auto', PER_USER, PER_COMPONENT, 'deferred']),
        component_grants=dict(type='dict'),
    )
    module = AnsibleModule(
        argument_spec=argument_spec,
        required_one_of=[('customers', 'remove_users', 'component_grants')],
        mutually_exclusive=[('customers', 'remove_users', 'component_grants')],
        supports_check_mode=True,
    )
    run_module(module, explaining_refusals(run))


if __name__ == '__main__':
    main()
