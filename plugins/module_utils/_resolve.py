# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Turning what a person writes ("API", "EU/Compute", an id) into component and metric ids.

Private to community.statuspage: it may change without notice.

Every module that takes components or metrics resolves them here, so a name that resolves in
one module resolves the same way in all of them (statuspage_component_info included). A catalog
is built from one paginated list call and then answers any number of look-ups, so a task (or a
role onboarding hundreds of customers) reads the page's components once.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import difflib
import re

# Statuspage ids are 12 lowercase letters and digits.
ID_SHAPE = re.compile(r'^[a-z0-9]{12}$')


def looks_like_id(value):
    return bool(ID_SHAPE.match(value or ''))


class Catalog(object):
    """Components (with their groups) or metrics of one page, indexed for look-ups.

    ``kind`` is a ``_member_kinds.MemberKind``: its ``label`` is the word messages use, and
    ``grouped`` says whether members are described with their group.
    """

    def __init__(self, items, kind):
        self.kind = kind
        # As the API listed them (groups included), for the _info modules' output order.
        self.items = list(items)
        self.by_id = {}
        self.groups = {}
        self._by_name = {}
        for item in self.items:
            if item.get('group'):
                self.groups[item['id']] = item
            else:
                self.by_id[item['id']] = item
        for item in self.by_id.values():
            self._by_name.setdefault(item.get('name'), []).append(item)

    # ---- describing ---------------------------------------------------------------------------

    def group_name(self, item):
        group = self.groups.get(item.get('group_id') or '')
        return group.get('name') if group else None

    def _group_part(self, item):
        # A catalog built from a user's own components (no page list read) knows their group_id
        # but not the group's name: the id then stands in for it, so that two "Compute"s in
        # different groups still read differently (and the label still resolves, see matches).
        return self.group_name(item) or item.get('group_id') or None

    def label(self, item_id):
        """How a person knows the item: "Group/Name", "Name", or the bare id when unknown."""
        item = self.by_id.get(item_id)
        if item is None:
            return item_id
        name = item.get('name') or item_id
        group = self._group_part(item)
        return '%s/%s' % (group, name) if group else name

    def describe(self, item_id):
        """The shape modules return for a member: id, name and (for components) group, group_id.

        ``group`` is the group's name, ``None`` when the component is in no group or when the
        catalog does not know the group (built from a user's components only, see
        ``resolve_references``); ``group_id`` tells the two apart.
        """
        item = self.by_id.get(item_id, {})
        described = {'id': item_id, 'name': item.get('name')}
        if self.kind.grouped:
            described['group'] = self.group_name(item) if item else None
            described['group_id'] = item.get('group_id') or None
        return described

    def labels(self, ids):
        return sorted(self.label(item_id) for item_id in ids)

    # ---- resolving ----------------------------------------------------------------------------

    def resolve(self, references, option):
        """Ids for ``references``, and one message per reference that does not resolve.

        The messages name the option, the value, why it fails, and what would be valid, so that
        a task can report every bad value at once before it writes anything.
        """
        ids = []
        problems = []
        for reference in references:
            item_id, problem = self.resolve_one(reference)
            if problem:
                problems.append('%s: %s' % (option, problem))
            elif item_id not in ids:
                ids.append(item_id)
        return ids, problems

    def matches(self, reference):
        """Every id ``reference`` may mean, best first: an id, a name, or "Group/Name".

        One id means it resolves; several mean it is ambiguous; none, unknown. ``resolve`` and
        the _info modules' name filters both use this, so a name behaves the same everywhere.
        """
        reference = str(reference).strip()
        if reference in self.by_id:
            return [reference]
        named = self._by_name.get(reference, [])
        if named:
            return [item['id'] for item in self._sorted(named)]
        return self._grouped_matches(reference)

    def resolve_one(self, reference):
        reference = str(reference).strip()
        if reference in self.groups:
            return None, self._group_problem(self.groups[reference], reference)
        ids = self.matches(reference)
        if len(ids) == 1:
            return ids[0], None
        if len(ids) > 1:
            return None, '%s name %r is ambiguous: it is any of %s; write "Group/Name" or the id' % (
                self.kind.label, reference, ', '.join('%r (%s)' % (self.label(item_id), item_id) for item_id in ids))
        for group in self.groups.values():
            if group.get('name') == reference:
                return None, self._group_problem(group, reference)
        return None, self._unknown_problem(reference)

    def _grouped_matches(self, reference):
        # A name may itself contain "/", so try every split point: "EU/Compute", "A/B/C".
        # Two groups may share a name: then "EU/Compute" is ambiguous, not the first one found.
        found = []
        for position in [index for index, char in enumerate(reference) if char == '/']:
            group_part, name = reference[:position], reference[position + 1:]
            for item in self._sorted(self._by_name.get(name, [])):
                if group_part in (self.group_name(item), item.get('group_id')) and item['id'] not in found:
                    found.append(item['id'])
        return found

    def _group_problem(self, group, reference):
        members = [self.label(item_id) for item_id in group.get('components') or []]
        return '%r is a component group, not a component; name its components%s' % (
            reference, (': ' + ', '.join(sorted(members))) if members else '')

    def _unknown_problem(self, reference):
        known = sorted(set(self.label(item_id) for item_id in self.by_id))
        close = difflib.get_close_matches(reference, known, n=3, cutoff=0.6)
        if close:
            hint = 'did you mean %s?' % ', '.join(repr(name) for name in close)
        elif known:
            hint = 'the page has %s' % ', '.join(repr(name) for name in known[:20])
            if len(known) > 20:
                hint += ' and %d more' % (len(known) - 20)
        else:
            hint = 'the page has no %ss' % self.kind.label
        return 'no %s %r on this page; %s' % (self.kind.label, reference, hint)

    def _sorted(self, items):
        return sorted(items, key=lambda item: self.label(item['id']))


def needs_catalog(references, known_ids=()):
    """Whether resolving needs the page's list of components (or metrics).

    Names always do. Ids do only when they are not already among ``known_ids`` (what the user or
    group has): those would be granted, and an unknown id must fail before any write, not in
    the middle of a task.
    """
    known_ids = set(known_ids)
    return any(not looks_like_id(str(reference)) or str(reference) not in known_ids
               for reference in references or [])


def resolve_references(client, page_id, references, kind, option, members=(), catalog=None):
    """Resolve ``references`` of ``kind`` (a ``MemberKind``) for ``option``: ``(ids, catalog, problems)``.

    ``members`` are the component (or metric) objects the user or group has now; they carry
    names, so when every reference is one of their ids no list call is made and the returned
    catalog is built from them. Pass a loaded ``catalog`` to share one list call between tasks
    or users.
    """
    members = list(members or [])
    if catalog is None and needs_catalog(references, [member['id'] for member in members]):
        catalog = kind.load(client, page_id)
    if catalog is None:
        catalog = Catalog(members, kind)
    ids, problems = catalog.resolve(references or [], option)
    return ids, catalog, problems
