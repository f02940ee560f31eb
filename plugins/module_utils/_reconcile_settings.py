# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The reconciler of a settings object: a page's profile, a page's status embed config.

Private to community.statuspage: it may change without notice.

A settings object always exists and is only ever updated: read it once, PATCH only the fields
that differ (wrapped in the resource name), or nothing at all. There is no create and no remove.
statuspage_page and statuspage_status_embed_config share this, so both compare and predict the
same way:

- ``plan_settings(current, desired, colour_fields)`` is pure: the fields that differ;
- ``ensure_settings(client, path, wrapper, current, changes, check_mode)`` sends one PATCH;
- ``diff_view(current, after, fields)`` is ``before``/``after`` restricted to the task's fields.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.community.statuspage.plugins.module_utils._compare import diff_of, differing_fields


def plan_settings(current, desired, colour_fields=()):
    """The desired fields that differ from ``current`` (colours compared after normalising)."""
    return differing_fields(current, desired, colour_fields=colour_fields)


def ensure_settings(client, path, wrapper, current, changes, check_mode):
    """Return ``(changed, after)``: one PATCH of ``path`` carrying only ``changes``, or nothing.

    ``wrapper`` is the resource name the API wants around the body (``page``,
    ``status_embed_config``). In check mode ``after`` is the prediction and nothing is sent.
    """
    if not changes:
        return False, current
    predicted = dict(current or {})
    predicted.update(changes)
    if check_mode:
        return True, predicted
    updated = client.patch(path, {wrapper: changes})
    return True, updated if isinstance(updated, dict) else predicted


def diff_view(current, after, fields):
    """``before``/``after`` of the fields the task set, for ``--diff``."""
    return diff_of(current, after, fields)
