# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Ensuring a settings object (a page's profile, its status embed config) has the requested fields.

Private to community.statuspage: it may change without notice.

A settings object always exists and is only ever updated: read it once, PATCH only the fields
that differ (wrapped in the resource name), or nothing at all. statuspage_page and
statuspage_status_embed_config share this, so both compare and predict the same way.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.community.statuspage.plugins.module_utils._compare import differing_fields


def ensure_settings(client, path, wrapper, current, desired, check_mode, colour_fields=()):
    """Return ``(changed, after)``: one PATCH of ``path`` carrying only what differs, or nothing.

    ``wrapper`` is the resource name the API wants around the body (``page``,
    ``status_embed_config``). In check mode ``after`` is the prediction and nothing is sent.
    """
    changes = differing_fields(current, desired, colour_fields=colour_fields)
    if not changes:
        return False, current
    predicted = dict(current or {})
    predicted.update(changes)
    if check_mode:
        return True, predicted
    updated = client.patch(path, {wrapper: changes})
    return True, updated if isinstance(updated, dict) else predicted
