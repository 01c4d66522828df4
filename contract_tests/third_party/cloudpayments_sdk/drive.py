"""`cloudpayments-sdk` (PyPI, 0.1.0) performs its usual calls against the mock; prints a JSON report.

Run by its venv (`make third-party-clients`) from the repository root:
`.venv/clients/cloudpayments_sdk/bin/python -m contract_tests.third_party.cloudpayments_sdk.drive`, the target
on stdin (see contract_tests/third_party/driving.py). The client takes the mock's address as its documented
`base_url` option. It has no 3-D Secure completion (post3ds): the driver records the challenge only.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from cloudpayments_sdk import ApiResponseError, CloudPayments

from contract_tests.third_party.driving import IP_ADDRESS, Report, Target, Values, read_target

ACCOUNT = "sdk-account"


def _payment(payment: Any) -> Values:
    return {
        "transaction_id": payment.id,
        "status": payment.status,
        "amount": payment.amount,
        "currency": payment.currency,
        "invoice_id": payment.invoice_id,
        "token": payment.token,
    }


def _refused(error: ApiResponseError) -> Values:
    """A `Success: false` answer: a decline (its ReasonCode) or a 3-D Secure challenge (its AcsUrl)."""
    model = error.response.get("Model") or {}
    if model.get("AcsUrl"):
        return {"three_ds": True, "transaction_id": model["TransactionId"], "acs_url": model["AcsUrl"]}
    return {
        "declined": True,
        "reason_code": model.get("ReasonCode"),
        "transaction_id": model.get("TransactionId"),
        "message": str(error),
    }


def drive(target: Target, report: Report) -> None:
    # retries=0: a refusal must show at once, not after the client's back-off.
    client = CloudPayments(target.public_id, target.api_secret, base_url=target.base_url, retries=0)
    payments = client.payments
    packets = target.packets

    def charge(packet: str, amount: int, invoice_id: str, *, two_step: bool = False) -> Values:
        try:
            return _payment(
                payments.charge_card(
                    amount=amount,
                    card_cryptogram_packet=packet,
                    ip_address=IP_ADDRESS,
                    currency="RUB",
                    account_id=ACCOUNT,
                    invoice_id=invoice_id,
                    email="payer@example.com",
                    name="CARD HOLDER",
                    description="Order " + invoice_id,
                    json_data={"order": invoice_id},
                    two_step=two_step,
                )
            )
        except ApiResponseError as error:
            return _refused(error)

    report.call("test", lambda: {"answer": client.test()})
    paid = report.call("charge_card", lambda: charge(packets["approved"], 1500, "sdk-1"))
    report.call("charge_card_3ds", lambda: charge(packets["three_ds"], 700, "sdk-2"))
    report.call("charge_card_declined", lambda: charge(packets["declined"], 300, "sdk-3"))

    held = report.call(
        "charge_card_two_step", lambda: charge(packets["approved"], 900, "sdk-4", two_step=True)
    )
    report.call(
        "confirm", lambda: _payment(payments.confirm(transaction_id=held["transaction_id"], amount=900))
    )
    report.call(
        "get_transaction_confirmed",
        lambda: _payment(payments.get_transaction(transaction_id=held["transaction_id"])),
    )
    to_void = report.call(
        "charge_card_to_void", lambda: charge(packets["approved"], 400, "sdk-5", two_step=True)
    )
    report.call("cancel", lambda: _payment(payments.cancel(transaction_id=to_void["transaction_id"])))
    report.call(
        "get_transaction_cancelled",
        lambda: _payment(payments.get_transaction(transaction_id=to_void["transaction_id"])),
    )

    def charge_token(token: str, amount: int, invoice_id: str) -> Values:
        try:
            return _payment(
                payments.charge_token(
                    amount=amount,
                    token=token,
                    ip_address=IP_ADDRESS,
                    currency="RUB",
                    account_id=ACCOUNT,
                    invoice_id=invoice_id,
                )
            )
        except ApiResponseError as error:
            return _refused(error)

    report.call("charge_token", lambda: charge_token(paid["token"], 250, "sdk-6"))
    saved = report.call(
        "charge_card_token_declining", lambda: charge(packets["token_declined"], 100, "sdk-7")
    )
    report.call("charge_token_declined", lambda: charge_token(saved["token"], 200, "sdk-8"))

    report.call(
        "get_transaction", lambda: _payment(payments.get_transaction(transaction_id=paid["transaction_id"]))
    )
    report.call("find", lambda: _payment(payments.find(invoice_id="sdk-1")))
    report.call(
        "refund", lambda: _payment(payments.refund(transaction_id=paid["transaction_id"], amount=500))
    )
    report.call(
        "list_transactions_for_day",
        lambda: {
            "transaction_ids": [p.id for p in payments.list_transactions_for_day(date=target.today).payments]
        },
    )

    def list_range() -> Values:
        now = datetime.now(UTC)
        listed = payments.list_transactions_for_range(
            created_date_gte=(now - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S"),
            created_date_lte=(now + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S"),
            page_number=1,
        )
        return {"transaction_ids": [p.id for p in listed.payments]}

    report.call("list_transactions_for_range", list_range)
    report.call(
        "list_tokens",
        lambda: {"tokens": [t.token for t in payments.list_tokens(account_id=ACCOUNT).tokens]},
    )

    def payout(payout: Any) -> Values:
        return {
            "transaction_id": payout.model_extra.get("TransactionId"),
            "status": payout.status,
            "amount": payout.amount,
        }

    report.call(
        "payouts_cryptogram",
        lambda: payout(
            client.payouts.cryptogram(
                amount=60, currency="RUB", card_cryptogram_packet=packets["approved"], account_id=ACCOUNT
            )
        ),
    )
    report.call(
        "payouts_token",
        lambda: payout(
            client.payouts.token(amount=50, currency="RUB", token=paid["token"], account_id=ACCOUNT)
        ),
    )

    subscriptions = client.subscriptions
    start = (datetime.now(UTC) + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%S")

    def subscription(found: Any) -> Values:
        return {
            "subscription_id": found.id,
            "status": found.status,
            "amount": found.amount,
            "account_id": found.account_id,
        }

    created = report.call(
        "subscriptions_create",
        lambda: subscription(
            subscriptions.create(
                token=paid["token"],
                account_id=ACCOUNT,
                description="Monthly plan",
                amount=300,
                currency="RUB",
                email="payer@example.com",
                require_confirmation=False,
                start_date=start,
                interval="Month",
                period=1,
            )
        ),
    )
    report.call(
        "subscriptions_get",
        lambda: subscription(subscriptions.get(subscription_id=created["subscription_id"])),
    )
    report.call(
        "subscriptions_find",
        lambda: {"subscription_ids": [s.id for s in subscriptions.find(account_id=ACCOUNT).subscriptions]},
    )
    report.call(
        "subscriptions_update",
        lambda: subscription(subscriptions.update(subscription_id=created["subscription_id"], amount=350)),
    )
    report.call(
        "subscriptions_cancel",
        lambda: {"answer": subscriptions.cancel(subscription_id=created["subscription_id"]).model_dump()},
    )
    report.call(
        "subscriptions_get_cancelled",
        lambda: subscription(subscriptions.get(subscription_id=created["subscription_id"])),
    )

    order = report.call(
        "orders_create",
        lambda: {
            "order_id": (
                made := client.orders.create(
                    amount=1200,
                    currency="RUB",
                    description="Invoice for sdk-10",
                    email="payer@example.com",
                    invoice_id="sdk-10",
                    account_id=ACCOUNT,
                    send_email=False,
                )
            ).id,
            "amount": made.amount,
            "url": made.model_extra.get("Url"),
        },
    )
    report.call(
        "orders_cancel", lambda: {"answer": client.orders.cancel(order_id=order["order_id"]).model_dump()}
    )

    def settings(found: Any) -> Values:
        return {"is_enabled": found.is_enabled, "address": found.address, "http_method": found.http_method}

    report.call(
        "notifications_update",
        lambda: settings(
            client.notifications.update(
                notification_type="Pay", enabled=True, address="https://shop.example/pay", http_method="POST"
            )
        ),
    )
    report.call("notifications_get", lambda: settings(client.notifications.get(notification_type="Pay")))
    client.close()


def main() -> None:
    report = Report("cloudpayments-sdk")
    drive(read_target(), report)
    report.print()


if __name__ == "__main__":
    main()
