# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Finding components and component groups, and who may see a component; shared by
statuspage_component, statuspage_component_group, statuspage_component_info and the page
definition.

Private to community.statuspage: it may change without notice.

Everything is found in one read: ``GET .../components`` lists the page's components and its
groups (a group has ``"group": true``, a member its ``group_id``), one request per 100, as a
``_resolve.Catalog``. A group's members are taken from their ``group_id`` (a field of the
described Component), never from the group's ``components`` (declared a string, see the
emulator's description bugs). Names are unique only within a group, so a component is found by
its name within its group, as everywhere else in the collection.

Who may see a component costs more: ``read_access_holders`` reads the page access groups (they
carry their ``component_ids``) and every page access user's components (a user object does not
carry them), one request per user.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.community.statuspage.plugins.module_utils._api_url import api_path
from ansible_collections.community.statuspage.plugins.module_utils._errors import InputError
from ansible_collections.community.statuspage.plugins.module_utils._groups import list_groups
from ansible_collections.community.statuspage.plugins.module_utils._member_kinds import COMPONENT
from ansible_collections.community.statuspage.plugins.module_utils._users import list_users, read_grants

# "Anywhere on the page", as opposed to a group id or None (in no group).
ANY_GROUP = object()


def components_path(page_id, *rest):
    return api_path('pages', page_id, 'components', *rest)


def component_groups_path(page_id, *rest):
    return api_path('pages', page_id, 'component-groups', *rest)


def load_components(client, page_id):
    """The page's components and groups as a ``Catalog``: one request per 100."""
    return COMPONENT.load(client, page_id)


def member_ids(catalog, group_id):
    """The ids of a group's members (``None``: of the components in no group), in the page's order."""
    return [item['id'] for item in catalog.items
            if not item.get('group') and (item.get('group_id') or None) == group_id]


def groups_named(catalog, name):
    return [group for group in catalog.groups.values() if group.get('name') == name]


def _listing(catalog, items):
    return ', '.join('%r (%s)' % (item.get('name') if item.get('group') else catalog.label(item['id']), item['id'])
                     for item in items)


def find_component_group(catalog, name=None, group_id=None):
    """The group with ``group_id``, or else the one named ``name``; ``None`` when there is none.

    Statuspage does not keep group names unique: a name shared by several groups is an
    ``InputError`` naming their ids, raised before anything is written.
    """
    if group_id:
        return catalog.groups.get(group_id)
    matches = groups_named(catalog, name)
    if len(matches) > 1:
        raise InputError('name %r names %d component groups (%s): use group_id to choose one' % (
            name, len(matches), _listing(catalog, matches)))
    return matches[0] if matches else None


def resolve_group(catalog, reference, option='group'):
    """``(group id, problem)`` for a group name or id; ``''`` means "in no group": ``(None, None)``."""
    reference = str(reference).strip()
    if not reference:
        return None, None
    if reference in catalog.groups:
        return reference, None
    matches = groups_named(catalog, reference)
    if len(matches) == 1:
        return matches[0]['id'], None
    if matches:
        return None, '%s: component group name %r is ambiguous: it is any of %s; use the id' % (
            option, reference, _listing(catalog, matches))
    known = sorted(group.get('name') for group in catalog.groups.values())
    return None, '%s: no component group %r on this page; %s' % (
        option, reference, ('the page has ' + ', '.join(repr(name) for name in known)) if known
        else 'the page has no component groups (create one with community.statuspage.statuspage_component_group)')


def components_named(catalog, name, group_id=ANY_GROUP):
    """The components called exactly ``name``, in the group ``group_id`` unless ``ANY_GROUP``."""
    return [item for item in catalog.by_id.values() if item.get('name') == name
            and (group_id is ANY_GROUP or (item.get('group_id') or None) == group_id)]


def find_component(catalog, name=None, group_id=ANY_GROUP, component_id=None, previously=None, where='name'):
    """``(component or None, problem or None)``: the component a task or a page file entry means.

    By ``component_id`` if given; else by ``name`` within the group ``group_id`` (anywhere when
    ``ANY_GROUP``; a name several components have there is a problem); else, when nothing has
    that name there, by ``previously`` (an id, a name or ``Group/Name`` resolved as everywhere in
    the collection): what the component was called, or where it was, before a rename or a move.
    ``previously`` is only a fallback, so a task that moved a component finds it in its new
    place the next time and stays idempotent.
    """
    if component_id:
        return catalog.by_id.get(component_id), None
    named = components_named(catalog, name, group_id)
    if len(named) > 1:
        return None, '%s %r is ambiguous: it is any of %s; give its group, or its id' % (
            where, name, _listing(catalog, named))
    if named:
        return named[0], None
    if previously:
        matches = catalog.matches(previously)
        if len(matches) > 1:
            return None, 'previously %r is ambiguous: it is any of %s; write "Group/Name" or the id' % (
                previously, _listing(catalog, [catalog.by_id[item_id] for item_id in matches]))
        if matches:
            return catalog.by_id[matches[0]], None
    return None, None


def resolve_members(catalog, group_id, references, option='components'):
    """``(ids, problems)`` for a group's members: names are looked for among its members first.

    So ``Compute`` in group EU means EU's Compute, however many other groups have one, and a
    ``Group/Name`` that named a component in its old group still finds it once it has moved into
    this one (the task that moved it stays idempotent). Anything else resolves as everywhere.
    """
    members = [catalog.by_id[item_id] for item_id in member_ids(catalog, group_id)] if group_id else []
    ids, problems = [], []
    for reference in references:
        text = str(reference).strip()
        # The name itself, then what follows each "/" (a name may hold a "/" too).
        own = []
        for name in [text] + [text[index + 1:] for index, char in enumerate(text) if char == '/']:
            own = [member for member in members if member.get('name') == name]
            if own:
                break
        if len(own) == 1:
            item_id, problem = own[0]['id'], None
        elif text in catalog.groups or (not own and groups_named(catalog, text) and not catalog.matches(text)):
            item_id, problem = None, '%r is a component group: groups cannot be nested' % text
        else:
            item_id, problem = catalog.resolve_one(text)
        if problem:
            problems.append('%s: %s' % (option, problem))
        elif item_id not in ids:
            ids.append(item_id)
    return ids, problems


def describe_component(catalog, component):
    """A component as modules return it: as the API answers, with ``group_name`` added."""
    if component is None:
        return None
    return dict(component, group_name=None if component.get('group') else catalog.group_name(component))


def read_access_holders(client, page_id, component_ids):
    """``{component id: {'users': [e-mails], 'groups': [names]}}``: who would lose each component.

    Costs one request per 100 page access groups, one per 100 page access users, and one per
    page access user (their components), whatever the number of components asked about.
    """
    wanted = set(component_ids)
    holders = dict((component_id, {'users': [], 'groups': []}) for component_id in wanted)
    if not wanted:
        return holders
    for group in list_groups(client, page_id):
        for component_id in wanted & set(group.get('component_ids') or []):
            holders[component_id]['groups'].append(group.get('name') or group['id'])
    for user in list_users(client, page_id):
        granted = set(item['id'] for item in read_grants(client, page_id, user['id'], COMPONENT))
        for component_id in wanted & granted:
            holders[component_id]['users'].append(user.get('email') or user['id'])
    for found in holders.values():
        found['users'].sort(key=lambda email: email.lower())
        found['groups'].sort()
    return holders
