"""Request parameter tables of the seed API description, transcribed as test data.

Each row is (name, seed format, required) exactly as the seed's tables give them. The seed
leaves the name cell empty on the payer e-mail rows ("String | Optional | Email of payer ...",
"String | Required | Payer's email address"): those rows are the `Email` parameter.
The seed states that /payments/cards/auth and /payments/tokens/auth take the same parameters
as the matching charge methods. /test takes no parameters.
"""

from __future__ import annotations

from typing import Final, Literal

SeedFormat = Literal["Numeric", "Int", "Bool", "DateTime", "Json", "String"]
Row = tuple[str, SeedFormat, bool]

REQUIRED: Final = True
OPTIONAL: Final = False

# JSON Schema type (and format) that each seed format must map to in the JSON request schema.
SEED_TYPE_TO_JSON_SCHEMA: Final[dict[SeedFormat, tuple[str, str | None]]] = {
    "Numeric": ("number", None),
    "Int": ("integer", None),
    "Bool": ("boolean", None),
    "DateTime": ("string", "date-time"),
    "Json": ("object", None),
    "String": ("string", None),
}

_CARD_PAYMENT: Final[list[Row]] = [
    ("Amount", "Numeric", REQUIRED),
    ("Currency", "String", REQUIRED),
    ("InvoiceId", "String", OPTIONAL),
    ("Description", "String", OPTIONAL),
    ("IpAddress", "String", REQUIRED),
    ("AccountId", "String", OPTIONAL),
    ("Email", "String", OPTIONAL),
    ("JsonData", "Json", OPTIONAL),
    ("Name", "String", REQUIRED),
    ("CardCryptogramPacket", "String", REQUIRED),
]

_TOKEN_PAYMENT: Final[list[Row]] = [
    ("Amount", "Numeric", REQUIRED),
    ("Currency", "String", REQUIRED),
    ("InvoiceId", "String", OPTIONAL),
    ("Description", "String", OPTIONAL),
    ("AccountId", "String", REQUIRED),
    ("Email", "String", OPTIONAL),
    ("JsonData", "Json", OPTIONAL),
    ("Token", "String", REQUIRED),
]

SEED_PARAMETERS: Final[dict[str, list[Row]]] = {
    "/test": [],
    "/payments/cards/charge": _CARD_PAYMENT,
    "/payments/cards/auth": _CARD_PAYMENT,
    "/payments/cards/post3ds": [
        ("TransactionId", "Int", REQUIRED),
        ("PaRes", "String", REQUIRED),
    ],
    "/payments/tokens/charge": _TOKEN_PAYMENT,
    "/payments/tokens/auth": _TOKEN_PAYMENT,
    "/payments/confirm": [
        ("TransactionId", "Int", REQUIRED),
        ("Amount", "Numeric", REQUIRED),
    ],
    "/payments/void": [
        ("TransactionId", "Int", REQUIRED),
    ],
    "/payments/refund": [
        ("TransactionId", "Int", REQUIRED),
        ("Amount", "Numeric", REQUIRED),
    ],
    "/subscriptions/create": [
        ("Token", "String", REQUIRED),
        ("AccountId", "String", REQUIRED),
        ("Description", "String", REQUIRED),
        ("Email", "String", REQUIRED),
        ("Amount", "Numeric", REQUIRED),
        ("Currency", "String", REQUIRED),
        ("RequireConfirmation", "Bool", REQUIRED),
        ("StartDate", "DateTime", REQUIRED),
        ("Interval", "String", REQUIRED),
        ("Period", "Int", REQUIRED),
        ("MaxPeriods", "Int", OPTIONAL),
    ],
    "/subscriptions/get": [
        ("Id", "String", REQUIRED),
    ],
    "/subscriptions/cancel": [
        ("Id", "String", REQUIRED),
    ],
    "/orders/create": [
        ("Amount", "Numeric", REQUIRED),
        ("Currency", "String", REQUIRED),
        ("Description", "String", REQUIRED),
        ("Email", "String", REQUIRED),
        ("RequireConfirmation", "Bool", REQUIRED),
        ("SendEmail", "Bool", REQUIRED),
    ],
}

SEED_PATHS: Final[tuple[str, ...]] = tuple(SEED_PARAMETERS)
