"""Control endpoints under /__emulator__ (no authentication): health, request log, state,
reset, faults, variants and shutdown. They are never logged, throttled or faulted.
"""

from __future__ import annotations

import json

from werkzeug.exceptions import MethodNotAllowed, NotFound
from werkzeug.routing import Map, Rule
from werkzeug.wrappers import Request, Response

from . import event_control, schedule, variants
from .errors import ApiError

PREFIX = "/__emulator__"


def _json(status: int, body) -> Response:
    return Response(json.dumps(body), status=status, content_type="application/json; charset=utf-8")


def health(app, request: Request) -> Response:
    return _json(200, {"ok": True})


def list_requests(app, request: Request) -> Response:
    return _json(200, app.requests.entries())


def clear_requests(app, request: Request) -> Response:
    app.requests.clear()
    return _json(200, {"ok": True})


def state(app, request: Request) -> Response:
    store = app.store
    with store.lock:
        schedule.catch_up(store)
        return _json(200, store.dump())


def reset(app, request: Request) -> Response:
    app.reset()
    return _json(200, {"ok": True})


def get_faults(app, request: Request) -> Response:
    return _json(200, app.faults.describe())


def put_faults(app, request: Request) -> Response:
    raw = request.get_data(cache=True)
    try:
        config = json.loads(raw) if raw.strip() else {}
    except ValueError as error:
        raise ApiError(400, f"the body is not valid JSON: {error}") from None
    app.faults.configure(config)
    return _json(200, app.faults.describe())


def _variants_answer(app) -> Response:
    return _json(200, {"settings": app.variants.settings(), "summary": app.variants.summary()})


def get_variants(app, request: Request) -> Response:
    return _variants_answer(app)


def put_variants(app, request: Request) -> Response:
    """Serve other variants from now on: the seed's, then these; the data start afresh (a reset).

    The body is ``{"variants": "duplicate-422,email-case=sensitive"}`` (a list or a mapping
    work too); ``{}`` goes back to the seed's variants alone. A reset returns to the variants
    the run started with.
    """
    raw = request.get_data(cache=True)
    try:
        body = json.loads(raw) if raw.strip() else {}
    except ValueError as error:
        raise ApiError(400, f"the body is not valid JSON: {error}") from None
    if not isinstance(body, dict) or set(body) - {"variants"}:
        raise ApiError(400, 'send {"variants": "name,name=value,..."}')
    try:
        chosen = variants.resolve(app.seed.get("variants"), body.get("variants"))
        app.use_variants(chosen)
    except (variants.VariantError, ValueError) as error:  # SeedError is a ValueError
        raise ApiError(400, str(error)) from None
    return _variants_answer(app)


def shutdown(app, request: Request) -> Response:
    response = _json(200, {"ok": True, "message": "shutting down"})
    if app.on_shutdown is not None:
        # Only once the answer has been sent, so the caller gets it before the server stops
        response.call_on_close(app.on_shutdown)
    return response


URL_MAP = Map([
    Rule(PREFIX + "/health", methods=["GET"], endpoint=health),
    Rule(PREFIX + "/requests", methods=["GET"], endpoint=list_requests),
    Rule(PREFIX + "/requests", methods=["DELETE"], endpoint=clear_requests),
    Rule(PREFIX + "/state", methods=["GET"], endpoint=state),
    Rule(PREFIX + "/reset", methods=["POST"], endpoint=reset),
    Rule(PREFIX + "/faults", methods=["GET"], endpoint=get_faults),
    Rule(PREFIX + "/faults", methods=["PUT"], endpoint=put_faults),
    Rule(PREFIX + "/variants", methods=["GET"], endpoint=get_variants),
    Rule(PREFIX + "/variants", methods=["PUT"], endpoint=put_variants),
    Rule(PREFIX + "/shutdown", methods=["POST"], endpoint=shutdown),
    *event_control.RULES,
], strict_slashes=False)


def handle(app, request: Request) -> Response:
    adapter = URL_MAP.bind("emulator", path_info=request.path)
    try:
        endpoint, _arguments = adapter.match(request.path, method=request.method)
        return endpoint(app, request)
    except MethodNotAllowed:
        return _json(405, {"message": f"{request.method} is not allowed on {request.path}"})
    except NotFound:
        return _json(404, {"message": f"no such control endpoint: {request.path}"})
    except ApiError as error:
        return _json(error.status, {"message": error.message})
