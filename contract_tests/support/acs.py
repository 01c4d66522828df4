"""The payer's walk through the mock's 3-D Secure page (ACS), kept in mock_server.testing with the pytest
plugin that offers it to other projects."""

from __future__ import annotations

from mock_server.testing import NO_AUTH, TERM_URL, AcsError, pass_3ds, pass_3ds_async

__all__ = ["NO_AUTH", "TERM_URL", "AcsError", "pass_3ds", "pass_3ds_async"]
