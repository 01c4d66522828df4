"""The mock as the suites' target: a fresh app with their credentials, a client calling it in process."""

from __future__ import annotations

import asyncio
from typing import Final

import httpx
from starlette.applications import Starlette

from contract_tests.support.credentials import API_SECRET, PUBLIC_ID
from mock_server import create_app
from spec_tools import default_spec_path

BASE_URL: Final = "http://testserver"


def mock_app() -> Starlette:
    """A fresh mock with empty state, checking nothing itself: the suites are the judges. Strict: the
    contract is the spec as written, so a request without a parameter the reference requires (though real
    clients omit it, `x-tolerated-absent`) is a bad request here. The QR status wait holds a request a
    tenth of a second at most: the runs call it on payments nobody pays."""
    return create_app(
        public_id=PUBLIC_ID,
        api_secret=API_SECRET,
        spec_path=default_spec_path(),
        strict=True,
        qr_wait_seconds=0.1,
    )


class InProcessTransport(httpx.BaseTransport):
    """Synchronous calls into an ASGI app, each on its own short event loop (no server, no thread)."""

    def __init__(self, app: Starlette) -> None:
        self._asgi = httpx.ASGITransport(app=app)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        async def call() -> httpx.Response:
            response = await self._asgi.handle_async_request(request)
            content = await response.aread()
            return httpx.Response(response.status_code, headers=response.headers, content=content)

        return asyncio.run(call())


def api_client(app: Starlette) -> httpx.Client:
    """A synchronous client that calls the app in process, authenticated like a merchant."""
    return httpx.Client(
        transport=InProcessTransport(app), base_url=BASE_URL, auth=httpx.BasicAuth(PUBLIC_ID, API_SECRET)
    )
