# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.community.statuspage.plugins.modules import statuspage_access_user_info

from ansible_collections.community.statuspage.tests.unit.plugins.demo_page import (
    ANN,
    API,
    BOB,
    EU_COMPUTE,
    LATENCY,
    OTHER_PAGE_ID,
    PAGE_ID,
    PAGING,
    SUPPORT,
    USERS_PATH,
    find_user,
    list_components,
    list_groups,
    list_pages,
    list_users,
    user_grants,
)
from ansible_collections.community.statuspage.tests.unit.plugins.modules.harness import call

BOB_IN_SUPPORT = dict(BOB, external_login='bob', page_access_group_ids=[SUPPORT['id']])


def test_all_users_walk_every_page(run_module):
    many = [dict(ANN, id='u%011d' % index, email='user%03d@globex.example' % index) for index in range(100)]
    result, failed = run_module(statuspage_access_user_info.main, {'page_id': PAGE_ID}, [
        call('GET', USERS_PATH, query=PAGING, response=many),
        call('GET', USERS_PATH, query={'page': '2', 'per_page': '100'}, response=[BOB_IN_SUPPORT]),
    ])
    assert not failed and result['changed'] is False
    assert len(result['users']) == 101
    assert result['users'][0] == {'id': BOB['id'], 'email': 'Bob@Globex.example', 'external_login': 'bob',
                                  'page_access_groups': [SUPPORT['id']]}
    assert 'labels' not in result


def test_one_user_by_email(run_module):
    result, failed = run_module(statuspage_access_user_info.main, {'page_id': PAGE_ID, 'email': 'ANN@globex.example'},
                                [find_user(email='ANN@globex.example')])
    assert not failed and [user['id'] for user in result['users']] == [ANN['id']]


def test_no_match_is_an_empty_list(run_module):
    result, failed = run_module(statuspage_access_user_info.main, {'page_id': PAGE_ID, 'email': 'nobody@globex.example', 'include_access': True},
                                [find_user(email='nobody@globex.example', found=[])])
    assert not failed and result == {'changed': False, 'users': [], 'labels': {}}


def test_include_access_reads_each_users_components_and_metrics(run_module):
    result, failed = run_module(statuspage_access_user_info.main, {'page_id': PAGE_ID, 'include_access': True}, [
        list_users([ANN, BOB_IN_SUPPORT]),
        list_components(),
        list_groups(),
        user_grants('components', [API, EU_COMPUTE]),
        user_grants('metrics', [LATENCY]),
        user_grants('components', [], user=BOB),
        user_grants('metrics', [], user=BOB),
    ])
    assert not failed
    ann, bob = result['users']
    assert ann == {'id': ANN['id'], 'email': 'ann@globex.example', 'external_login': None, 'page_access_groups': [],
                   'page_access_group_names': [],
                   'components': sorted([API['id'], EU_COMPUTE['id']]), 'metrics': [LATENCY['id']]}
    assert bob['components'] == [] and bob['metrics'] == []
    assert bob['page_access_groups'] == [SUPPORT['id']] and bob['page_access_group_names'] == ['Support']
    assert result['labels'][EU_COMPUTE['id']] == 'EU/Compute'
    assert result['labels'][API['id']] == 'Platform/API'
    assert result['labels'][LATENCY['id']] == 'API Latency'
    assert result['labels'][SUPPORT['id']] == 'Support'


def test_forbidden_page(run_module):
    result, failed = run_module(statuspage_access_user_info.main, {'page_id': OTHER_PAGE_ID}, [
        call('GET', '/pages/%s/page_access_users' % OTHER_PAGE_ID, query=PAGING, status=403, response={'message': 'Forbidden'}),
        list_pages()])
    assert failed and result['status'] == 403
