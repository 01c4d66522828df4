"""The link between the resources and the deliveries: each committed change of state that CloudPayments
notifies becomes a notification, when its type is enabled with an address; and the Check before a payment.

| Change | Type |
|---|---|
| a payment approved (charge: Completed; auth: Authorized): card, token, 3-D Secure, invoice page | Pay |
| a payment declined (issuer, expired card, failed 3-D Secure, the Check) | Fail |
| an authorized payment confirmed | Confirm |
| a payment refunded (each refund) | Refund |
| an authorized payment voided | Cancel |
| a subscription's status changed (cancelled); not `/subscriptions/update` | Recurrent |

The resources call these methods from their commit hooks only, so an operation that is refused or not
committed sends nothing. Parameters are built only for an enabled type.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from mock_server.webhooks.check import CheckVerdict, check_reason, verdict_of
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

if TYPE_CHECKING:
    from mock_server.resources.payments import TransactionRecord
    from mock_server.resources.subscriptions import SubscriptionRecord

SettingsSource = Callable[[NotificationType], NotificationSettings | None]


class Notifier:
    """`settings` gives the settings of a type (None: not set, nothing is sent); until it is set,
    `configured` (filled from Python) is read. `reason` gives Fail's `Reason` word for a ReasonCode."""

    def __init__(
        self,
        api_secret: str,
        queue: DeliveryQueue,
        *,
        reason: Callable[[int], str] = str,
        check_url: str | None = None,
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
        return verdict_of(payment.transaction_id, result)

    # ---------- after a commit ----------

    def payment_approved(self, payment: TransactionRecord) -> None:
        self._emit(NotificationType.PAY, payment, lambda: payment_parameters(NotificationType.PAY, payment))

    def payment_declined(self, payment: TransactionRecord) -> None:
        code = payment.reason_code
        word = check_reason(code) or self.reason(code)
        self._emit(
            NotificationType.FAIL,
            payment,
            lambda: payment_parameters(NotificationType.FAIL, payment, reason=word),
        )

    def payment_confirmed(self, payment: TransactionRecord) -> None:
        self._emit(
            NotificationType.CONFIRM, payment, lambda: payment_parameters(NotificationType.CONFIRM, payment)
        )

    def payment_voided(self, payment: TransactionRecord, when: datetime) -> None:
        self._emit(NotificationType.CANCEL, payment, lambda: cancel_parameters(payment, when))

    def payment_refunded(self, refund: TransactionRecord, payment: TransactionRecord | None) -> None:
        self._emit(NotificationType.REFUND, refund, lambda: refund_parameters(refund, payment))

    def subscription_changed(self, subscription: SubscriptionRecord, next_date: datetime | None) -> None:
        self.emit(
            NotificationType.RECURRENT,
            f"subscription {subscription.subscription_id}",
            lambda: recurrent_parameters(subscription, next_date=next_date),
        )

    def emit(
        self, kind: NotificationType, subject: str, parameters: Callable[[], Parameters]
    ) -> Delivery | None:
        """Send a notification of `kind` if its settings are active; returns its delivery record."""
        settings = self.settings(kind)
        if settings is None or not settings.active:
            return None
        values = parameters()
        if settings.format is not Format.CLOUDPAYMENTS:
            return self.queue.not_emulated(kind, settings, subject, values)
        request = build_request(kind, values, settings, self._secret)
        return self.queue.submit(request, subject, values)

    def _emit(
        self, kind: NotificationType, record: TransactionRecord, parameters: Callable[[], Parameters]
    ) -> None:
        self.emit(kind, f"transaction {record.transaction_id}", parameters)
