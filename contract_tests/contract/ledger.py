"""A ledger of what a stateful run creates, and the invariants every answer must respect.

It is built only from the requests sent and the answers received, so it can judge any server:
the ledger says what each transaction's state must be after the operations applied to it, and
`observe` raises when an answer contradicts it (a refund above the amount paid, a confirm of a
voided payment, a success on an unknown transaction, a refund of a payout, a lookup that shows another
status or amount than the operations left, a find that misses a subscription the run created, settings
read back other than saved...).

Amounts are kept as intervals of cents: a request amount with more than two fractional digits may
be rounded either way by the server, so it is known only up to the neighbouring cents.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_FLOOR, Context, Decimal, InvalidOperation
from typing import Any, Final

import spec_tools

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
PAYOUT_OPERATIONS: Final = frozenset({"/payments/cards/topup", "/payments/token/topup"})
PAYOUT: Final = "payout"
# `Type` of a transaction by how it was made (the spec's `Transaction.Type.x-codes`).
_TYPES: Final = spec_tools.transaction_type_codes(spec_tools.load_spec(shared=True))
TYPE_OF_SCHEME: Final = {"charge": _TYPES["Payment"], "auth": _TYPES["Payment"], PAYOUT: _TYPES["Payout"]}
# Statuses of a payout done, or still with the bank.
PAYOUT_STATUSES: Final = frozenset({"Completed", "Created"})
# Finds by invoice number: v1 searches payments only, v2 refunds and payouts too.
REFUND: Final = "refund"
FINDS: Final = {
    "/payments/find": frozenset({"charge", "auth"}),
    "/v2/payments/find": frozenset({"charge", "auth", PAYOUT, REFUND}),
}
APPROVED: Final = frozenset({"Authorized", "Completed"})
# An update re-activates a subscription in one of these statuses.
REACTIVATED: Final = frozenset({"Cancelled", "Rejected", "Expired"})
SETTINGS_GET: Final = "/site/notifications/{Type}/get"
SETTINGS_UPDATE: Final = "/site/notifications/{Type}/update"
SETTINGS_FIELDS: Final = ("IsEnabled", "Address", "HttpMethod", "Encoding", "Format")


# The smallest refund the API takes (the spec's Amount minimum).
MIN_REFUND: Final = Decimal("0.01")


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
    invoice_id: str | None = None

    def describe(self) -> str:
        return (
            f"transaction {self.transaction_id}: status {self.status}, amount {self.amount}, "
            f"refunded {self.refunded}; operations applied: {', '.join(self.history)}"
        )


@dataclass
class Subscription:
    subscription_id: str
    account_id: Any
    status: str
    history: list[str] = field(default_factory=list)

    def describe(self) -> str:
        return (
            f"subscription {self.subscription_id} of {self.account_id!r}: status {self.status}; "
            f"operations applied: {', '.join(self.history)}"
        )


@dataclass
class Ledger:
    payments: dict[int, Payment] = field(default_factory=dict)
    refund_ids: set[int] = field(default_factory=set)
    # The payment each refund refunded.
    refunded_payment: dict[int, int] = field(default_factory=dict)
    # Ids of the payments, payouts and refunds in the order they were made.
    created: list[int] = field(default_factory=list)
    subscriptions: dict[str, Subscription] = field(default_factory=dict)
    # Invoice id -> status ("Created", "Cancelled") of the orders created.
    orders: dict[str, str] = field(default_factory=dict)
    # Notification type (case-folded) -> the settings saved last.
    settings: dict[str, dict[str, Any]] = field(default_factory=dict)
    # What a settings parameter left out becomes (the spec's defaults); not compared when unknown.
    settings_defaults: Mapping[str, Any] = field(default_factory=dict)
    # Operation counts, so a run can show it really reached transactions.
    applied: dict[str, int] = field(default_factory=dict)

    def observe(
        self,
        path: str,
        request: Any,
        answer: Any,
        *,
        judge_refusals: bool = True,
        parameters: Mapping[str, Any] | None = None,
    ) -> None:
        """Check one exchange against the ledger, then record its effect. Raises LedgerError.

        `path` is the spec's path (a template), `parameters` the path parameters it was called with.
        `judge_refusals=False` for a request made invalid on purpose outside its body (an empty X-Request-ID):
        its refusal says nothing about the payment, only a success would.
        """
        if request is None:
            request = {}  # an operation without a body (the settings read)
        if not isinstance(answer, dict) or not isinstance(request, dict):
            return
        success = answer.get("Success") is True
        model = answer.get("Model")
        if path in PAYMENT_SCHEMES:
            self._payment(PAYMENT_SCHEMES[path], request, success, model)
        elif path in PAYOUT_OPERATIONS:
            self._payment(PAYOUT, request, success, model)
        elif path == "/payments/cards/post3ds":
            self._post3ds(request, success, model)
        elif path in TRANSACTION_OPERATIONS:
            self._transaction_operation(path, request, success, answer, judge_refusals)
        elif path == "/payments/get":
            self._lookup(request, success, answer, judge_refusals)
        elif path in FINDS:
            self._find(path, request, success, answer, judge_refusals)
        elif path.startswith("/subscriptions/"):
            self._subscription(path.rsplit("/", 1)[-1], request, success, answer, judge_refusals)
        elif path.startswith("/orders/"):
            self._order(path.rsplit("/", 1)[-1], request, success, answer, judge_refusals)
        elif path in (SETTINGS_GET, SETTINGS_UPDATE):
            self._settings(path, (parameters or {}).get("Type"), request, success, model)

    def _count(self, what: str) -> None:
        self.applied[what] = self.applied.get(what, 0) + 1

    def _payment(self, scheme: str, request: dict[str, Any], success: bool, model: Any) -> None:
        if not isinstance(model, dict) or not isinstance(model.get("TransactionId"), int):
            return
        transaction_id = model["TransactionId"]
        if transaction_id in self.refund_ids:
            raise LedgerError(f"a new payment reused the id {transaction_id} of a refund")
        if transaction_id in self.payments:
            raise LedgerError(f"a new payment reused the id of {self.payments[transaction_id].describe()}")
        invoice_id = _text(request.get("InvoiceId"))
        if "AcsUrl" in model:
            self.payments[transaction_id] = Payment(
                transaction_id,
                scheme,
                "AwaitingAuthentication",
                ZERO,
                history=[f"{scheme}: 3-D Secure"],
                acs_url=str(model.get("AcsUrl")),
                pa_req=str(model.get("PaReq")),
                invoice_id=invoice_id,
            )
            self.created.append(transaction_id)
            self._count(f"{scheme} 3-D Secure")
            return
        amount = Money.of(model.get("Amount")) or ZERO
        if scheme == PAYOUT:
            status = str(model.get("Status")) if success else "Declined"
            if success and status not in PAYOUT_STATUSES:
                raise LedgerError(f"a payout answered Success: true in Status {status!r}")
        else:
            status = STATUS_AFTER_APPROVAL[scheme] if success else "Declined"
        self.payments[transaction_id] = Payment(
            transaction_id, scheme, status, amount, history=[scheme], invoice_id=invoice_id
        )
        self.created.append(transaction_id)
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
        if payment.scheme == PAYOUT:
            if success:
                raise LedgerError(f"{operation} succeeded on a payout: {payment.describe()}")
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
            self.refunded_payment[refund_id] = payment.transaction_id
            self.created.append(refund_id)
            payment.refunded = payment.refunded + amount
            payment.history.append(f"refund {amount}")
            self._count("refund")
        elif (
            judge_refusal
            and payment.status == "Completed"
            and amount is not None
            and amount.exact
            and amount.low >= MIN_REFUND  # a refund below the API's minimum (or negative) is refused rightly
            and (payment.refunded + amount).high <= payment.amount.low
        ):
            raise LedgerError(
                f"refund of {amount} refused ({answer.get('Message')!r}) although it is within the amount "
                f"paid: {payment.describe()}"
            )

    # ---------- lookups ----------

    def _lookup(
        self, request: dict[str, Any], success: bool, answer: dict[str, Any], judge_refusals: bool
    ) -> None:
        """`/payments/get` of a transaction the run made answers it as the operations left it."""
        transaction_id = _transaction_id(request)
        model = answer.get("Model")
        known = transaction_id in self.payments or transaction_id in self.refund_ids
        if transaction_id is None or not known:
            return  # made outside the ledger (the setup's token payments) or never made: both possible
        what = (
            f"refund {transaction_id} of {self.payments[self.refunded_payment[transaction_id]].describe()}"
            if transaction_id in self.refund_ids
            else self.payments[transaction_id].describe()
        )
        if not success:
            if judge_refusals and set(request) <= {"TransactionId"}:
                raise LedgerError(f"lookup refused ({answer.get('Message')!r}) for {what}")
            return
        if not isinstance(model, dict) or model.get("TransactionId") != transaction_id:
            raise LedgerError(f"lookup answered {_short(model)} for {what}")
        if transaction_id in self.refund_ids:
            self._count("get refund")
            return
        payment = self.payments[transaction_id]
        status = model.get("Status")
        if payment.scheme == PAYOUT and payment.status == "Created" and status in PAYOUT_STATUSES:
            payment.status = str(status)  # the bank finished the payout meanwhile
        if status != payment.status:
            raise LedgerError(f"lookup answered Status {status!r} for {what}")
        answered = Money.of(model.get("Amount"))
        if payment.status in APPROVED | PAYOUT_STATUSES and (
            answered is None or not payment.amount.low <= answered.low <= answered.high <= payment.amount.high
        ):
            raise LedgerError(f"lookup answered Amount {model.get('Amount')!r} for {what}")
        if model.get("Type") != TYPE_OF_SCHEME[payment.scheme]:
            raise LedgerError(f"lookup answered Type {model.get('Type')!r} for {what}")
        self._count("get payout" if payment.scheme == PAYOUT else "get")

    def _find(
        self, path: str, request: dict[str, Any], success: bool, answer: dict[str, Any], judge_refusals: bool
    ) -> None:
        """A find by an invoice number the run paid with finds the latest operation of that invoice (v1: the
        latest payment)."""
        invoice_id = _text(request.get("InvoiceId"))
        schemes = FINDS[path]
        paid = [
            payment
            for payment in self.payments.values()
            if payment.invoice_id == invoice_id
            and payment.scheme in schemes
            and (
                payment.status in APPROVED or (payment.scheme == PAYOUT and payment.status in PAYOUT_STATUSES)
            )
        ]
        if invoice_id is None or not paid:
            return
        if not success:
            if judge_refusals and set(request) <= {"InvoiceId"}:
                raise LedgerError(
                    f"{path} refused ({answer.get('Message')!r}) although the run paid invoice "
                    f"{invoice_id!r}: {'; '.join(payment.describe() for payment in paid)}"
                )
            return
        model = answer.get("Model")
        found = model.get("TransactionId") if isinstance(model, dict) else None
        searched = [
            made
            for made in self.created
            if self._invoice_and_kind(made) in {(invoice_id, k) for k in schemes}
        ]
        if found != searched[-1]:
            raise LedgerError(
                f"{path} of invoice {invoice_id!r} answered {_short(model)}; the latest operation of the "
                f"invoice the run made is {searched[-1]} (all, oldest first: {searched})"
            )
        self._count("find")

    def _invoice_and_kind(self, transaction_id: int) -> tuple[str | None, str]:
        """The invoice number of a payment, payout or refund (a refund's is its payment's), and its kind."""
        if transaction_id in self.refunded_payment:
            return self.payments[self.refunded_payment[transaction_id]].invoice_id, REFUND
        payment = self.payments[transaction_id]
        return payment.invoice_id, payment.scheme

    # ---------- subscriptions and orders ----------

    def _subscription(
        self,
        operation: str,
        request: dict[str, Any],
        success: bool,
        answer: dict[str, Any],
        judge_refusals: bool,
    ) -> None:
        model = answer.get("Model")
        if operation == "create":
            if success and isinstance(model, dict) and isinstance(model.get("Id"), str):
                if model["Id"] in self.subscriptions:
                    raise LedgerError(
                        f"a new subscription reused the id of {self.subscriptions[model['Id']].describe()}"
                    )
                status = str(model.get("Status"))
                self.subscriptions[model["Id"]] = Subscription(
                    model["Id"], model.get("AccountId"), status, ["create"]
                )
                self._count("subscription")
            return
        if operation == "find":
            self._find_subscriptions(request, success, model)
            return
        subscription_id = _text(request.get("Id"))
        subscription = self.subscriptions.get(subscription_id) if subscription_id is not None else None
        if subscription is None:
            if success and operation in ("cancel", "update"):
                raise LedgerError(
                    f"{operation} succeeded for subscription {subscription_id!r}, never created"
                )
            return
        if not success:
            return  # refusals of a known subscription have reasons of their own (a start date passed...)
        if operation == "get":
            if not isinstance(model, dict) or model.get("Status") != subscription.status:
                raise LedgerError(f"get answered {_short(model)} for {subscription.describe()}")
        elif operation == "cancel":
            subscription.status = "Cancelled"
            subscription.history.append("cancel")
            self._count("subscription cancel")
        elif operation == "update":
            answered = model.get("Status") if isinstance(model, dict) else None
            reactivated = subscription.status in REACTIVATED
            if reactivated and answered != "Active":
                raise LedgerError(
                    f"update answered Status {answered!r}, not Active, for {subscription.describe()}"
                )
            subscription.status = str(answered)
            subscription.history.append("update")
            self._count("subscription reactivated" if reactivated else "subscription update")

    def _find_subscriptions(self, request: dict[str, Any], success: bool, model: Any) -> None:
        account_id = request.get("AccountId")
        ours = [s for s in self.subscriptions.values() if s.account_id == account_id]
        if not success or not ours:
            return
        found = {item.get("Id"): item.get("Status") for item in model or [] if isinstance(item, dict)}
        for subscription in ours:
            if found.get(subscription.subscription_id) != subscription.status:
                raise LedgerError(
                    f"find for {account_id!r} answered {found.get(subscription.subscription_id)!r} for "
                    f"{subscription.describe()}"
                )
        self._count("subscriptions found")

    def _order(
        self,
        operation: str,
        request: dict[str, Any],
        success: bool,
        answer: dict[str, Any],
        judge_refusals: bool,
    ) -> None:
        model = answer.get("Model")
        if operation == "create":
            if success and isinstance(model, dict) and isinstance(model.get("Id"), str):
                self.orders[model["Id"]] = "Created"
            return
        order_id = _text(request.get("Id")) or ""
        status = self.orders.get(order_id)
        if success:
            if status is None:
                raise LedgerError(f"cancel succeeded for invoice {order_id!r}, never created")
            self.orders[order_id] = "Cancelled"
            self._count("order cancel")
        elif status == "Created" and judge_refusals and set(request) <= {"Id"}:
            raise LedgerError(
                f"cancel of the unpaid invoice {order_id!r} refused ({answer.get('Message')!r})"
            )

    # ---------- notification settings ----------

    def _settings(self, path: str, kind: Any, request: dict[str, Any], success: bool, model: Any) -> None:
        if not isinstance(kind, str) or not success:
            return
        if path == SETTINGS_UPDATE:
            saved = {name: self.settings_defaults.get(name) for name in SETTINGS_FIELDS}
            saved.update({name: request[name] for name in SETTINGS_FIELDS if request.get(name) is not None})
            self.settings[kind.casefold()] = saved
            return
        saved_last = self.settings.get(kind.casefold())
        if saved_last is None:
            return
        if not isinstance(model, dict):
            raise LedgerError(f"the settings of {kind} read back as {_short(model)}")
        differing = [
            f"{name}: saved {value!r}, read {model.get(name)!r}"
            for name, value in saved_last.items()
            if value is not None and not _same_setting(value, model.get(name))
        ]
        if differing:
            raise LedgerError(f"the settings of {kind} read back other than saved: {'; '.join(differing)}")
        self._count("settings read back")


def _same_setting(saved: Any, read: Any) -> bool:
    """A form body sends `true` as text; the answer has a boolean. An empty address is no address."""
    if isinstance(read, bool) and isinstance(saved, str):
        return saved.strip().casefold() == str(read).casefold()
    if saved == "" and read is None:
        return True
    return bool(saved == read)


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _short(model: Any) -> str:
    text = repr(model)
    return text if len(text) <= 300 else f"{text[:300]}..."


def notification_defaults(spec: Mapping[str, Any]) -> dict[str, Any]:
    """The defaults the spec gives the settings parameters (what one left out becomes)."""
    schema = spec["components"]["schemas"]["NotificationSettingsRequest"]["properties"]
    return {name: schema[name]["default"] for name in SETTINGS_FIELDS if "default" in schema.get(name, {})}


def _transaction_id(request: dict[str, Any]) -> int | None:
    value = request.get("TransactionId")
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None
