"""Request parameters as a Rails application sees them: JSON or form bodies, merged with the query.

The real API is a Rails application, so ``page_access_user[email]=x`` and ``component_ids[]=a``
in a form body (or a query string) mean ``{"page_access_user": {"email": "x"}}`` and
``{"component_ids": ["a"]}``, and body parameters are merged over query parameters.
"""

from __future__ import annotations

import json
import re

from werkzeug.wrappers import Request

from .errors import ApiError

# Never keep the key: the request log and error messages must not show it
SECRET_PARAMETERS = ("api_key",)

_BRACKETS = re.compile(r"\[([^\[\]]*)\]")


def _split_name(name: str) -> list[str] | None:
    """``a[b][]`` -> ``["a", "b", ""]``; None for a name that is not bracket-shaped."""
    head, bracket, _rest = name.partition("[")
    if not bracket:
        return [name]
    tail = name[len(head):]
    parts = _BRACKETS.findall(tail)
    if "".join(f"[{part}]" for part in parts) != tail:
        return None
    return [head] + parts


def nest_pairs(pairs: list[tuple[str, str]]) -> dict:
    """Rails-style nesting of ``(name, value)`` pairs; a malformed name is kept as it is."""
    result: dict = {}
    for name, value in pairs:
        parts = _split_name(name)
        if parts is None or not parts[0]:
            result[name] = value
            continue
        _assign(result, parts, value, name)
    return result


def _assign(target: dict, parts: list[str], value: str, name: str) -> None:
    key = parts[0]
    rest = parts[1:]
    if not rest:
        target[key] = value
        return
    if rest == [""]:
        existing = target.get(key)
        if not isinstance(existing, list):
            existing = target[key] = []
        existing.append(value)
        return
    if rest[0] == "":
        # Arrays of hashes (a[][b]=1) are not used by any endpoint the emulator serves
        raise ApiError(400, f"unsupported parameter name {name!r}")
    child = target.get(key)
    if not isinstance(child, dict):
        child = target[key] = {}
    _assign(child, rest, value, name)


def query_pairs(request: Request) -> list[tuple[str, str]]:
    return [(name, value) for name, value in request.args.items(multi=True)
            if name not in SECRET_PARAMETERS]


def query_for_log(request: Request) -> dict[str, str]:
    """The query as the request log shows it: name -> last value, without the API key."""
    shown: dict[str, str] = {}
    for name, value in query_pairs(request):
        shown[name] = value
    return shown


class ParsedBody:
    """The body of a request: its parameters and whether they came from a form (all strings)."""

    def __init__(self, params: dict | None, from_form: bool):
        self.params = params
        self.from_form = from_form


def parse_body(request: Request) -> ParsedBody:
    """Parse a JSON or form-encoded body; an empty body is no parameters (``params`` None)."""
    mimetype = request.mimetype
    if mimetype in ("application/x-www-form-urlencoded", "multipart/form-data"):
        pairs = [(name, value) for name, value in request.form.items(multi=True)
                 if name not in SECRET_PARAMETERS]
        return ParsedBody(nest_pairs(pairs) if pairs else None, from_form=True)
    raw = request.get_data(cache=True)
    if not raw.strip():
        return ParsedBody(None, from_form=False)
    if mimetype and mimetype != "application/json" and not mimetype.endswith("+json"):
        raise ApiError(415, f"unsupported content type {mimetype}: send JSON or a form")
    try:
        params = json.loads(raw)
    except ValueError as error:
        raise ApiError(400, f"the body is not valid JSON: {error}") from None
    if params is None:
        return ParsedBody(None, from_form=False)
    if not isinstance(params, dict):
        raise ApiError(400, "the body must be a JSON object")
    for name in SECRET_PARAMETERS:
        params.pop(name, None)
    return ParsedBody(params, from_form=False)


def merged_params(request: Request, body: ParsedBody) -> tuple[dict, bool]:
    """Query parameters with the body's merged over them, as Rails' ``params``.

    Returns the parameters and whether they are form strings (so types may be cast): true for
    a form body, and for query parameters standing alone (a DELETE with ``?component_ids[]=``).
    """
    query = nest_pairs(query_pairs(request))
    merged = _deep_merge(query, body.params or {})
    return merged, body.from_form or (body.params is None and bool(query))


def _deep_merge(base: dict, over: dict) -> dict:
    merged = dict(base)
    for name, value in over.items():
        if isinstance(value, dict) and isinstance(merged.get(name), dict):
            merged[name] = _deep_merge(merged[name], value)
        else:
            merged[name] = value
    return merged
