"""Property-based contract run of the mock against openapi.yaml, in process (schemathesis).

Every operation, JSON and form bodies, positive and negative generation, with the built-in response
checks and the business checks of contract_tests.contract.checks (which replace `negative_data_rejection`).
CONTRACT_MAX_EXAMPLES sets the examples per operation (50 by default; `make fuzz` uses 1000).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.core.result import Ok

from contract_tests.contract import checks, request_ids  # noqa: F401  (registers the checks and the X-Request-ID hook)
from contract_tests.contract.mock_inputs import MockInputs, card_numbers_of, sbp_member_ids_of
from contract_tests.contract.settings import max_examples, schemathesis_config
from contract_tests.support.credentials import PUBLIC_ID
from contract_tests.support.mock_setup import issue_correction_receipts, issue_tokens
from contract_tests.support.mock_target import api_client, mock_app
from spec_tools import default_spec_path, load_spec, operations

EXAMPLES = max_examples()
APP = mock_app()
SPEC = load_spec()
INPUTS = MockInputs(card_numbers_of(SPEC), public_id=PUBLIC_ID, member_ids=sbp_member_ids_of(SPEC))
LABELLED: set[str] = set()

schema = schemathesis.openapi.from_path(default_spec_path(), config=schemathesis_config(EXAMPLES))
schema.app = APP  # ASGI, in process: what from_asgi() sets
INPUTS.register(schema)


@pytest.fixture(scope="module", autouse=True)
def mock_tokens() -> Iterator[None]:
    """Tokens the mock issued, for the token payments and subscriptions the hooks fill in, and correction
    receipts, for the correction receipt's reads."""
    with api_client(APP) as client:
        INPUTS.tokens[:] = issue_tokens(client)
        INPUTS.correction_receipt_ids[:] = issue_correction_receipts(client)
    yield
    assert not APP.state.api.internal_errors, APP.state.api.internal_errors


def test_every_operation_is_generated() -> None:
    # Guards against a filter or a spec change silently dropping operations from the run.
    results = schema.get_all_operations()
    generated = {result.ok().path: result.ok() for result in results if isinstance(result, Ok)}
    declared = {op.path: op for op in operations(SPEC)}
    assert set(generated) == set(declared)
    for path, op in generated.items():
        # JSON and form bodies wherever the operation takes a body (/test and the settings read take none).
        assert len(op.body) == len(declared[path].media_types), path


@pytest.mark.slow
@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_mock_conforms(case: schemathesis.Case[Any], record_property: Callable[[str, object], None]) -> None:
    if case.operation.label not in LABELLED:
        # Names the operation in the JUnit report of `make fuzz` (the item name does not).
        LABELLED.add(case.operation.label)
        record_property("operation", case.operation.label)
    case.call_and_validate()
