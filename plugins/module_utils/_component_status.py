# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""A component's status: the values Statuspage knows, checking them, and which ones would change.

Private to community.statuspage: it may change without notice.

Incidents and maintenances set component statuses (their ``components`` map), and so do the
component modules: every caller checks and compares statuses here, so a status that is valid,
or already set, means the same everywhere.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

# The description's Component.status enum (without its "", which means "leave it as it is").
COMPONENT_STATUSES = ('operational', 'under_maintenance', 'degraded_performance', 'partial_outage', 'major_outage')
OPERATIONAL = 'operational'
UNDER_MAINTENANCE = 'under_maintenance'


def status_problem(option, status):
    """One message when ``status`` is not a component status, else ``None``."""
    if status in COMPONENT_STATUSES:
        return None
    return '%s: %r is not a component status; use one of %s' % (option, status, ', '.join(COMPONENT_STATUSES))


def statuses_to_set(wanted, statuses_now):
    """The part of ``wanted`` (component id -> status) that differs from ``statuses_now``.

    A component whose status is not known (``statuses_now`` has no entry) is set: sending a
    status a component already has changes nothing, missing one would leave it wrong.
    """
    return dict((component_id, status) for component_id, status in wanted.items()
                if status and statuses_now.get(component_id) != status)


def statuses_of(components):
    """Component id -> status, for Component objects as the API lists them."""
    return dict((component['id'], component.get('status')) for component in components or []
                if isinstance(component, dict) and component.get('id'))
