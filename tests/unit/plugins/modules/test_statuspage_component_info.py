# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.community.statuspage.plugins.modules import statuspage_component_info as module

from ansible_collections.community.statuspage.tests.unit.plugins.modules.harness import call

PLATFORM = {'id': 'grpplatform1', 'name': 'Platform', 'group': True, 'components': ['cmpapi000001']}
EU = {'id': 'grpeu0000001', 'name': 'EU', 'group': True, 'components': ['cmpeucompute']}
US = {'id': 'grpus0000001', 'name': 'US', 'group': True, 'components': ['cmpuscompute']}
API = {'id': 'cmpapi000001', 'name': 'API', 'group': False, 'group_id': 'grpplatform1'}
EU_COMPUTE = {'id': 'cmpeucompute', 'name': 'Compute', 'group': False, 'group_id': 'grpeu0000001'}
US_COMPUTE = {'id': 'cmpuscompute', 'name': 'Compute', 'group': False, 'group_id': 'grpus0000001'}
STATUS = {'id': 'cmpstatus001', 'name': 'Status', 'group': False, 'group_id': None}
PAGE_COMPONENTS = [PLATFORM, API, EU, EU_COMPUTE, US, US_COMPUTE, STATUS]


def named(item, group_name):
    return dict(item, group_name=group_name)


def listed():
    return call('GET', '/pages/acmecloud123/components', query={'page': '1', 'per_page': '100'},
                response=PAGE_COMPONENTS)


@pytest.mark.parametrize('args, expected', [
    ({}, [named(API, 'Platform'), named(EU_COMPUTE, 'EU'), named(US_COMPUTE, 'US'), named(STATUS, None)]),
    ({'name': 'Compute'}, [named(EU_COMPUTE, 'EU'), named(US_COMPUTE, 'US')]),
    ({'name': 'EU/Compute'}, [named(EU_COMPUTE, 'EU')]),
    ({'name': 'cmpapi000001'}, [named(API, 'Platform')]),
    ({'name': 'Compute', 'group': 'US'}, [named(US_COMPUTE, 'US')]),
    ({'group': 'grpeu0000001'}, [named(EU_COMPUTE, 'EU')]),
    ({'name': 'Nope'}, []),
    ({'group': 'Nope'}, []),
    ({'name': 'EU'}, []),
    ({'group': 'EU', 'include_groups': True}, [named(EU, None), named(EU_COMPUTE, 'EU')]),
    ({'name': 'EU', 'include_groups': True}, [named(EU, None)]),
    ({'include_groups': True}, [named(item, {'cmpapi000001': 'Platform', 'cmpeucompute': 'EU', 'cmpuscompute': 'US'}.get(item['id']))
                                for item in PAGE_COMPONENTS]),
])
def test_components_with_group_names_and_filters(run_module, args, expected):
    result, failed = run_module(module.main, dict(args, page_id='acmecloud123'), [listed()], check_mode=True)
    assert not failed and result == {'changed': False, 'components': expected}


def test_a_name_that_resolves_in_the_modules_matches_here():
    # The same Catalog code: every reference that resolves to one id selects exactly that one here.
    from ansible_collections.community.statuspage.plugins.module_utils._resolve import Catalog
    catalog = Catalog(PAGE_COMPONENTS, 'component')
    for reference in ('API', 'Platform/API', 'EU/Compute', 'US/Compute', 'Status', 'cmpstatus001'):
        item_id, problem = catalog.resolve_one(reference)
        assert problem is None
        assert [item['id'] for item in module.select_components(catalog, reference)] == [item_id]


def test_every_result_page_is_walked(run_module):
    many = [dict(STATUS, id='cmp%09d' % number) for number in range(100)]
    result, failed = run_module(module.main, {'page_id': 'acmecloud123'}, [
        call('GET', '/pages/acmecloud123/components', query={'page': '1', 'per_page': '100'}, response=many),
        call('GET', '/pages/acmecloud123/components', query={'page': '2', 'per_page': '100'}, response=[API]),
    ])
    assert not failed and len(result['components']) == 101
    assert result['components'][-1]['group_name'] is None  # Platform is not on this page


def test_unknown_page(run_module):
    result, failed = run_module(module.main, {'page_id': 'nosuchpage00'}, [
        call('GET', '/pages/nosuchpage00/components', query={'page': '1', 'per_page': '100'}, status=404,
             response={'message': 'not found'})])
    assert failed and result['status'] == 404
