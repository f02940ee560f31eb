# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""A page access user's fields: which may be written, how they compare, whether a write took.

Private to community.statuspage: it may change without notice.

The user reconciler (``_reconcile_user``) plans and checks its writes with these rules, so the
single-user module and the bulk module compare (``''`` and no login are the same; groups are a
set) and verify (``check_applied``: a field Statuspage accepted but does not show fails the task)
exactly alike.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.community.statuspage.plugins.module_utils._errors import StatuspageError

# The user fields the API lets us write; ``email`` is how the user is found, never patched here.
USER_FIELDS = ('external_login', 'page_access_group_ids')
# Fields Statuspage takes only in a create: it neither returns nor changes them afterwards.
CREATE_ONLY_FIELDS = ('subscribe_to_components',)


def shown_login(value):
    # An empty external login and none at all are the same thing to a person.
    return value or None


def same_field(field, have, wanted):
    if field == 'page_access_group_ids':
        return set(have or []) == set(wanted or [])
    if field == 'external_login':
        return shown_login(have) == shown_login(wanted)
    return have == wanted


def user_changes(current, desired):
    """The writable fields of ``desired`` that differ from ``current`` (a PATCH body's content)."""
    changes = {}
    for field in USER_FIELDS:
        wanted = desired.get(field)
        if wanted is not None and not same_field(field, (current or {}).get(field), wanted):
            changes[field] = wanted
    return changes


def create_body(desired):
    body = {'email': desired['email']}
    for field in USER_FIELDS + CREATE_ONLY_FIELDS:
        if desired.get(field) is not None:
            body[field] = desired[field]
    return body


def unapplied_fields(returned, asked):
    """The fields of ``asked`` that ``returned`` does not show: the API silently ignored them."""
    if not isinstance(returned, dict):
        return []
    return sorted(field for field in asked
                  if field in USER_FIELDS and not same_field(field, returned.get(field), asked[field]))


def create_only_warning(fields, emails):
    """Why create-only ``fields`` set for existing users were left alone (one warning for many users)."""
    return ('%s is applied only when a page access user is created: the API neither returns nor changes it '
            'for the existing user%s %s, so it was left as it is'
            % (', '.join(fields), 's' if len(emails) > 1 else '', ', '.join(emails)))


def check_applied(returned, asked, email, verb):
    """Fail when Statuspage accepted a write but its answer does not show the fields asked for."""
    unapplied = unapplied_fields(returned, asked)
    if unapplied:
        raise StatuspageError(
            '%s page access user %s: Statuspage accepted the request but did not apply %s '
            '(asked %s, it returned %s)' % (
                verb, email, ', '.join(unapplied),
                ', '.join('%s=%r' % (field, asked[field]) for field in unapplied),
                ', '.join('%s=%r' % (field, returned.get(field)) for field in unapplied)))
