# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Where requests go: the base URL a task may use, and the one way ids enter a path.

Private to community.statuspage: it may change without notice.

Part of the transport layer (with ``_client``, ``_retry_policy`` and ``_errors``): it knows
nothing about Ansible or about any resource.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import ipaddress

try:
    from urllib.parse import quote, urlsplit
except ImportError:  # pragma: no cover - Python 2 is not supported, this only keeps imports safe
    from urllib import quote  # type: ignore
    from urlparse import urlsplit  # type: ignore

from ansible_collections.community.statuspage.plugins.module_utils._errors import InputError

DEFAULT_API_URL = 'https://api.statuspage.io/v1'

LOOPBACK_NAMES = frozenset(['localhost', 'localhost.localdomain'])


def api_path(*segments):
    """Join path segments, URL-quoting each one: the one place where ids enter a URL."""
    return '/' + '/'.join(quote(str(segment), safe='') for segment in segments)


def is_loopback_host(host):
    if host is None:
        return False
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _shown_url(parts):
    """The URL without user info, query or fragment: those may hold a secret (``?api_key=``)."""
    host = parts.hostname or ''
    if parts.port:
        host = '%s:%s' % (host, parts.port)
    return '%s://%s%s' % (parts.scheme, host, parts.path)


def validate_api_url(api_url):
    """Return the normalised base URL or raise ``InputError``.

    Plain http is refused except on loopback: the key travels in a header, and over http that
    header can be read by anyone on the path. The emulator listens on 127.0.0.1, so tests work.
    Messages never repeat a query, fragment or user info, where people put keys by mistake.
    An empty value means the default: it is what an unset ``STATUSPAGE_API_URL`` read through a
    template, or an optional AWX credential field left empty, hands over.
    """
    url = (api_url or '').strip().rstrip('/') or DEFAULT_API_URL
    parts = urlsplit(url)
    if parts.scheme not in ('https', 'http') or not parts.hostname:
        raise InputError(
            'api_url is not an http(s) URL with a host: expected something like %s' % DEFAULT_API_URL)
    if parts.query or parts.fragment or parts.username or parts.password:
        raise InputError(
            'api_url %s... must not carry a query, a fragment or user info (the API key goes in '
            'api_key or STATUSPAGE_API_KEY, and travels in a header)' % _shown_url(parts))
    if parts.scheme == 'http' and not is_loopback_host(parts.hostname):
        raise InputError(
            'api_url %s uses plain http to a host that is not loopback, so the API key would '
            'travel in clear: use https (for example %s); plain http is accepted only for '
            '127.0.0.1, ::1 or localhost (the local emulator)' % (_shown_url(parts), DEFAULT_API_URL))
    return url
