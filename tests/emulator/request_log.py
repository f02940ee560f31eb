"""The log of API requests that GET /__emulator__/requests shows, oldest first.

Tests read it to assert which calls a module made (and did not make). It never holds the API
key: the Authorization header is not recorded and ``api_key`` is dropped from query and body.
"""

from __future__ import annotations

import collections
import threading
import time

# Enough for any test or benchmark run; a soak test that sends more loses the oldest entries
# rather than the machine's memory.
DEFAULT_MAX_ENTRIES = 100_000


class RequestLog:
    def __init__(self, max_entries: int = DEFAULT_MAX_ENTRIES):
        self._lock = threading.Lock()
        self._entries: collections.deque = collections.deque(maxlen=max_entries)

    def record(self, method: str, path: str, query: dict, body) -> dict:
        """Add an entry for a request as it arrives; ``finish`` fills in the status later."""
        entry = {"method": method, "path": path, "query": query, "status": None, "body": body,
                 "time": time.time(), "fault": None}
        with self._lock:
            self._entries.append(entry)
        return entry

    def finish(self, entry: dict, status: int, fault: dict | None = None) -> None:
        with self._lock:
            entry["status"] = status
            entry["fault"] = fault

    def entries(self) -> list[dict]:
        with self._lock:
            return [dict(entry) for entry in self._entries]

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
