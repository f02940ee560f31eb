"""The built-in demo data, served when no --seed is given.

Everything is fixed (ids and timestamps) so that a demo, a doc example or a test can name
things by id and get the same answer after every restart and every POST /__emulator__/reset.
"""

from __future__ import annotations

import copy

DEMO_API_KEY = "demo-key"
DEMO_PAGE_ID = "acmecloud123"
# A page that exists but that demo-key may not use: the 403 case for tests
OTHER_PAGE_ID = "otherorg0001"
OTHER_API_KEY = "other-key"

DEMO_CREATED_AT = "2024-01-15T09:00:00.000Z"

# name -> id, hard-coded so that they survive any change to how ids are generated
DEMO_COMPONENT_GROUP_IDS = {
    "Platform": "vrte2xj10a6a",
    "EU": "6myciscsr0ww",
    "US": "2bsi0o1zpxbx",
}
# "Group/Name" -> id; "Compute" exists in two groups, so only "EU/Compute" is unique
DEMO_COMPONENT_IDS = {
    "Platform/API": "d59ujm7rjqit",
    "Platform/Dashboard": "mhhvkte6ptrm",
    "Platform/Authentication": "0aaq2fy0p4a0",
    "Platform/Webhooks": "dp7x015bix67",
    "EU/Compute": "lcrype1hzn91",
    "EU/Storage": "g1299f5935or",
    "EU/Database": "yeqw4cw8q270",
    "US/Compute": "94k3ayh4nvjn",
    "US/Storage": "0xktsoemah35",
    "US/Database": "d8ggmnck9cx5",
}
DEMO_METRIC_IDS = {
    "API Latency": "grdk5uo2yv22",
    "Error Rate": "yob1daa45q4u",
    "Uptime": "m8kuwzknykw3",
}
DEMO_METRICS_PROVIDER_ID = "syuduqk0c2xx"
# name -> id of the incident templates (no incidents: the page starts with none)
DEMO_TEMPLATE_IDS = {
    "Planned maintenance": "mt7c2vq0hx4e",
    "Degraded performance": "dp3n8rw5ka1z",
}

_COMPONENT_DESCRIPTIONS = {
    "API": "The public REST API",
    "Dashboard": "The web console",
    "Authentication": "Sign-in and single sign-on",
    "Webhooks": "Outgoing event notifications",
    "Compute": "Virtual machines and containers",
    "Storage": "Object and block storage",
    "Database": "Managed databases",
}

_METRIC_DETAILS = {
    "API Latency": {"metric_identifier": "api.latency.p95", "suffix": "ms", "decimal_places": 0,
                    "y_axis_min": 0, "tooltip_description": "95th percentile response time"},
    "Error Rate": {"metric_identifier": "api.errors.rate", "suffix": "%", "decimal_places": 2,
                   "y_axis_min": 0, "y_axis_max": 100, "tooltip_description": "Share of requests that failed"},
    "Uptime": {"metric_identifier": "platform.uptime", "suffix": "%", "decimal_places": 3,
               "y_axis_min": 0, "y_axis_max": 100, "tooltip_description": "Availability over the last 24 hours"},
}


def _components() -> list[dict]:
    entries = []
    for group_name, group_id in DEMO_COMPONENT_GROUP_IDS.items():
        entries.append({"id": group_id, "name": group_name, "group": True,
                        "description": f"{group_name} services"})
        for path, component_id in DEMO_COMPONENT_IDS.items():
            member_group, name = path.split("/")
            if member_group == group_name:
                entries.append({"id": component_id, "name": name, "group_id": group_id,
                                "description": _COMPONENT_DESCRIPTIONS[name], "status": "operational"})
    return entries


def _templates() -> list[dict]:
    return [
        {"id": DEMO_TEMPLATE_IDS["Planned maintenance"], "name": "Planned maintenance",
         "title": "Scheduled maintenance",
         "body": "We will be performing scheduled maintenance. The affected services may be briefly unavailable.",
         "update_status": "scheduled", "should_send_notifications": True, "component_ids": []},
        {"id": DEMO_TEMPLATE_IDS["Degraded performance"], "name": "Degraded performance",
         "title": "Degraded API performance", "body": "We are investigating slower than usual API responses.",
         "update_status": "investigating", "should_send_notifications": True, "component_ids": ["Platform/API"]},
    ]


def _metrics() -> list[dict]:
    return [{"id": metric_id, "name": name, "metrics_provider_id": DEMO_METRICS_PROVIDER_ID,
             **_METRIC_DETAILS[name]} for name, metric_id in DEMO_METRIC_IDS.items()]


_DEMO_SEED = {
    "api_keys": [
        {"key": DEMO_API_KEY, "pages": [DEMO_PAGE_ID]},
        {"key": OTHER_API_KEY, "pages": [OTHER_PAGE_ID]},
    ],
    "pages": [
        {
            "id": DEMO_PAGE_ID,
            "created_at": DEMO_CREATED_AT,
            "name": "Acme Cloud",
            "subdomain": "acmecloud",
            "domain": "status.acmecloud.example",
            "url": "https://www.acmecloud.example",
            "support_url": "https://support.acmecloud.example",
            "page_description": "Live status of the Acme Cloud platform",
            "headline": "Acme Cloud status",
            "branding": "premium",
            "time_zone": "UTC",
            "city": "Berlin",
            "country": "Germany",
            "notifications_from_email": "no-reply@acmecloud.example",
            "notifications_email_footer": "You receive this because you subscribed to Acme Cloud status.",
            "viewers_must_be_team_members": False,
            "hidden_from_search": False,
            "allow_page_subscribers": True,
            "allow_incident_subscribers": True,
            "allow_email_subscribers": True,
            "allow_sms_subscribers": False,
            "allow_rss_atom_feeds": True,
            "allow_webhook_subscribers": True,
            "css_body_background_color": "#ffffff",
            "css_font_color": "#1f2933",
            "css_light_font_color": "#7b8794",
            "css_greens": "#2fcc66",
            "css_yellows": "#f1c40f",
            "css_oranges": "#e67e22",
            "css_blues": "#0b6bcb",
            "css_reds": "#e74c3c",
            "css_border_color": "#e4e7eb",
            "css_graph_color": "#0b6bcb",
            "css_link_color": "#0b6bcb",
            "css_no_data": "#b3bac5",
            "status_embed_config": {
                "position": "bottom-left",
                "incident_background_color": "#e74c3c",
                "incident_text_color": "#ffffff",
                "maintenance_background_color": "#0b6bcb",
                "maintenance_text_color": "#ffffff",
            },
            "components": _components(),
            "metrics": _metrics(),
            "page_access_groups": [],
            "page_access_users": [],
            "incident_templates": _templates(),
        },
        {
            "id": OTHER_PAGE_ID,
            "created_at": DEMO_CREATED_AT,
            "name": "Other Org",
            "subdomain": "otherorg",
            "time_zone": "UTC",
            "components": [
                {"id": "k4htdo3d9m0o", "name": "Core", "group": True},
                {"id": "fdycxlcn5nit", "name": "Website", "group_id": "k4htdo3d9m0o"},
            ],
        },
    ],
}


def demo_seed() -> dict:
    """A fresh copy of the demo data in the seed format (callers may change it)."""
    seed = copy.deepcopy(_DEMO_SEED)
    # Fixed timestamps too, so that two runs answer byte for byte the same
    for page in seed["pages"]:
        for kind in ("components", "metrics", "page_access_groups", "page_access_users"):
            for entry in page.get(kind, []):
                entry.setdefault("created_at", DEMO_CREATED_AT)
    return seed
