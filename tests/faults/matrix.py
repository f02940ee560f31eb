# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""One cell of the fault matrix: a write path under a fault, judged against a fault-free run.

For each cell, on fresh demo data: set the page up, arm the fault on the path's write, run the
task; if it failed cleanly and the scenario allows it, run it once more (what a person does on
a clear error); then run it a last time with no fault, which must change nothing and send no
write. The state is then compared with the state the same task leaves on a run without faults
("nothing else changed"), users are counted per e-mail and groups per name after every run,
and every output is searched for the API key. A cell is **converged** when all of that holds.
"""

from __future__ import annotations

import base64
import collections
import re
import time

import requests

from ansible_collections.community.statuspage.tests.emulator.server import start_in_thread
from ansible_collections.community.statuspage.tests.faults.cases import DEMO_PAGE_ID
from ansible_collections.community.statuspage.tests.faults.proxy import FaultProxy, Rule
from ansible_collections.community.statuspage.tests.faults.run import run

READS = ("GET", "HEAD")


class Bench:
    """An emulator and a fault proxy in front of it, both on 127.0.0.1, for one process."""

    def __init__(self):
        self.emulator = start_in_thread()
        self.proxy = FaultProxy(self.emulator.url)
        self.key = self.emulator.api_key
        self.api = requests.Session()
        self.api.headers["Authorization"] = "OAuth " + self.key
        self.references = {}

    def stop(self):
        self.proxy.stop()
        self.emulator.stop()

    # ---- the emulator, directly (never through the proxy, never faulted) ---------------------

    def control(self, method, what, body=None):
        answer = requests.request(method, self.emulator.url + "/__emulator__/" + what, json=body, timeout=30)
        answer.raise_for_status()
        return answer.json() if answer.content else None

    def reset(self):
        self.settle()
        self.control("POST", "reset")
        self.proxy.arm()

    def setup(self, path):
        base = f"{self.emulator.api_url}/pages/{DEMO_PAGE_ID}"
        for kind, fields in path.setup:
            fields = dict(fields)
            if kind == "user":
                grants = fields.pop("component_ids", None)
                made = self._post(base + "/page_access_users", {"page_access_user": fields})
                if grants:
                    self._post(f"{base}/page_access_users/{made['id']}/components", {"component_ids": grants})
            else:
                self._post(base + "/page_access_groups", {"page_access_group": fields})
        self.control("DELETE", "requests")

    def _post(self, url, body):
        answer = self.api.post(url, json=body, timeout=30)
        answer.raise_for_status()
        return answer.json()

    def requests_log(self):
        return self.control("GET", "requests")

    def settle(self, limit=15.0):
        """Wait until no request is still being answered, by the proxy or the emulator.

        A held or delayed request outlives the run that sent it (the client gave up); its late
        write must land in this cell, not in the next one's fresh data.
        """
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            if self.proxy.in_flight == 0 and all(entry["status"] is not None for entry in self.requests_log()):
                return
            time.sleep(0.1)
        raise AssertionError("requests still in flight after %.0f s" % limit)

    def state(self):
        return normalised(self.control("GET", "state"))

    # ---- a module run, through the proxy -------------------------------------------------------

    def run(self, path, **extra):
        return run(path.module, dict(dict(path.args, api_key=self.key, api_url=self.proxy.url + "/v1"), **extra))

    def reference(self, path):
        """The state the task leaves on a run without faults (computed once per path)."""
        if path.name not in self.references:
            self.reset()
            self.setup(path)
            outcome = self.run(path)
            self.settle()
            if outcome.failed or not outcome.changed:
                raise AssertionError(f"{path.name}: the fault-free run must change something: {outcome.message}")
            method, pattern = path.target
            if not any(entry["method"] == method and _matches(pattern, entry["path"]) for entry in self.requests_log()):
                raise AssertionError(f"{path.name}: the fault-free run never sent {method} {pattern}")
            self.references[path.name] = self.state()
        return self.references[path.name]

    def arm(self, scenario, path):
        method, pattern = path.target
        if scenario.proxy:
            self.proxy.arm(Rule(method, pattern, scenario.proxy, scenario.seconds))
        else:
            self.control("PUT", "faults", {"next": [dict(fault, method=method, path=pattern) for fault in scenario.emulator]})

    def fault_applied(self, scenario):
        """Whether the armed fault was used (asked before the faults are cleared)."""
        if scenario.proxy:
            return bool(self.proxy.applied)
        return any(entry.get("fault") for entry in self.requests_log())


def _matches(pattern, path):
    return re.search(pattern, path) is not None


def normalised(dump):
    """The data that matters, without ids and timestamps, users by e-mail, groups by name."""
    pages = {}
    for page in dump["pages"]:
        components = {c["id"]: c["name"] for c in page.get("components", [])}
        metrics = {m["id"]: m["name"] for m in page.get("metrics", [])}
        groups = {g["id"]: g["name"] for g in page.get("page_access_groups", [])}
        users = {u["id"]: u["email"].lower() for u in page.get("page_access_users", [])}
        profile = {k: v for k, v in page.items() if not isinstance(v, list) and k not in ("created_at", "updated_at")}
        pages[page["id"]] = {
            "profile": profile,
            "users": sorted(
                (u["email"].lower(), u.get("external_login"), tuple(sorted(groups.get(g, g) for g in u.get("page_access_group_ids") or [])),
                 tuple(sorted(components.get(c, c) for c in u.get("component_ids") or [])),
                 tuple(sorted(metrics.get(m, m) for m in u.get("metric_ids") or [])))
                for u in page.get("page_access_users", [])),
            "groups": sorted(
                (g["name"], tuple(sorted(components.get(c, c) for c in g.get("component_ids") or [])),
                 tuple(sorted(metrics.get(m, m) for m in g.get("metric_ids") or [])),
                 tuple(sorted(users.get(u, u) for u in g.get("page_access_user_ids") or [])))
                for g in page.get("page_access_groups", [])),
            "components": sorted((components.get(c.get("group_id"), ""), c["name"], c.get("status"), bool(c.get("group")))
                                 for c in page.get("components", [])),
            "events": sorted((e["name"], e.get("status"), e.get("impact")) for e in page.get("incidents", [])),
        }
    return pages


def duplicates(state):
    found = []
    for page_id, page in state.items():
        for kind, items, key in (("user", page["users"], 1), ("group", page["groups"], 1),
                                 ("component", page["components"], 2), ("event", page["events"], 1)):
            for name, count in collections.Counter(item[:key] for item in items).items():
                if count > 1:
                    found.append(f"{count} {kind}s {'/'.join(part for part in name if part)!r} on {page_id}")
    return found


def key_leaks(key, outcomes):
    forms = [key, base64.b64encode(("OAuth " + key).encode()).decode()]
    return [form for outcome in outcomes for form in forms if form in outcome.stdout]


class Cell:
    """The verdict of one scenario on one path."""

    def __init__(self, scenario, path):
        self.scenario = scenario.name
        self.path = path.name
        self.runs = []
        self.problems = []
        self.duplicates = []
        self.crashed = False
        self.rerun = False

    @property
    def converged(self):
        return not self.problems and not self.duplicates and not self.crashed

    def note(self, problem):
        self.problems.append(problem)


def run_cell(bench, scenario, path):
    cell = Cell(scenario, path)
    reference = bench.reference(path)
    bench.reset()
    bench.setup(path)
    bench.arm(scenario, path)
    outcomes = [bench.run(path)]
    first = outcomes[0]
    if first.failed:
        # What a person does on a clear error: run the task again, at once (a late write of the
        # first run may land after it: that is how a blind re-run duplicated a group).
        if first.crash is not None:
            cell.crashed = True
            cell.note("first run crashed: " + first.message)
        elif not scenario.may_need_rerun(path):
            cell.note("first run failed where it should have coped: " + first.message)
        elif path.creates_non_unique and not ("may still appear" in first.message and "duplicate" in first.message):
            cell.note("a create that cannot be told done failed without saying it may still appear: " + first.message)
        cell.rerun = True
        bench.control("PUT", "faults", {})
        bench.proxy.clear()
        outcomes.append(bench.run(path))
        if outcomes[-1].failed:
            cell.crashed = cell.crashed or outcomes[-1].crash is not None
            cell.note("the re-run failed: " + outcomes[-1].message)
    bench.settle()
    if not bench.fault_applied(scenario):
        cell.note("the fault was never applied: the task did not send %s %s" % path.target)
    bench.control("PUT", "faults", {})
    bench.proxy.clear()
    cell.duplicates.extend(duplicates(bench.state()))
    bench.control("DELETE", "requests")
    last = bench.run(path)
    outcomes.append(last)
    bench.settle()
    writes = [f"{e['method']} {e['path']}" for e in bench.requests_log() if e["method"] not in READS]
    if last.failed:
        cell.crashed = cell.crashed or last.crash is not None
        cell.note("the clean run failed: " + last.message)
    if last.changed or writes:
        cell.note("the clean run was not idempotent: changed=%s, writes %s" % (last.changed, writes))
    state = bench.state()
    if state != reference:
        cell.note("the state differs from a fault-free run: " + _difference(reference, state))
    cell.duplicates.extend(d for d in duplicates(state) if d not in cell.duplicates)
    leaks = key_leaks(bench.key, outcomes)
    if leaks:
        cell.note("the API key reached the output")
    cell.runs = [("crash" if o.crash else "failed" if o.failed else "changed" if o.changed else "ok", o.message[:300])
                 for o in outcomes]
    return cell


def _difference(expected, actual):
    parts = []
    for page_id in sorted(set(expected) | set(actual)):
        for key in ("profile", "users", "groups", "components", "events"):
            want, got = expected.get(page_id, {}).get(key), actual.get(page_id, {}).get(key)
            if want != got:
                if isinstance(want, dict) and isinstance(got, dict):
                    changed = sorted(k for k in set(want) | set(got) if want.get(k) != got.get(k))
                    parts.append(f"{page_id} {key}: {', '.join(changed)}")
                else:
                    parts.append(f"{page_id} {key}: expected {want}, got {got}")
    return "; ".join(parts)
