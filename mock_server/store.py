"""The app's state: each resource's own state, the answers kept for X-Request-ID, and one lock over all.

State lives in memory, one Store per app. Every read-check-write runs under `lock`. It is a threading lock,
not an asyncio one: the critical sections never await, and one store may be driven from several event loops
(a uvicorn thread and a test's loop).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from mock_server.resources.notifications import NotificationSettingsState
from mock_server.resources.orders import OrderRecord, OrderState
from mock_server.resources.payments import PaymentState, TransactionRecord
from mock_server.resources.subscriptions import SubscriptionState

# The documented life of a stored answer: one hour.
IDEMPOTENCY_TTL_SECONDS: Final = 3600.0

# An idempotency key: the terminal (Public ID) and the X-Request-ID value.
AnswerKey = tuple[str, str]
Clock = Callable[[], float]


@dataclass(frozen=True)
class Fingerprint:
    """What makes two requests the same request: the operation and a digest of its canonical parameters."""

    operation: str
    digest: str


@dataclass(frozen=True)
class StoredAnswer:
    expires_at: float
    fingerprint: Fingerprint
    status_code: int
    body: bytes  # the answer exactly as it was sent


class Store:
    """`clock` (seconds, monotonic) decides when stored answers expire; tests pass a fake one."""

    def __init__(self, clock: Clock = time.monotonic) -> None:
        self.lock = threading.RLock()
        self.clock = clock
        self.payment_state = PaymentState()
        self.subscription_state = SubscriptionState()
        self.order_state = OrderState()
        self.notification_state = NotificationSettingsState()
        # In the order they were stored, which (one lifetime for all) is the order they expire in.
        self.answers: dict[AnswerKey, StoredAnswer] = {}

    def reset(self) -> None:
        with self.lock:
            self.payment_state.reset()
            self.subscription_state.reset()
            self.order_state.reset()
            self.notification_state.reset()
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
                **self.notification_state.counts(),
            }

    # ---------- idempotency (X-Request-ID) ----------

    def stored_answer(self, key: AnswerKey) -> StoredAnswer | None:
        with self.lock:
            self._release_expired()
            return self.answers.get(key)

    def store_answer(self, key: AnswerKey, fingerprint: Fingerprint, status_code: int, body: bytes) -> None:
        with self.lock:
            self._release_expired()
            self.answers.pop(key, None)  # keeps the dict in expiry order
            expires_at = self.clock() + IDEMPOTENCY_TTL_SECONDS
            self.answers[key] = StoredAnswer(expires_at, fingerprint, status_code, body)

    def _release_expired(self) -> None:
        """Drop every answer whose hour is over: they are the oldest, so they lead the dict."""
        now = self.clock()
        answers = self.answers
        while answers:
            key = next(iter(answers))
            if answers[key].expires_at > now:
                break
            del answers[key]
