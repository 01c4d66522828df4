"""A ledger of the payments a stateful run creates, and the invariants every answer must respect.

It is built only from the requests sent and the answers received, so it can judge any server:
the ledger says what each transaction's state must be after the operations applied to it, and
`observe` raises when an answer contradicts it (a refund above the amount paid, a confirm of a
voided payment, a success on an unknown transaction...).

Amounts are kept as intervals of cents: a request amount with more than two fractional digits may
be rounded either way by the server, so it is known only up to the neighbouring cents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_FLOOR, Context, Decimal, InvalidOperation
from typing import Any, Final

CENT: Final = Decimal("0.01")
# Wide enough to quantize any finite double to cents.
_WIDE: Final = Context(prec=800)
# Operations whose answer carries the transaction in Model.
PAYMENT_SCHEMES: Final = {
    "/payments/cards/charge": "charge",
    "/payments/tokens/charge": "charge",
    "/payments/cards/auth": "auth",
    "/payments/tokens/auth": "auth",
}
STATUS_AFTER_APPROVAL: Final = {"charge": "Completed", "auth": "Authorized"}
TRANSACTION_OPERATIONS: Final = frozenset({"/payments/confirm", "/payments/void", "/payments/refund"})


class LedgerError(AssertionError):
    """An answer contradicts the state the earlier operations left the transaction in."""


@dataclass(frozen=True)
class Money:
    """An amount known to lie in [low, high] (both in whole cents)."""

    low: Decimal
    high: Decimal

    @classmethod
    def of(cls, value: Any) -> Money | None:
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            return None
        try:
            exact = Decimal(str(value))
        except InvalidOperation:
            return None
        if not exact.is_finite():
            return None
        return cls(
            exact.quantize(CENT, ROUND_FLOOR, context=_WIDE),
            exact.quantize(CENT, ROUND_CEILING, context=_WIDE),
        )

    @property
    def exact(self) -> bool:
        return self.low == self.high

    def __add__(self, other: Money) -> Money:
        return Money(_WIDE.add(self.low, other.low), _WIDE.add(self.high, other.high))

    def __str__(self) -> str:
        return str(self.low) if self.exact else f"{self.low}..{self.high}"


ZERO: Final = Money(Decimal(0), Decimal(0))


@dataclass
class Payment:
    transaction_id: int
    scheme: str  # "charge" or "auth": what an approval (now or after 3-D Secure) leads to
    status: str
    amount: Money  # authorized (auth) or paid (charge, confirm)
    refunded: Money = ZERO
    history: list[str] = field(default_factory=list)
    # The 3-D Secure challenge (ACS address and PaReq) while the payment awaits authentication.
    acs_url: str | None = None
    pa_req: str | None = None

    def describe(self) -> str:
        return (
            f"transaction {self.transaction_id}: status {self.status}, amount {self.amount}, "
            f"refunded {self.refunded}; operations applied: {', '.join(self.history)}"
        )


@dataclass
class Ledger:
    payments: dict[int, Payment] = field(default_factory=dict)
    refund_ids: set[int] = field(default_factory=set)
    # Operation counts, so a run can show it really reached transactions.
    applied: dict[str, int] = field(default_factory=dict)

    def observe(self, path: str, request: Any, answer: Any, *, judge_refusals: bool = True) -> None:
        """Check one exchange against the ledger, then record its effect. Raises LedgerError.

        `judge_refusals=False` for a request made invalid on purpose outside its body (an empty X-Request-ID):
        its refusal says nothing about the payment, only a success would.
        """
        if not isinstance(answer, dict) or not isinstance(request, dict):
            return
        success = answer.get("Success") is True
        model = answer.get("Model")
        if path in PAYMENT_SCHEMES:
            self._payment(PAYMENT_SCHEMES[path], success, model)
        elif path == "/payments/cards/post3ds":
            self._post3ds(request, success, model)
        elif path in TRANSACTION_OPERATIONS:
            self._transaction_operation(path, request, success, answer, judge_refusals)

    def _count(self, what: str) -> None:
        self.applied[what] = self.applied.get(what, 0) + 1

    def _payment(self, scheme: str, success: bool, model: Any) -> None:
        if not isinstance(model, dict) or not isinstance(model.get("TransactionId"), int):
            return
        transaction_id = model["TransactionId"]
        if transaction_id in self.refund_ids:
            raise LedgerError(f"a new payment reused the id {transaction_id} of a refund")
        if transaction_id in self.payments:
            raise LedgerError(f"a new payment reused the id of {self.payments[transaction_id].describe()}")
        if "AcsUrl" in model:
            self.payments[transaction_id] = Payment(
                transaction_id,
                scheme,
                "AwaitingAuthentication",
                ZERO,
                history=[f"{scheme}: 3-D Secure"],
                acs_url=str(model.get("AcsUrl")),
                pa_req=str(model.get("PaReq")),
            )
            self._count(f"{scheme} 3-D Secure")
            return
        amount = Money.of(model.get("Amount")) or ZERO
        status = STATUS_AFTER_APPROVAL[scheme] if success else "Declined"
        self.payments[transaction_id] = Payment(transaction_id, scheme, status, amount, history=[scheme])
        self._count(f"{scheme} {'approved' if success else 'declined'}")

    def _post3ds(self, request: dict[str, Any], success: bool, model: Any) -> None:
        transaction_id = _transaction_id(request)
        payment = self.payments.get(transaction_id) if transaction_id is not None else None
        if payment is None:
            if success:
                raise LedgerError(f"post3ds succeeded for an unknown transaction {request!r}")
            return
        if payment.status != "AwaitingAuthentication":
            if success:
                raise LedgerError(f"post3ds succeeded on a payment not awaiting it: {payment.describe()}")
            return
        if not isinstance(model, dict) or model.get("TransactionId") != payment.transaction_id:
            return  # refused before authentication (a wrong PaRes): the payment still waits
        payment.amount = Money.of(model.get("Amount")) or ZERO
        payment.status = STATUS_AFTER_APPROVAL[payment.scheme] if success else "Declined"
        payment.history.append(f"post3ds {'approved' if success else 'declined'}")
        self._count(f"post3ds {'approved' if success else 'declined'}")

    def _transaction_operation(
        self, path: str, request: dict[str, Any], success: bool, answer: Any, judge_refusals: bool
    ) -> None:
        operation = path.rsplit("/", 1)[-1]
        transaction_id = _transaction_id(request)
        payment = self.payments.get(transaction_id) if transaction_id is not None else None
        if payment is None:
            if success:
                raise LedgerError(f"{operation} succeeded for transaction {transaction_id}, never created")
            return
        amount = Money.of(request.get("Amount"))
        # A refusal is judged only for a request that carries nothing but the id and the amount: other
        # parameters may be refused for reasons of their own (a JsonData the server cannot store...).
        judge_refusal = judge_refusals and set(request) <= {"TransactionId", "Amount"}
        if operation == "confirm":
            self._confirm(payment, amount, success, answer, judge_refusal)
        elif operation == "void":
            self._void(payment, success)
        else:
            self._refund(payment, amount, success, answer, judge_refusal)

    def _confirm(
        self, payment: Payment, amount: Money | None, success: bool, answer: Any, judge_refusal: bool
    ) -> None:
        if success:
            if payment.status != "Authorized":
                raise LedgerError(
                    f"confirm succeeded on a payment that is not Authorized: {payment.describe()}"
                )
            if amount is None or amount.low > payment.amount.high:
                raise LedgerError(f"confirm of {amount} above the authorized amount: {payment.describe()}")
            payment.status, payment.amount = "Completed", amount
            payment.history.append(f"confirm {amount}")
            self._count("confirm")
        elif (
            judge_refusal
            and payment.status == "Authorized"
            and amount is not None
            and amount.exact
            and amount.high <= payment.amount.low
        ):
            raise LedgerError(
                f"confirm of {amount} refused ({answer.get('Message')!r}) although it is within the "
                f"authorization: {payment.describe()}"
            )

    def _void(self, payment: Payment, success: bool) -> None:
        # A refused void is not judged: the API refuses to void authorizations of 10 RUB or less
        # during their first 24 hours, and a ledger of requests cannot tell the clock.
        if success:
            if payment.status != "Authorized":
                raise LedgerError(f"void succeeded on a payment that is not Authorized: {payment.describe()}")
            payment.status = "Cancelled"
            payment.history.append("void")
            self._count("void")

    def _refund(
        self, payment: Payment, amount: Money | None, success: bool, answer: Any, judge_refusal: bool
    ) -> None:
        if success:
            if payment.status != "Completed":
                raise LedgerError(
                    f"refund succeeded on a payment that is not Completed: {payment.describe()}"
                )
            if amount is None or (payment.refunded + amount).low > payment.amount.high:
                raise LedgerError(f"refund of {amount} exceeds the amount paid: {payment.describe()}")
            model = answer.get("Model")
            refund_id = model.get("TransactionId") if isinstance(model, dict) else None
            if not isinstance(refund_id, int) or refund_id in self.payments or refund_id in self.refund_ids:
                raise LedgerError(f"the refund's id {refund_id!r} is not a new id: {payment.describe()}")
            self.refund_ids.add(refund_id)
            payment.refunded = payment.refunded + amount
            payment.history.append(f"refund {amount}")
            self._count("refund")
        elif (
            judge_refusal
            and payment.status == "Completed"
            and amount is not None
            and amount.exact
            and (payment.refunded + amount).high <= payment.amount.low
        ):
            raise LedgerError(
                f"refund of {amount} refused ({answer.get('Message')!r}) although it is within the amount "
                f"paid: {payment.describe()}"
            )


def _transaction_id(request: dict[str, Any]) -> int | None:
    value = request.get("TransactionId")
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None
