"""Which fields each request body may write, their types, and the checks that give a 422.

The writable fields are those of the description's request schemas. Fields that are not
writable (a page's headline, city, ...) and unknown fields are dropped silently, as the real
API's Rails strong parameters do; a writable field with a wrong type or an unknown enum value
is refused with a message that names it (``page.hidden_from_search must be a boolean``).
"""

from __future__ import annotations

import datetime
import re

from .errors import ApiError

COMPONENT_STATUSES = (
    "operational", "under_maintenance", "degraded_performance", "partial_outage", "major_outage", "",
)
PAGE_BRANDINGS = ("basic", "premium")

# Deliberately loose: the API documents no rule, and a stricter one would refuse real addresses.
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

# Form-encoded bodies carry only strings; these are the spellings Rails casts to booleans.
FORM_TRUE = ("true", "1", "t", "yes", "on")
FORM_FALSE = ("false", "0", "f", "no", "off")


class Field:
    """One writable field: its kind ('string', 'boolean', 'enum', 'date', 'id_list', 'number',
    'integer') and whether null is accepted."""

    def __init__(self, kind: str, nullable: bool = True, choices: tuple[str, ...] = ()):
        self.kind = kind
        self.nullable = nullable
        self.choices = choices


def _string(nullable: bool = True) -> Field:
    return Field("string", nullable)


PAGE_WRITABLE = {
    "name": _string(nullable=False),
    "domain": _string(),
    "subdomain": _string(),
    "url": _string(),
    "branding": Field("enum", nullable=False, choices=PAGE_BRANDINGS),
    **{name: _string() for name in (
        "css_body_background_color", "css_font_color", "css_light_font_color", "css_greens",
        "css_yellows", "css_oranges", "css_reds", "css_blues", "css_border_color",
        "css_graph_color", "css_link_color", "css_no_data",
        "notifications_from_email", "notifications_email_footer",
    )},
    "time_zone": _string(nullable=False),
    **{name: Field("boolean", nullable=False) for name in (
        "hidden_from_search", "viewers_must_be_team_members", "allow_page_subscribers",
        "allow_incident_subscribers", "allow_email_subscribers", "allow_sms_subscribers",
        "allow_rss_atom_feeds", "allow_webhook_subscribers",
    )},
}

# Returned by GET but not writable through the API (see the API notes); a seed may set them.
PAGE_READ_ONLY = {
    **{name: _string() for name in (
        "page_description", "headline", "support_url", "ip_restrictions", "city", "state",
        "country", "twitter_username", "favicon_logo", "transactional_logo", "hero_cover",
        "email_logo", "twitter_logo",
    )},
    "activity_score": Field("number"),
}

STATUS_EMBED_CONFIG_WRITABLE = {
    name: _string() for name in (
        "position", "incident_background_color", "incident_text_color",
        "maintenance_background_color", "maintenance_text_color",
    )
}

COMPONENT_WRITABLE = {
    "name": _string(nullable=False),
    "description": _string(),
    "status": Field("enum", nullable=False, choices=COMPONENT_STATUSES),
    "only_show_if_degraded": Field("boolean", nullable=False),
    "group_id": _string(),
    "showcase": Field("boolean", nullable=False),
    "start_date": Field("date"),
}

COMPONENT_GROUP_WRITABLE = {
    "name": _string(nullable=False),
    "description": _string(),
    "components": Field("id_list", nullable=False),
}

METRIC_SEEDABLE = {
    "name": _string(nullable=False),
    "metrics_provider_id": _string(),
    "metric_identifier": _string(),
    "display": Field("boolean", nullable=False),
    "tooltip_description": _string(),
    "backfilled": Field("boolean", nullable=False),
    "y_axis_min": Field("number"),
    "y_axis_max": Field("number"),
    "y_axis_hidden": Field("boolean", nullable=False),
    "suffix": _string(),
    "decimal_places": Field("integer"),
    "most_recent_data_at": _string(),
    "last_fetched_at": _string(),
    "backfill_percentage": Field("integer"),
    "reference_name": _string(),
}

PAGE_ACCESS_USER_WRITABLE = {
    "email": _string(nullable=False),
    "external_login": _string(),
    "page_access_group_ids": Field("id_list", nullable=False),
    "subscribe_to_components": Field("boolean", nullable=False),
}

PAGE_ACCESS_GROUP_WRITABLE = {
    "name": _string(nullable=False),
    "external_identifier": _string(),
    "component_ids": Field("id_list", nullable=False),
    "metric_ids": Field("id_list", nullable=False),
    "page_access_user_ids": Field("id_list", nullable=False),
}


def clean_value(field: Field, value, where: str, from_form: bool, status: int = 422):
    """``value`` converted to the field's kind, or an ApiError naming ``where``."""
    if value is None:
        if field.nullable:
            return None
        raise ApiError(status, f"{where} must not be null")
    kind = field.kind
    if kind in ("string", "enum"):
        if isinstance(value, bool) or not isinstance(value, str):
            raise ApiError(status, f"{where} must be a string")
        if kind == "enum" and value not in field.choices:
            allowed = ", ".join(repr(choice) for choice in field.choices)
            raise ApiError(status, f"{where} must be one of {allowed}, not {value!r}")
        return value
    if kind == "boolean":
        return _clean_boolean(value, where, from_form, status)
    if kind == "date":
        return _clean_date(value, where, status)
    if kind == "id_list":
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ApiError(status, f"{where} must be a list of ids")
        # Rails drops the empty string a form sends for an empty list ("ids[]=")
        return [item for item in value if item != ""] if from_form else list(value)
    if kind in ("number", "integer"):
        return _clean_number(value, kind, where, from_form, status)
    raise ValueError(f"unknown field kind {kind}")


def _clean_boolean(value, where: str, from_form: bool, status: int) -> bool:
    if isinstance(value, bool):
        return value
    if from_form and isinstance(value, str):
        if value.lower() in FORM_TRUE:
            return True
        if value.lower() in FORM_FALSE:
            return False
    raise ApiError(status, f"{where} must be a boolean")


def _clean_date(value, where: str, status: int) -> str | None:
    if isinstance(value, datetime.date):  # a YAML seed may hold a real date
        return value.isoformat()
    if isinstance(value, str):
        if value == "":
            return None
        try:
            return datetime.date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    raise ApiError(status, f"{where} must be a date (YYYY-MM-DD)")


def _clean_number(value, kind: str, where: str, from_form: bool, status: int):
    if from_form and isinstance(value, str):
        try:
            value = int(value) if kind == "integer" else float(value)
        except ValueError:
            raise ApiError(status, f"{where} must be a {kind}") from None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ApiError(status, f"{where} must be a {kind}")
    if kind == "integer" and not isinstance(value, int):
        raise ApiError(status, f"{where} must be an integer")
    return value


def clean_fields(raw: dict, writable: dict[str, Field], where: str, from_form: bool = False,
                 status: int = 422) -> dict:
    """The writable fields of ``raw``, converted; everything else is dropped."""
    cleaned = {}
    for name, value in raw.items():
        field = writable.get(name)
        if field is not None:
            cleaned[name] = clean_value(field, value, f"{where}.{name}", from_form, status)
    return cleaned


def check_email(email: str, where: str, status: int = 422) -> str:
    if not EMAIL_PATTERN.match(email):
        raise ApiError(status, f"{where} is not a valid e-mail address: {email!r}")
    return email


def require_present(cleaned: dict, names: tuple[str, ...], where: str, status: int = 422) -> None:
    for name in names:
        value = cleaned.get(name)
        if value is None or value == "":
            raise ApiError(status, f"{where}.{name} is required")
