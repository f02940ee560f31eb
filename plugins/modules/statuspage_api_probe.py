#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: statuspage_api_probe
short_description: Find out how the Statuspage API answers on your own test page
version_added: 0.1.0
description:
  - Settles, on one real audience-specific B(test) page, the questions about the page access API
    that no public source answers, and returns a table (question, answer seen, what the collection
    does with it) to paste into an issue. The playbook C(community.statuspage.probe_api) runs it and
    prints the table; the guide "Probing the API on your page" explains how.
  - "The questions: whether the page refuses its page access endpoints; whether a page access user
    object (alone and in a list) carries C(component_ids) and C(metric_ids), and whether they show a
    grant; how it shows C(page_access_group_ids) (a list, a string, or only C(page_access_group_id));
    how a duplicate create is answered (409, or 422 and its message); whether the C(email) filter and
    e-mail uniqueness ignore case; the shape of an error body; and, only if the API throttles the
    probe on its own, the throttled status and C(Retry-After). Throttling is never provoked, so
    whether the limit is a token bucket or a rolling window is reported as not probed."
  - "What it writes: it creates one page access group (named C(community.statuspage probe) and a
    random suffix, with no members) and one page access user for O(probe_email), in that group and
    granted the page's first component; Statuspage sends that address an invitation e-mail. It
    then sends one create with the same address, which Statuspage refuses as a duplicate. At the end
    it deletes the user and the group, also when a step fails. It deletes only what its creates
    answered (after a create whose answer was lost: a user with O(probe_email) that was not on the
    page before, and the group with its own name); it never changes or deletes anything else."
  - It refuses, before writing anything, a page with more than O(max_access_users) page access
    users (a test page has few), and an O(probe_email) that is already a user of the page.
  - "Request cost: a real run on a page whose e-mail filter ignores case sends 11 requests (list the
    first 100 users, create the group, list the first 100 components, create the user, grant it one
    component, read it, ask the filter, the duplicate create, delete the user, read it back to see
    the 404, delete the group); one more when the filter needs the exact spelling; with
    O(probe_case_uniqueness) one more create, and if that makes a second user, two more (its
    delete, and the duplicate create). A page that refuses its page access endpoints costs 2 (the
    list, and a read of the page). Check mode sends 2 on a page without users (the list, and a read
    of a user that does not exist, for the error body), 4 with users (one is read alone, and the
    filter is asked for one in swapped case)."
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
    details:
      - Check mode only reads. It answers what existing users show (their objects, the e-mail
        filter's case) and the error body shape; the rest of the table says it needs a real run.
  diff_mode:
    support: none
  idempotent:
    support: none
    details:
      - Every real run creates and removes its own user and group, and reports a change.
options:
  probe_email:
    description:
      - An address of a mailbox you own, that is not a page access user of the page (for example
        V(you+statuspage-probe@example.com)). Statuspage sends it an invitation e-mail.
      - Required unless in check mode.
    type: str
  max_access_users:
    description:
      - Refuse a page with more page access users than this (nothing is written). The probe is for
        a test page; raise it to probe a page with more users anyway.
    type: int
    default: 25
  probe_case_uniqueness:
    description:
      - Also create a user with O(probe_email) in swapped case, to learn whether e-mail uniqueness
        ignores case. If it does not, that makes a second user (and sends a second invitation to
        the same mailbox); the probe removes it too. Without it, that row says "not probed".
    type: bool
    default: false
seealso:
  - module: community.statuspage.statuspage_access_user
'''

EXAMPLES = r'''
- name: Probe the API on a test page (prefer the playbook community.statuspage.probe_api)
  community.statuspage.statuspage_api_probe:
    page_id: kctbh9vrtdwd
    probe_email: ann+statuspage-probe@example.com
  register: probe

- name: Show the table to paste into an issue
  ansible.builtin.debug:
    msg: "{{ probe.table }}"
'''

RETURN = r'''
answers:
  description: One row per question, in the table's order.
  returned: success
  type: list
  elements: dict
  contains:
    id:
      description:
        - The question's key (C(page_access), C(user_grants), C(group_ids_echo), C(duplicate), C(email_filter),
          C(email_uniqueness), C(error_body), C(throttle), C(throttle_model), C(component_access)).
      type: str
    question:
      description: The question.
      type: str
    answer:
      description: What the API answered, or why it was not probed.
      type: str
    collection:
      description: What the collection's modules do with that answer.
      type: str
table:
  description: The rows as the lines of a Markdown table.
  returned: success
  type: list
  elements: str
findings:
  description:
    - The answers as values, named like the emulator's variants (the emulator guide, "Variants"), for example
      C(group_ids_echo.single=csv-string), C(duplicate_status=422), C(email_filter=sensitive),
      C(error_body=error-list), C(page_access=refused). A question not probed has no value; a
      C(<question>_why) key says why.
  returned: success
  type: dict
  sample: {page_access: accepted, user_grants_single: false, user_grants_list: false,
           group_ids_echo: {create: list, single: list, list: list}, group_ids_read: true,
           duplicate_status: 409, duplicate_recognised: true, email_filter: insensitive,
           error_body: message, error_status: 404, requests: 11}
removed:
  description: The ids of the page access users and groups the probe created and removed.
  returned: success
  type: dict
  sample: {users: [1gvg428zs7xh], groups: [p3wmty1hclss]}
requests:
  description: The API requests the probe sent, in all (C(total)) and by method.
  returned: success
  type: dict
  sample: {total: 11, GET: 6, POST: 3, PATCH: 1, DELETE: 2}
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.community.statuspage.plugins.module_utils._errors import InputError
from ansible_collections.community.statuspage.plugins.module_utils._module import (
    api_requests,
    common_argument_spec,
    page_argument_spec,
    run_module,
)
from ansible_collections.community.statuspage.plugins.module_utils._probe import Probe
from ansible_collections.community.statuspage.plugins.module_utils._probe_answers import answer_rows, table_lines
from ansible_collections.community.statuspage.plugins.module_utils._users import email_problem


def run(module, client):
    params = module.params
    email = (params['probe_email'] or '').strip() or None
    if email is None and not module.check_mode:
        raise InputError('probe_email is required for a real run: an address of a mailbox you own that is not a page '
                         'access user of the page (check mode, which only reads, runs without it)')
    problem = email and email_problem(email, 'probe_email')
    if problem:
        raise InputError(problem)
    if params['max_access_users'] < 0:
        raise InputError('max_access_users=%d: it must be 0 or more' % params['max_access_users'])
    probe = Probe(client, params['page_id'], email=email, max_users=params['max_access_users'],
                  case_uniqueness=params['probe_case_uniqueness'], check_mode=module.check_mode)
    changed = probe.run()
    rows = answer_rows(probe.findings)
    return {'changed': changed, 'answers': rows, 'table': table_lines(rows), 'findings': probe.findings,
            'removed': probe.made.removed, 'requests': api_requests(client)}


def main():
    argument_spec = common_argument_spec()
    argument_spec.update(page_argument_spec())
    argument_spec.update(
        probe_email=dict(type='str'),
        max_access_users=dict(type='int', default=25),
        probe_case_uniqueness=dict(type='bool', default=False),
    )
    module = AnsibleModule(argument_spec=argument_spec, supports_check_mode=True)
    run_module(module, run)


if __name__ == '__main__':
    main()
