"""Old path of contract_tests.support.servers.serve_asgi, kept until contract_tests/test_client_over_http.py
imports the new one."""

from contract_tests.support.servers import serve_asgi as serving

__all__ = ["serving"]
