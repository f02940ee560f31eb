# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.community.statuspage.plugins.module_utils._timestamps import (
    TimestampError,
    api_timestamp,
    is_before,
    parse_timestamp,
    same_instant,
    timestamp_problem,
)


@pytest.mark.parametrize('text', [
    '2030-03-01T02:00:00+01:00', '2030-03-01T01:00:00Z', '2030-03-01T01:00:00.000Z', '2030-03-01 01:00:00+00:00',
    '2030-03-01T01:00Z', '2030-02-28T19:00:00-0600', '2030-03-01T06:30:00+05:30', '2030-03-01T03:00:00+02',
])
def test_every_spelling_of_one_instant_is_stored_the_same(text):
    assert api_timestamp(text) == '2030-03-01T01:00:00.000Z'
    assert same_instant(text, '2030-03-01T01:00:00.000Z')


def test_milliseconds_are_kept_and_finer_digits_do_not_make_a_difference():
    assert api_timestamp('2030-03-01T01:00:00.0075Z') == '2030-03-01T01:00:00.007Z'
    assert same_instant('2030-03-01T01:00:00.0075Z', '2030-03-01T01:00:00.007Z')
    assert not same_instant('2030-03-01T01:00:00.009Z', '2030-03-01T01:00:00.007Z')


def test_a_time_without_offset_is_refused_with_a_fix():
    with pytest.raises(TimestampError) as caught:
        parse_timestamp('2030-03-01T02:00:00')
    assert 'no UTC offset' in str(caught.value)
    assert "scheduled_for='2030-03-01T02:00:00' has no UTC offset" in timestamp_problem('scheduled_for', '2030-03-01T02:00:00')
    assert '2030-03-01T02:00:00Z' in timestamp_problem('scheduled_for', '2030-03-01T02:00:00')


@pytest.mark.parametrize('text', ['tomorrow', '2030-13-01T02:00:00Z', '2030-02-30T02:00:00Z', '', '2030-03-01'])
def test_what_is_not_a_timestamp_is_named(text):
    assert timestamp_problem('scheduled_until', text).startswith('scheduled_until=%r ' % text)


def test_order_is_by_instant_not_text():
    assert is_before('2030-03-01T02:30:00+01:00', '2030-03-01T02:00:00Z')
    assert not is_before('2030-03-01T02:00:00Z', '2030-03-01T02:30:00+01:00')
    assert same_instant(None, None) and not same_instant(None, '2030-03-01T02:00:00Z')
