"""Real notification bodies (contract_tests/fixtures/real_world/notifications/, one a file, each naming its
source): each validates against the spec's schema of its webhook, as a form and as a JSON object, and is read
by `cloudpayments_client.webhooks` once signed with a test secret: amounts exact, empty optional parameters
`None`, parameters the spec does not list kept in `extra`, older bodies without OperationType or GatewayName
read with those fields `None`."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any, Final
from urllib.parse import unquote_to_bytes

import pytest
from cloudpayments_client import InvalidNotificationError, webhooks
from cloudpayments_client.webhooks import (
    CheckNotification,
    FailNotification,
    NotificationKind,
    PayNotification,
    RecurrentNotification,
)

import spec_tools
from contract_tests.client.test_webhooks import JSON_UTF8, dotnet_form, signed
from contract_tests.support.recorded import NOTIFICATIONS_DIR
from spec_tools import Spec

FIXTURES: Final = NOTIFICATIONS_DIR
SECRET: Final = "sk_real_world_test_secret_7e1f"
FORM: Final = "application/x-www-form-urlencoded"
Pairs = list[tuple[str, str]]


def _load(path: Path) -> dict[str, Any]:
    fixture: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return fixture


def pairs_of(fixture: dict[str, Any]) -> Pairs:
    """The parameters in the order sent: given as pairs, or decoded from the form as the API wrote it."""
    if "form" in fixture:
        form = str(fixture["form"]).encode("ascii")
        return [
            (
                unquote_to_bytes(name.replace(b"+", b" ")).decode(),
                unquote_to_bytes(value.replace(b"+", b" ")).decode(),
            )
            for name, _, value in (segment.partition(b"=") for segment in form.split(b"&"))
        ]
    return [(str(name), str(value)) for name, value in fixture["parameters"]]


def body_of(fixture: dict[str, Any]) -> bytes:
    """The form as sent: the recorded one, or the parameters written as .NET writes a form."""
    return str(fixture["form"]).encode("ascii") if "form" in fixture else dotnet_form(pairs_of(fixture))


PATHS: Final = sorted(FIXTURES.glob("*.json"))
BODIES: Final = {path.name: _load(path) for path in PATHS}


def parsed(name: str, *, as_json: bool = False) -> webhooks.Notification:
    fixture = BODIES[name]
    if as_json:
        body = json.dumps(dict(pairs_of(fixture)), ensure_ascii=False).encode("utf-8")
        return webhooks.parse(
            body, signed(body, content_type=JSON_UTF8, secret=SECRET), SECRET, kind=str(fixture["kind"])
        )
    body = body_of(fixture)
    return webhooks.parse(body, signed(body, secret=SECRET), SECRET, kind=str(fixture["kind"]))


def test_the_folder_holds_bodies_of_each_source_and_kind() -> None:
    assert len(PATHS) >= 8
    for name, fixture in BODIES.items():
        assert fixture["kind"] in {kind.value for kind in NotificationKind}, name
        assert fixture["source"].strip() and fixture["note"].strip(), name
        assert ("form" in fixture) != ("parameters" in fixture), name
    sources = " ".join(fixture["source"] for fixture in BODIES.values())
    assert "undr/cloud_payments" in sources
    assert {fixture["kind"] for fixture in BODIES.values()} >= {"Check", "Pay", "Fail", "Recurrent"}


@pytest.mark.parametrize("name", sorted(BODIES))
@pytest.mark.parametrize("media", [FORM, "application/json"])
def test_body_validates_against_the_webhook_schema(spec: Spec, name: str, media: str) -> None:
    fixture = BODIES[name]
    pointer = f"/webhooks/{fixture['kind']}/post/requestBody/content/{media.replace('/', '~1')}/schema"
    error = spec_tools.Validators(spec).first_error(pointer, dict(pairs_of(fixture)))
    assert error is None, f"{name}: {error.message if error else ''}"


@pytest.mark.parametrize("name", sorted(BODIES))
@pytest.mark.parametrize("as_json", [False, True], ids=["form", "json"])
def test_body_is_read_by_the_client(name: str, as_json: bool) -> None:
    fixture = BODIES[name]
    pairs = pairs_of(fixture)
    notification = parsed(name, as_json=as_json)
    assert notification.kind.value == fixture["kind"]
    assert dict(notification.raw) == dict(pairs)
    known = {}
    for item in notification.__dataclass_fields__.values():
        if "wire" in item.metadata:
            known[str(item.metadata["wire"])] = item.name
    for wire, text in pairs:
        if wire not in known:
            assert notification.extra[wire] == text, wire  # not in the spec: kept as sent
            continue
        value = getattr(notification, known[wire])
        if text == "":
            assert value is None, wire  # an empty optional parameter reads as absent
        elif isinstance(value, Decimal):
            assert str(value) == text, wire  # exact, never through float


def test_older_bodies_have_no_operation_type_or_gateway() -> None:
    check = parsed("ruby_gem_check_2015.json")
    assert isinstance(check, CheckNotification) and check.operation_type is None
    for name in ("ruby_gem_pay_2015.json", "ruby_gem_pay_form_2015.json"):
        pay = parsed(name)
        assert isinstance(pay, PayNotification)
        assert (pay.operation_type, pay.gateway_name, pay.status) == (None, None, "Completed")
        assert pay.amount == Decimal("123.00") and pay.subscription_id in (
            None,
            "sc_b865df3d4f27c54dc8067520c071a",
        )
        assert pay.issuer is None and pay.issuer_bank_country is None
    form = parsed("ruby_gem_pay_form_2015.json")
    assert isinstance(form, PayNotification)
    assert (
        form.name == "VLADIMIR KOCHNEV"
        and form.card_exp_date == "01/19"
        and form.ip_city == "Санкт-Петербург"
    )
    assert form.date_time.isoformat() == "2015-11-17T14:51:20+00:00"
    fail = parsed("ruby_gem_fail_2015.json")
    assert isinstance(fail, FailNotification)
    assert fail.operation_type is None and fail.reason_code == 5051
    assert dict(fail.extra) == {"Status": "Declined", "StatusCode": "5"}
    assert fail.data == {"cloudPayments": {"recurrent": {"interval": "Month", "period": 1}}}
    recurrent = parsed("ruby_gem_recurrent_2015.json")
    assert isinstance(recurrent, RecurrentNotification)
    assert recurrent.max_periods is None and recurrent.last_transaction_date is None
    assert (recurrent.successful_transactions_number, recurrent.failed_transactions_number) == (11, 22)


def test_todays_pay_bodies() -> None:
    tbank = parsed("live_pay_tbank_2026.json")
    assert isinstance(tbank, PayNotification)
    assert (tbank.gateway_name, tbank.card_type, tbank.card_product) == ("Tbank", "MasterCard", "SAP")
    assert tbank.total_fee == Decimal("70.89") and tbank.vat_above_total_fee == Decimal("12.78")
    assert tbank.processor_and_partner_fee is None and tbank.vat_within_processor_fee is None
    assert tbank.installment_term is None and tbank.installment_monthly_payment is None
    assert tbank.custom_fields is None and tbank.payment_method is None and tbank.name is None
    assert tbank.ip_country is None and tbank.ip_latitude is None and tbank.data is None
    assert tbank.test_mode is False and tbank.rrn == "613015333510"

    test = parsed("live_pay_test_terminal_2026.json")
    assert isinstance(test, PayNotification)
    assert test.gateway_name == "Test" and test.total_fee == Decimal("0.00") and str(test.total_fee) == "0.00"
    assert test.data == {"CloudPayments": {"recurrent": {"interval": "Month", "period": 1}}}
    assert test.card_id == "656861528d5f00f7a54bee28" and test.card_product is None

    sberpay = parsed("live_pay_sberpay_2025.json")
    assert isinstance(sberpay, PayNotification)
    assert (sberpay.payment_method, sberpay.card_type, sberpay.gateway_name) == (
        "SberPay",
        "MIR",
        "TBank Mapi",
    )
    assert (sberpay.card_first_six, sberpay.card_last_four) == ("220220", "8185")  # card fields still sent
    assert sberpay.invoice_id is None and sberpay.card_id is None and sberpay.auth_code is None
    assert sberpay.token is None and sberpay.total_fee == Decimal("152.10")
    assert isinstance(sberpay.data, dict)
    assert sberpay.data["CloudPayments"]["recurrent"]["period"] == 12


@pytest.mark.parametrize("wire", ["Amount", "TransactionId", "DateTime", "TestMode"])
def test_an_empty_required_value_is_still_refused(wire: str) -> None:
    pairs = [
        (name, "" if name == wire else value) for name, value in pairs_of(BODIES["live_pay_tbank_2026.json"])
    ]
    body = dotnet_form(pairs)
    with pytest.raises(InvalidNotificationError) as caught:
        webhooks.parse(body, signed(body, secret=SECRET), SECRET, kind="Pay")
    assert caught.value.field == wire and "empty" in str(caught.value)
