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

from starlette.requests import ClientDisconnect, Request

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
    chunks: list[bytes] = []
    size = 0
    try:
        async with asyncio.timeout(limits.timeout):
            async for chunk in request.stream():
                size += len(chunk)
                if size > limits.max_bytes:
                    raise BodyRefusedError(too_large)
                chunks.append(chunk)
    except TimeoutError:
        raise BodyRefusedError(f"The request body did not arrive within {limits.timeout:g} seconds") from None
    except ClientDisconnect:
        raise ClientGoneError from None
    return b"".join(chunks)
