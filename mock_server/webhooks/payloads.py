"""The parameters of each notification, from the mock's records, written as CloudPayments sends them.

Every value is text: amounts with a dot and two decimals (`10.00`), dates `yyyy-MM-dd HH:mm:ss` in UTC,
`TestMode` and other flags `1`/`0`, `Data` the JSON text of the payment's `JsonData`. A parameter the
documentation marks required (the spec's `webhooks`) is always sent (empty when the mock has no value); so
are the optional ones real notifications carry empty when they have no value (`Name=`, `CardId=`, the Ip*
fields, and in a Pay `AuthCode`, `CardProduct`, `PaymentMethod`, the installment and 2026 fee fields: the
bodies in contract_tests/fixtures/real_world/notifications/); the other optional ones only when the mock has
a value. Card payment parameters come in the order real notifications send them; `CardType` is spelled as
notifications spell it, in Latin letters (`MIR`, `MasterCard`), not as the API's answers do (`МИР`).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import MAX_EMAX, MIN_EMIN, ROUND_HALF_UP, Context, Decimal
from typing import Any, Final

from mock_server.ledger import ReceiptRecord, SubscriptionRecord, TransactionKind, TransactionRecord
from mock_server.values import DEFAULT_CURRENCY
from mock_server.webhooks.settings import NotificationType

# Ordered (name, value) pairs: a form keeps its order, and so does the JSON object made of them.
Parameters = list[tuple[str, str]]

OPERATION_PAYMENT: Final = "Payment"
OPERATION_REFUND: Final = "Refund"
OPERATION_PAYOUT: Final = "CardPayout"
# What the test gateway writes (as in the API's answers).
GATEWAY_NAME: Final = "Test"
AUTH_CODE: Final = "A1B2C3"
_CENT: Final = Decimal("0.01")
_JSON: Final = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))

# CardType in notifications, where the API's answers (the mock's card profiles) spell a brand otherwise.
_NOTIFICATION_CARD_TYPES: Final = {"МИР": "MIR", "Mastercard": "MasterCard"}
# The Ip* fields besides IpAddress: sent empty, the mock does not geolocate.
_UNKNOWN_IP_FIELDS: Final = ("IpCountry", "IpCity", "IpRegion", "IpDistrict", "IpLatitude", "IpLongitude")
# Sent empty in a Pay: SBP fees, installments and custom fields never apply to the mock's payments.
_PAY_EMPTY_FIELDS: Final = (
    "InstallmentTerm",
    "InstallmentMonthlyPayment",
    "CustomFields",
    "VatAboveTotalFee",
    "ProcessorAndPartnerFee",
    "VatWithinProcessorFee",
)

PAYMENT_TYPES: Final = frozenset(
    {NotificationType.CHECK, NotificationType.PAY, NotificationType.FAIL, NotificationType.CONFIRM}
)


def amount_text(amount: Decimal | int | float) -> str:
    """`10.00`, `12.34`: a dot and two decimals, every digit of the amount kept (1e27 is written with its
    28 digits).

    Exact for any finite amount: the rounding context holds all of its digits, so it never raises (the
    default 28-digit context fails beyond 10**26). Amounts are rounded half up, as `values.to_amount` does.
    """
    value = amount if isinstance(amount, Decimal) else Decimal(str(amount))
    if not value.is_finite():  # never in a record (requests refuse them); written as Decimal does
        return str(value)
    digits = max(value.adjusted(), 0) + 4  # the integer digits, the two decimals, one to spare
    context = Context(prec=digits, rounding=ROUND_HALF_UP, Emax=MAX_EMAX, Emin=MIN_EMIN)
    return f"{value.quantize(_CENT, context=context):f}"


def date_text(moment: datetime) -> str:
    """`yyyy-MM-dd HH:mm:ss`, UTC."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


def flag_text(value: bool) -> str:
    return "1" if value else "0"


def data_text(json_data: Any) -> str | None:
    """`Data`: the JSON text of the payment's JsonData (an object in the request)."""
    if json_data is None or json_data == "":
        return None
    return json_data if isinstance(json_data, str) else _JSON.encode(json_data)


class _Writer:
    """Collects parameters: required ones always (empty when unknown), optional ones when known."""

    def __init__(self) -> None:
        self.parameters: Parameters = []

    def required(self, name: str, value: Any) -> None:
        self.parameters.append((name, _text(value)))

    def sent_empty(self, name: str, value: Any = None) -> None:
        """An optional parameter the API sends even without a value: empty then."""
        self.required(name, value)

    def optional(self, name: str, value: Any) -> None:
        if value is not None and value != "":
            self.parameters.append((name, _text(value)))


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return flag_text(value)
    if isinstance(value, datetime):
        return date_text(value)
    if isinstance(value, Decimal):
        return amount_text(value)
    return str(value)


def payment_parameters(
    kind: NotificationType, record: TransactionRecord, *, reason: str | None = None
) -> Parameters:
    """Check, Pay, Fail or Confirm of a card or token payment (or Pay and Fail of a payout, OperationType
    CardPayout). `reason` is Fail's `Reason` word."""
    if kind not in PAYMENT_TYPES:
        raise ValueError(f"{kind} is not a payment notification")
    params = record.params
    card = record.card
    test_card = bool(card and card.test_card)
    card_type = card.card_type if card else None
    out = _Writer()
    # The order of real notifications (contract_tests/fixtures/real_world/notifications/).
    out.required("TransactionId", record.transaction_id)
    out.required("Amount", record.amount)
    out.required("Currency", record.currency)
    out.required("PaymentAmount", record.amount)
    out.required("PaymentCurrency", record.currency)
    if kind is not NotificationType.CONFIRM:
        payout = record.kind is TransactionKind.PAYOUT
        out.required("OperationType", OPERATION_PAYOUT if payout else OPERATION_PAYMENT)
    out.sent_empty("InvoiceId", params.get("InvoiceId"))
    out.sent_empty("AccountId", params.get("AccountId"))
    out.sent_empty("SubscriptionId")  # the mock's subscriptions never charge
    out.sent_empty("Name", params.get("Name"))
    out.sent_empty("Email", params.get("Email"))
    out.required("DateTime", record.created)
    out.optional("IpAddress", params.get("IpAddress"))
    for name in _UNKNOWN_IP_FIELDS:
        out.sent_empty(name)
    if kind is not NotificationType.CONFIRM:
        out.sent_empty("CardId")
    out.required("CardFirstSix", card.first_six if card else None)
    out.required("CardLastFour", card.last_four if card else None)
    out.required("CardType", _NOTIFICATION_CARD_TYPES.get(card_type, card_type) if card_type else None)
    out.required("CardExpDate", record.card_exp_date)
    out.sent_empty("Issuer", "CloudPayments" if test_card else None)
    out.sent_empty("IssuerBankCountry", "RU" if test_card else None)
    out.sent_empty("Description", params.get("Description"))
    if kind in (NotificationType.PAY, NotificationType.CONFIRM):
        out.sent_empty("AuthCode", AUTH_CODE if record.auth_date is not None else None)
    if kind is not NotificationType.CHECK:
        out.optional("Token", record.token)
    out.required("TestMode", True)  # the mock is a test terminal
    if kind is not NotificationType.FAIL:
        out.required("Status", record.status.value)
    if kind is NotificationType.FAIL:
        out.required("Reason", reason)
        out.required("ReasonCode", record.reason_code)
    if kind is NotificationType.PAY:
        out.required("GatewayName", GATEWAY_NAME)
    out.optional("Data", data_text(params.get("JsonData")))
    if kind is NotificationType.PAY:
        out.optional("TotalFee", Decimal(0))
    if kind in (NotificationType.CHECK, NotificationType.PAY):
        out.sent_empty("CardProduct")
    out.sent_empty("PaymentMethod", record.payment_method)  # empty for a card payment
    if kind is NotificationType.PAY:
        for name in _PAY_EMPTY_FIELDS:
            out.sent_empty(name)
    if kind is not NotificationType.CHECK:
        out.optional("EscrowAccumulationId", record.escrow_accumulation_id)
    return out.parameters


def refund_parameters(refund: TransactionRecord, payment: TransactionRecord | None) -> Parameters:
    """Refund: the refund's own id, the payment's id, and the payment's order data."""
    params = payment.params if payment is not None else {}
    out = _Writer()
    out.required("TransactionId", refund.transaction_id)
    out.required("PaymentTransactionId", refund.original_transaction_id)
    out.required("Amount", refund.amount)
    out.required("DateTime", refund.created)
    out.required("OperationType", OPERATION_REFUND)
    out.optional("InvoiceId", params.get("InvoiceId"))
    out.optional("AccountId", params.get("AccountId"))
    out.optional("Email", params.get("Email"))
    out.optional("Data", data_text(refund.params.get("JsonData")))
    return out.parameters


def cancel_parameters(payment: TransactionRecord, cancelled: datetime) -> Parameters:
    """Cancel of a voided authorization; `DateTime` is when it was voided."""
    params = payment.params
    out = _Writer()
    out.required("TransactionId", payment.transaction_id)
    out.required("Amount", payment.amount)
    out.required("DateTime", cancelled)
    out.optional("InvoiceId", params.get("InvoiceId"))
    out.optional("AccountId", params.get("AccountId"))
    out.optional("Email", params.get("Email"))
    out.optional("Data", data_text(params.get("JsonData")))
    out.optional("EscrowAccumulationId", payment.escrow_accumulation_id)
    return out.parameters


def recurrent_parameters(subscription: SubscriptionRecord, *, next_date: datetime | None) -> Parameters:
    """Recurrent: the subscription as it is after its status changed. No payment ever ran in the mock, so
    both counters are 0 and there is no LastTransactionDate."""
    params = subscription.params
    out = _Writer()
    out.required("Id", subscription.subscription_id)
    out.required("AccountId", params.get("AccountId"))
    out.required("Description", params.get("Description"))
    out.required("Email", params.get("Email"))
    out.required("Amount", subscription.amount)
    out.required("Currency", params.get("Currency") or DEFAULT_CURRENCY)
    out.required("RequireConfirmation", bool(params.get("RequireConfirmation")))
    out.required("StartDate", subscription.start)
    out.required("Interval", params.get("Interval"))
    out.required("Period", params.get("Period"))
    out.required("Status", subscription.status.value)
    out.required("SuccessfulTransactionsNumber", 0)
    out.required("FailedTransactionsNumber", 0)
    out.optional("MaxPeriods", params.get("MaxPeriods"))
    out.optional("NextTransactionDate", next_date)
    return out.parameters


def receipt_parameters(receipt: ReceiptRecord) -> Parameters:
    """Receipt: a fiscalised receipt, its fiscal data as `/kkt/receipt/get` gives them, `Receipt` the JSON
    text of its contents."""
    fiscal = receipt.fiscal or {}
    out = _Writer()
    out.required("Id", receipt.receipt_id)
    out.required("DocumentNumber", fiscal.get("DocumentNumber"))
    out.required("SessionNumber", fiscal.get("SessionNumber"))
    out.required("Number", fiscal.get("SessionCheckNumber"))
    out.required("FiscalSign", fiscal.get("FiscalSign"))
    out.required("DeviceNumber", fiscal.get("DeviceNumber"))
    out.required("RegNumber", fiscal.get("RegNumber"))
    out.required("FiscalNumber", fiscal.get("FiscalNumber"))
    out.required("Inn", receipt.inn)
    out.required("Type", receipt.receipt_type)
    out.required("Ofd", fiscal.get("Ofd"))
    out.required("Url", fiscal.get("OfdReceiptUrl"))
    out.required("QrCodeUrl", fiscal.get("QrCodeUrl"))
    out.optional("TransactionId", receipt.transaction_id)
    out.required("Amount", receipt.total)
    out.required("DateTime", receipt.fiscalised)
    out.optional("InvoiceId", receipt.invoice_id)
    out.optional("AccountId", receipt.account_id)
    out.required("Receipt", exact_json(receipt.customer_receipt))
    out.optional("CalculationPlace", receipt.customer_receipt.get("CalculationPlace"))
    out.optional("CashierName", receipt.customer_receipt.get("CashierName"))
    return out.parameters


def exact_json(value: Any) -> str:
    """JSON text in which a Decimal (a sum the request gave as text, read exactly) is the number with its
    own digits, never through a float."""
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, dict):
        return "{" + ",".join(f"{_JSON.encode(str(k))}:{exact_json(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ",".join(exact_json(item) for item in value) + "]"
    return _JSON.encode(value)
