"""Request budget and wall time of customer onboarding: the role against plain uri tasks.

Run from the collection root, after scripts/setup.sh (it needs the venv with ansible-core):

    .venv/latest/bin/python benchmarks/onboarding.py [--sizes 10,100,500] [--skip-uri] [--skip-role] [--throttle]

For each size N it starts the Statuspage emulator (tests/emulator, on 127.0.0.1 only) seeded
with one page holding C components in G groups plus some ungrouped ones, and U unrelated page
access users; writes N customers of one user and three components each (plain names and
"Group/Name") in the customer_onboarding role's input format; then runs
  (a) the role, through the playbook community.statuspage.onboard_customers: fresh, then again;
  (b) benchmarks/uri_onboarding.yml (the same job as plain ansible.builtin.uri tasks), after an
      emulator reset: fresh, then again.
After each run it reads the emulator's request log and checks the page's state (every customer
user exists with exactly its components). It prints a table and the targets of issue 6 with
PASS/FAIL, and writes everything to benchmarks/results/latest.json.

--throttle adds the throttled scenario: the emulator allows 60 requests per rolling 60 s
(answering 420 with Retry-After: 1 beyond that) and the role onboards 100 fresh customers.
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import os
import pathlib
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

import yaml

BENCH_DIR = pathlib.Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
sys.path.insert(0, str(ROOT))

from tests.emulator.seed_builder import build_large_seed  # noqa: E402  (needs ROOT on sys.path)

API_KEY = "bench-key"
PAGE_ID = "benchpage001"
ROLE_PLAYBOOK = "community.statuspage.onboard_customers"
URI_PLAYBOOK = BENCH_DIR / "uri_onboarding.yml"
THROTTLE = {"limit": 60, "window": 60, "status": 420, "retry_after": 1}
VERBS = ("GET", "POST", "PATCH", "PUT", "DELETE")
RECAP = re.compile(r"^\S+\s*:\s*ok=(\d+)\s+changed=(\d+)\s+unreachable=(\d+)\s+failed=(\d+)", re.M)


# ---------------------------------------------------------------------- the emulator


class Emulator:
    """``python -m tests.emulator`` as a child process on 127.0.0.1, with its control calls."""

    def __init__(self, seed_file: pathlib.Path, work: pathlib.Path):
        self.port_file = work / "emulator.port"
        self.log_file = work / "emulator.log"
        if self.port_file.exists():
            self.port_file.unlink()
        self._log = open(self.log_file, "w", encoding="utf-8")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.emulator", "--host", "127.0.0.1", "--port", "0",
             "--port-file", str(self.port_file), "--seed", str(seed_file), "--quiet"],
            cwd=ROOT, stdout=self._log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while not self.port_file.exists():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("the emulator did not start: %s" % self.log_file.read_text(errors="replace"))
            time.sleep(0.1)
        self.url = "http://127.0.0.1:%d" % int(self.port_file.read_text().strip())
        self.api_url = self.url + "/v1"

    def control(self, method: str, name: str, body=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.url + "/__emulator__/" + name, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as answer:
            return json.loads(answer.read() or b"null")

    def reset(self) -> None:
        """Seed data back, request log and faults cleared."""
        self.control("POST", "reset")

    def requests(self) -> list:
        logged = self.control("GET", "requests")
        return logged["requests"] if isinstance(logged, dict) else logged

    def clear_requests(self) -> None:
        self.control("DELETE", "requests")

    def state(self) -> dict:
        return self.control("GET", "state")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)
        self._log.close()


# ---------------------------------------------------------------------- data


def make_seed(components: int, groups: int, existing_users: int) -> dict:
    """One page: ``components`` components, a fifth of them ungrouped ("Standalone K", a plain
    name) and the rest in ``groups`` groups ("Group G/Component K": the same names in every
    group, so only the "Group/Name" form is unique); ``existing_users`` unrelated users."""
    ungrouped = max(1, components // 5)
    per_group = max(1, (components - ungrouped) // max(groups, 1))
    ungrouped = components - per_group * groups
    return build_large_seed(api_key=API_KEY, page_id=PAGE_ID, page_name="Onboarding benchmark",
                            component_groups=groups, components_per_group=per_group,
                            ungrouped_components=ungrouped, metrics=3, access_groups=0,
                            access_users=existing_users, components_per_user=3, metrics_per_user=1,
                            groups_per_user=0, random_seed=6)


def component_names(seed: dict) -> tuple[list, list]:
    """(plain names that are unique, "Group/Name" names) of the seed's page."""
    entries = seed["pages"][0]["components"]
    groups = {entry["id"]: entry["name"] for entry in entries if entry.get("group")}
    plain = [entry["name"] for entry in entries if not entry.get("group") and not entry.get("group_id")]
    grouped = ["%s/%s" % (groups[entry["group_id"]], entry["name"]) for entry in entries if entry.get("group_id")]
    return plain, grouped


def make_customers(count: int, seed: dict) -> dict:
    """``count`` customers of one user, each with one plain and two "Group/Name" components."""
    plain, grouped = component_names(seed)
    customers = []
    for number in range(count):
        first = grouped[number % len(grouped)]
        second = grouped[(number * 7 + 3) % len(grouped)]
        if second == first:
            second = grouped[(number + 1) % len(grouped)]
        user = {"email": "ops%04d@customer%04d.example" % (number, number)}
        if number % 2 == 0:
            user["external_login"] = "customer%04d-ops" % number
        customers.append({"name": "Customer %04d" % number, "users": [user],
                          "components": [plain[number % len(plain)], first, second]})
    return {"customer_onboarding_page_id": PAGE_ID, "customer_onboarding_customers": customers}


def check_state(state: dict, customers: dict) -> dict:
    """Whether every customer's users exist with exactly the customer's components."""
    page = next(page for page in state["pages"] if page["id"] == PAGE_ID)
    by_id = {entry["id"]: entry for entry in page["components"]}
    labels = {}
    for entry in page["components"]:
        if entry.get("group"):
            continue
        group = by_id.get(entry.get("group_id") or "")
        labels[entry["id"]] = "%s/%s" % (group["name"], entry["name"]) if group else entry["name"]
    users = {user["email"].casefold(): user for user in page["page_access_users"]}
    wrong = []
    for customer in customers["customer_onboarding_customers"]:
        wanted = sorted(customer["components"])
        for user in customer["users"]:
            found = users.get(user["email"].casefold())
            if found is None:
                wrong.append("%s: missing" % user["email"])
                continue
            have = sorted(labels.get(ident, ident) for ident in found.get("component_ids", []))
            if have != wanted:
                wrong.append("%s: components %s, wanted %s" % (user["email"], have, wanted))
    return {"ok": not wrong, "users_on_page": len(users), "problems": wrong[:5], "problem_count": len(wrong)}


# ---------------------------------------------------------------------- running a playbook


def role_available() -> str | None:
    """None when the role and its playbook are in the repository, else why not."""
    missing = [str(path.relative_to(ROOT)) for path in (ROOT / "roles" / "customer_onboarding",
                                                        ROOT / "playbooks" / "onboard_customers.yml")
               if not path.exists()]
    return ("role not found (missing %s)" % ", ".join(missing)) if missing else None


def run_playbook(playbook: str, customers_file: pathlib.Path, emulator: Emulator, collections: pathlib.Path,
                 log_file: pathlib.Path, timeout: float, extra_arguments=()) -> dict:
    ansible_playbook = pathlib.Path(sys.executable).parent / "ansible-playbook"
    env = dict(os.environ)
    env.update({
        "STATUSPAGE_API_KEY": API_KEY,
        "STATUSPAGE_API_URL": emulator.api_url,
        "ANSIBLE_COLLECTIONS_PATH": str(collections),
        "ANSIBLE_PYTHON_INTERPRETER": sys.executable,
        "ANSIBLE_LOCALHOST_WARNING": "False",
        "ANSIBLE_INVENTORY_UNPARSED_WARNING": "False",
        "ANSIBLE_NOCOLOR": "1",
        "ANSIBLE_RETRY_FILES_ENABLED": "False",
        "PYTHONUNBUFFERED": "1",
        # The emulator does not throttle unless told: pacing against it only adds waits to what
        # these benchmarks count (requests). A playbook that sets rate_limit_pacing keeps its own.
        "STATUSPAGE_RATE_LIMIT_PACING": os.environ.get("STATUSPAGE_RATE_LIMIT_PACING", "false"),
    })
    command = [str(ansible_playbook), playbook, "-e", "@%s" % customers_file] + list(extra_arguments)
    started = time.monotonic()
    timed_out = False
    with open(log_file, "w", encoding="utf-8") as log:
        process = subprocess.Popen(command, cwd=log_file.parent, env=env, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
        try:
            returncode = process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            os.killpg(process.pid, signal.SIGTERM)
            try:
                returncode = process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                returncode = process.wait(timeout=15)
    wall = time.monotonic() - started
    output = log_file.read_text(errors="replace")
    recap = RECAP.findall(output)
    result = {"returncode": returncode, "timed_out": timed_out, "wall_seconds": round(wall, 2), "log": str(log_file)}
    if recap:
        ok, changed, unreachable, failed = (int(value) for value in recap[-1])
        result.update({"ok_tasks": ok, "changed_tasks": changed, "failed_tasks": failed + unreachable})
    if returncode != 0:
        lines = [line for line in output.splitlines() if line.strip()]
        errors = [line for line in lines if "ERROR" in line or "FAILED" in line or "fatal" in line]
        result["error"] = (errors or lines or ["(no output)"])[0][:300]
    return result


def count_requests(entries: list) -> dict:
    by_verb = {verb: 0 for verb in VERBS}
    throttled = 0
    for entry in entries:
        by_verb[entry["method"]] = by_verb.get(entry["method"], 0) + 1
        if (entry.get("fault") or {}).get("throttle"):
            throttled += 1
    return {"total": len(entries), "by_verb": by_verb, "throttled": throttled, "accepted": len(entries) - throttled}


# ---------------------------------------------------------------------- budgets


def budget(run: str, customers: int, users_on_page: int, listed_components: int) -> float:
    """Issue 6: re-run <= 1.1 (N + ceil(U/100) + ceil(C/100)) + 3; fresh: 2N instead of N."""
    per_user = 2 * customers if run == "fresh" else customers
    return 1.1 * (per_user + math.ceil(users_on_page / 100) + math.ceil(listed_components / 100)) + 3


def throttle_floor_seconds(accepted: int, limit: int, window: float) -> float:
    """Least time the emulator's throttle allows for ``accepted`` requests: a burst of ``limit``,
    then ``limit / window`` a second (a token bucket, as tests/emulator/faults.py throttles)."""
    return (accepted - limit) * window / limit if accepted > limit else 0.0


# ---------------------------------------------------------------------- main


def parse_arguments(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", maxsplit=1)[0])
    parser.add_argument("--sizes", default="10,100,500", help="numbers of customers, comma-separated (default 10,100,500)")
    parser.add_argument("--components", type=int, default=30, help="components on the page, C (default 30)")
    parser.add_argument("--groups", type=int, default=3, help="component groups holding most of them (default 3)")
    parser.add_argument("--existing-users", type=int, default=50, help="unrelated page access users, U (default 50)")
    parser.add_argument("--skip-uri", action="store_true", help="do not run the uri playbook")
    parser.add_argument("--skip-role", action="store_true", help="do not run the role")
    parser.add_argument("--throttle", action="store_true", help="also run the throttled scenario")
    parser.add_argument("--throttle-size", type=int, default=100, help="customers in the throttled scenario (default 100)")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds any one playbook run may take (default 3600)")
    parser.add_argument("--output", default=str(BENCH_DIR / "results" / "latest.json"), help="where to write the JSON results")
    parser.add_argument("--work-dir", default=str(ROOT / ".build" / "bench"),
                        help="customers files, seed and playbook logs (default .build/bench)")
    arguments = parser.parse_args(argv)
    try:
        arguments.sizes = [int(size) for size in arguments.sizes.split(",") if size.strip()]
    except ValueError:
        parser.error("--sizes takes whole numbers separated by commas")
    if any(size < 1 for size in arguments.sizes) or arguments.components < 3 or arguments.groups < 1:
        parser.error("sizes must be positive; at least 3 components and 1 group")
    return arguments


def benchmark_size(size, arguments, seed, emulator, collections, work, role_problem):
    customers = make_customers(size, seed)
    customers_file = work / ("customers-%d.yml" % size)
    customers_file.write_text(yaml.safe_dump(customers, sort_keys=False), encoding="utf-8")
    listed = len(seed["pages"][0]["components"])
    rows = []
    tools = []
    if not arguments.skip_role:
        tools.append(("role", ROLE_PLAYBOOK))
    if not arguments.skip_uri:
        tools.append(("uri", str(URI_PLAYBOOK)))
    for tool, playbook in tools:
        emulator.reset()
        for run in ("fresh", "re-run"):
            row = {"customers": size, "tool": tool, "run": run}
            users_before = len(next(page for page in emulator.state()["pages"] if page["id"] == PAGE_ID)["page_access_users"])
            row["users_on_page_before"] = users_before
            if tool == "role" and role_problem:
                row["error"] = role_problem
                rows.append(row)
                print_progress(row)
                continue
            emulator.clear_requests()
            row.update(run_playbook(playbook, customers_file, emulator, collections,
                                    work / ("%s-%d-%s.log" % (tool, size, run)), arguments.timeout))
            row["requests"] = count_requests(emulator.requests())
            row["state"] = check_state(emulator.state(), customers)
            row["budget"] = round(budget(run, size, users_before, listed), 1)
            row["within_budget"] = row["requests"]["total"] <= row["budget"]
            rows.append(row)
            print_progress(row)
            if row["timed_out"]:
                print("  N=%-4d %-4s: stopped at --timeout; no re-run" % (size, tool), flush=True)
                break
    return rows


def throttle_scenario(arguments, seed, emulator, collections, work, role_problem):
    size = arguments.throttle_size
    result = {"customers": size, "throttle": THROTTLE}
    if role_problem:
        result["error"] = role_problem
        return result
    customers = make_customers(size, seed)
    customers_file = work / ("customers-throttle-%d.yml" % size)
    customers_file.write_text(yaml.safe_dump(customers, sort_keys=False), encoding="utf-8")
    emulator.reset()
    emulator.control("PUT", "faults", {"throttle": THROTTLE})
    emulator.clear_requests()
    try:
        result.update(run_playbook(ROLE_PLAYBOOK, customers_file, emulator, collections,
                                   work / ("role-throttle-%d.log" % size), arguments.timeout))
    finally:
        emulator.control("PUT", "faults", {})
    result["requests"] = count_requests(emulator.requests())
    result["state"] = check_state(emulator.state(), customers)
    accepted = result["requests"]["accepted"]
    result["issue_floor_seconds"] = max(accepted - THROTTLE["limit"], 0)
    result["target_seconds"] = round(1.15 * result["issue_floor_seconds"], 1)
    result["throttle_floor_seconds"] = throttle_floor_seconds(accepted, THROTTLE["limit"], THROTTLE["window"])
    result["no_failed_task"] = result["returncode"] == 0 and result.get("failed_tasks", 1) == 0
    result["within_time"] = result["wall_seconds"] <= result["target_seconds"]
    return result


def print_progress(row):
    if "error" in row and "requests" not in row:
        print("  N=%-4d %-4s %-6s  not run: %s" % (row["customers"], row["tool"], row["run"], row["error"]), flush=True)
    else:
        print("  N=%-4d %-4s %-6s  %5d requests  %8.1f s  rc=%s  state %s" % (
            row["customers"], row["tool"], row["run"], row["requests"]["total"], row["wall_seconds"],
            row["returncode"], "ok" if row["state"]["ok"] else "WRONG (%d)" % row["state"]["problem_count"]), flush=True)


def targets(rows):
    """PASS/FAIL of each issue-6 target that these runs can decide."""
    checks = []
    for row in rows:
        if row["tool"] != "role" or "requests" not in row:
            continue
        checks.append({"target": "requests N=%d %s <= %.1f" % (row["customers"], row["run"], row["budget"]),
                       "measured": row["requests"]["total"],
                       "pass": row["within_budget"] and row["returncode"] == 0 and row["state"]["ok"]})
    by_key = {(row["customers"], row["tool"], row["run"]): row for row in rows if "requests" in row}
    for (size, tool, run), row in sorted(by_key.items()):
        uri = by_key.get((size, "uri", run))
        if tool != "role" or uri is None:
            continue
        ratio = row["wall_seconds"] / uri["wall_seconds"] if uri["wall_seconds"] else float("inf")
        binding = size >= 100
        # A uri run stopped at --timeout would have taken longer: the ratio is an upper bound.
        note = " (uri stopped at timeout: upper bound)" if uri["timed_out"] else ""
        checks.append({"target": "wall role/uri N=%d %s <= 0.25%s%s" % (size, run, "" if binding else " (informative)", note),
                       "measured": ("<= %.3f" % ratio) if note else round(ratio, 3),
                       "pass": ratio <= 0.25 and not row["timed_out"], "binding": binding})
    return checks


def print_table(rows, checks, throttled):
    print()
    header = "%6s  %-4s  %-6s  %6s  %5s  %5s  %5s  %5s  %6s  %9s  %7s  %6s  %-5s  %s" % (
        "N", "tool", "run", "total", "GET", "POST", "PATCH", "PUT", "DELETE", "wall s", "changed", "budget", "state", "rc")
    print(header)
    print("-" * len(header))
    for row in rows:
        if "requests" not in row:
            print("%6d  %-4s  %-6s  not run: %s" % (row["customers"], row["tool"], row["run"], row.get("error")))
            continue
        verbs = row["requests"]["by_verb"]
        print("%6d  %-4s  %-6s  %6d  %5d  %5d  %5d  %5d  %6d  %9.1f  %7s  %6s  %-5s  %s" % (
            row["customers"], row["tool"], row["run"], row["requests"]["total"], verbs["GET"], verbs["POST"],
            verbs["PATCH"], verbs["PUT"], verbs["DELETE"], row["wall_seconds"], row.get("changed_tasks", "?"),
            "%.1f" % row["budget"] if row["tool"] == "role" else "-", "ok" if row["state"]["ok"] else "WRONG",
            row["returncode"] if not row["timed_out"] else "timeout"))
    print()
    for check in checks:
        print("%-4s  %-45s measured %s" % ("PASS" if check["pass"] else "FAIL", check["target"], check["measured"]))
    if throttled is not None:
        print()
        if "requests" not in throttled:
            print("throttle: not run: %s" % throttled.get("error"))
        else:
            print("throttle (N=%d, %s): %d requests (%d accepted, %d answered 420), %.1f s, rc=%s, failed tasks %s, state %s" % (
                throttled["customers"], json.dumps(THROTTLE), throttled["requests"]["total"],
                throttled["requests"]["accepted"], throttled["requests"]["throttled"], throttled["wall_seconds"],
                throttled["returncode"], throttled.get("failed_tasks", "?"), "ok" if throttled["state"]["ok"] else "WRONG"))
            print("%-4s  no failed task" % ("PASS" if throttled["no_failed_task"] else "FAIL"))
            print("%-4s  wall <= 1.15 x (accepted - 60) = %.1f s  (the emulator's throttle alone needs >= %.0f s)" % (
                "PASS" if throttled["within_time"] else "FAIL", throttled["target_seconds"],
                throttled["throttle_floor_seconds"]))


def main(argv=None) -> int:
    arguments = parse_arguments(argv)
    if not (pathlib.Path(sys.executable).parent / "ansible-playbook").exists():
        print("no ansible-playbook beside %s: run with the venv that scripts/setup.sh builds "
              "(.venv/latest/bin/python benchmarks/onboarding.py)" % sys.executable, file=sys.stderr)
        return 2
    work = pathlib.Path(arguments.work_dir).resolve()
    work.mkdir(parents=True, exist_ok=True)
    role_problem = None if arguments.skip_role else role_available()
    if role_problem:
        print("role side: %s; the role runs are reported as not run" % role_problem, flush=True)
    # The playbook name resolves through a collections path that holds this checkout; it lives
    # outside the repository so that no tool walking the tree meets a link back to its root.
    collections = pathlib.Path(tempfile.mkdtemp(prefix="statuspage-bench-"))
    link = collections / "ansible_collections" / "community" / "statuspage"
    link.parent.mkdir(parents=True)
    link.symlink_to(ROOT, target_is_directory=True)
    seed = make_seed(arguments.components, arguments.groups, arguments.existing_users)
    seed_file = work / "seed.json"
    seed_file.write_text(json.dumps(seed), encoding="utf-8")
    results = {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "machine": {"host": platform.node(), "cpus": os.cpu_count(), "python": platform.python_version(),
                    "platform": platform.platform()},
        "ansible_core": subprocess.run([str(pathlib.Path(sys.executable).parent / "ansible"), "--version"], check=False,
                                       capture_output=True, text=True).stdout.splitlines()[0],
        "commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, check=False,
                                 text=True).stdout.strip(),
        "parameters": {"components": arguments.components, "groups": arguments.groups,
                       "listed_components": len(seed["pages"][0]["components"]),
                       "existing_users": arguments.existing_users, "sizes": arguments.sizes},
        "runs": [], "targets": [], "throttle": None,
    }
    emulator = None
    try:
        emulator = Emulator(seed_file, work)
        print("emulator on %s; C=%d components (+%d groups), U=%d users; work files in %s" % (
            emulator.url, arguments.components, arguments.groups, arguments.existing_users, work), flush=True)
        for size in arguments.sizes:
            results["runs"].extend(benchmark_size(size, arguments, seed, emulator, collections, work, role_problem))
        if arguments.throttle:
            print("  throttled scenario: %d fresh customers with the role..." % arguments.throttle_size, flush=True)
            results["throttle"] = throttle_scenario(arguments, seed, emulator, collections, work, role_problem)
    finally:
        if emulator is not None:
            emulator.stop()
        shutil.rmtree(collections, ignore_errors=True)
        results["targets"] = targets(results["runs"])
        output = pathlib.Path(arguments.output)
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print_table(results["runs"], results["targets"], results["throttle"])
    print("\nresults: %s" % arguments.output)
    failed = [check for check in results["targets"] if not check["pass"] and check.get("binding", True)]
    if results["throttle"] and "requests" in results["throttle"]:
        failed += [1] if not (results["throttle"]["no_failed_task"] and results["throttle"]["within_time"]) else []
    return 1 if failed or role_problem else 0


if __name__ == "__main__":
    sys.exit(main())
