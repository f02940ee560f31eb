"""Control endpoints for events: the emulator's clock and the notifications log.

- ``GET /__emulator__/clock``: ``{"now": ..., "offset_seconds": ...}``.
- ``POST /__emulator__/clock`` with ``{"advance": 3600}`` (seconds) or ``{"now": "<ISO 8601>"}``:
  moves the clock forward (never back: 400), runs what became due (maintenances starting and
  ending, reminders) and answers the new time and ``"steps"``, what was done.
- ``GET /__emulator__/notifications``: what subscribers would have been sent, oldest first;
  ``DELETE`` empties it. ``POST /__emulator__/reset`` also resets the clock and empties it.
"""

from __future__ import annotations

import json
import numbers

from werkzeug.routing import Rule
from werkzeug.wrappers import Request, Response

from . import clock, schedule
from .errors import ApiError

PREFIX = "/__emulator__"


def _json(status: int, body) -> Response:
    return Response(json.dumps(body), status=status, content_type="application/json; charset=utf-8")


def _clock_state(store) -> dict:
    return {"now": clock.format_timestamp(store.clock.now()), "offset_seconds": store.clock.offset_seconds}


def get_clock(app, request: Request) -> Response:
    return _json(200, _clock_state(app.store))


def move_clock(app, request: Request) -> Response:
    raw = request.get_data(cache=True)
    try:
        body = json.loads(raw) if raw.strip() else {}
    except ValueError as error:
        raise ApiError(400, f"the body is not valid JSON: {error}") from None
    if not isinstance(body, dict) or len(set(body) & {"advance", "now"}) != 1 or set(body) - {"advance", "now"}:
        raise ApiError(400, 'send {"advance": <seconds>} or {"now": "<ISO 8601 timestamp>"}')
    store = app.store
    with store.lock:
        try:
            if "advance" in body:
                seconds = body["advance"]
                if isinstance(seconds, bool) or not isinstance(seconds, numbers.Real):
                    raise ApiError(400, "advance must be a number of seconds")
                store.clock.advance(seconds)
            else:
                store.clock.move_to(_moment(body["now"]))
        except ValueError as error:
            raise ApiError(400, str(error)) from None
        steps = schedule.catch_up(store)
        return _json(200, {**_clock_state(store), "steps": steps})


def _moment(text):
    try:
        moment = clock.parse_timestamp(str(text))
    except ValueError:
        raise ApiError(400, f"now must be an ISO 8601 timestamp, not {text!r}") from None
    if moment.tzinfo is None:
        raise ApiError(400, f"now must have a UTC offset or Z: {text!r}")
    return moment


def list_notifications(app, request: Request) -> Response:
    store = app.store
    with store.lock:
        schedule.catch_up(store)
        return _json(200, list(store.notifications))


def clear_notifications(app, request: Request) -> Response:
    store = app.store
    with store.lock:
        store.notifications.clear()
    return _json(200, {"ok": True})


RULES = [
    Rule(PREFIX + "/clock", methods=["GET"], endpoint=get_clock),
    Rule(PREFIX + "/clock", methods=["POST"], endpoint=move_clock),
    Rule(PREFIX + "/notifications", methods=["GET"], endpoint=list_notifications),
    Rule(PREFIX + "/notifications", methods=["DELETE"], endpoint=clear_notifications),
]
