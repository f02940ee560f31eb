# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest
import requests
import yaml

from ansible_collections.community.statuspage.plugins.module_utils._customers_input import CUSTOMER_OPTIONS
from ansible_collections.community.statuspage.plugins.modules import statuspage_access_user
from ansible_collections.community.statuspage.plugins.modules import statuspage_customer_access as module
from ansible_collections.community.statuspage.tests.unit.plugins.demo_page import (
    ANN,
    API,
    BOB,
    DASHBOARD,
    EU_COMPUTE,
    GROUPS_PATH,
    INITECH,
    PAGE_ID,
    PAGING,
    PETER,
    US_COMPUTE,
    USERS_PATH,
    find_user,
    list_components,
    list_groups,
    list_users,
    user_grants,
    user_path,
)
from ansible_collections.community.statuspage.tests.unit.plugins.modules.harness import call

GLOBEX = {'name': 'Globex', 'users': ['Ann@globex.example'], 'components': ['API', 'EU/Compute']}
GLOBEX_IDS = sorted([API['id'], EU_COMPUTE['id']])
STRAY = dict(ANN, id='usrold000001', email='old@globex.example')


def user_components(user, components):
    return user_grants('components', components, user)


def create_user(body, response=None, status=200):
    return call('POST', USERS_PATH, status=status, body={'page_access_user': body},
                response=response if response is not None else dict(ANN, **body))


def set_components(user, ids, method='POST'):
    return call(method, user_path(user, 'components'), status=201 if method == 'POST' else 200,
                body={'component_ids': ids}, response=[])


def args(customers, **extra):
    result = {'page_id': PAGE_ID, 'customers': customers}
    result.update(extra)
    return result


# ---- one user per customer ---------------------------------------------------------------------

def test_fresh_onboarding_is_lists_plus_two_writes_per_user(run_module):
    result, failed = run_module(module.main, args([GLOBEX]), [
        list_users([]),
        list_components(),
        create_user({'email': 'Ann@globex.example'}, response=ANN),
        set_components(ANN, GLOBEX_IDS),
    ], diff=True)
    assert not failed, result
    assert result['changed'] is True
    assert result['summary']['created'] == 1
    assert result['api_requests'] == {'total': 4, 'GET': 2, 'POST': 2}
    assert result['plan'] == [{'customer': 'Globex', 'state': 'present', 'group': None,
                               'users': [{'email': 'Ann@globex.example', 'id': None, 'action': 'create'}]}]
    # Each user as statuspage_access_user's diff shows it, with its customer.
    assert result['diff']['before'] == {}
    assert result['diff']['after'] == {'Ann@globex.example': {
        'customer': 'Globex', 'email': 'ann@globex.example', 'external_login': None,
        'components': ['EU/Compute', 'Platform/API']}}


def test_rerun_reads_each_users_grants_once_and_writes_nothing(run_module):
    result, failed = run_module(module.main, args([GLOBEX]), [
        list_users([ANN]),
        list_components(),
        user_components(ANN, [EU_COMPUTE, API]),
    ], diff=True)
    assert not failed
    assert result['changed'] is False and result['plan'] == []
    assert result['summary']['unchanged'] == 1
    assert result['diff']['before'] == result['diff']['after']


def test_check_mode_predicts_and_writes_nothing(run_module):
    result, failed = run_module(module.main, args([GLOBEX]), [list_users([]), list_components()],
                                check_mode=True, diff=True)
    assert not failed and result['changed'] is True and result['summary']['created'] == 1
    assert result['diff']['after']['Ann@globex.example'] == {
        'customer': 'Globex', 'email': 'Ann@globex.example', 'external_login': None,
        'components': ['EU/Compute', 'Platform/API']}


def test_validate_only_reads_the_lists_and_returns_them(run_module):
    result, failed = run_module(module.main, args([GLOBEX], validate_only=True), [list_users([ANN]), list_components()])
    assert not failed and result['changed'] is False and result['remove_users'] == []
    assert 'plan' not in result
    assert result['snapshot']['users'] == [ANN]
    assert result['snapshot']['components'] == list_components()['response']
    assert result['snapshot']['groups'] is None
    assert 'metrics' not in result['snapshot']


def test_a_snapshot_saves_the_lists_and_only_grants_are_read(run_module):
    snapshot = {'users': [ANN], 'components': list_components()['response'], 'groups': None}
    result, failed = run_module(module.main, args([GLOBEX], snapshot=snapshot), [
        user_components(ANN, [EU_COMPUTE, API]),
    ])
    assert not failed and result['changed'] is False
    assert result['api_requests'] == {'total': 1, 'GET': 1}


def test_validate_only_returns_who_pruning_removes_and_remove_users_removes_them(run_module):
    checked, failed = run_module(module.main, args([GLOBEX], validate_only=True, prune=True,
                                                   prune_email_domains=['globex.example']),
                                 [list_users([ANN, STRAY]), list_components()])
    assert not failed
    assert checked['remove_users'] == [{'id': STRAY['id'], 'email': 'old@globex.example'}]
    assert checked['summary']['removed'] == 1
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'remove_users': checked['remove_users']}, [
        call('DELETE', user_path(STRAY), status=204),
    ], diff=True)
    assert not failed and result['changed'] is True and result['summary']['removed'] == 1
    assert result['diff'] == {'before': {'old@globex.example': {'customer': None, 'email': 'old@globex.example'}},
                              'after': {}}


def test_remove_users_of_a_user_gone_meanwhile_is_no_failure(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'remove_users': [{'id': STRAY['id'], 'email': STRAY['email']}]},
                                [call('DELETE', user_path(STRAY), status=404, response={'message': 'not found'})])
    assert not failed and result['summary']['removed'] == 1


def test_remove_users_in_check_mode_sends_nothing(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'remove_users': [{'id': STRAY['id'], 'email': STRAY['email']}]},
                                [], check_mode=True)
    assert not failed and result['changed'] is True


def test_remove_users_entries_are_checked_before_any_request(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'remove_users': [
        {'id': ' ', 'email': 'old@globex.example'}, {'id': STRAY['id'], 'email': 'not an address'}]}, [])
    assert failed
    assert 'remove_users #1 (old@globex.example) has an empty id' in result['msg']
    assert "remove_users #2 email='not an address' is not an e-mail address" in result['msg']


def test_prune_with_an_empty_list_is_refused(run_module):
    result, failed = run_module(module.main, args([], prune=True, prune_email_domains=['globex.example']),
                                [list_users([ANN])])
    assert failed and 'empty customer list' in result['msg']


def test_a_changed_set_is_one_replace(run_module):
    result, failed = run_module(module.main, args([GLOBEX]), [
        list_users([ANN]),
        list_components(),
        user_components(ANN, [US_COMPUTE]),
        set_components(ANN, GLOBEX_IDS),
    ], diff=True)
    assert not failed and result['summary']['updated'] == 1
    assert result['diff']['before']['Ann@globex.example']['components'] == ['US/Compute']
    assert result['diff']['after']['Ann@globex.example']['components'] == ['EU/Compute', 'Platform/API']


def test_an_exact_empty_set_names_every_id_it_revokes(run_module):
    customer = dict(GLOBEX, components=[])
    result, failed = run_module(module.main, args([customer]), [
        list_users([ANN]),
        user_components(ANN, [EU_COMPUTE, API]),
        set_components(ANN, GLOBEX_IDS, method='DELETE'),
    ])
    assert not failed and result['changed'] is True


def test_a_409_is_adopted_not_created_twice(run_module):
    result, failed = run_module(module.main, args([GLOBEX]), [
        list_users([]),
        list_components(),
        create_user({'email': 'Ann@globex.example'}, status=409, response={'message': 'Email has already been taken'}),
        find_user(email='Ann@globex.example'),
        user_components(ANN, [API]),
        set_components(ANN, GLOBEX_IDS),
    ])
    assert not failed, result


def test_a_lost_create_answer_is_re_read_not_repeated(run_module):
    result, failed = run_module(module.main, args([GLOBEX]), [
        list_users([]),
        list_components(),
        call('POST', USERS_PATH, body={'page_access_user': {'email': 'Ann@globex.example'}},
             raises=requests.exceptions.ConnectionError('Connection reset by peer')),
        find_user(email='Ann@globex.example'),
        user_components(ANN, []),
        set_components(ANN, GLOBEX_IDS),
    ])
    assert not failed, result


def test_offboarding_deletes_and_pruning_spares_foreign_domains(run_module):
    foreign = dict(ANN, id='usrfor000001', email='x@elsewhere.example')
    result, failed = run_module(module.main, args(
        [dict(GLOBEX, state='absent')], prune=True, prune_email_domains=['globex.example']), [
        list_users([ANN, STRAY, foreign]),
        call('DELETE', user_path(ANN), status=204),
        call('DELETE', user_path(STRAY), status=204),
    ])
    assert not failed, result
    assert result['summary']['removed'] == 2


# ---- the checks of statuspage_access_user, on the bulk path -------------------------------------

def test_a_patch_not_applied_fails_exactly_as_statuspage_access_user_does(run_module):
    existing = dict(ANN, external_login='old')
    patch = call('PATCH', user_path(ANN), body={'page_access_user': {'external_login': 'ann'}}, response=existing)
    # The echo does not show the change: read again, still not applied.
    read_again = call('GET', user_path(ANN), response=existing)
    bulk, bulk_failed = run_module(module.main, args([{'name': 'Globex', 'users': [
        {'email': 'ann@globex.example', 'external_login': 'ann'}]}]), [list_users([existing]), patch, read_again])
    single, single_failed = run_module(statuspage_access_user.main, {
        'page_id': PAGE_ID, 'email': 'ann@globex.example', 'external_login': 'ann'},
        [find_user(found=[existing]), patch, read_again])
    assert bulk_failed and single_failed
    assert 'did not apply external_login' in bulk['msg']
    assert bulk['msg'] == single['msg']


def test_a_create_not_applied_fails(run_module):
    result, failed = run_module(module.main, args([{'name': 'Globex', 'users': [
        {'email': 'ann@globex.example', 'external_login': 'ann'}]}]), [
        list_users([]),
        create_user({'email': 'ann@globex.example', 'external_login': 'ann'}, response=ANN),
        call('GET', user_path(ANN), response=ANN),
    ])
    assert failed and 'creating page access user ann@globex.example' in result['msg']
    assert 'did not apply external_login' in result['msg']


def test_subscribe_to_components_on_existing_users_is_one_warning_per_customer(run_module):
    customer = {'name': 'Globex', 'users': ['ann@globex.example', 'bob@globex.example', 'new@globex.example'],
                'subscribe_to_components': True}
    result, failed = run_module(module.main, args([customer]), [
        list_users([ANN, BOB]),
        create_user({'email': 'new@globex.example', 'subscribe_to_components': True},
                    response=dict(ANN, id='usrnew000001', email='new@globex.example')),
    ])
    assert not failed and result['summary'] == dict(result['summary'], created=1, unchanged=2)
    assert len(result['warnings']) == 1
    assert 'subscribe_to_components is applied only when a page access user is created' in result['warnings'][0]
    assert 'existing users ann@globex.example, bob@globex.example' in result['warnings'][0]


# ---- bad input -----------------------------------------------------------------------------------

def test_every_problem_is_named_before_any_write(run_module):
    customers = [
        {'name': 'Hooli', 'users': ['gavin@hooli', 'r@hooli.example', 'R@hooli.example'], 'components': ['Compute', 'Nope', 'EU']},
        {'name': 'Hooli', 'users': ['r@hooli.example', {'emial': 'typo@hooli.example'}]},
    ]
    result, failed = run_module(module.main, args(customers, prune=True), [list_users([]), list_components()])
    assert failed
    message = result['msg']
    for expected in ("'gavin@hooli' is not an e-mail address", 'lists R@hooli.example twice', "customer name 'Hooli' is listed twice",
                     'prune=true needs prune_email_domains', "'Compute' is ambiguous", "no component 'Nope'",
                     "'EU' is a component group", "has emial; a user is an e-mail or a dictionary with email and external_login"):
        assert expected in message, expected


def test_an_unknown_customer_key_is_one_line_naming_the_customer_before_any_request(run_module):
    customers = [{'name': 'Globex', 'users': [], 'componets': ['API']}, {'users': [], 'colour': 'red'}]
    result, failed = run_module(module.main, args(customers), [])
    assert failed
    assert result['msg'] == (
        "customer 'Globex' has an unknown key 'componets' (did you mean 'components'?); "
        "customer #2 has an unknown key 'colour'; "
        "customer #2: missing required arguments: name; "
        "a customer has the keys name, users, components, metrics, subscribe_to_components, state")


def test_a_bad_customer_value_names_the_customer(run_module):
    result, failed = run_module(module.main, args([dict(GLOBEX, state='gone')]), [])
    assert failed and result['msg'] == "customer 'Globex': value of state must be one of: present, absent, got: gone"


def test_the_customer_keys_are_those_documented():
    documented = yaml.safe_load(module.DOCUMENTATION)['options']['customers']['suboptions']
    assert set(documented) == set(CUSTOMER_OPTIONS)
    for key, spec in CUSTOMER_OPTIONS.items():
        for field in ('type', 'elements', 'default', 'choices', 'required'):
            assert documented[key].get(field) == spec.get(field), (key, field)


# ---- group mode ----------------------------------------------------------------------------------

INITECH_CUSTOMER = {'name': 'Initech', 'users': ['peter@initech.example', 'bob@globex.example'], 'components': ['Dashboard']}
NEW_GROUP = {'id': 'grpnew000001', 'page_id': PAGE_ID, 'name': 'Hooli', 'external_identifier': None,
             'component_ids': [API['id']], 'metric_ids': [], 'page_access_user_ids': []}
HOOLI = {'name': 'Hooli', 'users': ['gavin@hooli.example'], 'components': ['API']}
GAVIN = dict(ANN, id='usrgavin0001', email='gavin@hooli.example', page_access_group_ids=[NEW_GROUP['id']])


def onboarding_hooli(created_user):
    """Reads, one group create, and the user's create in that group, answered with ``created_user``."""
    return [
        list_users([ANN]),
        list_components(),
        list_groups(),
        call('POST', GROUPS_PATH, status=201, body={'page_access_group': {
            'name': 'Hooli', 'page_access_user_ids': [], 'component_ids': [API['id']]}}, response=NEW_GROUP),
        create_user({'email': 'gavin@hooli.example', 'page_access_group_ids': [NEW_GROUP['id']]}, response=created_user),
    ]


def test_groups_fresh_customer_is_one_group_create_and_users_join_it_at_creation(run_module):
    result, failed = run_module(module.main, args([HOOLI], use_groups=True), onboarding_hooli(GAVIN), diff=True)
    assert not failed, result
    assert result['summary'] == dict(result['summary'], created=1, groups_created=1)
    assert result['plan'][0]['group'] == {'name': 'Hooli', 'id': None, 'action': 'create'}
    # No grants per user in group mode: the group holds them.
    assert result['diff']['after']['gavin@hooli.example'] == {
        'customer': 'Hooli', 'email': 'gavin@hooli.example', 'external_login': None}
    assert result['diff']['before']['group Hooli'] == {'state': 'absent'}
    assert result['diff']['after']['group Hooli'] == {'state': 'present', 'name': 'Hooli',
                                                      'components': ['Platform/API'], 'users': []}


def test_groups_a_user_whose_create_does_not_show_the_group_fails(run_module):
    shown = dict(GAVIN, page_access_group_ids=[])
    result, failed = run_module(module.main, args([HOOLI], use_groups=True),
                                onboarding_hooli(shown) + [call('GET', user_path(GAVIN), response=shown)])
    assert failed and 'did not apply page_access_group_ids' in result['msg']


def test_groups_rerun_reads_the_lists_and_no_users_grants(run_module):
    initech = dict(INITECH, component_ids=[DASHBOARD['id']], page_access_user_ids=[BOB['id'], PETER['id']])
    result, failed = run_module(module.main, args([INITECH_CUSTOMER], use_groups=True), [
        list_users([ANN, BOB, PETER]),
        list_components(),
        list_groups([initech]),
    ], diff=True)
    assert not failed and result['changed'] is False
    assert result['summary'] == dict(result['summary'], unchanged=2, groups_updated=0)


def test_groups_a_changed_customer_is_one_group_patch(run_module):
    initech = dict(INITECH, component_ids=[API['id']], page_access_user_ids=[PETER['id']])
    updated = dict(initech, component_ids=[DASHBOARD['id']], page_access_user_ids=[BOB['id'], PETER['id']])
    result, failed = run_module(module.main, args([INITECH_CUSTOMER], use_groups=True), [
        list_users([ANN, BOB, PETER]),
        list_components(),
        list_groups([initech]),
        call('PATCH', GROUPS_PATH + '/' + INITECH['id'], body={'page_access_group': {
            'page_access_user_ids': sorted([BOB['id'], PETER['id']]), 'component_ids': [DASHBOARD['id']]}},
            response=updated),
    ], diff=True)
    assert not failed, result
    assert result['summary'] == dict(result['summary'], groups_updated=1, unchanged=2)
    assert result['diff']['before']['group Initech'] == {
        'state': 'present', 'name': 'Initech', 'components': ['Platform/API'], 'users': ['peter@initech.example']}
    assert result['diff']['after']['group Initech'] == {
        'state': 'present', 'name': 'Initech', 'components': ['Platform/Dashboard'],
        'users': ['Bob@Globex.example', 'peter@initech.example']}


def test_groups_check_mode_predicts_the_group_and_writes_nothing(run_module):
    result, failed = run_module(module.main, args([HOOLI], use_groups=True), [
        list_users([ANN]), list_components(), list_groups()], check_mode=True, diff=True)
    assert not failed and result['changed'] is True
    assert result['summary'] == dict(result['summary'], created=1, groups_created=1)
    assert result['diff']['after']['group Hooli']['components'] == ['Platform/API']


def test_groups_offboarding_deletes_the_users_then_the_group(run_module):
    initech = dict(INITECH, component_ids=[], page_access_user_ids=[BOB['id']])
    result, failed = run_module(module.main, args([dict(INITECH_CUSTOMER, state='absent')], use_groups=True), [
        list_users([ANN, BOB]),
        list_groups([initech]),
        call('DELETE', user_path(BOB), status=204),
        call('DELETE', GROUPS_PATH + '/' + INITECH['id'], status=204),
    ], diff=True)
    assert not failed, result
    assert result['summary'] == dict(result['summary'], removed=1, groups_removed=1)
    assert result['diff']['after']['group Initech'] == {'state': 'absent'}


def test_groups_pruning_removes_members_of_a_listed_customers_group_only(run_module):
    initech = dict(INITECH, component_ids=[DASHBOARD['id']], page_access_user_ids=[])
    member = dict(ANN, id='usrformer001', email='former@initech.example', page_access_group_ids=['grpinitech01'])
    outsider = dict(ANN, id='usrout000001', email='out@initech.example', page_access_group_ids=['grpother0001'])
    customer = dict(INITECH_CUSTOMER, users=[])
    checked, failed = run_module(module.main, args([customer], use_groups=True, prune=True, validate_only=True), [
        list_users([member, outsider]),
        list_components(),
        list_groups([initech]),
    ])
    assert not failed, checked
    assert checked['remove_users'] == [{'id': 'usrformer001', 'email': 'former@initech.example'}]


def test_groups_twins_of_a_customers_name_are_refused_before_any_write(run_module):
    twins = [dict(NEW_GROUP, id='grptwin00001'), dict(NEW_GROUP, id='grptwin00002')]
    result, failed = run_module(module.main, args([HOOLI], use_groups=True), [
        list_users([]), list_components(), list_groups(twins)])
    assert failed and "customer 'Hooli': 2 page access groups have that name (grptwin00001, grptwin00002)" in result['msg']


# ---- answers the API notes leave open ------------------------------------------------------------

@pytest.mark.parametrize('shown', ['grpinitech01', '["grpinitech01"]', None])
def test_groups_pruning_reads_membership_whatever_the_user_objects_show(run_module, shown):
    # A string (ids joined by commas, or JSON text) or, with None, only the singular
    # page_access_group_id: then the groups, which list their users, say who is in them.
    initech = dict(INITECH, component_ids=[DASHBOARD['id']], page_access_user_ids=['usrformer001'])
    member = dict(ANN, id='usrformer001', email='former@initech.example', page_access_group_ids=shown)
    outsider = dict(ANN, id='usrout000001', email='out@initech.example', page_access_group_ids='grpother0001')
    if shown is None:
        del member['page_access_group_ids']
        member['page_access_group_id'] = 'grpinitech01'
    checked, failed = run_module(module.main, args([dict(INITECH_CUSTOMER, users=[])], use_groups=True, prune=True,
                                                   validate_only=True),
                                 [list_users([member, outsider]), list_components(), list_groups([initech])])
    assert not failed, checked
    assert checked['remove_users'] == [{'id': 'usrformer001', 'email': 'former@initech.example'}]


def test_grants_carried_by_the_user_objects_cost_no_request(run_module):
    # Variant user-object-grants: the list's user objects carry component_ids (the v1 API did).
    ann = dict(ANN, component_ids=[EU_COMPUTE['id'], API['id']], metric_ids=[])
    result, failed = run_module(module.main, args([GLOBEX]), [list_users([ann]), list_components()])
    assert not failed and result['changed'] is False and result['api_requests']['total'] == 2


def test_a_duplicate_answered_422_is_adopted_not_created_twice(run_module):
    result, failed = run_module(module.main, args([GLOBEX]), [
        list_users([]),
        list_components(),
        create_user({'email': 'Ann@globex.example'}, status=422, response={'error': ['Email has already been taken']}),
        find_user('Ann@globex.example', found=[ANN]),
        user_components(ANN, [API, EU_COMPUTE]),
    ])
    assert not failed, result
    assert result['summary']['created'] == 1 and result['api_requests']['POST'] == 1


def test_the_first_users_of_a_page_come_with_a_warning_once(run_module):
    checked, failed = run_module(module.main, args([GLOBEX], validate_only=True), [list_users([]), list_components()])
    assert not failed and len(checked['warnings']) == 1 and 'audience-specific' in checked['warnings'][0]
    # The batches the role hands the check's snapshot to do not say it again.
    applied, failed = run_module(module.main, args([HOOLI], snapshot=checked['snapshot']), [
        create_user({'email': 'gavin@hooli.example'}, response=GAVIN),
        call('POST', user_path(GAVIN, 'components'), status=201, body={'component_ids': [API['id']]}, response=GAVIN),
    ])
    assert not failed, applied
    assert 'warnings' not in applied


def test_a_page_that_refuses_its_access_endpoints_says_so(run_module):
    result, failed = run_module(module.main, args([GLOBEX]), [
        call('GET', USERS_PATH, query=PAGING, status=404, response={'message': 'Not found'}),
        call('GET', '/pages/%s' % PAGE_ID, response={'id': PAGE_ID, 'name': 'Acme Cloud'}),
    ])
    assert failed and 'refused its page access endpoints' in result['msg'] and result['status'] == 404
