# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):

    # What statuspage_incident and statuspage_maintenance document alike: both change one event
    # of the page, and a write may post an update that notifies subscribers.
    DOCUMENTATION = r'''
options:
  body:
    description:
      - The message of the update posted with this change (at most 25000 characters).
      - It is posted when no update of the event has this text yet, or together with a change of
        status or of component statuses. Statuspage itself never compares texts.
    type: str
  metadata:
    description:
      - A JSON object attached to the event; every top-level value must itself be an object.
    type: dict
attributes:
  check_mode:
    support: full
    details:
      - Check mode sends no write, so nobody is notified.
  diff_mode:
    support: full
    details:
      - The diff shows components as C(Group/Name) with their status, the last update's text, and,
        when the change posts an update, C(new_update) with its text and whether subscribers
        would be notified (C(notifies_subscribers)).
  idempotent:
    support: full
'''
