"""The emulator's answers against the OpenAPI description of the real API.

Every routed operation is called for real, successfully and with a bad key, another's page and
an unknown page, plus the usual client errors. Each answer must use a status the operation
declares and match that status' response schema. Where the description is wrong or silent
(description_bugs.py, the one list of such cases), the listed fix is applied first; anything
else that differs fails here.

The description is not part of the repository: it is read from $STATUSPAGE_OPENAPI or from
../shared/statuspage-openapi.json beside the repository; without it these tests are skipped
with a message that the conftest repeats in the terminal summary.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from openapi_schema_validator import OAS30Validator, oas30_format_checker

from .. import description_bugs, variants
from ..api import routed_operations
from ..demo import DEMO_COMPONENT_IDS, DEMO_METRIC_IDS, DEMO_PAGE_ID, OTHER_PAGE_ID
from .conformance_events import exercise_events
from .helpers import REPO_ROOT, ApiClient, openapi_description_path, openapi_missing_message

VERBS = ("get", "put", "post", "patch", "delete")


@pytest.fixture(scope="module")
def description() -> dict:
    message = openapi_missing_message()
    if message is not None:
        pytest.skip(message)
    with open(openapi_description_path(), encoding="utf-8") as handle:
        return json.load(handle)


@pytest.fixture(scope="module")
def corrected(description) -> dict:
    """The description with the fixes of description_bugs.py applied (what Prism reads, too)."""
    return description_bugs.corrected_description(description)


def _resolve(node, root: dict):
    """The schema with every $ref replaced by what it points to (the API schemas are not recursive)."""
    if isinstance(node, dict):
        if "$ref" in node:
            target = root
            for part in node["$ref"].lstrip("#/").split("/"):
                target = target[part]
            return _resolve(target, root)
        return {name: _resolve(value, root) for name, value in node.items()}
    if isinstance(node, list):
        return [_resolve(value, root) for value in node]
    return node


class Observation:
    def __init__(self, verb: str, path: str, status: int, body, what: str):
        self.verb = verb
        self.path = path
        self.status = status
        self.body = body
        self.what = what


class Recorder:
    """Calls operations by their description path and keeps every answer."""

    def __init__(self, client: ApiClient, chosen: variants.Variants | None = None):
        self.client = client
        self.variants = chosen or variants.Variants()
        self.observations: list[Observation] = []

    def call(self, verb: str, path: str, what: str = "success", expect: int | None = None, ids: dict | None = None,
             **kwargs):
        values = {"page_id": DEMO_PAGE_ID, **(ids or {})}
        answer = self.client.request(verb.upper(), path.format(**values), **kwargs)
        body = answer.json() if answer.content else None
        self.observations.append(Observation(verb, path, answer.status_code, body, what))
        if expect is not None:
            assert answer.status_code == expect, f"{verb.upper()} {path} ({what}): {answer.status_code} {answer.text}"
        return body


PAGE = "/pages/{page_id}"
USER = PAGE + "/page_access_users/{page_access_user_id}"
GROUP = PAGE + "/page_access_groups/{page_access_group_id}"
API_COMPONENT = DEMO_COMPONENT_IDS["Platform/API"]
EU_COMPUTE = DEMO_COMPONENT_IDS["EU/Compute"]
UPTIME = DEMO_METRIC_IDS["Uptime"]


def exercise_successes(rec: Recorder) -> None:
    """Every routed operation once, successfully, in an order where each has what it needs."""
    exercise_pages(rec)
    exercise_components(rec)
    access_group = exercise_access_groups(rec)
    exercise_access_users(rec, access_group)
    exercise_component_access(rec, access_group)
    rec.call("delete", GROUP, ids={"page_access_group_id": access_group["id"]}, expect=200)
    exercise_events(rec)


def exercise_pages(rec: Recorder) -> None:
    rec.call("get", "/pages", expect=200)
    rec.call("get", PAGE, expect=200)
    rec.call("patch", PAGE, json={"page": {"name": "Acme"}}, expect=200)
    rec.call("put", PAGE, json={"page": {"time_zone": "Europe/Berlin"}}, expect=200)
    rec.call("get", PAGE + "/status_embed_config", expect=200)
    rec.call("patch", PAGE + "/status_embed_config", json={"status_embed_config": {"position": "top-left"}}, expect=200)
    rec.call("put", PAGE + "/status_embed_config", json={"status_embed_config": {"position": "top-right"}}, expect=200)


def exercise_components(rec: Recorder) -> None:

    rec.call("get", PAGE + "/components", params={"page": 1, "per_page": 100}, expect=200)
    component = rec.call("post", PAGE + "/components", json={"component": {"name": "New", "start_date": "2024-01-01"}},
                         expect=201)
    one = {"component_id": component["id"]}
    rec.call("get", PAGE + "/components/{component_id}", ids=one, expect=200)
    rec.call("patch", PAGE + "/components/{component_id}", ids=one, json={"component": {"status": "major_outage"}},
             expect=200)
    rec.call("put", PAGE + "/components/{component_id}", ids=one, json={"component": {"description": "d"}}, expect=200)

    rec.call("get", PAGE + "/component-groups", expect=200)
    group = rec.call("post", PAGE + "/component-groups",
                     json={"component_group": {"name": "New group", "components": [component["id"]]}}, expect=201)
    group_ids = {"id": group["id"]}
    rec.call("get", PAGE + "/component-groups/{id}", ids=group_ids, expect=200)
    rec.call("patch", PAGE + "/component-groups/{id}", ids=group_ids, json={"component_group": {"name": "G2"}},
             expect=200)
    rec.call("put", PAGE + "/component-groups/{id}", ids=group_ids,
             json={"component_group": {"components": [component["id"]]}}, expect=200)
    rec.call("delete", PAGE + "/component-groups/{id}", ids=group_ids, expect=200)
    rec.call("delete", PAGE + "/components/{component_id}", ids=one, expect=204)

    rec.call("get", PAGE + "/metrics", params={"page": 1, "per_page": 100}, expect=200)
    rec.call("get", PAGE + "/metrics/{metric_id}", ids={"metric_id": UPTIME}, expect=200)


def exercise_access_groups(rec: Recorder) -> dict:

    rec.call("get", PAGE + "/page_access_groups", expect=200)
    access_group = rec.call("post", PAGE + "/page_access_groups",
                            json={"page_access_group": {"name": "Customers", "component_ids": [API_COMPONENT]}},
                            expect=201)
    group_ids = {"page_access_group_id": access_group["id"]}
    rec.call("get", GROUP, ids=group_ids, expect=200)
    rec.call("patch", GROUP, ids=group_ids, json={"page_access_group": {"external_identifier": "x"}}, expect=200)
    rec.call("put", GROUP, ids=group_ids, json={"page_access_group": {"metric_ids": [UPTIME]}}, expect=200)
    rec.call("get", GROUP + "/components", ids=group_ids, expect=200)
    rec.call("patch", GROUP + "/components", ids=group_ids, json={"component_ids": [EU_COMPUTE]}, expect=200)
    rec.call("put", GROUP + "/components", ids=group_ids, json={"component_ids": [EU_COMPUTE]}, expect=200)
    rec.call("post", GROUP + "/components", ids=group_ids, json={"component_ids": [API_COMPONENT, EU_COMPUTE]},
             expect=201)
    rec.call("delete", GROUP + "/components/{component_id}", ids={**group_ids, "component_id": EU_COMPUTE}, expect=200)
    rec.call("delete", GROUP + "/components", ids=group_ids, json={"component_ids": [API_COMPONENT]}, expect=200)
    return access_group


def exercise_access_users(rec: Recorder, access_group: dict) -> None:

    rec.call("get", PAGE + "/page_access_users", params={"page": 1, "per_page": 100}, expect=200)
    user = rec.call("post", PAGE + "/page_access_users",
                    json={"page_access_user": {"email": "c@example.com", "page_access_group_ids": [access_group["id"]]}},
                    expect=200)
    user_ids = {"page_access_user_id": user["id"]}
    rec.call("get", PAGE + "/page_access_users", params={"email": "c@example.com"}, expect=200)
    rec.call("get", USER, ids=user_ids, expect=200)
    rec.call("patch", USER, ids=user_ids, json={"page_access_user": {"external_login": "c"}}, expect=200)
    rec.call("put", USER, ids=user_ids, json={"page_access_user": {"page_access_group_ids": []}}, expect=200)
    for kind, first, second in (("components", API_COMPONENT, EU_COMPUTE), ("metrics", UPTIME, DEMO_METRIC_IDS["Error Rate"])):
        field = "component_ids" if kind == "components" else "metric_ids"
        rec.call("patch", f"{USER}/{kind}", ids=user_ids, json={field: [first]}, expect=200)
        rec.call("put", f"{USER}/{kind}", ids=user_ids, json={field: [second]}, expect=200)
        rec.call("get", f"{USER}/{kind}", ids=user_ids, expect=200)
        rec.call("post", f"{USER}/{kind}", ids=user_ids, json={field: [first, second]}, expect=201)
        one_path = f"{USER}/{kind}/" + ("{component_id}" if kind == "components" else "{metric_id}")
        one_id = {"component_id": first} if kind == "components" else {"metric_id": first}
        rec.call("delete", one_path, ids={**user_ids, **one_id}, expect=200)
        rec.call("delete", f"{USER}/{kind}", ids=user_ids, json={field: [second]}, expect=200)
    rec.call("delete", USER, ids=user_ids, expect=204)


def exercise_component_access(rec: Recorder, access_group: dict) -> None:
    """The component-centric endpoints, with a JSON body and with the form body the description
    declares (page_access_user_ids[]=...)."""
    user = rec.call("post", PAGE + "/page_access_users", json={"page_access_user": {"email": "e@example.com"}},
                    expect=200)
    one = {"component_id": EU_COMPUTE}
    rec.call("post", PAGE + "/components/{component_id}/page_access_users", ids=one,
             json={"page_access_user_ids": [user["id"]]}, expect=201)
    rec.call("post", PAGE + "/components/{component_id}/page_access_users", ids=one,
             data={"page_access_user_ids[]": [user["id"]]}, expect=201)
    rec.call("delete", PAGE + "/components/{component_id}/page_access_users", ids=one, expect=200)
    rec.call("post", PAGE + "/components/{component_id}/page_access_groups", ids=one,
             data={"page_access_group_ids[]": [access_group["id"]]}, expect=201)
    rec.call("post", PAGE + "/components/{component_id}/page_access_groups", ids=one,
             json={"page_access_group_ids": [access_group["id"]]}, expect=201)
    rec.call("delete", PAGE + "/components/{component_id}/page_access_groups", ids=one, expect=200)
    rec.call("post", PAGE + "/components/{component_id}/page_access_users", what="no ids", ids=one,
             json={}, expect=422)
    rec.call("post", PAGE + "/components/{component_id}/page_access_groups", what="unknown group", ids=one,
             json={"page_access_group_ids": ["nosuchgroup0"]}, expect=404)
    rec.call("delete", USER, ids={"page_access_user_id": user["id"]}, expect=204)


def exercise_client_errors(rec: Recorder) -> None:
    rec.call("patch", PAGE, what="missing wrapper", json={"name": "x"}, expect=400)
    rec.call("patch", PAGE, what="wrong type", json={"page": {"allow_rss_atom_feeds": "no"}}, expect=422)
    rec.call("post", PAGE + "/components", what="unknown enum", json={"component": {"name": "x", "status": "ok"}},
             expect=422)
    rec.call("post", PAGE + "/page_access_users", what="malformed email",
             json={"page_access_user": {"email": "nope"}}, expect=422)
    rec.call("post", PAGE + "/page_access_users", json={"page_access_user": {"email": "d@example.com"}}, expect=200)
    duplicate = rec.variants.duplicate_status
    rec.call("post", PAGE + "/page_access_users", what="duplicate", json={"page_access_user": {"email": "d@example.com"}},
             expect=duplicate)
    rec.call("post", PAGE + "/page_access_users", what="duplicate but for case",
             json={"page_access_user": {"email": "D@example.com"}},
             expect=duplicate if rec.variants.email_uniqueness_ignores_case else 200)
    rec.call("post", PAGE + "/page_access_groups", what="no name", json={"page_access_group": {}}, expect=422)
    user = rec.call("get", PAGE + "/page_access_users", params={"email": "d@example.com"}, expect=200)[0]
    rec.call("patch", USER + "/components", what="unknown component", ids={"page_access_user_id": user["id"]},
             json={"component_ids": ["nosuchcompon"]}, expect=404)
    rec.call("patch", USER + "/components", what="not a list", ids={"page_access_user_id": user["id"]},
             json={"component_ids": "x"}, expect=422)


DUMMY_IDS = {"page_access_user_id": "zzzzzzzzzzzz", "page_access_group_id": "zzzzzzzzzzzz",
             "component_id": "zzzzzzzzzzzz", "metric_id": "zzzzzzzzzzzz", "id": "zzzzzzzzzzzz",
             "incident_id": "zzzzzzzzzzzz", "incident_update_id": "zzzzzzzzzzzz"}


def exercise_auth_errors(rec: Recorder, anonymous: Recorder) -> None:
    for verb, path in routed_operations():
        verb = verb.lower()
        kwargs = {"json": {}} if verb in ("post", "put", "patch") else {}
        anonymous.call(verb, path, what="no key", ids=DUMMY_IDS, expect=401, **kwargs)
        if "{page_id}" in path:
            rec.call(verb, path, what="another's page", ids={**DUMMY_IDS, "page_id": OTHER_PAGE_ID}, expect=403, **kwargs)
            rec.call(verb, path, what="unknown page", ids={**DUMMY_IDS, "page_id": "nosuchpage00"}, expect=404, **kwargs)
        if path.count("{") > 1:
            rec.call(verb, path, what="unknown id", ids=DUMMY_IDS, expect=404, **kwargs)


def expected_error_keys(chosen: variants.Variants, observation: Observation) -> set:
    """The keys an error body of this run has: ErrorEntity's "message", or Rails' "error"."""
    rails_duplicate = observation.what.startswith("duplicate") and observation.status == 422
    return {"message"} if chosen.error_body == "message" and not rails_duplicate else {"error"}


def check(observation: Observation, description: dict, corrected: dict,
          chosen: variants.Variants | None = None) -> str | None:
    """Why this answer does not conform, or None."""
    chosen = chosen or variants.Variants()
    where = f"{observation.verb.upper()} {observation.path} ({observation.what}) -> {observation.status}"
    # The corrected description also declares the statuses description_bugs.py lists as undeclared
    responses = corrected["paths"][observation.path][observation.verb]["responses"]
    if str(observation.status) not in responses:
        return f"{where}: status not declared ({', '.join(sorted(responses))}) nor listed in description_bugs.py"
    response = responses[str(observation.status)]
    content = response.get("content", {}).get("application/json")
    if content is None:
        if observation.body is not None:
            return f"{where}: the description declares no body, got {observation.body!r}"
        return None
    schema = _resolve(content["schema"], corrected)
    errors = sorted(OAS30Validator(schema, format_checker=oas30_format_checker).iter_errors(observation.body),
                    key=str)
    if errors:
        first = errors[0]
        return f"{where}: {first.message} at {'/'.join(str(part) for part in first.absolute_path)}"
    if observation.status >= 400 and set(observation.body) != expected_error_keys(chosen, observation):
        return f"{where}: error body is not {expected_error_keys(chosen, observation)}: {observation.body!r}"
    return None


def test_every_routed_operation_is_in_the_description(description):
    missing = [f"{verb} {path}" for verb, path in routed_operations()
               if verb.lower() not in description["paths"].get(path, {})]
    assert not missing, f"routed but not in the description: {missing}"


# Variant selections whose answers stay within the (fixed) description: each is run through
# every operation like the default. The others (a group list echoed as a string, bare-string
# and text error bodies, refused access endpoints) leave it on purpose: test_variants.py.
CONFORMING_SELECTIONS = (
    "",
    "user-grants,duplicate-422,email-case-sensitive,public-page,group-id-singular,component-access-delete=listed",
    "error-list,email-filter-case-sensitive,max-ids-per-request=2",
    "error-string,duplicate-422",
)


@pytest.mark.parametrize("selection", CONFORMING_SELECTIONS, ids=lambda selection: selection or "default")
def test_every_answer_conforms(emulator, control, description, corrected, selection):
    assert control.variants(selection).status_code == 200
    chosen = variants.resolve(selection)
    rec = Recorder(ApiClient(emulator.api_url, "demo-key"), chosen)
    anonymous = Recorder(ApiClient(emulator.api_url, None), chosen)
    exercise_successes(rec)
    exercise_client_errors(rec)
    exercise_auth_errors(rec, anonymous)
    observations = rec.observations + anonymous.observations

    exercised = {(observation.verb, observation.path) for observation in observations if observation.what == "success"}
    not_exercised = [f"{verb} {path}" for verb, path in routed_operations() if (verb.lower(), path) not in exercised]
    assert not not_exercised, f"no successful call in this test for: {not_exercised}"

    problems = [problem for problem in (check(observation, description, corrected, chosen)
                                        for observation in observations) if problem]
    assert not problems, "\n".join(problems)


def test_the_fixes_are_still_needed(description):
    """Each listed fix must still differ from the description: a fixed description should
    make us drop the entry, not keep papering over nothing."""
    schemas = description["components"]["schemas"]
    for schema_name, properties in description_bugs.property_fixes().items():
        for property_name, fix in properties.items():
            assert schemas[schema_name]["properties"][property_name].get("type") != fix["type"], \
                f"{schema_name}.{property_name} is no longer wrong in the description"
    for (verb, path, status), fix in description_bugs.response_fixes().items():
        declared = description["paths"][path][verb]["responses"][status]["content"]["application/json"]["schema"]
        assert declared != fix, f"{verb} {path} {status} is no longer wrong in the description"
    for (verb, path), fix in description_bugs.request_fixes().items():
        declared = description["paths"][path][verb].get("requestBody", {}).get("content", {})
        assert set(declared) != set(fix["content"]), f"{verb} {path}: its request body is no longer missing"
    for path, item in description["paths"].items():
        for verb in item:
            undeclared = description_bugs.undeclared_statuses(verb, path)
            if verb in VERBS and undeclared and all(str(status) in item[verb]["responses"] for status in undeclared):
                pytest.fail(f"{verb} {path} declares every status description_bugs.py lists for it")


def test_the_fixed_description_is_what_prism_reads(description, tmp_path):
    """scripts/openapi_fixups.py writes the same fixed description the conformance test uses."""
    source = tmp_path / "source.json"
    source.write_text(json.dumps(description), encoding="utf-8")
    result = subprocess.run([sys.executable, str(REPO_ROOT / "scripts" / "openapi_fixups.py"), str(source),
                             str(tmp_path / "fixed.json")], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert json.loads((tmp_path / "fixed.json").read_text(encoding="utf-8")) == \
        json.loads(json.dumps(description_bugs.corrected_description(description)))
    assert f"the {len(description_bugs.DESCRIPTION_BUGS)} fixes" in result.stdout
