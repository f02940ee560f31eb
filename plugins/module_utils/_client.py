# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The collection's one HTTP client for the Statuspage REST API.

Private to community.statuspage: it may change without notice.

Everything about talking to Statuspage lives here and nowhere else: authentication, JSON
bodies, throttling (420/429), retries of requests that are safe to repeat (which ones, and how
long to wait, is ``_retry_policy``), pagination, and turning answers into bodies or into the
exception family of ``_errors`` (how, is ``_answers``). The base URL is checked by ``_api_url``,
the key by ``_secrets``, which also says in which forms it is scrubbed from every error raised
here. It knows nothing about Ansible, so it can be unit tested and reused by every module alike.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import math
import os
import time
import traceback

REQUESTS_IMPORT_ERROR = None
try:
    import requests
    HAS_REQUESTS = True
except ImportError:
    HAS_REQUESTS = False
    REQUESTS_IMPORT_ERROR = traceback.format_exc()

from ansible_collections.community.statuspage.plugins.module_utils._answers import (
    describe_transport_error,
    error_from_response,
    is_certificate_failure,
    never_reached_server,
    read_answer,
)
from ansible_collections.community.statuspage.plugins.module_utils._api_url import DEFAULT_API_URL, validate_api_url
from ansible_collections.community.statuspage.plugins.module_utils._errors import (
    ApiError,
    InputError,
    StatuspageError,
    ThrottledError,
    TransportError,
    UnreadableAnswerError,
)
from ansible_collections.community.statuspage.plugins.module_utils._retry_policy import (
    IDEMPOTENT_METHODS,
    RETRYABLE_SERVER_STATUSES,
    SERVER_ERROR_ATTEMPTS,
    SERVER_ERROR_BACKOFF,
    THROTTLE_STATUSES,
    RereadPacing,
    parse_retry_after,
    reread_waits,
)
from ansible_collections.community.statuspage.plugins.module_utils._secrets import key_problem, scrub, secret_forms
from ansible_collections.community.statuspage.plugins.module_utils._version import COLLECTION_VERSION

USER_AGENT = 'ansible-community.statuspage/%s' % COLLECTION_VERSION

# Statuspage answers a list with at most 100 items; asking for fewer only costs more requests.
PER_PAGE = 100
# A list of 100,000 items is beyond any page this collection is for, and a server that ignores
# ``page`` answers full pages for ever: stop there rather than loop.
MAX_PAGES = 1000


def checked_timeout(timeout):
    try:
        seconds = float(timeout)
    except (TypeError, ValueError):
        seconds = float('nan')
    if math.isnan(seconds) or math.isinf(seconds) or seconds <= 0:
        raise InputError('timeout=%s: it must be a positive number of seconds, the wait for each HTTP answer '
                         '(for example 30, the default)' % (timeout,))
    return seconds


def checked_options(api_key, timeout, rate_limit_retry_timeout, ca_path):
    """Refuse, before any request, what would fail later with a traceback or a confusing answer."""
    problem = key_problem(api_key)
    if problem:
        raise InputError('the API key (option api_key, or the STATUSPAGE_API_KEY environment variable) %s, so '
                         'it cannot be a Statuspage API key: check how it is stored (the key itself is not '
                         'shown here); Statuspage keys are printable ASCII' % problem)
    if rate_limit_retry_timeout is None or rate_limit_retry_timeout < 0:
        raise InputError('rate_limit_retry_timeout=%s: it must be 0 or more seconds (0 fails at the first '
                         'throttled answer)' % (rate_limit_retry_timeout,))
    if ca_path and not os.path.exists(ca_path):
        raise InputError('ca_path %s: no such file or directory; give the PEM file of the CA that signs the '
                         "API's certificate (for a TLS-inspecting proxy, its CA)" % ca_path)
    return checked_timeout(timeout)


class StatuspageClient(object):
    """A small Statuspage API client on one ``requests.Session``.

    ``sleep`` is injectable so that tests can drive throttling without waiting.
    The client counts what it sends (``request_count``, ``requests_by_method``) and how long it
    waited on throttling (``throttle_waits``, ``throttle_seconds``) so modules can report both.
    With a ``rate_budget`` (``_rate_budget.RateBudget``), each request first takes its turn from
    the key's budget shared by every process on the controller, so that none is refused.
    """

    def __init__(self, api_key, api_url=DEFAULT_API_URL, validate_certs=True, timeout=30,
                 rate_limit_retry_timeout=600, session=None, sleep=None, ca_path=None, rate_budget=None):
        # A key pasted from a file often ends in a newline; requests would refuse the header and
        # quote it (escaped, so no scrubbing could find it) in its error. Clean it or refuse it
        # here, and never repeat it.
        api_key = (api_key or '').strip()
        if not api_key:
            raise InputError(
                'no API key: set the api_key option or the STATUSPAGE_API_KEY environment variable')
        self.timeout = checked_options(api_key, timeout, rate_limit_retry_timeout, ca_path)
        self.secret_forms = secret_forms(api_key)
        self.base_url = validate_api_url(api_url)
        # requests verifies with a CA bundle when ``verify`` is its path; false turns checks off.
        self.verify = ca_path if (validate_certs and ca_path) else bool(validate_certs)
        self.rate_limit_retry_timeout = rate_limit_retry_timeout
        # The key's budget shared with every process on this controller (``_rate_budget``), or None.
        self.rate_budget = rate_budget
        self._injected_sleep = sleep
        self._session = session if session is not None else requests.Session()
        self._session.headers.update({
            'Authorization': 'OAuth %s' % api_key,
            'Accept': 'application/json',
            'User-Agent': USER_AGENT,
        })
        self._answered = False
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

        A page shorter than ``per_page`` is the last one (Statuspage sends no total count). A page
        that repeats an earlier one (a server, or a proxy's cache, ignoring ``page``) and a list
        longer than ``MAX_PAGES`` pages end in a clear error instead of a loop.
        """
        items = []
        seen = {}
        for page in range(1, MAX_PAGES + 1):
            query = dict(params or {})
            query.update({'page': page, 'per_page': PER_PAGE})
            batch = self.request('GET', path, params=query)
            if not isinstance(batch, list):
                raise UnreadableAnswerError(
                    'GET %s answered something that is not a list (a JSON %s)' % (path, type(batch).__name__),
                    method='GET', path=path)
            if len(batch) < PER_PAGE:
                return items + batch
            signature = json.dumps(batch, sort_keys=True, default=str)
            if signature in seen:
                raise ApiError(
                    'GET %s answered page %d with the same items as page %d: the server does not honour the '
                    'page parameter, so the list was stopped after %d requests' % (path, page, seen[signature], page),
                    method='GET', path=path)
            seen[signature] = page
            items.extend(batch)
        raise ApiError('GET %s still answered full pages after %d pages (%d items): stopped rather than read '
                       'for ever' % (path, MAX_PAGES, MAX_PAGES * PER_PAGE), method='GET', path=path)

    def post(self, path, body, idempotent=False):
        """A create (its answer must be the new object), or with ``idempotent`` a replace."""
        return self.request('POST', path, body=body, idempotent=idempotent)

    def patch(self, path, body):
        return self.request('PATCH', path, body=body)

    def put(self, path, body):
        return self.request('PUT', path, body=body)

    def delete(self, path, body=None):
        return self.request('DELETE', path, body=body)

    def scrub(self, text):
        """Remove the API key, in every form a server could echo, from ``text``."""
        return scrub(text, self.secret_forms)

    # ---- the one request loop -----------------------------------------------------------------

    def request(self, method, path, params=None, body=None, idempotent=None, not_found_is_none=False):
        """Send one API request, waiting out throttling and retrying what is safe to retry.

        Every error leaves here scrubbed of the key; one whose outcome is unknown carries the
        pacing of its re-read (about one request timeout, see ``_retry_policy.reread_waits``).
        """
        if idempotent is None:
            idempotent = method in IDEMPOTENT_METHODS
        try:
            return self._request(method, path, params, body, idempotent, not_found_is_none)
        except StatuspageError as exc:
            exc.rewrite(self.scrub)
            if exc.outcome_unknown:
                exc.reread_pacing = RereadPacing(reread_waits(self.timeout), self._sleep)
            raise

    def _request(self, method, path, params, body, idempotent, not_found_is_none):
        url = self.base_url + path
        server_error_attempt = 0
        while True:
            try:
                response = self._send(method, url, params, body)
            except requests.exceptions.RequestException as exc:
                never_sent = never_reached_server(exc) or is_certificate_failure(exc)
                # A TLS failure does not pass by waiting: fail at once.
                retry = (idempotent or never_sent) and not isinstance(exc, requests.exceptions.SSLError)
                if retry and server_error_attempt < SERVER_ERROR_ATTEMPTS - 1:
                    self._sleep(SERVER_ERROR_BACKOFF[server_error_attempt])
                    server_error_attempt += 1
                    continue
                raise TransportError(
                    '%s %s failed without an answer from Statuspage: %s' % (
                        method, path, describe_transport_error(exc, self.timeout)),
                    outcome_unknown=not idempotent and not never_sent, method=method, path=path)

            status = response.status_code
            if status in THROTTLE_STATUSES:
                self._wait_out_throttling(method, path, response)
                continue

            if status in RETRYABLE_SERVER_STATUSES and idempotent \
                    and server_error_attempt < SERVER_ERROR_ATTEMPTS - 1:
                self._sleep(SERVER_ERROR_BACKOFF[server_error_attempt])
                server_error_attempt += 1
                continue

            if status == 404 and not_found_is_none and not self._wrong_base_suspected(response):
                return None
            if status >= 400:
                error = error_from_response(method, path, response, idempotent, self.base_url)
                # A 404 to a repeated DELETE may mean our first attempt did it: callers that
                # report "changed" need to know the request was sent more than once.
                error.retried = server_error_attempt > 0
                raise error
            self._answered = True
            return read_answer(method, path, response, create=method == 'POST' and not idempotent)

    # ---- helpers ------------------------------------------------------------------------------

    def _wrong_base_suspected(self, response):
        """A 404 that is no API answer (not a JSON object), before any success, from a base URL
        without /v1: the base is wrong, and "not found" would make a module create the object.
        A proxy in front of the API (Prism) may lack /v1 and still answer the API's JSON 404s."""
        if self._answered or self.base_url.endswith('/v1'):
            return False
        try:
            return not isinstance(response.json(), dict)
        except ValueError:
            return True

    def _wait_out_throttling(self, method, path, response):
        status = response.status_code
        wait = parse_retry_after(response.headers.get('Retry-After'))
        # The budget is the task's, not the request's: a bulk task that is throttled a little
        # on each of many requests must still stop at the limit.
        if self.throttle_seconds + wait > self.rate_limit_retry_timeout:
            raise ThrottledError(
                '%s %s: Statuspage kept answering %d (throttled) and waiting %.0f more seconds would pass '
                'rate_limit_retry_timeout=%s; raise that option or spread the work over a longer time' % (
                    method, path, status, wait, self.rate_limit_retry_timeout),
                method=method, path=path, status=status,
                api_message=error_from_response(method, path, response, True, self.base_url).api_message)
        self.throttle_waits += 1
        self.throttle_seconds += wait
        if self.rate_budget is not None:
            # Every other process of the key would be refused too: hold them all.
            self.rate_budget.throttled(wait)
        self._sleep(wait)

    def _sleep(self, seconds):
        # time.sleep is looked up at call time, so tests can replace it and never really wait.
        (self._injected_sleep or time.sleep)(seconds)

    def _send(self, method, url, params, body):
        if self.rate_budget is not None:
            self.rate_budget.acquire()
        self.request_count += 1
        self.requests_by_method[method] = self.requests_by_method.get(method, 0) + 1
        kwargs = {'params': params, 'timeout': self.timeout, 'verify': self.verify}
        if body is not None:
            kwargs['json'] = body
        try:
            return self._session.request(method, url, **kwargs)
        finally:
            if self.rate_budget is not None:
                self.rate_budget.answered()
