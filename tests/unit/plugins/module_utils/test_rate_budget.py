# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The shared rate budget, on fake time (and, for the locks, real processes)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import os
import signal
import stat
import subprocess
import sys
import time

import pytest

from ansible_collections.community.statuspage.plugins.module_utils import _rate_budget
from ansible_collections.community.statuspage.plugins.module_utils._rate_budget import (
    RateBudget,
    budget_directory,
    budget_for,
    budget_name,
    budget_problem,
    next_turn,
)

KEY = 'unit-test-secret-key'


class FakeTime(object):
    def __init__(self, now=1000000.0):
        self.now = now
        self.slept = []

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.slept.append(seconds)
        self.now += seconds


def budget(directory, clock, **options):
    return RateBudget(str(directory), budget_name('https://api.statuspage.io/v1', KEY), clock=clock,
                      sleep=clock.sleep, **options)


def test_a_burst_up_to_the_budget_is_not_delayed_then_the_window_spaces_requests(tmp_path):
    clock = FakeTime()
    paced = budget(tmp_path, clock, limit=60, period=60)
    for dummy in range(60):
        assert paced.acquire() == 0
        clock.now += 0.1
    # The 61st waits until the first of the burst is 60 s old, not a second more.
    assert paced.acquire() == pytest.approx(54.0)
    assert paced.waits == 1 and paced.waited == pytest.approx(54.0)


def test_the_bucket_model_refills_one_a_second_after_its_burst(tmp_path):
    clock = FakeTime()
    paced = budget(tmp_path, clock, limit=60, period=60, model='bucket')
    assert sum(paced.acquire() for dummy in range(60)) == 0
    assert paced.acquire() == pytest.approx(1.0)
    assert paced.acquire() == pytest.approx(1.0)


def test_two_processes_of_one_key_share_the_budget(tmp_path):
    clock = FakeTime()
    first, second = budget(tmp_path, clock, limit=10, period=10), budget(tmp_path, clock, limit=10, period=10)
    for dummy in range(5):
        assert first.acquire() == 0 and second.acquire() == 0
    assert second.acquire() == pytest.approx(10.0)
    # Another key, or another API, has a budget of its own.
    assert budget_name('https://api.statuspage.io/v1', 'other') != budget_name('https://api.statuspage.io/v1', KEY)
    assert budget_name('http://127.0.0.1:8080/v1', KEY) != budget_name('https://api.statuspage.io/v1', KEY)


def test_a_throttled_answer_holds_the_other_processes_not_the_refused_one():
    state = {'hold': 1030.0, 'holder': 111}
    assert next_turn(state, 1000.0, 60, 60.0, 'window', me=222)[0] == pytest.approx(30.0)
    wait, after = next_turn(state, 1000.0, 60, 60.0, 'window', me=111)
    assert wait == 0 and after['log'] == [1000.0] and after['hold'] == 1030.0


def test_throttled_writes_the_hold_for_everyone(tmp_path):
    clock = FakeTime()
    paced = budget(tmp_path, clock)
    paced.throttled(60)
    with open(paced.path) as handle:
        state = json.load(handle)
    assert state['hold'] == clock.now + 60 and state['holder'] == os.getpid()


def test_the_file_is_the_owners_alone_and_never_named_by_the_key(tmp_path):
    clock = FakeTime()
    paced = budget(tmp_path / 'dir', clock)
    paced.acquire()
    assert stat.S_IMODE(os.stat(str(tmp_path / 'dir')).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(paced.path).st_mode) == 0o600
    assert KEY not in paced.path
    with open(paced.path) as handle:
        assert KEY not in handle.read()


@pytest.mark.parametrize('content', [b'not json', b'[1, 2]', b'{"log": "x"}', b'{"log": [9e99]}', b'{"hold": 9e99}'])
def test_a_corrupt_or_impossible_file_is_reset(tmp_path, content):
    clock = FakeTime()
    paced = budget(tmp_path, clock)
    with open(paced.path, 'wb') as handle:
        handle.write(content)
    assert paced.acquire() == 0
    with open(paced.path) as handle:
        assert json.load(handle) == {'log': [clock.now]}


HOLD_LOCK = '''
import fcntl, os, sys, time
descriptor = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o600)
fcntl.flock(descriptor, fcntl.LOCK_EX)
print('locked', flush=True)
time.sleep(60)
'''


def _holder(path):
    process = subprocess.Popen([sys.executable, '-c', HOLD_LOCK, path], stdout=subprocess.PIPE)
    assert process.stdout.readline().strip() == b'locked'
    return process


def test_a_lock_left_by_a_killed_process_does_not_block(tmp_path):
    paced = budget_for('https://api.statuspage.io/v1', KEY, environ={'ANSIBLE_LOCAL_TEMP': str(tmp_path)})
    os.makedirs(paced.directory)
    holder = _holder(paced.path)
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    started = time.time()
    assert paced.acquire() == 0
    assert time.time() - started < 1.0 and paced.lock_timeouts == 0


def test_a_lock_held_too_long_is_passed_by(tmp_path, monkeypatch):
    monkeypatch.setattr(_rate_budget, 'LOCK_PATIENCE', 0.3)
    paced = budget_for('https://api.statuspage.io/v1', KEY, environ={'ANSIBLE_LOCAL_TEMP': str(tmp_path)})
    os.makedirs(paced.directory)
    holder = _holder(paced.path)
    try:
        started = time.time()
        assert paced.acquire() == 0
        assert time.time() - started < 2.0 and paced.lock_timeouts == 1
    finally:
        holder.kill()
        holder.wait()


def test_the_directory_is_under_the_ansible_temporary_directory(tmp_path, monkeypatch):
    assert budget_directory({'ANSIBLE_LOCAL_TEMP': str(tmp_path)}) == str(tmp_path / 'community.statuspage-rate-budget')
    monkeypatch.setenv('HOME', str(tmp_path))
    assert budget_directory({}) == str(tmp_path / '.ansible' / 'tmp' / 'community.statuspage-rate-budget')


def test_bad_numbers_are_named():
    assert 'rate_limit_requests=0' in budget_problem(0, 60, 'window')
    assert 'rate_limit_period=0' in budget_problem(60, 0, 'window')
    assert 'rate_limit_model' in budget_problem(60, 60, 'sliding')
    assert budget_problem(60, 60.0, 'bucket') is None


def test_a_request_counts_from_its_answer_so_a_slow_network_never_overfills_the_window(tmp_path):
    clock = FakeTime()
    paced = budget(tmp_path, clock, limit=2, period=10)
    paced.acquire()
    clock.now += 3.0  # the answer came 3 s later: the server may have counted it then
    paced.answered()
    paced.acquire()
    paced.answered()
    assert paced.acquire() == pytest.approx(10.0)
