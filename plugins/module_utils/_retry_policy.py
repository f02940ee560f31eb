# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Which answers the client waits out or retries, and for how long: the retry policy, named.

Private to community.statuspage: it may change without notice.

``_client`` applies this policy in its one request loop. What happens to a *create* whose
outcome is unknown after that loop gives up is the write policy's business (``_write_policy``).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import email.utils
import math
import time

# Both statuses mean "throttled, nothing was done": Statuspage documents 420, 429 is seen too.
THROTTLE_STATUSES = frozenset([420, 429])
# Without Retry-After, wait this long; with one, stay within these bounds so that a bogus header
# can neither spin (0) nor park a task for an hour.
DEFAULT_RETRY_AFTER = 5.0
MIN_RETRY_AFTER = 1.0
MAX_RETRY_AFTER = 120.0

# 5xx answers that say "try again": the gateway or the service was briefly unavailable.
# 500 is left out on purpose: it usually means the request itself trips a bug and will again.
RETRYABLE_SERVER_STATUSES = frozenset([502, 503, 504])
# Repeating these verbs cannot do harm on this API: GET reads, PUT/PATCH set fields or add
# members (a second add is a no-op), DELETE of something gone answers 404, which callers treat
# as "already absent". POST creates (a page access user, and an invitation e-mail) and is only
# repeated when the caller says the POST is idempotent (a replace of a member set).
IDEMPOTENT_METHODS = frozenset(['GET', 'PUT', 'PATCH', 'DELETE'])
SERVER_ERROR_ATTEMPTS = 3
SERVER_ERROR_BACKOFF = (1.0, 2.0)


def parse_retry_after(value, now=None):
    """Seconds to wait from a Retry-After header (seconds or HTTP date), clamped; default if absent."""
    if value is None or str(value).strip() == '':
        return DEFAULT_RETRY_AFTER
    value = str(value).strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return DEFAULT_RETRY_AFTER
        if when is None:
            return DEFAULT_RETRY_AFTER
        seconds = when.timestamp() - (time.time() if now is None else now)
    if math.isnan(seconds):
        return DEFAULT_RETRY_AFTER
    return min(MAX_RETRY_AFTER, max(MIN_RETRY_AFTER, seconds))


# A create whose answer was lost may still be carried out: a request held past the timeout is
# still being worked on. It is read back patiently, over about one more request timeout, so that
# a server that takes up to twice the timeout is seen to have made the object (and no re-run
# makes a second one); the waits double from one second, so a quick server costs one read.
REREAD_FIRST_WAIT = 1.0
REREAD_MIN_PATIENCE = 1.0
REREAD_MAX_PATIENCE = 120.0


def reread_waits(timeout):
    """The waits between the reads of a create whose outcome is unknown: they add up to
    ``timeout``, bounded to 1..120 s (30 s: 1, 2, 4, 8, 15, i.e. six reads)."""
    budget = min(REREAD_MAX_PATIENCE, max(REREAD_MIN_PATIENCE, float(timeout)))
    waits = []
    wait = REREAD_FIRST_WAIT
    while sum(waits) < budget:
        waits.append(min(wait, budget - sum(waits)))
        wait *= 2
    return tuple(waits)


class RereadPacing(object):
    """How to re-read after an unknown outcome: ``waits`` between the reads, and ``sleep``.

    The client attaches one to each outcome-unknown error, with its own sleep (injectable, so
    that tests never wait); the write policy (``_write_policy``) follows it.
    """

    def __init__(self, waits, sleep):
        self.waits = tuple(waits)
        self.sleep = sleep
