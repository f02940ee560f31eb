#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: statuspage_access_group
short_description: Ensure a page access group of an audience-specific Statuspage page
version_added: 0.1.0
description:
  - On an audience-specific page, a page access group usually stands for one customer
    organisation; the page access users in the group see the group's components and metrics.
  - Ensures a group is present (created if needed, with the exact components, metrics and users
    you list) or absent.
  - The group is found by O(group_id), or else by its exact O(name).
  - Only the options you set are compared and changed. Every change is sent in one request
    (creating the group, or one update carrying all that differs), never one request per member.
  - Every component, metric and user you name is checked before anything is written; a task with
    bad values fails naming all of them at once.
  - "Request cost: a group with nothing to change costs one request to find it, plus one per 100
    components of the page when O(components) names a component that is not already in the group
    (or by name), the same for O(metrics), and one per 100 page access users of the page when
    O(users) is set. A change costs one more request, and in diff mode the names of members
    listed by id that leave the group cost one list more."
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
      - The diff shows components as C(Group/Name), metrics by name and users by e-mail.
  idempotent:
    support: full
options:
  name:
    description:
      - The name of the group.
      - Without O(group_id), the group is found by this exact name (one request listing the
        page's groups); it is created with this name when O(state=present) and none exists.
        A name shared by several groups fails the task; use O(group_id) then.
      - With O(group_id) and O(state=present), the group is renamed to this name if it differs.
      - With O(group_id) and O(state=absent), this must be the group's current name. A group
        whose name differs is not deleted, and the task fails before anything is written, saying
        which group the id is (a guard against deleting the wrong group by a mistyped id).
      - One of O(name) and O(group_id) is required.
    type: str
  group_id:
    description:
      - The id of an existing group (one request to read it).
      - With O(state=present), a group that does not exist fails the task (ids are made by
        Statuspage, so a group cannot be created with a given id).
    type: str
  state:
    description:
      - V(present) creates the group or updates it; V(absent) deletes it (deleting a group that
        does not exist reports no change).
      - With V(absent), O(external_identifier), O(components), O(metrics) and O(users) are ignored.
    type: str
    choices: [present, absent]
    default: present
  external_identifier:
    description:
      - Associates the group with a group of your identity provider (for SAML sign-on).
      - An empty string clears it.
    type: str
  components:
    description:
      - The exact components the group's members see; components not listed are removed from the group.
      - Each is a component id, a name, or C(Group/Name) when the name is used in several
        component groups (for example V(EU/Compute)). A component group itself cannot be listed.
      - An empty list removes every component. Leave the option out to leave them alone.
    type: list
    elements: str
  metrics:
    description:
      - The exact metrics the group's members see, by id or name; metrics not listed are removed from the group.
      - An empty list removes every metric. Leave the option out to leave them alone.
    type: list
    elements: str
  users:
    description:
      - The exact page access users in the group, by e-mail address (compared without regard to
        case); users not listed leave the group.
      - The users must already exist (see M(community.statuspage.statuspage_access_user)); an
        unknown e-mail fails the task before anything is written, naming every unknown address.
      - An empty list removes every user. Leave the option out to leave them alone.
    type: list
    elements: str
notes:
  - Page access groups only have an effect on pages that Statuspage has made audience-specific.
seealso:
  - module: community.statuspage.statuspage_access_group_info
  - module: community.statuspage.statuspage_access_user
'''

EXAMPLES = r'''
- name: One group per customer, seeing its region's components
  community.statuspage.statuspage_access_group:
    api_key: "{{ statuspage_api_key }}"
    page_id: kctbh9vrtdwd
    name: Globex
    external_identifier: globex-sso
    components:
      - API
      - EU/Compute
      - EU/Storage
    metrics:
      - API Latency
    users:
      - ann@globex.example
      - bob@globex.example

- name: Remove a customer's group, credentials and page from module_defaults
  module_defaults:
    group/community.statuspage.statuspage:
      api_key: "{{ statuspage_api_key }}"
      page_id: kctbh9vrtdwd
  community.statuspage.statuspage_access_group:
    name: Initech
    state: absent
'''

RETURN = r'''
group:
  description:
    - The group after the task as the API returns it (in check mode, as it would be; a group
      that would be created has no C(id) yet).
    - V(null) when the group is absent.
  returned: success
  type: dict
  sample:
    id: p3wmty1hclss
    page_id: kctbh9vrtdwd
    name: Globex
    external_identifier: globex-sso
    component_ids: [4pyrhmgk5h74, 8cwxx8b0qm4h]
    metric_ids: [q0b38dhzs6tc]
    page_access_user_ids: [1gvg428zs7xh]
    created_at: "2026-11-26T09:00:00Z"
    updated_at: "2026-11-26T09:00:00Z"
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.community.statuspage.plugins.module_utils._errors import (
    InputError,
    NotFoundError,
)
from ansible_collections.community.statuspage.plugins.module_utils._groups import (
    CREATED,
    MEMBER_FIELDS,
    create_group,
    find_group,
    groups_path,
    member_ids,
    user_label,
)
from ansible_collections.community.statuspage.plugins.module_utils._module import (
    common_argument_spec,
    page_argument_spec,
    run_module,
)
from ansible_collections.community.statuspage.plugins.module_utils._membership import SUB_RESOURCES
from ansible_collections.community.statuspage.plugins.module_utils._resolve import (
    LOADERS,
    needs_catalog,
    resolve_references,
)
from ansible_collections.community.statuspage.plugins.module_utils._users import (
    email_problem,
    index_by_email,
    list_users,
)

# The inverse of SUB_RESOURCES: which member kind an option lists.
KIND_OF_OPTION = dict((option, kind) for kind, option in SUB_RESOURCES.items())
LIST_FIELDS = tuple(field for option, field in MEMBER_FIELDS)


def input_problems(params):
    """Problems visible in the task itself, found before any request."""
    problems = []
    if params['name'] is None and not params['group_id']:
        # required_one_of accepts an option written with an empty value ("name:"), so check again.
        problems.append('one of name and group_id is required')
    if params['name'] is not None and not params['name'].strip():
        problems.append('name must not be empty')
    if params['state'] == 'present':
        for email in params['users'] or []:
            problem = email_problem(email, 'users')
            if problem:
                problems.append(problem)
    return problems


class Names(object):
    """What turns member ids into names for the diff: the catalogs and users that were loaded."""

    def __init__(self):
        self.catalogs = {}
        self.users_by_id = {}

    def labels(self, option, ids):
        if option == 'users':
            return sorted(user_label(self.users_by_id, user_id) for user_id in ids)
        catalog = self.catalogs.get(option)
        # A catalog built only from the group's own ids knows no names: show the ids then.
        return sorted((catalog.label(item_id) if catalog else None) or item_id for item_id in ids)


def resolve_members(client, page_id, params, group, want_names=False):
    """``(desired member ids by API field, Names)`` for the options given; ``InputError`` if any is bad."""
    desired = {}
    names = Names()
    problems = []
    for option, field in MEMBER_FIELDS:
        references = params[option]
        if references is None:
            continue
        if option == 'users':
            users = list_users(client, page_id)
            names.users_by_id = dict((user['id'], user) for user in users)
            by_email = index_by_email(users)
            unknown = [email for email in references if email.strip().lower() not in by_email]
            if unknown:
                problems.append(
                    'users: no page access user with the e-mail%s %s on this page; create them first '
                    '(community.statuspage.statuspage_access_user)' % (
                        's' if len(unknown) > 1 else '', ', '.join(repr(email) for email in unknown)))
            ids = []
            for email in references:
                user = by_email.get(email.strip().lower())
                if user and user['id'] not in ids:
                    ids.append(user['id'])
        else:
            # Ids the group already has need no list call; names and new ids load the page's list.
            current = [{'id': item_id} for item_id in member_ids(group, field)]
            ids, catalog, found = resolve_references(
                client, page_id, references, KIND_OF_OPTION[option], option, members=current)
            if want_names and not needs_catalog(references, member_ids(group, field)) \
                    and set(ids) != set(member_ids(group, field)):
                # Only ids the group has, some removed: the diff should still name them, and
                # there is a write to pay for anyway.
                catalog = LOADERS[KIND_OF_OPTION[option]](client, page_id)
            names.catalogs[option] = catalog
            problems.extend(found)
        desired[field] = ids
    if problems:
        raise InputError('; '.join(problems))
    return desired, names


def desired_fields(params):
    desired = {}
    # Found by name, the name cannot differ; found by id, a name given is a rename.
    if params['name'] is not None and params['group_id']:
        desired['name'] = params['name']
    if params['external_identifier'] is not None:
        desired['external_identifier'] = params['external_identifier']
    return desired


def group_changes(group, desired):
    """The fields of ``desired`` that differ from ``group``; member lists compared as sets."""
    changes = {}
    for field, wanted in desired.items():
        have = group.get(field)
        if field in LIST_FIELDS:
            if set(have or []) != set(wanted):
                changes[field] = wanted
        elif field == 'external_identifier':
            # Statuspage shows "never set" as null: an empty string asks for the same.
            if (have or '') != (wanted or ''):
                changes[field] = wanted
        elif have != wanted:
            changes[field] = wanted
    return changes


def ensure_present(client, page_id, group, desired, check_mode, name):
    """Return ``(changed, group_after)``: one POST to create, one PATCH to update, or nothing."""
    if group is None:
        body = dict(desired, name=name)
        if check_mode:
            predicted = dict((field, []) for field in LIST_FIELDS)
            predicted.update(body)
            predicted.update(id=None, page_id=page_id)
            return True, predicted
        group, how = create_group(client, page_id, body)
        if how == CREATED:
            return True, group
        # Found after a lost answer: it may have landed with less than was sent.
        changes = group_changes(group, desired)
        if not changes:
            return True, group
        updated = client.patch(groups_path(page_id, group['id']), {'page_access_group': changes})
        return True, updated if isinstance(updated, dict) else dict(group, **changes)
    changes = group_changes(group, desired)
    if not changes:
        return False, group
    predicted = dict(group, **changes)
    if check_mode:
        return True, predicted
    updated = client.patch(groups_path(page_id, group['id']), {'page_access_group': changes})
    return True, updated if isinstance(updated, dict) else predicted


def wrong_group_problem(group, params):
    """With ``group_id`` and ``name`` both set, refuse to delete a group of another name."""
    if group is None or params['name'] is None or not params['group_id']:
        return
    if group.get('name') != params['name']:
        raise InputError(
            'group_id %r is the page access group named %r, not %r; it was not deleted. To delete '
            'it, give its name or leave name out; to delete the group named %r, leave group_id out'
            % (params['group_id'], group.get('name'), params['name'], params['name']))


def ensure_absent(client, page_id, group, check_mode):
    if group is None:
        return False
    if not check_mode:
        try:
            client.delete(groups_path(page_id, group['id']))
        except NotFoundError as exc:
            # Gone since we read it. After a retried DELETE, our own first attempt did it; else
            # someone else did, and the goal is reached by no doing of ours.
            return exc.retried
    return True


def diff_view(group, fields, names):
    """The group as a person reads it, restricted to what the task is about."""
    if group is None:
        return {'state': 'absent'}
    view = {'state': 'present'}
    for field in fields:
        option = dict((f, o) for o, f in MEMBER_FIELDS).get(field)
        if option:
            view[option] = names.labels(option, member_ids(group, field))
        else:
            view[field] = group.get(field)
    return view


def run(module, client):
    params = module.params
    problems = input_problems(params)
    if problems:
        raise InputError('; '.join(problems))
    page_id = params['page_id']
    group = find_group(client, page_id, name=params['name'], group_id=params['group_id'])
    names = Names()
    fields = ['name']
    if params['state'] == 'absent':
        wrong_group_problem(group, params)
        changed = ensure_absent(client, page_id, group, module.check_mode)
        after = None
    else:
        if group is None and params['group_id']:
            raise InputError(
                'group_id %r: no page access group with this id on page %r; to create a group, '
                'leave group_id out and set name' % (params['group_id'], page_id))
        desired = desired_fields(params)
        members, names = resolve_members(client, page_id, params, group, want_names=module._diff)
        desired.update(members)
        fields.extend(sorted(desired))
        changed, after = ensure_present(client, page_id, group, desired, module.check_mode, params['name'])
    result = {'changed': changed, 'group': after}
    if module._diff:
        fields = sorted(set(fields))
        result['diff'] = {'before': diff_view(group, fields, names), 'after': diff_view(after, fields, names)}
    return result


def main():
    argument_spec = common_argument_spec()
    argument_spec.update(page_argument_spec())
    argument_spec.update(
        name=dict(type='str'),
        group_id=dict(type='str'),
        state=dict(type='str', choices=['present', 'absent'], default='present'),
        external_identifier=dict(type='str'),
        components=dict(type='list', elements='str'),
        metrics=dict(type='list', elements='str'),
        users=dict(type='list', elements='str'),
    )
    module = AnsibleModule(
        argument_spec=argument_spec,
        required_one_of=[('name', 'group_id')],
        supports_check_mode=True,
    )
    run_module(module, run)


if __name__ == '__main__':
    main()
