"""Shared helpers of the mock's tests: credentials, request bodies, HTML form extraction."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any, Final

import httpx

from mock_server import DEFAULT_API_SECRET, DEFAULT_PUBLIC_ID, make_packet

AUTH: Final = httpx.BasicAuth(DEFAULT_PUBLIC_ID, DEFAULT_API_SECRET)
# The base class sends no credentials at all.
NO_AUTH: Final = httpx.Auth()
BASE_URL: Final = "http://testserver"
# Far enough ahead that no test run meets an expired card.
EXP_YEAR: Final = datetime.now(UTC).year + 3
# Outside the spec's test table: the mock approves such cards without 3-D Secure.
OTHER_CARD: Final = "4929000000000000"


def card_body(card: str, amount: float = 100, **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "Amount": amount,
        "Currency": "RUB",
        "IpAddress": "203.0.113.7",
        "Name": "CARD HOLDER",
        "CardCryptogramPacket": make_packet(card, 12, EXP_YEAR),
        "InvoiceId": "inv-1",
        "Description": "Order 1",
    }
    body.update(extra)
    return body


async def pay(client: httpx.AsyncClient, card: str, scheme: str = "charge", **extra: Any) -> dict[str, Any]:
    response = await client.post(f"/payments/cards/{scheme}", json=card_body(card, **extra))
    assert response.status_code == 200
    answer: dict[str, Any] = response.json()
    return answer


@dataclass
class Form:
    action: str
    method: str
    fields: dict[str, str] = field(default_factory=dict)
    buttons: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (name, value)


class FormParser(HTMLParser):
    """Collects the forms of a page with their hidden/text inputs and submit buttons."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[Form] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "form":
            self.forms.append(Form(attributes.get("action", ""), attributes.get("method", "get").lower()))
        elif tag == "input" and self.forms and "name" in attributes:
            self.forms[-1].fields[attributes["name"]] = attributes.get("value", "")
        elif tag == "button" and self.forms and "id" in attributes:
            self.forms[-1].buttons[attributes["id"]] = (
                attributes.get("name", ""),
                attributes.get("value", ""),
            )


def forms_of(html: str) -> list[Form]:
    parser = FormParser()
    parser.feed(html)
    return parser.forms


def path_of(url: str) -> str:
    return httpx.URL(url).path


async def authenticate(
    client: httpx.AsyncClient, challenge: dict[str, Any], choice: str, term_url: str = "https://shop.test/3ds"
) -> tuple[str, str]:
    """Play the payer's browser on the ACS page: post PaReq/MD/TermUrl, press a button, read the auto-post
    back to TermUrl. Returns (MD, PaRes)."""
    acs = await client.post(
        path_of(challenge["AcsUrl"]),
        data={"PaReq": challenge["PaReq"], "MD": str(challenge["TransactionId"]), "TermUrl": term_url},
        auth=NO_AUTH,
    )
    assert acs.status_code == 200, acs.text
    (form,) = forms_of(acs.text)
    name, value = form.buttons["acs-success" if choice == "success" else "acs-fail"]
    returned = await client.post(form.action, data={**form.fields, name: value}, auth=NO_AUTH)
    assert returned.status_code == 200, returned.text
    (back,) = forms_of(returned.text)
    assert back.action == term_url and back.method == "post"
    return back.fields["MD"], back.fields["PaRes"]
