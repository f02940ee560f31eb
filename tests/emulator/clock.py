"""Identifiers and timestamps shaped like Statuspage's."""

from __future__ import annotations

import datetime
import secrets

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


def now_timestamp() -> str:
    return format_timestamp(datetime.datetime.now(datetime.timezone.utc))


def timestamp_after(previous: str | None) -> str:
    """The current time, but strictly later than ``previous``.

    Two changes inside the same millisecond must still move updated_at forward, or a client
    that compares timestamps to see whether something changed would miss the second change.
    """
    now = datetime.datetime.now(datetime.timezone.utc)
    if previous:
        now = max(now, parse_timestamp(previous) + datetime.timedelta(milliseconds=1))
    return format_timestamp(now)


def new_id(taken) -> str:
    """A fresh random id of 12 lowercase letters and digits that ``taken`` does not contain."""
    while True:
        candidate = "".join(_RANDOM.choices(ID_ALPHABET, k=ID_LENGTH))
        if candidate not in taken:
            return candidate


def is_statuspage_id(text: object) -> bool:
    return (isinstance(text, str) and len(text) == ID_LENGTH
            and all(char in ID_ALPHABET for char in text))
