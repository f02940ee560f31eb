# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest
import responses
from responses import matchers
from responses.registries import OrderedRegistry

from ansible_collections.community.statuspage.plugins.module_utils._client import StatuspageClient
from ansible_collections.community.statuspage.plugins.module_utils._errors import InputError
from ansible_collections.community.statuspage.plugins.module_utils._users import email_problem, find_user

API = 'https://api.statuspage.io/v1/pages/p/page_access_users'
ANN = {'id': 'userann00001', 'email': 'Ann@Example.com'}


@pytest.fixture
def client():
    return StatuspageClient('key', sleep=lambda seconds: None)


@pytest.fixture
def rsps():
    with responses.RequestsMock(registry=OrderedRegistry, assert_all_requests_are_fired=True) as mock:
        yield mock


def test_by_email_uses_the_filter_and_compares_case_insensitively(client, rsps):
    rsps.get(API, json=[{'id': 'other', 'email': 'ann@example.com.evil'}, ANN],
             match=[matchers.query_param_matcher({'email': 'ann@example.com', 'page': '1', 'per_page': '100'})])
    assert find_user(client, 'p', email='ann@example.com') == ANN


def test_by_id_and_email_that_agree(client, rsps):
    rsps.get(API + '/userann00001', json=ANN)
    assert find_user(client, 'p', email='ann@example.com', user_id='userann00001') == ANN


def test_by_id_and_email_that_disagree(client, rsps):
    rsps.get(API + '/userann00001', json=ANN)
    with pytest.raises(InputError) as caught:
        find_user(client, 'p', email='bob@example.com', user_id='userann00001')
    assert "'Ann@Example.com'" in str(caught.value)


def test_an_unknown_id_with_an_email_is_an_error_not_a_fallback(client, rsps):
    rsps.get(API + '/zzzzzzzzzzzz', status=404)
    with pytest.raises(InputError) as caught:
        find_user(client, 'p', email='new@example.com', user_id='zzzzzzzzzzzz')
    assert 'no page access user with that id' in str(caught.value)


def test_an_unknown_id_alone_is_none(client, rsps):
    rsps.get(API + '/zzzzzzzzzzzz', status=404)
    assert find_user(client, 'p', user_id='zzzzzzzzzzzz') is None


@pytest.mark.parametrize('email, ok', [
    ('ann@example.com', True), ('Ann.Lee+ops@sub.example.co.uk', True),
    ('ann@example', False), ('ann example.com', False), ('@example.com', False), ('', False), ('a@b@c.com', False),
])
def test_email_shape(email, ok):
    assert (email_problem(email) is None) is ok
