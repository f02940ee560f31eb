# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The component and component group reconcilers: pure plans, and ensure/remove with every request declared."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest
import requests

from ansible_collections.community.statuspage.plugins.module_utils._component_status import status_problems
from ansible_collections.community.statuspage.plugins.module_utils._errors import InputError, StatuspageError
from ansible_collections.community.statuspage.plugins.module_utils._reconcile_component import (
    component_changes,
    diff_view,
    ensure_component,
    plan_component,
    predicted_component,
    remove_component,
    set_component_status,
)
from ansible_collections.community.statuspage.plugins.module_utils._reconcile_component_group import (
    deletion_view,
    ensure_component_group,
    final_members,
    plan_component_group,
    remove_component_group,
)
from ansible_collections.community.statuspage.tests.unit.plugins.demo_page import (
    API,
    COMPONENTS,
    DASHBOARD,
    EU,
    EU_COMPUTE,
    PAGE_ID,
    PLATFORM,
    WEBHOOKS,
    list_components,
    page_path,
)
from ansible_collections.community.statuspage.tests.unit.plugins.modules.harness import call

COMPONENTS_PATH = page_path('components')
GROUPS_PATH = page_path('component-groups')
NEW = {'id': 'cmpnew000001', 'name': 'Search', 'group': False, 'group_id': PLATFORM['id'], 'status': 'operational'}


def path(*rest):
    return '/'.join((COMPONENTS_PATH,) + rest)


def test_only_what_is_set_is_compared_as_the_api_means_it():
    current = dict(API, description=None, start_date='2024-01-15', position=1)
    assert component_changes(current, {'description': ''}) == {}
    assert component_changes(current, {'start_date': '2024-01-15'}) == {}
    assert component_changes(current, {'position': '1'}) == {}
    assert component_changes(current, {'group_id': PLATFORM['id'], 'name': 'API'}) == {}
    assert component_changes(dict(API, group_id=None), {'group_id': ''}) == {}
    assert component_changes(current, {'group_id': ''}) == {'group_id': ''}
    assert component_changes(current, {'status': 'major_outage'}) == {'status': 'major_outage'}
    assert not plan_component(current, {'name': 'API', 'status': None}).changed


def test_plans_and_predictions():
    update = plan_component(API, {'group_id': ''})
    assert update.update == {'group_id': ''} and update.create is None
    assert predicted_component(update, PAGE_ID)['group_id'] is None
    create = plan_component(None, {'name': 'Search', 'group_id': PLATFORM['id']})
    assert predicted_component(create, PAGE_ID) == {'id': None, 'page_id': PAGE_ID, 'group': False, 'name': 'Search',
                                                    'group_id': PLATFORM['id']}


def test_ensure_is_one_post_or_one_patch_and_out_of_a_group_is_the_string_null(api):
    with api.expect([
        call('POST', COMPONENTS_PATH, status=201, body={'component': {'name': 'Search'}}, response=dict(NEW, group_id=None)),
        call('PATCH', path(API['id']), body={'component': {'group_id': 'null', 'status': 'major_outage'}},
             response=dict(API, group_id=None, status='major_outage')),
    ]) as client:
        # A new component is in no group unless told: no group_id is sent for ''.
        changed, after = ensure_component(client, PAGE_ID, plan_component(None, {'name': 'Search', 'group_id': ''}))
        assert changed and after['id'] == NEW['id']
        changed, after = ensure_component(client, PAGE_ID, plan_component(API, {'group_id': '', 'status': 'major_outage'}))
        assert changed and after['group_id'] is None


def test_check_mode_and_nothing_to_do_send_nothing(api):
    with api.expect([]) as client:
        assert ensure_component(client, PAGE_ID, plan_component(API, {'name': 'API'})) == (False, API)
        changed, after = ensure_component(client, PAGE_ID, plan_component(API, {'status': 'major_outage'}), check_mode=True)
        assert changed and after['status'] == 'major_outage'
        assert remove_component(client, PAGE_ID, API, check_mode=True) is True
        assert remove_component(client, PAGE_ID, None) is False


def test_a_field_the_answer_does_not_show_applied_fails_naming_it(api):
    with api.expect([
        call('PATCH', path(API['id']), body={'component': {'position': 3, 'description': 'x'}},
             response=dict(API, position=1, description='x')),
    ]) as client:
        with pytest.raises(StatuspageError) as caught:
            ensure_component(client, PAGE_ID, plan_component(dict(API, position=1), {'position': 3, 'description': 'x'}))
    message = str(caught.value)
    assert 'did not apply position (asked position=3, it returned position=1)' in message
    assert 'what else was asked (description) was applied' in message
    assert 'reorder in the Statuspage web interface' in message


def test_a_lost_create_is_read_back_and_adopted_never_repeated(api):
    lost = requests.exceptions.ReadTimeout('read timed out')
    with api.expect([
        call('POST', COMPONENTS_PATH, body={'component': {'name': 'Search', 'group_id': PLATFORM['id']}}, raises=lost),
        list_components(COMPONENTS + [NEW]),
    ]) as client:
        changed, after = ensure_component(client, PAGE_ID, plan_component(None, {'name': 'Search', 'group_id': PLATFORM['id']}))
    assert changed and after == NEW


def test_a_lost_create_found_with_less_is_completed_by_one_patch(api):
    lost = requests.exceptions.ReadTimeout('read timed out')
    with api.expect([
        call('POST', COMPONENTS_PATH, body={'component': {'name': 'Search', 'status': 'major_outage'}}, raises=lost),
        list_components(COMPONENTS + [dict(NEW, group_id=None)]),
        call('PATCH', path(NEW['id']), body={'component': {'status': 'major_outage'}},
             response=dict(NEW, group_id=None, status='major_outage')),
    ]) as client:
        changed, after = ensure_component(client, PAGE_ID, plan_component(None, {'name': 'Search', 'status': 'major_outage'}))
    assert changed and after['status'] == 'major_outage'


def test_a_lost_create_that_did_not_happen_is_not_sent_again(api):
    lost = requests.exceptions.ReadTimeout('read timed out')
    with api.expect([
        call('POST', COMPONENTS_PATH, body={'component': {'name': 'Search'}}, raises=lost),
        # Read back patiently (_retry_policy.reread_waits: six reads over the default 30 s
        # timeout), never sent again: component names are not unique.
    ] + [list_components()] * 6) as client:
        with pytest.raises(StatuspageError):
            ensure_component(client, PAGE_ID, plan_component(None, {'name': 'Search'}))


def test_set_component_status_refuses_a_bad_status_before_any_request(api):
    with api.expect([]) as client:
        with pytest.raises(InputError) as caught:
            set_component_status(client, PAGE_ID, API, 'down')
        assert 'expected one of operational, under_maintenance' in str(caught.value)
        assert set_component_status(client, PAGE_ID, dict(API, status='operational'), 'operational') == (
            False, dict(API, status='operational'))
    with api.expect([call('PATCH', path(API['id']), body={'component': {'status': 'under_maintenance'}},
                          response=dict(API, status='under_maintenance'))]) as client:
        assert set_component_status(client, PAGE_ID, API, 'under_maintenance')[0] is True
    assert status_problems({'API': 'down', 'Dashboard': 'operational'}) == [
        "components['API']='down' is not a component status: expected one of operational, under_maintenance, "
        "degraded_performance, partial_outage, major_outage"]


def test_diff_view_names_the_group_and_who_loses_a_deleted_component():
    assert diff_view(API, ['group_id', 'status'], 'Platform') == {
        'state': 'present', 'name': 'API', 'group': 'Platform', 'status': None}
    access = {'users': ['ann@globex.example'], 'groups': ['Globex']}
    assert diff_view(API, [], 'Platform', access)['access'] == access
    assert diff_view(None, ['status'], None) == {'state': 'absent'}


# ---- groups -------------------------------------------------------------------------------------

def test_a_member_set_keeps_the_current_order_and_adds_at_the_end():
    assert final_members(['a', 'b', 'c'], ['c', 'x', 'a']) == ['a', 'c', 'x']


def test_group_plans_compare_members_as_a_set():
    now = PLATFORM['components']
    assert not plan_component_group(PLATFORM, {'name': 'Platform', 'components': list(reversed(now))}, now).changed
    plan = plan_component_group(PLATFORM, {'name': 'Platform', 'components': [API['id'], EU_COMPUTE['id']]}, now)
    assert plan.update == {'components': [API['id'], EU_COMPUTE['id']]}
    assert plan.members == [API['id'], EU_COMPUTE['id']]


def test_a_group_patch_carries_name_and_every_member_and_the_description_both_ways(api):
    now = PLATFORM['components']
    plan = plan_component_group(PLATFORM, {'name': 'Platform', 'description': 'Core', 'components': [API['id'], DASHBOARD['id']]}, now)
    answer = {'id': PLATFORM['id'], 'name': 'Platform', 'description': 'Core', 'components': [API['id'], DASHBOARD['id']]}
    with api.expect([call('PATCH', GROUPS_PATH + '/' + PLATFORM['id'], body={
            'component_group': {'name': 'Platform', 'components': [API['id'], DASHBOARD['id']], 'description': 'Core'},
            'description': 'Core'}, response=answer)]) as client:
        changed, after = ensure_component_group(client, PAGE_ID, plan)
    assert changed and after == dict(answer, group=True)


def test_a_group_create_answer_whose_components_is_a_string_keeps_what_was_sent(api):
    plan = plan_component_group(None, {'name': 'Integrations', 'components': [WEBHOOKS['id']]})
    with api.expect([call('POST', GROUPS_PATH, status=201, body={
            'component_group': {'name': 'Integrations', 'components': [WEBHOOKS['id']]}},
            response={'id': 'grpnew000001', 'name': 'Integrations', 'components': '["%s"]' % WEBHOOKS['id']})]) as client:
        changed, after = ensure_component_group(client, PAGE_ID, plan)
    assert after['components'] == [WEBHOOKS['id']] and after['group'] is True


def test_deleting_a_group_first_takes_its_members_out_whatever_statuspage_would_do(api):
    members = [dict(EU_COMPUTE)]
    with api.expect([
        call('PATCH', path(EU_COMPUTE['id']), body={'component': {'group_id': 'null'}}, response=dict(EU_COMPUTE, group_id=None)),
        call('DELETE', GROUPS_PATH + '/' + EU['id'], response=dict(EU)),
    ]) as client:
        assert remove_component_group(client, PAGE_ID, EU, members) is True
    with api.expect([
        call('DELETE', path(EU_COMPUTE['id']), status=204),
        call('DELETE', GROUPS_PATH + '/' + EU['id'], status=404, response={'message': 'gone'}),
    ]) as client:
        assert remove_component_group(client, PAGE_ID, EU, members, delete_members=True) is True
    with api.expect([]) as client:
        assert remove_component_group(client, PAGE_ID, EU, members, check_mode=True) is True
        assert remove_component_group(client, PAGE_ID, None, []) is False
    assert deletion_view(['EU/Compute'], False) == {'state': 'absent', 'components_kept_in_no_group': ['EU/Compute']}
    assert deletion_view(['EU/Compute'], True, {'EU/Compute': {'users': [], 'groups': ['Globex']}}) == {
        'state': 'absent', 'components_deleted': ['EU/Compute'],
        'access_revoked': {'EU/Compute': {'users': [], 'groups': ['Globex']}}}
