#!/usr/bin/env bash
# The test command of community.statuspage (README and .ci/run call it).
#
#   scripts/test.sh                       every step
#   scripts/test.sh units integration     only those steps (names or groups, see --help)
#   scripts/test.sh statuspage_page       integration steps, only the targets named
#   scripts/test.sh integration-latest -- statuspage_page statuspage_page_info
#
# It installs what it needs (scripts/setup.sh), copies the files git lists into
# .build/ansible_collections/community/statuspage (ansible-test only runs from such a path,
# and a copy keeps .venv and other strays out of sanity), runs every selected step there
# even after one fails, prints a table of steps with result and seconds, ends with the line
# "N passed, N failed" and exits non-zero if any step failed.
#
# The sanity and unit steps of the ansible-core matrix are independent of each other: they run
# side by side (as many at a time as there are cores, or $STATUSPAGE_TEST_JOBS), each in a copy
# of its own, and their output is shown, step by step, once the batch is done.
#
# The tools run with HOME=.venv/home (scripts/env.sh), so the run works with any HOME, an
# empty one included, and leaves nothing in it.
set -uo pipefail   # no -e: a failing step is counted, and the next one still runs

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/env.sh
source "$ROOT/scripts/env.sh"
BUILD="$ROOT/.build"
COLLECTION="$BUILD/ansible_collections/community/statuspage"
COPIES="$BUILD/copies"
LOGS="$BUILD/logs"
LATEST="$VENVS/latest"
OLDEST="$VENVS/oldest"
IMPORTER="$VENVS/importer"
PRISM="$VENVS/node/node_modules/.bin/prism"
# The Statuspage OpenAPI description lives beside the repo (shared/), never in it.
OPENAPI="${STATUSPAGE_OPENAPI:-$ROOT/../shared/statuspage-openapi.json}"
JOBS=${STATUSPAGE_TEST_JOBS:-$(nproc 2>/dev/null || echo 2)}

# Every ansible-core release that meta/runtime.yml's requires_ansible (>=2.16.0) admits, newest
# first, and the venv (scripts/setup.sh) that has its newest patch release.
CORES=(2.21 2.20 2.19 2.18 2.17 2.16)
core_venv() {
  case $1 in
    2.21) echo "$LATEST" ;;
    2.16) echo "$OLDEST" ;;
    *) echo "$VENVS/core-$1" ;;
  esac
}

# Steps in the order they run. Each is a function step_<name with _ for - and . removed>,
# or, for the matrix, step_sanity/step_units with the ansible-core version.
#
# The long steps come first: with the sanity and unit matrix they form one batch that runs side
# by side (PARALLEL_STEPS), and a batch finishes soonest when its longest steps start first.
ALL_STEPS=(
  integration-latest
  integration-prism
  integration-variants
  integration-oldest
  fault-matrix
  "${CORES[@]/#/sanity-}"
  "${CORES[@]/#/units-}"
  emulator-tests
  role-input
  ansible-lint
  changelog
  docs-lint
  docsite
  reuse
  shellcheck
  awx
  galaxy-build
  galaxy-importer
  execution-environment
)
# Steps that may run side by side with the others of their batch: each works in a copy of the
# staged collection of its own (in_copy) or, the fault suite, only reads it. An integration run
# waits on ansible-playbook's start and the emulator much of the time, so two of them share two
# cores well.
PARALLEL_STEPS=" integration-latest integration-prism integration-variants integration-oldest fault-matrix ${CORES[*]/#/sanity-} ${CORES[*]/#/units-} "
# A step returns this when it could not run for a reason that is not a failure.
SKIPPED=77

SELECTED=()
TARGETS=()

usage() {
  cat <<EOF2
usage: scripts/test.sh [STEP|GROUP]... [TARGET]... [-- TARGET...]
steps:  ${ALL_STEPS[*]}
groups: sanity (every sanity-2.NN), units (every units-2.NN), sanity-latest, sanity-oldest,
        units-latest, units-oldest, integration (latest, oldest, prism, variants),
        prism, variants (integration-variants),
        lint (ansible-lint, changelog, docs-lint, reuse, shellcheck), emulator (emulator-tests),
        role (role-input), faults (fault-matrix),
        build (galaxy-build, galaxy-importer), publish (docsite, awx, galaxy-build,
        galaxy-importer, execution-environment)
Any other word is an integration target name (a regular expression, as ansible-test takes
them); naming targets without steps selects the integration steps.
Environment: STATUSPAGE_TEST_JOBS (default: the number of cores) steps of the sanity and unit
matrix at a time; STATUSPAGE_OPENAPI, the OpenAPI description (default ../shared/...).
EOF2
}

# expand_step WORD: print the step names a word on the command line stands for, if any.
expand_step() {
  case $1 in
    sanity) echo "${CORES[@]/#/sanity-}" ;;
    units) echo "${CORES[@]/#/units-}" ;;
    sanity-latest) echo "sanity-${CORES[0]}" ;;
    sanity-oldest) echo "sanity-${CORES[-1]}" ;;
    units-latest) echo "units-${CORES[0]}" ;;
    units-oldest) echo "units-${CORES[-1]}" ;;
    integration) echo integration-latest integration-oldest integration-prism integration-variants ;;
    variants) echo integration-variants ;;
    prism) echo integration-prism ;;
    lint) echo ansible-lint changelog docs-lint reuse shellcheck ;;
    emulator) echo emulator-tests ;;
    faults) echo fault-matrix ;;
    role) echo role-input ;;
    build) echo galaxy-build galaxy-importer ;;
    publish) echo docsite awx galaxy-build galaxy-importer execution-environment ;;
    *) local step; for step in "${ALL_STEPS[@]}"; do [[ $step == "$1" ]] && echo "$1"; done ;;
  esac
}

parse_arguments() {
  local word expanded words wanted=() after_dashes=false
  for word in "$@"; do
    if $after_dashes; then TARGETS+=("$word"); continue; fi
    case $word in
      -h|--help) usage; exit 0 ;;
      --) after_dashes=true ;;
      *)
        expanded=$(expand_step "$word")
        if [[ -n $expanded ]]; then read -ra words <<<"$expanded"; wanted+=("${words[@]}")
        else TARGETS+=("$word")
        fi ;;
    esac
  done
  if ((${#wanted[@]} == 0)); then
    if ((${#TARGETS[@]})); then read -ra wanted <<<"$(expand_step integration)"
    else wanted=("${ALL_STEPS[@]}")
    fi
  fi
  # Keep the canonical order whatever the order on the command line.
  local step
  for step in "${ALL_STEPS[@]}"; do
    [[ " ${wanted[*]} " == *" $step "* ]] && SELECTED+=("$step")
  done
}

# python_version VENV: "3.13" for the venv's interpreter, for ansible-test's --python.
python_version() {
  "$1/bin/python" -c 'import sys; print("%d.%d" % sys.version_info[:2])'
}

# in_venv VENV COMMAND...: run COMMAND in the collection copy with VENV's tools first on PATH
# (ansible-test finds python3.X on PATH; the venv's own interpreter is the one we want, then
# the real interpreters of .venv/path for its multi-Python sanity tests).
in_venv() {
  local venv=$1
  shift
  (cd "$COLLECTION" && PATH="$venv/bin:$VENVS/path:$PATH" "$@")
}

# in_copy NAME VENV COMMAND...: like in_venv, for steps that run side by side: in a copy of
# the staged collection of its own (ansible-test keeps its work files in tests/output/ of the
# collection) and with a HOME of its own (ansible-test keeps its virtualenvs in
# ~/.ansible/test/venv, and two runs creating the same one at once break it). The get-pip
# stand-ins of scripts/setup.sh are shared. The copy is made by the first call for NAME.
in_copy() {
  local name=$1 venv=$2 copy="$COPIES/$1/ansible_collections/community/statuspage"
  local step_home="$TOOLS_HOME/steps/$1"
  shift 2
  if [[ ! -d $copy ]]; then
    mkdir -p "$(dirname "$copy")" "$step_home/.ansible/test"
    cp -a "$COLLECTION" "$copy" || return 1
    ln -sfn "$TOOLS_HOME/.ansible/test/cache" "$step_home/.ansible/test/cache"
  fi
  (cd "$copy" && HOME=$step_home PATH="$venv/bin:$VENVS/path:$PATH" "$@")
}

# module_python_floor VENV: the oldest Python that the venv's ansible-test supports for module
# code and that tests/config.yml admits (python_requires >=3.8).
module_python_floor() {
  "$1/bin/python" -c '
from ansible_test._util.target.common.constants import REMOTE_ONLY_PYTHON_VERSIONS, CONTROLLER_PYTHON_VERSIONS
print([v for v in REMOTE_ONLY_PYTHON_VERSIONS + CONTROLLER_PYTHON_VERSIONS if tuple(map(int, v.split("."))) >= (3, 8)][0])'
}

# ---------------------------------------------------------------------------------------
# Staging

# stage_collection: a fresh copy of the files git lists (tracked, and untracked but not
# ignored; deleted ones skipped) at the path ansible-test needs.
stage_collection() {
  # The artifact of an earlier run is of an earlier copy: it goes with it.
  rm -rf "$COLLECTION" "$COPIES" "$BUILD/dist"
  mkdir -p "$COLLECTION"
  (cd "$ROOT" && git ls-files -z --cached --others --exclude-standard | sort -zu \
    | while IFS= read -r -d '' path; do [[ -e $path || -L $path ]] && printf '%s\0' "$path"; done \
    | xargs -0 --no-run-if-empty cp -P --parents -t "$COLLECTION") || return 1
  # ansible-test lists content with git when it finds a .git at or ABOVE the collection: it
  # would find this repo's, where .build is ignored, and see no files at all. A repository of
  # the copy's own (nothing committed) answers instead, with every copied file as untracked.
  git -C "$COLLECTION" init -q || return 1
  echo "staged $(cd "$COLLECTION" && git ls-files --others --exclude-standard | wc -l) files in ${COLLECTION#"$ROOT"/}"
}

# ---------------------------------------------------------------------------------------
# Steps

# step_sanity CORE: every sanity test of that ansible-core, with no ignore file, on its venv's
# Python; then the tests that check module code per Python (compile, import) once more on the
# oldest Python that this ansible-core supports for modules and the collection admits: 3.8 (the
# documented floor) for 2.16 to 2.19, 3.9 for 2.20 and 2.21. Newest and oldest bound the range:
# syntax only grows between them, and what a newer Python removed fails on the newest.
# --venv: ansible-test makes a virtualenv per sanity test with the pinned tools it wants.
step_sanity() {
  local core=$1 venv python floor
  venv=$(core_venv "$core")
  python=$(python_version "$venv")
  floor=$(module_python_floor "$venv") || return 1
  in_copy "sanity-$core" "$venv" ansible-test sanity --venv --python "$python" --color no || return 1
  [[ $floor == "$python" ]] && return 0
  if [[ ! -x $VENVS/path/python$floor ]]; then
    echo "no Python $floor in .venv/path: the module code is not checked on the floor of ansible-core $core"
    return 1
  fi
  in_copy "sanity-$core" "$venv" ansible-test sanity --venv --python "$floor" --test compile --test import --color no
}

# step_units CORE: the unit tests on that ansible-core, on its venv's Python.
step_units() {
  local core=$1 venv
  venv=$(core_venv "$core")
  in_copy "units-$core" "$venv" ansible-test units --python "$(python_version "$venv")" --venv --color no
}

# copy_of NAME: the collection copy of step NAME (in_copy makes it on first use).
copy_of() { echo "$COPIES/$1/ansible_collections/community/statuspage"; }

# On the oldest ansible-core, the targets where the controller's version matters: the roles and
# playbooks (templating, role argument specs, include_role, module_defaults and the action group,
# which changed most between 2.16 and 2.21) and one module of each kind. The module code itself
# is the same Python on every release: the sanity and unit matrix checks it on each, and on the
# oldest Python each admits. Naming targets on the command line runs those instead.
OLDEST_TARGETS=(customer_onboarding_role maintenance_window_role page_definition_role
  statuspage_access_user statuspage_access_group statuspage_component statuspage_page)
step_integration_latest() { run_integration integration-latest "$LATEST" "${TARGETS[@]}"; }
step_integration_oldest() {
  if ((${#TARGETS[@]})); then run_integration integration-oldest "$OLDEST" "${TARGETS[@]}"
  else run_integration integration-oldest "$OLDEST" "${OLDEST_TARGETS[@]}"
  fi
}

# run_integration NAME VENV [TARGET...]: the integration targets (all, or those named) with
# VENV's ansible-core on its own Python, in the copy of step NAME; setup_emulator starts an
# emulator per target.
run_integration() {
  local name=$1 venv=$2 status
  shift 2
  # Target names go before the options: options after --venv would swallow them.
  in_copy "$name" "$venv" ansible-test integration "$@" --python "$(python_version "$venv")" --venv --color no --continue-on-error
  status=$?
  stop_stray_emulators "$(copy_of "$name")"
  report_target_times "$(copy_of "$name")"
  return $status
}

# report_target_times COPY: seconds per target that passed, from the data file ansible-test
# writes for each integration run (failed targets are not in it).
report_target_times() {
  local data
  data=$(find "$1/tests/output/data" -name 'integration-*.json' -newer "$LOGS" 2>/dev/null | sort | tail -n 1)
  [[ -n $data ]] || return 0
  "$LATEST/bin/python" - "$data" <<'EOF'
import json, sys
targets = json.load(open(sys.argv[1]))["targets"]
print("seconds per passed target: " + ", ".join(
    "%s %.0f" % (name, info["run_time_seconds"]) for name, info in sorted(targets.items())))
EOF
}

# stop_stray_emulators: setup_emulator records the pid of each emulator it starts, and its
# handler stops it at the end of the play, failed plays included (force_handlers). A play that
# never got there (killed, timed out) leaves one running until its async timeout: stop those
# here, by pid, after checking that the pid still is one of our emulators.
stop_stray_emulators() {
  local pid_file pid
  shopt -s nullglob
  for pid_file in "$1"/tests/output/.tmp/emulators/*/pid; do
    pid=$(<"$pid_file")
    # The braces: a redirection that fails (the process is gone) reports before a 2>/dev/null
    # written after it applies, which printed "/proc/N/cmdline: No such file or directory".
    if [[ $pid =~ ^[0-9]+$ ]] && { tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null | grep -q -- '-m tests.emulator'; then
      echo "stopping an emulator a failed target left running (pid $pid)"
      kill "$pid" 2>/dev/null
    fi
    rm -f "$pid_file"
  done
  shopt -u nullglob
}

# The validating-proxy run: the integration targets once more on the newest ansible-core,
# with every API request going through Prism, which checks it against the OpenAPI
# description and, with --errors, answers a forbidden request with an error instead of
# forwarding it, so the target fails.
#
# Without named targets it runs those whose requests no other target sends: every module's own
# target, the bulk role's and the probe's. Left to the other steps: the variant matrix (the core
# paths' requests, under other answers) and the maintenance_window and page_definition roles
# (the requests of statuspage_maintenance, statuspage_component and statuspage_component_group,
# which go through Prism in those modules' targets), and rate_budget (the same requests, from
# several processes against a throttling emulator: it needs an emulator of its own).
PRISM_LEFT_OUT=" api_variant_matrix maintenance_window_role page_definition_role rate_budget "
prism_targets() {
  local dir target
  for dir in "$COLLECTION"/tests/integration/targets/*/; do
    target=$(basename "$dir")
    [[ $target == setup_* || $PRISM_LEFT_OUT == *" $target "* ]] || echo "$target"
  done
}
step_integration_prism() {
  if [[ ! -f $OPENAPI ]]; then
    echo "statuspage-openapi.json not found at $OPENAPI: the validating-proxy run is SKIPPED"
    return $SKIPPED
  fi
  local work="$BUILD/prism" status=0 copy
  local -a targets=("${TARGETS[@]}")
  ((${#targets[@]})) || mapfile -t targets < <(prism_targets)
  local emulator_pid='' prism_pid='' emulator_port prism_port
  rm -rf "$work" && mkdir -p "$work"
  copy=$(copy_of integration-prism)
  in_copy integration-prism "$LATEST" true || return 1

  # Prism cannot limit --errors to requests, and the description is wrong about some
  # responses: it reads a copy with the documented fixes of scripts/openapi_fixups.py.
  "$LATEST/bin/python" "$ROOT/scripts/openapi_fixups.py" "$OPENAPI" "$work/statuspage-openapi.json" || return 1

  # Whatever happens below, even an interrupt, the two servers end with this step (which
  # runs in a subshell of its own, so the trap is the step's alone).
  trap 'stop_pids "$prism_pid" "$emulator_pid"' EXIT
  (cd "$COLLECTION" && exec "$LATEST/bin/python" -m tests.emulator --host 127.0.0.1 --port 0 \
    --port-file "$work/emulator.port" --quiet >"$work/emulator.log" 2>&1) &
  emulator_pid=$!
  if emulator_port=$(wait_for_file_line "$work/emulator.port" '^[0-9]+$' 30); then
    "$PRISM" proxy "$work/statuspage-openapi.json" "http://127.0.0.1:$emulator_port/v1" \
      --errors --host 127.0.0.1 --port 0 >"$work/prism.log" 2>&1 &
    prism_pid=$!
    # Port 0: Prism picks a free port and says which in its "listening" line.
    if prism_port=$(wait_for_file_line "$work/prism.log" 'Prism is listening on http://127\.0\.0\.1:[0-9]+' 60); then
      prism_port=${prism_port##*:}
      echo "emulator on port $emulator_port, Prism proxy on port $prism_port"
      # ansible-test loads this file into every play; setup_emulator then uses these URLs
      # instead of starting an emulator of its own.
      cat >"$copy/tests/integration/integration_config.yml" <<EOF
---
# Written by scripts/test.sh for the validating-proxy run; not part of the collection.
statuspage_api_url: http://127.0.0.1:$prism_port
statuspage_emulator_url: http://127.0.0.1:$emulator_port
EOF
      in_copy integration-prism "$LATEST" ansible-test integration "${targets[@]}" --python "$(python_version "$LATEST")" --venv --color no --continue-on-error
      status=$?
      report_target_times "$copy"
      rm -f "$copy/tests/integration/integration_config.yml"
      report_prism_violations "$work/prism.log" || status=1
    else
      echo "Prism did not start:"; tail -n 20 "$work/prism.log"; status=1
    fi
  else
    echo "the emulator did not start:"; tail -n 20 "$work/emulator.log"; status=1
  fi

  stop_pids "$prism_pid" "$emulator_pid"
  prism_pid='' emulator_pid=''
  stop_stray_emulators "$copy"
  return $status
}

# The variant matrix: the targets that loop over the emulator's variants (the answers the real
# API may give where no public evidence says which; docs/docsite/rst/guide_emulator.rst) do so
# only when told, here, on the newest ansible-core. The other integration steps run them under
# the default answers.
VARIANT_TARGETS=(api_variant_matrix probe_api)
step_integration_variants() {
  local status copy
  copy=$(copy_of integration-variants)
  in_copy integration-variants "$LATEST" true || return 1
  cat >"$copy/tests/integration/integration_config.yml" <<EOF
---
# Written by scripts/test.sh for the variant matrix; not part of the collection.
api_variant_matrix_all: true
EOF
  in_copy integration-variants "$LATEST" ansible-test integration "${VARIANT_TARGETS[@]}" --python "$(python_version "$LATEST")" --venv --color no --continue-on-error
  status=$?
  rm -f "$copy/tests/integration/integration_config.yml"
  stop_stray_emulators "$copy"
  report_target_times "$copy"
  return $status
}

# stop_pids PID...: end the processes this script started, and reap them.
stop_pids() {
  local pid
  for pid in "$@"; do
    [[ -n $pid ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  done
  return 0
}

# wait_for_file_line FILE REGEX SECONDS: print the first match of REGEX in FILE once there.
wait_for_file_line() {
  local file=$1 regex=$2 deadline=$((SECONDS + $3)) match
  while ((SECONDS < deadline)); do
    if match=$(grep -oE "$regex" "$file" 2>/dev/null | head -n 1) && [[ -n $match ]]; then
      echo "$match"
      return 0
    fi
    sleep 0.2
  done
  return 1
}

# report_prism_violations LOG: list what Prism found. A request it refused (errors#... types:
# a body, parameter, path, verb or credential the description forbids, or a response it does
# not allow) already failed its target, and fails this step too, named here so the reader need
# not dig through Prism's log. Warnings (an error status the operation does not list) and
# upstream connection failures (the emulator dropping a connection on purpose, when a target
# injects that fault) are shown but are not violations of the description.
report_prism_violations() {
  local log=$1 refused warnings dropped
  refused=$(grep -E 'Request terminated with error: https://stoplight.io/prism/errors#' "$log")
  warnings=$(grep -E 'warning +Violation' "$log" | sort | uniq -c)
  dropped=$(grep -cE 'Request terminated with error: FetchError' "$log")
  [[ -n $warnings ]] && printf 'Prism warnings (not failures):\n%s\n' "$warnings"
  ((dropped)) && echo "upstream connections the emulator dropped (injected faults): $dropped"
  if [[ -n $refused ]]; then
    printf 'Prism refused these requests or responses (full log: %s):\n%s\n' "${log#"$ROOT"/}" "$refused"
    return 1
  fi
  echo "Prism refused no request and no response (description fixed by scripts/openapi_fixups.py)"
}

step_emulator_tests() {
  if [[ ! -d $ROOT/tests/emulator/tests ]]; then
    echo "tests/emulator/tests is missing: the emulator every integration target uses is untested"
    return 1
  fi
  local -a env=()
  if [[ -f $OPENAPI ]]; then env=("STATUSPAGE_OPENAPI=$(realpath "$OPENAPI")")
  else echo "statuspage-openapi.json not found at $OPENAPI: tests that need it decide for themselves"
  fi
  # A pytest that collects no test exits 5, and fails this step like any other error.
  (cd "$ROOT" && env "${env[@]}" "$LATEST/bin/python" -m pytest tests/emulator/tests -q -p no:cacheprovider)
}

# step_role_input: the role's refusals of bad input (no customer list, a misspelt variable, -e
# without @, a customer's unknown key), each a one-line message, on the newest and the oldest
# ansible-core (scripts/check_role_input.py; nothing reaches an API).
step_role_input() {
  local collections="$BUILD/role-input" venv status=0
  rm -rf "$collections" && mkdir -p "$collections/ansible_collections/community"
  ln -s "$COLLECTION" "$collections/ansible_collections/community/statuspage"
  for venv in "$LATEST" "$OLDEST"; do
    echo "-- $(venv_core_version "$venv")"
    PATH="$venv/bin:$PATH" "$LATEST/bin/python" "$ROOT/scripts/check_role_input.py" "$collections" || status=1
  done
  return $status
}

# venv_core_version VENV: "ansible-core 2.21.5 on Python 3.13".
venv_core_version() {
  "$1/bin/python" -c 'import platform, ansible.release; print("ansible-core %s on Python %s" % (ansible.release.__version__, platform.python_version()))'
}

# The fault suite of issue 10 (tests/faults): every write path under every fault, with
# emulators and fault proxies of its own on 127.0.0.1, in a few worker processes (they mostly
# wait); then the bad inputs and the TLS cases. It prints the matrix and fails on any cell that
# did not converge. It imports the collection from the staged copy.
step_fault_matrix() {
  (cd "$BUILD" && PYTHONPATH="$BUILD" "$LATEST/bin/python" -m ansible_collections.community.statuspage.tests.faults)
}

step_ansible_lint() {
  # Production profile and exclusions come from .ansible-lint in the copy.
  in_venv "$LATEST" ansible-lint --nocolor
}

# step_changelog: the fragments are well formed, and the changelog they make renders: a
# release of the galaxy.yml version is made in a scratch copy (never in the checkout), and
# the CHANGELOG.rst it writes must name every module and role as new in that version.
step_changelog() {
  in_venv "$LATEST" antsibull-changelog lint || return 1
  local preview="$BUILD/changelog-preview/ansible_collections/community/statuspage" version
  rm -rf "$BUILD/changelog-preview" && mkdir -p "$(dirname "$preview")"
  cp -a "$COLLECTION" "$preview" || return 1
  version=$("$LATEST/bin/python" -c 'import sys, yaml; print(yaml.safe_load(open(sys.argv[1]))["version"])' "$COLLECTION/galaxy.yml")
  (cd "$preview" && PATH="$LATEST/bin:$PATH" \
    antsibull-changelog release --version "$version" --date "$(date +%Y-%m-%d)") || return 1
  "$LATEST/bin/python" "$ROOT/scripts/check_changelog.py" "$preview" "$version" || return 1
  echo "rendered: ${preview#"$ROOT"/}/CHANGELOG.rst"
}

step_docs_lint() {
  # --plugin-docs also checks each plugin's DOCUMENTATION/EXAMPLES/RETURN markup; the
  # argument is the collection root. It also checks docs/docsite/ (extra docs and links).
  in_venv "$LATEST" antsibull-docs lint-collection-docs --plugin-docs .
}

# step_docsite: the collection's documentation site as docs.ansible.com builds it
# (antsibull-docs sphinx-init, then antsibull-docs and Sphinx as its build.sh runs them): the
# plugin and role reference, the guides of docs/docsite/rst/ (extra-docs.yml) and the links of
# links.yml. Every Sphinx warning fails the step, except those that only say that Ansible's
# own documentation (intersphinx inventories, fetched from docs.ansible.com and docs.python.org)
# cannot be reached from here: references into it are not checked offline.
step_docsite() {
  local site="$BUILD/docsite" unexpected
  rm -rf "$site" && mkdir -p "$site"
  in_venv "$LATEST" env ANSIBLE_COLLECTIONS_PATH="$BUILD" antsibull-docs sphinx-init \
    --use-current --squash-hierarchy --fail-on-error --dest-dir "$site" community.statuspage || return 1
  mkdir -p "$site/rst" && chmod og-w "$site/rst"
  (cd "$site" && PATH="$LATEST/bin:$PATH" ANSIBLE_COLLECTIONS_PATH="$BUILD" antsibull-docs \
    --config-file antsibull-docs.cfg collection --cleanup everything --fail-on-error --use-current \
    --squash-hierarchy --dest-dir rst community.statuspage) || return 1
  (cd "$site" && "$LATEST/bin/sphinx-build" -M html rst build -c . --keep-going -q \
    -w "$site/sphinx-warnings.log") || return 1
  unexpected=$(grep -E 'WARNING|ERROR' "$site/sphinx-warnings.log" \
    | grep -vE "failed to reach any of the inventories|undefined label: '(common_return_values|ansible_configuration_settings|ansible_collections\.ansible\.builtin\.[a-z_]+_module)'|'envvar' reference target not found: ANSIBLE_[A-Z_]+ ")
  if [[ -n $unexpected ]]; then
    echo "Sphinx warnings:"; echo "$unexpected"; return 1
  fi
  echo "offline, not checked: $(grep -cE "undefined label|reference target not found: ANSIBLE_" "$site/sphinx-warnings.log") references into docs.ansible.com"
  [[ -f $site/build/html/index.html ]] || { echo "no index.html in ${site#"$ROOT"/}/build/html"; return 1; }
  echo "docsite: ${site#"$ROOT"/}/build/html/index.html ($(find "$site/build/html" -name '*.html' | wc -l) pages)"
}

step_reuse() {
  # Licensing of every file (REUSE.toml, LICENSES/), in the checkout itself: reuse asks git
  # which files are ignored (.venv, .build), while in the staged copy it would also lint the
  # virtualenvs the ansible-test steps leave in tests/output/ (seen: vendored MIT and Apache
  # files of pip).
  (cd "$ROOT" && "$LATEST/bin/reuse" lint)
}

step_shellcheck() {
  # Our shell scripts, and any runme.sh target (ansible-test's shellcheck sanity test only
  # looks at *.sh files; .ci/run has no extension).
  local -a scripts=()
  mapfile -t scripts < <(cd "$COLLECTION" && { ls scripts/*.sh .ci/run 2>/dev/null; find tests/integration/targets -name '*.sh' 2>/dev/null; })
  ((${#scripts[@]})) || { echo "no shell scripts"; return $SKIPPED; }
  echo "shellcheck ${scripts[*]}"
  (cd "$COLLECTION" && "$VENVS/path/shellcheck" -x "${scripts[@]}")
}

# step_awx: what can be checked of the AWX / Automation Platform content without a
# controller (none runs here, and awx.awx is on no registry this machine reaches): the
# credential type is one AWX accepts and injects exactly the variables the modules read, and
# the setup playbook passes only awx.awx options that exist, with values of their types
# (scripts/check_awx.py). ansible-lint (its own step) checks the playbook too, with the
# awx.awx modules mocked (.ansible-lint).
step_awx() {
  in_venv "$LATEST" python "$ROOT/scripts/check_awx.py" .
}

step_galaxy_build() {
  local dist="$BUILD/dist" artifact unexpected
  rm -rf "$dist" && mkdir -p "$dist"
  in_venv "$LATEST" ansible-galaxy collection build --output-path "$dist" || return 1
  artifact=$(find "$dist" -name 'community-statuspage-*.tar.gz' | head -n 1)
  [[ -n $artifact ]] || { echo "no artifact in $dist"; return 1; }
  echo "built ${artifact#"$ROOT"/}: $(tar -tzf "$artifact" | grep -vc '/$') files, $(du -h "$artifact" | cut -f1)"
  # What must never ship: local tooling, build output, test output, caches, generated config.
  unexpected=$(tar -tzf "$artifact" | grep -E '^(\.venv|\.build|\.git|\.ansible|\.ci|scripts|tests/output)(/|$)|__pycache__|\.pyc$|integration_config\.yml$|\.tar\.gz$')
  if [[ -n $unexpected ]]; then
    echo "the artifact holds files it must not:"
    echo "$unexpected"
    return 1
  fi
}


# ensure_artifact: the collection tarball of galaxy-build, built if that step did not run.
ensure_artifact() {
  local artifact
  artifact=$(find "$BUILD/dist" -name 'community-statuspage-*.tar.gz' 2>/dev/null | head -n 1)
  if [[ -z $artifact ]]; then
    step_galaxy_build >&2 || return 1
    artifact=$(find "$BUILD/dist" -name 'community-statuspage-*.tar.gz' | head -n 1)
  fi
  echo "$artifact"
}

# step_galaxy_importer: what Galaxy runs on an upload, on the built tarball, without Docker
# (scripts/galaxy-importer.cfg says what it checks). It exits non-zero on what Galaxy would
# refuse (a role without README, a bad galaxy.yml, unparsable documentation); what it only
# warns about is printed, and an "ERROR:" line in its log fails the step too.
step_galaxy_importer() {
  local artifact work="$BUILD/importer" status
  artifact=$(ensure_artifact) || return 1
  rm -rf "$work" && mkdir -p "$work/tmp"
  (cd "$work" && PATH="$IMPORTER/bin:$PATH" GALAXY_IMPORTER_CONFIG="$ROOT/scripts/galaxy-importer.cfg" \
    TMPDIR="$work/tmp" python -m galaxy_importer.main "$artifact") >"$work/importer.log" 2>&1
  status=$?
  cat "$work/importer.log"
  if ((status)); then echo "galaxy-importer failed (exit $status)"; return 1; fi
  if grep -q '^ERROR' "$work/importer.log"; then echo "galaxy-importer logged errors"; return 1; fi
  echo "galaxy-importer: imported, $(grep -c '^WARNING' "$work/importer.log") warning(s)"
}

# step_execution_environment: the EE definition (meta/execution-environment.yml for the
# collection, docs/execution-environment/ for an image), checked without a container engine:
# ansible-builder create writes the build context; the Python and collection requirements it
# resolved then install into a clean venv, where a smoke playbook runs the modules against the
# emulator. What only an image build would show (the base image's packages) is not checked.
step_execution_environment() {
  local artifact
  artifact=$(ensure_artifact) || return 1
  "$ROOT/scripts/ee_check.sh" "$artifact" "$BUILD/ee" "$IMPORTER" "$LATEST"
}

# ---------------------------------------------------------------------------------------
# Running and reporting

# step_function NAME: the function and arguments that run step NAME.
step_function() {
  case $1 in
    sanity-*) echo "step_sanity ${1#sanity-}" ;;
    units-*) echo "step_units ${1#units-}" ;;
    *) local name=${1//-/_}; echo "step_${name//./}" ;;
  esac
}

# run_step NAME [quiet]: run one step with its output on the terminal (unless quiet) and in
# .build/logs/NAME.log, and record its result and duration in .build/logs/NAME.result.
run_step() {
  local name=$1 quiet=${2:-} started status result
  local -a function
  read -ra function <<<"$(step_function "$name")"
  started=$(date +%s%N)
  [[ -n $quiet ]] || { echo; echo "=== $name"; }
  # This machine's pip configuration prints a warning per package for two absent local
  # indexes; they say nothing about the collection.
  if [[ -n $quiet ]]; then
    "${function[@]}" 2>&1 | sed -u "/^WARNING: Location 'file:\/\/\/opt\/pypi/d" >"$LOGS/$name.log"
  else
    "${function[@]}" 2>&1 | sed -u "/^WARNING: Location 'file:\/\/\/opt\/pypi/d" | tee "$LOGS/$name.log"
  fi
  status=${PIPESTATUS[0]}
  case $status in
    0) result=passed ;;
    "$SKIPPED") result=skipped ;;
    *) result=failed ;;
  esac
  # ansible-test exits 0 when every target was skipped: say so rather than claim a pass.
  if [[ $result == passed ]] && grep -q 'WARNING: All targets skipped' "$LOGS/$name.log"; then
    result=skipped
  fi
  echo "$name $result $(tenths_since "$started")" >"$LOGS/$name.result"
  if [[ -n $quiet ]]; then echo "=== $name: $result ($(tenths_since "$started")s)"
  else echo "=== $name: $result"
  fi
}

# run_batch NAME...: run independent steps side by side, JOBS at a time, then show each
# step's output in order.
run_batch() {
  local name
  echo
  echo "=== running side by side, $JOBS at a time: $*"
  # Each step in a process group of its own (set -m), so that an interrupt ends the steps
  # and the ansible-test runs under them, not only this script.
  local -a pids=()
  set -m
  trap 'for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null; done; exit 130' INT TERM
  for name in "$@"; do
    while (($(jobs -rp | wc -l) >= JOBS)); do wait -n; done
    run_step "$name" quiet &
    pids+=($!)
  done
  wait
  trap - INT TERM
  set +m
  for name in "$@"; do
    echo
    echo "=== $name (output)"
    cat "$LOGS/$name.log"
    echo "=== $name: $(cut -d' ' -f2 "$LOGS/$name.result" 2>/dev/null || echo failed)"
  done
}

# tenths_since NANOSECONDS: seconds elapsed since then, with one decimal.
tenths_since() {
  local tenths=$((($(date +%s%N) - $1) / 100000000))
  echo "$((tenths / 10)).$((tenths % 10))"
}

# print_summary STARTED NAME...: the table of the steps named, from their .result files, and
# the closing line. Total is the wall time (batch steps overlap).
print_summary() {
  local started=$1 line name result seconds passed=0 failed=0 skipped=0
  shift
  echo
  printf '%-22s %-8s %8s\n' STEP RESULT SECONDS
  for name in "$@"; do
    line=$(cat "$LOGS/$name.result" 2>/dev/null || echo "$name failed 0.0")
    read -r name result seconds <<<"$line"
    printf '%-22s %-8s %8s\n' "$name" "$result" "$seconds"
    case $result in passed) ((passed++)) ;; failed) ((failed++)) ;; *) ((skipped++)) ;; esac
  done
  printf '%-22s %-8s %8s\n' 'total (wall)' '' "$(tenths_since "$started")"
  ((skipped)) && echo "$skipped step(s) skipped: see above for why"
  echo "logs: ${LOGS#"$ROOT"/}/"
  echo "$passed passed, $failed failed"
  ((failed == 0))
}

step_setup() { "$ROOT/scripts/setup.sh"; }
step_stage() { stage_collection; }

main() {
  parse_arguments "$@"
  local started
  started=$(date +%s%N)
  mkdir -p "$BUILD"
  # Two runs in one work tree would delete each other's copy: the second waits its turn.
  exec {lock}>"$BUILD/test.lock"
  if ! flock -n "$lock"; then
    echo "another scripts/test.sh run is using $BUILD: waiting for it to finish"
    flock "$lock"
  fi
  rm -rf "$LOGS" && mkdir -p "$LOGS"
  ((${#TARGETS[@]})) && echo "integration targets: ${TARGETS[*]}"
  echo "steps: ${SELECTED[*]}"

  # Without the tools or the copy no step can run: report that as the failure it is.
  run_step setup
  run_step stage
  if grep -q ' failed ' "$LOGS/setup.result" "$LOGS/stage.result"; then
    print_summary "$started" setup stage
    exit 1
  fi

  local step
  local -a batch=()
  for step in "${SELECTED[@]}"; do
    if [[ $PARALLEL_STEPS == *" $step "* ]] && ((JOBS > 1)); then
      batch+=("$step")
      continue
    fi
    ((${#batch[@]})) && { run_batch "${batch[@]}"; batch=(); }
    run_step "$step"
  done
  ((${#batch[@]})) && run_batch "${batch[@]}"
  print_summary "$started" setup stage "${SELECTED[@]}"
}

main "$@"
