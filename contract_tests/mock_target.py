"""Old path of contract_tests.support.mock_target and .credentials, kept until
contract_tests/test_client_over_http.py imports the new ones."""

from contract_tests.support.credentials import API_SECRET, PUBLIC_ID
from contract_tests.support.mock_target import mock_app

__all__ = ["API_SECRET", "PUBLIC_ID", "mock_app"]
