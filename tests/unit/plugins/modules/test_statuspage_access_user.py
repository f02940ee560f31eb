# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest
import requests

from ansible_collections.community.statuspage.plugins.modules import statuspage_access_user

from ansible_collections.community.statuspage.tests.unit.plugins.demo_page import (
    ACCESS_GROUPS,
    ANN,
    API,
    EU_COMPUTE,
    EU_STORAGE,
    GLOBEX,
    LATENCY,
    PAGE_ID,
    PAGING,
    SUPPORT,
    UPTIME,
    US_COMPUTE,
    USERS_PATH,
    BOB,
    described,
    find_no_user,
    find_user,
    list_components,
    list_groups,
    list_metrics,
    list_of,
    list_pages,
    metric,
    user_grants,
    user_path,
)
from ansible_collections.community.statuspage.tests.unit.plugins.modules.harness import call

# Two groups of one name, to make "Twin" ambiguous.
TWINS = [dict(SUPPORT, id='grptwin00001', name='Twin'), dict(SUPPORT, id='grptwin00002', name='Twin')]


def lookup(email='ann@globex.example', found=(ANN,)):
    return find_user(email, found)


def missing(email='ann@globex.example', users=(BOB,)):
    """The look-up of an address nobody has, on a page whose users are ``users``."""
    return find_no_user(email, users)


def groups_list():
    return list_groups(ACCESS_GROUPS + TWINS)


def members(kind, items):
    return user_grants(kind, items)


def create(body, response=None, status=200):
    return call('POST', USERS_PATH, status=status, body={'page_access_user': body},
                response=response if response is not None else dict(ANN, **body))


def args(**extra):
    base = {'page_id': PAGE_ID, 'email': 'ann@globex.example'}
    base.update(extra)
    return base


# ---- existing user ---------------------------------------------------------------------------

def test_existing_user_nothing_to_change_costs_one_request(run_module):
    result, failed = run_module(statuspage_access_user.main, args(), [lookup()], diff=True)
    assert not failed and result['changed'] is False
    assert result['user'] == {'id': ANN['id'], 'email': 'ann@globex.example', 'external_login': None,
                              'page_access_groups': []}
    assert result['diff']['before'] == result['diff']['after']


def test_email_is_compared_without_case(run_module):
    result, failed = run_module(statuspage_access_user.main, args(email='ANN@Globex.example', external_login=''),
                                [lookup(email='ANN@Globex.example')])
    assert not failed and result['changed'] is False
    assert result['user']['email'] == 'ann@globex.example'


def test_update_patches_only_what_differs(run_module):
    current = dict(ANN, external_login='ann', page_access_group_ids=[SUPPORT['id']])
    updated = dict(current, page_access_group_ids=[GLOBEX['id']])
    result, failed = run_module(statuspage_access_user.main, args(external_login='ann', page_access_groups=['Globex']), [
        lookup(found=[current]),
        groups_list(),
        call('PATCH', user_path(), body={'page_access_user': {'page_access_group_ids': [GLOBEX['id']]}}, response=updated),
    ], diff=True)
    assert not failed and result['changed'] is True
    assert result['user']['page_access_group_names'] == ['Globex']
    assert result['user']['page_access_groups'] == [GLOBEX['id']]
    assert 'page_access_group_ids' not in result['user']
    assert result['diff'] == {
        'before': {'email': 'ann@globex.example', 'external_login': 'ann', 'page_access_groups': ['Support']},
        'after': {'email': 'ann@globex.example', 'external_login': 'ann', 'page_access_groups': ['Globex']},
    }


def test_update_check_mode_predicts_without_writing(run_module):
    result, failed = run_module(statuspage_access_user.main, args(external_login='ann'), [lookup()],
                                check_mode=True, diff=True)
    assert not failed and result['changed'] is True
    assert result['user']['external_login'] == 'ann'
    assert result['diff']['before']['external_login'] is None and result['diff']['after']['external_login'] == 'ann'


def test_update_not_applied_by_the_api_fails_naming_the_field(run_module):
    result, failed = run_module(statuspage_access_user.main, args(external_login='ann'), [
        lookup(),
        call('PATCH', user_path(), body={'page_access_user': {'external_login': 'ann'}}, response=ANN),
        call('GET', user_path(), response=ANN),
    ])
    assert failed
    assert 'did not apply external_login' in result['msg'] and "'ann'" in result['msg']


def test_group_order_does_not_matter(run_module):
    current = dict(ANN, page_access_group_ids=[SUPPORT['id'], GLOBEX['id']])
    result, failed = run_module(statuspage_access_user.main, args(page_access_groups=['Globex', SUPPORT['id']]), [
        lookup(found=[current]), groups_list()])
    assert not failed and result['changed'] is False
    assert result['user']['page_access_group_names'] == ['Globex', 'Support']
    assert result['user']['page_access_groups'] == [GLOBEX['id'], SUPPORT['id']]


def test_components_by_name_exact_set_on_existing_user(run_module):
    result, failed = run_module(statuspage_access_user.main, args(components=['API', 'EU/Compute']), [
        lookup(),
        members('components', [US_COMPUTE, EU_STORAGE]),
        list_components(),
        call('POST', user_path(ANN, 'components'), status=201,
             body={'component_ids': sorted([API['id'], EU_COMPUTE['id']])}, response=ANN),
    ], diff=True)
    assert not failed and result['changed'] is True
    assert result['user']['components'] == [
        described(EU_COMPUTE),
        described(API),
    ]
    assert result['diff']['before']['components'] == ['EU/Storage', 'US/Compute']
    assert result['diff']['after']['components'] == ['EU/Compute', 'Platform/API']


def test_components_by_known_ids_need_no_catalog(run_module):
    result, failed = run_module(statuspage_access_user.main, args(components=[EU_COMPUTE['id']]), [
        lookup(),
        members('components', [EU_COMPUTE]),
    ])
    assert not failed and result['changed'] is False
    assert result['user']['components'] == [described(EU_COMPUTE, known_group=False)]


def test_empty_components_revokes_each_by_id_never_a_bare_delete(run_module):
    result, failed = run_module(statuspage_access_user.main, args(components=[]), [
        lookup(),
        members('components', [EU_COMPUTE, API]),
        call('DELETE', user_path(ANN, 'components'),
             body={'component_ids': sorted([API['id'], EU_COMPUTE['id']])}, response=ANN),
    ])
    assert not failed and result['changed'] is True and result['user']['components'] == []


def test_metrics_exact_set(run_module):
    result, failed = run_module(statuspage_access_user.main, args(metrics=['Uptime']), [
        lookup(),
        members('metrics', [LATENCY]),
        list_metrics(),
        call('POST', user_path(ANN, 'metrics'), status=201, body={'metric_ids': [UPTIME['id']]}, response=ANN),
    ], diff=True)
    assert not failed and result['changed'] is True
    assert result['user']['metrics'] == [metric(UPTIME)]
    assert result['diff']['before']['metrics'] == ['API Latency']


def test_subscribe_to_components_on_existing_user_warns(run_module):
    result, failed = run_module(statuspage_access_user.main, args(subscribe_to_components=True), [lookup()])
    assert not failed and result['changed'] is False
    assert any('subscribe_to_components' in warning and 'only when' in warning for warning in result['warnings'])


# ---- new user --------------------------------------------------------------------------------

def test_new_user_is_one_lookup_and_one_post(run_module):
    result, failed = run_module(statuspage_access_user.main, args(email='Ann@Globex.example', external_login='ann'), [
        *missing(email='Ann@Globex.example'),
        create({'email': 'Ann@Globex.example', 'external_login': 'ann'}),
    ], diff=True)
    assert not failed and result['changed'] is True
    assert result['user']['email'] == 'Ann@Globex.example'
    assert result['diff'] == {'before': {}, 'after': {'email': 'Ann@Globex.example', 'external_login': 'ann'}}


def test_new_user_with_components_and_metrics_does_not_read_its_empty_sets(run_module):
    result, failed = run_module(statuspage_access_user.main, args(
        components=['API', 'EU/Compute'], metrics=['API Latency'], page_access_groups=['Support'],
        subscribe_to_components=True), [
        *missing(),
        groups_list(),
        list_components(),
        list_metrics(),
        create({'email': 'ann@globex.example', 'page_access_group_ids': [SUPPORT['id']], 'subscribe_to_components': True},
               response=dict(ANN, page_access_group_ids=[SUPPORT['id']])),
        call('POST', user_path(ANN, 'components'), status=201,
             body={'component_ids': sorted([API['id'], EU_COMPUTE['id']])}, response=ANN),
        call('POST', user_path(ANN, 'metrics'), status=201, body={'metric_ids': [LATENCY['id']]}, response=ANN),
    ])
    assert not failed and result['changed'] is True
    assert 'warnings' not in result
    assert [c['id'] for c in result['user']['components']] == [EU_COMPUTE['id'], API['id']]
    assert result['user']['page_access_group_names'] == ['Support']
    assert result['user']['page_access_groups'] == [SUPPORT['id']]


def test_new_user_in_check_mode(run_module):
    result, failed = run_module(statuspage_access_user.main, args(components=['API']), [
        *missing(), list_components()], check_mode=True, diff=True)
    assert not failed and result['changed'] is True
    assert result['user']['id'] is None
    assert result['user']['components'] == [described(API)]
    assert result['diff'] == {'before': {}, 'after': {'email': 'ann@globex.example', 'external_login': None,
                                                      'components': ['Platform/API']}}


def test_conflict_adopts_the_existing_user_and_updates_it(run_module):
    existing = dict(ANN, external_login='old')
    result, failed = run_module(statuspage_access_user.main, args(external_login='ann', components=['API']), [
        *missing(),
        list_components(),
        create({'email': 'ann@globex.example', 'external_login': 'ann'}, status=409,
               response={'error': 'Email has already been taken'}),
        lookup(found=[existing]),
        members('components', [API]),
        call('PATCH', user_path(), body={'page_access_user': {'external_login': 'ann'}}, response=dict(ANN, external_login='ann')),
    ])
    assert not failed and result['changed'] is True
    assert result['user']['external_login'] == 'ann'


def test_conflict_with_nothing_to_change_is_no_change(run_module):
    result, failed = run_module(statuspage_access_user.main, args(), [
        *missing(),
        create({'email': 'ann@globex.example'}, status=409, response={'message': 'conflict'}),
        lookup(found=[ANN]),
    ])
    assert not failed and result['changed'] is False
    assert result['user']['id'] == ANN['id']


def test_conflict_that_the_filter_misses_is_found_in_the_list(run_module):
    result, failed = run_module(statuspage_access_user.main, args(), [
        *missing(),
        create({'email': 'ann@globex.example'}, status=409, response={'message': 'conflict'}),
        lookup(found=[]),
        list_of(USERS_PATH, [dict(ANN, id='usrbob000001', email='bob@globex.example'), dict(ANN, email='Ann@globex.example')]),
    ])
    assert not failed and result['changed'] is False and result['user']['email'] == 'Ann@globex.example'


def test_conflict_without_a_user_fails(run_module):
    result, failed = run_module(statuspage_access_user.main, args(), [
        *missing(),
        create({'email': 'ann@globex.example'}, status=409, response={'message': 'conflict'}),
        *missing(),
    ])
    assert failed and '409' in result['msg']


def test_lost_create_that_landed_is_read_back_not_repeated(run_module):
    result, failed = run_module(statuspage_access_user.main, args(components=['API']), [
        *missing(),
        list_components(),
        call('POST', USERS_PATH, status=503, body={'page_access_user': {'email': 'ann@globex.example'}}, response={'message': 'down'}),
        lookup(found=[ANN]),
        members('components', []),
        call('POST', user_path(ANN, 'components'), status=201, body={'component_ids': [API['id']]}, response=ANN),
    ])
    assert not failed and result['changed'] is True
    assert result['user']['id'] == ANN['id']


def test_lost_create_that_did_not_land_is_sent_once_more(run_module):
    # timeout 1: the re-read reads at once and once more after 1 s.
    result, failed = run_module(statuspage_access_user.main, args(timeout=1), [
        *missing(),
        call('POST', USERS_PATH, status=500, body={'page_access_user': {'email': 'ann@globex.example'}}, response={}),
        *missing(), *missing(),
        create({'email': 'ann@globex.example'}),
    ])
    assert not failed and result['changed'] is True and result['user']['id'] == ANN['id']


def test_two_lost_creates_fail_without_a_third(run_module):
    # timeout 1: the re-read reads at once and once more after 1 s.
    result, failed = run_module(statuspage_access_user.main, args(timeout=1), [
        *missing(),
        call('POST', USERS_PATH, status=500, body={'page_access_user': {'email': 'ann@globex.example'}}, response={}),
        *missing(), *missing(),
        call('POST', USERS_PATH, status=500, body={'page_access_user': {'email': 'ann@globex.example'}}, response={}),
        *missing(), *missing(),
    ])
    assert failed and 'did not happen' in result['msg'] and 'third' in result['msg']


def test_create_without_an_answer_is_read_back(run_module, monkeypatch):
    # The connection breaks after the request went out: like the emulator's "reset" fault.
    import responses
    original_add = responses.RequestsMock.add

    def add(self, *a, **kw):
        if kw.get('method') == 'POST' and kw.get('status') == 599:
            kw.pop('status')
            kw.pop('json', None)
            kw['body'] = requests.exceptions.ConnectionError('Connection reset by peer')
        return original_add(self, *a, **kw)

    monkeypatch.setattr(responses.RequestsMock, 'add', add)
    result, failed = run_module(statuspage_access_user.main, args(), [
        *missing(),
        call('POST', USERS_PATH, status=599, body={'page_access_user': {'email': 'ann@globex.example'}}),
        lookup(found=[ANN]),
    ])
    assert not failed and result['changed'] is True and result['user']['id'] == ANN['id']


def test_create_answered_200_with_an_html_page_is_read_back_and_completed(run_module):
    # Issue 10, defect 2: the user was created, the answer was a proxy's page; the task used to
    # crash part-way ("'NoneType' object is not subscriptable"), leaving the user without components.
    result, failed = run_module(statuspage_access_user.main, args(components=['API']), [
        *missing(),
        list_components(),
        call('POST', USERS_PATH, status=200, body={'page_access_user': {'email': 'ann@globex.example'}},
             html='<html><body>OK</body></html>'),
        lookup(found=[ANN]),
        members('components', []),
        call('POST', user_path(ANN, 'components'), status=201, body={'component_ids': [API['id']]}, response=ANN),
    ])
    assert not failed and result['changed'] is True and result['user']['id'] == ANN['id']


def test_create_not_applied_fails(run_module):
    result, failed = run_module(statuspage_access_user.main, args(external_login='ann'), [
        *missing(),
        create({'email': 'ann@globex.example', 'external_login': 'ann'}, response=ANN),
        call('GET', user_path(), response=ANN),
    ])
    assert failed and 'did not apply external_login' in result['msg']


# ---- by id -----------------------------------------------------------------------------------

def test_user_by_id(run_module):
    result, failed = run_module(statuspage_access_user.main, {'page_id': PAGE_ID, 'user_id': ANN['id'], 'external_login': ''},
                                [call('GET', user_path(), response=ANN)])
    assert not failed and result['changed'] is False and result['user']['email'] == 'ann@globex.example'


def test_id_alias_and_email_agreeing(run_module):
    result, failed = run_module(statuspage_access_user.main, args(id=ANN['id'], email='Ann@globex.example'),
                                [call('GET', user_path(), response=ANN)])
    assert not failed and result['changed'] is False


def test_user_id_and_email_disagreeing_fails_before_writing(run_module):
    result, failed = run_module(statuspage_access_user.main, args(user_id=ANN['id'], email='bob@globex.example', external_login='x'),
                                [call('GET', user_path(), response=ANN)])
    assert failed and "'ann@globex.example', not email 'bob@globex.example'" in result['msg']


def test_unknown_user_id_cannot_be_created_without_email(run_module):
    result, failed = run_module(statuspage_access_user.main, {'page_id': PAGE_ID, 'user_id': 'nosuchuser01'},
                                [call('GET', user_path('nosuchuser01'), status=404)])
    assert failed and 'set email' in result['msg']


# ---- absent ----------------------------------------------------------------------------------

def test_absent_deletes(run_module):
    result, failed = run_module(statuspage_access_user.main, args(state='absent'), [
        lookup(), call('DELETE', user_path(), status=204)], diff=True)
    assert not failed and result['changed'] is True
    assert result['diff'] == {'before': {'email': 'ann@globex.example', 'external_login': None}, 'after': {}}
    assert result['user'] == {}


def test_absent_check_mode(run_module):
    result, failed = run_module(statuspage_access_user.main, args(state='absent'), [lookup()], check_mode=True)
    assert not failed and result['changed'] is True


def test_absent_when_already_absent(run_module):
    result, failed = run_module(statuspage_access_user.main, args(state='absent'), [*missing()], diff=True)
    assert not failed and result['changed'] is False
    assert result['diff']['before'] == result['diff']['after'] == {}


def test_absent_deleted_meanwhile(run_module):
    result, failed = run_module(statuspage_access_user.main, args(state='absent'), [
        lookup(), call('DELETE', user_path(), status=404, response={'message': 'gone'})])
    assert not failed and result['changed'] is False


# ---- bad input -------------------------------------------------------------------------------

def test_malformed_email_fails_with_no_request(run_module):
    result, failed = run_module(statuspage_access_user.main, args(email='ann at example.com'), [])
    assert failed and "email='ann at example.com' is not an e-mail address" in result['msg']


def test_neither_email_nor_id(run_module):
    result, failed = run_module(statuspage_access_user.main, {'page_id': PAGE_ID}, [])
    assert failed and 'email' in result['msg'] and 'user_id' in result['msg']


def test_every_bad_name_is_named_at_once_before_any_write(run_module):
    result, failed = run_module(statuspage_access_user.main, args(
        page_access_groups=['Nobody', 'Twin'], components=['Compute', 'Nope', 'EU'], metrics=['Latency']), [
        *missing(), groups_list(), list_components(), list_metrics()])
    assert failed
    msg = result['msg']
    assert "no access group 'Nobody'" in msg
    assert "access group name 'Twin' is ambiguous" in msg and 'grptwin00001' in msg
    assert "component name 'Compute' is ambiguous" in msg and "'EU/Compute'" in msg and "'US/Compute'" in msg
    assert "no component 'Nope'" in msg
    assert "'EU' is a component group" in msg
    assert "no metric 'Latency'" in msg and "'API Latency'" in msg


def test_page_the_key_cannot_see(run_module):
    result, failed = run_module(statuspage_access_user.main, args(page_id='otherorg0001', external_login='x'), [
        call('GET', '/pages/otherorg0001/page_access_users', query=dict(PAGING, email='ann@globex.example'),
             status=403, response={'message': 'Forbidden'}),
        # A page that refuses its access endpoints would answer this read: this one does not.
        call('GET', '/pages/otherorg0001', status=403, response={'message': 'Forbidden'}),
        list_pages()])
    assert failed and result['status'] == 403 and 'Forbidden' in result['msg']


@pytest.mark.parametrize('option', ['components', 'metrics'])
def test_unknown_id_is_checked_against_the_page(run_module, option):
    kind_catalog = list_components() if option == 'components' else list_metrics()
    result, failed = run_module(statuspage_access_user.main, args(**{option: ['zzzzzzzzzzzz']}), [
        lookup(), members(option, []), kind_catalog])
    assert failed and "'zzzzzzzzzzzz'" in result['msg']


def test_a_retried_delete_answered_404_is_our_change():
    import requests as requests_lib
    import responses as responses_lib
    from responses.registries import OrderedRegistry
    from ansible_collections.community.statuspage.plugins.module_utils._reconcile_user import remove_user
    from ansible_collections.community.statuspage.plugins.module_utils._client import StatuspageClient

    client = StatuspageClient('key', sleep=lambda seconds: None)
    url = 'https://api.statuspage.io/v1/pages/p/page_access_users/u1'
    with responses_lib.RequestsMock(registry=OrderedRegistry, assert_all_requests_are_fired=True) as rsps:
        rsps.delete(url, body=requests_lib.exceptions.ConnectionError('reset'))
        rsps.delete(url, status=404)
        assert remove_user(client, 'p', {'id': 'u1'}) is True
    with responses_lib.RequestsMock(assert_all_requests_are_fired=True) as rsps:
        rsps.delete(url, status=404)
        assert remove_user(client, 'p', {'id': 'u1'}) is False


# ---- answers the API notes leave open ----------------------------------------------------------

def test_the_first_user_of_a_page_comes_with_a_warning(run_module):
    result, failed = run_module(statuspage_access_user.main, args(), [
        *missing(users=[]),
        create({'email': 'ann@globex.example'}),
    ])
    assert not failed and result['changed'] is True
    assert len(result['warnings']) == 1
    assert 'page %s had no page access users' % PAGE_ID in result['warnings'][0]


def test_the_same_person_in_another_case_is_found_by_a_case_sensitive_filter(run_module):
    # email-case=sensitive: the filter misses Ann@Globex.example for ann@...: the list has her.
    stored = dict(ANN, email='Ann@Globex.example')
    result, failed = run_module(statuspage_access_user.main, args(), [
        lookup(found=[]),
        list_of(USERS_PATH, [BOB, stored]),
    ])
    assert not failed and result['changed'] is False and result['user']['id'] == ANN['id']


@pytest.mark.parametrize('shown', [','.join(sorted([GLOBEX['id'], SUPPORT['id']])),
                                   '["%s", "%s"]' % (GLOBEX['id'], SUPPORT['id'])])
def test_groups_echoed_as_a_string_are_compared_as_the_list(run_module, shown):
    current = dict(ANN, page_access_group_ids=shown)
    result, failed = run_module(statuspage_access_user.main, args(page_access_groups=['Support', 'Globex']), [
        lookup(found=[current]), groups_list()], diff=True)
    assert not failed and result['changed'] is False
    assert result['user']['page_access_groups'] == sorted([GLOBEX['id'], SUPPORT['id']])
    assert result['diff']['before'] == result['diff']['after']


def test_groups_only_in_the_singular_are_read_from_the_groups(run_module):
    singular = dict((key, value) for key, value in ANN.items() if key != 'page_access_group_ids')
    singular['page_access_group_id'] = SUPPORT['id']
    groups = [dict(SUPPORT, page_access_user_ids=[ANN['id']]), dict(GLOBEX, page_access_user_ids=[ANN['id']])]
    result, failed = run_module(statuspage_access_user.main, args(), [lookup(found=[singular]), list_groups(groups)])
    assert not failed and result['changed'] is False
    assert result['user']['page_access_groups'] == sorted([GLOBEX['id'], SUPPORT['id']])
    # Moving her to one group: the echo is singular again, so the groups say whether it took.
    moved = [dict(SUPPORT, page_access_user_ids=[ANN['id']]), dict(GLOBEX, page_access_user_ids=[])]
    result, failed = run_module(statuspage_access_user.main, args(page_access_groups=['Support']), [
        lookup(found=[singular]),
        list_groups(groups),
        call('PATCH', user_path(), body={'page_access_user': {'page_access_group_ids': [SUPPORT['id']]}},
             response=singular),
        list_groups(moved),
    ])
    assert not failed and result['changed'] is True
    assert result['user']['page_access_groups'] == [SUPPORT['id']]


def test_grants_carried_by_the_user_object_are_not_read_again(run_module):
    carrying = dict(ANN, component_ids=[API['id']], metric_ids=[LATENCY['id']])
    result, failed = run_module(statuspage_access_user.main, args(components=['API'], metrics=['API Latency']), [
        lookup(found=[carrying]), list_components(), list_metrics()], diff=True)
    assert not failed and result['changed'] is False
    assert result['diff']['after']['components'] == ['Platform/API']


def test_a_duplicate_answered_422_is_adopted(run_module):
    result, failed = run_module(statuspage_access_user.main, args(external_login='ann'), [
        *missing(),
        create({'email': 'ann@globex.example', 'external_login': 'ann'}, status=422,
               response='Email has already been taken'),
        lookup(found=[dict(ANN, external_login='ann')]),
    ])
    assert not failed and result['changed'] is False and result['user']['id'] == ANN['id']


def test_a_page_that_refuses_its_access_endpoints_says_so(run_module):
    result, failed = run_module(statuspage_access_user.main, args(), [
        call('GET', USERS_PATH, query=dict(PAGING, email='ann@globex.example'), status=422,
             response={'error': 'Page is not enabled'}),
        call('GET', '/pages/%s' % PAGE_ID, response={'id': PAGE_ID, 'name': 'Acme Cloud'}),
    ])
    assert failed and 'page %s refused its page access endpoints' % PAGE_ID in result['msg']
    assert 'Page is not enabled' in result['msg']
