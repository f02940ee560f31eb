# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The reconciler of one component: plan, ensure, remove, set a status, and the diff view.

Private to community.statuspage: it may change without notice.

A component is one object: every field, its group included, is set by one create or one
PATCH. Group membership is the component's ``group_id`` (the described request schemas have it,
and 'If group_id is "null" then the component will be removed from a group', the description
of PATCH .../components/{id}; winebarrel/terraform-provider-statuspage sends it on create and
update); so moving a component between groups, or out of every group, is one PATCH of the
component. statuspage_component (one component) and the page definition (a whole page) both
go through here:

- ``desired``: API fields, only those the task sets; ``group_id`` ``''`` means "in no group";
- ``plan_component(current, desired)`` is pure;
- ``ensure_component(client, page_id, plan, check_mode)`` returns ``(changed, after)`` and
  fails when Statuspage answers a write without applying a field (``position`` is read-only
  on pages that do not honour it, see ``docs/docsite/rst/guide_emulator.rst``);
- ``remove_component`` deletes it (Statuspage then revokes it from every page access user and
  group: ``_components.read_access_holders`` says who, ``diff_view`` shows it);
- ``set_component_status`` sets one status: what a deploy or an incident does.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from collections import namedtuple

from ansible_collections.community.statuspage.plugins.module_utils._component_status import status_problem
from ansible_collections.community.statuspage.plugins.module_utils._components import components_path
from ansible_collections.community.statuspage.plugins.module_utils._errors import InputError, StatuspageError
from ansible_collections.community.statuspage.plugins.module_utils._write_policy import (
    CREATED,
    create_once,
    delete_if_present,
)

# Every field of the request schemas (postPagesPageIdComponents), and position where a page
# honours it (no request schema has it).
FIELDS = ('name', 'description', 'group_id', 'showcase', 'only_show_if_degraded', 'start_date', 'status', 'position')
# What takes a component out of its group: the description's words, which a form body can send too.
OUT_OF_GROUP = 'null'


def group_of(value):
    """The group id a ``group_id`` value means; ``None`` for "in no group" (null, '' or "null")."""
    return None if value in (None, '', OUT_OF_GROUP) else value


def same_value(field, have, wanted):
    if field == 'description':
        # An empty description and none at all read the same on the page.
        return (have or '') == (wanted or '')
    if field == 'group_id':
        return group_of(have) == group_of(wanted)
    if field == 'start_date':
        # A date; compared on the date part, whatever the API appends.
        return (str(have)[:10] if have else None) == (str(wanted)[:10] if wanted else None)
    if field == 'position':
        try:
            return int(have) == int(wanted)
        except (TypeError, ValueError):
            return False
    return have == wanted


def component_changes(current, desired):
    """The fields of ``desired`` that differ from ``current``: the content of one PATCH."""
    return dict((field, wanted) for field, wanted in desired.items()
                if not same_value(field, (current or {}).get(field), wanted))


class ComponentPlan(namedtuple('ComponentPlan', 'desired current create update')):
    """What ensuring ``desired`` would do: ``create`` (the POST's fields) or ``update`` (the PATCH's)."""

    __slots__ = ()

    @property
    def changed(self):
        return self.create is not None or bool(self.update)


def plan_component(current, desired):
    """Plan ``desired`` (API fields; ``None`` values are left out) against ``current`` or ``None``."""
    desired = dict((field, value) for field, value in desired.items() if value is not None)
    if current is None:
        return ComponentPlan(desired, None, dict(desired), {})
    return ComponentPlan(desired, current, None, component_changes(current, desired))


def _wire(fields, creating=False):
    body = dict(fields)
    if 'group_id' in body and group_of(body['group_id']) is None:
        if creating:
            del body['group_id']  # a new component is in no group unless told
        else:
            body['group_id'] = OUT_OF_GROUP
    return body


def predicted_component(plan, page_id):
    """The component as it would be after the plan: what check mode reports (a new one has no id)."""
    if plan.create is None:
        predicted = dict(plan.current, **plan.update)
    else:
        predicted = dict(plan.create, id=None, page_id=page_id, group=False)
    predicted['group_id'] = group_of(predicted.get('group_id'))
    return predicted


def _label(fields, current=None):
    return repr((fields.get('name') if fields.get('name') is not None else (current or {}).get('name'))
                or (current or {}).get('id'))


def check_applied(returned, asked, what):
    """Fail when Statuspage answered a write without applying what was asked (shown in its answer)."""
    if not isinstance(returned, dict):
        return
    unapplied = sorted(field for field in asked
                       if field in returned and not same_value(field, returned[field], asked[field]))
    if not unapplied:
        return
    applied = sorted(field for field in asked if field not in unapplied)
    hint = '; what else was asked (%s) was applied' % ', '.join(applied) if applied else ''
    if 'position' in unapplied:
        hint += ('; position is not settable through the API on this page: leave position out and reorder '
                 'in the Statuspage web interface (Components, Reorder)')
    raise StatuspageError('%s %s: Statuspage accepted the request but did not apply %s (asked %s, it '
                          'returned %s)%s' % (
                              what, _label(asked, returned), ', '.join(unapplied),
                              ', '.join('%s=%r' % (field, asked[field]) for field in unapplied),
                              ', '.join('%s=%r' % (field, returned.get(field)) for field in unapplied), hint))


def create_component(client, page_id, fields):
    """POST the component through ``create_once``; return ``(component, how)``.

    Names are unique only within a group and the API does not enforce even that, so a lost
    answer is followed by one list of the page's components: exactly one of that name in that
    group is adopted (the caller found none before creating); several fail naming them; none
    re-raises the original error. The create is never sent twice.
    """
    body = _wire(fields, creating=True)
    group_id = group_of(fields.get('group_id'))

    def reread():
        return [item for item in client.list(components_path(page_id))
                if not item.get('group') and item.get('name') == fields.get('name')
                and group_of(item.get('group_id')) == group_id]

    return create_once(lambda: client.post(components_path(page_id), {'component': body}), reread,
                       'component %s on page %s' % (_label(fields), page_id))


def _patch(client, page_id, component, changes):
    answer = client.patch(components_path(page_id, component['id']), {'component': _wire(changes)})
    check_applied(answer, changes, 'updating component')
    return answer if isinstance(answer, dict) else dict(component, **changes)


def ensure_component(client, page_id, plan, check_mode=False):
    """Carry out ``plan``: one POST, one PATCH, or nothing; ``(changed, after)``."""
    if not plan.changed:
        return False, plan.current
    if check_mode:
        return True, predicted_component(plan, page_id)
    if plan.create is None:
        return True, _patch(client, page_id, plan.current, plan.update)
    component, how = create_component(client, page_id, plan.create)
    if how == CREATED:
        check_applied(component, plan.create, 'creating component')
        return True, component
    # Found after a lost answer: it may have landed with less than was sent.
    changes = component_changes(component, plan.desired)
    return True, _patch(client, page_id, component, changes) if changes else component


def remove_component(client, page_id, current, check_mode=False):
    """Delete the component; return whether that is a change. One that does not exist is none."""
    if current is None:
        return False
    return delete_if_present(client, components_path(page_id, current['id']), check_mode)


def set_component_status(client, page_id, component, status, check_mode=False):
    """Set one component's status (one PATCH, or none when it has it): ``(changed, after)``.

    ``component`` is the component as read (from a ``Catalog`` or a GET). The status is checked
    first (``_component_status``); a bad one is an ``InputError`` and nothing is sent.
    """
    problem = status_problem(status)
    if problem:
        raise InputError(problem)
    return ensure_component(client, page_id, plan_component(component, {'status': status}), check_mode)


def diff_view(component, fields, group_name=None, access=None):
    """The component as a person reads it: its name and group's name, and the task's ``fields``.

    ``access`` (``{'users': [...], 'groups': [...]}``), when read, is who may see it: what its
    deletion revokes.
    """
    if component is None:
        return {'state': 'absent'}
    view = {'state': 'present', 'name': component.get('name'), 'group': group_name}
    for field in fields:
        if field not in ('name', 'group_id'):
            view[field] = component.get(field)
    if access is not None:
        view['access'] = access
    return view
