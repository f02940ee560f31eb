# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The probe's reading of answers into the emulator variants' names, and its table."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest
import requests

from ansible_collections.community.statuspage.plugins.module_utils._probe_answers import (
    answer_rows,
    carries_grants,
    error_body_message,
    error_body_shape,
    group_ids_shape,
    table_lines,
)


def answer(content, content_type='application/json'):
    response = requests.Response()
    response.status_code = 404
    response._content = content.encode('utf-8')
    response.headers['Content-Type'] = content_type
    return response


@pytest.mark.parametrize('content, content_type, shape, message', [
    ('{"message": "Not found"}', 'application/json', 'message', 'Not found'),
    ('{"error": "Not found"}', 'application/json', 'error-string', 'Not found'),
    ('{"error": ["Email has already been taken"]}', 'application/json', 'error-list', 'Email has already been taken'),
    ('"Not found"', 'application/json', 'bare-string', 'Not found'),
    ('Not found', 'text/plain', 'text', 'Not found'),
    ('', 'text/plain', 'empty', None),
    ('{"errors": {"email": "taken"}}', 'application/json', 'other-object', 'email taken'),
])
def test_error_body_shapes(content, content_type, shape, message):
    assert error_body_shape(answer(content, content_type)) == shape
    assert error_body_message(answer(content, content_type)) == message


@pytest.mark.parametrize('user, shape', [
    ({'page_access_group_ids': ['grp1'], 'page_access_group_id': None}, 'list'),
    ({'page_access_group_ids': []}, 'list-without-the-group'),
    ({'page_access_group_ids': 'grp0,grp1'}, 'csv-string'),
    ({'page_access_group_ids': '["grp1"]'}, 'json-string'),
    ({'page_access_group_ids': '[]'}, 'json-string-without-the-group'),
    ({'page_access_group_id': 'grp1'}, 'singular'),
    ({'page_access_group_id': None}, 'absent'),
    ({}, 'absent'),
    ({'page_access_group_ids': 7}, 'other'),
])
def test_group_ids_shapes_of_a_user_in_group_grp1(user, shape):
    assert group_ids_shape(user, 'grp1') == shape


def test_group_ids_shapes_of_a_user_in_no_group():
    assert group_ids_shape({'page_access_group_ids': []}) == 'list'
    assert group_ids_shape({'page_access_group_ids': ''}) == 'csv-string'
    assert group_ids_shape({'page_access_group_id': None}) == 'singular'
    assert group_ids_shape(None) is None


def test_grants_are_carried_only_with_both_fields():
    assert carries_grants({'component_ids': [], 'metric_ids': []}) is True
    assert carries_grants({'component_ids': []}) is False
    assert carries_grants(None) is None


def test_a_refusing_page_leaves_the_user_questions_unprobed():
    rows = answer_rows({'page_access': 'refused', 'refusal_status': 403, 'refused_request': 'GET /x',
                        'error_body': 'message', 'error_status': 403, 'error_request': 'GET /x',
                        'error_message': 'not enabled', 'requests': 2})
    by_id = dict((row['id'], row) for row in rows)
    assert by_id['page_access']['answer'] == 'refused: GET /x answered 403 (the page itself answers)'
    assert by_id['duplicate']['answer'].startswith('not probed: the page refuses')
    assert by_id['error_body']['collection'] == "shows the API's words: 'not enabled'"
    assert by_id['throttle']['answer'].startswith("not observed in the probe's 2 requests")


def test_the_table_keeps_one_row_per_line():
    lines = table_lines([{'question': 'a|b', 'answer': 'x\ny', 'collection': 'z'}])
    assert lines == ['| question | answer seen | what the collection does |', '|---|---|---|', '| a/b | x y | z |']
