# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Finding page access groups and describing them with names, shared by statuspage_access_group
and statuspage_access_group_info.

Private to community.statuspage: it may change without notice.

A group is found by id (one GET) or by its exact name (one paginated list). The API returns a
group with the ids of its components, metrics and users only; ``join_names`` adds names from one
list call per kind, never one call per group or per member.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.community.statuspage.plugins.module_utils._client import api_path
from ansible_collections.community.statuspage.plugins.module_utils._errors import InputError
from ansible_collections.community.statuspage.plugins.module_utils._resolve import (
    load_components,
    load_metrics,
)
from ansible_collections.community.statuspage.plugins.module_utils._users import list_users

# The member sets of a group, as the API names them, and the option that sets each.
MEMBER_FIELDS = (
    ('components', 'component_ids'),
    ('metrics', 'metric_ids'),
    ('users', 'page_access_user_ids'),
)


def groups_path(page_id, *rest):
    return api_path('pages', page_id, 'page_access_groups', *rest)


def list_groups(client, page_id):
    """Every page access group of the page: one request per 100."""
    return client.list(groups_path(page_id))


def get_group(client, page_id, group_id):
    """The group with this id, or ``None``: one request."""
    return client.get(groups_path(page_id, group_id))


def groups_named(groups, name):
    return [group for group in groups if group.get('name') == name]


def find_groups(client, page_id, name=None):
    """The groups of the page, only those named exactly ``name`` when given; ``[]`` when none."""
    groups = list_groups(client, page_id)
    return groups_named(groups, name) if name is not None else groups


def find_group(client, page_id, name=None, group_id=None):
    """The one group named by ``group_id`` (one GET) or else ``name`` (one list), or ``None``.

    Statuspage does not keep group names unique; a name shared by several groups is an
    ``InputError`` naming their ids, raised before anything is written.
    """
    if group_id:
        return get_group(client, page_id, group_id)
    matches = find_groups(client, page_id, name)
    if len(matches) > 1:
        raise InputError('name %r names %d page access groups (%s): use group_id to choose one' % (
            name, len(matches), ', '.join(group.get('id') for group in matches)))
    return matches[0] if matches else None


def member_ids(group, field):
    return list((group or {}).get(field) or [])


def user_label(users_by_id, user_id):
    """How a person knows a page access user: the e-mail, or the bare id when unknown."""
    user = users_by_id.get(user_id)
    return (user.get('email') or user_id) if user else user_id


def join_names(client, page_id, groups):
    """``groups`` with ``components``, ``metrics`` and ``users`` described by name.

    Loads each kind's list once, and only when some group has a member of that kind.
    """
    components = metrics = None
    users_by_id = {}
    if any(member_ids(group, 'component_ids') for group in groups):
        components = load_components(client, page_id)
    if any(member_ids(group, 'metric_ids') for group in groups):
        metrics = load_metrics(client, page_id)
    if any(member_ids(group, 'page_access_user_ids') for group in groups):
        users_by_id = dict((user['id'], user) for user in list_users(client, page_id))
    joined = []
    for group in groups:
        described = dict(group)
        described['components'] = [components.describe(item_id) for item_id in member_ids(group, 'component_ids')]
        described['metrics'] = [metrics.describe(item_id) for item_id in member_ids(group, 'metric_ids')]
        described['users'] = [
            {'id': user_id, 'email': (users_by_id.get(user_id) or {}).get('email')}
            for user_id in member_ids(group, 'page_access_user_ids')]
        joined.append(described)
    return joined
