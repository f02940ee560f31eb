# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.community.statuspage.plugins.modules import statuspage_access_user_metrics as module

from ansible_collections.community.statuspage.tests.unit.plugins.modules.harness import call

USERS = '/pages/acmecloud123/page_access_users'
MEMBERS = USERS + '/usrann000001/metrics'
PAGED = {'page': '1', 'per_page': '100'}
USER = {'id': 'usrann000001', 'page_id': 'acmecloud123', 'email': 'ann@globex.example'}
LATENCY = {'id': 'mtrlatency01', 'name': 'API Latency', 'suffix': 'ms'}
ERRORS = {'id': 'mtrerrors001', 'name': 'Error Rate', 'suffix': '%'}
UPTIME = {'id': 'mtruptime001', 'name': 'Uptime', 'suffix': '%'}
ARGS = {'page_id': 'acmecloud123', 'user_id': 'usrann000001'}


def get_user():
    return call('GET', USERS + '/usrann000001', response=USER)


def members(*items):
    return call('GET', MEMBERS, query=PAGED, response=list(items))


def page_metrics():
    return call('GET', '/pages/acmecloud123/metrics', query=PAGED, response=[LATENCY, ERRORS, UPTIME])


def test_grant_by_name_is_one_patch(run_module):
    result, failed = run_module(module.main, dict(ARGS, metrics=['API Latency', 'Uptime']), [
        get_user(), members(UPTIME), page_metrics(),
        call('PATCH', MEMBERS, body={'metric_ids': ['mtrlatency01']}, response=USER),
    ], diff=True)
    assert not failed and result['changed'] is True
    assert result['metrics'] == [{'id': 'mtrlatency01', 'name': 'API Latency'}, {'id': 'mtruptime001', 'name': 'Uptime'}]
    assert result['added'] == [{'id': 'mtrlatency01', 'name': 'API Latency'}] and result['removed'] == []
    assert result['diff'] == {'before': {'metrics': ['Uptime']}, 'after': {'metrics': ['API Latency', 'Uptime']}}


def test_nothing_to_change_by_known_ids_costs_two_reads(run_module):
    result, failed = run_module(module.main, dict(ARGS, metrics=['mtruptime001']), [get_user(), members(UPTIME)],
                                diff=True)
    assert not failed and result['changed'] is False
    assert result['diff']['before'] == result['diff']['after'] == {'metrics': ['Uptime']}


def test_check_mode_exact_set(run_module):
    result, failed = run_module(module.main, dict(ARGS, metrics=['Error Rate'], exclusive=True),
                                [get_user(), members(UPTIME, LATENCY), page_metrics()], check_mode=True)
    assert not failed and result['changed'] is True
    assert result['metrics'] == [{'id': 'mtrerrors001', 'name': 'Error Rate'}]
    assert [item['name'] for item in result['removed']] == ['API Latency', 'Uptime']


def test_exact_set_is_one_post(run_module):
    result, failed = run_module(module.main, dict(ARGS, metrics=['Error Rate', 'Uptime'], exclusive=True), [
        get_user(), members(UPTIME, LATENCY), page_metrics(),
        call('POST', MEMBERS, status=201, body={'metric_ids': ['mtrerrors001', 'mtruptime001']}, response=USER),
    ])
    assert not failed and result['changed'] is True


def test_revoke_is_a_delete_with_the_granted_ids_only(run_module):
    result, failed = run_module(module.main, dict(ARGS, metrics=['Uptime', 'Error Rate'], state='absent'), [
        get_user(), members(UPTIME, LATENCY), page_metrics(),
        call('DELETE', MEMBERS, body={'metric_ids': ['mtruptime001']}, response=USER),
    ])
    assert not failed and result['changed'] is True
    assert result['metrics'] == [{'id': 'mtrlatency01', 'name': 'API Latency'}]


def test_revoke_all_on_purpose(run_module):
    result, failed = run_module(module.main, dict(ARGS, metrics=[], exclusive=True), [
        get_user(), members(UPTIME, LATENCY),
        call('DELETE', MEMBERS, body={'metric_ids': ['mtrlatency01', 'mtruptime001']}, response=USER),
    ])
    assert not failed and result['changed'] is True and result['metrics'] == []


def test_unknown_metric_fails_before_any_write(run_module):
    result, failed = run_module(module.main, dict(ARGS, metrics=['Uptme', 'Latency99']),
                                [get_user(), members(), page_metrics()])
    assert failed
    assert "metrics: no metric 'Uptme' on this page; did you mean 'Uptime'?" in result['msg']
    assert "no metric 'Latency99'" in result['msg']


def test_unknown_user(run_module):
    result, failed = run_module(module.main, dict(ARGS, metrics=['Uptime']),
                                [call('GET', USERS + '/usrann000001', status=404)])
    assert failed and 'does not create users' in result['msg']


def test_email_and_user_id_must_agree(run_module):
    result, failed = run_module(module.main, dict(ARGS, email='bob@globex.example', metrics=['Uptime']), [get_user()])
    assert failed and "user_id 'usrann000001' is the page access user 'ann@globex.example'" in result['msg']


def test_bad_input_fails_before_any_request(run_module):
    result, failed = run_module(module.main, dict(ARGS, metrics=['Uptime'], state='absent', exclusive=True), [])
    assert failed and 'state=absent only revokes the listed metrics' in result['msg']
