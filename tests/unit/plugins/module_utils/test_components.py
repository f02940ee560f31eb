# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Finding components and groups (pure, on the demo page's catalog) and who may see a component."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.community.statuspage.plugins.module_utils._components import (
    ANY_GROUP,
    find_component,
    find_component_group,
    member_ids,
    read_access_holders,
    resolve_group,
    resolve_members,
)
from ansible_collections.community.statuspage.plugins.module_utils._errors import InputError
from ansible_collections.community.statuspage.plugins.module_utils._member_kinds import COMPONENT
from ansible_collections.community.statuspage.plugins.module_utils._resolve import Catalog
from ansible_collections.community.statuspage.tests.unit.plugins.demo_page import (
    ANN,
    API,
    BOB,
    COMPONENTS,
    EU,
    EU_COMPUTE,
    EU_STORAGE,
    GLOBEX,
    INITECH,
    PAGE_ID,
    PLATFORM,
    STATUS,
    US_COMPUTE,
    WEBHOOKS,
    list_groups,
    list_users,
    user_grants,
)

CATALOG = Catalog(COMPONENTS + [STATUS], COMPONENT)


def test_members_come_from_their_group_id_in_the_page_order():
    assert member_ids(CATALOG, EU['id']) == EU['components']
    assert member_ids(CATALOG, None) == [STATUS['id']]


def test_a_component_is_found_by_its_name_within_its_group():
    assert find_component(CATALOG, 'Compute', group_id=EU['id']) == (EU_COMPUTE, None)
    assert find_component(CATALOG, 'Compute', group_id=None) == (None, None)
    assert find_component(CATALOG, 'API') == (API, None)
    found, problem = find_component(CATALOG, 'Compute', group_id=ANY_GROUP)
    assert found is None
    assert problem == ("name 'Compute' is ambiguous: it is any of 'EU/Compute' (lcrype1hzn91), 'US/Compute' "
                       "(94k3ayh4nvjn); give its group, or its id")


def test_previously_is_only_a_fallback_so_a_move_stays_idempotent():
    # Before the move: nothing called Webhooks in EU, so previously finds it in Platform.
    assert find_component(CATALOG, 'Webhooks', group_id=EU['id'], previously='Platform/Webhooks') == (WEBHOOKS, None)
    moved = Catalog(COMPONENTS[:4] + [dict(WEBHOOKS, group_id=EU['id'])] + COMPONENTS[5:], COMPONENT)
    assert find_component(moved, 'Webhooks', group_id=EU['id'], previously='Platform/Webhooks')[0]['group_id'] == EU['id']
    assert find_component(CATALOG, 'Compute', group_id=None, previously='Compute')[1].startswith(
        "previously 'Compute' is ambiguous")
    assert find_component(CATALOG, 'New', group_id=None, previously='Gone') == (None, None)
    assert find_component(CATALOG, component_id=US_COMPUTE['id']) == (US_COMPUTE, None)


def test_groups_by_name_or_id_and_the_empty_group_means_none():
    assert resolve_group(CATALOG, 'EU') == (EU['id'], None)
    assert resolve_group(CATALOG, PLATFORM['id']) == (PLATFORM['id'], None)
    assert resolve_group(CATALOG, '') == (None, None)
    assert resolve_group(CATALOG, 'APAC') == (None, "group: no component group 'APAC' on this page; the page has 'EU', "
                                                    "'Platform', 'US'")
    twins = Catalog(COMPONENTS + [dict(EU, id='grpeutwin001', components=[])], COMPONENT)
    assert "component group name 'EU' is ambiguous" in resolve_group(twins, 'EU')[1]
    with pytest.raises(InputError, match="name 'EU' names 2 component groups"):
        find_component_group(twins, name='EU')
    assert find_component_group(CATALOG, group_id='nosuchgroup1') is None


def test_a_groups_members_are_looked_for_among_its_members_first():
    # "Compute" is ambiguous on the page, not in EU; "Platform/API" still finds API once it is in EU.
    ids, problems = resolve_members(CATALOG, EU['id'], ['Compute', 'Storage', 'Platform/API'])
    assert ids == [EU_COMPUTE['id'], EU_STORAGE['id'], API['id']] and problems == []
    moved = Catalog([dict(item, group_id=EU['id']) if item['id'] == API['id'] else item for item in COMPONENTS], COMPONENT)
    assert resolve_members(moved, EU['id'], ['Platform/API']) == ([API['id']], [])
    ids, problems = resolve_members(CATALOG, None, ['Compute', 'Nope'])
    assert ids == [] and len(problems) == 2 and problems[0].startswith("components: component name 'Compute' is ambiguous")


def test_who_may_see_a_component_costs_the_groups_the_users_and_each_users_components(api):
    with api.expect([
        list_groups([GLOBEX, INITECH]),
        list_users([ANN, BOB]),
        user_grants('components', [API, EU_COMPUTE], user=ANN),
        user_grants('components', [EU_COMPUTE], user=BOB),
    ]) as client:
        holders = read_access_holders(client, PAGE_ID, [API['id'], EU_COMPUTE['id'], US_COMPUTE['id']])
    assert holders == {
        API['id']: {'users': ['ann@globex.example'], 'groups': ['Globex']},
        EU_COMPUTE['id']: {'users': ['ann@globex.example', 'Bob@Globex.example'], 'groups': ['Globex']},
        US_COMPUTE['id']: {'users': [], 'groups': []},
    }
    with api.expect([]) as client:
        assert read_access_holders(client, PAGE_ID, []) == {}
