# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.community.statuspage.plugins.modules import statuspage_access_group_info as module

from ansible_collections.community.statuspage.tests.unit.plugins.modules.harness import call
from ansible_collections.community.statuspage.tests.unit.plugins.modules.test_statuspage_access_group import (
    GROUP,
    GROUPS,
    LIST,
    OTHER_GROUP,
    list_components,
    list_groups,
    list_metrics,
    list_users,
)

GLOBEX_JOINED = dict(
    GROUP,
    components=[{'id': 'cmpapi000001', 'name': 'API', 'group': 'Platform', 'group_id': 'grpplatform1'},
                {'id': 'cmpeucompute', 'name': 'Compute', 'group': 'EU', 'group_id': 'grpeu0000001'}],
    metrics=[{'id': 'mtrlatency01', 'name': 'API Latency'}],
    users=[{'id': 'usrann000001', 'email': 'ann@globex.example'}],
)
INITECH_JOINED = dict(OTHER_GROUP, components=[], metrics=[], users=[])


def test_all_groups_with_names_joined_one_list_each(run_module):
    result, failed = run_module(module.main, {'page_id': 'acmecloud123'}, [
        list_groups(), list_components(), list_metrics(), list_users()])
    assert not failed and result['changed'] is False
    assert result['groups'] == [INITECH_JOINED, GLOBEX_JOINED]


def test_filter_by_name(run_module):
    result, failed = run_module(module.main, {'page_id': 'acmecloud123', 'name': 'Globex'}, [
        list_groups(), list_components(), list_metrics(), list_users()])
    assert not failed and result['groups'] == [GLOBEX_JOINED]


def test_groups_without_members_need_no_other_list(run_module):
    result, failed = run_module(module.main, {'page_id': 'acmecloud123', 'name': 'Initech'}, [list_groups()])
    assert not failed and result['groups'] == [INITECH_JOINED]


def test_no_match_is_an_empty_list(run_module):
    result, failed = run_module(module.main, {'page_id': 'acmecloud123', 'name': 'Nope'}, [list_groups()])
    assert not failed and result == {'changed': False, 'groups': []}


def test_all_result_pages_are_read(run_module):
    many = [dict(OTHER_GROUP, id='grpfill%05d' % index, name='Filler %d' % index) for index in range(100)]
    result, failed = run_module(module.main, {'page_id': 'acmecloud123'}, [
        list_groups(many),
        call('GET', GROUPS, query={'page': '2', 'per_page': '100'}, response=[OTHER_GROUP]),
    ])
    assert not failed and len(result['groups']) == 101


def test_member_unknown_to_the_lists_keeps_its_id(run_module):
    stale = dict(OTHER_GROUP, page_access_user_ids=['usrgone00001'])
    result, failed = run_module(module.main, {'page_id': 'acmecloud123'}, [
        list_groups([stale]), call('GET', '/pages/acmecloud123/page_access_users', query=LIST, response=[])])
    assert not failed and result['groups'][0]['users'] == [{'id': 'usrgone00001', 'email': None}]


def test_forbidden_page(run_module):
    result, failed = run_module(module.main, {'page_id': 'otherorg0001'}, [
        call('GET', '/pages/otherorg0001/page_access_groups', query=LIST, status=403, response={'message': 'Forbidden'})])
    assert failed and result['status'] == 403
