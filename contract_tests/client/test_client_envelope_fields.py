"""Fields an answer's envelope carries beside Success, Message and Model (`ExtensionData`, `ErrorCode`): the
method returns its Model extended with them, for every operation whose envelope declares such fields and
whose Model is one object; beside an array Model (the chargebacks list's `ErrorCode`) the method returns the
list, and the client's view leaves the fields out."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from cloudpayments_client import models
from cloudpayments_client.models import DolyamiPayment, DolyamiPaymentAnswer, SbpPayoutAnswer, Transaction

from contract_tests.client.support import (
    Exchanges,
    async_client,
    client_method,
    documented_request,
    json_response,
    kwargs_for,
    replying,
    sync_client,
)
from generator.naming import field_name
from spec_tools import JSON, Spec, deref, object_properties, operation, operations, response_schema

MODES = ["sync", "async"]
ENVELOPE_CORE = {"Success", "Message", "Model"}
DOLYAMI = "/payments/altpay/pay"
SBP_PAYOUT = "/payments/alt/topup"


def envelope_extras(spec: Spec, path: str, method: str = "post") -> list[str]:
    """The wire names of the 200 envelope's fields beside Success, Message and Model."""
    envelope = response_schema(spec, path, method=method)
    return [name for name in object_properties(envelope, spec) if name not in ENVELOPE_CORE]


def model_is_array(spec: Spec, path: str) -> bool:
    envelope = response_schema(spec, path)
    model = deref(spec, object_properties(envelope, spec)["Model"])
    return any(deref(spec, branch).get("type") == "array" for branch in model.get("oneOf", [model]))


def success_example(spec: Spec, path: str) -> dict[str, Any]:
    """A private copy of the operation's documented 200 answer."""
    content = deref(spec, operation(spec, path)["responses"]["200"])["content"][JSON]
    example = deref(spec, next(iter(content["examples"].values())))
    value: dict[str, Any] = copy.deepcopy(example["value"])
    return value


async def call(mode: str, spec: Spec, path: str, answer: dict[str, Any]) -> tuple[Any, Exchanges]:
    """The operation's method called with its documented request, the transport answering `answer`."""
    log = Exchanges()
    kwargs = kwargs_for(spec, path, documented_request(spec, path))
    handler = replying(json_response(answer), log=log)
    if mode == "sync":
        with sync_client(handler, log) as client:
            return client_method(client, spec, path)(**kwargs), log
    async with async_client(handler, log) as aclient:
        return await client_method(aclient, spec, path)(**kwargs), log


def test_the_spec_has_operations_with_envelope_fields(spec: Spec) -> None:
    # The operations this suite is about: without them the spec-driven test below checks nothing.
    with_extras = {op.path for op in operations(spec) if envelope_extras(spec, op.path, op.method)}
    assert {DOLYAMI, SBP_PAYOUT} <= with_extras


@pytest.mark.parametrize("mode", MODES)
async def test_every_envelope_field_is_an_attribute_of_the_result(mode: str, spec: Spec) -> None:
    for op in operations(spec):
        extras = envelope_extras(spec, op.path, op.method)
        if not extras:
            continue
        answer = success_example(spec, op.path)
        result, _ = await call(mode, spec, op.path, answer)
        if model_is_array(spec, op.path):
            assert [item.raw for item in result] == answer["Model"], op.operation_id
            continue
        assert result.raw == answer["Model"], op.operation_id
        assert result.envelope.raw == answer, op.operation_id
        for wire in extras:
            attribute = field_name(wire)
            assert hasattr(type(result), attribute), f"{op.operation_id}: no {attribute}"
            assert getattr(result, attribute) == getattr(result.envelope, attribute), op.operation_id
        assert type(result).__name__ in models.__all__, op.operation_id


@pytest.mark.parametrize("mode", MODES)
async def test_dolyami_answers_the_application_link(mode: str, spec: Spec) -> None:
    answer = success_example(spec, DOLYAMI)
    payment, log = await call(mode, spec, DOLYAMI, answer)
    assert log.requests[0].url.path == DOLYAMI
    assert isinstance(payment, DolyamiPaymentAnswer)
    assert isinstance(payment, DolyamiPayment)
    assert payment.transaction_id == answer["Model"]["TransactionId"]
    assert payment.extension_data is not None
    assert payment.extension_data.link == answer["ExtensionData"]["Link"]
    assert payment.error_code is None


@pytest.mark.parametrize("mode", MODES)
async def test_sbp_payout_answers_the_transaction_and_its_error_code(mode: str, spec: Spec) -> None:
    answer = success_example(spec, SBP_PAYOUT)
    payout, _ = await call(mode, spec, SBP_PAYOUT, answer)
    assert isinstance(payout, SbpPayoutAnswer)
    assert isinstance(payout, Transaction)
    assert payout.transaction_id == answer["Model"]["TransactionId"]
    assert payout.status == answer["Model"]["Status"]
    assert payout.error_code is None
    # Read from the envelope, typed as the spec's AnswerErrorCode (text or a number).
    for code in ("E_SBP_1", 17):
        answer["ErrorCode"] = code
        payout, _ = await call(mode, spec, SBP_PAYOUT, answer)
        assert payout.error_code == code


def test_methods_declare_the_answer_class(spec: Spec) -> None:
    from cloudpayments_client.api.alt_payments import AltPayments, AsyncAltPayments
    from cloudpayments_client.api.payouts import AsyncPayouts, Payouts

    # The modules use postponed annotations: the declared return type is its text.
    for alt in (AltPayments, AsyncAltPayments):
        assert alt.create_dolyami_payment.__annotations__["return"] == "DolyamiPaymentAnswer"
    for payouts in (Payouts, AsyncPayouts):
        assert payouts.topup_sbp.__annotations__["return"] == "SbpPayoutAnswer"
        # The card payouts' envelope has no such fields: their return type is unchanged.
        assert payouts.topup_card.__annotations__["return"] == "Transaction"
    assert issubclass(models.DolyamiPaymentAnswer, DolyamiPayment)
    assert issubclass(models.SbpPayoutAnswer, Transaction)


def test_an_answer_read_from_stored_json_has_an_empty_envelope(spec: Spec) -> None:
    answer = success_example(spec, DOLYAMI)
    stored = models.DolyamiPaymentAnswer.from_dict(answer["Model"])
    assert stored.transaction_id == answer["Model"]["TransactionId"]
    assert stored.extension_data is None
    assert stored.error_code is None
