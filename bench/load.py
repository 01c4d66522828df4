"""A bounded HTTP/1.1 load generator for 127.0.0.1: N keep-alive connections, each sending one request and
waiting for its answer before the next (closed loop), until a request count or a time limit is reached.

Written on asyncio protocols with uvloop and httptools (the response parser), so its own cost stays small
next to the server's on a 2-core machine: one generator drives the mock and Prism alike.
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import cast
from urllib.parse import urlsplit

import httptools
import uvloop

# A connection that gets no answer for this long fails the run instead of hanging it.
ANSWER_TIMEOUT_S = 10.0


@dataclass(frozen=True)
class Request:
    """One kind of POST: its path, JSON bodies and Basic credentials; each send takes the next body in turn
    and a fresh X-Request-ID. Several bodies (fresh cryptograms) keep a server from answering repeats cheaply.
    """

    path: str
    bodies: tuple[bytes, ...]
    login: str
    password: str

    def head(self, host: str) -> bytes:
        token = base64.b64encode(f"{self.login}:{self.password}".encode()).decode()
        return (
            f"POST {self.path} HTTP/1.1\r\nHost: {host}\r\nAuthorization: Basic {token}\r\n"
            "Content-Type: application/json\r\nAccept: application/json\r\n"
        ).encode()


@dataclass
class LoadResult:
    connections: int
    requests: int = 0
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    failures: int = 0  # not 200, or no `"Success":true` in the body
    errors: int = 0  # connection lost, timeouts


class _Connection(asyncio.Protocol):
    """One keep-alive connection: `send` writes a request; the future resolves with (status, body)."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.parser = httptools.HttpResponseParser(self)
        self.waiter: asyncio.Future[tuple[int, bytes]] | None = None
        self.body: list[bytes] = []

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.Transport, transport)  # uvloop's transports do not subclass it

    def data_received(self, data: bytes) -> None:
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserError as exc:
            self._fail(exc)

    def connection_lost(self, exc: Exception | None) -> None:
        self._fail(exc or ConnectionError("closed by the server"))

    def _fail(self, exc: BaseException) -> None:
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_exception(exc)

    # httptools callbacks
    def on_body(self, body: bytes) -> None:
        self.body.append(body)

    def on_message_complete(self) -> None:
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_result((self.parser.get_status_code(), b"".join(self.body)))
        self.body = []

    def send(self, data: bytes) -> asyncio.Future[tuple[int, bytes]]:
        assert self.transport is not None
        self.waiter = asyncio.get_running_loop().create_future()
        self.transport.write(data)
        return self.waiter


async def _drive(
    host: str, port: int, request: Request, connections: int, max_requests: int, max_seconds: float
) -> LoadResult:
    loop = asyncio.get_running_loop()
    head = request.head(f"{host}:{port}")
    result = LoadResult(connections)
    deadline = time.perf_counter() + max_seconds
    remaining = [max_requests]

    bodies = itertools.cycle(request.bodies)

    def next_request() -> bytes:
        body = next(bodies)
        length = str(len(body)).encode()
        rid = uuid.uuid4().hex.encode()
        return b"".join((head, b"Content-Length: ", length, b"\r\nX-Request-ID: ", rid, b"\r\n\r\n", body))

    async def worker() -> None:
        _, conn = await loop.create_connection(_Connection, host, port)
        try:
            while remaining[0] > 0 and time.perf_counter() < deadline:
                remaining[0] -= 1
                data = next_request()
                start = time.perf_counter()
                try:
                    status, body = await asyncio.wait_for(conn.send(data), ANSWER_TIMEOUT_S)
                except (OSError, TimeoutError, httptools.HttpParserError):
                    result.errors += 1
                    return
                result.latencies.append(time.perf_counter() - start)
                if status != 200 or b'"Success":true' not in body:
                    result.failures += 1
        finally:
            if conn.transport is not None:
                conn.transport.close()

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(connections)))
    result.seconds = time.perf_counter() - started
    result.requests = len(result.latencies)
    return result


def _address(base_url: str) -> tuple[str, int]:
    url = urlsplit(base_url)
    host, port = url.hostname or "127.0.0.1", url.port or 80
    if host != "127.0.0.1":
        raise ValueError(f"the load generator talks to 127.0.0.1 only, not {host}")
    return host, port


def warm(base_url: str, request: Request, connections: int, seconds: float, max_requests: int) -> None:
    """Load a freshly started server, unmeasured, so a JIT (Prism's V8) or caches reach their pace."""
    host, port = _address(base_url)
    uvloop.run(_drive(host, port, request, connections, max_requests, seconds))


def run(
    base_url: str,
    request: Request,
    connections: int,
    max_requests: int,
    max_seconds: float,
    warmup_seconds: float = 1.0,
    before: Callable[[], None] | None = None,
) -> LoadResult:
    """Warm up, call `before` (e.g. empty the mock's state), then measure; bounded in count and time."""
    host, port = _address(base_url)
    uvloop.run(_drive(host, port, request, connections, max_requests, warmup_seconds))
    if before is not None:
        before()
    return uvloop.run(_drive(host, port, request, connections, max_requests, max_seconds))
