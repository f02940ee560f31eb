# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest
import requests

from ansible_collections.community.statuspage.plugins.modules import statuspage_access_user

from ansible_collections.community.statuspage.tests.unit.plugins.modules.harness import call

PAGE = 'acmecloud123'
USERS = '/pages/%s/page_access_users' % PAGE
ANN = {'id': 'annuser00001', 'page_id': PAGE, 'email': 'ann@example.com', 'external_login': None,
       'page_access_group_id': None, 'page_access_group_ids': []}
GROUPS = [
    {'id': 'custeu000001', 'name': 'Customers EU'},
    {'id': 'support00001', 'name': 'Support'},
    {'id': 'twin00000001', 'name': 'Twin'},
    {'id': 'twin00000002', 'name': 'Twin'},
]
API = {'id': 'd59ujm7rjqit', 'name': 'API', 'group_id': 'vrte2xj10a6a'}
EU_COMPUTE = {'id': 'lcrype1hzn91', 'name': 'Compute', 'group_id': '6myciscsr0ww'}
US_COMPUTE = {'id': '94k3ayh4nvjn', 'name': 'Compute', 'group_id': '2bsi0o1zpxbx'}
EU_STORAGE = {'id': 'g1299f5935or', 'name': 'Storage', 'group_id': '6myciscsr0ww'}
COMPONENTS = [
    {'id': 'vrte2xj10a6a', 'name': 'Platform', 'group': True, 'components': ['d59ujm7rjqit']},
    API,
    {'id': '6myciscsr0ww', 'name': 'EU', 'group': True, 'components': ['lcrype1hzn91', 'g1299f5935or']},
    EU_COMPUTE, EU_STORAGE,
    {'id': '2bsi0o1zpxbx', 'name': 'US', 'group': True, 'components': ['94k3ayh4nvjn']},
    US_COMPUTE,
]
LATENCY = {'id': 'grdk5uo2yv22', 'name': 'API Latency'}
UPTIME = {'id': 'm8kuwzknykw3', 'name': 'Uptime'}
METRICS = [LATENCY, UPTIME]
PAGING = {'page': '1', 'per_page': '100'}


def lookup(email='ann@example.com', found=(ANN,)):
    return call('GET', USERS, query=dict(PAGING, email=email), response=list(found))


def user_path(user_id='annuser00001', *rest):
    return '/'.join((USERS, user_id) + rest)


def list_of(path, items):
    return call('GET', path, query=PAGING, response=list(items))


def groups_list():
    return list_of('/pages/%s/page_access_groups' % PAGE, GROUPS)


def catalog():
    return list_of('/pages/%s/components' % PAGE, COMPONENTS)


def metric_catalog():
    return list_of('/pages/%s/metrics' % PAGE, METRICS)


def members(kind, items, user_id='annuser00001'):
    return list_of(user_path(user_id, kind), items)


def create(body, response=None, status=200):
    return call('POST', USERS, status=status, body={'page_access_user': body},
                response=response if response is not None else dict(ANN, **body))


def args(**extra):
    base = {'page_id': PAGE, 'email': 'ann@example.com'}
    base.update(extra)
    return base


# ---- existing user ---------------------------------------------------------------------------

def test_existing_user_nothing_to_change_costs_one_request(run_module):
    result, failed = run_module(statuspage_access_user.main, args(), [lookup()], diff=True)
    assert not failed and result['changed'] is False
    assert result['user'] == {'id': 'annuser00001', 'email': 'ann@example.com', 'external_login': None,
                              'page_access_groups': []}
    assert result['diff']['before'] == result['diff']['after']


def test_email_is_compared_without_case(run_module):
    result, failed = run_module(statuspage_access_user.main, args(email='ANN@Example.com', external_login=''),
                                [lookup(email='ANN@Example.com')])
    assert not failed and result['changed'] is False
    assert result['user']['email'] == 'ann@example.com'


def test_update_patches_only_what_differs(run_module):
    current = dict(ANN, external_login='ann', page_access_group_ids=['support00001'])
    updated = dict(current, page_access_group_ids=['custeu000001'])
    result, failed = run_module(statuspage_access_user.main, args(external_login='ann', page_access_groups=['Customers EU']), [
        lookup(found=[current]),
        groups_list(),
        call('PATCH', user_path(), body={'page_access_user': {'page_access_group_ids': ['custeu000001']}}, response=updated),
    ], diff=True)
    assert not failed and result['changed'] is True
    assert result['user']['page_access_group_names'] == ['Customers EU']
    assert result['user']['page_access_groups'] == ['custeu000001']
    assert 'page_access_group_ids' not in result['user']
    assert result['diff'] == {
        'before': {'email': 'ann@example.com', 'external_login': 'ann', 'page_access_groups': ['Support']},
        'after': {'email': 'ann@example.com', 'external_login': 'ann', 'page_access_groups': ['Customers EU']},
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
    ])
    assert failed
    assert 'did not apply external_login' in result['msg'] and "'ann'" in result['msg']


def test_group_order_does_not_matter(run_module):
    current = dict(ANN, page_access_group_ids=['support00001', 'custeu000001'])
    result, failed = run_module(statuspage_access_user.main, args(page_access_groups=['Customers EU', 'support00001']), [
        lookup(found=[current]), groups_list()])
    assert not failed and result['changed'] is False
    assert result['user']['page_access_group_names'] == ['Customers EU', 'Support']
    assert result['user']['page_access_groups'] == ['custeu000001', 'support00001']


def test_components_by_name_exact_set_on_existing_user(run_module):
    result, failed = run_module(statuspage_access_user.main, args(components=['API', 'EU/Compute']), [
        lookup(),
        members('components', [US_COMPUTE, EU_STORAGE]),
        catalog(),
        call('POST', user_path('annuser00001', 'components'), status=201,
             body={'component_ids': ['d59ujm7rjqit', 'lcrype1hzn91']}, response=ANN),
    ], diff=True)
    assert not failed and result['changed'] is True
    assert result['user']['components'] == [
        {'id': 'lcrype1hzn91', 'name': 'Compute', 'group': 'EU', 'group_id': '6myciscsr0ww'},
        {'id': 'd59ujm7rjqit', 'name': 'API', 'group': 'Platform', 'group_id': 'vrte2xj10a6a'},
    ]
    assert result['diff']['before']['components'] == ['EU/Storage', 'US/Compute']
    assert result['diff']['after']['components'] == ['EU/Compute', 'Platform/API']


def test_components_by_known_ids_need_no_catalog(run_module):
    result, failed = run_module(statuspage_access_user.main, args(components=['lcrype1hzn91']), [
        lookup(),
        members('components', [EU_COMPUTE]),
    ])
    assert not failed and result['changed'] is False
    assert result['user']['components'] == [{'id': 'lcrype1hzn91', 'name': 'Compute', 'group': None, 'group_id': '6myciscsr0ww'}]


def test_empty_components_revokes_each_by_id_never_a_bare_delete(run_module):
    result, failed = run_module(statuspage_access_user.main, args(components=[]), [
        lookup(),
        members('components', [EU_COMPUTE, API]),
        call('DELETE', user_path('annuser00001', 'components'),
             body={'component_ids': ['d59ujm7rjqit', 'lcrype1hzn91']}, response=ANN),
    ])
    assert not failed and result['changed'] is True and result['user']['components'] == []


def test_metrics_exact_set(run_module):
    result, failed = run_module(statuspage_access_user.main, args(metrics=['Uptime']), [
        lookup(),
        members('metrics', [LATENCY]),
        metric_catalog(),
        call('POST', user_path('annuser00001', 'metrics'), status=201, body={'metric_ids': ['m8kuwzknykw3']}, response=ANN),
    ], diff=True)
    assert not failed and result['changed'] is True
    assert result['user']['metrics'] == [{'id': 'm8kuwzknykw3', 'name': 'Uptime'}]
    assert result['diff']['before']['metrics'] == ['API Latency']


def test_subscribe_to_components_on_existing_user_warns(run_module):
    result, failed = run_module(statuspage_access_user.main, args(subscribe_to_components=True), [lookup()])
    assert not failed and result['changed'] is False
    assert any('subscribe_to_components' in warning and 'only when' in warning for warning in result['warnings'])


# ---- new user --------------------------------------------------------------------------------

def test_new_user_is_one_lookup_and_one_post(run_module):
    result, failed = run_module(statuspage_access_user.main, args(email='Ann@Example.com', external_login='ann'), [
        lookup(email='Ann@Example.com', found=[]),
        create({'email': 'Ann@Example.com', 'external_login': 'ann'}),
    ], diff=True)
    assert not failed and result['changed'] is True
    assert result['user']['email'] == 'Ann@Example.com'
    assert result['diff'] == {'before': {}, 'after': {'email': 'Ann@Example.com', 'external_login': 'ann'}}


def test_new_user_with_components_and_metrics_does_not_read_its_empty_sets(run_module):
    result, failed = run_module(statuspage_access_user.main, args(
        components=['API', 'EU/Compute'], metrics=['API Latency'], page_access_groups=['Support'],
        subscribe_to_components=True), [
        lookup(found=[]),
        groups_list(),
        catalog(),
        metric_catalog(),
        create({'email': 'ann@example.com', 'page_access_group_ids': ['support00001'], 'subscribe_to_components': True},
               response=dict(ANN, page_access_group_ids=['support00001'])),
        call('POST', user_path('annuser00001', 'components'), status=201,
             body={'component_ids': ['d59ujm7rjqit', 'lcrype1hzn91']}, response=ANN),
        call('POST', user_path('annuser00001', 'metrics'), status=201, body={'metric_ids': ['grdk5uo2yv22']}, response=ANN),
    ])
    assert not failed and result['changed'] is True
    assert 'warnings' not in result
    assert [c['id'] for c in result['user']['components']] == ['lcrype1hzn91', 'd59ujm7rjqit']
    assert result['user']['page_access_group_names'] == ['Support']
    assert result['user']['page_access_groups'] == ['support00001']


def test_new_user_in_check_mode(run_module):
    result, failed = run_module(statuspage_access_user.main, args(components=['API']), [
        lookup(found=[]), catalog()], check_mode=True, diff=True)
    assert not failed and result['changed'] is True
    assert result['user']['id'] is None
    assert result['user']['components'] == [{'id': 'd59ujm7rjqit', 'name': 'API', 'group': 'Platform', 'group_id': 'vrte2xj10a6a'}]
    assert result['diff'] == {'before': {}, 'after': {'email': 'ann@example.com', 'external_login': None,
                                                      'components': ['Platform/API']}}


def test_conflict_adopts_the_existing_user_and_updates_it(run_module):
    existing = dict(ANN, external_login='old')
    result, failed = run_module(statuspage_access_user.main, args(external_login='ann', components=['API']), [
        lookup(found=[]),
        catalog(),
        create({'email': 'ann@example.com', 'external_login': 'ann'}, status=409,
               response={'error': 'Email has already been taken'}),
        lookup(found=[existing]),
        members('components', [API]),
        call('PATCH', user_path(), body={'page_access_user': {'external_login': 'ann'}}, response=dict(ANN, external_login='ann')),
    ])
    assert not failed and result['changed'] is True
    assert result['user']['external_login'] == 'ann'


def test_conflict_with_nothing_to_change_is_no_change(run_module):
    result, failed = run_module(statuspage_access_user.main, args(), [
        lookup(found=[]),
        create({'email': 'ann@example.com'}, status=409, response={'message': 'conflict'}),
        lookup(found=[ANN]),
    ])
    assert not failed and result['changed'] is False
    assert result['user']['id'] == 'annuser00001'


def test_conflict_that_the_filter_misses_walks_the_users(run_module):
    result, failed = run_module(statuspage_access_user.main, args(), [
        lookup(found=[]),
        create({'email': 'ann@example.com'}, status=409, response={'message': 'conflict'}),
        lookup(found=[]),
        list_of(USERS, [dict(ANN, id='bobuser00001', email='bob@example.com'), dict(ANN, email='Ann@example.com')]),
    ])
    assert not failed and result['changed'] is False and result['user']['email'] == 'Ann@example.com'


def test_conflict_without_a_user_fails(run_module):
    result, failed = run_module(statuspage_access_user.main, args(), [
        lookup(found=[]),
        create({'email': 'ann@example.com'}, status=409, response={'message': 'conflict'}),
        lookup(found=[]),
        list_of(USERS, []),
    ])
    assert failed and '409' in result['msg']


def test_lost_create_that_landed_is_read_back_not_repeated(run_module):
    result, failed = run_module(statuspage_access_user.main, args(components=['API']), [
        lookup(found=[]),
        catalog(),
        call('POST', USERS, status=503, body={'page_access_user': {'email': 'ann@example.com'}}, response={'message': 'down'}),
        lookup(found=[ANN]),
        members('components', []),
        call('POST', user_path('annuser00001', 'components'), status=201, body={'component_ids': ['d59ujm7rjqit']}, response=ANN),
    ])
    assert not failed and result['changed'] is True
    assert result['user']['id'] == 'annuser00001'


def test_lost_create_that_did_not_land_is_sent_once_more(run_module):
    result, failed = run_module(statuspage_access_user.main, args(), [
        lookup(found=[]),
        call('POST', USERS, status=500, body={'page_access_user': {'email': 'ann@example.com'}}, response={}),
        lookup(found=[]),
        create({'email': 'ann@example.com'}),
    ])
    assert not failed and result['changed'] is True and result['user']['id'] == 'annuser00001'


def test_two_lost_creates_fail_without_a_third(run_module):
    result, failed = run_module(statuspage_access_user.main, args(), [
        lookup(found=[]),
        call('POST', USERS, status=500, body={'page_access_user': {'email': 'ann@example.com'}}, response={}),
        lookup(found=[]),
        call('POST', USERS, status=500, body={'page_access_user': {'email': 'ann@example.com'}}, response={}),
        lookup(found=[]),
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
        lookup(found=[]),
        call('POST', USERS, status=599, body={'page_access_user': {'email': 'ann@example.com'}}),
        lookup(found=[ANN]),
    ])
    assert not failed and result['changed'] is True and result['user']['id'] == 'annuser00001'


def test_create_not_applied_fails(run_module):
    result, failed = run_module(statuspage_access_user.main, args(external_login='ann'), [
        lookup(found=[]),
        create({'email': 'ann@example.com', 'external_login': 'ann'}, response=ANN),
    ])
    assert failed and 'did not apply external_login' in result['msg']


# ---- by id -----------------------------------------------------------------------------------

def test_user_by_id(run_module):
    result, failed = run_module(statuspage_access_user.main, {'page_id': PAGE, 'user_id': 'annuser00001', 'external_login': ''},
                                [call('GET', user_path(), response=ANN)])
    assert not failed and result['changed'] is False and result['user']['email'] == 'ann@example.com'


def test_id_alias_and_email_agreeing(run_module):
    result, failed = run_module(statuspage_access_user.main, args(id='annuser00001', email='Ann@example.com'),
                                [call('GET', user_path(), response=ANN)])
    assert not failed and result['changed'] is False


def test_user_id_and_email_disagreeing_fails_before_writing(run_module):
    result, failed = run_module(statuspage_access_user.main, args(user_id='annuser00001', email='bob@example.com', external_login='x'),
                                [call('GET', user_path(), response=ANN)])
    assert failed and "'ann@example.com', not email 'bob@example.com'" in result['msg']


def test_unknown_user_id_cannot_be_created_without_email(run_module):
    result, failed = run_module(statuspage_access_user.main, {'page_id': PAGE, 'user_id': 'nosuchuser01'},
                                [call('GET', user_path('nosuchuser01'), status=404)])
    assert failed and 'set email' in result['msg']


# ---- absent ----------------------------------------------------------------------------------

def test_absent_deletes(run_module):
    result, failed = run_module(statuspage_access_user.main, args(state='absent'), [
        lookup(), call('DELETE', user_path(), status=204)], diff=True)
    assert not failed and result['changed'] is True
    assert result['diff'] == {'before': {'email': 'ann@example.com', 'external_login': None}, 'after': {}}
    assert result['user'] == {}


def test_absent_check_mode(run_module):
    result, failed = run_module(statuspage_access_user.main, args(state='absent'), [lookup()], check_mode=True)
    assert not failed and result['changed'] is True


def test_absent_when_already_absent(run_module):
    result, failed = run_module(statuspage_access_user.main, args(state='absent'), [lookup(found=[])], diff=True)
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
    result, failed = run_module(statuspage_access_user.main, {'page_id': PAGE}, [])
    assert failed and 'email' in result['msg'] and 'user_id' in result['msg']


def test_every_bad_name_is_named_at_once_before_any_write(run_module):
    result, failed = run_module(statuspage_access_user.main, args(
        page_access_groups=['Nobody', 'Twin'], components=['Compute', 'Nope', 'EU'], metrics=['Latency']), [
        lookup(found=[]), groups_list(), catalog(), metric_catalog()])
    assert failed
    msg = result['msg']
    assert "no access group 'Nobody'" in msg
    assert "access group name 'Twin' is ambiguous" in msg and 'twin00000001' in msg
    assert "component name 'Compute' is ambiguous" in msg and "'EU/Compute'" in msg and "'US/Compute'" in msg
    assert "no component 'Nope'" in msg
    assert "'EU' is a component group" in msg
    assert "no metric 'Latency'" in msg and "'API Latency'" in msg


def test_page_the_key_cannot_see(run_module):
    result, failed = run_module(statuspage_access_user.main, args(page_id='otherorg0001', external_login='x'), [
        call('GET', '/pages/otherorg0001/page_access_users', query=dict(PAGING, email='ann@example.com'),
             status=403, response={'message': 'Forbidden'})])
    assert failed and result['status'] == 403 and 'Forbidden' in result['msg']


@pytest.mark.parametrize('option', ['components', 'metrics'])
def test_unknown_id_is_checked_against_the_page(run_module, option):
    kind_catalog = catalog() if option == 'components' else metric_catalog()
    result, failed = run_module(statuspage_access_user.main, args(**{option: ['zzzzzzzzzzzz']}), [
        lookup(), members(option, []), kind_catalog])
    assert failed and "'zzzzzzzzzzzz'" in result['msg']


def test_a_retried_delete_answered_404_is_our_change():
    import requests as requests_lib
    import responses as responses_lib
    from responses.registries import OrderedRegistry
    from ansible_collections.community.statuspage.plugins.module_utils._access_user import remove_user
    from ansible_collections.community.statuspage.plugins.module_utils._client import StatuspageClient

    client = StatuspageClient('key', sleep=lambda seconds: None)
    url = 'https://api.statuspage.io/v1/pages/p/page_access_users/u1'
    with responses_lib.RequestsMock(registry=OrderedRegistry, assert_all_requests_are_fired=True) as rsps:
        rsps.delete(url, body=requests_lib.exceptions.ConnectionError('reset'))
        rsps.delete(url, status=404)
        assert remove_user(client, 'p', {'id': 'u1'}) == (True, None)
    with responses_lib.RequestsMock(assert_all_requests_are_fired=True) as rsps:
        rsps.delete(url, status=404)
        assert remove_user(client, 'p', {'id': 'u1'}) == (False, None)
