"""Loading seed data (YAML or JSON) into a fresh Store.

The format is described in the emulator guide, docs/docsite/rst/guide_emulator.rst; GET
/__emulator__/state answers in the same
format, so a dumped state loads back as a seed. Seeds are checked strictly (unknown keys,
wrong types, dangling references) because a typo in a seed should fail the test run that
uses it, not silently give a different data set.
"""

from __future__ import annotations

import datetime
import json
import pathlib

import yaml

from . import clock, event_seed, fields, variants
from .errors import ApiError
from .store import PageData, Store


class SeedError(ValueError):
    """A seed that cannot be loaded; the message says where and why."""


# Keys a seed entry may carry beyond the writable fields: ids, timestamps, relations, and what
# a state dump adds (server-set fields are accepted and either kept or recomputed).
_COMMON_KEYS = {"id", "created_at", "updated_at", "page_id"}
_PAGE_KEYS = (_COMMON_KEYS | set(fields.PAGE_WRITABLE) | set(fields.PAGE_READ_ONLY)
              | {"status_embed_config", "components", "metrics", "page_access_groups", "page_access_users",
                 "page_type", "incidents", "incident_templates"})
_COMPONENT_KEYS = (_COMMON_KEYS | set(fields.COMPONENT_WRITABLE)
                   | {"group", "components", "position", "automation_email"})
_METRIC_KEYS = _COMMON_KEYS | set(fields.METRIC_SEEDABLE)
_ACCESS_GROUP_KEYS = _COMMON_KEYS | set(fields.PAGE_ACCESS_GROUP_WRITABLE)
_ACCESS_USER_KEYS = (_COMMON_KEYS | set(fields.PAGE_ACCESS_USER_WRITABLE)
                     | {"component_ids", "metric_ids", "page_access_group_id"})


def load_seed_file(path: str | pathlib.Path) -> dict:
    """Read a seed file: JSON when it ends in .json, YAML otherwise."""
    path = pathlib.Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise SeedError(f"cannot read seed file {path}: {error}") from None
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    except (ValueError, yaml.YAMLError) as error:
        raise SeedError(f"seed file {path} is not valid {'JSON' if path.suffix == '.json' else 'YAML'}: {error}") from None
    if not isinstance(data, dict):
        raise SeedError(f"seed file {path} must hold a mapping with api_keys and pages")
    return data


def build_store(seed: dict, chosen: variants.Variants | None = None) -> Store:
    """A new Store holding exactly the seed's data, answering as ``chosen`` says (by default,
    as the seed's own ``variants`` say)."""
    if not isinstance(seed, dict):
        raise SeedError("a seed must be a mapping with api_keys and pages")
    _check_keys(seed, {"api_keys", "pages", "variants"}, "seed")
    try:
        seed_variants = variants.resolve(seed.get("variants"))
    except variants.VariantError as error:
        raise SeedError(f"seed.variants: {error}") from None
    store = Store(chosen or seed_variants)
    pages = _entries(seed, "pages", "seed")
    for index, page_entry in enumerate(pages):
        _load_page(store, page_entry, f"pages[{index}]")
    keys = _entries(seed, "api_keys", "seed")
    if not keys:
        raise SeedError("seed.api_keys is empty: no client could authenticate")
    for index, key_entry in enumerate(keys):
        _load_api_key(store, key_entry, f"api_keys[{index}]")
    return store


# ---------------------------------------------------------------------- helpers


def _entries(parent: dict, name: str, where: str) -> list:
    value = parent.get(name)
    if value is None:
        return []
    if not isinstance(value, list):
        raise SeedError(f"{where}.{name} must be a list")
    for index, entry in enumerate(value):
        if not isinstance(entry, dict):
            raise SeedError(f"{where}.{name}[{index}] must be a mapping")
    return value


def _check_keys(entry: dict, allowed: set[str], where: str) -> None:
    unknown = sorted(str(key) for key in set(entry) - allowed)
    if unknown:
        raise SeedError(f"{where}: unknown key(s) {', '.join(unknown)}")


def _clean(entry: dict, writable: dict, where: str) -> dict:
    try:
        return fields.clean_fields(entry, writable, where)
    except ApiError as error:
        raise SeedError(error.message) from None


def _ident(entry: dict, where: str) -> str | None:
    ident = entry.get("id")
    if ident is None:
        return None
    if not isinstance(ident, str) or not ident or "/" in ident:
        raise SeedError(f"{where}.id must be a non-empty string without '/'")
    return ident


def _timestamp(entry: dict, name: str, where: str) -> str | None:
    value = entry.get(name)
    if value is None:
        return None
    if isinstance(value, datetime.datetime):  # YAML reads an unquoted timestamp as a datetime
        if value.tzinfo is None:
            value = value.replace(tzinfo=datetime.timezone.utc)
        return clock.format_timestamp(value)
    if isinstance(value, str):
        try:
            return clock.format_timestamp(clock.parse_timestamp(value))
        except ValueError:
            pass
    raise SeedError(f"{where}.{name} must be an ISO 8601 timestamp")


def _identity(entry: dict, where: str) -> dict:
    """Keyword arguments for a Store.add_* call: the entry's id and timestamps, if it has them."""
    return {"ident": _ident(entry, where),
            "created_at": _timestamp(entry, "created_at", where),
            "updated_at": _timestamp(entry, "updated_at", where)}


def _add(where: str, add, *args, **kwargs) -> dict:
    """Call a Store.add_* method, turning its complaints (a duplicate id, a taken e-mail) into SeedError."""
    try:
        return add(*args, **kwargs)
    except ValueError as error:
        raise SeedError(f"{where}: {error}") from None
    except ApiError as error:
        raise SeedError(f"{where}: {error.message}") from None


def _id_list(entry: dict, name: str, where: str) -> list:
    value = entry.get(name)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise SeedError(f"{where}.{name} must be a list of strings")
    return value


# ---------------------------------------------------------------------- references


class _Names:
    """Resolves a reference in a seed: an id, or a name (or e-mail) that is unique."""

    def __init__(self, what: str):
        self.what = what
        self.by_id: dict[str, dict] = {}
        self.by_name: dict[str, list[dict]] = {}

    def add(self, record: dict, *names: str) -> None:
        self.by_id[record["id"]] = record
        for name in names:
            self.by_name.setdefault(name.casefold(), []).append(record)

    def resolve(self, reference: str, where: str) -> dict:
        if reference in self.by_id:
            return self.by_id[reference]
        matches = self.by_name.get(reference.casefold(), [])
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise SeedError(f"{where}: {self.what} {reference!r} is ambiguous: use its id or 'Group/Name'")
        raise SeedError(f"{where}: no {self.what} {reference!r} (by id or name)")


# ---------------------------------------------------------------------- pages


def _load_page(store: Store, entry: dict, where: str) -> None:
    _check_keys(entry, _PAGE_KEYS, where)
    page_fields = _clean(entry, {**fields.PAGE_WRITABLE, **fields.PAGE_READ_ONLY}, where)
    if not page_fields.get("name"):
        raise SeedError(f"{where}.name is required")
    embed_entry = entry.get("status_embed_config") or {}
    if not isinstance(embed_entry, dict):
        raise SeedError(f"{where}.status_embed_config must be a mapping")
    _check_keys(embed_entry, set(fields.STATUS_EMBED_CONFIG_WRITABLE) | {"page_id"}, f"{where}.status_embed_config")
    embed = _clean(embed_entry, fields.STATUS_EMBED_CONFIG_WRITABLE, f"{where}.status_embed_config")
    page_type = entry.get("page_type")
    if page_type not in (None, "audience-specific", "public"):
        raise SeedError(f"{where}.page_type must be audience-specific or public")
    page = _add(where, store.add_page, page_fields, embed, page_type=page_type, **_identity(entry, where))
    components = _load_components(store, page, _entries(entry, "components", where), f"{where}.components")
    metrics = _load_metrics(store, page, _entries(entry, "metrics", where), f"{where}.metrics")
    _load_access(store, page, entry, where, components, metrics)
    events = event_seed.Loader(store, page, components, _fail)
    events.templates(_entries(entry, "incident_templates", where), f"{where}.incident_templates")
    events.incidents(_entries(entry, "incidents", where), f"{where}.incidents")


def _fail(message: str) -> None:
    raise SeedError(message)


def _load_components(store: Store, page: PageData, entries: list, where: str) -> _Names:
    """Create groups and components in file order, put members into their groups, then order
    each level by the positions the seed gives (file order for the others)."""
    group_names = _Names("component group")
    memberships = []  # (member record or reference, group record or reference, where)
    positions = {}  # component id -> the seed's position
    for index, entry in enumerate(entries):
        here = f"{where}[{index}]"
        record, entry_memberships = _load_component(store, page, entry, here)
        if "position" in entry:
            positions[record["id"]] = entry["position"]
        if record["group"]:
            group_names.add(record, record["name"])
        memberships.extend(entry_memberships)
    names = _component_names(page)
    for member, group, here in memberships:
        # A member names its group, or a group lists its members: the same relation either way
        if isinstance(member, str):
            member = names.resolve(member, here)
        if isinstance(group, str):
            group = group_names.resolve(group, f"{here}.group")
        try:
            store.place_in_group(page, member, group)
        except ValueError as error:
            raise SeedError(f"{here}: {error}") from None
    load_order = {ident: number for number, ident in enumerate(page.components)}
    for level in [None] + [ident for ident, record in page.components.items() if record["group"]]:
        members = sorted(store.siblings(page, level),
                         key=lambda record: (positions.get(record["id"], float("inf")), load_order[record["id"]]))
        store.renumber(page, level, members)
    # Names with their group ("EU/Compute") only exist once members are placed
    return _component_names(page)


def _load_component(store: Store, page: PageData, entry: dict, here: str) -> tuple[dict, list]:
    """One component or group, and the group memberships it names (resolved later)."""
    _check_keys(entry, _COMPONENT_KEYS, here)
    component_fields = _clean(entry, fields.COMPONENT_WRITABLE, here)
    if not component_fields.get("name"):
        raise SeedError(f"{here}.name is required")
    group_flag = entry.get("group")
    identity = _identity(entry, here)
    memberships = []
    if group_flag is True:
        record = _add(here, store.add_component_group, page, component_fields["name"], [],
                      component_fields.get("description"), **identity)
        memberships = [(member, record, f"{here}.components") for member in _id_list(entry, "components", here)]
    else:
        if group_flag not in (None, False) and not isinstance(group_flag, str):
            raise SeedError(f"{here}.group must be true (a group), false, or a group's name")
        group_reference = component_fields.pop("group_id", None) or (group_flag or None)
        record = _add(here, store.add_component, page, component_fields, **identity)
        if group_reference:
            memberships = [(record, group_reference, here)]
    # Server-set fields that a state dump carries: kept, so that a dump loads back unchanged
    automation_email = entry.get("automation_email")
    if automation_email is not None:
        if not isinstance(automation_email, str):
            raise SeedError(f"{here}.automation_email must be a string")
        record["automation_email"] = automation_email
    if "position" in entry and (isinstance(entry["position"], bool) or not isinstance(entry["position"], int)):
        raise SeedError(f"{here}.position must be an integer")
    return record, memberships


def _component_names(page: PageData) -> _Names:
    names = _Names("component")
    for record in page.components.values():
        group = page.components.get(record["group_id"]) if record["group_id"] else None
        names.add(record, record["name"], *([f"{group['name']}/{record['name']}"] if group else []))
    return names


def _load_metrics(store: Store, page: PageData, entries: list, where: str) -> _Names:
    names = _Names("metric")
    for index, entry in enumerate(entries):
        here = f"{where}[{index}]"
        _check_keys(entry, _METRIC_KEYS, here)
        metric_fields = _clean(entry, fields.METRIC_SEEDABLE, here)
        if not metric_fields.get("name"):
            raise SeedError(f"{here}.name is required")
        record = _add(here, store.add_metric, page, metric_fields, **_identity(entry, here))
        names.add(record, record["name"])
    return names


def _load_access(store: Store, page: PageData, entry: dict, where: str,
                 components: _Names, metrics: _Names) -> None:
    """Page access groups, then users, then the user<->group links named on either side."""
    group_names = _Names("page access group")
    pending_group_users = []
    for index, group_entry in enumerate(_entries(entry, "page_access_groups", where)):
        here = f"{where}.page_access_groups[{index}]"
        _check_keys(group_entry, _ACCESS_GROUP_KEYS, here)
        group_fields = _clean(group_entry, fields.PAGE_ACCESS_GROUP_WRITABLE, here)
        if not group_fields.get("name"):
            raise SeedError(f"{here}.name is required")
        group_fields["component_ids"] = [components.resolve(ref, f"{here}.component_ids")["id"]
                                         for ref in group_fields.get("component_ids", [])]
        group_fields["metric_ids"] = [metrics.resolve(ref, f"{here}.metric_ids")["id"]
                                      for ref in group_fields.get("metric_ids", [])]
        user_references = group_fields.pop("page_access_user_ids", [])
        record = _add(here, store.add_access_group, page, group_fields, **_identity(group_entry, here))
        group_names.add(record, record["name"])
        pending_group_users.append((record, user_references, f"{here}.page_access_user_ids"))

    user_names = _Names("page access user")
    for index, user_entry in enumerate(_entries(entry, "page_access_users", where)):
        here = f"{where}.page_access_users[{index}]"
        _check_keys(user_entry, _ACCESS_USER_KEYS, here)
        user_fields = _clean(user_entry, fields.PAGE_ACCESS_USER_WRITABLE, here)
        if not user_fields.get("email"):
            raise SeedError(f"{here}.email is required")
        try:
            fields.check_email(user_fields["email"], f"{here}.email")
        except ApiError as error:
            raise SeedError(error.message) from None
        user_fields["page_access_group_ids"] = [group_names.resolve(ref, f"{here}.page_access_group_ids")["id"]
                                                for ref in user_fields.get("page_access_group_ids", [])]
        user_fields["component_ids"] = [components.resolve(ref, f"{here}.component_ids")["id"]
                                        for ref in _id_list(user_entry, "component_ids", here)]
        user_fields["metric_ids"] = [metrics.resolve(ref, f"{here}.metric_ids")["id"]
                                     for ref in _id_list(user_entry, "metric_ids", here)]
        record = _add(here, store.add_access_user, page, user_fields, **_identity(user_entry, here))
        user_names.add(record, record["email"])

    for group, user_references, here in pending_group_users:
        for reference in user_references:
            store.link(user_names.resolve(reference, here), group)


def _load_api_key(store: Store, entry: dict, where: str) -> None:
    _check_keys(entry, {"key", "pages"}, where)
    key = entry.get("key")
    if not isinstance(key, str) or not key:
        raise SeedError(f"{where}.key must be a non-empty string")
    if key in store.api_keys:
        raise SeedError(f"{where}.key is given twice")
    page_ids = entry.get("pages")
    if page_ids is None:
        page_ids = list(store.pages)  # no list: the key may use every page of the seed
    if not isinstance(page_ids, list) or not all(isinstance(page_id, str) for page_id in page_ids):
        raise SeedError(f"{where}.pages must be a list of page ids")
    for page_id in page_ids:
        if page_id not in store.pages:
            raise SeedError(f"{where}.pages: no page {page_id!r} in the seed")
    store.add_api_key(key, page_ids)
