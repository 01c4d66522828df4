"""Three PyPI CloudPayments clients run their usual calls against the mock, each from its own venv.

`make third-party-clients` builds `.venv/clients/<name>/` from the hash-pinned
`contract_tests/third_party/<name>/requirements.txt`. Each test serves a fresh mock on 127.0.0.1, runs that
client's driver (`contract_tests/third_party/<name>/drive.py`) in a subprocess with the venv's python, and
checks every call's outcome (a charge Completed with the amount sent, a decline with its ReasonCode, the
refund on the transaction...) and then the mock's state through its own API.

A few calls are made wrong by the client itself (a path or a parameter the API does not take, per the current
reference, and no real traffic shows it taking): those are asserted refused with a clear `Message` and nothing
recorded, as the API would answer them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from mock_server.testing import (
    MockServer,
    approving_card,
    declining_card,
    packet,
    running_mock,
    three_ds_card,
    token_declining_card,
)
from mock_server.vocabulary import ReasonCode

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
CLIENTS_DIR = REPO / ".venv" / "clients"
DRIVER_TIMEOUT = 120  # seconds; a run takes about two


@dataclass
class Run:
    """One driver's report against `mock`: its calls by name."""

    mock: MockServer
    version: str
    calls: dict[str, dict[str, Any]]

    def ok(self, name: str) -> dict[str, Any]:
        call = self.calls[name]
        assert call["ok"], f"{name}: {call['error']}: {call['message']}\n{call['where']}"
        return call

    def completed(self, name: str, amount: int) -> dict[str, Any]:
        call = self.ok(name)
        assert (call["status"], Decimal(str(call["amount"])), call["currency"]) == (
            "Completed",
            Decimal(amount),
            "RUB",
        ), call
        return call

    def declined(self, name: str, code: ReasonCode) -> dict[str, Any]:
        call = self.ok(name)
        assert call.get("declined") is True and call["reason_code"] == code, call
        return call

    def refused(self, name: str, message: str) -> dict[str, Any]:
        """A call the client makes wrong: the mock's `Success: false` reached the caller with its Message."""
        call = self.calls[name]
        assert not call["ok"] and message in call["message"], call
        return call

    def model(self, path: str, body: dict[str, Any]) -> Any:
        """The mock's answer's Model, read through its API with the terminal's credentials."""
        with self.mock.http() as http:
            answer = http.post(path, json=body).json()
        assert answer["Success"] is True, answer
        return answer["Model"]


def drive(name: str) -> Iterator[Run]:
    python = CLIENTS_DIR / name / "bin" / "python"
    if not python.exists():
        pytest.fail(f"{python} is missing: run `make third-party-clients` (one venv per PyPI client)")
    with running_mock() as mock:
        target = {
            "base_url": mock.base_url,
            "public_id": mock.public_id,
            "api_secret": mock.api_secret,  # on stdin, never in the process list
            "packets": {
                "approved": packet(approving_card()),
                "three_ds": packet(three_ds_card()),
                "declined": packet(declining_card()),
                "token_declined": packet(token_declining_card()),
            },
            "today": datetime.now(UTC).date().isoformat(),
        }
        # No proxy variables: every request stays on 127.0.0.1.
        env = {"PATH": os.environ.get("PATH", ""), "NO_PROXY": "*", "no_proxy": "*"}
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        completed = subprocess.run(
            [str(python), "-m", f"contract_tests.third_party.{name}.drive"],
            input=json.dumps(target),
            capture_output=True,
            text=True,
            cwd=REPO,
            env=env,
            timeout=DRIVER_TIMEOUT,
            check=False,
        )
        assert completed.returncode == 0, completed.stderr[-4000:]
        assert mock.api_secret not in completed.stdout + completed.stderr
        report = json.loads(completed.stdout)
        yield Run(mock, report["version"], {call["call"]: call for call in report["calls"]})
        assert mock.internal_errors == []


@pytest.fixture
def cloudpayments() -> Iterator[Run]:
    yield from drive("cloudpayments")


@pytest.fixture
def cloudpayments_sdk() -> Iterator[Run]:
    yield from drive("cloudpayments_sdk")


@pytest.fixture
def aiocloudpayments() -> Iterator[Run]:
    yield from drive("aiocloudpayments")


def invoices(run: Run) -> set[str]:
    """The InvoiceId of every transaction the mock holds."""
    store = run.mock.app.state.store
    with store.lock:
        return {str(record.params.get("InvoiceId")) for record in store.transactions.values()}


def test_cloudpayments_1_6_3(cloudpayments: Run) -> None:
    run = cloudpayments
    assert run.version == "1.6.3"
    assert len(run.ok("test")["message"]) == 36

    paid = run.completed("charge_card", 1500)
    assert paid["invoice_id"] == "cp-1" and paid["token"]
    challenge = run.ok("charge_card_3ds")
    assert challenge["three_ds"] is True and challenge["acs_url"] == run.mock.acs_url
    after_3ds = run.completed("finish_3d_secure_authentication", 700)
    assert after_3ds["transaction_id"] == challenge["transaction_id"]
    run.declined("charge_card_declined", ReasonCode.INSUFFICIENT_FUNDS)

    assert run.ok("charge_card_require_confirmation")["status"] == "Authorized"
    run.completed("confirm_payment", 900)
    assert run.ok("void_payment")["status"] == "Cancelled"
    assert run.completed("charge_token", 250)["token"] == paid["token"]
    run.declined("charge_token_declined", ReasonCode.INSUFFICIENT_FUNDS)

    assert run.ok("get_transaction")["transaction_id"] == paid["transaction_id"]
    assert run.ok("find_payment")["transaction_id"] == paid["transaction_id"]
    refund = run.completed("refund", 500)
    assert refund["invoice_id"] == "cp-1" and refund["refund_transaction_id"] == refund["transaction_id"]
    listed = set(run.ok("list_payments")["transaction_ids"])
    assert {paid["transaction_id"], refund["transaction_id"], after_3ds["transaction_id"]} <= listed

    # `topup(token, ...)` posts a token to /payments/cards/topup, the payout by cryptogram (the token payout
    # is /payments/token/topup): refused as the reference says, and nothing is paid out.
    run.refused("topup", "CardCryptogramPacket is required")
    assert "cp-9" not in invoices(run)

    created = run.ok("create_subscription")
    assert (created["status"], Decimal(str(created["amount"]))) == ("Active", Decimal(300))
    assert run.ok("get_subscription")["subscription_id"] == created["subscription_id"]
    assert run.ok("list_subscriptions")["subscription_ids"] == [created["subscription_id"]]
    assert Decimal(str(run.ok("update_subscription")["amount"])) == Decimal(350)
    assert run.ok("cancel_subscription")["status"] == "Cancelled"

    order = run.ok("create_order")
    assert order["url"] == f"{run.mock.base_url}/d/{order['order_id']}"

    # The mock's state after the run, through its API.
    assert run.model("/payments/get", {"TransactionId": paid["transaction_id"]})["Refunded"] is True
    subscription = run.model("/subscriptions/get", {"Id": created["subscription_id"]})
    assert (subscription["Status"], subscription["Amount"], subscription["RequireConfirmation"]) == (
        "Cancelled",
        350,
        False,
    )
    assert run.mock.app.state.store.orders[order["order_id"]].amount == Decimal(1200)


def test_cloudpayments_sdk_0_1_0(cloudpayments_sdk: Run) -> None:
    run = cloudpayments_sdk
    assert run.version == "0.1.0"
    assert run.ok("test")["answer"] is True  # GET /test

    paid = run.completed("charge_card", 1500)
    assert paid["invoice_id"] == "sdk-1" and paid["token"]
    challenge = run.ok("charge_card_3ds")  # the client has no post3ds: the challenge is all it sees
    assert challenge["three_ds"] is True and challenge["acs_url"] == run.mock.acs_url
    run.declined("charge_card_declined", ReasonCode.INSUFFICIENT_FUNDS)

    assert run.ok("charge_card_two_step")["status"] == "Authorized"
    run.ok("confirm")
    run.completed("get_transaction_confirmed", 900)
    run.ok("cancel")
    assert run.ok("get_transaction_cancelled")["status"] == "Cancelled"
    assert run.completed("charge_token", 250)["token"] == paid["token"]
    run.declined("charge_token_declined", ReasonCode.INSUFFICIENT_FUNDS)

    assert run.ok("get_transaction")["transaction_id"] == paid["transaction_id"]
    assert run.ok("find")["transaction_id"] == paid["transaction_id"]
    refund_id = run.ok("refund")["transaction_id"]
    assert refund_id is not None
    for listing in ("list_transactions_for_day", "list_transactions_for_range"):
        assert {paid["transaction_id"], refund_id} <= set(run.ok(listing)["transaction_ids"])
    # `list_tokens(account_id=...)` sends AccountId and no PageNumber, which the reference requires.
    run.refused("list_tokens", "PageNumber is required")

    payouts = [run.ok("payouts_cryptogram"), run.ok("payouts_token")]
    assert [(p["status"], Decimal(str(p["amount"]))) for p in payouts] == [
        ("Completed", Decimal(60)),
        ("Completed", Decimal(50)),
    ]

    created = run.ok("subscriptions_create")
    assert (created["status"], created["account_id"]) == ("Active", "sdk-account")
    assert run.ok("subscriptions_get")["subscription_id"] == created["subscription_id"]
    assert run.ok("subscriptions_find")["subscription_ids"] == [created["subscription_id"]]
    assert Decimal(str(run.ok("subscriptions_update")["amount"])) == Decimal(350)
    assert run.ok("subscriptions_cancel")["answer"]["Success"] is True
    assert run.ok("subscriptions_get_cancelled")["status"] == "Cancelled"

    order = run.ok("orders_create")
    assert order["url"] == f"{run.mock.base_url}/d/{order['order_id']}"
    assert run.ok("orders_cancel")["answer"]["Success"] is True

    run.ok("notifications_update")
    assert run.ok("notifications_get") == {
        "call": "notifications_get",
        "ok": True,
        "is_enabled": True,
        "address": "https://shop.example/pay",
        "http_method": "POST",
    }

    refund = run.model("/payments/get", {"TransactionId": refund_id})
    assert (refund["Amount"], refund["Status"]) == (500, "Completed")
    assert run.model("/payments/get", {"TransactionId": paid["transaction_id"]})["Refunded"] is True
    payout = run.model("/payments/get", {"TransactionId": payouts[1]["transaction_id"]})
    assert (payout["Amount"], payout["Token"]) == (50, paid["token"])
    assert run.mock.app.state.store.orders[order["order_id"]].cancelled_date is not None


def test_aiocloudpayments_0_1_1(aiocloudpayments: Run) -> None:
    run = aiocloudpayments
    assert run.version == "0.1.1"
    run.ok("test")

    paid = run.completed("charge_card", 1500)
    assert paid["invoice_id"] == "aio-1" and paid["token"]
    challenge = run.ok("charge_card_3ds")
    assert challenge["three_ds"] is True and challenge["acs_url"] == run.mock.acs_url
    after_3ds = run.completed("post3ds", 700)
    assert after_3ds["transaction_id"] == challenge["transaction_id"]
    run.declined("charge_card_declined", ReasonCode.INSUFFICIENT_FUNDS)

    assert run.ok("auth_card")["status"] == "Authorized"
    run.completed("confirm_payment", 900)
    assert run.ok("void_payment")["status"] == "Cancelled"
    assert run.completed("charge_token", 250)["token"] == paid["token"]
    assert run.ok("auth_token")["status"] == "Authorized"
    run.declined("charge_token_declined", ReasonCode.INSUFFICIENT_FUNDS)
    assert run.ok("get_payment")["transaction_id"] == paid["transaction_id"]

    numbered = run.completed("charge_card_numeric_invoice", 1100)
    # The client types InvoiceId as an integer and sends it as a JSON number.
    assert run.ok("find_payment_v2")["transaction_id"] == numbered["transaction_id"]
    assert run.ok("find_payment")["transaction_id"] == numbered["transaction_id"]
    refund = run.completed("refund_payment", 500)
    assert refund["refund_transaction_id"] == refund["transaction_id"]
    listed = set(run.ok("list_payments")["transaction_ids"])
    assert {paid["transaction_id"], numbered["transaction_id"], refund["transaction_id"]} <= listed

    # 0.1.1 posts both of these to /payments/cards/topup (list_tokens without a body, topup_token with a token
    # instead of a cryptogram): refused as the reference says, nothing paid out.
    run.refused("list_tokens", "CardCryptogramPacket is required")
    run.refused("topup_token", "CardCryptogramPacket is required")
    assert "aio-10" not in invoices(run)
    run.completed("topup_card", 60)

    created = run.ok("create_subscription")
    assert (created["status"], created["account_id"]) == ("Active", "aio-account")
    assert run.ok("get_subscription")["subscription_id"] == created["subscription_id"]
    assert run.ok("find_subscriptions")["subscription_ids"] == [created["subscription_id"]]
    assert Decimal(str(run.ok("update_subscription")["amount"])) == Decimal(350)
    assert run.ok("cancel_subscription")["status"] == "Cancelled"

    order = run.ok("create_order")
    assert (order["status"], order["url"]) == ("Created", f"{run.mock.base_url}/d/{order['order_id']}")
    run.ok("cancel_order")
    run.ok("update_notification")
    assert run.ok("get_notification")["address"] == "https://shop.example/pay"

    assert run.model("/payments/get", {"TransactionId": numbered["transaction_id"]})["Refunded"] is True
    assert run.model("/subscriptions/get", {"Id": created["subscription_id"]})["Status"] == "Cancelled"
    assert run.mock.app.state.store.orders[order["order_id"]].cancelled_date is not None
    settings = run.model("/site/notifications/Pay/get", {})
    assert (settings["IsEnabled"], settings["HttpMethod"]) == (True, "POST")


def test_a_missing_client_venv_fails_with_the_make_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.modules[__name__], "CLIENTS_DIR", tmp_path)
    with pytest.raises(pytest.fail.Exception, match=r"run `make third-party-clients`"):
        next(drive("cloudpayments"))
