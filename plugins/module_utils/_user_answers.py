# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""How the user reconciler reads Statuspage's answers about a page access user.

Private to community.statuspage: it may change without notice.

No public recording of these answers exists (the API notes' open questions), so each is read
for every plausible shape rather than the one the emulator happened to pick:

- a duplicate create is a 409 (declared) or a Rails 422 that says the e-mail is taken
  (``taken_email``);
- the answer to a write may not show a field it was asked to set (left out, or the groups only
  in the singular ``page_access_group_id``): it is read again before judging (``verified_user``),
  and a write fails only when what Statuspage shows contradicts what was asked;
- a user object may show its groups as a list, a string, or not in full; where a task needs
  them, the groups, which list their users, say (``user_with_groups``).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.community.statuspage.plugins.module_utils._errors import ConflictError, InvalidRequestError
from ansible_collections.community.statuspage.plugins.module_utils._groups import list_groups
from ansible_collections.community.statuspage.plugins.module_utils._user_fields import (
    GROUPS_FIELD,
    groups_listing,
    not_applied_error,
    shown_group_ids,
    unapplied_fields,
    unshown_fields,
    with_group_ids,
)
from ansible_collections.community.statuspage.plugins.module_utils._users import get_user


def taken_email(exc):
    """Whether an error answer says the e-mail is already a user's.

    The description declares 409; a Rails application answers a failed uniqueness validation
    422 with the model's full message, "Email has already been taken" (the API notes), whatever
    shape the body has. Only a 422 that says so is a duplicate: any other 422 is an error.
    """
    if isinstance(exc, ConflictError):
        return True
    message = (exc.api_message or '').lower() if isinstance(exc, InvalidRequestError) else ''
    return exc.status == 422 and 'mail' in message and ('already been taken' in message or 'already exists' in message)


def duplicates_as_conflicts(create):
    """``create`` with a 422 that says the e-mail is taken raised as the ``ConflictError`` that
    the write policy (``create_once``) adopts; every other error as it is."""
    def create_or_conflict():
        try:
            return create()
        except InvalidRequestError as exc:
            if not taken_email(exc):
                raise
            raise ConflictError(exc.message, method=exc.method, path=exc.path, status=exc.status,
                                api_message=exc.api_message)
    return create_or_conflict


def verified_user(client, page_id, user_id, returned, asked, email, verb):
    """The user after a write Statuspage accepted, checked against what was ``asked``.

    When the answer does not show that every field asked for took (it shows another value,
    leaves a field out, or shows the groups only in the singular), the user is read again
    before judging: one request for the user, unless only its groups are in doubt, and one per
    100 groups of the page when the user object does not show its groups in full (the groups
    list their users). The write fails only when that read shows it was not applied.
    """
    user = dict(returned) if isinstance(returned, dict) else None
    in_doubt = user is None or unapplied_fields(user, asked) or unshown_fields(user, asked)
    if in_doubt:
        if user is None or unapplied_fields(user, asked) or \
                [field for field in unshown_fields(user, asked) if field != GROUPS_FIELD]:
            user = get_user(client, page_id, user_id) or user or {'id': user_id, 'email': email}
        if GROUPS_FIELD in unshown_fields(user, asked):
            user = with_group_ids(user, groups_listing(list_groups(client, page_id), user_id))
    if shown_group_ids(user) is not None:
        user = with_group_ids(user, shown_group_ids(user))
    unapplied = unapplied_fields(user, asked)
    if unapplied:
        raise not_applied_error(user, asked, unapplied, email, verb, read_again=bool(in_doubt))
    return user


def user_with_groups(client, page_id, user, desired):
    """``user`` with its groups as a list, read from the page's groups (one request per 100) when
    the task manages them and the user object does not show them in full."""
    shown = shown_group_ids(user)
    if shown is not None:
        return with_group_ids(user, shown)
    if desired.get(GROUPS_FIELD) is None:
        return user
    return with_group_ids(user, groups_listing(list_groups(client, page_id), user['id']))
