# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Timestamps of incidents and maintenances: read with their offset, compared as instants.

Private to community.statuspage: it may change without notice.

Statuspage stores these times in UTC and answers them with milliseconds and ``Z``
(``2013-05-07T03:00:00.007Z`` in every example of the OpenAPI description), while a page's
public status API writes them at the page's offset (``2019-02-20T12:00:19.418-06:00``). So two
texts of one instant differ, and a time written without an offset means different things to
different readers: a task must give the offset, and times are compared as instants, to the
millisecond the API keeps.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import datetime
import re

# ISO 8601 as people write it: a date, "T" (or a space, as YAML timestamps print), the time to
# minutes or more, then "Z" or an offset (+01:00, +0100, +01).
_ISO_8601 = re.compile(
    r'^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?'
    r'\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$')

UTC = datetime.timezone.utc
# The API keeps milliseconds: instants closer than this are the same.
RESOLUTION = datetime.timedelta(milliseconds=1)


class TimestampError(ValueError):
    pass


def parse_timestamp(text):
    """An aware ``datetime`` for ``text``; ``TimestampError`` saying why when it is not one."""
    match = _ISO_8601.match(str(text).strip())
    if not match:
        raise TimestampError('is not an ISO 8601 timestamp such as 2030-03-01T02:00:00+01:00')
    year, month, day, hour, minute, second, fraction, offset = match.groups()
    if offset is None:
        raise TimestampError(
            'has no UTC offset, so the instant it names depends on who reads it; add one, for '
            'example %sZ (UTC) or %s+01:00' % (text, text))
    micro = int((fraction or '0')[:6].ljust(6, '0'))
    try:
        naive = datetime.datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0), micro)
    except ValueError as exc:
        raise TimestampError('is not a valid date and time (%s)' % exc)
    return naive.replace(tzinfo=_zone(offset))


def _zone(offset):
    if offset in ('Z', 'z'):
        return UTC
    sign = -1 if offset[0] == '-' else 1
    digits = offset[1:].replace(':', '')
    minutes = int(digits[:2]) * 60 + int(digits[2:4] or 0)
    return datetime.timezone(sign * datetime.timedelta(minutes=minutes))


def timestamp_problem(option, value):
    """One message when ``value`` (of ``option``) is not a timestamp with an offset, else ``None``."""
    try:
        parse_timestamp(value)
    except TimestampError as exc:
        return '%s=%r %s' % (option, value, exc)
    return None


def api_timestamp(value):
    """How the API stores ``value``: UTC, milliseconds, ``Z`` (``None`` stays ``None``)."""
    if value is None:
        return None
    moment = parse_timestamp(value).astimezone(UTC)
    return moment.strftime('%Y-%m-%dT%H:%M:%S.') + '%03dZ' % (moment.microsecond // 1000)


def same_instant(first, second):
    """Whether two timestamps name the same instant (to the API's millisecond); ``None`` only equals ``None``."""
    if first is None or second is None:
        return first is None and second is None
    return abs(parse_timestamp(first) - parse_timestamp(second)) < RESOLUTION


def is_before(first, second):
    return parse_timestamp(first) < parse_timestamp(second)
