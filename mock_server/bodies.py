"""Reading a request body within limits: a size cap checked while reading, and a deadline for the whole body.

The cap refuses a body as soon as it is known to be too large (by its Content-Length, or once the bytes read
pass the cap), so an oversized body is never held in memory. The deadline frees the request's place
(`--max-concurrency`) from a client that sends its body slowly or not at all. Slow *headers* never reach the
app: uvicorn buffers a request until its headers are complete, so such a connection holds no place; uvicorn
also closes idle keep-alive connections after `timeout_keep_alive` (5 s, its default, kept by the CLI), and
its pure-Python parser (h11) caps the size of incomplete headers at 16 KiB.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Final

from starlette.requests import Request

# Far above any request of the API (150 000 form fields of a few bytes each fit), far below what hurts.
DEFAULT_MAX_BODY_BYTES: Final = 8 * 1024 * 1024
# A real client sends a body of this size in well under a second; the API itself waits 5 minutes for its
# own answer, not for the client's body.
DEFAULT_BODY_TIMEOUT_SECONDS: Final = 10.0


@dataclass(frozen=True)
class BodyLimits:
    max_bytes: int = DEFAULT_MAX_BODY_BYTES
    timeout: float = DEFAULT_BODY_TIMEOUT_SECONDS


class BodyRefusedError(Exception):
    """The body is too large or too slow; `message` says which. The rest of it is never read."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ClientGoneError(Exception):
    """The client closed the connection before its body was read: there is nobody to answer."""


async def read_body(request: Request, limits: BodyLimits) -> bytes:
    too_large = f"The request body is larger than {limits.max_bytes} bytes"
    declared = request.headers.get("content-length", "")
    if declared.isascii() and declared.isdigit() and int(declared) > limits.max_bytes:
        raise BodyRefusedError(too_large)
    # The ASGI messages straight from `receive` under one timer: what `asyncio.timeout` around
    # `request.stream()` does, with a fraction of the calls on every request.
    task = asyncio.current_task()
    assert task is not None
    expired: list[bool] = []
    timer = asyncio.get_running_loop().call_later(limits.timeout, _expire, task, expired)
    chunks: list[bytes] = []
    size = 0
    try:
        while True:
            message = await request.receive()
            if message["type"] != "http.request":  # http.disconnect
                raise ClientGoneError
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limits.max_bytes:
                raise BodyRefusedError(too_large)
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
    except asyncio.CancelledError:
        if not expired or task.uncancel() > 0:
            raise  # cancelled by someone else
        raise BodyRefusedError(f"The request body did not arrive within {limits.timeout:g} seconds") from None
    finally:
        timer.cancel()
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _expire(task: asyncio.Task[object], expired: list[bool]) -> None:
    expired.append(True)
    task.cancel()
