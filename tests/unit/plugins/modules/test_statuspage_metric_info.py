# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.community.statuspage.plugins.modules import statuspage_metric_info as module

from ansible_collections.community.statuspage.tests.unit.plugins.demo_page import (
    ERROR_RATE,
    LATENCY,
    METRICS,
    OTHER_PAGE_ID,
    PAGE_ID,
    UPTIME,
    list_of,
    list_pages,
    page_path,
)
from ansible_collections.community.statuspage.tests.unit.plugins.modules.harness import call

# Two metrics of one name, beside the demo page's.
TWIN = dict(ERROR_RATE, id='mtrerrors002')


def page_metrics(page=1, items=tuple(METRICS) + (TWIN,)):
    return list_of(page_path('metrics'), items, page=page)


@pytest.mark.parametrize('name, expected', [
    (None, [LATENCY, ERROR_RATE, UPTIME, TWIN]),
    ('API Latency', [LATENCY]),
    (TWIN['id'], [TWIN]),
    ('Error Rate', [ERROR_RATE, TWIN]),
    ('Nope', []),
])
def test_metrics_filtered_by_name(run_module, name, expected):
    result, failed = run_module(module.main, {'page_id': PAGE_ID, 'name': name}, [page_metrics()], check_mode=True)
    assert not failed and result == {'changed': False, 'metrics': expected}


def test_every_result_page_is_walked(run_module):
    many = [{'id': 'mtr%09d' % number, 'name': 'M%d' % number} for number in range(100)]
    result, failed = run_module(module.main, {'page_id': PAGE_ID}, [
        page_metrics(items=many), page_metrics(page=2, items=[LATENCY])])
    assert not failed and len(result['metrics']) == 101


def test_forbidden_page(run_module):
    result, failed = run_module(module.main, {'page_id': OTHER_PAGE_ID}, [
        call('GET', '/pages/%s/metrics' % OTHER_PAGE_ID, query={'page': '1', 'per_page': '100'}, status=403,
             response={'message': 'Forbidden'}),
        list_pages()])
    assert failed and result['status'] == 403 and "it sees 'Acme Cloud' (acmecloud123)" in result['msg']
