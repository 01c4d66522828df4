"""The SBP member banks and payouts by SBP to a phone: the banks are the spec's example answer, for this
terminal only; a payout goes to a member bank's +7 phone in rubles, is completed at once (Type 2, with its
Receiver, `ErrorCode` null) or declined (the ceiling, the spec's test phones), is found by getPayment, sends
Pay or Fail with `PaymentMethod` Sbp, ignores `X-Signature` and is idempotent by X-Request-ID."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any, Final

import httpx
import pytest
from starlette.applications import Starlette

import spec_tools
from contract_tests.mock.helpers import AUTH, BASE_URL, documented_request, send
from mock_server import DEFAULT_PUBLIC_ID, create_app
from mock_server.webhooks.settings import NotificationType
from spec_tools import Spec, default_spec_path, response_validator

BANKS: Final = "/sbp/v2/banks/info"
TOPUP: Final = "/payments/alt/topup"
SBER: Final = "100000000111"
PHONE: Final = "+71234567890"
RECEIVER: Final = {"Phone": PHONE, "FirstName": "Тест", "LastName": "Тестов"}
WAIT_SECONDS: Final = 20.0


def payout(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "Amount": 150.5,
        "Currency": "RUB",
        "MemberId": SBER,
        "AccountId": "user@example.com",
        "InvoiceId": "sbp-payout-1",
        "Receiver": RECEIVER,
        **changes,
    }
    return {key: value for key, value in body.items() if value is not None}


def spec_errors(spec: Spec, path: str, answer: Any) -> list[str]:
    return [error.message for error in response_validator(spec, path).iter_errors(answer)]


class Recorder:
    """The merchant's site in place of the network: accepts every notification."""

    def __init__(self) -> None:
        self.transport = httpx.MockTransport(lambda request: httpx.Response(200, json={"code": 0}))


@pytest.fixture
async def notifying() -> AsyncIterator[tuple[Starlette, httpx.AsyncClient]]:
    """A mock whose Pay and Fail notifications are enabled, delivered to a recorder."""
    app = create_app(
        spec_path=default_spec_path(), validate_responses=True, notification_transport=Recorder().transport
    )
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=BASE_URL, auth=AUTH
    ) as client:
        for kind in ("Pay", "Fail"):
            settings = {"IsEnabled": True, "Address": f"http://shop.test/{kind.lower()}"}
            assert (await send(client, f"/site/notifications/{kind}/update", settings))["Success"] is True
        yield app, client
    assert app.state.api.internal_errors == []


async def notified(app: Starlette) -> list[tuple[NotificationType, dict[str, str]]]:
    log = app.state.notifications.log
    assert await log.until_settled(WAIT_SECONDS)
    return [(delivery.type, dict(delivery.parameters)) for delivery in log.deliveries()]


# ---------- the member banks ----------


@pytest.mark.parametrize("form", [False, True], ids=["json", "form"])
async def test_banks_are_the_spec_example_for_this_terminal(
    api: httpx.AsyncClient, spec: Spec, form: bool
) -> None:
    answer = await send(api, BANKS, {"PublicTerminalId": DEFAULT_PUBLIC_ID, "Platform": "ios"}, form=form)
    assert spec_errors(spec, BANKS, answer) == []
    example = spec["components"]["examples"]["SbpBanks"]["value"]
    assert answer == {"Success": True, "Message": None, "Model": example["Model"]}
    members = answer["Model"][0]["Members"]
    assert [member["id"] for member in members] == [SBER, "100000000004", "100000000005"]
    assert all(set(member) == {"id", "logo", "name", "url"} for member in members)


@pytest.mark.parametrize("terminal", ["pk_1234567890abcdef", DEFAULT_PUBLIC_ID.upper()])
async def test_banks_of_another_terminal_are_refused(api: httpx.AsyncClient, terminal: str) -> None:
    answer = await send(api, BANKS, {"PublicTerminalId": terminal})
    assert answer == {
        "Success": False,
        "Message": f"PublicTerminalId: {terminal!r} is not this terminal's Public ID",
        "Model": None,
    }
    missing = await send(api, BANKS, {"Platform": "android"})
    assert missing["Success"] is False and "PublicTerminalId is required" in missing["Message"]


# ---------- payouts ----------


@pytest.mark.parametrize("form", [False, True], ids=["json", "form"])
async def test_payout_to_a_member_bank_is_completed_and_found(
    api: httpx.AsyncClient, mock_app: Starlette, spec: Spec, form: bool
) -> None:
    answer = await send(api, TOPUP, payout(), form=form)
    assert spec_errors(spec, TOPUP, answer) == []
    assert (answer["Success"], answer["Message"], answer["ErrorCode"]) == (True, None, None)
    model = answer["Model"]
    assert (model["Type"], model["Status"], model["StatusCode"], model["ReasonCode"], model["Reason"]) == (
        2,
        "Completed",
        3,
        0,
        "Approved",
    )
    assert (model["Amount"], model["Currency"], model["InvoiceId"]) == (150.5, "RUB", "sbp-payout-1")
    assert model["Receiver"] == RECEIVER
    assert model["CardFirstSix"] is None and model["Token"] is None  # no card is involved
    found = await send(api, "/payments/get", {"TransactionId": model["TransactionId"]})
    assert found["Success"] is True and found["Model"] == model
    assert mock_app.state.store.transactions[model["TransactionId"]].payment_method == "Sbp"


async def test_payout_sends_pay_with_payment_method_sbp(
    notifying: tuple[Starlette, httpx.AsyncClient], spec: Spec
) -> None:
    app, client = notifying
    answer = await send(client, TOPUP, payout())
    [(kind, values)] = await notified(app)
    assert kind is NotificationType.PAY
    schema = spec_tools.Validators(spec).at(
        "/webhooks/Pay/post/requestBody/content/application~1x-www-form-urlencoded/schema"
    )
    assert [error.message for error in schema.iter_errors(values)] == []
    assert values["TransactionId"] == str(answer["Model"]["TransactionId"])
    assert (values["OperationType"], values["PaymentMethod"], values["Status"]) == (
        "CardPayout",
        "Sbp",
        "Completed",
    )
    assert (values["Amount"], values["Currency"], values["InvoiceId"]) == ("150.50", "RUB", "sbp-payout-1")
    assert values["CardFirstSix"] == values["CardLastFour"] == values["CardType"] == ""


@pytest.mark.parametrize(
    ("phone", "code", "reason"),
    [("+79000006021", 6021, "ReceiverAccountError"), ("+79000006022", 6022, "ReceiverNameError")],
)
async def test_the_spec_test_phones_are_declined_with_fail(
    notifying: tuple[Starlette, httpx.AsyncClient], spec: Spec, phone: str, code: int, reason: str
) -> None:
    assert spec_tools.sbp_payout_test_phones(spec)[phone] == code
    app, client = notifying
    answer = await send(client, TOPUP, payout(Receiver={"Phone": phone}))
    assert spec_errors(spec, TOPUP, answer) == []
    assert (answer["Success"], answer["Message"], answer["ErrorCode"]) == (False, None, None)
    model = answer["Model"]
    assert (model["Type"], model["Status"], model["ReasonCode"], model["Reason"]) == (
        2,
        "Declined",
        code,
        reason,
    )
    [(kind, values)] = await notified(app)
    assert kind is NotificationType.FAIL
    assert (values["ReasonCode"], values["Reason"], values["PaymentMethod"]) == (str(code), reason, "Sbp")
    assert values["OperationType"] == "CardPayout"


async def test_payout_over_the_ceiling_is_declined_5013(api: httpx.AsyncClient, mock_app: Starlette) -> None:
    answer = await send(api, TOPUP, payout(Amount=1_000_000_000.01))
    assert answer["Success"] is False
    assert (answer["Model"]["Status"], answer["Model"]["ReasonCode"]) == ("Declined", 5013)
    assert mock_app.state.store.counts()["transactions"] == 1  # a declined payout is a transaction


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"Currency": "USD"}, "Currency: 'USD' is not one of ['RUB']"),
        ({"Currency": None}, "Currency is required"),
        ({"Receiver": {"Phone": "81234567890"}}, "Receiver.Phone must be a Russian number"),
        ({"Receiver": {"Phone": "+7123456789"}}, "Receiver.Phone must be a Russian number"),
        ({"Receiver": {"Phone": "+441234567890"}}, "Receiver.Phone must be a Russian number"),
        ({"Receiver": {"FirstName": "A"}}, "Receiver.Phone is required"),
        ({"Receiver": None}, "Receiver is required"),
        ({"MemberId": None}, "MemberId is required with Receiver.Phone"),
        ({"MemberId": "12456"}, "MemberId: '12456' is not an SBP member bank"),
        ({"MemberId": "bank1"}, "MemberId"),
        ({"Amount": 1.005}, "Amount must have at most 2 decimal places"),
        ({"CultureName": 5}, "CultureName"),
    ],
)
async def test_payout_refusals_change_nothing(
    api: httpx.AsyncClient, mock_app: Starlette, spec: Spec, change: dict[str, Any], words: str
) -> None:
    answer = await send(api, TOPUP, payout(**change))
    assert spec_errors(spec, TOPUP, answer) == []
    assert answer["Success"] is False and answer.get("Model") is None
    assert words in answer["Message"], answer["Message"]
    assert mock_app.state.store.counts()["transactions"] == 0


async def test_x_signature_is_taken_and_ignored(api: httpx.AsyncClient) -> None:
    for signature in ("any-value", "", "not base64 at all!"):
        response = await api.post(TOPUP, json=payout(), headers={"X-Signature": signature})
        assert response.status_code == 200 and response.json()["Success"] is True


async def test_payout_is_idempotent_by_request_id(api: httpx.AsyncClient, mock_app: Starlette) -> None:
    headers = {"X-Request-ID": "sbp-payout-key"}
    first = await api.post(TOPUP, json=payout(), headers=headers)
    as_form = {**payout(Amount="150.50"), "Receiver": json.dumps(RECEIVER, ensure_ascii=False)}
    again = await api.post(TOPUP, data=as_form, headers=headers)
    assert first.json()["Success"] is True and first.content == again.content  # the same request, as a form
    assert mock_app.state.store.counts()["transactions"] == 1
    other = await send(api, TOPUP, payout(Amount=2), request_id="sbp-payout-key")
    assert other["Success"] is False and "already used for a different request" in other["Message"]


async def test_a_sbp_payout_cannot_be_refunded(api: httpx.AsyncClient) -> None:
    transaction_id = (await send(api, TOPUP, payout()))["Model"]["TransactionId"]
    answer = await send(api, "/payments/refund", {"TransactionId": transaction_id, "Amount": 1})
    assert answer["Message"] == "Transaction is a payout: a payout cannot be refunded"


async def test_documented_payout_is_paid_to_a_member_bank(api: httpx.AsyncClient) -> None:
    """The reference's request names bank 12456, which is not in its own list of member banks: refused
    as it stands, paid out with a member's id."""
    path, body = documented_request("payments_alt_topup.success.json")
    refused = await send(api, path, body)
    assert refused["Success"] is False and "MemberId: '12456'" in refused["Message"]
    done = await send(api, path, {**body, "MemberId": SBER})
    assert done["Success"] is True and done["Model"]["Amount"] == 1
    assert done["Model"]["Receiver"] == {"Phone": "+71234567890"}
