"""Requests of the event modules and the maintenance_window role: a deploy's window, re-runs, an incident.

Run from the collection root, after scripts/setup.sh (it needs the venv with ansible-core):

    .venv/latest/bin/python benchmarks/events.py

It starts the Statuspage emulator (tests/emulator, on 127.0.0.1 only) with its demo data and runs
each step below as its own ansible-playbook run, reading the emulator's request log after each:
the deploy example's two halves (the role opening a window for two components, then completing
it) and their re-runs (a second start finds the window open and writes nothing), a maintenance
announced in advance and its re-run (the same times written at another UTC offset), and an incident opened, re-run, given a new text, and resolved. It prints
one line per step (requests by verb, wall time, the notifications subscribers were sent) and the
budget each module's documentation states for the step, with PASS/FAIL.
"""

from __future__ import annotations

import json
import pathlib
import sys
import tempfile
import time

BENCH_DIR = pathlib.Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH_DIR))

from onboarding import API_KEY, Emulator, count_requests, run_playbook  # noqa: E402  (needs BENCH_DIR on sys.path)
from tests.emulator.demo import DEMO_PAGE_ID, demo_seed  # noqa: E402

WINDOW = {"maintenance_window_name": "Deploy of release 1.4", "maintenance_window_components": ["API", "EU/Database"]}
ANNOUNCE = {"name": "Database upgrade", "body": "We will upgrade the EU database.",
            "scheduled_for": "2030-03-03T02:00:00+01:00", "scheduled_until": "2030-03-03T04:00:00+01:00",
            "components": [{"name": "EU/Database"}]}
ANNOUNCE_UTC = dict(ANNOUNCE, scheduled_for="2030-03-03T01:00:00Z", scheduled_until="2030-03-03T03:00:00.000Z")
INCIDENT = {"name": "Slow API responses", "body": "We are looking into it.",
            "components": [{"name": "API", "status": "degraded_performance"}]}

# (step, what runs, budget: (reads at most, writes exactly)) as the modules' documentation states.
STEPS = (
    # The role's start reads the window by name first (one request; one more for the component
    # names when it is found with components), then the module reads as it does alone.
    ("window start", ("role", WINDOW), (5, 1)),
    # A second start, seconds later, finds the window open: it keeps its times, nothing is written.
    ("window start again", ("role", WINDOW), (4, 0)),
    ("window complete", ("role", dict(WINDOW, maintenance_window_action="complete")), (1, 1)),
    ("window complete again", ("role", dict(WINDOW, maintenance_window_action="complete")), (1, 0)),
    ("announce", ("statuspage_maintenance", ANNOUNCE), (4, 1)),
    ("announce again, times in UTC", ("statuspage_maintenance", ANNOUNCE_UTC), (2, 0)),
    ("incident open", ("statuspage_incident", INCIDENT), (2, 1)),
    ("incident again", ("statuspage_incident", INCIDENT), (2, 0)),
    ("incident new text", ("statuspage_incident", {"name": INCIDENT["name"], "body": "Found it."}), (1, 1)),
    ("incident resolve", ("statuspage_incident", dict(INCIDENT, status="resolved", components=[
        {"name": "API", "status": "operational"}])), (2, 1)),
    ("incident resolve again", ("statuspage_incident", dict(INCIDENT, status="resolved", components=[
        {"name": "API", "status": "operational"}])), (2, 0)),
)


def playbook(work: pathlib.Path, name: str, what: tuple) -> pathlib.Path:
    kind, options = what
    if kind == "role":
        task = {"name": name, "ansible.builtin.include_role": {"name": "community.statuspage.maintenance_window"},
                "vars": options}
    else:
        task = {"name": name, "community.statuspage." + kind: options}
    play = [{"hosts": "localhost", "gather_facts": False, "connection": "local",
             "module_defaults": {"group/community.statuspage.statuspage": {"page_id": DEMO_PAGE_ID}},
             "tasks": [task]}]
    path = work / (name.replace(" ", "_").replace(",", "") + ".yml")
    path.write_text(json.dumps(play), encoding="utf-8")
    return path


def main() -> int:
    work = pathlib.Path(tempfile.mkdtemp(prefix="statuspage-events-bench-"))
    collections = work / "collections"
    link = collections / "ansible_collections" / "community" / "statuspage"
    link.parent.mkdir(parents=True)
    link.symlink_to(ROOT, target_is_directory=True)
    seed_file = work / "seed.json"
    seed = demo_seed()
    # run_playbook hands the playbooks onboarding's key; let it use the demo page too.
    seed["api_keys"].append({"key": API_KEY, "pages": [DEMO_PAGE_ID]})
    seed_file.write_text(json.dumps(seed), encoding="utf-8")
    no_vars = work / "no-vars.json"
    no_vars.write_text("{}", encoding="utf-8")
    emulator = Emulator(seed_file, work)
    failures = 0
    try:
        columns = ("step", "total", "GET", "POST", "PATCH", "DEL", "wall s", "notified", "budget (reads, writes)")
        print("%-30s %5s %4s %5s %6s %5s %7s %8s  %s" % columns)
        for name, what, (reads, writes) in STEPS:
            emulator.clear_requests()
            emulator.control("DELETE", "notifications")
            started = time.monotonic()
            run = run_playbook(str(playbook(work, name, what)), no_vars, emulator, collections,
                               work / (name.replace(" ", "_").replace(",", "") + ".log"), 600)
            wall = time.monotonic() - started
            counted = count_requests(emulator.requests())
            verbs = counted["by_verb"]
            sent = len(emulator.control("GET", "notifications"))
            ok = run["returncode"] == 0 and verbs["GET"] <= reads and counted["total"] - verbs["GET"] == writes
            failures += not ok
            print("%-30s %5d %4d %5d %6d %5d %7.1f %8d  %s (<= %d, %d)%s" % (
                name, counted["total"], verbs["GET"], verbs["POST"], verbs["PATCH"], verbs["DELETE"], wall, sent,
                "PASS" if ok else "FAIL", reads, writes, "" if run["returncode"] == 0 else "  " + run.get("error", "")))
    finally:
        emulator.stop()
    print("page %s of the emulator's demo data; playbooks and logs in %s" % (DEMO_PAGE_ID, work))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
