"""Check the AWX / Automation Platform content of the collection without a controller.

    check_awx.py COLLECTION_ROOT                  check, print what was checked, exit 1 on a problem
    check_awx.py --render-env COLLECTION_ROOT K=V...
                                                  print the environment AWX would inject for a
                                                  credential with these inputs (NAME=VALUE lines)

No AWX runs on this machine and the awx.awx collection is on no package registry it reaches, so
what is checked is what can be, from the files alone:

- the credential type of playbooks/vars/awx.yml is one AWX accepts (the rules of AWX's
  CredentialType validation: fields with unique identifier ids, a label, type string or boolean;
  required ids among the fields; only env / extra_vars / file injectors; templates naming only
  input ids) and injects exactly the environment variables the modules read (their env_fallback
  in plugins/), no more and no fewer;
- the guide (docs/docsite/rst/guide_awx.rst) shows the same inputs and injectors as the file,
  so the two cannot drift;
- playbooks/awx_setup.yml gives each awx.awx module only options it has, with valid choices.
  The option lists below were read from awx.awx's source (ansible/awx, awx_collection/plugins/
  modules/*.py, argument_spec; commits 06b04007 and 0377868e); update them with awx.awx.

--render-env renders the injectors as AWX does (Jinja2; an input left unset is '' for a string
field: CredentialType.default_for_field in awx/main/models/credential), for the execution
environment check to run the smoke playbook with exactly what a job would get.
"""

import pathlib
import re
import sys

import jinja2
import jinja2.meta
import yaml

# awx.awx's shared connection options (doc fragment awx.awx.auth).
AUTH_OPTIONS = {
    'controller_host', 'controller_username', 'controller_password', 'controller_oauthtoken',
    'aap_token', 'validate_certs', 'request_timeout', 'controller_config_file',
}
AWX_MODULE_OPTIONS = {
    'credential_type': {
        'options': {'name', 'description', 'kind', 'inputs', 'injectors', 'state'},
        'choices': {'kind': {'ssh', 'vault', 'net', 'scm', 'cloud', 'insights'}, 'state': {'present', 'absent'}},
    },
    'credential': {
        'options': {'name', 'new_name', 'copy_from', 'description', 'organization', 'credential_type',
                    'inputs', 'update_secrets', 'user', 'team', 'state'},
        'choices': {'state': {'present', 'absent', 'exists'}},
    },
    'execution_environment': {
        'options': {'name', 'new_name', 'image', 'description', 'organization', 'credential', 'state', 'pull'},
        'choices': {'state': {'present', 'absent', 'exists'}, 'pull': {'always', 'missing', 'never'}},
    },
    'job_template': {
        'options': {
            'name', 'new_name', 'copy_from', 'description', 'organization', 'job_type', 'inventory', 'project',
            'playbook', 'credential', 'vault_credential', 'credentials', 'execution_environment',
            'custom_virtualenv', 'instance_groups', 'forks', 'limit', 'verbosity', 'extra_vars', 'job_tags',
            'force_handlers', 'skip_tags', 'start_at_task', 'timeout', 'use_fact_cache', 'host_config_key',
            'ask_diff_mode_on_launch', 'ask_variables_on_launch', 'ask_limit_on_launch', 'ask_tags_on_launch',
            'ask_skip_tags_on_launch', 'ask_job_type_on_launch', 'ask_verbosity_on_launch',
            'ask_inventory_on_launch', 'ask_credential_on_launch', 'ask_execution_environment_on_launch',
            'ask_forks_on_launch', 'ask_instance_groups_on_launch', 'ask_job_slice_count_on_launch',
            'ask_labels_on_launch', 'ask_timeout_on_launch', 'survey_enabled', 'survey_spec', 'become_enabled',
            'diff_mode', 'allow_simultaneous', 'scm_branch', 'ask_scm_branch_on_launch', 'job_slice_count',
            'webhook_service', 'webhook_credential', 'labels', 'notification_templates_started',
            'notification_templates_success', 'notification_templates_error',
            'prevent_instance_group_fallback', 'state',
        },
        'choices': {'job_type': {'run', 'check'}, 'state': {'present', 'absent', 'exists'}},
    },
}
# Task keywords that are not module options.
TASK_KEYWORDS = {
    'name', 'when', 'no_log', 'register', 'vars', 'tags', 'loop', 'loop_control', 'until', 'retries',
    'delay', 'changed_when', 'failed_when', 'check_mode', 'diff', 'environment', 'module_defaults',
    'ignore_errors', 'notify', 'become', 'delegate_to', 'run_once', 'throttle',
}
INPUT_FIELD_KEYS = {'id', 'label', 'type', 'secret', 'help_text', 'format', 'choices', 'multiline', 'ask_at_runtime'}
INJECTOR_KINDS = {'env', 'extra_vars', 'file'}


class Loader(yaml.SafeLoader):
    """YAML with Ansible's !unsafe (a string Ansible must not template) as a plain string."""


Loader.add_constructor('!unsafe', lambda loader, node: loader.construct_scalar(node))


def load_yaml(path):
    with open(path, encoding='utf-8') as stream:
        return yaml.load(stream, Loader=Loader)  # noqa: S506 - a SafeLoader subclass


# Environment variables the modules read that are no part of a credential: how a job paces its
# requests is the job's choice (the role variable customer_onboarding_rate_limit_pacing, or an
# extra variable), not the key's. Each AWX job runs in a container of its own, so the shared rate
# budget spans the forks of one job.
NOT_CREDENTIAL_SETTINGS = {'STATUSPAGE_RATE_LIMIT_PACING'}


def env_variables_the_modules_read(root):
    """Every environment variable named in an env_fallback under plugins/ that a credential
    carries (all but ``NOT_CREDENTIAL_SETTINGS``)."""
    names = set()
    for path in (root / 'plugins').rglob('*.py'):
        for fallback in re.findall(r'env_fallback\s*,\s*\[([^\]]*)\]', path.read_text(encoding='utf-8')):
            names.update(re.findall(r"['\"]([A-Z][A-Z0-9_]*)['\"]", fallback))
    return names - NOT_CREDENTIAL_SETTINGS


def template_names(template):
    """The variables a Jinja2 template refers to."""
    environment = jinja2.Environment()
    return jinja2.meta.find_undeclared_variables(environment.parse(template))


def check_credential_type(inputs, injectors, module_env, problems):
    fields = inputs.get('fields')
    if not isinstance(fields, list) or not fields:
        problems.append('inputs.fields must be a non-empty list')
        return
    ids = []
    for number, field in enumerate(fields, 1):
        where = 'inputs.fields[%d]' % number
        if not isinstance(field, dict):
            problems.append('%s is not a dictionary' % where)
            continue
        unknown = set(field) - INPUT_FIELD_KEYS
        if unknown:
            problems.append('%s has keys AWX does not know: %s' % (where, ', '.join(sorted(unknown))))
        field_id = field.get('id')
        if not isinstance(field_id, str) or not re.match(r'^[A-Za-z_][A-Za-z0-9_]*$', field_id):
            problems.append('%s: id %r is not an identifier' % (where, field_id))
        ids.append(field_id)
        if not field.get('label'):
            problems.append('%s (%s) has no label' % (where, field_id))
        if field.get('type', 'string') not in ('string', 'boolean'):
            problems.append('%s (%s): type must be string or boolean' % (where, field_id))
    duplicates = sorted({field_id for field_id in ids if ids.count(field_id) > 1})
    if duplicates:
        problems.append('inputs.fields: duplicate ids %s' % ', '.join(duplicates))
    for required in inputs.get('required', []):
        if required not in ids:
            problems.append('inputs.required names %r, which is no field' % required)
    secret = [field['id'] for field in fields if isinstance(field, dict) and field.get('secret')]
    if 'api_key' not in secret:
        problems.append('the api_key field must be secret (AWX then never shows it back)')

    unknown_kinds = set(injectors) - INJECTOR_KINDS
    if unknown_kinds:
        problems.append('injectors: unknown kinds %s' % ', '.join(sorted(unknown_kinds)))
    env = injectors.get('env', {})
    for name, template in sorted(env.items()):
        if not isinstance(template, str):
            problems.append('injectors.env.%s is not a string template' % name)
            continue
        for variable in sorted(template_names(template) - set(ids)):
            problems.append('injectors.env.%s uses %r, which is no input field' % (name, variable))
    missing, extra = sorted(module_env - set(env)), sorted(set(env) - module_env)
    if missing:
        problems.append('the credential type does not inject %s, which the modules read' % ', '.join(missing))
    if extra:
        problems.append('the credential type injects %s, which no module reads' % ', '.join(extra))


def guide_blocks(guide_text):
    """The YAML code blocks of the guide, by their first line ('# Input configuration', ...)."""
    blocks = {}
    for match in re.finditer(r'\.\. code-block:: yaml\n\n((?:(?:    .*)?\n)+)', guide_text):
        body = '\n'.join(line[4:] for line in match.group(1).splitlines())
        first = body.strip().splitlines()[0] if body.strip() else ''
        blocks[first] = body
    return blocks


def check_guide(guide, inputs, injectors, problems):
    if not guide.is_file():
        problems.append('%s is missing' % guide)
        return
    blocks = guide_blocks(guide.read_text(encoding='utf-8'))
    for title, expected in (('# Input configuration', inputs), ('# Injector configuration', injectors)):
        if title not in blocks:
            problems.append('%s has no YAML block starting with %r' % (guide.name, title))
        elif yaml.safe_load(blocks[title]) != expected:
            problems.append('%s: the block %r differs from playbooks/vars/awx.yml' % (guide.name, title))


def check_playbook(playbook, problems):
    checked = []
    for play in load_yaml(playbook):
        for task in play.get('tasks', []):
            module = next((key for key in task if key.startswith('awx.awx.')), None)
            if module is None:
                problems.append('%s: task %r uses no awx.awx module' % (playbook.name, task.get('name')))
                continue
            unknown_keywords = set(task) - TASK_KEYWORDS - {module}
            if unknown_keywords:
                problems.append('%s: task %r has unknown keys %s' % (playbook.name, task.get('name'), sorted(unknown_keywords)))
            short = module.split('.')[-1]
            spec = AWX_MODULE_OPTIONS.get(short)
            if spec is None:
                problems.append('%s: %s is not among the modules this check knows' % (playbook.name, module))
                continue
            arguments = task[module] or {}
            for option in sorted(set(arguments) - spec['options'] - AUTH_OPTIONS):
                problems.append('%s: %s has no option %r' % (playbook.name, module, option))
            for option, choices in spec['choices'].items():
                value = arguments.get(option)
                if isinstance(value, str) and '{{' not in value and value not in choices:
                    problems.append('%s: %s %s=%r is not one of %s' % (playbook.name, module, option, value, sorted(choices)))
            checked.append('%s (%d options)' % (module, len(arguments)))
    return checked


def render_env(injectors, inputs, given):
    namespace = {}
    for field in inputs['fields']:
        namespace[field['id']] = False if field.get('type') == 'boolean' else ''
    namespace.update(given)
    environment = jinja2.Environment(undefined=jinja2.StrictUndefined)
    return {name: environment.from_string(template).render(namespace) for name, template in injectors.get('env', {}).items()}


def main(argv):
    render = argv[:1] == ['--render-env']
    if render:
        argv = argv[1:]
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    root = pathlib.Path(argv[0])
    data = load_yaml(root / 'playbooks' / 'vars' / 'awx.yml')
    inputs = data['statuspage_awx_credential_type_inputs']
    injectors = data['statuspage_awx_credential_type_injectors']
    if render:
        given = dict(argument.split('=', 1) for argument in argv[1:])
        for name, value in sorted(render_env(injectors, inputs, given).items()):
            print('%s=%s' % (name, value))
        return 0

    problems = []
    module_env = env_variables_the_modules_read(root)
    if not module_env:
        problems.append('found no env_fallback under plugins/: cannot tell what the modules read')
    check_credential_type(inputs, injectors, module_env, problems)
    check_guide(root / 'docs' / 'docsite' / 'rst' / 'guide_awx.rst', inputs, injectors, problems)
    checked = check_playbook(root / 'playbooks' / 'awx_setup.yml', problems)
    if problems:
        print('AWX content problems:')
        for problem in problems:
            print('  - ' + problem)
        return 1
    print('credential type: %d input fields, injects %s (what the modules read)' % (
        len(inputs['fields']), ', '.join(sorted(injectors['env']))))
    print('guide_awx.rst shows the same inputs and injectors')
    print('awx_setup.yml: ' + ', '.join(checked))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
