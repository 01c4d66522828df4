"""`webhooks.parse(..., kind=...)` is typed by its kind: a handler of one address reads the fields of its
notification class without an `isinstance` (checked at run time and by mypy --strict on a handler); statuses
and reason codes of notifications are the answers' enums where the spec's schemas name them."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import urllib.parse
from pathlib import Path
from typing import Final

from cloudpayments_client import ReasonCode, SubscriptionStatus, TransactionStatus, webhooks
from cloudpayments_client.webhooks import (
    ConfirmNotification,
    FailNotification,
    Notification,
    NotificationKind,
    PayNotification,
    RecurrentNotification,
)

from generator.build import OUTPUT as CLIENT_DIR
from spec_tools import Spec

SECRET: Final = "sk_typing_suite"
PAY: Final = (
    b"TransactionId=7&Amount=10.00&Currency=RUB&PaymentAmount=10.00&PaymentCurrency=RUB"
    b"&DateTime=2026-01-02+03%3a04%3a05&CardFirstSix=424242&CardLastFour=4242&CardType=Visa"
    b"&CardExpDate=12%2f30&TestMode=1&Status=Completed&GatewayName=Test"
)

HANDLER: Final = """
from collections.abc import Mapping
from decimal import Decimal

from cloudpayments_client import webhooks
from cloudpayments_client.webhooks import NotificationKind


def on_pay(body: bytes, headers: Mapping[str, str], secret: str) -> tuple[Decimal, str | None]:
    pay = webhooks.parse(body, headers, secret, kind="Pay")
    return pay.payment_amount, pay.gateway_name  # fields of PayNotification alone


def on_fail(body: bytes, headers: Mapping[str, str], secret: str) -> int:
    return webhooks.parse(body, headers, secret, kind=NotificationKind.FAIL).reason_code


def on_any(body: bytes, headers: Mapping[str, str], secret: str, kind: str) -> object:
    notification = webhooks.parse(body, headers, secret, kind=kind)
    reveal_type(notification)
    return notification


reveal_type(webhooks.parse(b"", {}, "", kind="Recurrent"))
reveal_type(webhooks.parse(b"", {}, "", kind=NotificationKind.CHECK))
"""


def test_parse_of_a_kind_is_its_class_at_run_time() -> None:
    headers = webhooks.signature_headers(PAY, SECRET)
    for kind in ("Pay", "pay", NotificationKind.PAY):
        notification = webhooks.parse(PAY, headers, SECRET, kind=kind)
        assert type(notification) is PayNotification
        assert notification.gateway_name == "Test"


def test_a_handler_reads_its_kind_fields_without_isinstance_under_mypy_strict(tmp_path: Path) -> None:
    module = tmp_path / "handler.py"
    module.write_text(textwrap.dedent(HANDLER), encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--cache-dir",
            str(tmp_path / "cache"),
            str(module),
        ],
        cwd=tmp_path,
        env={"MYPYPATH": str(CLIENT_DIR), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )
    out = done.stdout
    assert 'Revealed type is "cloudpayments_client.webhooks.RecurrentNotification"' in out, out
    assert 'Revealed type is "cloudpayments_client.webhooks.CheckNotification"' in out, out
    union = (
        "cloudpayments_client.webhooks.CheckNotification | cloudpayments_client.webhooks.PayNotification | "
    )
    assert f'Revealed type is "{union}' in out, out  # a kind known at run time: the union
    assert "Success: no issues found in 1 source file" in out, out


# ---- the answers' enums in notifications, where the spec's schema names them ------------------------------


def _example(spec: Spec, kind: str, **changed: str) -> Notification:
    values = {**spec["components"]["examples"][f"{kind}Notification"]["value"], **changed}
    body = urllib.parse.urlencode(values).encode("ascii")
    return webhooks.parse(body, webhooks.signature_headers(body, SECRET), SECRET, kind=kind)


def test_statuses_and_reason_codes_of_notifications_are_the_answers_enums(spec: Spec) -> None:
    pay = _example(spec, "Pay", Status="Authorized")
    assert isinstance(pay, PayNotification) and pay.status is TransactionStatus.AUTHORIZED
    fail = _example(spec, "Fail", ReasonCode="5051")
    assert isinstance(fail, FailNotification) and fail.reason_code is ReasonCode.INSUFFICIENT_FUNDS
    recurrent = _example(spec, "Recurrent", Status="PastDue")
    assert isinstance(recurrent, RecurrentNotification) and recurrent.status is SubscriptionStatus.PAST_DUE
    confirm = _example(spec, "Confirm", Status="Completed")
    assert isinstance(confirm, ConfirmNotification) and confirm.status is TransactionStatus.COMPLETED


def test_a_value_the_enums_do_not_know_stays_as_it_arrived(spec: Spec) -> None:
    pay = _example(spec, "Pay", Status="Settled")
    assert isinstance(pay, PayNotification) and pay.status == "Settled"
    assert not isinstance(pay.status, TransactionStatus)
    fail = _example(spec, "Fail", ReasonCode="4999")
    assert isinstance(fail, FailNotification) and fail.reason_code == 4999
    assert not isinstance(fail.reason_code, ReasonCode)
