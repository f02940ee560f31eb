# shellcheck shell=bash
# Sourced by scripts/setup.sh, test.sh, demo.sh and docs.sh (not run on its own).
#
# Every tool these scripts run keeps its caches and state under HOME: pip (~/.cache/pip), npm
# (~/.npm), ansible-test (~/.ansible/test: its virtualenvs and the get-pip stand-ins), ansible
# and ansible-galaxy (~/.ansible), ansible-lint, antsibull, rustup's settings when a build looks
# for cargo. So that a run leaves nothing in the user's HOME, and works the same whatever HOME
# is (unset, empty, read-only, a CI image's), they run with HOME set to .venv/home inside the
# checkout. What is only READ from the user's HOME, and worth keeping, is passed on explicitly:
# the pyenv interpreters, and pip's and npm's user configuration (a private index, a proxy).
#
# After sourcing: ROOT, VENVS, TOOLS_HOME, PYENV_DIR and USER_HOME are set, HOME is TOOLS_HOME.

ROOT=${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
VENVS="$ROOT/.venv"
TOOLS_HOME="$VENVS/home"

if [[ ${HOME:-} != "$TOOLS_HOME" ]]; then
  USER_HOME=${HOME:-}
  # The passwd entry's home, for tools installed per user (pyenv) when HOME points elsewhere.
  PASSWD_HOME=$(getent passwd "$(id -u)" 2>/dev/null | cut -d: -f6 || true)
  if [[ -z ${PYENV_ROOT:-} ]]; then
    for candidate in "$USER_HOME/.pyenv" "$PASSWD_HOME/.pyenv"; do
      if [[ -n $candidate && -d $candidate/versions ]]; then export PYENV_ROOT=$candidate; break; fi
    done
  fi
  for home in "$USER_HOME" "$PASSWD_HOME"; do
    [[ -n $home ]] || continue
    if [[ -z ${PIP_CONFIG_FILE:-} && -f $home/.config/pip/pip.conf ]]; then
      export PIP_CONFIG_FILE=$home/.config/pip/pip.conf
    fi
    if [[ -z ${NPM_CONFIG_USERCONFIG:-} && -f $home/.npmrc ]]; then
      export NPM_CONFIG_USERCONFIG=$home/.npmrc
    fi
  done
  export STATUSPAGE_USER_HOME=$USER_HOME
  # One pip cache for every tool and for ansible-test's virtualenvs, whatever HOME each runs with.
  export PIP_CACHE_DIR=${PIP_CACHE_DIR:-$TOOLS_HOME/.cache/pip}
  mkdir -p "$TOOLS_HOME"
  export HOME=$TOOLS_HOME
  # Ansible expands "~" in remote_tmp and async_dir on the (here local) target with the
  # shell's ~user, which is the passwd home whatever HOME says (seen: ~/.ansible/tmp created
  # in a demo user's home): absolute paths keep those in the checkout too. ansible-test passes
  # neither to its integration runs; tests/integration has to say so itself.
  export ANSIBLE_REMOTE_TMP="$TOOLS_HOME/.ansible/tmp" ANSIBLE_ASYNC_DIR="$TOOLS_HOME/.ansible_async"
  # XDG locations follow HOME unless the user set them; unset them so they do.
  unset XDG_CACHE_HOME XDG_DATA_HOME XDG_STATE_HOME
fi
USER_HOME=${STATUSPAGE_USER_HOME:-}
# shellcheck disable=SC2034  # for the scripts that source this file
PYENV_DIR=${PYENV_ROOT:-$USER_HOME/.pyenv}
