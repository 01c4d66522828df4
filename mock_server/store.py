"""The app's state: each resource's own state, the answers kept for X-Request-ID, and one lock over all.

State lives in memory, one Store per app. Every read-check-write runs under `lock`. It is a threading lock,
not an asyncio one: the critical sections never await, and one store may be driven from several event loops
(a uvicorn thread and a test's loop).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any, Final

from mock_server.resources.orders import OrderRecord, OrderState
from mock_server.resources.payments import PaymentState, TransactionRecord
from mock_server.resources.subscriptions import SubscriptionState

IDEMPOTENCY_TTL_SECONDS: Final = 3600.0


@dataclass
class StoredAnswer:
    expires_at: float
    status_code: int
    body: dict[str, Any]


class Store:
    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.payment_state = PaymentState()
        self.subscription_state = SubscriptionState()
        self.order_state = OrderState()
        self.answers: dict[str, StoredAnswer] = {}

    def reset(self) -> None:
        with self.lock:
            self.payment_state.reset()
            self.subscription_state.reset()
            self.order_state.reset()
            self.answers = {}

    # The records by id, for whoever inspects the mock (tests, the benchmark).
    @property
    def transactions(self) -> dict[int, TransactionRecord]:
        return self.payment_state.transactions

    @property
    def orders(self) -> dict[str, OrderRecord]:
        return self.order_state.orders

    def counts(self) -> dict[str, int]:
        with self.lock:
            return {
                **self.payment_state.counts(),
                **self.subscription_state.counts(),
                **self.order_state.counts(),
            }

    # ---------- idempotency (X-Request-ID) ----------

    def stored_answer(self, request_id: str, now: float | None = None) -> StoredAnswer | None:
        now = time.monotonic() if now is None else now
        with self.lock:
            answer = self.answers.get(request_id)
            if answer is not None and answer.expires_at <= now:
                del self.answers[request_id]
                return None
            return answer

    def store_answer(self, request_id: str, status_code: int, body: dict[str, Any]) -> None:
        with self.lock:
            now = time.monotonic()
            # Drop expired answers now and then so memory stays bounded by one hour of traffic.
            if len(self.answers) % 256 == 0:
                for key in [k for k, a in self.answers.items() if a.expires_at <= now]:
                    del self.answers[key]
            self.answers[request_id] = StoredAnswer(now + IDEMPOTENCY_TTL_SECONDS, status_code, body)
