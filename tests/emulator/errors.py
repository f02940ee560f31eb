"""The one exception the emulator raises to answer a request with an error."""

from __future__ import annotations


class ApiError(Exception):
    """An error answer: an HTTP status and the ``{"message": ...}`` body the real API sends."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


def not_found(what: str, ident: str) -> ApiError:
    return ApiError(404, f"{what} {ident} not found")


def unprocessable(message: str) -> ApiError:
    return ApiError(422, message)
