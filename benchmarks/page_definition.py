"""Requests of the page_definition role on pages of many components: preview, apply, re-run.

Run from the collection root, after scripts/setup.sh (it needs the venv with ansible-core):

    .venv/latest/bin/python benchmarks/page_definition.py [--sizes 10x10,50x21]

Each size GxK is a page of G component groups of K components each (the emulator, on 127.0.0.1
only, seeded by tests/emulator/seed_builder.py; 50x21 is Statuspage's limit of 1100 components
and groups). The definition lists every group and component, changes the profile and the status
embed config, adds one component to each group and moves one component from the first group to
the second (with previously). The playbook community.statuspage.define_page then runs with
--check, for real, and again. After each run the emulator's request log is read.

Targets (issue 13): the preview writes nothing; the apply writes one request per change (2
settings + G creates + 1 PATCH that renames and moves the component); the re-run writes nothing
and sends at most 1.1 x (lists needed) + 3 requests, the lists being the profile, the status
embed config and floor(items / 100) + 1 pages of the components list. It prints a table and PASS/FAIL, writes
benchmarks/results/page_definition.json, and exits 1 when a target fails.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import shutil
import sys
import tempfile

import yaml

BENCH_DIR = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

from onboarding import API_KEY, PAGE_ID, ROOT, Emulator, count_requests, run_playbook  # noqa: E402
from tests.emulator.seed_builder import build_large_seed  # noqa: E402  (onboarding put ROOT on sys.path)

PLAYBOOK = "community.statuspage.define_page"


def definition(groups: int, per_group: int) -> dict:
    tree = []
    for group in range(1, groups + 1):
        members = [{"name": "Component %d" % number} for number in range(1, per_group + 1)]
        if group == 1:
            members = members[1:]  # Component 1 moves to Group 2
        if group == 2:
            members.append({"name": "Moved", "previously": "Group 1/Component 1"})
        members.append({"name": "New %d" % group, "description": "added by the definition"})
        tree.append({"group": "Group %d" % group, "components": members})
    return {"page_definition_page_id": PAGE_ID, "page_definition_batch_size": 10,
            "page_definition_profile": {"time_zone": "Europe/Berlin"},
            "page_definition_status_embed_config": {"position": "bottom-right"},
            "page_definition_components": tree}


def run(label, emulator, collections, work, definition_file, check=False):
    emulator.clear_requests()
    log = work / ("%s.log" % label)
    playbook = run_playbook(PLAYBOOK, definition_file, emulator, collections, log, timeout=3600,
                            extra_arguments=["--check", "--diff"] if check else [])
    requests = count_requests(emulator.requests())
    writes = requests["total"] - requests["by_verb"]["GET"]
    return dict(run=label, requests=requests["total"], writes=writes, by_verb=requests["by_verb"], **playbook)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10x10,50x21", help="GROUPSxCOMPONENTS, comma-separated")
    parser.add_argument("--work-dir", default=str(ROOT / ".build" / "bench-page"))
    parser.add_argument("--output", default=str(BENCH_DIR / "results" / "page_definition.json"))
    arguments = parser.parse_args(argv)
    work = pathlib.Path(arguments.work_dir).resolve()
    work.mkdir(parents=True, exist_ok=True)
    collections = pathlib.Path(tempfile.mkdtemp(prefix="statuspage-bench-"))
    link = collections / "ansible_collections" / "community" / "statuspage"
    link.parent.mkdir(parents=True)
    link.symlink_to(ROOT, target_is_directory=True)
    rows, checks = [], []
    try:
        for size in arguments.sizes.split(","):
            groups, per_group = (int(part) for part in size.split("x"))
            seed = build_large_seed(api_key=API_KEY, page_id=PAGE_ID, component_groups=groups,
                                    components_per_group=per_group, metrics=0, access_groups=0, access_users=0)
            items = groups * (per_group + 1)
            seed_file = work / ("seed-%s.json" % size)
            seed_file.write_text(json.dumps(seed), encoding="utf-8")
            definition_file = work / ("page-%s.yml" % size)
            definition_file.write_text(yaml.safe_dump(definition(groups, per_group)), encoding="utf-8")
            emulator = Emulator(seed_file, work)
            try:
                preview = run("%s preview" % size, emulator, collections, work, definition_file, check=True)
                applied = run("%s apply" % size, emulator, collections, work, definition_file)
                again = run("%s re-run" % size, emulator, collections, work, definition_file)
            finally:
                emulator.stop()
            # A list of exactly 100 n items takes one more (empty) page to know it ended.
            lists = 2 + items // 100 + 1
            budget = 1.1 * lists + 3
            # the profile, the embed config, a create per group, and the moved component's one PATCH
            # (it is renamed too, so its own PATCH carries the move)
            expected_writes = 2 + groups + 1
            rows += [preview, applied, again]
            checks += [
                ("%s preview writes nothing" % size, preview["writes"] == 0 and preview["returncode"] == 0),
                ("%s apply: %d writes, one per change" % (size, expected_writes),
                 applied["writes"] == expected_writes and applied["returncode"] == 0),
                ("%s re-run writes nothing" % size, again["writes"] == 0 and again["returncode"] == 0),
                ("%s re-run %d requests <= 1.1 x %d lists + 3 = %.1f" % (size, again["requests"], lists, budget),
                 again["requests"] <= budget),
            ]
    finally:
        shutil.rmtree(collections, ignore_errors=True)
    print("\n%-18s %9s %7s %8s  %s" % ("run", "requests", "writes", "seconds", "by verb"))
    for row in rows:
        print("%-18s %9d %7d %8.1f  %s" % (row["run"], row["requests"], row["writes"], row["wall_seconds"],
                                           ", ".join("%s %d" % item for item in row["by_verb"].items() if item[1])))
    print()
    for name, passed in checks:
        print("%s  %s" % ("PASS" if passed else "FAIL", name))
    output = pathlib.Path(arguments.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps({"runs": rows, "targets": [{"name": name, "pass": passed} for name, passed in checks]},
                                 indent=2) + "\n", encoding="utf-8")
    return 0 if all(passed for dummy, passed in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
