"""Variants: how they are chosen (seed, command line, environment, control endpoint) and what
each one answers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest
import requests

from .. import variants
from ..demo import DEMO_API_KEY, DEMO_COMPONENT_IDS, DEMO_METRIC_IDS, DEMO_PAGE_ID, OTHER_PAGE_ID, demo_seed
from ..seed import SeedError, build_store
from ..server import start_in_thread
from .helpers import PAGE, REPO_ROOT, ApiClient, Control, openapi_description_path, openapi_missing_message
from .test_cli import start_cli, stop

USERS = PAGE + "/page_access_users"
GROUPS = PAGE + "/page_access_groups"
API, EU_COMPUTE = DEMO_COMPONENT_IDS["Platform/API"], DEMO_COMPONENT_IDS["EU/Compute"]
UPTIME = DEMO_METRIC_IDS["Uptime"]


def create_user(api, email: str, **fields) -> dict:
    answer = api.post(USERS, json={"page_access_user": {"email": email, **fields}})
    assert answer.status_code == 200, answer.text
    return answer.json()


def create_group(api, name: str) -> str:
    answer = api.post(GROUPS, json={"page_access_group": {"name": name}})
    assert answer.status_code == 201, answer.text
    return answer.json()["id"]


@pytest.fixture
def use(control):
    """Serve a variant selection on the shared emulator, from fresh data (the next test's reset
    goes back to the default)."""
    def choose(selection: str) -> None:
        answer = control.variants(selection)
        assert answer.status_code == 200, answer.text
    return choose


# ---------------------------------------------------------------------- choosing variants


def test_presets_and_settings_combine_and_a_later_item_wins():
    chosen = variants.resolve("throttle-420,throttle-window, throttle-limit=5,duplicate-422")
    assert (chosen.throttle, chosen.throttle_status, chosen.retry_after, chosen.throttle_limit) == ("window", 420, 60, 5)
    assert chosen.duplicate_status == 422
    assert variants.resolve("error-list,error-string").error_body == "error-string"
    assert variants.resolve(["user-object-grants"]).user_object_grants is True
    assert variants.resolve({"email-case": "sensitive", "max-ids-per-request": 3}).max_ids_per_request == 3
    # Each selection overrides the one before it, setting by setting
    chosen = variants.resolve("duplicate-422,email-case-sensitive", "duplicate-status=409")
    assert (chosen.duplicate_status, chosen.email_case) == (409, "sensitive")
    assert variants.resolve(None, "") == variants.Variants()
    assert chosen.summary() == "email-case=sensitive"
    assert variants.Variants().summary() == "default"


@pytest.mark.parametrize("selection, message", [
    ("nope", "unknown variant 'nope'"),
    ("duplicate-status=500", "409 | 422"),
    ("throttle-limit=0", "at least 1"),
    ("throttle-period=-1", "above 0"),
    ("group-ids-echo", "needs a value"),
    ("user-object-grants=maybe", "true or false"),
    (7, "comma-separated"),
])
def test_a_bad_selection_says_what_is_wrong(selection, message):
    with pytest.raises(variants.VariantError, match=message):
        variants.resolve(selection)


def test_every_setting_and_preset_is_listed():
    listing = variants.describe_all()
    assert all(name in listing for name in [*variants.SETTINGS, *variants.PRESETS])
    # Every preset expands to settings that exist
    for items in variants.PRESETS.values():
        variants.resolve(list(items))


def test_command_line_and_environment_choose_variants(tmp_path):
    environment = {**os.environ, variants.ENVIRONMENT_VARIABLE: "duplicate-422"}
    process, _port_file, port = start_cli(tmp_path, "--variants", "email-case-sensitive", "--variants", "user-grants")
    try:
        shown = requests.get(f"http://127.0.0.1:{port}/__emulator__/variants", timeout=10).json()
        assert shown["summary"] == "user-object-grants=true, email-case=sensitive"
    finally:
        process.terminate()
    returncode, output, _errors = stop(process)
    assert returncode == 0
    assert output.strip().endswith("(API key demo-key; variants user-object-grants=true, email-case=sensitive)")

    # Without --variants, the environment's selection applies
    port_file = tmp_path / "env.port"
    process = subprocess.Popen([sys.executable, "-m", "tests.emulator", "--port-file", str(port_file), "--quiet"],
                               cwd=REPO_ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 20
        while not port_file.exists() and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.05)
        port = int(port_file.read_text(encoding="utf-8"))
        shown = requests.get(f"http://127.0.0.1:{port}/__emulator__/variants", timeout=10).json()
        assert shown["settings"]["duplicate-status"] == 422
    finally:
        process.terminate()
        stop(process)


def test_command_line_refuses_bad_variants_and_lists_them():
    result = subprocess.run([sys.executable, "-m", "tests.emulator", "--variants", "duplicate-status=418"],
                            cwd=REPO_ROOT, capture_output=True, text=True, timeout=30, check=False)
    assert result.returncode == 2
    assert "bad variants" in result.stderr and "409 | 422" in result.stderr
    listing = subprocess.run([sys.executable, "-m", "tests.emulator", "--list-variants"], cwd=REPO_ROOT,
                             capture_output=True, text=True, timeout=30, check=True)
    assert "throttle-420 = throttle=bucket, throttle-status=420, retry-after=60" in listing.stdout


def test_a_seed_chooses_variants_and_the_command_line_overrides_them():
    seed = {**demo_seed(), "variants": ["duplicate-422", "email-case=sensitive"]}
    with start_in_thread(seed, variants="email-case=insensitive") as emulator:
        chosen = emulator.app.variants
        assert (chosen.duplicate_status, chosen.email_case) == (422, "insensitive")
    with pytest.raises(SeedError, match="seed.variants: unknown variant 'nope'"):
        build_store({**demo_seed(), "variants": "nope"})


def test_state_dump_keeps_variants_and_page_types_so_it_loads_back():
    seed = demo_seed()
    seed["pages"][0]["page_type"] = "public"
    store = build_store({**seed, "variants": {"email-case": "sensitive"}})
    dump = store.dump()
    assert dump["variants"] == {"email-case": "sensitive"}
    assert [page["page_type"] for page in dump["pages"]] == ["public", "audience-specific"]
    again = build_store(json.loads(json.dumps(dump)))
    assert again.dump() == dump and again.variants.email_case == "sensitive"
    with pytest.raises(SeedError, match="page_type must be"):
        build_store({**seed, "pages": [{**seed["pages"][0], "page_type": "private"}]})


def test_control_endpoint_switches_variants_from_fresh_data_and_reset_goes_back(api, control):
    create_user(api, "kept@example.com")
    answer = control.variants("duplicate-422,throttle-420")
    assert answer.status_code == 200
    assert answer.json()["settings"]["duplicate-status"] == 422
    assert control.requests_log() == []
    assert api.get(USERS).json() == []  # fresh data
    assert requests.get(control.url + "/faults", timeout=10).json()["throttle"]["status"] == 420
    bad = control.variants("duplicate-status=418")
    assert bad.status_code == 400 and "409 | 422" in bad.json()["message"]
    assert requests.get(control.url + "/variants", timeout=10).json()["settings"]["duplicate-status"] == 422
    control.reset()
    assert requests.get(control.url + "/variants", timeout=10).json()["summary"] == "default"
    assert requests.get(control.url + "/faults", timeout=10).json()["throttle"] is None


# ---------------------------------------------------------------------- user objects


def test_user_objects_carry_their_grants_only_under_user_object_grants(api, use):
    user = create_user(api, "ann@example.com")
    api.patch(f"{USERS}/{user['id']}/components", json={"component_ids": [API]})
    assert "component_ids" not in api.get(f"{USERS}/{user['id']}").json()
    use("user-grants")
    user = create_user(api, "ann@example.com")
    assert (user["component_ids"], user["metric_ids"]) == ([], [])
    api.patch(f"{USERS}/{user['id']}/components", json={"component_ids": [API, EU_COMPUTE]})
    answer = api.patch(f"{USERS}/{user['id']}/metrics", json={"metric_ids": [UPTIME]}).json()
    assert (answer["component_ids"], answer["metric_ids"]) == ([API, EU_COMPUTE], [UPTIME])
    single = api.get(f"{USERS}/{user['id']}").json()
    listed = api.get(USERS, params={"page": 1, "per_page": 100}).json()[0]
    assert single == listed
    assert (single["component_ids"], single["metric_ids"]) == ([API, EU_COMPUTE], [UPTIME])


@pytest.mark.parametrize("selection, echo", [
    ("", lambda first, second: {"page_access_group_ids": [first, second], "page_access_group_id": None}),
    ("group-ids-csv", lambda first, second: {"page_access_group_ids": f"{first},{second}", "page_access_group_id": None}),
    ("group-ids-json", lambda first, second: {"page_access_group_ids": json.dumps([first, second]),
                                              "page_access_group_id": None}),
    ("group-id-singular", lambda first, second: {"page_access_group_id": first}),
])
def test_group_ids_echo(api, use, selection, echo):
    use(selection)
    first, second = create_group(api, "First"), create_group(api, "Second")
    user = create_user(api, "ann@example.com", page_access_group_ids=[first, second])
    for shown in (user, api.get(f"{USERS}/{user['id']}").json(), api.get(USERS).json()[0]):
        groups = {name: shown[name] for name in ("page_access_group_ids", "page_access_group_id") if name in shown}
        assert groups == echo(first, second)
    # The membership itself is the same whatever the echo
    assert api.get(f"{GROUPS}/{first}").json()["page_access_user_ids"] == [user["id"]]


def test_no_groups_echo_as_an_empty_string_or_null(api, use):
    use("group-ids-csv")
    assert create_user(api, "a@example.com")["page_access_group_ids"] == ""
    use("group-id-singular")
    user = create_user(api, "a@example.com")
    assert "page_access_group_ids" not in user and user["page_access_group_id"] is None


def test_a_string_echo_is_what_the_description_itself_declares(api, use):
    """group-ids-csv and -json follow the description's own PageAccessUser.page_access_group_ids
    (type string), the one the conformance test must fix for the default list."""
    message = openapi_missing_message()
    if message is not None:
        pytest.skip(message)
    from openapi_schema_validator import OAS30Validator  # pylint: disable=import-outside-toplevel
    with open(openapi_description_path(), encoding="utf-8") as handle:
        schema = json.load(handle)["components"]["schemas"]["PageAccessUser"]
    for property_schema in schema["properties"].values():
        property_schema["nullable"] = True
    for selection in ("group-ids-csv", "group-ids-json"):
        use(selection)
        user = create_user(api, "a@example.com", page_access_group_ids=[create_group(api, "G")])
        assert list(OAS30Validator(schema).iter_errors(user)) == []


# ---------------------------------------------------------------------- duplicates and e-mail case


def test_duplicate_422_has_the_rails_body_on_create_and_update(api, use):
    use("duplicate-422")
    create_user(api, "ann@example.com")
    answer = api.post(USERS, json={"page_access_user": {"email": "ANN@example.com"}})
    assert answer.status_code == 422
    assert answer.json() == {"error": ["Email has already been taken"]}
    other = create_user(api, "bob@example.com")
    answer = api.patch(f"{USERS}/{other['id']}", json={"page_access_user": {"email": "ann@example.com"}})
    assert answer.status_code == 422 and answer.json() == {"error": ["Email has already been taken"]}
    assert sorted(user["email"] for user in api.get(USERS).json()) == ["ann@example.com", "bob@example.com"]


def test_default_email_filter_and_uniqueness_ignore_case(api):
    user = create_user(api, "Ann@Example.com")
    assert api.get(USERS, params={"email": "ann@example.COM"}).json() == [user]
    assert api.post(USERS, json={"page_access_user": {"email": "ann@example.com"}}).status_code == 409


def test_case_sensitive_email_lets_two_users_differ_only_in_case(api, use):
    use("email-case-sensitive")
    upper = create_user(api, "Ann@x.example")
    lower = create_user(api, "ann@x.example")
    assert upper["id"] != lower["id"]
    assert api.get(USERS, params={"email": "ann@x.example"}).json() == [lower]
    assert api.get(USERS, params={"email": "Ann@x.example"}).json() == [upper]
    assert api.get(USERS, params={"email": "ANN@x.example"}).json() == []
    assert api.post(USERS, json={"page_access_user": {"email": "ann@x.example"}}).status_code == 409
    # Renaming and deleting keep the filter right
    api.patch(f"{USERS}/{upper['id']}", json={"page_access_user": {"email": "ANN@x.example"}})
    assert [user["id"] for user in api.get(USERS, params={"email": "ANN@x.example"}).json()] == [upper["id"]]
    assert api.delete(f"{USERS}/{lower['id']}").status_code == 204
    assert api.get(USERS, params={"email": "ann@x.example"}).json() == []


def test_case_sensitive_filter_with_case_blind_uniqueness(api, use):
    """The worst mix for a client: it finds nothing, and still may not create."""
    use("email-filter-case-sensitive")
    create_user(api, "ann@x.example")
    assert api.get(USERS, params={"email": "Ann@x.example"}).json() == []
    assert api.post(USERS, json={"page_access_user": {"email": "Ann@x.example"}}).status_code == 409


def test_a_seed_with_two_spellings_needs_case_sensitive_uniqueness():
    seed = demo_seed()
    seed["pages"][0]["page_access_users"] = [{"email": "Ann@x.example"}, {"email": "ann@x.example"}]
    with pytest.raises(SeedError, match="already exists"):
        build_store(seed)
    store = build_store({**seed, "variants": "email-case-sensitive"})
    assert len(store.pages[DEMO_PAGE_ID].access_users) == 2


# ---------------------------------------------------------------------- error bodies


@pytest.mark.parametrize("selection, content_type, body", [
    ("", "application/json", {"message": "Page access user nosuchuser00 not found"}),
    ("error-string", "application/json", {"error": "Page access user nosuchuser00 not found"}),
    ("error-list", "application/json", {"error": ["Page access user nosuchuser00 not found"]}),
    ("error-bare", "application/json", "Page access user nosuchuser00 not found"),
    ("error-text", "text/plain", None),
])
def test_error_body_shapes(api, use, selection, content_type, body):
    use(selection)
    answer = api.get(f"{USERS}/nosuchuser00")
    assert answer.status_code == 404
    assert answer.headers["Content-Type"].startswith(content_type)
    if body is None:
        assert answer.text == "Page access user nosuchuser00 not found"
    else:
        assert answer.json() == body


@pytest.mark.parametrize("selection, body", [
    ("error-string", {"error": "Email has already been taken"}),
    ("error-bare", "Email has already been taken"),
    ("error-list", {"error": ["Email has already been taken"]}),
])
def test_the_rails_duplicate_takes_the_chosen_shape_too(api, use, selection, body):
    use(f"duplicate-422,{selection}")
    create_user(api, "a@example.com")
    answer = api.post(USERS, json={"page_access_user": {"email": "a@example.com"}})
    assert (answer.status_code, answer.json()) == (422, body)


def test_throttle_and_fault_answers_take_the_chosen_shape(api, use, control):
    use("error-list")
    control.faults({"next": [{"status": 503, "message": "down"}]})
    assert api.get(PAGE).json() == {"error": ["down"]}
    control.faults({"throttle": {"limit": 1, "window": 60}})
    api.get(PAGE)
    assert api.get(PAGE).json() == {"error": ["Rate limit exceeded"]}
    # Control endpoints are ours, not the API's: they keep {"message"}
    assert requests.get(control.url + "/nope", timeout=10).json()["message"]


# ---------------------------------------------------------------------- throttling


def test_throttle_420_answers_retry_after_60(api, use, control):
    use("throttle-420,throttle-limit=3")
    assert [api.get(PAGE).status_code for _attempt in range(4)] == [200, 200, 200, 420]
    answer = api.get(PAGE)
    assert (answer.status_code, answer.headers["Retry-After"]) == (420, "60")
    assert answer.json() == {"message": "Rate limit exceeded"}
    # PUT faults replaces everything (the throttle too); a reset would return to the start
    # variants, and the fixture's use() made these the current ones only
    assert control.faults({}).json()["throttle"] is None
    assert api.get(PAGE).status_code == 200


def test_a_started_throttle_survives_reset():
    with start_in_thread(variants="throttle-420,throttle-limit=2") as emulator:
        api, control = ApiClient(emulator.api_url, DEMO_API_KEY), Control(emulator.url)
        assert [api.get(PAGE).status_code for _attempt in range(3)] == [200, 200, 420]
        control.reset()
        assert [api.get(PAGE).status_code for _attempt in range(3)] == [200, 200, 420]


def test_window_model_blocks_until_the_burst_leaves_the_window_where_a_bucket_refills(api, use):
    # 3 per 1 s. A bucket refills 3 tokens a second: after 0.4 s one request passes again. The
    # strict window lets none through until the first of the burst is 1 s old.
    use("throttle-window,throttle-limit=3,throttle-period=1")
    started = time.monotonic()
    assert [api.get(PAGE).status_code for _attempt in range(4)] == [200, 200, 200, 429]
    time.sleep(max(0.0, 0.4 - (time.monotonic() - started)))
    assert api.get(PAGE).status_code == 429
    time.sleep(max(0.0, 1.05 - (time.monotonic() - started)))
    assert api.get(PAGE).status_code == 200

    use("throttle-bucket,throttle-limit=3,throttle-period=1")
    started = time.monotonic()
    assert [api.get(PAGE).status_code for _attempt in range(4)] == [200, 200, 200, 429]
    time.sleep(max(0.0, 0.4 - (time.monotonic() - started)))
    assert api.get(PAGE).status_code == 200


# ---------------------------------------------------------------------- pages that are not audience-specific


ACCESS_CALLS = [
    ("GET", USERS, None), ("POST", USERS, {"page_access_user": {"email": "a@example.com"}}),
    ("GET", GROUPS, None), ("POST", GROUPS, {"page_access_group": {"name": "G"}}),
    ("POST", f"{PAGE}/components/{API}/page_access_users", {"page_access_user_ids": ["x"]}),
    ("DELETE", f"{PAGE}/components/{API}/page_access_groups", None),
]


def test_public_page_accepts_the_access_endpoints_with_no_visible_difference(api, use, control):
    use("public-page")
    user = create_user(api, "a@example.com")
    assert api.get(USERS).json() == [user]
    assert api.patch(f"{USERS}/{user['id']}/components", json={"component_ids": [API]}).status_code == 200
    # Nothing in the Page object names its type; only the emulator's state shows it
    assert "page_type" not in api.get(PAGE).json()
    assert {page["id"]: page["page_type"] for page in control.state()["pages"]}[DEMO_PAGE_ID] == "public"


@pytest.mark.parametrize("selection, status", [("public-page-refusing", 404),
                                               ("public-page-refusing,refusal-status=403", 403),
                                               ("public-page-refusing,refusal-status=422", 422)])
def test_refusing_public_page_refuses_every_access_endpoint_and_nothing_else(api, use, selection, status):
    use(selection)
    for method, path, body in ACCESS_CALLS:
        answer = api.request(method, path, json=body)
        assert answer.status_code == status, (method, path, answer.text)
        assert "not audience-specific" in answer.json()["message"]
    assert api.get(PAGE).status_code == 200
    assert api.get(PAGE + "/components").status_code == 200


def test_page_type_is_per_page_in_a_seed():
    seed = demo_seed()
    seed["pages"][1]["page_type"] = "public"
    seed["api_keys"][0]["pages"] = [DEMO_PAGE_ID, OTHER_PAGE_ID]
    with start_in_thread(seed, variants="non-audience-access=refused") as emulator:
        api = ApiClient(emulator.api_url, DEMO_API_KEY)
        assert api.get(USERS).status_code == 200
        assert api.get(f"/pages/{OTHER_PAGE_ID}/page_access_users").status_code == 404
