"""Payments by SBP, T-Pay and SberPay links and QR codes: the link (a transaction in Created until the payer
acts), its QR code, the payer's choice on the mock's page that plays the bank's app, expiry, and the long-poll
of the status. Transactions live in the payments' state, so lookups, refunds, confirm and void find them."""

from __future__ import annotations

import asyncio
import base64
import concurrent.futures
import dataclasses
import functools
import io
import secrets
import string
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Final

import segno

import spec_tools
from mock_server.envelopes import BeforeStep, Handler, Outcome, RequestContext, fail, ok
from mock_server.events import Event, Events
from mock_server.ledger import CheckCandidate, PaymentScheme, TransactionKind, TransactionRecord
from mock_server.resources.payments import Payments, unreadable_parameter
from mock_server.statuses import TransactionStatus
from mock_server.values import DEFAULT_CURRENCY, amount_refusal, money, now, to_amount
from mock_server.vocabulary import ReasonCode

# Links kept at most (the oldest is dropped beyond: its transactions stay, its page is gone).
MAX_LINKS: Final = 10_000
# Payments one SBP QR code takes at most (the page refuses more).
MAX_PAYMENTS_PER_LINK: Final = 1_000
# How long /payments/qr/status/wait holds a request at most, by default, and how many requests wait at once
# at most (beyond, the status is answered at once).
DEFAULT_WAIT_SECONDS: Final = 20.0
MAX_WAITERS: Final = 1_000
_PROVIDER_ID_ALPHABET: Final = string.ascii_uppercase + string.digits


class QrMethod(StrEnum):
    """The payment method, as notifications' `PaymentMethod` names it."""

    SBP = "Sbp"
    TPAY = "T-Pay"
    SBERPAY = "SberPay"


@dataclass(frozen=True)
class MethodFacts:
    method: QrMethod
    image_kind: str  # what segno writes: "png" or "svg"
    paid_many_times: bool  # one SBP QR code takes any number of payments; the others one


METHODS: Final = {
    QrMethod.SBP: MethodFacts(QrMethod.SBP, "png", paid_many_times=True),
    QrMethod.TPAY: MethodFacts(QrMethod.TPAY, "svg", paid_many_times=False),
    QrMethod.SBERPAY: MethodFacts(QrMethod.SBERPAY, "svg", paid_many_times=False),
}
# operationId -> (method, answers the QR code rather than the link)
OPERATIONS: Final = {
    "createSbpLink": (QrMethod.SBP, False),
    "createSbpQr": (QrMethod.SBP, True),
    "createTpayLink": (QrMethod.TPAY, False),
    "createTpayQr": (QrMethod.TPAY, True),
    "createSberpayLink": (QrMethod.SBERPAY, False),
    "createSberpayQr": (QrMethod.SBERPAY, True),
}


@dataclass
class QrLink:
    """A link or QR code: the page at `/qr/{token}` pays it until `expires_at` (the store's clock)."""

    token: str
    method: QrMethod
    scheme: PaymentScheme
    expires_at: float
    provider_qr_id: str | None
    transaction_ids: list[int]  # its payments, the first the one the link answered with

    @property
    def current(self) -> int:
        return self.transaction_ids[-1]


class QrState:
    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.links: dict[str, QrLink] = {}
        self.by_transaction: dict[int, str] = {}

    def add(self, link: QrLink) -> None:
        self.links[link.token] = link
        self.by_transaction[link.transaction_ids[0]] = link.token
        while len(self.links) > MAX_LINKS:
            oldest = self.links.pop(next(iter(self.links)))
            for transaction_id in oldest.transaction_ids:
                self.by_transaction.pop(transaction_id, None)

    def link_of(self, transaction_id: int) -> QrLink | None:
        token = self.by_transaction.get(transaction_id)
        return None if token is None else self.links.get(token)

    def counts(self) -> dict[str, int]:
        return {"qr_links": len(self.links)}


@dataclass(frozen=True)
class PageView:
    """What the payer's page shows: the link's payment, and whether it takes a choice now."""

    link: QrLink
    record: TransactionRecord
    payable: bool
    expired: bool


class QrPayments:
    """The link and QR operations, the status wait, and the page's actions (not API operations: they change
    the state at once, under the store's lock, through the same decide-then-commit outcomes)."""

    def __init__(
        self,
        state: QrState,
        payments: Payments,
        events: Events,
        public_id: str,
        clock: Callable[[], float],
        ttl_defaults: dict[QrMethod, int],
        lock: Any,
        waiting_statuses: frozenset[TransactionStatus],
        wait_seconds: float = DEFAULT_WAIT_SECONDS,
    ) -> None:
        self.state = state
        self.payments = payments
        self.events = events
        self.public_id = public_id
        self.clock = clock
        self.ttl_defaults = ttl_defaults
        self.lock = lock
        self.wait_seconds = wait_seconds
        # The statuses of a payment the payer has not acted on: the status wait's `x-long-poll` in the spec.
        self.waiting_statuses = waiting_statuses
        # Per waited transaction: a future resolved when its status leaves Created/Pending, and its waiters.
        self._wakers: dict[int, concurrent.futures.Future[None]] = {}
        self._waiters: dict[int, int] = {}
        self.waiting = 0  # requests waiting now (for inspection)

    def handlers(self) -> dict[str, Handler]:
        created: dict[str, Handler] = {
            operation_id: functools.partial(self.create, method=method, image=image)
            for operation_id, (method, image) in OPERATIONS.items()
        }
        return {**created, "waitQrStatus": self.status}

    def before_steps(self) -> dict[str, BeforeStep]:
        """The route's step before the status answer: the wait."""
        return {"waitQrStatus": self.wait}

    def check_candidates(self) -> dict[str, CheckCandidate]:
        """The Check is sent before a link or QR code is made (for SBP it carries no card: none exists)."""
        return {
            operation_id: functools.partial(self.check_candidate, method)
            for operation_id, (method, _) in OPERATIONS.items()
        }

    # ---------- making a link ----------

    def check_candidate(
        self, method: QrMethod, params: dict[str, Any], authenticated: bool
    ) -> TransactionRecord | None:
        # A request the operation refuses (no PublicId without Basic auth, a bad amount) gets no Check.
        if self._refusal(params, RequestContext("", "", authenticated=authenticated)) is not None:
            return None
        payment = self._new_record(params, method, self._scheme(params))
        payment.status = (
            TransactionStatus.COMPLETED
            if payment.scheme is PaymentScheme.CHARGE
            else TransactionStatus.AUTHORIZED
        )
        payment.transaction_id = self.payments.state.reserve_transaction_id()
        return payment

    def create(self, params: dict[str, Any], ctx: RequestContext, method: QrMethod, image: bool) -> Outcome:
        refusal = self._refusal(params, ctx)
        if refusal is not None:
            return Outcome(fail(refusal))
        scheme = self._scheme(params)
        payment = self._new_record(params, method, scheme)
        if ctx.check is not None:
            payment.transaction_id = ctx.check.transaction_id
            if ctx.check.declines:
                return self._refused_by_check(payment, ctx.check.reason_code)
        ttl = params.get("TtlMinutes")
        minutes = int(ttl) if ttl is not None else self.ttl_defaults[method]
        provider_qr_id = _provider_qr_id() if method is QrMethod.SBP else None
        token = provider_qr_id or secrets.token_hex(16)
        link = QrLink(
            token=token,
            method=method,
            scheme=scheme,
            expires_at=self.clock() + minutes * 60,
            provider_qr_id=provider_qr_id,
            transaction_ids=[payment.transaction_id],
        )
        url = page_url(ctx.base_url, token)
        model: dict[str, Any] = {
            "QrUrl": None if image else url,
            "QrImage": qr_image(url, METHODS[method].image_kind) if image else None,
            "TransactionId": payment.transaction_id,
        }
        if method is QrMethod.SBERPAY:  # SberPay's answer carries only these four
            model["Amount"] = money(payment.amount)
        else:
            model.update(
                MerchantOrderId=params.get("InvoiceId"),
                ProviderQrId=provider_qr_id if provider_qr_id is not None else "",
                Amount=money(payment.amount),
                Message="Created",
                IsTest=True,
            )

        def commit() -> None:
            self.payments.state.add(payment)
            self.state.add(link)

        return Outcome(ok(model), commit)

    def _refusal(self, params: dict[str, Any], ctx: RequestContext) -> str | None:
        terminal = self._terminal_refusal(params, ctx)
        if terminal is not None:
            return terminal
        return unreadable_parameter(params) or amount_refusal(params["Amount"])

    def _terminal_refusal(self, params: dict[str, Any], ctx: RequestContext) -> str | None:
        """Without Basic auth the body's PublicId names the terminal; given, it must be this one's."""
        given = params.get("PublicId")
        if given is None and not ctx.authenticated:
            return "PublicId is required without Basic auth"
        if given is not None and not secrets.compare_digest(
            str(given).encode("utf-8", "surrogatepass"), self.public_id.encode("utf-8")
        ):
            return "PublicId does not name this terminal"
        return None

    def _refused_by_check(self, payment: TransactionRecord, code: int) -> Outcome:
        """A refusing Check: no link; the transaction is Declined with the Check's code (Fail follows)."""
        payment.status = TransactionStatus.DECLINED
        payment.reason_code = code
        announce = self.events.announce(Event.DECLINED, payment)

        def commit() -> None:
            self.payments.state.add(payment)
            announce()

        word = self.payments.vocabulary.reason(code)
        return Outcome(fail(f"The payment was refused by the Check: {word} ({code})"), commit)

    def _scheme(self, params: dict[str, Any]) -> PaymentScheme:
        schemes = self.payments.vocabulary.schemes
        return schemes.get(str(params.get("Scheme") or PaymentScheme.CHARGE), PaymentScheme.CHARGE)

    def _new_record(
        self, params: dict[str, Any], method: QrMethod, scheme: PaymentScheme
    ) -> TransactionRecord:
        return TransactionRecord(
            transaction_id=self.payments.state.next_transaction_id(),
            kind=TransactionKind.PAYMENT,
            scheme=scheme,
            amount=to_amount(params["Amount"]),
            currency=str(params.get("Currency") or DEFAULT_CURRENCY),
            status=TransactionStatus.CREATED,
            reason_code=ReasonCode.APPROVED,
            created=now(),
            card=None,
            card_exp_date=None,
            params={key: value for key, value in params.items() if key != "PublicId"},
            payment_method=method.value,
        )

    # ---------- the status and its wait ----------

    def status(self, params: dict[str, Any], ctx: RequestContext) -> Outcome:
        refusal = self._terminal_refusal(params, ctx)
        if refusal is not None:
            return Outcome(fail(refusal))
        transaction_id = int(params["TransactionId"])
        record = self.payments.transaction(transaction_id)
        link = self.state.link_of(transaction_id)
        if record is None or record.payment_method is None:
            return Outcome(fail(f"TransactionId {transaction_id} is not a QR or link payment"))
        expiry = self._expiry(link, record) if link is not None else None
        after = record if expiry is None else expiry[0]
        codes = self.payments.vocabulary.transaction_status_codes
        model = {
            "TransactionId": after.transaction_id,
            "Status": after.status.value,
            "StatusCode": codes[after.status],
            "ProviderQrId": link.provider_qr_id if link is not None else None,
        }
        return Outcome(ok(model), expiry[1] if expiry is not None else _nothing)

    async def wait(self, params: dict[str, Any], ctx: RequestContext) -> RequestContext:
        """Holds the request while its payment is Created or Pending, at most `wait_seconds`; never with the
        store's lock held. The status operation then answers what the payment is."""
        try:
            transaction_id = int(params["TransactionId"])
        except (KeyError, TypeError, ValueError):
            return ctx
        with self.lock:
            record = self.payments.transaction(transaction_id)
            link = self.state.link_of(transaction_id)
            if (
                record is None
                or link is None
                or record.status not in self.waiting_statuses
                or self.clock() >= link.expires_at
                or self.waiting >= MAX_WAITERS
            ):
                return ctx
            waker = self._wakers.get(transaction_id)
            if waker is None:
                waker = self._wakers[transaction_id] = concurrent.futures.Future()
            self._waiters[transaction_id] = self._waiters.get(transaction_id, 0) + 1
            self.waiting += 1
        try:
            await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(waker)), self.wait_seconds)
        except TimeoutError:
            pass
        finally:
            with self.lock:
                self.waiting -= 1
                left = self._waiters.get(transaction_id, 1) - 1
                if left <= 0:
                    self._waiters.pop(transaction_id, None)
                    if self._wakers.get(transaction_id) is waker:
                        del self._wakers[transaction_id]
                else:
                    self._waiters[transaction_id] = left
        return ctx

    def _wake(self, transaction_id: int) -> None:
        """After a commit that decided the payment: its waiters answer now."""
        waker = self._wakers.pop(transaction_id, None)
        if waker is not None and not waker.done():
            waker.set_result(None)

    # ---------- the payer's page ----------

    def view(self, token: str) -> tuple[PageView | None, Callable[[], None]]:
        """The page of the link with `token` (None: no such link) and what opening it commits: Created moves
        to Pending, an expired payment is declined. Call under the store's lock."""
        link = self.state.links.get(token)
        if link is None:
            return None, _nothing
        record = self.payments.transaction(link.current)
        if record is None:  # the link outlived a reset's state: not possible, the reset empties both
            return None, _nothing
        expiry = self._expiry(link, record)
        if expiry is not None:
            return PageView(link, expiry[0], payable=False, expired=True), expiry[1]
        if self.clock() >= link.expires_at:
            return PageView(link, record, payable=False, expired=True), _nothing
        payable = record.status in self.waiting_statuses or (
            METHODS[link.method].paid_many_times and len(link.transaction_ids) < MAX_PAYMENTS_PER_LINK
        )
        view = PageView(link, record, payable=payable, expired=False)
        if record.status is TransactionStatus.CREATED:

            def opened() -> None:
                record.status = TransactionStatus.PENDING

            return dataclasses.replace(
                view, record=dataclasses.replace(record, status=TransactionStatus.PENDING)
            ), opened
        return view, _nothing

    def choose(self, token: str, approve: bool) -> tuple[PageView | None, Outcome]:
        """The payer's choice on the page: the link's waiting payment decided (for an SBP QR code already
        paid, a new payment of it). The view is None for no such link; the outcome's envelope says whether a
        payment was decided (Success) and which."""
        view, opened = self.view(token)
        if view is None or not view.payable:
            return view, Outcome(fail("This payment cannot be made"), opened)
        link = view.link
        stored = self.payments.transaction(link.current)
        assert stored is not None
        if stored.status in self.waiting_statuses:
            payment, committed = dataclasses.replace(stored), stored
        else:  # an SBP QR code paid again: a payment of its own
            payment = self._new_record(stored.params, link.method, link.scheme)
            payment.transaction_id = self.payments.state.next_transaction_id()
            committed = None
        moment = now()
        if approve:
            payment.reason_code = ReasonCode.APPROVED
            payment.auth_date = moment
            if payment.scheme is PaymentScheme.CHARGE:
                payment.status = TransactionStatus.COMPLETED
                payment.confirm_date = moment
            else:
                payment.status = TransactionStatus.AUTHORIZED
            event = Event.APPROVED
        else:
            payment.status = TransactionStatus.DECLINED
            payment.reason_code = ReasonCode.DO_NOT_HONOR
            event = Event.DECLINED
        announce = self.events.announce(event, payment, committed)

        def commit() -> None:
            if committed is None:
                self.payments.state.add(payment)
                link.transaction_ids.append(payment.transaction_id)
                self.state.by_transaction[payment.transaction_id] = link.token
            else:
                _copy_decision(payment, committed)
            announce()
            self._wake(payment.transaction_id)

        return dataclasses.replace(view, record=payment, payable=False), Outcome(ok(), commit)

    def _expiry(
        self, link: QrLink, record: TransactionRecord
    ) -> tuple[TransactionRecord, Callable[[], None]] | None:
        """A waiting payment of an expired link, declined (5091 Timeout: the payer did not pay in time),
        with the commit that stores it and sends Fail; None while the link lives or the payment is decided."""
        if record.status not in self.waiting_statuses or self.clock() < link.expires_at:
            return None
        declined = dataclasses.replace(
            record, status=TransactionStatus.DECLINED, reason_code=ReasonCode.TIMEOUT
        )
        announce = self.events.announce(Event.DECLINED, declined, record)

        def commit() -> None:
            _copy_decision(declined, record)
            announce()
            self._wake(record.transaction_id)

        return declined, commit


def _copy_decision(decided: TransactionRecord, stored: TransactionRecord) -> None:
    stored.status = decided.status
    stored.reason_code = decided.reason_code
    stored.auth_date = decided.auth_date
    stored.confirm_date = decided.confirm_date


def _nothing() -> None:
    return None


def page_url(base_url: str, token: str) -> str:
    """The page that plays the payer's bank app (the real API gives `https://qr.nspk.ru/...` for SBP and a
    `sberpay://` deep link for SberPay)."""
    return f"{base_url}/qr/{token}"


def qr_image(text: str, kind: str) -> str:
    """A QR code of `text`, base64: a PNG or an SVG."""
    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind=kind, scale=4, border=4)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _provider_qr_id() -> str:
    """An id like SBP's (`BB1S004HCK9PFD0F996RJI3208UE`): 28 upper-case letters and digits."""
    return "".join(secrets.choice(_PROVIDER_ID_ALPHABET) for _ in range(28))


def ttl_defaults(defaults: Callable[[str], dict[str, Any]]) -> dict[QrMethod, int]:
    """Each method's TtlMinutes when none is given: the spec's `default:`. SberPay's request documents none:
    its links live as long as T-Pay's, the other app's link."""
    sbp, tpay = (
        defaults(operation_id).get("TtlMinutes") for operation_id in ("createSbpLink", "createTpayLink")
    )
    if sbp is None or tpay is None:
        raise spec_tools.SpecError("TtlMinutes of createSbpLink and createTpayLink needs a default")
    return {QrMethod.SBP: int(sbp), QrMethod.TPAY: int(tpay), QrMethod.SBERPAY: int(tpay)}
