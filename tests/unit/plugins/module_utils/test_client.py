# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest
import requests
from responses import matchers

from ansible_collections.community.statuspage.plugins.module_utils import _retry_policy
from ansible_collections.community.statuspage.plugins.module_utils._api_url import api_path, validate_api_url
from ansible_collections.community.statuspage.plugins.module_utils._answers import api_error_message
from ansible_collections.community.statuspage.plugins.module_utils._client import StatuspageClient
from ansible_collections.community.statuspage.plugins.module_utils._retry_policy import parse_retry_after
from ansible_collections.community.statuspage.plugins.module_utils._errors import (
    AuthenticationError,
    ConflictError,
    ForbiddenError,
    InputError,
    InvalidRequestError,
    NotFoundError,
    ServerError,
    StatuspageError,
    ThrottledError,
    TransportError,
)

API = 'https://api.statuspage.io/v1'
KEY = 'sEcReT-kEy-0123456789'


@pytest.fixture
def client(fake_time):
    return StatuspageClient(KEY, sleep=fake_time.sleep, rate_limit_retry_timeout=30)


def test_key_travels_only_in_the_authorization_header(client, rsps):
    rsps.get(API + '/pages', json=[], match=[
        matchers.header_matcher({'Authorization': 'OAuth ' + KEY, 'Accept': 'application/json'}),
        matchers.query_string_matcher(None),
    ])
    assert client.get('/pages') == []
    sent = rsps.calls[0].request
    assert KEY not in sent.url
    assert sent.headers['User-Agent'].startswith('ansible-community.statuspage/')
    assert client.request_count == 1


def test_json_body_and_content_type(client, rsps):
    rsps.patch(API + '/pages/abc', json={'id': 'abc'}, match=[matchers.json_params_matcher({'page': {'name': 'x'}})])
    assert client.patch('/pages/abc', {'page': {'name': 'x'}}) == {'id': 'abc'}
    assert rsps.calls[0].request.headers['Content-Type'] == 'application/json'


def test_every_request_has_a_timeout(fake_time, monkeypatch):
    seen = {}

    class RecordingSession(requests.Session):
        def request(self, method, url, **kwargs):  # pylint: disable=arguments-differ
            seen.update(kwargs)
            raise requests.exceptions.ReadTimeout('slow')

    client = StatuspageClient(KEY, timeout=7, session=RecordingSession(), sleep=fake_time.sleep)
    with pytest.raises(TransportError) as caught:
        client.get('/pages')
    assert seen['timeout'] == 7
    assert 'timeout' in str(caught.value)


def test_api_path_quotes_each_segment():
    assert api_path('pages', 'a/b', 'page_access_users', 'x y?') == '/pages/a%2Fb/page_access_users/x%20y%3F'


@pytest.mark.parametrize('url', [
    'http://127.0.0.1:8080/v1', 'http://[::1]:9/v1', 'http://localhost/v1', 'https://api.statuspage.io/v1/',
    'https://statuspage.internal.example/v1',
])
def test_accepted_api_urls(url):
    assert validate_api_url(url) == url.rstrip('/')


@pytest.mark.parametrize('url, words', [
    ('http://api.statuspage.io/v1', 'plain http'),
    ('http://10.0.0.5/v1', 'plain http'),
    ('ftp://127.0.0.1/v1', 'is not an http(s) URL'),
    ('api.statuspage.io', 'is not an http(s) URL'),
    ('https://api.statuspage.io/v1?api_key=' + KEY, 'query'),
    ('https://me:' + KEY + '@api.statuspage.io/v1', 'user info'),
    ('http://10.0.0.5/v1#' + KEY, 'fragment'),
])
def test_refused_api_urls(url, words):
    with pytest.raises(InputError) as caught:
        validate_api_url(url)
    assert words in str(caught.value)
    assert KEY not in str(caught.value)


def test_missing_key_is_an_input_error():
    with pytest.raises(InputError) as caught:
        StatuspageClient('')
    assert 'STATUSPAGE_API_KEY' in str(caught.value)


@pytest.mark.parametrize('status', [420, 429])
def test_throttling_waits_retry_after_and_repeats_the_same_request(client, rsps, fake_time, status):
    body = {'page_access_user': {'email': 'a@example.com'}}
    rsps.post(API + '/pages/p/page_access_users', status=status, headers={'Retry-After': '3'},
              json={'message': 'Rate limit exceeded'}, match=[matchers.json_params_matcher(body)])
    rsps.post(API + '/pages/p/page_access_users', status=200, json={'id': 'u1'},
              match=[matchers.json_params_matcher(body)])
    # POST included: a throttled request was not carried out, so sending it again is safe.
    assert client.post('/pages/p/page_access_users', body) == {'id': 'u1'}
    assert fake_time.slept == [3.0]
    assert client.throttle_waits == 1 and client.throttle_seconds == 3.0
    assert client.request_count == 2


def test_throttling_without_retry_after_uses_the_default(client, rsps, fake_time):
    rsps.get(API + '/pages', status=429)
    rsps.get(API + '/pages', json=[])
    client.get('/pages')
    assert fake_time.slept == [_retry_policy.DEFAULT_RETRY_AFTER]


@pytest.mark.parametrize('header, expected', [
    ('0', _retry_policy.MIN_RETRY_AFTER), ('-5', _retry_policy.MIN_RETRY_AFTER), ('2.5', 2.5), ('60', 60.0),
    ('86400', _retry_policy.MAX_RETRY_AFTER), ('soon', _retry_policy.DEFAULT_RETRY_AFTER), (None, _retry_policy.DEFAULT_RETRY_AFTER),
    ('nan', _retry_policy.DEFAULT_RETRY_AFTER),
])
def test_retry_after_is_clamped(header, expected):
    assert parse_retry_after(header) == expected


def test_retry_after_as_http_date():
    assert parse_retry_after('Thu, 01 Jan 1970 00:00:30 GMT', now=10) == 20


def test_throttling_gives_up_when_the_task_budget_would_be_passed(client, rsps, fake_time):
    # Budget 30 s: 20 + 20 would pass it, so the second throttle answer ends the task.
    rsps.get(API + '/pages', status=420, headers={'Retry-After': '20'}, json={'message': 'slow down'})
    rsps.get(API + '/pages', status=420, headers={'Retry-After': '20'}, json={'message': 'slow down'})
    with pytest.raises(ThrottledError) as caught:
        client.get('/pages')
    assert fake_time.slept == [20.0]
    message = str(caught.value)
    assert 'rate_limit_retry_timeout=30' in message and '420' in message
    assert caught.value.status == 420 and caught.value.api_message == 'slow down'


def test_throttle_budget_is_shared_by_all_requests_of_a_task(client, rsps, fake_time):
    for _attempt in range(2):
        rsps.get(API + '/pages', status=429, headers={'Retry-After': '12'})
        rsps.get(API + '/pages', json=[])
    rsps.get(API + '/pages', status=429, headers={'Retry-After': '12'})
    client.get('/pages')
    client.get('/pages')
    with pytest.raises(ThrottledError):
        client.get('/pages')
    assert fake_time.slept == [12.0, 12.0]


@pytest.mark.parametrize('method', ['GET', 'PATCH', 'PUT', 'DELETE'])
def test_idempotent_requests_are_retried_on_503(client, rsps, fake_time, method):
    rsps.add(method, API + '/pages/p', status=503)
    rsps.add(method, API + '/pages/p', status=502)
    rsps.add(method, API + '/pages/p', json={'id': 'p'})
    assert client.request(method, '/pages/p') == {'id': 'p'}
    assert fake_time.slept == list(_retry_policy.SERVER_ERROR_BACKOFF)


def test_retries_stop_after_three_attempts(client, rsps):
    for _attempt in range(3):
        rsps.get(API + '/pages', status=503, json={'message': 'maintenance'})
    with pytest.raises(ServerError) as caught:
        client.get('/pages')
    assert caught.value.status == 503 and not caught.value.outcome_unknown
    assert 'maintenance' in str(caught.value)


def test_500_is_not_retried(client, rsps):
    rsps.get(API + '/pages', status=500)
    with pytest.raises(ServerError):
        client.get('/pages')
    assert client.request_count == 1


def test_a_create_is_never_repeated_after_a_server_error(client, rsps):
    rsps.post(API + '/pages/p/page_access_users', status=503)
    with pytest.raises(ServerError) as caught:
        client.post('/pages/p/page_access_users', {'page_access_user': {'email': 'a@example.com'}})
    assert caught.value.outcome_unknown
    assert 'may still have been carried out' in str(caught.value)
    assert client.request_count == 1


def test_a_create_is_never_repeated_after_a_lost_answer(client, rsps):
    rsps.post(API + '/pages/p/page_access_users', body=requests.exceptions.ConnectionError('Connection reset by peer'))
    with pytest.raises(TransportError) as caught:
        client.post('/pages/p/page_access_users', {'page_access_user': {'email': 'a@example.com'}})
    assert caught.value.outcome_unknown
    assert client.request_count == 1


def test_an_idempotent_post_is_retried(client, rsps):
    rsps.post(API + '/x', status=503)
    rsps.post(API + '/x', status=201, json=[])
    assert client.post('/x', {'component_ids': ['a']}, idempotent=True) == []


def test_reads_are_retried_after_connection_errors(client, rsps, fake_time):
    rsps.get(API + '/pages', body=requests.exceptions.ConnectionError('reset'))
    rsps.get(API + '/pages', json=[])
    assert client.get('/pages') == []
    assert fake_time.slept == [1.0]


def test_read_not_found_is_none(client, rsps):
    rsps.get(API + '/pages/nope', status=404, json={'message': 'not found'})
    assert client.get('/pages/nope') is None


@pytest.mark.parametrize('status, error_class', [
    (400, InvalidRequestError), (401, AuthenticationError), (403, ForbiddenError), (404, NotFoundError),
    (409, ConflictError), (422, InvalidRequestError), (418, StatuspageError),
])
def test_each_error_status_has_its_class(client, rsps, status, error_class):
    rsps.delete(API + '/pages/p/page_access_users/u', status=status, json={'message': 'nope: %s' % KEY})
    with pytest.raises(error_class) as caught:
        client.delete('/pages/p/page_access_users/u')
    error = caught.value
    assert (error.method, error.path, error.status) == ('DELETE', '/pages/p/page_access_users/u', status)
    assert 'nope' in str(error)
    # Even if the API echoed the key back, it is scrubbed from every text.
    assert KEY not in str(error) and KEY not in repr(error.to_result())


@pytest.mark.parametrize('body, expected', [
    ({'message': 'Email is invalid'}, 'Email is invalid'),
    ({'error': 'Not authorized'}, 'Not authorized'),
    ({'error': ['Email taken', 'Name blank']}, 'Email taken; Name blank'),
    ({'errors': {'email': ['is invalid']}}, "email ['is invalid']"),
    ({}, None),
    ('plain text', 'plain text'),
])
def test_api_error_message_reads_message_and_error(body, expected):
    assert api_error_message(body) == expected


def test_pagination_walks_to_the_short_page(client, rsps):
    first = [{'id': 'c%d' % i} for i in range(100)]
    second = [{'id': 'd%d' % i} for i in range(100)]
    rsps.get(API + '/pages/p/components', json=first,
             match=[matchers.query_param_matcher({'page': '1', 'per_page': '100'})])
    rsps.get(API + '/pages/p/components', json=second,
             match=[matchers.query_param_matcher({'page': '2', 'per_page': '100'})])
    rsps.get(API + '/pages/p/components', json=[{'id': 'last'}],
             match=[matchers.query_param_matcher({'page': '3', 'per_page': '100'})])
    items = client.list('/pages/p/components')
    assert len(items) == 201 and items[-1] == {'id': 'last'}
    assert client.requests_by_method == {'GET': 3}


def test_pagination_keeps_filters(client, rsps):
    rsps.get(API + '/pages/p/page_access_users', json=[],
             match=[matchers.query_param_matcher({'email': 'a@example.com', 'page': '1', 'per_page': '100'})])
    assert client.list('/pages/p/page_access_users', {'email': 'a@example.com'}) == []


def test_an_exact_multiple_of_100_costs_one_more_empty_page(client, rsps):
    rsps.get(API + '/x', json=[{'id': str(i)} for i in range(100)])
    rsps.get(API + '/x', json=[])
    assert len(client.list('/x')) == 100


def test_delete_204_returns_none(client, rsps):
    rsps.delete(API + '/pages/p/page_access_users/u', status=204)
    assert client.delete('/pages/p/page_access_users/u') is None


def test_transport_error_never_shows_the_key(fake_time):
    class LeakySession(requests.Session):
        def request(self, method, url, **kwargs):  # pylint: disable=arguments-differ
            raise requests.exceptions.ConnectionError('failed with header OAuth %s' % KEY)

    client = StatuspageClient(KEY, session=LeakySession(), sleep=fake_time.sleep)
    with pytest.raises(TransportError) as caught:
        client.get('/pages')
    assert KEY not in str(caught.value)


def test_a_key_with_a_trailing_newline_is_cleaned(rsps, fake_time):
    client = StatuspageClient(KEY + '\n', sleep=fake_time.sleep)
    rsps.get(API + '/pages', json=[], match=[matchers.header_matcher({'Authorization': 'OAuth ' + KEY})])
    assert client.get('/pages') == []


@pytest.mark.parametrize('bad_key', [KEY[:5] + ' ' + KEY[5:], KEY[:5] + '\n' + KEY[5:], KEY + '\x00'])
def test_a_key_with_spaces_or_control_characters_is_refused_without_repeating_it(bad_key):
    with pytest.raises(InputError) as caught:
        StatuspageClient(bad_key)
    assert 'control characters' in str(caught.value)
    assert KEY[:5] not in str(caught.value) and KEY[5:] not in str(caught.value)


def test_an_error_says_whether_the_request_was_sent_more_than_once(client, rsps):
    rsps.delete(API + '/pages/p/page_access_users/u', status=502)
    rsps.delete(API + '/pages/p/page_access_users/u', status=404, json={'message': 'not found'})
    with pytest.raises(NotFoundError) as caught:
        client.delete('/pages/p/page_access_users/u')
    assert caught.value.retried is True


def test_a_first_answer_error_is_not_marked_retried(client, rsps):
    rsps.delete(API + '/pages/p/page_access_users/u', status=404)
    with pytest.raises(NotFoundError) as caught:
        client.delete('/pages/p/page_access_users/u')
    assert caught.value.retried is False
