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
from ansible_collections.community.statuspage.plugins.module_utils._errors import InputError, StatuspageError
from ansible_collections.community.statuspage.plugins.module_utils._member_kinds import COMPONENT, METRIC
from ansible_collections.community.statuspage.plugins.module_utils._users import (
    email_problem,
    filter_ignores_case,
    find_user,
    find_user_by_email,
    lookup_email,
    shown_grant_ids,
)

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


# ---- an address in any case, whatever the filter does (the API notes' open questions) ---------

def _user(number, email=None):
    return {'id': 'user%08d' % number, 'email': email or 'person%d@example.com' % number}


FULL_PAGE = [_user(number) for number in range(100)]


def _filter(rsps, email, found):
    rsps.get(API, json=found, match=[matchers.query_param_matcher({'email': email, 'page': '1', 'per_page': '100'})])


def _page(rsps, number, users):
    rsps.get(API, json=users, match=[matchers.query_param_matcher({'page': str(number), 'per_page': '100'})])


def test_the_filter_finding_the_user_is_one_request(client, rsps):
    _filter(rsps, 'ann@example.com', [ANN])
    assert lookup_email(client, 'p', 'ann@example.com') == (ANN, True)
    assert client.request_count == 1


def test_a_miss_on_a_small_page_is_settled_by_its_first_100_users(client, rsps):
    # A case-sensitive filter misses Ann@Example.com for ann@example.com: the list has her.
    _filter(rsps, 'ann@example.com', [])
    _page(rsps, 1, [_user(1), ANN])
    assert lookup_email(client, 'p', 'ann@example.com') == (ANN, True)
    assert client.request_count == 2


def test_a_miss_on_an_empty_page_says_the_page_has_no_users(client, rsps):
    _filter(rsps, 'ann@example.com', [])
    _page(rsps, 1, [])
    assert lookup_email(client, 'p', 'ann@example.com') == (None, False)


def test_a_miss_on_a_large_page_asks_the_filter_once_whether_it_ignores_case(client, rsps):
    _filter(rsps, 'ann@example.com', [])
    _page(rsps, 1, FULL_PAGE)
    # person0@example.com in swapped case: found, so the filter ignores case and its miss stands.
    _filter(rsps, 'PERSON0@EXAMPLE.COM', [FULL_PAGE[0]])
    assert lookup_email(client, 'p', 'ann@example.com') == (None, True)
    assert client.request_count == 3


def test_a_miss_on_a_large_page_with_a_case_sensitive_filter_reads_every_user(client, rsps):
    _filter(rsps, 'ann@example.com', [])
    _page(rsps, 1, FULL_PAGE)
    _filter(rsps, 'PERSON0@EXAMPLE.COM', [])
    _page(rsps, 2, [_user(100), ANN])
    assert lookup_email(client, 'p', 'ann@example.com') == (ANN, True)
    assert client.request_count == 4


def test_filter_ignores_case_is_unknown_without_an_address_whose_case_can_change(client, rsps):
    assert filter_ignores_case(client, 'p', [{'id': 'u1', 'email': '123@456.789'}]) is None
    assert client.request_count == 0


def test_two_spellings_of_the_address_prefer_the_exact_one(client, rsps):
    lower = dict(ANN, id='userann00002', email='ann@example.com')
    _filter(rsps, 'ann@example.com', [ANN, lower])
    assert find_user_by_email(client, 'p', 'ann@example.com') == lower


def test_two_spellings_neither_exact_is_an_input_error_naming_both(client, rsps):
    lower = dict(ANN, id='userann00002', email='ann@example.com')
    _filter(rsps, 'ANN@example.com', [ANN, lower])
    with pytest.raises(InputError) as caught:
        find_user_by_email(client, 'p', 'ANN@example.com')
    assert 'userann00001' in str(caught.value) and 'userann00002' in str(caught.value) and 'user_id' in str(caught.value)


def test_the_first_page_must_be_a_list(client, rsps):
    _filter(rsps, 'ann@example.com', [])
    rsps.get(API, json={'unexpected': True}, match=[matchers.query_param_matcher({'page': '1', 'per_page': '100'})])
    with pytest.raises(StatuspageError) as caught:
        lookup_email(client, 'p', 'ann@example.com')
    assert 'not a list' in str(caught.value)


def test_grants_shown_by_the_user_object():
    assert shown_grant_ids({'component_ids': ['a']}, COMPONENT) == ['a']
    assert shown_grant_ids({'component_ids': []}, COMPONENT) == []
    assert shown_grant_ids({}, COMPONENT) is None
    assert shown_grant_ids({'metric_ids': 'x'}, METRIC) is None
