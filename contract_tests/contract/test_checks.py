"""The business checks fail when they should: against a deliberately lenient copy of the mock, and each
check on one exchange it passes and one it refuses.

A check that never fires would let every run pass. The copy wraps the real mock and turns each refusal
without a Model into `Success: true`, which is what a server that accepts invalid input looks like.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, cast

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import CheckContext, GenerationMode
from schemathesis.core.failures import FailureGroup
from starlette.types import Message, Receive, Scope, Send

from contract_tests.contract import checks, request_ids  # noqa: F401  (registers the checks and the X-Request-ID hook)
from contract_tests.contract.settings import schemathesis_config
from contract_tests.support.mock_target import mock_app
from mock_server.routes.api import ApiRoutes
from spec_tools import FORM, JSON, default_spec_path

MOCK = mock_app()


async def lenient_mock(scope: Scope, receive: Receive, send: Send) -> None:
    async def accepting(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = [(k, v) for k, v in message["headers"] if k.lower() != b"content-length"]
            message = {**message, "headers": headers}
        elif message["type"] == "http.response.body" and message.get("body"):
            body = json.loads(message["body"])
            if body.get("Success") is False and not body.get("Model"):
                message = {**message, "body": json.dumps({"Success": True, "Message": None}).encode()}
        await send(message)

    await MOCK(scope, receive, accepting)


def test_invalid_input_accepted_is_reported() -> None:
    schema = schemathesis.openapi.from_path(default_spec_path(), config=schemathesis_config(30))
    schema.app = lenient_mock
    operation = schema["/payments/void"]["POST"]

    @given(case=operation.as_strategy(generation_mode=GenerationMode.NEGATIVE))
    @settings(max_examples=30, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def run(case: schemathesis.Case[Any]) -> None:
        case.call_and_validate()

    with pytest.raises(FailureGroup) as failure:
        run()
    reported = [str(error) for error in failure.value.exceptions]
    assert any("invalid_input_is_rejected" in text for text in reported), reported
    assert any("Schema-violating request answered Success: true" in text for text in reported), reported


def test_reused_request_id_answered_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    """A server that replays the first answer for any request with the key is caught."""
    app = mock_app()
    monkeypatch.setattr(ApiRoutes, "_replay", lambda self, path, stored, request_print: stored.body)
    schema = schemathesis.openapi.from_path(default_spec_path(), config=schemathesis_config(30))
    schema.app = app
    operation = schema["/orders/create"]["POST"]

    @given(case=operation.as_strategy(generation_mode=GenerationMode.POSITIVE))
    @settings(max_examples=60, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def run(case: schemathesis.Case[Any]) -> None:
        case.call_and_validate()

    with pytest.raises(FailureGroup) as failure:
        run()
    reported = [str(error) for error in failure.value.exceptions]
    assert any("reused_request_id_is_refused" in text for text in reported), reported


# ---------- each business check on one passing and one failing exchange ----------

SCHEMA = schemathesis.openapi.from_path(default_spec_path(), config=schemathesis_config(1))
Check = Callable[[CheckContext, schemathesis.Response, schemathesis.Case[Any]], bool | None]


def judge(check: Check, path: str, body: Any, answer: Any, media_type: str = JSON) -> str | None:
    """The check's complaint about one exchange (None when it passes)."""
    case = SCHEMA[path]["POST"].Case(body=body, media_type=media_type)
    request = requests.Request("POST", f"http://testserver{path}").prepare()
    content = json.dumps(answer).encode()
    response = schemathesis.Response(
        200, {"content-type": [JSON]}, content, request=request, elapsed=0.0, verify=False
    )
    try:
        check(cast(CheckContext, None), response, case)
    except AssertionError as complaint:
        return str(complaint)
    return None


def transaction(transaction_id: int = 7, **fields: Any) -> dict[str, Any]:
    return {
        "TransactionId": transaction_id,
        "Amount": 10,
        "Currency": "RUB",
        "Status": "Completed",
        "ReasonCode": 0,
        "Type": 0,
        "InvoiceId": "inv-1",
        "CreatedDate": "/Date(1615288374632)/",
        **fields,
    }


def ok(model: Any) -> dict[str, Any]:
    return {"Success": True, "Message": None, "Model": model}


def subscription(**fields: Any) -> dict[str, Any]:
    return {
        "Id": "sc_1",
        "AccountId": "user_x",
        "Amount": 399,
        "Currency": "RUB",
        "Status": "Active",
        **fields,
    }


def test_refusal_names_the_problem_on_a_lookup() -> None:
    check = checks.refusal_names_the_problem
    body = {"InvoiceId": "inv-1"}
    assert judge(check, "/payments/find", body, {"Success": False, "Message": "Not found"}) is None
    assert "without a Message" in str(
        judge(check, "/payments/find", body, {"Success": False, "Message": None})
    )


def test_list_page_within_page_size() -> None:
    check = checks.list_page_within_page_size
    body = {"PageNumber": 1}
    assert judge(check, "/payments/tokens/list", body, ok([{"Token": "tk"}] * 100)) is None
    assert "at most 100" in str(judge(check, "/payments/tokens/list", body, ok([{"Token": "tk"}] * 101)))
    # /payments/list answers a whole day at once: no page size.
    assert judge(check, "/payments/list", {"Date": "2021-03-09"}, ok([transaction()] * 101)) is None


def test_payout_answer_is_a_payout() -> None:
    check = checks.payout_answer_is_a_payout
    body = {"Token": "tk", "Amount": 59, "AccountId": "user_x", "Currency": "RUB"}
    assert judge(check, "/payments/token/topup", body, ok(transaction(Type=2))) is None
    in_process = transaction(Type=2, Status="Created", TransactionIsInProcess=True)
    assert judge(check, "/payments/token/topup", body, ok(in_process)) is None
    assert "Type 0" in str(judge(check, "/payments/token/topup", body, ok(transaction(Type=0))))
    stuck = transaction(Type=2, Status="Created", TransactionIsInProcess=False)
    assert "TransactionIsInProcess" in str(judge(check, "/payments/token/topup", body, ok(stuck)))


def test_payment_outcome_is_consistent_on_a_payout() -> None:
    check = checks.payment_outcome_is_consistent
    body = {"Token": "tk", "Amount": 59, "AccountId": "user_x", "Currency": "RUB"}
    assert judge(check, "/payments/token/topup", body, ok(transaction(Type=2))) is None
    authorized = transaction(Type=2, Status="Authorized")
    assert "expected Status in" in str(judge(check, "/payments/token/topup", body, ok(authorized)))


def test_lookup_returns_what_was_asked() -> None:
    check = checks.lookup_returns_what_was_asked
    assert judge(check, "/payments/get", {"TransactionId": 7}, ok(transaction(7))) is None
    assert judge(check, "/payments/get", {"TransactionId": "7"}, ok(transaction(7)), FORM) is None
    assert "Asked for TransactionId 8" in str(
        judge(check, "/payments/get", {"TransactionId": 8}, ok(transaction(7)))
    )
    assert "without the transaction" in str(judge(check, "/payments/get", {"TransactionId": 7}, ok(None)))
    declined = {
        "Success": False,
        "Message": None,
        "Model": transaction(7, Status="Declined", ReasonCode=5051),
    }
    assert "Success: false with a transaction" in str(
        judge(check, "/payments/get", {"TransactionId": 7}, declined)
    )
    # v1 find searches payments only; v2 also answers refunds and payouts.
    assert judge(check, "/v2/payments/find", {"InvoiceId": "inv-1"}, ok(transaction(Type=2))) is None
    assert "not a payment" in str(
        judge(check, "/payments/find", {"InvoiceId": "inv-1"}, ok(transaction(Type=2)))
    )
    assert "Asked for InvoiceId" in str(
        judge(check, "/payments/find", {"InvoiceId": "inv-2"}, ok(transaction()))
    )


def test_list_is_oldest_first() -> None:
    check = checks.list_is_oldest_first
    body = {"Date": "2021-03-09"}
    older, newer = transaction(1, CreatedDate="/Date(1000)/"), transaction(2, CreatedDate="/Date(2000)/")
    assert judge(check, "/payments/list", body, ok([older, newer])) is None
    assert "oldest first" in str(judge(check, "/payments/list", body, ok([newer, older])))


def test_listed_transactions_match_the_request() -> None:
    check = checks.listed_transactions_match_the_request
    # 2021-03-09T11:12:54 UTC: on 9 March in Moscow, and in the documented period.
    listed = ok([transaction(54, CreatedDate="/Date(1615288374632)/", Status="Declined")])
    assert judge(check, "/payments/list", {"Date": "2021-03-09", "TimeZone": "MSK"}, listed) is None
    assert "outside the requested window" in str(
        judge(check, "/payments/list", {"Date": "2021-03-10", "TimeZone": "MSK"}, listed)
    )
    period = {
        "PageNumber": 1,
        "CreatedDateGte": "2021-03-09T00:00:00+03:00",
        "CreatedDateLte": "2021-03-10T00:00:00+03:00",
    }
    assert judge(check, "/v2/payments/list", {**period, "Statuses": ["Declined"]}, listed) is None
    assert judge(check, "/v2/payments/list", {**period, "Statuses": '["Declined"]'}, listed, FORM) is None
    assert "asked for ['Completed']" in str(
        judge(check, "/v2/payments/list", {**period, "Statuses": ["Completed"]}, listed)
    )
    later = {**period, "CreatedDateGte": "2021-03-09T15:00:00+03:00"}
    assert "outside the requested window" in str(judge(check, "/v2/payments/list", later, listed))
    # Bounds without an offset are taken in TimeZone: 14:12:54 in Moscow is 11:12:54 UTC.
    local = {"PageNumber": 1, "CreatedDateGte": "2021-03-09T14:00", "CreatedDateLte": "2021-03-09T14:30"}
    assert judge(check, "/v2/payments/list", {**local, "TimeZone": "MSK"}, listed) is None
    assert "outside the requested window" in str(judge(check, "/v2/payments/list", local, listed))


def test_subscriptions_found_belong_to_the_payer() -> None:
    check = checks.subscriptions_found_belong_to_the_payer
    body = {"AccountId": "user_x"}
    assert judge(check, "/subscriptions/find", body, ok([subscription(), subscription(Id="sc_2")])) is None
    stranger = subscription(Id="sc_2", AccountId="user_y")
    assert "'sc_2'" in str(judge(check, "/subscriptions/find", body, ok([subscription(), stranger])))


def test_subscription_update_is_applied() -> None:
    check = checks.subscription_update_is_applied
    body = {"Id": "sc_1", "Amount": 499, "Description": "changed", "RequireConfirmation": True}
    changed = subscription(Amount=499, Description="changed", RequireConfirmation=True)
    assert judge(check, "/subscriptions/update", body, ok(changed)) is None
    form = {"Id": "sc_1", "Amount": "499", "RequireConfirmation": "true"}
    assert judge(check, "/subscriptions/update", form, ok(changed), FORM) is None
    assert "Amount: sent 499" in str(
        judge(check, "/subscriptions/update", body, ok({**changed, "Amount": 399}))
    )
    assert "answered 'sc_2'" in str(
        judge(check, "/subscriptions/update", body, ok({**changed, "Id": "sc_2"}))
    )
    still_cancelled = {**changed, "Status": "Cancelled"}
    assert "Status 'Cancelled'" in str(judge(check, "/subscriptions/update", body, ok(still_cancelled)))
