# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):

    # The connection options every module takes (module_utils/_module.py common_argument_spec).
    DOCUMENTATION = r'''
options:
  api_key:
    description:
      - The Statuspage API key (user API key from the Statuspage management UI, "API info").
      - Required. If not set, the environment variable E(STATUSPAGE_API_KEY) is used; when neither is
        set, the task fails naming both.
      - Printable ASCII, as every Statuspage key; anything else (a typographic quote pasted with it) is
        refused before any request, without showing the key.
      - Sent only in the C(Authorization) header, never in a URL; it is not logged. Should a server echo
        it back (plain, URL-encoded, base64, hex), it is removed from everything the module prints.
      - Set it once for every module with C(module_defaults) and C(group/community.statuspage.statuspage).
    type: str
  api_url:
    description:
      - Base URL of the Statuspage API.
      - If not set, the environment variable E(STATUSPAGE_API_URL) is used, and then the default. An
        empty value (what an unset optional AWX credential field injects) means the default.
      - It ends in C(/v1). A 404 from a base URL that does not says so.
      - Plain C(http://) is accepted only for loopback addresses (C(127.0.0.1), C(::1), C(localhost)),
        such as the collection's local emulator, because the API key would otherwise travel in clear.
    type: str
    default: https://api.statuspage.io/v1
  validate_certs:
    description:
      - Whether to validate the API's TLS certificate. Only turn this off for a test endpoint you trust.
      - A certificate that fails verification fails the task at once (it is not retried).
    type: bool
    default: true
  ca_path:
    description:
      - A PEM file of CA certificates to verify the API's certificate with, instead of the system's
        (for example the CA of a proxy that inspects TLS). As in M(ansible.builtin.uri).
      - Not used when O(validate_certs=false). A path that does not exist is refused before any request.
    type: path
  timeout:
    description:
      - Seconds to wait for each HTTP answer before giving up. Must be positive.
      - A create whose answer does not come in time may still be carried out by Statuspage. It is
        then read back, a few times over about as many seconds again, before the task gives up (with
        a message saying that the object may still appear). It is never sent again blindly.
    type: float
    default: 30
  rate_limit_retry_timeout:
    description:
      - Statuspage allows one request per second per API key and answers HTTP 420 or 429 beyond it.
        Nothing is done on a throttled request, so the module waits as long as the C(Retry-After)
        header says and sends the same request again.
      - This is how many seconds in total the task may spend waiting so (0 or more); beyond it the task
        fails saying so. When a task waited, it says so in a warning.
    type: int
    default: 600
  rate_limit_pacing:
    description:
      - Share one rate budget per API key among every process on this controller (forks, parallel
        plays, several C(ansible-playbook) runs), so that requests are spaced to stay within
        Statuspage's limit instead of being refused with HTTP 420 or 429 and waited out one by one.
      - The budget is a small file in C(community.statuspage-rate-budget/) (mode 0700) under the user's
        Ansible temporary directory (the E(ANSIBLE_LOCAL_TEMP) environment variable, else
        C(~/.ansible/tmp)), named by a hash of the API URL and the key (never the key itself),
        readable by its owner only (0600). It is locked only while read and written; a lock held by
        a process that died is released by the system, one held longer than 5 seconds is passed by,
        and a file that cannot be read is reset, so a stale file never blocks a run.
      - A burst up to O(rate_limit_requests) is sent at once, so a single task is not slowed down
        before the server would refuse it. Throttled answers are still waited out
        (O(rate_limit_retry_timeout)), and hold every process of the key for their C(Retry-After).
      - The budget is shared by processes that run on the same host (the controller, for tasks
        delegated to it or on C(localhost)) and use the same user's temporary directory.
      - Set to V(false) (or E(STATUSPAGE_RATE_LIMIT_PACING=false)) to send at once and rely on
        waiting out throttled answers alone.
    type: bool
    default: true
  rate_limit_requests:
    description:
      - How many requests the budget allows in O(rate_limit_period) seconds. Statuspage documents
        "1 request / second as measured on a 60 second rolling window", that is 60 in 60 seconds.
    type: int
    default: 60
  rate_limit_period:
    description:
      - The period, in seconds, of O(rate_limit_requests).
    type: float
    default: 60
  rate_limit_model:
    description:
      - How the budget counts. V(window) allows at most O(rate_limit_requests) in any rolling
        O(rate_limit_period) seconds; a server that counts as a token bucket accepts that too, so it
        is never refused under either (after a burst it waits until the burst's first request is a
        period old).
      - V(bucket) allows a burst of O(rate_limit_requests), then O(rate_limit_requests) per
        O(rate_limit_period) (one a second), as a token bucket; faster after a burst, but a server
        that counts a strict rolling window refuses part of it (those answers are waited out).
    type: str
    choices: [window, bucket]
    default: window
requirements:
  - requests
notes:
  - >-
    The module sends its requests from the host it runs on. Most playbooks run it on the controller
    (C(hosts: localhost)); that host needs the Python library C(requests).
seealso:
  - name: Statuspage REST API
    description: The API reference these modules use.
    link: https://developer.statuspage.io/
'''

    # page_id for modules working on one page (module_utils/_module.py page_argument_spec).
    PAGE = r'''
options:
  page_id:
    description:
      - The id of the Statuspage page (the 12 characters in the management URL).
      - If not set, the environment variable E(STATUSPAGE_PAGE_ID) is used.
    type: str
    required: true
'''
