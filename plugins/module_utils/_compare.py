# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Comparing what the user asked for with what Statuspage has, and showing it as a diff.

Private to community.statuspage: it may change without notice.

Only the options a user set take part: an option left out never causes a change, and fields
the server sets (ids, timestamps) are never compared.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

# Statuspage colours are hex RGB; the UI writes them '#RRGGBB' and the API accepts '#RGB' too.
HEX_COLOUR = re.compile(r'^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$')


def normalise_colour(value):
    """'#abc', 'ABC' and '#AABBCC' all mean the same colour: compare them as '#aabbcc'."""
    match = HEX_COLOUR.match(value.strip())
    digits = match.group(1).lower()
    if len(digits) == 3:
        digits = ''.join(digit * 2 for digit in digits)
    return '#' + digits


def colour_problems(values):
    """One message per option whose value is not a hex colour; ``values`` maps option -> value."""
    problems = []
    for option in sorted(values):
        value = values[option]
        if value is not None and not HEX_COLOUR.match(value.strip()):
            problems.append(
                '%s=%r is not a colour: expected hex RGB such as "#1a2b3c" or "#abc"' % (option, value))
    return problems


def requested_fields(params, fields):
    """The subset of ``fields`` that the user actually set (``None`` means "leave alone")."""
    return dict((field, params[field]) for field in fields if params.get(field) is not None)


def differing_fields(current, desired, colour_fields=()):
    """The desired values that differ from ``current``, colours compared after normalising."""
    differences = {}
    for field, wanted in desired.items():
        have = (current or {}).get(field)
        if field in colour_fields and have is not None and HEX_COLOUR.match(str(have).strip()):
            if normalise_colour(have) == normalise_colour(wanted):
                continue
        elif have == wanted:
            continue
        differences[field] = wanted
    return differences


def diff_of(current, after, fields):
    """``before``/``after`` restricted to the fields the task is about, for ``--diff``."""
    return {
        'before': dict((field, (current or {}).get(field)) for field in sorted(fields)),
        'after': dict((field, (after or {}).get(field)) for field in sorted(fields)),
    }
