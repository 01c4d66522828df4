"""Parameter tables of the receipts of the online cash register (CloudKassir), transcribed from CloudKassir's
reference (`developers.cloudkassir.ru`, the API at `api.cloudpayments.ru`) as test data.

Rows are (name, documented format, required), as in `reference_parameters.py`: its `Строка` is `String`,
`Число` `Numeric` (`Int` where the values are codes), `Булевый` `Bool`, `JSON` `Json`, `Массив` `Array`.
Where this description departs from a table, `TAKEN_ABSENT` says so (and the schema's description why).
"""

from __future__ import annotations

from typing import Final

from contract_tests.spec.reference_parameters import OPTIONAL, REQUIRED, Row

RECEIPT: Final = "/kkt/receipt"
STATUS: Final = "/kkt/receipt/status/get"
GET: Final = "/kkt/receipt/get"
CORRECTION: Final = "/kkt/correction-receipt"
CORRECTION_STATUS: Final = "/kkt/correction-receipt/status/get"
CORRECTION_GET: Final = "/kkt/correction-receipt/get"

# operationId and tag of each operation.
OPERATION_IDS: Final = {
    RECEIPT: ("createReceipt", "receipts"),
    STATUS: ("getReceiptStatus", "receipts"),
    GET: ("getReceipt", "receipts"),
    CORRECTION: ("createCorrectionReceipt", "receipts"),
    CORRECTION_STATUS: ("getCorrectionReceiptStatus", "receipts"),
    CORRECTION_GET: ("getCorrectionReceipt", "receipts"),
}
# `#formirovanie-kassovogo-cheka`, `#zapros-statusa-cheka`, `#poluchenie-dannyh-cheka`
RECEIPT_PARAMETERS: Final[dict[str, list[Row]]] = {
    RECEIPT: [
        ("Inn", "String", REQUIRED),
        ("Type", "String", REQUIRED),
        ("CustomerReceipt", "Json", REQUIRED),
        ("InvoiceId", "String", OPTIONAL),
        ("AccountId", "String", OPTIONAL),
    ],
    STATUS: [("Id", "String", REQUIRED)],
    GET: [("Id", "String", REQUIRED)],
    CORRECTION: [("CorrectionReceiptData", "Json", REQUIRED)],
    # `#zapros-statusa-cheka-korrektsii`; `#poluchenie-dannyh-cheka-korrektsii` has no table, its example
    # sends the same `Id`.
    CORRECTION_STATUS: [("Id", "String", REQUIRED)],
    CORRECTION_GET: [("Id", "String", REQUIRED)],
}
# `#customerreceipt`: the first table (the documented requisites this description names).
CUSTOMER_RECEIPT: Final[list[Row]] = [
    ("Items", "Array", REQUIRED),
    ("TaxationSystem", "Int", REQUIRED),
    ("Amounts", "Json", REQUIRED),
    ("CalculationPlace", "String", OPTIONAL),
    ("Email", "String", OPTIONAL),
    ("Phone", "String", OPTIONAL),
    ("CustomerInfo", "String", OPTIONAL),
    ("CustomerInn", "String", OPTIONAL),
    ("IsBso", "Bool", OPTIONAL),
    ("AgentSign", "Int", OPTIONAL),
    ("CashierName", "String", OPTIONAL),
    ("AdditionalReceiptInfos", "Array", OPTIONAL),
    ("AdditionalReceiptRequisite", "String", OPTIONAL),
    ("IsInternetPayment", "Bool", OPTIONAL),
    ("RussiaTimeZone", "Int", OPTIONAL),
]
# The items' table (its first columns; the agent, marking and customs requisites are taken as given).
RECEIPT_ITEM: Final[list[Row]] = [
    ("Label", "String", REQUIRED),
    ("Price", "Numeric", REQUIRED),
    ("Quantity", "Numeric", REQUIRED),
    ("Vat", "Int", REQUIRED),
    ("Amount", "Numeric", REQUIRED),
    ("Method", "Int", OPTIONAL),
    ("Object", "Int", OPTIONAL),
    ("MeasurementUnit", "String", OPTIONAL),
    ("Excise", "Numeric", OPTIONAL),
    ("CountryOriginCode", "String", OPTIONAL),
    ("CustomsDeclarationNumber", "String", OPTIONAL),
    ("AgentSign", "Int", OPTIONAL),
    ("AgentData", "Json", OPTIONAL),
    ("PurveyorData", "Json", OPTIONAL),
    ("AdditionalPositionInfo", "String", OPTIONAL),
    ("SaleObjectData", "String", OPTIONAL),
    ("UnitCode", "Int", OPTIONAL),
]
# `#amounts`; `Cash` is in the reference's example, not its table.
RECEIPT_AMOUNTS: Final[list[Row]] = [
    ("Electronic", "Numeric", OPTIONAL),
    ("AdvancePayment", "Numeric", OPTIONAL),
    ("Credit", "Numeric", OPTIONAL),
    ("Provision", "Numeric", OPTIONAL),
    ("Cash", "Numeric", OPTIONAL),
]
# `#correctionreceiptdata`; `Items` is written `JSON` there, an array of `#items` (its example's).
CORRECTION_RECEIPT_DATA: Final[list[Row]] = [
    ("OrganizationInn", "String", REQUIRED),
    ("VatRate", "Int", OPTIONAL),
    ("TaxationSystem", "Int", REQUIRED),
    ("CorrectionReceiptType", "Int", REQUIRED),
    ("CauseCorrection", "Json", REQUIRED),
    ("Amounts", "Json", REQUIRED),
    ("Items", "Array", OPTIONAL),
    ("IndustryRequisites", "Array", OPTIONAL),
    ("UserRequisiteData", "Json", OPTIONAL),
    ("OperationReceiptRequisite", "Json", OPTIONAL),
    ("CustomerInfo", "String", OPTIONAL),
    ("CustomerInn", "String", OPTIONAL),
    ("CustomerBirthday", "String", OPTIONAL),
    ("CustomerStateCode", "String", OPTIONAL),
    ("CustomerDocType", "String", OPTIONAL),
    ("CustomerDoc", "String", OPTIONAL),
    ("CustomerPlace", "String", OPTIONAL),
    ("IsBso", "Bool", OPTIONAL),
    ("CustomerContactAddress", "String", OPTIONAL),
    ("CashierName", "String", OPTIONAL),
    ("CashierInn", "String", OPTIONAL),
    ("PaymentPlace", "String", OPTIONAL),
    ("PaymentAddress", "String", OPTIONAL),
    ("CorrectionType", "Int", OPTIONAL),
    ("AdditionalReceiptRequisite", "String", OPTIONAL),
    ("IsInternetPayment", "Bool", OPTIONAL),
    ("RussiaTimeZone", "Int", OPTIONAL),
]
# `#causecorrection`
CAUSE_CORRECTION: Final[list[Row]] = [
    ("CorrectionDate", "String", REQUIRED),
    ("CorrectionNumber", "String", REQUIRED),
]
# Required by a table, optional here (each schema's description says why): TaxationSystem may be left out
# with one taxation system (the table's own text), Amounts is absent from the reference's own receipts,
# Vat's first row is "null or left out", and the correction receipt's example sends `CorrectionNumber: null`.
TAKEN_ABSENT: Final = frozenset(
    {
        ("CustomerReceipt", "TaxationSystem"),
        ("CustomerReceipt", "Amounts"),
        ("ReceiptItem", "Vat"),
        ("CauseCorrection", "CorrectionNumber"),
    }
)

# The code tables: `#type`, `#vat`, `#method`, `#object`, `#taxationsystem`.
RECEIPT_TYPES: Final = ["Income", "IncomeReturn", "Expense", "ExpenseReturn"]
VAT_RATES: Final = [0, 5, 7, 10, 20, 22, 105, 107, 110, 120, 122]
METHODS: Final = [1, 2, 3, 4, 5, 6, 7]
OBJECTS: Final = [*range(28), 30, 31, 32, 33]
TAXATION_SYSTEMS: Final = [0, 1, 2, 3, 4, 5]
STATUSES: Final = ["Queued", "Processed", "Error", "NotFound"]
# `#correctionreceipttype` (the settlement signs of `#type`, in its order) and `#correctiontype`.
CORRECTION_RECEIPT_TYPES: Final = [1, 2, 3, 4]
CORRECTION_TYPES: Final = [0, 1]
# `#poluchenie-dannyh-cheka-korrektsii`: the fields of the answer's example, in its order (no table there).
CORRECTION_RECEIPT_FIELDS: Final = [
    "Status",
    "ErrorCode",
    "ErrorMessage",
    "Amounts",
    "Items",
    "TaxationSystem",
    "CorrectionType",
    "CorrectionReceiptType",
    "VatRate",
    "CorrectionDate",
    "CorrectionNumber",
    "Id",
    "Amount",
    "PaymentPlace",
    "PaymentAddress",
    "CashierName",
    "DeviceNumber",
    "DocumentNumber",
    "FiscalNumber",
    "FiscalSign",
    "OfdName",
    "OfdInn",
    "OfdReceiptUrl",
    "OrganizationInn",
    "RegNumber",
    "SessionCheckNumber",
    "SessionNumber",
]
CORRECTION_AMOUNTS_FIELDS: Final = ["Electronic", "Cash", "AdvancePayment", "Credit", "Provision", "Sum"]
