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
from ansible_collections.community.statuspage.plugins.module_utils._membership import (
    MembershipPlan,
    apply_membership,
    members_path,
    plan_membership,
    read_members,
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
    plan = plan_membership(sorted(current), sorted(listed), state, exclusive)
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
    first = plan_membership(current, listed, state, exclusive)
    after = simulate(current, first.requests)
    assert plan_membership(after, listed, state, exclusive).requests == []


def test_each_state_uses_its_verb():
    assert plan_membership(['a'], ['a', 'b']).requests == [('PATCH', ['b'])]
    assert plan_membership(['a', 'b'], ['b', 'c'], 'absent').requests == [('DELETE', ['b'])]
    assert plan_membership(['a', 'b'], ['c'], exclusive=True).requests == [('POST', ['c'])]


def test_exact_empty_set_names_every_current_id():
    plan = plan_membership(['b', 'a'], [], exclusive=True)
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
    assert plan_membership(current, listed, state, exclusive).requests == []


class RecordingClient(object):
    def __init__(self):
        self.sent = []

    def request(self, method, path, params=None, body=None, idempotent=None):
        self.sent.append((method, path, body, idempotent))

    def post(self, path, body, idempotent=False):
        self.sent.append(('POST', path, body, idempotent))

    def list(self, path, params=None):
        self.sent.append(('LIST', path, params, None))
        return [{'id': 'a'}]


def test_apply_refuses_an_empty_delete_whatever_planned_it():
    client = RecordingClient()
    plan = MembershipPlan(['a', 'b'], [], [('DELETE', [])])
    with pytest.raises(StatuspageError) as caught:
        apply_membership(client, 'acmecloud123', 'page_access_users', 'user00000001', 'component', plan)
    assert 'refusing to send DELETE' in str(caught.value) and 'revoke every component' in str(caught.value)
    assert client.sent == []


@pytest.mark.parametrize('method', ['PATCH', 'POST'])
def test_apply_refuses_other_empty_id_lists_too(method):
    client = RecordingClient()
    with pytest.raises(StatuspageError):
        apply_membership(client, 'acmecloud123', 'page_access_users', 'u', 'metric',
                         MembershipPlan([], [], [(method, [])]))
    assert client.sent == []


def test_apply_sends_top_level_id_bodies():
    client = RecordingClient()
    path = '/pages/acmecloud123/page_access_users/user00000001/metrics'
    for plan in (plan_membership([], ['m1']), plan_membership(['m1'], ['m2'], exclusive=True),
                 plan_membership(['m1'], ['m1'], 'absent')):
        apply_membership(client, 'acmecloud123', 'page_access_users', 'user00000001', 'metric', plan)
    assert client.sent == [
        ('PATCH', path, {'metric_ids': ['m1']}, None),
        ('POST', path, {'metric_ids': ['m2']}, True),
        ('DELETE', path, {'metric_ids': ['m1']}, None),
    ]


def test_paths_are_quoted_and_members_are_listed():
    assert members_path('acme', 'page_access_groups', 'g/1', 'component') == \
        '/pages/acme/page_access_groups/g%2F1/components'
    client = RecordingClient()
    assert read_members(client, 'acme', 'page_access_users', 'u1', 'component') == [{'id': 'a'}]
    assert client.sent == [('LIST', '/pages/acme/page_access_users/u1/components', None, None)]
