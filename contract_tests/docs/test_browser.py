"""Headless Chromium against the mock: the rendered API reference and the 3-D Secure page.

The reference is built from the spec for this run (docs.build, the code behind `make docs`) and
served by the mock at /docs. Every page runs under a NetworkGuard: any request to a host other than
127.0.0.1, any failed request, console error or page error fails the test. Screenshots go to
contract_tests/reports/.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from playwright.sync_api import Browser, Locator, Page, ViewportSize, sync_playwright

import spec_tools
from contract_tests.docs.browser_support import REPORTS_DIR, NetworkGuard, launch_chromium, serve_shop
from contract_tests.docs.docs_expectations import (
    ExpectedOperation,
    Field,
    expected_operations,
    expected_versions,
    expected_webhooks,
    intro_sections,
    intro_words,
)
from contract_tests.docs.test_docs_examples import SECTION_BLOCKS
from contract_tests.support.cards import card_body
from contract_tests.support.servers import serve_asgi
from docs.build import build as build_docs
from generator.code_samples import python_examples
from mock_server import DEFAULT_API_SECRET, DEFAULT_PUBLIC_ID, create_app
from spec_tools import Spec

VIEWPORT: ViewportSize = {"width": 1400, "height": 900}
# Chromium, the Node docs build and a served page: left out of `make check`.
pytestmark = [pytest.mark.browser, pytest.mark.node, pytest.mark.slow]

TIMEOUT_MS = 15_000
THREE_DS_CARD = "4242424242424242"  # test card with 3-D Secure, cryptogram payments succeed


def _screenshot(page: Page, name: str, full_page: bool = False) -> Path:
    REPORTS_DIR.mkdir(parents=True, exist_ok=True)
    path = REPORTS_DIR / name
    page.screenshot(path=str(path), full_page=full_page)
    print(f"screenshot: {path}")
    return path


@pytest.fixture(scope="module")
def built_docs(spec_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("docs") / "index.html"
    return build_docs(spec_path, output, "generator.code_samples")


@pytest.fixture(scope="module")
def mock_url(spec_path: Path, built_docs: Path) -> Iterator[str]:
    with serve_asgi(create_app(spec_path=spec_path, docs_path=built_docs)) as url:
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
def guarded_page(browser: Browser) -> Iterator[tuple[Page, NetworkGuard]]:
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    guard = NetworkGuard()
    guard.attach(page)
    try:
        yield page, guard
    finally:
        context.close()


def _open_docs(page: Page, mock_url: str) -> None:
    page.goto(f"{mock_url}/docs")
    page.get_by_test_id("search-trigger").wait_for()
    page.locator('[data-component-name="Menu/MenuItem"]').first.wait_for()
    # The search index is built in a worker after load; until then the box says "Loading...".
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"search-trigger\"]').innerText.includes('Loading')"
    )


def _sidebar(page: Page) -> Locator:
    return page.locator(".menu-content")


def _section_for_current_route(page: Page) -> Locator:
    page.wait_for_function("() => location.hash.startsWith('#/')")
    route = page.evaluate("() => decodeURIComponent(location.hash.slice(1))")
    section = page.locator(f'[data-section-id="{route}"]')
    section.wait_for()
    return section


def _rows(section: Locator) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = section.evaluate(
        """(el) => Array.from(el.querySelectorAll('.schema-property-item')).map((row) => ({
            id: row.id,
            name: (row.querySelector('.schema-name') || {}).textContent || '',
            header: row.firstElementChild ? row.firstElementChild.innerText : '',
        }))"""
    )
    return rows


def _top_level(rows: list[dict[str, str]], marker: str) -> dict[str, str]:
    """name -> header text of the top-level rows whose id carries `marker` (nested rows excluded)."""
    found: dict[str, str] = {}
    for row in rows:
        head, sep, path = row["id"].partition(marker)
        if sep and head and not re.search(r"[./]", path):
            found[row["name"]] = row["header"]
    return found


def _check_field(operation: str, field: Field, header: str) -> None:
    words = {word.lower() for word in re.findall(r"[A-Za-z]+", header)}  # "Array of strings"
    for kind in field.types:
        assert kind in words, f"{operation}.{field.name}: type {kind!r} not shown in {header!r}"
    assert ("required" in words) == field.required, (
        f"{operation}.{field.name}: required flag should be {field.required}, row says {header!r}"
    )


def _check_operation_section(page: Page, section: Locator, op: ExpectedOperation, snippet: str) -> None:
    text = section.inner_text()
    assert text.splitlines()[0].strip() == op.summary
    # Header parameters and JSON body fields, each with its type and required flag.
    rows = _rows(section)
    headers = _top_level(rows, "/t=request&in=headers&path=")
    assert {name.lower() for name in headers} == {f.name.lower() for f in op.headers}, op.operation_id
    by_lower = {name.lower(): header for name, header in headers.items()}
    for field in op.headers:
        _check_field(op.operation_id, field, by_lower[field.name.lower()])
    in_path = _top_level(rows, "/t=request&in=path&path=")
    assert set(in_path) == {f.name for f in op.path_parameters}, op.operation_id
    for field in op.path_parameters:
        _check_field(op.operation_id, field, in_path[field.name])
    body = _top_level(rows, f"/t=request&ct={'application/json'}&path=")
    assert set(body) == {f.name for f in op.body_fields}, op.operation_id
    for field in op.body_fields:
        _check_field(op.operation_id, field, body[field.name])
    # The request panel: method, path, and the client's Python example as generated from the spec.
    request_panel = section.locator(".panel-request-samples").first
    panel_text = request_panel.inner_text()
    assert op.method in panel_text and op.path in panel_text, op.operation_id
    assert "cloudpayments_client" in panel_text, f"{op.operation_id}: no Python sample tab"
    for line in snippet.splitlines():
        if line.strip():
            assert line.strip() in panel_text, f"{op.operation_id}: sample line missing: {line!r}"
    _check_response_examples(page, section, op)


def _check_response_examples(page: Page, section: Locator, op: ExpectedOperation) -> None:
    panel = section.locator(".panel-response-samples").first
    examples = op.response_examples
    if len(examples) == 1:
        (value,) = examples.values()
        shown = panel.inner_text()
        for key in value:
            assert f'"{key}"' in shown, f"{op.operation_id}: example key {key} not shown"
        return
    picker = panel.get_by_role("button", name="Example", exact=True)
    for summary, value in examples.items():
        picker.click()
        options = page.get_by_role("menuitem")
        assert {t.strip() for t in options.all_inner_texts()} == set(examples), op.operation_id
        options.filter(has_text=summary).first.click()
        shown = panel.inner_text()
        success = json.dumps(value["Success"])
        assert re.search(rf'"Success":\s*{success}', shown), f"{op.operation_id}/{summary}: {shown[:200]}"
        if isinstance(value.get("Model"), dict):
            first_key = next(iter(value["Model"]))
            assert f'"{first_key}"' in shown, f"{op.operation_id}/{summary}: Model not shown"


def test_docs_build_is_deterministic(spec_path: Path, built_docs: Path, tmp_path: Path) -> None:
    again = build_docs(spec_path, tmp_path / "index.html", "generator.code_samples")
    assert again.read_bytes() == built_docs.read_bytes()


def test_mock_serves_the_spec(spec: Spec, mock_url: str, guarded_page: tuple[Page, NetworkGuard]) -> None:
    page, guard = guarded_page
    as_json = page.request.get(f"{mock_url}/openapi.json")
    assert as_json.ok and as_json.headers["content-type"].startswith("application/json")
    assert as_json.json() == json.loads(json.dumps(spec))
    as_yaml = page.request.get(f"{mock_url}/openapi.yaml")
    assert as_yaml.ok and "yaml" in as_yaml.headers["content-type"]
    assert yaml.safe_load(as_yaml.text()) == spec
    assert guard.problems() == {}


def test_docs_page_shows_every_operation(
    spec: Spec, mock_url: str, guarded_page: tuple[Page, NetworkGuard]
) -> None:
    page, guard = guarded_page
    _open_docs(page, mock_url)
    _screenshot(page, "docs.png")
    operations = expected_operations(spec)
    assert len(operations) == len(spec_tools.operations(spec)) >= 26
    samples = python_examples(spec)
    sidebar = _sidebar(page)
    for tag in dict.fromkeys(op.tag for op in operations):
        sidebar.get_by_text(tag, exact=True).click()
        for op in (o for o in operations if o.tag == tag):
            sidebar.get_by_text(op.summary, exact=True).click()
            section = _section_for_current_route(page)
            _check_operation_section(page, section, op, samples[op.operation_id])
            if op.operation_id == "chargeCard":
                section.scroll_into_view_if_needed()
                _screenshot(page, "docs-chargeCard.png")
    assert guard.problems() == {}


def test_docs_page_shows_the_versions_it_documents(
    spec: Spec, mock_url: str, guarded_page: tuple[Page, NetworkGuard]
) -> None:
    """The title area names the spec's version; the introduction opens with it and the client's version."""
    page, guard = guarded_page
    _open_docs(page, mock_url)
    api, client = expected_versions(spec)
    assert api in page.locator("h1").first.inner_text()
    intro = page.get_by_text("Versions: API description", exact=False).first
    expected = f"Versions: API description {api}, Python client cloudpayments_client {client}."
    assert intro.inner_text().strip() == expected
    assert guard.problems() == {}


def test_docs_page_explains_the_api(
    spec: Spec, mock_url: str, guarded_page: tuple[Page, NetworkGuard]
) -> None:
    """Authentication, idempotency, 3-D Secure, two-step payments and the status and reason tables."""
    page, guard = guarded_page
    _open_docs(page, mock_url)
    sidebar = _sidebar(page)
    tables = intro_sections(spec)
    for heading, words in intro_words(spec).items():
        sidebar.get_by_text(heading, exact=True).click()
        section = _section_for_current_route(page)
        text = section.inner_text()
        missing = sorted(word for word in words if word not in text)
        assert not missing, f"section {heading!r} lacks {missing}"
        cells = set(section.locator("td").all_inner_texts())
        assert {c for c in tables[heading] if c not in {cell.strip() for cell in cells}} == set(), heading
    for heading in ("Authentication", "Idempotency", "3-D Secure", "Two-step payments", "Reason codes"):
        assert heading in tables
    assert guard.problems() == {}


def test_docs_search_finds_operations(
    spec: Spec, mock_url: str, guarded_page: tuple[Page, NetworkGuard]
) -> None:
    """Search by an operation's name finds it and leads to it: the first operation of each tag."""
    page, guard = guarded_page
    _open_docs(page, mock_url)
    first_per_tag = {op.tag: op for op in reversed(expected_operations(spec))}
    for index, op in enumerate(reversed(first_per_tag.values())):
        page.get_by_test_id("search-trigger").click()
        box = page.locator('[data-component-name="Search/SearchInput"] input')
        box.fill(op.summary)
        hit = (
            page.locator('[data-component-name="Search/SearchItem"]')
            .filter(has_text=op.path)
            .filter(has_text=op.summary)
        )
        hit.first.wait_for()
        if index == 0:
            _screenshot(page, "docs-search.png")
        hit.first.click()
        section = _section_for_current_route(page)
        assert section.inner_text().splitlines()[0].strip() == op.summary
    assert guard.problems() == {}


@pytest.mark.parametrize(
    ("choice", "success", "status", "reason_code"),
    [("success", True, "Completed", 0), ("fail", False, "Declined", 5206)],
)
def test_3ds_payment_through_the_acs_page(
    mock_url: str,
    guarded_page: tuple[Page, NetworkGuard],
    choice: str,
    success: bool,
    status: str,
    reason_code: int,
) -> None:
    page, guard = guarded_page
    auth = (DEFAULT_PUBLIC_ID, DEFAULT_API_SECRET)
    with httpx.Client(base_url=mock_url, auth=auth, timeout=10) as api:
        charge: dict[str, Any] = api.post(
            "/payments/cards/charge",
            json=card_body(
                THREE_DS_CARD,
                150.5,
                IpAddress="127.0.0.1",
                InvoiceId=f"browser-3ds-{choice}",
                Description="Browser 3-D Secure check",
            ),
        ).json()
        assert charge["Success"] is False, charge
        challenge = charge["Model"]
        md = str(challenge["TransactionId"])
        assert challenge["AcsUrl"].startswith(mock_url), challenge["AcsUrl"]

        with serve_shop() as (shop_url, shop):
            shop.acs_url = challenge["AcsUrl"]
            shop.checkout_fields = {"PaReq": challenge["PaReq"], "MD": md, "TermUrl": f"{shop_url}/term"}
            page.goto(f"{shop_url}/checkout")
            page.wait_for_url(challenge["AcsUrl"])
            assert page.locator("#acs-transaction").inner_text() == md
            assert page.locator("#acs-amount").inner_text().startswith("150.5")
            assert "RUB" in page.locator("#acs-amount").inner_text()
            assert page.locator("#acs-card").inner_text().endswith("4242")
            _screenshot(page, f"acs-{choice}.png")
            page.locator(f"#acs-{choice}").click()
            page.wait_for_url(f"{shop_url}/term")
            assert page.locator("#shop-md").inner_text() == md
            assert len(shop.returns) == 1
            returned = shop.returns[0]
        assert returned["MD"] == md and returned["PaRes"]

        answer = api.post(
            "/payments/cards/post3ds", json={"TransactionId": int(md), "PaRes": returned["PaRes"]}
        )
        result = answer.json()
    assert result["Success"] is success, result
    assert result["Model"]["TransactionId"] == int(md)
    assert result["Model"]["Status"] == status
    assert result["Model"]["ReasonCode"] == reason_code
    assert guard.problems() == {}


def test_docs_page_has_the_python_client_section(
    mock_url: str, guarded_page: tuple[Page, NetworkGuard]
) -> None:
    """Install, credentials, errors, request id, retries, timeouts, logging; the examples the suite runs."""
    page, guard = guarded_page
    _open_docs(page, mock_url)
    _sidebar(page).get_by_text("Python client", exact=True).click()
    route = page.evaluate("() => decodeURIComponent(location.hash.slice(1))")
    ids: list[str] = page.evaluate(
        "() => [...document.querySelectorAll('[data-section-id^=\"/section/\"]')]"
        ".map(e => e.getAttribute('data-section-id'))"
    )
    # Redoc renders each ### subsection as a section of its own after the ## one; the section ends the intro
    sections = [page.locator(f'[data-section-id="{i}"]') for i in ids[ids.index(route) :]]
    text = "\n".join(section.inner_text() for section in sections)
    for words in ("pip install", "CLOUDPAYMENTS_PUBLIC_ID", "request_id", "APITimeoutError", "with_options"):
        assert words in text, words
    assert 'logging.getLogger("cloudpayments_client")' in text
    shown = [" ".join(b.split()) for section in sections for b in section.locator("pre").all_inner_texts()]
    for block in SECTION_BLOCKS:  # the blocks test_docs_examples.py runs against the mock
        assert " ".join(block.split()) in shown
    assert guard.problems() == {}


def test_docs_page_shows_every_notification(
    spec: Spec, mock_url: str, guarded_page: tuple[Page, NetworkGuard]
) -> None:
    """The spec's webhooks are on the page like operations: each with its form body's fields."""
    page, guard = guarded_page
    _open_docs(page, mock_url)
    webhooks = expected_webhooks(spec)
    assert [w.name for w in webhooks] == list(spec["webhooks"])
    sidebar = _sidebar(page)
    for webhook in webhooks:
        item = sidebar.get_by_text(webhook.summary, exact=True)
        if not item.is_visible():
            sidebar.get_by_text("notifications", exact=True).last.click()
        item.click()
        section = _section_for_current_route(page)
        assert section.inner_text().splitlines()[0].strip() == webhook.summary
        names = {row["name"] for row in _rows(section)}
        missing = sorted(set(webhook.body_fields) - names)
        assert not missing, f"{webhook.name}: fields not shown: {missing}"
        if webhook.name == "Pay":
            _screenshot(page, "docs-webhook-pay.png")
    assert guard.problems() == {}


def test_docs_page_reads_at_1400_px(mock_url: str, guarded_page: tuple[Page, NetworkGuard]) -> None:
    """At 1400 px the description column has room for a line of prose, and a notification's sample (one long
    form line) wraps inside the samples panel instead of hiding its parameters past the edge."""
    page, guard = guarded_page
    assert page.viewport_size == VIEWPORT
    _open_docs(page, mock_url)
    sidebar = _sidebar(page)
    item = sidebar.get_by_text("Pay: a payment succeeded", exact=True)
    if not item.is_visible():
        sidebar.get_by_text("notifications", exact=True).last.click()
    item.click()
    section = _section_for_current_route(page)
    description = section.locator("p").first
    assert description.bounding_box() is not None
    assert description.evaluate("e => e.getBoundingClientRect().width") >= 540
    sample = section.locator("pre").filter(has_text="TransactionId=").first
    sample.wait_for()
    widths = sample.evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert widths[0] <= widths[1], f"the sample scrolls sideways: {widths}"
    assert "InvoiceId=" in sample.inner_text()
    _screenshot(page, "docs-1400px-notification.png")
    assert guard.problems() == {}
