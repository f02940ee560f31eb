# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""What the API probe saw, named, and what the collection does with each answer: its table.

Private to community.statuspage: it may change without notice.

``_probe`` sends the requests and fills ``findings`` (a dict whose values use the names of the
emulator's variants, docs/docsite/rst/guide_emulator.rst, so that a test compares them directly); this file reads
answers into those names and turns the findings into rows: question, answer seen, what the
collection does with it. What it says the collection does is read from the same functions the
modules use (``shown_group_ids``, ``shown_grant_ids``, ``taken_email``, ``api_error_message``),
so the table cannot claim a handling the code does not have.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json

from ansible_collections.community.statuspage.plugins.module_utils._answers import api_error_message

NOT_PROBED = 'not probed'
REAL_RUN = 'needs a real run (not check mode)'


# ---- reading answers --------------------------------------------------------------------------

def error_body_shape(response):
    """The shape of an error answer's body, as the emulator's ``error-body`` variant names it."""
    try:
        body = response.json()
    except ValueError:
        return 'text' if (response.text or '').strip() else 'empty'
    if isinstance(body, dict):
        if 'message' in body:
            return 'message'
        if isinstance(body.get('error'), (list, tuple)):
            return 'error-list'
        if 'error' in body:
            return 'error-string'
        return 'other-object'
    if isinstance(body, str):
        return 'bare-string'
    return 'other-json'


def error_body_message(response):
    """The message the collection shows for an error answer (``api_message``)."""
    try:
        body = response.json()
    except ValueError:
        body = response.text
    return api_error_message(body)


def group_ids_shape(user, group_id=None):
    """How a user object shows its groups: ``list``, ``csv-string``, ``json-string``, ``singular``
    (only ``page_access_group_id``), ``absent``; ``...-without-the-group`` when it does not show
    ``group_id``, a group the user was created in."""
    if not isinstance(user, dict):
        return None
    if 'page_access_group_ids' not in user:
        if 'page_access_group_id' in user and (group_id is None or user.get('page_access_group_id') == group_id):
            return 'singular'
        return 'absent'
    value = user['page_access_group_ids']
    if isinstance(value, (list, tuple)):
        shape, ids = 'list', [str(item) for item in value]
    elif isinstance(value, str) and value.strip().startswith('['):
        shape = 'json-string'
        try:
            ids = [str(item) for item in json.loads(value)]
        except (ValueError, TypeError):
            ids = []
    elif isinstance(value, str):
        shape, ids = 'csv-string', [part.strip() for part in value.split(',')]
    else:
        return 'other'
    if group_id is not None and group_id not in ids:
        return shape + '-without-the-group'
    return shape


def carries_grants(user):
    """Whether a user object carries ``component_ids`` and ``metric_ids`` (``None``: no object)."""
    if not isinstance(user, dict):
        return None
    return 'component_ids' in user and 'metric_ids' in user


# ---- the table --------------------------------------------------------------------------------

def _seen(value, when_none=REAL_RUN):
    return when_none if value is None else value


def _page_access(f):
    if f.get('page_access') == 'refused':
        return ('refused: %s answered %s (the page itself answers)' % (f.get('refused_request'), f.get('refusal_status')),
                'every access module fails saying the page refused its page access endpoints (not "not found")')
    return ('accepted (answered like an audience-specific page; no answer tells whether access control '
            'is on: check the page in the web interface)',
            'the modules work; they warn when they create the first user or group of a page, since no answer '
            'tells an audience-specific page from one where access has no effect')


def _grants(f):
    single, listed, match = f.get('user_grants_single'), f.get('user_grants_list'), f.get('user_grants_match')
    if single is None and listed is None:
        return _seen(None, f.get('user_grants_why')), 'reads .../components and .../metrics of each user it manages'
    words = ', '.join('%s: %s' % (where, {True: 'yes', False: 'no', None: 'not seen'}[value])
                      for where, value in (('single', single), ('list', listed)))
    if match is False:
        return (words + '; but component_ids did NOT show the component the probe granted',
                'it would read grants from the object and get them wrong: please report this table')
    if single or listed:
        checked = ' (showing the component granted)' if match else ''
        return (words + checked,
                'reads grants from the user object where it carries them (no request), else from .../components')
    return words + ' (as the description)', 'reads .../components and .../metrics (one request per 100 each)'


def _group_echo(f):
    shapes = f.get('group_ids_echo') or {}
    if not shapes:
        return _seen(None, f.get('group_ids_why')), '-'
    words = ', '.join('%s: %s' % (where, shapes[where]) for where in ('create', 'single', 'list') if where in shapes)
    read = f.get('group_ids_read')
    if read is False:
        return words, ('does not take the groups from the user object: reads them from the groups, which list '
                       'their users (one request per 100 groups), after a write too')
    return words, 'reads the groups from the user object (list, or a string of ids or of JSON)'


def _duplicate(f):
    status = f.get('duplicate_status')
    if status is None:
        return _seen(None, f.get('duplicate_why')), '-'
    if status == 'accepted':
        return ('accepted: a second user was created (the probe removed it)',
                'looks for the address before every create, so it never relies on the refusal')
    seen = '%s (body: %s)%s' % (status, f.get('duplicate_body'),
                                (': %s' % f['duplicate_message']) if f.get('duplicate_message') else '')
    if f.get('duplicate_recognised'):
        return seen, 'adopts the existing user (409, or a 422 saying the e-mail is taken)'
    return seen, 'does NOT recognise this answer as a duplicate and fails the task: please report this table'


def _filter(f):
    value = f.get('email_filter')
    words = {'insensitive': 'ignores case', 'sensitive': 'case-sensitive (finds only the exact spelling)',
             'no-match': 'found nobody, not even with the exact spelling'}
    return (words.get(value) or _seen(None, f.get('email_filter_why')),
            'compares addresses ignoring case; when the filter finds nobody it reads the first 100 users (and '
            'asks the filter once in swapped case on a larger page) before it creates anyone')


def _uniqueness(f):
    value = f.get('email_uniqueness')
    words = {'insensitive': 'ignores case (the swapped-case create was refused)',
             'sensitive': 'case-sensitive (the swapped-case create made a second user; the probe removed it)'}
    return (words.get(value) or _seen(None, f.get('email_uniqueness_why')),
            'never creates a second user for an address in another case: it looks for it in any case first')


def _error_body(f):
    shape = f.get('error_body')
    if shape is None:
        return NOT_PROBED, '-'
    seen = '%s (%s answered %s)' % (shape, f.get('error_request'), f.get('error_status'))
    message = f.get('error_message')
    if message:
        return seen, 'shows the API\'s words: %r' % message
    return seen, 'finds no message in it and shows the status alone: please report this table'


def _throttle(f):
    if f.get('throttle_status') is None:
        return ('not observed in the probe\'s %d requests (it does not provoke throttling)' % f.get('requests', 0),
                'waits Retry-After (1 to 120 s; 5 s without one) on 420 and 429, up to rate_limit_retry_timeout')
    return ('%s, Retry-After: %s' % (f['throttle_status'], f.get('retry_after') or 'none'),
            'waits Retry-After (1 to 120 s; 5 s without one) on 420 and 429, up to rate_limit_retry_timeout')


QUESTIONS = (
    ('page_access', 'Page access endpoints on this page', _page_access),
    ('user_grants', 'User object carries component_ids/metric_ids', _grants),
    ('group_ids_echo', 'How a user object shows page_access_group_ids', _group_echo),
    ('duplicate', 'A duplicate create is answered', _duplicate),
    ('email_filter', 'The ?email= filter and case', _filter),
    ('email_uniqueness', 'E-mail uniqueness and case', _uniqueness),
    ('error_body', 'Error body shape', _error_body),
    ('throttle', 'Throttled status and Retry-After', _throttle),
)

UNPROBED = (
    ('throttle_model', 'Throttle: token bucket or rolling window',
     'telling them apart needs a burst of more than 60 requests and minutes of waiting on your key',
     'waits whatever Retry-After says, so either model works'),
    ('component_access', 'POST/DELETE .../components/{id}/page_access_users',
     'the described DELETE removes the component from every user of the page',
     'never calls these endpoints: it grants and revokes per user'),
)


def answer_rows(findings):
    """The table's rows: ``{'id', 'question', 'answer', 'collection'}``, in a fixed order."""
    rows = []
    refused = findings.get('page_access') == 'refused'
    for key, question, read in QUESTIONS:
        if refused and key not in ('page_access', 'error_body', 'throttle'):
            answer, does = NOT_PROBED + ': the page refuses its page access endpoints', '-'
        else:
            answer, does = read(findings)
        rows.append({'id': key, 'question': question, 'answer': answer, 'collection': does})
    for key, question, why, does in UNPROBED:
        rows.append({'id': key, 'question': question, 'answer': '%s: %s' % (NOT_PROBED, why), 'collection': does})
    return rows


def table_lines(rows):
    """The rows as a Markdown table, to paste into an issue as it is."""
    def cell(text):
        return str(text).replace('|', '/').replace('\n', ' ')
    lines = ['| question | answer seen | what the collection does |', '|---|---|---|']
    lines.extend('| %s | %s | %s |' % (cell(row['question']), cell(row['answer']), cell(row['collection']))
                 for row in rows)
    return lines
