# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import contextlib

import pytest
import responses
from responses.registries import OrderedRegistry

from ansible_collections.community.statuspage.plugins.module_utils._client import StatuspageClient
from ansible_collections.community.statuspage.tests.unit.plugins.modules.harness import API_KEY, register_call


class DeclaredApi(object):
    """A real client whose requests must be exactly the declared calls (``harness.call``), in order."""

    def __init__(self):
        self.client = StatuspageClient(API_KEY, sleep=lambda seconds: None)

    @contextlib.contextmanager
    def expect(self, calls):
        with responses.RequestsMock(registry=OrderedRegistry, assert_all_requests_are_fired=True) as rsps:
            for declared in calls:
                register_call(rsps, declared)
            yield self.client
            sent = [(c.request.method, c.request.url) for c in rsps.calls]
            assert len(rsps.calls) == len(calls), 'sent %r' % (sent,)


@pytest.fixture
def api():
    return DeclaredApi()


class FakeTime(object):
    """Records how long the client would sleep, so throttling and re-read tests take no time."""

    def __init__(self):
        self.slept = []

    def sleep(self, seconds):
        self.slept.append(seconds)


@pytest.fixture
def fake_time():
    return FakeTime()


@pytest.fixture
def rsps():
    """Every request of the test must be one registered here, in order, and each is sent."""
    with responses.RequestsMock(registry=OrderedRegistry, assert_all_requests_are_fired=True) as mock:
        yield mock
