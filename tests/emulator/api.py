"""The Statuspage REST API v1 routes the emulator serves, under /v1, and their handlers.

``ROUTES`` lists every path and verb with the description's own path template, so a test can
check each against the OpenAPI description. Handlers return ``(status, body)``; errors are
raised as ApiError and become the error body the run's variants select (``{"message": ...}``
by default). The component-centric access routes live in component_access.py.
"""

from __future__ import annotations

from werkzeug.exceptions import MethodNotAllowed, NotFound
from werkzeug.routing import Map, Rule
from werkzeug.wrappers import Request

from . import clock, component_access, fields, incidents, schedule, views
from .errors import ApiError
from .store import PageData, Store, touch

API_PREFIX = "/v1"
DEFAULT_PER_PAGE = 100
MAX_PER_PAGE = 100


class Call:
    """One API request as a handler sees it: the store, the page, and the parameters."""

    def __init__(self, store: Store, request: Request, key: str | None, params: dict, from_form: bool):
        self.store = store
        self.request = request
        self.key = key
        self.params = params
        self.from_form = from_form
        self.page: PageData | None = None

    def wrapped(self, name: str, missing_status: int) -> dict:
        """The ``{"<name>": {...}}`` wrapper of the body. Rails answers a missing one with 400;
        where the description declares no 400 for the operation, 422."""
        inner = self.params.get(name)
        if inner is None:
            raise ApiError(missing_status, f"{name} is missing: wrap the fields as {{\"{name}\": {{...}}}}")
        if not isinstance(inner, dict):
            raise ApiError(missing_status, f"{name} must be an object")
        return inner

    def id_list(self, name: str, required: bool) -> list[str] | None:
        """A top-level membership list (``component_ids``/``metric_ids``); None if absent."""
        value = self.params.get(name)
        if value is None:
            if required:
                raise ApiError(422, f"{name} is required")
            return None
        ids = fields.clean_value(fields.Field("id_list"), value, name, self.from_form)
        limit = self.store.variants.max_ids_per_request
        if limit is not None and len(ids) > limit:
            # No public source documents a limit: the max-ids-per-request variant models one
            raise ApiError(422, f"{name}: at most {limit} ids per request, got {len(ids)}")
        return ids

    def user_view(self, record: dict) -> dict:
        """A page access user object as this run's variants show it."""
        return views.page_access_user_view(record, self.store.variants)

    def paginate(self, items: list) -> list:
        """One page of ``items`` by ``page`` (from 1) and ``per_page`` (default and max 100)."""
        page_number = self._positive_query_int("page", 1)
        per_page = min(self._positive_query_int("per_page", DEFAULT_PER_PAGE), MAX_PER_PAGE)
        start = (page_number - 1) * per_page
        return items[start:start + per_page]

    def _positive_query_int(self, name: str, default: int) -> int:
        text = self.request.args.get(name)
        if text is None or text == "":
            return default
        try:
            value = int(text)
        except ValueError:
            raise ApiError(400, f"{name} must be a positive integer, not {text!r}") from None
        if value < 1:
            raise ApiError(400, f"{name} must be a positive integer, not {text!r}")
        return value


# ---------------------------------------------------------------------- pages


def list_pages(call: Call):
    allowed = call.store.allowed_page_ids(call.key)
    return 200, [views.page_view(call.store.pages[page_id].record) for page_id in allowed
                 if page_id in call.store.pages]


def get_page(call: Call, page_id: str):
    return 200, views.page_view(call.page.record)


def update_page(call: Call, page_id: str):
    changes = fields.clean_fields(call.wrapped("page", 400), fields.PAGE_WRITABLE, "page", call.from_form)
    if changes.get("name") == "":
        raise ApiError(422, "page.name must not be empty")
    call.store.update_page(call.page, changes)
    return 200, views.page_view(call.page.record)


def get_status_embed_config(call: Call, page_id: str):
    return 200, views.status_embed_config_view(call.page.status_embed_config)


def update_status_embed_config(call: Call, page_id: str):
    body = call.wrapped("status_embed_config", 400)
    changes = fields.clean_fields(body, fields.STATUS_EMBED_CONFIG_WRITABLE, "status_embed_config", call.from_form)
    call.store.update_status_embed_config(call.page, changes)
    return 200, views.status_embed_config_view(call.page.status_embed_config)


# ---------------------------------------------------------------------- components


def list_components(call: Call, page_id: str):
    ordered = call.store.display_order(call.page)
    return 200, [views.component_view(record) for record in call.paginate(ordered)]


def _asked_position(call: Call, body: dict, where: str) -> int | None:
    """The position a body asks for, where the API honours it (variant component-position=writable).

    By default it is read-only, as no request schema of the description has it: dropped."""
    if call.store.variants.component_position != "writable" or body.get("position") is None:
        return None
    value = fields.clean_value(fields.Field("integer"), body["position"], f"{where}.position", call.from_form)
    if value < 1:
        raise ApiError(422, f"{where}.position must be 1 or more, not {value}")
    return value


def create_component(call: Call, page_id: str):
    body = call.wrapped("component", 422)
    changes = fields.clean_fields(body, fields.COMPONENT_WRITABLE, "component", call.from_form)
    fields.require_present(changes, ("name",), "component")
    position = _asked_position(call, body, "component")
    record = call.store.add_component(call.page, changes)
    if position is not None:
        call.store.move_to_position(call.page, record, position)
    return 201, views.component_view(record)


def get_component(call: Call, page_id: str, component_id: str):
    return 200, views.component_view(call.store.component(call.page, component_id))


def update_component(call: Call, page_id: str, component_id: str):
    record = call.store.component(call.page, component_id)
    body = call.wrapped("component", 422)
    changes = fields.clean_fields(body, fields.COMPONENT_WRITABLE, "component", call.from_form)
    if changes.get("name") == "":
        raise ApiError(422, "component.name must not be empty")
    position = _asked_position(call, body, "component")
    call.store.update_component(call.page, record, changes)
    if position is not None and call.store.move_to_position(call.page, record, position):
        touch(record)
    return 200, views.component_view(record)


def delete_component(call: Call, page_id: str, component_id: str):
    call.store.delete_component(call.page, call.store.component(call.page, component_id))
    return 204, None


# ---------------------------------------------------------------------- component groups


def _component_group_changes(call: Call, missing_status: int) -> dict:
    body = call.wrapped("component_group", missing_status)
    changes = fields.clean_fields(body, fields.COMPONENT_GROUP_WRITABLE, "component_group", call.from_form)
    # The description puts description beside the wrapper, not in it: take it from either place
    if "description" not in changes and "description" in call.params:
        changes["description"] = fields.clean_value(fields.Field("string"), call.params["description"],
                                                    "description", call.from_form)
    if changes.get("name") == "":
        raise ApiError(422, "component_group.name must not be empty")
    return changes


def list_component_groups(call: Call, page_id: str):
    groups = [record for record in call.store.siblings(call.page, None) if record["group"]]
    return 200, [views.component_group_view(record) for record in call.paginate(groups)]


def create_component_group(call: Call, page_id: str):
    changes = _component_group_changes(call, 400)
    fields.require_present(changes, ("name",), "component_group")
    if not changes.get("components"):
        raise ApiError(422, "component_group.components is required: a group needs at least one component")
    position = _asked_position(call, call.params["component_group"], "component_group")
    record = call.store.add_component_group(call.page, changes["name"], changes["components"],
                                            changes.get("description"))
    if position is not None:
        call.store.move_to_position(call.page, record, position)
    return 201, views.component_group_view(record)


def get_component_group(call: Call, page_id: str, component_group_id: str):
    return 200, views.component_group_view(call.store.component_group(call.page, component_group_id))


def update_component_group(call: Call, page_id: str, component_group_id: str):
    record = call.store.component_group(call.page, component_group_id)
    changes = _component_group_changes(call, 422)
    if "components" in changes and not changes["components"]:
        raise ApiError(422, "component_group.components must name at least one component")
    position = _asked_position(call, call.params["component_group"], "component_group")
    writable = call.store.variants.component_position == "writable"
    call.store.update_component_group(call.page, record, changes, keep_order=not writable)
    if position is not None and call.store.move_to_position(call.page, record, position):
        touch(record)
    return 200, views.component_group_view(record)


def delete_component_group(call: Call, page_id: str, component_group_id: str):
    record = call.store.component_group(call.page, component_group_id)
    answer = views.component_group_view(record)
    if call.store.variants.group_delete == "delete-members":
        for member in call.store.siblings(call.page, record["id"]):
            call.store.delete_component(call.page, member)
    call.store.delete_component(call.page, record)
    return 200, answer


# ---------------------------------------------------------------------- metrics


def list_metrics(call: Call, page_id: str):
    return 200, [views.metric_view(record) for record in call.paginate(list(call.page.metrics.values()))]


def get_metric(call: Call, page_id: str, metric_id: str):
    return 200, views.metric_view(call.store.metric(call.page, metric_id))


# ---------------------------------------------------------------------- page access groups


def list_access_groups(call: Call, page_id: str):
    groups = list(call.page.access_groups.values())
    return 200, [views.page_access_group_view(record) for record in call.paginate(groups)]


def create_access_group(call: Call, page_id: str):
    changes = fields.clean_fields(call.wrapped("page_access_group", 400), fields.PAGE_ACCESS_GROUP_WRITABLE,
                                  "page_access_group", call.from_form)
    fields.require_present(changes, ("name",), "page_access_group")
    record = call.store.add_access_group(call.page, changes)
    return 201, views.page_access_group_view(record)


def get_access_group(call: Call, page_id: str, page_access_group_id: str):
    return 200, views.page_access_group_view(call.store.access_group(call.page, page_access_group_id))


def update_access_group(call: Call, page_id: str, page_access_group_id: str):
    record = call.store.access_group(call.page, page_access_group_id)
    changes = fields.clean_fields(call.wrapped("page_access_group", 422), fields.PAGE_ACCESS_GROUP_WRITABLE,
                                  "page_access_group", call.from_form)
    if changes.get("name") == "":
        raise ApiError(422, "page_access_group.name must not be empty")
    call.store.update_access_group(call.page, record, changes)
    return 200, views.page_access_group_view(record)


def delete_access_group(call: Call, page_id: str, page_access_group_id: str):
    record = call.store.access_group(call.page, page_access_group_id)
    answer = views.page_access_group_view(record)
    call.store.delete_access_group(call.page, record)
    return 200, answer


def _component_objects(call: Call, ids: list[str]) -> list[dict]:
    return [views.component_view(call.page.components[ident]) for ident in ids]


def list_access_group_components(call: Call, page_id: str, page_access_group_id: str):
    record = call.store.access_group(call.page, page_access_group_id)
    return 200, call.paginate(_component_objects(call, record["component_ids"]))


def _change_members(call: Call, record: dict, kind: str, mode: str, ids: list[str] | None) -> None:
    """One membership verb on a user's or group's components or metrics.

    Unknown ids answer 404, the only client error these operations declare.
    """
    field = f"{kind}_ids"
    if mode in ("remove", "clear") and not ids:
        # The real API: a DELETE without ids (or with an empty list) removes them ALL
        mode, ids = "clear", []
    check = call.store.check_component_ids if kind == "component" else call.store.check_metric_ids
    check(call.page, ids, field, 404)
    call.store.change_ids(record, field, ids, mode)


MEMBERSHIP_VERBS = {"PATCH": ("add", 200), "PUT": ("add", 200), "POST": ("replace", 201), "DELETE": ("remove", 200)}


def change_access_group_components(call: Call, page_id: str, page_access_group_id: str):
    record = call.store.access_group(call.page, page_access_group_id)
    mode, status = MEMBERSHIP_VERBS[call.request.method]
    ids = call.id_list("component_ids", required=mode != "remove")
    _change_members(call, record, "component", mode, ids)
    return status, views.page_access_group_view(record)


def remove_access_group_component(call: Call, page_id: str, page_access_group_id: str, component_id: str):
    record = call.store.access_group(call.page, page_access_group_id)
    call.store.component(call.page, component_id)
    call.store.change_ids(record, "component_ids", [component_id], "remove")
    return 200, views.page_access_group_view(record)


# ---------------------------------------------------------------------- page access users


def list_access_users(call: Call, page_id: str):
    email = call.request.args.get("email")
    if email is not None:
        users = call.store.find_access_users_by_email(call.page, email)
    else:
        users = list(call.page.access_users.values())
    return 200, [call.user_view(record) for record in call.paginate(users)]


def _access_user_changes(call: Call, missing_status: int) -> dict:
    changes = fields.clean_fields(call.wrapped("page_access_user", missing_status), fields.PAGE_ACCESS_USER_WRITABLE,
                                  "page_access_user", call.from_form)
    if "email" in changes:
        fields.check_email(changes["email"], "page_access_user.email")
    return changes


def create_access_user(call: Call, page_id: str):
    changes = _access_user_changes(call, 400)
    fields.require_present(changes, ("email",), "page_access_user")
    record = call.store.add_access_user(call.page, changes)
    # 200, not 201: the real API answers a create so (see the API notes)
    return 200, call.user_view(record)


def get_access_user(call: Call, page_id: str, page_access_user_id: str):
    return 200, call.user_view(call.store.access_user(call.page, page_access_user_id))


def update_access_user(call: Call, page_id: str, page_access_user_id: str):
    record = call.store.access_user(call.page, page_access_user_id)
    call.store.update_access_user(call.page, record, _access_user_changes(call, 422))
    return 200, call.user_view(record)


def delete_access_user(call: Call, page_id: str, page_access_user_id: str):
    call.store.delete_access_user(call.page, call.store.access_user(call.page, page_access_user_id))
    return 204, None


def list_access_user_components(call: Call, page_id: str, page_access_user_id: str):
    record = call.store.access_user(call.page, page_access_user_id)
    return 200, call.paginate(_component_objects(call, record["component_ids"]))


def list_access_user_metrics(call: Call, page_id: str, page_access_user_id: str):
    record = call.store.access_user(call.page, page_access_user_id)
    return 200, call.paginate([views.metric_view(call.page.metrics[ident]) for ident in record["metric_ids"]])


def _change_user_members(call: Call, page_access_user_id: str, kind: str):
    record = call.store.access_user(call.page, page_access_user_id)
    mode, status = MEMBERSHIP_VERBS[call.request.method]
    ids = call.id_list(f"{kind}_ids", required=mode != "remove")
    _change_members(call, record, kind, mode, ids)
    return status, call.user_view(record)


def change_access_user_components(call: Call, page_id: str, page_access_user_id: str):
    return _change_user_members(call, page_access_user_id, "component")


def change_access_user_metrics(call: Call, page_id: str, page_access_user_id: str):
    return _change_user_members(call, page_access_user_id, "metric")


def remove_access_user_component(call: Call, page_id: str, page_access_user_id: str, component_id: str):
    record = call.store.access_user(call.page, page_access_user_id)
    call.store.component(call.page, component_id)
    call.store.change_ids(record, "component_ids", [component_id], "remove")
    return 200, call.user_view(record)


def remove_access_user_metric(call: Call, page_id: str, page_access_user_id: str, metric_id: str):
    record = call.store.access_user(call.page, page_access_user_id)
    call.store.metric(call.page, metric_id)
    call.store.change_ids(record, "metric_ids", [metric_id], "remove")
    return 200, call.user_view(record)


# ---------------------------------------------------------------------- the route table

PAGE = "/pages/{page_id}"
USER = PAGE + "/page_access_users/{page_access_user_id}"
GROUP = PAGE + "/page_access_groups/{page_access_group_id}"

# (path template as the description writes it, verbs, handler)
ROUTES = (
    ("/pages", ("GET",), list_pages),
    (PAGE, ("GET",), get_page),
    (PAGE, ("PATCH", "PUT"), update_page),
    (PAGE + "/status_embed_config", ("GET",), get_status_embed_config),
    (PAGE + "/status_embed_config", ("PATCH", "PUT"), update_status_embed_config),
    (PAGE + "/components", ("GET",), list_components),
    (PAGE + "/components", ("POST",), create_component),
    (PAGE + "/components/{component_id}", ("GET",), get_component),
    (PAGE + "/components/{component_id}", ("PATCH", "PUT"), update_component),
    (PAGE + "/components/{component_id}", ("DELETE",), delete_component),
    (PAGE + "/component-groups", ("GET",), list_component_groups),
    (PAGE + "/component-groups", ("POST",), create_component_group),
    (PAGE + "/component-groups/{id}", ("GET",), get_component_group),
    (PAGE + "/component-groups/{id}", ("PATCH", "PUT"), update_component_group),
    (PAGE + "/component-groups/{id}", ("DELETE",), delete_component_group),
    (PAGE + "/metrics", ("GET",), list_metrics),
    (PAGE + "/metrics/{metric_id}", ("GET",), get_metric),
    (PAGE + "/page_access_groups", ("GET",), list_access_groups),
    (PAGE + "/page_access_groups", ("POST",), create_access_group),
    (GROUP, ("GET",), get_access_group),
    (GROUP, ("PATCH", "PUT"), update_access_group),
    (GROUP, ("DELETE",), delete_access_group),
    (GROUP + "/components", ("GET",), list_access_group_components),
    (GROUP + "/components", ("PATCH", "PUT", "POST", "DELETE"), change_access_group_components),
    (GROUP + "/components/{component_id}", ("DELETE",), remove_access_group_component),
    (PAGE + "/page_access_users", ("GET",), list_access_users),
    (PAGE + "/page_access_users", ("POST",), create_access_user),
    (USER, ("GET",), get_access_user),
    (USER, ("PATCH", "PUT"), update_access_user),
    (USER, ("DELETE",), delete_access_user),
    (USER + "/components", ("GET",), list_access_user_components),
    (USER + "/components", ("PATCH", "PUT", "POST", "DELETE"), change_access_user_components),
    (USER + "/components/{component_id}", ("DELETE",), remove_access_user_component),
    (USER + "/metrics", ("GET",), list_access_user_metrics),
    (USER + "/metrics", ("PATCH", "PUT", "POST", "DELETE"), change_access_user_metrics),
    (USER + "/metrics/{metric_id}", ("DELETE",), remove_access_user_metric),
) + component_access.ROUTES + incidents.ROUTES

# The page access handlers: refused on pages that are not audience-specific under one variant
ACCESS_HANDLERS = frozenset(handler for template, _verbs, handler in ROUTES if "/page_access_" in template)


def routed_operations() -> list[tuple[str, str]]:
    """Every (verb, description path) the emulator answers."""
    return [(verb, template) for template, verbs, _handler in ROUTES for verb in verbs]


# The description calls a component group's id just {id}; the handlers need a clearer name
RENAMED_PATH_PARAMETERS = {"{id}": "{component_group_id}"}


def _werkzeug_rule(template: str) -> str:
    for description_name, handler_name in RENAMED_PATH_PARAMETERS.items():
        template = template.replace(description_name, handler_name)
    return API_PREFIX + template.replace("{", "<").replace("}", ">")


URL_MAP = Map(
    [Rule(_werkzeug_rule(template), methods=list(verbs), endpoint=handler) for template, verbs, handler in ROUTES],
    strict_slashes=False,
)


def _refuse_if_not_audience_specific(store: Store, page: PageData) -> None:
    """The non-audience-access=refused variant: a page that is not audience-specific refuses
    the page access endpoints. By default (and as the description says: "You will need
    Statuspage to switch your page type to audience-specific before these API endpoints have
    any effect") they are accepted and simply have no effect."""
    variants = store.variants
    if page.page_type != "audience-specific" and variants.non_audience_access == "refused":
        raise ApiError(variants.refusal_status,
                       f"Page {page.page_id} is not audience-specific: page access users and groups are not enabled")


def dispatch(store: Store, request: Request, key: str | None, params: dict, from_form: bool):
    """Route an API request and run its handler under the store lock; returns (status, body)."""
    path = request.path
    # The real API also answers /v1/pages/<id>.json, as its own examples show
    if path.endswith(".json"):
        path = path[:-len(".json")]
    adapter = URL_MAP.bind("emulator", path_info=path)
    try:
        handler, arguments = adapter.match(path, method=request.method)
    except MethodNotAllowed:
        raise ApiError(405, f"{request.method} is not allowed on {request.path}") from None
    except NotFound:
        raise ApiError(404, f"no such API path: {request.path}") from None
    call = Call(store, request, key, params, from_form)
    with store.lock, clock.running(store.clock):
        # What Statuspage's background jobs would have done by now (maintenances starting, ...)
        schedule.catch_up(store)
        if "page_id" in arguments:
            call.page = store.page_for_key(key, arguments["page_id"])
            if handler in ACCESS_HANDLERS:
                _refuse_if_not_audience_specific(store, call.page)
        else:
            store.allowed_page_ids(key)
        return handler(call, **arguments)
