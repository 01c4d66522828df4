"""The connection pool notifications go out through: HTTP/1.1 over asyncio streams, parsed by h11, as an httpx
transport (so a test can put `httpx.MockTransport` in its place).

Why not httpx's own pool: httpcore on anyio spends about 0.75 ms of CPU per request (it also retries a failed
`import sniffio` on each one when sniffio is not installed); this pool about 0.12 ms. That was most of what a
notified payment cost the mock. It does only what a notification needs: http and https (certifi's CAs, as
httpx uses), keep-alive with a few idle connections per address, no proxies, no redirects, no cookies.

Bounds: h11 refuses an answer's head much over 16 KiB; the body is read as the caller pulls it (the queue
stops after a few KiB); at most `max_idle` idle connections in all and `max_idle_per_address` to one address,
each dropped after `idle_seconds` (4: under the 5 s servers commonly keep one) or once its server closed it.
Timeouts are the caller's: one deadline around the whole exchange. A pool belongs to the event loop that
first used it.
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Final

import h11
import httpx

DEFAULT_PORTS: Final = {"http": 80, "https": 443}
READ_BYTES: Final = 16 * 1024
HEAD_BYTES: Final = 16 * 1024

Address = tuple[str, str, int]  # scheme, host, port


@dataclass
class _Connection:
    address: Address
    reader: asyncio.StreamReader
    writer: asyncio.StreamWriter
    protocol: h11.Connection
    idle_since: float = 0.0

    async def next_event(self) -> h11.Event:
        while True:
            event = self.protocol.next_event()
            if isinstance(event, h11.Event):
                return event
            if event is h11.PAUSED:  # more bytes after the answer: nothing a client asked for
                raise h11.RemoteProtocolError("data after the answer")
            self.protocol.receive_data(await self.reader.read(READ_BYTES))  # b"": the server closed

    def usable(self, now: float, idle_seconds: float) -> bool:
        """Idle, not closed by its server, not too old: safe to send the next request on."""
        return (
            self.protocol.our_state is h11.IDLE
            and not self.reader.at_eof()
            and not self.writer.is_closing()
            and now - self.idle_since < idle_seconds
        )

    def close(self) -> None:
        self.writer.close()


class _Body(httpx.AsyncByteStream):
    """The answer's body, read from the connection as it is pulled; the connection goes back to the pool
    only when the whole exchange was read."""

    def __init__(self, pool: Http11Pool, connection: _Connection) -> None:
        self._pool = pool
        self._connection: _Connection | None = connection

    async def __aiter__(self) -> AsyncIterator[bytes]:
        connection = self._connection
        if connection is None:
            return
        while True:
            try:
                event = await connection.next_event()
            except (OSError, h11.RemoteProtocolError) as exc:
                raise httpx.ReadError(f"the answer broke off ({exc})") from exc
            if isinstance(event, h11.Data):
                yield bytes(event.data)
            elif isinstance(event, h11.EndOfMessage):
                return
            else:
                raise httpx.RemoteProtocolError(f"unexpected {type(event).__name__} in the answer")

    async def aclose(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            self._pool.release(connection)


class Http11Pool(httpx.AsyncBaseTransport):
    """Keep-alive HTTP/1.1 connections by address (scheme, host, port)."""

    def __init__(self, max_idle: int = 20, max_idle_per_address: int = 4, idle_seconds: float = 4.0) -> None:
        self.max_idle = max_idle
        self.max_idle_per_address = max_idle_per_address
        self.idle_seconds = idle_seconds
        self.opened = 0  # connections opened since the pool was made
        self._idle: dict[Address, list[_Connection]] = {}
        self._ssl: ssl.SSLContext | None = None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        if url.scheme not in DEFAULT_PORTS or not url.host:
            raise httpx.UnsupportedProtocol(f"not an http(s) URL: {url}", request=request)
        address = (url.scheme, url.host, url.port or DEFAULT_PORTS[url.scheme])
        connection = self._take_idle(address) or await self._connect(address, request)
        try:
            protocol = connection.protocol
            head = h11.Request(method=request.method, target=url.raw_path, headers=request.headers.raw)
            data = protocol.send(head) or b""
            if request.content:
                data += protocol.send(h11.Data(data=request.content)) or b""
            data += protocol.send(h11.EndOfMessage()) or b""
            connection.writer.write(data)
            await connection.writer.drain()
            while True:
                event = await connection.next_event()
                if not isinstance(event, h11.InformationalResponse):
                    break
        except BaseException as exc:
            connection.close()
            if isinstance(exc, OSError):
                raise httpx.ReadError(f"the exchange broke off ({exc})", request=request) from exc
            if isinstance(exc, h11.ProtocolError):
                raise httpx.RemoteProtocolError(f"not an HTTP/1.1 answer ({exc})", request=request) from exc
            raise
        if not isinstance(event, h11.Response):
            connection.close()
            raise httpx.RemoteProtocolError(
                "the server closed the connection without an answer", request=request
            )
        return httpx.Response(
            event.status_code,
            headers=event.headers.raw_items(),
            stream=_Body(self, connection),
            extensions={"http_version": b"HTTP/1.1", "reason_phrase": event.reason},
        )

    def release(self, connection: _Connection) -> None:
        """Back to the idle ones when the exchange ended cleanly and both sides keep the connection."""
        protocol = connection.protocol
        if protocol.our_state is not h11.DONE or protocol.their_state is not h11.DONE:
            connection.close()
            return
        protocol.start_next_cycle()
        idle = self._idle.setdefault(connection.address, [])
        if len(idle) >= self.max_idle_per_address or self.idle_count() >= self.max_idle:
            connection.close()
            return
        connection.idle_since = time.monotonic()
        idle.append(connection)

    def idle_count(self) -> int:
        return sum(len(idle) for idle in self._idle.values())

    async def aclose(self) -> None:
        idle, self._idle = self._idle, {}
        for connections in idle.values():
            for connection in connections:
                connection.close()
        for connections in idle.values():
            for connection in connections:
                with contextlib.suppress(OSError):
                    await connection.writer.wait_closed()

    def _take_idle(self, address: Address) -> _Connection | None:
        idle = self._idle.get(address)
        now = time.monotonic()
        while idle:
            connection = idle.pop()  # the most recent: the least likely to be closed by its server
            if connection.usable(now, self.idle_seconds):
                return connection
            connection.close()
        self._idle.pop(address, None)
        return None

    async def _connect(self, address: Address, request: httpx.Request) -> _Connection:
        scheme, host, port = address
        context = self._ssl_context() if scheme == "https" else None
        try:
            reader, writer = await asyncio.open_connection(
                host, port, ssl=context, server_hostname=host if context else None, limit=READ_BYTES
            )
        except (OSError, ValueError) as exc:  # ValueError: a host name IDNA cannot encode
            raise httpx.ConnectError(f"cannot connect to {host}:{port} ({exc})", request=request) from exc
        self.opened += 1
        protocol = h11.Connection(h11.CLIENT, max_incomplete_event_size=HEAD_BYTES)
        return _Connection(address, reader, writer, protocol)

    def _ssl_context(self) -> ssl.SSLContext:
        if self._ssl is None:  # made once: building one costs tens of milliseconds
            try:
                import certifi

                self._ssl = ssl.create_default_context(cafile=certifi.where())
            except ImportError:
                self._ssl = ssl.create_default_context()
        return self._ssl
