"""Merchant credentials of the suites' own mocks.

The secret is fresh per process and never a real one; a test can look for it in output that must not show it.
A server in another process is given these on its command line.
"""

from __future__ import annotations

import secrets
from typing import Final

PUBLIC_ID: Final = "test_api_00000000000000000000042"
API_SECRET: Final = f"contract-{secrets.token_hex(12)}"
