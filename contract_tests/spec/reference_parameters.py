"""Request parameter tables of the operations the seed lacks, transcribed from the current documentation
(the reference fact sheet, sections 3.7-3.11) as test data.

Each row is (name, documented format, required). `Date` is a day (`yyyy-MM-dd`), `Array` a list of values.
The notification settings take their type as a path segment, not a body parameter.
"""

from __future__ import annotations

from typing import Final, Literal

RefFormat = Literal["Numeric", "Int", "Bool", "DateTime", "Date", "Json", "Array", "String"]
Row = tuple[str, RefFormat, bool]

REQUIRED: Final = True
OPTIONAL: Final = False

# JSON Schema type (and format) each documented format maps to in the JSON request schema.
REF_TYPE_TO_JSON_SCHEMA: Final[dict[RefFormat, tuple[str, str | None]]] = {
    "Numeric": ("number", None),
    "Int": ("integer", None),
    "Bool": ("boolean", None),
    "DateTime": ("string", "date-time"),
    "Date": ("string", "date"),
    "Json": ("object", None),
    "Array": ("array", None),
    "String": ("string", None),
}

_FIND: Final[list[Row]] = [("InvoiceId", "String", REQUIRED)]

REFERENCE_PARAMETERS: Final[dict[str, list[Row]]] = {
    "/payments/get": [("TransactionId", "Int", REQUIRED)],
    "/payments/find": _FIND,
    "/v2/payments/find": _FIND,
    "/payments/list": [("Date", "Date", REQUIRED), ("TimeZone", "String", OPTIONAL)],
    "/v2/payments/list": [
        ("CreatedDateGte", "DateTime", REQUIRED),
        ("CreatedDateLte", "DateTime", REQUIRED),
        ("PageNumber", "Int", REQUIRED),
        ("TimeZone", "String", OPTIONAL),
        ("Statuses", "Array", OPTIONAL),
    ],
    "/payments/tokens/list": [("PageNumber", "Int", REQUIRED)],
    "/payments/cards/topup": [
        ("CardCryptogramPacket", "String", REQUIRED),
        ("Amount", "Numeric", REQUIRED),
        ("Currency", "String", REQUIRED),
        ("Name", "String", OPTIONAL),
        ("AccountId", "String", OPTIONAL),
        ("Email", "String", OPTIONAL),
        ("JsonData", "Json", OPTIONAL),
        ("InvoiceId", "String", OPTIONAL),
        ("Description", "String", OPTIONAL),
        ("Payer", "Json", OPTIONAL),
        ("Receiver", "Json", OPTIONAL),
    ],
    "/payments/token/topup": [
        ("Token", "String", REQUIRED),
        ("Amount", "Numeric", REQUIRED),
        ("AccountId", "String", REQUIRED),
        ("Currency", "String", REQUIRED),
        ("InvoiceId", "String", OPTIONAL),
        ("Payer", "Json", OPTIONAL),
        ("Receiver", "Json", OPTIONAL),
    ],
    "/subscriptions/find": [("AccountId", "String", REQUIRED)],
    "/subscriptions/update": [
        ("Id", "String", REQUIRED),
        ("Description", "String", OPTIONAL),
        ("Amount", "Numeric", OPTIONAL),
        ("Currency", "String", OPTIONAL),
        ("RequireConfirmation", "Bool", OPTIONAL),
        ("StartDate", "DateTime", OPTIONAL),
        ("Interval", "String", OPTIONAL),
        ("Period", "Int", OPTIONAL),
        ("MaxPeriods", "Int", OPTIONAL),
        ("CustomerReceipt", "Json", OPTIONAL),
        ("CultureName", "String", OPTIONAL),
    ],
    "/orders/cancel": [("Id", "String", REQUIRED)],
    "/site/notifications/{Type}/get": [],
    "/site/notifications/{Type}/update": [
        ("IsEnabled", "Bool", OPTIONAL),
        ("Address", "String", OPTIONAL),
        ("HttpMethod", "String", OPTIONAL),
        ("Encoding", "String", OPTIONAL),
        ("Format", "String", OPTIONAL),
    ],
}

REFERENCE_PATHS: Final[tuple[str, ...]] = tuple(REFERENCE_PARAMETERS)
# Operations that change state, and so take an X-Request-ID.
CHANGING_STATE: Final = frozenset(
    {
        "/payments/cards/topup",
        "/payments/token/topup",
        "/subscriptions/update",
        "/orders/cancel",
        "/site/notifications/{Type}/update",
    }
)
# Operations paged by 100 without totals.
PAGED: Final = frozenset({"/v2/payments/list", "/payments/tokens/list"})
# Operations whose Model is a list, and the item model.
LIST_MODELS: Final[dict[str, str]] = {
    "/payments/list": "Transaction",
    "/v2/payments/list": "Transaction",
    "/payments/tokens/list": "Token",
    "/subscriptions/find": "Subscription",
}
# The back office's ten types today: the 2021 reference's seven and Receipt, SbpToken, Kkt.
NOTIFICATION_TYPES: Final = (
    "Check",
    "Pay",
    "Fail",
    "Confirm",
    "Refund",
    "Recurrent",
    "Cancel",
    "Receipt",
    "SbpToken",
    "Kkt",
)


# Required in the seed (the 2021 English page), optional in the current reference (api-today §1); the spec
# says so in each one's description.
RELAXED_NOTE: Final = "required in the 2021 English reference, optional today"
RELAXED_TODAY: Final = frozenset(
    {
        ("/payments/cards/charge", "Currency"),
        ("/payments/cards/charge", "Name"),
        ("/payments/cards/auth", "Currency"),
        ("/payments/cards/auth", "Name"),
        ("/payments/tokens/charge", "Currency"),
        ("/payments/tokens/auth", "Currency"),
        ("/subscriptions/create", "Email"),
        ("/orders/create", "Currency"),
        ("/orders/create", "RequireConfirmation"),
        ("/orders/create", "SendEmail"),
    }
)

# Required by both references, yet the API takes requests without them: real clients leave them out (the
# spec's description of each says so and names the client).
TAKEN_ABSENT_NOTE: Final = "taken absent in practice"
TAKEN_ABSENT: Final = frozenset({("/subscriptions/create", "RequireConfirmation")})
