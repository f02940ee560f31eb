# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The rate budget options every module shares (issue 12): on by default, off by option or environment."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import os

import pytest

from ansible_collections.community.statuspage.plugins.module_utils._rate_budget import DIRECTORY_NAME
from ansible_collections.community.statuspage.plugins.modules import statuspage_access_user_info
from ansible_collections.community.statuspage.tests.unit.plugins.demo_page import ANN, PAGE_ID, find_user
from ansible_collections.community.statuspage.tests.unit.plugins.modules.harness import API_KEY, call

INFO = statuspage_access_user_info.main


def info_args(**extra):
    base = {'page_id': PAGE_ID, 'email': ANN['email']}
    base.update(extra)
    return base


def budget_files():
    directory = os.path.join(os.environ['ANSIBLE_LOCAL_TEMP'], DIRECTORY_NAME)
    return [os.path.join(directory, name) for name in os.listdir(directory)] if os.path.isdir(directory) else []


def test_each_request_takes_its_turn_from_the_keys_budget_by_default(run_module):
    result, failed = run_module(INFO, info_args(), [find_user()])
    assert not failed, result
    files = budget_files()
    assert len(files) == 1 and API_KEY not in files[0]
    with open(files[0]) as handle:
        assert len(json.load(handle)['log']) == 1


@pytest.mark.parametrize('how', ['option', 'environment'])
def test_rate_limit_pacing_false_leaves_no_budget(run_module, monkeypatch, how):
    extra = {'rate_limit_pacing': False} if how == 'option' else {}
    if how == 'environment':
        monkeypatch.setenv('STATUSPAGE_RATE_LIMIT_PACING', 'false')
    result, failed = run_module(INFO, info_args(**extra), [find_user()])
    assert not failed, result
    assert budget_files() == []


@pytest.mark.parametrize('option, value, message', [
    ('rate_limit_requests', 0, 'rate_limit_requests=0'),
    ('rate_limit_period', -1, 'rate_limit_period=-1'),
])
def test_bad_budget_numbers_fail_before_any_request(run_module, option, value, message):
    result, failed = run_module(INFO, info_args(**{option: value}), [])
    assert failed and message in result['msg']


def test_a_throttled_answer_is_still_waited_out_and_holds_the_other_processes(run_module):
    throttled = call('GET', find_user()['path'], status=420, query=find_user()['query'],
                     headers={'Retry-After': '7'}, response={'message': 'Rate limit exceeded'})
    result, failed = run_module(INFO, info_args(), [throttled, find_user()])
    assert not failed, result
    with open(budget_files()[0]) as handle:
        state = json.load(handle)
    assert state['holder'] == os.getpid() and len(state['log']) == 2
