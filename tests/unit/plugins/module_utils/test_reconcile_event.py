# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import requests

from ansible_collections.community.statuspage.plugins.module_utils._reconcile_event import (
    diff_view,
    ensure_event,
    new_update_view,
    plan_event,
    predicted_event,
)
from ansible_collections.community.statuspage.tests.unit.plugins.demo_page import API, EU_DATABASE, PAGE_ID, page_path
from ansible_collections.community.statuspage.tests.unit.plugins.modules.harness import call

EVENTS = page_path('incidents')
API_UP = dict(API, status='operational')
DB_UP = dict(EU_DATABASE, status='operational')
UPDATE = {'id': 'upd000000001', 'body': 'We will upgrade.', 'status': 'scheduled', 'created_at': '2030-01-01T00:00:00.000Z'}
WINDOW = {'id': 'mnt000000001', 'name': 'Upgrade', 'status': 'scheduled', 'components': [API_UP, DB_UP],
          'scheduled_for': '2030-03-03T01:00:00.000Z', 'scheduled_until': '2030-03-03T03:00:00.000Z',
          'auto_transition_to_maintenance_state': False, 'auto_transition_to_operational_state': False,
          'incident_updates': [UPDATE]}
INCIDENT = {'id': 'inc000000001', 'name': 'Slow API', 'status': 'investigating', 'components': [API_UP],
            'incident_updates': [dict(UPDATE, body='Looking.', status='investigating')]}


def test_the_same_schedule_in_another_offset_and_a_posted_body_change_nothing():
    plan = plan_event(WINDOW, {'name': 'Upgrade', 'status': 'scheduled', 'body': ' We will upgrade. ',
                               'scheduled_for': '2030-03-03T02:00:00+01:00', 'component_ids': [API['id']],
                               'components': {API['id']: 'under_maintenance'}}, maintenance=True)
    assert not plan.changed and not plan.posts_update


def test_window_statuses_are_not_sent_before_it_starts():
    plan = plan_event(WINDOW, {'status': 'scheduled', 'components': {API['id']: 'degraded_performance'},
                               'component_ids': [API['id']]}, maintenance=True)
    assert not plan.changed


def test_starting_sends_the_window_statuses_with_the_status_and_the_body_in_one_update():
    plan = plan_event(WINDOW, {'status': 'in_progress', 'body': 'Started.', 'deliver_notifications': False,
                               'components': {API['id']: 'degraded_performance'}}, maintenance=True)
    assert plan.update == {'status': 'in_progress', 'components': {API['id']: 'degraded_performance'},
                           'body': 'Started.', 'deliver_notifications': False}
    assert plan.posts_update and not plan.notifies
    assert new_update_view(plan) == {'status': 'in_progress', 'body': 'Started.', 'notifies_subscribers': False}


def test_the_switches_statuses_go_with_a_transition_this_task_makes():
    started = plan_event(WINDOW, {'status': 'in_progress', 'auto_transition_to_maintenance_state': True},
                         maintenance=True)
    assert started.update['components'] == {API['id']: 'under_maintenance', EU_DATABASE['id']: 'under_maintenance'}
    running = dict(WINDOW, status='in_progress', auto_transition_to_operational_state=True,
                   components=[dict(API_UP, status='under_maintenance'), DB_UP])
    completed = plan_event(running, {'status': 'completed'}, maintenance=True)
    assert completed.update['components'] == {API['id']: 'operational'}
    assert plan_event(dict(running, status='completed'), {'status': 'completed'}, maintenance=True).changed is False


def test_a_maintenance_is_never_moved_back_and_a_restart_of_a_completed_one_warns():
    assert not plan_event(dict(WINDOW, status='in_progress'), {'status': 'scheduled'}, maintenance=True).changed
    plan = plan_event(dict(WINDOW, status='completed'), {'status': 'in_progress'}, maintenance=True)
    assert not plan.changed
    assert 'already completed' in plan.warnings[0]


def test_a_new_body_posts_one_update_and_an_earlier_one_none():
    assert plan_event(INCIDENT, {'body': 'Found it.'}).update == {'body': 'Found it.', 'deliver_notifications': True}
    assert not plan_event(INCIDENT, {'body': 'Looking.'}).changed


def test_a_status_change_carries_the_tasks_text_even_when_posted_before():
    plan = plan_event(INCIDENT, {'status': 'identified', 'body': 'Looking.'})
    assert plan.update == {'status': 'identified', 'body': 'Looking.', 'deliver_notifications': True}


def test_components_are_added_never_removed_and_only_differing_statuses_sent():
    plan = plan_event(INCIDENT, {'component_ids': [EU_DATABASE['id']], 'components': {API['id']: 'operational'}},
                      known_components=[DB_UP])
    assert plan.update == {'component_ids': [API['id'], EU_DATABASE['id']]}
    assert not plan.posts_update


def test_check_mode_prediction_and_diff_of_a_new_incident():
    plan = plan_event(None, {'name': 'Slow API', 'status': 'investigating', 'body': 'Looking.',
                             'component_ids': [API['id']], 'components': {API['id']: 'major_outage'}},
                      known_components=[API_UP])
    predicted = predicted_event(plan, PAGE_ID, 'investigating')
    assert predicted['id'] is None and predicted['status'] == 'investigating'
    view = diff_view(predicted, [], lambda component_id: 'Platform/API')
    assert view == {'state': 'present', 'name': 'Slow API', 'status': 'investigating',
                    'components': {'Platform/API': 'major_outage'}, 'latest_update': 'Looking.'}


def test_a_lost_create_is_re_read_and_adopted_and_its_body_not_posted_again(api):
    desired = {'name': 'Slow API', 'status': 'investigating', 'body': 'Looking.', 'component_ids': [API['id']],
               'components': {API['id']: 'major_outage'}}
    plan = plan_event(None, desired, known_components=[API_UP])
    landed = dict(INCIDENT, components=[dict(API_UP, status='major_outage')])
    with api.expect([
        call('POST', EVENTS, raises=requests.exceptions.ConnectionError('connection reset')),
        call('GET', EVENTS + '/unresolved', query={'page': '1', 'per_page': '100'}, response=[landed]),
    ]) as client:
        changed, after = ensure_event(
            client, PAGE_ID, plan, lambda: client.list(EVENTS + '/unresolved'),
            'incident', 'investigating')
    assert changed and after == landed


def test_a_lost_create_that_landed_with_less_is_completed_by_one_patch(api):
    desired = {'name': 'Slow API', 'status': 'identified', 'body': 'Looking.'}
    plan = plan_event(None, desired)
    with api.expect([
        call('POST', EVENTS, status=503),
        call('GET', EVENTS + '/unresolved', query={'page': '1', 'per_page': '100'}, response=[INCIDENT]),
        call('PATCH', EVENTS + '/' + INCIDENT['id'], body={'incident': {
            'status': 'identified', 'body': 'Looking.', 'deliver_notifications': True}},
            response=dict(INCIDENT, status='identified')),
    ]) as client:
        changed, after = ensure_event(client, PAGE_ID, plan, lambda: client.list(EVENTS + '/unresolved'),
                                      'incident', 'investigating')
    assert changed and after['status'] == 'identified'
