# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.community.statuspage.plugins.module_utils import _probe
from ansible_collections.community.statuspage.plugins.modules import statuspage_api_probe as module

from ansible_collections.community.statuspage.tests.unit.plugins.demo_page import (
    ANN,
    API,
    GROUPS_PATH,
    PAGE_ID,
    PAGING,
    USERS_PATH,
    list_components,
    list_users,
    page_path,
    user_path,
)
from ansible_collections.community.statuspage.tests.unit.plugins.modules.harness import call

EMAIL = 'Probe.Person@example.com'
SWAPPED = 'pROBE.pERSON@EXAMPLE.COM'
GROUP_NAME = 'community.statuspage probe 616263'
GROUP = {'id': 'grpprobe0001', 'page_id': PAGE_ID, 'name': GROUP_NAME, 'external_identifier': None,
         'component_ids': [], 'metric_ids': [], 'page_access_user_ids': []}
PROBE_USER = dict(ANN, id='usrprobe0001', email=EMAIL, page_access_group_ids=[GROUP['id']])
GRANTED = dict(PROBE_USER)
ARGS = {'page_id': PAGE_ID, 'probe_email': EMAIL}


@pytest.fixture(autouse=True)
def fixed_group_name(monkeypatch):
    # The group's name ends in a random suffix; the requests declared here need to know it.
    monkeypatch.setattr(_probe.os, 'urandom', lambda count: b'abc')


def find(email, found):
    return call('GET', USERS_PATH, query=dict(PAGING, email=email), response=list(found))


def creates():
    """The group, a component to grant, the user in the group, the grant."""
    return [
        call('POST', GROUPS_PATH, status=201, body={'page_access_group': {'name': GROUP_NAME}}, response=GROUP),
        list_components(),
        call('POST', USERS_PATH, body={'page_access_user': {'email': EMAIL, 'page_access_group_ids': [GROUP['id']]}},
             response=PROBE_USER),
        call('PATCH', user_path(PROBE_USER, 'components'), body={'component_ids': [API['id']]}, response=GRANTED),
    ]


def removal():
    return [
        call('DELETE', user_path(PROBE_USER), status=204),
        call('DELETE', GROUPS_PATH + '/' + GROUP['id'], response=GROUP),
        call('GET', user_path(PROBE_USER), status=404, response={'message': 'Page access user not found'}),
    ]


def duplicate(status=409, message='A page access user with that e-mail already exists', email=EMAIL):
    return call('POST', USERS_PATH, status=status, body={'page_access_user': {'email': email}},
                response={'message': message} if status == 409 else {'error': [message]})


def rows_by_id(result):
    return dict((row['id'], row) for row in result['answers'])


def test_a_real_run_sends_eleven_requests_and_removes_what_it_made(run_module):
    result, failed = run_module(module.main, ARGS, [list_users([])] + creates() + [
        call('GET', user_path(PROBE_USER), response=GRANTED),
        find(SWAPPED, [GRANTED]),
        duplicate(),
    ] + removal())
    assert not failed and result['changed'] is True
    findings = result['findings']
    assert findings['page_access'] == 'accepted'
    assert findings['user_grants_single'] is False and findings['user_grants_list'] is False
    assert findings['group_ids_echo'] == {'create': 'list', 'single': 'list', 'list': 'list'}
    assert findings['duplicate_status'] == 409 and findings['duplicate_recognised'] is True
    assert findings['email_filter'] == 'insensitive' and 'email_uniqueness' not in findings
    assert findings['error_body'] == 'message' and findings['error_status'] == 404
    assert 'throttle_status' not in findings
    assert result['removed'] == {'users': [PROBE_USER['id']], 'groups': [GROUP['id']]}
    assert result['requests'] == {'total': 11, 'GET': 5, 'POST': 3, 'PATCH': 1, 'DELETE': 2}
    rows = rows_by_id(result)
    assert rows['email_uniqueness']['answer'].startswith('not probed: set probe_case_uniqueness=true')
    assert rows['throttle_model']['answer'].startswith('not probed')
    assert result['table'][0] == '| question | answer seen | what the collection does |'
    assert len(result['table']) == len(result['answers']) + 2


def test_grants_and_groups_shown_another_way_and_a_422_duplicate(run_module):
    echoed = dict(PROBE_USER, page_access_group_ids=GROUP['id'], component_ids=[], metric_ids=[])
    stale = dict(echoed, component_ids=[])
    calls = [list_users([])] + creates()
    calls[3] = call('POST', USERS_PATH, body={'page_access_user': {'email': EMAIL, 'page_access_group_ids': [GROUP['id']]}},
                    response=echoed)
    result, failed = run_module(module.main, ARGS, calls + [
        call('GET', user_path(PROBE_USER), response=stale),
        find(SWAPPED, []),
        find(EMAIL, [stale]),
        duplicate(422, 'Email is reserved'),
    ] + removal())
    assert not failed
    findings = result['findings']
    assert findings['group_ids_echo'] == {'create': 'csv-string', 'single': 'csv-string', 'list': 'csv-string'}
    assert findings['user_grants_single'] is True and findings['user_grants_match'] is False
    assert findings['email_filter'] == 'sensitive'
    assert findings['duplicate_status'] == 422 and findings['duplicate_recognised'] is False
    assert findings['duplicate_body'] == 'error-list'
    rows = rows_by_id(result)
    assert 'please report' in rows['user_grants']['collection']
    assert 'does NOT recognise' in rows['duplicate']['collection']


def test_case_uniqueness_that_makes_a_second_user_removes_it_too(run_module):
    second = dict(ANN, id='usrprobe0002', email=SWAPPED)
    result, failed = run_module(module.main, dict(ARGS, probe_case_uniqueness=True), [list_users([])] + creates() + [
        call('GET', user_path(PROBE_USER), response=GRANTED),
        find(SWAPPED, [GRANTED]),
        call('POST', USERS_PATH, body={'page_access_user': {'email': SWAPPED}}, response=second),
        duplicate(),
        call('DELETE', user_path(PROBE_USER), status=204),
        call('DELETE', user_path(second), status=204),
        call('DELETE', GROUPS_PATH + '/' + GROUP['id'], response=GROUP),
        call('GET', user_path(PROBE_USER), status=404, response={'message': 'Page access user not found'}),
    ])
    assert not failed
    assert result['findings']['email_uniqueness'] == 'sensitive'
    assert result['findings']['duplicate_status'] == 409
    assert result['removed']['users'] == [PROBE_USER['id'], second['id']]


def test_a_step_that_fails_still_removes_the_user_and_the_group(run_module):
    result, failed = run_module(module.main, ARGS, [list_users([])] + creates() + [
        call('GET', user_path(PROBE_USER), status=400, response={'message': 'Probe fault'}),
        # After a failure only the deletes: the error body has nothing more to tell.
        call('DELETE', user_path(PROBE_USER), status=204),
        call('DELETE', GROUPS_PATH + '/' + GROUP['id'], response=GROUP),
    ])
    assert failed
    assert 'Probe fault' in result['msg']
    assert 'the probe removed what it had made (user usrprobe0001, group grpprobe0001)' in result['msg']


def test_a_refusing_page_costs_two_reads_and_writes_nothing(run_module):
    result, failed = run_module(module.main, ARGS, [
        call('GET', USERS_PATH, query=PAGING, status=404, response={'message': 'Page is not audience-specific'}),
        call('GET', page_path(), response={'id': PAGE_ID, 'name': 'Acme Cloud'}),
    ])
    assert not failed and result['changed'] is False
    assert result['findings']['page_access'] == 'refused' and result['findings']['refusal_status'] == 404
    assert result['findings']['error_message'] == 'Page is not audience-specific'
    rows = rows_by_id(result)
    assert rows['duplicate']['answer'].startswith('not probed: the page refuses')


def test_check_mode_reads_an_existing_user_and_never_writes(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID}, [
        call('GET', USERS_PATH, query=PAGING, status=429, headers={'Retry-After': '7'},
             response={'message': 'Rate limit exceeded'}),
        list_users([ANN]),
        call('GET', user_path(ANN), response=ANN),
        find('ANN@GLOBEX.EXAMPLE', [ANN]),
        call('GET', user_path('probe0absent'), status=404, response={'error': 'Not found'}),
    ], check_mode=True)
    assert not failed and result['changed'] is True
    findings = result['findings']
    assert findings['user_grants_single'] is False and findings['group_ids_echo'] == {'single': 'list', 'list': 'list'}
    assert findings['email_filter'] == 'insensitive'
    assert findings['error_body'] == 'error-string'
    assert findings['throttle_status'] == 429 and findings['retry_after'] == '7'
    assert result['removed'] == {'users': [], 'groups': []}
    assert rows_by_id(result)['duplicate']['answer'] == 'needs a real run (not check mode)'


@pytest.mark.parametrize('users, args, message', [
    ([dict(ANN, id='usr%09d' % index, email='u%d@example.com' % index) for index in range(26)], ARGS,
     'has 26 page access users, more than max_access_users=25'),
    ([dict(ANN, email='probe.person@EXAMPLE.com')], ARGS, "probe_email 'Probe.Person@example.com' is already"),
])
def test_refused_before_any_write(run_module, users, args, message):
    result, failed = run_module(module.main, args, [list_users(users)])
    assert failed and message in result['msg']


@pytest.mark.parametrize('args, message', [
    ({'page_id': PAGE_ID}, 'probe_email is required for a real run'),
    (dict(ARGS, probe_email='not an address'), 'is not an e-mail address'),
    (dict(ARGS, max_access_users=-1), 'max_access_users=-1'),
])
def test_bad_input_fails_before_any_request(run_module, args, message):
    result, failed = run_module(module.main, args, [])
    assert failed and message in result['msg']
