# -*- coding: utf-8 -*-
# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The API key: what a usable one looks like, and every form in which it must never be shown.

Private to community.statuspage: it may change without notice.

Part of the transport layer. The key travels only in the ``Authorization`` header. A hostile or
misconfigured server (or a proxy on the way) may still echo it back: in an error body, in the
reason phrase, in a header it quotes, and not always as it was sent. ``secret_forms`` lists
the forms such an echo takes; ``scrub`` removes them from a text. The client scrubs every error
it raises with them, and ``_module`` adds them to AnsibleModule's ``no_log_values``, so that
Ansible removes them from everything a module prints (results, warnings, messages).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import base64
import json
import re
from html import escape as html_escape
from urllib.parse import quote, quote_plus

MASK = '********'
PERCENT_ESCAPE = re.compile('%[0-9A-F]{2}')
# An encoded fragment shorter than this could match ordinary text: leave it (it says too little
# about the key to matter).
SHORTEST_FORM = 8


def key_problem(key):
    """Why ``key`` cannot be a Statuspage API key, or ``None``; never repeats the key.

    requests sends header values as Latin-1 and fails on anything else with an exception that
    quotes the header; whitespace and control characters would be refused by it too. Statuspage
    keys are printable ASCII, so anything else is a paste accident (a typographic quote, a
    no-break space) and is said so before any request.
    """
    if any(char.isspace() or ord(char) < 32 or ord(char) == 127 for char in key):
        return 'contains spaces or control characters'
    if any(ord(char) > 126 for char in key):
        return ('contains a character outside printable ASCII (a typographic quote or a no-break space '
                'copied with it?)')
    return None


def _base64_cores(data, encode):
    """The parts of base64 text that encode ``data`` whatever surrounds it.

    Inside a longer base64 text (``OAuth <key>``, ``user:<key>`` of Basic auth) the key starts at
    any of three offsets of a 3-byte group; the 4-character groups that hold only key bytes are
    the same at a given offset, whatever comes before or after. The one or two characters at
    either end that mix key bytes with their neighbours are left: they hold at most two bytes.
    """
    cores = []
    for offset in range(3):
        encoded = encode(b'\0' * offset + data).decode('ascii')
        start = 4 if offset else 0
        end = ((offset + len(data)) // 3) * 4
        cores.append(encoded[start:end])
    return cores


def secret_forms(secret):
    """Every text form of ``secret`` an echo could take, longest first (so masks do not overlap)."""
    if not secret:
        return []
    data = secret.encode('utf-8')
    hexadecimal = data.hex()
    forms = set([
        secret,
        repr(secret)[1:-1],
        json.dumps(secret)[1:-1],
        secret.replace('/', '\\/'),
        html_escape(secret, quote=True),
        quote(secret), quote(secret, safe=''), quote_plus(secret),
        ''.join('%%%02X' % byte for byte in bytearray(data)),
        hexadecimal, hexadecimal.upper(),
    ])
    # Percent-encoding may use either case for its hex digits.
    forms.update(PERCENT_ESCAPE.sub(lambda match: match.group(0).lower(), form) for form in list(forms))
    for encode in (base64.b64encode, base64.urlsafe_b64encode):
        forms.update(_base64_cores(data, encode))
    return sorted((form for form in forms if form == secret or len(form) >= SHORTEST_FORM),
                  key=lambda form: (-len(form), form))


def scrub(text, forms):
    """``text`` with each of ``forms`` (from ``secret_forms``) replaced by a mask."""
    if not text:
        return text
    for form in forms:
        text = text.replace(form, MASK)
    return text
