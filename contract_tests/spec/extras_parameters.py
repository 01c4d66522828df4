"""Request parameter tables of the chargebacks list, the safe deals' information and the Apple Pay
session, transcribed as test data: the current (Russian) reference's for the first two, the 2021 English
reference's for the Apple Pay session (the current one no longer lists it).

Each row is (name, documented format, required), as in `reference_parameters.py`; an array of strings is
`Array`, and a form carries it JSON-encoded.
"""

from __future__ import annotations

from typing import Final

from contract_tests.spec.reference_parameters import OPTIONAL, REQUIRED, Row

EXTRA_PARAMETERS: Final[dict[str, list[Row]]] = {
    # `#vygruzka-spiska-pretenziy-za-proizvolnyy-period`
    "/chargebacks/list": [
        ("CreatedDateGte", "DateTime", REQUIRED),
        ("CreatedDateLte", "DateTime", REQUIRED),
        ("PageNumber", "Int", REQUIRED),
    ],
    # `#metod-dlya-polucheniya-informatsii-po-bs-dlya-oboih-tipov-sdelki-n-1-i-1-n`
    "/Escrow/GetEscrowInfo": [("EscrowAccumulationIds", "Array", REQUIRED)],
    # [EN] "Start of Apple Pay Session"
    "/applepay/startsession": [("ValidationUrl", "String", REQUIRED), ("paymentUrl", "String", OPTIONAL)],
}
EXTRA_PATHS: Final[tuple[str, ...]] = tuple(EXTRA_PARAMETERS)
# operationId and tag of each operation.
OPERATION_IDS: Final[dict[str, tuple[str, str]]] = {
    "/chargebacks/list": ("listChargebacks", "chargebacks"),
    "/Escrow/GetEscrowInfo": ("getEscrowInfo", "escrow"),
    "/applepay/startsession": ("startApplePaySession", "payments"),
}
