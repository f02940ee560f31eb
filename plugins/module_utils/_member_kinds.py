# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The one table of member kinds: what a page access user (or group) may be granted.

Private to community.statuspage: it may change without notice.

Statuspage spells each kind in several places: the module option that lists members, the key
of a membership request body (also a group's field), the path segment of the page's list and of
a user's members. Every module and helper takes those words from a ``MemberKind`` here, so a new
kind (or a renamed field) is one line, not a search through the collection.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from collections import namedtuple

from ansible_collections.community.statuspage.plugins.module_utils._api_url import api_path
from ansible_collections.community.statuspage.plugins.module_utils._resolve import Catalog


class MemberKind(namedtuple('MemberKind', 'name option body_key sub_resource grouped')):
    """One kind of member: a row of the table, never changed.

    ``name``          the key of plans and states (``component``); also ``label``, the word
                      messages use for one member
    ``option``        the option (and result key) that lists members (``components``)
    ``body_key``      the key of a membership request body and of a group's field (``component_ids``)
    ``sub_resource``  the path segment of the page's list and of a user's members (``components``)
    ``grouped``       members may sit in a group of their own (components in component groups),
                      so they are shown as ``Group/Name`` and described with ``group``/``group_id``
    """

    __slots__ = ()

    @property
    def label(self):
        return self.name

    def page_list_path(self, page_id):
        return api_path('pages', page_id, self.sub_resource)

    def load(self, client, page_id):
        """The page's ``Catalog`` of this kind (groups included): one request per 100 items."""
        return Catalog(client.list(self.page_list_path(page_id)), self)


COMPONENT = MemberKind('component', option='components', body_key='component_ids', sub_resource='components',
                       grouped=True)
METRIC = MemberKind('metric', option='metrics', body_key='metric_ids', sub_resource='metrics', grouped=False)

# In the order modules read, write and report them.
MEMBER_KINDS = (COMPONENT, METRIC)
KIND_BY_NAME = dict((kind.name, kind) for kind in MEMBER_KINDS)
