"""`CorrectionReceipt`: an object of an answer, read field by field (see `AnswerModel`)."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from ..types import AnswerModel, read_decimal, read_int, read_list, read_model, read_str
from .issued_correction_receipt_amounts import IssuedCorrectionReceiptAmounts
from .issued_receipt_item import IssuedReceiptItem


class CorrectionReceipt(AnswerModel):
    """A correction receipt as `/kkt/correction-receipt/get` answers it (`#poluchenie-dannyh-cheka-korrektsii`):
    its status, what was issued (the requisites of `CorrectionReceiptData` as given, its `CauseCorrection`
    written as `CorrectionDate` and `CorrectionNumber`) and, once `Processed`, its fiscal data; the fiscal
    data are null while it is `Queued` or when it is an `Error`.

    Every field is data: None when absent, null or unreadable (the answer as it arrived is in `raw`).
    """

    __slots__ = ()
    _FIELDS: ClassVar[dict[str, str]] = {
        "Status": "status",
        "Amounts": "amounts",
        "Items": "items",
        "CorrectionReceiptType": "correction_receipt_type",
        "Id": "id",
        "OrganizationInn": "organization_inn",
        "ErrorCode": "error_code",
        "ErrorMessage": "error_message",
        "TaxationSystem": "taxation_system",
        "CorrectionType": "correction_type",
        "VatRate": "vat_rate",
        "CorrectionDate": "correction_date",
        "CorrectionNumber": "correction_number",
        "Amount": "amount",
        "PaymentPlace": "payment_place",
        "PaymentAddress": "payment_address",
        "CashierName": "cashier_name",
        "DeviceNumber": "device_number",
        "DocumentNumber": "document_number",
        "FiscalNumber": "fiscal_number",
        "FiscalSign": "fiscal_sign",
        "OfdName": "ofd_name",
        "OfdInn": "ofd_inn",
        "OfdReceiptUrl": "ofd_receipt_url",
        "RegNumber": "reg_number",
        "SessionCheckNumber": "session_check_number",
        "SessionNumber": "session_number",
        "DateTime": "date_time",
        "QrCodeUrl": "qr_code_url",
    }
    _DECISIVE: ClassVar[tuple[tuple[str, tuple[type, ...]], ...]] = ()

    @property
    def status(self) -> str | None:
        """`Queued` not fiscalised yet, `Processed` fiscalised, `Error` refused (see `Message`), `NotFound` no
        such receipt."""
        return read_str(self, "Status")

    @property
    def amounts(self) -> IssuedCorrectionReceiptAmounts | None:
        """How the total of a correction receipt was paid (see `ReceiptAmounts`), a kind not given 0, and
        `Sum`, their total."""
        return read_model(self, "Amounts", IssuedCorrectionReceiptAmounts)

    @property
    def items(self) -> list[IssuedReceiptItem] | None:
        """The items as issued (none when none were given)."""
        return read_list(self, "Items", IssuedReceiptItem)

    @property
    def correction_receipt_type(self) -> int | None:
        """Settlement sign of the correction (see `CorrectionReceiptType`)."""
        return read_int(self, "CorrectionReceiptType")

    @property
    def id(self) -> str | None:
        """Id of the correction receipt."""
        return read_str(self, "Id")

    @property
    def organization_inn(self) -> str | None:
        """INN of the seller."""
        return read_str(self, "OrganizationInn")

    @property
    def error_code(self) -> int | None:
        """null; -1 for an `Error`."""
        return read_int(self, "ErrorCode")

    @property
    def error_message(self) -> str | None:
        """Why an `Error` receipt was refused, or null."""
        return read_str(self, "ErrorMessage")

    @property
    def taxation_system(self) -> int | None:
        """Taxation system (see `TaxationSystem`)."""
        return read_int(self, "TaxationSystem")

    @property
    def correction_type(self) -> int | None:
        """Kind of correction (see `CorrectionType`)."""
        return read_int(self, "CorrectionType")

    @property
    def vat_rate(self) -> int | None:
        """VAT rate of the receipt, or null."""
        return read_int(self, "VatRate")

    @property
    def correction_date(self) -> str | None:
        """Date of the document the correction is based on (the reference's example writes a date and time in
        UTC)."""
        return read_str(self, "CorrectionDate")

    @property
    def correction_number(self) -> str | None:
        """Number of the document the correction is based on."""
        return read_str(self, "CorrectionNumber")

    @property
    def amount(self) -> Decimal | None:
        """Total of the receipt."""
        return read_decimal(self, "Amount")

    @property
    def payment_place(self) -> str | None:
        """Where the cash register is used (the site)."""
        return read_str(self, "PaymentPlace")

    @property
    def payment_address(self) -> str | None:
        """Address where the cash register is used."""
        return read_str(self, "PaymentAddress")

    @property
    def cashier_name(self) -> str | None:
        """Name of the cashier."""
        return read_str(self, "CashierName")

    @property
    def device_number(self) -> str | None:
        """Serial number of the cash register."""
        return read_str(self, "DeviceNumber")

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
    def ofd_name(self) -> str | None:
        """Name of the fiscal data operator."""
        return read_str(self, "OfdName")

    @property
    def ofd_inn(self) -> str | None:
        """INN of the fiscal data operator."""
        return read_str(self, "OfdInn")

    @property
    def ofd_receipt_url(self) -> str | None:
        """The receipt at the fiscal data operator."""
        return read_str(self, "OfdReceiptUrl")

    @property
    def reg_number(self) -> str | None:
        """Registration number of the cash register."""
        return read_str(self, "RegNumber")

    @property
    def session_check_number(self) -> str | None:
        """Number of the receipt in the shift."""
        return read_str(self, "SessionCheckNumber")

    @property
    def session_number(self) -> str | None:
        """Number of the shift."""
        return read_str(self, "SessionNumber")

    @property
    def date_time(self) -> str | None:
        """When it was fiscalised, `yyyy-MM-ddTHH:mm:ss` (as `AdditionalData` of `/kkt/receipt/get`; not in the
        reference's example)."""
        return read_str(self, "DateTime")

    @property
    def qr_code_url(self) -> str | None:
        """The QR code that checks it with the tax service (as `AdditionalData` of `/kkt/receipt/get`; not in
        the reference's example)."""
        return read_str(self, "QrCodeUrl")
