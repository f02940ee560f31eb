#!/usr/bin/env bash
# Installs everything scripts/test.sh uses, from the package registries only:
#   .venv/latest   newest Python 3.x (3.13 preferred) + newest ansible-core + every tool
#   .venv/oldest   Python 3.11 + the oldest supported ansible-core (2.16)
#   .venv/node     Prism (the OpenAPI validating proxy), pinned
#   ~/.ansible/test/cache/get_pip_*.py   offline stand-ins for ansible-test's pip bootstrap
#   the shellcheck Debian package, so the shellcheck sanity test is not silently skipped
# Idempotent: each part keeps a stamp of what it was built from and is skipped while that
# has not changed, so a second run takes about a second. Nothing here needs more than
# PyPI, the npm registry and Debian's archive.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENVS="$ROOT/.venv"
PYENV_DIR="${PYENV_ROOT:-$HOME/.pyenv}"
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

# ensure_venv NAME PYTHON REQUIREMENTS: (re)build .venv/NAME with PYTHON and the pinned
# REQUIREMENTS, unless the stamp says it already was built from exactly these.
ensure_venv() {
  local name=$1 python=$2 requirements=$3
  local venv="$VENVS/$name" stamp want pip_log
  want="$("$python" -c 'import sys; print(sys.version)' | head -n 1) $(realpath "$python") $(sha256sum <"$requirements")"
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
  log "building $name venv with $python from ${requirements#"$ROOT"/}"
  mkdir -p "$VENVS"
  [[ -x "$venv/bin/python" ]] || "$python" -m venv "$venv"
  pip_log="$VENVS/$name-pip.log"
  # The pip output goes to a log: this machine's pip configuration adds a warning per package.
  if ! "$venv/bin/python" -m pip install --disable-pip-version-check -r "$requirements" >"$pip_log" 2>&1; then
    tail -n 30 "$pip_log" >&2
    die "pip install for the $name venv failed (full log: $pip_log)"
  fi
  echo "$want" >"$stamp"
  log "$name venv built in $((SECONDS - started))s ($(venv_versions "$venv"))"
}

# ansible_test_pip_version VENV: the pip version the venv's ansible-test bootstraps into the
# virtualenvs it creates (default_packages in ansible_test/_internal/python_requirements.py).
ansible_test_pip_version() {
  "$1/bin/python" - <<'EOF'
import pathlib, re, ansible_test
source = (pathlib.Path(ansible_test.__file__).parent / '_internal' / 'python_requirements.py').read_text()
match = re.search(r"default_packages\s*=\s*dict\(\s*pip='([^']+)'", source)
if not match:
    raise SystemExit('cannot find the pip version in ansible_test/_internal/python_requirements.py')
print(match.group(1))
EOF
}

# ensure_get_pip VENV: put an offline stand-in for get-pip-<ver>.py, and the pip wheel it
# runs, into ansible-test's cache. ansible-test downloads the real script from a host that
# is not reachable here; the stand-in does what matters of it: run pip from the wheel and
# install the packages ansible-test names (pip==<ver>, and setuptools/wheel on 2.16).
ensure_get_pip() {
  local venv=$1 version script
  version=$(ansible_test_pip_version "$venv")
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

# as_root COMMAND...: run a package-manager command as root (CI and these machines are root).
as_root() {
  if [[ $EUID -eq 0 ]]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
  else return 1
  fi
}

# apt_install PACKAGE...: install Debian packages, refreshing the package lists only when the
# first attempt fails (no lists yet, or lists so old that the files are gone).
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get install -y -qq "$@" >/dev/null 2>&1 && return 0
  as_root apt-get update -qq >/dev/null 2>&1 || return 1
  as_root apt-get install -y -qq "$@" >/dev/null
}

ensure_shellcheck() {
  if command -v shellcheck >/dev/null 2>&1; then
    log "shellcheck present ($(shellcheck --version | sed -n 's/^version: //p'))"
    return 0
  fi
  log "installing shellcheck (apt-get)"
  apt_install shellcheck || die "could not install shellcheck with apt-get"
}

ensure_prism() {
  local prefix="$VENVS/node" prism="$VENVS/node/node_modules/.bin/prism"
  local manifest="$prefix/node_modules/@stoplight/prism-cli/package.json"
  # The installed version from its manifest: `prism --version` takes two seconds to start.
  if [[ -x "$prism" ]] && grep -q "\"version\": \"$PRISM_VERSION\"" "$manifest" 2>/dev/null; then
    log "prism $PRISM_VERSION present"
    return 0
  fi
  if ! command -v npm >/dev/null 2>&1; then
    log "installing nodejs and npm (apt-get)"
    apt_install nodejs npm || die "could not install npm with apt-get"
  fi
  local started=$SECONDS
  mkdir -p "$prefix"
  npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error \
    "@stoplight/prism-cli@$PRISM_VERSION" >"$VENVS/node-npm.log" 2>&1 \
    || { tail -n 30 "$VENVS/node-npm.log" >&2; die "npm install of prism failed"; }
  log "prism $("$prism" --version) installed in $((SECONDS - started))s"
}

main() {
  local latest_python oldest_python
  # ansible-core 2.21 runs its controller on Python 3.12 to 3.14; 3.13 is the one we aim at.
  latest_python=$(choose_python latest 13 14 12)
  # ansible-core 2.16 runs its controller on Python 3.10 to 3.12.
  oldest_python=$(choose_python oldest 11 12 10)

  ensure_venv latest "$latest_python" "$ROOT/tests/requirements-dev.txt"
  ensure_venv oldest "$oldest_python" "$ROOT/tests/requirements-oldest.txt"
  ensure_get_pip "$VENVS/latest"
  ensure_get_pip "$VENVS/oldest"
  ensure_shellcheck
  ensure_prism
}

main "$@"
