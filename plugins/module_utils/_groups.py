# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Finding page access groups and describing them with names, shared by statuspage_access_group
and statuspage_access_group_info.

Private to community.statuspage: it may change without notice.

A group is found by id (one GET) or by its exact name (one paginated list). The API returns a
group with the ids of its components, metrics and users only; ``join_names`` adds names from one
list call per kind, never one call per group or per member. ``GroupDirectory`` turns group names
into ids and back for modules that refer to groups (statuspage_access_user). ``create_group`` is
the one create of a group, never sent twice blindly.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.community.statuspage.plugins.module_utils._client import api_path
from ansible_collections.community.statuspage.plugins.module_utils._errors import (
    InputError,
    ServerError,
    StatuspageError,
    TransportError,
)
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
    """The groups called exactly ``name``."""
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


# How ``create_group`` (and ``_access_user.create_user``) came by what they return.
CREATED = 'created'
RECOVERED = 'recovered'


def create_group(client, page_id, body):
    """POST the group ``body`` (its fields, ``name`` among them); return ``(group, how)``.

    ``how`` is ``CREATED`` (the POST answered) or ``RECOVERED`` (the answer was lost, and the
    re-read found exactly one group of that name, which is adopted as the one created).

    A create that ends with no answer or a 5xx (``outcome_unknown``) may have happened, so it is
    never repeated blindly: the groups are listed again (one request per 100 groups). No group
    of that name: the original error is raised. Several: a ``StatuspageError`` naming their ids,
    since which one (if any) is ours cannot be told. The caller compares a recovered group with
    what it asked for; the create may have landed with fewer fields than sent.
    """
    try:
        return client.post(groups_path(page_id), {'page_access_group': body}), CREATED
    except (ServerError, TransportError) as exc:
        if not exc.outcome_unknown:
            raise
        found = groups_named(list_groups(client, page_id), body.get('name'))
        if not found:
            raise
        if len(found) > 1:
            raise StatuspageError(
                'creating page access group %r ended without a usable answer (%s); the page now has '
                '%d groups of that name (%s), so which one (if any) was created cannot be told; it was '
                'not tried again' % (body.get('name'), exc, len(found), ', '.join(group.get('id') for group in found)),
                method=exc.method, path=exc.path, status=exc.status, api_message=exc.api_message)
        return found[0], RECOVERED


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
