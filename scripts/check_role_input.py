"""The customer_onboarding role's refusals of bad input, pinned (scripts/test.sh, step role-input).

    check_role_input.py COLLECTIONS_PATH

Runs `ansible-playbook community.statuspage.onboard_customers` as a person would, once per case
below (ansible-playbook from PATH; the collection from COLLECTIONS_PATH), and checks that it fails
in the role's first checks with a one-line message that says what is wrong. Nothing reaches an
API: the role fails before any module runs, and the API URL given is a closed loopback port, for
safety should a case ever get further. The cases belong in the role's integration target
(tests/integration/targets/) when that is next reworked.
"""

import json
import os
import re
import subprocess
import sys

CASES = [
    ('no customer list', [], [
        'No customer list: the role expects customer_onboarding_customers',
        '-e @customers.yml',
    ], []),
    ('a misspelt variable', ['-e', json.dumps({'customer_onboarding_customer': [{'name': 'Globex'}]})], [
        'No customer list',
        'Set but unknown to the role: customer_onboarding_customer (misspelt?)',
    ], []),
    ('-e customers.yml without its @', ['-e', 'customers.yml'], [
        'Ansible read "-e customers.yml" as no variable at all: a file needs -e @customers.yml',
    ], []),
    ('a string instead of a list', ['-e', json.dumps({'customer_onboarding_customers': 'Globex'})], [
        'and got a str',
    ], []),
    ('a misspelt key of one customer', ['-e', json.dumps({'customer_onboarding_customers': [
        {'name': 'Globex', 'componets': ['API']}, {'name': 'Initech', 'components': ['API']}]})], [
        'customer Globex: unknown key componets (known: name, users, components, metrics, subscribe_to_components, state)',
    ], ['Initech', 'argument_spec']),
    ('a customer that is not a dictionary, and one without a name', ['-e', json.dumps({'customer_onboarding_customers': [
        'Globex', {'users': ['a@b.example']}]})], [
        'customer #1: is a str, not a dictionary',
        'customer #2: has no name (the key name is required)',
    ], ['argument_spec']),
]


def failure_message(arguments, collections_path):
    """(name of the failed task, its result) from the default callback's output, or (None, why)."""
    environment = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=collections_path, ANSIBLE_NOCOLOR='1',
                       ANSIBLE_CALLBACK_RESULT_FORMAT='json', ANSIBLE_LOCALHOST_WARNING='false',
                       ANSIBLE_INVENTORY_UNPARSED_WARNING='false', STATUSPAGE_API_KEY='not-a-key',
                       STATUSPAGE_API_URL='http://127.0.0.1:9/v1', STATUSPAGE_PAGE_ID='acmecloud123')
    run = subprocess.run(['ansible-playbook', 'community.statuspage.onboard_customers'] + arguments,
                         env=environment, capture_output=True, text=True, check=False)
    if run.returncode == 0:
        return None, 'the playbook succeeded'
    task = None
    for line in run.stdout.splitlines():
        heading = re.match(r'^TASK \[(?:[^:\]]+ : )?(.*)\] \**$', line)
        if heading:
            task = heading.group(1)
        failed = re.match(r'^fatal: \[localhost\]: FAILED! => (\{.*\})$', line)
        if failed:
            return task, json.loads(failed.group(1))
    return None, 'no failed task in the output (exit %d): %s %s' % (run.returncode, run.stdout[-800:], run.stderr[-500:])


def main(collections_path):
    problems = 0
    for name, arguments, expected, unexpected in CASES:
        task, result = failure_message(arguments, collections_path)
        if task is None:
            print('FAILED  %s: %s' % (name, result))
            problems += 1
            continue
        message = result.get('msg', '')
        shown = json.dumps(result)
        missing = [text for text in expected if text not in message]
        present = [text for text in unexpected if text in shown]
        if missing or present or '\n' in message or not task.startswith('Check'):
            print('FAILED  %s: task %r said %r (missing %s, unexpected %s)' % (name, task, message, missing, present))
            problems += 1
        else:
            print('ok      %s: %s' % (name, message))
    print('%d of %d cases refused as expected' % (len(CASES) - problems, len(CASES)))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1]))
