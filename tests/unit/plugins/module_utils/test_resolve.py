# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.community.statuspage.plugins.module_utils._member_kinds import (
    COMPONENT,
    KIND_BY_NAME,
    MEMBER_KINDS,
    METRIC,
)
from ansible_collections.community.statuspage.plugins.module_utils._resolve import (
    Catalog,
    looks_like_id,
    needs_catalog,
    resolve_references,
)
from ansible_collections.community.statuspage.tests.unit.plugins.demo_page import (
    API,
    COMPONENTS,
    DASHBOARD,
    ERROR_RATE,
    EU,
    EU_BACKUP,
    EU_COMPUTE,
    LATENCY,
    METRICS,
    PLATFORM,
    STATUS,
    US,
    US_COMPUTE,
    described,
    metric,
)

# The demo page, with a component in no group ("Status") and, in EU, a name holding a "/".
PAGE_ITEMS = [dict(item, components=item['components'] + [EU_BACKUP['id']]) if item is EU else item
              for item in COMPONENTS] + [STATUS, EU_BACKUP]


@pytest.fixture
def catalog():
    return Catalog(PAGE_ITEMS, COMPONENT)


def test_ids_names_and_group_names_resolve(catalog):
    ids, problems = catalog.resolve([API['id'], 'Dashboard', 'EU/Compute', ' US/Compute ', 'Status'], 'components')
    assert problems == []
    assert ids == [API['id'], DASHBOARD['id'], EU_COMPUTE['id'], US_COMPUTE['id'], STATUS['id']]


def test_duplicates_resolve_once(catalog):
    assert catalog.resolve(['API', 'Platform/API', API['id']], 'components') == ([API['id']], [])


def test_a_name_containing_a_slash(catalog):
    assert catalog.resolve(['Backup/Restore', 'EU/Backup/Restore'], 'components') == ([EU_BACKUP['id']], [])


def test_every_problem_is_reported_at_once(catalog):
    ids, problems = catalog.resolve(['Compute', 'Dashbord', 'EU', US['id'], 'API'], 'components')
    assert ids == [API['id']]
    assert len(problems) == 4
    assert problems[0].startswith("components: component name 'Compute' is ambiguous")
    assert "'EU/Compute' (%s)" % EU_COMPUTE['id'] in problems[0] and "'US/Compute' (%s)" % US_COMPUTE['id'] in problems[0]
    assert problems[1] == "components: no component 'Dashbord' on this page; did you mean 'Platform/Dashboard'?"
    assert problems[2] == ("components: 'EU' is a component group, not a component; "
                           "name its components: EU/Backup/Restore, EU/Compute, EU/Database, EU/Storage")
    assert "'%s' is a component group" % US['id'] in problems[3]


def test_an_unknown_name_far_from_everything_lists_the_page(catalog):
    ids, problems = catalog.resolve(['zzzzzz'], 'components')
    assert ids == [] and "the page has 'EU/Backup/Restore', 'EU/Compute', 'EU/Database'" in problems[0]


def test_two_groups_with_the_same_name_make_group_name_ambiguous():
    items = [
        {'id': 'grpa00000001', 'name': 'EU', 'group': True},
        {'id': 'grpb00000001', 'name': 'EU', 'group': True},
        {'id': 'cmpa00000001', 'name': 'Compute', 'group_id': 'grpa00000001'},
        {'id': 'cmpb00000001', 'name': 'Compute', 'group_id': 'grpb00000001'},
    ]
    ids, problems = Catalog(items, COMPONENT).resolve(['EU/Compute'], 'components')
    assert ids == [] and 'ambiguous' in problems[0]
    assert 'cmpa00000001' in problems[0] and 'cmpb00000001' in problems[0]
    # The group id tells them apart.
    assert Catalog(items, COMPONENT).resolve(['grpb00000001/Compute'], 'c') == (['cmpb00000001'], [])


def test_labels_and_descriptions(catalog):
    assert catalog.label(EU_COMPUTE['id']) == 'EU/Compute'
    assert catalog.label(STATUS['id']) == 'Status'
    assert catalog.label('unknownid001') == 'unknownid001'
    assert catalog.labels([US_COMPUTE['id'], API['id']]) == ['Platform/API', 'US/Compute']
    assert catalog.describe(EU_COMPUTE['id']) == {
        'id': EU_COMPUTE['id'], 'name': 'Compute', 'group': 'EU', 'group_id': EU['id']}
    assert catalog.describe(STATUS['id']) == {'id': STATUS['id'], 'name': 'Status', 'group': None, 'group_id': None}


def test_a_catalog_of_a_users_components_labels_groups_by_id():
    # Built from the user's own components (no page list read): group names are unknown.
    members = Catalog([EU_COMPUTE, US_COMPUTE], COMPONENT)
    assert members.labels([EU_COMPUTE['id'], US_COMPUTE['id']]) == sorted(['%s/Compute' % EU['id'], '%s/Compute' % US['id']])
    assert members.describe(EU_COMPUTE['id']) == {
        'id': EU_COMPUTE['id'], 'name': 'Compute', 'group': None, 'group_id': EU['id']}
    # Its labels resolve back, in that catalog and in the full one.
    assert members.resolve(['%s/Compute' % EU['id']], 'c') == ([EU_COMPUTE['id']], [])


def test_matches_is_what_resolve_uses(catalog):
    assert catalog.matches('Compute') == [EU_COMPUTE['id'], US_COMPUTE['id']]
    assert catalog.matches('EU/Compute') == [EU_COMPUTE['id']]
    assert catalog.matches(API['id']) == [API['id']]
    assert catalog.matches('EU') == [] and catalog.matches('nothing') == []
    for reference in ('API', 'EU/Compute', 'Status', 'Compute', 'Nope'):
        item_id, problem = catalog.resolve_one(reference)
        matches = catalog.matches(reference)
        assert (item_id is not None) == (len(matches) == 1)
        if item_id:
            assert matches == [item_id]


def test_metrics_describe_without_group():
    metrics = Catalog(METRICS, METRIC)
    assert metrics.resolve(['API Latency', ERROR_RATE['id']], 'metrics') == ([LATENCY['id'], ERROR_RATE['id']], [])
    assert metrics.describe(LATENCY['id']) == {'id': LATENCY['id'], 'name': 'API Latency'}
    ids, problems = metrics.resolve(['Uptme'], 'metrics')
    assert problems == ["metrics: no metric 'Uptme' on this page; did you mean 'Uptime'?"]
    assert Catalog([], METRIC).resolve(['x'], 'metrics')[1] == [
        "metrics: no metric 'x' on this page; the page has no metrics"]


def test_looks_like_id_and_needs_catalog():
    assert looks_like_id(API['id']) and not looks_like_id('API') and not looks_like_id(None)
    assert not needs_catalog([], [API['id']])
    assert not needs_catalog([API['id']], [API['id']])
    assert needs_catalog([DASHBOARD['id']], [API['id']])
    assert needs_catalog(['API'], [API['id']])


class ListingClient(object):
    def __init__(self, items):
        self.items = items
        self.listed = []

    def list(self, path, params=None):
        self.listed.append(path)
        return list(self.items)


def test_resolve_references_reads_the_page_only_when_needed():
    client = ListingClient(PAGE_ITEMS)
    members = [API]
    ids, catalog, problems = resolve_references(client, 'acme', [API['id']], COMPONENT, 'components', members=members)
    assert (ids, problems, client.listed) == ([API['id']], [], [])
    assert catalog.label(API['id']) == '%s/API' % PLATFORM['id']

    ids, catalog, problems = resolve_references(client, 'acme', ['API'], COMPONENT, 'components', members=members)
    assert (ids, problems, client.listed) == ([API['id']], [], ['/pages/acme/components'])
    assert catalog.label(API['id']) == 'Platform/API'

    # A catalog handed in is reused: no second list call.
    ids, again, problems = resolve_references(client, 'acme', ['EU/Compute'], COMPONENT, 'components',
                                              catalog=catalog)
    assert again is catalog and ids == [EU_COMPUTE['id']] and len(client.listed) == 1


def test_each_kind_loads_its_own_list():
    client = ListingClient(METRICS)
    assert sorted(METRIC.load(client, 'acme').by_id) == sorted(item['id'] for item in METRICS)
    COMPONENT.load(client, 'acme')
    assert client.listed == ['/pages/acme/metrics', '/pages/acme/components']


def test_the_member_kinds_table_spells_each_kind_once():
    assert [kind.name for kind in MEMBER_KINDS] == ['component', 'metric']
    assert KIND_BY_NAME['component'] is COMPONENT and KIND_BY_NAME['metric'] is METRIC
    assert (COMPONENT.option, COMPONENT.body_key, COMPONENT.sub_resource) == ('components', 'component_ids', 'components')
    assert (METRIC.option, METRIC.body_key, METRIC.sub_resource) == ('metrics', 'metric_ids', 'metrics')
    assert COMPONENT.grouped and not METRIC.grouped
    assert Catalog([LATENCY], METRIC).describe(LATENCY['id']) == metric(LATENCY)
    assert Catalog(PAGE_ITEMS, COMPONENT).describe(API['id']) == described(API)


def test_catalog_keeps_the_api_order(catalog):
    assert [item['id'] for item in catalog.items] == [item['id'] for item in PAGE_ITEMS]
