# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest
import requests

from ansible_collections.community.statuspage.plugins.modules import statuspage_access_group as module

from ansible_collections.community.statuspage.tests.unit.plugins.demo_page import (
    ANN,
    API,
    BOB,
    EU_COMPUTE,
    GLOBEX,
    GROUPS_PATH,
    INITECH,
    LATENCY,
    PAGE_ID,
    UPTIME,
    US_COMPUTE,
    list_components,
    list_groups,
    list_metrics,
    list_users,
)
from ansible_collections.community.statuspage.tests.unit.plugins.modules.harness import call

GROUPS = GROUPS_PATH
GROUP = GLOBEX
OTHER_GROUP = INITECH


def args(**extra):
    base = {'page_id': PAGE_ID, 'name': 'Globex'}
    base.update(extra)
    return base


FULL = dict(components=['API', 'EU/Compute'], metrics=['API Latency'], users=['ANN@globex.example'])


def test_nothing_to_change_by_names_costs_one_list_of_each(run_module):
    result, failed = run_module(module.main, args(**FULL), [
        list_groups(), list_components(), list_metrics(), list_users()], diff=True)
    assert not failed and result['changed'] is False
    assert result['group'] == GROUP
    assert result['diff']['before'] == result['diff']['after'] == {
        'state': 'present', 'name': 'Globex', 'components': ['EU/Compute', 'Platform/API'],
        'metrics': ['API Latency'], 'users': ['ann@globex.example'],
    }


def test_nothing_to_change_by_ids_of_members_costs_one_request(run_module):
    result, failed = run_module(module.main, args(components=[EU_COMPUTE['id'], API['id']], metrics=[LATENCY['id']]),
                                [list_groups()])
    assert not failed and result['changed'] is False


def test_found_by_id_costs_one_get(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'group_id': 'grpglobex001',
                                              'external_identifier': ''},
                                [call('GET', GROUPS + '/grpglobex001', response=GROUP)])
    assert not failed and result['changed'] is False


def test_all_changes_are_one_patch(run_module):
    updated = dict(GROUP, component_ids=[US_COMPUTE['id']], metric_ids=[], page_access_user_ids=[ANN['id'], BOB['id']],
                   external_identifier='globex-sso')
    result, failed = run_module(module.main, args(
        components=['US/Compute'], metrics=[], users=['ann@globex.example', 'bob@globex.example'],
        external_identifier='globex-sso'), [
        list_groups(), list_components(), list_metrics(), list_users(),
        call('PATCH', GROUPS + '/grpglobex001', body={'page_access_group': {
            'component_ids': [US_COMPUTE['id']], 'metric_ids': [], 'page_access_user_ids': [ANN['id'], BOB['id']],
            'external_identifier': 'globex-sso'}}, response=updated),
    ], diff=True)
    assert not failed and result['changed'] is True
    assert result['group'] == updated
    assert result['diff'] == {
        'before': {'state': 'present', 'name': 'Globex', 'external_identifier': None,
                   'components': ['EU/Compute', 'Platform/API'], 'metrics': ['API Latency'],
                   'users': ['ann@globex.example']},
        'after': {'state': 'present', 'name': 'Globex', 'external_identifier': 'globex-sso',
                  'components': ['US/Compute'], 'metrics': [], 'users': ['Bob@Globex.example', 'ann@globex.example']},
    }


def test_check_mode_predicts_the_patch_without_sending_it(run_module):
    result, failed = run_module(module.main, args(components=['US/Compute']), [list_groups(), list_components()],
                                check_mode=True, diff=True)
    assert not failed and result['changed'] is True
    assert result['group'] == dict(GROUP, component_ids=[US_COMPUTE['id']])
    assert result['diff']['after']['components'] == ['US/Compute']


def test_rename_by_group_id(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'group_id': 'grpglobex001', 'name': 'Globex Corp'}, [
        call('GET', GROUPS + '/grpglobex001', response=GROUP),
        call('PATCH', GROUPS + '/grpglobex001', body={'page_access_group': {'name': 'Globex Corp'}},
             response=dict(GROUP, name='Globex Corp')),
    ], diff=True)
    assert not failed and result['changed'] is True
    assert result['diff'] == {'before': {'state': 'present', 'name': 'Globex'},
                              'after': {'state': 'present', 'name': 'Globex Corp'}}


def test_create_is_one_post(run_module):
    created = dict(GROUP, id='grpnew000001', name='Hooli', component_ids=[EU_COMPUTE['id']], metric_ids=[],
                   page_access_user_ids=[BOB['id']])
    result, failed = run_module(module.main, args(name='Hooli', components=['EU/Compute'], users=['bob@globex.example']), [
        list_groups(), list_components(), list_users(),
        call('POST', GROUPS, status=201, body={'page_access_group': {
            'name': 'Hooli', 'component_ids': [EU_COMPUTE['id']], 'page_access_user_ids': [BOB['id']]}},
            response=created),
    ], diff=True)
    assert not failed and result['changed'] is True
    assert 'warnings' not in result
    assert result['group'] == created
    assert result['diff'] == {
        'before': {'state': 'absent'},
        'after': {'state': 'present', 'name': 'Hooli', 'components': ['EU/Compute'], 'users': ['Bob@Globex.example']},
    }


def test_create_in_check_mode(run_module):
    result, failed = run_module(module.main, args(name='Hooli', metrics=['Uptime']), [list_groups(), list_metrics()],
                                check_mode=True)
    assert not failed and result['changed'] is True
    assert result['group'] == {'id': None, 'page_id': PAGE_ID, 'name': 'Hooli', 'component_ids': [],
                               'metric_ids': [UPTIME['id']], 'page_access_user_ids': []}


def test_create_whose_answer_was_lost_is_found_not_repeated(run_module):
    created = dict(OTHER_GROUP, id='grpnew000001', name='Hooli')
    result, failed = run_module(module.main, args(name='Hooli'), [
        list_groups(),
        call('POST', GROUPS, status=500, body={'page_access_group': {'name': 'Hooli'}}, response={'message': 'oops'}),
        list_groups([OTHER_GROUP, GROUP, created]),
    ])
    assert not failed and result['changed'] is True and result['group'] == created


def test_create_whose_answer_was_lost_and_did_not_happen_fails(run_module):
    # timeout 2: the re-read waits 1 s and 1 s (reads at once, then twice more).
    result, failed = run_module(module.main, args(name='Hooli', timeout=2), [
        list_groups(),
        call('POST', GROUPS, status=503, body={'page_access_group': {'name': 'Hooli'}}, response={'message': 'down'}),
        list_groups(), list_groups(), list_groups(),
    ])
    assert failed and result['status'] == 503 and 'may still have been carried out' in result['msg']
    assert 'read back 3 times over 2 seconds' in result['msg']
    assert 'may still appear' in result['msg'] and 'a blind re-run can duplicate it' in result['msg']


def test_a_slow_create_that_lands_during_the_wait_is_adopted_not_repeated(run_module):
    # Issue 10, defect 1: the POST timed out while Statuspage was still working on it; an
    # immediate re-read found nothing, and a re-run then made a second group of the name.
    created = dict(OTHER_GROUP, id='grpnew000001', name='Blue Team')
    result, failed = run_module(module.main, args(name='Blue Team', timeout=5), [
        list_groups(),
        call('POST', GROUPS, body={'page_access_group': {'name': 'Blue Team'}},
             raises=requests.exceptions.ReadTimeout('read timed out (read timeout=5)')),
        list_groups(), list_groups(),
        list_groups([OTHER_GROUP, GROUP, created]),
    ])
    assert not failed and result['changed'] is True and result['group'] == created


def test_a_create_answered_200_with_an_html_page_is_read_back(run_module):
    # Issue 10, defect 2: a proxy's HTML page used to crash with "'NoneType' object is not subscriptable".
    created = dict(OTHER_GROUP, id='grpnew000001', name='Hooli')
    result, failed = run_module(module.main, args(name='Hooli'), [
        list_groups(),
        call('POST', GROUPS, status=200, body={'page_access_group': {'name': 'Hooli'}},
             html='<html><body>Request accepted</body></html>'),
        list_groups([OTHER_GROUP, GROUP, created]),
    ])
    assert not failed and result['changed'] is True and result['group'] == created


def test_create_whose_connection_was_lost_is_found_not_repeated(run_module):
    created = dict(OTHER_GROUP, id='grpnew000001', name='Hooli')
    result, failed = run_module(module.main, args(name='Hooli'), [
        list_groups(),
        call('POST', GROUPS, body={'page_access_group': {'name': 'Hooli'}},
             raises=requests.exceptions.ConnectionError('Connection reset by peer')),
        list_groups([OTHER_GROUP, GROUP, created]),
    ])
    assert not failed and result['changed'] is True and result['group'] == created


def test_create_found_after_a_lost_answer_without_its_members_is_completed(run_module):
    partial = dict(OTHER_GROUP, id='grpnew000001', name='Hooli')
    completed = dict(partial, metric_ids=[UPTIME['id']])
    result, failed = run_module(module.main, args(name='Hooli', metrics=['Uptime']), [
        list_groups(), list_metrics(),
        call('POST', GROUPS, status=502, body={'page_access_group': {'name': 'Hooli', 'metric_ids': [UPTIME['id']]}},
             response={'message': 'bad gateway'}),
        list_groups([OTHER_GROUP, GROUP, partial]),
        call('PATCH', GROUPS + '/grpnew000001', body={'page_access_group': {'metric_ids': [UPTIME['id']]}},
             response=completed),
    ])
    assert not failed and result['changed'] is True and result['group'] == completed


def test_create_whose_answer_was_lost_and_the_name_is_now_twice_there_fails(run_module):
    twins = [dict(OTHER_GROUP, id='grpnew000001', name='Hooli'), dict(OTHER_GROUP, id='grpnew000002', name='Hooli')]
    result, failed = run_module(module.main, args(name='Hooli'), [
        list_groups(),
        call('POST', GROUPS, status=500, body={'page_access_group': {'name': 'Hooli'}}, response={'message': 'oops'}),
        list_groups([GROUP] + twins),
    ])
    assert failed and 'grpnew000001, grpnew000002' in result['msg'] and 'not tried again' in result['msg']


def test_create_refused_is_not_followed_by_a_list(run_module):
    result, failed = run_module(module.main, args(name='Hooli'), [
        list_groups(),
        call('POST', GROUPS, status=422, body={'page_access_group': {'name': 'Hooli'}}, response={'error': 'bad name'}),
    ])
    assert failed and result['status'] == 422


def test_unknown_group_id_cannot_be_created(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'group_id': 'nosuchgroup1'},
                                [call('GET', GROUPS + '/nosuchgroup1', status=404)])
    assert failed and "group_id 'nosuchgroup1'" in result['msg']


def test_absent_deletes(run_module):
    result, failed = run_module(module.main, args(state='absent'), [
        list_groups(), call('DELETE', GROUPS + '/grpglobex001', response=GROUP)], diff=True)
    assert not failed and result['changed'] is True and result['group'] is None
    assert result['diff'] == {'before': {'state': 'present', 'name': 'Globex'}, 'after': {'state': 'absent'}}


def test_absent_by_id_and_its_own_name_deletes(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'group_id': 'grpglobex001', 'name': 'Globex',
                                              'state': 'absent'}, [
        call('GET', GROUPS + '/grpglobex001', response=GROUP), call('DELETE', GROUPS + '/grpglobex001', response=GROUP)])
    assert not failed and result['changed'] is True and result['group'] is None


@pytest.mark.parametrize('check_mode', [False, True])
def test_absent_by_id_of_a_group_with_another_name_deletes_nothing(run_module, check_mode):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'group_id': 'grpglobex001', 'name': 'Initech',
                                              'state': 'absent'},
                                [call('GET', GROUPS + '/grpglobex001', response=GROUP)], check_mode=check_mode, diff=True)
    assert failed
    assert "group_id 'grpglobex001' is the page access group named 'Globex', not 'Initech'" in result['msg']
    assert 'not deleted' in result['msg']


def test_absent_by_unknown_id_and_a_name_is_no_change(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'group_id': 'nosuchgroup1', 'name': 'Initech',
                                              'state': 'absent'},
                                [call('GET', GROUPS + '/nosuchgroup1', status=404)])
    assert not failed and result['changed'] is False


def test_absent_in_check_mode_sends_no_delete(run_module):
    result, failed = run_module(module.main, args(state='absent'), [list_groups()], check_mode=True)
    assert not failed and result['changed'] is True


def test_absent_twice_is_no_change(run_module):
    result, failed = run_module(module.main, args(state='absent', users=['whoever@example.com']),
                                [list_groups([OTHER_GROUP])], diff=True)
    assert not failed and result['changed'] is False
    assert result['diff']['before'] == result['diff']['after'] == {'state': 'absent'}


def test_absent_by_unknown_id_is_no_change(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'group_id': 'nosuchgroup1', 'state': 'absent'},
                                [call('GET', GROUPS + '/nosuchgroup1', status=404)])
    assert not failed and result['changed'] is False


def test_delete_of_a_group_gone_meanwhile(run_module):
    result, failed = run_module(module.main, args(state='absent'), [
        list_groups(), call('DELETE', GROUPS + '/grpglobex001', status=404, response={'message': 'not found'})])
    assert not failed and result['changed'] is False


def test_every_bad_reference_is_named_before_any_write(run_module):
    result, failed = run_module(module.main, args(
        components=['Compute', 'Nope', 'Platform'], metrics=['Latency'],
        users=['ann@globex.example', 'carol@globex.example', 'dave@globex.example']),
        [list_groups(), list_components(), list_metrics(), list_users()])
    assert failed
    for words in ("'Compute' is ambiguous", "'EU/Compute'", "'US/Compute'", "no component 'Nope'",
                  "'Platform' is a component group", "no metric 'Latency'",
                  "'carol@globex.example', 'dave@globex.example'"):
        assert words in result['msg']


@pytest.mark.parametrize('extra, words', [
    ({'users': ['not-an-email', 'ann@globex.example', 'x y@z.com']}, ["users='not-an-email'", "users='x y@z.com'"]),
    ({'name': ' '}, ['name must not be empty']),
    ({'name': None}, ['one of name and group_id']),
    ({'state': 'gone'}, ['state']),
])
def test_bad_input_fails_before_any_request(run_module, extra, words):
    result, failed = run_module(module.main, args(**extra), [])
    assert failed
    for word in words:
        assert word in result['msg']


def test_a_name_shared_by_two_groups_needs_an_id(run_module):
    twin = dict(GROUP, id='grpglobex002')
    result, failed = run_module(module.main, args(), [list_groups([GROUP, twin])])
    assert failed and 'grpglobex001' in result['msg'] and 'grpglobex002' in result['msg'] and 'group_id' in result['msg']


def test_patch_refused_by_the_api(run_module):
    result, failed = run_module(module.main, args(external_identifier='x'), [
        list_groups(),
        call('PATCH', GROUPS + '/grpglobex001', status=422, body={'page_access_group': {'external_identifier': 'x'}},
             response={'error': 'external identifier taken'}),
    ])
    assert failed and result['status'] == 422 and 'external identifier taken' in result['msg']


def test_groups_over_several_result_pages(run_module):
    many = [dict(OTHER_GROUP, id='grpfill%05d' % index, name='Filler %d' % index) for index in range(100)]
    result, failed = run_module(module.main, args(), [
        list_groups(many),
        call('GET', GROUPS, query={'page': '2', 'per_page': '100'}, response=[GROUP]),
    ])
    assert not failed and result['changed'] is False and result['group'] == GROUP


def test_emptying_a_set_without_diff_needs_no_list(run_module):
    result, failed = run_module(module.main, args(metrics=[]), [
        list_groups(),
        call('PATCH', GROUPS + '/grpglobex001', body={'page_access_group': {'metric_ids': []}},
             response=dict(GROUP, metric_ids=[])),
    ])
    assert not failed and result['changed'] is True


def test_the_first_group_of_a_page_comes_with_a_warning(run_module):
    created = dict(GROUP, id='grpnew000001', name='Hooli', component_ids=[], metric_ids=[], page_access_user_ids=[])
    result, failed = run_module(module.main, args(name='Hooli'), [
        list_groups([]),
        call('POST', GROUPS, status=201, body={'page_access_group': {'name': 'Hooli'}}, response=created),
    ])
    assert not failed and result['changed'] is True
    assert len(result['warnings']) == 1 and 'page %s had no page access groups' % PAGE_ID in result['warnings'][0]
