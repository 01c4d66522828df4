"""Receipts of the online cash register (CloudKassir): a receipt for the terminal's INN only, `Queued`, then
`Processed` with its fiscal data (or `Error` when its items do not add up), read by its status and by get;
an unknown id; the Receipt notification, signed; the Income receipt of a payment whose JsonData carries one
and the IncomeReturn receipt of its full refund; the cap; idempotency by X-Request-ID; the correction receipt
and its own reads (its status and its data)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Final

import httpx
import pytest
from starlette.applications import Starlette

from contract_tests.mock.helpers import AUTH, BASE_URL, pay, send
from contract_tests.support.cards import approving_card
from mock_server import DEFAULT_API_SECRET, create_app
from mock_server.defaults import DEFAULT_INN
from mock_server.webhooks.settings import NotificationType
from spec_tools import default_spec_path

RECEIPT: Final = "/kkt/receipt"
STATUS: Final = "/kkt/receipt/status/get"
GET: Final = "/kkt/receipt/get"
WAIT_SECONDS: Final = 20.0


def customer_receipt(**changes: Any) -> dict[str, Any]:
    """Two items of 100.50 x 2 and 49.50 x 1 (250.50), paid electronically."""
    receipt: dict[str, Any] = {
        "Items": [
            {
                "Label": "Book",
                "Price": 100.5,
                "Quantity": 2,
                "Amount": 201,
                "Vat": 22,
                "Method": 4,
                "Object": 1,
            },
            {"Label": "Pen", "Price": "49.50", "Quantity": 1, "Amount": 49.5, "Vat": None},
        ],
        "TaxationSystem": 0,
        "Email": "user@example.com",
        "Amounts": {"Electronic": 250.5},
    }
    receipt.update(changes)
    return receipt


def receipt_body(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "Inn": DEFAULT_INN,
        "Type": "Income",
        "InvoiceId": "order-7",
        "AccountId": "user_x",
        "CustomerReceipt": customer_receipt(),
    }
    body.update(changes)
    return body


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Mock:
    app: Starlette
    api: httpx.AsyncClient
    clock: FakeClock
    received: list[httpx.Request]


@pytest.fixture
async def mock() -> AsyncIterator[Mock]:
    """A mock whose receipts stay Queued for 60 s of a fake clock, its Receipt notifications enabled and
    delivered to a recorder."""
    received: list[httpx.Request] = []

    def receive(request: httpx.Request) -> httpx.Response:
        received.append(request)
        return httpx.Response(200, json={"code": 0})

    clock = FakeClock()
    app = create_app(
        spec_path=default_spec_path(),
        validate_responses=True,
        clock=clock,
        receipt_seconds=60,
        notification_transport=httpx.MockTransport(receive),
    )
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL, auth=AUTH) as api:
        settings = {"IsEnabled": True, "Address": "http://shop.test/receipt", "HttpMethod": "POST"}
        assert (await send(api, "/site/notifications/Receipt/update", settings))["Success"] is True
        yield Mock(app, api, clock, received)
    assert app.state.api.internal_errors == []


async def receipts_notified(app: Starlette) -> list[dict[str, str]]:
    log = app.state.notifications.log
    assert await log.until_settled(WAIT_SECONDS)
    return [dict(d.parameters) for d in log.deliveries() if d.type is NotificationType.RECEIPT]


# ---------- the INN ----------


@pytest.mark.parametrize("form", [False, True], ids=["json", "form"])
async def test_a_receipt_for_another_inn_is_refused(mock: Mock, form: bool) -> None:
    answer = await send(mock.api, RECEIPT, receipt_body(Inn="7777777777"), form=form)
    assert answer["Success"] is False
    assert "7777777777" in answer["Message"] and DEFAULT_INN in answer["Message"]
    assert answer["Model"] == {"ErrorCode": -1}
    assert mock.app.state.store.counts()["receipts"] == 0


async def test_the_terminal_inn_is_an_option() -> None:
    app = create_app(spec_path=default_spec_path(), validate_responses=True, inn="500100732259")
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL, auth=AUTH) as api:
        assert (await send(api, RECEIPT, receipt_body()))["Success"] is False
        assert (await send(api, RECEIPT, receipt_body(Inn="500100732259")))["Success"] is True
    with pytest.raises(ValueError, match="10 or 12 digits"):
        create_app(inn="77088060")


# ---------- Queued, then Processed ----------


@pytest.mark.parametrize("form", [False, True], ids=["json", "form"])
async def test_a_receipt_is_queued_then_processed_with_its_fiscal_data(mock: Mock, form: bool) -> None:
    queued = await send(mock.api, RECEIPT, receipt_body(), form=form)
    assert queued["Success"] is True and queued["Message"] == "Queued"
    model = queued["Model"]
    receipt_id = model["Id"]
    assert model["ErrorCode"] == 0 and model["ReceiptLocalUrl"].endswith(receipt_id)

    assert (await send(mock.api, STATUS, {"Id": receipt_id}))["Model"] == "Queued"
    not_yet = await send(mock.api, GET, {"Id": receipt_id})
    assert not_yet["Success"] is False and "not fiscalised yet" in not_yet["Message"]
    assert await receipts_notified(mock.app) == []

    mock.clock.now += 60
    assert (await send(mock.api, STATUS, {"Id": receipt_id}))["Model"] == "Processed"
    got = await send(mock.api, GET, {"Id": receipt_id}, form=form)
    assert got["Success"] is True
    issued = got["Model"]
    assert [(i["Label"], i["Price"], i["Quantity"], i["Amount"]) for i in issued["Items"]] == [
        ("Book", 100.5, 2, 201),
        ("Pen", 49.5, 1, 49.5),
    ]
    assert issued["Amounts"]["Electronic"] == 250.5 and issued["TaxationSystem"] == 0
    data = issued["AdditionalData"]
    assert data["Id"] == receipt_id and data["OrganizationInn"] == DEFAULT_INN and data["Type"] == "Income"
    assert data["Amount"] == 250.5 and data["InvoiceId"] == "order-7" and data["AccountId"] == "user_x"
    assert data["FiscalSign"].isdigit() and data["DocumentNumber"] == "1" and data["SessionNumber"] == "1"
    assert data["FiscalNumber"] in data["OfdReceiptUrl"]
    assert "s%3D250.50" in data["QrCodeUrl"] and "n%3D1" in data["QrCodeUrl"]


async def test_by_default_a_receipt_is_processed_by_its_own_request() -> None:
    app = create_app(spec_path=default_spec_path(), validate_responses=True)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL, auth=AUTH) as api:
        queued = await send(api, RECEIPT, receipt_body())
        assert queued["Message"] == "Queued"
        assert (await send(api, STATUS, {"Id": queued["Model"]["Id"]}))["Model"] == "Processed"


# ---------- Error when it does not add up ----------


@pytest.mark.parametrize(
    ("receipt", "message"),
    [
        (
            customer_receipt(Amounts={"Electronic": 250.49}),
            "the items add up to 250.50, Amounts to 250.49",
        ),
        (
            customer_receipt(
                Items=[{"Label": "Book", "Price": 100.5, "Quantity": 2, "Amount": 201.01}],
                Amounts={"Electronic": 201.01},
            ),
            "Items[0] (Book): Amount 201.01 is more than Price x Quantity (100.50 x 2 = 201.00)",
        ),
        (
            customer_receipt(Items=[{"Label": "Gift", "Price": 0, "Quantity": 1, "Amount": 0}], Amounts=None),
            "the items add up to 0.00",
        ),
    ],
    ids=["total", "item", "nothing"],
)
async def test_a_receipt_that_does_not_add_up_is_an_error(mock: Mock, receipt: Any, message: str) -> None:
    queued = await send(mock.api, RECEIPT, receipt_body(CustomerReceipt=receipt))
    assert queued["Success"] is True
    mock.clock.now += 60
    status = await send(mock.api, STATUS, {"Id": queued["Model"]["Id"]})
    assert status["Model"] == "Error"
    assert message in status["Message"]
    got = await send(mock.api, GET, {"Id": queued["Model"]["Id"]})
    assert got["Success"] is False and message in got["Message"]
    assert await receipts_notified(mock.app) == []


async def test_a_discount_and_amounts_in_several_kinds_add_up(mock: Mock) -> None:
    """An item's Amount may be less than Price x Quantity (a discount); Amounts' kinds add up exactly
    (0.1 + 0.2 is 0.3 to the kopeck)."""
    receipt = customer_receipt(
        Items=[{"Label": "Book", "Price": 100, "Quantity": 3, "Amount": 250.3}],
        Amounts={"Electronic": 250, "AdvancePayment": 0.1, "Credit": 0.2, "Provision": 0},
    )
    queued = await send(mock.api, RECEIPT, receipt_body(CustomerReceipt=receipt))
    mock.clock.now += 60
    assert (await send(mock.api, STATUS, {"Id": queued["Model"]["Id"]}))["Model"] == "Processed"


async def test_more_than_two_decimals_is_refused_never_rounded(mock: Mock) -> None:
    receipt = customer_receipt(
        Items=[{"Label": "Book", "Price": 10.005, "Quantity": 1, "Amount": 10}], Amounts=None
    )
    answer = await send(mock.api, RECEIPT, receipt_body(CustomerReceipt=receipt))
    assert answer["Success"] is False
    assert answer["Message"] == "CustomerReceipt.Items[0].Price must have at most 2 decimal places: 10.005"


async def test_more_than_100_items_are_refused(mock: Mock) -> None:
    item = {"Label": "Pin", "Price": 1, "Quantity": 1, "Amount": 1}
    answer = await send(mock.api, RECEIPT, receipt_body(CustomerReceipt=customer_receipt(Items=[item] * 101)))
    assert answer["Success"] is False and "Items" in answer["Message"]


# ---------- unknown ids ----------


async def test_an_unknown_receipt_is_not_found(mock: Mock) -> None:
    assert await send(mock.api, STATUS, {"Id": "no-such-receipt"}) == {
        "Success": True,
        "Message": None,
        "Model": "NotFound",
    }
    got = await send(mock.api, GET, {"Id": "no-such-receipt"})
    assert got["Success"] is False and got["Message"] == "Receipt not found"


# ---------- the notification ----------


async def test_the_receipt_notification_is_sent_once_processed_and_signed(mock: Mock) -> None:
    queued = await send(mock.api, RECEIPT, receipt_body())
    receipt_id = queued["Model"]["Id"]
    mock.clock.now += 60
    await send(mock.api, STATUS, {"Id": receipt_id})
    await send(mock.api, STATUS, {"Id": receipt_id})  # read again: not sent again
    [params] = await receipts_notified(mock.app)
    data = (await send(mock.api, GET, {"Id": receipt_id}))["Model"]["AdditionalData"]
    assert params["Id"] == receipt_id and params["Inn"] == DEFAULT_INN and params["Type"] == "Income"
    assert params["Amount"] == "250.50" and params["InvoiceId"] == "order-7"
    assert params["FiscalSign"] == data["FiscalSign"] and params["DocumentNumber"] == data["DocumentNumber"]
    assert params["Url"] == data["OfdReceiptUrl"] and params["QrCodeUrl"] == data["QrCodeUrl"]
    assert json.loads(params["Receipt"])["Items"][0]["Label"] == "Book"
    [request] = [r for r in mock.received if r.url.path == "/receipt"]
    body = request.content
    expected = base64.b64encode(hmac.new(DEFAULT_API_SECRET.encode(), body, hashlib.sha256).digest()).decode()
    assert hmac.compare_digest(request.headers["Content-HMAC"], expected)


# ---------- the receipts of payments ----------


async def test_a_payment_with_a_receipt_issues_an_income_receipt_and_its_full_refund_an_income_return(
    mock: Mock,
) -> None:
    receipt = customer_receipt()
    json_data = {"order": 7, "CloudPayments": {"CustomerReceipt": receipt}}
    paid = await pay(mock.api, approving_card(), amount=250.5, JsonData=json_data, AccountId="user_x")
    assert paid["Success"] is True
    transaction_id = paid["Model"]["TransactionId"]
    mock.clock.now += 60
    # A partial refund issues no receipt; the refund of the rest (the whole payment refunded) does.
    refund = {"TransactionId": transaction_id, "Amount": 50.5}
    assert (await send(mock.api, "/payments/refund", refund))["Success"] is True
    assert (await send(mock.api, "/payments/refund", {**refund, "Amount": 200}))["Success"] is True
    mock.clock.now += 60
    await send(mock.api, STATUS, {"Id": "any"})  # a read fiscalises what is due
    notified = await receipts_notified(mock.app)
    assert [(p["Type"], p["Amount"]) for p in notified] == [("Income", "250.50"), ("IncomeReturn", "250.50")]
    assert notified[0]["TransactionId"] == str(transaction_id)
    assert notified[0]["AccountId"] == "user_x" and notified[0]["Inn"] == DEFAULT_INN
    for params in notified:
        got = await send(mock.api, GET, {"Id": params["Id"]})
        assert got["Model"]["AdditionalData"]["Type"] == params["Type"]


async def test_an_authorization_issues_its_receipt_when_confirmed(mock: Mock) -> None:
    json_data = {"cloudPayments": {"customerReceipt": customer_receipt()}}  # keys in any case
    authorized = await pay(mock.api, approving_card(), scheme="auth", amount=250.5, JsonData=json_data)
    mock.clock.now += 60
    await send(mock.api, STATUS, {"Id": "any"})
    assert await receipts_notified(mock.app) == []
    confirm = {"TransactionId": authorized["Model"]["TransactionId"], "Amount": 250.5}
    assert (await send(mock.api, "/payments/confirm", confirm))["Success"] is True
    mock.clock.now += 60
    await send(mock.api, STATUS, {"Id": "any"})
    assert [p["Type"] for p in await receipts_notified(mock.app)] == ["Income"]


async def test_a_payment_without_a_receipt_issues_none(mock: Mock) -> None:
    assert (await pay(mock.api, approving_card(), JsonData={"order": 7}))["Success"] is True
    assert mock.app.state.store.counts()["receipts"] == 0


async def test_a_payment_receipt_that_does_not_add_up_is_an_error_receipt(mock: Mock) -> None:
    json_data = {"CloudPayments": {"CustomerReceipt": customer_receipt(Amounts={"Electronic": 1})}}
    assert (await pay(mock.api, approving_card(), amount=250.5, JsonData=json_data))["Success"] is True
    [record] = mock.app.state.store.receipt_state.receipts.values()
    mock.clock.now += 60
    status = await send(mock.api, STATUS, {"Id": record.receipt_id})
    assert status["Model"] == "Error" and "Amounts to 1.00" in status["Message"]


# ---------- bounds and idempotency ----------


async def test_the_receipts_kept_are_capped_with_a_clear_refusal() -> None:
    app = create_app(spec_path=default_spec_path(), validate_responses=True, max_receipts=2)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL, auth=AUTH) as api:
        for _ in range(2):
            assert (await send(api, RECEIPT, receipt_body()))["Success"] is True
        refused = await send(api, RECEIPT, receipt_body())
        assert refused["Success"] is False and "at most 2 receipts" in refused["Message"]
        assert app.state.store.counts()["receipts"] == 2
        app.state.store.reset()
        assert (await send(api, RECEIPT, receipt_body()))["Success"] is True


async def test_a_receipt_is_idempotent_by_request_id(mock: Mock) -> None:
    first = await send(mock.api, RECEIPT, receipt_body(), request_id="receipt-key")
    again = await send(mock.api, RECEIPT, receipt_body(), request_id="receipt-key")
    assert again == first
    assert mock.app.state.store.counts()["receipts"] == 1
    other = await send(mock.api, RECEIPT, receipt_body(InvoiceId="order-8"), request_id="receipt-key")
    assert other["Success"] is False and "different request" in other["Message"]


# ---------- the correction receipt ----------

CORRECTION: Final = "/kkt/correction-receipt"


def correction_body(**changes: Any) -> dict[str, Any]:
    """A correction of an income return: the two items of `customer_receipt` (250.50), paid electronically."""
    data: dict[str, Any] = {
        "OrganizationInn": DEFAULT_INN,
        "TaxationSystem": "0",
        "CorrectionReceiptType": 2,
        "CorrectionType": 0,
        "CauseCorrection": {"CorrectionDate": "2024-12-31", "CorrectionNumber": None},
        "Items": customer_receipt()["Items"],
        "Amounts": {"Electronic": 250.5, "Cash": 0},
        "CashierName": "Cashier",
    }
    data.update(changes)
    return {"CorrectionReceiptData": data}


@pytest.mark.parametrize("form", [False, True], ids=["json", "form"])
async def test_a_correction_receipt_for_another_inn_is_refused(mock: Mock, form: bool) -> None:
    answer = await send(mock.api, CORRECTION, correction_body(OrganizationInn="7777777777"), form=form)
    assert answer["Success"] is False
    assert "OrganizationInn" in answer["Message"] and "7777777777" in answer["Message"]
    assert answer["Model"] == {"ErrorCode": -1}
    assert mock.app.state.store.counts()["receipts"] == 0


@pytest.mark.parametrize("form", [False, True], ids=["json", "form"])
async def test_a_correction_receipt_is_queued_then_processed_without_a_notification(
    mock: Mock, form: bool
) -> None:
    queued = await send(mock.api, CORRECTION, correction_body(), form=form)
    assert queued["Success"] is True and queued["Message"] == "Queued"
    receipt_id = queued["Model"]["Id"]
    assert queued["Model"]["ErrorCode"] == 0 and queued["Model"]["ReceiptLocalUrl"].endswith(receipt_id)
    assert (await send(mock.api, STATUS, {"Id": receipt_id}))["Model"] == "Queued"
    mock.clock.now += 60
    assert (await send(mock.api, STATUS, {"Id": receipt_id}))["Model"] == "Processed"
    got = await send(mock.api, GET, {"Id": receipt_id})
    assert got["Success"] is False and "correction receipt" in got["Message"]
    assert await receipts_notified(mock.app) == []
    record = mock.app.state.store.receipt_state.receipts[receipt_id]
    assert (
        record.correction and record.receipt_type == "IncomeReturn" and "n%3D2" in record.fiscal["QrCodeUrl"]
    )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"Amounts": {"Electronic": 250.49}}, "the items add up to 250.50, Amounts to 250.49"),
        ({"Items": None, "Amounts": {"Electronic": 0}}, "Amounts add up to 0.00"),
    ],
    ids=["total", "nothing"],
)
async def test_a_correction_receipt_that_does_not_add_up_is_an_error(
    mock: Mock, changes: dict[str, Any], message: str
) -> None:
    queued = await send(mock.api, CORRECTION, correction_body(**changes))
    assert queued["Success"] is True
    mock.clock.now += 60
    status = await send(mock.api, STATUS, {"Id": queued["Model"]["Id"]})
    assert status["Model"] == "Error" and message in status["Message"]


async def test_a_correction_receipt_of_amounts_alone_adds_up_exactly(mock: Mock) -> None:
    body = correction_body(Items=None, Amounts={"Electronic": 0.1, "Cash": 0.2})
    queued = await send(mock.api, CORRECTION, body)
    mock.clock.now += 60
    assert (await send(mock.api, STATUS, {"Id": queued["Model"]["Id"]}))["Model"] == "Processed"
    assert mock.app.state.store.receipt_state.receipts[queued["Model"]["Id"]].total == Decimal("0.3")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"Amounts": {"Electronic": 10.005}}, "CorrectionReceiptData.Amounts.Electronic must have at most 2"),
        ({"CauseCorrection": {"CorrectionNumber": "1"}}, "CorrectionReceiptData.CauseCorrection"),
        ({"CorrectionReceiptType": 5}, "CorrectionReceiptData.CorrectionReceiptType"),
    ],
    ids=["decimals", "cause", "type"],
)
async def test_a_bad_correction_receipt_is_refused(mock: Mock, changes: dict[str, Any], message: str) -> None:
    answer = await send(mock.api, CORRECTION, correction_body(**changes))
    assert answer["Success"] is False and message in answer["Message"]
    assert mock.app.state.store.counts()["receipts"] == 0


async def test_correction_receipts_are_capped_with_the_receipts() -> None:
    app = create_app(spec_path=default_spec_path(), validate_responses=True, max_receipts=1)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL, auth=AUTH) as api:
        assert (await send(api, RECEIPT, receipt_body()))["Success"] is True
        refused = await send(api, CORRECTION, correction_body())
        assert refused["Success"] is False and "at most 1 receipts" in refused["Message"]
        assert app.state.store.counts()["receipts"] == 1


async def test_a_correction_receipt_is_idempotent_by_request_id(mock: Mock) -> None:
    first = await send(mock.api, CORRECTION, correction_body(), request_id="correction-key")
    assert await send(mock.api, CORRECTION, correction_body(), request_id="correction-key") == first
    assert mock.app.state.store.counts()["receipts"] == 1


# ---------- the correction receipt's reads ----------

CORRECTION_STATUS: Final = "/kkt/correction-receipt/status/get"
CORRECTION_GET: Final = "/kkt/correction-receipt/get"
FISCAL_FIELDS: Final = (
    "DeviceNumber",
    "DocumentNumber",
    "FiscalNumber",
    "FiscalSign",
    "OfdName",
    "OfdInn",
    "OfdReceiptUrl",
    "RegNumber",
    "SessionCheckNumber",
    "SessionNumber",
    "DateTime",
    "QrCodeUrl",
)


@pytest.mark.parametrize("form", [False, True], ids=["json", "form"])
async def test_a_correction_receipt_s_status_moves_from_queued_to_processed(mock: Mock, form: bool) -> None:
    queued = await send(mock.api, CORRECTION, correction_body(), form=form)
    receipt_id = queued["Model"]["Id"]
    # The Ruby clients send an X-Request-ID with the reads too: a read answers the same with or without one.
    first = await send(mock.api, CORRECTION_STATUS, {"Id": receipt_id}, form=form, request_id="read-1")
    assert first == {"Success": True, "Message": None, "Model": "Queued"}
    mock.clock.now += 60
    processed = await send(mock.api, CORRECTION_STATUS, {"Id": receipt_id}, form=form)
    assert processed == {"Success": True, "Message": None, "Model": "Processed"}
    # The mock's own choice stays: /kkt/receipt/status/get tells it too.
    assert (await send(mock.api, STATUS, {"Id": receipt_id}))["Model"] == "Processed"


@pytest.mark.parametrize("form", [False, True], ids=["json", "form"])
async def test_a_correction_receipt_is_read_as_issued_with_its_fiscal_data(mock: Mock, form: bool) -> None:
    body = correction_body(
        CorrectionType=1,
        CauseCorrection={"CorrectionDate": "2024-12-31", "CorrectionNumber": "17"},
        PaymentPlace="www.example.com",
        PaymentAddress="Moscow",
        CustomerContactAddress="+79000000000",
        IsBso=True,
    )
    receipt_id = (await send(mock.api, CORRECTION, body, form=form))["Model"]["Id"]

    queued = (await send(mock.api, CORRECTION_GET, {"Id": receipt_id}, form=form))["Model"]
    assert queued["Status"] == "Queued" and queued["Id"] == receipt_id
    assert [queued[name] for name in FISCAL_FIELDS] == [None] * len(FISCAL_FIELDS)

    mock.clock.now += 60
    got = await send(mock.api, CORRECTION_GET, {"Id": receipt_id}, form=form)
    assert got["Success"] is True and got["Message"] is None
    model = got["Model"]
    assert (model["Status"], model["ErrorCode"], model["ErrorMessage"]) == ("Processed", None, None)
    # What was sent: the ground written as CorrectionDate and CorrectionNumber, the codes as numbers.
    assert (model["CorrectionDate"], model["CorrectionNumber"]) == ("2024-12-31", "17")
    assert (model["TaxationSystem"], model["CorrectionType"], model["CorrectionReceiptType"]) == (0, 1, 2)
    assert (model["OrganizationInn"], model["CashierName"]) == (DEFAULT_INN, "Cashier")
    assert (model["PaymentPlace"], model["PaymentAddress"]) == ("www.example.com", "Moscow")
    assert (model["CustomerContactAddress"], model["IsBso"], model["VatRate"]) == ("+79000000000", True, None)
    assert [(i["Label"], i["Price"], i["Quantity"], i["Amount"], i["Vat"]) for i in model["Items"]] == [
        ("Book", 100.5, 2, 201, 22),
        ("Pen", 49.5, 1, 49.5, None),
    ]
    assert model["Amounts"] == {
        "Electronic": 250.5,
        "AdvancePayment": 0,
        "Credit": 0,
        "Provision": 0,
        "Cash": 0,
        "Sum": 250.5,
    }
    assert model["Amount"] == 250.5
    # Its fiscal data: the mock's cash register's, as the receipt's own record keeps them.
    fiscal = mock.app.state.store.receipt_state.receipts[receipt_id].fiscal
    assert (model["DeviceNumber"], model["RegNumber"]) == ("00000000000000000001", "0000000004030311")
    assert (model["FiscalNumber"], model["OfdName"], model["OfdInn"]) == (
        "9999078900005430",
        "Первый ОФД",
        "7709364346",
    )
    assert (model["FiscalSign"], model["DocumentNumber"]) == (fiscal["FiscalSign"], fiscal["DocumentNumber"])
    assert model["FiscalSign"].isdigit() and model["SessionNumber"] == "1"
    assert model["SessionCheckNumber"] == model["DocumentNumber"]
    assert model["FiscalNumber"] in model["OfdReceiptUrl"] and model["FiscalSign"] in model["OfdReceiptUrl"]
    assert "s%3D250.50" in model["QrCodeUrl"] and "n%3D2" in model["QrCodeUrl"]
    assert model["DateTime"] == fiscal["DateTime"]


async def test_an_error_correction_receipt_is_read_with_its_reason_and_no_fiscal_data(mock: Mock) -> None:
    queued = await send(mock.api, CORRECTION, correction_body(Amounts={"Electronic": 250.49}))
    receipt_id = queued["Model"]["Id"]
    mock.clock.now += 60
    status = await send(mock.api, CORRECTION_STATUS, {"Id": receipt_id})
    assert status["Model"] == "Error" and "the items add up to 250.50, Amounts to 250.49" in status["Message"]
    model = (await send(mock.api, CORRECTION_GET, {"Id": receipt_id}))["Model"]
    assert (model["Status"], model["ErrorCode"]) == ("Error", -1)
    assert "Amounts to 250.49" in model["ErrorMessage"]
    assert model["Amounts"]["Sum"] == 250.49 and model["Amount"] == 250.5
    assert [model[name] for name in FISCAL_FIELDS] == [None] * len(FISCAL_FIELDS)


async def test_a_correction_receipt_of_amounts_alone_is_read_with_no_items(mock: Mock) -> None:
    body = correction_body(Items=None, Amounts={"Electronic": 0.1, "Cash": 0.2})
    receipt_id = (await send(mock.api, CORRECTION, body))["Model"]["Id"]
    mock.clock.now += 60
    model = (await send(mock.api, CORRECTION_GET, {"Id": receipt_id}))["Model"]
    assert model["Items"] == [] and model["Status"] == "Processed"
    amounts = model["Amounts"]
    assert (amounts["Electronic"], amounts["Cash"], amounts["Sum"]) == (0.1, 0.2, 0.3)
    assert model["Amount"] == 0.3


async def test_an_unknown_correction_receipt(mock: Mock) -> None:
    # The status: the reference's example for an unknown id; the data: refused, as /kkt/receipt/get does.
    assert await send(mock.api, CORRECTION_STATUS, {"Id": "no-such-receipt"}) == {
        "Success": True,
        "Message": None,
        "Model": "NotFound",
    }
    assert await send(mock.api, CORRECTION_GET, {"Id": "no-such-receipt"}) == {
        "Success": False,
        "Message": "Correction receipt not found",
        "Model": None,
    }


async def test_the_correction_reads_refuse_an_ordinary_receipt(mock: Mock) -> None:
    receipt_id = (await send(mock.api, RECEIPT, receipt_body()))["Model"]["Id"]
    mock.clock.now += 60
    for path, reader in ((CORRECTION_STATUS, STATUS), (CORRECTION_GET, GET)):
        refused = await send(mock.api, path, {"Id": receipt_id})
        assert refused["Success"] is False and refused["Model"] is None
        assert f"Receipt {receipt_id} is not a correction receipt" in refused["Message"]
        assert reader in refused["Message"]
    # The ordinary reads are as before.
    assert (await send(mock.api, STATUS, {"Id": receipt_id}))["Model"] == "Processed"
    got = await send(mock.api, GET, {"Id": receipt_id})
    assert got["Success"] is True and got["Model"]["AdditionalData"]["Id"] == receipt_id


async def test_receipt_get_still_refuses_a_correction_receipt_and_names_its_read(mock: Mock) -> None:
    receipt_id = (await send(mock.api, CORRECTION, correction_body()))["Model"]["Id"]
    mock.clock.now += 60
    refused = await send(mock.api, GET, {"Id": receipt_id})
    assert refused["Success"] is False and refused["Model"] is None
    assert f"Receipt {receipt_id} is a correction receipt" in refused["Message"]
    assert CORRECTION_GET in refused["Message"]


@pytest.mark.parametrize("path", [CORRECTION_STATUS, CORRECTION_GET])
async def test_a_correction_read_without_an_id_is_refused(mock: Mock, path: str) -> None:
    answer = await send(mock.api, path, {})
    assert answer["Success"] is False and "Id" in answer["Message"]
