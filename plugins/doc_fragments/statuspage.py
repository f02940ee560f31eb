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
