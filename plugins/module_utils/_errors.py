# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The one exception family of the collection.

Private to community.statuspage: it may change without notice.

The client raises these; each module's ``main()`` catches ``StatuspageError`` once and turns it
into a single ``fail_json``. Every error carries what a person needs to act on it (the request's
method and path, the HTTP status, the API's own message) and never the API key: the client
scrubs it before raising.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class StatuspageError(Exception):
    """Base of every error this collection raises about Statuspage or its input.

    ``outcome_unknown`` is true when the request was a create that may have been carried out
    although no usable answer came back: the write policy must re-read before anything else.
    The client then sets ``reread_pacing`` (``_retry_policy.RereadPacing``): how patiently.
    """

    def __init__(self, message, method=None, path=None, status=None, api_message=None, outcome_unknown=False):
        super(StatuspageError, self).__init__(message)
        self.message = message
        self.method = method
        self.path = path
        self.status = status
        self.api_message = api_message
        self.outcome_unknown = outcome_unknown
        self.reread_pacing = None
        # True when the client had sent this request more than once (after a 5xx or a lost
        # connection) before this answer.
        self.retried = False

    def rewrite(self, change):
        """Apply ``change`` (text -> text) to every text the error shows: the client's scrubbing."""
        self.message = change(self.message)
        self.args = (self.message,)
        if self.api_message is not None:
            self.api_message = change(self.api_message)

    def __str__(self):
        return self.message

    def to_result(self):
        """The fields that go beside ``msg`` in ``fail_json``: enough to debug, nothing secret."""
        details = {}
        for key in ('method', 'path', 'status', 'api_message'):
            value = getattr(self, key)
            if value is not None:
                details[key] = value
        return details


class InputError(StatuspageError):
    """The task's own options are wrong; raised before any write is sent."""


class ApiError(StatuspageError):
    """Statuspage answered with an error status."""


class AuthenticationError(ApiError):
    """401: the API key is missing, unknown or revoked."""


class ForbiddenError(ApiError):
    """403: the key is valid but may not touch this page or resource."""


class NotFoundError(ApiError):
    """404: no such page or resource (reads turn this into ``None``)."""


class ConflictError(ApiError):
    """409: the resource already exists (for page access users: the e-mail is taken)."""


class InvalidRequestError(ApiError):
    """400 or 422: the API refused the body or the parameters."""


class ThrottledError(ApiError):
    """420 or 429 for longer than ``rate_limit_retry_timeout`` allows."""


class ServerError(ApiError):
    """5xx from Statuspage (``outcome_unknown`` for a create: it may have been carried out)."""


class UnreadableAnswerError(ApiError):
    """A success status whose body is not what the request answers: not JSON (a proxy's or a
    firewall's HTML page), cut short, or, for a create, not the new object with its id.

    For a create the outcome is unknown; for any other request it is a clear error."""


class TransportError(StatuspageError):
    """No HTTP answer at all: DNS, TLS, refused or reset connection, timeout, a body cut short."""


# 409 is mapped to ConflictError, 420/429 never reach this table (they are retried first).
ERROR_CLASS_BY_STATUS = {
    400: InvalidRequestError,
    401: AuthenticationError,
    403: ForbiddenError,
    404: NotFoundError,
    409: ConflictError,
    422: InvalidRequestError,
}


def error_class_for_status(status):
    if status in ERROR_CLASS_BY_STATUS:
        return ERROR_CLASS_BY_STATUS[status]
    if status >= 500:
        return ServerError
    return ApiError
