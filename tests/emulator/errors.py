"""The one exception the emulator raises to answer a request with an error, and its body."""

from __future__ import annotations

import json

ERROR_BODY_SHAPES = ("message", "error-string", "error-list", "bare-string", "text")


class ApiError(Exception):
    """An error answer: an HTTP status and the message the body carries.

    ``rails_errors`` marks a Rails model validation failure (the list of its full messages, such
    as ``["Email has already been taken"]``): Rails answers those as ``{"error": [...]}`` where
    the described ``{"message"}`` shape is in use.
    """

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None,
                 rails_errors: list[str] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}
        self.rails_errors = rails_errors


def not_found(what: str, ident: str) -> ApiError:
    return ApiError(404, f"{what} {ident} not found")


def unprocessable(message: str) -> ApiError:
    return ApiError(422, message)


def error_body(error: ApiError, shape: str = "message") -> tuple[bytes, str]:
    """The body and content type of an error answer in one of the variant shapes.

    ``message`` is what the description declares (ErrorEntity); the others are what other
    clients parse or have seen (see docs/docsite/rst/guide_emulator.rst, "Variants", error-body).
    """
    messages = error.rails_errors or [error.message]
    if shape == "message":
        body = {"error": list(messages)} if error.rails_errors else {"message": error.message}
    elif shape == "error-string":
        body = {"error": "; ".join(messages)}
    elif shape == "error-list":
        body = {"error": list(messages)}
    elif shape == "bare-string":
        body = "; ".join(messages)
    elif shape == "text":
        return "; ".join(messages).encode("utf-8"), "text/plain; charset=utf-8"
    else:
        raise ValueError(f"unknown error body shape {shape}")
    return json.dumps(body).encode("utf-8"), "application/json; charset=utf-8"
