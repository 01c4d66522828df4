"""What the third-party client drivers share: the run's target read from stdin, the JSON report of the calls,
and the payer's walk through the mock's 3-D Secure page.

Standard library only: each driver runs in its own client's venv (`make third-party-clients`), started by
contract_tests/mock/test_mock_third_party_clients.py as `python -m contract_tests.third_party.<name>.drive`
from the repository root. The target (base URL, credentials, cryptogram packets) comes on stdin, so the API
Secret is never in a process list; the report goes to stdout as one JSON document and never holds the secret.
"""

from __future__ import annotations

import importlib.metadata
import json
import sys
import traceback
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any, Final

# Where a shop would take the payer back after 3-D Secure; the ACS only posts to it.
TERM_URL: Final = "https://shop.example/3ds-return"
# The payer's address the drivers send (documentation range).
IP_ADDRESS: Final = "203.0.113.7"

Values = dict[str, Any]


@dataclass(frozen=True)
class Target:
    """The mock to drive: where it is, the terminal's credentials and one cryptogram packet per test card."""

    base_url: str
    public_id: str
    api_secret: str
    # approved, three_ds, declined, token_declined: packets of the spec's test cards for this mock
    packets: dict[str, str]
    # a date (YYYY-MM-DD) on the mock's clock, for the day's list
    today: str

    def __repr__(self) -> str:  # never the secret
        return f"Target(base_url={self.base_url!r}, public_id={self.public_id!r})"


def read_target() -> Target:
    data = json.load(sys.stdin)
    return Target(
        base_url=data["base_url"],
        public_id=data["public_id"],
        api_secret=data["api_secret"],
        packets=dict(data["packets"]),
        today=data["today"],
    )


class Report:
    """One entry per call: its name, `ok` (the client returned or raised as its usage expects), key values."""

    def __init__(self, distribution: str) -> None:
        self.client = distribution
        self.version = importlib.metadata.version(distribution)
        self.calls: list[Values] = []

    def call(self, name: str, run: Callable[[], Values]) -> Values:
        """Run one call; an exception it lets through is recorded as `ok: false` with its type and message."""
        try:
            values = run()
        except Exception as error:
            entry: Values = {
                "call": name,
                "ok": False,
                "error": type(error).__name__,
                "message": str(error)[:2000],
                "where": traceback.format_exc(limit=-3)[-2000:],
            }
            self.calls.append(entry)
            return entry
        self.calls.append({"call": name, "ok": True, **values})
        return values

    def print(self) -> None:
        document = {"client": self.client, "version": self.version, "calls": self.calls}
        json.dump(document, sys.stdout, default=str, indent=1)
        sys.stdout.write("\n")


# ---------------------------------------------------------------------------
# The payer's browser on the mock's ACS page: post the challenge, press "Confirm payment", read MD and PaRes
# from the form the ACS posts back to TermUrl. No merchant credentials: a browser holds none.


class _Forms(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.forms: list[tuple[str, dict[str, str], dict[str, tuple[str, str]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "form":
            self.forms.append((attributes.get("action", ""), {}, {}))
        elif tag == "input" and self.forms and "name" in attributes:
            self.forms[-1][1][attributes["name"]] = attributes.get("value", "")
        elif tag == "button" and self.forms and "id" in attributes:
            self.forms[-1][2][attributes["id"]] = (attributes.get("name", ""), attributes.get("value", ""))


def _post_form(url: str, fields: dict[str, str]) -> tuple[str, dict[str, str], dict[str, tuple[str, str]]]:
    body = urllib.parse.urlencode(fields).encode()
    with urllib.request.urlopen(urllib.request.Request(url, data=body, method="POST"), timeout=10) as answer:
        page = answer.read().decode()
    parser = _Forms()
    parser.feed(page)
    if len(parser.forms) != 1:
        raise RuntimeError(f"POST {url}: expected one form, got {len(parser.forms)}: {page[:300]!r}")
    return parser.forms[0]


def pass_3ds(acs_url: str, pa_req: str, md: str) -> tuple[str, str]:
    """(MD, PaRes) as the ACS returns them to TermUrl after the payer confirms."""
    action, fields, buttons = _post_form(acs_url, {"PaReq": pa_req, "MD": md, "TermUrl": TERM_URL})
    name, value = buttons["acs-success"]
    back_to, returned, _ = _post_form(urllib.parse.urljoin(acs_url, action), {**fields, name: value})
    if back_to != TERM_URL:
        raise RuntimeError(f"the ACS returned to {back_to!r}, not to TermUrl")
    return returned["MD"], returned["PaRes"]
