# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Planning a page definition against what the page has, by composing the reconcilers' plans.

Private to community.statuspage: it may change without notice.

Pure: it takes what ``_page_definition_page`` read (the page, its status embed config, its
``Catalog`` of components) and a checked ``Definition``, and returns a ``DefinitionPlan``. Each
component is planned by ``_reconcile_component.plan_component`` and each group by
``_reconcile_component_group``'s ``GroupPlan``, as the single-resource modules plan them.

How an entry finds its component: by its name within its group (a top-level entry: among the
components in no group), else by ``previously``, as statuspage_component does. An entry whose
component is found in another group moves it: one PATCH of its new group carries every
component that joins (the group's ``components`` is its whole member set), a top-level entry's
own PATCH takes it out of its group. Two entries that find the same component are a problem.

What the file owns (pruning): the groups it lists. With ``prune``, a component in a listed group
that no entry names is deleted, and so is such a member of a group marked absent (without
``prune`` those members are kept, in no group). Components in no group and groups the file does
not list are never deleted unless an entry names them with ``state: absent``.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.community.statuspage.plugins.module_utils._components import (
    find_component,
    groups_named,
    member_ids,
)
from ansible_collections.community.statuspage.plugins.module_utils._page_definition_input import (
    COMPONENT_FIELDS,
    raise_definition_problems,
)
from ansible_collections.community.statuspage.plugins.module_utils._page_fields import (
    EMBED_COLOUR_FIELDS,
    PROFILE_COLOUR_FIELDS,
)
from ansible_collections.community.statuspage.plugins.module_utils._reconcile_component import (
    group_of,
    plan_component,
    same_value,
)
from ansible_collections.community.statuspage.plugins.module_utils._reconcile_component_group import GroupPlan
from ansible_collections.community.statuspage.plugins.module_utils._reconcile_settings import plan_settings

CREATE, UPDATE, DELETE, KEEP = 'create', 'update', 'delete', 'keep'
# The id of a group that does not exist yet: no component is in it.
NOWHERE = object()


class Change(object):
    """One settings object, component or group: ``kind``, ``key`` (how a person knows it), the
    ``action`` (``CREATE``, ``UPDATE``, ``DELETE``, ``KEEP``), what was read (``current``) and the
    reconciler's ``plan``. Components carry ``group`` (the group's name afterwards) and ``before_group``;
    a new one a ``placeholder`` its group's plan names it by until it has an id. A group to delete
    carries the ``members`` it keeps in no group. ``after`` and ``access`` are filled in later.
    """

    def __init__(self, kind, key, action, current=None, plan=None, **extra):
        self.kind, self.key, self.action, self.current, self.plan = kind, key, action, current, plan
        self.group = extra.get('group')
        self.before_group = extra.get('before_group')
        self.placeholder = extra.get('placeholder')
        self.members = extra.get('members', [])
        self.pruned = extra.get('pruned', False)
        self.fields = extra.get('fields', [])
        self.after = None
        self.access = None


class DefinitionPlan(object):
    """``settings`` (profile, status embed config), ``units`` (``(name, changes)`` per present
    top-level entry, applied in order), ``removals`` (deletions, applied last: components, then
    groups) and ``names`` (every top-level entry's name, absent ones included)."""

    def __init__(self, settings, units, removals, names=()):
        self.settings, self.units, self.removals = settings, units, removals
        self.names = list(names)

    def all_changes(self):
        return self.settings + [change for dummy, changes in self.units for change in changes] + self.removals


def _label(group_name, name):
    return '%s/%s' % (group_name, name) if group_name else name


class _Matcher(object):
    """Finds each entry's group or component on the page; records who claims what."""

    def __init__(self, catalog, problems):
        self.catalog, self.problems = catalog, problems
        self.claims = {}  # page id -> (where, the name of the listed group the entry is in, or None)

    def claim(self, item, where, group_name):
        if item is None:
            return
        if item['id'] in self.claims:
            self.problems.append('%s and %s both name %r (%s): a component is in one place on the page' % (
                self.claims[item['id']][0], where, self.catalog.label(item['id']) if not item.get('group')
                else item.get('name'), item['id']))
        else:
            self.claims[item['id']] = (where, group_name)

    def group(self, entry):
        named = groups_named(self.catalog, entry['name'])
        if not named and entry.get('previously'):
            reference = entry['previously']
            named = [self.catalog.groups[reference]] if reference in self.catalog.groups \
                else groups_named(self.catalog, reference)
        if len(named) > 1:
            self.problems.append('%s: %d component groups on the page have that name (%s); give previously '
                                 'the id of the one to keep' % (entry['where'], len(named), ', '.join(
                                     group['id'] for group in named)))
            return None
        found = named[0] if named else None
        self.claim(found, entry['where'], None)
        return found

    def component(self, entry, group_id, group_name):
        found, problem = find_component(self.catalog, entry['name'], group_id=group_id,
                                        previously=entry.get('previously'), where=entry['where'])
        if problem:
            self.problems.append(problem)
        self.claim(found, entry['where'], group_name)
        return found


def _component_fields(entry):
    return dict((field, entry[field]) for field in COMPONENT_FIELDS if entry.get(field) is not None)


def _deletion(catalog, current, pruned=False):
    return Change('component', catalog.label(current['id']), DELETE, current, pruned=pruned,
                  before_group=catalog.group_name(current))


class _Planner(object):
    def __init__(self, catalog, matcher, prune):
        self.catalog, self.matcher, self.prune = catalog, matcher, prune
        self.deletions, self.group_deletions = [], []

    def unclaimed(self, group_id):
        return [item_id for item_id in member_ids(self.catalog, group_id) if item_id not in self.matcher.claims]

    def leaving(self, group_id, group_name):
        return set(item_id for item_id in member_ids(self.catalog, group_id)
                   if item_id in self.matcher.claims and self.matcher.claims[item_id][1] != group_name)

    def component(self, entry, current, group_id, group_name):
        """The change of a component entry present in a group (``group_id``) or in none."""
        desired = _component_fields(entry)
        before_group = self.catalog.group_name(current) if current else None
        if current is None:
            if group_id is not None and group_id is not NOWHERE:
                desired['group_id'] = group_id
            elif group_name is None:
                desired['group_id'] = ''
            return Change('component', _label(group_name, entry['name']), CREATE, None, plan_component(None, desired),
                          group=group_name, placeholder='new:%s' % _label(group_name, entry['name']),
                          fields=sorted(desired))
        if group_name is None:
            desired['group_id'] = ''
        plan = plan_component(current, desired)
        moving = group_name is not None and group_of(current.get('group_id')) != group_id
        if moving and plan.changed and group_id is not NOWHERE:
            # It is written anyway: its own PATCH moves it too, and its group's need not.
            desired['group_id'] = group_id
            plan = plan_component(current, desired)
        return Change('component', _label(group_name, entry['name']), UPDATE if plan.changed or moving else KEEP,
                      current, plan, group=group_name, before_group=before_group, fields=sorted(desired))

    def group(self, entry, current, member_currents):
        """The changes of a present group: its members first, then the group's own request."""
        group_id = current['id'] if current else NOWHERE
        changes, refs = [], []
        joining = []  # existing components that only the group's request moves in
        for member, found in zip(entry['components'], member_currents):
            if member['state'] == 'absent':
                if found is not None:
                    self.deletions.append(_deletion(self.catalog, found))
                continue
            change = self.component(member, found, group_id, entry['name'])
            changes.append(change)
            refs.append(change.placeholder or found['id'])
            if found is not None and 'group_id' not in change.plan.update:
                joining.append(found['id'])
        desired = {'name': entry['name']}
        if entry.get('description') is not None:
            desired['description'] = entry['description']
        if current is None:
            plan = GroupPlan(desired, None, [], refs, dict(desired, components=refs), {})
            changes.append(Change('group', entry['name'], CREATE, None, plan, fields=sorted(desired) + ['components']))
            return changes
        now = member_ids(self.catalog, current['id'])
        leaving = self.leaving(current['id'], entry['name'])
        final = [item_id for item_id in now if item_id not in leaving] + [ref for ref in refs if ref not in now]
        update = dict((field, value) for field, value in desired.items()
                      if not same_value(field, current.get(field), value))
        if any(ref not in now for ref in joining):
            update['components'] = final  # existing components join: the one request that moves them all
        changes.append(Change('group', entry['name'], UPDATE if update else KEEP, current,
                              GroupPlan(desired, current, now, final, None, update),
                              fields=sorted(desired) + ['components']))
        if self.prune:
            self.deletions.extend(_deletion(self.catalog, self.catalog.by_id[item_id], pruned=True)
                                  for item_id in self.unclaimed(current['id']))
        return changes

    def absent_group(self, entry, current, member_currents):
        if current is None:
            return
        for member, found in zip(entry['components'], member_currents):
            if found is not None:
                self.deletions.append(_deletion(self.catalog, found))
        kept = [self.catalog.by_id[item_id] for item_id in self.unclaimed(current['id'])]
        if self.prune:
            self.deletions.extend(_deletion(self.catalog, item, pruned=True) for item in kept)
            kept = []
        self.group_deletions.append(Change('group', entry['name'], DELETE, current, members=kept))


def plan_tree(catalog, tree, prune=False):
    """``(units, removals)`` for the tree, or one ``InputError`` naming every page-relative problem."""
    problems = []
    matcher = _Matcher(catalog, problems)
    found = []
    for entry in tree:
        if entry['kind'] == 'group':
            group = matcher.group(entry)
            group_id = group['id'] if group else NOWHERE
            found.append((group, [matcher.component(member, group_id, entry['name']) for member in entry['components']]))
        else:
            found.append((matcher.component(entry, None, None), None))
    raise_definition_problems(problems)
    planner = _Planner(catalog, matcher, prune)
    units = []
    for entry, (current, members) in zip(tree, found):
        if entry['kind'] == 'group' and entry['state'] == 'present':
            units.append((entry['name'], planner.group(entry, current, members)))
        elif entry['kind'] == 'group':
            planner.absent_group(entry, current, members)
        elif entry['state'] == 'present':
            units.append((entry['name'], [planner.component(entry, current, None, None)]))
        elif current is not None:
            planner.deletions.append(_deletion(catalog, current))
    return units, planner.deletions + planner.group_deletions


def plan_settings_change(kind, current, desired, colour_fields):
    """The change of the profile or the status embed config (``None`` when the file sets nothing)."""
    if not desired:
        return None
    changes = plan_settings(current, desired, colour_fields=colour_fields)
    return Change(kind, kind, UPDATE if changes else KEEP, current, changes, fields=sorted(desired))


def plan_definition(definition, page=None, embed_config=None, catalog=None):
    """The ``DefinitionPlan`` of a checked definition against what was read."""
    settings = [change for change in (
        plan_settings_change('profile', page, definition.profile, PROFILE_COLOUR_FIELDS),
        plan_settings_change('status_embed_config', embed_config, definition.status_embed_config,
                             EMBED_COLOUR_FIELDS)) if change is not None]
    units, removals = plan_tree(catalog, definition.tree, definition.prune) if catalog is not None else ([], [])
    return DefinitionPlan(settings, units, removals, [entry['name'] for entry in definition.tree])
