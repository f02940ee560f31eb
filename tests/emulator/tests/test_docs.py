"""The emulator guide (docs/docsite/rst/guide_emulator.rst) stays in step with the code it describes."""

from __future__ import annotations

import pathlib
import re

from ..api import routed_operations
from ..demo import DEMO_COMPONENT_GROUP_IDS, DEMO_COMPONENT_IDS, DEMO_METRIC_IDS, DEMO_TEMPLATE_IDS
from ..description_bugs import DESCRIPTION_BUGS
from ..variants import PRESETS, SETTINGS

DOC = pathlib.Path(__file__).resolve().parents[3] / "docs" / "docsite" / "rst" / "guide_emulator.rst"


def doc_text() -> str:
    # rst may wrap a phrase anywhere: compare with all whitespace runs as one space
    return re.sub(r"\s+", " ", DOC.read_text(encoding="utf-8"))


def test_every_description_bug_is_in_the_docs():
    text = doc_text()
    missing = [bug.title for bug in DESCRIPTION_BUGS if bug.title not in text]
    assert not missing, f"guide_emulator.rst does not list: {missing}"


def test_every_demo_id_is_in_the_docs():
    text = doc_text()
    ids = [*DEMO_COMPONENT_GROUP_IDS.values(), *DEMO_COMPONENT_IDS.values(), *DEMO_METRIC_IDS.values(),
           *DEMO_TEMPLATE_IDS.values()]
    assert [ident for ident in ids if ident not in text] == []


def test_every_routed_path_is_in_the_docs():
    text = doc_text()
    missing = sorted({path for _verb, path in routed_operations()
                      if path not in text and path.split("/page_access_", 1)[-1] not in text})
    assert not missing, f"guide_emulator.rst does not list: {missing}"


def test_every_variant_setting_and_preset_is_in_the_docs():
    text = doc_text()
    # a row of the list-tables: "* - ``name``" then "- ``value``" in the next cell
    missing = [name for name in SETTINGS if f"* - ``{name}`` - " not in text]
    missing += [name for name, items in PRESETS.items() if f"* - ``{name}`` - ``{', '.join(items)}`` " not in text]
    assert not missing, f"guide_emulator.rst does not describe these variants as the code does: {missing}"
