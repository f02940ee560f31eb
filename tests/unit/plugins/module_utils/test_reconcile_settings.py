# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The settings reconciler (a page's profile, its status embed config): plan, ensure, diff."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.community.statuspage.plugins.module_utils._reconcile_settings import (
    diff_view,
    ensure_settings,
    plan_settings,
)
from ansible_collections.community.statuspage.tests.unit.plugins.demo_page import PAGE_ID
from ansible_collections.community.statuspage.tests.unit.plugins.modules.harness import call

CONFIG = {'page_id': PAGE_ID, 'position': 'bottom-left', 'incident_background_color': '#E74C3C'}
PATH = '/pages/%s/status_embed_config' % PAGE_ID
COLOURS = ('incident_background_color',)


def test_plan_compares_only_what_is_set_and_colours_normalised():
    assert plan_settings(CONFIG, {'position': 'bottom-left', 'incident_background_color': '#e74c3c'}, COLOURS) == {}
    assert plan_settings(CONFIG, {'incident_background_color': '#e74c3c'}) == {'incident_background_color': '#e74c3c'}
    assert plan_settings(CONFIG, {'position': 'top-right'}, COLOURS) == {'position': 'top-right'}


def test_ensure_is_one_patch_of_the_changes_or_nothing(api):
    with api.expect([]) as client:
        assert ensure_settings(client, PATH, 'status_embed_config', CONFIG, {}, False) == (False, CONFIG)
        assert ensure_settings(client, PATH, 'status_embed_config', CONFIG, {'position': 'top-right'}, True) == (
            True, dict(CONFIG, position='top-right'))
    with api.expect([call('PATCH', PATH, body={'status_embed_config': {'position': 'top-right'}}, status=204)]) as client:
        # No body in the answer: the prediction stands in for it.
        assert ensure_settings(client, PATH, 'status_embed_config', CONFIG, {'position': 'top-right'}, False) == (
            True, dict(CONFIG, position='top-right'))


def test_the_diff_is_restricted_to_the_fields_set():
    assert diff_view(CONFIG, dict(CONFIG, position='top-right'), {'position': 'top-right'}) == {
        'before': {'position': 'bottom-left'}, 'after': {'position': 'top-right'}}
