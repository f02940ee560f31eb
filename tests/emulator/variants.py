"""Variants: where public evidence leaves the real API's behaviour open, each plausible answer.

A variant has a name and a few choices; the first choice is the default, the best-supported
answer. An emulator run picks one choice per variant, from the seed's top-level ``variants``
mapping and from ``--variant NAME=CHOICE`` on the command line (which wins), so that the same
collection tests can run against every plausible API. docs/emulator.md lists them with their
evidence; ``GET /__emulator__/state`` shows the choices in force.
"""

from __future__ import annotations

import copy
from typing import NamedTuple


class Variant(NamedTuple):
    name: str
    choices: tuple[str, ...]  # the first one is the default
    question: str  # what the evidence leaves open


VARIANTS: tuple[Variant, ...] = (
    # Components and component groups
    Variant("group_delete", ("ungroup", "delete_members"),
            "what DELETE .../component-groups/{id} does to the group's components: they stay, ungrouped, "
            "or they are deleted with it (and revoked from every page access user and group)"),
    Variant("component_position", ("read_only", "writable"),
            "whether the API honours position: read-only (no request schema has it, and a group's "
            "components keep their own order whatever order is sent), or writable on components and by "
            "the order of a group's components list"),
    # Incidents and scheduled maintenances
    Variant("event_timestamps", ("utc", "offset"),
            "how incident timestamps are written: UTC with Z, as every example of the description, or "
            "with a UTC offset (-06:00), as the public status API of a page in America/Chicago writes them"),
    Variant("scheduled_list", ("all", "not_started"),
            "what GET .../incidents/scheduled lists: every scheduled maintenance whatever its status, or "
            "only those that have not started (like .../upcoming)"),
    Variant("maintenance_components", ("immediate", "at_start"),
            "when the statuses in a scheduled maintenance's components map are applied: at once, as for a "
            "realtime incident, or held until the maintenance goes in_progress"),
    Variant("auto_transition", ("status_flags", "component_flags"),
            "what starts and ends a maintenance at scheduled_for/scheduled_until: scheduled_auto_in_progress "
            "and scheduled_auto_completed (the auto_transition_to_* flags only move the components), or the "
            "auto_transition_to_* flags alone as well"),
    Variant("incident_transitions", ("any", "forward"),
            "whether an incident may go back to an earlier status (resolved -> investigating, completed -> "
            "in_progress), or only forward"),
)

BY_NAME = {variant.name: variant for variant in VARIANTS}


def defaults() -> dict[str, str]:
    return {variant.name: variant.choices[0] for variant in VARIANTS}


def resolve(settings, where: str = "variants") -> dict[str, str]:
    """Every variant's choice: ``settings`` (a mapping, or None) over the defaults.

    Raises ValueError naming the unknown variant or choice and what would be valid.
    """
    if settings is None:
        settings = {}
    if not isinstance(settings, dict):
        raise ValueError(f"{where} must be a mapping of variant name to choice")
    chosen = defaults()
    for name, choice in settings.items():
        variant = BY_NAME.get(name)
        if variant is None:
            raise ValueError(f"{where}: unknown variant {name!r}; known: {', '.join(sorted(BY_NAME))}")
        if choice not in variant.choices:
            raise ValueError(f"{where}.{name}: unknown choice {choice!r}; valid: {', '.join(variant.choices)}")
        chosen[name] = choice
    return chosen


def parse_setting(text: str) -> tuple[str, str]:
    """``"group_delete=delete_members"`` -> ``("group_delete", "delete_members")``, checked."""
    name, equals, choice = text.partition("=")
    if not equals or not name or not choice:
        raise ValueError(f"--variant takes NAME=CHOICE, not {text!r}")
    resolve({name: choice}, "--variant")
    return name, choice


def with_variants(seed: dict, **choices: str) -> dict:
    """A copy of ``seed`` with these variant choices added over its own (for tests)."""
    result = copy.deepcopy(seed)
    result["variants"] = {**(result.get("variants") or {}), **choices}
    resolve(result["variants"], "variants")
    return result
