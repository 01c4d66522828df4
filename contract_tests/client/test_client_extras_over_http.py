"""The client's chargebacks list, safe deals' information and Apple Pay session against the mock over
real HTTP, sync and async: what the mock holds read back typed (amounts as Decimal, the pages walked), and a
refusal as the typed exception.

The mock runs under uvicorn on a free 127.0.0.1 port (contract_tests.support.servers); chargebacks are opened
through its test-control route."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from decimal import Decimal
from typing import Final

import httpx
import pytest
from cloudpayments_client import AsyncCloudPayments, BadRequestError, CloudPayments

from contract_tests.support.cards import approving_card, packet
from contract_tests.support.credentials import API_SECRET, PUBLIC_ID
from contract_tests.support.servers import serve_asgi
from mock_server import create_app
from spec_tools import default_spec_path

APPLE_URL: Final = "https://apple-pay-gateway.apple.com/paymentservices/startSession"


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    app = create_app(
        public_id=PUBLIC_ID, api_secret=API_SECRET, spec_path=default_spec_path(), validate_responses=True
    )
    with serve_asgi(app) as url:
        yield url
    assert app.state.api.internal_errors == [], "the mock crashed while answering"


def around_now() -> tuple[datetime.datetime, datetime.datetime]:
    now = datetime.datetime.now(datetime.UTC)
    return now - datetime.timedelta(hours=1), now + datetime.timedelta(hours=1)


def test_chargebacks_are_listed_typed_and_paged_in_sync(base_url: str) -> None:
    with CloudPayments(PUBLIC_ID, API_SECRET, base_url=base_url, timeout=10) as client:
        payment = client.payments.charge_card(
            amount=Decimal("250.75"),
            currency="RUB",
            ip_address="203.0.113.7",
            card_cryptogram_packet=packet(approving_card()),
        )
        opened = []
        for amount, kind in ((250.75, "Chargeback"), (15, "Fee")):
            answer = httpx.post(
                f"{base_url}/__mock__/chargebacks",
                json={"TransactionId": payment.transaction_id, "Amount": amount, "Type": kind},
                auth=(PUBLIC_ID, API_SECRET),
            ).json()
            assert answer["Success"] is True, answer
            opened.append(answer["Model"]["ChargeBackId"])
        start, end = around_now()
        listed = client.chargebacks.list_chargebacks(
            created_date_gte=start, created_date_lte=end, page_number=1
        )
        mine = [item for item in listed if item.transaction_id == payment.transaction_id]
        assert [item.charge_back_id for item in mine] == opened
        assert [item.amount for item in mine] == [Decimal("250.75"), Decimal("15")]
        assert [str(item.type_) for item in mine] == ["Chargeback", "Fee"]
        walked = list(client.chargebacks.iter_list_chargebacks(created_date_gte=start, created_date_lte=end))
        assert [item.charge_back_id for item in walked] == [item.charge_back_id for item in listed]
        with pytest.raises(BadRequestError, match="at most 1 year apart"):
            client.chargebacks.list_chargebacks(
                created_date_gte=start - datetime.timedelta(days=400), created_date_lte=end, page_number=1
            )


async def test_an_escrow_accumulation_is_read_typed_in_async(base_url: str) -> None:
    deal = "client-over-http-deal"
    async with AsyncCloudPayments(PUBLIC_ID, API_SECRET, base_url=base_url, timeout=10) as client:
        payment = await client.payments.charge_card(
            amount=Decimal("99.99"),
            currency="RUB",
            ip_address="203.0.113.7",
            card_cryptogram_packet=packet(approving_card()),
            escrow={"AccumulationId": deal},
        )
        await client.payouts.topup_card(
            amount=Decimal("99.99"),
            currency="RUB",
            card_cryptogram_packet=packet(approving_card()),
            escrow={"AccumulationId": deal, "TransactionIds": [payment.transaction_id], "FinalPayout": True},
        )
        [info] = await client.escrow.get_escrow_info(escrow_accumulation_ids=[deal, "no-such-deal"])
        assert info.escrow_accumulation_id == deal and info.status == "Closed"
        assert info.balance == Decimal("0")
        assert info.paidout_transactions is not None
        assert [(item.id, item.amount) for item in info.paidout_transactions] == [
            (payment.transaction_id, Decimal("99.99"))
        ]
        assert info.payout_transactions is not None and info.payout_transactions[0].is_final_payout is True
        with pytest.raises(BadRequestError, match="is closed"):
            await client.payments.charge_card(
                amount=1,
                currency="RUB",
                ip_address="203.0.113.7",
                card_cryptogram_packet=packet(approving_card()),
                escrow={"AccumulationId": deal},
            )


def test_an_apple_pay_session_in_sync(base_url: str) -> None:
    with CloudPayments(PUBLIC_ID, API_SECRET, base_url=base_url, timeout=10) as client:
        session = client.payments.start_apple_pay_session(validation_url=APPLE_URL)
        assert session.merchant_session_identifier is not None
        assert session.merchant_session_identifier.startswith("SSH")
        assert session.expires_at is not None and session.epoch_timestamp is not None
        with pytest.raises(BadRequestError, match="is on another host"):
            client.payments.start_apple_pay_session(
                validation_url="https://apple.com.evil.example/startSession"
            )


async def test_an_apple_pay_session_in_async(base_url: str) -> None:
    async with AsyncCloudPayments(PUBLIC_ID, API_SECRET, base_url=base_url, timeout=10) as client:
        session = await client.payments.start_apple_pay_session(
            validation_url=APPLE_URL, payment_url="https://shop.example"
        )
        assert session.domain_name == "demo.cloudpayments.ru"
        with pytest.raises(BadRequestError, match="is not https"):
            await client.payments.start_apple_pay_session(
                validation_url="http://apple-pay-gateway.apple.com/x"
            )
