"""The mock's status enums: names declared in code, codes read from the spec's `x-` tables."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

import spec_tools
from contract_tests.mock.helpers import AUTH, BASE_URL
from contract_tests.support.cards import OTHER_CARD, card_body
from mock_server import create_app
from mock_server.ledger import TransactionKind
from mock_server.statuses import OrderStatus, SubscriptionStatus, TransactionStatus
from mock_server.vocabulary import ReasonCode, Vocabulary
from spec_tools import SpecError, default_spec_path

DOCUMENT = spec_tools.load_spec(default_spec_path())


def _documented(rows: tuple[spec_tools.Status, ...]) -> dict[str, int | None]:
    return {row.name: row.code for row in rows}


def test_transaction_status_codes_are_the_spec_s() -> None:
    documented = _documented(spec_tools.transaction_statuses(DOCUMENT))
    codes = TransactionStatus.codes(DOCUMENT)
    assert set(codes) == set(TransactionStatus)
    for status, code in codes.items():
        assert code == documented[status.value]
    # The mock implements every status of a card payment and `Created` (a Dolyami application); those of QR
    # payments and payouts still in progress come with them (SBP, T-Pay, SberPay, asynchronous payouts).
    assert set(documented) - {status.value for status in TransactionStatus} == {"Pending", "Failed"}
    assert {status.value for status in TransactionStatus} <= set(documented)


def test_subscription_status_codes_are_the_spec_s() -> None:
    documented = _documented(spec_tools.subscription_statuses(DOCUMENT))
    codes = SubscriptionStatus.codes(DOCUMENT)
    assert set(codes) == set(SubscriptionStatus)
    for status, code in codes.items():
        assert code == documented[status.value]


def _with_shifted_codes(key: str, shift: int) -> dict[str, Any]:
    changed = spec_tools.load_spec(default_spec_path())
    for row in changed["info"][key]:
        if row.get("code") is not None:
            row["code"] = int(row["code"]) + shift
    return changed


def test_codes_follow_the_spec_not_the_code() -> None:
    changed = _with_shifted_codes("x-transaction-statuses", 40)
    original = TransactionStatus.codes(DOCUMENT)
    assert TransactionStatus.codes(changed) == {status: code + 40 for status, code in original.items()}
    changed = _with_shifted_codes("x-subscription-statuses", 7)
    original_subscription = SubscriptionStatus.codes(DOCUMENT)
    assert SubscriptionStatus.codes(changed) == {s: c + 7 for s, c in original_subscription.items()}


@pytest.mark.parametrize("status", list(TransactionStatus))
def test_a_status_without_a_code_in_the_spec_is_refused_at_start(status: TransactionStatus) -> None:
    changed = spec_tools.load_spec(default_spec_path())
    for row in changed["info"]["x-transaction-statuses"]:
        if row["status"] == status.value:
            row["code"] = None
    with pytest.raises(SpecError, match=status.value):
        TransactionStatus.codes(changed)


def test_a_subscription_status_missing_from_the_spec_is_refused() -> None:
    changed = spec_tools.load_spec(default_spec_path())
    changed["info"]["x-subscription-statuses"] = [
        row for row in changed["info"]["x-subscription-statuses"] if row["status"] != "Cancelled"
    ]
    with pytest.raises(SpecError, match="Cancelled"):
        SubscriptionStatus.codes(changed)


def test_statuses_are_strings_equal_to_the_api_s_words() -> None:
    assert isinstance(TransactionStatus.AWAITING_AUTHENTICATION, str)
    assert str(TransactionStatus.AWAITING_AUTHENTICATION) == "AwaitingAuthentication"
    assert f"{TransactionStatus.COMPLETED}" == "Completed"
    assert str(SubscriptionStatus.CANCELLED) == "Cancelled"
    assert str(OrderStatus.PAID) == "Paid"


def test_order_codes_come_from_the_spec_and_paid_is_the_mock_s_own() -> None:
    documented = {status.name: status.code for status in spec_tools.order_statuses(DOCUMENT)}
    assert OrderStatus.codes(DOCUMENT) == {OrderStatus.CREATED: documented["Created"], OrderStatus.PAID: 1}
    changed = copy.deepcopy(DOCUMENT)
    changed["info"]["x-order-statuses"] = [{"status": "Created", "code": 7, "when": "x"}]
    assert OrderStatus.codes(changed)[OrderStatus.CREATED] == 7
    changed["info"]["x-order-statuses"] = []
    with pytest.raises(SpecError, match="Created"):
        OrderStatus.codes(changed)


def test_reason_words_come_from_the_spec() -> None:
    vocabulary = Vocabulary.from_document(DOCUMENT)
    documented = {reason.code: reason.word for reason in spec_tools.reasons(DOCUMENT)}
    for code in ReasonCode:
        assert vocabulary.reason(code) == documented[code.value]


async def test_an_app_answers_with_the_codes_of_its_spec(tmp_path: Path) -> None:
    changed = _with_shifted_codes("x-transaction-statuses", 40)
    spec_path = tmp_path / "openapi.yaml"
    spec_path.write_text(yaml.safe_dump(changed, allow_unicode=True, sort_keys=False), encoding="utf-8")
    app = create_app(spec_path=spec_path)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL, auth=AUTH) as client:
        answer = (await client.post("/payments/cards/charge", json=card_body(OTHER_CARD))).json()
    assert answer["Success"] is True
    assert answer["Model"]["Status"] == "Completed"
    completed = TransactionStatus.codes(DOCUMENT)[TransactionStatus.COMPLETED]
    assert answer["Model"]["StatusCode"] == completed + 40
    assert app.state.api.internal_errors == []


async def test_transaction_types_come_from_the_spec(tmp_path: Path) -> None:
    # Every kind of transaction the mock keeps has its Type in the spec; a changed spec changes the answers.
    codes = spec_tools.transaction_type_codes(DOCUMENT)
    assert {kind.value.capitalize() for kind in TransactionKind} == set(codes)
    changed = copy.deepcopy(DOCUMENT)
    changed["components"]["schemas"]["Transaction"]["properties"]["Type"]["x-codes"]["Payment"] = 7
    spec_path = tmp_path / "openapi.yaml"
    spec_path.write_text(yaml.safe_dump(changed, allow_unicode=True, sort_keys=False), encoding="utf-8")
    app = create_app(spec_path=spec_path)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL, auth=AUTH) as client:
        answer = (await client.post("/payments/cards/charge", json=card_body(OTHER_CARD))).json()
    assert answer["Model"]["Type"] == 7
