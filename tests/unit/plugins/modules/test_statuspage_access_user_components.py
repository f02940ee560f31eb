# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.community.statuspage.plugins.modules import statuspage_access_user_components as module

from ansible_collections.community.statuspage.tests.unit.plugins.demo_page import (
    ANN,
    API,
    BOB,
    DASHBOARD,
    EU_COMPUTE,
    PAGE_ID,
    PAGING,
    US_COMPUTE,
    described,
    find_no_user,
    find_user,
    get_user,
    list_components,
    list_pages,
    user_path,
)
from ansible_collections.community.statuspage.tests.unit.plugins.modules.harness import call

MEMBERS = user_path(ANN, 'components')
USER = ANN
D_API, D_DASH, D_EU_COMPUTE, D_US_COMPUTE = (described(item) for item in (API, DASHBOARD, EU_COMPUTE, US_COMPUTE))

ARGS = {'page_id': PAGE_ID, 'email': 'ann@globex.example'}


def members(*items):
    return call('GET', MEMBERS, query=PAGING, response=list(items))


def page_components():
    return list_components()


def test_grant_by_names_is_one_patch_with_the_missing_ids(run_module):
    result, failed = run_module(module.main, dict(ARGS, components=['API', 'EU/Compute']), [
        find_user(), members(API), page_components(),
        call('PATCH', MEMBERS, body={'component_ids': [EU_COMPUTE['id']]}, response=USER),
    ], diff=True)
    assert not failed and result['changed'] is True
    assert result['components'] == [D_EU_COMPUTE, D_API]
    assert result['added'] == [D_EU_COMPUTE] and result['removed'] == []
    assert result['user'] == USER
    assert result['diff'] == {'before': {'components': ['Platform/API']},
                              'after': {'components': ['EU/Compute', 'Platform/API']}}


def test_nothing_to_change_sends_no_write(run_module):
    result, failed = run_module(module.main, dict(ARGS, components=['API', 'EU/Compute']), [
        find_user(), members(API, EU_COMPUTE), page_components()], diff=True)
    assert not failed and result['changed'] is False
    assert result['added'] == [] and result['removed'] == []
    assert result['diff']['before'] == result['diff']['after'] == {'components': ['EU/Compute', 'Platform/API']}


def test_check_mode_predicts_without_writing(run_module):
    args = dict(ARGS, components=['Platform/Dashboard'], exclusive=True)
    result, failed = run_module(module.main, args, [find_user(), members(API, EU_COMPUTE), page_components()],
                                check_mode=True, diff=True)
    assert not failed and result['changed'] is True
    assert result['components'] == [D_DASH]
    assert result['added'] == [D_DASH] and result['removed'] == [D_EU_COMPUTE, D_API]
    assert result['diff']['after'] == {'components': ['Platform/Dashboard']}


def test_check_mode_with_nothing_to_change(run_module):
    result, failed = run_module(module.main, dict(ARGS, components=['Dashboard'], state='absent'),
                                [find_user(), members(API), page_components()], check_mode=True)
    assert not failed and result['changed'] is False and result['components'] == [D_API]


def test_exclusive_is_one_post_replacing_the_set(run_module):
    result, failed = run_module(module.main, dict(ARGS, components=['US/Compute', 'API'], exclusive=True), [
        find_user(), members(API, EU_COMPUTE), page_components(),
        call('POST', MEMBERS, status=201, body={'component_ids': sorted([API['id'], US_COMPUTE['id']])}, response=USER),
    ])
    assert not failed and result['changed'] is True
    assert result['components'] == [D_API, D_US_COMPUTE]
    assert result['added'] == [D_US_COMPUTE] and result['removed'] == [D_EU_COMPUTE]


def test_exact_empty_set_is_a_delete_naming_every_current_id_without_reading_the_page(run_module):
    result, failed = run_module(module.main, dict(ARGS, components=[], exclusive=True), [
        find_user(), members(API, EU_COMPUTE),
        call('DELETE', MEMBERS, body={'component_ids': sorted([API['id'], EU_COMPUTE['id']])}, response=USER),
    ], diff=True)
    assert not failed and result['changed'] is True
    assert result['components'] == [] and len(result['removed']) == 2
    # The page's list was not read, so group names are unknown: the group id stands in.
    assert result['diff'] == {'before': {'components': ['%s/Compute' % EU_COMPUTE['group_id'], '%s/API' % API['group_id']]},
                              'after': {'components': []}}


def test_exact_empty_set_of_a_user_with_nothing_is_no_request(run_module):
    result, failed = run_module(module.main, dict(ARGS, components=[], exclusive=True), [find_user(), members()])
    assert not failed and result['changed'] is False and result['components'] == []


def test_revoke_by_known_ids_needs_no_page_list(run_module):
    result, failed = run_module(module.main, dict(ARGS, components=[API['id']], state='absent'), [
        find_user(), members(API, EU_COMPUTE),
        call('DELETE', MEMBERS, body={'component_ids': [API['id']]}, response=USER),
    ])
    assert not failed and result['changed'] is True
    assert result['components'] == [described(EU_COMPUTE, known_group=False)]
    assert result['removed'] == [described(API, known_group=False)]


def test_revoke_of_what_the_user_does_not_have_sends_nothing(run_module):
    result, failed = run_module(module.main, dict(ARGS, components=['US/Compute', 'Dashboard'], state='absent'),
                                [find_user(), members(API), page_components()])
    assert not failed and result['changed'] is False


def test_user_by_id_is_one_get(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'user_id': ANN['id'],
                                              'components': [API['id']]}, [
        get_user(), members(API)])
    assert not failed and result['changed'] is False


def test_ambiguous_and_unknown_names_fail_before_any_write(run_module):
    result, failed = run_module(module.main, dict(ARGS, components=['Compute', 'Dashbord', 'EU', 'API']),
                                [find_user(), members(), page_components()])
    assert failed
    msg = result['msg']
    assert ("component name 'Compute' is ambiguous: it is any of 'EU/Compute' (%s), 'US/Compute' (%s)"
            % (EU_COMPUTE['id'], US_COMPUTE['id'])) in msg
    assert "no component 'Dashbord' on this page; did you mean 'Platform/Dashboard'?" in msg
    assert "'EU' is a component group" in msg
    assert msg.startswith('components: ') and msg.count('; components: ') == 2


def test_unknown_user_says_this_module_does_not_create_users(run_module):
    result, failed = run_module(module.main, dict(ARGS, components=['API']), find_no_user(users=[BOB]))
    assert failed
    assert "no page access user with email 'ann@globex.example' on page 'acmecloud123'" in result['msg']
    assert 'does not create users' in result['msg']


def test_unknown_user_id(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'user_id': 'nosuchuser01', 'components': []},
                                [call('GET', user_path('nosuchuser01'), status=404, response={'message': 'not found'})])
    assert failed and "no page access user with user_id 'nosuchuser01'" in result['msg']


@pytest.mark.parametrize('args, words', [
    (dict(ARGS, components=['API'], state='absent', exclusive=True), ['exclusive=true goes with state=present']),
    (dict(ARGS, email='not-an-address', components=['API', ' ']),
     ["email='not-an-address' is not an e-mail address", 'components: an empty name is not a component']),
    ({'page_id': PAGE_ID, 'components': ['API']}, ['email', 'user_id']),
    (dict(ARGS), ['components']),
    (dict(ARGS, components=['API'], state='gone'), ['state', 'present, absent']),
])
def test_bad_input_fails_before_any_request(run_module, args, words):
    result, failed = run_module(module.main, args, [])
    assert failed
    for word in words:
        assert word in result['msg']


def test_api_error_on_the_write_is_reported_once(run_module):
    result, failed = run_module(module.main, dict(ARGS, components=['API']), [
        find_user(), members(), page_components(),
        call('PATCH', MEMBERS, status=403, body={'component_ids': [API['id']]}, response={'message': 'Forbidden'}),
        # The page is one the key sees: the 403 is told as it came.
        list_pages(),
    ])
    assert failed and result['status'] == 403 and result['method'] == 'PATCH' and result['path'] == MEMBERS
    assert 'Forbidden' in result['msg']


def test_two_hundred_components_cost_one_request_per_hundred(run_module):
    many = [dict(API, id='cmp%09d' % number, name='C%d' % number) for number in range(150)]
    result, failed = run_module(module.main, dict(ARGS, components=['cmp000000149']), [
        find_user(),
        call('GET', MEMBERS, query=PAGING, response=many[:100]),
        call('GET', MEMBERS, query={'page': '2', 'per_page': '100'}, response=many[100:]),
    ])
    assert not failed and result['changed'] is False and len(result['components']) == 150
