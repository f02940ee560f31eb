# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""A page access user's fields: which may be written, how they are read and compared, whether a
write took.

Private to community.statuspage: it may change without notice.

The user reconciler (``_reconcile_user``) plans and checks its writes with these rules, so the
single-user module and the bulk module compare (``''`` and no login are the same; groups are a
set) and verify (``unapplied_fields``: a field Statuspage accepted but does not show) exactly
alike.

How a user object shows its groups is not settled (the API notes' open questions): a list (the
description's example), a string (its declared type: the ids joined by commas, or the JSON
text of the list), or only the singular ``page_access_group_id`` of the old one-group model.
``shown_group_ids`` reads the first three; the last shows at most one group, so it is read as
"not shown" and callers take a user's groups from the group objects, which list their users
(``_groups.GroupDirectory.groups_of``).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json

from ansible_collections.community.statuspage.plugins.module_utils._errors import StatuspageError

# The user fields the API lets us write; ``email`` is how the user is found, never patched here.
USER_FIELDS = ('external_login', 'page_access_group_ids')
# Fields Statuspage takes only in a create: it neither returns nor changes them afterwards.
CREATE_ONLY_FIELDS = ('subscribe_to_components',)


GROUPS_FIELD = 'page_access_group_ids'


def shown_group_ids(user):
    """The user's group ids as its object shows them (a list), or ``None`` when it does not show
    them all: only the singular ``page_access_group_id``, no field at all, or a string that is
    neither a JSON list nor ids joined by commas."""
    value = (user or {}).get(GROUPS_FIELD)
    if isinstance(value, (list, tuple)):
        return [str(group_id) for group_id in value]
    if value is None:
        return None
    text = str(value).strip()
    if text.startswith('['):
        try:
            parsed = json.loads(text)
        except ValueError:
            return None
        return [str(group_id) for group_id in parsed] if isinstance(parsed, list) else None
    # Ids are letters and digits: anything else in the text is not a list of them.
    ids = [part.strip() for part in text.split(',') if part.strip()]
    return ids if all(part.isalnum() for part in ids) else None


def groups_listing(groups, user_id):
    """The ids of the ``groups`` (group objects) whose ``page_access_user_ids`` list ``user_id``."""
    return sorted(group['id'] for group in groups or [] if user_id in (group.get('page_access_user_ids') or []))


def with_group_ids(user, group_ids):
    """A copy of ``user`` whose ``page_access_group_ids`` is the list ``group_ids``."""
    read = dict(user)
    read[GROUPS_FIELD] = sorted(group_ids)
    return read


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
        if wanted is not None and not same_field(field, read_field(current, field), wanted):
            changes[field] = wanted
    return changes


def create_body(desired):
    body = {'email': desired['email']}
    for field in USER_FIELDS + CREATE_ONLY_FIELDS:
        if desired.get(field) is not None:
            body[field] = desired[field]
    return body


def unshown_fields(returned, asked):
    """The fields of ``asked`` that the answer ``returned`` does not show at all (a write's echo
    that leaves a field out, or shows the groups only in the singular): re-read before judging."""
    if not isinstance(returned, dict):
        return sorted(field for field in asked if field in USER_FIELDS)
    unshown = [field for field in asked if field in USER_FIELDS and field not in returned]
    if GROUPS_FIELD in asked and GROUPS_FIELD not in unshown and shown_group_ids(returned) is None:
        unshown.append(GROUPS_FIELD)
    return sorted(unshown)


def unapplied_fields(returned, asked):
    """The fields of ``asked`` that ``returned`` shows with another value: the API ignored them.

    Fields the answer does not show are not judged here (``unshown_fields``).
    """
    if not isinstance(returned, dict):
        return []
    unshown = unshown_fields(returned, asked)
    return sorted(field for field in asked
                  if field in USER_FIELDS and field not in unshown
                  and not same_field(field, read_field(returned, field), asked[field]))


def read_field(user, field):
    """A user field as the comparison rules take it (groups as a list, whatever the echo)."""
    if field == GROUPS_FIELD:
        return shown_group_ids(user)
    return (user or {}).get(field)


def create_only_warning(fields, emails):
    """Why create-only ``fields`` set for existing users were left alone (one warning for many users)."""
    return ('%s is applied only when a page access user is created: the API neither returns nor changes it '
            'for the existing user%s %s, so it was left as it is'
            % (', '.join(fields), 's' if len(emails) > 1 else '', ', '.join(emails)))


def not_applied_error(returned, asked, unapplied, email, verb, read_again=False):
    """The error for a write Statuspage accepted without applying ``unapplied``."""
    return StatuspageError(
        '%s page access user %s: Statuspage accepted the request but did not apply %s '
        '(asked %s, %s %s)' % (
            verb, email, ', '.join(unapplied),
            ', '.join('%s=%r' % (field, asked[field]) for field in unapplied),
            'read again, it has' if read_again else 'it returned',
            ', '.join('%s=%r' % (field, read_field(returned, field)) for field in unapplied)))
