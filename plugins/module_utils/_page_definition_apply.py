# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Carrying out a page definition's plan through the reconcilers, a part at a time.

Private to community.statuspage: it may change without notice.

``select`` picks the part a task applies (the settings, some top-level entries of the tree,
or the removals); ``apply_plan`` carries it out with ``ensure_settings``, ``ensure_component``,
``ensure_component_group``, ``remove_component`` and ``remove_component_group``, so every check
the single-resource modules make (a field Statuspage did not apply, a create never repeated
blindly) holds here too. Within a top-level group, new components are created first; the
group's own request (its create, or the PATCH that moves components in) comes last and names
them by the ids their creates answered.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.community.statuspage.plugins.module_utils._api_url import api_path
from ansible_collections.community.statuspage.plugins.module_utils._components import read_access_holders
from ansible_collections.community.statuspage.plugins.module_utils._errors import InputError
from ansible_collections.community.statuspage.plugins.module_utils._page_definition_plan import (
    DELETE,
    DefinitionPlan,
)
from ansible_collections.community.statuspage.plugins.module_utils._pages import status_embed_config_path
from ansible_collections.community.statuspage.plugins.module_utils._reconcile_component import (
    ensure_component,
    remove_component,
)
from ansible_collections.community.statuspage.plugins.module_utils._reconcile_component_group import (
    ensure_component_group,
    remove_component_group,
)
from ansible_collections.community.statuspage.plugins.module_utils._reconcile_settings import ensure_settings

PARTS = ('all', 'settings', 'components', 'removals')


def select(plan, part='all', only=None):
    """The part of ``plan`` a task applies; ``only`` names top-level entries of the tree."""
    units = plan.units
    if only is not None:
        names = plan.names
        unknown = [name for name in only if name not in names]
        if unknown:
            raise InputError('only: %s %s not a top-level entry of components to apply (they are %s)' % (
                ', '.join(repr(name) for name in unknown), 'is' if len(unknown) == 1 else 'are',
                ', '.join(repr(name) for name in names) or 'none'))
        units = [(name, changes) for name, changes in plan.units if name in only]
    return DefinitionPlan(plan.settings if part in ('all', 'settings') else [],
                          units if part in ('all', 'components') else [],
                          plan.removals if part in ('all', 'removals') else [], plan.names)


def read_access(client, page_id, removals):
    """Who may see each component the removals delete (``change.access``): see ``read_access_holders``."""
    doomed = [change for change in removals if change.kind == 'component' and change.action == DELETE]
    if not doomed:
        return
    holders = read_access_holders(client, page_id, [change.current['id'] for change in doomed])
    for change in doomed:
        change.access = holders[change.current['id']]


def _settings_path(kind, page_id):
    if kind == 'profile':
        return api_path('pages', page_id), 'page'
    return status_embed_config_path(page_id), 'status_embed_config'


def _resolved(plan, created):
    members = [created.get(ref, ref) for ref in plan.members]
    create = dict(plan.create, components=members) if plan.create is not None else None
    update = dict(plan.update, components=members) if 'components' in plan.update else plan.update
    return plan._replace(members=members, create=create, update=update)


def apply_unit(client, page_id, changes, check_mode=False):
    """One top-level entry: a component, or a group's members and then the group."""
    created = {}
    for change in changes:
        if change.kind == 'component':
            dummy, change.after = ensure_component(client, page_id, change.plan, check_mode)
            if change.placeholder:
                created[change.placeholder] = (change.after or {}).get('id')
        else:
            plan = _resolved(change.plan, created)
            dummy, after = ensure_component_group(client, page_id, plan, check_mode)
            change.after = dict(after, components=list(plan.members))


def apply_plan(client, page_id, plan, check_mode=False):
    """Carry out ``plan`` in order (settings, top-level entries, removals); each change gets ``after``."""
    for change in plan.settings:
        path, wrapper = _settings_path(change.kind, page_id)
        dummy, change.after = ensure_settings(client, path, wrapper, change.current, change.plan, check_mode)
    for dummy, changes in plan.units:
        apply_unit(client, page_id, changes, check_mode)
    for change in plan.removals:
        if change.kind == 'component':
            remove_component(client, page_id, change.current, check_mode)
        else:
            remove_component_group(client, page_id, change.current, change.members, check_mode=check_mode)
