"""Runs the mock in this process: uvicorn on a free 127.0.0.1 port, in a daemon thread."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn
from starlette.types import ASGIApp

from mock_server import create_app


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def running_mock(public_id: str, api_secret: str, startup_timeout: float = 15.0) -> Iterator[str]:
    """Yields the mock's base URL; stops the server on exit."""
    with serving(create_app(public_id=public_id, api_secret=api_secret), startup_timeout) as base_url:
        yield base_url


@contextmanager
def serving(app: ASGIApp, startup_timeout: float = 15.0) -> Iterator[str]:
    """Serves an app (e.g. a mock built with other options) the same way; yields its base URL."""
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, name="mock-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + startup_timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            raise RuntimeError("the mock server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
