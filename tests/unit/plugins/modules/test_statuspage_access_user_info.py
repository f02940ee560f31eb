# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.community.statuspage.plugins.modules import statuspage_access_user_info

from ansible_collections.community.statuspage.tests.unit.plugins.modules.harness import call
from ansible_collections.community.statuspage.tests.unit.plugins.modules.test_statuspage_access_user import (
    ANN,
    API,
    COMPONENTS,
    EU_COMPUTE,
    GROUPS,
    LATENCY,
    PAGE,
    PAGING,
    USERS,
    lookup,
    members,
)

BOB = dict(ANN, id='bobuser00001', email='Bob@example.com', external_login='bob', page_access_group_ids=['support00001'])


def test_all_users_walk_every_page(run_module):
    many = [dict(ANN, id='u%011d' % index, email='user%03d@example.com' % index) for index in range(100)]
    result, failed = run_module(statuspage_access_user_info.main, {'page_id': PAGE}, [
        call('GET', USERS, query=PAGING, response=many),
        call('GET', USERS, query={'page': '2', 'per_page': '100'}, response=[BOB]),
    ])
    assert not failed and result['changed'] is False
    assert len(result['users']) == 101
    assert result['users'][0] == {'id': 'bobuser00001', 'email': 'Bob@example.com', 'external_login': 'bob',
                                  'page_access_groups': ['support00001']}
    assert 'labels' not in result


def test_one_user_by_email(run_module):
    result, failed = run_module(statuspage_access_user_info.main, {'page_id': PAGE, 'email': 'ANN@example.com'},
                                [lookup(email='ANN@example.com')])
    assert not failed and [user['id'] for user in result['users']] == ['annuser00001']


def test_no_match_is_an_empty_list(run_module):
    result, failed = run_module(statuspage_access_user_info.main, {'page_id': PAGE, 'email': 'nobody@example.com', 'include_access': True},
                                [lookup(email='nobody@example.com', found=[])])
    assert not failed and result == {'changed': False, 'users': [], 'labels': {}}


def test_include_access_reads_each_users_components_and_metrics(run_module):
    result, failed = run_module(statuspage_access_user_info.main, {'page_id': PAGE, 'include_access': True}, [
        call('GET', USERS, query=PAGING, response=[ANN, BOB]),
        call('GET', '/pages/%s/components' % PAGE, query=PAGING, response=COMPONENTS),
        call('GET', '/pages/%s/page_access_groups' % PAGE, query=PAGING, response=GROUPS),
        members('components', [API, EU_COMPUTE]),
        members('metrics', [LATENCY]),
        members('components', [], user_id='bobuser00001'),
        members('metrics', [], user_id='bobuser00001'),
    ])
    assert not failed
    ann, bob = result['users']
    assert ann == {'id': 'annuser00001', 'email': 'ann@example.com', 'external_login': None, 'page_access_groups': [],
                   'page_access_group_names': [],
                   'components': ['d59ujm7rjqit', 'lcrype1hzn91'], 'metrics': ['grdk5uo2yv22']}
    assert bob['components'] == [] and bob['metrics'] == []
    assert bob['page_access_groups'] == ['support00001'] and bob['page_access_group_names'] == ['Support']
    assert result['labels']['lcrype1hzn91'] == 'EU/Compute'
    assert result['labels']['d59ujm7rjqit'] == 'Platform/API'
    assert result['labels']['grdk5uo2yv22'] == 'API Latency'
    assert result['labels']['support00001'] == 'Support'


def test_forbidden_page(run_module):
    result, failed = run_module(statuspage_access_user_info.main, {'page_id': 'otherorg0001'}, [
        call('GET', '/pages/otherorg0001/page_access_users', query=PAGING, status=403, response={'message': 'Forbidden'})])
    assert failed and result['status'] == 403
