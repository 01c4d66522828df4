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

The resources call these methods from their commit hooks only, so an operation that is refused or not
committed sends nothing. Parameters are built only for an enabled type.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any

from mock_server.envelopes import BeforeStep, RequestContext
from mock_server.resources.payments import CHECKED_OPERATIONS, PaymentEvent, Payments, TransactionRecord
from mock_server.resources.subscriptions import SubscriptionRecord, Subscriptions, next_payment_date
from mock_server.statuses import SubscriptionStatus
from mock_server.webhooks.check import CheckVerdict, verdict_of
from mock_server.webhooks.delivery import DEFAULT_TIMEOUT, DeliveryQueue
from mock_server.webhooks.encoding import build_request
from mock_server.webhooks.payloads import (
    Parameters,
    cancel_parameters,
    payment_parameters,
    recurrent_parameters,
    refund_parameters,
)
from mock_server.webhooks.records import Delivery
from mock_server.webhooks.settings import Format, HttpMethod, NotificationSettings, NotificationType

SettingsSource = Callable[[NotificationType], NotificationSettings | None]


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
        self, payments: Payments, subscriptions: Subscriptions, lock: AbstractContextManager[Any]
    ) -> dict[str, BeforeStep]:
        """Notify the resources' committed changes. Returns the routes' steps before the operations the
        Check is sent for, by operationId (none without a Check address); `lock` is the store's."""
        payments.on_event(functools.partial(self._payment_event, payments))
        subscriptions.on_status_change(self.subscription_changed)
        if self.check_settings is None:
            return {}
        return {
            operation_id: functools.partial(self._before_payment, payments, lock, operation_id)
            for operation_id in CHECKED_OPERATIONS
        }

    async def _before_payment(
        self,
        payments: Payments,
        lock: AbstractContextManager[Any],
        operation_id: str,
        params: dict[str, Any],
        ctx: RequestContext,
    ) -> RequestContext:
        """The Check's verdict on the payment about to be decided, in the context its handler gets. The id is
        reserved under the store's lock; the Check is awaited without it."""
        with lock:
            payment = payments.check_candidate(operation_id, params)
        if payment is None:
            return ctx
        verdict = await self.check(payment)
        return ctx if verdict is None else dataclasses.replace(ctx, check=verdict)

    def _payment_event(self, payments: Payments, event: PaymentEvent, record: TransactionRecord) -> None:
        if event is PaymentEvent.APPROVED:
            self.payment_approved(record)
        elif event is PaymentEvent.DECLINED:
            self.payment_declined(record)
        elif event is PaymentEvent.CONFIRMED:
            self.payment_confirmed(record)
        elif event is PaymentEvent.VOIDED:
            self.payment_voided(record)
        elif event is PaymentEvent.REFUNDED:
            original = record.original_transaction_id
            payment = payments.state.transactions.get(original) if original is not None else None
            self.payment_refunded(record, payment)

    # ---------- after a commit ----------

    def payment_approved(self, payment: TransactionRecord) -> None:
        self._emit(NotificationType.PAY, payment, lambda: payment_parameters(NotificationType.PAY, payment))

    def payment_declined(self, payment: TransactionRecord) -> None:
        code = payment.reason_code
        word = self.reason(code)
        self._emit(
            NotificationType.FAIL,
            payment,
            lambda: payment_parameters(NotificationType.FAIL, payment, reason=word),
        )

    def payment_confirmed(self, payment: TransactionRecord) -> None:
        self._emit(
            NotificationType.CONFIRM, payment, lambda: payment_parameters(NotificationType.CONFIRM, payment)
        )

    def payment_voided(self, payment: TransactionRecord, when: datetime | None = None) -> None:
        moment = when or datetime.now(UTC)
        self._emit(NotificationType.CANCEL, payment, lambda: cancel_parameters(payment, moment))

    def payment_refunded(self, refund: TransactionRecord, payment: TransactionRecord | None) -> None:
        self._emit(NotificationType.REFUND, refund, lambda: refund_parameters(refund, payment))

    def subscription_changed(self, subscription: SubscriptionRecord) -> None:
        # No payment ever runs in the mock: the next one is the schedule's next date, while active.
        next_date = None
        if subscription.status is SubscriptionStatus.ACTIVE:
            params = subscription.params
            interval, period = str(params["Interval"]), int(params["Period"])
            next_date = next_payment_date(subscription.start, interval, period, datetime.now(UTC))
        self.emit(
            NotificationType.RECURRENT,
            f"subscription {subscription.subscription_id}",
            lambda: recurrent_parameters(subscription, next_date=next_date),
        )

    def emit(
        self, kind: NotificationType, subject: str, parameters: Callable[[], Parameters]
    ) -> Delivery | None:
        """Send a notification of `kind` if its settings are active; returns its delivery record."""
        settings = self._active(kind)
        return None if settings is None else self._send(kind, settings, subject, parameters())

    def _emit(
        self, kind: NotificationType, record: TransactionRecord, parameters: Callable[[], Parameters]
    ) -> None:
        settings = self._active(kind)
        if settings is not None:
            self._send(kind, settings, f"transaction {record.transaction_id}", parameters())

    def _active(self, kind: NotificationType) -> NotificationSettings | None:
        settings = self.settings(kind)
        return settings if settings is not None and settings.active else None

    def _send(
        self, kind: NotificationType, settings: NotificationSettings, subject: str, values: Parameters
    ) -> Delivery:
        if settings.format is not Format.CLOUDPAYMENTS:
            return self.queue.not_emulated(kind, settings, subject, values)
        request = build_request(kind, values, settings, self._secret)
        return self.queue.submit(request, subject, values)
