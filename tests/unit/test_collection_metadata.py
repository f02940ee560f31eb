# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The collection's metadata agrees with its plugins."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os

import yaml

from ansible_collections.community.statuspage.plugins.module_utils._version import COLLECTION_VERSION

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))


def load_yaml(*parts):
    with open(os.path.join(ROOT, *parts)) as handle:
        return yaml.safe_load(handle)


def module_names():
    names = []
    for filename in os.listdir(os.path.join(ROOT, 'plugins', 'modules')):
        if filename.endswith('.py') and not filename.startswith('_'):
            names.append(filename[:-3])
    return sorted(names)


def test_every_module_is_in_the_statuspage_action_group():
    group = load_yaml('meta', 'runtime.yml')['action_groups']['statuspage']
    missing = sorted(set(module_names()) - set(group))
    assert not missing, 'add to action_groups.statuspage in meta/runtime.yml: %s' % ', '.join(missing)
    unknown = sorted(set(group) - set(module_names()))
    assert not unknown, 'action_groups.statuspage names modules that do not exist: %s' % ', '.join(unknown)


def test_every_module_documents_the_action_group():
    for name in module_names():
        with open(os.path.join(ROOT, 'plugins', 'modules', name + '.py')) as handle:
            source = handle.read()
        assert 'community.statuspage.attributes.ACTIONGROUP_STATUSPAGE' in source, name


def test_user_agent_version_is_the_galaxy_version():
    assert COLLECTION_VERSION == load_yaml('galaxy.yml')['version']


def test_requires_ansible():
    assert load_yaml('meta', 'runtime.yml')['requires_ansible'] == '>=2.16.0'
