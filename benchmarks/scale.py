"""Requests and wall time at scale (issue 12): bulk grants, and one rate budget per key.

Run from the collection root, after scripts/setup.sh (it needs the venv with ansible-core):

    .venv/latest/bin/python benchmarks/scale.py [--size 500] [--skip-bulk] [--skip-throttle] [--skip-unpaced]

Against the Statuspage emulator (tests/emulator, on 127.0.0.1 only), seeded as
benchmarks/onboarding.py seeds it (C = 30 components in 3 groups and 6 ungrouped, U = 50 users):

- users mode: N customers of one user and three components, with the customer_onboarding role,
  fresh then again; then the same where user objects carry their grants (emulator variant
  user-object-grants). Targets: fresh <= 1.1 x (N + distinct components granted + lists) + 3;
  re-run <= N + lists; with user-object-grants, re-run <= 1.1 x lists + 3.
- groups mode: N customers of two users. Targets: fresh <= 1.1 x (groups + users + lists) + 3;
  re-run <= 1.1 x lists + 3.
- under the throttle (60 per 60 s, 420, Retry-After: 1), in the emulator's token-bucket and
  rolling-window models, with the pacing model set to the server's: five hosts (forks 5)
  each ensuring a few users (benchmarks/pacing_hosts.yml), and two onboarding runs at once
  (benchmarks/pacing_onboard.yml, different customers, one key). Paced, then (unless
  --skip-unpaced) unpaced for comparison. Targets, paced: throttled answers <= 2 % of all,
  no failed task, wall <= 1.1 x what the limit itself needs for the accepted requests (bucket:
  accepted - 60 s; window: 60 s per full 60 after the first burst). The API span (first to last
  request in the emulator's log) is printed and checked against the same bound, informatively:
  the wall time also holds ansible-playbook's start and the tasks before the first request.

"lists" are the page's list requests: ceil(users on the page / 100) + ceil(components / 100)
(+ ceil(groups / 100) in groups mode), users counted when the run starts. It prints a table of
requests by verb, throttled answers and wall seconds, then each target with PASS/FAIL, and
exits 1 when one fails. Results go to benchmarks/results/scale.json (kept out of git).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

import yaml

BENCH_DIR = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

import onboarding  # noqa: E402  (the emulator, the seed, the customers and the playbook runner)

PAGE_ID = onboarding.PAGE_ID
ROLE = "community.statuspage.onboard_customers"
HOSTS_PLAYBOOK = BENCH_DIR / "pacing_hosts.yml"
ONBOARD_PLAYBOOK = BENCH_DIR / "pacing_onboard.yml"
LIMIT, WINDOW = 60, 60


def page(state):
    return next(entry for entry in state["pages"] if entry["id"] == PAGE_ID)


def lists(users, components, groups=None):
    return math.ceil(max(users, 1) / 100) + math.ceil(components / 100) + (
        math.ceil(max(groups, 1) / 100) if groups is not None else 0)


def group_customers(count, seed):
    """``count`` customers of two users each, three components each, as page access groups."""
    data = onboarding.make_customers(count, seed)
    for number, customer in enumerate(data["customer_onboarding_customers"]):
        customer["users"] = customer["users"] + ["second%04d@customer%04d.example" % (number, number)]
    data["customer_onboarding_use_groups"] = True
    return data


def check_groups(state, customers):
    """Every customer's group exists with its users, and every user exists."""
    found = page(state)
    users = {user["email"].casefold(): user for user in found["page_access_users"]}
    groups = {group["name"]: group for group in found["page_access_groups"]}
    wrong = []
    for customer in customers["customer_onboarding_customers"]:
        group = groups.get(customer["name"])
        emails = [(user["email"] if isinstance(user, dict) else user).casefold() for user in customer["users"]]
        if group is None or len(group.get("component_ids") or []) != 3:
            wrong.append("%s: group missing or without its 3 components" % customer["name"])
        elif any(email not in users or users[email]["id"] not in group.get("page_access_user_ids", []) for email in emails):
            wrong.append("%s: a user missing from its group" % customer["name"])
    return {"ok": not wrong, "problems": wrong[:5], "problem_count": len(wrong)}


def role_run(name, customers, emulator, collections, work, check, extra=()):
    customers_file = work / ("%s.yml" % name)
    customers_file.write_text(yaml.safe_dump(customers, sort_keys=False), encoding="utf-8")
    users_before = len(page(emulator.state())["page_access_users"])
    emulator.clear_requests()
    row = {"name": name, "users_before": users_before}
    row.update(onboarding.run_playbook(ROLE, customers_file, emulator, collections, work / ("%s.log" % name),
                                       3600, list(extra)))
    row["requests"] = onboarding.count_requests(emulator.requests())
    row["state"] = check(emulator.state(), customers)
    print_row(row)
    return row


def distinct_components(customers):
    return len({name for customer in customers["customer_onboarding_customers"] for name in customer["components"]})


def bulk_scenarios(size, seed, emulator, collections, work):
    listed = len(seed["pages"][0]["components"])
    rows, checks = [], []
    users = onboarding.make_customers(size, seed)
    for variant in ("", "user-object-grants"):
        emulator.control("PUT", "variants", {"variants": variant})  # fresh data
        label = "users N=%d%s" % (size, " (%s)" % variant if variant else "")
        fresh = role_run("users-%d-fresh%s" % (size, "-" + variant if variant else ""), users, emulator, collections,
                         work, onboarding.check_state)
        again = role_run("users-%d-rerun%s" % (size, "-" + variant if variant else ""), users, emulator, collections,
                         work, onboarding.check_state)
        fresh_budget = 1.1 * (size + distinct_components(users) + lists(fresh["users_before"], listed)) + 3
        rerun_lists = lists(again["users_before"], listed)
        rerun_budget = (1.1 * rerun_lists + 3) if variant else (size + rerun_lists)
        checks.append(check_of("%s fresh <= %.1f" % (label, fresh_budget), fresh, fresh_budget))
        checks.append(check_of("%s re-run <= %.1f" % (label, rerun_budget), again, rerun_budget))
        rows += [fresh, again]
    emulator.control("PUT", "variants", {"variants": ""})
    groups = group_customers(size, seed)
    fresh = role_run("groups-%d-fresh" % size, groups, emulator, collections, work, check_groups)
    again = role_run("groups-%d-rerun" % size, groups, emulator, collections, work, check_groups)
    fresh_budget = 1.1 * (size + 2 * size + lists(fresh["users_before"], listed, 0)) + 3
    rerun_budget = 1.1 * lists(again["users_before"], listed, size) + 3
    checks.append(check_of("groups N=%d x 2 fresh <= %.1f" % (size, fresh_budget), fresh, fresh_budget))
    checks.append(check_of("groups N=%d x 2 re-run <= %.1f" % (size, rerun_budget), again, rerun_budget))
    return rows + [fresh, again], checks


def check_of(target, row, limit):
    return {"target": target, "measured": row["requests"]["total"],
            "pass": row["requests"]["total"] <= limit and row["returncode"] == 0 and row["state"]["ok"]}


def floor_seconds(accepted, model):
    """The least time the throttle allows for ``accepted`` requests after a full burst."""
    if accepted <= LIMIT:
        return 0.0
    if model == "bucket":
        return (accepted - LIMIT) * WINDOW / LIMIT
    return WINDOW * ((accepted - 1) // LIMIT)


def parallel(commands, env, work, name):
    """Run the ansible-playbook ``commands`` at once; ``(wall seconds, [(rc, failed tasks)])``."""
    started = time.monotonic()
    processes = []
    for number, command in enumerate(commands):
        log = open(work / ("%s-%d.log" % (name, number)), "w", encoding="utf-8")
        processes.append((subprocess.Popen(command, cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT), log))
    outcomes = []
    for process, log in processes:
        returncode = process.wait(timeout=1800)
        log.close()
        recap = onboarding.RECAP.findall(pathlib.Path(log.name).read_text(errors="replace"))
        outcomes.append((returncode, sum(int(failed) + int(unreachable) for dummy, dummy2, unreachable, failed in recap)
                         if recap else None))
    return time.monotonic() - started, outcomes


def throttle_scenarios(seed, emulator, collections, work, arguments):
    ansible_playbook = str(pathlib.Path(sys.executable).parent / "ansible-playbook")
    env = dict(os.environ, STATUSPAGE_API_KEY=onboarding.API_KEY, STATUSPAGE_API_URL=emulator.api_url,
               ANSIBLE_COLLECTIONS_PATH=str(collections), ANSIBLE_PYTHON_INTERPRETER=sys.executable,
               ANSIBLE_LOCALHOST_WARNING="False", ANSIBLE_INVENTORY_UNPARSED_WARNING="False", ANSIBLE_NOCOLOR="1",
               ANSIBLE_RETRY_FILES_ENABLED="False", ANSIBLE_HOST_KEY_CHECKING="False")
    inventory = work / "hosts.ini"
    inventory.write_text("[bench]\n" + "".join(
        "host%d ansible_connection=local ansible_python_interpreter=%s\n" % (number, sys.executable)
        for number in range(arguments.hosts)), encoding="utf-8")
    plain, grouped = onboarding.component_names(seed)
    customers = onboarding.make_customers(2 * arguments.run_customers, seed)["customer_onboarding_customers"]
    halves = []
    for half in range(2):
        data = {"customer_onboarding_page_id": PAGE_ID,
                "customer_onboarding_customers": customers[half::2]}
        path = work / ("two-runs-%d.yml" % half)
        path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        halves.append(path)
    rows = []
    pacings = [True] if arguments.skip_unpaced else [True, False]
    for model in ("bucket", "window"):
        for scenario in ("5 hosts, forks 5", "two runs at once"):
            for pacing in pacings:
                extra = ["-e", "bench_model=%s" % model, "-e", "bench_pacing=%s" % pacing]
                if scenario.startswith("5 hosts"):
                    commands = [[ansible_playbook, str(HOSTS_PLAYBOOK), "-i", str(inventory), "-f", str(arguments.hosts),
                                 "-e", "bench_page_id=%s" % PAGE_ID, "-e", "bench_users=%d" % arguments.host_users,
                                 "-e", json.dumps({"bench_components": [plain[0], grouped[0], grouped[1]]})] + extra]
                else:
                    commands = [[ansible_playbook, str(ONBOARD_PLAYBOOK), "-e", "@%s" % path] + extra for path in halves]
                emulator.reset()
                # A fresh budget on both sides: the server's counts and the controller's file.
                shutil.rmtree(os.path.join(env["ANSIBLE_LOCAL_TEMP"], "community.statuspage-rate-budget"),
                              ignore_errors=True)
                emulator.control("PUT", "faults", {"throttle": {"model": model, "limit": LIMIT, "window": WINDOW,
                                                                "status": 420, "retry_after": 1}})
                emulator.clear_requests()
                name = "throttle-%s-%s-%s" % (model, "hosts" if scenario.startswith("5") else "runs",
                                              "paced" if pacing else "unpaced")
                try:
                    wall, outcomes = parallel(commands, env, work, name)
                finally:
                    emulator.control("PUT", "faults", {})
                logged = emulator.requests()
                counted = onboarding.count_requests(logged)
                times = [entry["time"] for entry in logged]
                row = {"name": name, "model": model, "scenario": scenario, "pacing": pacing, "requests": counted,
                       "wall_seconds": round(wall, 1), "outcomes": outcomes,
                       # From the first request the server saw to the last: the part the limit governs.
                       "api_span_seconds": round(max(times) - min(times), 1) if times else 0.0,
                       "floor_seconds": floor_seconds(counted["accepted"], model)}
                row["no_failed_task"] = all(rc == 0 and failed == 0 for rc, failed in outcomes)
                rows.append(row)
                print("  %-34s %4d requests (%3d answered 420)  wall %6.1f s  API span %6.1f s  floor %5.1f s  %s" % (
                    name, counted["total"], counted["throttled"], wall, row["api_span_seconds"], row["floor_seconds"],
                    "ok" if row["no_failed_task"] else "FAILED %s" % outcomes), flush=True)
    checks = []
    for row in rows:
        if not row["pacing"]:
            continue
        label = "%s, %s model, paced" % (row["scenario"], row["model"])
        total = row["requests"]["total"]
        checks.append({"target": "%s: 420s <= 2%% of %d" % (label, total), "measured": row["requests"]["throttled"],
                       "pass": row["requests"]["throttled"] <= 0.02 * total})
        checks.append({"target": "%s: no failed task" % label, "measured": row["outcomes"], "pass": row["no_failed_task"]})
        limit = 1.1 * row["floor_seconds"]
        checks.append({"target": "%s: wall <= 1.1 x %.0f s" % (label, row["floor_seconds"]),
                       "measured": row["wall_seconds"], "pass": row["wall_seconds"] <= limit})
        # Informative: the wall time includes ansible-playbook's start and the role's own tasks
        # before the first request, which no limit governs.
        checks.append({"target": "%s: API span <= 1.1 x %.0f s (informative)" % (label, row["floor_seconds"]),
                       "measured": row["api_span_seconds"], "pass": row["api_span_seconds"] <= limit,
                       "binding": False})
    return rows, checks


def print_row(row):
    verbs = row["requests"]["by_verb"]
    print("  %-34s %5d requests (GET %d, POST %d, PATCH %d, DELETE %d)  %6.1f s  rc=%s  state %s" % (
        row["name"], row["requests"]["total"], verbs["GET"], verbs["POST"], verbs["PATCH"], verbs["DELETE"],
        row["wall_seconds"], row["returncode"], "ok" if row["state"]["ok"] else "WRONG %s" % row["state"]["problems"]),
        flush=True)


def parse_arguments(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", maxsplit=1)[0])
    parser.add_argument("--size", type=int, default=500, help="customers N in users and groups mode (default 500)")
    parser.add_argument("--hosts", type=int, default=5, help="hosts (and forks) of the hosts scenario (default 5)")
    parser.add_argument("--host-users", type=int, default=5, help="users each host ensures (default 5)")
    parser.add_argument("--run-customers", type=int, default=30, help="customers of each of the two runs (default 30)")
    parser.add_argument("--skip-bulk", action="store_true", help="skip the users and groups mode runs")
    parser.add_argument("--skip-throttle", action="store_true", help="skip the throttled scenarios")
    parser.add_argument("--skip-unpaced", action="store_true", help="run the throttled scenarios paced only")
    parser.add_argument("--output", default=str(BENCH_DIR / "results" / "scale.json"))
    parser.add_argument("--work-dir", default=str(onboarding.ROOT / ".build" / "bench-scale"))
    return parser.parse_args(argv)


def main(argv=None) -> int:
    arguments = parse_arguments(argv)
    work = pathlib.Path(arguments.work_dir).resolve()
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    # Ansible's temporary directory (and with it the key's rate budget) inside the work dir.
    os.environ["ANSIBLE_LOCAL_TEMP"] = str(work / "ansible-tmp")
    collections = pathlib.Path(tempfile.mkdtemp(prefix="statuspage-bench-"))
    link = collections / "ansible_collections" / "community" / "statuspage"
    link.parent.mkdir(parents=True)
    link.symlink_to(onboarding.ROOT, target_is_directory=True)
    seed = onboarding.make_seed(30, 3, 50)
    seed_file = work / "seed.json"
    seed_file.write_text(json.dumps(seed), encoding="utf-8")
    results = {"runs": [], "throttled": [], "targets": []}
    emulator = None
    try:
        emulator = onboarding.Emulator(seed_file, work)
        print("emulator on %s; work files in %s" % (emulator.url, work), flush=True)
        if not arguments.skip_bulk:
            # No throttle here, so no budget either: these runs count requests, not seconds.
            os.environ["STATUSPAGE_RATE_LIMIT_PACING"] = "false"
            rows, checks = bulk_scenarios(arguments.size, seed, emulator, collections, work)
            results["runs"] += rows
            results["targets"] += checks
        os.environ.pop("STATUSPAGE_RATE_LIMIT_PACING", None)
        if not arguments.skip_throttle:
            rows, checks = throttle_scenarios(seed, emulator, collections, work, arguments)
            results["throttled"] += rows
            results["targets"] += checks
    finally:
        if emulator is not None:
            emulator.stop()
        shutil.rmtree(collections, ignore_errors=True)
        output = pathlib.Path(arguments.output)
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print()
    for check in results["targets"]:
        print("%-4s  %-72s measured %s" % ("PASS" if check["pass"] else "FAIL", check["target"], check["measured"]))
    print("\nresults: %s" % arguments.output)
    return 1 if any(not check["pass"] and check.get("binding", True) for check in results["targets"]) else 0


if __name__ == "__main__":
    sys.exit(main())
