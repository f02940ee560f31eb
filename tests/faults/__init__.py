# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The fault suite of issue 10: every write path under every fault, bad inputs, TLS.

Run it from a directory where ``ansible_collections/community/statuspage`` is importable (the
staged copy of scripts/test.sh), with the newest venv::

    PYTHONPATH=.build .venv/latest/bin/python -m ansible_collections.community.statuspage.tests.faults

It starts its own emulators and fault proxies on 127.0.0.1, prints the matrix (write paths x
scenarios) and the tables of bad inputs and TLS cases, and exits non-zero if any cell did not
converge, any bad input was not refused clearly before any write, or any TLS case failed.
"""
