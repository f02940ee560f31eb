"""Seed files (YAML and JSON), their checks, state dumps and the large seed builder."""

from __future__ import annotations

import json
import pathlib

import pytest
import requests
import yaml

from ..clock import is_statuspage_id
from ..seed import SeedError, build_store, load_seed_file
from ..seed_builder import build_large_seed
from ..server import start_in_thread
from .helpers import ApiClient

EXAMPLE_SEED = pathlib.Path(__file__).resolve().parents[1] / "examples" / "seed-example.yml"

SMALL_SEED = {
    "api_keys": [{"key": "k1", "pages": ["page00000001"]}],
    "pages": [{
        "id": "page00000001", "name": "Seeded",
        "components": [
            {"name": "G", "group": True},
            {"name": "One", "group": "G"},
            {"name": "Two"},
        ],
        "metrics": [{"name": "M"}],
        "page_access_groups": [{"name": "PG", "component_ids": ["G/One"], "page_access_user_ids": ["u@example.com"]}],
        "page_access_users": [{"email": "u@example.com", "component_ids": ["Two"], "metric_ids": ["M"]}],
    }],
}


@pytest.mark.parametrize("suffix", [".yml", ".json"])
def test_seed_file_yaml_and_json(tmp_path, suffix):
    path = tmp_path / f"seed{suffix}"
    path.write_text(json.dumps(SMALL_SEED) if suffix == ".json" else yaml.safe_dump(SMALL_SEED), encoding="utf-8")
    with start_in_thread(str(path)) as emulator:
        api = ApiClient(emulator.api_url, "k1")
        page = "/pages/page00000001"
        assert api.get(page).json()["name"] == "Seeded"
        components = api.get(page + "/components").json()
        group, one, two = components
        assert group["group"] and group["components"] == [one["id"]] and one["group_id"] == group["id"]
        assert two["group_id"] is None
        assert all(is_statuspage_id(component["id"]) for component in components)
        user = api.get(page + "/page_access_users").json()[0]
        access_group = api.get(page + "/page_access_groups").json()[0]
        assert user["page_access_group_ids"] == [access_group["id"]]
        assert access_group["page_access_user_ids"] == [user["id"]]
        assert access_group["component_ids"] == [one["id"]]
        assert [entry["id"] for entry in api.get(f"{page}/page_access_users/{user['id']}/components").json()] \
            == [two["id"]]
        assert [entry["name"] for entry in api.get(f"{page}/page_access_users/{user['id']}/metrics").json()] == ["M"]
        # reset goes back to the seed, not to the demo data
        api.patch(page, json={"page": {"name": "Changed"}})
        requests.post(emulator.url + "/__emulator__/reset", timeout=10).raise_for_status()
        assert api.get(page).json()["name"] == "Seeded"


def test_example_seed_loads(tmp_path):
    seed = load_seed_file(EXAMPLE_SEED)
    store = build_store(seed)
    assert set(store.api_keys) == {"example-key", "admin-key"}
    assert store.api_keys["admin-key"] == ["examplepage1", "examplepage2"]
    page = store.pages["examplepage1"]
    core = page.components["grpcore00001"]
    assert [page.components[ident]["name"] for ident in core["components"]] == ["API", "Website"]
    alice = next(user for user in page.access_users.values() if user["email"] == "alice@example.com")
    assert alice["page_access_group_ids"] == ["pagcustomers"]
    assert page.access_groups["pagcustomers"]["page_access_user_ids"] == [alice["id"]]
    assert page.status_embed_config["position"] == "bottom-right"
    assert page.record["headline"] == "Example Corp service status"
    (maintenance,) = page.incidents.values()
    assert maintenance["scheduled_for"] == "2030-06-01T00:00:00.000Z" and maintenance["status"] == "scheduled"
    assert [page.components[ident]["name"] for ident in maintenance["component_ids"]] == ["Frankfurt"]
    (template,) = page.incident_templates.values()
    assert template["component_ids"] == ["cmpapi000001"]


def test_state_dump_loads_back_as_a_seed():
    store = build_store(load_seed_file(EXAMPLE_SEED))
    dump = store.dump()
    assert build_store(json.loads(json.dumps(dump))).dump() == dump


@pytest.mark.parametrize("mutate, message", [
    (lambda seed: seed.update(api_keys=[]), "api_keys is empty"),
    (lambda seed: seed["api_keys"][0].update(pages=["nopage"]), "no page 'nopage'"),
    (lambda seed: seed["pages"][0].update(nmae="typo"), "unknown key(s) nmae"),
    (lambda seed: seed["pages"][0].update(name=None), "pages[0].name"),
    (lambda seed: seed["pages"][0]["components"][1].update(group="Nope"), "no component group 'Nope'"),
    (lambda seed: seed["pages"][0]["components"][0].update(status="sideways"), "status"),
    (lambda seed: seed["pages"][0]["page_access_users"][0].update(email="nope"), "e-mail"),
    (lambda seed: seed["pages"][0]["page_access_users"].append({"email": "U@example.com"}), "already exists"),
    (lambda seed: seed["pages"][0]["metrics"].append({"name": "M", "id": "page00000001"}), "used twice"),
    (lambda seed: seed["pages"][0]["page_access_groups"][0].update(component_ids=["Missing"]), "no component"),
])
def test_bad_seeds_are_refused_with_the_place(mutate, message):
    seed = json.loads(json.dumps(SMALL_SEED))
    mutate(seed)
    with pytest.raises(SeedError, match=message.replace("(", r"\(").replace(")", r"\)").replace("[", r"\[")):
        build_store(seed)


def test_unreadable_seed_files(tmp_path):
    with pytest.raises(SeedError, match="cannot read"):
        load_seed_file(tmp_path / "missing.yml")
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(SeedError, match="not valid JSON"):
        load_seed_file(broken)
    listed = tmp_path / "list.yml"
    listed.write_text("- 1\n", encoding="utf-8")
    with pytest.raises(SeedError, match="mapping"):
        load_seed_file(listed)


def test_large_seed_builder_is_deterministic_and_loads():
    seed = build_large_seed(component_groups=3, components_per_group=4, ungrouped_components=2, metrics=5,
                            access_groups=4, access_users=250, components_per_user=2)
    assert seed == build_large_seed(component_groups=3, components_per_group=4, ungrouped_components=2, metrics=5,
                                    access_groups=4, access_users=250, components_per_user=2)
    with start_in_thread(seed) as emulator:
        api = ApiClient(emulator.api_url, "bench-key")
        base = "/pages/benchpage001/page_access_users"
        pages = [api.get(base, params={"page": number, "per_page": 100}).json() for number in (1, 2, 3)]
        assert [len(page) for page in pages] == [100, 100, 50]
        found = api.get(base, params={"email": "user00200@example.com"}).json()
        assert len(found) == 1
        assert len(api.get(f"{base}/{found[0]['id']}/components").json()) == 2
        assert len(api.get("/pages/benchpage001/components").json()) == 3 + 12 + 2
