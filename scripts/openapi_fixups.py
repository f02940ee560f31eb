"""Write a copy of the Statuspage OpenAPI description fixed for the validating-proxy run.

Usage: openapi_fixups.py SOURCE.json DESTINATION.json

scripts/test.sh runs the integration targets a second time through Prism
(`prism proxy --errors`), so that a request the description forbids fails the run. Prism
validates the responses as well and has no switch that limits --errors to requests; but the
description is wrong about some responses that the real API sends (and the emulator, built
from the API notes, sends too), and those would fail correct modules. So the copy Prism reads
gets the fixes below, each with the reason. All but one are about RESPONSES; the one request
fix gives the page access user update the body that the API documents by example but the
description forgot. Every other request schema, path, verb, parameter and the security
requirement are left exactly as described: catching requests the description forbids is the
point of that run. Only the copy under .build/ is changed; the
description itself is not ours to edit and is never committed here.

Checked and left alone: ErrorEntity declares only "message" while other clients also see
"error"; it does not forbid other keys, so such bodies pass as they are.
"""

import copy
import json
import sys

# The API's throttling and error statuses the description does not list for most operations:
# 420 and 429 (throttled; see docs/statuspage-api-notes.md, "Rate limit") and the 5xx a
# server may answer. The emulator sends them when a target injects faults to test retries.
UNDESCRIBED_ERROR_STATUSES = ("420", "429", "500", "502", "503", "504")


def fix_page_access_user_update_body(spec):
    """PATCH and PUT /pages/{page_id}/page_access_users/{page_access_user_id} declare no
    request body, so Prism rejects any body (415); yet an update needs one, and the API's
    documented example sends the same wrapped fields as the create (docs/statuspage-api-notes.md,
    "Page access users"). Declare the create's body schema for them, optional as in the example."""
    operations = spec["paths"]["/pages/{page_id}/page_access_users/{page_access_user_id}"]
    for method in ("patch", "put"):
        operations[method].setdefault("requestBody", {
            "required": False,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/postPagesPageIdPageAccessUsers"}}},
        })


def fix_page_access_group_ids(spec):
    """PageAccessUser.page_access_group_ids is declared a string, with the example [];
    the API returns a list of group ids, as the request schemas for the same field say."""
    prop = spec["components"]["schemas"]["PageAccessUser"]["properties"]["page_access_group_ids"]
    prop.clear()
    prop.update({"type": "array", "items": {"type": "string"}})


def fix_metrics_list(spec):
    """GET /pages/{page_id}/metrics is declared to return one Metric, yet it is a list
    endpoint (it takes page and per_page) and returns an array, like every other list."""
    response = spec["paths"]["/pages/{page_id}/metrics"]["get"]["responses"]["200"]
    schema = response["content"]["application/json"]["schema"]
    response["content"]["application/json"]["schema"] = {"type": "array", "items": schema}


def fix_nullable_response_fields(spec):
    """No response field is declared nullable, yet the API answers null for every field
    that is not set (a page without a domain, a component outside any group, ...): mark the
    properties of the schemas that only responses use as nullable. Schemas that request
    bodies use too are left alone, so request validation is not loosened."""
    schemas = spec["components"]["schemas"]
    request_schemas = _schema_closure(schemas, _refs([op.get("requestBody", {}) for op in _operations(spec)]))
    response_schemas = _schema_closure(schemas, _refs([op.get("responses", {}) for op in _operations(spec)]))
    for name in sorted(response_schemas - request_schemas):
        _make_properties_nullable(schemas[name])
    # Inline response schemas (arrays of a $ref, objects written in place) hold their
    # properties in place rather than in components.
    for operation in _operations(spec):
        for response in operation.get("responses", {}).values():
            for media in response.get("content", {}).values():
                if "schema" in media and "$ref" not in media["schema"]:
                    _make_properties_nullable(media["schema"])


def fix_undescribed_error_statuses(spec):
    """Add the error statuses the API sends but the description omits (see
    UNDESCRIBED_ERROR_STATUSES) to every operation, with the description's own error body,
    so that a throttled or failed upstream answer reaches the module instead of Prism's
    "unknown status" error: the modules' retry logic is what those answers test."""
    error_body = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorEntity"}}}
    for operation in _operations(spec):
        responses = operation.setdefault("responses", {})
        for status in UNDESCRIBED_ERROR_STATUSES:
            responses.setdefault(status, {"description": "Error the description omits", "content": copy.deepcopy(error_body)})


FIXES = (
    fix_page_access_user_update_body,
    fix_page_access_group_ids,
    fix_metrics_list,
    fix_nullable_response_fields,
    fix_undescribed_error_statuses,
)


def _operations(spec):
    for item in spec["paths"].values():
        for method, operation in item.items():
            if method in ("get", "put", "post", "patch", "delete") and isinstance(operation, dict):
                yield operation


def _refs(node, found=None):
    """Names of the component schemas that node refers to directly."""
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


def _schema_closure(schemas, names):
    """The named schemas and every schema they refer to, transitively."""
    seen = set()
    pending = list(names)
    while pending:
        name = pending.pop()
        if name not in seen:
            seen.add(name)
            pending.extend(_refs(schemas[name]))
    return seen


def _make_properties_nullable(schema):
    for prop in schema.get("properties", {}).values():
        if "$ref" not in prop:
            prop["nullable"] = True
            _make_properties_nullable(prop)
        if "items" in prop and "$ref" not in prop["items"]:
            _make_properties_nullable(prop["items"])
    if "items" in schema and "$ref" not in schema["items"]:
        _make_properties_nullable(schema["items"])


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__.strip().splitlines()[2])
    with open(argv[1], encoding="utf-8") as handle:
        spec = json.load(handle)
    for fix in FIXES:
        fix(spec)
    with open(argv[2], "w", encoding="utf-8") as handle:
        json.dump(spec, handle, indent=1)
    print("openapi_fixups: wrote %s with %d fixes: %s" % (argv[2], len(FIXES), ", ".join(fix.__name__ for fix in FIXES)))


if __name__ == "__main__":
    main(sys.argv)
