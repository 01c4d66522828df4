"""The link between the resources and the deliveries: each committed change of state that CloudPayments
notifies becomes a notification, when its type is enabled with an address; and the Check before a payment.

| Change | Type |
|---|---|
| a payment approved (charge: Completed; auth: Authorized): card, token, 3-D Secure, invoice page | Pay |
| a payout approved (OperationType CardPayout) | Pay |
| a payment or payout declined (issuer, expired card, failed 3-D Secure, the Check) | Fail |
| an authorized payment confirmed | Confirm |
| a payment refunded (each refund) | Refund |
| an authorized payment voided | Cancel |
| a subscription's status changed (cancelled); not `/subscriptions/update` | Recurrent |
| a receipt fiscalised (`/kkt/receipt`, or with a payment or refund) | Receipt |

Each notification is prepared while its operation is decided, before any state changes: its parameters and
request are built then (only for an enabled type), so a failure to build one refuses the operation and
leaves no trace. The operation's commit then queues what was prepared, which cannot raise (a failure to queue
is logged); an operation that is refused or not committed sends nothing.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any, Final

from mock_server.envelopes import BeforeStep, RequestContext
from mock_server.events import Event, Events, Record
from mock_server.ledger import (
    CheckCandidate,
    CheckVerdict,
    ReceiptRecord,
    SubscriptionRecord,
    TransactionRecord,
)
from mock_server.schedule import next_payment_date
from mock_server.statuses import SubscriptionStatus
from mock_server.webhooks.check import verdict_of
from mock_server.webhooks.delivery import DEFAULT_TIMEOUT, DeliveryQueue
from mock_server.webhooks.encoding import build_request
from mock_server.webhooks.payloads import (
    Parameters,
    cancel_parameters,
    payment_parameters,
    receipt_parameters,
    recurrent_parameters,
    refund_parameters,
)
from mock_server.webhooks.records import Delivery
from mock_server.webhooks.settings import Format, HttpMethod, NotificationSettings, NotificationType

log = logging.getLogger("mock_server.notifications")

SettingsSource = Callable[[NotificationType], NotificationSettings | None]
# A stored transaction by id (a refund's payment).
TransactionLookup = Callable[[int], TransactionRecord | None]
# What a commit runs to queue a notification prepared before it.
Send = Callable[[], None]


class Notifier:
    """`settings` gives the settings of a type (None: not set, nothing is sent): the app reads those saved
    through `/site/notifications/{Type}/update`; by default `configured` (filled from Python). `reason` gives
    Fail's `Reason` word for a ReasonCode; `check_answers` the ReasonCode each refusing Check answer gives."""

    def __init__(
        self,
        api_secret: str,
        queue: DeliveryQueue,
        *,
        reason: Callable[[int], str] = str,
        check_url: str | None = None,
        check_answers: Mapping[int, int] | None = None,
        check_timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        self._secret = api_secret
        self.queue = queue
        self.reason = reason
        self.configured: dict[NotificationType, NotificationSettings] = {}
        self.settings: SettingsSource = self.configured.get
        self.check_settings = (
            NotificationSettings(is_enabled=True, address=check_url, http_method=HttpMethod.POST)
            if check_url
            else None
        )
        self.check_answers: Mapping[int, int] = dict(check_answers or {})
        self.check_timeout = check_timeout

    # ---------- the Check ----------

    @property
    def checks(self) -> bool:
        return self.check_settings is not None

    async def check(self, payment: TransactionRecord) -> CheckVerdict | None:
        """Ask the Check address about the payment about to be decided; None when no address is set."""
        settings = self.check_settings
        if settings is None:
            return None
        kind = NotificationType.CHECK
        parameters = payment_parameters(kind, payment)
        request = build_request(kind, parameters, settings, self._secret)
        _, result = await self.queue.send_once(
            request, f"transaction {payment.transaction_id}", parameters, self.check_timeout
        )
        return verdict_of(payment.transaction_id, result, self.check_answers)

    # ---------- the resources ----------

    def connect(
        self,
        events: Events,
        transaction: TransactionLookup,
        check_candidates: Mapping[str, CheckCandidate],
        lock: AbstractContextManager[Any],
    ) -> dict[str, BeforeStep]:
        """Notify the resources' committed changes. Returns the routes' steps before the operations the
        Check is sent for (`check_candidates`, by operationId; none without a Check address); `lock` is the
        store's."""
        events.before(functools.partial(self._prepare_event, transaction))
        if self.check_settings is None:
            return {}
        return {
            operation_id: functools.partial(self._before_payment, candidate, lock)
            for operation_id, candidate in check_candidates.items()
        }

    async def _before_payment(
        self,
        candidate: CheckCandidate,
        lock: AbstractContextManager[Any],
        params: dict[str, Any],
        ctx: RequestContext,
    ) -> RequestContext:
        """The Check's verdict on the payment about to be decided, in the context its handler gets. The id is
        reserved under the store's lock; the Check is awaited without it."""
        with lock:
            payment = candidate(params, ctx.authenticated)
        if payment is None:
            return ctx
        verdict = await self.check(payment)
        return ctx if verdict is None else dataclasses.replace(ctx, check=verdict)

    def _prepare_event(self, transaction: TransactionLookup, event: Event, record: Record) -> Send | None:
        """`record` as the commit will leave it; a refund's payment is read now, while it is decided."""
        if self._active(_EVENT_TYPES[event]) is None:
            return None  # the usual case, on every payment: nothing to build
        if isinstance(record, SubscriptionRecord):
            return self.prepare_subscription_change(record)
        if isinstance(record, ReceiptRecord):
            return self.prepare_receipt(record)
        if event is Event.REFUNDED:
            original = record.original_transaction_id
            payment = transaction(original) if original is not None else None
            return self.prepare_refunded(record, payment)
        preparers = {
            Event.APPROVED: self.prepare_approved,
            Event.DECLINED: self.prepare_declined,
            Event.CONFIRMED: self.prepare_confirmed,
            Event.VOIDED: self.prepare_voided,
        }
        return preparers[event](record)

    # ---------- prepared while an operation is decided, queued by its commit ----------

    def prepare_approved(self, payment: TransactionRecord) -> Send | None:
        kind = NotificationType.PAY
        return self.prepare(kind, _subject(payment), lambda: payment_parameters(kind, payment))

    def prepare_declined(self, payment: TransactionRecord) -> Send | None:
        kind = NotificationType.FAIL
        word = self.reason(payment.reason_code)
        return self.prepare(kind, _subject(payment), lambda: payment_parameters(kind, payment, reason=word))

    def prepare_confirmed(self, payment: TransactionRecord) -> Send | None:
        kind = NotificationType.CONFIRM
        return self.prepare(kind, _subject(payment), lambda: payment_parameters(kind, payment))

    def prepare_voided(self, payment: TransactionRecord, when: datetime | None = None) -> Send | None:
        moment = when or datetime.now(UTC)
        kind = NotificationType.CANCEL
        return self.prepare(kind, _subject(payment), lambda: cancel_parameters(payment, moment))

    def prepare_refunded(self, refund: TransactionRecord, payment: TransactionRecord | None) -> Send | None:
        kind = NotificationType.REFUND
        return self.prepare(kind, _subject(refund), lambda: refund_parameters(refund, payment))

    def prepare_subscription_change(self, subscription: SubscriptionRecord) -> Send | None:
        """`subscription` with the status the commit gives it."""
        # No payment ever runs in the mock: the next one is the schedule's next date, while active.
        next_date = None
        if subscription.status is SubscriptionStatus.ACTIVE:
            params = subscription.params
            interval, period = str(params["Interval"]), int(params["Period"])
            next_date = next_payment_date(subscription.start, interval, period, datetime.now(UTC))
        return self.prepare(
            NotificationType.RECURRENT,
            f"subscription {subscription.subscription_id}",
            lambda: recurrent_parameters(subscription, next_date=next_date),
        )

    def prepare_receipt(self, receipt: ReceiptRecord) -> Send | None:
        """`receipt` as fiscalised by the commit."""
        return self.prepare(
            NotificationType.RECEIPT, f"receipt {receipt.receipt_id}", lambda: receipt_parameters(receipt)
        )

    def prepare(
        self, kind: NotificationType, subject: str, parameters: Callable[[], Parameters]
    ) -> Send | None:
        """Build the notification of `kind` now if its settings are active (None otherwise); the returned
        step queues it and never raises. `parameters` is called only for an active type."""
        settings = self._active(kind)
        if settings is None:
            return None
        values = parameters()
        queue = self.queue
        if settings.format is not Format.CLOUDPAYMENTS:

            def record() -> object:
                return queue.not_emulated(kind, settings, subject, values)

            return functools.partial(_queue_safely, kind, subject, record)
        request = build_request(kind, values, settings, self._secret)

        def submit() -> object:
            return queue.submit(request, subject, values)

        return functools.partial(_queue_safely, kind, subject, submit)

    # ---------- at once (from Python) ----------

    def payment_approved(self, payment: TransactionRecord) -> None:
        _run(self.prepare_approved(payment))

    def payment_declined(self, payment: TransactionRecord) -> None:
        _run(self.prepare_declined(payment))

    def payment_confirmed(self, payment: TransactionRecord) -> None:
        _run(self.prepare_confirmed(payment))

    def payment_voided(self, payment: TransactionRecord, when: datetime | None = None) -> None:
        _run(self.prepare_voided(payment, when))

    def payment_refunded(self, refund: TransactionRecord, payment: TransactionRecord | None) -> None:
        _run(self.prepare_refunded(refund, payment))

    def subscription_changed(self, subscription: SubscriptionRecord) -> None:
        _run(self.prepare_subscription_change(subscription))

    def emit(
        self, kind: NotificationType, subject: str, parameters: Callable[[], Parameters]
    ) -> Delivery | None:
        """Send a notification of `kind` at once if its settings are active; returns its delivery record."""
        settings = self._active(kind)
        if settings is None:
            return None
        values = parameters()
        if settings.format is not Format.CLOUDPAYMENTS:
            return self.queue.not_emulated(kind, settings, subject, values)
        return self.queue.submit(build_request(kind, values, settings, self._secret), subject, values)

    def _active(self, kind: NotificationType) -> NotificationSettings | None:
        settings = self.settings(kind)
        return settings if settings is not None and settings.active else None


# The notification each change of a payment sends.
_EVENT_TYPES: Final = {
    Event.APPROVED: NotificationType.PAY,
    Event.DECLINED: NotificationType.FAIL,
    Event.CONFIRMED: NotificationType.CONFIRM,
    Event.VOIDED: NotificationType.CANCEL,
    Event.REFUNDED: NotificationType.REFUND,
    Event.SUBSCRIPTION_CHANGED: NotificationType.RECURRENT,
    Event.RECEIPT_PROCESSED: NotificationType.RECEIPT,
}


def _subject(record: TransactionRecord) -> str:
    return f"transaction {record.transaction_id}"


def _queue_safely(kind: NotificationType, subject: str, queue: Callable[[], object]) -> None:
    """Runs after a commit, which must not fail half-way: a failure to queue is logged, not raised."""
    try:
        queue()
    except Exception:
        log.exception("%s notification (%s) could not be queued inside the mock", kind.value, subject)


def _run(send: Send | None) -> None:
    if send is not None:
        send()
