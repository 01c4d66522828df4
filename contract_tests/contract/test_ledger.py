"""The ledger's rules for the lookups, payouts, subscriptions, invoices and settings: each on an exchange that
respects it and one that breaks it."""

from __future__ import annotations

from typing import Any

import pytest

from contract_tests.contract.ledger import Ledger, LedgerError, notification_defaults
from spec_tools import load_spec

SETTINGS_GET = "/site/notifications/{Type}/get"
SETTINGS_UPDATE = "/site/notifications/{Type}/update"


def transaction(transaction_id: int, **fields: Any) -> dict[str, Any]:
    return {
        "TransactionId": transaction_id,
        "Amount": 10,
        "Currency": "RUB",
        "Status": "Completed",
        "ReasonCode": 0,
        "Type": 0,
        **fields,
    }


def ok(model: Any = None) -> dict[str, Any]:
    return {"Success": True, "Message": None, "Model": model}


def refused(message: str = "Not found") -> dict[str, Any]:
    return {"Success": False, "Message": message}


def charged(ledger: Ledger, transaction_id: int = 7, invoice_id: str = "inv-9") -> None:
    ledger.observe(
        "/payments/cards/charge", {"Amount": 10, "InvoiceId": invoice_id}, ok(transaction(transaction_id))
    )


def paid_out(ledger: Ledger, transaction_id: int = 8) -> None:
    body = {"Token": "tk", "Amount": 10, "AccountId": "user_x", "Currency": "RUB", "InvoiceId": "inv-9"}
    ledger.observe("/payments/token/topup", body, ok(transaction(transaction_id, Type=2)))


def test_payout_is_never_refunded_confirmed_or_voided() -> None:
    ledger = Ledger()
    paid_out(ledger)
    for path in ("/payments/refund", "/payments/confirm", "/payments/void"):
        ledger.observe(path, {"TransactionId": 8, "Amount": 10}, refused("Transaction is a payout"))
        with pytest.raises(LedgerError, match="succeeded on a payout"):
            ledger.observe(path, {"TransactionId": 8, "Amount": 10}, ok({"TransactionId": 99}))


def test_lookup_answers_the_transaction_as_the_run_left_it() -> None:
    ledger = Ledger()
    charged(ledger)
    ledger.observe("/payments/get", {"TransactionId": 7}, ok(transaction(7)))
    assert ledger.applied["get"] == 1
    with pytest.raises(LedgerError, match="Status 'Authorized'"):
        ledger.observe("/payments/get", {"TransactionId": 7}, ok(transaction(7, Status="Authorized")))
    with pytest.raises(LedgerError, match="Amount 20"):
        ledger.observe("/payments/get", {"TransactionId": 7}, ok(transaction(7, Amount=20)))
    with pytest.raises(LedgerError, match="lookup refused"):
        ledger.observe("/payments/get", {"TransactionId": 7}, refused())
    # A transaction the run did not make (the setup's token payments) is not judged.
    ledger.observe("/payments/get", {"TransactionId": 70}, refused())


def test_lookup_of_a_payout_answers_type_2() -> None:
    ledger = Ledger()
    paid_out(ledger)
    ledger.observe("/payments/get", {"TransactionId": 8}, ok(transaction(8, Type=2)))
    with pytest.raises(LedgerError, match="Type 0"):
        ledger.observe("/payments/get", {"TransactionId": 8}, ok(transaction(8, Type=0)))


def test_find_of_a_paid_invoice_finds_its_latest_operation() -> None:
    ledger = Ledger()
    charged(ledger)
    ledger.observe("/v2/payments/find", {"InvoiceId": "inv-9"}, ok(transaction(7)))
    with pytest.raises(LedgerError, match="although the run paid invoice"):
        ledger.observe("/v2/payments/find", {"InvoiceId": "inv-9"}, refused())
    with pytest.raises(LedgerError, match="the latest operation of the invoice the run made is 7"):
        ledger.observe("/payments/find", {"InvoiceId": "inv-9"}, ok(transaction(70)))
    # The refund of the invoice's payment is its latest operation for v2; v1 searches payments only.
    ledger.observe("/payments/refund", {"TransactionId": 7, "Amount": 10}, ok({"TransactionId": 71}))
    ledger.observe("/v2/payments/find", {"InvoiceId": "inv-9"}, ok(transaction(71, Type=1)))
    ledger.observe("/payments/find", {"InvoiceId": "inv-9"}, ok(transaction(7)))
    with pytest.raises(LedgerError, match="is 71"):
        ledger.observe("/v2/payments/find", {"InvoiceId": "inv-9"}, ok(transaction(7)))
    with pytest.raises(LedgerError, match="is 7 "):
        ledger.observe("/payments/find", {"InvoiceId": "inv-9"}, ok(transaction(71, Type=1)))
    # A later payment of the same invoice, even a declined one, is the latest.
    declined = transaction(72, Status="Declined", ReasonCode=5051)
    ledger.observe(
        "/payments/cards/charge", {"Amount": 10, "InvoiceId": "inv-9"}, {"Success": False, "Model": declined}
    )
    ledger.observe("/payments/find", {"InvoiceId": "inv-9"}, ok(declined))


def test_find_v1_does_not_answer_for_payouts() -> None:
    ledger = Ledger()
    paid_out(ledger)
    ledger.observe("/payments/find", {"InvoiceId": "inv-9"}, refused())  # payouts are v2's
    with pytest.raises(LedgerError, match="although the run paid invoice"):
        ledger.observe("/v2/payments/find", {"InvoiceId": "inv-9"}, refused())


def subscribed(ledger: Ledger, subscription_id: str = "sc_1", account_id: str = "user_x") -> None:
    model = {"Id": subscription_id, "AccountId": account_id, "Status": "Active"}
    ledger.observe("/subscriptions/create", {"AccountId": account_id}, ok(model))


def test_update_reactivates_a_cancelled_subscription() -> None:
    ledger = Ledger()
    subscribed(ledger)
    ledger.observe("/subscriptions/cancel", {"Id": "sc_1"}, ok())
    with pytest.raises(LedgerError, match="Status 'Cancelled', not Active"):
        ledger.observe("/subscriptions/update", {"Id": "sc_1"}, ok({"Id": "sc_1", "Status": "Cancelled"}))
    ledger.observe("/subscriptions/update", {"Id": "sc_1"}, ok({"Id": "sc_1", "Status": "Active"}))
    assert ledger.applied["subscription reactivated"] == 1
    ledger.observe("/subscriptions/get", {"Id": "sc_1"}, ok({"Id": "sc_1", "Status": "Active"}))


def test_change_of_a_subscription_never_created_does_not_succeed() -> None:
    ledger = Ledger()
    ledger.observe("/subscriptions/cancel", {"Id": "sc_0"}, refused("Subscription not found"))
    with pytest.raises(LedgerError, match="never created"):
        ledger.observe("/subscriptions/update", {"Id": "sc_0"}, ok({"Id": "sc_0", "Status": "Active"}))


def test_find_answers_every_subscription_of_the_payer() -> None:
    ledger = Ledger()
    subscribed(ledger, "sc_1")
    subscribed(ledger, "sc_2")
    ledger.observe("/subscriptions/cancel", {"Id": "sc_2"}, ok())
    both = [{"Id": "sc_1", "Status": "Active"}, {"Id": "sc_2", "Status": "Cancelled"}]
    ledger.observe("/subscriptions/find", {"AccountId": "user_x"}, ok(both))
    with pytest.raises(LedgerError, match="answered None"):
        ledger.observe("/subscriptions/find", {"AccountId": "user_x"}, ok(both[:1]))
    with pytest.raises(LedgerError, match="answered 'Active'"):
        ledger.observe(
            "/subscriptions/find", {"AccountId": "user_x"}, ok([both[0], {**both[1], "Status": "Active"}])
        )


def test_unpaid_invoice_is_cancelled_once_created() -> None:
    ledger = Ledger()
    with pytest.raises(LedgerError, match="never created"):
        ledger.observe("/orders/cancel", {"Id": "f2K8LV6reGE9WBFn"}, ok())
    ledger.observe("/orders/create", {"Amount": 10}, ok({"Id": "f2K8LV6reGE9WBFn"}))
    with pytest.raises(LedgerError, match="refused"):
        ledger.observe("/orders/cancel", {"Id": "f2K8LV6reGE9WBFn"}, refused("Order not found"))
    ledger.observe("/orders/cancel", {"Id": "f2K8LV6reGE9WBFn"}, ok())
    assert ledger.applied["order cancel"] == 1


def test_settings_read_back_as_saved_with_the_defaults() -> None:
    ledger = Ledger(settings_defaults=notification_defaults(load_spec()))
    saved = {"IsEnabled": True, "Address": "http://example.com"}
    ledger.observe(SETTINGS_UPDATE, saved, ok(), parameters={"Type": "Pay"})
    read = {**saved, "HttpMethod": "GET", "Encoding": "UTF8", "Format": "CloudPayments"}
    ledger.observe(SETTINGS_GET, None, ok(read), parameters={"Type": "pay"})
    assert ledger.applied["settings read back"] == 1
    with pytest.raises(LedgerError, match="HttpMethod: saved 'GET', read 'POST'"):
        ledger.observe(SETTINGS_GET, None, ok({**read, "HttpMethod": "POST"}), parameters={"Type": "Pay"})
    # Another type keeps its own settings.
    ledger.observe(SETTINGS_GET, None, ok({"IsEnabled": False}), parameters={"Type": "Fail"})


def test_an_empty_address_reads_back_as_none() -> None:
    ledger = Ledger(settings_defaults=notification_defaults(load_spec()))
    ledger.observe(SETTINGS_UPDATE, {"IsEnabled": False, "Address": ""}, ok(), parameters={"Type": "Fail"})
    read = {
        "IsEnabled": False,
        "Address": None,
        "HttpMethod": "GET",
        "Encoding": "UTF8",
        "Format": "CloudPayments",
    }
    ledger.observe(SETTINGS_GET, None, ok(read), parameters={"Type": "Fail"})
    with pytest.raises(LedgerError, match=r"Address: saved '', read 'http://example\.com'"):
        ledger.observe(
            SETTINGS_GET, None, ok({**read, "Address": "http://example.com"}), parameters={"Type": "Fail"}
        )
