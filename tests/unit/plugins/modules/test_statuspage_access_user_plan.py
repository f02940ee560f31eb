# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The pure planning functions of _access_user, which a bulk module reuses for many users."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.community.statuspage.plugins.module_utils._access_user import (
    create_body,
    describe_user,
    desired_user,
    diff_view,
    plan_user,
    predicted_state,
    unapplied_fields,
    user_changes,
    user_state,
)
from ansible_collections.community.statuspage.plugins.module_utils._groups import GroupDirectory

ANN = {'id': 'annuser00001', 'email': 'ann@example.com', 'external_login': 'ann', 'page_access_group_ids': ['g1']}


def test_unset_options_never_change_anything():
    plan = plan_user(ANN, desired_user('ann@example.com'))
    assert not plan.changed and plan.update == {} and plan.memberships == {}


def test_login_empty_and_none_are_the_same():
    assert user_changes(dict(ANN, external_login=None), desired_user('x@y.z', external_login='')) == {}
    assert user_changes(ANN, desired_user('x@y.z', external_login='')) == {'external_login': ''}


def test_groups_are_compared_as_sets():
    assert user_changes(dict(ANN, page_access_group_ids=['g2', 'g1']), desired_user('x@y.z', page_access_group_ids=['g1', 'g2'])) == {}
    assert user_changes(ANN, desired_user('x@y.z', page_access_group_ids=[])) == {'page_access_group_ids': []}


def test_new_user_plans_create_and_replace_from_empty():
    plan = plan_user(None, desired_user('Ann@example.com', component_ids=['c1', 'c2'], metric_ids=[],
                                        subscribe_to_components=False))
    assert plan.create == {'email': 'Ann@example.com', 'subscribe_to_components': False}
    assert plan.memberships['component'].requests == [('POST', ['c1', 'c2'])]
    # An empty exact set for a new user is no request at all.
    assert plan.memberships['metric'].requests == []
    assert plan.warnings == []


def test_existing_user_membership_plan_uses_current_members():
    plan = plan_user(ANN, desired_user('ann@example.com', component_ids=['c1']), {'component': ['c1', 'c2']})
    assert plan.memberships['component'].requests == [('POST', ['c1'])]
    plan = plan_user(ANN, desired_user('ann@example.com', component_ids=[]), {'component': ['c1', 'c2']})
    assert plan.memberships['component'].requests == [('DELETE', ['c1', 'c2'])]


def test_subscribe_on_existing_user_is_a_warning_not_a_change():
    plan = plan_user(ANN, desired_user('ann@example.com', subscribe_to_components=True))
    assert not plan.changed and 'only when' in plan.warnings[0]


def test_unapplied_fields():
    assert unapplied_fields(ANN, {'external_login': 'bob', 'page_access_group_ids': ['g1']}) == ['external_login']
    assert unapplied_fields(None, {'external_login': 'bob'}) == []


def test_create_body_leaves_out_unset():
    assert create_body(desired_user('a@b.c', page_access_group_ids=['g1'])) == {'email': 'a@b.c', 'page_access_group_ids': ['g1']}


def test_predicted_new_user_and_description():
    plan = plan_user(None, desired_user('a@b.c', page_access_group_ids=['g1'], component_ids=['c1']))
    state = predicted_state(plan)
    groups = GroupDirectory([{'id': 'g1', 'name': 'Gold'}])
    assert describe_user(state, groups) == {
        'id': None, 'email': 'a@b.c', 'external_login': None, 'page_access_groups': ['g1'],
        'page_access_group_names': ['Gold'], 'components': [{'id': 'c1'}]}
    assert diff_view(state, groups) == {'email': 'a@b.c', 'external_login': None, 'page_access_groups': ['Gold'],
                                        'components': ['c1']}
    assert describe_user(user_state(None)) == {} and diff_view(None) == {}


def test_group_directory_resolves_names_and_ids():
    groups = GroupDirectory([{'id': 'g1', 'name': 'Gold'}, {'id': 'g2', 'name': 'Twin'}, {'id': 'g3', 'name': 'Twin'}])
    ids, problems = groups.resolve(['Gold', 'g3', 'g1'])
    assert ids == ['g1', 'g3'] and problems == []
    ids, problems = groups.resolve(['Twin', 'Lead'])
    assert ids == [] and len(problems) == 2
    assert 'ambiguous' in problems[0] and "no access group 'Lead'" in problems[1]
    assert 'g2, g3' in problems[0] and "'Gold' (g1)" in problems[1]


def test_group_directory_names_unknown_ids_by_id():
    groups = GroupDirectory([{'id': 'g1', 'name': 'Gold'}])
    assert groups.names(['zz', 'g1']) == ['Gold', 'zz'] and groups.names(None) == []
    ids, problems = GroupDirectory([]).resolve(['Gold'])
    assert ids == [] and 'the page has no access groups' in problems[0]
