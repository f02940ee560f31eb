# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Running a module's main() in-process with declared HTTP calls.

``run_module(main, args, calls, check_mode=False, diff=False)`` runs the module against exactly
the requests listed in ``calls`` (in order, each matched on method, URL, query and JSON body) and
fails the test if the module sends anything else, or leaves a declared call unsent.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import contextlib
import json

from responses import matchers

from ansible.module_utils import basic

API = 'https://api.statuspage.io/v1'
API_KEY = 'unit-test-secret-key'


@contextlib.contextmanager
def module_args(args):
    """Hand ``args`` to AnsibleModule, on every ansible-core from 2.16 on."""
    try:
        from ansible.module_utils.testing import patch_module_args  # ansible-core >= 2.19
    except ImportError:
        patch_module_args = None
    if patch_module_args is not None:
        with patch_module_args(args):
            yield
        return
    saved = basic._ANSIBLE_ARGS
    basic._ANSIBLE_ARGS = json.dumps({'ANSIBLE_MODULE_ARGS': args}).encode('utf-8')
    try:
        yield
    finally:
        basic._ANSIBLE_ARGS = saved


class ModuleExit(Exception):
    def __init__(self, result, failed):
        super(ModuleExit, self).__init__(result)
        self.result = result
        self.failed = failed


def call(method, path, status=200, response=None, query=None, body=None, headers=None, raises=None, html=None):
    """One declared request: ``path`` under the API, exact ``query`` and JSON ``body`` if given.

    ``raises`` is an exception the transport raises instead of answering (a lost answer);
    ``html`` is a text/html body answered instead of JSON (a proxy's or a firewall's page).
    """
    return dict(method=method, path=path, status=status, response=response, query=query,
                body=body, headers=headers, raises=raises, html=html)


def register_call(rsps, declared):
    match = [matchers.header_matcher({'Authorization': 'OAuth %s' % API_KEY})]
    if declared['query'] is not None:
        match.append(matchers.query_param_matcher(declared['query']))
    else:
        match.append(matchers.query_string_matcher(None))
    if declared['body'] is not None:
        match.append(matchers.json_params_matcher(declared['body']))
    kwargs = dict(method=declared['method'], url=API + declared['path'], status=declared['status'],
                  match=match, headers=declared['headers'])
    if declared.get('raises') is not None:
        kwargs['body'] = declared['raises']
    elif declared.get('html') is not None:
        kwargs.update(body=declared['html'], content_type='text/html')
    elif declared['response'] is not None:
        kwargs['json'] = declared['response']
    rsps.add(**kwargs)
