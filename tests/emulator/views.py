"""What the API answers for each resource: the fields of the description's schemas, in order.

Every field is always present (null where unset), because clients written against the real
API index them directly. Internal bookkeeping on the stored records (a user's components, a
page's key list, ...) never leaks out through these.
"""

from __future__ import annotations

import json

from .variants import Variants

DEFAULT_VARIANTS = Variants()

PAGE_FIELDS = (
    "id", "created_at", "updated_at", "name", "page_description", "headline", "branding",
    "subdomain", "domain", "url", "support_url", "hidden_from_search", "allow_page_subscribers",
    "allow_incident_subscribers", "allow_email_subscribers", "allow_sms_subscribers",
    "allow_rss_atom_feeds", "allow_webhook_subscribers", "notifications_from_email",
    "notifications_email_footer", "activity_score", "twitter_username",
    "viewers_must_be_team_members", "ip_restrictions", "city", "state", "country", "time_zone",
    "css_body_background_color", "css_font_color", "css_light_font_color", "css_greens",
    "css_yellows", "css_oranges", "css_blues", "css_reds", "css_border_color", "css_graph_color",
    "css_link_color", "css_no_data", "favicon_logo", "transactional_logo", "hero_cover",
    "email_logo", "twitter_logo",
)

STATUS_EMBED_CONFIG_FIELDS = (
    "page_id", "position", "incident_background_color", "incident_text_color",
    "maintenance_background_color", "maintenance_text_color",
)

COMPONENT_FIELDS = (
    "id", "page_id", "group_id", "created_at", "updated_at", "group", "name", "description",
    "position", "status", "showcase", "only_show_if_degraded", "automation_email", "start_date",
)

COMPONENT_GROUP_FIELDS = (
    "id", "page_id", "name", "description", "components", "position", "created_at", "updated_at",
)

METRIC_FIELDS = (
    "id", "metrics_provider_id", "metric_identifier", "name", "display", "tooltip_description",
    "backfilled", "y_axis_min", "y_axis_max", "y_axis_hidden", "suffix", "decimal_places",
    "most_recent_data_at", "created_at", "updated_at", "last_fetched_at", "backfill_percentage",
    "reference_name",
)

PAGE_ACCESS_USER_FIELDS = (
    "id", "page_id", "email", "external_login", "page_access_group_id", "page_access_group_ids",
    "created_at", "updated_at",
)

PAGE_ACCESS_GROUP_FIELDS = (
    "id", "page_id", "name", "page_access_user_ids", "external_identifier", "metric_ids",
    "component_ids", "created_at", "updated_at",
)


def _pick(record: dict, fields: tuple[str, ...]) -> dict:
    # Lists are copied so that a rendered answer never aliases the live store
    return {name: list(value) if isinstance(value, list) else value
            for name, value in ((name, record.get(name)) for name in fields)}


def page_view(record: dict) -> dict:
    return _pick(record, PAGE_FIELDS)


def status_embed_config_view(record: dict) -> dict:
    return _pick(record, STATUS_EMBED_CONFIG_FIELDS)


def component_view(record: dict) -> dict:
    """A component as GET .../components lists it; a group there also carries its member ids."""
    view = _pick(record, COMPONENT_FIELDS)
    if record.get("group"):
        view["components"] = list(record["components"])
    return view


def component_group_view(record: dict) -> dict:
    return _pick(record, COMPONENT_GROUP_FIELDS)


def metric_view(record: dict) -> dict:
    return _pick(record, METRIC_FIELDS)


def page_access_user_view(record: dict, chosen: Variants = DEFAULT_VARIANTS) -> dict:
    """A user object. By default it has no component_ids/metric_ids (the description's object
    has none, so the collection must read them from the sub-resources) and its groups as a list;
    the user-object-grants and group-ids-echo variants model the other plausible answers."""
    view = _pick(record, PAGE_ACCESS_USER_FIELDS)
    group_ids = view["page_access_group_ids"]
    view["page_access_group_id"] = None
    if chosen.group_ids_echo == "csv-string":
        view["page_access_group_ids"] = ",".join(group_ids)
    elif chosen.group_ids_echo == "json-string":
        view["page_access_group_ids"] = json.dumps(group_ids)
    elif chosen.group_ids_echo == "singular":
        # The old one-group-per-user shape: the first group, and no list at all
        del view["page_access_group_ids"]
        view["page_access_group_id"] = group_ids[0] if group_ids else None
    if chosen.user_object_grants:
        view["component_ids"] = list(record["component_ids"])
        view["metric_ids"] = list(record["metric_ids"])
    return view


def page_access_group_view(record: dict) -> dict:
    return _pick(record, PAGE_ACCESS_GROUP_FIELDS)
