"""Old path of contract_tests.support.recorded, kept until contract_tests/client/ imports the new one."""

from contract_tests.support.recorded import Exchange, load_exchanges

__all__ = ["Exchange", "load_exchanges"]
