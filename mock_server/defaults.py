"""The mock's defaults: its made-up test credentials and where the spec and the rendered docs are."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from mock_server.spec import DEFAULT_SPEC_PATH

DEFAULT_PUBLIC_ID: Final = "test_api_00000000000000000000001"
# The mock's own made-up test secret (documented in mock_server/README.md), never a real one.
DEFAULT_API_SECRET: Final = "mock_api_secret_for_local_tests_only"
# The company INN the terminal's cash register is registered to (receipts): the reference's examples' INN.
DEFAULT_INN: Final = "7708806062"
# The docs page: the copy the wheel ships beside the modules, else the checkout's build (`make docs`).
PACKAGED_DOCS_PATH: Final = Path(__file__).resolve().parent / "docs" / "index.html"
DEFAULT_DOCS_PATH: Final = (
    PACKAGED_DOCS_PATH
    if PACKAGED_DOCS_PATH.is_file()
    else Path(__file__).resolve().parent.parent / "docs" / "index.html"
)

__all__ = ["DEFAULT_API_SECRET", "DEFAULT_DOCS_PATH", "DEFAULT_INN", "DEFAULT_PUBLIC_ID", "DEFAULT_SPEC_PATH"]
