# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""One rate budget per API key on a controller, shared by every process that uses the key.

Private to community.statuspage: it may change without notice.

Statuspage allows "1 request / second as measured on a 60 second rolling window" per key
(https://developer.statuspage.io, "Rate Limiting") and refuses the rest with 420 or 429. Forks,
parallel plays and several ansible-playbook runs on one controller share a key but not a client:
each would learn the limit on its own, by being refused. So every client of a key takes a turn
from one small state file before each request:

- the file is in ``community.statuspage-rate-budget/`` (mode 0700) under the user's Ansible
  temporary directory (``ANSIBLE_LOCAL_TEMP``, else ``~/.ansible/tmp``), named by a SHA-256 of
  the API's base URL and the key (never the key), mode 0600;
- ``model='window'`` (the default): at most ``limit`` requests in any rolling ``period``
  seconds, which a server that is a token bucket (a burst, then ``limit / period`` a second)
  accepts too; ``model='bucket'``: a burst of ``limit``, then ``limit / period`` a second,
  faster after a burst where the server is known to be a bucket;
- a request counts from its answer (``answered``), the latest it can have reached the server, so
  the network's delay never lets a window hold one request too many;
- a burst up to the budget is never delayed, so one process alone is not slowed down before
  the server would refuse it;
- a throttled answer (``throttled(seconds)``) holds every other process of the key for its
  ``Retry-After`` (the refused one waits it out in its own request loop);
- ``fcntl.flock`` is held only while the file is read and written, and the kernel releases it
  when its process dies, so no lock is left stale; a lock still held after ``LOCK_PATIENCE``
  seconds (a process stopped while holding it) is passed by, for that request, rather than
  waited on; a file that cannot be read as a budget is reset.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import errno
import hashlib
import json
import os
import time

try:
    import fcntl
    HAS_FCNTL = True
except ImportError:  # pragma: no cover - not a POSIX controller: no shared budget
    HAS_FCNTL = False

DEFAULT_LIMIT = 60
DEFAULT_PERIOD = 60.0
MODELS = ('window', 'bucket')
DIRECTORY_NAME = 'community.statuspage-rate-budget'
LOCK_PATIENCE = 5.0
LOCK_POLL = 0.05
# A hold longer than this (a clock moved back, a file written by hand) is not believed.
MAX_HOLD = 300.0


def budget_directory(environ=None):
    """The directory of the budget files: under ANSIBLE_LOCAL_TEMP, else ~/.ansible/tmp."""
    environ = os.environ if environ is None else environ
    base = environ.get('ANSIBLE_LOCAL_TEMP') or os.path.join('~', '.ansible', 'tmp')
    return os.path.join(os.path.expanduser(os.path.expandvars(base)), DIRECTORY_NAME)


def budget_name(api_url, api_key):
    """The file name of a key's budget: a hash of the API and the key, never the key."""
    digest = hashlib.sha256(('%s\n%s' % (api_url.rstrip('/'), api_key)).encode('utf-8')).hexdigest()
    return 'key-%s.json' % digest[:32]


def budget_problem(limit, period, model):
    if model not in MODELS:
        return 'rate_limit_model=%r: expected one of %s' % (model, ', '.join(MODELS))
    if limit is None or limit < 1:
        return 'rate_limit_requests=%s: it must be at least 1 (Statuspage allows 60 a minute)' % (limit,)
    if period is None or not period > 0:
        return 'rate_limit_period=%s: it must be more than 0 seconds (Statuspage measures 60)' % (period,)
    return None


def next_turn(state, now, limit, period, model, me=None):
    """``(wait, state)``: seconds until a request may go (0: now, and ``state`` records it).

    A hold is for the other processes: the one that was refused (``me``) waits it out itself.
    """
    hold = state.get('hold', 0.0)
    if hold > now and state.get('holder') != me:
        return hold - now, state
    kept = dict((field, state[field]) for field in ('hold', 'holder') if field in state)
    if model == 'bucket':
        rate = limit / period
        tokens = min(float(limit), state.get('tokens', float(limit)) + (now - state.get('at', now)) * rate)
        if tokens < 1.0:
            return (1.0 - tokens) / rate, state
        return 0.0, dict(kept, tokens=tokens - 1.0, at=now)
    log = [sent for sent in state.get('log', []) if sent > now - period]
    if len(log) >= limit:
        return log[-limit] + period - now, state
    return 0.0, dict(kept, log=log + [now])


def _valid(state, now, period):
    """Whether a read state is one this code wrote (with times that are not in the future)."""
    if not isinstance(state, dict) or not isinstance(state.get('log', []), list):
        return False
    times = state.get('log', []) + [state.get('at', 0.0)]
    numbers = times + [state.get('hold', 0.0), state.get('tokens', 0)]
    if not all(isinstance(value, (int, float)) and not isinstance(value, bool) for value in numbers):
        return False
    return all(value <= now + 1.0 for value in times) and state.get('hold', 0.0) <= now + MAX_HOLD


class RateBudget(object):
    """A key's budget, in ``directory``/``name``; ``clock`` and ``sleep`` are injectable for tests.

    ``waits`` and ``waited`` count the turns that had to wait and the seconds spent so.
    """

    def __init__(self, directory, name, limit=DEFAULT_LIMIT, period=DEFAULT_PERIOD, model='window',
                 clock=None, sleep=None):
        self.path = os.path.join(directory, name)
        self.directory = directory
        self.limit, self.period, self.model = int(limit), float(period), model
        # Looked up at call time (time.sleep may be replaced by a test).
        self._clock, self._sleep = clock, sleep
        self.waits = 0
        self.waited = 0.0
        self.lock_timeouts = 0
        self._taken = None

    def _now(self):
        return (self._clock or time.time)()

    def _open(self):
        try:
            os.makedirs(self.directory, 0o700)
        except OSError as exc:
            if exc.errno != errno.EEXIST:
                raise
        return os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)

    def _locked(self, descriptor):
        deadline = self._now() + LOCK_PATIENCE
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return True
            except (IOError, OSError) as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                    raise
            if self._now() >= deadline:
                return False
            time.sleep(LOCK_POLL)

    def _update(self, change):
        """Run ``change(state, now) -> (result, new state or None)`` under the lock."""
        descriptor = self._open()
        try:
            if not self._locked(descriptor):
                self.lock_timeouts += 1
                return change({}, self._now())[0]
            now = self._now()
            raw = b''
            while True:
                chunk = os.read(descriptor, 65536)
                if not chunk:
                    break
                raw += chunk
            try:
                state = json.loads(raw.decode('utf-8')) if raw else {}
            except ValueError:
                state = {}
            if not _valid(state, now, self.period):
                state = {}
            result, new_state = change(state, now)
            if new_state is not None and new_state != state:
                data = json.dumps(new_state).encode('utf-8')
                os.lseek(descriptor, 0, os.SEEK_SET)
                os.ftruncate(descriptor, 0)
                os.write(descriptor, data)
            return result
        finally:
            os.close(descriptor)  # releases the lock

    def acquire(self):
        """Wait for this process's turn; return the seconds waited."""
        waited = 0.0
        while True:
            wait = self._update(self._take)
            if not wait:
                if waited:
                    self.waits += 1
                    self.waited += waited
                return waited
            (self._sleep or time.sleep)(wait)
            waited += wait

    def _take(self, state, now):
        wait, new_state = next_turn(state, now, self.limit, self.period, self.model, os.getpid())
        if not wait:
            self._taken = now
        return wait, (new_state if not wait else None)

    def answered(self):
        """The request taken last was answered (or failed): count it as sent now.

        The server counts a request when it arrives, some time between the turn and the answer;
        counting it at the answer keeps the window safe whatever the network's delay.
        """
        taken, self._taken = self._taken, None
        if taken is None or self.model != 'window':
            return

        def move(state, now):
            log = list(state.get('log', []))
            if taken not in log:
                return None, None
            log.remove(taken)
            return None, dict(state, log=sorted(log + [max(now, taken)]))
        self._update(move)

    def throttled(self, seconds):
        """The server refused a request: hold every process of the key for ``seconds``."""
        def hold(state, now):
            until = now + min(float(seconds), MAX_HOLD)
            if until <= state.get('hold', 0.0):
                return None, None
            return None, dict(state, hold=until, holder=os.getpid())
        self._update(hold)


def budget_for(api_url, api_key, limit=DEFAULT_LIMIT, period=DEFAULT_PERIOD, model='window', environ=None):
    """The budget of this key on this API, or ``None`` where files cannot be locked (not POSIX)."""
    if not HAS_FCNTL:  # pragma: no cover
        return None
    return RateBudget(budget_directory(environ), budget_name(api_url, api_key), limit, period, model)
