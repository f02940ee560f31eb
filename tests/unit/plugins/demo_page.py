# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The one description of the demo page that every unit test uses, and the requests that read it.

The page, its component groups, components and metrics carry the ids of the emulator's demo page
(tests/emulator/demo.py), so that a unit test and an integration test speak of the same "API",
"EU/Compute" and "API Latency". The emulator's demo page has no page access users or groups;
the ones here are the unit tests' own. A test that needs a variant (a twin name, a stale id)
derives it from these with ``dict(ITEM, ...)`` where it is used.

Nothing here is a test: test files import the data and the ``list_*``/``find_*`` builders of
declared calls (``harness.call``).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.community.statuspage.tests.unit.plugins.modules.harness import call

PAGE_ID = 'acmecloud123'
# A page that exists but that the key may not use (the emulator's 403 case).
OTHER_PAGE_ID = 'otherorg0001'
PAGING = {'page': '1', 'per_page': '100'}


def paging(page):
    return {'page': str(page), 'per_page': '100'}


def page_path(*rest):
    return '/'.join(('/pages', PAGE_ID) + rest)


USERS_PATH = page_path('page_access_users')
GROUPS_PATH = page_path('page_access_groups')

# ---- components: three groups; "Compute" (and "Storage", "Database") is in two ---------------


def _component(component_id, name, group):
    return {'id': component_id, 'name': name, 'group': False, 'group_id': group['id']}


PLATFORM = {'id': 'vrte2xj10a6a', 'name': 'Platform', 'group': True,
            'components': ['d59ujm7rjqit', 'mhhvkte6ptrm', '0aaq2fy0p4a0', 'dp7x015bix67']}
EU = {'id': '6myciscsr0ww', 'name': 'EU', 'group': True, 'components': ['lcrype1hzn91', 'g1299f5935or', 'yeqw4cw8q270']}
US = {'id': '2bsi0o1zpxbx', 'name': 'US', 'group': True, 'components': ['94k3ayh4nvjn', '0xktsoemah35', 'd8ggmnck9cx5']}
API = _component('d59ujm7rjqit', 'API', PLATFORM)
DASHBOARD = _component('mhhvkte6ptrm', 'Dashboard', PLATFORM)
AUTHENTICATION = _component('0aaq2fy0p4a0', 'Authentication', PLATFORM)
WEBHOOKS = _component('dp7x015bix67', 'Webhooks', PLATFORM)
EU_COMPUTE = _component('lcrype1hzn91', 'Compute', EU)
EU_STORAGE = _component('g1299f5935or', 'Storage', EU)
EU_DATABASE = _component('yeqw4cw8q270', 'Database', EU)
US_COMPUTE = _component('94k3ayh4nvjn', 'Compute', US)
US_STORAGE = _component('0xktsoemah35', 'Storage', US)
US_DATABASE = _component('d8ggmnck9cx5', 'Database', US)
# The page's list, as GET /pages/{id}/components answers it: each group before its members.
COMPONENTS = [PLATFORM, API, DASHBOARD, AUTHENTICATION, WEBHOOKS,
              EU, EU_COMPUTE, EU_STORAGE, EU_DATABASE,
              US, US_COMPUTE, US_STORAGE, US_DATABASE]

# Not on the emulator's demo page: a component in no group, and a name holding a "/".
STATUS = {'id': 'cmpstatus001', 'name': 'Status', 'group': False, 'group_id': None}
EU_BACKUP = {'id': 'cmpslash0001', 'name': 'Backup/Restore', 'group': False, 'group_id': EU['id']}


def described(component, known_group=True):
    """A component as modules return it; ``known_group=False`` when the page's list was not read."""
    group = {PLATFORM['id']: 'Platform', EU['id']: 'EU', US['id']: 'US'}.get(component['group_id'])
    return {'id': component['id'], 'name': component['name'], 'group': group if known_group else None,
            'group_id': component['group_id']}


# ---- metrics ---------------------------------------------------------------------------------

LATENCY = {'id': 'grdk5uo2yv22', 'name': 'API Latency', 'suffix': 'ms'}
ERROR_RATE = {'id': 'yob1daa45q4u', 'name': 'Error Rate', 'suffix': '%'}
UPTIME = {'id': 'm8kuwzknykw3', 'name': 'Uptime', 'suffix': '%'}
METRICS = [LATENCY, ERROR_RATE, UPTIME]


def metric(item):
    """A metric as modules return it."""
    return {'id': item['id'], 'name': item['name']}


# ---- page access users and groups (the unit tests' own) ----------------------------------------

ANN = {'id': 'usrann000001', 'page_id': PAGE_ID, 'email': 'ann@globex.example', 'external_login': None,
       'page_access_group_id': None, 'page_access_group_ids': []}
# Created with capitals: e-mails are compared without regard to case.
BOB = dict(ANN, id='usrbob000001', email='Bob@Globex.example')
PETER = dict(ANN, id='usrpeter0001', email='peter@initech.example')

GLOBEX = {
    'id': 'grpglobex001', 'page_id': PAGE_ID, 'name': 'Globex', 'external_identifier': None,
    'component_ids': [API['id'], EU_COMPUTE['id']], 'metric_ids': [LATENCY['id']],
    'page_access_user_ids': [ANN['id']],
}
INITECH = dict(GLOBEX, id='grpinitech01', name='Initech', component_ids=[], metric_ids=[], page_access_user_ids=[])
SUPPORT = dict(INITECH, id='grpsupport01', name='Support')
ACCESS_GROUPS = [INITECH, GLOBEX, SUPPORT]


# ---- the requests that read them ---------------------------------------------------------------

def list_of(path, items, page=1):
    return call('GET', path, query=paging(page), response=list(items))


def list_components(items=None):
    return list_of(page_path('components'), COMPONENTS if items is None else items)


def list_metrics(items=None):
    return list_of(page_path('metrics'), METRICS if items is None else items)


def list_users(users=(ANN, BOB)):
    return list_of(USERS_PATH, users)


def list_groups(groups=None):
    return list_of(GROUPS_PATH, ACCESS_GROUPS if groups is None else groups)


def user_path(user=None, *rest):
    """The path of a user (a user or its id; Ann by default), or of what follows it (``components``)."""
    user = ANN if user is None else user
    return '/'.join((USERS_PATH, user['id'] if isinstance(user, dict) else user) + rest)


def find_user(email=ANN['email'], found=(ANN,)):
    """The look-up by e-mail (the API's filter) that answers ``found``."""
    return call('GET', USERS_PATH, query=dict(PAGING, email=email), response=list(found))


def find_no_user(email=ANN['email'], users=()):
    """The look-up of an address no user has: the filter finds nobody, and the first page of the
    users (``users``, fewer than 100) has nobody with it in another case either."""
    return [find_user(email, found=()), list_users(users)]


def get_user(user=None, status=200):
    user = ANN if user is None else user
    return call('GET', user_path(user), status=status, response=user if status == 200 else {'message': 'not found'})


def user_grants(sub_resource, items, user=None):
    """What a user (Ann by default) has of ``components`` or ``metrics``."""
    return list_of(user_path(user, sub_resource), items)


# ---- the pages the key sees: what a module reads after a 403/404 under a page ----------------

KEY_PAGES = [{'id': PAGE_ID, 'name': 'Acme Cloud'}]


def list_pages(pages=None):
    """GET /pages (not paginated): the one extra read of a task that failed under a page."""
    return call('GET', '/pages', response=KEY_PAGES if pages is None else pages)
