# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Granting components in bulk: one request per component (and per 100 users), not one per user.

Private to community.statuspage: it may change without notice.

The description's ``POST /pages/{page_id}/components/{component_id}/page_access_users``
("Add page access users to a component", operationId
postPagesPageIdComponentsComponentIdPageAccessUsers) takes ``page_access_user_ids`` and adds
the component to each user listed, keeping what they had (an add: sending it twice leaves the
same sets). So when many users gain the same component in one run (a fresh onboarding: a user
just created has no grants), one request per component replaces one replace per user.

Only additions go this way. Its sibling ``DELETE`` takes no body and by its summary ("Remove page
access users from component"; v1: "Remove a component from all page access users") takes the
component from EVERY user: it is never sent. A user who loses a component keeps the per-user
replace (``_reconcile_grants``), which adds and removes in one request.

No source documents a maximum of ids per request (description, v1 documentation, other
clients): ``MAX_IDS_PER_REQUEST`` is this collection's own bound, the API's page size, so that no
body is larger than a list the API itself answers. Should a server refuse a list as too long
(422, as the emulator's ``max-ids-per-request`` variant does), the list is sent again in halves:
an add repeated changes nothing, so that is safe, and it costs requests only on such a server.

The bulk layer chooses per run (``choose_routing``): ``per_component`` when it costs fewer
requests than ``per_user``, else ``per_user`` (a tie keeps the per-user path). Check mode plans
the same routing from the same plan.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.community.statuspage.plugins.module_utils._api_url import api_path
from ansible_collections.community.statuspage.plugins.module_utils._errors import ApiError, InputError, StatuspageError
from ansible_collections.community.statuspage.plugins.module_utils._member_kinds import COMPONENT

MAX_IDS_PER_REQUEST = 100
PER_USER, PER_COMPONENT = 'per_user', 'per_component'
USER_IDS_FIELD = 'page_access_user_ids'


def component_users_path(page_id, component_id):
    return api_path('pages', page_id, 'components', component_id, 'page_access_users')


def chunks(ids, size=MAX_IDS_PER_REQUEST):
    ids = sorted(ids)
    return [ids[start:start + size] for start in range(0, len(ids), size)]


def bulk_cost(additions, size=MAX_IDS_PER_REQUEST):
    """Requests ``{component id: user keys}`` costs: one per component per ``size`` users."""
    return sum(len(chunks(users, size)) for users in additions.values() if users)


def adds_only(change):
    """The user's component ``GrantPlan`` when it only adds (what the bulk POST can do), else ``None``."""
    plan = change.plan
    if plan is None or change.action not in ('create', 'update'):
        return None
    grants = plan.memberships.get(COMPONENT.name)
    if grants is None or not grants.added or grants.removed:
        return None
    return grants


class GrantRouting(object):
    """How a run grants components: ``plan`` (``per_user`` or ``per_component``), the grant requests
    each would cost, and the changes that go in bulk (``bulk``: empty for ``per_user``)."""

    def __init__(self, plan, per_user, per_component, bulk):
        self.plan, self.per_user, self.per_component, self.bulk = plan, per_user, per_component, bulk

    def result(self):
        """What a task returns as ``grants``."""
        return {'plan': self.plan, 'requests': self.per_component if self.plan == PER_COMPONENT else self.per_user,
                'per_user_requests': self.per_user, 'per_component_requests': self.per_component}


def choose_routing(entries, size=MAX_IDS_PER_REQUEST, force=None):
    """The cheaper routing for the users of ``entries`` whose components only grow.

    A user who also loses a component is per-user in both plans (one replace), so it is not
    counted. ``force`` (``per_component``) routes every candidate in bulk whatever it costs: the
    role, which chose from the whole list, applies it batch by batch.
    """
    candidates = [user for entry in entries for user in entry.users if adds_only(user) is not None]
    additions = {}
    for user in candidates:
        for component_id in adds_only(user).added:
            additions.setdefault(component_id, []).append(user.key)
    per_component = bulk_cost(additions, size)
    bulk = force == PER_COMPONENT or (force is None and per_component < len(candidates))
    return GrantRouting(PER_COMPONENT if bulk else PER_USER, len(candidates), per_component,
                        candidates if bulk else [])


def predicted_routing(new_users_components, size=MAX_IDS_PER_REQUEST):
    """The routing of a list's users known to gain components without reading their grants:
    ``{user key: component ids}`` (users to create, and users whose objects carry their grants)."""
    additions = {}
    for key, component_ids in new_users_components.items():
        for component_id in component_ids:
            additions.setdefault(component_id, []).append(key)
    candidates = [key for key, ids in new_users_components.items() if ids]
    per_component = bulk_cost(additions, size)
    plan = PER_COMPONENT if per_component < len(candidates) else PER_USER
    return GrantRouting(plan, len(candidates), per_component, [])


def checked_component_grants(component_grants):
    """``{component id: [user ids]}`` as a task hands it in (the role merges its batches')."""
    problems = []
    for component_id, user_ids in sorted((component_grants or {}).items()):
        if not isinstance(user_ids, list) or not all(isinstance(user_id, str) and user_id for user_id in user_ids):
            problems.append('component %r: expected a list of page access user ids, got %r' % (component_id, user_ids))
    if problems:
        raise InputError('component_grants: %s' % '; '.join(problems))
    return dict((component_id, sorted(set(user_ids))) for component_id, user_ids in (component_grants or {}).items()
                if user_ids)


def grant_in_bulk(client, page_id, additions, check_mode=False, size=MAX_IDS_PER_REQUEST):
    """Add each component to its users: ``{component id: user ids}``, one POST per ``size`` ids.

    Returns the number of requests (sent, or that would be sent in check mode). An empty id
    list is refused here, whatever asked for it: it is never needed, and near the body-less
    DELETE that revokes everyone it is the kind of request this collection never sends.
    """
    requests = [(component_id, chunk) for component_id in sorted(additions)
                for chunk in chunks(additions[component_id], size)]
    for component_id, chunk in requests:
        if not chunk:  # pragma: no cover - chunks() never yields one; the guard is for what may call it
            raise StatuspageError('refusing to send POST %s with an empty %s (this is a bug in '
                                  'community.statuspage)' % (component_users_path(page_id, component_id), USER_IDS_FIELD))
    if check_mode:
        return len(requests)
    return sum(_add(client, component_users_path(page_id, component_id), chunk) for component_id, chunk in requests)


def _add(client, path, ids):
    """One add; a 422 to more than one id (a list too long for the server) is sent again in halves.
    Returns the requests it took (refused ones included)."""
    try:
        # An add: the same ids sent twice leave the same sets, so it may be retried.
        client.post(path, {USER_IDS_FIELD: ids}, idempotent=True)
        return 1
    except ApiError as exc:
        if exc.status != 422 or len(ids) < 2:
            raise
        half = len(ids) // 2
        return 1 + _add(client, path, ids[:half]) + _add(client, path, ids[half:])
