"""Realistic inputs for schemathesis runs against the mock.

Generated `CardCryptogramPacket`s and `Token`s are random strings the mock rightly refuses, so on
their own the generated payments and payouts never create a transaction and the links (confirm, void,
refund, post3ds, get) never reach one. For most positive cases these hooks put in a packet of a test
card (made with the mock's own helper) or a token the mock issued; the rest keep the generated value, so
refusals stay covered too. Form bodies get the same treatment for their JSON-encoded fields, which
the generator fills with arbitrary text.

The choice is derived from the generated value itself (a hash), not drawn at random: a case maps to
the same card every time, so a failing case replays and shrinks like any other.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from schemathesis import BaseSchema, Case, GenerationMode, HookContext

import spec_tools
from contract_tests.support.cards import future_expiry
from contract_tests.support.credentials import PUBLIC_ID
from contract_tests.support.mock_setup import IssuedToken
from mock_server.cryptogram import PacketFormat, make_packet
from mock_server.defaults import DEFAULT_INN
from spec_tools import FORM, Spec

CARD_OPERATIONS: Final = frozenset(
    {"/payments/cards/charge", "/payments/cards/auth", "/payments/cards/topup"}
)
TOKEN_OPERATIONS: Final = frozenset(
    {"/payments/tokens/charge", "/payments/tokens/auth", "/payments/token/topup", "/subscriptions/create"}
)
# Operations whose body names the terminal by PublicId (SberPay's needs it: it takes no Basic auth).
PUBLIC_ID_PREFIX: Final = "/payments/qr/"
# Operations that name the terminal in the body (`PublicId`, `PublicTerminalId`): the mock takes its own only.
TERMINAL_NAMED: Final = {"/payments/altpay/pay": "PublicId", "/sbp/v2/banks/info": "PublicTerminalId"}
SBP_PAYOUT: Final = "/payments/alt/topup"
APPLE_PAY: Final = "/applepay/startsession"
# Apple's validation URLs (the spec's `ValidationUrl.x-allowed-hosts`: apple.com and its subdomains).
APPLE_VALIDATION_URLS: Final = (
    "https://apple-pay-gateway.apple.com/paymentservices/startSession",
    "https://apple-pay-gateway-cert.apple.com/paymentservices/paymentSession",
)
CHARGEBACKS: Final = "/chargebacks/list"
ESCROW_INFO: Final = "/Escrow/GetEscrowInfo"
# Receipts name the company of the terminal's cash register: the mock takes its own INN only.
RECEIPT: Final = "/kkt/receipt"
CORRECTION_RECEIPT: Final = "/kkt/correction-receipt"
# The correction receipt's reads: a generated Id names no receipt (NotFound, refused).
CORRECTION_READS: Final = frozenset({"/kkt/correction-receipt/status/get", "/kkt/correction-receipt/get"})
# Object-valued parameters that travel as JSON-encoded strings in a form body.
JSON_ENCODED_FIELDS: Final = (
    "JsonData",
    "Payer",
    "Receiver",
    "Escrow",
    "AirlineAddendum",
    "CustomerReceipt",
    "CorrectionReceiptData",
)
PACKET_FORMATS: Final[tuple[PacketFormat, ...]] = ("cloudcard", "legacy")
# Payments the hooks make realistic stay below this many cents (100 000.00).
REAL_AMOUNT_CENTS: Final = 10_000_000
# One case in KEEP_ONE_IN keeps its generated value.
KEEP_ONE_IN: Final = 4


def card_numbers_of(spec: Spec) -> tuple[str, ...]:
    return tuple(card.number for card in spec_tools.test_cards(spec))


def sbp_member_ids_of(spec: Spec) -> tuple[str, ...]:
    """The member banks of `/sbp/v2/banks/info`'s example answers (the mock serves its `success` one)."""
    response = spec_tools.deref(spec, spec["paths"]["/sbp/v2/banks/info"]["post"]["responses"]["200"])
    examples = response["content"][spec_tools.JSON]["examples"].values()
    answers = [spec_tools.deref(spec, example)["value"] for example in examples]
    banks = [bank for answer in answers for found in answer["Model"] for bank in found["Members"]]
    return tuple(str(bank["id"]) for bank in banks)


def digest(value: Any) -> bytes:
    return hashlib.sha256(repr(value).encode("utf-8", "surrogatepass")).digest()


@dataclass
class MockInputs:
    """Card numbers to make packets for, the tokens and correction receipts the mock has issued (filled by a
    fixture); the mock's Public ID and the SBP member banks (`/sbp/v2/banks/info`) it pays out to, when
    known."""

    card_numbers: Sequence[str]
    tokens: list[IssuedToken] = field(default_factory=list)
    correction_receipt_ids: list[str] = field(default_factory=list)
    public_id: str | None = None
    member_ids: Sequence[str] = ()

    def register(self, schema: BaseSchema) -> None:
        """Attach the hook to this schema only: other schemas (a live server) keep generated values."""

        def map_case(context: HookContext, case: Case[Any]) -> Case[Any]:
            return self.map_case(case)

        schema.hook(map_case)

    def map_case(self, case: Case[Any]) -> Case[Any]:
        if case.meta is None or case.meta.generation.mode != GenerationMode.POSITIVE:
            return case
        if not isinstance(case.body, dict):
            return case
        # Every choice below is derived from the body as generated: the packets (encrypted afresh each time)
        # and the tokens (issued anew for every scenario) differ from run to run, and a choice derived from
        # them would make the same generated case a different request when Hypothesis replays it.
        generated = dict(case.body)
        seed = digest(generated)
        body = dict(generated)
        path = case.operation.path
        if path in CARD_OPERATIONS:
            body.update(self._packet(generated))
            body.update(_real_amount(body, seed))
            body.update(_invoice_id(body, seed))
        elif path in TOKEN_OPERATIONS:
            body.update(self._token(generated))
            body.update(_real_amount(body, seed))
            if path != "/subscriptions/create":  # a subscription has no invoice number
                body.update(_invoice_id(body, seed))
        elif path in TERMINAL_NAMED:
            body.update(self._terminal(TERMINAL_NAMED[path], seed))
            if path == "/payments/altpay/pay":
                body.update(_real_amount(body, seed))
        elif path == SBP_PAYOUT:
            body.update(self._sbp_receiver(body, seed))
            body.update(_real_amount(body, seed))
        elif path == APPLE_PAY and seed[0] % KEEP_ONE_IN != 0:
            body["ValidationUrl"] = APPLE_VALIDATION_URLS[seed[1] % len(APPLE_VALIDATION_URLS)]
        elif path == CHARGEBACKS:
            body.update(_recent_period(seed))
        elif path == ESCROW_INFO and case.media_type == FORM:
            body.update(_json_array(body, "EscrowAccumulationIds"))
        elif path == RECEIPT and seed[12] % KEEP_ONE_IN != 0:
            body["Inn"] = DEFAULT_INN  # a generated INN names no company of this terminal: refused
        elif path == CORRECTION_RECEIPT and seed[12] % KEEP_ONE_IN != 0:
            data = body.get("CorrectionReceiptData")
            if isinstance(data, dict):  # the mock's INN, as for a receipt (a form's JSON text is kept)
                body["CorrectionReceiptData"] = {**data, "OrganizationInn": DEFAULT_INN}
        elif path in CORRECTION_READS and self.correction_receipt_ids and seed[12] % KEEP_ONE_IN != 0:
            body["Id"] = self.correction_receipt_ids[seed[13] % len(self.correction_receipt_ids)]
        if path.startswith(PUBLIC_ID_PREFIX) and seed[0] % KEEP_ONE_IN != 0 and "PublicId" in body:
            body["PublicId"] = PUBLIC_ID  # the generated text names no terminal: refused, as it should be
        if path == "/subscriptions/create" or (path == "/subscriptions/update" and "StartDate" in body):
            body.update(_future_start(seed))
        if case.media_type == FORM:
            body.update(_json_encoded(body))
        case.body = body
        return case

    def _packet(self, generated: Any) -> dict[str, str]:
        seed = digest(generated)
        if seed[0] % KEEP_ONE_IN == 0:
            return {}
        number = self.card_numbers[seed[1] % len(self.card_numbers)]
        month, year = future_expiry()
        return {"CardCryptogramPacket": make_packet(number, month, year, fmt=PACKET_FORMATS[seed[2] % 2])}

    def _terminal(self, name: str, seed: bytes) -> dict[str, str]:
        """The mock's own Public ID where the body names the terminal (a generated one is refused)."""
        if self.public_id is None or seed[10] % KEEP_ONE_IN == 0:
            return {}
        return {name: self.public_id}

    def _sbp_receiver(self, body: dict[str, Any], seed: bytes) -> dict[str, Any]:
        """A member bank and a +7 phone (kept in a Receiver that is an object), so the payout is made."""
        if not self.member_ids or seed[11] % KEEP_ONE_IN == 0:
            return {}
        replaced: dict[str, Any] = {"MemberId": self.member_ids[seed[12] % len(self.member_ids)]}
        phone = "+7" + str(int.from_bytes(seed[13:18]) % 10**10).zfill(10)
        receiver = body.get("Receiver")
        if isinstance(receiver, dict):
            replaced["Receiver"] = {**receiver, "Phone": phone}
        elif isinstance(receiver, str):  # a form's JSON text
            replaced["Receiver"] = json.dumps({"Phone": phone})
        return replaced

    def _token(self, generated: Any) -> dict[str, str]:
        seed = digest(generated)
        if not self.tokens or seed[0] % KEEP_ONE_IN == 0:
            return {}
        issued = self.tokens[seed[1] % len(self.tokens)]
        return {"Token": issued.token, "AccountId": issued.account_id}


def _real_amount(body: dict[str, Any], seed: bytes) -> dict[str, float]:
    """Most generated amounts have more than two decimals or lie beyond any real payment, which the API
    refuses or declines; bring them to cents between 0.01 and 100 000.00 so payments are approved."""
    value = body.get("Amount")
    if isinstance(value, bool) or not isinstance(value, int | float) or seed[7] % KEEP_ONE_IN == 0:
        return {}
    cents = int(abs(value) % (REAL_AMOUNT_CENTS // 100) * 100) % REAL_AMOUNT_CENTS + 1
    return {"Amount": round(cents / 100, 2)}


def _invoice_id(body: dict[str, Any], seed: bytes) -> dict[str, str]:
    """A payment usually carries the shop's order number, and the links that find a payment by it
    (`$request.body#/InvoiceId`) resolve only when the request had one: give most payments one."""
    if "InvoiceId" in body or seed[8] % KEEP_ONE_IN == 0:
        return {}
    return {"InvoiceId": f"order-{seed[9:12].hex()}"}


def _future_start(seed: bytes) -> dict[str, str]:
    """Most generated start dates lie in the past, which the API refuses; move them to the future."""
    if seed[3] % KEEP_ONE_IN == 0:
        return {}
    start = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=1 + seed[4], seconds=seed[5])
    formats = ("%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%dT%H:%M:%S.%f+00:00", "%Y-%m-%dT%H:%M")
    return {"StartDate": start.strftime(formats[seed[6] % len(formats)])}


def _recent_period(seed: bytes) -> dict[str, str]:
    """Generated periods are mostly wider than a year or end before they start, which the API refuses:
    make most of them the days around now, within the year `/chargebacks/list` takes."""
    if seed[3] % KEEP_ONE_IN == 0:
        return {}
    now = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    start = now - datetime.timedelta(days=1 + seed[4])
    return {
        "CreatedDateGte": start.isoformat(),
        "CreatedDateLte": (now + datetime.timedelta(days=1 + seed[5])).isoformat(),
    }


def _json_array(body: dict[str, Any], name: str) -> dict[str, str]:
    """Arbitrary text in a form's JSON-encoded array becomes an array holding that text."""
    value = body.get(name)
    if not isinstance(value, str) or digest(value)[0] % KEEP_ONE_IN == 0:
        return {}
    try:
        is_array = isinstance(json.loads(value), list)
    except ValueError:
        is_array = False
    return {} if is_array else {name: json.dumps([value or "deal"], ensure_ascii=False)}


def _json_encoded(body: dict[str, Any]) -> dict[str, str]:
    """Arbitrary text in a JSON-encoded field becomes a JSON object carrying that text."""
    replaced: dict[str, str] = {}
    for name in JSON_ENCODED_FIELDS:
        value = body.get(name)
        if not isinstance(value, str) or digest(value)[0] % KEEP_ONE_IN == 0:
            continue
        try:
            is_object = isinstance(json.loads(value), dict)
        except ValueError:
            is_object = False
        if not is_object:
            replaced[name] = json.dumps({"text": value}, ensure_ascii=False)
    return replaced
