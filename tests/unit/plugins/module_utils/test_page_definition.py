# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The page definition: its checks (every problem at once, no request) and its plan (pure)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest
import yaml

from ansible_collections.community.statuspage.plugins.module_utils._errors import InputError
from ansible_collections.community.statuspage.plugins.module_utils._member_kinds import COMPONENT
from ansible_collections.community.statuspage.plugins.module_utils._page_definition_input import (
    COMPONENT_ENTRY,
    GROUP_ENTRY,
    checked_definition,
)
from ansible_collections.community.statuspage.plugins.module_utils._page_definition_plan import plan_definition
from ansible_collections.community.statuspage.plugins.module_utils._page_definition_report import count_changes
from ansible_collections.community.statuspage.plugins.module_utils._resolve import Catalog
from ansible_collections.community.statuspage.plugins.modules import statuspage_page_definition
from ansible_collections.community.statuspage.tests.unit.plugins.demo_page import (
    API,
    AUTHENTICATION,
    COMPONENTS,
    DASHBOARD,
    EU,
    EU_COMPUTE,
    EU_DATABASE,
    EU_STORAGE,
    PLATFORM,
    STATUS,
    WEBHOOKS,
)

CATALOG = Catalog(COMPONENTS + [STATUS], COMPONENT)
EU_TREE = {'group': 'EU', 'components': [{'name': 'Compute'}, {'name': 'Storage'}, {'name': 'Database'}]}


def problems_of(**kwargs):
    args = dict(profile=None, status_embed_config=None, components=[])
    args.update(kwargs)
    with pytest.raises(InputError) as caught:
        checked_definition(**args)
    return str(caught.value)


def plan(components, prune=False, catalog=CATALOG):
    return plan_definition(checked_definition(None, None, components, prune), catalog=catalog)


def test_the_entry_keys_are_those_documented():
    documented = yaml.safe_load(statuspage_page_definition.DOCUMENTATION)['options']['components']['suboptions']
    assert set(documented) == set(COMPONENT_ENTRY) | set(GROUP_ENTRY)
    assert documented['status']['choices'] == COMPONENT_ENTRY['status']['choices']


def test_every_problem_of_the_file_is_named_at_once_before_any_request():
    message = problems_of(
        profile={'time_zon': 'UTC', 'css_greens': 'green'},
        status_embed_config={'position': ''},
        components=[
            {'group': 'Platform', 'components': [{'name': 'API', 'status': 'down'}, {'name': 'API'},
                                                 {'group': 'Nested', 'components': [{'name': 'X'}]}]},
            {'group': 'Empty', 'components': []},
            {'name': 'Status', 'start_date': '15/01/2024', 'descripton': 'x'},
            {'name': 'Status'},
            {'group': 'Old', 'state': 'absent', 'components': [{'name': 'Kept'}]},
            'API',
        ])
    assert message.startswith('12 problem(s) in the page definition, nothing was written: ')
    for expected in [
        "profile has an unknown key 'time_zon' (did you mean 'time_zone'?)",
        "profile: css_greens='green' is not a colour",
        'status_embed_config: value of position must be one of: bottom-left, bottom-right, top-left, top-right',
        "group 'Platform', component 'API': value of status must be one of: operational",
        "group 'Platform' lists component 'API' twice",
        "group 'Platform' lists group 'Nested': groups cannot be nested",
        "group 'Empty' has no component: Statuspage keeps no empty group",
        "component 'Status' start_date='15/01/2024' is not a date",
        "component 'Status' has an unknown key 'descripton' (did you mean 'description'?)",
        "components lists 'Status' twice at the top level",
        "group 'Old' is absent but lists 'Kept' as present",
        "entry #6 is 'API', not a dictionary",
    ]:
        assert expected in message, expected
    assert 'prune=true with no components' in problems_of(prune=True)


def test_the_demo_tree_as_it_is_changes_nothing():
    tree = [{'group': 'Platform', 'components': [{'name': 'API'}, {'name': 'Dashboard'}, {'name': 'Authentication'},
                                                 {'name': 'Webhooks'}]},
            EU_TREE, {'name': 'Status'}]
    changes = plan(tree).all_changes()
    assert count_changes(changes) == dict(
        settings_changed=0, components_pruned=0, components_created=0, components_updated=0, components_deleted=0,
        components_unchanged=8, groups_created=0, groups_updated=0, groups_deleted=0, groups_unchanged=2)


def test_components_join_an_existing_group_in_its_one_patch_and_new_ones_are_created_in_it():
    moved = {'name': 'Webhooks', 'previously': 'Platform/Webhooks'}
    planned = plan([{'group': 'EU', 'components': [{'name': 'Compute'}, moved, {'name': 'Backup'}]}])
    (name, changes), = planned.units
    webhooks, backup, group = changes[1], changes[2], changes[3]
    assert webhooks.action == 'update' and not webhooks.plan.changed  # the group's PATCH moves it
    assert backup.plan.create == {'name': 'Backup', 'group_id': EU['id']}
    # Storage and Database are not listed: left in the group (no pruning).
    assert group.plan.update == {'components': [EU_COMPUTE['id'], EU_STORAGE['id'], EU_DATABASE['id'], WEBHOOKS['id'],
                                                'new:EU/Backup']}


def test_a_new_group_is_created_last_with_its_new_and_existing_members():
    moved = {'name': 'Webhooks', 'previously': 'Platform/Webhooks'}
    planned = plan([{'group': 'Integrations', 'components': [{'name': 'Slack'}, moved]},
                    {'group': 'Platform', 'description': 'Core', 'components': [{'name': 'API'}]}])
    (dummy, integrations), (dummy2, platform) = planned.units
    assert integrations[0].plan.create == {'name': 'Slack'}
    assert integrations[-1].plan.create == {'name': 'Integrations', 'components': ['new:Integrations/Slack', WEBHOOKS['id']]}
    # Webhooks leaves Platform with Integrations' create; Platform's own PATCH (for its description) leaves it out.
    assert platform[-1].plan.update == {'description': 'Core'}
    assert platform[-1].plan.members == [API['id'], DASHBOARD['id'], AUTHENTICATION['id']]


def test_a_top_level_entry_takes_its_component_out_of_its_group():
    (dummy, changes), = plan([{'name': 'API', 'previously': 'Platform/API'}]).units
    assert changes[0].plan.update == {'group_id': ''}


def test_two_entries_naming_one_component_is_a_problem():
    with pytest.raises(InputError) as caught:
        plan([{'name': 'Hooks', 'previously': 'Webhooks'}, {'group': 'Platform', 'components': [{'name': 'Webhooks'}]}])
    assert "component 'Hooks' and group 'Platform', component 'Webhooks' both name 'Platform/Webhooks'" in str(caught.value)


def test_pruning_deletes_only_unnamed_members_of_listed_groups():
    planned = plan([{'group': 'Platform', 'components': [{'name': 'API'}, {'name': 'Dashboard'}]}], prune=True)
    assert sorted(change.key for change in planned.removals) == ['Platform/Authentication', 'Platform/Webhooks']
    assert all(change.pruned for change in planned.removals)
    # Without pruning they stay, and EU, US and Status (not listed) are never touched.
    assert plan([{'group': 'Platform', 'components': [{'name': 'API'}]}]).removals == []


def test_an_absent_group_keeps_its_members_in_no_group_unless_pruning():
    removals = plan([{'group': 'EU', 'state': 'absent', 'components': [{'name': 'Compute', 'state': 'absent'}]}]).removals
    assert [(change.kind, change.key, change.action) for change in removals] == [
        ('component', 'EU/Compute', 'delete'), ('group', 'EU', 'delete')]
    assert [member['id'] for member in removals[-1].members] == [EU_STORAGE['id'], EU_DATABASE['id']]
    pruned = plan([{'group': 'EU', 'state': 'absent'}], prune=True).removals
    assert [change.key for change in pruned] == ['EU/Compute', 'EU/Storage', 'EU/Database', 'EU']
    assert pruned[-1].members == []


def test_settings_changes_compare_colours_as_colours():
    page = {'id': 'acmecloud123', 'css_greens': '#2FCC66', 'time_zone': 'UTC'}
    planned = plan_definition(checked_definition({'css_greens': '#2fcc66', 'time_zone': 'UTC'}, None, []), page=page)
    assert [(change.kind, change.action) for change in planned.settings] == [('profile', 'keep')]
    planned = plan_definition(checked_definition({'time_zone': 'Europe/Berlin'}, None, []), page=page)
    assert planned.settings[0].plan == {'time_zone': 'Europe/Berlin'}


def test_a_group_found_by_previously_is_renamed():
    (dummy, changes), = plan([{'group': 'Europe', 'previously': 'EU', 'components': [{'name': 'Compute'}]}]).units
    assert changes[-1].plan.update == {'name': 'Europe'}
    assert changes[0].action == 'keep'
    assert PLATFORM['id'] not in [change.current and change.current['id'] for change in changes]


def test_a_component_renamed_as_it_moves_is_moved_by_its_own_patch_not_its_groups():
    (dummy, changes), = plan([{'group': 'EU', 'components': [
        {'name': 'Compute'}, {'name': 'Hooks', 'previously': 'Platform/Webhooks'}]}]).units
    assert changes[1].plan.update == {'name': 'Hooks', 'group_id': EU['id']}
    assert changes[-1].action == 'keep' and changes[-1].plan.update == {}
