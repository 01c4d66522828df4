"""`cloudpayments` (PyPI, 1.6.3) performs its usual calls against the mock; prints a JSON report.

Run by its venv (`make third-party-clients`) from the repository root:
`.venv/clients/cloudpayments/bin/python -m contract_tests.third_party.cloudpayments.drive`, the target on
stdin (see contract_tests/third_party/driving.py). The client has no base-URL option: its requests go to the
class attribute `CloudPayments.URL`, so the driver sets that attribute on its instance (the package is not
edited).
It cannot send a `Decimal` (requests' JSON encoder refuses it), so the amounts are whole numbers.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from cloudpayments import CloudPayments, PaymentError, Secure3d, Transaction

from contract_tests.third_party.driving import IP_ADDRESS, Report, Target, Values, pass_3ds, read_target

ACCOUNT = "cp-account"


def _transaction(transaction: Transaction) -> Values:
    return {
        "transaction_id": transaction.id,
        "status": transaction.status,
        "amount": transaction.amount,
        "currency": transaction.currency,
        "invoice_id": transaction.invoice_id,
        "token": transaction.token,
    }


def _declined(error: PaymentError) -> Values:
    return {"declined": True, "reason_code": error.reason_code, "transaction_id": error.transaction_id}


def drive(target: Target, report: Report) -> None:
    client = CloudPayments(target.public_id, target.api_secret)
    client.URL = f"{target.base_url}/"  # the documented class attribute, set on this instance only
    packets = target.packets

    def charge(packet: str, amount: int, invoice_id: str, **options: Any) -> Values:
        try:
            answer = client.charge_card(
                packet,
                amount,
                "RUB",
                "CARD HOLDER",
                IP_ADDRESS,
                invoice_id=invoice_id,
                account_id=ACCOUNT,
                email="payer@example.com",
                description="Order " + invoice_id,
                **options,
            )
        except PaymentError as error:
            return _declined(error)
        if isinstance(answer, Secure3d):
            return {
                "three_ds": True,
                "transaction_id": answer.transaction_id,
                "acs_url": answer.acs_url,
                "pa_req": answer.pa_req,
            }
        return _transaction(answer)

    report.call("test", lambda: {"message": client.test()})
    paid = report.call("charge_card", lambda: charge(packets["approved"], 1500, "cp-1"))
    challenge = report.call("charge_card_3ds", lambda: charge(packets["three_ds"], 700, "cp-2"))

    def finish_3ds() -> Values:
        md, pa_res = pass_3ds(challenge["acs_url"], challenge["pa_req"], str(challenge["transaction_id"]))
        return _transaction(client.finish_3d_secure_authentication(int(md), pa_res))

    report.call("finish_3d_secure_authentication", finish_3ds)
    report.call("charge_card_declined", lambda: charge(packets["declined"], 300, "cp-3"))

    held = report.call(
        "charge_card_require_confirmation",
        lambda: charge(packets["approved"], 900, "cp-4", require_confirmation=True),
    )

    def confirm() -> Values:
        client.confirm_payment(held["transaction_id"], 900)
        return _transaction(client.get_transaction(held["transaction_id"]))

    report.call("confirm_payment", confirm)
    to_void = report.call(
        "charge_card_to_void", lambda: charge(packets["approved"], 400, "cp-5", require_confirmation=True)
    )

    def void() -> Values:
        client.void_payment(to_void["transaction_id"])
        return _transaction(client.get_transaction(to_void["transaction_id"]))

    report.call("void_payment", void)

    def charge_token(token: str, amount: int, invoice_id: str) -> Values:
        try:
            return _transaction(client.charge_token(token, ACCOUNT, amount, "RUB", invoice_id=invoice_id))
        except PaymentError as error:
            return _declined(error)

    report.call("charge_token", lambda: charge_token(paid["token"], 250, "cp-6"))
    saved = report.call("charge_card_token_declining", lambda: charge(packets["token_declined"], 100, "cp-7"))
    report.call("charge_token_declined", lambda: charge_token(saved["token"], 200, "cp-8"))

    report.call("get_transaction", lambda: _transaction(client.get_transaction(paid["transaction_id"])))
    report.call("find_payment", lambda: _transaction(client.find_payment("cp-1")))

    def refund() -> Values:
        refund_id = client.refund(paid["transaction_id"], 500)
        return {"refund_transaction_id": refund_id, **_transaction(client.get_transaction(refund_id))}

    report.call("refund", refund)
    report.call(
        "list_payments",
        lambda: {"transaction_ids": [t.id for t in client.list_payments(date.fromisoformat(target.today))]},
    )
    report.call(
        "topup", lambda: _transaction(client.topup(paid["token"], 50, ACCOUNT, "RUB", invoice_id="cp-9"))
    )

    start = datetime.now(UTC) + timedelta(days=1)

    def subscription_values(subscription: Any) -> Values:
        return {
            "subscription_id": subscription.id,
            "status": subscription.status,
            "amount": subscription.amount,
            "account_id": subscription.account_id,
        }

    created = report.call(
        "create_subscription",
        lambda: subscription_values(
            client.create_subscription(
                paid["token"], ACCOUNT, 300, "RUB", "Monthly plan", "payer@example.com", start, "Month", 1
            )
        ),
    )
    report.call(
        "get_subscription", lambda: subscription_values(client.get_subscription(created["subscription_id"]))
    )
    report.call(
        "list_subscriptions",
        lambda: {"subscription_ids": [s.id for s in client.list_subscriptions(ACCOUNT)]},
    )
    report.call(
        "update_subscription",
        lambda: subscription_values(client.update_subscription(created["subscription_id"], amount=350)),
    )

    def cancel_subscription() -> Values:
        client.cancel_subscription(created["subscription_id"])
        return subscription_values(client.get_subscription(created["subscription_id"]))

    report.call("cancel_subscription", cancel_subscription)

    def create_order() -> Values:
        order = client.create_order(
            1200, "RUB", "Invoice for cp-10", email="payer@example.com", invoice_id="cp-10"
        )
        return {"order_id": order.id, "amount": order.amount, "url": order.url, "number": order.number}

    report.call("create_order", create_order)


def main() -> None:
    report = Report("cloudpayments")
    drive(read_target(), report)
    report.print()


if __name__ == "__main__":
    main()
