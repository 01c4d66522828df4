"""Stateful mock of the CloudPayments API, driven by openapi.yaml (see mock_server/README.md).

The names below load on first use (PEP 562), so `import mock_server` (and the pytest plugin, which lives in
this package) costs a pytest start nothing until a fixture runs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from mock_server.app import create_app
    from mock_server.cryptogram import make_packet
    from mock_server.defaults import DEFAULT_API_SECRET, DEFAULT_PUBLIC_ID

__all__ = ["DEFAULT_API_SECRET", "DEFAULT_PUBLIC_ID", "create_app", "make_packet"]

_HOMES: Final = {
    "DEFAULT_API_SECRET": "mock_server.defaults",
    "DEFAULT_PUBLIC_ID": "mock_server.defaults",
    "create_app": "mock_server.app",
    "make_packet": "mock_server.cryptogram",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'mock_server' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
