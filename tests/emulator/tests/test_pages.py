"""Pages and their status embed config."""

from __future__ import annotations

from ..demo import DEMO_PAGE_ID
from ..views import PAGE_FIELDS, STATUS_EMBED_CONFIG_FIELDS
from .helpers import PAGE


def test_list_pages_is_the_keys_pages_unpaginated(api):
    answer = api.get("/pages", params={"page": 2, "per_page": 1})
    assert answer.status_code == 200
    assert [page["id"] for page in answer.json()] == [DEMO_PAGE_ID]


def test_get_page_has_every_field(api):
    page = api.get(PAGE).json()
    assert list(page) == list(PAGE_FIELDS)
    assert page["name"] == "Acme Cloud"
    assert page["subdomain"] == "acmecloud"
    assert page["time_zone"] == "UTC"
    assert page["twitter_username"] is None


def test_patch_page_returns_updated_page_and_bumps_updated_at(api):
    before = api.get(PAGE).json()
    answer = api.patch(PAGE, json={"page": {"name": "Acme Cloud Status", "hidden_from_search": True}})
    assert answer.status_code == 200
    page = answer.json()
    assert page["name"] == "Acme Cloud Status"
    assert page["hidden_from_search"] is True
    assert page["updated_at"] > before["updated_at"]
    assert page["created_at"] == before["created_at"]
    assert api.get(PAGE).json() == page


def test_put_page_is_the_same_as_patch(api):
    answer = api.put(PAGE, json={"page": {"css_blues": "#123456"}})
    assert answer.status_code == 200
    assert answer.json()["css_blues"] == "#123456"
    assert answer.json()["name"] == "Acme Cloud"


def test_unchanged_patch_keeps_updated_at(api):
    before = api.get(PAGE).json()
    after = api.patch(PAGE, json={"page": {"name": before["name"]}}).json()
    assert after["updated_at"] == before["updated_at"]


def test_read_only_and_unknown_page_fields_are_ignored(api):
    before = api.get(PAGE).json()
    answer = api.patch(PAGE, json={"page": {"headline": "new", "city": "Paris", "support_url": "https://x",
                                            "ip_restrictions": "1.2.3.4", "id": "hijack", "no_such": 1}})
    assert answer.status_code == 200
    assert answer.json() == before


def test_page_type_errors_are_422_naming_the_field(api):
    answer = api.patch(PAGE, json={"page": {"hidden_from_search": "yes"}})
    assert answer.status_code == 422
    assert "page.hidden_from_search" in answer.json()["message"]
    answer = api.patch(PAGE, json={"page": {"branding": "gold"}})
    assert answer.status_code == 422
    assert "page.branding" in answer.json()["message"]
    answer = api.patch(PAGE, json={"page": {"name": 5}})
    assert answer.status_code == 422
    assert "page.name" in answer.json()["message"]


def test_missing_page_wrapper_is_400(api):
    answer = api.patch(PAGE, json={"name": "x"})
    assert answer.status_code == 400
    assert "page" in answer.json()["message"]
    assert api.patch(PAGE).status_code == 400


def test_form_encoded_page_update(api):
    answer = api.patch(PAGE, data={"page[name]": "Formed", "page[allow_rss_atom_feeds]": "false"})
    assert answer.status_code == 200
    assert answer.json()["name"] == "Formed"
    assert answer.json()["allow_rss_atom_feeds"] is False


def test_invalid_json_is_400(api):
    answer = api.patch(PAGE, data="{not json", headers={"Content-Type": "application/json"})
    assert answer.status_code == 400
    assert "JSON" in answer.json()["message"]


def test_status_embed_config_get_patch_put(api):
    answer = api.get(PAGE + "/status_embed_config")
    assert answer.status_code == 200
    assert list(answer.json()) == list(STATUS_EMBED_CONFIG_FIELDS)
    assert answer.json()["page_id"] == DEMO_PAGE_ID
    answer = api.patch(PAGE + "/status_embed_config",
                       json={"status_embed_config": {"position": "top-right", "incident_text_color": "#000000"}})
    assert answer.status_code == 200
    assert answer.json()["position"] == "top-right"
    assert answer.json()["incident_text_color"] == "#000000"
    answer = api.put(PAGE + "/status_embed_config", data={"status_embed_config[maintenance_text_color]": "#111111"})
    assert answer.status_code == 200
    assert answer.json()["maintenance_text_color"] == "#111111"
    assert answer.json()["position"] == "top-right"
    assert api.get(PAGE + "/status_embed_config").json() == answer.json()


def test_status_embed_config_errors(api):
    assert api.patch(PAGE + "/status_embed_config", json={"position": "x"}).status_code == 400
    answer = api.patch(PAGE + "/status_embed_config", json={"status_embed_config": {"position": 3}})
    assert answer.status_code == 422
    assert "status_embed_config.position" in answer.json()["message"]
