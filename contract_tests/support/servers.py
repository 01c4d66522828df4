"""Serving an ASGI app on 127.0.0.1 for a test, the demo or the benchmark (kept in mock_server.testing)."""

from __future__ import annotations

from mock_server.testing import LOCAL_HOST, free_port, serve_asgi

__all__ = ["LOCAL_HOST", "free_port", "serve_asgi"]
