"""An SBP payment link beside a card charge on the same mock: what making a link costs the mock."""

from __future__ import annotations

import statistics
import time
import uuid
from collections.abc import Callable
from typing import Any

import httpx

from bench.metrics import Measurement
from bench.workloads import AUTH, CHARGE_PATH, WARMUP, charge_body, cpu_seconds

SBP_LINK_PATH = "/payments/qr/sbp/link"
ROUNDS = 10


def sbp_link_body() -> dict[str, Any]:
    card = charge_body()
    return {
        "Amount": card["Amount"],
        "Currency": "RUB",
        "Description": card["Description"],
        "AccountId": card["AccountId"],
        "InvoiceId": card["InvoiceId"],
        "Scheme": "charge",
    }


def _charged(response: httpx.Response) -> bool:
    return response.status_code == 200 and response.json().get("Success") is True


def _linked(response: httpx.Response) -> bool:
    if response.status_code != 200:
        return False
    answer = response.json()
    model = answer.get("Model") or {}
    return answer.get("Success") is True and bool(model.get("QrUrl")) and bool(model.get("TransactionId"))


def _round(
    http: httpx.Client,
    path: str,
    body: dict[str, Any],
    ok: Callable[[httpx.Response], bool],
    calls: int,
    pid: int,
) -> tuple[float, float, int]:
    """Wall and mock CPU microseconds per call over one round, and the failures in it."""
    failures = 0
    cpu = cpu_seconds(pid)
    start = time.perf_counter()
    for _ in range(calls):
        failures += not ok(http.post(path, json=body, headers={"X-Request-ID": str(uuid.uuid4())}))
    wall = time.perf_counter() - start
    return wall / calls * 1e6, (cpu_seconds(pid) - cpu) / calls * 1e6, failures


def measure(base_url: str, calls: int, max_seconds: float, pid: int) -> Measurement:
    """Alternating rounds of card charges and SBP links, one at a time over keep-alive, raw httpx, JSON.

    Each figure is the median of the rounds' means, so a slower moment of the machine moves both sides alike.
    At most `calls` requests; rounds stop once `max_seconds` have passed (two rounds at least).
    """
    per_round = max(1, calls // (2 * ROUNDS))
    charge, link = charge_body(), sbp_link_body()
    wall: dict[str, list[float]] = {"card": [], "sbp": []}
    cpu: dict[str, list[float]] = {"card": [], "sbp": []}
    failures = 0
    with httpx.Client(base_url=base_url, auth=AUTH) as http:
        for _ in range(WARMUP):
            http.post(CHARGE_PATH, json=charge, headers={"X-Request-ID": str(uuid.uuid4())})
            http.post(SBP_LINK_PATH, json=link, headers={"X-Request-ID": str(uuid.uuid4())})
        started = time.perf_counter()
        for done in range(ROUNDS):
            if done >= 2 and time.perf_counter() - started > max_seconds:
                break
            for side, path, body, ok in (
                ("card", CHARGE_PATH, charge, _charged),
                ("sbp", SBP_LINK_PATH, link, _linked),
            ):
                us, cpu_us, failed = _round(http, path, body, ok, per_round, pid)
                wall[side].append(us)
                cpu[side].append(cpu_us)
                failures += failed
    card_us, sbp_us = statistics.median(wall["card"]), statistics.median(wall["sbp"])
    card_cpu, sbp_cpu = statistics.median(cpu["card"]), statistics.median(cpu["sbp"])
    result = Measurement(
        "qr_link",
        "SBP links and card charges in alternating rounds on one mock (raw httpx, JSON, one at a time)",
        [],
        {
            "rounds": len(wall["card"]),
            "calls_per_round": per_round,
            "card_us": round(card_us, 1),
            "sbp_link_us": round(sbp_us, 1),
            "card_mock_cpu_us": round(card_cpu, 1),
            "sbp_link_mock_cpu_us": round(sbp_cpu, 1),
        },
    )
    result.add("ratio", sbp_us / card_us, "x", "lower")
    result.add("cpu_ratio", sbp_cpu / card_cpu, "x", "lower")
    result.add("failures", failures, "count", "lower")
    return result
