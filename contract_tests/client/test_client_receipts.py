"""The client's receipts: the builder checks that a receipt adds up and names the item at fault before
anything is sent (an httpx.MockTransport records every call), and `client.receipts` against the mock over
real HTTP, sync and async: a receipt queued, fiscalised and read back, a refusal as the typed exception, a
payment whose JsonData carries the built receipt issuing it, and a correction receipt read back through its
own reads."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from decimal import Decimal
from typing import Any, Final

import httpx
import pytest
from cloudpayments_client import (
    AsyncCloudPayments,
    BadRequestError,
    CloudPayments,
    InvalidArgumentError,
    ReceiptMismatchError,
    customer_receipt,
    receipt_item,
    receipt_json_data,
)
from starlette.applications import Starlette

from contract_tests.support import cards
from contract_tests.support.credentials import API_SECRET, PUBLIC_ID
from contract_tests.support.servers import serve_asgi
from mock_server import create_app
from mock_server.defaults import DEFAULT_INN
from spec_tools import default_spec_path

IP: Final = "203.0.113.10"


def book_and_pen(**changes: Any) -> dict[str, Any]:
    return customer_receipt(
        [
            receipt_item("Book", price=Decimal("100.50"), quantity=2, vat=22, method=4, object_=1),
            receipt_item("Pen", price="49.50", quantity=1, discount=Decimal("4.50"), vat=None),
        ],
        taxation_system=0,
        email="user@example.com",
        **changes,
    )


# ---------- the builder ----------


def test_the_builder_computes_amounts_and_the_electronic_total_exactly() -> None:
    receipt = book_and_pen()
    assert [(i["Label"], i["Amount"]) for i in receipt["Items"]] == [
        ("Book", Decimal("201.00")),
        ("Pen", Decimal("45.00")),
    ]
    assert receipt["Amounts"] == {"Electronic": Decimal("246.00")}
    assert receipt["Items"][1]["Vat"] is None and receipt["Items"][0]["Object"] == 1
    assert receipt_json_data(receipt, order=7) == {"order": 7, "CloudPayments": {"CustomerReceipt": receipt}}
    # 0.1 + 0.2 is 0.3 to the kopeck.
    thirds = customer_receipt(
        [receipt_item("A", price="0.1", quantity=1), receipt_item("B", price="0.2", quantity=1)], cash="0.3"
    )
    assert thirds["Amounts"] == {"Cash": Decimal("0.3")}


@pytest.mark.parametrize(
    ("build", "item", "label", "words"),
    [
        (
            lambda: customer_receipt([receipt_item("Book", price="100.50", quantity=2, amount="201.01")]),
            None,
            "Book",
            "amount 201.01 is not price x quantity",
        ),
        (
            lambda: customer_receipt(
                [
                    receipt_item("Book", price="100.50", quantity=2),
                    {"Label": "Pen", "Price": "49.50", "Quantity": 1, "Amount": "49.49"},
                ]
            ),
            1,
            "Pen",
            "item 1 ('Pen'): amount 49.49",
        ),
        (
            lambda: customer_receipt([receipt_item("Book", price="10.005", quantity=1)]),
            None,
            "Book",
            "at most 2 decimal places",
        ),
        (
            lambda: customer_receipt([receipt_item("Book", price="10", quantity=0)]),
            None,
            "Book",
            "more than 0",
        ),
        (
            lambda: customer_receipt([receipt_item("Book", price="10", quantity=1)], electronic="9.99"),
            None,
            None,
            "the items add up to 10.00, the amounts to 9.99",
        ),
        (lambda: customer_receipt([]), None, None, "at least one item"),
        (
            lambda: customer_receipt([receipt_item("Pin", price=1, quantity=1)] * 101),
            100,
            "Pin",
            "at most 100 items",
        ),
        (
            lambda: customer_receipt([receipt_item("Gift", price=0, quantity=1)]),
            None,
            None,
            "must be more than 0",
        ),
    ],
    ids=["amount", "mapping-item", "decimals", "quantity", "amounts", "no-items", "101-items", "zero"],
)
def test_a_receipt_that_does_not_add_up_raises_naming_the_item(
    build: Any, item: int | None, label: str | None, words: str
) -> None:
    with pytest.raises(ReceiptMismatchError) as raised:
        build()
    assert isinstance(raised.value, InvalidArgumentError)
    assert raised.value.item == item and raised.value.label == label
    assert words in str(raised.value)


def test_nothing_is_sent_when_the_receipt_does_not_add_up() -> None:
    calls: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(
            200, json={"Success": True, "Message": "Queued", "Model": {"Id": "x", "ErrorCode": 0}}
        )

    http = httpx.Client(transport=httpx.MockTransport(record))
    with CloudPayments(public_id=PUBLIC_ID, api_secret=API_SECRET, http_client=http) as client:
        with pytest.raises(ReceiptMismatchError):
            client.receipts.create_receipt(
                inn=DEFAULT_INN,
                type_="Income",
                customer_receipt=customer_receipt(
                    [receipt_item("Book", price="100.50", quantity=2, amount=200)]
                ),
            )
        with pytest.raises(ReceiptMismatchError):
            client.payments.charge_card(
                amount=Decimal("201.00"),
                ip_address=IP,
                card_cryptogram_packet="packet",
                json_data=receipt_json_data(book_and_pen(electronic="1")),
            )
        assert calls == []
        # The same receipt, once it adds up, is sent with its sums written exactly.
        client.receipts.create_receipt(inn=DEFAULT_INN, type_="Income", customer_receipt=book_and_pen())
    [sent] = calls
    assert b'"Price":100.50' in sent.content and b'"Amount":45.00' in sent.content


# ---------- against the mock ----------


@pytest.fixture(scope="module")
def mock() -> Iterator[Starlette]:
    app = create_app(
        public_id=PUBLIC_ID, api_secret=API_SECRET, spec_path=default_spec_path(), validate_responses=True
    )
    with serve_asgi(app) as url:
        app.state.test_base_url = url
        yield app
    assert app.state.api.internal_errors == [], "the mock crashed while answering"


@pytest.fixture
def base_url(mock: Starlette) -> str:
    url: str = mock.state.test_base_url
    return url


def test_a_receipt_is_queued_processed_and_read_back_in_sync(base_url: str) -> None:
    with CloudPayments(public_id=PUBLIC_ID, api_secret=API_SECRET, base_url=base_url) as client:
        queued = client.receipts.create_receipt(
            inn=DEFAULT_INN, type_="Income", customer_receipt=book_and_pen(), invoice_id="order-7"
        )
        assert queued.error_code == 0 and queued.id is not None
        status = client.receipts.get_receipt_status(id=queued.id)
        assert status.model == "Processed" and status.message is None
        receipt = client.receipts.get_receipt(id=queued.id)
        assert receipt.items is not None
        assert [item.amount for item in receipt.items] == [Decimal("201"), Decimal("45")]
        data = receipt.additional_data
        assert data is not None
        assert data.id == queued.id and data.organization_inn == DEFAULT_INN and data.invoice_id == "order-7"
        assert data.fiscal_sign and data.qr_code_url and data.ofd_receipt_url
        assert client.receipts.get_receipt_status(id="no-such-receipt").model == "NotFound"
        with pytest.raises(BadRequestError) as refused:
            client.receipts.create_receipt(inn="7777777777", type_="Income", customer_receipt=book_and_pen())
        assert "7777777777" in str(refused.value)


def test_a_receipt_in_async(base_url: str) -> None:
    async def run() -> str | None:
        async with AsyncCloudPayments(
            public_id=PUBLIC_ID, api_secret=API_SECRET, base_url=base_url
        ) as client:
            queued = await client.receipts.create_receipt(
                inn=DEFAULT_INN, type_="IncomeReturn", customer_receipt=book_and_pen()
            )
            assert queued.id is not None
            receipt = await client.receipts.get_receipt(id=queued.id)
            assert receipt.additional_data is not None
            assert receipt.additional_data.type_ == "IncomeReturn"
            return (await client.receipts.get_receipt_status(id=queued.id)).model

    assert asyncio.run(run()) == "Processed"


def test_a_payment_with_the_built_receipt_issues_it(mock: Starlette, base_url: str) -> None:
    receipt = book_and_pen()
    with CloudPayments(public_id=PUBLIC_ID, api_secret=API_SECRET, base_url=base_url) as client:
        payment = client.payments.charge_card(
            amount=Decimal("246.00"),
            ip_address=IP,
            card_cryptogram_packet=cards.packet(cards.approving_card()),
            json_data=receipt_json_data(receipt, order=7),
        )
        assert payment.status == "Completed"
    [issued] = [
        record
        for record in mock.state.store.receipt_state.receipts.values()
        if record.transaction_id == payment.transaction_id
    ]
    assert (issued.receipt_type, issued.status, issued.total) == ("Income", "Processed", Decimal("246.00"))


def test_a_correction_receipt_is_queued_and_processed_in_sync_and_async(base_url: str) -> None:
    data = {
        "OrganizationInn": DEFAULT_INN,
        "TaxationSystem": 0,
        "CorrectionReceiptType": 2,
        "CauseCorrection": {"CorrectionDate": "2024-12-31", "CorrectionNumber": "17"},
        "Amounts": {"Electronic": Decimal("246.00")},
        "Items": book_and_pen()["Items"],
    }
    with CloudPayments(public_id=PUBLIC_ID, api_secret=API_SECRET, base_url=base_url) as client:
        queued = client.receipts.create_correction_receipt(correction_receipt_data=data)
        assert queued.error_code == 0 and queued.id is not None
        assert client.receipts.get_receipt_status(id=queued.id).model == "Processed"
        with pytest.raises(BadRequestError) as refused:
            client.receipts.create_correction_receipt(
                correction_receipt_data={**data, "OrganizationInn": "7777777777"}
            )
        assert "OrganizationInn" in str(refused.value) and "7777777777" in str(refused.value)
        wrong = {**data, "Amounts": {"Electronic": Decimal("246.01")}}
        error_id = client.receipts.create_correction_receipt(correction_receipt_data=wrong).id
        assert error_id is not None
        error = client.receipts.get_receipt_status(id=error_id)
        assert error.model == "Error" and "246.01" in str(error.message)

    async def run() -> str | None:
        async with AsyncCloudPayments(
            public_id=PUBLIC_ID, api_secret=API_SECRET, base_url=base_url
        ) as client:
            queued = await client.receipts.create_correction_receipt(correction_receipt_data=data)
            assert queued.id is not None
            return (await client.receipts.get_receipt_status(id=queued.id)).model

    assert asyncio.run(run()) == "Processed"


def correction_data(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "OrganizationInn": DEFAULT_INN,
        "TaxationSystem": 0,
        "CorrectionReceiptType": 2,
        "CorrectionType": 1,
        "CauseCorrection": {"CorrectionDate": "2024-12-31", "CorrectionNumber": "17"},
        "Amounts": {"Electronic": Decimal("246.00")},
        "Items": book_and_pen()["Items"],
        "CashierName": "Cashier",
    }
    data.update(changes)
    return data


def test_a_correction_receipt_is_read_back_through_its_own_reads_in_sync(base_url: str) -> None:
    with CloudPayments(public_id=PUBLIC_ID, api_secret=API_SECRET, base_url=base_url) as client:
        queued = client.receipts.create_correction_receipt(correction_receipt_data=correction_data())
        assert queued.id is not None
        status = client.receipts.get_correction_receipt_status(id=queued.id)
        assert status.success is True and status.model == "Processed" and status.message is None
        receipt = client.receipts.get_correction_receipt(id=queued.id)
        assert (receipt.status, receipt.id, receipt.error_code) == ("Processed", queued.id, None)
        assert (receipt.correction_date, receipt.correction_number) == ("2024-12-31", "17")
        assert (receipt.correction_receipt_type, receipt.correction_type, receipt.taxation_system) == (
            2,
            1,
            0,
        )
        assert (receipt.organization_inn, receipt.cashier_name) == (DEFAULT_INN, "Cashier")
        assert receipt.items is not None
        assert [item.amount for item in receipt.items] == [Decimal("201"), Decimal("45")]
        assert receipt.amounts is not None
        assert (receipt.amounts.electronic, receipt.amounts.sum_, receipt.amounts.cash) == (
            Decimal("246"),
            Decimal("246"),
            Decimal("0"),
        )
        assert receipt.amount == Decimal("246")
        assert receipt.fiscal_sign and receipt.fiscal_number and receipt.document_number
        assert receipt.ofd_name and receipt.ofd_inn and receipt.ofd_receipt_url and receipt.qr_code_url
        assert client.receipts.get_correction_receipt_status(id="no-such-receipt").model == "NotFound"
        with pytest.raises(BadRequestError) as unknown:
            client.receipts.get_correction_receipt(id="no-such-receipt")
        assert "Correction receipt not found" in str(unknown.value)
        # An ordinary receipt is refused by the correction receipt's reads, and the other way round.
        ordinary = client.receipts.create_receipt(
            inn=DEFAULT_INN, type_="Income", customer_receipt=book_and_pen()
        )
        assert ordinary.id is not None
        with pytest.raises(BadRequestError) as not_a_correction:
            client.receipts.get_correction_receipt(id=ordinary.id)
        assert "is not a correction receipt" in str(not_a_correction.value)
        with pytest.raises(BadRequestError) as not_a_correction:
            client.receipts.get_correction_receipt_status(id=ordinary.id)
        assert "is not a correction receipt" in str(not_a_correction.value)
        with pytest.raises(BadRequestError) as a_correction:
            client.receipts.get_receipt(id=queued.id)
        assert "/kkt/correction-receipt/get" in str(a_correction.value)


def test_an_error_correction_receipt_is_read_with_its_reason_in_async(base_url: str) -> None:
    async def run() -> tuple[str | None, str | None, str | None, int | None]:
        async with AsyncCloudPayments(
            public_id=PUBLIC_ID, api_secret=API_SECRET, base_url=base_url
        ) as client:
            wrong = correction_data(Amounts={"Electronic": Decimal("246.01")})
            queued = await client.receipts.create_correction_receipt(correction_receipt_data=wrong)
            assert queued.id is not None
            status = await client.receipts.get_correction_receipt_status(id=queued.id)
            receipt = await client.receipts.get_correction_receipt(id=queued.id)
            assert receipt.fiscal_sign is None and receipt.device_number is None
            return status.model, receipt.status, receipt.error_message, receipt.error_code

    status, read_status, reason, code = asyncio.run(run())
    assert (status, read_status, code) == ("Error", "Error", -1)
    assert reason is not None and "246.01" in reason
