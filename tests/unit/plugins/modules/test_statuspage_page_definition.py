# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.community.statuspage.plugins.modules import statuspage_page_definition as module

from ansible_collections.community.statuspage.tests.unit.plugins.demo_page import (
    ANN,
    API,
    AUTHENTICATION,
    COMPONENTS,
    DASHBOARD,
    GLOBEX,
    PAGE_ID,
    PLATFORM,
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
PAGE = {'id': PAGE_ID, 'name': 'Acme Cloud', 'time_zone': 'UTC', 'css_greens': '#2FCC66'}
EMBED = {'page_id': PAGE_ID, 'position': 'bottom-left'}
PLATFORM_TREE = {'group': 'Platform', 'components': [{'name': 'API'}, {'name': 'Dashboard'}, {'name': 'Authentication'}]}
SLACK = {'id': 'cmpslack0001', 'name': 'Slack', 'group': False, 'group_id': None}
INTEGRATIONS = {'id': 'grpintegr001', 'name': 'Integrations', 'components': [SLACK['id'], WEBHOOKS['id']]}
TREE = [PLATFORM_TREE, {'group': 'Integrations', 'components': [
    {'name': 'Slack'}, {'name': 'Webhooks', 'previously': 'Platform/Webhooks'}]}]


def args(**extra):
    base = {'page_id': PAGE_ID, 'profile': {'time_zone': 'UTC', 'css_greens': '#2fcc66'},
            'status_embed_config': {'position': 'bottom-left'}, 'components': TREE}
    base.update(extra)
    return base


def reads(components=None):
    return [call('GET', page_path(), response=PAGE), call('GET', page_path('status_embed_config'), response=EMBED),
            list_components(components)]


AFTER = [PLATFORM, API, DASHBOARD, AUTHENTICATION, dict(INTEGRATIONS, group=True), dict(SLACK, group_id=INTEGRATIONS['id']),
         dict(WEBHOOKS, group_id=INTEGRATIONS['id'])] + COMPONENTS[5:]
APPLY = [
    call('POST', COMPONENTS_PATH, status=201, body={'component': {'name': 'Slack'}}, response=SLACK),
    call('POST', GROUPS_PATH, status=201, body={'component_group': {
        'name': 'Integrations', 'components': [SLACK['id'], WEBHOOKS['id']]}}, response=INTEGRATIONS),
]


def test_a_new_group_with_a_new_and_a_moved_component_costs_the_reads_and_two_writes(run_module):
    result, failed = run_module(module.main, args(), reads() + APPLY, diff=True)
    assert not failed and result['changed'] is True
    assert result['summary']['groups_created'] == 1 and result['summary']['components_created'] == 1
    assert result['summary']['components_updated'] == 1 and result['summary']['settings_changed'] == 0
    assert result['api_requests'] == {'total': 5, 'GET': 3, 'POST': 2}
    assert result['diff']['before']['component Integrations/Webhooks'] == {
        'state': 'present', 'name': 'Webhooks', 'group': 'Platform'}
    assert result['diff']['after']['component Integrations/Webhooks'] == {
        'state': 'present', 'name': 'Webhooks', 'group': 'Integrations'}
    assert result['diff']['after']['group Integrations'] == {
        'state': 'present', 'name': 'Integrations', 'components': ['Integrations/Slack', 'Integrations/Webhooks']}


def test_check_mode_predicts_the_same_with_the_reads_only(run_module):
    result, failed = run_module(module.main, args(), reads(), check_mode=True, diff=True)
    assert not failed and result['changed'] is True
    assert [(item['kind'], item['name'], item['action']) for item in result['plan']] == [
        ('component', 'Integrations/Slack', 'create'), ('component', 'Integrations/Webhooks', 'update'),
        ('group', 'Integrations', 'create')]


@pytest.mark.parametrize('check_mode', [False, True])
def test_a_re_run_sends_the_three_reads_and_nothing_else(run_module, check_mode):
    result, failed = run_module(module.main, args(), reads(AFTER), check_mode=check_mode, diff=True)
    assert not failed and result['changed'] is False and result['plan'] == []
    assert result['diff'] == {'before': {}, 'after': {}}
    assert result['api_requests'] == {'total': 3, 'GET': 3}


def test_validate_only_then_parts_from_the_snapshot_read_nothing_again(run_module):
    check, failed = run_module(module.main, args(validate_only=True), reads())
    assert not failed and check['changed'] is False
    assert check['entries'] == ['Platform', 'Integrations'] and check['removals'] == 0
    snapshot = check['snapshot']
    result, failed = run_module(module.main, args(snapshot=snapshot, part='settings'), [])
    assert not failed and result['changed'] is False
    result, failed = run_module(module.main, args(snapshot=snapshot, part='components', only=['Platform']), [])
    assert not failed and result['changed'] is False and result['summary']['components_unchanged'] == 3
    result, failed = run_module(module.main, args(snapshot=snapshot, part='components', only=['Integrations']), APPLY)
    assert not failed and result['changed'] is True
    result, failed = run_module(module.main, args(snapshot=snapshot, part='components', only=['Nope']), [])
    assert failed and result['msg'] == "only: 'Nope' is not a top-level entry of components to apply (they are 'Platform', 'Integrations')"


def test_pruning_in_check_mode_says_who_loses_each_deleted_component(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'components': [PLATFORM_TREE], 'prune': True}, [
        list_components(), list_groups([dict(GLOBEX, component_ids=[WEBHOOKS['id']])]), list_users([ANN]),
        user_grants('components', [WEBHOOKS], user=ANN)], check_mode=True, diff=True)
    assert not failed and result['changed'] is True
    assert result['plan'] == [{'kind': 'component', 'name': 'Platform/Webhooks', 'id': WEBHOOKS['id'], 'action': 'delete',
                               'pruned': True}]
    assert result['diff']['before']['component Platform/Webhooks']['access'] == {
        'users': ['ann@globex.example'], 'groups': ['Globex']}


def test_a_bad_definition_fails_before_any_request_and_a_page_relative_problem_after_the_reads(run_module):
    result, failed = run_module(module.main, args(components=[{'group': 'Platform', 'components': [{'nam': 'API'}]}]), [])
    assert failed and result['msg'].startswith('2 problem(s) in the page definition, nothing was written: ')
    assert "group 'Platform', entry #1 has an unknown key 'nam' (did you mean 'name'?)" in result['msg']
    result, failed = run_module(module.main, args(components=[{'name': 'Compute', 'previously': 'Compute'}]), reads())
    assert failed and "previously 'Compute' is ambiguous" in result['msg']
