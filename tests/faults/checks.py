# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Bad inputs (each must fail clearly, before any write) and TLS (a certificate that does not
verify fails at once; ``ca_path`` and ``validate_certs=false`` get through), over real HTTP(S)
on 127.0.0.1."""

from __future__ import annotations

import datetime
import ipaddress
import os
import ssl
import tempfile

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from ansible_collections.community.statuspage.tests.faults.cases import ANN, DEMO_PAGE_ID, TIMEOUT
from ansible_collections.community.statuspage.tests.faults.matrix import READS
from ansible_collections.community.statuspage.tests.faults.proxy import FaultProxy
from ansible_collections.community.statuspage.tests.faults.run import run


class Verdict:
    def __init__(self, what, ok, detail, requests=0, writes=0, clear=None):
        self.what = what
        self.ok = ok
        self.clear = ok if clear is None else clear
        self.detail = detail
        self.requests = requests
        self.writes = writes


def check_bad_input(bench, what, module, args, words):
    bench.reset()
    arguments = dict({"page_id": DEMO_PAGE_ID, "api_key": bench.key, "api_url": bench.proxy.url + "/v1",
                      "timeout": TIMEOUT}, **args)
    outcome = run(module, arguments)
    log = bench.requests_log()
    writes = [entry for entry in log if entry["method"] not in READS]
    message = outcome.message
    missing = [word for word in words if word not in message]
    clear = outcome.failed and outcome.crash is None and not missing and len(message) < 1000 \
        and bench.key not in outcome.stdout
    detail = message[:200] if clear else "failed=%s crash=%s missing %s: %s" % (
        outcome.failed, outcome.crash is not None, missing, message[:300])
    return Verdict(what, clear and not writes, detail, len(log), len(writes), clear=clear)


# ---- TLS -------------------------------------------------------------------------------------

def _name(common_name):
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def make_certificates(directory):
    """A CA and a server certificate for 127.0.0.1 signed by it; returns (ca.pem, cert.pem, key.pem)."""
    now = datetime.datetime.now(datetime.timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (x509.CertificateBuilder().subject_name(_name("fault matrix test CA")).issuer_name(_name("fault matrix test CA"))
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now - datetime.timedelta(days=1)).not_valid_after(now + datetime.timedelta(days=1))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True, content_commitment=False,
                                       key_encipherment=False, data_encipherment=False, key_agreement=False,
                                       encipher_only=False, decipher_only=False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder().subject_name(_name("127.0.0.1")).issuer_name(ca.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1)).not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    paths = [os.path.join(directory, name) for name in ("ca.pem", "cert.pem", "key.pem")]
    for path, data in zip(paths, (ca.public_bytes(serialization.Encoding.PEM), cert.public_bytes(serialization.Encoding.PEM),
                                  key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                    serialization.NoEncryption()))):
        with open(path, "wb") as handle:
            handle.write(data)
    return paths


class CountingTLSProxy(FaultProxy):
    """A TLS fault proxy that counts the connections it is offered (handshakes included)."""

    def __init__(self, upstream, context):
        super().__init__(upstream, tls=context)
        self.connections = 0
        get_request = self.server.get_request

        def counted():
            self.connections += 1
            return get_request()

        self.server.get_request = counted


def check_tls(bench):
    verdicts = []
    with tempfile.TemporaryDirectory(prefix="fault-matrix-tls-") as directory:
        ca_path, cert_path, key_path = make_certificates(directory)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert_path, key_path)
        proxy = CountingTLSProxy(bench.emulator.url, context)
        try:
            base = {"page_id": DEMO_PAGE_ID, "api_key": bench.key, "api_url": proxy.url + "/v1", "timeout": TIMEOUT}
            bench.reset()
            outcome = run("statuspage_page_info", base)
            message = outcome.message
            ok = (outcome.failed and outcome.crash is None and "validate_certs" in message and "ca_path" in message
                  and proxy.connections == 1 and not bench.requests_log())
            verdicts.append(Verdict("certificate not trusted: fails at once, naming validate_certs and ca_path", ok,
                                    "%d connection(s); %s" % (proxy.connections, message[:200]), proxy.connections))
            for what, extra in (("ca_path = the test CA", {"ca_path": ca_path}), ("validate_certs false", {"validate_certs": False})):
                bench.reset()
                outcome = run("statuspage_page_info", dict(base, **extra))
                ok = not outcome.failed and outcome.result.get("pages", [{}])[0].get("id") == DEMO_PAGE_ID
                verdicts.append(Verdict(what + ": reads the page over TLS", ok, outcome.message[:200], len(bench.requests_log())))
            bench.reset()
            outcome = run("statuspage_access_user", dict(base, ca_path=ca_path, email=ANN, components=["API"]))
            writes = [e for e in bench.requests_log() if e["method"] not in READS]
            verdicts.append(Verdict("ca_path: creates a user over TLS", not outcome.failed and outcome.changed,
                                    outcome.message[:200], len(bench.requests_log()), len(writes)))
        finally:
            proxy.stop()
    return verdicts
