# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.community.statuspage.plugins.modules import statuspage_incident as module

from ansible_collections.community.statuspage.tests.unit.plugins.demo_page import (
    API,
    COMPONENTS,
    PAGE_ID,
    PAGING,
    list_components,
    page_path,
)
from ansible_collections.community.statuspage.tests.unit.plugins.modules.harness import call

EVENTS = page_path('incidents')
API_UP = dict(API, status='operational')
INCIDENT = {'id': 'inc000000001', 'name': 'Slow API', 'status': 'investigating',
            'components': [dict(API_UP, status='degraded_performance')],
            'incident_updates': [{'id': 'upd000000001', 'body': 'Looking.', 'status': 'investigating',
                                  'created_at': '2030-01-01T00:00:00.000Z'}]}
TEMPLATE = {'id': 'dp3n8rw5ka1z', 'name': 'Degraded performance', 'title': 'Degraded API performance',
            'body': 'We are investigating.', 'update_status': 'investigating', 'should_send_notifications': False,
            'components': [API_UP]}
# The page's list as it is while the incident is open: the API degraded.
COMPONENTS_WITH_STATUS = [dict(item, status='degraded_performance' if item['id'] == API['id'] else 'operational')
                          for item in COMPONENTS]
ARGS = {'page_id': PAGE_ID, 'name': 'Slow API', 'body': 'Looking.',
        'components': [{'name': 'API', 'status': 'degraded_performance'}]}


def unresolved(found=()):
    return call('GET', EVENTS + '/unresolved', query=PAGING, response=list(found))


def test_opening_is_one_post_with_the_statuses(run_module):
    result, failed = run_module(module.main, ARGS, [
        unresolved(), list_components([dict(item, status='operational') for item in COMPONENTS]),
        call('POST', EVENTS, status=201, body={'incident': {
            'name': 'Slow API', 'status': 'investigating', 'component_ids': [API['id']],
            'components': {API['id']: 'degraded_performance'}, 'body': 'Looking.', 'deliver_notifications': True}},
            response=INCIDENT)], diff=True)
    assert not failed and result['changed'] and result['notified']
    assert result['diff']['after']['components'] == {'Platform/API': 'degraded_performance'}


def test_a_re_run_costs_two_reads_in_check_mode_too(run_module):
    for check_mode in (False, True):
        result, failed = run_module(module.main, ARGS, [unresolved([INCIDENT]), list_components(COMPONENTS_WITH_STATUS)],
                                    check_mode=check_mode)
        assert not failed and not result['changed'] and not result['update_posted']


def test_a_new_body_with_the_same_status_posts_one_update(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'name': 'Slow API', 'body': 'Found it.',
                                              'status': 'investigating'}, [
        unresolved([INCIDENT]),
        call('PATCH', EVENTS + '/' + INCIDENT['id'],
             body={'incident': {'body': 'Found it.', 'deliver_notifications': True}}, response=INCIDENT)])
    assert not failed and result['changed'] and result['update_posted']


def test_check_mode_sends_nothing_and_says_who_would_hear(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'name': 'Slow API', 'status': 'identified',
                                              'deliver_notifications': False},
                                [unresolved([INCIDENT]), list_components()], check_mode=True, diff=True)
    assert not failed and result['changed'] and result['update_posted'] and not result['notified']
    assert result['diff']['after']['new_update'] == {'status': 'identified', 'body': '', 'notifies_subscribers': False}
    assert result['incident']['status'] == 'identified'


def test_resolving_what_is_not_open_changes_nothing(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'name': 'Slow API', 'status': 'resolved'},
                                [unresolved()], diff=True)
    assert not failed and not result['changed'] and result['incident'] is None
    assert result['diff'] == {'before': {'state': 'absent'}, 'after': {'state': 'absent'}}


def test_a_template_gives_what_the_task_leaves_out(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'template': 'Degraded performance'}, [
        call('GET', page_path('incident_templates'), query=PAGING, response=[TEMPLATE]),
        unresolved(),
        list_components(COMPONENTS_WITH_STATUS),
        call('POST', EVENTS, status=201, body={'incident': {
            'name': 'Degraded API performance', 'status': 'investigating', 'component_ids': [API['id']],
            'body': 'We are investigating.', 'deliver_notifications': False}}, response=INCIDENT)])
    assert not failed and result['changed'] and not result['notified']


def test_two_open_incidents_of_one_name_fail_naming_them(run_module):
    result, failed = run_module(module.main, ARGS, [unresolved([INCIDENT, dict(INCIDENT, id='inc000000002')])])
    assert failed and 'inc000000001, inc000000002' in result['msg'] and 'incident_id' in result['msg']


def test_bad_input_is_named_at_once_before_any_write(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'name': 'Broken', 'template': 'Nope',
                                              'components': [{'name': 'Nope'}, {'name': 'API', 'status': 'down'}]}, [
        unresolved(), list_components(),
        call('GET', page_path('incident_templates'), query=PAGING, response=[TEMPLATE])])
    assert failed and '3 problem(s)' in result['msg']
    assert "no incident template 'Nope'" in result['msg'] and "no component 'Nope'" in result['msg']


def test_a_body_longer_than_the_api_takes_fails_with_the_other_problems(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'name': 'Slow API', 'body': 'x' * 25001,
                                              'components': [{'name': 'API', 'status': 'down'}]},
                                [unresolved(), list_components()])
    assert failed and '2 problem(s)' in result['msg']
    assert 'body is 25001 characters long; Statuspage takes at most 25000' in result['msg']
