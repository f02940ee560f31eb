# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Finding pages, shared by statuspage_page and statuspage_page_info, and the path of a page's
status embed config (statuspage_status_embed_config, statuspage_page_info).

Private to community.statuspage: it may change without notice.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.community.statuspage.plugins.module_utils._api_url import api_path
from ansible_collections.community.statuspage.plugins.module_utils._errors import InputError, NotFoundError


def list_pages(client):
    # GET /pages is not paginated: one request returns every page the key sees.
    return client.get(api_path('pages')) or []


def get_page(client, page_id):
    """The page, or ``None`` when it does not exist. A page the key may not see raises 403."""
    return client.get(api_path('pages', page_id))


def no_such_page(page_id, path):
    """The error for a page that a read under ``path`` found missing (the module glue adds the
    pages the key sees)."""
    return NotFoundError('page_id %r: no such page (or the API key cannot see it)' % (page_id,),
                         method='GET', path=path, status=404)


def status_embed_config_path(page_id):
    """The path of a page's status embed config (GET, PATCH)."""
    return api_path('pages', page_id, 'status_embed_config')


def pages_named(pages, page_name):
    return [page for page in pages if page.get('name') == page_name]


def find_pages(client, page_id=None, page_name=None):
    """Pages matching the id and/or the exact name, in one request; ``[]`` when none match."""
    if page_id:
        page = get_page(client, page_id)
        if page is None or (page_name is not None and page.get('name') != page_name):
            return []
        return [page]
    pages = list_pages(client)
    if page_name is not None:
        return pages_named(pages, page_name)
    return pages


def find_one_page(client, page_id=None, page_name=None):
    """The one page the task names, or ``InputError`` saying what exists instead."""
    if page_id:
        page = get_page(client, page_id)
        if page is None:
            raise no_such_page(page_id, api_path('pages', page_id))
        if page_name is not None and page.get('name') != page_name:
            raise InputError('page_id %r is the page named %r, not page_name %r' % (
                page_id, page.get('name'), page_name))
        return page
    pages = list_pages(client)
    matches = pages_named(pages, page_name)
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise InputError('page_name %r: no page of that name; the API key sees: %s' % (
            page_name, ', '.join('%r (%s)' % (p.get('name'), p.get('id')) for p in pages) or 'no pages'))
    raise InputError('page_name %r names %d pages (%s): use page_id to choose one' % (
        page_name, len(matches), ', '.join(p.get('id') for p in matches)))
