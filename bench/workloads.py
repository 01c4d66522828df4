"""The HTTP measurements against a running mock: sequential, raw httpx, concurrent charge + refunds."""

from __future__ import annotations

import asyncio
import os
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from cloudpayments_client import CloudPayments

from bench.metrics import Measurement, throughput
from bench.stats import Budget
from contract_tests.support.cards import approving_card, card_body
from mock_server import DEFAULT_API_SECRET, DEFAULT_PUBLIC_ID

# A card of the spec's test table that is approved without 3-D Secure.
CARD = approving_card()
CHARGE_PATH = "/payments/cards/charge"
REFUND_PATH = "/payments/refund"
AUTH = (DEFAULT_PUBLIC_ID, DEFAULT_API_SECRET)
WARMUP = 50
PAID = 100
# Two refunds of 40 fit in a payment of 100; the third must be refused, which the check relies on.
REFUNDS = (40, 40, 40)


@dataclass(frozen=True)
class Limits:
    max_requests: int
    max_seconds: float


def charge_body() -> dict[str, Any]:
    return card_body(CARD, PAID, InvoiceId="bench", AccountId="bench-user", Description="Benchmark payment")


def _timed_loop(call: Callable[[], bool], limits: Limits) -> tuple[int, float, list[float], int]:
    for _ in range(WARMUP):
        call()
    budget = Budget(limits.max_requests, limits.max_seconds)
    latencies: list[float] = []
    failures = 0
    while budget.take():
        start = time.perf_counter()
        ok = call()
        latencies.append(time.perf_counter() - start)
        failures += not ok
    return budget.taken, budget.elapsed(), latencies, failures


def sequential_client(base_url: str, limits: Limits) -> Measurement:
    body = charge_body()
    with CloudPayments(
        public_id=DEFAULT_PUBLIC_ID, api_secret=DEFAULT_API_SECRET, base_url=base_url, max_retries=0
    ) as client:

        def call() -> bool:
            transaction = client.payments.charge_card(
                amount=body["Amount"],
                currency="RUB",
                ip_address=body["IpAddress"],
                name=body["Name"],
                card_cryptogram_packet=body["CardCryptogramPacket"],
                invoice_id=body["InvoiceId"],
                account_id=body["AccountId"],
                description=body["Description"],
            )
            return transaction.status == "Completed"

        ops, seconds, latencies, failures = _timed_loop(call, limits)
    return throughput(
        "client_sequential",
        "one-step charges through CloudPayments (keep-alive, one at a time)",
        ops,
        seconds,
        latencies,
        failures,
    )


def _raw(base_url: str, limits: Limits, form: bool) -> Measurement:
    body = charge_body()
    form_body = {key: str(value) for key, value in body.items()}
    with httpx.Client(base_url=base_url, auth=AUTH) as http:

        def call() -> bool:
            headers = {"X-Request-ID": str(uuid.uuid4())}
            if form:
                response = http.post(CHARGE_PATH, data=form_body, headers=headers)
            else:
                response = http.post(CHARGE_PATH, json=body, headers=headers)
            return response.status_code == 200 and response.json().get("Success") is True

        ops, seconds, latencies, failures = _timed_loop(call, limits)
    kind = "form" if form else "json"
    return throughput(
        f"raw_{kind}_sequential",
        f"one-step charges with raw httpx, {kind.upper()} body (keep-alive, one at a time)",
        ops,
        seconds,
        latencies,
        failures,
    )


def raw_json(base_url: str, limits: Limits) -> Measurement:
    return _raw(base_url, limits, form=False)


def raw_form(base_url: str, limits: Limits) -> Measurement:
    return _raw(base_url, limits, form=True)


@dataclass
class _Tally:
    latencies: list[float]
    server_errors: int = 0
    unexpected: int = 0
    over_refunded: int = 0
    payments: int = 0


async def _post(
    http: httpx.AsyncClient, path: str, body: dict[str, Any], tally: _Tally
) -> dict[str, Any] | None:
    start = time.perf_counter()
    response = await http.post(path, json=body, headers={"X-Request-ID": str(uuid.uuid4())})
    tally.latencies.append(time.perf_counter() - start)
    if response.status_code >= 500:
        tally.server_errors += 1
    if response.status_code != 200:
        tally.unexpected += 1
        return None
    answer: dict[str, Any] = response.json()
    return answer


async def _worker(http: httpx.AsyncClient, body: dict[str, Any], budget: Budget, tally: _Tally) -> None:
    while budget.take(1 + len(REFUNDS)):
        paid = await _post(http, CHARGE_PATH, body, tally)
        if paid is None or not paid.get("Success") or paid["Model"]["Status"] != "Completed":
            tally.unexpected += 1
            continue
        tally.payments += 1
        refunded = 0
        for amount in REFUNDS:
            answer = await _post(
                http, REFUND_PATH, {"TransactionId": paid["Model"]["TransactionId"], "Amount": amount}, tally
            )
            if answer is None:
                continue
            fits = refunded + amount <= PAID
            if answer.get("Success") is True:
                refunded += amount
            elif fits:  # a refund within the remaining amount must be accepted
                tally.unexpected += 1
        if refunded > PAID:
            tally.over_refunded += 1


async def _concurrent(base_url: str, limits: Limits, tasks: int) -> Measurement:
    body = charge_body()
    connections = httpx.Limits(max_connections=tasks, max_keepalive_connections=tasks)
    async with httpx.AsyncClient(base_url=base_url, auth=AUTH, limits=connections, timeout=30) as http:
        warm = _Tally([])
        await asyncio.gather(*(_worker(http, body, Budget(4, 60), warm) for _ in range(tasks)))
        tally = _Tally([])
        budget = Budget(limits.max_requests, limits.max_seconds)
        await asyncio.gather(*(_worker(http, body, budget, tally) for _ in range(tasks)))
        seconds = budget.elapsed()
    failures = (
        tally.server_errors + tally.unexpected + tally.over_refunded + warm.server_errors + warm.unexpected
    )
    result = throughput(
        "concurrent",
        f"{tasks} asyncio tasks over httpx.AsyncClient: charge, then refunds of "
        f"{'+'.join(map(str, REFUNDS))} on a payment of {PAID} (the last must be refused)",
        len(tally.latencies),
        seconds,
        tally.latencies,
        failures,
    )
    result.add("server_errors", tally.server_errors, "count", "lower")
    result.add("over_refunded", tally.over_refunded, "count", "lower")
    result.details.update(tasks=tasks, payments=tally.payments)
    return result


def cpu_seconds(pid: int | str = "self") -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    # utime and stime, fields 14 and 15 of proc(5), counted after the command name.
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def concurrent(base_url: str, limits: Limits, tasks: int, mock_pid: int) -> Measurement:
    """Also records both sides' CPU time: it shows whether the client or the mock bounds the rate."""
    client_cpu, mock_cpu = cpu_seconds(), cpu_seconds(mock_pid)
    result = asyncio.run(_concurrent(base_url, limits, tasks))
    result.details["client_cpu_s"] = round(cpu_seconds() - client_cpu, 2)
    result.details["mock_cpu_s"] = round(cpu_seconds(mock_pid) - mock_cpu, 2)
    return result
