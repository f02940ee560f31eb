# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The writable fields of a page's profile and of its status embed config, and their checks.

Private to community.statuspage: it may change without notice.

statuspage_page and statuspage_status_embed_config take these fields as options; the page
definition takes them as the keys of a dictionary. Both build their options from the tables
here and check values with the same functions, so a profile key refused in one is refused, with
the same words, in the other.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.community.statuspage.plugins.module_utils._compare import colour_problems, requested_fields
from ansible_collections.community.statuspage.plugins.module_utils._errors import InputError

PROFILE_COLOUR_FIELDS = (
    'css_body_background_color', 'css_font_color', 'css_light_font_color', 'css_greens',
    'css_yellows', 'css_oranges', 'css_reds', 'css_blues', 'css_border_color', 'css_graph_color',
    'css_link_color', 'css_no_data',
)
PROFILE_TEXT_FIELDS = (
    'name', 'domain', 'subdomain', 'url', 'branding', 'time_zone', 'notifications_from_email',
    'notifications_email_footer',
)
PROFILE_BOOLEAN_FIELDS = (
    'hidden_from_search', 'viewers_must_be_team_members', 'allow_page_subscribers',
    'allow_incident_subscribers', 'allow_email_subscribers', 'allow_sms_subscribers',
    'allow_rss_atom_feeds', 'allow_webhook_subscribers',
)
# Every field the API lets us write (patchPages in the API description); nothing else is sent.
PROFILE_FIELDS = PROFILE_TEXT_FIELDS + PROFILE_COLOUR_FIELDS + PROFILE_BOOLEAN_FIELDS
BRANDINGS = ('basic', 'premium')

EMBED_COLOUR_FIELDS = (
    'incident_background_color', 'incident_text_color', 'maintenance_background_color',
    'maintenance_text_color',
)
# Every field the API lets us write (patchPagesPageIdStatusEmbedConfig); nothing else is sent.
EMBED_FIELDS = ('position',) + EMBED_COLOUR_FIELDS
# StatusEmbedConfig.position is "Corner where status embed iframe will appear on page" (the
# OpenAPI description; no enum): the four corners, spelled as the emulator's demo page spells
# its value. A value outside them was sent unchecked before (issue 10).
EMBED_POSITIONS = ('bottom-left', 'bottom-right', 'top-left', 'top-right')


def profile_options():
    """The argument spec of the profile fields (each optional)."""
    options = dict((field, dict(type='str')) for field in PROFILE_TEXT_FIELDS + PROFILE_COLOUR_FIELDS)
    options['branding']['choices'] = list(BRANDINGS)
    options.update((field, dict(type='bool')) for field in PROFILE_BOOLEAN_FIELDS)
    return options


def embed_options():
    """The argument spec of the status embed config fields (each optional)."""
    options = dict((field, dict(type='str')) for field in EMBED_FIELDS)
    options['position']['choices'] = list(EMBED_POSITIONS)
    return options


def _raise(problems):
    if problems:
        raise InputError('; '.join(problems))


def profile_problems(desired):
    return colour_problems(dict((field, desired.get(field)) for field in PROFILE_COLOUR_FIELDS))


def embed_problems(desired):
    problems = colour_problems(dict((field, desired.get(field)) for field in EMBED_COLOUR_FIELDS))
    return problems


def desired_profile(params):
    """The profile fields set in ``params``, checked before any request is sent."""
    desired = requested_fields(params, PROFILE_FIELDS)
    _raise(profile_problems(desired))
    return desired


def desired_embed_config(params):
    """The status embed config fields set in ``params``, checked before any request is sent."""
    desired = requested_fields(params, EMBED_FIELDS)
    _raise(embed_problems(desired))
    return desired
