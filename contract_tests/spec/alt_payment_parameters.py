"""Request parameter tables of the SBP, T-Pay, SberPay and Dolyami operations and of the SBP payout,
transcribed from the current (Russian) reference as test data, with what real clients send where it differs.

Each row is (name, documented format, required), as in `reference_parameters.py`; the reference's `Decimal`
and `Number` are `Numeric`, its `Enum String` is `String`, an `Object` is `Json`. The image methods take the
link methods' parameters (the reference points to their tables). `/payments/qr/status/wait` is not in the
reference: its rows are the official mobile SDKs' body.
"""

from __future__ import annotations

from typing import Final

from contract_tests.spec.reference_parameters import OPTIONAL, REQUIRED, Row

# `#sbp-parametry-zaprosa`
_SBP: Final[list[Row]] = [
    ("PublicId", "String", REQUIRED),
    ("Amount", "Numeric", REQUIRED),
    ("Currency", "String", REQUIRED),
    ("Description", "String", OPTIONAL),
    ("AccountId", "String", OPTIONAL),
    ("Email", "String", OPTIONAL),
    ("JsonData", "Json", OPTIONAL),
    ("InvoiceId", "String", OPTIONAL),
    ("Scheme", "String", REQUIRED),
    ("SuccessRedirectUrl", "String", OPTIONAL),
    ("IpAddress", "String", OPTIONAL),
    ("Os", "String", OPTIONAL),
    ("Webview", "Bool", OPTIONAL),
    ("Device", "String", OPTIONAL),
    ("Browser", "String", OPTIONAL),
    ("TtlMinutes", "Int", OPTIONAL),
    ("SaveCard", "Bool", OPTIONAL),
    ("IsTest", "Bool", OPTIONAL),
]
# `#poluchenie-ssylki-dlya-oplaty` (T-Pay; the table spells the first one `publicId`)
_TPAY: Final[list[Row]] = [
    ("PublicId", "String", REQUIRED),
    ("Amount", "Numeric", REQUIRED),
    ("Currency", "String", REQUIRED),
    ("Scheme", "String", REQUIRED),
    ("Browser", "String", REQUIRED),
    ("Os", "String", REQUIRED),
    ("Webview", "Bool", REQUIRED),
    ("Device", "String", REQUIRED),
    ("SuccessRedirectUrl", "String", REQUIRED),
    ("FailRedirectUrl", "String", REQUIRED),
    ("IpAddress", "String", OPTIONAL),
    ("AccountId", "String", OPTIONAL),
    ("Email", "String", OPTIONAL),
    ("InvoiceId", "String", OPTIONAL),
    ("Description", "String", OPTIONAL),
    ("JsonData", "Json", OPTIONAL),
    ("TtlMinutes", "Int", OPTIONAL),
    ("SaveCard", "Bool", OPTIONAL),
]
# `#sberpay-parametry-zaprosa`
_SBERPAY: Final[list[Row]] = [
    ("PublicId", "String", REQUIRED),
    ("Amount", "Numeric", REQUIRED),
    ("Currency", "String", REQUIRED),
    ("Description", "String", OPTIONAL),
    ("AccountId", "String", OPTIONAL),
    ("Email", "String", OPTIONAL),
    ("JsonData", "Json", OPTIONAL),
    ("InvoiceId", "String", OPTIONAL),
    ("Scheme", "String", REQUIRED),
    ("SuccessRedirectUrl", "String", OPTIONAL),
    ("IpAddress", "String", OPTIONAL),
    ("Os", "String", REQUIRED),
    ("Webview", "Bool", REQUIRED),
    ("Device", "String", REQUIRED),
    ("Browser", "String", REQUIRED),
]

ALT_PAYMENT_PARAMETERS: Final[dict[str, list[Row]]] = {
    "/payments/qr/sbp/link": _SBP,
    "/payments/qr/sbp/image": _SBP,
    "/payments/qr/tinkoffpay/link": _TPAY,
    "/payments/qr/tinkoffpay/image": _TPAY,
    "/payments/qr/sberpay/link": _SBERPAY,
    "/payments/qr/sberpay/image": _SBERPAY,
    # CloudPayments-SDK-iOS GatewayRequest.swift (TransactionId, PublicId); Android sends TransactionId only.
    "/payments/qr/status/wait": [("TransactionId", "Int", REQUIRED), ("PublicId", "String", OPTIONAL)],
    # `#spisok-uchastnikov-sbp`: JsonData is a string there ("additional data as JSON").
    "/sbp/v2/banks/info": [
        ("AccountId", "String", OPTIONAL),
        ("IsRenewSubscription", "Bool", OPTIONAL),
        ("JsonData", "String", OPTIONAL),
        ("Platform", "String", OPTIONAL),
        ("PublicTerminalId", "String", REQUIRED),
        ("SaveCard", "Bool", OPTIONAL),
        ("Token", "String", OPTIONAL),
    ],
    # `#metod-post-payments-altpay-pay`
    "/payments/altpay/pay": [
        ("PublicId", "String", REQUIRED),
        ("AltPayType", "String", REQUIRED),
        ("Amount", "Numeric", REQUIRED),
        ("Scheme", "String", REQUIRED),
        ("InvoiceId", "String", OPTIONAL),
        ("Description", "String", OPTIONAL),
        ("AccountId", "String", OPTIONAL),
        ("Email", "String", OPTIONAL),
        ("SuccessRedirectUrl", "String", OPTIONAL),
        ("FailRedirectUrl", "String", OPTIONAL),
        ("JsonData", "Json", OPTIONAL),
        ("CultureName", "String", OPTIONAL),
    ],
    # `#vyplata-po-sbp` (its Receiver.Phone row is checked on the Receiver's schema)
    "/payments/alt/topup": [
        ("MemberId", "String", OPTIONAL),
        ("Amount", "Numeric", REQUIRED),
        ("Currency", "String", REQUIRED),
        ("AccountId", "String", OPTIONAL),
        ("Email", "String", OPTIONAL),
        ("CultureName", "String", OPTIONAL),
        ("InvoiceId", "String", OPTIONAL),
        ("Description", "String", OPTIONAL),
        ("Payer", "Json", OPTIONAL),
        ("Receiver", "Json", REQUIRED),
    ],
}
ALT_PAYMENT_PATHS: Final[tuple[str, ...]] = tuple(ALT_PAYMENT_PARAMETERS)

# Required by the reference's table, yet real clients or the reference's own example leave them out, so the
# API takes them absent: the spec makes them optional and says so (`TAKEN_ABSENT_NOTE`), naming who does.
TAKEN_ABSENT_TODAY: Final = frozenset(
    {
        # the official Android SDK (publicId in the query string); the official iOS SDK sends no Scheme
        ("/payments/qr/sbp/link", "PublicId"),
        ("/payments/qr/sbp/image", "PublicId"),
        ("/payments/qr/sbp/link", "Scheme"),
        ("/payments/qr/sbp/image", "Scheme"),
        # the reference's own example and the official Android SDK
        ("/payments/qr/tinkoffpay/link", "PublicId"),
        ("/payments/qr/tinkoffpay/image", "PublicId"),
        ("/payments/qr/tinkoffpay/link", "Browser"),
        ("/payments/qr/tinkoffpay/image", "Browser"),
        ("/payments/qr/tinkoffpay/link", "Os"),
        ("/payments/qr/tinkoffpay/image", "Os"),
        # the reference's own example
        *(
            (f"/payments/qr/sberpay/{kind}", name)
            for kind in ("link", "image")
            for name in ("Os", "Webview", "Device", "Browser")
        ),
    }
)

# operationId and tag of each operation, as decided for the client's groups.
OPERATION_IDS: Final[dict[str, tuple[str, str]]] = {
    "/payments/qr/sbp/link": ("createSbpLink", "alt_payments"),
    "/payments/qr/sbp/image": ("createSbpQr", "alt_payments"),
    "/payments/qr/tinkoffpay/link": ("createTpayLink", "alt_payments"),
    "/payments/qr/tinkoffpay/image": ("createTpayQr", "alt_payments"),
    "/payments/qr/sberpay/link": ("createSberpayLink", "alt_payments"),
    "/payments/qr/sberpay/image": ("createSberpayQr", "alt_payments"),
    "/payments/qr/status/wait": ("waitQrStatus", "alt_payments"),
    "/sbp/v2/banks/info": ("listSbpBanks", "alt_payments"),
    "/payments/altpay/pay": ("createDolyamiPayment", "alt_payments"),
    "/payments/alt/topup": ("topupSbp", "payouts"),
}
# The reference says these take no Basic auth (PublicId in the body names the terminal).
WITHOUT_BASIC_AUTH: Final = frozenset(
    {"/payments/qr/sberpay/link", "/payments/qr/sberpay/image", "/payments/altpay/pay"}
)
# The official mobile SDKs call these without Basic auth too: it is optional there.
BASIC_AUTH_OPTIONAL: Final = frozenset(
    {"/payments/qr/sbp/link", "/payments/qr/tinkoffpay/link", "/payments/qr/status/wait"}
)
# Operations that make something (a transaction), and so take an X-Request-ID.
CHANGING_STATE: Final = frozenset(
    {path for path in ALT_PAYMENT_PATHS if path.startswith("/payments/qr/") and not path.endswith("/wait")}
    | {"/payments/altpay/pay", "/payments/alt/topup"}
)
