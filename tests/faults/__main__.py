# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""``python -m ansible_collections.community.statuspage.tests.faults [--workers N] [--only TEXT]``

The cells are independent and mostly wait (for Retry-After, back-off, held answers), so they
run in a few worker processes, each with its own emulator and proxy on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import time
import traceback

from ansible_collections.community.statuspage.tests.faults.cases import BAD_INPUTS, SCENARIOS, WRITE_PATHS
from ansible_collections.community.statuspage.tests.faults.checks import check_bad_input, check_tls
from ansible_collections.community.statuspage.tests.faults.matrix import Bench, run_cell

_BENCH = None


def _start_worker():
    global _BENCH  # pylint: disable=global-statement
    _BENCH = Bench()


def _job(job):
    kind, index, second = job
    try:
        if kind == "cell":
            return kind, run_cell(_BENCH, SCENARIOS[index], WRITE_PATHS[second])
        if kind == "bad":
            return kind, check_bad_input(_BENCH, *BAD_INPUTS[index])
        return kind, check_tls(_BENCH)
    except Exception:  # pylint: disable=broad-exception-caught
        return "error", "%s %s %s:\n%s" % (kind, index, second, traceback.format_exc())


def _symbol(cell):
    if cell.crashed:
        return "CRASH"
    if cell.duplicates:
        return "DUP"
    if not cell.converged:
        return "FAIL"
    return "ok+rerun" if cell.rerun else "ok"


def print_matrix(cells):
    by_key = {(c.path, c.scenario): c for c in cells}
    scenarios = [s.name for s in SCENARIOS if any(c.scenario == s.name for c in cells)]
    paths = [p.name for p in WRITE_PATHS if any(c.path == p.name for c in cells)]
    print("\nFault matrix: write paths (rows) x scenarios (columns)")
    print("  ok = converged on the first run; ok+rerun = a clear failure, then one re-run converged;")
    print("  DUP = a duplicate user or group; CRASH = a traceback; FAIL = not converged")
    for number, name in enumerate(scenarios, 1):
        print("  S%-2d %s" % (number, name))
    width = max(len(p) for p in paths) + 2
    print(" " * width + "".join("%-9s" % ("S%d" % n) for n in range(1, len(scenarios) + 1)))
    for path in paths:
        print(("%-" + str(width) + "s") % path + "".join("%-9s" % _symbol(by_key[(path, s)]) for s in scenarios))
    converged = sum(1 for c in cells if c.converged)
    dups = sum(1 for c in cells if c.duplicates)
    crashes = sum(1 for c in cells if c.crashed)
    reruns = sum(1 for c in cells if c.rerun and c.converged)
    print("\nscenarios tried %d (%d scenarios x %d write paths): converged %d (%d of them after one re-run), "
          "duplicates %d, crashes %d" % (len(cells), len(scenarios), len(paths), converged, reruns, dups, crashes))
    for cell in cells:
        if not cell.converged:
            print("\n  %s / %s:" % (cell.path, cell.scenario))
            for problem in cell.problems + cell.duplicates:
                print("    - " + problem)
            for state, message in cell.runs:
                print("    run: %s %s" % (state, message))
    return converged == len(cells)


def print_verdicts(title, verdicts, totals):
    print("\n" + title)
    for verdict in verdicts:
        print("  %-4s %-60s requests %d, writes %d\n         %s" % (
            "ok" if verdict.ok else "FAIL", verdict.what, verdict.requests, verdict.writes, verdict.detail))
    if totals:
        print("bad inputs tried %d: clear %d, zero-write %d" % (
            len(verdicts), sum(1 for v in verdicts if v.clear), sum(1 for v in verdicts if v.writes == 0)))
    return all(v.ok for v in verdicts)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m ansible_collections.community.statuspage.tests.faults")
    parser.add_argument("--workers", type=int, default=4, help="worker processes (default 4; they mostly wait)")
    parser.add_argument("--only", default="", help="only the scenarios and paths whose name holds this text")
    arguments = parser.parse_args(argv)
    jobs = [("cell", s, p) for s, scenario in enumerate(SCENARIOS) for p, path in enumerate(WRITE_PATHS)
            if arguments.only in scenario.name or arguments.only in path.name]
    if not arguments.only:
        jobs += [("bad", index, None) for index in range(len(BAD_INPUTS))] + [("tls", 0, None)]
    started = time.monotonic()
    context = multiprocessing.get_context("fork")
    with context.Pool(arguments.workers, initializer=_start_worker) as pool:
        results = pool.map(_job, jobs, chunksize=1)
    errors = [detail for kind, detail in results if kind == "error"]
    cells = [detail for kind, detail in results if kind == "cell"]
    bad = [detail for kind, detail in results if kind == "bad"]
    tls = [verdict for kind, detail in results if kind == "tls" for verdict in detail]
    ok = print_matrix(cells) if cells else True
    if bad:
        ok = print_verdicts("Bad inputs: refused with a message naming the option, before any write", bad, True) and ok
    if tls:
        ok = print_verdicts("TLS", tls, False) and ok
    for error in errors:
        print("\nthe suite itself failed:\n" + error)
    verdict = "all passed" if ok and not errors else "FAILED"
    print("\n%d jobs in %.0f s with %d workers: %s" % (len(jobs), time.monotonic() - started, arguments.workers, verdict))
    return 0 if ok and not errors else 1


if __name__ == "__main__":
    sys.exit(main())
