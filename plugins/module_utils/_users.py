# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Finding page access users and reading what they may see, shared by every module that names
a user (statuspage_access_user and its _info twin, the grant modules, the bulk module).

Private to community.statuspage: it may change without notice.

A user is found by e-mail with the API's ``email`` filter (one request, never a walk over all
users) or by id. E-mail addresses are compared case-insensitively, because Statuspage treats
``Ann@Example.com`` and ``ann@example.com`` as the same person (a second create answers 409).
A user's grants (its components or metrics) are a sub-resource per member kind.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible_collections.community.statuspage.plugins.module_utils._api_url import api_path
from ansible_collections.community.statuspage.plugins.module_utils._errors import InputError

# Deliberately simple: one @, no spaces, a dot in the domain. It catches typos and pasted
# names, and leaves the final word to Statuspage.
EMAIL_SHAPE = re.compile(r'^[^@\s]+@[^@\s]+\.[^@\s]+$')


def same_email(left, right):
    return (left or '').strip().lower() == (right or '').strip().lower()


# RFC 5321 (4.5.3.1.3): a path is at most 256 octets with its angle brackets, so an address at
# most 254. Longer ones were sent before, and a very long one came back as an HTML 414 page.
EMAIL_MAX_LENGTH = 254


def email_problem(email, option='email'):
    """A message when ``email`` is not an e-mail address, else ``None``."""
    if email and len(email) > EMAIL_MAX_LENGTH:
        return '%s=%r... is %d characters long: an e-mail address has at most %d (RFC 5321)' % (
            option, email[:40], len(email), EMAIL_MAX_LENGTH)
    if not EMAIL_SHAPE.match(email or ''):
        return '%s=%r is not an e-mail address: expected something like ann@example.com' % (option, email)
    return None


def users_path(page_id, *rest):
    return api_path('pages', page_id, 'page_access_users', *rest)


def list_users(client, page_id):
    """Every page access user of the page: one request per 100."""
    return client.list(users_path(page_id))


def find_user_by_email(client, page_id, email):
    """The user with this e-mail (case-insensitive), or ``None``: one request."""
    for user in client.list(users_path(page_id), {'email': email}):
        # The filter may match more loosely than we compare; keep only the exact address.
        if same_email(user.get('email'), email):
            return user
    return None


def get_user(client, page_id, user_id):
    """The user with this id, or ``None``: one request."""
    return client.get(users_path(page_id, user_id))


def find_user(client, page_id, email=None, user_id=None):
    """The user named by ``user_id`` and/or ``email``, or ``None``; one request (per 100 matches).

    With both, they must name the same user: a disagreement is an ``InputError``, raised before
    anything is written.
    """
    if user_id:
        user = get_user(client, page_id, user_id)
        if user is None and email:
            # Falling back to the e-mail would create (and invite) someone the task did not
            # name by id, or adopt another user: the two must agree, so say they do not.
            raise InputError('user_id %r: no page access user with that id on page %s; leave user_id '
                             'out to find or create the user by email %r' % (user_id, page_id, email))
        if user is not None and email and not same_email(user.get('email'), email):
            raise InputError('user_id %r is the page access user %r, not email %r' % (
                user_id, user.get('email'), email))
        return user
    return find_user_by_email(client, page_id, email)


def find_user_after_conflict(client, page_id, email):
    """The user a 409 says exists: by the e-mail filter, else by walking every user.

    The walk costs one request per 100 users and is taken only when the filter misses a user
    the API says exists (a filter that matches more strictly than the uniqueness check).
    """
    user = find_user_by_email(client, page_id, email)
    if user is not None:
        return user
    for candidate in list_users(client, page_id):
        if same_email(candidate.get('email'), email):
            return candidate
    return None


def grants_path(page_id, user_id, kind):
    """The path of a user's members of ``kind`` (a ``MemberKind``): GET, PATCH, POST, DELETE."""
    return users_path(page_id, user_id, kind.sub_resource)


def read_grants(client, page_id, user_id, kind):
    """The member objects (with names) of ``kind`` the user has: one request per 100."""
    return client.list(grants_path(page_id, user_id, kind))


def read_grant_ids(client, page_id, user_id, kinds):
    """``{kind name: ids}`` for ``kinds``: one request per kind per 100 members."""
    return dict((kind.name, [member['id'] for member in read_grants(client, page_id, user_id, kind)])
                for kind in kinds)


def index_by_email(users):
    """``{lower-cased e-mail: user}`` for matching many users against one list call."""
    return dict(((user.get('email') or '').strip().lower(), user) for user in users)
