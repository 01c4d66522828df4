"""Every operation the mock answers, by operationId: each resource's, built over one store."""

from __future__ import annotations

import uuid
from typing import Any

import spec_tools
from mock_server.defaults import DEFAULT_INN
from mock_server.envelopes import Handler, Outcome, RequestContext
from mock_server.events import Events
from mock_server.ledger import CheckCandidate
from mock_server.resources.apple_pay import ApplePay
from mock_server.resources.chargebacks import Chargebacks
from mock_server.resources.dolyami import Dolyami
from mock_server.resources.escrow import Escrow
from mock_server.resources.notifications import Notifications
from mock_server.resources.orders import Orders
from mock_server.resources.payments import Payments
from mock_server.resources.payouts import Payouts
from mock_server.resources.qr_payments import DEFAULT_WAIT_SECONDS, QrPayments, ttl_defaults
from mock_server.resources.receipts import (
    DEFAULT_MAX_RECEIPTS,
    DEFAULT_RECEIPT_SECONDS,
    Receipts,
)
from mock_server.resources.sbp_banks import SbpBanks
from mock_server.resources.sbp_payouts import SbpPayouts
from mock_server.resources.subscriptions import Subscriptions
from mock_server.resources.transactions_query import ListFacts, TransactionQueries
from mock_server.spec import ApiSpec
from mock_server.statuses import TransactionStatus
from mock_server.store import Store
from mock_server.vocabulary import Vocabulary


def connection_test(params: dict[str, Any], ctx: RequestContext) -> Outcome:
    """`/test`: Message is the id of the request."""
    return Outcome({"Success": True, "Message": str(uuid.uuid4())})


class Operations:
    def __init__(
        self,
        spec: ApiSpec,
        store: Store,
        public_id: str,
        qr_wait_seconds: float = DEFAULT_WAIT_SECONDS,
        *,
        inn: str = DEFAULT_INN,
        receipt_seconds: float = DEFAULT_RECEIPT_SECONDS,
        max_receipts: int = DEFAULT_MAX_RECEIPTS,
    ) -> None:
        vocabulary = Vocabulary.from_document(spec.document)
        # The committed changes the API notifies, from every resource (the notifier listens).
        self.events = Events()
        self.payments = Payments(store.payment_state, vocabulary, spec.test_cards, public_id, self.events)
        self.subscriptions = Subscriptions(store.subscription_state, self.payments, vocabulary, self.events)
        self.orders = Orders(store.order_state, self.payments, vocabulary, public_id)
        self.payouts = Payouts(self.payments)
        self.sbp_banks = SbpBanks(spec, public_id)
        self.sbp_payouts = SbpPayouts(
            self.payments, self.sbp_banks.member_ids, spec_tools.sbp_payout_test_phones(spec.document)
        )
        self.dolyami = Dolyami(self.payments, public_id)
        self.chargebacks = Chargebacks(store.chargeback_state, self.payments, spec)
        self.escrow = Escrow(store.payment_state.accumulation)
        self.apple_pay = ApplePay(spec)
        self.queries = TransactionQueries(self.payments, ListFacts.from_spec(spec))
        self.notifications = Notifications(store.notification_state, spec)
        self.qr = QrPayments(
            store.qr_state,
            self.payments,
            self.events,
            public_id,
            store.clock,
            ttl_defaults(spec.request_defaults),
            store.lock,
            frozenset(TransactionStatus(name) for name in spec.long_poll_statuses("waitQrStatus")),
            qr_wait_seconds,
        )
        self.receipts = Receipts(
            store.receipt_state,
            spec,
            self.events,
            self.payments.state.transactions,
            store.clock,
            inn=inn,
            receipt_seconds=receipt_seconds,
            max_receipts=max_receipts,
        )
        self.handlers: dict[str, Handler] = {
            "test": connection_test,
            **self.payments.handlers(),
            **self.payouts.handlers(),
            **self.sbp_banks.handlers(),
            **self.sbp_payouts.handlers(),
            **self.dolyami.handlers(),
            **self.chargebacks.handlers(),
            **self.escrow.handlers(),
            **self.apple_pay.handlers(),
            **self.queries.handlers(),
            **self.subscriptions.handlers(),
            **self.orders.handlers(),
            **self.notifications.handlers(),
            **self.qr.handlers(),
            **self.receipts.handlers(),
        }

    def check_candidates(self) -> dict[str, CheckCandidate]:
        """The operations the Check notification is sent before, by operationId: each resource's."""
        return {**self.payments.check_candidates(), **self.qr.check_candidates()}
