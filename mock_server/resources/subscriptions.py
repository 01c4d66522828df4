"""Subscriptions (recurring payments by token): create, get and cancel. No payment is ever scheduled."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from mock_server.envelopes import Handler, Outcome, RequestContext, fail, ok
from mock_server.resources.payments import Payments
from mock_server.statuses import SubscriptionStatus
from mock_server.values import (
    DEFAULT_CULTURE,
    iso_date,
    money,
    ms_date,
    new_hex_id,
    now,
    parse_start_date,
    to_amount,
)
from mock_server.vocabulary import Vocabulary


@dataclass
class SubscriptionRecord:
    subscription_id: str
    params: dict[str, Any]
    amount: Decimal
    start: datetime
    status: SubscriptionStatus


class SubscriptionState:
    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.subscriptions: dict[str, SubscriptionRecord] = {}

    def counts(self) -> dict[str, int]:
        return {"subscriptions": len(self.subscriptions)}


class Subscriptions:
    def __init__(self, state: SubscriptionState, payments: Payments, vocabulary: Vocabulary) -> None:
        self.state = state
        self.payments = payments
        self.vocabulary = vocabulary

    def handlers(self) -> dict[str, Handler]:
        return {
            "createSubscription": self.create,
            "getSubscription": self.get,
            "cancelSubscription": self.cancel,
        }

    def create(self, params: dict[str, Any], ctx: RequestContext) -> Outcome:
        if self.payments.find_token(str(params["Token"]), params["AccountId"]) is None:
            return Outcome(fail("Token not found"))
        try:
            start = parse_start_date(str(params["StartDate"]))
        except (ValueError, OverflowError):  # also a date that leaves the calendar once moved to UTC
            return Outcome(fail("StartDate is not a valid date and time"))
        if start <= now():
            return Outcome(fail("StartDate must be in the future"))
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

    def cancel(self, params: dict[str, Any], ctx: RequestContext) -> Outcome:
        record = self.state.subscriptions.get(str(params["Id"]))
        if record is None:
            return Outcome(fail("Subscription not found"))
        if record.status is SubscriptionStatus.CANCELLED:
            return Outcome(fail("Subscription is already cancelled"))

        def commit() -> None:
            record.status = SubscriptionStatus.CANCELLED

        return Outcome(ok(with_model=False), commit)

    def _model(self, record: SubscriptionRecord) -> dict[str, Any]:
        params = record.params
        active = record.status is SubscriptionStatus.ACTIVE
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
            "RequireConfirmation": params["RequireConfirmation"],
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
            # No payment has run yet, so the next one is the first: StartDate, until cancelled.
            "NextTransactionDate": ms_date(record.start) if active else None,
            "NextTransactionDateIso": iso_date(record.start) if active else None,
            "Receipt": params.get("CustomerReceipt"),
            "FailoverSchemeId": None,
        }
