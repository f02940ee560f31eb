#!/usr/bin/env bash
# Regenerates the plugin reference in docs/plugins/ from the plugins' own documentation
# (antsibull-docs, the tool docs.ansible.com uses), so the reference never drifts from
# what ansible-doc shows. Run it after changing a module's DOCUMENTATION, and commit the result.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/env.sh
source "$ROOT/scripts/env.sh"
"$ROOT/scripts/setup.sh" >/dev/null
VENV="$VENVS/latest"
WORK=$(mktemp -d)
mkdir -m 0755 "$WORK/out"
trap 'rm -rf "$WORK"' EXIT

mkdir -p "$WORK/collections/ansible_collections/community"
ln -s "$ROOT" "$WORK/collections/ansible_collections/community/statuspage"
# antsibull-docs runs ansible-doc from PATH.
PATH="$VENV/bin:$PATH" ANSIBLE_COLLECTIONS_PATH="$WORK/collections" \
  "$VENV/bin/antsibull-docs" collection --use-current --squash-hierarchy --fail-on-error \
  --output-format simplified-rst --no-add-antsibull-docs-version \
  --dest-dir "$WORK/out" community.statuspage
rm -rf "$ROOT/docs/plugins"
mv "$WORK/out" "$ROOT/docs/plugins"
# The guides (docs/docsite/rst) are copied in as docsite/: link to the one source instead of
# keeping a second copy of each.
rm -rf "$ROOT/docs/plugins/docsite"
sed -i 's#<docsite/\(guide_[a-z_]*\.rst\)>#<../docsite/rst/\1>#' "$ROOT/docs/plugins/index.rst"
echo "docs/plugins/: $(find "$ROOT/docs/plugins" -name '*.rst' | wc -l) pages"
