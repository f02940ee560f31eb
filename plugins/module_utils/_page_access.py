# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""A page that may not be audience-specific: what the access modules say about it, and when.

Private to community.statuspage: it may change without notice.

Page access users and groups "have no effect" until Statuspage makes a page audience-specific
(the description's page access tags; the old v1 documentation said the same of access control).
No field of the Page object names its type, so what a module can know depends on the answer:

- **The page refuses** the page access endpoints (a 403, 404 or 422 where an audience-specific
  page answers): ``explaining_refusals`` turns that into an error that says so, instead of "not
  found". It costs nothing while the page answers; after a read is refused, one read of the
  page (and one of its user list, unless that was the read refused) tells a refusing page from
  a missing page, a key without access, or a request that was wrong.
- **The page accepts** them with no effect: no answer differs from an audience-specific page's.
  The modules then warn when they create the first user (or group) of a page that had none
  (``first_on_page_warning``): that is when a page is most likely not set up yet, and knowing it
  costs no request (the look-up that finds nobody has read the page's users, or groups). The
  probe (``statuspage_api_probe``, docs/docsite/rst/guide_probe.rst) shows what a page answers.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.community.statuspage.plugins.module_utils._errors import ApiError, StatuspageError
from ansible_collections.community.statuspage.plugins.module_utils._pages import get_page
from ansible_collections.community.statuspage.plugins.module_utils._users import users_path

# The statuses a refusing page may plausibly answer (the emulator guide,
# docs/docsite/rst/guide_emulator.rst, variant refusal-status).
REFUSAL_STATUSES = (403, 404, 422)
ACCESS_PATH_PART = '/page_access_'


def first_on_page_warning(page_id, what):
    """The warning for the first ``what`` ("page access user") a task creates on page ``page_id``."""
    return ('page %s had no %ss before this task. Statuspage accepts page access users and groups on any '
            'page, but they have an effect only once Statuspage has made the page audience-specific, and no '
            'API answer tells the two apart: make sure this page is audience-specific (the playbook '
            'community.statuspage.probe_api shows what a page answers)' % (page_id, what))


def _answers_like_a_refusing_page(client, page_id, exc):
    """Whether the page's user list is refused too, and the page itself answers."""
    listing = users_path(page_id)
    if not (exc.method == 'GET' and exc.path == listing):
        try:
            client.request('GET', listing, params={'page': 1, 'per_page': 1})
            return False
        except ApiError as check:
            if check.status not in REFUSAL_STATUSES:
                return False
    try:
        return get_page(client, page_id) is not None
    except StatuspageError:
        return False


def refusal_error(client, page_id, exc):
    """The error to raise for ``exc``: one that says the page refuses its page access endpoints,
    when it does; else ``exc`` itself."""
    # Every access module reads before it writes, and a refusing page refuses the reads too: an
    # error to a write that follows reads that worked is never the page's type.
    if not isinstance(exc, ApiError) or exc.method != 'GET' or exc.status not in REFUSAL_STATUSES \
            or ACCESS_PATH_PART not in (exc.path or ''):
        return exc
    if not _answers_like_a_refusing_page(client, page_id, exc):
        return exc
    return StatuspageError(
        'page %s refused its page access endpoints: %s %s answered %d%s. The page itself answers, so '
        'page_id is right: Statuspage does this on a page that is not audience-specific (page access users '
        'and groups work only there). Ask Statuspage to make the page audience-specific; the playbook '
        'community.statuspage.probe_api shows what a page answers'
        % (page_id, exc.method, exc.path, exc.status, (' (%s)' % exc.api_message) if exc.api_message else ''),
        method=exc.method, path=exc.path, status=exc.status, api_message=exc.api_message)


def explaining_refusals(work):
    """``work(module, client)`` whose errors from a page that refuses its page access endpoints
    say so (``refusal_error``); for every module that reads or writes page access users or groups."""
    def run(module, client):
        try:
            return work(module, client)
        except ApiError as exc:
            raise refusal_error(client, module.params['page_id'], exc)
    return run
