"""Extensions for the schemathesis CLI (`make contract`): `SCHEMATHESIS_HOOKS=contract_tests.st_hooks`.

Importing the modules registers the business-level checks and the X-Request-ID hook globally,
exactly as the in-process suites use them.
"""

from __future__ import annotations

from contract_tests import checks, request_ids

__all__ = ["checks", "request_ids"]
