"""Extensions for the schemathesis CLI (`make contract`): `hooks = "contract_tests.contract.tools.st_hooks"`.

Importing the modules registers the business-level checks and the X-Request-ID hook globally,
exactly as the in-process suites use them.
"""

from __future__ import annotations

from contract_tests.contract import checks, request_ids

__all__ = ["checks", "request_ids"]
