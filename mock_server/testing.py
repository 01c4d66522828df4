"""Test equipment for code that talks to the mock: serving it on a real port, the spec's test cards and their
cryptogram packets, and the payer's walk through the mock's 3-D Secure page (ACS).

Nothing here imports pytest: the pytest plugin (`mock_server.pytest_plugin`), this repository's suites, its
demo and its benchmark all use these helpers.
"""

from __future__ import annotations

import secrets
import socket
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any, Final

import httpx
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.types import ASGIApp

import spec_tools
from mock_server.app import create_app
from mock_server.cryptogram import make_packet
from mock_server.defaults import DEFAULT_PUBLIC_ID
from mock_server.webhooks.records import DeliveryStatus, SentAttempt, SentNotification
from spec_tools import Spec, TestCard

__all__ = [
    "EXP_MONTH",
    "EXP_YEAR",
    "LOCAL_HOST",
    "NO_AUTH",
    "OTHER_CARD",
    "TERM_URL",
    "AcsError",
    "DeliveryStatus",
    "Form",
    "FormParser",
    "MockServer",
    "NotificationReceiver",
    "QrPageError",
    "ReceivedNotification",
    "SentAttempt",
    "SentNotification",
    "approving_card",
    "declining_card",
    "find_card",
    "forms_of",
    "free_port",
    "future_expiry",
    "packet",
    "pass_3ds",
    "pass_3ds_async",
    "pay_qr",
    "pay_qr_async",
    "receiving_notifications",
    "running_mock",
    "serve_asgi",
    "test_cards",
    "three_ds_card",
    "token_declining_card",
]

# ---------------------------------------------------------------------------
# Serving an ASGI app on 127.0.0.1

LOCAL_HOST: Final = "127.0.0.1"


def free_port() -> int:
    """A port that was free a moment ago, for a server in another process (which must be told its port)."""
    with socket.socket() as sock:
        sock.bind((LOCAL_HOST, 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def serve_asgi(app: ASGIApp, startup_timeout: float = 15.0) -> Iterator[str]:
    """Run `app` with uvicorn on a free 127.0.0.1 port in a daemon thread; yield its base URL.

    The server binds port 0 itself and reports the port it got, so no other process can take it in between.
    """
    server = uvicorn.Server(uvicorn.Config(app, host=LOCAL_HOST, port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, name="uvicorn-in-thread", daemon=True)
    thread.start()
    deadline = time.monotonic() + startup_timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            raise RuntimeError("the server did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://{LOCAL_HOST}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


# The in-process mocks alive now, by address (mock_server.in_process registers them): the helpers below that
# follow a mock's links (the ACS page, a QR payment's page) reach those mocks through their transport.
_LOCAL_TRANSPORTS: Final[dict[str, httpx.BaseTransport]] = {}
_LOCAL_LOCK: Final = threading.Lock()


def register_local_transport(address: str, transport: httpx.BaseTransport) -> None:
    with _LOCAL_LOCK:
        _LOCAL_TRANSPORTS[address] = transport


def unregister_local_transport(address: str) -> None:
    with _LOCAL_LOCK:
        _LOCAL_TRANSPORTS.pop(address, None)


def local_transport(url: str) -> httpx.BaseTransport | None:
    """The transport of the in-process mock whose address `url` is under, if any."""
    with _LOCAL_LOCK:
        for address, transport in _LOCAL_TRANSPORTS.items():
            if url == address or url.startswith(address + "/"):
                return transport
    return None


def _browser(url: str) -> httpx.Client:
    """A fresh client for a page at `url`: through its in-process mock's transport when it is one's."""
    return httpx.Client(timeout=10, transport=local_transport(url))


class MockServer:
    """A mock served on a real 127.0.0.1 port: where it is, its credentials, its state and what it sent."""

    def __init__(self, app: Starlette, base_url: str, public_id: str, api_secret: str) -> None:
        self.app = app
        self._base_url = base_url
        self.public_id = public_id
        self.api_secret = api_secret

    @property
    def base_url(self) -> str:
        """Where the mock is served (scheme://host:port)."""
        return self._base_url

    def __repr__(self) -> str:  # never the secret
        return f"MockServer(base_url={self.base_url!r}, public_id={self.public_id!r})"

    @property
    def acs_url(self) -> str:
        return f"{self.base_url}/acs"

    def reset(self) -> None:
        """Empty state, the notifications sent and the armed faults, as `POST /__mock__/reset` does."""
        self.app.state.store.reset()
        self.app.state.faults.reset()
        self.app.state.notifications.reset()

    def fault(self, path: str, fault: str, times: int = 1) -> dict[str, Any]:
        """Fail the next `times` requests to the API path `path` with `fault` (mock_server/faults.py):
        `drop-after-commit`, `timeout[:SECONDS]`, `status:NNN` (429, 5xx) or `delay:SECONDS`. What was
        armed; ValueError (FaultRefusedError) names a bad path, fault or count, or a full list."""
        armed: dict[str, Any] = self.app.state.faults.arm(path, fault, times)
        return armed

    @property
    def faults(self) -> list[dict[str, Any]]:
        """The faults armed now, with the requests each will still fail (`GET /__mock__/faults`)."""
        armed: list[dict[str, Any]] = self.app.state.faults.as_json()
        return armed

    @property
    def notifications(self) -> list[SentNotification]:
        """Each notification sent since the last reset, with its attempts, as typed records (`type`,
        `values`, `status`, `attempts`...; `record["Type"]` reads the JSON of the control route)."""
        sent: list[SentNotification] = self.app.state.notifications.log.sent()
        return sent

    def wait_notifications(self, timeout: float = 10.0) -> list[SentNotification]:
        """The notifications once none is pending or retrying any more (or `timeout` seconds passed)."""
        self.app.state.notifications.log.wait_settled(timeout)
        return self.notifications

    @property
    def internal_errors(self) -> list[str]:
        """Failures of the mock itself (each was answered `Success: false`); empty in a healthy run."""
        errors: list[str] = list(self.app.state.api.internal_errors)
        return errors

    def http(self) -> httpx.Client:
        """A raw HTTP client with the merchant's Basic credentials (close it, or use it in `with`)."""
        return httpx.Client(base_url=self.base_url, auth=(self.public_id, self.api_secret), timeout=10)

    def send_notifications_to(self, address: str, *types: str, http_method: str = "POST") -> None:
        """Save the settings of each notification type (all the API can change by default) to `address`."""
        kinds = types or ("Pay", "Fail", "Confirm", "Refund", "Recurrent", "Cancel")
        body = {"IsEnabled": True, "Address": address, "HttpMethod": http_method}
        with self.http() as http:
            for kind in kinds:
                answer = http.post(f"/site/notifications/{kind}/update", json=body).json()
                if answer.get("Success") is not True:
                    raise RuntimeError(f"notification settings for {kind} refused: {answer.get('Message')}")


@contextmanager
def running_mock(
    public_id: str = DEFAULT_PUBLIC_ID, api_secret: str | None = None, **options: Any
) -> Iterator[MockServer]:
    """A fresh mock (`create_app(**options)`) on a free 127.0.0.1 port in a thread, for the block's duration.

    Without `api_secret` a fresh random one is made, so it never matches a real terminal's.
    """
    secret = api_secret or f"mock-{secrets.token_hex(12)}"
    app = create_app(public_id=public_id, api_secret=secret, **options)
    with serve_asgi(app) as base_url:
        yield MockServer(app, base_url, public_id, secret)


@dataclass(frozen=True)
class ReceivedNotification:
    """One request that reached a NotificationReceiver: `kind` is the last segment of its path."""

    kind: str
    method: str
    headers: dict[str, str]
    body: bytes
    query: str

    @property
    def values(self) -> dict[str, str]:
        """The notification's parameters (from the form body, or the query string of a GET)."""
        text = self.body.decode("utf-8", errors="replace") if self.method == "POST" else self.query
        return dict(urllib.parse.parse_qsl(text, keep_blank_values=True))


class NotificationReceiver:
    """A merchant's endpoint on a real port that records every notification and answers `{"code": N}`.

    `url(kind)` is an address for one type (`/Pay`, `/Check`...); `answer` is the code sent back (0 accepts).
    """

    def __init__(self) -> None:
        self.base_url = ""
        self.answer = 0
        self.received: list[ReceivedNotification] = []
        self._lock = threading.Lock()
        self.app = Starlette(routes=[Route("/{kind}", self._receive, methods=["GET", "POST"])])

    def url(self, kind: str = "notify") -> str:
        return f"{self.base_url}/{kind}"

    async def _receive(self, request: Request) -> JSONResponse:
        body = await request.body()
        headers = {name.lower(): value for name, value in request.headers.items()}
        kind = request.path_params["kind"]
        with self._lock:
            self.received.append(ReceivedNotification(kind, request.method, headers, body, request.url.query))
        return JSONResponse({"code": self.answer})

    def of(self, kind: str) -> list[ReceivedNotification]:
        with self._lock:
            return [notification for notification in self.received if notification.kind == kind]

    def wait_for(self, kind: str, count: int = 1, timeout: float = 10.0) -> list[ReceivedNotification]:
        """At least `count` notifications to `url(kind)`, waiting up to `timeout` seconds for them."""
        deadline = time.monotonic() + timeout
        while len(found := self.of(kind)) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return found


@contextmanager
def receiving_notifications() -> Iterator[NotificationReceiver]:
    receiver = NotificationReceiver()
    with serve_asgi(receiver.app) as base_url:
        receiver.base_url = base_url
        yield receiver


# ---------------------------------------------------------------------------
# Test cards of the spec's table (info.x-test-cards) and their cryptogram packets

# Far enough ahead that no run meets an expired card.
EXP_MONTH: Final = 12
EXP_YEAR: Final = datetime.now(UTC).year + 3
# Outside the spec's test table: the mock approves such cards without 3-D Secure.
OTHER_CARD: Final = "4929000000000000"


def test_cards(spec: Spec | None = None) -> tuple[TestCard, ...]:
    """The spec's table: the checkout's openapi.yaml, or the copy installed with the package."""
    return spec_tools.test_cards(spec or spec_tools.load_spec(shared=True))


def find_card(predicate: Callable[[TestCard], bool]) -> str:
    """The number of the first test card in the spec's table that fits."""
    for card in test_cards():
        if predicate(card):
            return card.number
    raise LookupError("no test card in info.x-test-cards fits")


def _of(brand: str | None, card: TestCard) -> bool:
    return brand is None or card.brand == brand


def approving_card(brand: str | None = None) -> str:
    """Approved without 3-D Secure, by cryptogram and by token."""
    return find_card(
        lambda c: _of(brand, c) and not c.three_ds and c.cryptogram == "success" and c.token == "success"
    )


def three_ds_card() -> str:
    """Asks for 3-D Secure, then approved, by cryptogram and by token."""
    return find_card(lambda c: c.three_ds and c.cryptogram == "success" and c.token == "success")


def declining_card() -> str:
    """Declined (insufficient funds) without 3-D Secure."""
    return find_card(lambda c: not c.three_ds and c.cryptogram == "insufficient_funds")


def token_declining_card() -> str:
    """Approved by cryptogram, declined (insufficient funds) by token."""
    return find_card(
        lambda c: not c.three_ds and c.cryptogram == "success" and c.token == "insufficient_funds"
    )


def future_expiry() -> tuple[int, int]:
    return EXP_MONTH, EXP_YEAR


def packet(card_number: str, **options: Any) -> str:
    """A cryptogram packet the mock reads, expiring in the future (options: cvv, public_id, fmt)."""
    return make_packet(card_number, EXP_MONTH, EXP_YEAR, **options)


# ---------------------------------------------------------------------------
# The forms of an HTML page as a browser would submit them


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


# ---------------------------------------------------------------------------
# The payer's walk through the mock's 3-D Secure page, played with httpx instead of a browser.
#
# Post PaReq, MD and TermUrl to AcsUrl; press "Confirm payment" or "Decline" on the page; read the form the
# ACS auto-posts back to TermUrl, which carries MD and PaRes. The payer's browser holds no merchant
# credentials, so none are sent. A synchronous and an asynchronous walk share every check.

# Where a shop would take the payer back; the ACS only posts to it, nothing is fetched from there.
TERM_URL: Final = "https://shop.example/3ds-return"
# The base class of httpx.Auth sends no credentials at all (unlike None, which keeps the client's).
NO_AUTH: Final = httpx.Auth()


class AcsError(AssertionError):
    """The ACS page did not behave as the walk expects."""


def _only_form(response: httpx.Response, what: str) -> Form:
    if response.status_code != 200:
        raise AcsError(f"{what}: HTTP {response.status_code} {response.text[:500]!r}")
    forms = forms_of(response.text)
    if len(forms) != 1:
        raise AcsError(f"{what}: expected one form on the page, found {len(forms)}: {response.text[:800]!r}")
    return forms[0]


def _challenge(pa_req: str, md: str, term_url: str) -> dict[str, str]:
    return {"PaReq": pa_req, "MD": md, "TermUrl": term_url}


def _choice(acs_url: str, page: httpx.Response, success: bool) -> tuple[str, dict[str, str]]:
    """Where the button posts to and what it posts: the page's fields and the button's name and value."""
    form = _only_form(page, f"POST {acs_url}")
    button = "acs-success" if success else "acs-fail"
    if button not in form.buttons:
        raise AcsError(f"the ACS page has no #{button} button: {page.text[:800]!r}")
    name, value = form.buttons[button]
    return str(httpx.URL(acs_url).join(form.action)), {**form.fields, name: value}


def _returned(action: str, answer: httpx.Response, term_url: str) -> tuple[str, str]:
    back = _only_form(answer, f"POST {action}")
    if back.action != term_url or back.method != "post":
        raise AcsError(f"the ACS returned {back.method.upper()} {back.action!r}, not POST to TermUrl")
    if "MD" not in back.fields or "PaRes" not in back.fields:
        raise AcsError(f"the ACS did not return MD and PaRes to TermUrl: {answer.text[:500]!r}")
    return back.fields["MD"], back.fields["PaRes"]


def pass_3ds(
    acs_url: str,
    pa_req: str,
    md: str,
    term_url: str = TERM_URL,
    *,
    success: bool = True,
    client: httpx.Client | None = None,
) -> tuple[str, str]:
    """Returns (MD, PaRes) as the ACS posts them to TermUrl; `client` defaults to a fresh one."""
    if client is None:
        with _browser(acs_url) as browser:
            return pass_3ds(acs_url, pa_req, md, term_url, success=success, client=browser)
    page = client.post(acs_url, data=_challenge(pa_req, md, term_url), auth=NO_AUTH)
    action, choice = _choice(acs_url, page, success)
    return _returned(action, client.post(action, data=choice, auth=NO_AUTH), term_url)


async def pass_3ds_async(
    client: httpx.AsyncClient,
    acs_url: str,
    pa_req: str,
    md: str,
    term_url: str = TERM_URL,
    *,
    success: bool = True,
) -> tuple[str, str]:
    """The same walk through an async client (e.g. one bound to the app in process)."""
    page = await client.post(acs_url, data=_challenge(pa_req, md, term_url), auth=NO_AUTH)
    action, choice = _choice(acs_url, page, success)
    return _returned(action, await client.post(action, data=choice, auth=NO_AUTH), term_url)


# ---------------------------------------------------------------------------
# The payer's bank app for an SBP, T-Pay or SberPay payment: the mock's page at `QrUrl` (the QR codes encode
# it). Opening it makes the payment Pending; its buttons post `Choice=success` or `Choice=decline`.


class QrPageError(AssertionError):
    """The payment page did not behave as the walk expects (an expired or paid link has no buttons)."""


def _qr_choice(qr_url: str, page: httpx.Response, success: bool) -> tuple[str, dict[str, str]]:
    if page.status_code != 200:
        raise QrPageError(f"GET {qr_url}: HTTP {page.status_code} {page.text[:500]!r}")
    forms = forms_of(page.text)
    button = "qr-success" if success else "qr-decline"
    form = next((form for form in forms if button in form.buttons), None)
    if form is None:
        raise QrPageError(f"the payment page has no #{button} button: {page.text[:800]!r}")
    name, value = form.buttons[button]
    return str(httpx.URL(qr_url).join(form.action)), {**form.fields, name: value}


def _qr_paid(action: str, answer: httpx.Response) -> None:
    if answer.status_code != 200:
        raise QrPageError(f"POST {action}: HTTP {answer.status_code} {answer.text[:500]!r}")


def pay_qr(qr_url: str, *, success: bool = True, client: httpx.Client | None = None) -> None:
    """Opens the payment page at `qr_url` and pays (or, with `success=False`, declines); `client` defaults
    to a fresh one. The payer holds no merchant credentials, so none are sent."""
    if client is None:
        with _browser(qr_url) as payer:
            return pay_qr(qr_url, success=success, client=payer)
    action, choice = _qr_choice(qr_url, client.get(qr_url, auth=NO_AUTH), success)
    _qr_paid(action, client.post(action, data=choice, auth=NO_AUTH))
    return None


async def pay_qr_async(client: httpx.AsyncClient, qr_url: str, *, success: bool = True) -> None:
    """The same walk through an async client (e.g. one bound to the app in process)."""
    action, choice = _qr_choice(qr_url, await client.get(qr_url, auth=NO_AUTH), success)
    _qr_paid(action, await client.post(action, data=choice, auth=NO_AUTH))
