"""Chargebacks and chargeback fees: opened by the test-control route `POST /__mock__/chargebacks` on a
completed payment of the terminal (the API learns of them from the banks; nothing in the API opens one),
listed by `/chargebacks/list` within a period, 100 a page.

The facts come from the spec: the types (`ChargebackType`; the first, `Chargeback`, when none is given), the
operation of a new one (the first of `ChargebackOperation`, `Presentment`), the page size (`x-pagination`) and
the longest period (`x-max-period`). The store is capped at MAX_CHARGEBACKS (beyond it a new one is refused).
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, Final

from mock_server.envelopes import Envelope, Handler, Outcome, RequestContext, fail, ok
from mock_server.ledger import TransactionKind, TransactionRecord
from mock_server.resources.payments import Payments
from mock_server.resources.transactions_query import page, spec_enum
from mock_server.spec import ApiSpec
from mock_server.statuses import TransactionStatus
from mock_server.values import MAX_PAYMENT_AMOUNT, money, ms_date, now, parse_date_time

OPERATION_ID: Final = "listChargebacks"
# How many chargebacks the mock keeps at most: beyond it a new one is refused until a reset.
MAX_CHARGEBACKS: Final = 10_000
CONTROL_PATH: Final = "/__mock__/chargebacks"
_FIELDS: Final = {"transactionid": "TransactionId", "amount": "Amount", "type": "Type"}
_CENT: Final = Decimal("0.01")


@dataclass(frozen=True)
class ChargebackRecord:
    chargeback_id: str
    transaction_id: int
    amount: Decimal
    type: str
    operation: str
    created: datetime


class ChargebackState:
    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        # In the order opened (which is the order of `created`).
        self.chargebacks: dict[str, ChargebackRecord] = {}

    def counts(self) -> dict[str, int]:
        return {"chargebacks": len(self.chargebacks)}


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number")


def add_years(moment: datetime, years: int) -> datetime | None:
    """The same moment `years` later (29 February goes to 28 February); None beyond the calendar."""
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:
        try:
            return moment.replace(year=moment.year + years, day=28)
        except ValueError:
            return None


class Chargebacks:
    def __init__(self, state: ChargebackState, payments: Payments, spec: ApiSpec) -> None:
        self.state = state
        self.payments = payments
        self.page_size = spec.page_size(OPERATION_ID)
        self.period = spec.max_period(OPERATION_ID)
        self.types = tuple(str(t) for t in spec_enum(spec, {"$ref": "#/components/schemas/ChargebackType"}))
        operations = spec_enum(spec, {"$ref": "#/components/schemas/ChargebackOperation"})
        self.operation = str(operations[0])

    def handlers(self) -> dict[str, Handler]:
        return {OPERATION_ID: self.list}

    # ---------- the test-control route ----------

    def open(self, raw: bytes, ctx: RequestContext) -> Outcome:
        """A chargeback on a completed payment, from `{TransactionId, Amount, Type?}` (JSON, names in any
        case): its answer is the item as the list shows it."""
        wanted = "a JSON object {TransactionId, Amount, Type?}"
        try:
            body = json.loads(raw, parse_float=Decimal, parse_constant=_reject_constant)
        except (ValueError, RecursionError):
            return Outcome(fail(f"The body must be {wanted}"))
        if not isinstance(body, dict):
            return Outcome(fail(f"The body must be {wanted}"))
        fields: dict[str, Any] = {}
        for key, value in body.items():
            name = _FIELDS.get(str(key).lower())
            if name is None:
                return Outcome(fail(f"Unknown field {key!r}: the body must be {wanted}"))
            if name in fields:
                return Outcome(fail(f"{name} is given twice"))
            fields[name] = value
        refusal, transaction_id, amount, kind = self._read(fields)
        if refusal is not None:
            return Outcome(fail(refusal))
        payment = self.payments.state.transactions.get(transaction_id)
        if payment is None:
            return Outcome(fail(f"TransactionId: transaction {transaction_id} not found"))
        if payment.kind is not TransactionKind.PAYMENT:
            return Outcome(
                fail(f"TransactionId: transaction {transaction_id} is a {payment.kind}, not a payment")
            )
        if payment.status is not TransactionStatus.COMPLETED:
            return Outcome(fail(f"TransactionId: the payment is not completed (status {payment.status})"))
        if kind == self.types[0] and amount > payment.amount:
            return Outcome(fail(f"Amount exceeds the payment's amount ({money(payment.amount)})"))
        if len(self.state.chargebacks) >= MAX_CHARGEBACKS:
            full = f"The mock keeps at most {MAX_CHARGEBACKS} chargebacks; reset it (POST /__mock__/reset)"
            return Outcome(fail(full))
        record = ChargebackRecord(secrets.token_hex(12), transaction_id, amount, kind, self.operation, now())

        def commit() -> None:
            self.state.chargebacks[record.chargeback_id] = record

        return Outcome(ok(self.model(record, payment, ctx)), commit)

    def _read(self, fields: dict[str, Any]) -> tuple[str | None, int, Decimal, str]:
        """The body's values, or why one is refused."""
        transaction_id = fields.get("TransactionId")
        if type(transaction_id) is not int or transaction_id < 1:
            return "TransactionId must be a positive integer", 0, Decimal(0), ""
        value = fields.get("Amount")
        if isinstance(value, bool) or not isinstance(value, int | Decimal):
            return "Amount must be a number", 0, Decimal(0), ""
        amount = Decimal(value)
        if not amount.is_finite() or amount <= 0 or amount > MAX_PAYMENT_AMOUNT:
            return f"Amount must be above 0 and at most {MAX_PAYMENT_AMOUNT}", 0, Decimal(0), ""
        try:
            exact = amount == amount.quantize(_CENT)
        except InvalidOperation:
            exact = False
        if not exact:
            return "Amount must have at most two fractional digits", 0, Decimal(0), ""
        kind = fields.get("Type", self.types[0])
        if kind not in self.types:
            return f"Type must be one of {', '.join(self.types)}: {kind!r}", 0, Decimal(0), ""
        return None, transaction_id, amount, str(kind)

    # ---------- the list ----------

    def list(self, params: dict[str, Any], ctx: RequestContext) -> Outcome:
        """The chargebacks opened within [CreatedDateGte, CreatedDateLte], oldest first, one page."""
        bounds: list[datetime] = []
        for name in (self.period.start, self.period.end):
            try:
                bounds.append(parse_date_time(str(params[name]), UTC))
            except ValueError:
                return self._answer(fail(f"{name} is not a valid date and time: {params[name]!r}"))
            except OverflowError:
                beyond = f"{name} is out of range: {params[name]!r} is outside the years 1-9999 in UTC"
                return self._answer(fail(beyond))
        start, end = bounds
        if start > end:
            return self._answer(fail(f"{self.period.start} must not be later than {self.period.end}"))
        latest = add_years(start, self.period.years)
        if latest is not None and end > latest:
            years = f"{self.period.years} year" + ("s" if self.period.years != 1 else "")
            wide = f"{self.period.start} and {self.period.end} must be at most {years} apart"
            return self._answer(fail(f"{wide}: {params[self.period.start]!r} to {params[self.period.end]!r}"))
        transactions = self.payments.state.transactions
        listed = [
            (record, transactions[record.transaction_id])
            for record in self.state.chargebacks.values()
            if start <= record.created <= end and record.transaction_id in transactions
        ]
        chosen = page(listed, int(params["PageNumber"]), self.page_size)
        return self._answer(ok([self.model(record, payment, ctx) for record, payment in chosen]))

    @staticmethod
    def _answer(envelope: Envelope) -> Outcome:
        """The envelope with the top-level `ErrorCode` of the answer (null: its values are undocumented)."""
        return Outcome({**envelope, "ErrorCode": None})

    def model(
        self, record: ChargebackRecord, payment: TransactionRecord, ctx: RequestContext
    ) -> dict[str, Any]:
        transaction = self.payments.model(payment, ctx)
        card = payment.card
        return {
            "ChargeBackId": record.chargeback_id,
            "TerminalUrl": transaction["TerminalUrl"],
            "TransactionId": record.transaction_id,
            "Amount": money(record.amount),
            "Currency": payment.currency,
            "Type": record.type,
            "Operation": record.operation,
            # The middle digits of a 16-digit card, as the test cards are.
            "Card": None if card is None else f"{card.first_six}******{card.last_four}",
            "Gateway": transaction["GatewayName"],
            "Date": ms_date(record.created),
        }
