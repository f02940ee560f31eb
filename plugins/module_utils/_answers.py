# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""What an answer (or its absence) means: the body a request gets, or the error it is.

Private to community.statuspage: it may change without notice.

Part of the transport layer: ``_client`` sends, this file reads what came back. Nothing here
indexes a body it has not checked: a success answer that cannot be what the request answers
(an HTML page from a proxy, a body cut short, a create without the new object) becomes an
``UnreadableAnswerError``, "outcome unknown" for a create, never a ``TypeError`` further on.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

try:
    import requests
except ImportError:  # pragma: no cover - _client reports the missing library
    requests = None

from ansible_collections.community.statuspage.plugins.module_utils._errors import (
    ServerError,
    UnreadableAnswerError,
    error_class_for_status,
)

MAY_HAVE_HAPPENED = ' (the request may still have been carried out)'


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


def _parsed(response):
    """``(True, body)`` when the body is JSON (``None`` for no body at all), else ``(False, None)``."""
    if response.status_code == 204 or not response.content:
        return True, None
    try:
        return True, response.json()
    except ValueError:
        return False, None


def _what_it_was(response):
    kind = (response.headers.get('Content-Type') or 'no content type').split(';')[0].strip()
    return '%s, %d bytes' % (kind, len(response.content or b''))


def read_answer(method, path, response, create):
    """The JSON body of a success answer, or ``UnreadableAnswerError``.

    ``create`` (a POST the caller did not call idempotent) must answer the new object, a JSON
    object with an ``id``: anything else leaves the outcome unknown, and the write policy reads
    the object back. Other requests must answer JSON, or nothing where nothing is expected
    (DELETE, PATCH, PUT, a replacing POST); a GET with no body is not taken for "nothing there".
    """
    readable, body = _parsed(response)
    head = '%s %s answered %d %s' % (method, path, response.status_code, response.reason or '')
    head = head.rstrip()
    if create:
        if readable and isinstance(body, dict) and body.get('id'):
            return body
        what = ('a body that is not JSON (%s)' % _what_it_was(response) if not readable
                else 'no object with an id (%s)' % ('an empty body' if body is None else 'a JSON %s' % type(body).__name__))
        raise _unreadable('%s with %s, not the object it created%s' % (head, what, MAY_HAVE_HAPPENED),
                          method, path, response, outcome_unknown=True)
    if not readable:
        raise _unreadable(
            '%s with a body that is not JSON (%s): something between this host and Statuspage (a proxy, '
            'a firewall, a captive portal) may have answered instead; check api_url and any proxy, '
            'then run the task again' % (head, _what_it_was(response)), method, path, response)
    if body is None and method == 'GET':
        raise _unreadable('%s with an empty body, where it answers what it read' % head, method, path, response)
    return body


def _unreadable(message, method, path, response, outcome_unknown=False):
    return UnreadableAnswerError(message, method=method, path=path, status=response.status_code,
                                 outcome_unknown=outcome_unknown)


def _base_hint(status, base_url):
    """What a newcomer's wrong base URL looks like from the first answer it gets."""
    if status == 404 and not base_url.rstrip('/').endswith('/v1'):
        return ('; api_url %s does not end in /v1: api_url should end in /v1 (for example '
                'https://api.statuspage.io/v1), unless it is a proxy that adds it' % base_url)
    if status == 401:
        return ('; the API key (api_key or STATUSPAGE_API_KEY) was refused by %s: check that it is a '
                'current user API key and that api_url is the API it belongs to' % base_url)
    return ''


def error_from_response(method, path, response, idempotent, base_url):
    """The exception for an error answer (status 400 and above), with the API's own message."""
    status = response.status_code
    try:
        body = response.json()
    except ValueError:
        body = response.text
    api_message = api_error_message(body)
    text = ('%s %s answered %d %s' % (method, path, status, response.reason or '')).rstrip()
    if api_message:
        text += ': %s' % api_message
    text += _base_hint(status, base_url)
    error_class = error_class_for_status(status)
    kwargs = {'method': method, 'path': path, 'status': status, 'api_message': api_message}
    if error_class is ServerError and not idempotent:
        return ServerError(text + MAY_HAVE_HAPPENED, outcome_unknown=True, **kwargs)
    return error_class(text, **kwargs)


def never_reached_server(exc):
    """True when the connection was never made, so not even a POST can have been carried out."""
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return True
    if isinstance(exc, requests.exceptions.ConnectionError):
        # requests wraps urllib3's MaxRetryError, whose ``reason`` tells a refused connect
        # (NewConnectionError) from one that broke after the request went out.
        reason = getattr(exc.args[0], 'reason', None) if exc.args else None
        return type(reason).__name__ == 'NewConnectionError'
    return False


def is_certificate_failure(exc):
    """A TLS certificate that did not verify: found in the handshake, before anything is sent."""
    text = str(exc)
    return isinstance(exc, requests.exceptions.SSLError) and (
        'CERTIFICATE_VERIFY_FAILED' in text or 'certificate verify failed' in text.lower())


def describe_transport_error(exc, timeout):
    if isinstance(exc, requests.exceptions.Timeout):
        return 'no answer within %s seconds (timeout)' % timeout
    if is_certificate_failure(exc):
        return ('the TLS certificate of the API could not be verified (%s). Behind a proxy that inspects '
                'TLS, give its CA bundle with ca_path (a PEM file); validate_certs=false skips the check, '
                'only for a test endpoint you trust. Not retried: it does not pass by waiting' % (exc,))
    if isinstance(exc, requests.exceptions.SSLError):
        return ('TLS error (%s); check ca_path (a PEM CA bundle) and validate_certs, or whether api_url '
                'points at a TLS port' % (exc,))
    return '%s: %s' % (type(exc).__name__, exc)
