# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Reading Statuspage's answers about a user in every shape the API notes leave open."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.community.statuspage.plugins.module_utils._errors import (
    ConflictError,
    InvalidRequestError,
    StatuspageError,
)
from ansible_collections.community.statuspage.plugins.module_utils._reconcile_user import (
    desired_user,
    ensure_user,
    plan_user,
)
from ansible_collections.community.statuspage.plugins.module_utils._user_answers import (
    duplicates_as_conflicts,
    taken_email,
    user_with_groups,
    verified_user,
)
from ansible_collections.community.statuspage.plugins.module_utils._user_fields import (
    shown_group_ids,
    unapplied_fields,
    unshown_fields,
    user_changes,
)
from ansible_collections.community.statuspage.tests.unit.plugins.demo_page import (
    ANN,
    GLOBEX,
    PAGE_ID,
    SUPPORT,
    USERS_PATH,
    find_no_user,
    find_user,
    get_user,
    list_groups,
    user_path,
)
from ansible_collections.community.statuspage.tests.unit.plugins.modules.harness import call

TWO = sorted([GLOBEX['id'], SUPPORT['id']])
# The group objects list their users: how a user's groups are known when its object does not say.
GROUPS_WITH_ANN = [dict(GLOBEX, page_access_user_ids=[ANN['id']]), dict(SUPPORT, page_access_user_ids=[ANN['id']])]
SINGULAR = dict((key, value) for key, value in ANN.items() if key != 'page_access_group_ids')


@pytest.mark.parametrize('shown, ids', [
    (['b', 'a'], ['b', 'a']),              # a list, as the description's example
    ('', []),                              # a string (its declared type), ids joined by commas
    ('abc123', ['abc123']),
    ('abc123, def456', ['abc123', 'def456']),
    ('["abc123", "def456"]', ['abc123', 'def456']),   # the JSON text of the list
    ('[]', []),
    ('{"a": 1}', None),                    # neither: not shown
    ('not ids!', None),
    (None, None),
])
def test_groups_shown_by_a_user_object(shown, ids):
    assert shown_group_ids({'page_access_group_ids': shown}) == ids


def test_groups_only_in_the_singular_are_not_shown():
    assert shown_group_ids(dict(SINGULAR, page_access_group_id=GLOBEX['id'])) is None


def test_a_string_echo_compares_as_the_list_it_holds():
    user = dict(ANN, page_access_group_ids=','.join(TWO))
    assert user_changes(user, {'page_access_group_ids': list(reversed(TWO))}) == {}
    assert unapplied_fields(user, {'page_access_group_ids': TWO}) == []
    assert unapplied_fields(dict(ANN, page_access_group_ids='[]'), {'page_access_group_ids': TWO}) == [
        'page_access_group_ids']


def test_fields_an_answer_does_not_show():
    assert unshown_fields(SINGULAR, {'page_access_group_ids': TWO, 'external_login': 'a'}) == ['page_access_group_ids']
    assert unshown_fields({'id': 'x'}, {'external_login': 'a'}) == ['external_login']
    assert unshown_fields(None, {'external_login': 'a'}) == ['external_login']
    # Not shown is not "not applied": it is read again first.
    assert unapplied_fields(SINGULAR, {'page_access_group_ids': TWO}) == []


@pytest.mark.parametrize('error, taken', [
    (ConflictError('409', status=409), True),
    (InvalidRequestError('422', status=422, api_message='Email has already been taken'), True),
    (InvalidRequestError('422', status=422, api_message='email already exists'), True),
    (InvalidRequestError('422', status=422, api_message='External login has already been taken'), False),
    (InvalidRequestError('422', status=422, api_message='Email is invalid'), False),
    (InvalidRequestError('422', status=422), False),
    (InvalidRequestError('400', status=400, api_message='Email has already been taken'), False),
])
def test_a_duplicate_is_a_409_or_a_422_that_says_the_email_is_taken(error, taken):
    assert taken_email(error) is taken


def test_only_a_taken_email_becomes_a_conflict():
    def taken():
        raise InvalidRequestError('POST answered 422', method='POST', path='/x', status=422,
                                  api_message='Email has already been taken')

    def invalid():
        raise InvalidRequestError('POST answered 422', method='POST', path='/x', status=422, api_message='Email is invalid')

    with pytest.raises(ConflictError) as caught:
        duplicates_as_conflicts(taken)()
    assert caught.value.status == 422 and caught.value.api_message == 'Email has already been taken'
    with pytest.raises(InvalidRequestError):
        duplicates_as_conflicts(invalid)()
    assert duplicates_as_conflicts(lambda: 'made')() == 'made'


def test_a_create_answered_422_taken_adopts_the_existing_user(api):
    existing = dict(ANN, email='Ann@Globex.example')
    with api.expect([
        call('POST', USERS_PATH, status=422, body={'page_access_user': {'email': 'ann@globex.example'}},
             response={'error': ['Email has already been taken']}),
        find_user(found=[existing]),
    ]) as client:
        changed, state, warnings = ensure_user(client, PAGE_ID, plan_user(None, desired_user('ann@globex.example')))
    assert changed is False and state['user'] == existing and warnings == []


def test_a_create_answered_another_422_fails_and_is_not_read_back(api):
    with api.expect([
        call('POST', USERS_PATH, status=422, body={'page_access_user': {'email': 'ann@globex.example'}},
             response={'error': ['Email is invalid']}),
    ]) as client:
        with pytest.raises(InvalidRequestError) as caught:
            ensure_user(client, PAGE_ID, plan_user(None, desired_user('ann@globex.example')))
    assert 'Email is invalid' in str(caught.value)


def test_a_string_echo_is_verified_without_a_request(api):
    with api.expect([]) as client:
        user = verified_user(client, PAGE_ID, ANN['id'], dict(ANN, page_access_group_ids=','.join(TWO)),
                             {'page_access_group_ids': TWO}, ANN['email'], 'updating')
    assert user['page_access_group_ids'] == TWO


def test_a_singular_echo_is_verified_from_the_groups(api):
    with api.expect([list_groups(GROUPS_WITH_ANN)]) as client:
        user = verified_user(client, PAGE_ID, ANN['id'], dict(SINGULAR, page_access_group_id=GLOBEX['id']),
                             {'page_access_group_ids': TWO}, ANN['email'], 'creating')
    assert user['page_access_group_ids'] == TWO


def test_a_singular_echo_of_a_write_not_applied_fails_once_the_groups_say_so(api):
    with api.expect([list_groups([GLOBEX, SUPPORT])]) as client:
        with pytest.raises(StatuspageError) as caught:
            verified_user(client, PAGE_ID, ANN['id'], SINGULAR, {'page_access_group_ids': TWO}, ANN['email'], 'creating')
    assert 'did not apply page_access_group_ids' in str(caught.value) and 'read again' in str(caught.value)


def test_an_answer_without_a_field_is_read_again(api):
    without_login = dict((key, value) for key, value in ANN.items() if key != 'external_login')
    with api.expect([get_user(dict(ANN, external_login='ann'))]) as client:
        user = verified_user(client, PAGE_ID, ANN['id'], without_login, {'external_login': 'ann'}, ANN['email'], 'updating')
    assert user['external_login'] == 'ann'


def test_an_answer_without_a_body_is_read_again(api):
    with api.expect([get_user(dict(ANN, external_login='ann'))]) as client:
        user = verified_user(client, PAGE_ID, ANN['id'], None, {'external_login': 'ann'}, ANN['email'], 'updating')
    assert user['external_login'] == 'ann'


def test_user_with_groups_reads_the_groups_only_when_the_task_manages_them(api):
    with api.expect([list_groups(GROUPS_WITH_ANN)]) as client:
        assert user_with_groups(client, PAGE_ID, SINGULAR, {'page_access_group_ids': None}) == SINGULAR
        assert user_with_groups(client, PAGE_ID, SINGULAR, {'page_access_group_ids': []})['page_access_group_ids'] == TWO
        assert user_with_groups(client, PAGE_ID, dict(ANN, page_access_group_ids='[]'), {})['page_access_group_ids'] == []


def test_a_duplicate_in_another_case_after_the_look_up_is_found_in_any_case(api):
    # email-case=sensitive-filter: the filter needs the exact spelling, uniqueness ignores case.
    someone_else = dict(ANN, email='ANN@globex.example', external_login='other')
    with api.expect([
        call('POST', USERS_PATH, status=409,
             body={'page_access_user': {'email': 'ann@globex.example', 'external_login': 'ann'}},
             response={'message': 'taken'}),
        *find_no_user(users=[someone_else]),
        call('PATCH', user_path(), body={'page_access_user': {'external_login': 'ann'}},
             response=dict(someone_else, external_login='ann')),
    ]) as client:
        changed, state, warnings = ensure_user(client, PAGE_ID, plan_user(
            None, desired_user('ann@globex.example', external_login='ann')))
    assert changed is True and state['user']['email'] == 'ANN@globex.example'
    assert state['user']['external_login'] == 'ann'
