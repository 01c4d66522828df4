"""Serving an ASGI app on 127.0.0.1 for a test, the demo or the benchmark."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Final

import uvicorn
from starlette.types import ASGIApp

LOCAL_HOST: Final = "127.0.0.1"


def free_port() -> int:
    """A port that was free a moment ago, for a server in another process (which must be told its port)."""
    with socket.socket() as sock:
        sock.bind((LOCAL_HOST, 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def serve_asgi(app: ASGIApp, startup_timeout: float = 15.0) -> Iterator[str]:
    """Run `app` with uvicorn on a free 127.0.0.1 port in a daemon thread; yield its base URL.

    The server binds port 0 itself and reports the port it got, so no other process can take it in between.
    """
    server = uvicorn.Server(uvicorn.Config(app, host=LOCAL_HOST, port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, name="uvicorn-in-thread", daemon=True)
    thread.start()
    deadline = time.monotonic() + startup_timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            raise RuntimeError("the server did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://{LOCAL_HOST}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
