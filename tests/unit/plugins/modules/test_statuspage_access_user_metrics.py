# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.community.statuspage.plugins.modules import statuspage_access_user_metrics as module

from ansible_collections.community.statuspage.tests.unit.plugins.demo_page import (
    ANN,
    ERROR_RATE,
    LATENCY,
    PAGE_ID,
    PAGING,
    UPTIME,
    get_user,
    list_metrics,
    metric,
    user_path,
)
from ansible_collections.community.statuspage.tests.unit.plugins.modules.harness import call

MEMBERS = user_path(ANN, 'metrics')
USER = ANN
ERRORS = ERROR_RATE
ARGS = {'page_id': PAGE_ID, 'user_id': ANN['id']}


def members(*items):
    return call('GET', MEMBERS, query=PAGING, response=list(items))


def page_metrics():
    return list_metrics()


def test_grant_by_name_is_one_patch(run_module):
    result, failed = run_module(module.main, dict(ARGS, metrics=['API Latency', 'Uptime']), [
        get_user(), members(UPTIME), page_metrics(),
        call('PATCH', MEMBERS, body={'metric_ids': [LATENCY['id']]}, response=USER),
    ], diff=True)
    assert not failed and result['changed'] is True
    assert result['metrics'] == [metric(LATENCY), metric(UPTIME)]
    assert result['added'] == [metric(LATENCY)] and result['removed'] == []
    assert result['diff'] == {'before': {'metrics': ['Uptime']}, 'after': {'metrics': ['API Latency', 'Uptime']}}


def test_nothing_to_change_by_known_ids_costs_two_reads(run_module):
    result, failed = run_module(module.main, dict(ARGS, metrics=[UPTIME['id']]), [get_user(), members(UPTIME)],
                                diff=True)
    assert not failed and result['changed'] is False
    assert result['diff']['before'] == result['diff']['after'] == {'metrics': ['Uptime']}


def test_check_mode_exact_set(run_module):
    result, failed = run_module(module.main, dict(ARGS, metrics=['Error Rate'], exclusive=True),
                                [get_user(), members(UPTIME, LATENCY), page_metrics()], check_mode=True)
    assert not failed and result['changed'] is True
    assert result['metrics'] == [metric(ERROR_RATE)]
    assert [item['name'] for item in result['removed']] == ['API Latency', 'Uptime']


def test_exact_set_is_one_post(run_module):
    result, failed = run_module(module.main, dict(ARGS, metrics=['Error Rate', 'Uptime'], exclusive=True), [
        get_user(), members(UPTIME, LATENCY), page_metrics(),
        call('POST', MEMBERS, status=201, body={'metric_ids': sorted([ERROR_RATE['id'], UPTIME['id']])}, response=USER),
    ])
    assert not failed and result['changed'] is True


def test_revoke_is_a_delete_with_the_granted_ids_only(run_module):
    result, failed = run_module(module.main, dict(ARGS, metrics=['Uptime', 'Error Rate'], state='absent'), [
        get_user(), members(UPTIME, LATENCY), page_metrics(),
        call('DELETE', MEMBERS, body={'metric_ids': [UPTIME['id']]}, response=USER),
    ])
    assert not failed and result['changed'] is True
    assert result['metrics'] == [metric(LATENCY)]


def test_revoke_all_on_purpose(run_module):
    result, failed = run_module(module.main, dict(ARGS, metrics=[], exclusive=True), [
        get_user(), members(UPTIME, LATENCY),
        call('DELETE', MEMBERS, body={'metric_ids': sorted([LATENCY['id'], UPTIME['id']])}, response=USER),
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
                                [get_user(status=404)])
    assert failed and 'does not create users' in result['msg']


def test_email_and_user_id_must_agree(run_module):
    result, failed = run_module(module.main, dict(ARGS, email='bob@globex.example', metrics=['Uptime']), [get_user()])
    assert failed and "user_id '%s' is the page access user 'ann@globex.example'" % ANN['id'] in result['msg']


def test_bad_input_fails_before_any_request(run_module):
    result, failed = run_module(module.main, dict(ARGS, metrics=['Uptime'], state='absent', exclusive=True), [])
    assert failed and 'state=absent only revokes the listed metrics' in result['msg']
