"""Write a copy of the Statuspage OpenAPI description fixed for the validating-proxy run.

Usage: openapi_fixups.py SOURCE.json DESTINATION.json

scripts/test.sh runs the integration targets a second time through Prism
(`prism proxy --errors`), so that a request the description forbids fails the run. Prism
validates the responses as well and has no switch that limits --errors to requests; but the
description is wrong about some responses that the real API sends (and the emulator sends too),
and those would fail correct modules. So the copy Prism reads gets the fixes of
tests/emulator/description_bugs.py: the ONE list of the description's bugs, with the reason for
each, which the emulator's own conformance test applies too (the emulator guide,
docs/docsite/rst/guide_emulator.rst, "Known bugs in
the OpenAPI description", lists them for readers). All of them loosen what responses may be but
the few request fixes there, each a body the API's own documentation sends and the description
forgot. Only the copy under .build/ is changed; the description itself is not ours to edit and
is never committed here.
"""

import importlib.util
import json
import pathlib
import sys

BUGS_FILE = pathlib.Path(__file__).resolve().parents[1] / "tests" / "emulator" / "description_bugs.py"


def load_description_bugs():
    """The list, loaded from its file alone: it needs nothing but the standard library, so the
    emulator's own requirements need not be installed where this script runs."""
    spec = importlib.util.spec_from_file_location("statuspage_description_bugs", BUGS_FILE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__.strip().splitlines()[2])
    bugs = load_description_bugs()
    with open(argv[1], encoding="utf-8") as handle:
        description = json.load(handle)
    with open(argv[2], "w", encoding="utf-8") as handle:
        json.dump(bugs.corrected_description(description), handle, indent=1)
    print("openapi_fixups: wrote %s with the %d fixes of %s" % (
        argv[2], len(bugs.DESCRIPTION_BUGS), BUGS_FILE.relative_to(BUGS_FILE.parents[2])))


if __name__ == "__main__":
    main(sys.argv)
