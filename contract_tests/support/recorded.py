"""Typed access to the recorded exchanges in contract_tests/fixtures/ (the contract and client suites)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Final, Literal, TypedDict, cast

from mock_server.proxy_notifications import NOTIFICATIONS_FOLDER

# `make check-recordings DIR=...` points the fixture suites at another folder (the recording proxy's).
RECORDINGS_ENV: Final = "CLOUDPAYMENTS_RECORDINGS"
PROXY_REPORT: Final = "report.json"
FIXTURES_DIR: Final = Path(os.environ.get(RECORDINGS_ENV) or Path(__file__).resolve().parents[1] / "fixtures")
# The notifications: the real bodies kept in the project, or those the proxy recorded beside the exchanges.
NOTIFICATIONS_DIR: Final = (
    Path(os.environ[RECORDINGS_ENV]) / NOTIFICATIONS_FOLDER
    if os.environ.get(RECORDINGS_ENV)
    else Path(__file__).resolve().parents[1] / "fixtures" / "real_world" / "notifications"
)

Outcome = Literal["success", "three_ds", "declined", "bad_request", "rejected"]
OUTCOMES: Final[frozenset[str]] = frozenset({"success", "three_ds", "declined", "bad_request", "rejected"})


class RecordedRequest(TypedDict):
    content_type: str | None
    body: Any


class RecordedResponse(TypedDict):
    status: int
    body: Any


class Exchange(TypedDict):
    name: str  # file name, used as the test id
    source: str
    operation: str
    case: str
    outcome: Outcome
    request: RecordedRequest
    response: RecordedResponse


def load_exchange(path: Path) -> Exchange:
    data = json.loads(path.read_text(encoding="utf-8"))
    # Fail at collection on a malformed file rather than with a KeyError deep inside a test.
    missing = {"source", "operation", "case", "outcome", "request", "response"} - set(data)
    if missing:
        raise ValueError(f"{path.name}: missing keys {sorted(missing)}")
    if data["outcome"] not in OUTCOMES:
        raise ValueError(f"{path.name}: unknown outcome {data['outcome']!r}")
    data["name"] = path.name
    return cast(Exchange, data)


def load_exchanges(directory: Path = FIXTURES_DIR) -> list[Exchange]:
    # A recording proxy's folder also holds its findings (`report.json`), which is no exchange.
    return [load_exchange(path) for path in sorted(directory.glob("*.json")) if path.name != PROXY_REPORT]
