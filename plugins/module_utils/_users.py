# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Finding page access users and reading what they may see, shared by every module that names
a user (statuspage_access_user and its _info twin, the grant modules, the bulk module).

Private to community.statuspage: it may change without notice.

A user is found by e-mail with the API's ``email`` filter (one request, never a walk over all
users when the filter finds it) or by id. E-mail addresses are compared case-insensitively: a
task for ``Ann@Example.com`` is about the user ``ann@example.com``, and must never create a
second user (and send a second invitation) for her. Whether the filter and Statuspage's own
uniqueness check ignore case is not documented (the API notes' open questions), so a filter
that finds nothing is not taken at its word: ``lookup_email`` makes sure that no user has the
address in any spelling, at the cost documented there.

A user's grants (its components or metrics) are a sub-resource per member kind; where the user
object carries them (``component_ids``/``metric_ids``, as the old v1 API did), they are read from
the object and cost nothing.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re
from collections import namedtuple

from ansible_collections.community.statuspage.plugins.module_utils._api_url import api_path
from ansible_collections.community.statuspage.plugins.module_utils._client import PER_PAGE
from ansible_collections.community.statuspage.plugins.module_utils._errors import InputError, StatuspageError
from ansible_collections.community.statuspage.plugins.module_utils._resolve import resolve_references

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


class EmailLookup(namedtuple('EmailLookup', 'user page_has_users')):
    """What ``lookup_email`` found: the ``user`` (or ``None``), and whether the page has any page
    access user at all (``None`` when that was not learnt: the filter found someone, so yes)."""

    __slots__ = ()


def _same_address(users, email):
    """The users whose address is ``email`` in any case; the exact spelling first."""
    matches = [user for user in users if same_email(user.get('email'), email)]
    return sorted(matches, key=lambda user: (user.get('email') or '').strip() != email.strip())


def _one_user(matches, email):
    """The one user ``matches`` holds, the one spelt exactly like ``email``, or ``InputError``."""
    if len(matches) > 1 and (matches[0].get('email') or '').strip() != email.strip():
        raise InputError(
            'email %r: the page has %d page access users with that address in different cases (%s); '
            'name the one you mean with user_id' % (
                email, len(matches), ', '.join('%s (%s)' % (user.get('email'), user.get('id')) for user in matches)))
    return matches[0] if matches else None


def _filter(client, page_id, email):
    """The API's e-mail filter, kept to the users with that exact address (in any case)."""
    # The filter may match more loosely than we compare; keep only the exact address.
    return _same_address(client.list(users_path(page_id), {'email': email}), email)


def _page_of_users(client, page_id, page):
    batch = client.request('GET', users_path(page_id), params={'page': page, 'per_page': PER_PAGE})
    if not isinstance(batch, list):
        raise StatuspageError('GET %s answered something that is not a list of users' % users_path(page_id),
                              method='GET', path=users_path(page_id))
    return batch


def _later_pages(client, page_id):
    """Every user after the first full page, one request per 100."""
    users, page = [], 2
    while True:
        batch = _page_of_users(client, page_id, page)
        users.extend(batch)
        if len(batch) < PER_PAGE:
            return users
        page += 1


def filter_ignores_case(client, page_id, known_users):
    """Whether the e-mail filter ignores case, asked with one of ``known_users`` (one request).

    ``None`` when no known address has letters whose case can be swapped.
    """
    for user in known_users:
        address = user.get('email') or ''
        if address.swapcase() != address:
            found = client.list(users_path(page_id), {'email': address.swapcase()})
            return any(candidate.get('id') == user.get('id') for candidate in found)
    return None


def lookup_email(client, page_id, email):
    """The user with this address in any case, made sure of, as an ``EmailLookup``.

    Request cost: one (the filter) when the filter finds the user. When it finds nobody, the
    address may still be there in another case if the filter is case-sensitive, so one more
    request reads the first 100 users: on a page with fewer, that settles it. On a larger page,
    one more request asks the filter for one of those users in swapped case: if it finds them,
    the filter ignores case and its first answer stands (three in all); if not, the rest of the
    users are read (one request per 100 more). So a new user costs two reads on a page of up to
    99 users and three on a larger one whose filter ignores case.
    """
    matches = _filter(client, page_id, email)
    if matches:
        return EmailLookup(_one_user(matches, email), True)
    first = _page_of_users(client, page_id, 1)
    if len(first) < PER_PAGE:
        return EmailLookup(_one_user(_same_address(first, email), email), bool(first))
    matches = _same_address(first, email)
    if not matches and filter_ignores_case(client, page_id, first) is not True:
        matches = _same_address(_later_pages(client, page_id), email)
    return EmailLookup(_one_user(matches, email), True)


def find_user_by_email(client, page_id, email):
    """The user with this address in any case, or ``None``: cost as ``lookup_email``."""
    return lookup_email(client, page_id, email).user


def get_user(client, page_id, user_id):
    """The user with this id, or ``None``: one request."""
    return client.get(users_path(page_id, user_id))


def lookup_user(client, page_id, email=None, user_id=None):
    """The user named by ``user_id`` and/or ``email`` as an ``EmailLookup``: one request by id,
    else as ``lookup_email``.

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
        return EmailLookup(user, True if user is not None else None)
    return lookup_email(client, page_id, email)


def find_user(client, page_id, email=None, user_id=None):
    """The user named by ``user_id`` and/or ``email``, or ``None``: cost as ``lookup_user``."""
    return lookup_user(client, page_id, email=email, user_id=user_id).user


def grants_path(page_id, user_id, kind):
    """The path of a user's members of ``kind`` (a ``MemberKind``): GET, PATCH, POST, DELETE."""
    return users_path(page_id, user_id, kind.sub_resource)


def read_grants(client, page_id, user_id, kind):
    """The member objects (with names) of ``kind`` the user has: one request per 100."""
    return client.list(grants_path(page_id, user_id, kind))


def shown_grant_ids(user, kind):
    """The user's member ids of ``kind`` as its object shows them (``component_ids``), or ``None``
    when the object does not carry them (the description's user object does not)."""
    value = (user or {}).get(kind.body_key)
    return [str(item_id) for item_id in value] if isinstance(value, (list, tuple)) else None


def read_grant_ids(client, page_id, user, kinds):
    """``{kind name: ids}`` for ``kinds``: from the user object where it carries them (no request),
    else one request per kind per 100 members."""
    ids = {}
    for kind in kinds:
        shown = shown_grant_ids(user, kind)
        ids[kind.name] = shown if shown is not None else [
            member['id'] for member in read_grants(client, page_id, user['id'], kind)]
    return ids


def resolve_user_members(client, page_id, user, kind, references, option):
    """``references`` of ``kind`` resolved for ``user`` (``None``: not created yet), and what it has:
    ``(ids, catalog, problems, current ids)``.

    Request cost: where the user object carries its ids of the kind, nothing to know them, and
    one request per 100 of the page's list to name them; else one request per 100 of the user's
    members (which carry names), and the page's list only when a name, or an id the user does not
    have, is listed. A user yet to be created has nothing: the page's list resolves the names.
    """
    if user is None:
        return resolve_references(client, page_id, references, kind, option) + ([],)
    shown = shown_grant_ids(user, kind)
    if shown is not None:
        catalog = kind.load(client, page_id)
        return resolve_references(client, page_id, references, kind, option, catalog=catalog) + (shown,)
    members = read_grants(client, page_id, user['id'], kind)
    resolved = resolve_references(client, page_id, references, kind, option, members=members)
    return resolved + ([member['id'] for member in members],)


def index_by_email(users):
    """``{lower-cased e-mail: user}`` for matching many users against one list call."""
    return dict(((user.get('email') or '').strip().lower(), user) for user in users)
