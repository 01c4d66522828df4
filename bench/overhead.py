"""The client's own cost per call, next to raw httpx on the same in-process transport, sync and async.

Both sides send the recorded charge request (JSON body, Basic auth, a fresh X-Request-ID) to an
httpx.MockTransport that returns the recorded success body, and read the TransactionId from the answer. The
raw side is a bare `httpx.Client` / `httpx.AsyncClient`; the client side is `CloudPayments` /
`AsyncCloudPayments` with retries off. Rounds alternate between the two so that both see the same machine
state; the ratio is of the medians of the per-round mean call times.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import time
import uuid
from collections.abc import Awaitable, Callable
from decimal import Decimal
from typing import Any, Final

import httpx
from cloudpayments_client import AsyncCloudPayments, CloudPayments
from cloudpayments_client.models import Transaction

from bench.metrics import Measurement
from bench.stats import Budget
from contract_tests.support.credentials import API_SECRET, PUBLIC_ID
from contract_tests.support.recorded import FIXTURES_DIR

FIXTURE: Final = FIXTURES_DIR / "payments_cards_charge.success.json"
BASE_URL: Final = "http://client-overhead.invalid"
PATH: Final = "/payments/cards/charge"
WARMUP: Final = 200
# Calls per side in one round; rounds alternate raw, client, raw, client...
ROUND: Final = 100


def _exchange() -> tuple[dict[str, Any], bytes, int]:
    exchange: dict[str, Any] = json.loads(FIXTURE.read_text(encoding="utf-8"))
    answer = json.dumps(exchange["response"]["body"], ensure_ascii=False).encode()
    return exchange["request"]["body"], answer, int(exchange["response"]["body"]["Model"]["TransactionId"])


def _handler(answer: bytes) -> Callable[[httpx.Request], httpx.Response]:
    def handle(_: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=answer, headers={"Content-Type": "application/json"})

    return handle


def _kwargs(request: dict[str, Any]) -> dict[str, Any]:
    return {
        "amount": request["Amount"],
        "currency": request["Currency"],
        "ip_address": request["IpAddress"],
        "name": request["Name"],
        "card_cryptogram_packet": request["CardCryptogramPacket"],
        "invoice_id": request["InvoiceId"],
        "description": request["Description"],
        "account_id": request["AccountId"],
        "payer": request["Payer"],
    }


def _round_mean(call: Callable[[], int], expected: int) -> tuple[float, int]:
    failures = 0
    start = time.perf_counter()
    for _ in range(ROUND):
        failures += call() != expected
    return (time.perf_counter() - start) / ROUND, failures


async def _round_mean_async(call: Callable[[], Awaitable[int]], expected: int) -> tuple[float, int]:
    failures = 0
    start = time.perf_counter()
    for _ in range(ROUND):
        failures += await call() != expected
    return (time.perf_counter() - start) / ROUND, failures


def _sync(
    request: dict[str, Any], answer: bytes, expected: int, budget: Budget
) -> tuple[float, float, int, int]:
    transport = httpx.MockTransport(_handler(answer))
    kwargs = _kwargs(request)
    with (
        httpx.Client(base_url=BASE_URL, auth=(PUBLIC_ID, API_SECRET), transport=transport) as raw,
        CloudPayments(PUBLIC_ID, API_SECRET, base_url=BASE_URL, transport=transport, max_retries=0) as client,
    ):

        def raw_call() -> int:
            response = raw.post(PATH, json=request, headers={"X-Request-ID": str(uuid.uuid4())})
            return int(response.json()["Model"]["TransactionId"])

        def client_call() -> int:
            return client.payments.charge_card(**kwargs).transaction_id

        for _ in range(WARMUP):
            raw_call(), client_call()
        raw_means: list[float] = []
        client_means: list[float] = []
        failures = 0
        while budget.take(2 * ROUND):
            mean, failed = _round_mean(raw_call, expected)
            raw_means.append(mean)
            failures += failed
            mean, failed = _round_mean(client_call, expected)
            client_means.append(mean)
            failures += failed
    return statistics.median(raw_means), statistics.median(client_means), failures, len(raw_means)


async def _async(
    request: dict[str, Any], answer: bytes, expected: int, budget: Budget
) -> tuple[float, float, int, int]:
    transport = httpx.MockTransport(_handler(answer))
    kwargs = _kwargs(request)
    async with (
        httpx.AsyncClient(base_url=BASE_URL, auth=(PUBLIC_ID, API_SECRET), transport=transport) as raw,
        AsyncCloudPayments(
            PUBLIC_ID, API_SECRET, base_url=BASE_URL, transport=transport, max_retries=0
        ) as client,
    ):

        async def raw_call() -> int:
            response = await raw.post(PATH, json=request, headers={"X-Request-ID": str(uuid.uuid4())})
            return int(response.json()["Model"]["TransactionId"])

        async def client_call() -> int:
            return (await client.payments.charge_card(**kwargs)).transaction_id

        for _ in range(WARMUP):
            await raw_call()
            await client_call()
        raw_means: list[float] = []
        client_means: list[float] = []
        failures = 0
        while budget.take(2 * ROUND):
            mean, failed = await _round_mean_async(raw_call, expected)
            raw_means.append(mean)
            failures += failed
            mean, failed = await _round_mean_async(client_call, expected)
            client_means.append(mean)
            failures += failed
    return statistics.median(raw_means), statistics.median(client_means), failures, len(raw_means)


def _read_all_fields(answer: bytes) -> float:
    """Seconds to read every documented field of the answer's transaction once (fields are read on access)."""
    model = json.loads(answer, parse_float=Decimal)["Model"]
    names = list(Transaction._FIELDS.values())
    start = time.perf_counter()
    for _ in range(ROUND):
        transaction = Transaction.from_dict(model)
        for name in names:
            getattr(transaction, name)
    return (time.perf_counter() - start) / ROUND


def client_overhead(max_calls: int, max_seconds: float) -> Measurement:
    """Per-call time of the client and of raw httpx, side by side in one run, and their ratio."""
    request, answer, expected = _exchange()
    # Each mode gets half the calls and half the time; each round needs 2 * ROUND calls.
    calls = max(max_calls // 2, 4 * ROUND)
    raw_sync, client_sync, failures_sync, rounds_sync = _sync(
        request, answer, expected, Budget(calls, max_seconds / 2)
    )
    raw_async, client_async, failures_async, rounds_async = asyncio.run(
        _async(request, answer, expected, Budget(calls, max_seconds / 2))
    )
    result = Measurement(
        "client_overhead",
        "CloudPayments.payments.charge_card next to raw httpx (same body, Basic auth, X-Request-ID, "
        "JSON parse) "
        "on one httpx.MockTransport returning the recorded success body "
        "(contract_tests/fixtures/payments_cards_charge.success.json), sync and async, alternating rounds of "
        f"{ROUND} calls: no network, no server",
        [],
        {"rounds_sync": rounds_sync, "rounds_async": rounds_async, "calls_per_round": ROUND},
    )
    result.add("calls_per_s", 1 / client_sync, "calls/s", "higher")
    result.add("raw_sync_us", raw_sync * 1e6, "us", "lower")
    result.add("client_sync_us", client_sync * 1e6, "us", "lower")
    result.add("ratio_sync", client_sync / raw_sync, "x", "lower")
    result.add("raw_async_us", raw_async * 1e6, "us", "lower")
    result.add("client_async_us", client_async * 1e6, "us", "lower")
    result.add("ratio_async", client_async / raw_async, "x", "lower")
    result.add(
        "read_all_fields_us",
        statistics.median(_read_all_fields(answer) for _ in range(9)) * 1e6,
        "us",
        "lower",
    )
    result.add("failures", failures_sync + failures_async, "count", "lower")
    return result
