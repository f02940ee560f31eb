"""Variants: the answers the real API may give where no public evidence settles which one.

Nobody here can reach the real Statuspage API, and no public recording of a page-access answer
exists (the emulator guide, docs/docsite/rst/guide_emulator.rst, "Variants", lists what was
searched). Where plausible answers differ,
each is a setting here, so the collection can be tested under every one of them. The default of
every setting is the emulator's behaviour before variants existed.

A selection is a comma-separated list (or a list, or a mapping) of items; an item is a preset
(``duplicate-422``) or ``setting=value`` (``throttle-limit=5``); a boolean setting may stand
alone (``user-object-grants``). Items apply left to right, so a later one wins. A run's variants
come from the seed's ``variants`` key, then the command line's ``--variants`` (or, without it,
``$STATUSPAGE_EMULATOR_VARIANTS``); each setting takes the last value given.
"""

from __future__ import annotations

import dataclasses
from typing import Callable, NamedTuple

ENVIRONMENT_VARIABLE = "STATUSPAGE_EMULATOR_VARIANTS"


class VariantError(ValueError):
    """A selection that names no setting or preset, or gives a setting a value it cannot take."""


@dataclasses.dataclass(frozen=True)
class Variants:
    """The settings of one run; the defaults are the behaviour the emulator always had."""

    user_object_grants: bool = False
    group_ids_echo: str = "list"
    duplicate_status: int = 409
    email_case: str = "insensitive"
    error_body: str = "message"
    throttle: str = "off"
    throttle_limit: int = 60
    throttle_period: float = 60.0
    throttle_status: int = 429
    retry_after: int = 1
    page_type: str = "audience-specific"
    non_audience_access: str = "accepted"
    refusal_status: int = 404
    component_access_delete: str = "all"
    max_ids_per_request: int | None = None
    # Components and events (docs/docsite/rst/guide_emulator.rst, "Variants": components, incidents
    # and maintenances)
    group_delete: str = "ungroup"
    component_position: str = "read-only"
    event_timestamps: str = "utc"
    scheduled_list: str = "all"
    maintenance_components: str = "immediate"
    auto_transition: str = "status-flags"
    incident_transitions: str = "any"

    # ---------------------------------------------------------------- what the store asks

    @property
    def email_filter_ignores_case(self) -> bool:
        return self.email_case == "insensitive"

    @property
    def email_uniqueness_ignores_case(self) -> bool:
        return self.email_case in ("insensitive", "sensitive-filter")

    def throttle_config(self) -> dict | None:
        """The throttle this run starts with (and a reset goes back to), in the faults format."""
        if self.throttle == "off":
            return None
        return {"model": self.throttle, "limit": self.throttle_limit, "window": self.throttle_period,
                "status": self.throttle_status, "retry_after": self.retry_after}

    # ---------------------------------------------------------------- how it is shown

    def settings(self) -> dict:
        """Every setting by its command-line name, with its value."""
        return {name: getattr(self, setting.attribute) for name, setting in SETTINGS.items()}

    def non_default(self) -> dict:
        defaults = Variants().settings()
        return {name: value for name, value in self.settings().items() if value != defaults[name]}

    def summary(self) -> str:
        """``name=value, ...`` for the settings that differ from the default, or ``default``."""
        changed = self.non_default()
        return ", ".join(f"{name}={_shown(value)}" for name, value in changed.items()) or "default"


# ---------------------------------------------------------------------- settings


def _boolean(text: str) -> bool:
    lowered = text.strip().lower()
    if lowered in ("true", "yes", "on", "1"):
        return True
    if lowered in ("false", "no", "off", "0"):
        return False
    raise ValueError("true or false")


def _choice(*choices: str) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if text not in choices:
            raise ValueError(" | ".join(choices))
        return text
    return parse


def _status(*statuses: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        if not text.strip().isdigit() or int(text) not in statuses:
            raise ValueError(" | ".join(str(status) for status in statuses))
        return int(text)
    return parse


def _integer(minimum: int, none_allowed: bool = False) -> Callable[[str], int | None]:
    def parse(text: str) -> int | None:
        if none_allowed and text.strip().lower() == "none":
            return None
        if not text.strip().isdigit() or int(text) < minimum:
            raise ValueError(f"an integer of at least {minimum}" + (" or none" if none_allowed else ""))
        return int(text)
    return parse


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not value > 0:
        raise ValueError("a number of seconds above 0")
    return value


class Setting(NamedTuple):
    attribute: str
    parse: Callable[[str], object]
    meaning: str


# The evidence for each lives in the emulator guide, docs/docsite/rst/guide_emulator.rst
# ("Variants"), one paragraph per setting.
SETTINGS: dict[str, Setting] = {
    "user-object-grants": Setting(
        "user_object_grants", _boolean,
        "page access user objects (single and in lists) also carry component_ids and metric_ids"),
    "group-ids-echo": Setting(
        "group_ids_echo", _choice("list", "csv-string", "json-string", "singular"),
        "how a user object shows its groups: a list, a string (ids joined by commas, or the JSON text "
        "of the list), or only the singular page_access_group_id (the first group)"),
    "duplicate-status": Setting(
        "duplicate_status", _status(409, 422),
        "a create or update with an e-mail another user has: 409, or Rails' 422 \"Email has already been taken\""),
    "email-case": Setting(
        "email_case", _choice("insensitive", "sensitive", "sensitive-filter"),
        "whether the ?email= filter and e-mail uniqueness ignore case: both do, neither does, or only "
        "uniqueness does (the filter needs the exact spelling)"),
    "error-body": Setting(
        "error_body", _choice("message", "error-string", "error-list", "bare-string", "text"),
        "the shape of every API error body: {\"message\": m}, {\"error\": m}, {\"error\": [m]}, the JSON "
        "string \"m\", or m as text/plain"),
    "throttle": Setting(
        "throttle", _choice("off", "bucket", "window"),
        "the throttle a run starts with: none, a token bucket (a burst, then a steady rate) or a strict "
        "rolling window (at most throttle-limit in any throttle-period seconds)"),
    "throttle-limit": Setting("throttle_limit", _integer(1), "requests per period (burst size of the bucket)"),
    "throttle-period": Setting("throttle_period", _seconds, "the throttle's period in seconds"),
    "throttle-status": Setting("throttle_status", _status(420, 429), "the status of a throttled answer"),
    "retry-after": Setting("retry_after", _integer(0), "the Retry-After seconds of a throttled answer"),
    "page-type": Setting(
        "page_type", _choice("audience-specific", "public"),
        "the type of every page whose seed entry does not set page_type"),
    "non-audience-access": Setting(
        "non_audience_access", _choice("accepted", "refused"),
        "page access endpoints on a page that is not audience-specific: accepted with no effect (as the "
        "description says), or refused with refusal-status"),
    "refusal-status": Setting("refusal_status", _status(403, 404, 422), "the status of a refused access endpoint"),
    "component-access-delete": Setting(
        "component_access_delete", _choice("all", "listed"),
        "DELETE .../components/{component_id}/page_access_users (and _groups): removes every user (group), "
        "whatever the body says, or only the ids a body lists (every one without a body)"),
    "max-ids-per-request": Setting(
        "max_ids_per_request", _integer(1, none_allowed=True),
        "the most ids a membership body may list (422 beyond); none: no limit"),
    "group-delete": Setting(
        "group_delete", _choice("ungroup", "delete-members"),
        "DELETE .../component-groups/{id}: the group's components stay, ungrouped, or are deleted with it "
        "(and so revoked from every page access user and group)"),
    "component-position": Setting(
        "component_position", _choice("read-only", "writable"),
        "position is read-only and a group keeps its members' order whatever order is sent, or position "
        "(components, groups) and a group's components order are honoured"),
    "event-timestamps": Setting(
        "event_timestamps", _choice("utc", "offset"),
        "incident timestamps in UTC with Z, or written at UTC-06:00 (the same instants)"),
    "scheduled-list": Setting(
        "scheduled_list", _choice("all", "not-started"),
        "GET .../incidents/scheduled lists every maintenance, or only those not started (like upcoming)"),
    "maintenance-components": Setting(
        "maintenance_components", _choice("immediate", "at-start"),
        "a maintenance's components statuses apply at once, or are held until it goes in_progress"),
    "auto-transition": Setting(
        "auto_transition", _choice("status-flags", "component-flags"),
        "a maintenance starts and completes on its own by scheduled_auto_in_progress/_completed only, or "
        "also by the auto_transition_to_maintenance_state/_operational_state switches alone"),
    "incident-transitions": Setting(
        "incident_transitions", _choice("any", "forward"),
        "an incident may take any status of its kind next, or only a later one"),
}

PRESETS: dict[str, tuple[str, ...]] = {
    "user-grants": ("user-object-grants=true",),
    "group-ids-csv": ("group-ids-echo=csv-string",),
    "group-ids-json": ("group-ids-echo=json-string",),
    "group-id-singular": ("group-ids-echo=singular",),
    "duplicate-422": ("duplicate-status=422",),
    "email-case-sensitive": ("email-case=sensitive",),
    "email-filter-case-sensitive": ("email-case=sensitive-filter",),
    "error-string": ("error-body=error-string",),
    "error-list": ("error-body=error-list",),
    "error-bare": ("error-body=bare-string",),
    "error-text": ("error-body=text",),
    "throttle-bucket": ("throttle=bucket",),
    "throttle-window": ("throttle=window",),
    "throttle-420": ("throttle=bucket", "throttle-status=420", "retry-after=60"),
    "public-page": ("page-type=public",),
    "public-page-refusing": ("page-type=public", "non-audience-access=refused"),
    "groups-delete-members": ("group-delete=delete-members",),
    "positions-writable": ("component-position=writable",),
    "timestamps-offset": ("event-timestamps=offset",),
    "scheduled-not-started": ("scheduled-list=not-started",),
    "maintenance-statuses-at-start": ("maintenance-components=at-start",),
    "auto-transition-component-flags": ("auto-transition=component-flags",),
    "transitions-forward": ("incident-transitions=forward",),
}


def _items(selection) -> list[tuple[str, str | None]]:
    """(name, value or None) pairs of a selection given as text, a list or a mapping."""
    if selection is None:
        return []
    if isinstance(selection, str):
        selection = [part for part in (piece.strip() for piece in selection.split(",")) if part]
    if isinstance(selection, dict):
        return [(str(name), None if value is None else _text(value)) for name, value in selection.items()]
    if not isinstance(selection, (list, tuple)):
        raise VariantError("variants must be a comma-separated text, a list or a mapping")
    pairs = []
    for item in selection:
        if isinstance(item, dict):
            pairs.extend(_items(item))
        elif isinstance(item, str):
            name, equals, value = item.partition("=")
            pairs.append((name.strip(), value.strip() if equals else None))
        else:
            raise VariantError(f"a variant must be a name or name=value, not {item!r}")
    return pairs


def _shown(value) -> str:
    """A setting's value as it is written in a selection."""
    if value is None:
        return "none"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return _text(value)


def _text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def selection_values(selection) -> dict[str, object]:
    """The settings a selection sets, by attribute name, checked; later items win."""
    values: dict[str, object] = {}
    for name, value in _items(selection):
        if name in PRESETS and value is None:
            values.update(selection_values(list(PRESETS[name])))
            continue
        setting = SETTINGS.get(name)
        if setting is None:
            known = ", ".join(sorted(SETTINGS) + sorted(PRESETS))
            raise VariantError(f"unknown variant {name!r}; known settings and presets: {known}")
        if value is None:
            if setting.parse is not _boolean:
                raise VariantError(f"variant setting {name} needs a value: {name}=VALUE")
            value = "true"
        try:
            values[setting.attribute] = setting.parse(value)
        except ValueError as error:
            raise VariantError(f"variant setting {name}={value}: the value must be {error}") from None
    return values


def resolve(*selections) -> Variants:
    """The variants of a run: the defaults, then each selection in turn (later ones win)."""
    values: dict[str, object] = {}
    for selection in selections:
        values.update(selection_values(selection))
    return Variants(**values)


def describe_all() -> str:
    """The text ``--list-variants`` prints: every setting with its values, then every preset."""
    defaults = Variants().settings()
    lines = ["settings (name=value; default in brackets):"]
    for name, setting in SETTINGS.items():
        lines.append(f"  {name} [{_shown(defaults[name])}]: {setting.meaning}")
    lines.append("presets:")
    for name, items in PRESETS.items():
        lines.append(f"  {name} = {', '.join(items)}")
    return "\n".join(lines)
