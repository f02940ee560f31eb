# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.community.statuspage.plugins.modules import statuspage_page
from ansible_collections.community.statuspage.plugins.modules import statuspage_page_info

from ansible_collections.community.statuspage.tests.unit.plugins.demo_page import list_pages
from ansible_collections.community.statuspage.tests.unit.plugins.modules.harness import API_KEY, call

PAGE = {
    'id': 'acmecloud123', 'name': 'Acme Cloud', 'subdomain': 'acmecloud', 'time_zone': 'UTC',
    'css_greens': '#2FCC66', 'allow_sms_subscribers': True, 'updated_at': '2026-01-01T00:00:00Z',
}
OTHER = {'id': 'otherorg0001', 'name': 'Other Org'}


def get_page(page=None):
    return call('GET', '/pages/acmecloud123', response=page or PAGE)


def test_nothing_to_change_costs_one_get(run_module):
    result, failed = run_module(statuspage_page.main, {
        'page_id': 'acmecloud123', 'name': 'Acme Cloud', 'css_greens': '#2fcc66', 'allow_sms_subscribers': True,
    }, [get_page()], diff=True)
    assert not failed and result['changed'] is False
    assert result['page'] == PAGE
    assert result['diff']['before'] == result['diff']['after']


def test_a_change_is_one_patch_with_only_what_differs(run_module):
    updated = dict(PAGE, time_zone='Europe/Berlin', allow_sms_subscribers=False)
    result, failed = run_module(statuspage_page.main, {
        'page_id': 'acmecloud123', 'name': 'Acme Cloud', 'time_zone': 'Europe/Berlin', 'allow_sms_subscribers': False,
    }, [
        get_page(),
        call('PATCH', '/pages/acmecloud123', body={'page': {'time_zone': 'Europe/Berlin', 'allow_sms_subscribers': False}},
             response=updated),
    ], diff=True)
    assert not failed and result['changed'] is True
    assert result['page'] == updated
    assert result['diff'] == {
        'before': {'allow_sms_subscribers': True, 'name': 'Acme Cloud', 'time_zone': 'UTC'},
        'after': {'allow_sms_subscribers': False, 'name': 'Acme Cloud', 'time_zone': 'Europe/Berlin'},
    }


def test_check_mode_predicts_without_writing(run_module):
    result, failed = run_module(statuspage_page.main, {'page_id': 'acmecloud123', 'css_reds': '#abc'},
                                [get_page()], check_mode=True, diff=True)
    assert not failed and result['changed'] is True
    assert result['page']['css_reds'] == '#abc'
    assert result['diff']['before'] == {'css_reds': None}


def test_check_mode_with_nothing_to_change(run_module):
    result, failed = run_module(statuspage_page.main, {'page_id': 'acmecloud123', 'css_greens': '2fcc66'},
                                [get_page()], check_mode=True)
    assert not failed and result['changed'] is False


def test_page_by_name_costs_one_list(run_module):
    result, failed = run_module(statuspage_page.main, {'page_name': 'Acme Cloud', 'name': 'Acme Status'}, [
        call('GET', '/pages', response=[OTHER, PAGE]),
        call('PATCH', '/pages/acmecloud123', body={'page': {'name': 'Acme Status'}}, response=dict(PAGE, name='Acme Status')),
    ])
    assert not failed and result['changed'] is True and result['page']['name'] == 'Acme Status'


def test_page_id_from_the_environment(run_module, monkeypatch):
    monkeypatch.setenv('STATUSPAGE_PAGE_ID', 'acmecloud123')
    result, failed = run_module(statuspage_page.main, {'time_zone': 'UTC'}, [get_page()])
    assert not failed and result['changed'] is False


def test_api_key_and_url_from_the_environment(run_module, monkeypatch):
    monkeypatch.setenv('STATUSPAGE_API_KEY', API_KEY)
    result, failed = run_module(statuspage_page.main, {'page_id': 'acmecloud123', 'api_key': None}, [get_page()])
    assert not failed, result


@pytest.mark.parametrize('args, words', [
    ({'page_id': 'acmecloud123', 'css_reds': 'red', 'css_blues': '#12345'},
     ["css_blues='#12345' is not a colour", "css_reds='red' is not a colour", '#1a2b3c']),
    ({'page_id': 'acmecloud123', 'api_url': 'http://api.statuspage.io/v1'}, ['plain http']),
    ({'page_id': 'acmecloud123', 'branding': 'gold'}, ['branding', 'basic, premium']),
    ({'name': 'x'}, ['page_id', 'page_name']),
])
def test_bad_input_fails_before_any_request(run_module, args, words):
    result, failed = run_module(statuspage_page.main, args, [])
    assert failed
    for word in words:
        assert word in result['msg']


def test_unknown_page_name_lists_the_pages(run_module):
    result, failed = run_module(statuspage_page.main, {'page_name': 'Nope', 'name': 'x'},
                                [call('GET', '/pages', response=[PAGE, OTHER])])
    assert failed
    assert "page_name 'Nope'" in result['msg'] and 'acmecloud123' in result['msg'] and 'otherorg0001' in result['msg']


def test_unknown_page_id(run_module):
    result, failed = run_module(statuspage_page.main, {'page_id': 'nosuchpage00', 'name': 'x'},
                                [call('GET', '/pages/nosuchpage00', status=404, response={'message': 'not found'}),
                                 list_pages()])
    assert failed and 'no such page' in result['msg'] and "sees 'Acme Cloud' (acmecloud123)" in result['msg']


def test_forbidden_page_says_so_once(run_module):
    result, failed = run_module(statuspage_page.main, {'page_id': 'otherorg0001', 'name': 'x'}, [
        call('GET', '/pages/otherorg0001', status=403, response={'message': 'Forbidden'}),
        list_pages()])
    assert failed
    assert result['status'] == 403 and result['method'] == 'GET' and result['path'] == '/pages/otherorg0001'
    assert 'Forbidden' in result['msg']


def test_patch_refused_by_the_api(run_module):
    result, failed = run_module(statuspage_page.main, {'page_id': 'acmecloud123', 'subdomain': 'taken'}, [
        get_page(),
        call('PATCH', '/pages/acmecloud123', status=422, body={'page': {'subdomain': 'taken'}},
             response={'error': ['Subdomain has already been taken']}),
    ])
    assert failed and result['status'] == 422
    assert 'Subdomain has already been taken' in result['msg']


def test_info_lists_all_pages(run_module):
    result, failed = run_module(statuspage_page_info.main, {}, [call('GET', '/pages', response=[PAGE, OTHER])])
    assert not failed and result == {'changed': False, 'pages': [PAGE, OTHER]}


def test_info_by_id(run_module):
    result, failed = run_module(statuspage_page_info.main, {'page_id': 'acmecloud123'}, [get_page()])
    assert not failed and result['pages'] == [PAGE]


def test_info_by_unknown_id_is_empty(run_module):
    result, failed = run_module(statuspage_page_info.main, {'page_id': 'nosuchpage00'},
                                [call('GET', '/pages/nosuchpage00', status=404)])
    assert not failed and result['pages'] == []


def test_info_by_name(run_module):
    result, failed = run_module(statuspage_page_info.main, {'page_name': 'Other Org'},
                                [call('GET', '/pages', response=[PAGE, OTHER])])
    assert not failed and result['pages'] == [OTHER]


def test_info_by_unknown_name_is_empty(run_module):
    result, failed = run_module(statuspage_page_info.main, {'page_name': 'Nope'},
                                [call('GET', '/pages', response=[PAGE, OTHER])])
    assert not failed and result['pages'] == []


def test_info_throttled_warns(run_module):
    result, failed = run_module(statuspage_page_info.main, {'rate_limit_retry_timeout': 5}, [
        call('GET', '/pages', status=420, headers={'Retry-After': '1'}, response={'message': 'slow'}),
        call('GET', '/pages', response=[PAGE]),
    ])
    assert not failed
    assert any('throttled' in w for w in result.get('warnings', []))


EMBED = {'page_id': 'acmecloud123', 'position': 'bottom-left', 'incident_background_color': '#e74c3c'}


def test_info_with_status_embed_config_costs_one_request_per_page(run_module):
    result, failed = run_module(statuspage_page_info.main, {'include_status_embed_config': True}, [
        call('GET', '/pages', response=[PAGE, OTHER]),
        call('GET', '/pages/acmecloud123/status_embed_config', response=EMBED),
        call('GET', '/pages/otherorg0001/status_embed_config', status=404),
    ])
    assert not failed
    assert result['pages'] == [dict(PAGE, status_embed_config=EMBED), dict(OTHER, status_embed_config=None)]


def test_info_by_id_with_status_embed_config(run_module):
    result, failed = run_module(statuspage_page_info.main, {'page_id': 'acmecloud123', 'include_status_embed_config': True}, [
        get_page(), call('GET', '/pages/acmecloud123/status_embed_config', response=EMBED)])
    assert not failed and result['pages'] == [dict(PAGE, status_embed_config=EMBED)]


def test_info_with_status_embed_config_and_no_match_sends_nothing_more(run_module):
    result, failed = run_module(statuspage_page_info.main, {'page_name': 'Nope', 'include_status_embed_config': True},
                                [call('GET', '/pages', response=[PAGE])])
    assert not failed and result['pages'] == []


def test_an_empty_page_id_fails_before_any_request(run_module):
    result, failed = run_module(statuspage_page_info.main, {'page_id': '  '}, [])
    assert failed and 'page_id is empty' in result['msg'] and 'STATUSPAGE_PAGE_ID' in result['msg']
