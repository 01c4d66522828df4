"""openapi.yaml has the operations the seed lacks (lookups, lists, payouts, subscription find and update,
order cancellation, notification settings) with the documented parameters, encodings and shapes."""

from __future__ import annotations

from typing import Any

import pytest

from contract_tests.spec.parameter_checks import check_form_parameter, check_json_parameter
from contract_tests.spec.reference_parameters import (
    CHANGING_STATE,
    LIST_MODELS,
    NOTIFICATION_TYPES,
    PAGED,
    REF_TYPE_TO_JSON_SCHEMA,
    REFERENCE_PARAMETERS,
    REFERENCE_PATHS,
    Row,
)
from spec_tools import (
    FORM,
    JSON,
    Spec,
    deref,
    find_operation,
    keyword_values,
    object_properties,
    operation,
    request_schema,
    response_schema,
)
from spec_tools.document import HTTP_METHODS

ROWS = [(path, row) for path, rows in REFERENCE_PARAMETERS.items() for row in rows]
ROW_IDS = [f"{path}:{row[0]}" for path, row in ROWS]


def _path_parameters(spec: Spec, path: str) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for parameter in operation(spec, path).get("parameters", []):
        parameter = deref(spec, parameter)
        if parameter.get("in") == "path":
            found[parameter["name"]] = parameter
    return found


@pytest.mark.parametrize("path", REFERENCE_PATHS)
def test_operation_is_post_only_with_401_and_429(spec: Spec, path: str) -> None:
    assert path in spec["paths"], f"{path} missing from the spec"
    assert set(deref(spec, spec["paths"][path])) & HTTP_METHODS == {"post"}
    responses = operation(spec, path)["responses"]
    assert "content" not in deref(spec, responses["401"])
    assert "429" in responses


@pytest.mark.parametrize("path", REFERENCE_PATHS)
def test_request_body_offers_json_and_form(spec: Spec, path: str) -> None:
    body = deref(spec, operation(spec, path).get("requestBody"))
    if not REFERENCE_PARAMETERS[path]:
        assert body is None, f"{path} takes no body"
        return
    # A body whose every parameter has a default may be left out (an empty request saves the defaults).
    assert body.get("required", False) is any(required for _, _, required in REFERENCE_PARAMETERS[path])
    assert {JSON, FORM} <= set(body["content"])
    assert body["content"][JSON].get("examples"), f"{path}: the documented request example is missing"


@pytest.mark.parametrize("path", REFERENCE_PATHS)
def test_request_id_exactly_on_operations_that_change_state(spec: Spec, path: str) -> None:
    assert find_operation(spec, path).takes_request_id is (path in CHANGING_STATE)


@pytest.mark.parametrize(("path", "row"), ROWS, ids=ROW_IDS)
def test_documented_parameter_in_json_request(spec: Spec, path: str, row: Row) -> None:
    name, documented, required = row
    check_json_parameter(spec, path, name, *REF_TYPE_TO_JSON_SCHEMA[documented], required)


@pytest.mark.parametrize(("path", "row"), ROWS, ids=ROW_IDS)
def test_documented_parameter_in_form_request(spec: Spec, path: str, row: Row) -> None:
    name, documented, required = row
    check_form_parameter(spec, path, name, required, json_encoded=documented in ("Json", "Array"))


@pytest.mark.parametrize("path", ["/site/notifications/{Type}/get", "/site/notifications/{Type}/update"])
def test_notification_type_is_a_required_path_parameter(spec: Spec, path: str) -> None:
    parameters = _path_parameters(spec, path)
    assert set(parameters) == {"Type"}
    assert parameters["Type"]["required"] is True
    enum = set(deref(spec, parameters["Type"]["schema"])["enum"])
    # Check settings are read through the API but changed only in the back office.
    expected = set(NOTIFICATION_TYPES) - ({"Check"} if path.endswith("/update") else set())
    assert enum == expected


@pytest.mark.parametrize("path", REFERENCE_PATHS)
def test_paging_is_declared_on_the_paged_lists(spec: Spec, path: str) -> None:
    paging = operation(spec, path).get("x-pagination")
    if path not in PAGED:
        assert paging is None
        return
    assert paging == {"parameter": "PageNumber", "pageSize": 100}
    page = object_properties(request_schema(spec, path, JSON), spec)["PageNumber"]
    assert set(keyword_values(page, spec, "minimum")) == {1}


@pytest.mark.parametrize("path", sorted(LIST_MODELS))
def test_list_operations_answer_a_list_of_their_model(spec: Spec, path: str) -> None:
    model = object_properties(response_schema(spec, path), spec)["Model"]
    variants = [deref(spec, variant) for variant in model["oneOf"]]
    arrays = [variant for variant in variants if variant.get("type") == "array"]
    assert len(arrays) == 1 and {"type": "null"} in variants
    assert arrays[0]["items"] == {"$ref": f"#/components/schemas/{LIST_MODELS[path]}"}


def test_v2_list_filters_on_the_documented_statuses(spec: Spec) -> None:
    statuses = object_properties(request_schema(spec, "/v2/payments/list", JSON), spec)["Statuses"]
    items = deref(spec, statuses["items"])
    assert items["enum"] == ["Authorized", "Completed", "Cancelled", "Declined"]


def test_every_time_zone_code_has_its_offset(spec: Spec) -> None:
    zone = spec["components"]["schemas"]["TimeZone"]
    assert set(zone["x-utc-offsets"]) == set(zone["enum"])
    assert zone["x-utc-offsets"]["MSK"] == "+03:00" and zone["x-utc-offsets"]["UTC"] == "+00:00"


def test_payouts_are_in_rubles_only(spec: Spec) -> None:
    for path in ("/payments/cards/topup", "/payments/token/topup"):
        currency = object_properties(request_schema(spec, path, JSON), spec)["Currency"]
        assert deref(spec, currency)["enum"] == ["RUB"]


def test_notification_settings_defaults_are_the_documented_ones(spec: Spec) -> None:
    properties = object_properties(request_schema(spec, "/site/notifications/{Type}/update", JSON), spec)
    defaults = {name: deref(spec, prop).get("default") for name, prop in properties.items()}
    assert defaults == {
        "IsEnabled": False,
        "Address": None,
        "HttpMethod": "GET",
        "Encoding": "UTF8",
        "Format": "CloudPayments",
    }
