# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import requests

from ansible_collections.community.statuspage.plugins.modules import statuspage_customer_access as module
from ansible_collections.community.statuspage.tests.unit.plugins.modules.harness import call

PAGE = 'acmecloud123'
USERS = '/pages/%s/page_access_users' % PAGE
LIST = {'page': '1', 'per_page': '100'}
COMPONENTS = [
    {'id': 'grpeu0000001', 'name': 'EU', 'group': True, 'components': ['compeu000001']},
    {'id': 'compeu000001', 'name': 'Compute', 'group_id': 'grpeu0000001'},
    {'id': 'grpus0000001', 'name': 'US', 'group': True, 'components': ['compus000001']},
    {'id': 'compus000001', 'name': 'Compute', 'group_id': 'grpus0000001'},
    {'id': 'compapi00001', 'name': 'API'},
]
ANN = {'id': 'userann00001', 'email': 'ann@globex.example', 'external_login': None, 'page_access_group_ids': []}
GLOBEX = {'name': 'Globex', 'users': ['Ann@globex.example'], 'components': ['API', 'EU/Compute']}


def list_users(users):
    return call('GET', USERS, query=LIST, response=users)


def list_components():
    return call('GET', '/pages/%s/components' % PAGE, query=LIST, response=COMPONENTS)


def user_components(user_id, components):
    return call('GET', '%s/%s/components' % (USERS, user_id), query=LIST, response=components)


def args(customers, **extra):
    result = {'page_id': PAGE, 'customers': customers}
    result.update(extra)
    return result


def test_fresh_onboarding_is_lists_plus_two_writes_per_user(run_module):
    result, failed = run_module(module.main, args([GLOBEX]), [
        list_users([]),
        list_components(),
        call('POST', USERS, body={'page_access_user': {'email': 'Ann@globex.example'}}, response=ANN),
        call('POST', '%s/userann00001/components' % USERS, status=201,
             body={'component_ids': ['compapi00001', 'compeu000001']}, response=[]),
    ], diff=True)
    assert not failed, result
    assert result['changed'] is True
    assert result['summary']['created'] == 1
    assert result['api_requests'] == {'total': 4, 'GET': 2, 'POST': 2}
    assert result['diff']['before'] == {}
    assert result['diff']['after'] == {'Ann@globex.example': {'customer': 'Globex', 'components': ['API', 'EU/Compute']}}


def test_rerun_reads_each_users_grants_once_and_writes_nothing(run_module):
    result, failed = run_module(module.main, args([GLOBEX]), [
        list_users([ANN]),
        list_components(),
        user_components('userann00001', [COMPONENTS[1], COMPONENTS[4]]),
    ], diff=True)
    assert not failed, result
    assert result['changed'] is False and result['plan'] == []
    assert result['summary']['unchanged'] == 1
    assert result['diff']['before'] == result['diff']['after']


def test_check_mode_predicts_and_writes_nothing(run_module):
    result, failed = run_module(module.main, args([GLOBEX]), [list_users([]), list_components()], check_mode=True)
    assert not failed and result['changed'] is True and result['summary']['created'] == 1


def test_validate_only_reads_the_lists_and_returns_them(run_module):
    result, failed = run_module(module.main, args([GLOBEX], validate_only=True), [list_users([ANN]), list_components()])
    assert not failed and result['changed'] is False and result['plan'] == []
    assert result['snapshot']['users'] == [ANN]
    assert result['snapshot']['components'] == COMPONENTS
    assert 'metrics' not in result['snapshot']


def test_a_snapshot_saves_the_lists_and_only_grants_are_read(run_module):
    snapshot = {'users': [ANN], 'components': COMPONENTS, 'groups': None}
    result, failed = run_module(module.main, args([GLOBEX], snapshot=snapshot), [
        user_components('userann00001', [COMPONENTS[1], COMPONENTS[4]]),
    ])
    assert not failed and result['changed'] is False
    assert result['api_requests'] == {'total': 1, 'GET': 1}


def test_validate_only_returns_who_pruning_removes_and_plan_applies_it(run_module):
    stray = {'id': 'userold00001', 'email': 'old@globex.example'}
    checked, failed = run_module(module.main, args([GLOBEX], validate_only=True, prune=True,
                                                   prune_email_domains=['globex.example']),
                                 [list_users([ANN, stray]), list_components()])
    assert not failed
    assert [user['email'] for entry in checked['plan'] for user in entry['users']] == ['old@globex.example']
    result, failed = run_module(module.main, {'page_id': PAGE, 'plan': checked['plan']}, [
        call('DELETE', '%s/userold00001' % USERS, status=204),
    ])
    assert not failed and result['changed'] is True and result['summary']['removed'] == 1


def test_prune_with_an_empty_list_is_refused(run_module):
    result, failed = run_module(module.main, args([], prune=True, prune_email_domains=['globex.example']),
                                [list_users([ANN])])
    assert failed and 'empty customer list' in result['msg']


def test_a_changed_set_is_one_replace(run_module):
    result, failed = run_module(module.main, args([GLOBEX]), [
        list_users([ANN]),
        list_components(),
        user_components('userann00001', [COMPONENTS[3]]),
        call('POST', '%s/userann00001/components' % USERS, status=201,
             body={'component_ids': ['compapi00001', 'compeu000001']}, response=[]),
    ], diff=True)
    assert not failed and result['summary']['updated'] == 1
    assert result['diff']['before']['Ann@globex.example']['components'] == ['US/Compute']


def test_an_exact_empty_set_names_every_id_it_revokes(run_module):
    customer = dict(GLOBEX, components=[])
    result, failed = run_module(module.main, args([customer]), [
        list_users([ANN]),
        user_components('userann00001', [COMPONENTS[1], COMPONENTS[4]]),
        call('DELETE', '%s/userann00001/components' % USERS,
             body={'component_ids': ['compapi00001', 'compeu000001']}, response={}),
    ])
    assert not failed and result['changed'] is True


def test_a_409_is_adopted_not_created_twice(run_module):
    result, failed = run_module(module.main, args([GLOBEX]), [
        list_users([]),
        list_components(),
        call('POST', USERS, status=409, body={'page_access_user': {'email': 'Ann@globex.example'}},
             response={'message': 'Email has already been taken'}),
        call('GET', USERS, query={'email': 'Ann@globex.example', 'page': '1', 'per_page': '100'}, response=[ANN]),
        user_components('userann00001', [COMPONENTS[4]]),
        call('POST', '%s/userann00001/components' % USERS, status=201,
             body={'component_ids': ['compapi00001', 'compeu000001']}, response=[]),
    ])
    assert not failed, result


def test_a_lost_create_answer_is_re_read_not_repeated(run_module):
    result, failed = run_module(module.main, args([GLOBEX]), [
        list_users([]),
        list_components(),
        call('POST', USERS, body={'page_access_user': {'email': 'Ann@globex.example'}},
             raises=requests.exceptions.ConnectionError('Connection reset by peer')),
        call('GET', USERS, query={'email': 'Ann@globex.example', 'page': '1', 'per_page': '100'}, response=[ANN]),
        user_components('userann00001', []),
        call('POST', '%s/userann00001/components' % USERS, status=201,
             body={'component_ids': ['compapi00001', 'compeu000001']}, response=[]),
    ])
    assert not failed, result


def test_offboarding_deletes_and_pruning_spares_foreign_domains(run_module):
    stray = {'id': 'userold00001', 'email': 'old@globex.example'}
    foreign = {'id': 'userfor00001', 'email': 'x@elsewhere.example'}
    result, failed = run_module(module.main, args(
        [dict(GLOBEX, state='absent')], prune=True, prune_email_domains=['globex.example']), [
        list_users([ANN, stray, foreign]),
        call('DELETE', '%s/userann00001' % USERS, status=204),
        call('DELETE', '%s/userold00001' % USERS, status=204),
    ])
    assert not failed, result
    assert result['summary']['removed'] == 2


def test_every_problem_is_named_before_any_write(run_module):
    customers = [
        {'name': 'Hooli', 'users': ['gavin@hooli', 'r@hooli.example', 'R@hooli.example'], 'components': ['Compute', 'Nope', 'EU']},
        {'name': 'Hooli', 'users': ['r@hooli.example', {'emial': 'typo@hooli.example'}]},
    ]
    result, failed = run_module(module.main, args(customers, prune=True), [list_users([]), list_components()])
    assert failed
    message = result['msg']
    for expected in ("'gavin@hooli' is not an e-mail address", 'lists R@hooli.example twice', "customer name 'Hooli' is listed twice",
                     'prune=true needs prune_email_domains', "'Compute' is ambiguous", "no component 'Nope'",
                     "'EU' is a component group", "has emial; a user is an e-mail or a dictionary with email and external_login"):
        assert expected in message, expected
