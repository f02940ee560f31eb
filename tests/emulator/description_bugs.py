"""Where the OpenAPI description of the Statuspage API is wrong or silent, and what we do.

This is the ONE list of them, read by both of its users:
- the emulator's conformance test (tests/emulator/tests/test_openapi_conformance.py), which
  validates the emulator's answers against ``corrected_description()``, so a difference between
  emulator and description is either listed and explained here or a failure;
- scripts/openapi_fixups.py, which writes ``corrected_description()`` for the validating-proxy
  run of the integration targets (scripts/test.sh, integration-prism), so a module that sends
  what the real API takes but the description forgot is not refused.
The emulator guide, docs/docsite/rst/guide_emulator.rst, repeats the list for readers ("Known bugs
in the OpenAPI description").

Every fix loosens what the description says about RESPONSES, except ``request_fixes``: each
declares a request body the API takes (by its documentation's own examples) but the
description forgot. Nothing else about requests (paths, verbs, parameters, bodies, security)
is changed: catching requests the description forbids is the point of the proxy run.

Paths and verbs are written as in the description (``"get"``, ``"/pages/{page_id}/metrics"``).
This file imports nothing outside the standard library, so the script can load it on its own.
"""

from __future__ import annotations

import copy
from typing import NamedTuple

PAGE_SCOPED_AUTH_STATUSES = frozenset({401, 403, 404})
ERROR_ENTITY = {"$ref": "#/components/schemas/ErrorEntity"}
VERBS = ("get", "put", "post", "patch", "delete")
USER = "/pages/{page_id}/page_access_users/{page_access_user_id}"
GROUP = "/pages/{page_id}/page_access_groups/{page_access_group_id}"
COMPONENT = "/pages/{page_id}/components/{component_id}"


def _ids_body(field: str, what: str) -> dict:
    """A body with one required id list, as JSON or as a form (``field[]=id``)."""
    schema = {"type": "object", "required": [field],
              "properties": {field: {"type": "array", "items": {"type": "string"}, "description": what}}}
    return {"required": True, "content": {"application/json": {"schema": schema},
                                          "application/x-www-form-urlencoded": {"schema": copy.deepcopy(schema)}}}


class DescriptionBug(NamedTuple):
    title: str
    description_says: str
    emulator_does: str
    # schema name -> property -> the schema the real API actually follows
    property_fixes: dict = {}
    # (verb, path, status) -> the response schema the real API actually follows
    response_fixes: dict = {}
    # (verb, path) -> the requestBody the API takes although the description declares none (or less)
    request_fixes: dict = {}
    # (verb, path) -> statuses the API answers that the operation does not declare (each gets the
    # ErrorEntity body); ("*", "*") means every operation
    undeclared_statuses: dict = {}
    # every property of every schema that only responses use may be null
    nullable_responses: bool = False


DESCRIPTION_BUGS: tuple[DescriptionBug, ...] = (
    DescriptionBug(
        title="No property is declared nullable",
        description_says="every property has a plain type (string, boolean, ...) without nullable: true",
        emulator_does="returns every field of an object, with null where it is unset (a page's domain, a "
                      "component's group_id, a user's page_access_group_id), as the real API does; the "
                      "fixed description lets every property of a schema only responses use be null (the "
                      "request schemas stay as they are)",
        nullable_responses=True,
    ),
    DescriptionBug(
        title="PageAccessUser.page_access_group_ids is declared a string",
        description_says="type: string, with example [] (an array)",
        emulator_does="returns a list of group ids, as the example and the API notes say",
        property_fixes={"PageAccessUser": {"page_access_group_ids": {"type": "array", "items": {"type": "string"}}}},
    ),
    DescriptionBug(
        title="GroupComponent.components is declared a string",
        description_says="type: string, with example [\"abc123\", \"abc124\"] (an array)",
        emulator_does="returns a list of component ids",
        property_fixes={"GroupComponent": {"components": {"type": "array", "items": {"type": "string"}}}},
    ),
    DescriptionBug(
        title="GroupComponent.position is declared a string",
        description_says="type: string, while Component.position is an integer",
        emulator_does="returns an integer, as for every component",
        property_fixes={"GroupComponent": {"position": {"type": "integer"}}},
    ),
    DescriptionBug(
        title="GET /pages/{page_id}/metrics is declared to return one Metric",
        description_says="200 with schema Metric (an object), although it lists metrics and takes page/per_page",
        emulator_does="returns a list of metrics, like every other list endpoint",
        response_fixes={("get", "/pages/{page_id}/metrics", "200"): {
            "type": "array", "items": {"$ref": "#/components/schemas/Metric"}}},
    ),
    DescriptionBug(
        title="GET /pages/{page_id}/components allows per_page up to 1100",
        description_says="per_page: minimum 1, maximum 1100",
        emulator_does="clamps per_page to 100 like every list endpoint, as the API notes say; clients must "
                      "not assume a page of more than 100",
    ),
    DescriptionBug(
        title="PATCH/PUT /pages/{page_id}/page_access_users/{page_access_user_id} declare no request body",
        description_says="no requestBody at all",
        emulator_does="accepts the same {\"page_access_user\": {...}} body as POST (email, external_login, "
                      "page_access_group_ids, subscribe_to_components), as the documented example sends; the "
                      "fixed description declares the create's body schema for them, optional",
        request_fixes={(verb, USER): {"required": False, "content": {"application/json": {
            "schema": {"$ref": "#/components/schemas/postPagesPageIdPageAccessUsers"}}}}
            for verb in ("patch", "put")},
    ),
    DescriptionBug(
        title="The component-centric POSTs declare a form body only, or none",
        description_says="POST .../components/{component_id}/page_access_users declares only a form body "
                         "(page_access_user_ids, required); POST .../components/{component_id}/page_access_groups "
                         "declares no body at all, though its curl sample sends page_access_group_ids[]=your-id",
        emulator_does="takes page_access_user_ids / page_access_group_ids as JSON or as a form, as every body of "
                      "the API may be (\"Information can be sent in the body as form urlencoded or JSON\", the "
                      "description's own introduction); the fixed description declares both",
        request_fixes={
            ("post", COMPONENT + "/page_access_users"): _ids_body(
                "page_access_user_ids", "List of page access users to add to component"),
            ("post", COMPONENT + "/page_access_groups"): _ids_body(
                "page_access_group_ids", "List of page access groups to add to component"),
        },
    ),
    DescriptionBug(
        title="Component group bodies put description beside the wrapper",
        description_says="{\"description\": ..., \"component_group\": {\"name\", \"components\"}}",
        emulator_does="accepts description inside component_group or beside it",
    ),
    DescriptionBug(
        title="PATCH/PUT component groups require name and components",
        description_says="component_group requires both components and name on PATCH and PUT too",
        emulator_does="requires them on POST only; PATCH and PUT change what they are given",
    ),
    DescriptionBug(
        title="Authentication and page errors are not declared on many operations",
        description_says="component, component group and metric operations declare no 403 (most no 404 for the "
                         "page); DELETE .../page_access_users/{id}/metrics/{metric_id} declares only 200",
        emulator_does="answers 401 for a missing or unknown key, 403 for a page the key may not use and 404 for a "
                      "page or id that does not exist, on every operation, with the ErrorEntity body",
        undeclared_statuses={("*", "*"): PAGE_SCOPED_AUTH_STATUSES},
    ),
    DescriptionBug(
        title="Validation errors are not declared on several writes",
        description_says="no 400 or 422 on PATCH/PUT of page access users and groups and on the membership "
                         "operations (.../components, .../metrics, DELETE included)",
        emulator_does="answers 422 naming the field for a body of the wrong shape (a missing wrapper, a "
                      "component_ids that is not a list, a malformed e-mail), with the ErrorEntity body; unknown "
                      "component or metric ids in a membership body answer 404, which is declared",
        undeclared_statuses={
            ("patch", USER): frozenset({409, 422}),
            ("put", USER): frozenset({409, 422}),
            ("patch", GROUP): frozenset({422}),
            ("put", GROUP): frozenset({422}),
            **{(verb, path): frozenset({422})
               for verb in ("patch", "put", "post", "delete")
               for path in (USER + "/components", USER + "/metrics", GROUP + "/components")},
        },
    ),
    DescriptionBug(
        title="Incident and incident update writes declare only 200",
        description_says="PATCH/PUT /pages/{page_id}/incidents/{incident_id} and PATCH/PUT .../incident_updates/"
                         "{incident_update_id} declare no 400 or 422, although POST .../incidents declares 422 for "
                         "the same body",
        emulator_does="answers 422 naming the field for a missing wrapper, a wrong type, a status of the other kind "
                      "(in_progress on a realtime incident), an unknown component or scheduled_until before "
                      "scheduled_for, with the ErrorEntity body",
        undeclared_statuses={(verb, path): frozenset({422})
                             for verb in ("patch", "put")
                             for path in ("/pages/{page_id}/incidents/{incident_id}",
                                          "/pages/{page_id}/incidents/{incident_id}/incident_updates/"
                                          "{incident_update_id}")},
    ),
    DescriptionBug(
        title="Malformed requests are not described",
        description_says="no operation declares what a body that is not JSON, a content type that is neither JSON "
                         "nor a form, or a page/per_page that is not a positive integer gets",
        emulator_does="answers 400 (415 for the content type) with the ErrorEntity body, as a Rails application "
                      "does",
        undeclared_statuses={("*", "*"): frozenset({400, 415})},
    ),
    DescriptionBug(
        title="Rate limiting is not described",
        description_says="no 420 or 429 on any operation, no Retry-After (only the introduction's prose: \"Error "
                         "codes 420 or 429 indicate that you have exceeded the rate limit\")",
        emulator_does="when a throttle is configured, answers 420 or 429 with Retry-After and "
                      "{\"message\": \"Rate limit exceeded\"}, as the API notes say",
        undeclared_statuses={("*", "*"): frozenset({420, 429})},
    ),
    DescriptionBug(
        title="Server errors are not described",
        description_says="no 5xx on any operation",
        emulator_does="answers 500 with the ErrorEntity body when the emulator itself fails, and any status a "
                      "test scripts as a fault (PUT /__emulator__/faults); 500, 502, 503 and 504 are the ones a "
                      "real service in front of a Rails application answers",
        undeclared_statuses={("*", "*"): frozenset({500, 502, 503, 504})},
    ),
)


def property_fixes() -> dict:
    merged: dict = {}
    for bug in DESCRIPTION_BUGS:
        for schema, properties in bug.property_fixes.items():
            merged.setdefault(schema, {}).update(properties)
    return merged


def response_fixes() -> dict:
    merged: dict = {}
    for bug in DESCRIPTION_BUGS:
        merged.update(bug.response_fixes)
    return merged


def undeclared_statuses(verb: str, path: str) -> frozenset:
    """Statuses the emulator may answer on this operation although the description does not declare them."""
    allowed: set = set()
    for bug in DESCRIPTION_BUGS:
        for (bug_verb, bug_path), statuses in bug.undeclared_statuses.items():
            if bug_verb in ("*", verb.lower()) and bug_path in ("*", path):
                allowed |= statuses
    return frozenset(allowed)


def request_fixes() -> dict:
    merged: dict = {}
    for bug in DESCRIPTION_BUGS:
        merged.update(bug.request_fixes)
    return merged


def nullable_responses() -> bool:
    return any(bug.nullable_responses for bug in DESCRIPTION_BUGS)


# ---------------------------------------------------------------------- the fixed description


def corrected_description(description: dict) -> dict:
    """A copy of the description with every fix above applied (the input is left alone)."""
    fixed = copy.deepcopy(description)
    schemas = fixed["components"]["schemas"]
    for schema_name, properties in property_fixes().items():
        schemas[schema_name]["properties"].update(copy.deepcopy(properties))
    for (verb, path, status), schema in response_fixes().items():
        fixed["paths"][path][verb]["responses"][status]["content"]["application/json"]["schema"] = copy.deepcopy(schema)
    for (verb, path), body in request_fixes().items():
        fixed["paths"][path][verb]["requestBody"] = copy.deepcopy(body)
    if nullable_responses():
        _make_response_fields_nullable(fixed)
    for path, item in fixed["paths"].items():
        for verb, operation in _operations_of(item):
            responses = operation.setdefault("responses", {})
            for status in sorted(undeclared_statuses(verb, path)):
                responses.setdefault(str(status), {
                    "description": "Not declared by the description: see tests/emulator/description_bugs.py",
                    "content": {"application/json": {"schema": dict(ERROR_ENTITY)}}})
    return fixed


def _operations_of(item: dict):
    for verb, operation in item.items():
        if verb in VERBS and isinstance(operation, dict):
            yield verb, operation


def _make_response_fields_nullable(spec: dict) -> None:
    """Let every property of the schemas only responses use be null, and of inline response
    schemas; schemas that a request body uses too are left alone, so requests are not loosened."""
    schemas = spec["components"]["schemas"]
    operations = [operation for item in spec["paths"].values() for _verb, operation in _operations_of(item)]
    request_schemas = _schema_closure(schemas, _refs([operation.get("requestBody", {}) for operation in operations]))
    response_schemas = _schema_closure(schemas, _refs([operation.get("responses", {}) for operation in operations]))
    for name in sorted(response_schemas - request_schemas):
        _make_properties_nullable(schemas[name])
    for operation in operations:
        for response in operation.get("responses", {}).values():
            for media in response.get("content", {}).values():
                if "schema" in media and "$ref" not in media["schema"]:
                    _make_properties_nullable(media["schema"])


def _refs(node, found: set | None = None) -> set:
    """Names of the component schemas that ``node`` refers to directly."""
    found = set() if found is None else found
    if isinstance(node, dict):
        ref = node.get("$ref", "")
        if ref.startswith("#/components/schemas/"):
            found.add(ref.rsplit("/", 1)[1])
        for value in node.values():
            _refs(value, found)
    elif isinstance(node, list):
        for value in node:
            _refs(value, found)
    return found


def _schema_closure(schemas: dict, names: set) -> set:
    """The named schemas and every schema they refer to, transitively."""
    seen: set = set()
    pending = list(names)
    while pending:
        name = pending.pop()
        if name not in seen:
            seen.add(name)
            pending.extend(_refs(schemas[name]))
    return seen


def _make_properties_nullable(schema: dict) -> None:
    for prop in schema.get("properties", {}).values():
        if "$ref" not in prop:
            prop["nullable"] = True
            # OpenAPI 3.0.3: a nullable enum must list null too (Incident.impact_override)
            if "enum" in prop and None not in prop["enum"]:
                prop["enum"] = [*prop["enum"], None]
            _make_properties_nullable(prop)
        if "items" in prop and "$ref" not in prop["items"]:
            _make_properties_nullable(prop["items"])
    if "items" in schema and "$ref" not in schema["items"]:
        _make_properties_nullable(schema["items"])
