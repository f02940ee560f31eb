# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.community.statuspage.plugins.modules import statuspage_status_embed_config as module

from ansible_collections.community.statuspage.tests.unit.plugins.modules.harness import call

PATH = '/pages/acmecloud123/status_embed_config'
CONFIG = {
    'page_id': 'acmecloud123', 'position': 'bottom-left',
    'incident_background_color': '#E74C3C', 'incident_text_color': '#ffffff',
    'maintenance_background_color': '#0b6bcb', 'maintenance_text_color': '#fff',
}


def get_config(config=None):
    return call('GET', PATH, response=config or CONFIG)


def test_nothing_to_change_costs_one_get(run_module):
    result, failed = run_module(module.main, {
        'page_id': 'acmecloud123', 'position': 'bottom-left', 'incident_background_color': '#e74c3c',
        'maintenance_text_color': '#FFFFFF',
    }, [get_config()], diff=True)
    assert not failed and result['changed'] is False
    assert result['status_embed_config'] == CONFIG
    assert result['diff']['before'] == result['diff']['after']


def test_a_change_is_one_patch_with_only_what_differs(run_module):
    updated = dict(CONFIG, position='bottom-right', incident_text_color='#000000')
    result, failed = run_module(module.main, {
        'page_id': 'acmecloud123', 'position': 'bottom-right', 'incident_text_color': '#000000',
        'incident_background_color': '#e74c3c',
    }, [
        get_config(),
        call('PATCH', PATH, body={'status_embed_config': {'position': 'bottom-right', 'incident_text_color': '#000000'}},
             response=updated),
    ], diff=True)
    assert not failed and result['changed'] is True
    assert result['status_embed_config'] == updated
    assert result['diff'] == {
        'before': {'incident_background_color': '#E74C3C', 'incident_text_color': '#ffffff', 'position': 'bottom-left'},
        'after': {'incident_background_color': '#E74C3C', 'incident_text_color': '#000000', 'position': 'bottom-right'},
    }


def test_check_mode_predicts_without_writing(run_module):
    result, failed = run_module(module.main, {'page_id': 'acmecloud123', 'maintenance_background_color': '#abc'},
                                [get_config()], check_mode=True, diff=True)
    assert not failed and result['changed'] is True
    assert result['status_embed_config'] == dict(CONFIG, maintenance_background_color='#abc')
    assert result['diff'] == {'before': {'maintenance_background_color': '#0b6bcb'},
                              'after': {'maintenance_background_color': '#abc'}}


def test_check_mode_with_nothing_to_change(run_module):
    result, failed = run_module(module.main, {'page_id': 'acmecloud123', 'maintenance_text_color': 'ffffff'},
                                [get_config()], check_mode=True)
    assert not failed and result['changed'] is False


def test_page_id_from_the_environment(run_module, monkeypatch):
    monkeypatch.setenv('STATUSPAGE_PAGE_ID', 'acmecloud123')
    result, failed = run_module(module.main, {'position': 'bottom-left'}, [get_config()])
    assert not failed and result['changed'] is False


@pytest.mark.parametrize('args, words', [
    ({'page_id': 'acmecloud123', 'incident_text_color': 'white', 'maintenance_background_color': '#12345'},
     ["incident_text_color='white' is not a colour", "maintenance_background_color='#12345' is not a colour"]),
    ({'page_id': 'acmecloud123', 'position': ' '}, ['position must be one of', 'bottom-left']),
    ({'position': 'bottom-left'}, ['page_id']),
])
def test_bad_input_fails_before_any_request(run_module, args, words):
    result, failed = run_module(module.main, args, [])
    assert failed
    for word in words:
        assert word in result['msg']


def test_unknown_page(run_module):
    result, failed = run_module(module.main, {'page_id': 'nosuchpage00', 'position': 'bottom-left'}, [
        call('GET', '/pages/nosuchpage00/status_embed_config', status=404),
        call('GET', '/pages', response=[{'id': 'acmecloud123', 'name': 'Acme Cloud'}]),
    ])
    assert failed and 'no such page' in result['msg'] and "'Acme Cloud' (acmecloud123)" in result['msg']


def test_forbidden_page(run_module):
    result, failed = run_module(module.main, {'page_id': 'otherorg0001', 'position': 'bottom-left'}, [
        call('GET', '/pages/otherorg0001/status_embed_config', status=403, response={'message': 'Forbidden'}),
        call('GET', '/pages', response=[{'id': 'acmecloud123', 'name': 'Acme Cloud'}]),
    ])
    assert failed and result['status'] == 403 and 'Forbidden' in result['msg']


def test_position_refused_by_the_api(run_module):
    result, failed = run_module(module.main, {'page_id': 'acmecloud123', 'position': 'top-right'}, [
        get_config(),
        call('PATCH', PATH, status=422, body={'status_embed_config': {'position': 'top-right'}},
             response={'error': ['Position is not included in the list']}),
    ])
    assert failed and result['status'] == 422
    assert 'Position is not included in the list' in result['msg']


def test_the_path_is_built_in_one_place_shared_with_page_info():
    from ansible_collections.community.statuspage.plugins.module_utils import _pages
    from ansible_collections.community.statuspage.plugins.modules import statuspage_page_info
    assert _pages.status_embed_config_path('acmecloud123') == PATH
    assert _pages.status_embed_config_path('a/b c') == '/pages/a%2Fb%20c/status_embed_config'
    assert module.status_embed_config_path is _pages.status_embed_config_path
    assert statuspage_page_info.status_embed_config_path is _pages.status_embed_config_path
