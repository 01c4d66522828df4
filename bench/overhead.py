"""The client's own cost per call: building, sending through httpx.MockTransport, parsing and validating."""

from __future__ import annotations

import json
import time
from typing import Any

import httpx
from cloudpayments_client import CloudPayments

from bench.metrics import Measurement
from bench.stats import Budget, Latency
from contract_tests.support.credentials import API_SECRET, PUBLIC_ID
from contract_tests.support.recorded import FIXTURES_DIR

FIXTURE = FIXTURES_DIR / "payments_cards_charge.success.json"
WARMUP = 200


def client_overhead(max_calls: int, max_seconds: float) -> Measurement:
    exchange: dict[str, Any] = json.loads(FIXTURE.read_text(encoding="utf-8"))
    request = exchange["request"]["body"]
    answer = json.dumps(exchange["response"]["body"], ensure_ascii=False).encode()

    def handler(_: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=answer, headers={"Content-Type": "application/json"})

    with CloudPayments(
        public_id=PUBLIC_ID,
        api_secret=API_SECRET,
        base_url="http://client-overhead.invalid",
        transport=httpx.MockTransport(handler),
        max_retries=0,
    ) as client:

        def call() -> int:
            transaction = client.payments.charge_card(
                amount=request["Amount"],
                currency=request["Currency"],
                ip_address=request["IpAddress"],
                name=request["Name"],
                card_cryptogram_packet=request["CardCryptogramPacket"],
                invoice_id=request["InvoiceId"],
                description=request["Description"],
                account_id=request["AccountId"],
                payer=request["Payer"],
            )
            return transaction.transaction_id

        expected = exchange["response"]["body"]["Model"]["TransactionId"]
        for _ in range(WARMUP):
            call()
        budget = Budget(max_calls, max_seconds)
        latencies: list[float] = []
        failures = 0
        while budget.take():
            start = time.perf_counter()
            failures += call() != expected
            latencies.append(time.perf_counter() - start)
    seconds = budget.elapsed()
    latency = Latency.of(latencies)
    result = Measurement(
        "client_overhead",
        "CloudPayments.payments.charge_card against httpx.MockTransport returning the recorded success body "
        "(contract_tests/fixtures/payments_cards_charge.success.json): no network, no server",
        [],
        {"calls": budget.taken, "seconds": round(seconds, 3)},
    )
    result.add("calls_per_s", budget.taken / seconds, "calls/s", "higher")
    result.add("p95_us", latency.p95 * 1000, "us", "lower")
    result.add("failures", failures, "count", "lower")
    return result
