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
