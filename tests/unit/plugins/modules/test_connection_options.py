# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The connection options every module shares, and the messages a newcomer meets (issues 10, 15).

Each bad input must fail with a message naming the option, before any request (the declared
call list is empty, so any request fails the test). Two tests run AnsibleModule's real
``exit_json``/``fail_json``, to see what Ansible would print.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import base64
import json

import pytest
import responses
from responses.registries import OrderedRegistry

from ansible_collections.community.statuspage.plugins.modules import (
    statuspage_access_group,
    statuspage_access_user,
    statuspage_access_user_info,
    statuspage_status_embed_config,
)
from ansible_collections.community.statuspage.tests.unit.plugins.demo_page import (
    ANN,
    GROUPS_PATH,
    OTHER_PAGE_ID,
    PAGE_ID,
    PAGING,
    USERS_PATH,
    find_user,
    list_groups,
)
from ansible_collections.community.statuspage.tests.unit.plugins.modules.harness import (
    API_KEY,
    call,
    module_args,
    register_call,
)

PAGES = [{'id': PAGE_ID, 'name': 'Acme Cloud'}, {'id': 'acmestaging1', 'name': 'Acme Staging'}]
INFO = statuspage_access_user_info.main


def info_args(**extra):
    base = {'page_id': PAGE_ID, 'email': ANN['email']}
    base.update(extra)
    return base


# ---- the key (issue 15: a missing key; issue 10: a key that cannot be sent) -----------------

def test_a_missing_key_names_the_option_and_the_environment_variable(run_module):
    result, failed = run_module(INFO, info_args(api_key=None))
    assert failed
    assert 'api_key' in result['msg'] and 'STATUSPAGE_API_KEY' in result['msg']
    assert 'missing required arguments' not in result['msg']


def test_an_empty_key_from_the_environment_is_a_missing_key(run_module, monkeypatch):
    monkeypatch.setenv('STATUSPAGE_API_KEY', '')
    result, failed = run_module(INFO, info_args(api_key=None))
    assert failed and 'STATUSPAGE_API_KEY' in result['msg']


def test_the_key_from_the_environment_is_used(run_module, monkeypatch):
    monkeypatch.setenv('STATUSPAGE_API_KEY', API_KEY)
    result, failed = run_module(INFO, info_args(api_key=None), [find_user()])
    assert not failed and result['users'][0]['id'] == ANN['id']


@pytest.mark.parametrize('bad_key', [API_KEY + u'\u2019', u'\u00e9' + API_KEY])
def test_a_key_outside_printable_ascii_fails_naming_the_option_not_the_key(run_module, bad_key):
    result, failed = run_module(INFO, info_args(api_key=bad_key))
    assert failed and 'api_key' in result['msg'] and 'printable ASCII' in result['msg']
    assert API_KEY not in json.dumps(result)


# ---- timeout, ca_path, api_url ---------------------------------------------------------------

@pytest.mark.parametrize('timeout', [0, -5])
def test_a_timeout_that_is_not_positive_fails_before_any_request(run_module, timeout):
    result, failed = run_module(INFO, info_args(timeout=timeout))
    assert failed and 'timeout' in result['msg'] and 'positive' in result['msg']


def test_a_missing_ca_bundle_fails_before_any_request(run_module, tmp_path):
    result, failed = run_module(INFO, info_args(ca_path=str(tmp_path / 'corp-ca.pem')))
    assert failed and 'ca_path' in result['msg'] and 'corp-ca.pem' in result['msg']


def test_ca_path_is_accepted_by_every_module(run_module, tmp_path):
    bundle = tmp_path / 'corp-ca.pem'
    bundle.write_text(u'-----BEGIN CERTIFICATE-----\n')
    result, failed = run_module(INFO, info_args(ca_path=str(bundle)), [find_user()])
    assert not failed


def test_an_empty_api_url_from_the_environment_means_the_default(run_module, monkeypatch):
    # What AWX injects for an optional credential field left empty.
    monkeypatch.setenv('STATUSPAGE_API_URL', '')
    result, failed = run_module(INFO, info_args(), [find_user()])
    assert not failed and result['users'][0]['id'] == ANN['id']


def test_an_api_url_without_v1_says_so_on_the_404(capsys, monkeypatch):
    wrong = 'https://api.statuspage.io'

    def answers(rsps):
        rsps.get(wrong + USERS_PATH, status=404, body='<html>Not Found</html>', content_type='text/html')
        # The wrong-page check asks for the key's pages, from the same wrong base.
        rsps.get(wrong + '/pages', status=404, body='<html>Not Found</html>', content_type='text/html')

    result = json.loads(run_for_real(INFO, info_args(api_url=wrong), answers, capsys, monkeypatch))
    assert result['failed'] and 'api_url should end in /v1' in result['msg']


def test_a_401_names_the_base_url(run_module):
    result, failed = run_module(INFO, info_args(), [
        call('GET', USERS_PATH, query=dict(PAGING, email=ANN['email']), status=401, response={'error': 'Invalid key'})])
    assert failed and 'https://api.statuspage.io/v1' in result['msg'] and 'Invalid key' in result['msg']


# ---- a wrong page id lists the pages the key can see (issue 15) ------------------------------

@pytest.mark.parametrize('status, answer', [(404, {'message': 'Page not found'}), (403, {'message': 'Forbidden'})])
def test_a_wrong_page_id_lists_the_pages_the_key_can_see(run_module, status, answer):
    result, failed = run_module(INFO, info_args(page_id=OTHER_PAGE_ID), [
        call('GET', '/pages/%s/page_access_users' % OTHER_PAGE_ID, query=dict(PAGING, email=ANN['email']),
             status=status, response=answer),
        # Whether the page refuses its access endpoints (_page_access): the page itself is not there.
        call('GET', '/pages/%s' % OTHER_PAGE_ID, status=status, response=answer),
        call('GET', '/pages', response=PAGES),
    ])
    assert failed and result['status'] == status
    msg = result['msg']
    assert "page_id '%s'" % OTHER_PAGE_ID in msg and answer['message'] in msg
    assert "'Acme Cloud' (acmecloud123)" in msg and "'Acme Staging' (acmestaging1)" in msg


def test_a_404_under_a_page_the_key_sees_is_left_as_it_is(run_module):
    # The page is there: the 404 is about something else, and the message says what it said.
    result, failed = run_module(statuspage_access_group.main, {'page_id': PAGE_ID, 'name': 'Globex', 'state': 'absent'}, [
        call('GET', GROUPS_PATH, query=PAGING, status=404, response={'message': 'Not found'}),
        # Whether the page refuses its access endpoints (_page_access): its user list answers.
        call('GET', '/pages/%s/page_access_users' % PAGE_ID, query={'page': '1', 'per_page': '1'}, response=[]),
        call('GET', '/pages', response=PAGES),
    ])
    assert failed and 'Acme Staging' not in result['msg'] and 'Not found' in result['msg']


def test_the_embed_config_of_an_unknown_page_lists_the_pages(run_module):
    result, failed = run_module(statuspage_status_embed_config.main, {'page_id': 'nosuchpage00', 'position': 'bottom-left'}, [
        call('GET', '/pages/nosuchpage00/status_embed_config', status=404),
        call('GET', '/pages', response=PAGES),
    ])
    assert failed and 'no such page' in result['msg'] and "'Acme Cloud' (acmecloud123)" in result['msg']


# ---- e-mails and the embed position (issue 10, defect 7) -------------------------------------

@pytest.mark.parametrize('length', [255, 300, 70000])
def test_an_email_longer_than_254_characters_fails_before_any_request(run_module, length):
    email = 'a' * (length - len('@example.com')) + '@example.com'
    result, failed = run_module(statuspage_access_user.main, {'page_id': PAGE_ID, 'email': email})
    assert failed and '254' in result['msg'] and str(length) in result['msg']
    # The message names the address without repeating all of it.
    assert len(result['msg']) < 400


def test_an_email_of_254_characters_is_sent():
    from ansible_collections.community.statuspage.plugins.module_utils._users import email_problem
    assert email_problem('a' * 242 + '@example.com') is None


def test_an_embed_position_outside_the_documented_corners_fails_before_any_request(run_module):
    result, failed = run_module(statuspage_status_embed_config.main, {'page_id': PAGE_ID, 'position': 'middle'})
    assert failed and 'position' in result['msg'] and 'bottom-left' in result['msg']


# ---- what Ansible would print: AnsibleModule's own exit_json and fail_json -------------------

def b64(text):
    return base64.b64encode(text.encode('ascii')).decode('ascii')


ECHOES = [b64(API_KEY), b64('OAuth ' + API_KEY), b64(API_KEY + ':'), b64('user:' + API_KEY), API_KEY.encode().hex()]


def run_for_real(main, args, calls, capsys, monkeypatch):
    """Run ``main`` with AnsibleModule's own exit; ``calls`` is a list of ``call`` or a function of the mock."""
    for name in ('STATUSPAGE_API_KEY', 'STATUSPAGE_API_URL', 'STATUSPAGE_PAGE_ID'):
        monkeypatch.delenv(name, raising=False)
    with responses.RequestsMock(registry=OrderedRegistry, assert_all_requests_are_fired=True) as rsps:
        if callable(calls):
            calls(rsps)
        else:
            for declared in calls:
                register_call(rsps, declared)
        with module_args(dict(args, api_key=API_KEY)):
            with pytest.raises(SystemExit):
                main()
    return capsys.readouterr().out


def test_a_key_echoed_encoded_in_an_answer_reaches_no_output(capsys, monkeypatch):
    echoing = dict(ANN, external_login=' '.join(ECHOES))
    out = run_for_real(INFO, info_args(), [find_user(found=[echoing])], capsys, monkeypatch)
    assert json.loads(out)['users'][0]['id'] == ANN['id']
    for form in ECHOES + [API_KEY]:
        assert form not in out


def test_a_key_echoed_encoded_in_an_error_reaches_no_output(capsys, monkeypatch):
    out = run_for_real(statuspage_access_group.main, {'page_id': PAGE_ID, 'name': 'Hooli'}, [
        list_groups(),
        call('POST', GROUPS_PATH, status=422, body={'page_access_group': {'name': 'Hooli'}},
             response={'error': ['key %s refused' % ' '.join(ECHOES)]}),
    ], capsys, monkeypatch)
    assert json.loads(out)['failed'] is True and 'refused' in out
    for form in ECHOES + [API_KEY]:
        assert form not in out
