# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Module glue shared by every module: common options, building the client, running the work.

Private to community.statuspage: it may change without notice.

A module declares its own options on top of ``common_argument_spec()`` and hands a function
``work(module, client) -> result dict`` to ``run_module``. That is the one place where the
exception family of ``_errors`` becomes ``fail_json``, and where throttling is reported.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible.module_utils.basic import env_fallback, missing_required_lib

from ansible_collections.community.statuspage.plugins.module_utils._api_url import DEFAULT_API_URL, api_path
from ansible_collections.community.statuspage.plugins.module_utils._client import (
    HAS_REQUESTS,
    REQUESTS_IMPORT_ERROR,
    StatuspageClient,
)
from ansible_collections.community.statuspage.plugins.module_utils._errors import (
    ForbiddenError,
    InputError,
    NotFoundError,
    StatuspageError,
)
from ansible_collections.community.statuspage.plugins.module_utils._pages import list_pages
from ansible_collections.community.statuspage.plugins.module_utils._rate_budget import (
    DEFAULT_LIMIT,
    DEFAULT_PERIOD,
    MODELS,
    budget_for,
    budget_problem,
)
from ansible_collections.community.statuspage.plugins.module_utils._secrets import secret_forms


def common_argument_spec():
    """The connection options documented once in the ``community.statuspage.statuspage`` fragment.

    ``api_key`` is required, but not marked so: AnsibleModule's own "missing required arguments:
    api_key" would fire first and not name STATUSPAGE_API_KEY; ``run_module`` says both.
    """
    return dict(
        api_key=dict(type='str', no_log=True, fallback=(env_fallback, ['STATUSPAGE_API_KEY'])),
        api_url=dict(type='str', default=DEFAULT_API_URL, fallback=(env_fallback, ['STATUSPAGE_API_URL'])),
        validate_certs=dict(type='bool', default=True),
        ca_path=dict(type='path'),
        timeout=dict(type='float', default=30),
        rate_limit_retry_timeout=dict(type='int', default=600),
        rate_limit_pacing=dict(type='bool', default=True, fallback=(env_fallback, ['STATUSPAGE_RATE_LIMIT_PACING'])),
        rate_limit_requests=dict(type='int', default=DEFAULT_LIMIT),
        rate_limit_period=dict(type='float', default=DEFAULT_PERIOD),
        rate_limit_model=dict(type='str', default='window', choices=list(MODELS)),
    )


def rate_budget(params):
    """The key's shared budget (``_rate_budget``), or ``None`` with ``rate_limit_pacing=false``."""
    if not params.get('rate_limit_pacing', True):
        return None
    problem = budget_problem(params['rate_limit_requests'], params['rate_limit_period'], params['rate_limit_model'])
    if problem:
        raise InputError(problem)
    return budget_for(params['api_url'] or DEFAULT_API_URL, (params['api_key'] or '').strip(),
                      params['rate_limit_requests'], params['rate_limit_period'], params['rate_limit_model'])


def page_argument_spec(required=True):
    """``page_id`` for modules that work on one page, with the STATUSPAGE_PAGE_ID fallback."""
    return dict(page_id=dict(type='str', required=required, fallback=(env_fallback, ['STATUSPAGE_PAGE_ID'])))


def client_from_module(module):
    params = module.params
    # Whatever a server echoes of the key, in whatever encoding, Ansible removes from all the
    # module prints (AnsibleModule applies no_log_values to results, warnings and messages).
    module.no_log_values.update(secret_forms((params['api_key'] or '').strip()))
    return StatuspageClient(
        api_key=params['api_key'],
        api_url=params['api_url'],
        validate_certs=params['validate_certs'],
        ca_path=params.get('ca_path'),
        timeout=params['timeout'],
        rate_limit_retry_timeout=params['rate_limit_retry_timeout'],
        rate_budget=rate_budget(params) if params['api_key'] else None,
    )


def api_requests(client):
    """What a task sent, for its result: ``{'total': n, 'GET': n, ...}`` (bulk modules report it)."""
    counts = dict(client.requests_by_method)
    counts['total'] = client.request_count
    return counts


def run_module(module, work):
    """Run ``work(module, client)`` and exit with its result, or fail once with a clear message."""
    if not HAS_REQUESTS:
        module.fail_json(msg=missing_required_lib('requests'), exception=REQUESTS_IMPORT_ERROR)
    client = None
    try:
        _check_required(module.params)
        client = client_from_module(module)
        result = work(module, client)
    except StatuspageError as exc:
        exc = _with_the_pages_the_key_sees(exc, client, module.params.get('page_id'))
        _warn_about_throttling(module, client)
        module.fail_json(msg=str(exc), **exc.to_result())
    _warn_about_throttling(module, client)
    module.exit_json(**result)


def _with_the_pages_the_key_sees(exc, client, page_id):
    """A 403 or 404 under a page the key does not see, told with the pages it does see.

    A mistyped page id is a newcomer's first error; one GET /pages, only on this failure path,
    turns "answered 404" into the list of ids to choose from. A 404 under a page that is there
    (a user deleted meanwhile) is left as it was.
    """
    page_path = api_path('pages', page_id) if page_id else None
    if client is None or page_path is None or not isinstance(exc, (ForbiddenError, NotFoundError)) \
            or not (exc.path == page_path or (exc.path or '').startswith(page_path + '/')):
        return exc
    try:
        pages = [page for page in list_pages(client) if isinstance(page, dict)]
    except StatuspageError:
        return exc
    if any(page.get('id') == page_id for page in pages):
        return exc
    seen = ', '.join('%r (%s)' % (page.get('name'), page.get('id')) for page in pages) or 'no page at all'
    message = '%s; page_id %r is not a page this API key can see: it sees %s' % (exc, page_id, seen)
    if str(exc).startswith('page_id'):
        message = '%s; the API key sees %s' % (exc, seen)
    exc.message = message
    exc.args = (message,)
    return exc


def _check_required(params):
    if not (params.get('api_key') or '').strip():
        raise InputError('no API key: set the api_key option, or the STATUSPAGE_API_KEY environment variable '
                         '(a user API key from the Statuspage management interface, "API info")')
    # An unset STATUSPAGE_PAGE_ID read through a template arrives as '', which passes
    # required=True and would turn into a request for /pages//...: say what is missing instead.
    page_id = params.get('page_id')
    if page_id is not None and not str(page_id).strip():
        raise InputError('page_id is empty: set the page_id option or the STATUSPAGE_PAGE_ID environment variable '
                         '(the 12-character id in the page\'s management URL)')


def _warn_about_throttling(module, client):
    # Waiting is not an error, but a person watching a slow run deserves to know why it was slow.
    if client is not None and client.throttle_waits:
        module.warn(
            'Statuspage throttled this task: it waited %d time(s), %.0f second(s) in all, '
            'for the rate limit (one request per second per API key)'
            % (client.throttle_waits, client.throttle_seconds))
