"""Building large seeds in code, for benchmarks and pagination tests.

    from tests.emulator.seed_builder import build_large_seed
    from tests.emulator.server import start_in_thread

    with start_in_thread(build_large_seed(access_users=5000)) as emulator:
        ...

The result is an ordinary seed (see the emulator guide, docs/docsite/rst/guide_emulator.rst): it
can also be dumped to a file for
``python3 -m tests.emulator --seed``. The same arguments always give the same data.
"""

from __future__ import annotations

import random

from .clock import ID_ALPHABET, ID_LENGTH

LARGE_SEED_CREATED_AT = "2024-01-15T09:00:00.000Z"


class _IdMaker:
    """Deterministic, unique Statuspage-shaped ids."""

    def __init__(self, seed: int):
        self._random = random.Random(seed)
        self._issued: set[str] = set()

    def __call__(self) -> str:
        while True:
            ident = "".join(self._random.choices(ID_ALPHABET, k=ID_LENGTH))
            if ident not in self._issued:
                self._issued.add(ident)
                return ident


def build_large_seed(*, api_key: str = "bench-key", page_id: str = "benchpage001", page_name: str = "Benchmark",
                     component_groups: int = 10, components_per_group: int = 10, ungrouped_components: int = 0,
                     metrics: int = 10, access_groups: int = 10, access_users: int = 1000,
                     components_per_user: int = 3, metrics_per_user: int = 1, groups_per_user: int = 1,
                     random_seed: int = 0) -> dict:
    """One page with as many components, metrics, page access groups and users as asked.

    Components are named "Component N" inside "Group G" (so "Group 1/Component 1" is unique);
    users are user00001@example.com, ...; each user gets ``components_per_user`` components,
    ``metrics_per_user`` metrics and ``groups_per_user`` page access groups, chosen at random
    but the same for the same ``random_seed``.
    """
    new_id = _IdMaker(random_seed)
    choose = random.Random(random_seed + 1)
    components = []
    plain_component_ids = []
    for group_number in range(1, component_groups + 1):
        group_id = new_id()
        components.append({"id": group_id, "name": f"Group {group_number}", "group": True,
                           "created_at": LARGE_SEED_CREATED_AT})
        for number in range(1, components_per_group + 1):
            component_id = new_id()
            plain_component_ids.append(component_id)
            components.append({"id": component_id, "name": f"Component {number}", "group_id": group_id,
                               "created_at": LARGE_SEED_CREATED_AT})
    for number in range(1, ungrouped_components + 1):
        component_id = new_id()
        plain_component_ids.append(component_id)
        components.append({"id": component_id, "name": f"Standalone {number}", "created_at": LARGE_SEED_CREATED_AT})

    metric_entries = [{"id": new_id(), "name": f"Metric {number}", "created_at": LARGE_SEED_CREATED_AT}
                      for number in range(1, metrics + 1)]
    group_entries = [{"id": new_id(), "name": f"Access group {number}", "created_at": LARGE_SEED_CREATED_AT}
                     for number in range(1, access_groups + 1)]

    def sample(population: list, count: int) -> list:
        return choose.sample(population, min(count, len(population)))

    user_entries = []
    for number in range(1, access_users + 1):
        user_entries.append({
            "id": new_id(),
            "email": f"user{number:05d}@example.com",
            "external_login": f"user{number:05d}",
            "component_ids": sample(plain_component_ids, components_per_user),
            "metric_ids": sample([entry["id"] for entry in metric_entries], metrics_per_user),
            "page_access_group_ids": sample([entry["id"] for entry in group_entries], groups_per_user),
            "created_at": LARGE_SEED_CREATED_AT,
        })
    return {
        "api_keys": [{"key": api_key, "pages": [page_id]}],
        "pages": [{
            "id": page_id, "name": page_name, "subdomain": page_id, "created_at": LARGE_SEED_CREATED_AT,
            "components": components, "metrics": metric_entries,
            "page_access_groups": group_entries, "page_access_users": user_entries,
        }],
    }
