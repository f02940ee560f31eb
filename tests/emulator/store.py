"""The in-memory data model: pages, their components, metrics, page access groups and users.

Methods take values that fields.py has already type-checked; they check what needs the data
(that ids exist, that an e-mail is not taken), keep both sides of every relation consistent,
and move ``updated_at`` forward only when something really changed. Callers hold
``Store.lock`` around a whole request, so a request sees and leaves a consistent state.
"""

from __future__ import annotations

import copy
import threading

from . import clock
from .errors import ApiError, not_found
from .variants import Variants

DEFAULT_PAGE = {
    "page_description": None, "headline": None, "branding": "basic", "subdomain": None,
    "domain": None, "url": None, "support_url": None, "hidden_from_search": False,
    "allow_page_subscribers": True, "allow_incident_subscribers": True,
    "allow_email_subscribers": True, "allow_sms_subscribers": True, "allow_rss_atom_feeds": True,
    "allow_webhook_subscribers": True, "notifications_from_email": None,
    "notifications_email_footer": None, "activity_score": 0, "twitter_username": None,
    "viewers_must_be_team_members": False, "ip_restrictions": None, "city": None, "state": None,
    "country": None, "time_zone": "UTC",
    # Statuspage's own default colours
    "css_body_background_color": "#ffffff", "css_font_color": "#333333",
    "css_light_font_color": "#757575", "css_greens": "#2fcc66", "css_yellows": "#f1c40f",
    "css_oranges": "#e67e22", "css_blues": "#3498db", "css_reds": "#e74c3c",
    "css_border_color": "#ecf0f1", "css_graph_color": "#3498db", "css_link_color": "#3498db",
    "css_no_data": "#b3bac5",
    "favicon_logo": None, "transactional_logo": None, "hero_cover": None, "email_logo": None,
    "twitter_logo": None,
}

DEFAULT_STATUS_EMBED_CONFIG = {
    "position": "bottom-left",
    "incident_background_color": "#e74c3c",
    "incident_text_color": "#ffffff",
    "maintenance_background_color": "#3498db",
    "maintenance_text_color": "#ffffff",
}

DEFAULT_METRIC = {
    "metrics_provider_id": None, "metric_identifier": None, "display": True,
    "tooltip_description": None, "backfilled": False, "y_axis_min": None, "y_axis_max": None,
    "y_axis_hidden": False, "suffix": None, "decimal_places": 0, "most_recent_data_at": None,
    "last_fetched_at": None, "backfill_percentage": 0, "reference_name": None,
}


class PageData:
    """One page and everything that belongs to it, each collection in display order."""

    def __init__(self, record: dict, status_embed_config: dict, page_type: str = "audience-specific"):
        self.record = record
        self.status_embed_config = status_embed_config
        # Not a field of the Page object (the description has none that names the type): only
        # the access endpoints' behaviour can show it (variants: page-type, non-audience-access)
        self.page_type = page_type
        self.components: dict[str, dict] = {}  # plain components and groups alike
        self.metrics: dict[str, dict] = {}
        self.access_groups: dict[str, dict] = {}
        self.access_users: dict[str, dict] = {}
        # casefolded e-mail -> ids of the users with it (several only where the email-case
        # variant lets Ann@x and ann@x both exist): the filter and the uniqueness check stay fast
        self.user_ids_by_email: dict[str, list[str]] = {}
        # Incidents and maintenances (events.py), newest last; incident templates
        self.incidents: dict[str, dict] = {}
        self.incident_templates: dict[str, dict] = {}

    @property
    def page_id(self) -> str:
        return self.record["id"]


def _dedupe(ids: list[str]) -> list[str]:
    return list(dict.fromkeys(ids))


def _apply_update(record: dict, changes: dict) -> bool:
    """Set ``changes`` on ``record``; bump updated_at if any value differs. True if changed."""
    changed = {name: value for name, value in changes.items() if record.get(name) != value}
    if not changed:
        return False
    record.update(changed)
    touch(record)
    return True


def touch(record: dict) -> None:
    record["updated_at"] = clock.timestamp_after(record.get("updated_at"))


def _timestamps(created_at: str | None = None, updated_at: str | None = None) -> dict:
    created = created_at or clock.now_timestamp()
    return {"created_at": created, "updated_at": updated_at or created}


def membership_change(current: list[str], ids: list[str], mode: str) -> list[str]:
    """The id list after one of the membership verbs: add, replace, remove or clear."""
    if mode == "add":
        return _dedupe(current + ids)
    if mode == "replace":
        return _dedupe(ids)
    if mode == "remove":
        return [ident for ident in current if ident not in ids]
    if mode == "clear":
        return []
    raise ValueError(f"unknown membership mode {mode}")


class Store:
    """All data of one emulator run. Guard every use with ``with store.lock``."""

    def __init__(self, variants: Variants | None = None):
        self.variants = variants or Variants()
        self.lock = threading.RLock()
        self.api_keys: dict[str, list[str]] = {}
        self.pages: dict[str, PageData] = {}
        self._taken_ids: set[str] = set()
        # The emulator's own time, and what subscribers would have been sent (events.py)
        self.clock = clock.Clock()
        self.notifications: list[dict] = []

    # ------------------------------------------------------------------ ids and access

    def claim_id(self, ident: str | None) -> str:
        """Reserve ``ident``, or a fresh id when it is None; ids are unique across the store."""
        if ident is None:
            ident = clock.new_id(self._taken_ids)
        elif ident in self._taken_ids:
            raise ValueError(f"id {ident!r} is used twice")
        self._taken_ids.add(ident)
        return ident

    def _release_id(self, ident: str) -> None:
        self._taken_ids.discard(ident)

    def add_api_key(self, key: str, page_ids: list[str]) -> None:
        self.api_keys[key] = list(page_ids)

    def page_for_key(self, key: str | None, page_id: str) -> PageData:
        """The page if ``key`` may use it: 401 for an unknown key, 403 for a page of someone
        else, 404 for a page that does not exist."""
        allowed = self.allowed_page_ids(key)
        page = self.pages.get(page_id)
        if page is None:
            raise not_found("Page", page_id)
        if page_id not in allowed:
            raise ApiError(403, "You are not authorized to access this resource.")
        return page

    def allowed_page_ids(self, key: str | None) -> list[str]:
        if not key or key not in self.api_keys:
            raise ApiError(401, "Could not authenticate")
        return self.api_keys[key]

    # ------------------------------------------------------------------ pages

    def add_page(self, fields: dict, status_embed_config: dict | None = None,
                 ident: str | None = None, created_at: str | None = None,
                 updated_at: str | None = None, page_type: str | None = None) -> PageData:
        page_id = self.claim_id(ident)
        record = {"id": page_id, **_timestamps(created_at, updated_at), **DEFAULT_PAGE, **fields}
        embed = {"page_id": page_id, **DEFAULT_STATUS_EMBED_CONFIG, **(status_embed_config or {})}
        page = PageData(record, embed, page_type or self.variants.page_type)
        self.pages[page_id] = page
        return page

    def update_page(self, page: PageData, changes: dict) -> bool:
        return _apply_update(page.record, changes)

    def update_status_embed_config(self, page: PageData, changes: dict) -> bool:
        # The embed config has no timestamps of its own: the page's updated_at moves instead
        embed = page.status_embed_config
        changed = {name: value for name, value in changes.items() if embed.get(name) != value}
        if not changed:
            return False
        embed.update(changed)
        touch(page.record)
        return True

    # ------------------------------------------------------------------ components

    def component(self, page: PageData, component_id: str) -> dict:
        record = page.components.get(component_id)
        if record is None:
            raise not_found("Component", component_id)
        return record

    def component_group(self, page: PageData, group_id: str) -> dict:
        record = page.components.get(group_id)
        if record is None or not record["group"]:
            raise not_found("Component group", group_id)
        return record

    # Order on the page. ``position`` numbers the components of one level from 1: the top level
    # (component groups and ungrouped components) and each group's members; a group's
    # ``components`` lists its members in that order. A component joins a level last.

    def siblings(self, page: PageData, group_id: str | None) -> list[dict]:
        """The components of one level (None: the top level), in position order."""
        return sorted((record for record in page.components.values() if record["group_id"] == group_id),
                      key=lambda record: record["position"])

    def display_order(self, page: PageData) -> list[dict]:
        """Every component as the page shows them: each group followed by its members."""
        ordered = []
        for record in self.siblings(page, None):
            ordered.append(record)
            if record["group"]:
                ordered.extend(self.siblings(page, record["id"]))
        return ordered

    def renumber(self, page: PageData, group_id: str | None, order: list[dict] | None = None) -> None:
        """Positions 1..n for one level, in ``order`` or in the current order."""
        members = order if order is not None else self.siblings(page, group_id)
        for number, record in enumerate(members, 1):
            record["position"] = number
        group = page.components.get(group_id) if group_id else None
        if group is not None:
            group["components"] = [record["id"] for record in members]

    def move_to_position(self, page: PageData, record: dict, position: int) -> bool:
        """Put ``record`` at ``position`` (from 1) within its level (variant component-position=writable)."""
        others = [sibling for sibling in self.siblings(page, record["group_id"]) if sibling is not record]
        index = max(0, min(position, len(others) + 1) - 1)
        if self.siblings(page, record["group_id"]).index(record) == index:
            return False
        self.renumber(page, record["group_id"], others[:index] + [record] + others[index:])
        return True

    def _relocate(self, page: PageData, record: dict, group_id: str | None) -> None:
        """Move ``record`` to the end of another level."""
        old_group_id = record["group_id"]
        record["group_id"] = group_id
        record["position"] = float("inf")
        self.renumber(page, group_id)
        if old_group_id != group_id:
            self.renumber(page, old_group_id)

    def _group_for_member(self, page: PageData, group_id: str | None, where: str) -> dict | None:
        # The description: 'If group_id is "null" then the component will be removed from a group'
        if group_id is None or group_id in ("", "null"):
            return None
        group = page.components.get(group_id)
        if group is None or not group["group"]:
            raise ApiError(422, f"{where}.group_id {group_id} is not a component group of this page")
        return group

    def add_component(self, page: PageData, fields: dict, ident: str | None = None,
                      created_at: str | None = None, updated_at: str | None = None) -> dict:
        group = self._group_for_member(page, fields.get("group_id"), "component")
        component_id = self.claim_id(ident)
        record = {
            "id": component_id, "page_id": page.page_id, "group_id": None,
            **_timestamps(created_at, updated_at), "group": False, "name": fields["name"],
            "description": None, "position": float("inf"), "status": "operational",
            "showcase": True, "only_show_if_degraded": False,
            "automation_email": f"component+{component_id}@notifications.statuspage.io",
            "start_date": None,
        }
        record.update({name: value for name, value in fields.items() if name != "group_id"})
        page.components[component_id] = record
        self._relocate(page, record, group["id"] if group is not None else None)
        return record

    def update_component(self, page: PageData, record: dict, changes: dict) -> bool:
        changes = dict(changes)
        changed = False
        if "group_id" in changes:
            group = self._group_for_member(page, changes.pop("group_id"), "component")
            if record["group"] and group is not None:
                raise ApiError(422, "component.group_id: a component group cannot be put into a group")
            group_id = group["id"] if group is not None else None
            if group_id != record["group_id"]:
                self._relocate(page, record, group_id)
                touch(record)
                changed = True
        return _apply_update(record, changes) or changed

    def place_in_group(self, page: PageData, member: dict, group: dict) -> None:
        """Put a component into a group without touching timestamps (for loading seeds)."""
        if member["group"]:
            raise ValueError(f"component group {member['id']} cannot be put into a group")
        self._relocate(page, member, group["id"])

    def delete_component(self, page: PageData, record: dict) -> None:
        """Delete a component; deleting a group leaves its members on the page, ungrouped, last.

        (Variant group-delete=delete-members: the API handler deletes the members first.)"""
        if record["group"]:
            for member in self.siblings(page, record["id"]):
                self._relocate(page, member, None)
                touch(member)
        del page.components[record["id"]]
        self.renumber(page, record["group_id"])
        self._release_id(record["id"])
        for holder in list(page.access_users.values()) + list(page.access_groups.values()):
            if record["id"] in holder["component_ids"]:
                holder["component_ids"].remove(record["id"])
        # ... and from every incident and template that named it
        for holder in list(page.incidents.values()) + list(page.incident_templates.values()):
            if record["id"] in holder["component_ids"]:
                holder["component_ids"].remove(record["id"])
            holder.get("held_components", {}).pop(record["id"], None)

    def _members_for_group(self, page: PageData, member_ids: list[str], group_id: str | None) -> list[dict]:
        members = []
        for member_id in _dedupe(member_ids):
            member = page.components.get(member_id)
            if member is None:
                raise ApiError(422, f"component_group.components: component {member_id} not found")
            if member["group"] or member_id == group_id:
                raise ApiError(422, f"component_group.components: {member_id} is a component group")
            members.append(member)
        return members

    def add_component_group(self, page: PageData, name: str, member_ids: list[str],
                            description: str | None = None, ident: str | None = None,
                            created_at: str | None = None, updated_at: str | None = None) -> dict:
        members = self._members_for_group(page, member_ids, None)
        group_id = self.claim_id(ident)
        record = {
            "id": group_id, "page_id": page.page_id, "group_id": None,
            **_timestamps(created_at, updated_at), "group": True, "name": name,
            "description": description, "position": float("inf"),
            "status": "operational", "showcase": False, "only_show_if_degraded": False,
            "automation_email": None, "start_date": None, "components": [],
        }
        page.components[group_id] = record
        self.renumber(page, None)
        for member in members:
            self._relocate(page, member, group_id)
            touch(member)
        return record

    def update_component_group(self, page: PageData, group: dict, changes: dict, keep_order: bool = True) -> bool:
        """Change a group; ``components`` is its whole member set. With ``keep_order`` (the
        default, variant component-position=read-only) members keep their order whatever order
        is sent and new ones join last; without it the order sent is the members' order."""
        changes = dict(changes)
        changed = False
        if "components" in changes:
            members = self._members_for_group(page, changes.pop("components"), group["id"])
            wanted = [member["id"] for member in members]
            for member in self.siblings(page, group["id"]):
                if member["id"] not in wanted:
                    self._relocate(page, member, None)
                    touch(member)
                    changed = True
            for member in members:
                if member["group_id"] != group["id"]:
                    self._relocate(page, member, group["id"])
                    touch(member)
                    changed = True
            if not keep_order and wanted != group["components"]:
                self.renumber(page, group["id"], members)
                changed = True
            if changed:
                touch(group)
        return _apply_update(group, changes) or changed

    # ------------------------------------------------------------------ metrics

    def metric(self, page: PageData, metric_id: str) -> dict:
        record = page.metrics.get(metric_id)
        if record is None:
            raise not_found("Metric", metric_id)
        return record

    def add_metric(self, page: PageData, fields: dict, ident: str | None = None,
                   created_at: str | None = None, updated_at: str | None = None) -> dict:
        metric_id = self.claim_id(ident)
        record = {"id": metric_id, **DEFAULT_METRIC, **_timestamps(created_at, updated_at), **fields}
        page.metrics[metric_id] = record
        return record

    # ------------------------------------------------------------------ references

    def check_component_ids(self, page: PageData, ids: list[str], where: str, status: int) -> None:
        for ident in ids:
            if ident not in page.components:
                raise ApiError(status, f"{where}: component {ident} not found on page {page.page_id}")

    def check_metric_ids(self, page: PageData, ids: list[str], where: str, status: int) -> None:
        for ident in ids:
            if ident not in page.metrics:
                raise ApiError(status, f"{where}: metric {ident} not found on page {page.page_id}")

    def check_access_group_ids(self, page: PageData, ids: list[str], where: str, status: int) -> None:
        for ident in ids:
            if ident not in page.access_groups:
                raise ApiError(status, f"{where}: page access group {ident} not found on page {page.page_id}")

    def check_access_user_ids(self, page: PageData, ids: list[str], where: str, status: int) -> None:
        for ident in ids:
            if ident not in page.access_users:
                raise ApiError(status, f"{where}: page access user {ident} not found on page {page.page_id}")

    def change_ids(self, record: dict, field: str, ids: list[str], mode: str) -> bool:
        """Apply a membership verb to ``record[field]`` (component_ids or metric_ids)."""
        new = membership_change(record[field], ids, mode)
        if new == record[field]:
            return False
        record[field] = new
        touch(record)
        return True

    # ------------------------------------------------------------------ page access groups

    def access_group(self, page: PageData, group_id: str) -> dict:
        record = page.access_groups.get(group_id)
        if record is None:
            raise not_found("Page access group", group_id)
        return record

    def add_access_group(self, page: PageData, fields: dict, ident: str | None = None,
                         created_at: str | None = None, updated_at: str | None = None) -> dict:
        self.check_component_ids(page, fields.get("component_ids", []), "page_access_group.component_ids", 422)
        self.check_metric_ids(page, fields.get("metric_ids", []), "page_access_group.metric_ids", 422)
        self.check_access_user_ids(page, fields.get("page_access_user_ids", []),
                                   "page_access_group.page_access_user_ids", 422)
        group_id = self.claim_id(ident)
        record = {
            "id": group_id, "page_id": page.page_id, "name": fields["name"],
            "page_access_user_ids": [], "external_identifier": fields.get("external_identifier"),
            "metric_ids": _dedupe(fields.get("metric_ids", [])),
            "component_ids": _dedupe(fields.get("component_ids", [])),
            **_timestamps(created_at, updated_at),
        }
        page.access_groups[group_id] = record
        for user_id in _dedupe(fields.get("page_access_user_ids", [])):
            self.link(page.access_users[user_id], record)
        return record

    def update_access_group(self, page: PageData, group: dict, changes: dict) -> bool:
        changes = dict(changes)
        self.check_component_ids(page, changes.get("component_ids", []), "page_access_group.component_ids", 422)
        self.check_metric_ids(page, changes.get("metric_ids", []), "page_access_group.metric_ids", 422)
        changed = False
        if "page_access_user_ids" in changes:
            user_ids = _dedupe(changes.pop("page_access_user_ids"))
            self.check_access_user_ids(page, user_ids, "page_access_group.page_access_user_ids", 422)
            if user_ids != group["page_access_user_ids"]:
                for user_id in set(group["page_access_user_ids"]) ^ set(user_ids):
                    touch(page.access_users[user_id])  # its page_access_group_ids changes too
                for user_id in list(group["page_access_user_ids"]):
                    if user_id not in user_ids:
                        self.unlink(page.access_users[user_id], group)
                for user_id in user_ids:
                    self.link(page.access_users[user_id], group)
                group["page_access_user_ids"] = user_ids
                touch(group)
                changed = True
        for field in ("component_ids", "metric_ids"):
            if field in changes:
                changes[field] = _dedupe(changes[field])
        return _apply_update(group, changes) or changed

    def delete_access_group(self, page: PageData, group: dict) -> None:
        for user_id in list(group["page_access_user_ids"]):
            self.unlink(page.access_users[user_id], group)
        del page.access_groups[group["id"]]
        self._release_id(group["id"])

    def link(self, user: dict, group: dict) -> None:
        """Make ``user`` a member of ``group``, recorded on both sides."""
        if group["id"] not in user["page_access_group_ids"]:
            user["page_access_group_ids"].append(group["id"])
        if user["id"] not in group["page_access_user_ids"]:
            group["page_access_user_ids"].append(user["id"])

    def unlink(self, user: dict, group: dict) -> None:
        if group["id"] in user["page_access_group_ids"]:
            user["page_access_group_ids"].remove(group["id"])
        if user["id"] in group["page_access_user_ids"]:
            group["page_access_user_ids"].remove(user["id"])

    # ------------------------------------------------------------------ page access users

    def access_user(self, page: PageData, user_id: str) -> dict:
        record = page.access_users.get(user_id)
        if record is None:
            raise not_found("Page access user", user_id)
        return record

    def _users_with_email(self, page: PageData, email: str, ignore_case: bool) -> list[dict]:
        users = [page.access_users[user_id] for user_id in page.user_ids_by_email.get(email.casefold(), [])]
        return users if ignore_case else [user for user in users if user["email"] == email]

    def find_access_users_by_email(self, page: PageData, email: str) -> list[dict]:
        """The API's ?email= filter: the whole address, ignoring case unless the email-case
        variant says otherwise."""
        return self._users_with_email(page, email, self.variants.email_filter_ignores_case)

    def _check_email_free(self, page: PageData, email: str, except_id: str | None = None) -> None:
        for user in self._users_with_email(page, email, self.variants.email_uniqueness_ignores_case):
            if user["id"] != except_id:
                if self.variants.duplicate_status == 422:
                    # Rails' uniqueness validation: 422 with the model's full messages
                    raise ApiError(422, "Email has already been taken", rails_errors=["Email has already been taken"])
                raise ApiError(409, f"A page access user with the e-mail {email} already exists")

    def _index_email(self, page: PageData, user: dict) -> None:
        page.user_ids_by_email.setdefault(user["email"].casefold(), []).append(user["id"])

    def _unindex_email(self, page: PageData, user: dict) -> None:
        ids = page.user_ids_by_email[user["email"].casefold()]
        ids.remove(user["id"])
        if not ids:
            del page.user_ids_by_email[user["email"].casefold()]

    def add_access_user(self, page: PageData, fields: dict, ident: str | None = None,
                        created_at: str | None = None, updated_at: str | None = None) -> dict:
        self._check_email_free(page, fields["email"])
        group_ids = _dedupe(fields.get("page_access_group_ids", []))
        self.check_access_group_ids(page, group_ids, "page_access_user.page_access_group_ids", 422)
        self.check_component_ids(page, fields.get("component_ids", []), "page_access_user.component_ids", 422)
        self.check_metric_ids(page, fields.get("metric_ids", []), "page_access_user.metric_ids", 422)
        user_id = self.claim_id(ident)
        record = {
            "id": user_id, "page_id": page.page_id, "email": fields["email"],
            "external_login": fields.get("external_login"), "page_access_group_ids": [],
            **_timestamps(created_at, updated_at),
            # Not part of the user object the API returns: see views.page_access_user_view
            "component_ids": _dedupe(fields.get("component_ids", [])),
            "metric_ids": _dedupe(fields.get("metric_ids", [])),
            "subscribe_to_components": fields.get("subscribe_to_components", False),
        }
        page.access_users[user_id] = record
        self._index_email(page, record)
        for group_id in group_ids:
            self.link(record, page.access_groups[group_id])
        return record

    def update_access_user(self, page: PageData, user: dict, changes: dict) -> bool:
        changes = dict(changes)
        # Check everything before changing anything: a refused request must change nothing
        if "email" in changes:
            self._check_email_free(page, changes["email"], except_id=user["id"])
        group_ids = None
        if "page_access_group_ids" in changes:
            group_ids = _dedupe(changes.pop("page_access_group_ids"))
            self.check_access_group_ids(page, group_ids, "page_access_user.page_access_group_ids", 422)
        changed = False
        if group_ids is not None and group_ids != user["page_access_group_ids"]:
            for group_id in set(user["page_access_group_ids"]) ^ set(group_ids):
                touch(page.access_groups[group_id])  # its page_access_user_ids changes too
            for group_id in list(user["page_access_group_ids"]):
                if group_id not in group_ids:
                    self.unlink(user, page.access_groups[group_id])
            for group_id in group_ids:
                self.link(user, page.access_groups[group_id])
            user["page_access_group_ids"] = group_ids
            touch(user)
            changed = True
        new_email = "email" in changes and changes["email"] != user["email"]
        if new_email:
            self._unindex_email(page, user)
        changed = _apply_update(user, changes) or changed
        if new_email:
            self._index_email(page, user)
        return changed

    def delete_access_user(self, page: PageData, user: dict) -> None:
        for group_id in list(user["page_access_group_ids"]):
            self.unlink(user, page.access_groups[group_id])
        del page.access_users[user["id"]]
        self._unindex_email(page, user)
        self._release_id(user["id"])

    # ------------------------------------------------------------------ whole state

    def dump(self) -> dict:
        """Everything, in the seed file format: a dump loads back as a seed."""
        pages = []
        for page in self.pages.values():
            entry = dict(page.record)
            entry["page_type"] = page.page_type
            entry["status_embed_config"] = {name: value for name, value in page.status_embed_config.items()
                                            if name != "page_id"}
            entry["components"] = [_copy(record) for record in page.components.values()]
            entry["metrics"] = [_copy(record) for record in page.metrics.values()]
            entry["page_access_groups"] = [_copy(record) for record in page.access_groups.values()]
            entry["page_access_users"] = [_copy(record) for record in page.access_users.values()]
            entry["incidents"] = [copy.deepcopy(record) for record in page.incidents.values()]
            entry["incident_templates"] = [copy.deepcopy(record) for record in page.incident_templates.values()]
            pages.append(entry)
        keys = [{"key": key, "pages": list(page_ids)} for key, page_ids in self.api_keys.items()]
        dumped = {"api_keys": keys, "pages": pages}
        if self.variants.non_default():
            dumped["variants"] = self.variants.non_default()
        return dumped


def _copy(record: dict) -> dict:
    return {name: list(value) if isinstance(value, list) else value for name, value in record.items()}
