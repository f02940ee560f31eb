# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import requests

from ansible_collections.community.statuspage.plugins.modules import statuspage_maintenance as module

from ansible_collections.community.statuspage.tests.unit.plugins.demo_page import (
    API,
    COMPONENTS,
    EU_DATABASE,
    PAGE_ID,
    PAGING,
    list_components,
    page_path,
)
from ansible_collections.community.statuspage.tests.unit.plugins.modules.harness import call

EVENTS = page_path('incidents')
SEARCH = {'q': 'Upgrade', 'limit': '100'}
DB_UP = dict(EU_DATABASE, status='operational')
WINDOW = {'id': 'mnt000000001', 'name': 'Upgrade', 'status': 'scheduled', 'components': [DB_UP],
          'scheduled_for': '2030-03-03T01:00:00.000Z', 'scheduled_until': '2030-03-03T03:00:00.000Z',
          'auto_transition_to_maintenance_state': False, 'auto_transition_to_operational_state': False,
          'incident_updates': [{'id': 'upd000000001', 'body': 'We will upgrade.', 'status': 'scheduled',
                                'created_at': '2030-01-01T00:00:00.000Z'}]}
ARGS = {'page_id': PAGE_ID, 'name': 'Upgrade', 'body': 'We will upgrade.',
        'scheduled_for': '2030-03-03T02:00:00+01:00', 'scheduled_until': '2030-03-03T04:00:00+01:00',
        'components': [{'name': 'EU/Database'}]}
CREATE = {'incident': {'name': 'Upgrade', 'status': 'scheduled', 'scheduled_for': '2030-03-03T01:00:00.000Z',
                       'scheduled_until': '2030-03-03T03:00:00.000Z', 'component_ids': [EU_DATABASE['id']],
                       'body': 'We will upgrade.', 'deliver_notifications': True}}
COMPONENTS_WITH_STATUS = [dict(item, status='operational') for item in COMPONENTS]


def search(found=()):
    return call('GET', EVENTS, query=SEARCH, response=list(found))


def lists(upcoming=(), active=()):
    return [call('GET', EVENTS + '/upcoming', query=PAGING, response=list(upcoming)),
            call('GET', EVENTS + '/active_maintenance', query=PAGING, response=list(active))]


def test_a_new_window_costs_four_reads_and_one_post(run_module):
    result, failed = run_module(module.main, ARGS, [search()] + lists() + [
        list_components(COMPONENTS_WITH_STATUS), call('POST', EVENTS, status=201, body=CREATE, response=WINDOW)],
        diff=True)
    assert not failed and result['changed'] and result['notified'] and result['update_posted']
    assert result['maintenance'] == WINDOW
    assert result['diff']['after']['components'] == {'EU/Database': 'operational'}
    assert result['diff']['after']['new_update']['notifies_subscribers'] is True


def test_check_mode_predicts_the_same_diff_and_writes_nothing(run_module):
    reads = [search()] + lists() + [list_components(COMPONENTS_WITH_STATUS)]
    checked, failed = run_module(module.main, ARGS, reads, check_mode=True, diff=True)
    applied, _failed = run_module(module.main, ARGS, reads + [call('POST', EVENTS, status=201, body=CREATE,
                                                                   response=WINDOW)], diff=True)
    assert not failed and checked['changed'] and checked['maintenance']['id'] is None
    assert checked['diff'] == applied['diff']


def test_a_re_run_reads_twice_and_writes_nothing(run_module):
    for check_mode in (False, True):
        result, failed = run_module(module.main, ARGS, [search([WINDOW]), list_components(COMPONENTS_WITH_STATUS)],
                                    check_mode=check_mode, diff=True)
        assert not failed and not result['changed'] and not result['notified']
        assert result['diff']['before'] == result['diff']['after']


def test_starting_is_one_patch_with_the_window_statuses(run_module):
    result, failed = run_module(module.main, dict(ARGS, state='in_progress', body='Started.'), [
        search([WINDOW]), list_components(COMPONENTS_WITH_STATUS),
        call('PATCH', EVENTS + '/' + WINDOW['id'], body={'incident': {
            'status': 'in_progress', 'components': {EU_DATABASE['id']: 'under_maintenance'}, 'body': 'Started.',
            'deliver_notifications': True}}, response=dict(WINDOW, status='in_progress'))])
    assert not failed and result['changed']


def test_a_lost_create_is_adopted_from_the_lists_never_posted_twice(run_module):
    result, failed = run_module(module.main, ARGS, [search()] + lists() + [
        list_components(COMPONENTS_WITH_STATUS),
        call('POST', EVENTS, body=CREATE, raises=requests.exceptions.ConnectionError('reset'))] + lists([WINDOW]))
    assert not failed and result['changed'] and result['maintenance'] == WINDOW


def test_bad_input_is_named_at_once_before_any_write(run_module):
    result, failed = run_module(module.main, dict(ARGS, scheduled_until='2030-03-03T00:00:00Z', components=[
        {'name': 'EU/Databse'}, {'name': API['id'], 'status': 'down'}]), [search([WINDOW]), list_components()])
    assert failed
    assert '3 problem(s)' in result['msg']
    assert 'must be after scheduled_for' in result['msg'] and "'down' is not a component status" in result['msg']
    assert "no component 'EU/Databse'" in result['msg']


def test_a_time_without_offset_fails_before_a_request(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'name': 'Upgrade',
                                              'scheduled_for': '2030-03-03T02:00:00', 'scheduled_until': 'soon'},
                                [search()] + lists())
    assert failed and 'has no UTC offset' in result['msg'] and 'is not an ISO 8601 timestamp' in result['msg']


def test_completing_nothing_changes_nothing_and_warns(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'name': 'Upgrade', 'state': 'completed'},
                                [search()] + lists())
    assert not failed and not result['changed'] and result['maintenance'] is None
    assert 'nothing was changed' in result['warnings'][0]


def test_an_id_of_a_realtime_incident_fails(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'maintenance_id': 'inc000000001'}, [
        call('GET', EVENTS + '/inc000000001', response={'id': 'inc000000001', 'status': 'investigating'})])
    assert failed and "'inc000000001' is an incident (status 'investigating'), not a maintenance" in result['msg']


def test_deleting_costs_one_delete(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'name': 'Upgrade', 'state': 'absent'}, [
        search([WINDOW]), call('DELETE', EVENTS + '/' + WINDOW['id'], response=WINDOW)])
    assert not failed and result['changed'] and result['maintenance'] is None
