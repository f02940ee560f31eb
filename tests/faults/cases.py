# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The fault matrix's two axes: every write path of the collection, and every fault (issue 10).

A write path is one module task that sends one kind of write, with the page set up beforehand
so that it must send it; ``target`` is that write (method, path regex), where the fault lands.
A scenario is one fault, put either in the emulator's queue (what the emulator models: error
statuses, 420/429 with Retry-After, a reset after the work, a delay before it) or in the fault
proxy (what it cannot: a held, cut or replaced answer).
"""

from __future__ import annotations

from ansible_collections.community.statuspage.tests.emulator.demo import (
    DEMO_COMPONENT_IDS,
    DEMO_METRIC_IDS,
    DEMO_PAGE_ID,
)

API = DEMO_COMPONENT_IDS["Platform/API"]
EU_COMPUTE = DEMO_COMPONENT_IDS["EU/Compute"]
UPTIME = DEMO_METRIC_IDS["Uptime"]

# Every module run of the matrix waits at most this long for an answer; a held answer comes
# later than that, and the patient re-read of a lost create lasts about as long again.
TIMEOUT = 1.5
HELD = 2.5

ANN = "ann@globex.example"
USERS = r"/page_access_users$"
ONE_USER = r"/page_access_users/[^/]+$"
GROUPS = r"/page_access_groups$"
ONE_GROUP = r"/page_access_groups/[^/]+$"
# What the page-as-code and event modules create: none of them is unique on the API's side, so a
# lost create must be read back and never repeated blindly (issue 10, "every resource that can
# be created").
NON_UNIQUE = ("group", "component", "component group", "incident", "maintenance")


class WritePath:
    """One module task and the write it must send. ``unique``: the API refuses a duplicate (users)."""

    def __init__(self, name, module, args, target, setup=(), creates=None):
        self.name = name
        self.module = module
        # No pacing: the suite's emulators throttle only when a scenario says so, and a shared
        # budget would only space out the hundreds of requests of one worker's cells.
        self.args = dict(args, page_id=DEMO_PAGE_ID, timeout=TIMEOUT, rate_limit_pacing=False)
        self.target = target
        self.setup = setup
        self.creates = creates

    @property
    def creates_non_unique(self) -> bool:
        return self.creates in NON_UNIQUE


def user(email=ANN, **fields):
    return ("user", dict(fields, email=email))


def group(name="Blue Team", **fields):
    return ("group", dict(fields, name=name))


WRITE_PATHS = [
    WritePath("user create", "statuspage_access_user",
              {"email": "new@globex.example", "components": ["API", "EU/Compute"]}, ("POST", USERS), creates="user"),
    WritePath("user update", "statuspage_access_user", {"email": ANN, "external_login": "ann.s"},
              ("PATCH", ONE_USER), setup=[user(external_login="ann")]),
    WritePath("user grants (replace)", "statuspage_access_user", {"email": ANN, "components": ["API", "EU/Compute"]},
              ("POST", r"/components$"), setup=[user(component_ids=[API])]),
    WritePath("user grants (add)", "statuspage_access_user_components", {"email": ANN, "components": ["EU/Compute"]},
              ("PATCH", r"/components$"), setup=[user(component_ids=[API])]),
    WritePath("user grants (revoke)", "statuspage_access_user_components",
              {"email": ANN, "components": ["API"], "state": "absent"},
              ("DELETE", r"/components$"), setup=[user(component_ids=[API, EU_COMPUTE])]),
    WritePath("user metrics", "statuspage_access_user_metrics", {"email": ANN, "metrics": ["Uptime"]},
              ("PATCH", r"/metrics$"), setup=[user()]),
    WritePath("user delete", "statuspage_access_user", {"email": ANN, "state": "absent"},
              ("DELETE", ONE_USER), setup=[user()]),
    WritePath("group create", "statuspage_access_group", {"name": "Blue Team", "components": ["API"]},
              ("POST", GROUPS), creates="group"),
    WritePath("group update", "statuspage_access_group", {"name": "Blue Team", "components": ["API", "EU/Compute"]},
              ("PATCH", ONE_GROUP), setup=[group(component_ids=[API])]),
    WritePath("group delete", "statuspage_access_group", {"name": "Blue Team", "state": "absent"},
              ("DELETE", ONE_GROUP), setup=[group()]),
    WritePath("page update", "statuspage_page", {"name": "Acme Cloud Status"}, ("PATCH", r"/pages/[^/]+$")),
    WritePath("embed config update", "statuspage_status_embed_config", {"position": "top-right"},
              ("PATCH", r"/status_embed_config$")),
    WritePath("bulk onboard", "statuspage_customer_access",
              {"customers": [{"name": "Globex", "users": ["ops@globex.example", "hank@globex.example"],
                              "components": ["API"]}]},
              ("POST", USERS), creates="user"),
    WritePath("bulk groups", "statuspage_customer_access",
              {"use_groups": True, "customers": [{"name": "Globex", "users": ["ops@globex.example"],
                                                  "components": ["API"]}]},
              ("POST", GROUPS), creates="group"),
    WritePath("bulk prune", "statuspage_customer_access",
              {"customers": [{"name": "Globex", "users": [ANN], "components": ["API"]}],
               "prune": True, "prune_email_domains": ["globex.example"]},
              ("DELETE", ONE_USER), setup=[user(component_ids=[API]), user("former@globex.example")]),
    WritePath("component create", "statuspage_component", {"name": "Search", "group": "Platform"},
              ("POST", r"/components$"), creates="component"),
    WritePath("component group create", "statuspage_component_group", {"name": "Search", "components": ["EU/Storage"]},
              ("POST", r"/component-groups$"), creates="component group"),
    WritePath("incident create", "statuspage_incident",
              {"name": "Slow API", "body": "We are looking into it.", "components": [{"name": "API", "status": "degraded_performance"}]},
              ("POST", r"/incidents$"), creates="incident"),
    WritePath("maintenance create", "statuspage_maintenance",
              {"name": "Database upgrade", "body": "We will upgrade the EU database.",
               "scheduled_for": "2030-03-03T01:00:00Z", "scheduled_until": "2030-03-03T03:00:00Z",
               "components": [{"name": "EU/Database"}]},
              ("POST", r"/incidents$"), creates="maintenance"),
]


class Scenario:
    """One fault on a path's target write.

    ``emulator``: scripted faults for the emulator's queue (method and path are added);
    ``proxy``: a proxy action. ``may_need_rerun(path)``: whether a clear failure of the first run
    is the right answer (a write that cannot be told done or not, and cannot be repeated
    blindly, or an answer that cannot be read); everywhere else the first run must converge.
    """

    def __init__(self, name, emulator=None, proxy=None, seconds=0.0, rerun=()):
        self.name = name
        self.emulator = emulator or []
        self.proxy = proxy
        self.seconds = seconds
        self._rerun = rerun

    def may_need_rerun(self, path: WritePath) -> bool:
        if "any" in self._rerun:
            return True
        if "idempotent" in self._rerun and path.creates is None:
            return True
        if "create" in self._rerun and path.creates is not None:
            return True
        return "non-unique create" in self._rerun and path.creates_non_unique


SCENARIOS = [
    Scenario("throttled 420 x3", emulator=[{"status": 420, "retry_after": 1}] * 3),
    Scenario("throttled 429 x3", emulator=[{"status": 429, "retry_after": 1}] * 3),
    # 502/503 to a PATCH, PUT, DELETE are retried; to a POST they may have been carried out: a
    # group's is not repeated, a user's is repeated once (409 protects it), and fails at the 502.
    Scenario("5xx burst (503, 502)", emulator=[{"status": 503}, {"status": 502}], rerun=("create",)),
    Scenario("500 once", emulator=[{"status": 500, "message": "Internal Server Error"}],
             rerun=("idempotent", "non-unique create")),
    Scenario("reset after acting", emulator=[{"reset": True}]),
    Scenario("held before acting", emulator=[{"delay": HELD}]),
    Scenario("held after acting", proxy="hold", seconds=HELD),
    Scenario("truncated body", proxy="truncate"),
    Scenario("truncated JSON", proxy="truncate-json", rerun=("idempotent",)),
    Scenario("HTML 200 after acting", proxy="html-after", rerun=("idempotent",)),
    Scenario("HTML 200 instead", proxy="html-instead", rerun=("idempotent", "non-unique create")),
]


# ---- bad inputs: each must fail with a message naming the option, and send no request ---------

LONG_EMAIL = "a" * 290 + "@globex.example"
HUGE_EMAIL = "a" * 70000 + "@globex.example"

BAD_INPUTS = [
    # (what, module, args, words the message must hold)
    ("timeout 0", "statuspage_access_user", {"email": ANN, "timeout": 0}, ["timeout", "positive"]),
    ("timeout -1", "statuspage_access_user_info", {"timeout": -1}, ["timeout", "positive"]),
    ("timeout nan", "statuspage_page_info", {"timeout": "nan"}, ["timeout", "positive"]),
    ("rate_limit_retry_timeout -5", "statuspage_access_group", {"name": "G", "rate_limit_retry_timeout": -5},
     ["rate_limit_retry_timeout"]),
    ("key with U+2019", "statuspage_access_user", {"email": ANN, "api_key": "demo-key\u2019"},
     ["api_key", "printable ASCII"]),
    ("key with e-acute", "statuspage_page", {"name": "x", "api_key": "d\u00e9mo-key"}, ["api_key", "printable ASCII"]),
    ("key with a space inside", "statuspage_customer_access", {"customers": [], "api_key": "demo key"},
     ["api_key", "spaces"]),
    ("no key", "statuspage_access_user", {"email": ANN, "api_key": ""}, ["api_key", "STATUSPAGE_API_KEY"]),
    ("ca_path missing", "statuspage_access_group_info", {"ca_path": "/nonexistent/ca.pem"}, ["ca_path"]),
    ("api_url plain http elsewhere", "statuspage_page_info", {"api_url": "http://statuspage.example/v1"},
     ["api_url", "plain http"]),
    ("api_url with the key in the query", "statuspage_page_info", {"api_url": "https://x.example/v1?api_key=demo-key"},
     ["api_url", "query"]),
    ("page_id empty", "statuspage_access_user", {"email": ANN, "page_id": " "}, ["page_id"]),
    ("e-mail 305 characters", "statuspage_access_user", {"email": LONG_EMAIL}, ["254", "305"]),
    ("e-mail 70,015 characters", "statuspage_access_user", {"email": HUGE_EMAIL}, ["254", "70015"]),
    ("e-mail without @", "statuspage_access_user", {"email": "ann.globex.example"}, ["e-mail address"]),
    ("e-mail too long in a customer list", "statuspage_customer_access",
     {"customers": [{"name": "Globex", "users": [LONG_EMAIL], "components": ["API"]}]}, ["254"]),
    ("embed position middle", "statuspage_status_embed_config", {"position": "middle"}, ["position", "bottom-left"]),
    ("embed colour white", "statuspage_status_embed_config", {"incident_text_color": "white"}, ["incident_text_color"]),
    ("group user e-mail too long", "statuspage_access_group", {"name": "G", "users": [LONG_EMAIL]}, ["254"]),
]
