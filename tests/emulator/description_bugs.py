"""Where the OpenAPI description of the Statuspage API is wrong or silent, and what we do.

This is the one list of them. docs/emulator.md repeats it for readers, and the OpenAPI
conformance test (tests/emulator/tests/test_openapi_conformance.py) applies the machine-readable
part of each entry before it validates the emulator's answers against the description, so a
difference between emulator and description is either listed and explained here or a failure.

Paths and verbs are written as in the description (``"get"``, ``"/pages/{page_id}/metrics"``).
"""

from __future__ import annotations

from typing import NamedTuple

PAGE_SCOPED_AUTH_STATUSES = frozenset({401, 403, 404})


class DescriptionBug(NamedTuple):
    title: str
    description_says: str
    emulator_does: str
    # schema name -> property -> the schema the real API actually follows
    property_fixes: dict = {}
    # (verb, path, status) -> the response schema the real API actually follows
    response_fixes: dict = {}
    # (verb, path) -> statuses the API answers that the operation does not declare;
    # ("*", "*") means every operation
    undeclared_statuses: dict = {}
    # every property of every response schema may be null
    all_nullable: bool = False


DESCRIPTION_BUGS: tuple[DescriptionBug, ...] = (
    DescriptionBug(
        title="No property is declared nullable",
        description_says="every property has a plain type (string, boolean, ...) without nullable: true",
        emulator_does="returns every field of an object, with null where it is unset (a page's domain, a "
                      "component's group_id, a user's page_access_group_id), as the real API does; the "
                      "conformance test lets every property be null",
        all_nullable=True,
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
                      "page_access_group_ids, subscribe_to_components), as the documented example sends",
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
                         "operations (.../components, .../metrics)",
        emulator_does="answers 422 naming the field for a body of the wrong shape (a missing wrapper, a "
                      "component_ids that is not a list, a malformed e-mail), with the ErrorEntity body; unknown "
                      "component or metric ids in a membership body answer 404, which is declared",
        undeclared_statuses={
            ("patch", "/pages/{page_id}/page_access_users/{page_access_user_id}"): frozenset({409, 422}),
            ("put", "/pages/{page_id}/page_access_users/{page_access_user_id}"): frozenset({409, 422}),
            ("patch", "/pages/{page_id}/page_access_groups/{page_access_group_id}"): frozenset({422}),
            ("put", "/pages/{page_id}/page_access_groups/{page_access_group_id}"): frozenset({422}),
            **{(verb, path): frozenset({422})
               for verb in ("patch", "put", "post")
               for path in ("/pages/{page_id}/page_access_users/{page_access_user_id}/components",
                            "/pages/{page_id}/page_access_users/{page_access_user_id}/metrics",
                            "/pages/{page_id}/page_access_groups/{page_access_group_id}/components")},
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
        description_says="no 420 or 429 on any operation, no Retry-After",
        emulator_does="when a throttle is configured, answers 420 or 429 with Retry-After and "
                      "{\"message\": \"Rate limit exceeded\"}, as the API notes say",
        undeclared_statuses={("*", "*"): frozenset({420, 429})},
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


def all_properties_nullable() -> bool:
    return any(bug.all_nullable for bug in DESCRIPTION_BUGS)
