#!/usr/bin/env bash
# The execution-environment check of scripts/test.sh, as far as a machine without a container
# engine allows:
#   1. ansible-builder create on docs/execution-environment/execution-environment.yml: the
#      definition is valid and the build context (Containerfile, _build/) is written;
#   2. what that context would install, into a clean virtualenv on the base image's Python
#      (3.12, CentOS Stream 10's): the ansible-core and ansible-runner it names, the
#      collections of its _build/requirements.yml (community.statuspage from the built tarball,
#      since Galaxy is not reachable here), then the Python requirements ansible-builder
#      introspect finds in those collections (meta/execution-environment.yml), as the image
#      build does;
#   3. from that virtualenv only, scripts/ee_smoke.yml against the emulator, with the
#      environment the AWX credential type injects (scripts/check_awx.py --render-env).
# Not checked: the base image itself and its system packages (no image is built).
#
# usage: scripts/ee_check.sh ARTIFACT WORKDIR BUILDER_VENV TOOLS_VENV
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/env.sh
source "$ROOT/scripts/env.sh"
artifact=$1 work=$2 builder=$3 tools=$4
definition="$ROOT/docs/execution-environment/execution-environment.yml"

rm -rf "$work" && mkdir -p "$work"
echo "== ansible-builder create ($("$builder/bin/ansible-builder" --version))"
"$builder/bin/ansible-builder" create -f "$definition" -c "$work/context" --output-filename Containerfile
ls "$work/context" "$work/context/_build"

# The definition's own pins, read from it (not repeated here).
read_definition() {
  "$tools/bin/python" -c 'import sys, yaml; d = yaml.safe_load(open(sys.argv[1])); print(eval(sys.argv[2], {}, {"d": d}))' "$definition" "$1"
}
core=$(read_definition 'd["dependencies"]["ansible_core"]["package_pip"]')
runner=$(read_definition 'd["dependencies"]["ansible_runner"]["package_pip"]')
base=$(read_definition 'd["images"]["base_image"]["name"]')
echo "base image $base (not pulled); ansible-core: $core; ansible-runner: $runner"

# The base image's Python: 3.12 on CentOS Stream 10.
python=""
for candidate in "$PYENV_DIR"/versions/3.12.*/bin/python3.12 "$(command -v python3.12 || true)"; do
  [[ -x $candidate ]] && { python=$candidate; break; }
done
[[ -n $python ]] || { echo "no Python 3.12 for the clean virtualenv"; exit 1; }
echo "== clean virtualenv with $python"
"$python" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --disable-pip-version-check --quiet "$core" "$runner" 2>&1 \
  | grep -v "^WARNING: Location" || true
"$work/venv/bin/ansible" --version | sed -n 1p

echo "== collections of _build/requirements.yml (community.statuspage: the built tarball)"
"$tools/bin/python" - "$work/context/_build/requirements.yml" "$artifact" "$work/requirements.yml" <<'EOF'
import sys, yaml
requirements = yaml.safe_load(open(sys.argv[1]))
collections = requirements["collections"] if isinstance(requirements, dict) else requirements
for collection in collections:
    if collection["name"] == "community.statuspage":
        collection.clear()
        collection.update(name=sys.argv[2], type="file")
yaml.safe_dump({"collections": collections}, open(sys.argv[3], "w"))
print(open(sys.argv[3]).read(), end="")
EOF
"$work/venv/bin/ansible-galaxy" collection install -r "$work/requirements.yml" -p "$work/collections" 2>&1 | tail -n 2

echo "== Python requirements the collections declare (ansible-builder introspect)"
"$builder/bin/ansible-builder" introspect --write-pip "$work/requirements.txt" "$work/collections" >/dev/null
cat "$work/requirements.txt"
grep -q '^requests' "$work/requirements.txt" || { echo "introspect found no requests requirement"; exit 1; }
"$work/venv/bin/python" -m pip install --disable-pip-version-check --quiet -r "$work/requirements.txt" 2>&1 \
  | grep -v "^WARNING: Location" || true

echo "== smoke playbook against the emulator, from the clean virtualenv"
mkdir -p "$work/smoke"
cp "$ROOT/scripts/ee_smoke.yml" "$work/smoke/"
cp "$work/collections/ansible_collections/community/statuspage/playbooks/vars/customers.example.yml" "$work/smoke/"
(cd "$ROOT" && exec "$tools/bin/python" -m tests.emulator --host 127.0.0.1 --port 0 \
  --port-file "$work/emulator.port" --quiet >"$work/emulator.log" 2>&1) &
emulator_pid=$!
trap 'kill "$emulator_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do [[ -s $work/emulator.port ]] && break; sleep 0.2; done
[[ -s $work/emulator.port ]] || { echo "the emulator did not start:"; cat "$work/emulator.log"; exit 1; }
port=$(<"$work/emulator.port")

# The variables a job gets from a credential of the collection's AWX credential type.
declare -a injected=()
mapfile -t injected < <("$tools/bin/python" "$ROOT/scripts/check_awx.py" --render-env "$ROOT" \
  api_key=demo-key page_id=acmecloud123 "api_url=http://127.0.0.1:$port/v1")
echo "injected: ${injected[*]/STATUSPAGE_API_KEY=*/STATUSPAGE_API_KEY=(secret)}"
(cd "$work/smoke" && env -u ANSIBLE_COLLECTIONS_PATHS "${injected[@]}" \
  ANSIBLE_COLLECTIONS_PATH="$work/collections" ANSIBLE_LOCALHOST_WARNING=false \
  ANSIBLE_INVENTORY_UNPARSED_WARNING=false ANSIBLE_NOCOLOR=1 \
  "$work/venv/bin/ansible-playbook" ee_smoke.yml)
