# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""What the API probe made on a page, and removing it: only that, also after a failure.

Private to community.statuspage: it may change without notice.

The probe (``_probe``) records here the id of every user and group its creates answered, and
says when a create is under way (``uncertain``): if its answer is lost, the removal reads the
page once (one request per 100 users, or groups) and removes only a user with the probe's
address that was not on the page before the probe (``before_ids``), or the group with the
probe's own name (a random suffix makes it the probe's). Nothing else is ever deleted.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.community.statuspage.plugins.module_utils._errors import StatuspageError
from ansible_collections.community.statuspage.plugins.module_utils._groups import groups_named, groups_path, list_groups
from ansible_collections.community.statuspage.plugins.module_utils._users import list_users, same_email, users_path
from ansible_collections.community.statuspage.plugins.module_utils._write_policy import delete_if_present


class MadeByProbe(object):
    """The probe's users and group on ``page_id``; ``removed`` lists what ``remove`` deleted."""

    def __init__(self, client, page_id, email, group_name):
        self.client, self.page_id, self.email, self.group_name = client, page_id, email, group_name
        self.before_ids = set()
        self.user_ids = []
        self.group = None
        self.uncertain = False
        self.removed = {'users': [], 'groups': []}

    @property
    def anything(self):
        return bool(self.user_ids or self.group or self.uncertain)

    def remove(self):
        """Delete what is left; return the ids of the users deleted by id (one DELETE each)."""
        removed_users = list(self.user_ids)
        for user_id in removed_users:
            delete_if_present(self.client, users_path(self.page_id, user_id))
            self.user_ids.remove(user_id)
            self.removed['users'].append(user_id)
        if self.uncertain:
            for user in list_users(self.client, self.page_id):
                if same_email(user.get('email'), self.email) and user.get('id') not in self.before_ids:
                    delete_if_present(self.client, users_path(self.page_id, user['id']))
                    self.removed['users'].append(user['id'])
        groups = [self.group] if self.group else []
        if self.uncertain and not groups:
            groups = groups_named(list_groups(self.client, self.page_id), self.group_name)
        for group in groups:
            delete_if_present(self.client, groups_path(self.page_id, group['id']))
            self.removed['groups'].append(group['id'])
        self.group = None
        self.uncertain = False
        return removed_users

    def remove_after_failure(self, exc):
        """Remove what is left after ``exc``, and add to its message what became of it."""
        if not self.anything:
            return
        try:
            self.remove()
        except StatuspageError as cleanup:
            left = ', '.join(['user %s' % user_id for user_id in self.user_ids]
                             + (['group %s' % self.group['id']] if self.group else [])) or 'anything it made'
            note = '; removing what the probe made failed too (%s): remove %s (%r, %r) by hand' % (
                cleanup, left, self.email, self.group_name)
        else:
            note = '; the probe removed what it had made (%s)' % (
                ', '.join(['user %s' % i for i in self.removed['users']] + ['group %s' % i for i in self.removed['groups']])
                or 'nothing was left')
        if isinstance(exc, StatuspageError):
            exc.message += note
            exc.args = (exc.message,)
