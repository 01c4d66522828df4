"""A fresh mock without a server: the app on an event loop of its own, reached through an httpx transport.

Starting and stopping uvicorn costs a test about 200 ms; a mock in process costs a few milliseconds. Calls
through `LocalMock.transport` (sync and async httpx clients, the client package's `transport=`) go straight
into the app on the mock's own loop thread, where its background work (notification deliveries) runs too, so
a test's own event loop may come and go. The mock still has an address: a 127.0.0.1 port is reserved when it
is made and the mock answers as reached there (its ACS, QR and invoice links point there); a server starts on
that port only when something needs a real connection (`base_url` read, `serve()`: a browser, another
process). The test helpers of `mock_server.testing` that follow such links (`pass_3ds`, `pay_qr`) go through
the transport by themselves.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import secrets
import socket
import threading
import time
from collections.abc import Coroutine, Iterator, MutableMapping
from contextlib import contextmanager
from typing import Any, TypeVar

import httpx
import uvicorn
from starlette.applications import Starlette

from mock_server.app import create_app
from mock_server.defaults import DEFAULT_PUBLIC_ID
from mock_server.testing import LOCAL_HOST, MockServer, register_local_transport, unregister_local_transport

_T = TypeVar("_T")


class _LoopThread:
    """An event loop running in a daemon thread until `stop()`."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self.loop.run_forever, name="cloudpayments-mock-loop", daemon=True
        )
        self._thread.start()

    def submit(self, work: Coroutine[Any, Any, _T]) -> concurrent.futures.Future[_T]:
        return asyncio.run_coroutine_threadsafe(work, self.loop)

    def stop(self, closing: Coroutine[Any, Any, None]) -> None:
        """Runs `closing` on the loop, cancels what is left, closes its async generators, then the loop."""
        try:
            self.submit(closing).result(timeout=10)
        finally:
            self.submit(self._cancel_the_rest()).result(timeout=10)
            self.loop.call_soon_threadsafe(self.loop.stop)
            self._thread.join(timeout=10)
            self.loop.close()

    async def _cancel_the_rest(self) -> None:
        current = asyncio.current_task()
        pending = [task for task in asyncio.all_tasks() if task is not current]
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        await self.loop.shutdown_asyncgens()


class AppTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """An httpx transport (sync and async) into an ASGI app running on `loop`.

    The request's read timeout bounds the wait (`httpx.ReadTimeout`, as over a network); an answer the app
    drops after starting it (the mock's `drop-after-commit` fault) is an `httpx.RemoteProtocolError`.
    """

    def __init__(self, app: Starlette, loop: _LoopThread) -> None:
        self._app = app
        self._loop = loop

    async def _call(self, request: httpx.Request) -> httpx.Response:
        """One HTTP exchange with the app, as a server holds it; an answer begun and never finished (or an app
        that fails) is a connection closed under the client: `httpx.RemoteProtocolError`."""
        url = request.url
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": request.method,
            "headers": [(name.lower(), value) for name, value in request.headers.raw],
            "scheme": url.scheme,
            "path": url.path,
            "raw_path": url.raw_path.split(b"?")[0],
            "query_string": url.query,
            "server": (url.host, url.port),
            "client": (LOCAL_HOST, 50000),
            "root_path": "",
        }
        body = request.content
        received = False
        started: dict[str, Any] = {}
        parts: list[bytes] = []
        complete = asyncio.Event()

        async def receive() -> dict[str, Any]:
            nonlocal received
            if not received:
                received = True
                return {"type": "http.request", "body": body, "more_body": False}
            await complete.wait()
            return {"type": "http.disconnect"}

        async def send(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                started.update(message)
            elif message["type"] == "http.response.body":
                parts.append(message.get("body", b""))
                if not message.get("more_body", False):
                    complete.set()

        try:
            await self._app(scope, receive, send)
        except Exception as failure:
            raise httpx.RemoteProtocolError(
                f"the mock closed the connection ({failure!r})", request=request
            ) from None
        if not started or not complete.is_set():
            raise httpx.RemoteProtocolError(
                "the mock closed the connection before the answer", request=request
            )
        headers = [(bytes(name), bytes(value)) for name, value in started.get("headers", [])]
        return httpx.Response(started["status"], headers=headers, content=b"".join(parts), request=request)

    @staticmethod
    def _read_timeout(request: httpx.Request) -> float | None:
        timeout = request.extensions.get("timeout", {})
        value = timeout.get("read") if isinstance(timeout, dict) else None
        return float(value) if isinstance(value, int | float) else None

    @staticmethod
    def _copy(request: httpx.Request, body: bytes) -> httpx.Request:
        return httpx.Request(
            request.method, request.url, headers=request.headers, content=body, extensions=request.extensions
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        future = self._loop.submit(self._call(self._copy(request, request.read())))
        try:
            return future.result(timeout=self._read_timeout(request))
        except concurrent.futures.TimeoutError:
            future.cancel()
            raise httpx.ReadTimeout("the mock did not answer in time", request=request) from None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        future = self._loop.submit(self._call(self._copy(request, await request.aread())))
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self._read_timeout(request))
        except TimeoutError:
            future.cancel()
            raise httpx.ReadTimeout("the mock did not answer in time", request=request) from None


class LocalMock(MockServer):
    """A mock in process (see the module's docstring): what `MockServer` offers, and `transport`.

    `address` is where the mock answers as reached; `base_url` is the same address with a server started on it
    (on first use), for what needs a real connection.
    """

    def __init__(self, app: Starlette, public_id: str, api_secret: str) -> None:
        self.app = app
        self.public_id = public_id
        self.api_secret = api_secret
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.bind((LOCAL_HOST, 0))
        self._socket.listen(128)
        self.address = f"http://{LOCAL_HOST}:{self._socket.getsockname()[1]}"
        self._loop = _LoopThread()
        self.transport = AppTransport(app, self._loop)
        self._server: uvicorn.Server | None = None
        self._server_thread: threading.Thread | None = None
        self._serving = threading.Lock()
        register_local_transport(self.address, self.transport)

    def __repr__(self) -> str:  # never the secret
        return f"LocalMock(address={self.address!r}, public_id={self.public_id!r})"

    @property
    def base_url(self) -> str:
        """The mock's address, served on a real port from now on (a browser, another process)."""
        return self.serve()

    def serve(self, startup_timeout: float = 15.0) -> str:
        """Starts a server on the reserved port (once); returns the address."""
        with self._serving:
            if self._server is None:
                server = uvicorn.Server(uvicorn.Config(self.app, log_level="warning"))
                thread = threading.Thread(
                    target=server.run,
                    kwargs={"sockets": [self._socket]},
                    name="uvicorn-in-thread",
                    daemon=True,
                )
                thread.start()
                deadline = time.monotonic() + startup_timeout
                while not server.started:
                    if not thread.is_alive() or time.monotonic() > deadline:
                        server.should_exit = True
                        raise RuntimeError("the mock's server did not start")
                    time.sleep(0.01)
                self._server, self._server_thread = server, thread
        return self.address

    @property
    def acs_url(self) -> str:
        return f"{self.address}/acs"

    def http(self) -> httpx.Client:
        """A raw HTTP client with the merchant's Basic credentials, through the transport (no server)."""
        return httpx.Client(
            base_url=self.address,
            auth=(self.public_id, self.api_secret),
            transport=self.transport,
            timeout=10,
        )

    def async_http(self) -> httpx.AsyncClient:
        """The same for coroutines, on any event loop."""
        return httpx.AsyncClient(
            base_url=self.address,
            auth=(self.public_id, self.api_secret),
            transport=self.transport,
            timeout=10,
        )

    def close(self) -> None:
        unregister_local_transport(self.address)
        if self._server is not None and self._server_thread is not None:
            self._server.should_exit = True
            self._server_thread.join(timeout=10)
        try:
            self._loop.stop(self.app.state.notifications.aclose())
        finally:
            self._socket.close()


@contextmanager
def local_mock(
    public_id: str = DEFAULT_PUBLIC_ID, api_secret: str | None = None, **options: Any
) -> Iterator[LocalMock]:
    """A fresh mock in process (`create_app(**options)`) for the block's duration; no server unless asked.

    Without `api_secret` a fresh random one is made, so it never matches a real terminal's.
    """
    secret = api_secret or f"mock-{secrets.token_hex(12)}"
    mock = LocalMock(create_app(public_id=public_id, api_secret=secret, **options), public_id, secret)
    try:
        yield mock
    finally:
        mock.close()
