# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Running a module of the collection in this process, as Ansible would, over real HTTP.

``run(module, args)`` gives the module its arguments the way Ansible does, lets AnsibleModule's
own ``exit_json``/``fail_json`` print the result (so its no_log filtering is what is checked)
and reads it back. An exception that escapes ``main()`` is what Ansible reports as
"MODULE FAILURE" with a traceback: that is a crash, and is reported as one.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import json
import traceback

from ansible.module_utils.common import warnings as ansible_warnings

from ansible_collections.community.statuspage.tests.unit.plugins.modules.harness import module_args

MODULES = "ansible_collections.community.statuspage.plugins.modules."


class Outcome:
    """What one module run gave: ``result`` (the JSON printed), or ``crash`` (a traceback)."""

    def __init__(self, result: dict | None, stdout: str, crash: str | None):
        self.result = result or {}
        self.stdout = stdout
        self.crash = crash

    @property
    def failed(self) -> bool:
        return self.crash is not None or bool(self.result.get("failed"))

    @property
    def changed(self) -> bool:
        return bool(self.result.get("changed"))

    @property
    def message(self) -> str:
        if self.crash is not None:
            return self.crash.strip().splitlines()[-1]
        return str(self.result.get("msg", ""))


def run(module: str, args: dict, check_mode: bool = False) -> Outcome:
    main = importlib.import_module(MODULES + module).main
    # Warnings are collected module-wide by AnsibleModule; one run must not see another's.
    for name in ("_global_warnings", "_global_deprecations"):
        collected = getattr(ansible_warnings, name, None)
        if hasattr(collected, "clear"):
            collected.clear()
    stdout = io.StringIO()
    crash = None
    arguments = dict(args, _ansible_check_mode=check_mode, _ansible_diff=False)
    with module_args(arguments), contextlib.redirect_stdout(stdout):
        try:
            main()
        except SystemExit:
            pass
        except Exception:  # pylint: disable=broad-exception-caught
            crash = traceback.format_exc()
    text = stdout.getvalue()
    result = None
    if crash is None:
        try:
            result = json.loads(text.strip().splitlines()[-1])
        except (ValueError, IndexError):
            crash = "the module printed no result: %r" % text[-500:]
    return Outcome(result, text, crash)
