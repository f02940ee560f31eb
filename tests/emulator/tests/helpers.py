"""Small clients for the emulator's API and control endpoints, used by the tests."""

from __future__ import annotations

import os
import pathlib

import requests

from ..demo import DEMO_PAGE_ID

PAGE = f"/pages/{DEMO_PAGE_ID}"
REPO_ROOT = pathlib.Path(__file__).resolve().parents[3]
OPENAPI_ENV = "STATUSPAGE_OPENAPI"


def openapi_description_path() -> pathlib.Path:
    """Where the OpenAPI description is expected: $STATUSPAGE_OPENAPI, else ../shared beside the repo."""
    configured = os.environ.get(OPENAPI_ENV)
    if configured:
        return pathlib.Path(configured)
    return REPO_ROOT.parent / "shared" / "statuspage-openapi.json"


def openapi_missing_message() -> str | None:
    path = openapi_description_path()
    if path.is_file():
        return None
    return f"statuspage-openapi.json not found at {path}: set {OPENAPI_ENV}; OpenAPI conformance NOT checked"


class ApiClient:
    """requests against the emulator's /v1 with a key, returning the raw Response."""

    def __init__(self, api_url: str, key: str | None):
        self.api_url = api_url
        self.session = requests.Session()
        if key is not None:
            self.session.headers["Authorization"] = f"OAuth {key}"

    def request(self, method: str, path: str, **kwargs) -> requests.Response:
        kwargs.setdefault("timeout", 10)
        return self.session.request(method, self.api_url + path, **kwargs)

    def get(self, path: str, **kwargs) -> requests.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs) -> requests.Response:
        return self.request("POST", path, **kwargs)

    def patch(self, path: str, **kwargs) -> requests.Response:
        return self.request("PATCH", path, **kwargs)

    def put(self, path: str, **kwargs) -> requests.Response:
        return self.request("PUT", path, **kwargs)

    def delete(self, path: str, **kwargs) -> requests.Response:
        return self.request("DELETE", path, **kwargs)


class Control:
    """The /__emulator__ endpoints."""

    def __init__(self, url: str):
        self.url = url + "/__emulator__"

    def requests_log(self) -> list[dict]:
        return requests.get(self.url + "/requests", timeout=10).json()

    def clear_log(self) -> None:
        requests.delete(self.url + "/requests", timeout=10).raise_for_status()

    def faults(self, config: dict) -> requests.Response:
        return requests.put(self.url + "/faults", json=config, timeout=10)

    def variants(self, selection) -> requests.Response:
        """Serve these variants (PUT /__emulator__/variants), from fresh data."""
        return requests.put(self.url + "/variants", json={"variants": selection}, timeout=10)

    def state(self) -> dict:
        return requests.get(self.url + "/state", timeout=10).json()

    def reset(self) -> None:
        requests.post(self.url + "/reset", timeout=10).raise_for_status()
