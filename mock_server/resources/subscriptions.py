"""Subscriptions (recurring payments by token): create, get, find, update and cancel. No payment is ever
scheduled: the next payment is the first date of the schedule (StartDate, then every Period Intervals) that is
still ahead."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any, Final

from mock_server.envelopes import Handler, Outcome, RequestContext, fail, ok
from mock_server.events import Event, Events
from mock_server.ledger import SubscriptionRecord
from mock_server.resources.payments import Payments
from mock_server.schedule import next_payment_date
from mock_server.statuses import SubscriptionStatus
from mock_server.values import (
    DEFAULT_CULTURE,
    amount_refusal,
    iso_date,
    money,
    ms_date,
    new_hex_id,
    now,
    parse_start_date,
    to_amount,
)
from mock_server.vocabulary import Vocabulary

# What /subscriptions/update changes; the request's names are the stored ones (CustomerReceipt is the
# model's Receipt).
_UPDATABLE: Final = (
    "Description",
    "Amount",
    "Currency",
    "RequireConfirmation",
    "StartDate",
    "Interval",
    "Period",
    "MaxPeriods",
    "CultureName",
    "CustomerReceipt",
)


class SubscriptionState:
    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.subscriptions: dict[str, SubscriptionRecord] = {}

    def counts(self) -> dict[str, int]:
        return {"subscriptions": len(self.subscriptions)}


class Subscriptions:
    def __init__(
        self, state: SubscriptionState, payments: Payments, vocabulary: Vocabulary, events: Events
    ) -> None:
        self.state = state
        self.events = events
        self.payments = payments
        self.vocabulary = vocabulary

    def handlers(self) -> dict[str, Handler]:
        return {
            "createSubscription": self.create,
            "getSubscription": self.get,
            "cancelSubscription": self.cancel,
            "findSubscriptions": self.find,
            "updateSubscription": self.update,
        }

    def create(self, params: dict[str, Any], ctx: RequestContext) -> Outcome:
        if self.payments.find_token(str(params["Token"]), params["AccountId"]) is None:
            return Outcome(fail("Token not found"))
        refused = amount_refusal(params["Amount"])
        if refused is not None:
            return Outcome(fail(refused))
        start = _future_start(params["StartDate"])
        if isinstance(start, str):
            return Outcome(fail(start))
        record = SubscriptionRecord(
            subscription_id=new_hex_id("sc_"),
            params=dict(params),
            amount=to_amount(params["Amount"]),
            start=start,
            status=SubscriptionStatus.ACTIVE,
        )
        answer = ok(self._model(record))

        def commit() -> None:
            self.state.subscriptions[record.subscription_id] = record

        return Outcome(answer, commit)

    def get(self, params: dict[str, Any], ctx: RequestContext) -> Outcome:
        record = self.state.subscriptions.get(str(params["Id"]))
        if record is None:
            return Outcome(fail("Subscription not found"))
        return Outcome(ok(self._model(record)))

    def find(self, params: dict[str, Any], ctx: RequestContext) -> Outcome:
        """Every subscription of the payer, whatever its status, in the order they were created."""
        account_id = params["AccountId"]
        found = [
            self._model(record)
            for record in self.state.subscriptions.values()
            if record.params["AccountId"] == account_id
        ]
        return Outcome(ok(found))

    def update(self, params: dict[str, Any], ctx: RequestContext) -> Outcome:
        """Changes the parameters given, keeps the others; re-activates a subscription that is not active."""
        record = self.state.subscriptions.get(str(params["Id"]))
        if record is None:
            return Outcome(fail("Subscription not found"))
        start = record.start
        if "StartDate" in params:
            parsed = _future_start(params["StartDate"])
            if isinstance(parsed, str):
                return Outcome(fail(parsed))
            start = parsed
        if "Amount" in params:
            refused = amount_refusal(params["Amount"])
            if refused is not None:
                return Outcome(fail(refused))
        changed = dict(record.params)
        changed.update({name: params[name] for name in _UPDATABLE if name in params})
        amount = to_amount(changed["Amount"])
        updated = SubscriptionRecord(
            subscription_id=record.subscription_id,
            params=changed,
            amount=amount,
            start=start,
            status=SubscriptionStatus.ACTIVE,
        )
        answer = ok(self._model(updated))

        def commit() -> None:
            self.state.subscriptions[record.subscription_id] = updated

        return Outcome(answer, commit)

    def cancel(self, params: dict[str, Any], ctx: RequestContext) -> Outcome:
        record = self.state.subscriptions.get(str(params["Id"]))
        if record is None:
            return Outcome(fail("Subscription not found"))
        if record.status is SubscriptionStatus.CANCELLED:
            return Outcome(fail("Subscription is already cancelled"))
        cancelled = dataclasses.replace(record, status=SubscriptionStatus.CANCELLED)
        # The API notifies a status change as Recurrent (not /subscriptions/update).
        announce = self.events.announce(Event.SUBSCRIPTION_CHANGED, cancelled, record)

        def commit() -> None:
            record.status = SubscriptionStatus.CANCELLED
            announce()

        return Outcome(ok(with_model=False), commit)

    def _model(self, record: SubscriptionRecord) -> dict[str, Any]:
        params = record.params
        active = record.status is SubscriptionStatus.ACTIVE
        following = next_payment_date(record.start, str(params["Interval"]), int(params["Period"]), now())
        currency = str(params["Currency"])
        vocabulary = self.vocabulary
        return {
            "Id": record.subscription_id,
            "AccountId": params["AccountId"],
            "Description": params.get("Description"),
            "Email": params.get("Email"),
            "Amount": money(record.amount),
            "CurrencyCode": vocabulary.currency_codes.get(currency, 0),
            "Currency": currency,
            "RequireConfirmation": params.get("RequireConfirmation", False),  # optional in practice
            "StartDate": ms_date(record.start),
            "StartDateIso": iso_date(record.start),
            "IntervalCode": vocabulary.interval_codes[str(params["Interval"])],
            "Interval": params["Interval"],
            "Period": params["Period"],
            "MaxPeriods": params.get("MaxPeriods"),
            "CultureName": params.get("CultureName") or DEFAULT_CULTURE,
            "StatusCode": vocabulary.subscription_status_codes[record.status],
            "Status": record.status,
            "SuccessfulTransactionsNumber": 0,
            "FailedTransactionsNumber": 0,
            "LastTransactionDate": None,
            "LastTransactionDateIso": None,
            # No payment has run yet: the next is the first date of the schedule still ahead, until cancelled.
            "NextTransactionDate": ms_date(following) if active else None,
            "NextTransactionDateIso": iso_date(following) if active else None,
            "Receipt": params.get("CustomerReceipt"),
            "FailoverSchemeId": None,
        }


def _future_start(value: Any) -> datetime | str:
    """A StartDate in UTC, or why it is refused."""
    try:
        start = parse_start_date(str(value))
    except (ValueError, OverflowError):  # also a date that leaves the calendar once moved to UTC
        return "StartDate is not a valid date and time"
    if start <= now():
        return "StartDate must be in the future"
    return start
