"""The component-centric access endpoints: one component granted to, or taken from, many at once.

| verb and path | body | answer |
|---|---|---|
| POST .../components/{component_id}/page_access_users | page_access_user_ids (required) | 201, the component |
| DELETE .../components/{component_id}/page_access_users | none | 200, the component |
| POST .../components/{component_id}/page_access_groups | page_access_group_ids (required) | 201, the component |
| DELETE .../components/{component_id}/page_access_groups | none | 200, the component |

What the description says (operationIds postPagesPageIdComponentsComponentIdPageAccessUsers and
its three siblings): the POST "Add page access users to a component" takes a form body with the
required array page_access_user_ids (its curl sample sends ``page_access_user_ids[]=your-id``;
the groups' POST declares no body at all, and its sample sends ``page_access_group_ids[]=``),
answers 201 with the Component and declares 401, 404 and 422; the DELETE declares no body, no
parameter but the path's, answers 200 with the Component, and is summarised "Remove page access
users from component". The old v1 documentation named that DELETE "Remove a component from all
page access users" (its Swagger copy: streamdata-gallery-organizations/statuspageio,
_listings/statuspageio/pages-[page-id]-components-[component-id]-page-access-users-json-delete.md).
So a DELETE takes the component from EVERY user (group), whatever a body says: the second
"revoke everything" trap after the membership DELETE without ids. The
component-access-delete=listed variant models a server that honours a listed body instead.

Users and groups are added, never replaced ("Add"); unknown ids answer 404 (as the membership
operations do), a missing or empty id list 422. No public source documents a maximum of ids
per request: the max-ids-per-request variant makes one a setting (Call.id_list applies it).
"""

from __future__ import annotations

from typing import NamedTuple

from . import views
from .errors import ApiError


class Holders(NamedTuple):
    """Who can hold a component: page access users or page access groups."""

    id_field: str       # the body's id list
    collection: str     # the PageData attribute that holds them
    check: str          # the Store method that 404s unknown ids


USERS = Holders("page_access_user_ids", "access_users", "check_access_user_ids")
GROUPS = Holders("page_access_group_ids", "access_groups", "check_access_group_ids")


def _grant(call, component_id: str, holders: Holders):
    component = call.store.component(call.page, component_id)
    ids = call.id_list(holders.id_field, required=True)
    if not ids:
        raise ApiError(422, f"{holders.id_field} is required: list at least one id")
    getattr(call.store, holders.check)(call.page, ids, holders.id_field, 404)
    collection = getattr(call.page, holders.collection)
    for ident in dict.fromkeys(ids):
        call.store.change_ids(collection[ident], "component_ids", [component_id], "add")
    return 201, views.component_view(component)


def _revoke(call, component_id: str, holders: Holders):
    component = call.store.component(call.page, component_id)
    collection = getattr(call.page, holders.collection)
    targets = list(collection.values())
    if call.store.variants.component_access_delete == "listed":
        listed = call.id_list(holders.id_field, required=False)
        if listed:  # without ids (or with an empty list) even this variant removes them all
            getattr(call.store, holders.check)(call.page, listed, holders.id_field, 404)
            targets = [collection[ident] for ident in dict.fromkeys(listed)]
    for holder in targets:
        call.store.change_ids(holder, "component_ids", [component_id], "remove")
    return 200, views.component_view(component)


def add_users_to_component(call, page_id: str, component_id: str):
    return _grant(call, component_id, USERS)


def remove_users_from_component(call, page_id: str, component_id: str):
    return _revoke(call, component_id, USERS)


def add_groups_to_component(call, page_id: str, component_id: str):
    return _grant(call, component_id, GROUPS)


def remove_groups_from_component(call, page_id: str, component_id: str):
    return _revoke(call, component_id, GROUPS)


COMPONENT = "/pages/{page_id}/components/{component_id}"

# (path template as the description writes it, verbs, handler), appended to api.ROUTES
ROUTES = (
    (COMPONENT + "/page_access_users", ("POST",), add_users_to_component),
    (COMPONENT + "/page_access_users", ("DELETE",), remove_users_from_component),
    (COMPONENT + "/page_access_groups", ("POST",), add_groups_to_component),
    (COMPONENT + "/page_access_groups", ("DELETE",), remove_groups_from_component),
)
