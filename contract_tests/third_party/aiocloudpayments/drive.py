"""`aiocloudpayments` (PyPI, 0.1.1) performs its usual calls against the mock; prints a JSON report.

Run by its venv (`make third-party-clients`) from the repository root:
`.venv/clients/aiocloudpayments/bin/python -m contract_tests.third_party.aiocloudpayments.drive`, the target
on stdin (see contract_tests/third_party/driving.py). The client takes the mock's address as its documented
`base_url` argument (with the trailing slash it joins paths to). It sends every optional parameter it was not
given as an explicit `null`.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta
from typing import Any

from aiocloudpayments import AioCpClient
from aiocloudpayments.exceptions import CpPaymentError
from aiocloudpayments.types import Secure3D

from contract_tests.third_party.driving import IP_ADDRESS, Report, Target, Values, pass_3ds, read_target

ACCOUNT = "aio-account"


def _transaction(transaction: Any) -> Values:
    return {
        "transaction_id": transaction.transaction_id,
        "status": transaction.status,
        "amount": transaction.amount,
        "currency": transaction.currency,
        "invoice_id": transaction.invoice_id,
        "token": transaction.token,
    }


def _declined(error: CpPaymentError) -> Values:
    return {
        "declined": True,
        "reason_code": error.model.reason_code,
        "transaction_id": error.model.transaction_id,
    }


async def drive(target: Target, report: Report) -> None:
    client = AioCpClient(
        target.public_id, target.api_secret, base_url=f"{target.base_url}/", requests_timeout=10
    )
    packets = target.packets
    results: dict[str, Values] = {}

    async def call(name: str, run: Any) -> Values:
        """Report.call for a coroutine: awaited here, recorded (with its failure) there."""
        try:
            results[name] = await run()
        except Exception as error:
            failure = error

            def reraise() -> Values:
                raise failure

            return report.call(name, reraise)
        return report.call(name, lambda: results[name])

    async def charge(packet: str, amount: int, invoice_id: str, *, auth: bool = False) -> Values:
        method = client.auth_card if auth else client.charge_card
        try:
            answer = await method(
                amount=amount,
                ip_address=IP_ADDRESS,
                card_cryptogram_packet=packet,
                currency="RUB",
                name="CARD HOLDER",
                invoice_id=invoice_id,
                description="Order " + invoice_id,
                account_id=ACCOUNT,
                email="payer@example.com",
                json_data={"order": invoice_id},
            )
        except CpPaymentError as error:
            return _declined(error)
        if isinstance(answer, Secure3D):
            return {
                "three_ds": True,
                "transaction_id": answer.transaction_id,
                "acs_url": answer.acs_url,
                "pa_req": answer.pa_req,
            }
        return _transaction(answer)

    async def test() -> Values:
        return {"answer": await client.test()}

    await call("test", test)
    paid = await call("charge_card", lambda: charge(packets["approved"], 1500, "aio-1"))
    challenge = await call("charge_card_3ds", lambda: charge(packets["three_ds"], 700, "aio-2"))

    async def post3ds() -> Values:
        md, pa_res = pass_3ds(challenge["acs_url"], challenge["pa_req"], str(challenge["transaction_id"]))
        return _transaction(await client.post3ds(int(md), pa_res))

    await call("post3ds", post3ds)
    await call("charge_card_declined", lambda: charge(packets["declined"], 300, "aio-3"))

    held = await call("auth_card", lambda: charge(packets["approved"], 900, "aio-4", auth=True))

    async def confirm() -> Values:
        await client.confirm_payment(held["transaction_id"], 900)
        return _transaction(await client.get_payment(held["transaction_id"]))

    await call("confirm_payment", confirm)
    to_void = await call("auth_card_to_void", lambda: charge(packets["approved"], 400, "aio-5", auth=True))

    async def void() -> Values:
        await client.void_payment(to_void["transaction_id"])
        return _transaction(await client.get_payment(to_void["transaction_id"]))

    await call("void_payment", void)

    async def charge_token(token: str, amount: int, invoice_id: str, *, auth: bool = False) -> Values:
        method = client.auth_token if auth else client.charge_token
        try:
            return _transaction(
                await method(
                    amount=amount, account_id=ACCOUNT, token=token, currency="RUB", invoice_id=invoice_id
                )
            )
        except CpPaymentError as error:
            return _declined(error)

    await call("charge_token", lambda: charge_token(paid["token"], 250, "aio-6"))
    await call("auth_token", lambda: charge_token(paid["token"], 260, "aio-6a", auth=True))
    saved = await call("charge_card_token_declining", lambda: charge(packets["token_declined"], 100, "aio-7"))
    await call("charge_token_declined", lambda: charge_token(saved["token"], 200, "aio-8"))

    async def get_payment() -> Values:
        return _transaction(await client.get_payment(paid["transaction_id"]))

    await call("get_payment", get_payment)

    async def find(use_new_method: bool) -> Values:
        # The client types InvoiceId as an integer: a numeric invoice number is the only one it can look up.
        return _transaction(await client.find_payment(paid_invoice, use_new_method=use_new_method))

    paid_invoice = 77001
    numbered = await call(
        "charge_card_numeric_invoice", lambda: charge(packets["approved"], 1100, str(paid_invoice))
    )
    await call("find_payment_v2", lambda: find(True))
    await call("find_payment", lambda: find(False))

    async def refund() -> Values:
        answer = await client.refund_payment(numbered["transaction_id"], 500)
        return {
            "refund_transaction_id": answer.transaction_id,
            **_transaction(await client.get_payment(answer.transaction_id)),
        }

    await call("refund_payment", refund)

    async def list_payments() -> Values:
        listed = await client.list_payments(date.fromisoformat(target.today), "UTC")
        return {"transaction_ids": [t.transaction_id for t in listed]}

    await call("list_payments", list_payments)

    async def list_tokens() -> Values:
        return {"tokens": [t.token for t in await client.list_tokens()]}

    await call("list_tokens", list_tokens)

    async def topup_card() -> Values:
        return _transaction(
            await client.topup_card(packets["approved"], 60, "RUB", account_id=ACCOUNT, invoice_id="aio-9")
        )

    await call("topup_card", topup_card)

    async def topup_token() -> Values:
        return _transaction(await client.topup_token(paid["token"], 50, ACCOUNT, "RUB", invoice_id="aio-10"))

    await call("topup_token", topup_token)

    def subscription(found: Any) -> Values:
        return {
            "subscription_id": found.id,
            "status": found.status,
            "amount": found.amount,
            "account_id": found.account_id,
        }

    async def create_subscription() -> Values:
        start = datetime.now(UTC) + timedelta(days=1)
        return subscription(
            await client.create_subscription(
                paid["token"],
                ACCOUNT,
                "Monthly plan",
                "payer@example.com",
                300,
                "RUB",
                False,
                start,
                "Month",
                1,
            )
        )

    created = await call("create_subscription", create_subscription)

    async def get_subscription() -> Values:
        return subscription(await client.get_subscription(created["subscription_id"]))

    await call("get_subscription", get_subscription)

    async def find_subscriptions() -> Values:
        return {"subscription_ids": [s.id for s in await client.find_subscriptions(ACCOUNT)]}

    await call("find_subscriptions", find_subscriptions)

    async def update_subscription() -> Values:
        return subscription(await client.update_subscription(created["subscription_id"], amount=350))

    await call("update_subscription", update_subscription)

    async def cancel_subscription() -> Values:
        await client.cancel_subscription(created["subscription_id"])
        return subscription(await client.get_subscription(created["subscription_id"]))

    await call("cancel_subscription", cancel_subscription)

    async def create_order() -> Values:
        order = await client.create_order(
            1200,
            "Invoice for aio-11",
            currency="RUB",
            email="payer@example.com",
            invoice_id="aio-11",
            account_id=ACCOUNT,
        )
        return {"order_id": order.id, "amount": order.amount, "url": order.url, "status": order.status}

    order = await call("create_order", create_order)

    async def cancel_order() -> Values:
        return {"answer": await client.cancel_order(order["order_id"])}

    await call("cancel_order", cancel_order)

    async def update_notification() -> Values:
        answer = await client.update_notification(
            "Pay", is_enabled=True, address="https://shop.example/pay", http_method="POST"
        )
        return {"answer": answer}

    await call("update_notification", update_notification)

    async def get_notification() -> Values:
        found = await client.get_notification("Pay")
        return {"is_enabled": found.is_enabled, "address": found.address, "http_method": found.http_method}

    await call("get_notification", get_notification)
    await client.disconnect()


def main() -> None:
    report = Report("aiocloudpayments")
    asyncio.run(drive(read_target(), report))
    report.print()


if __name__ == "__main__":
    main()
