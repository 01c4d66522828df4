"""Stateful contract run: the spec's OpenAPI links drive schemathesis' state machines against the mock.

Two machines, so that neither dilutes the other's scenarios. The payment workflow: charge/auth -> post3ds,
confirm, void, refund, get; charge -> find (v2, by the request's InvoiceId); token payments -> confirm,
void, refund, get; confirm -> refund. The account workflow: payouts -> get; subscriptions/create -> get,
find, update, cancel; update -> get; orders/create -> cancel; settings update -> get of the same `{Type}`.
After every step the ledger (contract/ledger.py) checks the answer against the operations already applied
(no refund above the amount paid, no confirm of a voided payment, no refund of a payout, no success on a
transaction that never existed, a lookup shows the status and amount the operations left, an update
re-activates a cancelled subscription, settings read back as saved...); after every scenario the mock's own
records must agree with the ledger. Each scenario starts from an empty mock, so a failing scenario replays
exactly.

CONTRACT_STATEFUL_EXAMPLES (scenarios of each workflow) and CONTRACT_STATEFUL_STEPS (steps per scenario)
size the run.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any, ClassVar, Final

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import Case, GenerationMode, HookContext, Response
from schemathesis.core import NotSet
from schemathesis.generation.stateful.state_machine import APIStateMachine

from contract_tests.contract import checks, request_ids  # noqa: F401  (registers the checks and the X-Request-ID hook)
from contract_tests.contract.ledger import Ledger, LedgerError, notification_defaults
from contract_tests.contract.mock_inputs import MockInputs, card_numbers_of, digest, sbp_member_ids_of
from contract_tests.contract.settings import (
    STATEFUL_EXAMPLES_ENV,
    STATEFUL_RANDOM_ENV,
    STATEFUL_STEPS_ENV,
    env_int,
    max_examples,
    schemathesis_config,
)
from contract_tests.support.acs import pass_3ds
from contract_tests.support.cards import card_body, three_ds_card
from contract_tests.support.credentials import PUBLIC_ID
from contract_tests.support.mock_setup import issue_correction_receipts, issue_tokens, post
from contract_tests.support.mock_target import api_client, mock_app
from spec_tools import (
    REPO_ROOT,
    default_spec_path,
    load_spec,
    object_properties,
    operations,
    request_schema,
)

SCENARIOS: Final = env_int(STATEFUL_EXAMPLES_ENV, 150)
RANDOM_SCENARIOS: Final = os.environ.get(STATEFUL_RANDOM_ENV) == "1"
STEPS: Final = env_int(STATEFUL_STEPS_ENV, 12)
# Where `make fuzz` collects its results; the stateful run adds what it reached.
REPORT_DIR_ENV: Final = "CONTRACT_REPORT_DIR"
APP = mock_app()
CLIENT = api_client(APP)
SPEC = load_spec()
SETTINGS_DEFAULTS: Final = notification_defaults(SPEC)
# Two state machines, so that neither dilutes the other's scenarios: the payments with their lookups, and
# the operations around them (payouts and their lookup, subscriptions, invoices, notification settings).
# Operations without links (/test, the lists) never take part; the stateless run covers them.
PAYMENT_PATHS: Final = [
    op.path for op in operations(SPEC) if op.tag == "payments" and op.path != "/payments/get"
]
ACCOUNT_PATHS: Final = [
    op.path for op in operations(SPEC) if op.tag in ("payouts", "subscriptions", "orders", "notifications")
]
LOOKUP_PATHS: Final = ["/payments/get"]
INPUTS = MockInputs(card_numbers_of(SPEC), public_id=PUBLIC_ID, member_ids=sbp_member_ids_of(SPEC))
DECLARED: Final = {
    (op.path, media_type): frozenset(object_properties(request_schema(SPEC, op.path, media_type), SPEC))
    for op in operations(SPEC)
    for media_type in op.media_types
}


class Tally:
    """The current scenario's ledger (the hooks read it too), and what all scenarios of a run reached,
    so the tests can prove they exercised real transactions."""

    ledger: ClassVar[Ledger] = Ledger()
    applied: ClassVar[Counter[str]] = Counter()
    scenarios: ClassVar[int] = 0


def map_case(context: HookContext, case: Case[Any]) -> Case[Any]:
    """Keep positive bodies to the declared parameters in this run.

    Undeclared keys (allowed: the schemas do not close the objects) explode into repeated form fields
    that the API refuses; the stateless run covers them, here they would only keep scenarios from
    reaching the transactions.
    """
    if case.meta is None or case.meta.generation.mode != GenerationMode.POSITIVE:
        return case
    if isinstance(case.body, dict) and case.media_type is not None:
        declared = DECLARED.get((case.operation.path, case.media_type))
        if declared is not None:
            case.body = {key: value for key, value in case.body.items() if key in declared}
    return case


def state_machine(paths: list[str]) -> Any:
    """schemathesis' state machine over these operations of the spec, with the run's hooks."""
    schema = schemathesis.openapi.from_path(
        default_spec_path(), config=schemathesis_config(max_examples(), stateful_steps=STEPS)
    ).include(path=paths)
    schema.app = APP
    INPUTS.register(schema)
    schema.hook(map_case)
    return schema.as_state_machine()


class LedgerRun(APIStateMachine):
    """What both state machines do around schemathesis' steps: an empty mock and ledger for every
    scenario, the payer's visit to the ACS page, the ledger's judgement of every answer, the mock's
    records at the end."""

    @property
    def ledger(self) -> Ledger:
        return Tally.ledger

    def setup(self) -> None:
        # A scenario starts from an empty mock and an empty ledger, with fresh tokens and correction receipts
        # for the hooks.
        forget_extracted_links(type(self))
        post(CLIENT, "/__mock__/reset")
        Tally.ledger = Ledger(settings_defaults=SETTINGS_DEFAULTS)
        INPUTS.tokens[:] = issue_tokens(CLIENT)
        INPUTS.correction_receipt_ids[:] = issue_correction_receipts(CLIENT)
        Tally.scenarios += 1

    def before_call(self, case: Case[Any]) -> None:
        super().before_call(case)
        visit_acs(case)

    def validate_response(
        self, response: Response, case: Case[Any], additional_checks: Any = None, **kwargs: Any
    ) -> None:
        super().validate_response(response, case, additional_checks, **kwargs)
        if response.status_code != 200:
            return
        try:
            negative = case.meta is not None and case.meta.generation.mode == GenerationMode.NEGATIVE
            self.ledger.observe(
                case.operation.path,
                None if isinstance(case.body, NotSet) else case.body,
                json.loads(response.content),
                judge_refusals=not negative,
                parameters=case.path_parameters,
            )
        except LedgerError as error:
            raise LedgerError(
                f"{error}\nRequest: POST {case.operation.path} {case.media_type} {case.body!r}\n"
                f"Answer: {response.content[:1500].decode('utf-8', 'replace')}"
            ) from None

    def teardown(self) -> None:
        try:
            assert_mock_agrees(self.ledger)
            Tally.applied.update(self.ledger.applied)
        finally:
            super().teardown()


class PaymentWorkflow(LedgerRun, state_machine(PAYMENT_PATHS + LOOKUP_PATHS)):  # type: ignore[misc]
    """charge/auth -> post3ds, confirm, void, refund, get; charge -> find; token payments alike;
    confirm -> refund."""


class AccountWorkflow(LedgerRun, state_machine(ACCOUNT_PATHS + LOOKUP_PATHS)):  # type: ignore[misc]
    """payouts -> get; subscriptions/create -> get, find, update, cancel; orders/create -> cancel; settings
    update -> get."""


def forget_extracted_links(machine: type[Any]) -> None:
    """Empty the links' caches of extracted values.

    schemathesis caches what a link extracted per case id, and Hypothesis reseeds the generator of
    those ids for every scenario: a scenario would reuse another scenario's extraction (the id of an
    approved payment where this scenario's response was a 3-D Secure challenge). Every scenario
    starts from an empty mock, so nothing extracted earlier may carry over.
    """
    for transitions in machine._transitions.operations.values():
        for link in transitions.outgoing:
            link._cached_extract.cache_clear()


def visit_acs(case: Case[Any]) -> None:
    """The payer's visit to the ACS page, which no link can express.

    The CompleteThreeDSecure link gives post3ds the TransactionId; its PaRes only comes back from the
    ACS page. Before a positive post3ds for a payment awaiting authentication, go through the page and
    send the PaRes it returns: authenticated for half of the cases, refused by the payer for a quarter,
    and for the last quarter the generated PaRes stays (the mock must refuse it).
    """
    if case.operation.path != "/payments/cards/post3ds" or not isinstance(case.body, dict):
        return
    if case.meta is None or case.meta.generation.mode != GenerationMode.POSITIVE:
        return
    transaction_id = case.body.get("TransactionId")
    payment = Tally.ledger.payments.get(transaction_id) if isinstance(transaction_id, int) else None
    if payment is None or payment.status != "AwaitingAuthentication" or payment.acs_url is None:
        return
    assert payment.pa_req is not None
    choice = digest((transaction_id, case.body.get("PaRes")))[0] % 4
    if choice == 0:
        return
    _, pa_res = pass_3ds(
        payment.acs_url, payment.pa_req, str(payment.transaction_id), success=choice != 1, client=CLIENT
    )
    case.body = {**case.body, "PaRes": pa_res}


def assert_mock_agrees(ledger: Ledger) -> None:
    """The mock's records say what the ledger says about every payment of the scenario."""
    records = APP.state.store.transactions
    for transaction_id, payment in ledger.payments.items():
        record = records.get(transaction_id)
        assert record is not None, f"the mock lost {payment.describe()}"
        assert record.status == payment.status, f"the mock says {record.status!r} for {payment.describe()}"
        if payment.status in ("Authorized", "Completed"):
            assert payment.amount.low <= record.amount <= payment.amount.high, (
                f"the mock holds amount {record.amount} for {payment.describe()}"
            )
        assert payment.refunded.low <= record.refunded <= payment.refunded.high, (
            f"the mock holds refunded {record.refunded} for {payment.describe()}"
        )
        assert record.refunded <= record.amount or record.refunded == Decimal(0), payment.describe()


def run_workflow(machine: type[LedgerRun]) -> dict[str, int]:
    """Run the scenarios; what they reached (the report adds up both workflows)."""
    before = Counter(Tally.applied)
    machine.run(
        settings=settings(
            max_examples=SCENARIOS,
            stateful_step_count=STEPS,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
            # `make test` runs the same scenarios every time, so its coverage guard below cannot flake;
            # `make fuzz` explores new ones on every run.
            derandomize=not RANDOM_SCENARIOS,
        )
    )
    write_report(dict(Tally.applied))
    return dict(Tally.applied - before)


@pytest.mark.slow
def test_links_drive_the_payment_workflow() -> None:
    reached = run_workflow(PaymentWorkflow)
    # The run must have reached real transactions through the links, not only refusals.
    for transition in ("charge approved", "auth approved", "refund", "get", "find"):
        assert reached.get(transition, 0) > 0, f"no {transition!r} in {SCENARIOS} scenarios: {reached}"
    # Confirm and void compete for the same authorizations; together they are never rare.
    assert reached.get("confirm", 0) + reached.get("void", 0) > 0, f"no authorization settled: {reached}"
    completed_3ds = reached.get("post3ds approved", 0) + reached.get("post3ds declined", 0)
    assert completed_3ds > 0, f"no 3-D Secure completed in {SCENARIOS} scenarios: {reached}"


@pytest.mark.slow
def test_links_drive_the_account_workflow() -> None:
    reached = run_workflow(AccountWorkflow)
    # A lookup of an approved payout, a payer's subscriptions found, an update of a subscription, a withdrawn
    # invoice, settings read back.
    for transition in (
        "payout approved",
        "get payout",
        "subscriptions found",
        "subscription update",
        "order cancel",
        "settings read back",
    ):
        assert reached.get(transition, 0) > 0, f"no {transition!r} in {SCENARIOS} scenarios: {reached}"


def write_report(reached: dict[str, int]) -> None:
    directory = Path(os.environ.get(REPORT_DIR_ENV, "") or REPO_ROOT / "contract_tests" / "reports")
    directory.mkdir(parents=True, exist_ok=True)
    summary = {"scenarios": Tally.scenarios, "steps_per_scenario": STEPS, "reached": reached}
    (directory / "stateful.json").write_text(json.dumps(summary, indent=2, sort_keys=True), encoding="utf-8")


def test_acs_round_trip_helper_completes_a_challenge() -> None:
    # The hook above relies on this helper; prove it on its own, on a fresh challenge.
    body = card_body(three_ds_card(), 12.5)
    challenge = post(CLIENT, "/payments/cards/charge", body)["Model"]
    md, pa_res = pass_3ds(
        str(challenge["AcsUrl"]), challenge["PaReq"], str(challenge["TransactionId"]), client=CLIENT
    )
    answer = post(CLIENT, "/payments/cards/post3ds", {"TransactionId": int(md), "PaRes": pa_res})
    assert answer["Success"] is True, f"post3ds {md} -> {answer!r}"
