"""A money-safe client: no charge lost between the API and the caller.

Lenient answers, errors that carry what a retry needs, exact amounts, arguments checked before sending, types
that help the caller, an HTTP layer the caller controls, and a package with a life of its own.
"""

from __future__ import annotations

import base64
import json
import logging
import sys
import tomllib
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import cloudpayments_client
import httpx
import pytest
from cloudpayments_client import (
    APIConnectionError,
    APITimeoutError,
    AuthenticationError,
    CloudPayments,
    CloudPaymentsError,
    InvalidArgumentError,
    PaymentDeclinedError,
    ReasonCode,
    ResponseValidationError,
    ServerError,
    SucceededUnreadableError,
    TransactionStatus,
)
from cloudpayments_client import types as client_types
from cloudpayments_client.models import Transaction

from contract_tests.client.support import (
    BASE_URL,
    PUBLIC_ID,
    SECRET,
    Exchanges,
    json_response,
    replying,
    sync_client,
)
from contract_tests.client.test_client_behaviour import CHARGE as _CHARGE
from contract_tests.client.test_client_behaviour import MODES, charge, example, invoke
from generator.build import OUTPUT as PROJECT
from generator.build import package_facts
from spec_tools import Spec

CHARGE: dict[str, Any] = dict(_CHARGE)
ENCODED = base64.b64encode(f"{PUBLIC_ID}:{SECRET}".encode()).decode()


def approved(spec: Spec, **model: Any) -> dict[str, Any]:
    body = example(spec, "TransactionApproved")
    body["Model"].update(Status="Completed", StatusCode=3, **model)
    return body


@pytest.fixture(autouse=True)
def _fresh_drift_log() -> None:
    # drift is logged once per model field per process; each test starts from none logged
    client_types._logged.clear()


# ---- 1. lenient answers ----------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
async def test_drift_outside_the_outcome_never_hides_a_completed_charge(
    spec: Spec, mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    body = approved(spec, Refunded=None, TestMode="true", PaymentAmount="10.50", CardTypeCode="2", Brand="X")
    log = Exchanges()
    caplog.set_level(logging.WARNING, logger="cloudpayments_client")
    transaction = await invoke(mode, replying(json_response(body), log=log), log, charge)
    assert isinstance(transaction, Transaction)
    assert transaction.transaction_id == body["Model"]["TransactionId"]
    assert transaction.status is TransactionStatus.COMPLETED
    assert transaction.refunded is None
    assert transaction.test_mode is True
    assert transaction.payment_amount == Decimal("10.50")
    assert transaction.card_type_code == 2
    assert transaction.additional_properties == {"Brand": "X"}
    assert transaction.raw["TestMode"] == "true"  # kept as it arrived
    for _ in range(2):  # read again: logged once
        assert transaction.test_mode is True
    drift = [r.getMessage() for r in caplog.records if "answer drift" in r.getMessage()]
    assert sum("Transaction.TestMode" in line for line in drift) == 1
    assert sum("Transaction.PaymentAmount" in line for line in drift) == 1


@pytest.mark.parametrize(
    "json_data", ['{"order": {"id": 5}}', {"order": {"id": 5}}], ids=["string", "object"]
)
def test_json_data_as_a_string_or_an_object(spec: Spec, json_data: Any) -> None:
    log = Exchanges()
    with sync_client(replying(json_response(approved(spec, JsonData=json_data)), log=log), log) as client:
        assert charge(client).json_data == {"order": {"id": 5}}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("model", [None, "gone", {"Amount": 10}], ids=["null", "string", "no-id"])
async def test_success_true_without_a_readable_model_says_it_succeeded(
    spec: Spec, mode: str, model: Any
) -> None:
    body = {"Success": True, "Message": None, "Model": model}
    log = Exchanges()
    with pytest.raises(SucceededUnreadableError) as caught:
        await invoke(mode, replying(json_response(body), log=log), log, charge, max_retries=0)
    error = caught.value
    assert not isinstance(error, PaymentDeclinedError)
    assert error.succeeded is True and "succeeded" in str(error)
    assert error.request_id == log.requests[0].headers["X-Request-ID"] and error.request_id in str(error)
    assert error.data == body and error.status_code == 200 and json.loads(error.body or b"") == body


def test_unreadable_answer_keeps_everything_that_was_read() -> None:
    log = Exchanges()
    answer = httpx.Response(200, content=b"<html>gateway</html>", headers={"X-Trace": "t-1"})
    client = sync_client(replying(answer, log=log), log)
    with client, pytest.raises(ResponseValidationError) as caught:
        charge(client)
    error = caught.value
    assert (error.field, error.status_code, error.body) == ("<body>", 200, b"<html>gateway</html>")
    assert error.headers is not None and error.headers["X-Trace"] == "t-1"
    assert error.request_id == log.requests[0].headers["X-Request-ID"]


# ---- 2. errors carry the request id and the answer -------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
async def test_timeout_carries_the_request_id_and_the_same_id_is_retried_safely(mode: str) -> None:
    log = Exchanges()
    handler = replying(httpx.ReadTimeout("slow"), log=log)
    with pytest.raises(APITimeoutError) as caught:
        await invoke(mode, handler, log, lambda c: c.payments.charge_card(**CHARGE, request_id="order-42"))
    assert caught.value.request_id == "order-42"
    assert [r.headers["X-Request-ID"] for r in log.requests] == ["order-42"] * 3  # the retries too
    # raised outside httpx's frames: no chained exception holds the request's headers
    assert caught.value.__cause__ is None and caught.value.__context__ is None


@pytest.mark.parametrize("mode", MODES)
async def test_connection_error_carries_the_generated_request_id(mode: str) -> None:
    log = Exchanges()
    handler = replying(httpx.ConnectError("refused"), log=log)
    with pytest.raises(APIConnectionError) as caught:
        await invoke(mode, handler, log, charge, max_retries=0)
    assert caught.value.request_id == log.requests[0].headers["X-Request-ID"]
    assert caught.value.status_code is None and caught.value.body is None


@pytest.mark.parametrize(
    ("answer", "kind"),
    [
        (httpx.Response(503, text="upstream maintenance", headers={"Retry-After": "0"}), ServerError),
        (httpx.Response(401, headers={"WWW-Authenticate": "Basic"}), AuthenticationError),
    ],
)
def test_status_errors_carry_status_headers_raw_body_and_request_id(
    answer: httpx.Response, kind: type[CloudPaymentsError]
) -> None:
    log = Exchanges()
    with sync_client(replying(answer, log=log), log, max_retries=0) as client, pytest.raises(kind) as caught:
        client.payments.charge_card(**CHARGE, request_id="rid-7")
    error = caught.value
    assert (error.request_id, error.status_code, error.body) == ("rid-7", answer.status_code, answer.content)
    assert error.headers is not None and dict(error.headers) == dict(answer.headers)
    if answer.status_code == 503:
        assert error.text == "upstream maintenance"


def test_decline_carries_the_request_id_and_answer(spec: Spec) -> None:
    body = example(spec, "TransactionDeclined")
    log = Exchanges()
    client = sync_client(replying(json_response(body), log=log), log)
    with client, pytest.raises(PaymentDeclinedError) as caught:
        client.payments.charge_card(**CHARGE, request_id="rid-d")
    assert (caught.value.request_id, caught.value.status_code) == ("rid-d", 200)
    assert caught.value.reason_code == body["Model"]["ReasonCode"]
    assert isinstance(caught.value.reason_code, ReasonCode)


def test_readme_shows_the_safe_retry_after_a_timeout() -> None:
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert "except APIConnectionError as error:" in readme
    assert "request_id=error.request_id" in readme


# ---- 3. money ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "wire"),
    [
        (Decimal("10.50"), b'"Amount":10.50'),
        (Decimal("12345678901234567.89"), b'"Amount":12345678901234567.89'),
        (Decimal("0.1"), b'"Amount":0.1'),
        (10, b'"Amount":10'),
        (10.25, b'"Amount":10.25'),
    ],
)
def test_amounts_are_sent_exactly(spec: Spec, amount: Decimal | int | float, wire: bytes) -> None:
    log = Exchanges()
    with sync_client(replying(json_response(approved(spec)), log=log), log) as client:
        client.payments.charge_card(**{**CHARGE, "amount": amount})
        client.payments.refund_payment(transaction_id=1, amount=amount)
    for request in log.requests:
        assert wire in request.content
        assert json.loads(request.content, parse_float=Decimal)["Amount"] == Decimal(str(amount))


@pytest.mark.parametrize("amount", [True, "10.00", Decimal("NaN"), float("inf")])
def test_a_non_amount_is_refused_before_sending(amount: Any) -> None:
    log = Exchanges()
    client = sync_client(replying(httpx.Response(500), log=log), log)
    with client, pytest.raises(InvalidArgumentError, match="amount"):
        client.payments.charge_card(**{**CHARGE, "amount": amount})
    assert log.requests == []


def test_amounts_in_answers_are_decimal(spec: Spec) -> None:
    model = {**approved(spec)["Model"], "Amount": "AMOUNT", "PaymentAmount": "PAYMENT"}
    text = json.dumps({"Success": True, "Message": None, "Model": model})
    text = text.replace('"AMOUNT"', "0.1").replace('"PAYMENT"', "12345678901234567.89")
    log = Exchanges()
    with sync_client(replying(httpx.Response(200, content=text.encode()), log=log), log) as client:
        transaction = charge(client)
    assert transaction.amount == Decimal("0.1") and isinstance(transaction.amount, Decimal)
    assert transaction.payment_amount == Decimal("12345678901234567.89")


# ---- 4. arguments checked before anything is sent ----------------------------------------------------------


def _frames_locals(error: BaseException) -> list[str]:
    texts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        tb = current.__traceback__
        while tb is not None:
            texts += [repr(value) for value in tb.tb_frame.f_locals.values()]
            tb = tb.tb_next
        current = current.__cause__ or current.__context__
    return texts


@pytest.mark.parametrize("request_id", ["a\r\nX-Evil: 1", "заказ-1", "", "x" * 129, "has space"])
def test_a_request_id_the_spec_forbids_is_the_client_own_error(request_id: str) -> None:
    log = Exchanges()
    client = sync_client(replying(httpx.Response(500), log=log), log)
    with client, pytest.raises(InvalidArgumentError, match="request_id") as caught:
        client.payments.charge_card(**CHARGE, request_id=request_id)
    assert log.requests == []
    assert not isinstance(caught.value, (httpx.HTTPError, UnicodeError))
    assert [text for text in _frames_locals(caught.value) if ENCODED in text or SECRET in text] == []


@pytest.mark.parametrize("headers", [{"X-Note": "a\r\nb"}, {"X-Note": "é"}, {"Bad Name": "v"}])
def test_extra_headers_that_cannot_be_sent_are_refused(headers: dict[str, str]) -> None:
    log = Exchanges()
    client = sync_client(replying(httpx.Response(500), log=log), log)
    with client, pytest.raises(InvalidArgumentError, match="extra_headers"):
        client.payments.charge_card(**CHARGE, extra_headers=headers)
    assert log.requests == []


# ---- 5. types that help the caller ------------------------------------------------------------------------


def test_statuses_and_reason_codes_are_enums_that_keep_unknown_values(spec: Spec) -> None:
    log = Exchanges()
    known = approved(spec)
    unknown = approved(spec)
    unknown["Model"].update(Status="Refunded", ReasonCode=7777)
    with sync_client(replying(json_response(known), json_response(unknown), log=log), log) as client:
        first, second = charge(client), charge(client)
    assert first.status is TransactionStatus.COMPLETED
    assert first.reason_code is ReasonCode.APPROVED
    assert (str(first.status), int(first.reason_code)) == ("Completed", 0)  # plain values too
    assert (second.status, type(second.status)) == ("Refunded", str)
    assert (second.reason_code, type(second.reason_code)) == (7777, int)
    assert {s.value for s in TransactionStatus} >= {"Completed", "Declined", "Authorized"}


def test_dates_in_answers_are_datetimes_and_absent_fields_are_none(spec: Spec) -> None:
    log = Exchanges()
    body = approved(spec, CreatedDate="/Date(1407584981000)/", CreatedDateIso="2014-08-09T11:49:41")
    body["Model"].pop("Token", None)
    with sync_client(replying(json_response(body), log=log), log) as client:
        transaction = charge(client)
    assert transaction.created_date == datetime(2014, 8, 9, 11, 49, 41, tzinfo=UTC)
    assert transaction.created_date_iso == datetime(2014, 8, 9, 11, 49, 41, tzinfo=UTC)
    assert transaction.token is None  # absent is None: no Unset in answers
    for name in Transaction._FIELDS.values():
        assert not isinstance(getattr(transaction, name), client_types.Unset), name


def test_a_mapping_for_a_nested_object_is_checked_against_the_model() -> None:
    log = Exchanges()
    client = sync_client(replying(httpx.Response(500), log=log), log)
    with client, pytest.raises(InvalidArgumentError, match="FirstNmae"):
        client.payments.charge_card(**CHARGE, payer={"FirstNmae": "Ivan"})
    assert log.requests == []


def test_a_correct_mapping_and_free_form_json_data_are_sent(spec: Spec) -> None:
    log = Exchanges()
    with sync_client(replying(json_response(approved(spec)), log=log), log) as client:
        charge_kwargs = {**CHARGE, "payer": {"FirstName": "Ivan"}, "json_data": {"any": {"thing": 1}}}
        client.payments.charge_card(**charge_kwargs)
    assert log.body()["Payer"] == {"FirstName": "Ivan"} and log.body()["JsonData"] == {"any": {"thing": 1}}


# ---- 6. the HTTP layer is the caller's --------------------------------------------------------------------


def test_per_call_timeout_max_retries_and_extra_headers(spec: Spec) -> None:
    log = Exchanges()
    handler = replying(httpx.Response(503), json_response(approved(spec)), log=log)
    with sync_client(handler, log, timeout=30) as client:
        with pytest.raises(ServerError):
            client.payments.charge_card(**CHARGE, timeout=2.5, max_retries=0, extra_headers={"X-Shop": "s1"})
        assert len(log.requests) == 1
        client.payments.charge_card(**CHARGE)  # the client's own defaults again
    sent = log.requests[0]
    assert sent.extensions["timeout"] == httpx.Timeout(2.5).as_dict()
    assert sent.headers["X-Shop"] == "s1"
    assert log.requests[1].extensions["timeout"] == httpx.Timeout(30).as_dict()
    assert "X-Shop" not in log.requests[1].headers


def test_with_options_is_a_copy_with_other_defaults(spec: Spec) -> None:
    log = Exchanges()
    handler = replying(httpx.Response(503), log=log)
    with sync_client(handler, log) as client:
        quick = client.with_options(timeout=1, max_retries=0, extra_headers={"X-Tenant": "t"})
        with pytest.raises(ServerError):
            quick.payments.charge_card(**CHARGE)
        assert len(log.requests) == 1 and log.requests[0].headers["X-Tenant"] == "t"
        assert log.requests[0].extensions["timeout"] == httpx.Timeout(1).as_dict()
        assert (quick.max_retries, client.max_retries) == (0, 2)
        quick.close()  # a copy does not close the shared connections
        with pytest.raises(ServerError):
            client.payments.charge_card(**CHARGE)
    assert len(log.requests) == 4 and "X-Tenant" not in log.requests[-1].headers


@pytest.mark.parametrize("mode", MODES)
async def test_a_caller_http_client_keeps_auth_and_user_agent(spec: Spec, mode: str) -> None:
    log = Exchanges()
    transport = httpx.MockTransport(replying(json_response(approved(spec)), log=log))
    if mode == "sync":
        own = httpx.Client(transport=transport, headers={"X-Mine": "1"})
        with CloudPayments(PUBLIC_ID, SECRET, base_url=BASE_URL, http_client=own) as client:
            charge(client)
        assert not own.is_closed  # the caller's client stays the caller's
        own.close()
    else:
        aown = httpx.AsyncClient(transport=transport, headers={"X-Mine": "1"})
        async with cloudpayments_client.AsyncCloudPayments(
            PUBLIC_ID, SECRET, base_url=BASE_URL, http_client=aown
        ) as aclient:
            await aclient.payments.charge_card(**CHARGE)
        assert not aown.is_closed
        await aown.aclose()
    sent = log.requests[0]
    assert sent.headers["Authorization"] == f"Basic {ENCODED}"
    assert sent.headers["X-Mine"] == "1"
    assert str(sent.url).startswith(BASE_URL)
    version = cloudpayments_client.__version__
    assert sent.headers["User-Agent"].startswith(f"cloudpayments-client/{version} ")


def test_the_logger_is_named_and_documented(spec: Spec, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="cloudpayments_client")
    log = Exchanges()
    with sync_client(replying(json_response(approved(spec)), log=log), log) as client:
        client.payments.charge_card(**CHARGE, request_id="log-1")
    assert any(r.name == "cloudpayments_client" and "log-1" in r.getMessage() for r in caplog.records)
    assert SECRET not in caplog.text and ENCODED not in caplog.text
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert "## Logging" in readme and 'logging.getLogger("cloudpayments_client")' in readme


# ---- 7. the package has a life of its own ------------------------------------------------------------------


def test_package_metadata_changelog_and_readme_for_installers() -> None:
    project = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    facts = package_facts()
    assert project["version"] == facts["version"] == cloudpayments_client.__version__
    assert project["license"] == facts["license"]
    assert project["urls"] == {"API documentation": facts["api_documentation"]}
    assert "Programming Language :: Python :: 3.11" in project["classifiers"]
    assert "Typing :: Typed" in project["classifiers"]
    changelog = (PROJECT / "CHANGELOG.md").read_text(encoding="utf-8")
    # the newest versioned entry comes first (after changes not yet given a version) and is this version
    headings = [section.splitlines()[0] for section in changelog.split("\n## ")[1:]]
    assert next(heading for heading in headings if heading != "Unreleased") == facts["version"]
    assert "Unreleased" not in headings[1:]
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert "make generate" not in readme and "Do not edit" not in readme
    assert f"pip install cloudpayments_client-{facts['version']}-py3-none-any.whl" in readme
    assert sys.version_info >= (3, 11)


def test_a_decline_that_drifts_outside_the_outcome_is_still_a_decline(spec: Spec) -> None:
    body = example(spec, "TransactionDeclined")
    body["Model"].update(Refunded=None, TestMode="true", Amount="100")
    log = Exchanges()
    client = sync_client(replying(json_response(body), log=log), log)
    with client, pytest.raises(PaymentDeclinedError) as caught:
        charge(client)
    assert caught.value.transaction.amount == Decimal(100)
    assert caught.value.transaction_id == body["Model"]["TransactionId"]


def test_a_refund_that_succeeded_without_its_id_says_so() -> None:
    log = Exchanges()
    answer = json_response({"Success": True, "Message": None, "Model": {}})
    client = sync_client(replying(answer, log=log), log)
    with client, pytest.raises(SucceededUnreadableError) as caught:
        client.payments.refund_payment(transaction_id=1, amount=Decimal("5.00"), request_id="refund-1")
    assert (caught.value.field, caught.value.request_id) == ("Model.TransactionId", "refund-1")
    assert len(log.requests) == 1  # never retried: the refund was made
