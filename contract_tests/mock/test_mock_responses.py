"""Every answer the mock gives matches the operation's 200 schema, checked with the contract tests' own
validators (independent of the mock's), for every outcome of every operation."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from contract_tests.mock.helpers import authenticate, pay
from contract_tests.support.cards import OTHER_CARD, card_body
from mock_server import DEFAULT_PUBLIC_ID
from mock_server.defaults import DEFAULT_INN
from spec_tools import Spec, object_properties, response_validator

Exchange = tuple[str, dict[str, Any]]


async def _exchanges(api: httpx.AsyncClient) -> list[Exchange]:
    """Drive every operation through its outcomes; return (path, answer) pairs."""
    seen: list[Exchange] = []

    async def post(
        path: str, body: dict[str, Any] | None = None, called: str | None = None
    ) -> dict[str, Any]:
        """`called`: the concrete path of a templated one (`/site/notifications/pay/get`)."""
        url = called or path
        response = await api.post(url, json=body) if body is not None else await api.post(url)
        assert response.status_code == 200
        answer: dict[str, Any] = response.json()
        seen.append((path, answer))
        return answer

    await post("/test")
    for scheme in ("charge", "auth"):
        path = f"/payments/cards/{scheme}"
        await post(path, card_body(OTHER_CARD, AccountId="acc", JsonData={"a": 1}))  # approved
        await post(path, card_body("4000056655665556", AccountId="acc"))  # declined
        challenge = (await post(path, card_body("4242424242424242", AccountId="acc")))["Model"]  # 3-DS
        await post(path, {"Amount": "x"})  # bad request
        md, pares = await authenticate(api, challenge, "success")
        await post("/payments/cards/post3ds", {"TransactionId": int(md), "PaRes": pares})  # approved
        await post("/payments/cards/post3ds", {"TransactionId": int(md), "PaRes": pares})  # refused
        failed = (await post(path, card_body("4242424242424242")))["Model"]
        md, pares = await authenticate(api, failed, "fail")
        await post("/payments/cards/post3ds", {"TransactionId": int(md), "PaRes": pares})  # declined
    await post("/payments/cards/post3ds", {})
    good = (await pay(api, OTHER_CARD, AccountId="acc"))["Model"]["Token"]
    poor = (await pay(api, "4111111111111111", AccountId="acc"))["Model"]["Token"]
    for scheme in ("charge", "auth"):
        path = f"/payments/tokens/{scheme}"
        base = {"Amount": 5, "Currency": "RUB", "AccountId": "acc", "TrInitiatorCode": 1}
        await post(path, {**base, "Token": good})
        await post(path, {**base, "Token": poor})
        await post(path, {**base, "Token": "unknown"})
        await post(path, {"Token": good})
    auth_id = (await pay(api, OTHER_CARD, scheme="auth"))["Model"]["TransactionId"]
    await post("/payments/confirm", {"TransactionId": auth_id, "Amount": 1000})
    await post("/payments/confirm", {"TransactionId": auth_id, "Amount": 50})
    await post("/payments/confirm", {})
    void_id = (await pay(api, OTHER_CARD, scheme="auth"))["Model"]["TransactionId"]
    await post("/payments/void", {"TransactionId": void_id})
    await post("/payments/void", {"TransactionId": void_id})
    await post("/payments/void", {"TransactionId": "x"})
    await post("/payments/refund", {"TransactionId": auth_id, "Amount": 20})
    await post("/payments/refund", {"TransactionId": auth_id, "Amount": 2000})
    await post("/payments/refund", {"Amount": 1})
    start = (datetime.now(UTC) + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%S")
    subscription = {
        "Token": good, "AccountId": "acc", "Description": "d", "Email": "a@example.com", "Amount": 1,
        "Currency": "RUB", "RequireConfirmation": True, "StartDate": start, "Interval": "Week", "Period": 1,
        "CustomerReceipt": {"Items": [{"Label": "Plan", "Price": 1, "Quantity": 1, "Amount": 1}]},
    }  # fmt: skip
    created = (await post("/subscriptions/create", subscription))["Model"]
    await post("/subscriptions/create", {**subscription, "Token": "nope"})
    await post("/subscriptions/get", {"Id": created["Id"]})
    await post("/subscriptions/cancel", {"Id": created["Id"]})
    await post("/subscriptions/get", {"Id": created["Id"]})
    await post("/subscriptions/cancel", {"Id": created["Id"]})
    await post("/subscriptions/get", {"Id": "missing"})
    order = {"Amount": 3, "Currency": "USD", "Description": "d", "Email": "a@example.com",
             "RequireConfirmation": False, "SendEmail": True, "JsonData": {"x": [1]}}  # fmt: skip
    await post("/orders/create", order)
    await post("/orders/create", {**order, "Currency": "ZZZ"})
    # The operations of lookups, lists, payouts, subscription find/update, order cancel and settings.
    refund_id = (await post("/payments/refund", {"TransactionId": auth_id, "Amount": 1}))["Model"][
        "TransactionId"
    ]
    for transaction_id in (auth_id, refund_id, 1):
        await post("/payments/get", {"TransactionId": transaction_id})
    for path in ("/payments/find", "/v2/payments/find"):
        await post(path, {"InvoiceId": "inv-1"})
        await post(path, {"InvoiceId": "missing"})
        await post(path, {})
    today = datetime.now(UTC).strftime("%Y-%m-%d")
    await post("/payments/list", {"Date": today, "TimeZone": "MSK"})
    await post("/payments/list", {"Date": "1990-01-01"})
    await post("/payments/list", {"Date": "x"})
    period = {"CreatedDateGte": f"{today}T00:00:00Z", "CreatedDateLte": f"{today}T23:59:59Z", "PageNumber": 1}
    await post("/v2/payments/list", period)
    await post("/v2/payments/list", {**period, "PageNumber": 2})
    await post(
        "/v2/payments/list",
        {**period, "CreatedDateGte": f"{today}T23:59:59+00:00", "CreatedDateLte": f"{today}T00:00:00Z"},
    )
    await post("/payments/tokens/list", {"PageNumber": 1})
    await post("/payments/tokens/list", {})
    payout = {"Amount": 7, "Currency": "RUB", "AccountId": "acc", "Receiver": {"FirstName": "A"}}
    await post(
        "/payments/cards/topup",
        {**payout, "CardCryptogramPacket": card_body(OTHER_CARD)["CardCryptogramPacket"]},
    )
    await post(
        "/payments/cards/topup",
        {**payout, "CardCryptogramPacket": card_body("4000056655665556")["CardCryptogramPacket"]},
    )
    await post("/payments/cards/topup", {**payout, "CardCryptogramPacket": "x"})
    await post("/payments/token/topup", {**payout, "Token": good})
    await post("/payments/token/topup", {**payout, "Token": poor})
    await post("/payments/token/topup", {**payout, "Token": "unknown"})
    # The SBP member banks, payouts by SBP and Dolyami applications.
    await post("/sbp/v2/banks/info", {"PublicTerminalId": DEFAULT_PUBLIC_ID})
    await post("/sbp/v2/banks/info", {"PublicTerminalId": "pk_other"})
    sbp = {"Amount": 7, "Currency": "RUB", "MemberId": "100000000111", "Receiver": {"Phone": "+71234567890"}}
    await post("/payments/alt/topup", sbp)
    await post("/payments/alt/topup", {**sbp, "Receiver": {"Phone": "+79000006021"}})
    await post("/payments/alt/topup", {**sbp, "MemberId": "1"})
    dolyami = {"PublicId": DEFAULT_PUBLIC_ID, "AltPayType": "TcsBnplDolyame", "Amount": 9, "Scheme": "0"}
    created_id = (await post("/payments/altpay/pay", dolyami))["Model"]["TransactionId"]
    await post("/payments/altpay/pay", {**dolyami, "PublicId": "pk_other"})
    await post("/payments/get", {"TransactionId": created_id})
    # Receipts: queued (and fiscalised), not adding up (Error), another INN, unknown, bad requests.
    item = {"Label": "Book", "Price": 1.5, "Quantity": 2, "Amount": 3, "Vat": None}
    receipt = {"Inn": DEFAULT_INN, "Type": "Income", "CustomerReceipt": {"Items": [item]}}
    receipt_id = (await post("/kkt/receipt", receipt))["Model"]["Id"]
    wrong = {**receipt, "CustomerReceipt": {"Items": [item], "Amounts": {"Electronic": 2}}}
    wrong_id = (await post("/kkt/receipt", wrong))["Model"]["Id"]
    await post("/kkt/receipt", {**receipt, "Inn": "7777777777"})
    await post("/kkt/receipt", {**receipt, "CustomerReceipt": {"Items": []}})
    cause = {"CorrectionDate": "2024-12-31", "CorrectionNumber": "1"}
    correction = {
        "OrganizationInn": DEFAULT_INN,
        "TaxationSystem": 0,
        "CorrectionReceiptType": 1,
        "CauseCorrection": cause,
        "Amounts": {"Electronic": 3},
    }
    correction_id = (await post("/kkt/correction-receipt", {"CorrectionReceiptData": correction}))["Model"][
        "Id"
    ]
    await post(
        "/kkt/correction-receipt", {"CorrectionReceiptData": {**correction, "OrganizationInn": "7777777777"}}
    )
    await post("/kkt/correction-receipt", {"CorrectionReceiptData": {**correction, "CauseCorrection": {}}})
    nothing = {**correction, "Amounts": {"Electronic": 0}}  # an Error correction receipt
    wrong_correction_id = (await post("/kkt/correction-receipt", {"CorrectionReceiptData": nothing}))[
        "Model"
    ]["Id"]
    reads = ("/kkt/receipt/status/get", "/kkt/receipt/get")
    correction_reads = ("/kkt/correction-receipt/status/get", "/kkt/correction-receipt/get")
    for read in (*reads, *correction_reads):
        for known in (receipt_id, wrong_id, correction_id, wrong_correction_id, "missing"):
            await post(read, {"Id": known})
        await post(read, {})
    await post("/subscriptions/find", {"AccountId": "acc"})
    await post("/subscriptions/find", {"AccountId": "nobody"})
    await post("/subscriptions/update", {"Id": created["Id"], "Amount": 2})
    await post("/subscriptions/update", {"Id": "missing"})
    order_id = (await post("/orders/create", order))["Model"]["Id"]
    await post("/orders/cancel", {"Id": order_id})
    await post("/orders/cancel", {"Id": order_id})
    get, update = "/site/notifications/{Type}/get", "/site/notifications/{Type}/update"
    await post(get, None, "/site/notifications/pay/get")
    await post(get, None, "/site/notifications/unknown/get")
    await post(
        update, {"IsEnabled": True, "Address": "https://shop.test/n"}, "/site/notifications/Fail/update"
    )
    await post(update, {"IsEnabled": True}, "/site/notifications/Fail/update")
    await post(update, {}, "/site/notifications/check/update")
    # SBP, T-Pay and SberPay links and QR codes, and the status of their payments.
    qr = {"Amount": 10, "Currency": "RUB", "InvoiceId": "qr-1"}
    tpay = {**qr, "Scheme": "1", "Webview": False, "Device": "DesktopWeb", "SuccessRedirectUrl": "https://s.test",
            "FailRedirectUrl": "https://s.test"}  # fmt: skip
    sberpay = {**qr, "Scheme": "auth", "PublicId": DEFAULT_PUBLIC_ID}
    for path, body in (("sbp", qr), ("tinkoffpay", tpay), ("sberpay", sberpay)):
        link = (await post(f"/payments/qr/{path}/link", body))["Model"]
        await post(f"/payments/qr/{path}/image", body)
        await post(f"/payments/qr/{path}/image", {**body, "Currency": "USD"})
        # Paid on its page first: the status of a payment still Created would be waited for.
        assert (await api.post(link["QrUrl"], data={"Choice": "success"})).status_code == 200
        await post("/payments/qr/status/wait", {"TransactionId": link["TransactionId"]})
    await post("/payments/qr/status/wait", {"TransactionId": 1})
    # Chargebacks (one opened on a completed payment), safe deals and the Apple Pay session.
    deal = (await pay(api, OTHER_CARD, Escrow={"StartAccumulation": True}))["Model"]
    opened = {"TransactionId": deal["TransactionId"], "Amount": 1, "Type": "Fee"}
    assert (await api.post("/__mock__/chargebacks", json=opened)).json()["Success"] is True
    await post("/chargebacks/list", period)
    await post("/chargebacks/list", {**period, "CreatedDateGte": "2000-01-01T00:00:00Z"})
    await post("/Escrow/GetEscrowInfo", {"EscrowAccumulationIds": [deal["EscrowAccumulationId"], "none"]})
    await post("/Escrow/GetEscrowInfo", {"EscrowAccumulationIds": []})
    await post("/applepay/startsession", {"ValidationUrl": "https://apple-pay-gateway.apple.com/x"})
    await post("/applepay/startsession", {"ValidationUrl": "https://apple.com.evil.example/x"})
    return seen


async def test_every_answer_matches_the_response_schema(api: httpx.AsyncClient, spec: Spec) -> None:
    exchanges = await _exchanges(api)
    assert {path for path, _ in exchanges} == set(spec["paths"])  # every operation was exercised
    for path, answer in exchanges:
        errors = [e.message for e in response_validator(spec, path).iter_errors(answer)]
        assert errors == [], (path, answer)
    outcomes = {(path, answer["Success"], _kind(answer)) for path, answer in exchanges}
    for path in ("/payments/cards/charge", "/payments/cards/auth"):
        for kind in ("transaction", "challenge", "declined", "none"):
            assert any(p == path and k == kind for p, _, k in outcomes), (path, kind)


def _kind(answer: dict[str, Any]) -> str:
    model = answer.get("Model")
    if not isinstance(model, dict):
        return "none"
    if "AcsUrl" in model:
        return "challenge"
    if "ReasonCode" in model:
        return "transaction" if model["ReasonCode"] == 0 else "declined"
    return "other"


Producer = Callable[[httpx.AsyncClient], Awaitable[dict[str, Any]]]


async def _approved(api: httpx.AsyncClient) -> dict[str, Any]:
    return (await pay(api, OTHER_CARD, AccountId="acc"))["Model"]  # type: ignore[no-any-return]


async def _declined(api: httpx.AsyncClient) -> dict[str, Any]:
    return (await pay(api, "4000056655665556"))["Model"]  # type: ignore[no-any-return]


async def _after_3ds(api: httpx.AsyncClient) -> dict[str, Any]:
    challenge = (await pay(api, "2200000000000004", scheme="auth"))["Model"]
    md, pares = await authenticate(api, challenge, "success")
    answer = await api.post("/payments/cards/post3ds", json={"TransactionId": int(md), "PaRes": pares})
    return answer.json()["Model"]  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    "produce", [_approved, _declined, _after_3ds], ids=["approved", "declined", "post3ds"]
)
async def test_transaction_has_every_property_of_the_spec(
    api: httpx.AsyncClient, spec: Spec, produce: Producer
) -> None:
    model = await produce(api)
    expected = set(object_properties(spec["components"]["schemas"]["Transaction"], spec))
    assert set(model) == expected
    assert model["CreatedDate"].startswith("/Date(") and len(model["CreatedDateIso"]) == 19
    assert model["TestMode"] is True and model["GatewayName"] == "Test" and model["PublicId"]


async def test_subscription_and_order_have_every_property_of_the_spec(
    api: httpx.AsyncClient, spec: Spec
) -> None:
    token = (await pay(api, OTHER_CARD, AccountId="acc"))["Model"]["Token"]
    start = (datetime.now(UTC) + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%S")
    subscription = await api.post(
        "/subscriptions/create",
        json={"Token": token, "AccountId": "acc", "Description": "d", "Email": "a@example.com",
              "Amount": 1, "Currency": "RUB", "RequireConfirmation": False, "StartDate": start,
              "Interval": "Day", "Period": 1},
    )  # fmt: skip
    schemas = spec["components"]["schemas"]
    assert set(subscription.json()["Model"]) == set(object_properties(schemas["Subscription"], spec))
    order = await api.post(
        "/orders/create",
        json={"Amount": 1, "Currency": "RUB", "Description": "d", "Email": "a@example.com",
              "RequireConfirmation": False, "SendEmail": False},
    )  # fmt: skip
    assert set(order.json()["Model"]) == set(object_properties(schemas["Order"], spec))
