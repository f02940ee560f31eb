# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""A component's status: the five values, the check every module makes before it sends one, and
which statuses would change.

Private to community.statuspage: it may change without notice.

statuspage_component, the page definition and the incident and maintenance modules all set
component statuses; they take the values and the message from here, so a status that is refused
in one is refused, with the same words, in all of them, and a status already set means the same
everywhere. Setting one status on one component is ``_reconcile_component.set_component_status``.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

# The Component schema's enum (the OpenAPI description), in the order Statuspage's web interface
# shows them, without its sixth value "": a status is never set to "no status" on purpose.
COMPONENT_STATUSES = ('operational', 'under_maintenance', 'degraded_performance', 'partial_outage', 'major_outage')
OPERATIONAL = 'operational'
UNDER_MAINTENANCE = 'under_maintenance'


def status_problem(value, where='status'):
    """A message when ``value`` is not a component status, else ``None``."""
    if value in COMPONENT_STATUSES:
        return None
    return '%s=%r is not a component status: expected one of %s' % (where, value, ', '.join(COMPONENT_STATUSES))


def status_problems(statuses, where='components'):
    """One message per bad value of ``statuses`` (``{reference: status}``), in the order given."""
    problems = []
    for reference, status in statuses.items():
        problem = status_problem(status, '%s[%r]' % (where, reference))
        if problem:
            problems.append(problem)
    return problems


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
