"""How big the in-process schemathesis runs are, and their configuration as data."""

from __future__ import annotations

import os
from typing import Any, Final

import schemathesis

from contract_tests.support.credentials import API_SECRET, PUBLIC_ID

# Operation count budget; `make fuzz` raises it.
MAX_EXAMPLES_ENV: Final = "CONTRACT_MAX_EXAMPLES"
STATEFUL_EXAMPLES_ENV: Final = "CONTRACT_STATEFUL_EXAMPLES"
# "1": new scenarios on every run (make fuzz); otherwise the same ones (make test)
STATEFUL_RANDOM_ENV: Final = "CONTRACT_STATEFUL_RANDOM"
STATEFUL_STEPS_ENV: Final = "CONTRACT_STATEFUL_STEPS"


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    value = int(raw)
    if value < 1:
        raise ValueError(f"{name} must be a positive integer, got {raw!r}")
    return value


def max_examples() -> int:
    return env_int(MAX_EXAMPLES_ENV, 50)


def schemathesis_config(examples: int, *, stateful_steps: int | None = None) -> schemathesis.Config:
    """Configuration as data (no schemathesis.toml is read, so no ${VAR} can break loading)."""
    config: dict[str, Any] = {
        "checks": {
            # The API answers invalid input with 200 + Success: false; contract/checks.py judges it.
            "negative_data_rejection": {"enabled": False},
            # Counts every 200 as "accepted", which tells nothing under a 200 envelope.
            "positive_data_acceptance": {"enabled": False},
        },
        "generation": {"mode": "all", "max-examples": examples, "database": "none"},
        "auth": {"basic": {"username": PUBLIC_ID, "password": API_SECRET}},
    }
    if stateful_steps is not None:
        # Only the spec's links: the links schemathesis infers from parameter names join unrelated operations
        # (an invoice's Id sent to /subscriptions/cancel) and only take steps from the scenarios.
        config["phases"] = {"stateful": {"max-steps": stateful_steps, "inference": {"algorithms": []}}}
    return schemathesis.Config.from_dict(config)
