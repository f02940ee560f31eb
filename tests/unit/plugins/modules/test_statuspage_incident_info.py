# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.community.statuspage.plugins.modules import statuspage_incident_info as module

from ansible_collections.community.statuspage.tests.unit.plugins.demo_page import (
    API,
    PAGE_ID,
    PAGING,
    list_components,
    page_path,
)
from ansible_collections.community.statuspage.tests.unit.plugins.modules.harness import call

EVENTS = page_path('incidents')
INCIDENT = {'id': 'inc000000001', 'name': 'Slow API', 'status': 'investigating',
            'components': [dict(API, status='major_outage')], 'incident_updates': []}
WINDOW = {'id': 'mnt000000001', 'name': 'Upgrade', 'status': 'completed', 'components': [], 'incident_updates': []}


def test_nothing_going_on_is_an_empty_list_from_three_reads(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID}, [
        call('GET', EVENTS + '/' + which, query=PAGING, response=[])
        for which in ('unresolved', 'upcoming', 'active_maintenance')])
    assert not failed and not result['changed'] and result['incidents'] == []


def test_components_are_named_with_their_group_from_one_list(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'lists': ['unresolved']}, [
        call('GET', EVENTS + '/unresolved', query=PAGING, response=[INCIDENT]), list_components()])
    assert not failed
    assert result['incidents'][0]['kind'] == 'incident'
    assert result['incidents'][0]['components'] == [{'id': API['id'], 'name': 'API', 'group': 'Platform',
                                                     'group_id': API['group_id'], 'status': 'major_outage'}]


def test_by_name_finds_completed_ones_and_only_that_name(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'name': 'Upgrade'}, [
        call('GET', EVENTS, query={'q': 'Upgrade', 'limit': '100'},
             response=[WINDOW, dict(WINDOW, id='mnt000000002', name='Upgrade 2')])])
    assert not failed and [event['id'] for event in result['incidents']] == ['mnt000000001']
    assert result['incidents'][0]['kind'] == 'maintenance'


def test_an_unknown_id_is_an_empty_list(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'id': 'nosuchevent1'}, [
        call('GET', EVENTS + '/nosuchevent1', status=404, response={'message': 'not found'})])
    assert not failed and result['incidents'] == []
