"""Fixtures for the emulator's own tests: one real server on 127.0.0.1, reset before each test."""

from __future__ import annotations

import pytest

from ..demo import DEMO_API_KEY
from ..server import start_in_thread
from .helpers import ApiClient, Control, openapi_missing_message


def pytest_terminal_summary(terminalreporter):
    # A skipped conformance test is easy to miss: say it in the summary, with or without -rs
    message = openapi_missing_message()
    if message is not None:
        terminalreporter.write_sep("!", "OpenAPI conformance")
        terminalreporter.write_line(message, yellow=True, bold=True)


@pytest.fixture(scope="session")
def running_emulator():
    emulator = start_in_thread()
    yield emulator
    emulator.stop()


@pytest.fixture
def emulator(running_emulator):
    """The shared server, back on the demo data with no faults and an empty log."""
    running_emulator.reset()
    return running_emulator


@pytest.fixture
def api(emulator) -> ApiClient:
    return ApiClient(emulator.api_url, DEMO_API_KEY)


@pytest.fixture
def control(emulator) -> Control:
    return Control(emulator.url)
