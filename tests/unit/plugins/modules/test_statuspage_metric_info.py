# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.community.statuspage.plugins.modules import statuspage_metric_info as module

from ansible_collections.community.statuspage.tests.unit.plugins.modules.harness import call

LATENCY = {'id': 'mtrlatency01', 'name': 'API Latency'}
ERRORS = {'id': 'mtrerrors001', 'name': 'Error Rate'}
TWIN = {'id': 'mtrerrors002', 'name': 'Error Rate'}


def page_metrics(page='1', items=(LATENCY, ERRORS, TWIN)):
    return call('GET', '/pages/acmecloud123/metrics', query={'page': page, 'per_page': '100'}, response=list(items))


@pytest.mark.parametrize('name, expected', [
    (None, [LATENCY, ERRORS, TWIN]),
    ('API Latency', [LATENCY]),
    ('mtrerrors002', [TWIN]),
    ('Error Rate', [ERRORS, TWIN]),
    ('Nope', []),
])
def test_metrics_filtered_by_name(run_module, name, expected):
    result, failed = run_module(module.main, {'page_id': 'acmecloud123', 'name': name}, [page_metrics()], check_mode=True)
    assert not failed and result == {'changed': False, 'metrics': expected}


def test_every_result_page_is_walked(run_module):
    many = [{'id': 'mtr%09d' % number, 'name': 'M%d' % number} for number in range(100)]
    result, failed = run_module(module.main, {'page_id': 'acmecloud123'}, [
        page_metrics(items=many), page_metrics(page='2', items=[LATENCY])])
    assert not failed and len(result['metrics']) == 101


def test_forbidden_page(run_module):
    result, failed = run_module(module.main, {'page_id': 'otherorg0001'}, [
        call('GET', '/pages/otherorg0001/metrics', query={'page': '1', 'per_page': '100'}, status=403,
             response={'message': 'Forbidden'})])
    assert failed and result['status'] == 403
