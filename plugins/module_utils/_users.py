# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Finding page access users, shared by every module that names a user.

Private to community.statuspage: it may change without notice.

A user is found by e-mail with the API's ``email`` filter (one request, never a walk over all
users) or by id. E-mail addresses are compared case-insensitively, because Statuspage treats
``Ann@Example.com`` and ``ann@example.com`` as the same person (a second create answers 409).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible_collections.community.statuspage.plugins.module_utils._client import api_path
from ansible_collections.community.statuspage.plugins.module_utils._errors import InputError

# Deliberately simple: one @, no spaces, a dot in the domain. It catches typos and pasted
# names, and leaves the final word to Statuspage.
EMAIL_SHAPE = re.compile(r'^[^@\s]+@[^@\s]+\.[^@\s]+$')


def same_email(left, right):
    return (left or '').strip().lower() == (right or '').strip().lower()


def email_problem(email, option='email'):
    """A message when ``email`` is not an e-mail address, else ``None``."""
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


def index_by_email(users):
    """``{lower-cased e-mail: user}`` for matching many users against one list call."""
    return dict(((user.get('email') or '').strip().lower(), user) for user in users)
