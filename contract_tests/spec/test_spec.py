"""openapi.yaml is valid, lints clean, and matches the seed API description."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from openapi_spec_validator import validate

from contract_tests.spec.parameter_checks import check_form_parameter, check_json_parameter
from contract_tests.spec.reference_parameters import (
    RELAXED_NOTE,
    RELAXED_TODAY,
    TAKEN_ABSENT,
    TAKEN_ABSENT_NOTE,
)
from contract_tests.spec.seed_parameters import SEED_PARAMETERS, SEED_PATHS, SEED_TYPE_TO_JSON_SCHEMA, Row
from spec_tools import (
    FORM,
    JSON,
    REPO_ROOT,
    Spec,
    deref,
    interval_codes,
    is_case_insensitive,
    object_properties,
    operation,
    reasons,
    request_schema,
    response_validator,
    sbp_payout_test_phones,
    subscription_statuses,
    transaction_statuses,
    transaction_type_codes,
    with_rendered_tables,
)
from spec_tools.document import HTTP_METHODS
from spec_tools.facts import TABLE_MARKER, TABLES

REDOCLY = REPO_ROOT / "node_modules" / ".bin" / "redocly"
SEED_ROWS = [(path, row) for path, rows in SEED_PARAMETERS.items() for row in rows]
SEED_ROW_IDS = [f"{path}:{row[0]}" for path, row in SEED_ROWS]


def _request_body(spec: Spec, path: str) -> dict[str, Any] | None:
    body = deref(spec, operation(spec, path).get("requestBody"))
    return body if isinstance(body, dict) else None


def test_spec_passes_openapi_spec_validator(spec: Spec, spec_path: Path) -> None:
    validate(spec, base_uri=spec_path.resolve().as_uri())


@pytest.mark.node
def test_spec_passes_redocly_lint(spec_path: Path) -> None:
    if not REDOCLY.exists():
        pytest.fail(f"{REDOCLY} is missing: run `make setup`")
    env = {**os.environ, "REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true"}
    result = subprocess.run(
        [str(REDOCLY), "lint", str(spec_path), "--format=json"],
        cwd=REPO_ROOT,  # picks up redocly.yaml
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    report = json.loads(result.stdout[result.stdout.index("{") :])
    errors = [problem for problem in report["problems"] if problem["severity"] == "error"]
    assert result.returncode == 0, result.stdout + result.stderr
    assert report["totals"]["errors"] == 0, errors


def test_spec_declares_case_insensitive_keys(spec: Spec) -> None:
    assert is_case_insensitive(spec), "x-case-insensitive-keys: true missing at the top level"
    assert "case-insensitive" in spec["info"]["description"].lower()


def test_global_security_is_http_basic(spec: Spec) -> None:
    schemes = spec["components"]["securitySchemes"]
    requirement_names = {name for requirement in spec["security"] for name in requirement}
    assert requirement_names, "no global security requirement"
    for name in requirement_names:
        scheme = deref(spec, schemes[name])
        assert scheme["type"] == "http"
        assert scheme["scheme"].lower() == "basic"


@pytest.mark.parametrize("path", SEED_PATHS)
def test_operation_is_post_only(spec: Spec, path: str) -> None:
    """POST, besides the methods real clients use that the API takes, marked `x-tolerated` (GET /test)."""
    assert path in spec["paths"], f"{path} missing from the spec"
    item = deref(spec, spec["paths"][path])
    methods = {m for m in set(item) & HTTP_METHODS if item[m].get("x-tolerated") is not True}
    assert methods == {"post"}


@pytest.mark.parametrize("path", SEED_PATHS)
def test_request_body_offers_json_and_form(spec: Spec, path: str) -> None:
    body = _request_body(spec, path)
    if not SEED_PARAMETERS[path]:
        # Parameterless methods (/test) are POSTed with an empty body: nothing may be required.
        assert body is None or not body.get("required", False)
        return
    assert body is not None, f"{path} has no request body"
    assert body.get("required") is True
    assert {JSON, FORM} <= set(body["content"])


@pytest.mark.parametrize("path", SEED_PATHS)
def test_401_is_documented_without_content(spec: Spec, path: str) -> None:
    responses = operation(spec, path)["responses"]
    assert "401" in responses
    assert "content" not in deref(spec, responses["401"])


@pytest.mark.parametrize("path", SEED_PATHS)
def test_429_is_documented(spec: Spec, path: str) -> None:
    assert "429" in operation(spec, path)["responses"]


@pytest.mark.parametrize(("path", "row"), SEED_ROWS, ids=SEED_ROW_IDS)
def test_seed_parameter_in_json_request(spec: Spec, path: str, row: Row) -> None:
    name, seed_format, required = row
    required = required and (path, name) not in RELAXED_TODAY | TAKEN_ABSENT
    check_json_parameter(spec, path, name, *SEED_TYPE_TO_JSON_SCHEMA[seed_format], required)


@pytest.mark.parametrize(("path", "row"), SEED_ROWS, ids=SEED_ROW_IDS)
def test_seed_parameter_in_form_request(spec: Spec, path: str, row: Row) -> None:
    name, seed_format, required = row
    required = required and (path, name) not in RELAXED_TODAY | TAKEN_ABSENT
    check_form_parameter(spec, path, name, required, json_encoded=seed_format == "Json")


@pytest.mark.parametrize(("path", "name"), sorted(RELAXED_TODAY))
def test_a_parameter_optional_today_says_it_was_required(spec: Spec, path: str, name: str) -> None:
    seed_rows = {row[0]: row for row_path, row in SEED_ROWS if row_path == path}
    assert seed_rows[name][2] is True, "the seed's table marks it required"
    properties = object_properties(request_schema(spec, path, JSON), spec)
    assert RELAXED_NOTE in properties[name].get("description", "")


@pytest.mark.parametrize(("path", "name"), sorted(TAKEN_ABSENT))
def test_a_parameter_taken_absent_in_practice_says_so(spec: Spec, path: str, name: str) -> None:
    seed_rows = {row[0]: row for row_path, row in SEED_ROWS if row_path == path}
    assert seed_rows[name][2] is True, "the seed's table marks it required"
    properties = object_properties(request_schema(spec, path, JSON), spec)
    assert TAKEN_ABSENT_NOTE in " ".join(properties[name].get("description", "").split())


def _section_rows(description: str, heading: str, table: int = 0) -> list[list[str]]:
    """Cells of the `table`-th Markdown table under `## heading` (without its header and separator rows)."""
    lines = description.splitlines()
    start = lines.index(f"## {heading}")
    tables: list[list[list[str]]] = []
    in_table = False
    for line in lines[start + 1 :]:
        if line.startswith("#"):
            break
        if line.startswith("|"):
            if not in_table:
                tables.append([])
            in_table = True
            if not line.startswith("|---"):
                tables[-1].append([cell.strip() for cell in line.strip().strip("|").split("|")])
        else:
            in_table = False
    return tables[table][1:]


def test_every_table_marker_of_the_introduction_is_rendered(spec: Spec) -> None:
    """The introduction marks where the x- data goes; the docs build replaces every marker with a table."""
    markers = TABLE_MARKER.findall(spec["info"]["description"])
    assert {key for _, key in markers} == set(TABLES)
    rendered = with_rendered_tables(spec)["info"]["description"]
    assert not TABLE_MARKER.search(rendered)


def test_test_mode_table_is_rendered_from_the_machine_readable_cards(spec: Spec) -> None:
    """What people read in `Test mode` and what the mock reads from `info.x-test-cards` are one fact."""
    outcome = {"success": "success", "insufficient funds": "insufficient_funds", "—": "none"}
    documented = [
        {
            "number": number.replace(" ", ""),
            "brand": brand,
            "threeDs": three_ds == "yes",
            "cryptogram": outcome[cryptogram],
            "token": outcome[token],
        }
        for number, brand, three_ds, cryptogram, token in _section_rows(
            with_rendered_tables(spec)["info"]["description"], "Test mode"
        )
    ]
    assert documented == spec["info"]["x-test-cards"]


def test_sbp_payout_phones_table_is_rendered_from_the_data_the_mock_reads(spec: Spec) -> None:
    rows = _section_rows(with_rendered_tables(spec)["info"]["description"], "Test mode", table=1)
    phones = sbp_payout_test_phones(spec)
    assert phones and [row[0] for row in rows] == list(phones)
    assert all(str(code) in row[1:] for row, code in zip(rows, phones.values(), strict=True)), rows


def test_status_and_reason_tables_are_rendered_from_their_data(spec: Spec) -> None:
    description = with_rendered_tables(spec)["info"]["description"]
    assert [(row[0], row[1]) for row in _section_rows(description, "Transaction statuses")] == [
        (status.name, "" if status.code is None else str(status.code))
        for status in transaction_statuses(spec)
    ]
    assert [row[0] for row in _section_rows(description, "Subscription statuses")] == [
        status.name for status in subscription_statuses(spec)
    ]
    assert [(int(row[0]), row[1]) for row in _section_rows(description, "Reason codes")] == [
        (reason.code, reason.name) for reason in reasons(spec)
    ]
    assert {reason.code for reason in reasons(spec)} >= {0, 5051, 5206}


# The current reference's SBP and payout codes (`#kody-oshibok`), absent from the 2021 English page.
CURRENT_REFERENCE_REASONS: dict[int, str] = {
    6001: "SaveCardRefused",
    6002: "InvalidErrorCode",
    6003: "AgentIdNotExists",
    6004: "CurrencyNotValid",
    6005: "InvalidPaymentLink",
    6006: "AmountCurrencyNotValid",
    6007: "InvalidRedirectUrl",
    6008: "InvalidParamsId",
    6009: "InvalidTtl",
    6010: "SubscriptionNotFound",
    6011: "InvalidSubscription",
    6013: "InvalidRefund",
    6014: "OriginalDetailsIncorrect",
    6015: "TransactionNotFound",
    6016: "InvalidMemberId",
    6017: "IncorrectMCCategory",
    6021: "Receiver Account Error",
    6022: "Receiver Name Error",
    6025: "CrossTerminalTokenRestriction",
}


def test_reason_codes_of_the_current_reference_are_transcribed(spec: Spec) -> None:
    by_code = {reason.code: reason for reason in reasons(spec)}
    assert {code: by_code[code].name for code in CURRENT_REFERENCE_REASONS if code in by_code} == (
        CURRENT_REFERENCE_REASONS
    )
    # Each code once; `Reason` in an answer is the name without spaces.
    assert len(by_code) == len(reasons(spec))
    assert by_code[6021].word == "ReceiverAccountError"


@pytest.mark.parametrize("json_data", ['{"order": 5}', {"order": 5}, None], ids=["text", "object", "null"])
def test_an_answer_carries_json_data_as_text_or_as_the_object(spec: Spec, json_data: Any) -> None:
    # The reference documents JSON text; some servers answer the object itself: a charge's answer takes both.
    recorded = REPO_ROOT / "contract_tests/fixtures/payments_cards_charge.success.json"
    answer = json.loads(recorded.read_text(encoding="utf-8"))
    body = answer["response"]["body"]
    body["Model"]["JsonData"] = json_data
    assert not list(response_validator(spec, "/payments/cards/charge").iter_errors(body))
    body["Model"]["JsonData"] = 5
    assert list(response_validator(spec, "/payments/cards/charge").iter_errors(body))


def test_interval_codes_cover_the_interval_enum(spec: Spec) -> None:
    assert set(interval_codes(spec)) == set(spec["components"]["schemas"]["Interval"]["enum"])


def test_transaction_types_are_data_with_the_documented_codes(spec: Spec) -> None:
    # Payment 0 and payout 2 are documented; the refund's code is the mock's own, stated beside them.
    codes = transaction_type_codes(spec)
    assert (codes["Payment"], codes["Payout"]) == (0, 2)
    assert set(codes) == {"Payment", "Refund", "Payout"} and len(set(codes.values())) == 3
