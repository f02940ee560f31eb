# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The one write policy: create once, delete if present. Every resource's reconciler uses it.

Private to community.statuspage: it may change without notice.

The client (``_client``) retries what is safe to repeat; a create is not (a page access user's
create sends an invitation e-mail, a group's create makes a second group of the same name). When
the client gives up on a create without a usable answer, the error says ``outcome_unknown``: the
create may or may not have happened. What happens then is decided here, once:

- ``create_once``: re-read (the caller's ``reread``) patiently and adopt what the create made;
  never send the create again blindly. A create held past the timeout may still be carried out,
  so the re-read is repeated over about one more request timeout (the client's pacing, see
  ``_retry_policy.reread_waits``) before it counts as absent. Where the API keeps the resource
  unique (page access users, by e-mail) a 409 means "it exists" and is adopted too, and a create
  re-read as absent did not happen, so it is sent once more (a duplicate would be refused with
  409, not made). Where it does not (groups, components, incidents...), a create still absent
  after the wait fails saying it may still appear: a blind re-run could make a second one.
- ``delete_if_present``: a 404 to a DELETE means "already gone": no change, unless the client had
  to send the DELETE more than once, in which case our first attempt did it (a change).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.community.statuspage.plugins.module_utils._errors import (
    ConflictError,
    NotFoundError,
    StatuspageError,
)

# How ``create_once`` came by what it returns.
CREATED = 'created'      # the create answered with the new object
RECOVERED = 'recovered'  # the answer was lost; the re-read found the object the create made
EXISTED = 'existed'      # 409: someone else made it since our look-up; it was read back


def outcome_unknown(exc):
    """Whether a failed request may still have been carried out (a lost or unreadable answer, a
    5xx to a POST)."""
    return isinstance(exc, StatuspageError) and bool(exc.outcome_unknown)


def reread_after_unknown_outcome(reread, pacing=None):
    """The objects that match the create, read after an unknown outcome, patiently.

    A read at once, then one after each of ``pacing.waits`` until something matches: a create
    held past the timeout that the server finishes within the wait is found, not made again.
    Without ``pacing`` (an error the client did not raise), a single read. Every resource's
    create comes through here.
    """
    waits = list(pacing.waits) if pacing is not None else []
    while True:
        found = list(reread() or [])
        if found or not waits:
            return found
        pacing.sleep(waits.pop(0))


def _patience(exc):
    """How the re-read went, for a message: "read back 6 times over 30 seconds"."""
    waits = exc.reread_pacing.waits if exc.reread_pacing is not None else ()
    if not waits:
        return 'read back once'
    return 'read back %d times over %g seconds' % (len(waits) + 1, sum(waits))


def _failure(message, exc):
    return StatuspageError(message, method=exc.method, path=exc.path, status=exc.status, api_message=exc.api_message)


def create_once(create, reread, what, reread_after_conflict=None):
    """Create an object without ever creating it twice; return ``(obj, how)``.

    ``create()`` sends the create and returns the new object. ``reread()`` returns the objects
    that match what the create sent (by e-mail, by name), read fresh. ``what`` names the object
    in messages ("page access user ann@example.com on page acmecloud123").

    ``reread_after_conflict`` is for resources the API keeps unique: ``reread_after_conflict()``
    returns the object a 409 says exists, or ``None``. With it, a 409 is adopted (``EXISTED``)
    and a create whose outcome was unknown but that the re-read does not find is sent one more
    time. Without it (group names are not unique), a 409 is an error like any other and a lost
    create that is not found fails with the original error, unrepeated.

    A re-read that finds several candidates fails: which one (if any) is ours cannot be told.
    """
    attempts = 2 if reread_after_conflict is not None else 1
    for attempt in range(1, attempts + 1):
        try:
            return create(), CREATED
        except ConflictError as exc:
            if reread_after_conflict is None:
                raise
            found = reread_after_conflict()
            if found is None:
                raise _failure('creating %s answered 409 (already exists), yet it cannot be found when read back'
                               % what, exc)
            return found, EXISTED
        except StatuspageError as exc:
            if not outcome_unknown(exc):
                raise
            found = reread_after_unknown_outcome(reread, exc.reread_pacing)
            if len(found) > 1:
                raise _failure(
                    'creating %s ended without a usable answer (%s); the page now has %d that match (%s), so '
                    'which one (if any) was created cannot be told; it was not tried again'
                    % (what, exc, len(found), ', '.join(str(obj.get('id')) for obj in found)), exc)
            if found:
                return found[0], RECOVERED
            if attempts == 1:
                raise _failure(
                    'creating %s ended without a usable answer (%s); it was %s and has not appeared, but it '
                    'may still appear, if Statuspage is still carrying the create out. It was not sent again. '
                    'Look for it before running the task again (an _info module, or the web interface): '
                    'a blind re-run can duplicate it' % (what, exc, _patience(exc)), exc)
            if attempt == attempts:
                raise _failure(
                    'creating %s failed twice without a usable answer (%s); it was re-read after each '
                    'attempt and does not exist, so the create did not happen; it was not tried a third '
                    'time' % (what, exc), exc)
    raise AssertionError('unreachable')  # pragma: no cover


def delete_if_present(client, path, check_mode=False):
    """DELETE ``path``; return whether that is a change. In check mode, predict ``True``.

    Callers only come here with an object they have just read; one that is gone since (404)
    was deleted by someone else, and that is no change of ours, unless the client sent the
    DELETE more than once (after a 5xx or a lost connection): then our first attempt did it.
    """
    if check_mode:
        return True
    try:
        client.delete(path)
    except NotFoundError as exc:
        return exc.retried
    return True
