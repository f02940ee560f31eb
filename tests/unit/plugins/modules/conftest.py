# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json

import pytest
import responses
from responses.registries import OrderedRegistry

from ansible.module_utils import basic

from ansible_collections.community.statuspage.plugins.module_utils import _client
from ansible_collections.community.statuspage.tests.unit.plugins.modules.harness import (
    API_KEY,
    ModuleExit,
    module_args,
    register_call,
)


@pytest.fixture
def run_module(monkeypatch):
    def exit_json(self, **result):
        raise ModuleExit(result, failed=False)

    def fail_json(self, **result):
        raise ModuleExit(result, failed=True)

    warnings = []

    def warn(self, warning):
        warnings.append(warning)

    monkeypatch.setattr(basic.AnsibleModule, 'warn', warn)
    # Throttling tests must not really wait: the client sleeps through time.sleep.
    monkeypatch.setattr(_client.time, 'sleep', lambda seconds: None)
    monkeypatch.setattr(basic.AnsibleModule, 'exit_json', exit_json)
    monkeypatch.setattr(basic.AnsibleModule, 'fail_json', fail_json)
    for name in ('STATUSPAGE_API_KEY', 'STATUSPAGE_API_URL', 'STATUSPAGE_PAGE_ID'):
        monkeypatch.delenv(name, raising=False)

    def run(main, args, calls=(), check_mode=False, diff=False):
        args = dict(args)
        # api_key=None means "leave it out", to exercise the environment fallback.
        if args.setdefault('api_key', API_KEY) is None:
            del args['api_key']
        del warnings[:]
        args['_ansible_check_mode'] = check_mode
        args['_ansible_diff'] = diff
        with responses.RequestsMock(registry=OrderedRegistry, assert_all_requests_are_fired=True) as rsps:
            for declared in calls:
                register_call(rsps, declared)
            with module_args(args):
                with pytest.raises(ModuleExit) as caught:
                    main()
            sent = [(c.request.method, c.request.url) for c in rsps.calls]
            assert len(rsps.calls) == len(calls), 'sent %r' % (sent,)
        result = caught.value.result
        if warnings:
            result['warnings'] = list(warnings)
        # The key is the one secret: it must not appear anywhere in what a module returns.
        assert API_KEY not in json.dumps(result, default=str)
        return result, caught.value.failed

    return run
