"""`ReceiptAdditionalData`: an object of an answer, read field by field (see `AnswerModel`)."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from ..types import AnswerModel, read_decimal, read_int, read_str


class ReceiptAdditionalData(AnswerModel):
    """The fiscal data of a fiscalised receipt (`AdditionalData` of `/kkt/receipt/get`).

    Every field is data: None when absent, null or unreadable (the answer as it arrived is in `raw`).
    """

    __slots__ = ()
    _FIELDS: ClassVar[dict[str, str]] = {
        "Id": "id",
        "DocumentNumber": "document_number",
        "FiscalNumber": "fiscal_number",
        "FiscalSign": "fiscal_sign",
        "OfdReceiptUrl": "ofd_receipt_url",
        "QrCodeUrl": "qr_code_url",
        "SessionNumber": "session_number",
        "AccountId": "account_id",
        "Amount": "amount",
        "CalculationPlace": "calculation_place",
        "CashierName": "cashier_name",
        "DateTime": "date_time",
        "DeviceNumber": "device_number",
        "InvoiceId": "invoice_id",
        "Ofd": "ofd",
        "OrganizationInn": "organization_inn",
        "RegNumber": "reg_number",
        "SenderEmail": "sender_email",
        "SessionCheckNumber": "session_check_number",
        "SettlePlace": "settle_place",
        "TransactionId": "transaction_id",
        "Type": "type_",
    }
    _DECISIVE: ClassVar[tuple[tuple[str, tuple[type, ...]], ...]] = ()

    @property
    def id(self) -> str | None:
        """Id of the receipt."""
        return read_str(self, "Id")

    @property
    def document_number(self) -> str | None:
        """Number of the fiscal document."""
        return read_str(self, "DocumentNumber")

    @property
    def fiscal_number(self) -> str | None:
        """Number of the fiscal drive."""
        return read_str(self, "FiscalNumber")

    @property
    def fiscal_sign(self) -> str | None:
        """Fiscal sign of the document."""
        return read_str(self, "FiscalSign")

    @property
    def ofd_receipt_url(self) -> str | None:
        """The receipt at the fiscal data operator."""
        return read_str(self, "OfdReceiptUrl")

    @property
    def qr_code_url(self) -> str | None:
        """The QR code that checks the receipt with the tax service."""
        return read_str(self, "QrCodeUrl")

    @property
    def session_number(self) -> str | None:
        """Number of the shift."""
        return read_str(self, "SessionNumber")

    @property
    def account_id(self) -> str | None:
        """Payer id."""
        return read_str(self, "AccountId")

    @property
    def amount(self) -> Decimal | None:
        """Total of the receipt."""
        return read_decimal(self, "Amount")

    @property
    def calculation_place(self) -> str | None:
        """Where the settlement took place."""
        return read_str(self, "CalculationPlace")

    @property
    def cashier_name(self) -> str | None:
        """Name of the cashier."""
        return read_str(self, "CashierName")

    @property
    def date_time(self) -> str | None:
        """When the receipt was fiscalised, `yyyy-MM-ddTHH:mm:ss`."""
        return read_str(self, "DateTime")

    @property
    def device_number(self) -> str | None:
        """Serial number of the cash register."""
        return read_str(self, "DeviceNumber")

    @property
    def invoice_id(self) -> str | None:
        """Order number."""
        return read_str(self, "InvoiceId")

    @property
    def ofd(self) -> str | None:
        """Name of the fiscal data operator."""
        return read_str(self, "Ofd")

    @property
    def organization_inn(self) -> str | None:
        """INN of the seller."""
        return read_str(self, "OrganizationInn")

    @property
    def reg_number(self) -> str | None:
        """Registration number of the cash register."""
        return read_str(self, "RegNumber")

    @property
    def sender_email(self) -> str | None:
        """The address the receipt was sent from."""
        return read_str(self, "SenderEmail")

    @property
    def session_check_number(self) -> str | None:
        """Number of the receipt in the shift."""
        return read_str(self, "SessionCheckNumber")

    @property
    def settle_place(self) -> str | None:
        """Where the cash register is installed."""
        return read_str(self, "SettlePlace")

    @property
    def transaction_id(self) -> int | None:
        """The transaction the receipt is for."""
        return read_int(self, "TransactionId")

    @property
    def type_(self) -> str | None:
        """Kind of settlement (`#type`): `Income` money received from the payer, `IncomeReturn` its return,
        `Expense` money paid out to the payer, `ExpenseReturn` its return. `x-codes`: the settlement sign's
        code (OFD tag 1054), which the receipt's QR code carries as `n`."""
        return read_str(self, "Type")
