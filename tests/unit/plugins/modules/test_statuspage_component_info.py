# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.community.statuspage.plugins.modules import statuspage_component_info as module

from ansible_collections.community.statuspage.plugins.module_utils._member_kinds import COMPONENT
from ansible_collections.community.statuspage.tests.unit.plugins.demo_page import (
    ANN,
    API,
    COMPONENTS,
    EU,
    EU_COMPUTE,
    EU_DATABASE,
    EU_STORAGE,
    GLOBEX,
    PAGE_ID,
    PLATFORM,
    STATUS,
    US,
    US_COMPUTE,
    list_components,
    list_groups,
    list_of,
    list_pages,
    list_users,
    page_path,
    user_grants,
)
from ansible_collections.community.statuspage.tests.unit.plugins.modules.harness import call

# The demo page and a component in no group.
PAGE_COMPONENTS = COMPONENTS + [STATUS]
GROUP_NAMES = {PLATFORM['id']: 'Platform', EU['id']: 'EU', US['id']: 'US'}


def named(item, group_name):
    return dict(item, group_name=group_name)


def listed():
    return list_components(PAGE_COMPONENTS)


def components_in_groups():
    return [named(item, GROUP_NAMES.get(item['group_id'])) for item in PAGE_COMPONENTS if not item.get('group')]


@pytest.mark.parametrize('args, expected', [
    ({}, components_in_groups()),
    ({'name': 'Compute'}, [named(EU_COMPUTE, 'EU'), named(US_COMPUTE, 'US')]),
    ({'name': 'EU/Compute'}, [named(EU_COMPUTE, 'EU')]),
    ({'name': API['id']}, [named(API, 'Platform')]),
    ({'name': 'Compute', 'group': 'US'}, [named(US_COMPUTE, 'US')]),
    ({'group': EU['id']}, [named(EU_COMPUTE, 'EU'), named(EU_STORAGE, 'EU'), named(EU_DATABASE, 'EU')]),
    ({'name': 'Nope'}, []),
    ({'group': 'Nope'}, []),
    ({'name': 'EU'}, []),
    ({'group': 'EU', 'include_groups': True},
     [named(EU, None), named(EU_COMPUTE, 'EU'), named(EU_STORAGE, 'EU'), named(EU_DATABASE, 'EU')]),
    ({'name': 'EU', 'include_groups': True}, [named(EU, None)]),
    ({'include_groups': True}, [named(item, None if item.get('group') else GROUP_NAMES.get(item['group_id']))
                                for item in PAGE_COMPONENTS]),
])
def test_components_with_group_names_and_filters(run_module, args, expected):
    result, failed = run_module(module.main, dict(args, page_id=PAGE_ID), [listed()], check_mode=True)
    assert not failed and result == {'changed': False, 'components': expected}


def test_a_name_that_resolves_in_the_modules_matches_here():
    # The same Catalog code: every reference that resolves to one id selects exactly that one here.
    from ansible_collections.community.statuspage.plugins.module_utils._resolve import Catalog
    catalog = Catalog(PAGE_COMPONENTS, COMPONENT)
    for reference in ('API', 'Platform/API', 'EU/Compute', 'US/Compute', 'Status', STATUS['id']):
        item_id, problem = catalog.resolve_one(reference)
        assert problem is None
        assert [item['id'] for item in module.select_components(catalog, reference)] == [item_id]


def test_every_result_page_is_walked(run_module):
    many = [dict(STATUS, id='cmp%09d' % number) for number in range(100)]
    result, failed = run_module(module.main, {'page_id': PAGE_ID}, [
        list_of(page_path('components'), many),
        list_of(page_path('components'), [API], page=2),
    ])
    assert not failed and len(result['components']) == 101
    assert result['components'][-1]['group_name'] is None  # Platform is not on this page


def test_unknown_page(run_module):
    result, failed = run_module(module.main, {'page_id': 'nosuchpage00'}, [
        call('GET', '/pages/nosuchpage00/components', query={'page': '1', 'per_page': '100'}, status=404,
             response={'message': 'not found'}),
        list_pages()])
    assert failed and result['status'] == 404 and "it sees 'Acme Cloud' (acmecloud123)" in result['msg']


def test_include_access_says_who_may_see_each_component(run_module):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'name': 'EU/Compute', 'include_access': True}, [
        listed(), list_groups([GLOBEX]), list_users([ANN]), user_grants('components', [API], user=ANN)])
    assert not failed
    assert result['components'] == [dict(named(EU_COMPUTE, 'EU'), access={'users': [], 'groups': ['Globex']})]
