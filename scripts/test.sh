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
set -uo pipefail   # no -e: a failing step is counted, and the next one still runs

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD="$ROOT/.build"
COLLECTION="$BUILD/ansible_collections/community/statuspage"
LOGS="$BUILD/logs"
LATEST="$ROOT/.venv/latest"
OLDEST="$ROOT/.venv/oldest"
PRISM="$ROOT/.venv/node/node_modules/.bin/prism"
# The Statuspage OpenAPI description lives beside the repo (shared/), never in it.
OPENAPI="${STATUSPAGE_OPENAPI:-$ROOT/../shared/statuspage-openapi.json}"

# Steps in the order they run. Each is a function step_<name with _ for ->.
ALL_STEPS=(
  sanity
  units-latest
  units-oldest
  integration-latest
  integration-oldest
  integration-prism
  integration-variants
  emulator-tests
  ansible-lint
  changelog-lint
  docs-lint
  galaxy-build
  shellcheck
)
# A step returns this when it could not run for a reason that is not a failure.
SKIPPED=77

SELECTED=()
TARGETS=()
RESULTS=()

usage() {
  cat <<EOF
usage: scripts/test.sh [STEP|GROUP]... [TARGET]... [-- TARGET...]
steps:  ${ALL_STEPS[*]}
groups: units, integration (latest, oldest, prism, variants), variants, lint (ansible-lint, changelog-lint,
        docs-lint, shellcheck), emulator (emulator-tests), build (galaxy-build), prism
Any other word is an integration target name (a regular expression, as ansible-test takes
them); naming targets without steps selects the integration steps.
EOF
}

# expand_step WORD: print the step names a word on the command line stands for, if any.
expand_step() {
  case $1 in
    units) echo units-latest units-oldest ;;
    integration) echo integration-latest integration-oldest integration-prism integration-variants ;;
    variants) echo integration-variants ;;
    prism) echo integration-prism ;;
    lint) echo ansible-lint changelog-lint docs-lint shellcheck ;;
    emulator) echo emulator-tests ;;
    build) echo galaxy-build ;;
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
# (ansible-test finds python3.X on PATH; the venv's own interpreter is the one we want).
in_venv() {
  local venv=$1
  shift
  (cd "$COLLECTION" && PATH="$venv/bin:$PATH" "$@")
}

# ---------------------------------------------------------------------------------------
# Staging

# stage_collection: a fresh copy of the files git lists (tracked, and untracked but not
# ignored; deleted ones skipped) at the path ansible-test needs.
stage_collection() {
  rm -rf "$COLLECTION"
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

step_sanity() {
  # --venv: ansible-test makes a virtualenv per sanity test with the pinned tools it wants
  # (cached in ~/.ansible/test/venv). Only the newest Python is named: sanity's compile and
  # import tests would otherwise want every Python from 3.8 on.
  in_venv "$LATEST" ansible-test sanity --python "$(python_version "$LATEST")" --venv --color no
}

step_units_latest() { run_units "$LATEST"; }
step_units_oldest() { run_units "$OLDEST"; }

run_units() {
  in_venv "$1" ansible-test units --python "$(python_version "$1")" --venv --color no
}

step_integration_latest() { run_integration "$LATEST"; }
step_integration_oldest() { run_integration "$OLDEST"; }

# run_integration VENV: the integration targets (all, or those named) with VENV's ansible-core
# on its own Python; setup_emulator starts an emulator per target.
run_integration() {
  local status
  # Target names go before the options: options after --venv would swallow them.
  in_venv "$1" ansible-test integration "${TARGETS[@]}" --python "$(python_version "$1")" --venv --color no --continue-on-error
  status=$?
  stop_stray_emulators
  report_target_times
  return $status
}

# report_target_times: seconds per target that passed, from the data file ansible-test
# writes for each integration run (failed targets are not in it).
report_target_times() {
  local data
  data=$(find "$COLLECTION/tests/output/data" -name 'integration-*.json' -newer "$LOGS" 2>/dev/null | sort | tail -n 1)
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
  for pid_file in "$COLLECTION"/tests/output/.tmp/emulators/*/pid; do
    pid=$(<"$pid_file")
    if [[ $pid =~ ^[0-9]+$ ]] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- '-m tests.emulator'; then
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
step_integration_prism() {
  if [[ ! -f $OPENAPI ]]; then
    echo "statuspage-openapi.json not found at $OPENAPI: the validating-proxy run is SKIPPED"
    return $SKIPPED
  fi
  local work="$BUILD/prism" status=0
  local emulator_pid='' prism_pid='' emulator_port prism_port
  rm -rf "$work" && mkdir -p "$work"

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
      cat >"$COLLECTION/tests/integration/integration_config.yml" <<EOF
---
# Written by scripts/test.sh for the validating-proxy run; not part of the collection.
statuspage_api_url: http://127.0.0.1:$prism_port
statuspage_emulator_url: http://127.0.0.1:$emulator_port
EOF
      in_venv "$LATEST" ansible-test integration "${TARGETS[@]}" --python "$(python_version "$LATEST")" --venv --color no --continue-on-error
      status=$?
      report_target_times
      rm -f "$COLLECTION/tests/integration/integration_config.yml"
      report_prism_violations "$work/prism.log" || status=1
    else
      echo "Prism did not start:"; tail -n 20 "$work/prism.log"; status=1
    fi
  else
    echo "the emulator did not start:"; tail -n 20 "$work/emulator.log"; status=1
  fi

  stop_pids "$prism_pid" "$emulator_pid"
  prism_pid='' emulator_pid=''
  stop_stray_emulators
  return $status
}

# The variant matrix: the targets that loop over the emulator's variants (the answers the real
# API may give where no public evidence says which; docs/emulator.md) do so only when told, here,
# on the newest ansible-core. The other integration steps run them under the default answers.
VARIANT_TARGETS=(api_variant_matrix)
step_integration_variants() {
  local status
  cat >"$COLLECTION/tests/integration/integration_config.yml" <<EOF
---
# Written by scripts/test.sh for the variant matrix; not part of the collection.
api_variant_matrix_all: true
EOF
  in_venv "$LATEST" ansible-test integration "${VARIANT_TARGETS[@]}" --python "$(python_version "$LATEST")" --venv --color no --continue-on-error
  status=$?
  rm -f "$COLLECTION/tests/integration/integration_config.yml"
  stop_stray_emulators
  report_target_times
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

step_ansible_lint() {
  # Production profile and exclusions come from .ansible-lint in the copy.
  in_venv "$LATEST" ansible-lint --nocolor
}

step_changelog_lint() {
  in_venv "$LATEST" antsibull-changelog lint
}

step_docs_lint() {
  # --plugin-docs also checks each plugin's DOCUMENTATION/EXAMPLES/RETURN markup; the
  # argument is the collection root.
  in_venv "$LATEST" antsibull-docs lint-collection-docs --plugin-docs .
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

step_shellcheck() {
  # Our shell scripts, and any runme.sh target (ansible-test's shellcheck sanity test only
  # looks at *.sh files; .ci/run has no extension).
  local -a scripts=()
  mapfile -t scripts < <(cd "$COLLECTION" && { ls scripts/*.sh .ci/run 2>/dev/null; find tests/integration/targets -name '*.sh' 2>/dev/null; })
  ((${#scripts[@]})) || { echo "no shell scripts"; return $SKIPPED; }
  echo "shellcheck ${scripts[*]}"
  (cd "$COLLECTION" && shellcheck "${scripts[@]}")
}

# ---------------------------------------------------------------------------------------
# Running and reporting

# run_step NAME FUNCTION: run one step with its output on the terminal and in
# .build/logs/NAME.log, and record its result and duration.
run_step() {
  local name=$1 function=$2 started status result
  echo
  echo "=== $name"
  started=$(date +%s%N)
  # This machine's pip configuration prints a warning per package for two absent local
  # indexes; they say nothing about the collection.
  "$function" 2>&1 | sed -u "/^WARNING: Location 'file:\/\/\/opt\/pypi/d" | tee "$LOGS/$name.log"
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
  RESULTS+=("$name $result $(tenths_since "$started")")
  echo "=== $name: $result"
}

# tenths_since NANOSECONDS: seconds elapsed since then, with one decimal.
tenths_since() {
  local tenths=$((($(date +%s%N) - $1) / 100000000))
  echo "$((tenths / 10)).$((tenths % 10))"
}

print_summary() {
  local line name result seconds passed=0 failed=0 skipped=0 total_tenths=0
  echo
  printf '%-20s %-8s %8s\n' STEP RESULT SECONDS
  for line in "${RESULTS[@]}"; do
    read -r name result seconds <<<"$line"
    printf '%-20s %-8s %8s\n' "$name" "$result" "$seconds"
    case $result in passed) ((passed++)) ;; failed) ((failed++)) ;; *) ((skipped++)) ;; esac
    total_tenths=$((total_tenths + 10#${seconds/./}))
  done
  printf '%-20s %-8s %8s\n' total '' "$((total_tenths / 10)).$((total_tenths % 10))"
  ((skipped)) && echo "$skipped step(s) skipped: see above for why"
  echo "logs: ${LOGS#"$ROOT"/}/"
  echo "$passed passed, $failed failed"
  ((failed == 0))
}

main() {
  parse_arguments "$@"
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
  run_step setup "$ROOT/scripts/setup.sh"
  run_step stage stage_collection
  if [[ ${RESULTS[*]} == *" failed "* ]]; then
    print_summary
    exit 1
  fi

  local step
  for step in "${SELECTED[@]}"; do
    run_step "$step" "step_${step//-/_}"
  done
  print_summary
}

main "$@"
