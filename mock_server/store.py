"""The mock's state: transactions, tokens, 3-D Secure answers, subscriptions, orders and idempotent answers.

State lives in memory, one Store per app. Every read-check-write runs under `lock`. It is a threading lock,
not an asyncio one: the critical sections never await, and one store may be driven from several event loops
(a uvicorn thread and a test's loop).
"""

from __future__ import annotations

import secrets
import string
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, Final

from mock_server.cards import CardProfile
from mock_server.statuses import OrderStatus, SubscriptionStatus, TransactionStatus

# Realistic 64-bit-looking ids: real ones are above 2**31 (e.g. 2200976211).
FIRST_TRANSACTION_ID: Final = 2_210_000_001
FIRST_ORDER_NUMBER: Final = 2131
FIRST_INTERNAL_ID: Final = 12_272_916
IDEMPOTENCY_TTL_SECONDS: Final = 3600.0


@dataclass
class TransactionRecord:
    transaction_id: int
    kind: str  # "payment" or "refund"
    scheme: str  # "charge" (one step) or "auth" (two steps): what approval leads to
    amount: Decimal
    currency: str
    status: TransactionStatus
    reason_code: int
    created: datetime
    card: CardProfile | None
    card_exp_date: str | None
    params: dict[str, Any]  # the request's canonical parameters (InvoiceId, AccountId, JsonData...)
    auth_date: datetime | None = None
    confirm_date: datetime | None = None
    token: str | None = None
    refunded: Decimal = Decimal(0)
    original_transaction_id: int | None = None
    pa_req: str | None = None
    escrow_accumulation_id: str | None = None
    paid_by_token: bool = False
    order_id: str | None = None


@dataclass
class TokenRecord:
    token: str
    account_id: str
    card: CardProfile
    card_exp_date: str
    exp_month: int
    exp_year: int


@dataclass
class PaResRecord:
    transaction_id: int
    authenticated: bool  # the payer chose "Confirm payment" on the ACS page
    used: bool = False


@dataclass
class SubscriptionRecord:
    subscription_id: str
    params: dict[str, Any]
    amount: Decimal
    start: datetime
    status: SubscriptionStatus


@dataclass
class OrderRecord:
    order_id: str
    number: int
    internal_id: int
    params: dict[str, Any]
    amount: Decimal
    created: datetime
    status: OrderStatus = OrderStatus.CREATED
    payment_date: datetime | None = None
    transaction_ids: list[int] = field(default_factory=list)


@dataclass
class StoredAnswer:
    expires_at: float
    status_code: int
    body: dict[str, Any]


def new_hex_id(prefix: str, digits: int = 29) -> str:
    return prefix + secrets.token_hex((digits + 1) // 2)[:digits]


def new_order_id() -> str:
    alphabet = string.ascii_letters + string.digits
    return "".join(secrets.choice(alphabet) for _ in range(16))


class Store:
    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.reset()

    def reset(self) -> None:
        with self.lock:
            self.transactions: dict[int, TransactionRecord] = {}
            self.tokens: dict[str, TokenRecord] = {}
            self.token_by_card: dict[tuple[str, str, str, str], str] = {}
            self.pares: dict[str, PaResRecord] = {}
            self.subscriptions: dict[str, SubscriptionRecord] = {}
            self.orders: dict[str, OrderRecord] = {}
            self.answers: dict[str, StoredAnswer] = {}
            self._next_transaction_id = FIRST_TRANSACTION_ID
            self._next_order_number = FIRST_ORDER_NUMBER
            self._next_internal_id = FIRST_INTERNAL_ID

    def next_transaction_id(self) -> int:
        with self.lock:
            value = self._next_transaction_id
            self._next_transaction_id += 1
            return value

    def next_order_numbers(self) -> tuple[int, int]:
        with self.lock:
            numbers = (self._next_order_number, self._next_internal_id)
            self._next_order_number += 1
            self._next_internal_id += 1
            return numbers

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

    def counts(self) -> dict[str, int]:
        with self.lock:
            return {
                "transactions": len(self.transactions),
                "tokens": len(self.tokens),
                "subscriptions": len(self.subscriptions),
                "orders": len(self.orders),
            }
