"""Limits of a real server: the body cap, the body-read deadline, clients that go away; page inputs.

The server tests talk raw HTTP/1.1 over a socket to uvicorn (contract_tests.support.servers.serve_asgi):
what is measured is what a slow or misbehaving client does to the server, which an in-process client
cannot show.
"""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from contract_tests.mock.helpers import AUTH
from contract_tests.support.acs import NO_AUTH
from contract_tests.support.cards import OTHER_CARD, card_body, three_ds_card
from contract_tests.support.servers import serve_asgi
from mock_server import create_app
from spec_tools import default_spec_path

CAP = 64 * 1024
DEADLINE = 0.5


@pytest.fixture
def small_app() -> Iterator[Starlette]:
    app = create_app(
        spec_path=default_spec_path(), max_concurrency=1, max_body_bytes=CAP, body_timeout=DEADLINE
    )
    yield app
    assert app.state.api.internal_errors == []


@pytest.fixture
def base_url(small_app: Starlette) -> Iterator[str]:
    with serve_asgi(small_app) as url:
        yield url


def authorization() -> str:
    request = httpx.Request("POST", "http://x/")
    return next(AUTH.auth_flow(request)).headers["Authorization"]


@contextmanager
def connection(base_url: str) -> Iterator[socket.socket]:
    host, port = httpx.URL(base_url).host, httpx.URL(base_url).port
    assert port is not None
    sock = socket.create_connection((host, port), timeout=10)
    try:
        yield sock
    finally:
        sock.close()


def head(path: str, length: int | None, *, chunked: bool = False) -> bytes:
    lines = [
        f"POST {path} HTTP/1.1",
        "Host: 127.0.0.1",
        f"Authorization: {authorization()}",
        "Content-Type: application/json",
    ]
    lines.append("Transfer-Encoding: chunked" if chunked else f"Content-Length: {length}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def read_answer(sock: socket.socket) -> tuple[int, dict[str, str], bytes]:
    """One HTTP/1.1 answer with a Content-Length."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError(f"closed before an answer: {data!r}")
        data += chunk
    header_text, _, rest = data.partition(b"\r\n\r\n")
    status_line, *header_lines = header_text.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in header_lines)}
    length = int(headers.get("content-length", "0"))
    while len(rest) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        rest += chunk
    return int(status_line.split()[1]), headers, rest[:length]


def envelope(body: bytes) -> dict[str, Any]:
    answer: dict[str, Any] = json.loads(body)
    return answer


# ---------- body size ----------


def test_a_declared_oversized_body_is_refused_before_it_is_read(base_url: str) -> None:
    with connection(base_url) as sock:
        sock.sendall(head("/payments/cards/charge", 200 * 1024 * 1024))
        sock.sendall(b"{" + b" " * 1000)  # a taste of the 200 MB; the rest never comes
        status, headers, body = read_answer(sock)
    assert status == 200 and headers.get("connection") == "close"
    assert envelope(body) == {
        "Success": False,
        "Message": f"The request body is larger than {CAP} bytes",
        "Model": None,
    }


def test_a_chunked_body_is_refused_once_it_passes_the_cap(base_url: str, small_app: Starlette) -> None:
    with connection(base_url) as sock:
        sock.sendall(head("/payments/cards/charge", None, chunked=True))
        piece = b" " * 16384
        for _ in range(CAP // len(piece) + 2):
            try:
                sock.sendall(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
            except OSError:
                break  # the server answered and closed: it read no further
        status, _, body = read_answer(sock)
    assert status == 200
    assert envelope(body)["Message"] == f"The request body is larger than {CAP} bytes"
    assert small_app.state.store.counts()["transactions"] == 0


def test_a_body_under_the_cap_is_served(base_url: str) -> None:
    with httpx.Client(base_url=base_url, auth=AUTH) as client:
        answer = client.post("/payments/cards/charge", json=card_body(OTHER_CARD)).json()
    assert answer["Success"] is True


# ---------- slow clients ----------


def test_a_slow_body_loses_its_slot_after_the_deadline(base_url: str) -> None:
    with connection(base_url) as slow, httpx.Client(base_url=base_url, auth=AUTH) as other:
        slow.sendall(head("/payments/cards/charge", 1000) + b"{")  # then nothing: the slot is held
        time.sleep(0.2)
        assert other.post("/test").status_code == 429  # --max-concurrency 1 is taken
        status, headers, body = read_answer(slow)  # answered at the deadline, not never
        assert status == 200 and headers.get("connection") == "close"
        assert envelope(body)["Message"] == f"The request body did not arrive within {DEADLINE:g} seconds"
        assert other.post("/test").json()["Success"] is True  # the slot is free again


def test_slow_headers_hold_no_place(base_url: str) -> None:
    """Headers still arriving never reach the app, so they take no place under --max-concurrency."""
    with connection(base_url) as slow, connection(base_url) as slower:
        slow.sendall(b"POST /payments/cards/charge HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # and no more
        slower.sendall(b"POST /test HTTP/1.1\r\nX-")
        time.sleep(0.2)
        with httpx.Client(base_url=base_url, auth=AUTH) as other:
            for _ in range(3):
                assert other.post("/test").json()["Success"] is True


def test_a_client_that_goes_away_is_not_an_internal_error(base_url: str, small_app: Starlette) -> None:
    with connection(base_url) as sock:
        sock.sendall(head("/payments/cards/charge", 1000) + b'{"Amount": 1')
        time.sleep(0.1)
    time.sleep(0.3)
    with httpx.Client(base_url=base_url, auth=AUTH) as client:
        assert client.post("/test").json()["Success"] is True  # the slot was released
    assert small_app.state.api.internal_errors == []
    assert small_app.state.store.counts()["transactions"] == 0


# ---------- page inputs are validated like API input ----------


async def test_acs_page_refuses_non_ascii_digits(api: httpx.AsyncClient) -> None:
    for md in ("²", "١٢", "1²", " 1"):
        form = {"MD": md, "PaReq": "+/x", "TermUrl": "https://shop.test/3ds"}
        for path in ("/acs", "/acs/complete"):
            response = await api.post(path, data={**form, "Choice": "success"}, auth=NO_AUTH)
            assert response.status_code == 400, (path, md)
            assert "Unknown authentication request" in response.text


async def order_url(api: httpx.AsyncClient) -> str:
    body = {
        "Amount": 10,
        "Currency": "RUB",
        "Description": "d",
        "Email": "a@example.com",
        "RequireConfirmation": False,
        "SendEmail": False,
    }
    url: str = (await api.post("/orders/create", json=body)).json()["Model"]["Url"]
    return httpx.URL(url).path


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("ExpMonth", "¹²", "Invalid expiry date"),
        ("ExpMonth", "1²", "Invalid expiry date"),
        ("ExpYear", "²⁰³⁰", "Invalid expiry date"),
        ("Cvv", "¹²³", "Invalid CVV"),
        ("CardNumber", "٤٢٤٢٤٢٤٢٤٢٤٢٤٢٤٢", "Invalid card number"),
    ],
)
async def test_invoice_page_refuses_non_ascii_digits(
    api: httpx.AsyncClient, mock_app: Starlette, field: str, value: str, message: str
) -> None:
    path = await order_url(api)
    form = {"CardNumber": OTHER_CARD, "ExpMonth": "12", "ExpYear": "2099", "Cvv": "123", "Name": "A B"}
    response = await api.post(f"{path}/pay", data={**form, field: value}, auth=NO_AUTH)
    assert response.status_code == 400 and message in response.text
    assert mock_app.state.store.counts()["transactions"] == 0


async def test_invoice_3ds_return_refuses_non_ascii_digits(api: httpx.AsyncClient) -> None:
    path = await order_url(api)
    form = {"CardNumber": three_ds_card(), "ExpMonth": "12", "ExpYear": "2099", "Cvv": "123", "Name": "A B"}
    await api.post(f"{path}/pay", data=form, auth=NO_AUTH)
    response = await api.post(f"{path}/3ds", data={"MD": "²", "PaRes": "x"}, auth=NO_AUTH)
    assert response.status_code == 400 and "Unknown payment" in response.text


# ---------- a refused request leaves the connection usable ----------


def test_after_a_lone_surrogate_the_keep_alive_connection_serves_the_next_request(
    base_url: str, small_app: Starlette
) -> None:
    bad = json.dumps(card_body(OTHER_CARD, Name="__X__")).replace('"__X__"', '"\\ud800"').encode()
    good = json.dumps(card_body(OTHER_CARD)).encode()
    with connection(base_url) as sock:
        sock.sendall(head("/payments/cards/charge", len(bad)) + bad)
        status, headers, body = read_answer(sock)
        assert status == 200 and headers.get("connection") != "close"
        assert envelope(body)["Message"] == "Name is not valid Unicode text (a lone surrogate \\ud800)"
        sock.sendall(head("/payments/cards/charge", len(good)) + good)  # the same connection
        status, _, body = read_answer(sock)
    assert status == 200 and envelope(body)["Success"] is True
    assert small_app.state.store.counts()["transactions"] == 1
