# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest
import requests

from ansible_collections.community.statuspage.plugins.modules import statuspage_component as module

from ansible_collections.community.statuspage.tests.unit.plugins.demo_page import (
    ANN,
    API,
    COMPONENTS,
    EU,
    GLOBEX,
    PAGE_ID,
    PLATFORM,
    US_COMPUTE,
    WEBHOOKS,
    list_components,
    list_groups,
    list_users,
    page_path,
    user_grants,
)
from ansible_collections.community.statuspage.tests.unit.plugins.modules.harness import call

COMPONENTS_PATH = page_path('components')
SEARCH = {'id': 'cmpsearch001', 'page_id': PAGE_ID, 'name': 'Search', 'group': False, 'group_id': PLATFORM['id'],
          'description': 'Find', 'status': 'operational', 'position': 5}


def args(**extra):
    base = {'page_id': PAGE_ID, 'name': 'Search', 'group': 'Platform', 'description': 'Find'}
    base.update(extra)
    return base


def test_create_is_one_list_and_one_post_with_the_group_id(run_module):
    result, failed = run_module(module.main, args(), [
        list_components(),
        call('POST', COMPONENTS_PATH, status=201, body={'component': {
            'name': 'Search', 'group_id': PLATFORM['id'], 'description': 'Find'}}, response=SEARCH),
    ], diff=True)
    assert not failed and result['changed'] is True
    assert result['component'] == dict(SEARCH, group_name='Platform')
    assert result['diff'] == {'before': {'state': 'absent'},
                              'after': {'state': 'present', 'name': 'Search', 'group': 'Platform', 'description': 'Find'}}


def test_check_mode_predicts_the_create_with_one_read(run_module):
    result, failed = run_module(module.main, args(), [list_components()], check_mode=True, diff=True)
    assert not failed and result['changed'] is True and result['component']['id'] is None
    assert result['diff']['after']['group'] == 'Platform'


@pytest.mark.parametrize('check_mode', [False, True])
def test_nothing_to_change_is_one_read(run_module, check_mode):
    result, failed = run_module(module.main, args(), [list_components(COMPONENTS + [SEARCH])], check_mode=check_mode,
                                diff=True)
    assert not failed and result['changed'] is False
    assert result['diff']['before'] == result['diff']['after']


def test_moving_between_groups_is_one_patch_and_previously_finds_it_once(run_module):
    moved = dict(WEBHOOKS, group_id=EU['id'])
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'name': 'Webhooks', 'group': 'EU',
                                              'previously': 'Platform/Webhooks'}, [
        list_components(),
        call('PATCH', COMPONENTS_PATH + '/' + WEBHOOKS['id'], body={'component': {'group_id': EU['id']}}, response=moved),
    ], diff=True)
    assert not failed and result['changed'] is True
    assert result['diff']['before']['group'] == 'Platform' and result['diff']['after']['group'] == 'EU'
    again = [item if item['id'] != WEBHOOKS['id'] else moved for item in COMPONENTS]
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'name': 'Webhooks', 'group': 'EU',
                                              'previously': 'Platform/Webhooks'}, [list_components(again)])
    assert not failed and result['changed'] is False


def test_an_empty_group_takes_it_out_of_every_group(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'component_id': API['id'], 'group': ''}, [
        list_components(),
        call('PATCH', COMPONENTS_PATH + '/' + API['id'], body={'component': {'group_id': 'null'}},
             response=dict(API, group_id=None)),
    ])
    assert not failed and result['component']['group_name'] is None


def test_a_status_for_a_deploy(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'name': 'API', 'status': 'under_maintenance'}, [
        list_components(),
        call('PATCH', COMPONENTS_PATH + '/' + API['id'], body={'component': {'status': 'under_maintenance'}},
             response=dict(API, status='under_maintenance')),
    ])
    assert not failed and result['component']['status'] == 'under_maintenance'


def test_a_lost_create_is_read_back_not_sent_again(run_module):
    lost = requests.exceptions.ConnectionError('connection reset by peer')
    result, failed = run_module(module.main, args(), [
        list_components(),
        call('POST', COMPONENTS_PATH, body={'component': {'name': 'Search', 'group_id': PLATFORM['id'],
                                                          'description': 'Find'}}, raises=lost),
        list_components(COMPONENTS + [SEARCH]),
    ])
    assert not failed and result['changed'] is True and result['component']['id'] == SEARCH['id']


def test_bad_input_fails_naming_every_value_with_no_write(run_module):
    result, failed = run_module(module.main, args(group='Nope', position=0, start_date='2024-02-30'), [list_components()])
    assert failed
    assert result['msg'] == (
        "position=0: positions start at 1 (the first place of its level); start_date='2024-02-30' is not a date: "
        "expected YYYY-MM-DD, such as 2024-01-15; group: no component group 'Nope' on this page; the page has 'EU', "
        "'Platform', 'US'")
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'name': 'Compute', 'status': 'degraded_performance'},
                                [list_components()])
    assert failed and "name 'Compute' is ambiguous" in result['msg']
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'component_id': 'nosuchcomp01', 'status': 'operational'},
                                [list_components()])
    assert failed and "component_id 'nosuchcomp01': no component with this id" in result['msg']
    result, failed = run_module(module.main, args(position=9), [list_components()])
    assert failed and "position=9: there are 5 place(s) in group 'Platform'" in result['msg']


def test_delete_in_diff_mode_says_who_loses_it(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'name': 'Compute', 'group': 'US', 'state': 'absent'}, [
        list_components(),
        list_groups([dict(GLOBEX, component_ids=[US_COMPUTE['id']])]),
        list_users([ANN]),
        user_grants('components', [US_COMPUTE], user=ANN),
        call('DELETE', COMPONENTS_PATH + '/' + US_COMPUTE['id'], status=204),
    ], diff=True)
    assert not failed and result['changed'] is True
    access = {'users': ['ann@globex.example'], 'groups': ['Globex']}
    assert result['revoked_from'] == access
    assert result['diff'] == {'before': {'state': 'present', 'name': 'Compute', 'group': 'US', 'access': access},
                              'after': {'state': 'absent'}}


def test_delete_without_diff_reads_no_grants_and_a_missing_one_is_no_change(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'component_id': US_COMPUTE['id'], 'state': 'absent'}, [
        list_components(),
        call('DELETE', COMPONENTS_PATH + '/' + US_COMPUTE['id'], status=204),
    ])
    assert not failed and result['changed'] is True and result['revoked_from'] is None
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'name': 'Gone', 'state': 'absent'}, [list_components()],
                                check_mode=True, diff=True)
    assert not failed and result['changed'] is False
    assert result['diff'] == {'before': {'state': 'absent'}, 'after': {'state': 'absent'}}


def test_a_mistyped_id_never_deletes_another_component(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'component_id': API['id'], 'name': 'Dashboard',
                                              'state': 'absent'}, [list_components()])
    assert failed and result['msg'] == "component_id 'd59ujm7rjqit' is the component named 'API', not 'Dashboard'; it was not deleted"
