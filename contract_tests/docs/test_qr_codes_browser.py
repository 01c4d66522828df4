"""The T-Pay and SberPay QR codes are SVG images: Chromium draws each one, zxing-cpp reads the screenshot back
as the payment's page, and the payer pays there in the same browser (the page a bank app would show)."""

from __future__ import annotations

import base64
import io
from collections.abc import Iterator
from typing import Any, Final

import httpx
import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import Browser, Page, sync_playwright

from contract_tests.docs.browser_support import NetworkGuard, launch_chromium
from contract_tests.support.servers import serve_asgi
from mock_server import DEFAULT_API_SECRET, DEFAULT_PUBLIC_ID, create_app

pytestmark = pytest.mark.browser

TPAY: Final[dict[str, Any]] = {
    "Amount": 99.9,
    "Currency": "RUB",
    "Scheme": "0",
    "Webview": False,
    "Device": "DesktopWeb",
    "SuccessRedirectUrl": "https://shop.example/ok",
    "FailRedirectUrl": "https://shop.example/fail",
    "Description": "Coffee beans",
}
SBERPAY: Final[dict[str, Any]] = {
    "PublicId": DEFAULT_PUBLIC_ID,
    "Amount": 250,
    "Currency": "RUB",
    "Scheme": "charge",
    "Description": "Tea",
}


@pytest.fixture(scope="module")
def mock_url() -> Iterator[str]:
    with serve_asgi(create_app(validate_responses=True)) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 800, "height": 800})
    context.set_default_timeout(15_000)
    page = context.new_page()
    guard = NetworkGuard()
    guard.attach(page)
    try:
        yield page
    finally:
        context.close()
    assert (guard.blocked, guard.failed, guard.page_errors) == ([], [], [])


def drawn(page: Page, svg_base64: str) -> str:
    """What the QR code says once Chromium has drawn the SVG (at 4x its size, on white)."""
    source = f"data:image/svg+xml;base64,{svg_base64}"
    page.set_content(
        '<body style="margin:0;background:#fff">'
        f'<img id="qr" style="width:400px;image-rendering:pixelated" src="{source}"></body>'
    )
    page.wait_for_function("document.getElementById('qr').complete")
    png = page.locator("#qr").screenshot()
    results = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert len(results) == 1, "the drawn SVG does not read as one QR code"
    text: str = results[0].text
    return text


@pytest.mark.parametrize(("path", "body"), [("tinkoffpay", TPAY), ("sberpay", SBERPAY)])
def test_the_svg_qr_code_reads_as_the_page_where_the_payer_pays(
    mock_url: str, page: Page, path: str, body: dict[str, Any]
) -> None:
    auth = httpx.BasicAuth(DEFAULT_PUBLIC_ID, DEFAULT_API_SECRET)
    with httpx.Client(base_url=mock_url, auth=auth) as api:
        model = api.post(f"/payments/qr/{path}/image", json=body).json()["Model"]
        svg = base64.b64decode(model["QrImage"])
        assert svg.lstrip().startswith(b"<?xml") and b"<svg" in svg
        url = drawn(page, model["QrImage"])
        assert url.startswith(f"{mock_url}/qr/")
        page.goto(url)
        assert page.locator("#qr-transaction").inner_text() == str(model["TransactionId"])
        assert page.locator("#qr-description").inner_text() == body["Description"]
        page.locator("#qr-success").click()
        assert page.locator("#qr-message").inner_text() == "Payment done"
        payment = api.post("/payments/get", json={"TransactionId": model["TransactionId"]}).json()["Model"]
        assert payment["Status"] == "Completed"
