# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest


@pytest.fixture(autouse=True)
def ansible_local_temp(monkeypatch, tmp_path):
    """Every test's own Ansible temporary directory: the key's shared rate budget (on by default
    in every module) is written there, never under HOME."""
    monkeypatch.setenv('ANSIBLE_LOCAL_TEMP', str(tmp_path))
    monkeypatch.delenv('STATUSPAGE_RATE_LIMIT_PACING', raising=False)
