# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The client under the faults of issue 10 and the newcomer mistakes of issue 15.

Each test pins one defect: an answer that is not JSON, a certificate that fails, a server that
ignores ``page``, options that used to end in a traceback, a 404 from a base URL without /v1, a
401 that did not say where it went. Answers the ``responses`` library cannot shape (a reason
phrase, a header) come from ``CannedSession``.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import base64

try:
    from urllib.parse import quote, quote_plus
except ImportError:  # pragma: no cover - Python 2 is not supported
    from urllib import quote, quote_plus  # type: ignore

import pytest
import requests

from ansible_collections.community.statuspage.plugins.module_utils._api_url import DEFAULT_API_URL
from ansible_collections.community.statuspage.plugins.module_utils._client import MAX_PAGES, StatuspageClient
from ansible_collections.community.statuspage.plugins.module_utils._errors import (
    AuthenticationError,
    InputError,
    NotFoundError,
    StatuspageError,
    TransportError,
    UnreadableAnswerError,
)

API = DEFAULT_API_URL
# Printable ASCII with characters that URL and JSON encoders change.
KEY = 'sEcReT+kEy/0123=456789'
USERS = '/pages/p/page_access_users'
HTML = '<html><head><title>Access denied</title></head><body>blocked by policy</body></html>'


@pytest.fixture
def client(fake_time):
    return StatuspageClient(KEY, sleep=fake_time.sleep, timeout=30)


class CannedSession(requests.Session):
    """Answers each request with the next canned ``requests.Response`` (or raises it)."""

    def __init__(self, answers):
        super(CannedSession, self).__init__()
        self.answers = list(answers)
        self.sent = []

    def request(self, method, url, **kwargs):  # pylint: disable=arguments-differ
        self.sent.append((method, url, kwargs))
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer


def canned(status, body=b'', reason=None, headers=None):
    response = requests.Response()
    response.status_code = status
    response.reason = reason if reason is not None else 'OK'
    response._content = body if isinstance(body, bytes) else body.encode('utf-8')
    response.headers.update(headers or {})
    return response


# ---- a 2xx answer that is not a JSON object (issue 10, defect 2) -------------------------------

@pytest.mark.parametrize('answer', [
    dict(body=HTML, content_type='text/html'),
    dict(body='{"id": "usr', content_type='application/json'),  # truncated, consistent length
    dict(body='', content_type='application/json'),
    dict(body='["not", "an", "object"]', content_type='application/json'),
    dict(body='{"email": "a@example.com"}', content_type='application/json'),  # no id
])
def test_a_create_answered_with_what_is_not_the_new_object_has_an_unknown_outcome(client, rsps, answer):
    rsps.post(API + USERS, status=201, **answer)
    with pytest.raises(UnreadableAnswerError) as caught:
        client.post(USERS, {'page_access_user': {'email': 'a@example.com'}})
    error = caught.value
    assert error.outcome_unknown and error.method == 'POST' and error.path == USERS and error.status == 201
    assert 'POST %s answered 201' % USERS in str(error)
    assert 'may still have been carried out' in str(error)
    assert client.request_count == 1


@pytest.mark.parametrize('method', ['GET', 'PATCH', 'PUT', 'DELETE'])
def test_another_verb_answered_with_html_is_a_clear_error_naming_the_request(client, rsps, method):
    rsps.add(method, API + '/pages/p', status=200, body=HTML, content_type='text/html')
    with pytest.raises(UnreadableAnswerError) as caught:
        client.request(method, '/pages/p')
    error = caught.value
    assert not error.outcome_unknown
    message = str(error)
    assert message.startswith('%s /pages/p answered 200' % method)
    assert 'not JSON' in message and 'text/html' in message and 'proxy' in message
    # The HTML is not pasted into the message: it says what it was, not what it said.
    assert 'blocked by policy' not in message


def test_an_idempotent_post_answered_with_html_is_an_error_not_an_unknown_outcome(client, rsps):
    rsps.post(API + '/x', status=200, body=HTML, content_type='text/html')
    with pytest.raises(UnreadableAnswerError) as caught:
        client.post('/x', {'component_ids': ['a']}, idempotent=True)
    assert not caught.value.outcome_unknown


def test_an_empty_answer_to_a_get_is_not_taken_for_not_found(client, rsps):
    rsps.get(API + '/pages/p/page_access_users/u', status=200, body='')
    with pytest.raises(UnreadableAnswerError):
        client.get('/pages/p/page_access_users/u')


def test_an_empty_answer_to_a_delete_or_a_patch_is_fine(client, rsps):
    rsps.delete(API + '/pages/p/page_access_users/u', status=200, body='')
    rsps.patch(API + '/pages/p', status=200, body='')
    assert client.delete('/pages/p/page_access_users/u') is None
    assert client.patch('/pages/p', {'page': {'name': 'x'}}) is None


def test_a_list_answered_with_html_is_an_error(client, rsps):
    rsps.get(API + '/pages/p/components', status=200, body=HTML, content_type='text/html')
    with pytest.raises(UnreadableAnswerError) as caught:
        client.list('/pages/p/components')
    assert 'GET /pages/p/components answered 200' in str(caught.value)


def test_an_unknown_outcome_says_how_patiently_to_reread(client, rsps, fake_time):
    rsps.post(API + USERS, body=requests.exceptions.ReadTimeout('read timed out'))
    with pytest.raises(TransportError) as caught:
        client.post(USERS, {'page_access_user': {'email': 'a@example.com'}})
    pacing = caught.value.reread_pacing
    # Of the order of the request timeout (30 s), in a few reads.
    assert sum(pacing.waits) == 30 and 2 <= len(pacing.waits) <= 6
    pacing.sleep(7)
    assert fake_time.slept == [7]


def test_a_known_failure_carries_no_pacing(client, rsps):
    rsps.post(API + USERS, status=422, json={'message': 'Email is invalid'})
    with pytest.raises(StatuspageError) as caught:
        client.post(USERS, {'page_access_user': {'email': 'x'}})
    assert not caught.value.outcome_unknown and caught.value.reread_pacing is None


# ---- TLS (issue 10, defect 6; ca_path) -------------------------------------------------------

def certificate_failure():
    return requests.exceptions.SSLError(
        "HTTPSConnectionPool(host='api.statuspage.io', port=443): Max retries exceeded with url: /v1/pages "
        "(Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify "
        "failed: self-signed certificate in certificate chain (_ssl.c:1000)')))")


@pytest.mark.parametrize('method', ['GET', 'POST', 'DELETE'])
def test_a_certificate_that_fails_verification_fails_at_once(fake_time, method):
    session = CannedSession([certificate_failure()])
    client = StatuspageClient(KEY, session=session, sleep=fake_time.sleep)
    with pytest.raises(TransportError) as caught:
        client.request(method, '/pages')
    assert len(session.sent) == 1 and fake_time.slept == []
    message = str(caught.value)
    assert 'validate_certs' in message and 'ca_path' in message and 'certificate' in message
    # Verification happens before the request is sent: nothing can have been carried out.
    assert not caught.value.outcome_unknown


def test_ca_path_is_what_requests_verifies_with(fake_time, tmp_path):
    bundle = tmp_path / 'corporate-ca.pem'
    bundle.write_text(u'-----BEGIN CERTIFICATE-----\n')
    session = CannedSession([canned(200, b'[]')])
    client = StatuspageClient(KEY, ca_path=str(bundle), session=session, sleep=fake_time.sleep)
    client.get('/pages')
    assert session.sent[0][2]['verify'] == str(bundle)


def test_validate_certs_false_wins_over_ca_path(fake_time, tmp_path):
    bundle = tmp_path / 'ca.pem'
    bundle.write_text(u'x')
    session = CannedSession([canned(200, b'[]')])
    StatuspageClient(KEY, ca_path=str(bundle), validate_certs=False, session=session).get('/pages')
    assert session.sent[0][2]['verify'] is False


def test_a_ca_path_that_does_not_exist_is_refused_before_any_request(tmp_path):
    with pytest.raises(InputError) as caught:
        StatuspageClient(KEY, ca_path=str(tmp_path / 'missing.pem'), session=CannedSession([]))
    assert 'ca_path' in str(caught.value) and 'missing.pem' in str(caught.value)


# ---- options checked before any request (issue 10, defect 4) ---------------------------------

@pytest.mark.parametrize('timeout', [0, -1, -0.5, float('nan'), float('inf')])
def test_a_timeout_that_is_not_positive_is_refused_naming_the_option(timeout):
    with pytest.raises(InputError) as caught:
        StatuspageClient(KEY, timeout=timeout, session=CannedSession([]))
    assert 'timeout' in str(caught.value) and 'positive' in str(caught.value)


def test_a_negative_throttle_budget_is_refused():
    with pytest.raises(InputError) as caught:
        StatuspageClient(KEY, rate_limit_retry_timeout=-1, session=CannedSession([]))
    assert 'rate_limit_retry_timeout' in str(caught.value)


@pytest.mark.parametrize('bad_key', [
    KEY + u'\u00e9',        # Latin-1, but no API key has it
    KEY + u'\u2019',        # a typographic apostrophe pasted with the key: requests cannot encode it
    KEY[:6] + u'\u00a0' + KEY[6:],  # a no-break space (at either end it is stripped, like a newline)
    u'\U0001f511' + KEY,
])
def test_a_key_outside_printable_ascii_is_refused_naming_the_option_not_the_key(bad_key):
    session = CannedSession([])
    with pytest.raises(InputError) as caught:
        StatuspageClient(bad_key, session=session)
    message = str(caught.value)
    assert 'api_key' in message and 'STATUSPAGE_API_KEY' in message and 'printable ASCII' in message
    assert KEY not in message and KEY[:6] not in message
    assert session.sent == []


# ---- pagination that would never end ---------------------------------------------------------

def full_page(prefix):
    return [{'id': '%s%03d' % (prefix, i)} for i in range(100)]


def test_a_server_that_ignores_page_is_stopped_at_the_second_page(client, rsps):
    rsps.get(API + '/pages/p/page_access_users', json=full_page('u'))
    rsps.get(API + '/pages/p/page_access_users', json=full_page('u'))
    with pytest.raises(StatuspageError) as caught:
        client.list('/pages/p/page_access_users')
    message = str(caught.value)
    assert 'page 2' in message and 'page 1' in message and 'page parameter' in message
    assert client.request_count == 2


def test_a_list_longer_than_the_page_limit_stops_with_a_clear_error(fake_time):
    answers = [canned(200, ('[%s]' % ','.join('{"id": "i%d-%d"}' % (n, i) for i in range(100))).encode())
               for n in range(MAX_PAGES)]
    session = CannedSession(answers)
    client = StatuspageClient(KEY, session=session, sleep=fake_time.sleep)
    with pytest.raises(StatuspageError) as caught:
        client.list('/pages/p/page_access_users')
    assert len(session.sent) == MAX_PAGES
    assert str(MAX_PAGES) in str(caught.value) and 'stopped' in str(caught.value)


# ---- the key in every form a server could echo (issue 10, defect 5) --------------------------

def b64(text):
    return base64.b64encode(text.encode('ascii')).decode('ascii')


ECHOES = {
    'plain': KEY,
    'url-encoded': quote(KEY, safe=''),
    'url-encoded as a form': quote_plus(KEY),
    'json with escaped slashes': KEY.replace('/', '\\/'),
    'url-encoded lower case': ''.join('%%%02x' % ord(char) for char in KEY),
    'base64': b64(KEY),
    'base64 of the header value': b64('OAuth ' + KEY),
    'base64 of key:': b64(KEY + ':'),
    'base64 of user:key': b64('api:' + KEY),
    'base64 of x:key': b64('x:' + KEY),
    'urlsafe base64': base64.urlsafe_b64encode(('OAuth ' + KEY).encode()).decode(),
    'hex': KEY.encode().hex(),
}


@pytest.mark.parametrize('form', sorted(ECHOES))
def test_a_key_echoed_in_the_body_is_scrubbed_in_every_form(client, rsps, form):
    rsps.get(API + '/pages/p', status=403, json={'message': 'key %s is not allowed' % ECHOES[form]})
    with pytest.raises(StatuspageError) as caught:
        client.get('/pages/p')
    for text in (str(caught.value), caught.value.api_message, repr(caught.value.to_result())):
        assert ECHOES[form] not in text
    assert 'is not allowed' in str(caught.value)


@pytest.mark.parametrize('form', sorted(ECHOES))
def test_a_key_echoed_in_the_reason_phrase_is_scrubbed(fake_time, form):
    session = CannedSession([canned(401, b'{}', reason='Bad key %s' % ECHOES[form])])
    client = StatuspageClient(KEY, session=session, sleep=fake_time.sleep)
    with pytest.raises(AuthenticationError) as caught:
        client.get('/pages')
    assert ECHOES[form] not in str(caught.value)


def test_a_key_quoted_in_a_transport_error_is_scrubbed_in_every_form(fake_time):
    text = 'Invalid header value %r; seen as %s' % (('OAuth ' + KEY).encode(), b64('OAuth ' + KEY))
    session = CannedSession([requests.exceptions.InvalidHeader(text)] * 3)
    client = StatuspageClient(KEY, session=session, sleep=fake_time.sleep)
    with pytest.raises(TransportError) as caught:
        client.get('/pages')
    assert KEY not in str(caught.value) and b64('OAuth ' + KEY) not in str(caught.value)


def test_a_throttled_answer_is_scrubbed_too(fake_time):
    session = CannedSession([canned(429, ('{"message": "%s"}' % b64(KEY)).encode(), headers={'Retry-After': '500'})])
    client = StatuspageClient(KEY, session=session, sleep=fake_time.sleep, rate_limit_retry_timeout=1)
    with pytest.raises(StatuspageError) as caught:
        client.get('/pages')
    assert b64(KEY) not in str(caught.value) and b64(KEY) not in (caught.value.api_message or '')


# ---- newcomer messages (issue 15) ------------------------------------------------------------

def test_a_404_from_a_base_url_without_v1_says_it_should_end_in_v1(fake_time):
    session = CannedSession([canned(404, b'{"error": "Not Found"}', reason='Not Found')])
    client = StatuspageClient(KEY, api_url='https://api.statuspage.io', session=session, sleep=fake_time.sleep)
    with pytest.raises(NotFoundError) as caught:
        client.list('/pages/p/page_access_users')
    assert 'api_url should end in /v1' in str(caught.value)
    assert session.sent[0][1] == 'https://api.statuspage.io/pages/p/page_access_users'


def test_a_404_under_v1_has_no_such_hint(client, rsps):
    rsps.get(API + '/pages/p/page_access_users', status=404, json={'message': 'Page not found'})
    with pytest.raises(NotFoundError) as caught:
        client.list('/pages/p/page_access_users')
    assert '/v1' not in str(caught.value)


def test_a_404_to_the_first_get_from_a_base_without_v1_is_not_taken_for_not_found(fake_time):
    # "No such user" from a wrong base would make a module create one: say the base is wrong.
    session = CannedSession([canned(404, b'<html>Not Found</html>', reason='Not Found')])
    client = StatuspageClient(KEY, api_url='https://api.statuspage.io/', session=session, sleep=fake_time.sleep)
    with pytest.raises(NotFoundError) as caught:
        client.get('/pages/p/page_access_users/u')
    assert 'api_url should end in /v1' in str(caught.value)


def test_a_401_names_the_base_url_it_went_to(client, rsps):
    rsps.get(API + '/pages', status=401, json={'error': 'Could not authenticate'})
    with pytest.raises(AuthenticationError) as caught:
        client.get('/pages')
    message = str(caught.value)
    assert API in message and 'Could not authenticate' in message
    assert 'api_key' in message and 'STATUSPAGE_API_KEY' in message


@pytest.mark.parametrize('empty', ['', '   ', None])
def test_an_empty_api_url_means_the_default(empty):
    assert StatuspageClient(KEY, api_url=empty, session=CannedSession([])).base_url == DEFAULT_API_URL
