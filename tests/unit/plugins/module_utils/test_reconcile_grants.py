# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ansible_collections.community.statuspage.plugins.module_utils._errors import StatuspageError
from ansible_collections.community.statuspage.plugins.module_utils._member_kinds import COMPONENT, METRIC
from ansible_collections.community.statuspage.plugins.module_utils._reconcile_grants import (
    GrantPlan,
    describe_grants,
    diff_view,
    ensure_grants,
    plan_grants,
)
from ansible_collections.community.statuspage.plugins.module_utils._resolve import Catalog
from ansible_collections.community.statuspage.plugins.module_utils._users import grants_path, read_grant_ids, read_grants
from ansible_collections.community.statuspage.tests.unit.plugins.demo_page import (
    ANN,
    API,
    COMPONENTS,
    EU_COMPUTE,
    LATENCY,
    PAGE_ID,
    described,
    user_grants,
)

IDS = ['id%09d' % number for number in range(8)]


def simulate(current, requests):
    """What Statuspage's member verbs do to a set, including the trap: DELETE with no ids clears it."""
    members = set(current)
    for method, ids in requests:
        if method in ('PATCH', 'PUT'):
            members |= set(ids)
        elif method == 'POST':
            members = set(ids)
        elif method == 'DELETE':
            members = members - set(ids) if ids else set()
        else:
            raise AssertionError('unexpected verb %s' % method)
    return members


def wanted(current, listed, state, exclusive):
    if state == 'absent':
        return set(current) - set(listed)
    if exclusive:
        return set(listed)
    return set(current) | set(listed)


id_sets = st.sets(st.sampled_from(IDS), max_size=len(IDS))


@settings(max_examples=500, deadline=None)
@given(current=id_sets, listed=id_sets, state=st.sampled_from(['present', 'absent']), exclusive=st.booleans())
def test_the_plan_reaches_exactly_the_wanted_set_and_never_sends_an_empty_delete(current, listed, state, exclusive):
    plan = plan_grants(sorted(current), sorted(listed), state, exclusive)
    goal = wanted(current, listed, state, exclusive)
    for method, ids in plan.requests:
        assert ids, 'an empty %s would be sent' % method
        assert method in ('PATCH', 'POST', 'DELETE')
    assert len(plan.requests) <= 1
    assert simulate(current, plan.requests) == goal
    assert set(plan.final) == goal
    assert plan.changed == (goal != set(current))
    assert set(plan.added) == goal - set(current)
    assert set(plan.removed) == set(current) - goal


@settings(max_examples=200, deadline=None)
@given(current=id_sets, listed=id_sets, state=st.sampled_from(['present', 'absent']), exclusive=st.booleans())
def test_a_second_plan_after_applying_the_first_changes_nothing(current, listed, state, exclusive):
    first = plan_grants(current, listed, state, exclusive)
    after = simulate(current, first.requests)
    assert plan_grants(after, listed, state, exclusive).requests == []


def test_each_state_uses_its_verb():
    assert plan_grants(['a'], ['a', 'b']).requests == [('PATCH', ['b'])]
    assert plan_grants(['a', 'b'], ['b', 'c'], 'absent').requests == [('DELETE', ['b'])]
    assert plan_grants(['a', 'b'], ['c'], exclusive=True).requests == [('POST', ['c'])]


def test_exact_empty_set_names_every_current_id():
    plan = plan_grants(['b', 'a'], [], exclusive=True)
    assert plan.requests == [('DELETE', ['a', 'b'])]
    assert plan.final == frozenset() and plan.removed == ['a', 'b'] and plan.added == []


@pytest.mark.parametrize('current, listed, state, exclusive', [
    ([], [], 'present', True),
    (['a'], ['b'], 'absent', False),
    ([], ['a'], 'absent', False),
    (['a'], ['a'], 'present', False),
    (['a'], [], 'present', False),
])
def test_nothing_to_do_is_no_request(current, listed, state, exclusive):
    assert plan_grants(current, listed, state, exclusive).requests == []


class RecordingClient(object):
    def __init__(self):
        self.sent = []

    def request(self, method, path, params=None, body=None, idempotent=None):
        self.sent.append((method, path, body, idempotent))

    def post(self, path, body, idempotent=False):
        self.sent.append(('POST', path, body, idempotent))


USER_METRICS = '/pages/acmecloud123/page_access_users/user00000001/metrics'


def test_ensure_refuses_an_empty_delete_whatever_planned_it():
    client = RecordingClient()
    plan = GrantPlan(['a', 'b'], [], [('DELETE', [])])
    for check_mode in (False, True):
        with pytest.raises(StatuspageError) as caught:
            ensure_grants(client, USER_METRICS, COMPONENT, plan, check_mode=check_mode)
        assert 'refusing to send DELETE' in str(caught.value) and 'revoke every component' in str(caught.value)
    assert client.sent == []


@pytest.mark.parametrize('method', ['PATCH', 'POST'])
def test_ensure_refuses_other_empty_id_lists_too(method):
    client = RecordingClient()
    with pytest.raises(StatuspageError):
        ensure_grants(client, USER_METRICS, METRIC, GrantPlan([], [], [(method, [])]))
    assert client.sent == []


def test_ensure_sends_top_level_id_bodies_and_only_a_replace_is_safe_to_repeat():
    client = RecordingClient()
    for plan in (plan_grants([], ['m1']), plan_grants(['m1'], ['m2'], exclusive=True),
                 plan_grants(['m1'], ['m1'], 'absent')):
        assert ensure_grants(client, USER_METRICS, METRIC, plan) is True
    assert client.sent == [
        ('PATCH', USER_METRICS, {'metric_ids': ['m1']}, None),
        ('POST', USER_METRICS, {'metric_ids': ['m2']}, True),
        ('DELETE', USER_METRICS, {'metric_ids': ['m1']}, None),
    ]


def test_ensure_in_check_mode_predicts_and_sends_nothing():
    client = RecordingClient()
    assert ensure_grants(client, USER_METRICS, METRIC, plan_grants([], ['m1']), check_mode=True) is True
    assert ensure_grants(client, USER_METRICS, METRIC, plan_grants(['m1'], ['m1'])) is False
    assert client.sent == []


def test_a_users_grants_are_its_sub_resource_per_kind(api):
    assert grants_path('acme', 'u/1', COMPONENT) == '/pages/acme/page_access_users/u%2F1/components'
    with api.expect([user_grants('components', [API]), user_grants('metrics', [LATENCY]),
                     user_grants('components', [API, EU_COMPUTE])]) as client:
        assert read_grants(client, PAGE_ID, ANN['id'], COMPONENT) == [API]
        assert read_grant_ids(client, PAGE_ID, ANN, [METRIC, COMPONENT]) == {
            'metric': [LATENCY['id']], 'component': [API['id'], EU_COMPUTE['id']]}


def test_grants_a_user_object_carries_cost_no_request(api):
    # The old v1 user object carried component_ids and metric_ids (variant user-object-grants).
    carrying = dict(ANN, component_ids=[API['id']], metric_ids=[])
    with api.expect([user_grants('metrics', [LATENCY])]) as client:
        assert read_grant_ids(client, PAGE_ID, carrying, [COMPONENT]) == {'component': [API['id']]}
        assert read_grant_ids(client, PAGE_ID, dict(ANN, component_ids=[API['id']]), [METRIC]) == {
            'metric': [LATENCY['id']]}


def test_grants_are_described_and_diffed_in_label_order():
    catalog = Catalog(COMPONENTS, COMPONENT)
    ids = [API['id'], EU_COMPUTE['id']]
    assert describe_grants(catalog, ids) == [described(EU_COMPUTE), described(API)]
    assert diff_view(catalog, ids) == ['EU/Compute', 'Platform/API']
    # Without a catalog (nothing was read), the ids are all there is to show.
    assert diff_view(None, ['b', 'a']) == ['a', 'b']
