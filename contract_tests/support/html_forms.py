"""The forms of an HTML page as a browser would submit them (kept in mock_server.testing)."""

from __future__ import annotations

from mock_server.testing import Form, FormParser, forms_of

__all__ = ["Form", "FormParser", "forms_of"]
