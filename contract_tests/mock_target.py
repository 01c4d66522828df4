"""The mock as the suites' target: credentials, a fresh app, a client for setup calls, schemathesis config."""

from __future__ import annotations

import asyncio
import os
import secrets
from typing import Any, Final

import httpx
import schemathesis
from starlette.applications import Starlette

from mock_server import create_app
from spec_tools import default_spec_path

# Test credentials of the suites' own mock; the secret is fresh per process and never a real one.
PUBLIC_ID: Final = "test_api_00000000000000000000042"
API_SECRET: Final = f"contract-{secrets.token_hex(12)}"
# Operation count budget; `make fuzz` raises it.
MAX_EXAMPLES_ENV: Final = "CONTRACT_MAX_EXAMPLES"
STATEFUL_EXAMPLES_ENV: Final = "CONTRACT_STATEFUL_EXAMPLES"
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


def mock_app() -> Starlette:
    """A fresh mock with empty state, checking nothing itself: the suites are the judges."""
    return create_app(public_id=PUBLIC_ID, api_secret=API_SECRET, spec_path=default_spec_path())


class InProcessTransport(httpx.BaseTransport):
    """Synchronous calls into an ASGI app, each on its own short event loop (no server, no thread)."""

    def __init__(self, app: Starlette) -> None:
        self._asgi = httpx.ASGITransport(app=app)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        async def call() -> httpx.Response:
            response = await self._asgi.handle_async_request(request)
            content = await response.aread()
            return httpx.Response(response.status_code, headers=response.headers, content=content)

        return asyncio.run(call())


def api_client(app: Starlette) -> httpx.Client:
    """A synchronous client that calls the app in process, authenticated like a merchant."""
    return httpx.Client(
        transport=InProcessTransport(app),
        base_url="http://testserver",
        auth=httpx.BasicAuth(PUBLIC_ID, API_SECRET),
    )


def schemathesis_config(examples: int, *, stateful_steps: int | None = None) -> schemathesis.Config:
    """Configuration as data (no schemathesis.toml is read, so no ${VAR} can break loading)."""
    config: dict[str, Any] = {
        "checks": {
            # The API answers invalid input with 200 + Success: false; contract_tests.checks judges it.
            "negative_data_rejection": {"enabled": False},
            # Counts every 200 as "accepted", which tells nothing under a 200 envelope.
            "positive_data_acceptance": {"enabled": False},
        },
        "generation": {"mode": "all", "max-examples": examples, "database": "none"},
        "auth": {"basic": {"username": PUBLIC_ID, "password": API_SECRET}},
    }
    if stateful_steps is not None:
        config["phases"] = {"stateful": {"max-steps": stateful_steps}}
    return schemathesis.Config.from_dict(config)
