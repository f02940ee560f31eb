"""Rate limiting and scripted faults, configured through PUT /__emulator__/faults.

The throttle copies the real API's, per API key, in either of the two models its documentation
fits (a token bucket, or a strict rolling window); a throttled request is answered 420 or 429
with Retry-After and does nothing, so it is safe to retry. Scripted faults
let a test make one chosen request fail in a chosen way: answer an error without doing
anything, do the work but lose the answer (the dangerous case for a client that retries a
create), or answer late.
"""

from __future__ import annotations

import collections
import re
import threading
import time

from .errors import ApiError

THROTTLE_STATUSES = (420, 429)
FAULT_KEYS = ("method", "path", "status", "message", "retry_after", "reset", "delay")


def _number(config: dict, name: str, where: str, minimum: float, integer: bool = False):
    value = config.get(name)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or (integer and not isinstance(value, int)):
        kind = "an integer" if integer else "a number"
        raise ApiError(400, f"{where}.{name} must be {kind}")
    if value < minimum:
        raise ApiError(400, f"{where}.{name} must be at least {minimum}")
    return value


THROTTLE_MODELS = ("bucket", "window")


class Throttle:
    """Per-key rate limiting, in one of two models (``model``; the variants' ``throttle``).

    Statuspage documents "1 request / second as measured on a 60 second rolling window" and
    "Error codes 420 or 429" (https://developer.statuspage.io, "Rate Limiting"), which fits both:
    - ``bucket`` (the default): a token bucket, a burst of ``limit`` requests, then ``limit /
      window`` a second;
    - ``window``: a strict rolling window, at most ``limit`` requests in any ``window`` seconds,
      so after a burst a client waits until the burst's first request leaves the window.
    Beyond the limit, requests are answered ``status``; they do nothing and are not counted.
    """

    def __init__(self, config: dict):
        if not isinstance(config, dict):
            raise ApiError(400, "throttle must be an object")
        unknown = sorted(set(config) - {"model", "limit", "window", "status", "retry_after"})
        if unknown:
            raise ApiError(400, f"throttle: unknown setting(s) {', '.join(unknown)}")
        self.model = config.get("model", "bucket")
        if self.model not in THROTTLE_MODELS:
            raise ApiError(400, "throttle.model must be bucket or window")
        self.limit = _number(config, "limit", "throttle", 1, integer=True)
        self.window = _number(config, "window", "throttle", 0.001)
        self.status = config.get("status", 429)
        if self.status not in THROTTLE_STATUSES:
            raise ApiError(400, "throttle.status must be 420 or 429")
        self.retry_after = _number({"retry_after": config.get("retry_after", 1)}, "retry_after", "throttle", 0,
                                   integer=True)
        # bucket: key -> (tokens left, when they were counted)
        self._buckets: dict[str, tuple[float, float]] = {}
        # window: key -> arrival times of the requests admitted within the last window
        self._admitted: dict[str, collections.deque] = {}

    def config(self) -> dict:
        return {"model": self.model, "limit": self.limit, "window": self.window, "status": self.status,
                "retry_after": self.retry_after}

    def admit(self, key: str, now: float) -> bool:
        """Count the request and return True, or return False (nothing counted) if over the limit."""
        if self.model == "window":
            return self._admit_window(key, now)
        tokens, counted_at = self._buckets.get(key, (float(self.limit), now))
        tokens = min(float(self.limit), tokens + (now - counted_at) * self.limit / self.window)
        if tokens < 1.0:
            self._buckets[key] = (tokens, now)
            return False
        self._buckets[key] = (tokens - 1.0, now)
        return True

    def _admit_window(self, key: str, now: float) -> bool:
        admitted = self._admitted.setdefault(key, collections.deque())
        while admitted and admitted[0] <= now - self.window:
            admitted.popleft()
        if len(admitted) >= self.limit:
            return False
        admitted.append(now)
        return True


class Fault:
    """One scripted fault, applied to the next API request it matches."""

    def __init__(self, config: dict, where: str):
        if not isinstance(config, dict):
            raise ApiError(400, f"{where} must be an object")
        unknown = sorted(set(config) - set(FAULT_KEYS))
        if unknown:
            raise ApiError(400, f"{where}: unknown setting(s) {', '.join(unknown)}")
        self.config = dict(config)
        self.method = config.get("method")
        if self.method is not None and not isinstance(self.method, str):
            raise ApiError(400, f"{where}.method must be a string")
        path = config.get("path")
        try:
            self.path = re.compile(path) if path is not None else None
        except (re.error, TypeError) as error:
            raise ApiError(400, f"{where}.path is not a regular expression: {error}") from None
        self.status = config.get("status")
        if self.status is not None:
            _number(config, "status", where, 100, integer=True)
            if self.status > 599:
                raise ApiError(400, f"{where}.status must be an HTTP status")
        self.message = config.get("message", "Service Unavailable (scripted fault)")
        if not isinstance(self.message, str):
            raise ApiError(400, f"{where}.message must be a string")
        self.retry_after = config.get("retry_after")
        if self.retry_after is not None:
            _number(config, "retry_after", where, 0, integer=True)
        self.reset = config.get("reset", False)
        if not isinstance(self.reset, bool):
            raise ApiError(400, f"{where}.reset must be true or false")
        self.delay = _number(config, "delay", where, 0) if "delay" in config else 0
        if self.status is not None and self.reset:
            raise ApiError(400, f"{where}: status and reset exclude each other")
        if self.status is None and not self.reset and not self.delay:
            raise ApiError(400, f"{where} needs status, reset or delay")

    def matches(self, method: str, path: str) -> bool:
        if self.method is not None and self.method.upper() != method.upper():
            return False
        return self.path is None or self.path.search(path) is not None

    def error(self) -> ApiError:
        headers = {"Retry-After": str(self.retry_after)} if self.retry_after is not None else {}
        return ApiError(self.status, self.message, headers)


class FaultInjector:
    """The current throttle and fault queue; thread-safe on its own lock."""

    def __init__(self, default_throttle: dict | None = None):
        self._lock = threading.Lock()
        self._throttle: Throttle | None = None
        self._queue: list[Fault] = []
        self._default_throttle = default_throttle
        self.clear()

    def set_default_throttle(self, config: dict | None) -> None:
        """The throttle ``clear()`` (a reset) goes back to: the one the run's variants select."""
        self._default_throttle = config

    def configure(self, config: dict) -> None:
        """Replace the whole configuration; ``{}`` turns everything off. Validates first."""
        if not isinstance(config, dict):
            raise ApiError(400, "the faults configuration must be a JSON object")
        unknown = sorted(set(config) - {"throttle", "next"})
        if unknown:
            raise ApiError(400, f"unknown fault setting(s) {', '.join(unknown)}: use throttle and next")
        throttle = Throttle(config["throttle"]) if config.get("throttle") is not None else None
        scripted = config.get("next") or []
        if not isinstance(scripted, list):
            raise ApiError(400, "next must be a list of faults")
        queue = [Fault(entry, f"next[{index}]") for index, entry in enumerate(scripted)]
        with self._lock:
            self._throttle = throttle
            self._queue = queue

    def clear(self) -> None:
        """No scripted faults, and the default throttle (none unless a variant chose one)."""
        self.configure({"throttle": dict(self._default_throttle)} if self._default_throttle else {})

    def describe(self) -> dict:
        with self._lock:
            return {"throttle": self._throttle.config() if self._throttle else None,
                    "next": [dict(fault.config) for fault in self._queue]}

    def throttled(self, key: str) -> ApiError | None:
        """The throttle's answer if this request is over the limit; else count it."""
        with self._lock:
            throttle = self._throttle
            if throttle is None or throttle.admit(key, time.monotonic()):
                return None
            return ApiError(throttle.status, "Rate limit exceeded", {"Retry-After": str(throttle.retry_after)})

    def take(self, method: str, path: str) -> Fault | None:
        """Remove and return the first queued fault that matches this request, if any."""
        with self._lock:
            for index, fault in enumerate(self._queue):
                if fault.matches(method, path):
                    return self._queue.pop(index)
        return None
