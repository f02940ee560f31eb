"""Helpers for the incident, maintenance and component-order tests: the clock and notifications
endpoints, and the shared emulator serving chosen variants."""

from __future__ import annotations

import requests

from .helpers import PAGE, ApiClient, Control


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


def serve(control: Control, selection: str) -> None:
    """The shared emulator serves these variants from fresh demo data (the next test's reset
    goes back to the default)."""
    answer = control.variants(selection)
    assert answer.status_code == 200, answer.text


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
