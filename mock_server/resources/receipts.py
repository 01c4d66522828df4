"""Receipts of the online cash register (CloudKassir, 54-FZ): `/kkt/receipt`, its status and the fiscalised
receipt, the correction receipt (`/kkt/correction-receipt`, its status and its data), and the receipts
payments issue: a payment charged (or an authorization confirmed) whose
`JsonData.CloudPayments.CustomerReceipt` holds a receipt issues an `Income` receipt, a refund of the whole
payment an `IncomeReturn` one (the refund's own receipt, else the payment's).

The terminal's cash register is registered to one company INN (`create_app(inn=...)`): a receipt for another
is refused. A receipt's outcome is decided when it is queued: `Error` when its items do not add up (an item's
`Amount` above `Price` x `Quantity`, the items' total not `Amounts`' total, or nothing to pay), `Processed`
otherwise. It stays `Queued` for `receipt_seconds` of the store's clock (0 by default), then is fiscalised by
the first request that finds it due: with 0, the request that queued it. The Receipt notification goes with a
fiscalisation, as part of that request's commit.
"""

from __future__ import annotations

import dataclasses
import logging
import secrets
import uuid
from collections.abc import Callable, Mapping
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum
from typing import Any, Final
from urllib.parse import quote

import spec_tools
from mock_server.defaults import DEFAULT_INN
from mock_server.envelopes import Handler, Outcome, RequestContext, fail, ok
from mock_server.events import Event, Events, Record
from mock_server.ledger import ReceiptRecord, TransactionKind, TransactionRecord
from mock_server.spec import ApiSpec
from mock_server.statuses import TransactionStatus
from mock_server.values import MONEY_CONTEXT, iso_date, now

log = logging.getLogger("mock_server")

DEFAULT_RECEIPT_SECONDS: Final = 0.0
DEFAULT_MAX_RECEIPTS: Final = 10_000
RECEIPT_SCHEMA: Final = "/components/schemas/CustomerReceipt"
CORRECTION_SCHEMA: Final = "/components/schemas/CorrectionReceiptData"
# The mock's cash register: made-up numbers (the fiscal drive's is the reference's example's, a test drive).
CASH_REGISTER: Final = {
    "DeviceNumber": "00000000000000000001",
    "RegNumber": "0000000004030311",
    "FiscalNumber": "9999078900005430",
    "Ofd": "Первый ОФД",
    "OfdInn": "7709364346",  # the INN of the OFD named above
}
ITEM_SCHEMA: Final = "/components/schemas/ReceiptItem"
AMOUNTS_SCHEMA: Final = "/components/schemas/ReceiptAmounts"
_CENT: Final = Decimal("0.01")


@dataclasses.dataclass(frozen=True)
class ReceiptSums:
    """The sums of a receipt, in an item and in `Amounts`, each with the decimal places the spec allows it
    (the properties stating `x-decimal-places`: `ReceiptMoney`)."""

    items: Mapping[str, int]
    amounts: Mapping[str, int]

    @classmethod
    def of(cls, spec: ApiSpec) -> ReceiptSums:
        document = spec.document
        items = spec_tools.decimal_places(spec.schema_at(ITEM_SCHEMA), document)
        amounts = spec_tools.decimal_places(spec.schema_at(AMOUNTS_SCHEMA), document)
        if not items or not amounts:
            raise spec_tools.SpecError("ReceiptItem and ReceiptAmounts state no sums (x-decimal-places)")
        return cls(items, amounts)


class ReceiptType(StrEnum):
    INCOME = "Income"
    INCOME_RETURN = "IncomeReturn"


class ReceiptStatus(StrEnum):
    QUEUED = "Queued"
    PROCESSED = "Processed"
    ERROR = "Error"
    NOT_FOUND = "NotFound"


class ReceiptState:
    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.receipts: dict[str, ReceiptRecord] = {}
        self.queued: dict[str, ReceiptRecord] = {}  # not decided yet, in the order queued
        self.documents = 0  # fiscal documents issued

    def counts(self) -> dict[str, int]:
        return {"receipts": len(self.receipts)}


class Receipts:
    def __init__(
        self,
        state: ReceiptState,
        spec: ApiSpec,
        events: Events,
        transactions: Mapping[int, TransactionRecord],
        clock: Callable[[], float],
        *,
        inn: str = DEFAULT_INN,
        receipt_seconds: float = DEFAULT_RECEIPT_SECONDS,
        max_receipts: int = DEFAULT_MAX_RECEIPTS,
    ) -> None:
        statuses = spec_tools.receipt_statuses(spec.document)
        missing = [status.value for status in ReceiptStatus if status.value not in statuses]
        if missing:
            raise spec_tools.SpecError(f"ReceiptStatus lacks {missing}, statuses the mock answers with")
        self.type_codes = spec_tools.receipt_type_codes(spec.document)
        self.sums = ReceiptSums.of(spec)
        self.state = state
        self.spec = spec
        self.events = events
        self.transactions = transactions
        self.clock = clock
        self.inn = inn
        self.receipt_seconds = receipt_seconds
        self.max_receipts = max_receipts
        events.before(self._with_payment)

    def handlers(self) -> dict[str, Handler]:
        return {
            "createReceipt": self.create,
            "createCorrectionReceipt": self.create_correction,
            "getReceiptStatus": self.status,
            "getReceipt": self.get,
            "getCorrectionReceiptStatus": self.correction_status,
            "getCorrectionReceipt": self.get_correction,
        }

    def _issue_refusal(self, field: str, inn: str) -> str | None:
        """Why a receipt cannot be issued before its sums are looked at: an INN other than the terminal's, or
        the store full (None when it can)."""
        if inn != self.inn:
            return (
                f"{field}: no cash register of this terminal is registered to INN {inn} "
                f"(the mock's is {self.inn})"
            )
        if len(self.state.receipts) >= self.max_receipts:
            return (
                f"The mock keeps at most {self.max_receipts} receipts: reset it (POST /__mock__/reset) "
                "to issue more"
            )
        return None

    # ---------- operations ----------

    def create(self, params: dict[str, Any], ctx: RequestContext) -> Outcome:
        receipt = params["CustomerReceipt"]
        refusal = self._issue_refusal("Inn", str(params["Inn"])) or _decimal_places_refusal(
            self.sums, receipt
        )
        if refusal is not None:
            return Outcome(fail(refusal, {"ErrorCode": -1}))
        record = self._record(
            str(params["Type"]), receipt, params.get("InvoiceId"), params.get("AccountId"), None
        )
        return self._queued(record)

    def create_correction(self, params: dict[str, Any], ctx: RequestContext) -> Outcome:
        """A correction receipt: kept with the receipts (its status read by
        `/kkt/correction-receipt/status/get` and, the mock's choice, by `/kkt/receipt/status/get`), its
        outcome decided when queued like theirs; the reference documents no Receipt notification for it."""
        document = self.spec.document
        try:
            data = spec_tools.canonicalize_keys(
                params["CorrectionReceiptData"], spec_tools.pointer_get(document, CORRECTION_SCHEMA), document
            )
        except spec_tools.DuplicateKeyError as duplicate:
            return Outcome(
                fail(f"CorrectionReceiptData.{duplicate} is given more than once", {"ErrorCode": -1})
            )
        problem = next(iter(self.spec.validator(CORRECTION_SCHEMA).iter_errors(data)), None)
        if problem is not None:
            where = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in problem.path)
            return Outcome(fail(f"CorrectionReceiptData{where}: {problem.message}", {"ErrorCode": -1}))
        refusal = self._issue_refusal(
            "CorrectionReceiptData.OrganizationInn", str(data["OrganizationInn"])
        ) or _decimal_places_refusal(self.sums, data, "CorrectionReceiptData")
        if refusal is not None:
            return Outcome(fail(refusal, {"ErrorCode": -1}))
        # CorrectionReceiptType's codes are the settlement signs of `ReceiptType`'s x-codes.
        signs = {code: name for name, code in self.type_codes.items()}
        total, error = _correction_inconsistency(self.sums, data)
        record = ReceiptRecord(
            receipt_id=uuid.uuid4().hex,
            receipt_type=signs[int(data["CorrectionReceiptType"])],
            inn=self.inn,
            customer_receipt=data,
            total=total,
            queued=now(),
            due_at=self.clock() + self.receipt_seconds,
            error=error,
            correction=True,
        )
        return self._queued(record)

    def status(self, params: dict[str, Any], ctx: RequestContext) -> Outcome:
        fiscalise, after = self._fiscalise_due()
        record = self._find(str(params["Id"]), after)
        if record is None:
            return Outcome(ok(ReceiptStatus.NOT_FOUND.value), fiscalise)
        return Outcome(_status(record), fiscalise)

    def correction_status(self, params: dict[str, Any], ctx: RequestContext) -> Outcome:
        """A correction receipt's status, as `status` tells a receipt's (an unknown id is `NotFound`, the
        reference's example); a receipt that is no correction receipt is refused."""
        fiscalise, after = self._fiscalise_due()
        receipt_id = str(params["Id"])
        record = self._find(receipt_id, after)
        if record is None:
            return Outcome(ok(ReceiptStatus.NOT_FOUND.value), fiscalise)
        if not record.correction:
            return Outcome(
                fail(
                    f"Receipt {receipt_id} is not a correction receipt: "
                    "/kkt/receipt/status/get tells its status"
                ),
                fiscalise,
            )
        return Outcome(_status(record), fiscalise)

    def get_correction(self, params: dict[str, Any], ctx: RequestContext) -> Outcome:
        """A correction receipt's data: as issued, its status and, once Processed, its fiscal data."""
        fiscalise, after = self._fiscalise_due()
        receipt_id = str(params["Id"])
        record = self._find(receipt_id, after)
        if record is None:
            return Outcome(fail("Correction receipt not found"), fiscalise)
        if not record.correction:
            return Outcome(
                fail(f"Receipt {receipt_id} is not a correction receipt: /kkt/receipt/get reads it"),
                fiscalise,
            )
        return Outcome(ok(_issued_correction(self.sums, record)), fiscalise)

    def get(self, params: dict[str, Any], ctx: RequestContext) -> Outcome:
        fiscalise, after = self._fiscalise_due()
        receipt_id = str(params["Id"])
        record = self._find(receipt_id, after)
        if record is None:
            return Outcome(fail("Receipt not found"), fiscalise)
        if record.correction:
            return Outcome(
                fail(
                    f"Receipt {receipt_id} is a correction receipt: /kkt/receipt/get reads receipts, "
                    "/kkt/correction-receipt/get reads it"
                ),
                fiscalise,
            )
        if record.status == ReceiptStatus.QUEUED:
            return Outcome(fail(f"Receipt {receipt_id} is not fiscalised yet (Queued)"), fiscalise)
        if record.status == ReceiptStatus.ERROR:
            return Outcome(fail(f"Receipt {receipt_id} was not fiscalised: {record.error}"), fiscalise)
        return Outcome(ok(_issued(self.sums, record)), fiscalise)

    # ---------- the receipts of payments ----------

    def _with_payment(self, event: Event, record: Record) -> Callable[[], None] | None:
        """Asked while a payment's change is decided: the receipt it issues, queued by its commit."""
        if not isinstance(record, TransactionRecord):
            return None
        if event in (Event.APPROVED, Event.CONFIRMED):
            if record.kind is not TransactionKind.PAYMENT or record.status is not TransactionStatus.COMPLETED:
                return None
            receipt = _payment_receipt(record.params.get("JsonData"))
            receipt_type = ReceiptType.INCOME
            payment = record
        elif event is Event.REFUNDED:
            original = record.original_transaction_id
            payment_found = self.transactions.get(original) if original is not None else None
            if payment_found is None:
                return None
            payment = payment_found
            # Only the refund of the whole payment: the one that leaves nothing more to refund.
            refunded = MONEY_CONTEXT.add(payment.refunded, record.amount)
            if refunded != payment.amount:
                return None
            receipt = _payment_receipt(record.params.get("JsonData")) or _payment_receipt(
                payment.params.get("JsonData")
            )
            receipt_type = ReceiptType.INCOME_RETURN
        else:
            return None
        if receipt is None:
            return None
        if len(self.state.receipts) >= self.max_receipts:
            log.warning(
                "transaction %s: its %s receipt is not kept: the mock keeps at most %d receipts",
                record.transaction_id,
                receipt_type.value,
                self.max_receipts,
            )
            return None
        params = payment.params
        built = self._record(
            receipt_type.value,
            receipt,
            params.get("InvoiceId"),
            params.get("AccountId"),
            record.transaction_id,
        )
        add, fiscalise = self._queue(built)

        def commit() -> None:
            add()
            fiscalise()

        return commit

    # ---------- deciding ----------

    def _record(
        self,
        receipt_type: str,
        receipt: Any,
        invoice_id: Any,
        account_id: Any,
        transaction_id: int | None,
    ) -> ReceiptRecord:
        canonical, total, error = self._contents(receipt)
        return ReceiptRecord(
            receipt_id=uuid.uuid4().hex,
            receipt_type=receipt_type,
            inn=self.inn,
            customer_receipt=canonical,
            total=total,
            queued=now(),
            due_at=self.clock() + self.receipt_seconds,
            error=error,
            invoice_id=None if invoice_id is None else str(invoice_id),
            account_id=None if account_id is None else str(account_id),
            transaction_id=transaction_id,
        )

    def _contents(self, receipt: Any) -> tuple[dict[str, Any], Decimal, str | None]:
        """The receipt in the spec's spelling, its items' total, and why it cannot be fiscalised (None when
        it can). A payment's receipt was not checked by the request's schema where JsonData's keys are
        spelled otherwise: it is checked here, and an invalid one is an `Error` receipt."""
        document = self.spec.document
        try:
            canonical = spec_tools.canonicalize_keys(
                receipt, spec_tools.pointer_get(document, RECEIPT_SCHEMA), document
            )
        except spec_tools.DuplicateKeyError as error:
            return {}, Decimal(0), f"CustomerReceipt.{error} is given more than once"
        problem = next(iter(self.spec.validator(RECEIPT_SCHEMA).iter_errors(canonical)), None)
        if problem is not None:
            where = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in problem.path)
            return canonical, Decimal(0), f"CustomerReceipt{where}: {problem.message}"
        refusal = _decimal_places_refusal(self.sums, canonical)
        if refusal is not None:
            return canonical, Decimal(0), refusal
        return (canonical, *_inconsistency(self.sums, canonical))

    def _queued(self, record: ReceiptRecord) -> Outcome:
        """The answer to a new receipt (its id, `Queued`); committed, it is kept and the receipts due are
        fiscalised."""
        add, fiscalise = self._queue(record)
        answer = ok({"Id": record.receipt_id, "ErrorCode": 0, "ReceiptLocalUrl": _local_url(record)})
        answer["Message"] = ReceiptStatus.QUEUED.value
        answer["Warning"] = None

        def commit() -> None:
            add()
            fiscalise()

        return Outcome(answer, commit)

    def _queue(self, record: ReceiptRecord) -> tuple[Callable[[], None], Callable[[], None]]:
        """The steps that keep a new receipt and fiscalise the receipts due (this one too when due now)."""
        due = [*self._due(), *([record] if record.due_at <= self.clock() else [])]
        fiscalise, _ = self._fiscalise(due)

        def add() -> None:
            self.state.receipts[record.receipt_id] = record
            self.state.queued[record.receipt_id] = record

        return add, fiscalise

    def _due(self) -> list[ReceiptRecord]:
        moment = self.clock()
        return [record for record in self.state.queued.values() if record.due_at <= moment]

    def _fiscalise_due(self) -> tuple[Callable[[], None], dict[str, ReceiptRecord]]:
        return self._fiscalise(self._due())

    def _fiscalise(self, due: list[ReceiptRecord]) -> tuple[Callable[[], None], dict[str, ReceiptRecord]]:
        """Decides the receipts `due`: each as the commit leaves it (by id), and the commit, which stores
        them and sends what their fiscalisation announces."""
        after: dict[str, ReceiptRecord] = {}
        announcements: list[Callable[[], None]] = []
        document = self.state.documents
        for record in due:
            if record.error is not None:
                after[record.receipt_id] = dataclasses.replace(record, status=ReceiptStatus.ERROR.value)
                continue
            document += 1
            decided = self._fiscalised(record, document)
            after[record.receipt_id] = decided
            if not record.correction:
                announcements.append(self.events.announce(Event.RECEIPT_PROCESSED, decided))

        def commit() -> None:
            for receipt_id, decided in after.items():
                self.state.queued.pop(receipt_id, None)
                self.state.receipts[receipt_id] = decided
            self.state.documents = document
            for announce in announcements:
                announce()

        return commit, after

    def _fiscalised(self, record: ReceiptRecord, document: int) -> ReceiptRecord:
        moment = now()
        sign = str(secrets.randbelow(9_000_000_000) + 1_000_000_000)
        fiscal_number = CASH_REGISTER["FiscalNumber"]
        total = _money(record.total)
        qr = (
            f"t={moment:%Y%m%dT%H%M}&s={total}&fn={fiscal_number}&i={document}&fp={sign}"
            f"&n={self.type_codes[record.receipt_type]}"
        )
        receipt = record.customer_receipt
        fiscal: dict[str, Any] = {
            "Id": record.receipt_id,
            "AccountId": record.account_id,
            "Amount": _number(record.total),
            "CalculationPlace": receipt.get("CalculationPlace"),
            "CashierName": receipt.get("CashierName"),
            "DateTime": iso_date(moment),
            "DeviceNumber": CASH_REGISTER["DeviceNumber"],
            "DocumentNumber": str(document),
            "FiscalNumber": fiscal_number,
            "FiscalSign": sign,
            "InvoiceId": record.invoice_id,
            "Ofd": CASH_REGISTER["Ofd"],
            "OfdReceiptUrl": f"https://consumer.1-ofd.ru/v1?fn={fiscal_number}&fp={sign}&i={document}",
            "OrganizationInn": record.inn,
            "QrCodeUrl": "https://qr.cloudpayments.ru/receipt?q=" + quote(qr, safe=""),
            "RegNumber": CASH_REGISTER["RegNumber"],
            "SenderEmail": None,
            "SessionCheckNumber": str(document),
            "SessionNumber": "1",
            "SettlePlace": None,
            "TransactionId": record.transaction_id,
            "Type": record.receipt_type,
        }
        return dataclasses.replace(
            record, status=ReceiptStatus.PROCESSED.value, fiscalised=moment, fiscal=fiscal
        )

    def _find(self, receipt_id: str, after: dict[str, ReceiptRecord]) -> ReceiptRecord | None:
        return after.get(receipt_id) or self.state.receipts.get(receipt_id)


def _local_url(record: ReceiptRecord) -> str:
    """Where the API shows a receipt (the reference's example's address)."""
    return f"https://receipts.ru/{record.receipt_id}"


def _payment_receipt(json_data: Any) -> Any:
    """`CloudPayments.CustomerReceipt` of a payment's JsonData, its keys matched in any case; None when
    absent."""
    instructions = _key(json_data, "CloudPayments")
    return _key(instructions, "CustomerReceipt")


def _key(value: Any, name: str) -> Any:
    if not isinstance(value, dict):
        return None
    folded = name.casefold()
    return next((item for key, item in value.items() if str(key).casefold() == folded), None)


def _decimal(value: Any) -> Decimal:
    return Decimal(str(value))


def _decimal_places_refusal(sums: ReceiptSums, receipt: Any, name: str = "CustomerReceipt") -> str | None:
    """Why a sum of the receipt is refused: more significant fractional digits than the spec allows it
    (`ReceiptMoney`: two), never rounded."""
    if not isinstance(receipt, dict):
        return None
    places: list[tuple[str, Any, int]] = []
    for index, item in enumerate(receipt.get("Items") or []):
        if isinstance(item, dict):
            places.extend((f"Items[{index}].{key}", item.get(key), most) for key, most in sums.items.items())
    amounts = receipt.get("Amounts")
    if isinstance(amounts, dict):
        places.extend((f"Amounts.{key}", amounts.get(key), most) for key, most in sums.amounts.items())
    for where, value, most in places:
        if value is None or isinstance(value, bool):
            continue
        try:
            exponent = _decimal(value).normalize().as_tuple().exponent
        except InvalidOperation:
            continue  # not a number: the schema says so
        if isinstance(exponent, int) and -exponent > most:
            return f"{name}.{where} must have at most {most} decimal places: {value}"
    return None


def _inconsistency(sums: ReceiptSums, receipt: dict[str, Any]) -> tuple[Decimal, str | None]:
    """The items' total and why they do not add up (None when they do), in exact Decimal arithmetic: an
    item's `Amount` is its `Price` x `Quantity` less any discount, so never more (to the kopeck); the items
    are the whole of `Amounts`, when given; and the total is more than 0."""
    total = Decimal(0)
    for index, item in enumerate(receipt["Items"]):
        price, quantity, amount = (_decimal(item[name]) for name in ("Price", "Quantity", "Amount"))
        cost = MONEY_CONTEXT.multiply(price, quantity).quantize(_CENT, ROUND_HALF_UP, MONEY_CONTEXT)
        if amount > cost:
            return total, (
                f"Items[{index}] ({item['Label']}): Amount {_money(amount)} is more than Price x Quantity "
                f"({_money(price)} x {quantity} = {_money(cost)})"
            )
        total = MONEY_CONTEXT.add(total, amount)
    if total <= 0:
        return total, "the items add up to 0.00: a receipt's total must be more than 0"
    amounts = receipt.get("Amounts")
    if isinstance(amounts, dict):
        paid = Decimal(0)
        for name in sums.amounts:
            if amounts.get(name) is not None:
                paid = MONEY_CONTEXT.add(paid, _decimal(amounts[name]))
        if paid != total:
            return total, f"the items add up to {_money(total)}, Amounts to {_money(paid)}"
    return total, None


def _correction_inconsistency(sums: ReceiptSums, data: dict[str, Any]) -> tuple[Decimal, str | None]:
    """A correction receipt's total (`Amounts` added up) and why it does not add up (None when it does): its
    items, when given, as for a receipt (`_inconsistency`); else `Amounts`' total must be more than 0."""
    if data.get("Items"):
        return _inconsistency(sums, data)
    paid = Decimal(0)
    for name in sums.amounts:
        if data["Amounts"].get(name) is not None:
            paid = MONEY_CONTEXT.add(paid, _decimal(data["Amounts"][name]))
    if paid <= 0:
        return paid, "Amounts add up to 0.00: a correction receipt's total must be more than 0"
    return paid, None


def _money(value: Decimal) -> str:
    return f"{value.quantize(_CENT, ROUND_HALF_UP, MONEY_CONTEXT):f}"


def _number(value: Any) -> int | float | None:
    """A sum or quantity as the answer writes it: a JSON number (10, 2.5)."""
    if value is None or isinstance(value, bool):
        return None
    exact = _decimal(value)
    return int(exact) if exact == exact.to_integral_value() else float(exact)


def _status(record: ReceiptRecord) -> dict[str, Any]:
    """A receipt's status as the status reads answer it: `Message` the reason of an `Error`."""
    answer = ok(record.status)
    if record.status == ReceiptStatus.ERROR:
        answer["Message"] = record.error
    return answer


def _issued_items(items: Any) -> list[dict[str, Any]]:
    """A receipt's items as the reads write them: their sums as JSON numbers, `Vat` null when left out."""
    issued_items = []
    for item in items or []:
        issued = {key: value for key, value in item.items()}
        for name in ("Price", "Quantity", "Amount"):
            issued[name] = _number(item[name])
        issued.setdefault("Vat", None)
        issued_items.append(issued)
    return issued_items


def _issued(sums: ReceiptSums, record: ReceiptRecord) -> dict[str, Any]:
    """The fiscalised receipt as `/kkt/receipt/get` answers it."""
    receipt = record.customer_receipt
    amounts = receipt.get("Amounts")
    return {
        "Email": receipt.get("Email"),
        "Phone": receipt.get("Phone"),
        "Items": _issued_items(receipt["Items"]),
        "TaxationSystem": receipt.get("TaxationSystem"),
        "Amounts": None
        if not isinstance(amounts, dict)
        else {name: _number(amounts.get(name)) for name in sums.amounts},
        "IsBso": bool(receipt.get("IsBso")),
        "AdditionalData": dict(record.fiscal or {}),
    }


def _issued_correction(sums: ReceiptSums, record: ReceiptRecord) -> dict[str, Any]:
    """A correction receipt as `/kkt/correction-receipt/get` answers it, in the reference's order: its
    status, its `CorrectionReceiptData` (`CauseCorrection` written as `CorrectionDate` and `CorrectionNumber`,
    `Amounts` with their `Sum`, a kind not given 0), its fiscal data (null until Processed; those of a
    receipt's `AdditionalData`, `Ofd` as `OfdName`), then the other requisites as given."""
    data = record.customer_receipt
    given = data.get("Amounts") or {}
    amounts: dict[str, Any] = {name: _number(given.get(name)) or 0 for name in sums.amounts}
    paid = Decimal(0)
    for name in sums.amounts:
        if given.get(name) is not None:
            paid = MONEY_CONTEXT.add(paid, _decimal(given[name]))
    amounts["Sum"] = _number(paid)
    cause = data.get("CauseCorrection") or {}
    error = record.status == ReceiptStatus.ERROR
    fiscal = record.fiscal or {}
    answer: dict[str, Any] = {
        "Status": record.status,
        "ErrorCode": -1 if error else None,
        "ErrorMessage": record.error if error else None,
        "Amounts": amounts,
        "Items": _issued_items(data.get("Items")),
        "TaxationSystem": int(data["TaxationSystem"]),
        "CorrectionType": data.get("CorrectionType"),
        "CorrectionReceiptType": int(data["CorrectionReceiptType"]),
        "VatRate": data.get("VatRate"),
        "CorrectionDate": cause.get("CorrectionDate"),
        "CorrectionNumber": cause.get("CorrectionNumber"),
        "Id": record.receipt_id,
        "Amount": _number(record.total),
        "PaymentPlace": data.get("PaymentPlace"),
        "PaymentAddress": data.get("PaymentAddress"),
        "CashierName": data.get("CashierName"),
        "DeviceNumber": fiscal.get("DeviceNumber"),
        "DocumentNumber": fiscal.get("DocumentNumber"),
        "FiscalNumber": fiscal.get("FiscalNumber"),
        "FiscalSign": fiscal.get("FiscalSign"),
        "OfdName": fiscal.get("Ofd"),
        "OfdInn": CASH_REGISTER["OfdInn"] if fiscal else None,
        "OfdReceiptUrl": fiscal.get("OfdReceiptUrl"),
        "OrganizationInn": record.inn,
        "RegNumber": fiscal.get("RegNumber"),
        "SessionCheckNumber": fiscal.get("SessionCheckNumber"),
        "SessionNumber": fiscal.get("SessionNumber"),
        "DateTime": fiscal.get("DateTime"),
        "QrCodeUrl": fiscal.get("QrCodeUrl"),
    }
    for key, value in data.items():
        if key not in ("CauseCorrection", "Items", "Amounts"):
            answer.setdefault(key, value)
    return answer


def receipt_seconds_refusal(seconds: float) -> str | None:
    """Why a `receipt_seconds` is refused at start (None when it is fine)."""
    if not (seconds >= 0 and seconds != float("inf")):
        return f"receipt_seconds must be a finite number of seconds, at least 0: {seconds!r}"
    return None


def inn_refusal(inn: str) -> str | None:
    """Why an INN is refused at start: 10 digits (a company) or 12 (an entrepreneur)."""
    if not (inn.isascii() and inn.isdigit() and len(inn) in (10, 12)):
        return f"inn must be 10 or 12 digits: {inn!r}"
    return None
