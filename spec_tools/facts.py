"""Facts the document states as data (`x-` extensions), and the tables of the reference rendered from them.

`info.x-test-cards`, `info.x-test-sbp-payout-phones`, `info.x-transaction-statuses`,
`info.x-subscription-statuses`, `info.x-order-statuses`, `info.x-reason-codes` and the `x-codes` of
`Subscription.IntervalCode` are written once in openapi.yaml. The mock reads its behaviour here, the docs
build renders them into the introduction (a `<!-- table: x-... -->` line marks the place), and the tests
read the same rows.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import re
from collections.abc import Callable
from typing import Any, Final

from spec_tools.document import Spec, SpecError, deref
from spec_tools.schemas import object_properties, required_properties

TABLE_MARKER: Final = re.compile(
    r"^(?P<indent>[ \t]*)<!-- table: (?P<key>x-[a-z-]+) -->[ \t]*$", re.MULTILINE
)


@dataclasses.dataclass(frozen=True)
class TestCard:
    """One row of `info.x-test-cards`."""

    __test__ = False  # not a pytest class, despite the name

    number: str
    brand: str
    three_ds: bool
    cryptogram: str  # outcome of a payment by cryptogram: success | insufficient_funds
    token: str  # outcome of a payment by the card's token: success | insufficient_funds | none

    @property
    def first_six(self) -> str:
        return self.number[:6]

    @property
    def last_four(self) -> str:
        return self.number[-4:]


@dataclasses.dataclass(frozen=True)
class Status:
    """One row of `info.x-transaction-statuses` or `info.x-subscription-statuses`."""

    name: str
    code: int | None  # None: the documentation gives the status no code
    when: str
    next: str = ""  # allowed next actions (transactions only)


@dataclasses.dataclass(frozen=True)
class Reason:
    """One row of `info.x-reason-codes`."""

    code: int
    name: str
    meaning: str

    @functools.cached_property  # every answer reads it: worked out once per row
    def word(self) -> str:
        """`Reason` in an answer: the name without spaces ("Insufficient Funds" -> "InsufficientFunds")."""
        return "".join(part[:1].upper() + part[1:] for part in self.name.split())


def _rows(spec: Spec, key: str) -> list[dict[str, Any]]:
    rows = spec.get("info", {}).get(key)
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        raise SpecError(f"info.{key} must be a list of mappings")
    return rows


def test_cards(spec: Spec) -> tuple[TestCard, ...]:
    cards = tuple(
        TestCard(
            number=str(row["number"]),
            brand=str(row["brand"]),
            three_ds=bool(row["threeDs"]),
            cryptogram=str(row["cryptogram"]),
            token=str(row["token"]),
        )
        for row in _rows(spec, "x-test-cards")
    )
    # A cryptogram exposes only the first six and last four digits: they must single out one card.
    pairs = [(card.first_six, card.last_four) for card in cards]
    if len(set(pairs)) != len(pairs):
        raise SpecError("info.x-test-cards: two cards share first six and last four digits")
    return cards


def _statuses(spec: Spec, key: str) -> tuple[Status, ...]:
    return tuple(
        Status(
            name=str(row["status"]),
            code=None if row.get("code") is None else int(row["code"]),
            when=str(row.get("when", "")),
            next=str(row.get("next", "")),
        )
        for row in _rows(spec, key)
    )


def transaction_statuses(spec: Spec) -> tuple[Status, ...]:
    return _statuses(spec, "x-transaction-statuses")


def subscription_statuses(spec: Spec) -> tuple[Status, ...]:
    return _statuses(spec, "x-subscription-statuses")


def order_statuses(spec: Spec) -> tuple[Status, ...]:
    return _statuses(spec, "x-order-statuses")


def reasons(spec: Spec) -> tuple[Reason, ...]:
    return tuple(
        Reason(code=int(row["code"]), name=str(row["name"]), meaning=str(row["meaning"]))
        for row in _rows(spec, "x-reason-codes")
    )


def sbp_payout_test_phones(spec: Spec) -> dict[str, int]:
    """A receiver's phone -> the ReasonCode an SBP payout to it is declined with
    (`info.x-test-sbp-payout-phones`)."""
    phones = {str(row["phone"]): int(row["reasonCode"]) for row in _rows(spec, "x-test-sbp-payout-phones")}
    documented = {reason.code for reason in reasons(spec)}
    undocumented = sorted(set(phones.values()) - documented)
    if undocumented:
        raise SpecError(f"info.x-test-sbp-payout-phones: reason codes not in x-reason-codes: {undocumented}")
    return phones


def _x_codes(spec: Spec, schema: str, name: str) -> dict[str, int]:
    prop = object_properties(spec["components"]["schemas"][schema], spec).get(name, {})
    codes = prop.get("x-codes")
    if not isinstance(codes, dict):
        raise SpecError(f"{schema}.{name} has no x-codes")
    return {str(key): int(code) for key, code in codes.items()}


def payment_scheme_codes(spec: Spec) -> dict[str, str]:
    """A payment scheme's name -> its code (`charge` -> "0"), the `x-codes` of `SchemeNameAsCode`."""
    codes = spec["components"]["schemas"].get("SchemeNameAsCode", {}).get("x-codes")
    if not isinstance(codes, dict) or not codes:
        raise SpecError("components.schemas.SchemeNameAsCode has no x-codes")
    return {str(name): str(code) for name, code in codes.items()}


def interval_codes(spec: Spec) -> dict[str, int]:
    """`Interval` name -> `IntervalCode`, from the `x-codes` of `Subscription.IntervalCode`."""
    return _x_codes(spec, "Subscription", "IntervalCode")


def transaction_type_codes(spec: Spec) -> dict[str, int]:
    """`Payment`, `Refund`, `Payout` -> `Transaction.Type`, from its `x-codes`."""
    return _x_codes(spec, "Transaction", "Type")


def check_answer_reason_codes(spec: Spec) -> dict[int, int]:
    """A site's answer `code` to a Check -> the ReasonCode of the payment it declines (the `x-reason-codes`
    of `NotificationAnswer.code`)."""
    answer = spec.get("components", {}).get("schemas", {}).get("NotificationAnswer", {})
    codes = object_properties(answer, spec).get("code", {}).get("x-reason-codes")
    if not isinstance(codes, dict):
        raise SpecError("NotificationAnswer.code has no x-reason-codes")
    return {int(answer_code): int(reason_code) for answer_code, reason_code in codes.items()}


def notification_required_parameters(spec: Spec, kind: str) -> frozenset[str]:
    """The parameters the documentation marks required in a notification of `kind` (`Pay`, `Check`...): the
    required properties of the form body of the spec's `webhooks` entry."""
    item = spec.get("webhooks", {}).get(kind)
    if not isinstance(item, dict):
        raise SpecError(f"no webhook {kind!r} in the spec")
    body = deref(spec, item["post"]["requestBody"])
    media = deref(spec, body["content"]["application/x-www-form-urlencoded"])
    return frozenset(required_properties(media["schema"], spec))


def receipt_type_codes(spec: Spec) -> dict[str, int]:
    """A receipt's `Type` -> the code of its settlement sign (`Income` -> 1): the `x-codes` of
    `ReceiptType`."""
    codes = spec["components"]["schemas"].get("ReceiptType", {}).get("x-codes")
    if not isinstance(codes, dict) or not codes:
        raise SpecError("components.schemas.ReceiptType has no x-codes")
    return {str(name): int(code) for name, code in codes.items()}


def receipt_statuses(spec: Spec) -> tuple[str, ...]:
    """What `/kkt/receipt/status/get` answers: the `ReceiptStatus` enum."""
    values = spec["components"]["schemas"].get("ReceiptStatus", {}).get("enum")
    if not isinstance(values, list) or not values:
        raise SpecError("components.schemas.ReceiptStatus has no enum")
    return tuple(str(value) for value in values)


def currency_codes(spec: Spec) -> dict[str, int]:
    """`Currency` -> `CurrencyCode`: only RUB = 0 is documented, and the enum follows the API's own order."""
    return {str(code): index for index, code in enumerate(spec["components"]["schemas"]["Currency"]["enum"])}


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


def _card_number(number: str) -> str:
    return " ".join(number[i : i + 4] for i in range(0, len(number), 4))


_OUTCOME_WORDS: Final = {"success": "success", "insufficient_funds": "insufficient funds", "none": "—"}


def _test_card_table(spec: Spec) -> list[str]:
    return _table(
        ["Card", "Brand", "3-D Secure", "Cryptogram payment", "Token payment"],
        [
            [
                _card_number(card.number),
                card.brand,
                "yes" if card.three_ds else "no",
                _OUTCOME_WORDS.get(card.cryptogram, card.cryptogram),
                _OUTCOME_WORDS.get(card.token, card.token),
            ]
            for card in test_cards(spec)
        ],
    )


def _code(status: Status) -> str:
    return "" if status.code is None else str(status.code)


TABLES: Final[dict[str, Callable[[Spec], list[str]]]] = {
    "x-test-cards": _test_card_table,
    "x-transaction-statuses": lambda spec: _table(
        ["Status", "StatusCode", "When", "Allowed next actions"],
        [[s.name, _code(s), s.when, s.next] for s in transaction_statuses(spec)],
    ),
    "x-subscription-statuses": lambda spec: _table(
        ["Status", "StatusCode", "When"], [[s.name, _code(s), s.when] for s in subscription_statuses(spec)]
    ),
    "x-order-statuses": lambda spec: _table(
        ["Status", "StatusCode", "When"], [[s.name, _code(s), s.when] for s in order_statuses(spec)]
    ),
    "x-test-sbp-payout-phones": lambda spec: _table(
        ["Receiver.Phone", "ReasonCode", "Reason"],
        [
            [phone, str(code), next(r.word for r in reasons(spec) if r.code == code)]
            for phone, code in sbp_payout_test_phones(spec).items()
        ],
    ),
    "x-reason-codes": lambda spec: _table(
        ["Code", "Name", "Meaning"], [[str(r.code), r.name, r.meaning] for r in reasons(spec)]
    ),
}


def with_rendered_tables(spec: Spec) -> Spec:
    """A copy of the document with each `<!-- table: x-... -->` line of its introduction made a table."""
    rendered = copy.deepcopy(spec)
    description = str(rendered.get("info", {}).get("description", ""))

    def table(match: re.Match[str]) -> str:
        key = match["key"]
        if key not in TABLES:
            raise SpecError(f"info.description marks a table for unknown data {key!r}")
        return "\n".join(match["indent"] + line for line in TABLES[key](spec))

    rendered.setdefault("info", {})["description"] = TABLE_MARKER.sub(table, description)
    return rendered
