"""The app's state: each resource's own state, the answers kept for X-Request-ID, and one lock over all.

State lives in memory, one Store per app. Every read-check-write runs under `lock`. It is a threading lock,
not an asyncio one: the critical sections never await, and one store may be driven from several event loops
(a uvicorn thread and a test's loop).

`generation` counts the resets: a request notes it when it starts and commits only if it is unchanged, so an
operation that was under way during a reset (a payment waiting on its Check) never writes into the new state.
The answers kept for X-Request-ID are capped by count (`max_answers`): beyond it the oldest is dropped, and
the drop is logged (a repeat of that request would then be processed again).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from mock_server.ledger import TransactionRecord
from mock_server.resources.chargebacks import ChargebackState
from mock_server.resources.notifications import NotificationSettingsState
from mock_server.resources.orders import OrderRecord, OrderState
from mock_server.resources.payments import PaymentState
from mock_server.resources.qr_payments import QrState
from mock_server.resources.receipts import ReceiptState
from mock_server.resources.subscriptions import SubscriptionState

log = logging.getLogger("mock_server")

# The documented life of a stored answer: one hour.
IDEMPOTENCY_TTL_SECONDS: Final = 3600.0
# How many answers are kept for X-Request-ID at most (about 4.4 KB each, a card payment's: some 44 MB).
DEFAULT_MAX_STORED_ANSWERS: Final = 10_000
# After the first eviction's warning, one INFO line per this many (each one is a DEBUG line).
EVICTIONS_PER_NOTE: Final = 1000

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
    """`clock` (seconds, monotonic) decides when stored answers expire; tests pass a fake one.
    `max_answers` caps the answers kept for X-Request-ID (the oldest is dropped beyond it)."""

    def __init__(self, clock: Clock | None = None, *, max_answers: int = DEFAULT_MAX_STORED_ANSWERS) -> None:
        if max_answers < 1:
            raise ValueError("max_stored_answers must be at least 1")
        self.lock = threading.RLock()
        self.clock = clock or time.monotonic
        self.max_answers = max_answers
        self.evicted = 0  # answers dropped for the cap, since the store was made
        self.generation = 0  # resets so far
        self.payment_state = PaymentState()
        self.subscription_state = SubscriptionState()
        self.order_state = OrderState()
        self.notification_state = NotificationSettingsState()
        self.qr_state = QrState()
        self.chargeback_state = ChargebackState()
        self.receipt_state = ReceiptState()
        # In the order they were stored, which (one lifetime for all) is the order they expire in.
        self.answers: dict[AnswerKey, StoredAnswer] = {}

    def reset(self) -> None:
        """Empty the state. Operations under way (a payment waiting on its Check) started in an earlier
        generation, so they commit nothing (routes/api.py checks it under the lock)."""
        with self.lock:
            self.generation += 1
            self.payment_state.reset()
            self.subscription_state.reset()
            self.order_state.reset()
            self.notification_state.reset()
            self.qr_state.reset()
            self.chargeback_state.reset()
            self.receipt_state.reset()
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
                **self.qr_state.counts(),
                **self.chargeback_state.counts(),
                **self.receipt_state.counts(),
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
            while len(self.answers) > self.max_answers:
                self._evict_oldest()

    def _evict_oldest(self) -> None:
        """Drop the oldest answer for the cap: the first time with a warning, then a DEBUG line each and an
        INFO line every EVICTIONS_PER_NOTE (a line per request would cost a full store more than the cap)."""
        key = next(iter(self.answers))
        del self.answers[key]
        self.evicted += 1
        if self.evicted == 1:
            level = logging.WARNING
        elif self.evicted % EVICTIONS_PER_NOTE == 0:
            level = logging.INFO
        else:
            level = logging.DEBUG
        if log.isEnabledFor(level):
            log.log(
                level,
                "X-Request-ID answers: %d kept, the cap (create_app(max_stored_answers=...)); dropped the "
                "oldest, terminal %s key %r (a repeat of that request would be processed again); %d dropped "
                "so far",
                self.max_answers,
                key[0],
                key[1],
                self.evicted,
            )

    def _release_expired(self) -> None:
        """Drop every answer whose hour is over: they are the oldest, so they lead the dict."""
        now = self.clock()
        answers = self.answers
        while answers:
            key = next(iter(answers))
            if answers[key].expires_at > now:
                break
            del answers[key]
