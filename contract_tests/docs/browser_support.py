"""Headless Chromium for the browser tests, and the test shop those tests drive.

Chromium is Debian's package (`make browser` installs /usr/bin/chromium); Playwright only drives it
and never downloads a browser. Every page is watched by a `NetworkGuard`: a request to any host
other than 127.0.0.1 is blocked and recorded, and so are failed requests, console errors and
uncaught page errors.
"""

from __future__ import annotations

import html
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Final
from urllib.parse import parse_qsl, urlsplit

from playwright.sync_api import Browser, ConsoleMessage, Page, Playwright, Request, Route

from contract_tests.support.servers import LOCAL_HOST

CHROMIUM: Final = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium keeps calling Google's hosts, which fail here.
CHROMIUM_ARGS: Final = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
# Schemes that never leave the browser.
IN_BROWSER_SCHEMES: Final = frozenset({"data", "blob", "about"})
REPORTS_DIR: Final = Path(__file__).resolve().parents[1] / "reports"


def launch_chromium(playwright: Playwright) -> Browser:
    if not CHROMIUM.exists():
        raise RuntimeError(f"{CHROMIUM} is missing: run `make browser` (Debian package chromium)")
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))


@dataclass
class NetworkGuard:
    """Blocks non-local requests and records everything that went wrong on a page."""

    blocked: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requested: list[str] = field(default_factory=list)

    def attach(self, page: Page) -> None:
        page.route("**/*", self._route)
        page.on("request", self._on_request)
        page.on("requestfailed", self._on_failed)
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))

    @staticmethod
    def is_local(url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in IN_BROWSER_SCHEMES or (
            parts.scheme in ("http", "https") and parts.hostname == LOCAL_HOST
        )

    def _route(self, route: Route) -> None:
        url = route.request.url
        if self.is_local(url):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort("blockedbyclient")

    def _on_request(self, request: Request) -> None:
        self.requested.append(request.url)
        if not self.is_local(request.url) and request.url not in self.blocked:
            self.blocked.append(request.url)

    def _on_failed(self, request: Request) -> None:
        self.failed.append(f"{request.url}: {request.failure}")

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)

    def problems(self) -> dict[str, list[str]]:
        found = {
            "requests to non-local hosts": self.blocked,
            "failed requests": self.failed,
            "console errors": self.console_errors,
            "page errors": self.page_errors,
        }
        return {kind: items for kind, items in found.items() if items}


@dataclass
class ShopPages:
    """What the test shop saw: the 3-D Secure returns posted to its TermUrl."""

    returns: list[dict[str, str]] = field(default_factory=list)
    checkout_fields: dict[str, str] = field(default_factory=dict)
    acs_url: str = ""


def _auto_post_page(action: str, fields: Mapping[str, str]) -> str:
    inputs = "".join(
        f'<input type="hidden" name="{html.escape(name)}" value="{html.escape(value)}">'
        for name, value in fields.items()
    )
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>Shop checkout</title></head><body>"
        f'<form id="to-acs" method="post" action="{html.escape(action)}">{inputs}</form>'
        "<script>document.getElementById('to-acs').submit();</script></body></html>"
    )


@contextmanager
def serve_shop() -> Iterator[tuple[str, ShopPages]]:
    """A tiny shop on a free 127.0.0.1 port.

    GET /checkout sends the payer's browser to the ACS (a form that posts PaReq, MD and TermUrl to
    AcsUrl on load, as a shop's checkout page does); POST /term is the TermUrl the ACS returns to.
    """
    pages = ShopPages()

    class Handler(BaseHTTPRequestHandler):
        def _send(self, status: int, body: str) -> None:
            data = body.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            if self.path == "/checkout" and pages.acs_url:
                self._send(200, _auto_post_page(pages.acs_url, pages.checkout_fields))
            else:
                self._send(404, "<!doctype html><title>Not found</title><p>Not found</p>")

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            form = dict(parse_qsl(self.rfile.read(length).decode("utf-8"), keep_blank_values=True))
            if self.path != "/term":
                self._send(404, "<!doctype html><title>Not found</title><p>Not found</p>")
                return
            pages.returns.append(form)
            self._send(
                200,
                "<!doctype html><html><head><meta charset='utf-8'><title>Back at the shop</title></head>"
                "<body><h1 id='shop-return'>Back at the shop</h1>"
                f"<p id='shop-md'>{html.escape(form.get('MD', ''))}</p></body></html>",
            )

        def log_message(self, format: str, *args: Any) -> None:
            return  # keep pytest's output clean

    server = ThreadingHTTPServer((LOCAL_HOST, 0), Handler)
    thread = threading.Thread(target=server.serve_forever, name="test-shop", daemon=True)
    thread.start()
    try:
        yield f"http://{LOCAL_HOST}:{server.server_address[1]}", pages
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
