#!/usr/bin/env bash
# The main job, end to end, with no Statuspage account: installs only what the demo needs
# (scripts/setup.sh demo: one virtualenv, .venv/demo, with the newest ansible-core and the
# emulator's requirements; no root, nothing outside the checkout), starts the local Statuspage
# emulator with its demo page "Acme Cloud", shows the page, defines it from a file
# (playbooks/vars/page.example.yml) with the define_page playbook, onboards the example customers
# onto it (playbooks/vars/customers.example.yml) with the collection's onboard_customers playbook,
# runs it again, and shows from the emulator's request log that the second run changed nothing and
# sent no write.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/env.sh
source "$ROOT/scripts/env.sh"
DEMO="$ROOT/.build/demo"
CUSTOMERS="$ROOT/playbooks/vars/customers.example.yml"

say() { printf '\n==> %s\n' "$*"; }

"$ROOT/scripts/setup.sh" demo
VENV="$VENVS/demo"

# The collection, as Ansible finds installed collections (a link to this checkout).
rm -rf "$DEMO"
mkdir -p "$DEMO/collections/ansible_collections/community"
ln -s "$ROOT" "$DEMO/collections/ansible_collections/community/statuspage"
export ANSIBLE_COLLECTIONS_PATH="$DEMO/collections"
export ANSIBLE_LOCALHOST_WARNING=false ANSIBLE_INVENTORY_UNPARSED_WARNING=false
export ANSIBLE_FORCE_COLOR="${ANSIBLE_FORCE_COLOR:-0}"

say "Starting the Statuspage emulator (demo page acmecloud123, API key demo-key)"
(cd "$ROOT" && exec "$VENV/bin/python" -m tests.emulator --host 127.0.0.1 --port 0 \
  --port-file "$DEMO/emulator.port" --quiet) &
emulator_pid=$!
trap 'kill "$emulator_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do [[ -s "$DEMO/emulator.port" ]] && break; sleep 0.2; done
[[ -s "$DEMO/emulator.port" ]] || { echo "the emulator did not start" >&2; exit 1; }
EMULATOR="http://127.0.0.1:$(cat "$DEMO/emulator.port")"
export STATUSPAGE_API_URL="$EMULATOR/v1" STATUSPAGE_API_KEY=demo-key STATUSPAGE_PAGE_ID=acmecloud123

# requests_summary: what the API received since the log was last cleared, by method.
requests_summary() {
  "$VENV/bin/python" - "$EMULATOR" <<'PY'
import collections, json, sys, urllib.request
log = json.load(urllib.request.urlopen(sys.argv[1] + "/__emulator__/requests"))
by_method = collections.Counter(entry["method"] for entry in log)
writes = sum(count for method, count in by_method.items() if method != "GET")
print("API requests: %d (%s); writes: %d" % (
    len(log), ", ".join("%s %d" % item for item in sorted(by_method.items())) or "none", writes))
PY
}
clear_log() { "$VENV/bin/python" -c "import sys, urllib.request; urllib.request.urlopen(urllib.request.Request(sys.argv[1] + '/__emulator__/requests', method='DELETE'))" "$EMULATOR"; }

# ansible_short MODULE ARGS: run one module ad hoc and print the few fields a person reads.
ansible_short() {
  # Ad hoc output is "localhost | CHANGED => {json}": keep the JSON.
  "$VENV/bin/ansible" localhost -m "$1" -a "$2" | sed '1s/^[^{]*//' | "$VENV/bin/python" -c '
import json, sys
result = json.load(sys.stdin)
page = result.get("page") or (result.get("pages") or [{}])[0]
print("changed=%s  page %s %r  time_zone=%s  css_greens=%s" % (
    result.get("changed"), page.get("id"), page.get("name"), page.get("time_zone"), page.get("css_greens")))'
}

say "The page, as statuspage_page_info sees it"
ansible_short community.statuspage.statuspage_page_info "page_id=acmecloud123"

say "Setting the page profile with statuspage_page, twice: the second run changes nothing"
clear_log
ansible_short community.statuspage.statuspage_page "page_id=acmecloud123 time_zone=Europe/Berlin css_greens=#2fcc66"
ansible_short community.statuspage.statuspage_page "page_id=acmecloud123 time_zone=Europe/Berlin css_greens=#2FCC66"
requests_summary

say "Defining the page from a file ($ROOT/playbooks/vars/page.example.yml)"
clear_log
"$VENV/bin/ansible-playbook" community.statuspage.define_page -e "@$ROOT/playbooks/vars/page.example.yml" --diff
requests_summary

say "Onboarding the example customers onto it ($CUSTOMERS)"
clear_log
"$VENV/bin/ansible-playbook" community.statuspage.onboard_customers -e "@$CUSTOMERS" --diff
requests_summary

say "The same job again: it must change nothing and send no write"
clear_log
"$VENV/bin/ansible-playbook" community.statuspage.onboard_customers -e "@$CUSTOMERS" | tee "$DEMO/second-run.log"
requests_summary
if grep -q 'changed=0' "$DEMO/second-run.log" && requests_summary | grep -q 'writes: 0$'; then
  say "Second run: nothing changed, no write sent."
else
  say "Second run changed something: that is a bug." >&2
  exit 1
fi
