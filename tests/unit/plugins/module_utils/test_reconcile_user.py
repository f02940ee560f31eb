# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The user reconciler: pure planning and views, and ensure/remove with every request declared."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.community.statuspage.plugins.module_utils._errors import StatuspageError
from ansible_collections.community.statuspage.plugins.module_utils._groups import GroupDirectory
from ansible_collections.community.statuspage.plugins.module_utils._member_kinds import COMPONENT
from ansible_collections.community.statuspage.plugins.module_utils._reconcile_user import (
    describe_user,
    desired_user,
    diff_view,
    ensure_user,
    plan_user,
    predicted_state,
    remove_user,
    user_state,
)
from ansible_collections.community.statuspage.plugins.module_utils._resolve import Catalog
from ansible_collections.community.statuspage.plugins.module_utils._user_fields import (
    create_body,
    create_only_warning,
    unapplied_fields,
    user_changes,
)
from ansible_collections.community.statuspage.tests.unit.plugins.demo_page import (
    ACCESS_GROUPS,
    ANN,
    API,
    COMPONENTS,
    EU_COMPUTE,
    GLOBEX,
    PAGE_ID,
    SUPPORT,
    USERS_PATH,
    described,
    find_user,
    get_user,
    user_grants,
    user_path,
)
from ansible_collections.community.statuspage.tests.unit.plugins.modules.harness import call

ANN_IN_SUPPORT = dict(ANN, external_login='ann', page_access_group_ids=[SUPPORT['id']])


# ---- planning (pure) ------------------------------------------------------------------------

def test_unset_options_never_change_anything():
    plan = plan_user(ANN_IN_SUPPORT, desired_user('ann@globex.example'))
    assert not plan.changed and plan.update == {} and plan.memberships == {} and plan.warnings == []


def test_login_empty_and_none_are_the_same():
    assert user_changes(ANN, desired_user('x@y.z', external_login='')) == {}
    assert user_changes(ANN_IN_SUPPORT, desired_user('x@y.z', external_login='')) == {'external_login': ''}


def test_groups_are_compared_as_sets():
    both = dict(ANN, page_access_group_ids=[SUPPORT['id'], GLOBEX['id']])
    assert user_changes(both, desired_user('x@y.z', page_access_group_ids=[GLOBEX['id'], SUPPORT['id']])) == {}
    assert user_changes(both, desired_user('x@y.z', page_access_group_ids=[])) == {'page_access_group_ids': []}


def test_new_user_plans_create_and_replace_from_empty():
    plan = plan_user(None, desired_user('Ann@globex.example', members={'component': ['c1', 'c2'], 'metric': []},
                                        subscribe_to_components=False))
    assert plan.create == {'email': 'Ann@globex.example', 'subscribe_to_components': False}
    assert plan.memberships['component'].requests == [('POST', ['c1', 'c2'])]
    # An empty exact set for a new user is no request at all.
    assert plan.memberships['metric'].requests == []
    assert plan.warnings == []


def test_kinds_left_out_or_none_are_left_alone():
    desired = desired_user('a@b.c', members={'component': None, 'metric': ['m1']})
    assert sorted(desired['members']) == ['metric']


def test_existing_user_grant_plan_uses_current_members():
    plan = plan_user(ANN, desired_user('ann@globex.example', members={'component': ['c1']}), {'component': ['c1', 'c2']})
    assert plan.memberships['component'].requests == [('POST', ['c1'])]
    plan = plan_user(ANN, desired_user('ann@globex.example', members={'component': []}), {'component': ['c1', 'c2']})
    assert plan.memberships['component'].requests == [('DELETE', ['c1', 'c2'])]


def test_subscribe_on_existing_user_is_a_warning_not_a_change():
    plan = plan_user(ANN, desired_user('ann@globex.example', subscribe_to_components=True))
    assert not plan.changed and plan.create_only_ignored == ['subscribe_to_components']
    assert plan.warnings == [create_only_warning(['subscribe_to_components'], ['ann@globex.example'])]
    assert 'only when' in plan.warnings[0] and 'the existing user ann@globex.example,' in plan.warnings[0]


def test_one_warning_can_name_many_users():
    warning = create_only_warning(['subscribe_to_components'], ['a@b.c', 'd@e.f'])
    assert 'the existing users a@b.c, d@e.f, so it was left as it is' in warning


def test_unapplied_fields():
    assert unapplied_fields(ANN_IN_SUPPORT, {'external_login': 'bob', 'page_access_group_ids': [SUPPORT['id']]}) == [
        'external_login']
    assert unapplied_fields(None, {'external_login': 'bob'}) == []


def test_create_body_leaves_out_unset():
    assert create_body(desired_user('a@b.c', page_access_group_ids=['g1'])) == {'email': 'a@b.c', 'page_access_group_ids': ['g1']}


# ---- views (pure) ---------------------------------------------------------------------------

def test_predicted_new_user_and_its_views():
    plan = plan_user(None, desired_user('a@b.c', page_access_group_ids=[GLOBEX['id']], members={'component': [API['id']]}))
    state = predicted_state(plan)
    groups = GroupDirectory(ACCESS_GROUPS)
    assert describe_user(state, groups) == {
        'id': None, 'email': 'a@b.c', 'external_login': None, 'page_access_groups': [GLOBEX['id']],
        'page_access_group_names': ['Globex'], 'components': [{'id': API['id']}]}
    assert diff_view(state, groups) == {'email': 'a@b.c', 'external_login': None, 'page_access_groups': ['Globex'],
                                        'components': [API['id']]}
    assert describe_user(user_state(None)) == {} and diff_view(None) == {}


def test_members_are_described_and_diffed_by_name_with_a_catalog():
    state = user_state(ANN, {'component': [API['id'], EU_COMPUTE['id']]})
    catalogs = {'component': Catalog(COMPONENTS, COMPONENT)}
    assert describe_user(state, catalogs=catalogs)['components'] == [described(EU_COMPUTE), described(API)]
    assert diff_view(state, catalogs=catalogs)['components'] == ['EU/Compute', 'Platform/API']


def test_group_directory_resolves_names_and_ids():
    twins = [dict(SUPPORT, id='grptwin00001', name='Twin'), dict(SUPPORT, id='grptwin00002', name='Twin')]
    groups = GroupDirectory(ACCESS_GROUPS + twins)
    ids, problems = groups.resolve(['Globex', SUPPORT['id'], GLOBEX['id']])
    assert ids == [GLOBEX['id'], SUPPORT['id']] and problems == []
    ids, problems = groups.resolve(['Twin', 'Lead'])
    assert ids == [] and len(problems) == 2
    assert 'ambiguous' in problems[0] and "no access group 'Lead'" in problems[1]
    assert 'grptwin00001, grptwin00002' in problems[0] and "'Globex' (grpglobex001)" in problems[1]


def test_group_directory_names_unknown_ids_by_id():
    groups = GroupDirectory([GLOBEX])
    assert groups.names(['zz', GLOBEX['id']]) == ['Globex', 'zz'] and groups.names(None) == []
    ids, problems = GroupDirectory([]).resolve(['Gold'])
    assert ids == [] and 'the page has no access groups' in problems[0]


# ---- ensure and remove (declared requests) --------------------------------------------------

def create(body, response, status=200):
    return call('POST', USERS_PATH, status=status, body={'page_access_user': body}, response=response)


def test_ensure_with_nothing_to_change_sends_nothing(api):
    plan = plan_user(ANN, desired_user('ann@globex.example', external_login=''))
    with api.expect([]) as client:
        assert ensure_user(client, PAGE_ID, plan) == (False, user_state(ANN), [])


def test_ensure_in_check_mode_predicts_and_sends_nothing(api):
    plan = plan_user(ANN, desired_user('ann@globex.example', external_login='ann', members={'component': [API['id']]}),
                     {'component': []})
    with api.expect([]) as client:
        changed, state, warnings = ensure_user(client, PAGE_ID, plan, check_mode=True)
    assert changed is True and warnings == []
    assert state == user_state(dict(ANN, external_login='ann'), {'component': [API['id']]})


def test_ensure_an_update_is_one_patch_then_the_grants(api):
    plan = plan_user(ANN, desired_user('ann@globex.example', external_login='ann', members={'component': [API['id']]}),
                     {'component': [EU_COMPUTE['id']]})
    with api.expect([
        call('PATCH', user_path(ANN), body={'page_access_user': {'external_login': 'ann'}}, response=dict(ANN, external_login='ann')),
        call('POST', user_path(ANN, 'components'), status=201, body={'component_ids': [API['id']]}, response=ANN),
    ]) as client:
        changed, state, warnings = ensure_user(client, PAGE_ID, plan)
    assert changed is True and state['user']['external_login'] == 'ann' and state['members'] == {'component': [API['id']]}


def test_ensure_fails_naming_a_field_the_api_did_not_apply_once_read_again(api):
    plan = plan_user(ANN, desired_user('ann@globex.example', external_login='ann'))
    with api.expect([
        call('PATCH', user_path(ANN), body={'page_access_user': {'external_login': 'ann'}}, response=ANN),
        get_user(ANN),
    ]) as client:
        with pytest.raises(StatuspageError) as caught:
            ensure_user(client, PAGE_ID, plan)
    assert str(caught.value) == ("updating page access user ann@globex.example: Statuspage accepted the request but "
                                 "did not apply external_login (asked external_login='ann', read again, it has "
                                 "external_login=None)")


def test_an_echo_behind_the_write_is_read_again_and_the_write_stands(api):
    plan = plan_user(ANN, desired_user('ann@globex.example', external_login='ann'))
    with api.expect([
        call('PATCH', user_path(ANN), body={'page_access_user': {'external_login': 'ann'}}, response=ANN),
        get_user(dict(ANN, external_login='ann')),
    ]) as client:
        changed, state, warnings = ensure_user(client, PAGE_ID, plan)
    assert changed is True and state['user']['external_login'] == 'ann'


def test_ensure_adopts_a_user_someone_else_created_and_reconciles_it_with_its_warnings(api):
    desired = desired_user('ann@globex.example', subscribe_to_components=True, members={'component': [API['id']]})
    with api.expect([
        create({'email': 'ann@globex.example', 'subscribe_to_components': True}, {'message': 'taken'}, status=409),
        find_user(),
        user_grants('components', [EU_COMPUTE]),
        call('POST', user_path(ANN, 'components'), status=201, body={'component_ids': [API['id']]}, response=ANN),
    ]) as client:
        changed, state, warnings = ensure_user(client, PAGE_ID, plan_user(None, desired))
    assert changed is True and state['user'] == ANN
    # Not told at planning (the user did not exist then): only the write revealed it.
    assert len(warnings) == 1 and 'subscribe_to_components' in warnings[0]


def test_ensure_of_a_lost_create_that_landed_counts_as_a_change_without_warnings(api):
    desired = desired_user('ann@globex.example', subscribe_to_components=True)
    with api.expect([
        create({'email': 'ann@globex.example', 'subscribe_to_components': True}, {'message': 'down'}, status=500),
        find_user(),
    ]) as client:
        assert ensure_user(client, PAGE_ID, plan_user(None, desired)) == (True, user_state(ANN), [])


def test_remove_is_one_delete_and_nothing_for_a_user_that_does_not_exist(api):
    with api.expect([call('DELETE', user_path(ANN), status=204)]) as client:
        assert remove_user(client, PAGE_ID, ANN) is True
        assert remove_user(client, PAGE_ID, None) is False
    with api.expect([]) as client:
        assert remove_user(client, PAGE_ID, ANN, check_mode=True) is True
