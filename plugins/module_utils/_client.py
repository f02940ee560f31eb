# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The collection's one HTTP client for the Statuspage REST API.

Private to community.statuspage: it may change without notice.

Everything about talking to Statuspage lives here and nowhere else: authentication, JSON
bodies, throttling (420/429), retries of requests that are safe to repeat (which ones, and how
long to wait, is ``_retry_policy``), pagination and the translation of error answers into the
exception family of ``_errors``. The base URL is checked by ``_api_url``. It knows nothing about
Ansible, so it can be unit tested and reused by every module alike.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import time
import traceback

REQUESTS_IMPORT_ERROR = None
try:
    import requests
    HAS_REQUESTS = True
except ImportError:
    HAS_REQUESTS = False
    REQUESTS_IMPORT_ERROR = traceback.format_exc()

from ansible_collections.community.statuspage.plugins.module_utils._api_url import DEFAULT_API_URL, validate_api_url
from ansible_collections.community.statuspage.plugins.module_utils._errors import (
    InputError,
    ServerError,
    ThrottledError,
    TransportError,
    error_class_for_status,
)
from ansible_collections.community.statuspage.plugins.module_utils._retry_policy import (
    IDEMPOTENT_METHODS,
    RETRYABLE_SERVER_STATUSES,
    SERVER_ERROR_ATTEMPTS,
    SERVER_ERROR_BACKOFF,
    THROTTLE_STATUSES,
    parse_retry_after,
)
from ansible_collections.community.statuspage.plugins.module_utils._version import COLLECTION_VERSION

USER_AGENT = 'ansible-community.statuspage/%s' % COLLECTION_VERSION

# Statuspage answers a list with at most 100 items; asking for fewer only costs more requests.
PER_PAGE = 100


def api_error_message(body):
    """The API's own words from an error body: ``{"message": ...}`` or ``{"error": str|list}``."""
    if isinstance(body, dict):
        parts = []
        for key in ('message', 'error', 'errors'):
            value = body.get(key)
            if isinstance(value, (list, tuple)):
                parts.extend(str(item) for item in value)
            elif isinstance(value, dict):
                parts.extend('%s %s' % (k, v) for k, v in sorted(value.items()))
            elif value:
                parts.append(str(value))
        if parts:
            return '; '.join(parts)
    elif isinstance(body, (list, tuple)) and body:
        return '; '.join(str(item) for item in body)
    elif body:
        return str(body)[:500]
    return None


def _never_reached_server(exc):
    """True when the connection was never made, so not even a POST can have been carried out."""
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return True
    if isinstance(exc, requests.exceptions.ConnectionError):
        # requests wraps urllib3's MaxRetryError, whose ``reason`` tells a refused connect
        # (NewConnectionError) from one that broke after the request went out.
        reason = getattr(exc.args[0], 'reason', None) if exc.args else None
        return type(reason).__name__ == 'NewConnectionError'
    return False


class StatuspageClient(object):
    """A small Statuspage API client on one ``requests.Session``.

    ``sleep`` is injectable so that tests can drive throttling without waiting.
    The client counts what it sends (``request_count``, ``requests_by_method``) and how long it
    waited on throttling (``throttle_waits``, ``throttle_seconds``) so modules can report both.
    """

    def __init__(self, api_key, api_url=DEFAULT_API_URL, validate_certs=True, timeout=30,
                 rate_limit_retry_timeout=600, session=None, sleep=None):
        # A key pasted from a file often ends in a newline; requests would refuse the header and
        # quote it (escaped, so no scrubbing could find it) in its error. Clean it or refuse it
        # here, and never repeat it.
        api_key = (api_key or '').strip()
        if not api_key:
            raise InputError(
                'no API key: set the api_key option or the STATUSPAGE_API_KEY environment variable')
        if any(ord(char) < 32 or ord(char) == 127 or char.isspace() for char in api_key):
            raise InputError(
                'the API key contains spaces or control characters, so it cannot be a Statuspage '
                'API key: check how it is stored (the key itself is not shown here)')
        self._api_key = api_key
        self.base_url = validate_api_url(api_url)
        self.validate_certs = validate_certs
        self.timeout = timeout
        self.rate_limit_retry_timeout = rate_limit_retry_timeout
        self._injected_sleep = sleep
        self._session = session if session is not None else requests.Session()
        self._session.headers.update({
            'Authorization': 'OAuth %s' % api_key,
            'Accept': 'application/json',
            'User-Agent': USER_AGENT,
        })
        self.request_count = 0
        self.requests_by_method = {}
        self.throttle_waits = 0
        self.throttle_seconds = 0.0

    # ---- public verbs -------------------------------------------------------------------------

    def get(self, path, params=None):
        """The JSON body of a GET, or ``None`` when Statuspage answers 404."""
        return self.request('GET', path, params=params, not_found_is_none=True)

    def list(self, path, params=None):
        """Every item of a paginated list: walks ``page`` with ``per_page=100`` to the last page.

        A page shorter than ``per_page`` is the last one (Statuspage sends no total count).
        """
        items = []
        page = 1
        while True:
            query = dict(params or {})
            query.update({'page': page, 'per_page': PER_PAGE})
            batch = self.request('GET', path, params=query)
            if not isinstance(batch, list):
                raise error_class_for_status(500)(
                    'GET %s answered something that is not a list' % path, method='GET', path=path)
            items.extend(batch)
            if len(batch) < PER_PAGE:
                return items
            page += 1

    def post(self, path, body, idempotent=False):
        return self.request('POST', path, body=body, idempotent=idempotent)

    def patch(self, path, body):
        return self.request('PATCH', path, body=body)

    def put(self, path, body):
        return self.request('PUT', path, body=body)

    def delete(self, path, body=None):
        return self.request('DELETE', path, body=body)

    # ---- the one request loop -----------------------------------------------------------------

    def request(self, method, path, params=None, body=None, idempotent=None, not_found_is_none=False):
        """Send one API request, waiting out throttling and retrying what is safe to retry."""
        if idempotent is None:
            idempotent = method in IDEMPOTENT_METHODS
        url = self.base_url + path
        server_error_attempt = 0
        while True:
            try:
                response = self._send(method, url, params, body)
            except requests.exceptions.RequestException as exc:
                never_sent = _never_reached_server(exc)
                if (idempotent or never_sent) and server_error_attempt < SERVER_ERROR_ATTEMPTS - 1:
                    self._sleep(SERVER_ERROR_BACKOFF[server_error_attempt])
                    server_error_attempt += 1
                    continue
                raise TransportError(
                    self._scrub('%s %s failed without an answer from Statuspage: %s' % (
                        method, path, self._describe_transport_error(exc))),
                    outcome_unknown=not idempotent and not never_sent, method=method, path=path)

            status = response.status_code
            if status in THROTTLE_STATUSES:
                wait = parse_retry_after(response.headers.get('Retry-After'))
                # The budget is the task's, not the request's: a bulk task that is throttled
                # a little on each of many requests must still stop at the limit.
                if self.throttle_seconds + wait > self.rate_limit_retry_timeout:
                    raise ThrottledError(
                        '%s %s: Statuspage kept answering %d (throttled) and waiting %.0f more '
                        'seconds would pass rate_limit_retry_timeout=%s; raise that option or '
                        'spread the work over a longer time' % (
                            method, path, status, wait, self.rate_limit_retry_timeout),
                        method=method, path=path, status=status,
                        api_message=self._api_message(response))
                self.throttle_waits += 1
                self.throttle_seconds += wait
                self._sleep(wait)
                continue

            if status in RETRYABLE_SERVER_STATUSES and idempotent \
                    and server_error_attempt < SERVER_ERROR_ATTEMPTS - 1:
                self._sleep(SERVER_ERROR_BACKOFF[server_error_attempt])
                server_error_attempt += 1
                continue

            if status == 404 and not_found_is_none:
                return None
            if status >= 400:
                error = self._error_from_response(method, path, response, idempotent)
                # A 404 to a repeated DELETE may mean our first attempt did the work: callers
                # that report "changed" need to know the request was sent more than once.
                error.retried = server_error_attempt > 0
                raise error
            return self._json_body(response)

    # ---- helpers ------------------------------------------------------------------------------

    def _sleep(self, seconds):
        # time.sleep is looked up at call time, so tests can replace it and never really wait.
        (self._injected_sleep or time.sleep)(seconds)

    def _send(self, method, url, params, body):
        self.request_count += 1
        self.requests_by_method[method] = self.requests_by_method.get(method, 0) + 1
        kwargs = {'params': params, 'timeout': self.timeout, 'verify': self.validate_certs}
        if body is not None:
            kwargs['json'] = body
        return self._session.request(method, url, **kwargs)

    @staticmethod
    def _json_body(response):
        if response.status_code == 204 or not response.content:
            return None
        try:
            return response.json()
        except ValueError:
            return None

    def _api_message(self, response):
        try:
            body = response.json()
        except ValueError:
            body = response.text
        message = api_error_message(body)
        return self._scrub(message) if message else None

    def _error_from_response(self, method, path, response, idempotent):
        status = response.status_code
        api_message = self._api_message(response)
        reason = response.reason or ''
        text = '%s %s answered %d %s' % (method, path, status, reason)
        text = text.rstrip()
        if api_message:
            text += ': %s' % api_message
        error_class = error_class_for_status(status)
        kwargs = {'method': method, 'path': path, 'status': status, 'api_message': api_message}
        if error_class is ServerError:
            outcome_unknown = not idempotent
            if outcome_unknown:
                text += ' (the request may still have been carried out)'
            return ServerError(text, outcome_unknown=outcome_unknown, **kwargs)
        return error_class(text, **kwargs)

    def _describe_transport_error(self, exc):
        if isinstance(exc, requests.exceptions.Timeout):
            return 'no answer within %s seconds (timeout)' % self.timeout
        if isinstance(exc, requests.exceptions.SSLError):
            return 'TLS error (%s); validate_certs=false skips certificate checks' % (exc,)
        return '%s: %s' % (type(exc).__name__, exc)

    def _scrub(self, text):
        """Remove the API key from any text: it must never reach a message or a log."""
        if text and self._api_key:
            for form in (self._api_key, repr(self._api_key)[1:-1]):
                text = text.replace(form, '********')
        return text
