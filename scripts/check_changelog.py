"""Check the changelog a release would render (scripts/test.sh, step changelog).

    check_changelog.py COLLECTION_COPY VERSION

COLLECTION_COPY is a scratch copy in which `antsibull-changelog release --version VERSION` has
just run. The rendered CHANGELOG.rst must have the release summary and list, as new in VERSION,
every module whose documentation says version_added: VERSION, every role whose argument spec
does, and every playbook of playbooks/, so that a first release reads as one: what the
collection brings, not the pre-release history.
"""

import pathlib
import re
import sys

import yaml


def main(copy, version):
    root = pathlib.Path(copy)
    changelog = (root / 'CHANGELOG.rst').read_text(encoding='utf-8')
    release = changelog.split('\nv%s\n' % version, 1)
    if len(release) != 2:
        return ['CHANGELOG.rst has no section for v%s' % version]
    text = release[1]
    problems = []
    if 'Release Summary' not in text:
        problems.append('v%s has no release summary' % version)
    if 'Bugfixes' in text:
        problems.append('v%s lists Bugfixes: in a first release they are pre-release history' % version)
    expected = {}
    for path in sorted((root / 'plugins' / 'modules').glob('*.py')):
        doc = re.search(r"DOCUMENTATION = r?'''(.*?)'''", path.read_text(encoding='utf-8'), re.S)
        if doc and str(yaml.safe_load(doc.group(1)).get('version_added')) == version:
            expected['module ' + path.stem] = 'New Modules'
    for spec in sorted(root.glob('roles/*/meta/argument_specs.yml')):
        main_entry = yaml.safe_load(spec.read_text(encoding='utf-8'))['argument_specs']['main']
        if str(main_entry.get('version_added')) == version:
            expected['role ' + spec.parent.parent.name] = 'New Roles'
        else:
            problems.append('role %s: its argument spec has no version_added: %s' % (spec.parent.parent.name, version))
    for playbook in sorted((root / 'playbooks').glob('*.yml')):
        expected['playbook ' + playbook.stem] = 'New Playbooks'
    for thing, section in sorted(expected.items()):
        name = thing.split(' ', 1)[1]
        block = text.split(section, 1)[1] if section in text else ''
        if not re.search(r'^- (community\.statuspage\.)?%s\b' % re.escape(name), block, re.M):
            problems.append('%s is not under "%s" of v%s' % (thing, section, version))
    if not problems:
        print('CHANGELOG.rst v%s: release summary, and %d modules, roles and playbooks listed as new' % (
            version, len(expected)))
    return problems


if __name__ == '__main__':
    found = main(*sys.argv[1:3])
    for problem in found:
        print('changelog: ' + problem)
    sys.exit(1 if found else 0)
