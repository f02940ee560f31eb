# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Finding page access groups and describing them with names, shared by statuspage_access_group,
statuspage_access_group_info, statuspage_access_user and the bulk module.

Private to community.statuspage: it may change without notice.

A group is found by id (one GET) or by its exact name (one paginated list). The API returns a
group with the ids of its components, metrics and users only; ``join_names`` adds names from one
list call per kind, never one call per group or per member. ``GroupDirectory`` turns group names
into ids and back for modules that refer to groups (statuspage_access_user). Creating, changing
and deleting a group is ``_reconcile_group``.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from collections import namedtuple

from ansible_collections.community.statuspage.plugins.module_utils._api_url import api_path
from ansible_collections.community.statuspage.plugins.module_utils._errors import InputError
from ansible_collections.community.statuspage.plugins.module_utils._member_kinds import MEMBER_KINDS
from ansible_collections.community.statuspage.plugins.module_utils._user_fields import groups_listing
from ansible_collections.community.statuspage.plugins.module_utils._users import list_users

# A group's field that lists its page access users (the member kinds' fields are their body_key).
USERS_FIELD = 'page_access_user_ids'


def groups_path(page_id, *rest):
    return api_path('pages', page_id, 'page_access_groups', *rest)


def list_groups(client, page_id):
    """Every page access group of the page: one request per 100."""
    return client.list(groups_path(page_id))


def get_group(client, page_id, group_id):
    """The group with this id, or ``None``: one request."""
    return client.get(groups_path(page_id, group_id))


def groups_named(groups, name):
    """The groups called exactly ``name``."""
    return [group for group in groups if group.get('name') == name]


def find_groups(client, page_id, name=None):
    """The groups of the page, only those named exactly ``name`` when given; ``[]`` when none."""
    groups = list_groups(client, page_id)
    return groups_named(groups, name) if name is not None else groups


class GroupLookup(namedtuple('GroupLookup', 'group page_has_groups')):
    """What ``lookup_group`` found: the ``group`` (or ``None``), and whether the page has any
    access group (``None`` when a look-up by id did not learn it)."""

    __slots__ = ()


def lookup_group(client, page_id, name=None, group_id=None):
    """The one group named by ``group_id`` (one GET) or else ``name`` (one list), as a ``GroupLookup``.

    Statuspage does not keep group names unique; a name shared by several groups is an
    ``InputError`` naming their ids, raised before anything is written.
    """
    if group_id:
        group = get_group(client, page_id, group_id)
        return GroupLookup(group, True if group is not None else None)
    groups = list_groups(client, page_id)
    matches = groups_named(groups, name)
    if len(matches) > 1:
        raise InputError('name %r names %d page access groups (%s): use group_id to choose one' % (
            name, len(matches), ', '.join(group.get('id') for group in matches)))
    return GroupLookup(matches[0] if matches else None, bool(groups))


def find_group(client, page_id, name=None, group_id=None):
    """The one group named by ``group_id`` or else ``name``, or ``None``: as ``lookup_group``."""
    return lookup_group(client, page_id, name=name, group_id=group_id).group


# ---- a page's groups by name ----------------------------------------------------------------

def load_access_groups(client, page_id):
    """The page's access groups as a ``GroupDirectory``: one request per 100 groups."""
    return GroupDirectory(list_groups(client, page_id))


class GroupDirectory(object):
    """A page's access groups, for turning names into ids and ids back into names."""

    def __init__(self, groups):
        self.groups = list(groups)
        self.by_id = dict((group['id'], group) for group in self.groups)

    def name(self, group_id):
        group = self.by_id.get(group_id)
        return group.get('name') if group else group_id

    def names(self, group_ids):
        return sorted(self.name(group_id) for group_id in group_ids or [])

    def groups_of(self, user_id):
        """The ids of the groups that list ``user_id`` among their users (as they were read)."""
        return groups_listing(self.groups, user_id)

    def resolve(self, references, option='page_access_groups'):
        """``(ids, problems)``: one message per reference that is unknown or ambiguous."""
        ids = []
        problems = []
        for reference in references or []:
            reference = str(reference).strip()
            if reference in self.by_id:
                group_id = reference
            else:
                matches = groups_named(self.groups, reference)
                if len(matches) > 1:
                    problems.append('%s: access group name %r is ambiguous: it is any of %s; use the id' % (
                        option, reference, ', '.join(sorted(group['id'] for group in matches))))
                    continue
                if not matches:
                    known = sorted('%r (%s)' % (group.get('name'), group['id']) for group in self.groups)
                    problems.append('%s: no access group %r on this page; %s' % (
                        option, reference,
                        ('the page has ' + ', '.join(known)) if known else 'the page has no access groups'))
                    continue
                group_id = matches[0]['id']
            if group_id not in ids:
                ids.append(group_id)
        return ids, problems


# ---- members --------------------------------------------------------------------------------

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
    catalogs = dict((kind.name, kind.load(client, page_id)) for kind in MEMBER_KINDS
                    if any(member_ids(group, kind.body_key) for group in groups))
    users_by_id = {}
    if any(member_ids(group, USERS_FIELD) for group in groups):
        users_by_id = dict((user['id'], user) for user in list_users(client, page_id))
    joined = []
    for group in groups:
        described = dict(group)
        for kind in MEMBER_KINDS:
            described[kind.option] = [catalogs[kind.name].describe(item_id) for item_id in member_ids(group, kind.body_key)]
        described['users'] = [
            {'id': user_id, 'email': (users_by_id.get(user_id) or {}).get('email')}
            for user_id in member_ids(group, USERS_FIELD)]
        joined.append(described)
    return joined
