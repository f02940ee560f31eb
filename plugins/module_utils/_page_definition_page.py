# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""What a page definition reads from the page, once per run: each object at most once.

Private to community.statuspage: it may change without notice.

The profile (one GET) when the definition sets some of it, the status embed config (one GET)
when it sets some of that, and the components and groups (one request per 100) when it has a
component tree. Nothing else is read, except who may see the components a run deletes, and
that only in diff or check mode (``_page_definition_apply.read_access``). What was read can be
handed on as a ``snapshot``: the role reads the page once, then applies the definition a part
at a time from it.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.community.statuspage.plugins.module_utils._components import load_components
from ansible_collections.community.statuspage.plugins.module_utils._errors import InputError
from ansible_collections.community.statuspage.plugins.module_utils._member_kinds import COMPONENT
from ansible_collections.community.statuspage.plugins.module_utils._pages import get_page, status_embed_config_path
from ansible_collections.community.statuspage.plugins.module_utils._resolve import Catalog


def _missing(page_id):
    return InputError('page_id %r: no such page (or the API key cannot see it)' % (page_id,))


class DefinitionPage(object):
    """``page``, ``embed_config`` and ``catalog``: what the definition needs, read or from a snapshot.

    A snapshot is what an earlier task of the same run read (``snapshot()``): ``page``,
    ``status_embed_config`` and ``components`` (the page's list, groups included), each
    ``None`` when it was not needed.
    """

    def __init__(self, client, page_id, definition, snapshot=None):
        snapshot = snapshot or {}
        self.page = snapshot.get('page')
        if self.page is None and definition.profile:
            self.page = get_page(client, page_id)
            if self.page is None:
                raise _missing(page_id)
        self.embed_config = snapshot.get('status_embed_config')
        if self.embed_config is None and definition.status_embed_config:
            self.embed_config = client.get(status_embed_config_path(page_id))
            if self.embed_config is None:
                raise _missing(page_id)
        self.catalog = None
        if snapshot.get('components') is not None:
            self.catalog = Catalog(snapshot['components'], COMPONENT)
        elif definition.tree:
            self.catalog = load_components(client, page_id)

    def snapshot(self):
        """What was read, to hand to later tasks of the same run."""
        return {'page': self.page, 'status_embed_config': self.embed_config,
                'components': self.catalog.items if self.catalog is not None else None}
