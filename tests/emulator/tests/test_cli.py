"""The command line, run for real as ``python3 -m tests.emulator`` from the repository root."""

from __future__ import annotations

import os
import pathlib
import signal
import subprocess
import sys
import time

import pytest
import requests

REPO_ROOT = pathlib.Path(__file__).resolve().parents[3]


def start_cli(tmp_path, *arguments):
    port_file = tmp_path / "port"
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.emulator", "--host", "127.0.0.1", "--port", "0",
         "--port-file", str(port_file), "--quiet", *arguments],
        cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 20
    while not port_file.exists():
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            output, errors = process.communicate()
            pytest.fail(f"the emulator did not start: {output} {errors}")
        time.sleep(0.05)
    return process, port_file, int(port_file.read_text(encoding="utf-8"))


def stop(process) -> tuple[int, str, str]:
    try:
        output, errors = process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        output, errors = process.communicate()
    return process.returncode, output, errors


def test_cli_serves_and_stops_on_shutdown_endpoint(tmp_path):
    process, port_file, port = start_cli(tmp_path)
    url = f"http://127.0.0.1:{port}"
    answer = requests.get(url + "/v1/pages", headers={"Authorization": "OAuth demo-key"}, timeout=10)
    assert answer.status_code == 200 and answer.json()[0]["id"] == "acmecloud123"
    assert requests.post(url + "/__emulator__/shutdown", timeout=10).status_code == 200
    returncode, output, _errors = stop(process)
    assert returncode == 0
    assert output.strip() == f"Statuspage emulator listening on {url}/v1 (API key demo-key)"
    assert not port_file.exists()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_cli_stops_cleanly_on_signals(tmp_path, signum):
    process, _port_file, port = start_cli(tmp_path)
    assert requests.get(f"http://127.0.0.1:{port}/__emulator__/health", timeout=10).json() == {"ok": True}
    os.kill(process.pid, signum)
    returncode, _output, errors = stop(process)
    assert returncode == 0
    assert "Traceback" not in errors


def test_cli_with_seed(tmp_path):
    seed = REPO_ROOT / "tests" / "emulator" / "examples" / "seed-example.yml"
    process, _port_file, port = start_cli(tmp_path, "--seed", str(seed))
    try:
        answer = requests.get(f"http://127.0.0.1:{port}/v1/pages", headers={"Authorization": "OAuth example-key"},
                              timeout=10)
        assert [page["name"] for page in answer.json()] == ["Example Corp"]
    finally:
        process.terminate()
    returncode, output, _errors = stop(process)
    assert returncode == 0
    assert "(API key example-key)" in output


def test_cli_refuses_a_bad_seed(tmp_path):
    seed = tmp_path / "bad.yml"
    seed.write_text("api_keys: []\npages: []\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "tests.emulator", "--seed", str(seed)], cwd=REPO_ROOT,
                            capture_output=True, text=True, timeout=30, check=False)
    assert result.returncode == 2
    assert "api_keys is empty" in result.stderr
