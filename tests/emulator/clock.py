"""Identifiers and timestamps shaped like Statuspage's, and the emulator's clock.

Every timestamp the emulator writes comes from ``now()``: the real time plus the offset of the
clock of the emulator serving the current request (``Clock``, one per store). A test moves that
clock forward with ``POST /__emulator__/clock`` to make a scheduled maintenance start or end
without waiting; outside a request (loading a seed) ``now()`` is the real time.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime
import secrets
import threading

ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"
ID_LENGTH = 12
# Unpredictable ids, as the real API's: a test must not come to depend on a generated id
_RANDOM = secrets.SystemRandom()


def format_timestamp(moment: datetime.datetime) -> str:
    """ISO 8601 in UTC with milliseconds and a ``Z``, as the real API writes them."""
    moment = moment.astimezone(datetime.timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def parse_timestamp(text: str) -> datetime.datetime:
    # fromisoformat() on Python 3.10 does not take the trailing Z
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    return datetime.datetime.fromisoformat(text)


class Clock:
    """An emulator's time: the real time moved forward by ``offset`` seconds (never backwards,
    so that updated_at keeps moving forward)."""

    def __init__(self):
        self._offset = datetime.timedelta(0)
        self._lock = threading.Lock()

    def now(self) -> datetime.datetime:
        return datetime.datetime.now(datetime.timezone.utc) + self._offset

    @property
    def offset_seconds(self) -> float:
        return self._offset.total_seconds()

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("the clock only moves forward")
        with self._lock:
            self._offset += datetime.timedelta(seconds=seconds)

    def move_to(self, moment: datetime.datetime) -> None:
        """Jump to ``moment`` (timezone-aware), which must not be in the clock's past."""
        with self._lock:
            gap = moment - self.now()
            if gap < datetime.timedelta(0):
                raise ValueError(f"{format_timestamp(moment)} is before the clock's now, {format_timestamp(self.now())}")
            self._offset += gap


# The clock of the emulator whose request this thread is serving (None: the real time)
_CURRENT: contextvars.ContextVar[Clock | None] = contextvars.ContextVar("statuspage_emulator_clock", default=None)


@contextlib.contextmanager
def running(clock: Clock):
    """Make ``clock`` the time source of ``now()`` in this thread while the block runs."""
    token = _CURRENT.set(clock)
    try:
        yield clock
    finally:
        _CURRENT.reset(token)


def now() -> datetime.datetime:
    clock = _CURRENT.get()
    return clock.now() if clock is not None else datetime.datetime.now(datetime.timezone.utc)


def now_timestamp() -> str:
    return format_timestamp(now())


def timestamp_after(previous: str | None) -> str:
    """The current time, but strictly later than ``previous``.

    Two changes inside the same millisecond must still move updated_at forward, or a client
    that compares timestamps to see whether something changed would miss the second change.
    """
    moment = now()
    if previous:
        moment = max(moment, parse_timestamp(previous) + datetime.timedelta(milliseconds=1))
    return format_timestamp(moment)


def new_id(taken) -> str:
    """A fresh random id of 12 lowercase letters and digits that ``taken`` does not contain."""
    while True:
        candidate = "".join(_RANDOM.choices(ID_ALPHABET, k=ID_LENGTH))
        if candidate not in taken:
            return candidate


def is_statuspage_id(text: object) -> bool:
    return (isinstance(text, str) and len(text) == ID_LENGTH
            and all(char in ID_ALPHABET for char in text))
