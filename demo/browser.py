"""Old path of contract_tests.support.acs.pass_3ds, kept until contract_tests/test_client_over_http.py
imports the new one."""

from contract_tests.support.acs import pass_3ds

__all__ = ["pass_3ds"]
