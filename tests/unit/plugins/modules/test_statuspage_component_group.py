# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.community.statuspage.plugins.modules import statuspage_component_group as module

from ansible_collections.community.statuspage.tests.unit.plugins.demo_page import (
    ANN,
    API,
    COMPONENTS,
    EU,
    EU_COMPUTE,
    EU_DATABASE,
    EU_STORAGE,
    GLOBEX,
    PAGE_ID,
    WEBHOOKS,
    list_components,
    list_groups,
    list_users,
    page_path,
    user_grants,
)
from ansible_collections.community.statuspage.tests.unit.plugins.modules.harness import call

COMPONENTS_PATH = page_path('components')
GROUPS_PATH = page_path('component-groups')
EU_IDS = [EU_COMPUTE['id'], EU_STORAGE['id'], EU_DATABASE['id']]
INTEGRATIONS = {'id': 'grpintegr001', 'page_id': PAGE_ID, 'name': 'Integrations', 'description': None,
                'components': [WEBHOOKS['id'], API['id']], 'position': 4}


def test_create_is_one_post_with_every_member(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'name': 'Integrations',
                                              'components': ['Webhooks', 'Platform/API']}, [
        list_components(),
        call('POST', GROUPS_PATH, status=201, body={'component_group': {
            'name': 'Integrations', 'components': [WEBHOOKS['id'], API['id']]}}, response=INTEGRATIONS),
    ], diff=True)
    assert not failed and result['changed'] is True
    assert result['group'] == dict(INTEGRATIONS, group=True)
    assert result['diff'] == {'before': {'state': 'absent'}, 'after': {
        'state': 'present', 'name': 'Integrations', 'components': ['Integrations/API', 'Integrations/Webhooks']}}


@pytest.mark.parametrize('check_mode', [False, True])
def test_the_same_members_in_another_order_by_names_within_the_group_is_no_change(run_module, check_mode):
    # "Compute" is ambiguous on the page, not within EU.
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'name': 'EU',
                                              'components': ['Database', 'Compute', EU_STORAGE['id']]},
                                [list_components()], check_mode=check_mode, diff=True)
    assert not failed and result['changed'] is False
    assert result['diff']['before'] == {'state': 'present', 'name': 'EU',
                                        'components': ['EU/Compute', 'EU/Database', 'EU/Storage']}
    assert result['group']['components'] == EU_IDS


def test_check_mode_predicts_an_exact_member_set_without_writing(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'name': 'EU', 'components': ['Compute', 'Webhooks'],
                                              'description': 'Europe'}, [list_components()], check_mode=True, diff=True)
    assert not failed and result['changed'] is True
    assert result['group']['components'] == [EU_COMPUTE['id'], WEBHOOKS['id']]
    assert result['diff']['after'] == {'state': 'present', 'name': 'EU', 'description': 'Europe',
                                       'components': ['EU/Compute', 'EU/Webhooks']}


def test_an_exact_member_set_is_one_patch_carrying_name_and_members(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'name': 'EU', 'components': ['Compute', 'Webhooks']}, [
        list_components(),
        call('PATCH', GROUPS_PATH + '/' + EU['id'], body={'component_group': {
            'name': 'EU', 'components': [EU_COMPUTE['id'], WEBHOOKS['id']]}},
            response=dict(EU, components=[EU_COMPUTE['id'], WEBHOOKS['id']])),
    ])
    assert not failed and result['changed'] is True


def test_bad_input_fails_before_any_write(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'name': 'New', 'components': ['Nope', 'EU']},
                                [list_components()])
    assert failed
    assert "components: no component 'Nope' on this page" in result['msg']
    assert "components: 'EU' is a component group: groups cannot be nested" in result['msg']
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'name': 'New'}, [list_components()])
    assert failed and "components is required to create group 'New'" in result['msg']
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'name': 'EU', 'components': []}, [list_components()])
    assert failed and 'components must name at least one component: Statuspage keeps no empty group' in result['msg']
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'group_id': 'nosuchgroup1', 'description': 'x'},
                                [list_components()])
    assert failed and "group_id 'nosuchgroup1': no component group with this id" in result['msg']


def test_delete_keeps_the_members_in_no_group_and_shows_it_first(run_module):
    calls = [list_components()]
    calls += [call('PATCH', COMPONENTS_PATH + '/' + item_id, body={'component': {'group_id': 'null'}},
                   response={'id': item_id, 'group_id': None}) for item_id in EU_IDS]
    calls.append(call('DELETE', GROUPS_PATH + '/' + EU['id'], response=EU))
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'name': 'EU', 'state': 'absent'}, calls, diff=True)
    assert not failed and result['changed'] is True
    assert result['diff'] == {
        'before': {'state': 'present', 'name': 'EU', 'components': ['EU/Compute', 'EU/Database', 'EU/Storage']},
        'after': {'state': 'absent', 'components_kept_in_no_group': ['EU/Compute', 'EU/Database', 'EU/Storage']}}


def test_delete_with_its_members_in_check_mode_says_who_loses_them_and_writes_nothing(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'name': 'EU', 'state': 'absent', 'delete_members': True}, [
        list_components(),
        list_groups([GLOBEX]),
        list_users([ANN]),
        user_grants('components', [EU_COMPUTE], user=ANN),
    ], check_mode=True, diff=True)
    assert not failed and result['changed'] is True
    assert result['diff']['after']['components_deleted'] == ['EU/Compute', 'EU/Database', 'EU/Storage']
    assert result['diff']['after']['access_revoked']['EU/Compute'] == {'users': ['ann@globex.example'], 'groups': ['Globex']}


def test_deleting_a_missing_group_is_no_change(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'name': 'Gone', 'state': 'absent'},
                                [list_components(COMPONENTS)], diff=True)
    assert not failed and result['changed'] is False
    assert result['diff']['before'] == result['diff']['after'] == {'state': 'absent'}
