"""The committed changes the API notifies, announced by the resources and heard by the notifier
(mock_server/webhooks/notifier.py) and by tests. A resource announces a change while it decides it: each
preparer builds what it will send then (so a failure to build leaves no trace), and the step `announce`
returns, run by the operation's commit, sends what was prepared and tells the listeners. A new resource
announces its changes here and touches neither another resource nor the notifications."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from mock_server.ledger import ReceiptRecord, SubscriptionRecord, TransactionRecord


class Event(StrEnum):
    APPROVED = "approved"  # Pay (a payment or a payout)
    DECLINED = "declined"  # Fail
    CONFIRMED = "confirmed"  # Confirm
    VOIDED = "voided"  # Cancel
    REFUNDED = "refunded"  # Refund (with the refund's record)
    SUBSCRIPTION_CHANGED = "subscription changed"  # Recurrent (a status change; not /subscriptions/update)
    RECEIPT_PROCESSED = "receipt processed"  # Receipt (a receipt fiscalised)


Record = TransactionRecord | SubscriptionRecord | ReceiptRecord
# Asked when a change is decided, with the record as the commit will leave it; returns what to run once the
# change is committed (or None), which must not raise.
Preparer = Callable[[Event, Record], Callable[[], None] | None]
Listener = Callable[[Event, Record], None]


class Events:
    def __init__(self) -> None:
        self._preparers: list[Preparer] = []
        self._listeners: list[Listener] = []

    def before(self, preparer: Preparer) -> None:
        """Ask `preparer` about every change while it is decided, before any state changes."""
        self._preparers.append(preparer)

    def on(self, listener: Listener) -> None:
        """Call `listener` with every change once it is committed."""
        self._listeners.append(listener)

    def announce(self, event: Event, record: Record, committed: Record | None = None) -> Callable[[], None]:
        """Prepares `event` now, in the decide phase; the returned step, called after the commit, sends what
        was prepared and tells the listeners. `record` is the record as the commit leaves it; `committed` the
        stored record it changes, when that one is changed only by the commit."""
        sends = [send for prepare in self._preparers if (send := prepare(event, record)) is not None]
        stored = committed if committed is not None else record

        def announce() -> None:
            for send in sends:
                send()
            for listener in self._listeners:
                listener(event, stored)

        return announce
