# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The write policy, resource by resource alike: create once, delete if present."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.community.statuspage.plugins.module_utils import _write_policy
from ansible_collections.community.statuspage.plugins.module_utils._errors import (
    ConflictError,
    InvalidRequestError,
    NotFoundError,
    ServerError,
    StatuspageError,
    TransportError,
)
from ansible_collections.community.statuspage.plugins.module_utils._retry_policy import RereadPacing
from ansible_collections.community.statuspage.plugins.module_utils._write_policy import (
    CREATED,
    EXISTED,
    RECOVERED,
    create_once,
    delete_if_present,
    outcome_unknown,
)

WHAT = 'thing x on page p'
MADE = {'id': 'thing0000001', 'name': 'x'}


class Clock(object):
    """The sleeps of a re-read schedule, recorded instead of waited."""

    def __init__(self):
        self.slept = []

    def sleep(self, seconds):
        self.slept.append(seconds)


def lost(status=None, waits=None, clock=None):
    """A create whose answer was lost: a 5xx to a POST, or no answer at all.

    With ``waits``, it carries the client's re-read pacing (what ``StatuspageClient`` attaches).
    """
    if status:
        exc = ServerError('POST /things answered %d' % status, outcome_unknown=True, method='POST', path='/things', status=status)
    else:
        exc = TransportError('POST /things failed without an answer', outcome_unknown=True, method='POST', path='/things')
    if waits is not None:
        exc.reread_pacing = RereadPacing(waits, clock.sleep)
    return exc


class Script(object):
    """A create and re-reads that answer from a script, counting the calls."""

    def __init__(self, creates, rereads=(), conflict_rereads=()):
        self.creates = list(creates)
        self.rereads = list(rereads)
        self.conflict_rereads = list(conflict_rereads)
        self.calls = []

    def create(self):
        self.calls.append('create')
        outcome = self.creates.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    def reread(self):
        self.calls.append('reread')
        return self.rereads.pop(0)

    def reread_after_conflict(self):
        self.calls.append('conflict')
        return self.conflict_rereads.pop(0)


def unique(script):
    return create_once(script.create, script.reread, WHAT, reread_after_conflict=script.reread_after_conflict)


def not_unique(script):
    return create_once(script.create, script.reread, WHAT)


@pytest.mark.parametrize('exc, unknown', [
    (lost(), True), (lost(503), True),
    (ServerError('x', outcome_unknown=False), False), (TransportError('x'), False), (ConflictError('x'), False),
])
def test_what_counts_as_outcome_unknown(exc, unknown):
    assert outcome_unknown(exc) is unknown


@pytest.mark.parametrize('policy', [unique, not_unique])
def test_an_answered_create_is_created(policy):
    script = Script([MADE])
    assert policy(script) == (MADE, CREATED) and script.calls == ['create']


@pytest.mark.parametrize('policy', [unique, not_unique])
def test_a_lost_create_found_by_the_reread_is_recovered_not_repeated(policy):
    script = Script([lost(502)], rereads=[[MADE]])
    assert policy(script) == (MADE, RECOVERED) and script.calls == ['create', 'reread']


@pytest.mark.parametrize('policy', [unique, not_unique])
def test_several_candidates_after_a_lost_create_fail_naming_them(policy):
    script = Script([lost()], rereads=[[MADE, dict(MADE, id='thing0000002')]])
    with pytest.raises(StatuspageError) as caught:
        policy(script)
    assert 'thing0000001, thing0000002' in str(caught.value) and 'not tried again' in str(caught.value)
    assert script.calls == ['create', 'reread']


@pytest.mark.parametrize('policy', [unique, not_unique])
def test_a_refused_create_is_not_reread(policy):
    script = Script([InvalidRequestError('POST /things answered 422', status=422)])
    with pytest.raises(InvalidRequestError):
        policy(script)
    assert script.calls == ['create']


def test_unique_a_409_is_read_back_and_adopted():
    script = Script([ConflictError('POST /things answered 409', status=409)], conflict_rereads=[MADE])
    assert unique(script) == (MADE, EXISTED) and script.calls == ['create', 'conflict']


def test_unique_a_409_that_cannot_be_read_back_fails():
    script = Script([ConflictError('POST /things answered 409', status=409, method='POST', path='/things')],
                    conflict_rereads=[None])
    with pytest.raises(StatuspageError) as caught:
        unique(script)
    assert str(caught.value) == 'creating thing x on page p answered 409 (already exists), yet it cannot be found when read back'
    assert caught.value.status == 409 and caught.value.path == '/things'


def test_unique_a_lost_create_reread_as_absent_is_sent_once_more():
    script = Script([lost(500), MADE], rereads=[[]])
    assert unique(script) == (MADE, CREATED) and script.calls == ['create', 'reread', 'create']


def test_unique_two_lost_creates_fail_without_a_third():
    script = Script([lost(500), lost()], rereads=[[], []])
    with pytest.raises(StatuspageError) as caught:
        unique(script)
    assert 'failed twice' in str(caught.value) and 'did not happen' in str(caught.value) and 'third' in str(caught.value)
    assert script.calls == ['create', 'reread', 'create', 'reread']


def test_not_unique_a_409_is_an_error_like_any_other():
    script = Script([ConflictError('POST /things answered 409', status=409)])
    with pytest.raises(ConflictError):
        not_unique(script)
    assert script.calls == ['create']


def test_not_unique_a_lost_create_reread_as_absent_fails_unrepeated_saying_it_may_still_appear():
    script = Script([lost(503)], rereads=[[]])
    with pytest.raises(StatuspageError) as caught:
        not_unique(script)
    assert script.calls == ['create', 'reread']
    error = caught.value
    assert (error.method, error.path, error.status) == ('POST', '/things', 503)
    message = str(error)
    assert 'POST /things answered 503' in message and 'may still appear' in message
    assert 'a blind re-run can duplicate it' in message


# ---- the patient re-read (issue 10, defect 1: a slow group create plus a re-run made two) -----

def test_not_unique_a_slow_create_that_appears_during_the_wait_is_recovered():
    clock = Clock()
    script = Script([lost(waits=(1, 2, 4), clock=clock)], rereads=[[], [], [MADE]])
    assert not_unique(script) == (MADE, RECOVERED)
    assert script.calls == ['create', 'reread', 'reread', 'reread'] and clock.slept == [1, 2]


def test_not_unique_a_create_that_never_appears_fails_after_the_bounded_wait():
    clock = Clock()
    script = Script([lost(waits=(1, 2, 4), clock=clock)], rereads=[[], [], [], []])
    with pytest.raises(StatuspageError) as caught:
        not_unique(script)
    # Every wait of the schedule, a read after each, and never a second create.
    assert script.calls == ['create'] + ['reread'] * 4 and clock.slept == [1, 2, 4]
    message = str(caught.value)
    assert 'read back 4 times over 7 seconds' in message
    assert 'may still appear' in message and 'a blind re-run can duplicate it' in message


def test_unique_a_create_absent_after_the_wait_is_sent_once_more():
    clock = Clock()
    script = Script([lost(waits=(1, 2), clock=clock), MADE], rereads=[[], [], []])
    assert unique(script) == (MADE, CREATED)
    assert script.calls == ['create', 'reread', 'reread', 'reread', 'create'] and clock.slept == [1, 2]


def test_two_candidates_appearing_during_the_wait_fail_naming_them():
    clock = Clock()
    script = Script([lost(waits=(1, 2), clock=clock)], rereads=[[], [MADE, dict(MADE, id='thing0000002')]])
    with pytest.raises(StatuspageError) as caught:
        not_unique(script)
    assert 'thing0000001, thing0000002' in str(caught.value) and clock.slept == [1]


def test_an_error_without_pacing_is_read_back_once():
    script = Script([lost(503)], rereads=[[]])
    with pytest.raises(StatuspageError):
        not_unique(script)
    assert script.calls == ['create', 'reread']


def test_every_reread_after_an_unknown_outcome_goes_through_one_function(monkeypatch):
    # The patient re-read lives in one function: a change there reaches every resource.
    seen = []

    def patient(reread, pacing=None):
        seen.append(reread)
        return [MADE]

    monkeypatch.setattr(_write_policy, 'reread_after_unknown_outcome', patient)
    for policy in (unique, not_unique):
        script = Script([lost()])
        assert policy(script) == (MADE, RECOVERED)
    assert len(seen) == 2


class Deleter(object):
    def __init__(self, outcome=None):
        self.outcome = outcome
        self.sent = []

    def delete(self, path):
        self.sent.append(path)
        if self.outcome is not None:
            raise self.outcome


def test_delete_if_present():
    assert delete_if_present(Deleter(), '/things/1') is True
    # Gone since it was read: someone else deleted it, which is no change of ours.
    assert delete_if_present(Deleter(NotFoundError('gone', status=404)), '/things/1') is False
    # A 404 to a DELETE the client had to send again: our first attempt did it.
    retried = NotFoundError('gone', status=404)
    retried.retried = True
    assert delete_if_present(Deleter(retried), '/things/1') is True
    quiet = Deleter()
    assert delete_if_present(quiet, '/things/1', check_mode=True) is True and quiet.sent == []


def test_delete_if_present_lets_other_errors_through():
    with pytest.raises(ServerError):
        delete_if_present(Deleter(ServerError('500', status=500)), '/things/1')
