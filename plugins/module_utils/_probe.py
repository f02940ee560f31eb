# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The API probe (statuspage_api_probe): the requests that settle the API notes' open questions
on a real page, and the removal of what it made, also when a step fails.

Private to community.statuspage: it may change without notice.

It creates at most one page access group and one page access user (the mailbox the person
owns), and removes them (``_probe_made``: only what it made). With ``case_uniqueness`` one more
create, of the address in swapped case, may make a second user for the same mailbox: it is
removed too. Check mode only reads. Request costs are in the module's documentation.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import binascii
import os

from ansible_collections.community.statuspage.plugins.module_utils._client import PER_PAGE
from ansible_collections.community.statuspage.plugins.module_utils._errors import (
    ApiError,
    InputError,
    NotFoundError,
    StatuspageError,
)
from ansible_collections.community.statuspage.plugins.module_utils._member_kinds import COMPONENT
from ansible_collections.community.statuspage.plugins.module_utils._page_access import REFUSAL_STATUSES
from ansible_collections.community.statuspage.plugins.module_utils._probe_made import MadeByProbe
from ansible_collections.community.statuspage.plugins.module_utils._pages import get_page
from ansible_collections.community.statuspage.plugins.module_utils._probe_answers import (
    REAL_RUN,
    carries_grants,
    error_body_message,
    error_body_shape,
    group_ids_shape,
)
from ansible_collections.community.statuspage.plugins.module_utils._reconcile_group import create_group
from ansible_collections.community.statuspage.plugins.module_utils._retry_policy import THROTTLE_STATUSES
from ansible_collections.community.statuspage.plugins.module_utils._user_answers import taken_email
from ansible_collections.community.statuspage.plugins.module_utils._user_fields import shown_group_ids
from ansible_collections.community.statuspage.plugins.module_utils._users import (
    filter_ignores_case,
    find_user_by_email,
    get_user,
    grants_path,
    same_email,
    users_path,
)
from ansible_collections.community.statuspage.plugins.module_utils._write_policy import create_once

# No page access user has this id (ids are 12 lowercase letters and digits): its 404 shows the
# shape of an error body in check mode, where the probe has no deleted user of its own to read.
ABSENT_USER_ID = 'probe0absent'
GROUP_NAME = 'community.statuspage probe %s'


class ResponseLog(object):
    """Every answer the client received, in order (a requests response hook).

    The client turns answers into bodies and errors on purpose; the probe must see them as they
    came (the status, Retry-After, the shape of an error body), throttled ones included."""

    def __init__(self):
        self.responses = []

    def __call__(self, response, *args, **kwargs):
        self.responses.append(response)
        return response

    def last(self):
        return self.responses[-1] if self.responses else None


def observe(client):
    """Record every answer ``client`` receives. Its session is the one place they pass: a
    response hook there sees them all (waited-out throttling too) and changes nothing."""
    log = ResponseLog()
    client._session.hooks.setdefault('response', []).append(log)
    return log


class Probe(object):
    """One run: ``run()`` returns ``changed``; ``findings`` and ``made.removed`` say the rest."""

    def __init__(self, client, page_id, email=None, max_users=25, case_uniqueness=False, check_mode=False):
        self.client, self.page_id, self.email = client, page_id, email
        self.max_users, self.case_uniqueness, self.check_mode = max_users, case_uniqueness, check_mode
        self.log = observe(client)
        self.findings = {}
        self.made = MadeByProbe(client, page_id, email, GROUP_NAME % binascii.hexlify(os.urandom(3)).decode('ascii'))

    # ---- the run ----------------------------------------------------------------------------

    def run(self):
        try:
            refused = self._probe()
        except Exception as exc:
            if not self.check_mode:
                self.made.remove_after_failure(exc)
            raise
        self.findings['requests'] = self.client.request_count
        throttled = [answer for answer in self.log.responses if answer.status_code in THROTTLE_STATUSES]
        if throttled:
            self.findings.update(throttle_status=throttled[0].status_code,
                                 retry_after=throttled[0].headers.get('Retry-After'))
        return not refused

    def _probe(self):
        users = self._first_users()
        if users is None:
            return True
        self._guard(users)
        if self.check_mode:
            self._read_only(users)
        else:
            self._real_run()
        return False

    def _note_error(self, request):
        answer = self.log.last()
        self.findings.update(error_body=error_body_shape(answer), error_status=answer.status_code,
                             error_request=request, error_message=self.client.scrub(error_body_message(answer) or ''))

    def _first_users(self):
        """The first 100 users, or ``None`` when the page refuses its page access endpoints."""
        path = users_path(self.page_id)
        try:
            users = self.client.request('GET', path, params={'page': 1, 'per_page': PER_PAGE})
        except ApiError as exc:
            if exc.status not in REFUSAL_STATUSES:
                raise
            self._note_error('GET %s' % path)
            if get_page(self.client, self.page_id) is None:
                raise exc
            self.findings.update(page_access='refused', refusal_status=exc.status, refused_request='GET %s' % path)
            return None
        if not isinstance(users, list):
            raise StatuspageError('GET %s answered something that is not a list of users' % path, method='GET', path=path)
        self.findings['page_access'] = 'accepted'
        return users

    def _guard(self, users):
        count = '%s%d' % ('at least ' if len(users) >= PER_PAGE else '', len(users))
        if len(users) > self.max_users:
            raise InputError(
                'page %s has %s page access users, more than max_access_users=%d: the probe is meant for a test '
                'page; nothing was written. Set max_access_users to %d or more to probe this page anyway'
                % (self.page_id, count, self.max_users, len(users)))
        self.made.before_ids = set(user.get('id') for user in users)
        if not self.email:
            return
        if len(users) < PER_PAGE:
            taken = [user for user in users if same_email(user.get('email'), self.email)]
        else:
            taken = [user for user in [find_user_by_email(self.client, self.page_id, self.email)] if user]
        if taken:
            raise InputError(
                'probe_email %r is already the page access user %s (%s) of page %s: the probe creates and removes '
                'a user of its own only; give an address of your mailbox that is not a user of this page (for '
                'example you+probe@...)' % (self.email, taken[0].get('email'), taken[0].get('id'), self.page_id))

    # ---- check mode: reads only -------------------------------------------------------------

    def _read_only(self, users):
        f = self.findings
        for key in ('user_grants_why', 'group_ids_why', 'email_filter_why'):
            f[key] = REAL_RUN + ': the page has no page access user to read' if not users else REAL_RUN
        f['duplicate_why'] = f['email_uniqueness_why'] = REAL_RUN
        if users:
            single = get_user(self.client, self.page_id, users[0]['id'])
            f.update(user_grants_single=carries_grants(single), user_grants_list=carries_grants(users[0]),
                     group_ids_echo={'single': group_ids_shape(single), 'list': group_ids_shape(users[0])})
            ignores = filter_ignores_case(self.client, self.page_id, users)
            f['email_filter'] = {True: 'insensitive', False: 'sensitive'}.get(ignores)
            f['email_filter_why'] = REAL_RUN + ': no address on the page has letters'
        path = users_path(self.page_id, ABSENT_USER_ID)
        try:
            self.client.request('GET', path)
        except NotFoundError:
            self._note_error('GET %s' % path)

    # ---- a real run -------------------------------------------------------------------------

    def _real_run(self):
        f = self.findings
        self.made.uncertain = True
        self.made.group, _how = create_group(self.client, self.page_id, {'name': self.made.group_name})
        self.made.uncertain = False
        group_id = self.made.group['id']
        component_id = self._a_component()
        created = self._create_user(group_id)
        user_id = created['id']
        if component_id:
            self.client.patch(grants_path(self.page_id, user_id, COMPONENT), {'component_ids': [component_id]})
        single = get_user(self.client, self.page_id, user_id)
        listed = self._filtered(user_id)
        seen = [user for user in (single, listed) if isinstance(user, dict)]
        f['group_ids_echo'] = dict((where, group_ids_shape(user, group_id)) for where, user in (
            ('create', created), ('single', single), ('list', listed)) if isinstance(user, dict))
        f['group_ids_read'] = all(group_id in (shown_group_ids(user) or []) for user in [created] + seen)
        f.update(user_grants_single=carries_grants(single), user_grants_list=carries_grants(listed))
        carrying = [user for user in seen if carries_grants(user)]
        if component_id and carrying:
            f['user_grants_match'] = all(component_id in (user.get('component_ids') or []) for user in carrying)
        if listed is None:
            f['user_grants_why'] = 'list: the e-mail filter did not find the probe user'
        self._duplicates()
        self._remove_created()

    def _a_component(self):
        """A component (not a group) to grant the probe user: one request, the first 100."""
        items = self.client.request('GET', COMPONENT.page_list_path(self.page_id), params={'page': 1, 'per_page': PER_PAGE})
        plain = [item for item in items or [] if isinstance(item, dict) and not item.get('group')]
        return plain[0]['id'] if plain else None

    def _create_user(self, group_id):
        body = {'page_access_user': {'email': self.email, 'page_access_group_ids': [group_id]}}

        def reread():
            user = find_user_by_email(self.client, self.page_id, self.email)
            return [user] if user is not None and user.get('id') not in self.made.before_ids else []

        self.made.uncertain = True
        user, _how = create_once(lambda: self.client.post(users_path(self.page_id), body), reread,
                                 'the probe user %s on page %s' % (self.email, self.page_id))
        self.made.uncertain = False
        self.made.user_ids.append(user['id'])
        return user

    def _filtered(self, user_id):
        """The probe user as the e-mail filter lists it: asked in swapped case, then exactly."""
        f = self.findings
        swapped = self.email.swapcase()
        if swapped != self.email:
            found = [user for user in self.client.list(users_path(self.page_id), {'email': swapped})
                     if user.get('id') == user_id]
            if found:
                f['email_filter'] = 'insensitive'
                return found[0]
        found = [user for user in self.client.list(users_path(self.page_id), {'email': self.email})
                 if user.get('id') == user_id]
        if swapped == self.email:
            f['email_filter_why'] = 'not probed: probe_email has no letters whose case can be swapped'
        else:
            f['email_filter'] = 'sensitive' if found else 'no-match'
        return found[0] if found else None

    def _duplicates(self):
        f = self.findings
        swapped = self.email.swapcase()
        if not self.case_uniqueness or swapped == self.email:
            f['email_uniqueness_why'] = (
                'not probed: set probe_case_uniqueness=true (if uniqueness is case-sensitive, that makes a second '
                'user, and a second invitation, for your mailbox; the probe removes it)')
        elif self._duplicate_create(swapped):
            f['email_uniqueness'] = 'sensitive'
        else:
            f['email_uniqueness'] = 'insensitive'
            return
        if self._duplicate_create(self.email):
            f['duplicate_status'] = 'accepted'

    def _duplicate_create(self, address):
        """POST a user with ``address``; ``True`` when that made one (kept to remove), else the
        refusal is noted."""
        self.made.uncertain = True
        try:
            user = self.client.post(users_path(self.page_id), {'page_access_user': {'email': address}})
        except ApiError as exc:
            if exc.outcome_unknown or exc.status is None or exc.status >= 500:
                raise
            self.made.uncertain = False
            self.findings.update(duplicate_status=exc.status, duplicate_recognised=taken_email(exc),
                                 duplicate_message=exc.api_message, duplicate_body=error_body_shape(self.log.last()))
            return False
        self.made.uncertain = False
        self.made.user_ids.append(user['id'])
        return True

    # ---- removing what the probe made -------------------------------------------------------

    def _remove_created(self):
        """Delete the probe's users and group; read the first user back (its 404 shows an error body)."""
        removed_users = self.made.remove()
        if removed_users and 'error_body' not in self.findings:
            path = users_path(self.page_id, removed_users[0])
            try:
                self.client.request('GET', path)
            except NotFoundError:
                self._note_error('GET %s' % path)
                return
            raise StatuspageError('the probe deleted its user %s, yet GET %s still answers it: remove it in the web '
                                  'interface' % (removed_users[0], path), method='GET', path=path)
