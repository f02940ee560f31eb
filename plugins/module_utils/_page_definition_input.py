# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""A page definition as a file holds it: its shape, and everything wrong with it, all at once.

Private to community.statuspage: it may change without notice.

The bulk layer of the page definition (``_page_definition_*``) composes the component, group
and settings reconcilers for a whole page; this file is its input. ``checked_definition``
validates the profile, the status embed config and the component tree without any request,
and raises one ``InputError`` listing every problem (an unknown key, a wrong type, a bad status
or date, a name listed twice, a group nested in a group, a group without components), each
naming where it is.

The tree is a list, in the page's order: an entry with ``group`` is a component group (with its
``components``), an entry with ``name`` a component in no group.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import difflib

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.community.statuspage.plugins.module_utils._compare import requested_fields
from ansible_collections.community.statuspage.plugins.module_utils._errors import InputError
from ansible_collections.community.statuspage.plugins.module_utils._module_component import (
    component_options,
    date_problem,
)
from ansible_collections.community.statuspage.plugins.module_utils._page_fields import (
    EMBED_FIELDS,
    PROFILE_FIELDS,
    embed_options,
    embed_problems,
    profile_options,
    profile_problems,
)

STATES = ['present', 'absent']
# A component entry, as the module's DOCUMENTATION describes it (a unit test keeps them equal).
COMPONENT_ENTRY = dict(name=dict(type='str', required=True), **component_options())
GROUP_ENTRY = dict(
    group=dict(type='str', required=True),
    description=dict(type='str'),
    components=dict(type='list', elements='raw', default=[]),
    previously=dict(type='str'),
    state=dict(type='str', choices=STATES, default='present'),
)
# The component fields an entry sets, as the API names them.
COMPONENT_FIELDS = ('name', 'description', 'status', 'showcase', 'only_show_if_degraded', 'start_date')


def _unknown_keys(where, entry, spec, problems):
    for key in sorted(set(entry) - set(spec), key=str):
        close = difflib.get_close_matches(str(key), list(spec), n=1)
        problems.append('%s has an unknown key %r%s (it may have %s)' % (
            where, key, ' (did you mean %r?)' % close[0] if close else '', ', '.join(spec)))


def checked_entry(where, entry, spec, problems):
    """``entry`` with its defaults, or ``None``; its problems are added to ``problems``."""
    if not isinstance(entry, dict):
        problems.append('%s is %r, not a dictionary' % (where, entry))
        return None
    _unknown_keys(where, entry, spec, problems)
    result = ArgumentSpecValidator(spec).validate(dict((key, value) for key, value in entry.items() if key in spec))
    problems.extend('%s: %s' % (where, message) for message in result.error_messages)
    checked = result.validated_parameters
    if checked.get('start_date') is not None:
        problem = date_problem(checked['start_date'], '%s start_date' % where)
        if problem:
            problems.append(problem)
    for key in ('name', 'group'):
        if key in spec and isinstance(checked.get(key), str) and not checked[key].strip():
            problems.append('%s: %s must not be empty' % (where, key))
    return checked


def _where(position, entry, group=None):
    if isinstance(entry, dict) and (entry.get('group') or entry.get('name')):
        kind, name = ('group', entry['group']) if entry.get('group') else ('component', entry['name'])
        label = '%s %r' % (kind, name)
    else:
        label = 'entry #%d' % position
    return 'group %r, %s' % (group, label) if group else label


def _checked_member(group_where, group_name, position, entry, problems):
    if isinstance(entry, dict) and 'group' in entry:
        problems.append('%s lists group %r: groups cannot be nested (Statuspage has two levels, groups and '
                        'their components)' % (group_where, entry.get('group')))
        return None
    member = checked_entry(_where(position, entry, group_name), entry, COMPONENT_ENTRY, problems)
    if member is not None:
        member.update(kind='component', where=_where(position, entry, group_name), group=group_name)
    return member


def _checked_group(where, entry, problems):
    group = checked_entry(where, entry, GROUP_ENTRY, problems)
    if group is None:
        return None
    members = []
    for position, member in enumerate(group.get('components') or [], 1):
        checked = _checked_member(where, group['group'], position, member, problems)
        if checked is not None:
            members.append(checked)
    group.update(kind='group', where=where, name=group['group'], components=members)
    _twice([member['name'] for member in members], '%s lists component %%r twice' % where, problems)
    present = [member for member in members if member['state'] == 'present']
    if group['state'] == 'present' and not present:
        problems.append('%s has no component: Statuspage keeps no empty group (list its components, or set '
                        'state: absent to delete it)' % where)
    if group['state'] == 'absent' and present:
        problems.append('%s is absent but lists %s as present: move them out of it, or mark them absent' % (
            where, ', '.join(repr(member['name']) for member in present)))
    return group


def _twice(names, message, problems):
    seen = set()
    for name in names:
        if name in seen:
            problems.append(message % name)
        seen.add(name)


def checked_tree(entries, problems):
    """The tree's entries with their defaults (``kind``, ``where`` and, for members, ``group`` added)."""
    tree = []
    for position, entry in enumerate(entries or [], 1):
        where = _where(position, entry)
        if isinstance(entry, dict) and 'group' in entry:
            checked = _checked_group(where, entry, problems)
        else:
            checked = checked_entry(where, entry, COMPONENT_ENTRY, problems)
            if checked is not None:
                checked.update(kind='component', where=where, group=None)
        if checked is not None:
            tree.append(checked)
    _twice([entry['name'] for entry in tree],
           'components lists %r twice at the top level (a group and the components in no group share it)', problems)
    return tree


def checked_settings(name, values, spec, fields, check, problems):
    """The settings a dictionary sets (profile or status embed config), checked."""
    if not values:
        return {}
    checked = checked_entry(name, values, spec, problems) or {}
    desired = requested_fields(checked, fields)
    problems.extend('%s: %s' % (name, problem) for problem in check(desired))
    return desired


class Definition(object):
    """A checked page definition: ``profile`` and ``status_embed_config`` (the fields set) and ``tree``."""

    def __init__(self, profile, status_embed_config, tree, prune=False):
        self.profile, self.status_embed_config = profile, status_embed_config
        self.tree, self.prune = tree, prune


def checked_definition(profile, status_embed_config, components, prune=False):
    """The definition, or one ``InputError`` naming every problem, before any request."""
    problems = []
    desired_profile = checked_settings('profile', profile, profile_options(), PROFILE_FIELDS, profile_problems,
                                       problems)
    desired_embed = checked_settings('status_embed_config', status_embed_config, embed_options(), EMBED_FIELDS,
                                     embed_problems, problems)
    tree = checked_tree(components, problems)
    if prune and not tree:
        problems.append('prune=true with no components would leave nothing to own; list the page\'s groups')
    raise_definition_problems(problems)
    return Definition(desired_profile, desired_embed, tree, prune)


def raise_definition_problems(problems):
    if problems:
        raise InputError('%d problem(s) in the page definition, nothing was written: %s' % (
            len(problems), '; '.join(problems)))
