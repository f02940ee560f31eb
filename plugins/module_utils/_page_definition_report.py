# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""How the page definition reports its changes: the summary, the plan, the diff.

Private to community.statuspage: it may change without notice.

Each component in the diff has the shape statuspage_component's diff gives it (its name, its
group's name, the fields the file sets, and for a deletion who may see it), under
``component Group/Name``; each group the shape statuspage_component_group's diff gives it, under
``group NAME``; the profile and the status embed config the shape of statuspage_page and
statuspage_status_embed_config, under ``profile`` and ``status_embed_config``.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.community.statuspage.plugins.module_utils._compare import diff_of
from ansible_collections.community.statuspage.plugins.module_utils._page_definition_plan import (
    CREATE,
    DELETE,
    KEEP,
    UPDATE,
)
from ansible_collections.community.statuspage.plugins.module_utils._reconcile_component import diff_view as component_view
from ansible_collections.community.statuspage.plugins.module_utils._reconcile_component_group import (
    deletion_view,
    diff_view as group_view,
)

COUNTED = {CREATE: 'created', UPDATE: 'updated', DELETE: 'deleted', KEEP: 'unchanged'}


def count_changes(changes):
    """How many components and groups are (or would be) created, updated, deleted or left alone."""
    counts = {'settings_changed': 0, 'components_pruned': 0}
    for kind in ('components', 'groups'):
        for counted in COUNTED.values():
            counts['%s_%s' % (kind, counted)] = 0
    for change in changes:
        if change.kind in ('profile', 'status_embed_config'):
            counts['settings_changed'] += change.action != KEEP
            continue
        counts['%ss_%s' % (change.kind, COUNTED[change.action])] += 1
        counts['components_pruned'] += change.pruned
    return counts


def plan_result(changes):
    """What is (or in check mode would be) done: each changing object's kind, name, id and action."""
    return [{'kind': change.kind, 'name': change.key, 'id': (change.current or {}).get('id'),
             'action': change.action, 'pruned': change.pruned} for change in changes]


def _member_labels(catalog, group_name, refs):
    return ['%s/%s' % (group_name, (catalog.by_id.get(ref) or {}).get('name', ref))
            if not ref.startswith('new:') else ref[len('new:'):] for ref in refs]


def _group_views(change, catalog):
    now = change.plan.current_members if change.plan is not None else []
    if change.action == DELETE:
        labels = [catalog.label(item_id) for item_id in
                  [member['id'] for member in change.members] + _deleted_with(change, catalog)]
        before = group_view(change.current, ['components'], labels)
        return before, deletion_view([catalog.label(member['id']) for member in change.members], False)
    before = group_view(change.current, change.fields, [catalog.label(item_id) for item_id in now])
    after = group_view(change.after or change.current, change.fields,
                       _member_labels(catalog, change.key, change.plan.members))
    return before, after


def _deleted_with(change, catalog):
    # A group's members deleted before it (explicitly or pruned) were its members too.
    kept = set(member['id'] for member in change.members)
    return [item['id'] for item in catalog.by_id.values()
            if item.get('group_id') == change.current['id'] and item['id'] not in kept]


def _component_views(change):
    before = component_view(change.current, change.fields, change.before_group, change.access)
    if change.action == DELETE:
        return before, {'state': 'absent'}
    return before, component_view(change.after or change.current, change.fields, change.group)


def definition_diff(changes, catalog=None):
    """``before``/``after`` keyed by ``profile``, ``status_embed_config``, ``group NAME``, ``component LABEL``."""
    before, after = {}, {}
    for change in changes:
        if change.kind in ('profile', 'status_embed_config'):
            shown = diff_of(change.current, change.after, change.fields)
            key = change.kind
        elif change.kind == 'group':
            shown = dict(zip(('before', 'after'), _group_views(change, catalog)))
            key = 'group %s' % change.key
        else:
            shown = dict(zip(('before', 'after'), _component_views(change)))
            key = 'component %s' % change.key
        before[key], after[key] = shown['before'], shown['after']
    return {'before': before, 'after': after}
