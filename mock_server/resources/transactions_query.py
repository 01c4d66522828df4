"""Reading the transactions back: lookups by id and by invoice number, the lists of a day or a period, and
the list of the tokens issued. Nothing here changes the state.

The facts these operations need come from the spec: the time zones' offsets (`TimeZone.x-utc-offsets`), the
statuses a period list filters on by default (the `Statuses` items' enum) and the page sizes
(`x-pagination.pageSize`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Any, Final

import spec_tools
from mock_server.envelopes import Handler, Outcome, RequestContext, fail, ok
from mock_server.ledger import TransactionKind, TransactionRecord
from mock_server.resources.payments import Payments, TokenRecord
from mock_server.spec import ApiSpec
from mock_server.values import in_utc, parse_date_time, utc_offset

NOT_FOUND: Final = "Not found"  # the documented answer of a lookup that finds nothing
_UTC_OFFSETS: Final = "x-utc-offsets"
_DEFAULT_ZONE: Final = "UTC"


@dataclass(frozen=True)
class ListFacts:
    """What the spec says of the lists, read once per app."""

    zones: dict[str, timezone]
    listed_statuses: tuple[str, ...]
    transactions_page_size: int
    tokens_page_size: int

    @classmethod
    def from_spec(cls, spec: ApiSpec) -> ListFacts:
        offsets = spec.request_property("listPayments", "TimeZone").get(_UTC_OFFSETS, {})
        statuses = spec.request_property("listPaymentsV2", "Statuses").get("items", {})
        return cls(
            zones={str(name): utc_offset(str(offset)) for name, offset in offsets.items()},
            listed_statuses=tuple(str(status) for status in spec_enum(spec, statuses)),
            transactions_page_size=spec.page_size("listPaymentsV2"),
            tokens_page_size=spec.page_size("listTokens"),
        )


def spec_enum(spec: ApiSpec, schema: Any) -> list[Any]:
    resolved = spec_tools.resolve(schema, spec.document)
    return list(resolved.get("enum", [])) if isinstance(resolved, dict) else []


def card_mask(first_six: str, last_four: str) -> str:
    """`4242 42****** 4242`, as the documented token list writes it."""
    return f"{first_six[:4]} {first_six[4:]}****** {last_four}"


def page(items: list[Any], number: int, size: int) -> list[Any]:
    """Page `number` (from 1) of `size` items; beyond the end, none."""
    start = (number - 1) * size
    return items[start : start + size]


class TransactionQueries:
    def __init__(self, payments: Payments, facts: ListFacts) -> None:
        self.payments = payments
        self.facts = facts

    def handlers(self) -> dict[str, Handler]:
        return {
            "getPayment": self.get,
            "findPayment": self.find,
            "findPaymentV2": self.find_v2,
            "listPayments": self.list_day,
            "listPaymentsV2": self.list_period,
            "listTokens": self.list_tokens,
        }

    # ---------- lookups ----------

    def get(self, params: dict[str, Any], ctx: RequestContext) -> Outcome:
        """A payment, a refund or a payout, by id, whatever its status."""
        record = self.payments.state.transactions.get(int(params["TransactionId"]))
        if record is None:
            return Outcome(fail(NOT_FOUND))
        return Outcome(ok(self._model(record, ctx)))

    def find(self, params: dict[str, Any], ctx: RequestContext) -> Outcome:
        """The latest payment with the invoice number (refunds and payouts are not searched)."""
        return self._latest(params, ctx, lambda record: record.kind is TransactionKind.PAYMENT)

    def find_v2(self, params: dict[str, Any], ctx: RequestContext) -> Outcome:
        """The latest operation with the invoice number: payments, refunds (which carry their payment's
        invoice number) and payouts."""
        return self._latest(params, ctx, lambda record: True)

    def _latest(
        self, params: dict[str, Any], ctx: RequestContext, searched: Callable[[TransactionRecord], bool]
    ) -> Outcome:
        invoice_id = str(params["InvoiceId"])
        found = [
            record
            for record in self.payments.state.transactions.values()
            if record.params.get("InvoiceId") == invoice_id and searched(record)
        ]
        if not found:
            return Outcome(fail(NOT_FOUND))
        latest = max(found, key=lambda record: (record.created, record.transaction_id))
        return Outcome(ok(self._model(latest, ctx)))

    # ---------- lists ----------

    def list_day(self, params: dict[str, Any], ctx: RequestContext) -> Outcome:
        """Every transaction created on `Date` in `TimeZone`, oldest first. A day that starts outside the
        calendar (years 1-9999) in UTC is out of range; one that ends beyond it lists to the end."""
        zone_name = str(params.get("TimeZone") or _DEFAULT_ZONE)
        zone = self.facts.zones.get(zone_name)
        if zone is None:
            return Outcome(fail(f"TimeZone {params.get('TimeZone')!r} has no known offset"))
        try:
            day = date.fromisoformat(str(params["Date"]))
        except ValueError:
            return Outcome(fail(f"Date is not a valid date (yyyy-MM-dd): {params['Date']!r}"))
        try:
            start = in_utc(datetime.combine(day, time(), zone))
        except OverflowError:
            refusal = f"Date is out of range: {params['Date']!r} in {zone_name} starts before 0001-01-01 UTC"
            return Outcome(fail(refusal))
        try:
            end: datetime | None = in_utc(datetime.combine(day + timedelta(days=1), time(), zone))
        except OverflowError:  # the next day is beyond the calendar: nothing can be later
            end = None
        listed = self._created_between(start, end, include_end=False)
        return Outcome(ok([self._model(record, ctx) for record in listed]))

    def list_period(self, params: dict[str, Any], ctx: RequestContext) -> Outcome:
        """Transactions created within [CreatedDateGte, CreatedDateLte] in the given statuses, oldest first,
        one page."""
        zone = self.facts.zones.get(str(params.get("TimeZone") or _DEFAULT_ZONE))
        if zone is None:
            return Outcome(fail(f"TimeZone {params.get('TimeZone')!r} has no known offset"))
        bounds: list[datetime] = []
        for name in ("CreatedDateGte", "CreatedDateLte"):
            try:
                bounds.append(parse_date_time(str(params[name]), zone))
            except ValueError:
                return Outcome(fail(f"{name} is not a valid date and time: {params[name]!r}"))
            except OverflowError:  # valid, but beyond the calendar once moved to UTC
                beyond = f"{name} is out of range: {params[name]!r} is outside the years 1-9999 in UTC"
                return Outcome(fail(beyond))
        start, end = bounds
        if start > end:
            return Outcome(fail("CreatedDateGte must not be later than CreatedDateLte"))
        statuses = set(params.get("Statuses") or self.facts.listed_statuses)
        listed = [
            record
            for record in self._created_between(start, end, include_end=True)
            if record.status in statuses
        ]
        chosen = page(listed, int(params["PageNumber"]), self.facts.transactions_page_size)
        return Outcome(ok([self._model(record, ctx) for record in chosen]))

    def list_tokens(self, params: dict[str, Any], ctx: RequestContext) -> Outcome:
        """The tokens the mock issued, in the order it issued them, one page."""
        tokens = list(self.payments.state.tokens.values())
        chosen = page(tokens, int(params["PageNumber"]), self.facts.tokens_page_size)
        return Outcome(ok([token_model(token) for token in chosen]))

    def _created_between(
        self, start: datetime, end: datetime | None, *, include_end: bool
    ) -> list[TransactionRecord]:
        """Created from `start` to `end` (None: no end)."""

        def within(record: TransactionRecord) -> bool:
            return start <= record.created and (
                end is None or (record.created <= end if include_end else record.created < end)
            )

        return sorted(
            filter(within, self.payments.state.transactions.values()),
            key=lambda record: (record.created, record.transaction_id),
        )

    def _model(self, record: TransactionRecord, ctx: RequestContext) -> dict[str, Any]:
        return self.payments.model(record, ctx)


def token_model(token: TokenRecord) -> dict[str, Any]:
    return {
        "Token": token.token,
        "AccountId": token.account_id,
        "CardMask": card_mask(token.card.first_six, token.card.last_four),
        "ExpirationDateMonth": token.exp_month,
        "ExpirationDateYear": token.exp_year,
    }
