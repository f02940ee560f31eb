"""Helpers for the incident, maintenance and variant tests: the clock and notifications
endpoints, and emulators started under chosen variants."""

from __future__ import annotations

import contextlib

import requests

from ..demo import DEMO_API_KEY, demo_seed
from ..server import start_in_thread
from ..variants import with_variants
from .helpers import PAGE, ApiClient


class EventControl:
    """/__emulator__/clock and /__emulator__/notifications."""

    def __init__(self, url: str):
        self.url = url + "/__emulator__"

    def advance(self, seconds: float) -> dict:
        answer = requests.post(self.url + "/clock", json={"advance": seconds}, timeout=10)
        answer.raise_for_status()
        return answer.json()

    def move_to(self, moment: str) -> requests.Response:
        return requests.post(self.url + "/clock", json={"now": moment}, timeout=10)

    def now(self) -> str:
        return requests.get(self.url + "/clock", timeout=10).json()["now"]

    def notifications(self) -> list[dict]:
        return requests.get(self.url + "/notifications", timeout=10).json()

    def clear_notifications(self) -> None:
        requests.delete(self.url + "/notifications", timeout=10).raise_for_status()


@contextlib.contextmanager
def variant_emulator(**choices: str):
    """An emulator of its own on the demo data under these variants: (api client, event control)."""
    with start_in_thread(with_variants(demo_seed(), **choices)) as emulator:
        yield ApiClient(emulator.api_url, DEMO_API_KEY), EventControl(emulator.url)


def create(api: ApiClient, **incident) -> dict:
    answer = api.post(PAGE + "/incidents", json={"incident": incident})
    assert answer.status_code == 201, answer.text
    return answer.json()


def patch(api: ApiClient, incident_id: str, **changes) -> dict:
    answer = api.patch(PAGE + f"/incidents/{incident_id}", json={"incident": changes})
    assert answer.status_code == 200, answer.text
    return answer.json()


def component_status(api: ApiClient, component_id: str) -> str:
    return api.get(PAGE + f"/components/{component_id}").json()["status"]
