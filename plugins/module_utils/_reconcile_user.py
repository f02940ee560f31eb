# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The reconciler of one page access user: plan, ensure, remove, and the views of a user.

Private to community.statuspage: it may change without notice.

Nothing here looks anything up, except where a write forces it (the re-read of ``create_once``,
and the grants of a user a create found existing after all): callers hand in what they read.
So statuspage_access_user (one user) and statuspage_customer_access (hundreds, from one list
call and one catalog) run the same code: ``desired_user`` (what a task asks; ``None`` is "leave
alone"), ``plan_user`` (pure: the changes, and ``plan.warnings``), ``ensure_user`` (carries a
plan out: ``(changed, state, warnings)``), ``remove_user``, and the pure views ``describe_user``
(what modules return) and ``diff_view`` (what ``--diff`` shows).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from collections import namedtuple

from ansible_collections.community.statuspage.plugins.module_utils._member_kinds import MEMBER_KINDS
from ansible_collections.community.statuspage.plugins.module_utils._reconcile_grants import (
    describe_grants,
    diff_view as grants_view,
    ensure_grants,
    plan_grants,
)
from ansible_collections.community.statuspage.plugins.module_utils._user_answers import (
    duplicates_as_conflicts,
    user_with_groups,
    verified_user,
)
from ansible_collections.community.statuspage.plugins.module_utils._user_fields import (
    CREATE_ONLY_FIELDS,
    GROUPS_FIELD,
    USER_FIELDS,
    create_body,
    create_only_warning,
    read_field,
    shown_login,
    user_changes,
)
from ansible_collections.community.statuspage.plugins.module_utils._users import (
    find_user_by_email,
    grants_path,
    read_grant_ids,
    users_path,
)
from ansible_collections.community.statuspage.plugins.module_utils._write_policy import (
    CREATED,
    EXISTED,
    RECOVERED,
    create_once,
    delete_if_present,
)


# ---- what the task asks for -----------------------------------------------------------------

def desired_user(email, external_login=None, page_access_group_ids=None, subscribe_to_components=None, members=None):
    """What a task asks for. ``None`` means "leave alone"; a list is the exact set.

    ``members`` maps a member kind's name (``component``, ``metric``) to the exact ids the user
    should have; kinds left out (or ``None``) are left alone.
    """
    return {
        'email': email,
        'external_login': external_login,
        'page_access_group_ids': None if page_access_group_ids is None else list(page_access_group_ids),
        'subscribe_to_components': subscribe_to_components,
        'members': dict((name, list(ids)) for name, ids in (members or {}).items() if ids is not None),
    }


def managed_kinds(desired):
    return [kind for kind in MEMBER_KINDS if kind.name in desired['members']]


# ---- planning -------------------------------------------------------------------------------

class UserPlan(namedtuple('UserPlan', 'desired current create update memberships create_only_ignored')):
    """What ensuring ``desired`` would do to ``current``.

    ``create`` is the POST body (``None`` when the user exists), ``update`` the fields a PATCH
    would carry, ``memberships`` a ``GrantPlan`` per managed member kind's name, and
    ``create_only_ignored`` the create-only fields the task set for a user that exists already.
    """

    __slots__ = ()

    @property
    def changed(self):
        return self.create is not None or bool(self.update) or any(
            plan.changed for plan in self.memberships.values())

    @property
    def warnings(self):
        """What the task asked for but cannot be done, for ``module.warn``."""
        if not self.create_only_ignored:
            return []
        return [create_only_warning(self.create_only_ignored, [self.current.get('email')])]


def plan_user(current, desired, current_members=None):
    """Plan ``desired`` against ``current`` (the user or ``None``).

    ``current_members`` maps each managed member kind's name to the ids the user has now; it is
    ignored for a user that does not exist yet (a new user has none, so nothing needs to be read).
    """
    current_members = current_members or {}
    memberships = {}
    for kind in managed_kinds(desired):
        have = [] if current is None else current_members.get(kind.name, [])
        memberships[kind.name] = plan_grants(have, desired['members'][kind.name], exclusive=True)
    if current is None:
        return UserPlan(desired, None, create_body(desired), {}, memberships, [])
    ignored = [field for field in CREATE_ONLY_FIELDS if desired.get(field) is not None]
    return UserPlan(desired, current, None, user_changes(current, desired), memberships, ignored)


# ---- state and views ------------------------------------------------------------------------

def user_state(user, members=None):
    """A user and the member ids the task knows of: ``{'user': ..., 'members': {kind name: ids}}``."""
    return {'user': user, 'members': dict(members or {})}


def planned_members(plan):
    return dict((name, sorted(grant_plan.final)) for name, grant_plan in plan.memberships.items())


def predicted_state(plan):
    """The user as it would be after the plan: what check mode reports."""
    if plan.create is not None:
        user = dict(plan.create)
        for field in CREATE_ONLY_FIELDS:
            user.pop(field, None)
        user.setdefault('external_login', None)
        user.setdefault('page_access_group_ids', [])
        user['id'] = None
    else:
        user = dict(plan.current)
        user.update(plan.update)
    return user_state(user, planned_members(plan))


def group_ids_of(user, groups=None):
    """The user's group ids, sorted: as its object shows them, else as the ``groups`` read (a
    ``GroupDirectory``, whose groups list their users) say, else none known."""
    shown = read_field(user, GROUPS_FIELD)
    if shown is None and groups is not None:
        shown = groups.groups_of(user.get('id'))
    return sorted(shown or [])


def _members_of(state, catalogs):
    """``(kind, ids, catalog or None)`` for each member kind whose ids the state holds."""
    members = state.get('members') or {}
    return [(kind, members[kind.name], (catalogs or {}).get(kind.name))
            for kind in MEMBER_KINDS if members.get(kind.name) is not None]


def describe_user(state, groups=None, catalogs=None):
    """The shape a module returns for a user: options of statuspage_access_user, plus ``id``.

    ``page_access_groups`` holds ids, as statuspage_access_user_info returns them and as the
    option accepts them; ``groups`` (a ``GroupDirectory``) adds their names as
    ``page_access_group_names``. ``catalogs`` maps a member kind's name to its ``Catalog`` and
    adds ``components``/``metrics`` as ``{id, name[, group]}`` for the kinds in the state.
    """
    if not state or not state.get('user'):
        return {}
    user = state['user']
    described = {
        'id': user.get('id'),
        'email': user.get('email'),
        'external_login': user.get('external_login'),
        'page_access_groups': group_ids_of(user, groups),
    }
    if groups is not None:
        described['page_access_group_names'] = groups.names(group_ids_of(user, groups))
    for kind, ids, catalog in _members_of(state, catalogs):
        described[kind.option] = describe_grants(catalog, ids)
    return described


def diff_view(state, groups=None, catalogs=None):
    """What ``--diff`` shows of a user: e-mail, login, and names of groups and members."""
    if not state or not state.get('user'):
        return {}
    user = state['user']
    view = {'email': user.get('email'), 'external_login': shown_login(user.get('external_login'))}
    if groups is not None:
        view['page_access_groups'] = groups.names(group_ids_of(user, groups))
    for kind, ids, catalog in _members_of(state, catalogs):
        view[kind.option] = grants_view(catalog, ids)
    return view


# ---- writing --------------------------------------------------------------------------------

def create_user(client, page_id, body):
    """POST the user through ``create_once``; return ``(user, how)``.

    A person gets an invitation e-mail per create, so a create is never blindly repeated: a
    duplicate (409, or a 422 that says the e-mail is taken) is read back and adopted; a lost
    answer is re-read by e-mail first. E-mails are unique, so a create that the re-read does not
    find is sent once more. Both re-reads find the user in any case (``lookup_email``).
    """
    email = body['email']

    def reread():
        user = find_user_by_email(client, page_id, email)
        return [user] if user is not None else []

    return create_once(
        duplicates_as_conflicts(lambda: client.post(users_path(page_id), {'page_access_user': body})),
        reread,
        'page access user %s on page %s' % (email, page_id),
        reread_after_conflict=lambda: find_user_by_email(client, page_id, email))


def ensure_user(client, page_id, plan, check_mode=False, deferred_kinds=()):
    """Carry out ``plan``; return ``(changed, state, warnings)``.

    The grants of ``deferred_kinds`` (kind names) are left to the caller, which adds them in bulk
    (``_component_grants``): only additions are deferred, and a user a create found existing
    after all is reconciled here whole, from what it has (a bulk add after that changes nothing).

    ``state`` is ``user_state(user, members)`` after the task (predicted in check mode), with
    the member ids of the managed kinds. ``warnings`` are those only the write could reveal
    (for a user someone else created meanwhile); the plan's own are ``plan.warnings``.
    """
    if not plan.changed or check_mode:
        return plan.changed, predicted_state(plan), []
    warnings = []
    user = plan.current
    changed = False
    deferred = set(deferred_kinds)
    if plan.create is not None:
        user, how = create_user(client, page_id, plan.create)
        if how == CREATED:
            asked = dict((field, plan.create[field]) for field in USER_FIELDS if field in plan.create)
            user = verified_user(client, page_id, user.get('id'), user, asked, plan.desired['email'], 'creating')
            changed = True
        else:
            # The user is there, but not from an answered POST: reconcile it like any existing
            # user, from what it has now. A lost create that landed still counts as a change;
            # a user someone else created (a duplicate) changes only if it differs.
            user = user_with_groups(client, page_id, user, plan.desired)
            kinds = managed_kinds(plan.desired)
            plan = plan_user(user, plan.desired, read_grant_ids(client, page_id, user, kinds))
            changed = how == RECOVERED
            deferred = set()
            if how == EXISTED:
                warnings.extend(plan.warnings)
    if plan.update:
        returned = client.patch(users_path(page_id, user['id']), {'page_access_user': dict(plan.update)})
        user = verified_user(client, page_id, user['id'], returned, plan.update, user.get('email'), 'updating')
        changed = True
    for kind in managed_kinds(plan.desired):
        if kind.name not in deferred and ensure_grants(
                client, grants_path(page_id, user['id'], kind), kind, plan.memberships[kind.name]):
            changed = True
    return changed, user_state(user, planned_members(plan)), warnings


def remove_user(client, page_id, current, check_mode=False):
    """Delete the user; return whether that is a change. A user that does not exist is none."""
    if current is None:
        return False
    return delete_if_present(client, users_path(page_id, current['id']), check_mode)
