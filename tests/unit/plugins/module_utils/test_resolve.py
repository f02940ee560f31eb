# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.community.statuspage.plugins.module_utils._resolve import (
    Catalog,
    load_components,
    load_metrics,
    looks_like_id,
    needs_catalog,
    resolve_references,
)

# The emulator's demo page, reduced: "Compute" is in two groups; "Status" is in no group.
GROUPS = [
    {'id': 'grpplatform1', 'name': 'Platform', 'group': True, 'components': ['cmpapi000001', 'cmpdash00001']},
    {'id': 'grpeu0000001', 'name': 'EU', 'group': True, 'components': ['cmpeucompute', 'cmpslash0001']},
    {'id': 'grpus0000001', 'name': 'US', 'group': True, 'components': ['cmpuscompute']},
]
COMPONENTS = [
    {'id': 'cmpapi000001', 'name': 'API', 'group': False, 'group_id': 'grpplatform1'},
    {'id': 'cmpdash00001', 'name': 'Dashboard', 'group': False, 'group_id': 'grpplatform1'},
    {'id': 'cmpeucompute', 'name': 'Compute', 'group': False, 'group_id': 'grpeu0000001'},
    {'id': 'cmpuscompute', 'name': 'Compute', 'group': False, 'group_id': 'grpus0000001'},
    {'id': 'cmpstatus001', 'name': 'Status', 'group': False, 'group_id': None},
    {'id': 'cmpslash0001', 'name': 'Backup/Restore', 'group': False, 'group_id': 'grpeu0000001'},
]
METRICS = [
    {'id': 'metlatency01', 'name': 'API Latency'},
    {'id': 'meterrors001', 'name': 'Error Rate'},
]


@pytest.fixture
def catalog():
    return Catalog(GROUPS + COMPONENTS, 'component')


def test_ids_names_and_group_names_resolve(catalog):
    ids, problems = catalog.resolve(['cmpapi000001', 'Dashboard', 'EU/Compute', ' US/Compute ', 'Status'], 'components')
    assert problems == []
    assert ids == ['cmpapi000001', 'cmpdash00001', 'cmpeucompute', 'cmpuscompute', 'cmpstatus001']


def test_duplicates_resolve_once(catalog):
    assert catalog.resolve(['API', 'Platform/API', 'cmpapi000001'], 'components') == (['cmpapi000001'], [])


def test_a_name_containing_a_slash(catalog):
    assert catalog.resolve(['Backup/Restore', 'EU/Backup/Restore'], 'components') == (['cmpslash0001'], [])


def test_every_problem_is_reported_at_once(catalog):
    ids, problems = catalog.resolve(['Compute', 'Dashbord', 'EU', 'grpus0000001', 'API'], 'components')
    assert ids == ['cmpapi000001']
    assert len(problems) == 4
    assert problems[0].startswith("components: component name 'Compute' is ambiguous")
    assert "'EU/Compute' (cmpeucompute)" in problems[0] and "'US/Compute' (cmpuscompute)" in problems[0]
    assert problems[1] == "components: no component 'Dashbord' on this page; did you mean 'Platform/Dashboard'?"
    assert problems[2] == ("components: 'EU' is a component group, which cannot be granted itself; "
                           "name its components: EU/Backup/Restore, EU/Compute")
    assert "'grpus0000001' is a component group" in problems[3]


def test_an_unknown_name_far_from_everything_lists_the_page(catalog):
    ids, problems = catalog.resolve(['zzzzzz'], 'components')
    assert ids == [] and "the page has 'EU/Backup/Restore', 'EU/Compute'" in problems[0]


def test_two_groups_with_the_same_name_make_group_name_ambiguous():
    items = [
        {'id': 'grpa00000001', 'name': 'EU', 'group': True},
        {'id': 'grpb00000001', 'name': 'EU', 'group': True},
        {'id': 'cmpa00000001', 'name': 'Compute', 'group_id': 'grpa00000001'},
        {'id': 'cmpb00000001', 'name': 'Compute', 'group_id': 'grpb00000001'},
    ]
    ids, problems = Catalog(items, 'component').resolve(['EU/Compute'], 'components')
    assert ids == [] and 'ambiguous' in problems[0]
    assert 'cmpa00000001' in problems[0] and 'cmpb00000001' in problems[0]
    # The group id tells them apart.
    assert Catalog(items, 'component').resolve(['grpb00000001/Compute'], 'c') == (['cmpb00000001'], [])


def test_labels_and_descriptions(catalog):
    assert catalog.label('cmpeucompute') == 'EU/Compute'
    assert catalog.label('cmpstatus001') == 'Status'
    assert catalog.label('unknownid001') == 'unknownid001'
    assert catalog.labels(['cmpuscompute', 'cmpapi000001']) == ['Platform/API', 'US/Compute']
    assert catalog.describe('cmpeucompute') == {
        'id': 'cmpeucompute', 'name': 'Compute', 'group': 'EU', 'group_id': 'grpeu0000001'}
    assert catalog.describe('cmpstatus001') == {'id': 'cmpstatus001', 'name': 'Status', 'group': None, 'group_id': None}


def test_a_catalog_of_a_users_components_labels_groups_by_id():
    # Built from the user's own components (no page list read): group names are unknown.
    members = Catalog([COMPONENTS[2], COMPONENTS[3]], 'component')
    assert members.labels(['cmpeucompute', 'cmpuscompute']) == ['grpeu0000001/Compute', 'grpus0000001/Compute']
    assert members.describe('cmpeucompute') == {
        'id': 'cmpeucompute', 'name': 'Compute', 'group': None, 'group_id': 'grpeu0000001'}
    # Its labels resolve back, in that catalog and in the full one.
    assert members.resolve(['grpeu0000001/Compute'], 'c') == (['cmpeucompute'], [])


def test_matches_is_what_resolve_uses(catalog):
    assert catalog.matches('Compute') == ['cmpeucompute', 'cmpuscompute']
    assert catalog.matches('EU/Compute') == ['cmpeucompute']
    assert catalog.matches('cmpapi000001') == ['cmpapi000001']
    assert catalog.matches('EU') == [] and catalog.matches('nothing') == []
    for reference in ('API', 'EU/Compute', 'Status', 'Compute', 'Nope'):
        item_id, problem = catalog.resolve_one(reference)
        matches = catalog.matches(reference)
        assert (item_id is not None) == (len(matches) == 1)
        if item_id:
            assert matches == [item_id]


def test_metrics_describe_without_group():
    metrics = Catalog(METRICS, 'metric')
    assert metrics.resolve(['API Latency', 'meterrors001'], 'metrics') == (['metlatency01', 'meterrors001'], [])
    assert metrics.describe('metlatency01') == {'id': 'metlatency01', 'name': 'API Latency'}
    ids, problems = metrics.resolve(['Uptime'], 'metrics')
    assert problems == ["metrics: no metric 'Uptime' on this page; the page has 'API Latency', 'Error Rate'"]
    assert Catalog([], 'metric').resolve(['x'], 'metrics')[1] == [
        "metrics: no metric 'x' on this page; the page has no metrics"]


def test_looks_like_id_and_needs_catalog():
    assert looks_like_id('cmpapi000001') and not looks_like_id('API') and not looks_like_id(None)
    assert not needs_catalog([], ['cmpapi000001'])
    assert not needs_catalog(['cmpapi000001'], ['cmpapi000001'])
    assert needs_catalog(['cmpdash00001'], ['cmpapi000001'])
    assert needs_catalog(['API'], ['cmpapi000001'])


class ListingClient(object):
    def __init__(self, items):
        self.items = items
        self.listed = []

    def list(self, path, params=None):
        self.listed.append(path)
        return list(self.items)


def test_resolve_references_reads_the_page_only_when_needed():
    client = ListingClient(GROUPS + COMPONENTS)
    members = [COMPONENTS[0]]
    ids, catalog, problems = resolve_references(client, 'acme', ['cmpapi000001'], 'component', 'components',
                                                members=members)
    assert (ids, problems, client.listed) == (['cmpapi000001'], [], [])
    assert catalog.label('cmpapi000001') == 'grpplatform1/API'

    ids, catalog, problems = resolve_references(client, 'acme', ['API'], 'component', 'components', members=members)
    assert (ids, problems, client.listed) == (['cmpapi000001'], [], ['/pages/acme/components'])
    assert catalog.label('cmpapi000001') == 'Platform/API'

    # A catalog handed in is reused: no second list call.
    ids, again, problems = resolve_references(client, 'acme', ['EU/Compute'], 'component', 'components',
                                              catalog=catalog)
    assert again is catalog and ids == ['cmpeucompute'] and len(client.listed) == 1


def test_loaders_use_their_paths():
    client = ListingClient(METRICS)
    assert sorted(load_metrics(client, 'acme').by_id) == ['meterrors001', 'metlatency01']
    load_components(client, 'acme')
    assert client.listed == ['/pages/acme/metrics', '/pages/acme/components']


def test_catalog_keeps_the_api_order(catalog):
    assert [item['id'] for item in catalog.items] == [item['id'] for item in GROUPS + COMPONENTS]
