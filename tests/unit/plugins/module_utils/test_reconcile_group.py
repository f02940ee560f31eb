# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The group reconciler: pure planning and views, and ensure/remove with every request declared."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.community.statuspage.plugins.module_utils._member_kinds import COMPONENT
from ansible_collections.community.statuspage.plugins.module_utils._reconcile_group import (
    MemberNames,
    diff_view,
    ensure_group,
    group_changes,
    plan_group,
    predicted_group,
    remove_group,
)
from ansible_collections.community.statuspage.plugins.module_utils._resolve import Catalog
from ansible_collections.community.statuspage.tests.unit.plugins.demo_page import (
    ANN,
    API,
    BOB,
    COMPONENTS,
    EU_COMPUTE,
    GLOBEX,
    GROUPS_PATH,
    INITECH,
    PAGE_ID,
    list_groups,
)
from ansible_collections.community.statuspage.tests.unit.plugins.modules.harness import call

HOOLI = dict(INITECH, id='grphooli0001', name='Hooli')


def test_only_the_fields_set_are_compared_member_lists_as_sets():
    assert group_changes(GLOBEX, {'name': 'Globex', 'component_ids': [EU_COMPUTE['id'], API['id']]}) == {}
    assert group_changes(GLOBEX, {'metric_ids': []}) == {'metric_ids': []}
    assert group_changes(GLOBEX, {'external_identifier': ''}) == {}
    assert group_changes(GLOBEX, {'external_identifier': 'sso'}) == {'external_identifier': 'sso'}
    assert group_changes(GLOBEX, {'name': 'Globex Corp'}) == {'name': 'Globex Corp'}


def test_plans_and_their_predictions():
    update = plan_group(GLOBEX, {'name': 'Globex', 'metric_ids': []})
    assert update.changed and update.create is None and update.update == {'metric_ids': []}
    assert predicted_group(update, PAGE_ID) == dict(GLOBEX, metric_ids=[])
    create = plan_group(None, {'name': 'Hooli', 'component_ids': [API['id']]})
    assert create.create == {'name': 'Hooli', 'component_ids': [API['id']]}
    assert predicted_group(create, PAGE_ID) == {'id': None, 'page_id': PAGE_ID, 'name': 'Hooli',
                                                'component_ids': [API['id']], 'metric_ids': [], 'page_access_user_ids': []}
    assert not plan_group(GLOBEX, {'name': 'Globex'}).changed


def test_ensure_sends_one_request_or_none(api):
    with api.expect([]) as client:
        assert ensure_group(client, PAGE_ID, plan_group(GLOBEX, {'name': 'Globex'})) == (False, GLOBEX)
        assert ensure_group(client, PAGE_ID, plan_group(GLOBEX, {'metric_ids': []}), check_mode=True) == (
            True, dict(GLOBEX, metric_ids=[]))
    with api.expect([
        call('PATCH', GROUPS_PATH + '/' + GLOBEX['id'], body={'page_access_group': {'metric_ids': []}},
             response=dict(GLOBEX, metric_ids=[])),
        call('POST', GROUPS_PATH, status=201, body={'page_access_group': {'name': 'Hooli'}}, response=HOOLI),
    ]) as client:
        assert ensure_group(client, PAGE_ID, plan_group(GLOBEX, {'metric_ids': []})) == (True, dict(GLOBEX, metric_ids=[]))
        assert ensure_group(client, PAGE_ID, plan_group(None, {'name': 'Hooli'})) == (True, HOOLI)


def test_a_lost_create_found_with_less_than_was_sent_is_completed_by_one_patch(api):
    desired = {'name': 'Hooli', 'component_ids': [API['id']]}
    with api.expect([
        call('POST', GROUPS_PATH, status=502, body={'page_access_group': desired}, response={'message': 'bad gateway'}),
        list_groups([GLOBEX, HOOLI]),
        call('PATCH', GROUPS_PATH + '/' + HOOLI['id'], body={'page_access_group': {'component_ids': [API['id']]}},
             response=dict(HOOLI, component_ids=[API['id']])),
    ]) as client:
        assert ensure_group(client, PAGE_ID, plan_group(None, desired)) == (True, dict(HOOLI, component_ids=[API['id']]))


def test_a_lost_create_found_complete_needs_nothing_more(api):
    with api.expect([
        call('POST', GROUPS_PATH, status=500, body={'page_access_group': {'name': 'Hooli'}}, response={}),
        list_groups([GLOBEX, HOOLI]),
    ]) as client:
        assert ensure_group(client, PAGE_ID, plan_group(None, {'name': 'Hooli'})) == (True, HOOLI)


def test_remove(api):
    with api.expect([call('DELETE', GROUPS_PATH + '/' + GLOBEX['id'], status=404, response={'message': 'gone'})]) as client:
        assert remove_group(client, PAGE_ID, GLOBEX) is False
        assert remove_group(client, PAGE_ID, None) is False
        assert remove_group(client, PAGE_ID, GLOBEX, check_mode=True) is True


def test_the_diff_names_members_with_what_was_read():
    fields = ['component_ids', 'metric_ids', 'name', 'page_access_user_ids']
    names = MemberNames({'component': Catalog(COMPONENTS, COMPONENT)}, {ANN['id']: ANN, BOB['id']: BOB})
    assert diff_view(GLOBEX, fields, names) == {
        'state': 'present', 'name': 'Globex', 'components': ['EU/Compute', 'Platform/API'],
        # No metric list was read: the id stands in for the name.
        'metrics': [GLOBEX['metric_ids'][0]], 'users': ['ann@globex.example']}
    assert diff_view(None, fields, names) == {'state': 'absent'}
    assert diff_view(GLOBEX, ['name'], MemberNames()) == {'state': 'present', 'name': 'Globex'}
