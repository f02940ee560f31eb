# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.community.statuspage.plugins.modules import statuspage_access_group_info as module

from ansible_collections.community.statuspage.tests.unit.plugins.demo_page import (
    ANN,
    API,
    EU_COMPUTE,
    GLOBEX,
    GROUPS_PATH,
    INITECH,
    LATENCY,
    OTHER_PAGE_ID,
    PAGE_ID,
    PAGING,
    SUPPORT,
    USERS_PATH,
    described,
    list_components,
    list_groups,
    list_metrics,
    list_pages,
    list_users,
    metric,
)
from ansible_collections.community.statuspage.tests.unit.plugins.modules.harness import call

GLOBEX_JOINED = dict(
    GLOBEX,
    components=[described(API), described(EU_COMPUTE)],
    metrics=[metric(LATENCY)],
    users=[{'id': ANN['id'], 'email': 'ann@globex.example'}],
)
INITECH_JOINED = dict(INITECH, components=[], metrics=[], users=[])
SUPPORT_JOINED = dict(SUPPORT, components=[], metrics=[], users=[])


def test_all_groups_with_names_joined_one_list_each(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID}, [
        list_groups(), list_components(), list_metrics(), list_users()])
    assert not failed and result['changed'] is False
    assert result['groups'] == [INITECH_JOINED, GLOBEX_JOINED, SUPPORT_JOINED]


def test_filter_by_name(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'name': 'Globex'}, [
        list_groups(), list_components(), list_metrics(), list_users()])
    assert not failed and result['groups'] == [GLOBEX_JOINED]


def test_groups_without_members_need_no_other_list(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'name': 'Initech'}, [list_groups()])
    assert not failed and result['groups'] == [INITECH_JOINED]


def test_no_match_is_an_empty_list(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'name': 'Nope'}, [list_groups()])
    assert not failed and result == {'changed': False, 'groups': []}


def test_all_result_pages_are_read(run_module):
    many = [dict(INITECH, id='grpfill%05d' % index, name='Filler %d' % index) for index in range(100)]
    result, failed = run_module(module.main, {'page_id': PAGE_ID}, [
        list_groups(many),
        call('GET', GROUPS_PATH, query={'page': '2', 'per_page': '100'}, response=[INITECH]),
    ])
    assert not failed and len(result['groups']) == 101


def test_member_unknown_to_the_lists_keeps_its_id(run_module):
    stale = dict(INITECH, page_access_user_ids=['usrgone00001'])
    result, failed = run_module(module.main, {'page_id': PAGE_ID}, [
        list_groups([stale]), call('GET', USERS_PATH, query=PAGING, response=[])])
    assert not failed and result['groups'][0]['users'] == [{'id': 'usrgone00001', 'email': None}]


def test_forbidden_page(run_module):
    result, failed = run_module(module.main, {'page_id': OTHER_PAGE_ID}, [
        call('GET', '/pages/%s/page_access_groups' % OTHER_PAGE_ID, query=PAGING, status=403, response={'message': 'Forbidden'}),
        # Whether the page refuses its access endpoints (docs: _page_access): the key sees no page.
        call('GET', '/pages/%s/page_access_users' % OTHER_PAGE_ID, query={'page': '1', 'per_page': '1'},
             status=403, response={'message': 'Forbidden'}),
        call('GET', '/pages/%s' % OTHER_PAGE_ID, status=403, response={'message': 'Forbidden'}),
        list_pages()])
    assert failed and result['status'] == 403 and 'refused its page access' not in result['msg']
    assert "it sees 'Acme Cloud' (acmecloud123)" in result['msg']
