# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Describing, planning and ensuring one page access user.

Private to community.statuspage: it may change without notice.

The functions here take what has already been read (the user or ``None``, its current component
and metric ids, the page's catalogs and access groups) and never look anything up themselves,
except where a write forces it (a create answered 409 or with no answer at all must be followed
by a re-read). So a module that reconciles one user and one that reconciles hundreds from one
list call and one catalog share the same code:

- ``desired_user(...)`` builds what a task asks for, with ``None`` meaning "leave alone";
- ``plan_user(current, desired, current_members)`` says what would change (pure);
- ``ensure_user(client, page_id, current, desired, current_members, check_mode)`` carries it out
  and returns ``(changed, state)``;
- ``describe_user(state, ...)`` turns a state into the shape modules return and diff.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.community.statuspage.plugins.module_utils._errors import (
    ConflictError,
    NotFoundError,
    ServerError,
    StatuspageError,
    TransportError,
)
from ansible_collections.community.statuspage.plugins.module_utils._groups import CREATED, RECOVERED
from ansible_collections.community.statuspage.plugins.module_utils._membership import (
    SUB_RESOURCES,
    USER_OWNER,
    apply_membership,
    plan_membership,
    read_members,
)
from ansible_collections.community.statuspage.plugins.module_utils._users import (
    find_user_by_email,
    list_users,
    same_email,
    users_path,
)

MEMBER_KINDS = ('component', 'metric')
# The user fields the API lets us write; ``email`` is how the user is found, never patched here.
USER_FIELDS = ('external_login', 'page_access_group_ids')


# ---- what the task asks for -----------------------------------------------------------------

def desired_user(email, external_login=None, page_access_group_ids=None, subscribe_to_components=None,
                 component_ids=None, metric_ids=None):
    """What a task asks for. ``None`` means "leave alone"; a list is the exact set."""
    return {
        'email': email,
        'external_login': external_login,
        'page_access_group_ids': None if page_access_group_ids is None else list(page_access_group_ids),
        'subscribe_to_components': subscribe_to_components,
        'members': {
            'component': None if component_ids is None else list(component_ids),
            'metric': None if metric_ids is None else list(metric_ids),
        },
    }


def managed_kinds(desired):
    return [kind for kind in MEMBER_KINDS if desired['members'].get(kind) is not None]


def _login(value):
    # An empty external login and none at all are the same thing to a person.
    return value or None


def same_field(field, have, wanted):
    if field == 'page_access_group_ids':
        return set(have or []) == set(wanted or [])
    if field == 'external_login':
        return _login(have) == _login(wanted)
    return have == wanted


def user_changes(current, desired):
    """The writable fields of ``desired`` that differ from ``current`` (a PATCH body's content)."""
    changes = {}
    for field in USER_FIELDS:
        wanted = desired.get(field)
        if wanted is not None and not same_field(field, (current or {}).get(field), wanted):
            changes[field] = wanted
    return changes


def create_body(desired):
    body = {'email': desired['email']}
    for field in USER_FIELDS + ('subscribe_to_components',):
        if desired.get(field) is not None:
            body[field] = desired[field]
    return body


def unapplied_fields(returned, asked):
    """The fields of ``asked`` that ``returned`` does not show: the API silently ignored them."""
    if not isinstance(returned, dict):
        return []
    return sorted(field for field in asked
                  if field in USER_FIELDS and not same_field(field, returned.get(field), asked[field]))


# ---- planning -------------------------------------------------------------------------------

class UserPlan(object):
    """What ensuring ``desired`` would do to ``current``.

    ``create`` is the POST body (``None`` when the user exists), ``update`` the fields a PATCH
    would carry, ``memberships`` a ``MembershipPlan`` per managed member kind, and ``warnings``
    what the task asked for but cannot be done.
    """

    def __init__(self, current, create, update, memberships, warnings):
        self.current = current
        self.create = create
        self.update = update
        self.memberships = memberships
        self.warnings = warnings

    @property
    def changed(self):
        return self.create is not None or bool(self.update) or any(
            plan.changed for plan in self.memberships.values())


def plan_user(current, desired, current_members=None):
    """Plan ``desired`` against ``current`` (the user or ``None``).

    ``current_members`` maps each managed member kind to the ids the user has now; it is ignored
    for a user that does not exist yet (a new user has none, so nothing needs to be read).
    """
    current_members = current_members or {}
    warnings = []
    memberships = {}
    for kind in managed_kinds(desired):
        have = [] if current is None else current_members.get(kind, [])
        memberships[kind] = plan_membership(have, desired['members'][kind], exclusive=True)
    if current is None:
        return UserPlan(None, create_body(desired), {}, memberships, warnings)
    if desired.get('subscribe_to_components') is not None:
        warnings.append(
            'subscribe_to_components is applied only when a page access user is created: the API '
            'neither returns nor changes it for the existing user %s, so it was left as it is'
            % current.get('email'))
    return UserPlan(current, None, user_changes(current, desired), memberships, warnings)


# ---- state and description ------------------------------------------------------------------

def user_state(user, members=None):
    """A user and the member ids the task knows of: ``{'user': ..., 'members': {kind: ids}}``."""
    return {'user': user, 'members': dict(members or {})}


def predicted_state(plan):
    """What check mode reports: the user as it would be after the plan."""
    if plan.create is not None:
        user = dict(plan.create)
        user.pop('subscribe_to_components', None)
        user.setdefault('external_login', None)
        user.setdefault('page_access_group_ids', [])
        user['id'] = None
    else:
        user = dict(plan.current)
        user.update(plan.update)
    return user_state(user, dict((kind, sorted(plan.memberships[kind].final)) for kind in plan.memberships))


def describe_user(state, groups=None, catalogs=None):
    """The shape a module returns for a user: options of statuspage_access_user, plus ``id``.

    ``page_access_groups`` holds ids, as statuspage_access_user_info returns them and as the
    option accepts them; ``groups`` (a ``GroupDirectory``) adds their names as
    ``page_access_group_names``. ``catalogs`` maps a member kind to its ``Catalog`` and adds
    ``components``/``metrics`` as ``{id, name[, group]}`` for the kinds in ``state['members']``.
    """
    if not state or not state.get('user'):
        return {}
    user = state['user']
    described = {
        'id': user.get('id'),
        'email': user.get('email'),
        'external_login': user.get('external_login'),
        'page_access_groups': sorted(user.get('page_access_group_ids') or []),
    }
    if groups is not None:
        described['page_access_group_names'] = groups.names(user.get('page_access_group_ids'))
    for kind, ids in sorted((state.get('members') or {}).items()):
        catalog = (catalogs or {}).get(kind)
        members = [catalog.describe(item_id) if catalog else {'id': item_id} for item_id in ids]
        described[SUB_RESOURCES[kind]] = sorted(
            members, key=lambda member: (member.get('group') or '', member.get('name') or '', member['id']))
    return described


def diff_view(state, groups=None, catalogs=None):
    """What ``--diff`` shows of a user: e-mail, login, and names of groups and members."""
    if not state or not state.get('user'):
        return {}
    user = state['user']
    view = {'email': user.get('email'), 'external_login': _login(user.get('external_login'))}
    if groups is not None:
        view['page_access_groups'] = groups.names(user.get('page_access_group_ids'))
    for kind, ids in (state.get('members') or {}).items():
        catalog = (catalogs or {}).get(kind)
        view[SUB_RESOURCES[kind]] = catalog.labels(ids) if catalog else sorted(ids)
    return view


# ---- writing --------------------------------------------------------------------------------

def find_after_conflict(client, page_id, email):
    """The user a 409 says exists: by the e-mail filter, else by walking every user.

    The walk costs one request per 100 users and is taken only when the filter misses a user
    the API says exists (a filter that matches more strictly than the uniqueness check).
    """
    user = find_user_by_email(client, page_id, email)
    if user is not None:
        return user
    for candidate in list_users(client, page_id):
        if same_email(candidate.get('email'), email):
            return candidate
    return None


# CREATED and RECOVERED come from _groups, shared with create_group.
EXISTED = 'existed'


def create_user(client, page_id, body):
    """POST the user; return ``(user, how)``.

    ``how`` is ``CREATED`` (the POST answered), ``EXISTED`` (409: someone else created it since
    the look-up) or ``RECOVERED`` (the answer was lost, the re-read found the user).

    A person gets an invitation e-mail per create, so a create is never blindly repeated:
    - 409: the e-mail is taken; the existing user is read back and adopted.
    - no answer or a 5xx (the create may have happened): the user is re-read by e-mail first.
      Found: adopted. Not found: the create did not land, so one more POST is safe; if that one
      also ends without an answer and the user is still not there, the task fails.
    """
    email = body['email']
    path = users_path(page_id)
    for attempt in (1, 2):
        try:
            return client.post(path, {'page_access_user': body}), CREATED
        except ConflictError as exc:
            user = find_after_conflict(client, page_id, email)
            if user is None:
                raise StatuspageError(
                    'creating page access user %s answered 409 (already exists), yet no user with '
                    'that e-mail can be found on page %s' % (email, page_id),
                    method=exc.method, path=exc.path, status=exc.status, api_message=exc.api_message)
            return user, EXISTED
        except (ServerError, TransportError) as exc:
            if not exc.outcome_unknown:
                raise
            user = find_user_by_email(client, page_id, email)
            if user is not None:
                return user, RECOVERED
            if attempt == 2:
                raise StatuspageError(
                    'creating page access user %s failed twice without a usable answer (%s); it '
                    'was re-read after each attempt and does not exist, so the create did not '
                    'happen; it was not tried a third time' % (email, exc),
                    method=exc.method, path=exc.path, status=exc.status, api_message=exc.api_message)
    raise AssertionError('unreachable')  # pragma: no cover


def _check_applied(returned, asked, email, verb):
    unapplied = unapplied_fields(returned, asked)
    if unapplied:
        raise StatuspageError(
            '%s page access user %s: Statuspage accepted the request but did not apply %s '
            '(asked %s, it returned %s)' % (
                verb, email, ', '.join(unapplied),
                ', '.join('%s=%r' % (field, asked[field]) for field in unapplied),
                ', '.join('%s=%r' % (field, returned.get(field)) for field in unapplied)))


def read_user_members(client, page_id, user_id, kinds):
    """``{kind: ids}`` for ``kinds``: one request per kind per 100 members."""
    return dict((kind, [member['id'] for member in read_members(client, page_id, USER_OWNER, user_id, kind)])
                for kind in kinds)


def ensure_user(client, page_id, current, desired, current_members=None, check_mode=False):
    """Make the user look like ``desired``; return ``(changed, state, warnings)``.

    ``state`` is ``user_state(user, members)`` after the task (predicted in check mode), with
    the member ids of the managed kinds.
    """
    plan = plan_user(current, desired, current_members)
    warnings = list(plan.warnings)
    if not plan.changed:
        return False, user_state(current, dict(
            (kind, sorted(plan.memberships[kind].final)) for kind in plan.memberships)), warnings
    if check_mode:
        return True, predicted_state(plan), warnings

    user = current
    changed = False
    if plan.create is not None:
        user, how = create_user(client, page_id, plan.create)
        if how != CREATED:
            # The user is there, but not from an answered POST: reconcile it like any existing
            # user, from what it has now. A lost create that landed still counts as a change;
            # a user someone else created (409) changes only if it differs.
            plan = plan_user(user, desired, read_user_members(client, page_id, user['id'], managed_kinds(desired)))
            changed = how == RECOVERED
            if how == EXISTED:
                warnings.extend(plan.warnings)
        else:
            _check_applied(user, dict((field, plan.create[field]) for field in USER_FIELDS if field in plan.create),
                           desired['email'], 'creating')
            changed = True
    if plan.update:
        returned = client.patch(users_path(page_id, user['id']), {'page_access_user': dict(plan.update)})
        _check_applied(returned, plan.update, user.get('email'), 'updating')
        user = returned if isinstance(returned, dict) else dict(user, **plan.update)
        changed = True
    for kind in sorted(plan.memberships):
        if plan.memberships[kind].changed:
            apply_membership(client, page_id, USER_OWNER, user['id'], kind, plan.memberships[kind])
            changed = True
    members = dict((kind, sorted(plan.memberships[kind].final)) for kind in plan.memberships)
    return changed, user_state(user, members), warnings


def remove_user(client, page_id, current, check_mode=False):
    """Delete the user; ``(changed, None)``. A user that does not exist is no change."""
    if current is None:
        return False, None
    if not check_mode:
        try:
            client.delete(users_path(page_id, current['id']))
        except NotFoundError as exc:
            # Gone since the look-up. After a retried DELETE, our own first attempt did it;
            # else someone else did: absent either way.
            return exc.retried, None
    return True, None
