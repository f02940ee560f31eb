# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""A page that is not audience-specific: a refusal said as such, at no cost while the page answers."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.community.statuspage.plugins.module_utils._errors import (
    ForbiddenError,
    InvalidRequestError,
    NotFoundError,
)
from ansible_collections.community.statuspage.plugins.module_utils._page_access import (
    explaining_refusals,
    first_on_page_warning,
    refusal_error,
)
from ansible_collections.community.statuspage.tests.unit.plugins.demo_page import (
    GROUPS_PATH,
    PAGE_ID,
    USERS_PATH,
    page_path,
)
from ansible_collections.community.statuspage.tests.unit.plugins.modules.harness import call

PAGE = {'id': PAGE_ID, 'name': 'Acme Cloud'}
FIRST_USER = {'page': '1', 'per_page': '1'}


def refused(error_class, status, path=USERS_PATH, method='GET'):
    return error_class('%s %s answered %d' % (method, path, status), method=method, path=path, status=status,
                       api_message='Not enabled')


@pytest.mark.parametrize('error_class, status', [(NotFoundError, 404), (ForbiddenError, 403), (InvalidRequestError, 422)])
def test_a_refused_user_list_on_a_page_that_answers_says_why(api, error_class, status):
    with api.expect([call('GET', page_path(), response=PAGE)]) as client:
        explained = refusal_error(client, PAGE_ID, refused(error_class, status))
    assert 'page %s refused its page access endpoints' % PAGE_ID in str(explained)
    assert 'not audience-specific' in str(explained) and '(Not enabled)' in str(explained)
    assert explained.status == status and explained.path == USERS_PATH


def test_a_refused_group_list_is_checked_against_the_user_list_too(api):
    with api.expect([
        call('GET', USERS_PATH, query=FIRST_USER, status=404, response={'message': 'Not enabled'}),
        call('GET', page_path(), response=PAGE),
    ]) as client:
        explained = refusal_error(client, PAGE_ID, refused(NotFoundError, 404, path=GROUPS_PATH))
    assert 'refused its page access endpoints' in str(explained)


def test_a_404_where_the_user_list_answers_is_not_a_refusal(api):
    error = refused(NotFoundError, 404, path=USERS_PATH + '/usrann000001/components')
    with api.expect([call('GET', USERS_PATH, query=FIRST_USER, response=[])]) as client:
        assert refusal_error(client, PAGE_ID, error) is error


def test_a_missing_page_is_not_a_refusal(api):
    error = refused(NotFoundError, 404)
    with api.expect([call('GET', page_path(), status=404, response={'message': 'no such page'})]) as client:
        assert refusal_error(client, PAGE_ID, error) is error


def test_errors_to_writes_and_other_statuses_cost_nothing(api):
    with api.expect([]) as client:
        for error in (refused(InvalidRequestError, 422, method='POST'), refused(NotFoundError, 401),
                      refused(NotFoundError, 404, path=page_path('components'))):
            assert refusal_error(client, PAGE_ID, error) is error


def test_explaining_refusals_wraps_a_module_run(api):
    class Module(object):
        params = {'page_id': PAGE_ID}

    def work(module, client):
        raise refused(ForbiddenError, 403)

    with api.expect([call('GET', page_path(), response=PAGE)]) as client:
        with pytest.raises(Exception) as caught:
            explaining_refusals(work)(Module(), client)
    assert 'refused its page access endpoints' in str(caught.value)
    assert explaining_refusals(lambda module, client: {'ok': True})(Module(), None) == {'ok': True}


def test_the_first_on_page_warning_names_the_page_and_the_probe():
    warning = first_on_page_warning(PAGE_ID, 'page access user')
    assert 'page %s had no page access users' % PAGE_ID in warning
    assert 'audience-specific' in warning and 'probe_api' in warning
