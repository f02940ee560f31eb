# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""statuspage_customer_access: the choice between granting per user and per component, call by call."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.community.statuspage.plugins.module_utils._component_grants import chunks, predicted_routing
from ansible_collections.community.statuspage.plugins.modules import statuspage_customer_access as module
from ansible_collections.community.statuspage.tests.unit.plugins.demo_page import (
    ANN,
    API,
    DASHBOARD,
    EU_COMPUTE,
    PAGE_ID,
    USERS_PATH,
    list_components,
    list_users,
    page_path,
    user_grants,
    user_path,
)
from ansible_collections.community.statuspage.tests.unit.plugins.modules.harness import call

SHARED = ['API', 'EU/Compute']
SHARED_IDS = sorted([API['id'], EU_COMPUTE['id']])
PEOPLE = [dict(ANN, id='usrnew%06d' % number, email='user%d@c%d.example' % (number, number)) for number in range(3)]


def customers(count=3, components=None):
    return [{'name': 'C%d' % number, 'users': [PEOPLE[number]['email']], 'components': components or SHARED}
            for number in range(count)]


def args(entries, **extra):
    result = {'page_id': PAGE_ID, 'customers': entries}
    result.update(extra)
    return result


def create(person):
    return call('POST', USERS_PATH, body={'page_access_user': {'email': person['email']}}, response=person)


def grant_component(component_id, user_ids):
    return call('POST', page_path('components', component_id, 'page_access_users'), status=201,
                body={'page_access_user_ids': sorted(user_ids)}, response={'id': component_id})


def replace_components(person, ids):
    return call('POST', user_path(person, 'components'), status=201, body={'component_ids': ids}, response=[])


def test_three_new_users_of_two_shared_components_are_granted_per_component(run_module):
    # Per user: 3 replaces. Per component: 2 adds. The cheaper one is chosen, after the creates.
    result, failed = run_module(module.main, args(customers()), [
        list_users([]),
        list_components(),
        create(PEOPLE[0]), create(PEOPLE[1]), create(PEOPLE[2]),
        # In the order of the components' ids.
        grant_component(API['id'], [person['id'] for person in PEOPLE]),
        grant_component(EU_COMPUTE['id'], [person['id'] for person in PEOPLE]),
    ], diff=True)
    assert not failed, result
    assert result['grants'] == {'plan': 'per_component', 'requests': 2, 'per_user_requests': 3,
                                'per_component_requests': 2}
    assert result['api_requests'] == {'total': 7, 'GET': 2, 'POST': 5}
    # The diff shows the sets the users end with, as with per-user grants.
    assert result['diff']['after']['user0@c0.example']['components'] == ['EU/Compute', 'Platform/API']


def test_check_mode_predicts_the_same_plan_and_sends_no_write(run_module):
    result, failed = run_module(module.main, args(customers()), [list_users([]), list_components()],
                                check_mode=True)
    assert not failed and result['changed'] is True
    assert result['grants']['plan'] == 'per_component' and result['grants']['requests'] == 2


def test_two_users_of_two_components_cost_the_same_either_way_and_stay_per_user(run_module):
    result, failed = run_module(module.main, args(customers(2)), [
        list_users([]),
        list_components(),
        create(PEOPLE[0]), replace_components(PEOPLE[0], SHARED_IDS),
        create(PEOPLE[1]), replace_components(PEOPLE[1], SHARED_IDS),
    ])
    assert not failed, result
    assert result['grants'] == {'plan': 'per_user', 'requests': 2, 'per_user_requests': 2,
                                'per_component_requests': 2}


def test_grant_plan_per_user_is_obeyed_where_per_component_is_cheaper(run_module):
    calls = [list_users([]), list_components()]
    for person in PEOPLE:
        calls += [create(person), replace_components(person, SHARED_IDS)]
    result, failed = run_module(module.main, args(customers(), grant_plan='per_user'), calls)
    assert not failed, result
    assert result['grants']['plan'] == 'per_user' and result['api_requests']['POST'] == 6


def test_a_user_who_loses_a_component_keeps_its_replace_and_is_not_counted_for_bulk(run_module):
    # PEOPLE[0] has Dashboard and API and keeps only API: one replace, whatever the plan. The two
    # new users gain API alone: one add for both instead of two replaces.
    result, failed = run_module(module.main, args(customers(components=['API'])), [
        list_users([PEOPLE[0]]),
        list_components(),
        user_grants('components', [DASHBOARD, API], PEOPLE[0]),
        replace_components(PEOPLE[0], [API['id']]),
        create(PEOPLE[1]), create(PEOPLE[2]),
        grant_component(API['id'], [PEOPLE[1]['id'], PEOPLE[2]['id']]),
    ])
    assert not failed, result
    assert result['grants'] == {'plan': 'per_component', 'requests': 1, 'per_user_requests': 2,
                                'per_component_requests': 1}


def test_an_existing_user_who_only_gains_joins_the_bulk_add(run_module):
    # PEOPLE[0] has API and gains EU/Compute: an add, so it joins the new users' EU/Compute POST.
    result, failed = run_module(module.main, args(customers()), [
        list_users([PEOPLE[0]]),
        list_components(),
        user_grants('components', [API], PEOPLE[0]),
        create(PEOPLE[1]), create(PEOPLE[2]),
        grant_component(API['id'], [PEOPLE[1]['id'], PEOPLE[2]['id']]),
        grant_component(EU_COMPUTE['id'], [person['id'] for person in PEOPLE]),
    ])
    assert not failed, result
    assert result['grants'] == {'plan': 'per_component', 'requests': 2, 'per_user_requests': 3,
                                'per_component_requests': 2}
    assert result['summary'] == dict(result['summary'], created=2, updated=1)


def test_deferred_returns_the_grants_and_component_grants_sends_them_in_chunks(run_module):
    result, failed = run_module(module.main, args(customers(), grant_plan='deferred'), [
        list_users([]), list_components(), create(PEOPLE[0]), create(PEOPLE[1]), create(PEOPLE[2]),
    ])
    assert not failed, result
    ids = [person['id'] for person in PEOPLE]
    assert result['deferred_grants'] == {API['id']: ids, EU_COMPUTE['id']: ids}
    many = ['usr%09d' % number for number in range(101)]
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'component_grants': {API['id']: many}}, [
        grant_component(API['id'], many[:100]),
        grant_component(API['id'], many[100:]),
    ])
    assert not failed, result
    assert result['changed'] is True and result['grants'] == {'plan': 'per_component', 'requests': 2}


def test_component_grants_in_check_mode_count_and_send_nothing(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'component_grants': {API['id']: ['a@b.example']}},
                                [], check_mode=True)
    assert not failed and result['grants']['requests'] == 1


def test_component_grants_must_be_lists_of_ids(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'component_grants': {API['id']: 'usr1'}}, [])
    assert failed and 'expected a list of page access user ids' in result['msg']


def test_validate_only_predicts_the_plan_from_the_users_to_create(run_module):
    result, failed = run_module(module.main, args(customers(), validate_only=True),
                                [list_users([]), list_components()])
    assert not failed and result['grants']['plan'] == 'per_component'
    # Existing users whose grants are not read are not counted either way.
    result, failed = run_module(module.main, args(customers(), validate_only=True),
                                [list_users(PEOPLE), list_components()])
    assert not failed and result['grants'] == {'plan': 'per_user', 'requests': 0, 'per_user_requests': 0,
                                               'per_component_requests': 0}


def test_chunks_and_the_predicted_costs():
    assert chunks(['c', 'a', 'b'], 2) == [['a', 'b'], ['c']]
    assert chunks([], 2) == []
    # 250 users of one component: 3 requests per component instead of 250 per user.
    routing = predicted_routing(dict(('u%d' % number, ['c1']) for number in range(250)))
    assert (routing.plan, routing.per_component, routing.per_user) == ('per_component', 3, 250)
    assert predicted_routing({'u1': ['c1', 'c2']}).plan == 'per_user'


def test_a_user_a_create_finds_existing_is_reconciled_whole_before_the_bulk_add(run_module):
    # PEOPLE[2] was created meanwhile with Dashboard: its 409 is read back and its set replaced
    # at once (it loses Dashboard); the bulk add that follows names it too, and changes nothing.
    taken = call('POST', USERS_PATH, status=409, body={'page_access_user': {'email': PEOPLE[2]['email']}},
                 response={'message': 'Email has already been taken'})
    found = call('GET', USERS_PATH, query={'page': '1', 'per_page': '100', 'email': PEOPLE[2]['email']},
                 response=[PEOPLE[2]])
    result, failed = run_module(module.main, args(customers(components=['API'])), [
        list_users([]),
        list_components(),
        create(PEOPLE[0]), create(PEOPLE[1]), taken, found,
        user_grants('components', [DASHBOARD], PEOPLE[2]),
        replace_components(PEOPLE[2], [API['id']]),
        grant_component(API['id'], [person['id'] for person in PEOPLE]),
    ])
    assert not failed, result
    assert result['grants']['plan'] == 'per_component'


def test_a_list_too_long_for_the_server_is_sent_again_in_halves(run_module):
    ids = ['usr%09d' % number for number in range(3)]
    too_long = call('POST', page_path('components', API['id'], 'page_access_users'), status=422,
                    body={'page_access_user_ids': ids}, response={'message': 'at most 2 ids per request'})
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'component_grants': {API['id']: ids}}, [
        too_long, grant_component(API['id'], ids[:1]), grant_component(API['id'], ids[1:]),
    ])
    assert not failed, result
    assert result['api_requests'] == {'total': 3, 'POST': 3}
    assert result['grants']['requests'] == 3
