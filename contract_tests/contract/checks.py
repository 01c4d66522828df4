"""Business-level schemathesis checks for an API that answers every outcome with HTTP 200.

The built-in `negative_data_rejection` expects a 4xx for invalid input; this API answers
`200 {"Success": false, "Message": "..."}` instead, so the checks here judge the envelope.
Importing this module registers the checks with schemathesis (pytest and the CLI alike).
"""

from __future__ import annotations

import datetime
import json
import re
from typing import Any, Final

import schemathesis
from schemathesis import Case, CheckContext, Response
from schemathesis.checks import negative_data_rejection
from schemathesis.core.failures import Failure

import spec_tools
from contract_tests.contract.ledger import Money
from contract_tests.contract.request_ids import HEADER, with_other_request

# Status of the transaction a successful call leaves behind.
SUCCESS_STATUSES: Final[dict[str, frozenset[str]]] = {
    "/payments/cards/charge": frozenset({"Completed"}),
    "/payments/tokens/charge": frozenset({"Completed"}),
    "/payments/cards/auth": frozenset({"Authorized"}),
    "/payments/tokens/auth": frozenset({"Authorized"}),
    # post3ds finishes either a charge or an authorization.
    "/payments/cards/post3ds": frozenset({"Completed", "Authorized"}),
    # A payout is done, or still with the bank (Created, TransactionIsInProcess).
    "/payments/cards/topup": frozenset({"Completed", "Created"}),
    "/payments/token/topup": frozenset({"Completed", "Created"}),
    "/payments/alt/topup": frozenset({"Completed", "Created"}),
}
MS_DATE: Final = re.compile(r"/Date\((-?\d+)\)/")
UTC_OFFSET: Final = re.compile(r"[+-]\d{2}:\d{2}")
PAYOUTS: Final = frozenset({"/payments/cards/topup", "/payments/token/topup", "/payments/alt/topup"})
# `Type` of a transaction by what it is (the spec's `Transaction.Type.x-codes`).
_TYPES: Final = spec_tools.transaction_type_codes(spec_tools.load_spec(shared=True))
PAYOUT_TYPE: Final = _TYPES["Payout"]
PAYMENT_TYPE: Final = _TYPES["Payment"]
# Lookups: the request parameter the found transaction must carry back.
LOOKUPS: Final[dict[str, str]] = {
    "/payments/get": "TransactionId",
    "/payments/find": "InvoiceId",
    "/v2/payments/find": "InvoiceId",
}
# `/payments/find` searches payments only (refunds and payouts are `/v2/payments/find`'s).
PAYMENTS_ONLY_LOOKUPS: Final = frozenset({"/payments/find"})
TRANSACTION_LISTS: Final = frozenset({"/payments/list", "/v2/payments/list"})
# An update re-activates a subscription: its answer never shows one of these.
STOPPED_SUBSCRIPTION: Final = frozenset({"Cancelled", "Rejected"})
# Parameters of /subscriptions/update that the answer's subscription must show as sent.
SUBSCRIPTION_FIELDS: Final = (
    "Description",
    "Amount",
    "Currency",
    "RequireConfirmation",
    "Interval",
    "Period",
    "MaxPeriods",
)


def envelope(response: Response) -> dict[str, Any] | None:
    """The JSON envelope of a 200 answer, or None for anything else (401, 429, 405...)."""
    if response.status_code != 200:
        return None
    try:
        body = json.loads(response.content)
    except ValueError:
        return None  # content_type_conformance and response_schema_conformance report this
    return body if isinstance(body, dict) else None


def is_truly_invalid(ctx: CheckContext, response: Response, case: Case[Any]) -> tuple[bool, str]:
    """Whether the request, as sent, violates the schema.

    Reuses the built-in check's judgement: it knows when a negative case became valid on the
    way to the wire (a form body flattens types, a header value that still matches...). Any
    200 answer counts as "accepted" for it, so it fails exactly for the really invalid ones.
    """
    if case.meta is None or not case.meta.generation.mode.is_negative:
        return False, ""
    try:
        negative_data_rejection(ctx, response, case)
    except Failure as failure:
        _, marker, component = failure.message.partition("Invalid component:")
        return True, f"{marker}{component}".strip()
    return False, ""


@schemathesis.check
def invalid_input_is_rejected(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    """A schema-violating request is never answered `Success: true`, and `Message` says why."""
    body = envelope(response)
    if body is None:
        return None
    invalid, component = is_truly_invalid(ctx, response, case)
    if not invalid:
        return None
    if body.get("Success") is True:
        raise AssertionError(f"Schema-violating request answered Success: true.\n{component}")
    message = body.get("Message")
    if not isinstance(message, str) or not message.strip():
        raise AssertionError(f"Schema-violating request rejected without a Message.\n{component}")
    return None


@schemathesis.check
def refusal_names_the_problem(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    """`Success: false` without a `Model` (a bad or refused request) always carries a non-empty `Message`."""
    body = envelope(response)
    if body is None or body.get("Success") is not False or body.get("Model") is not None:
        return None
    message = body.get("Message")
    if not isinstance(message, str) or not message.strip():
        raise AssertionError("Success: false without a Model and without a Message.")
    return None


@schemathesis.check
def payment_outcome_is_consistent(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    """`Success`, `Status` and `ReasonCode` of a payment answer tell the same story."""
    expected = SUCCESS_STATUSES.get(case.operation.path)
    body = envelope(response)
    if expected is None or body is None or not isinstance(body.get("Model"), dict):
        return None
    model: dict[str, Any] = body["Model"]
    success = body.get("Success")
    if "AcsUrl" in model:
        if success is not False:
            raise AssertionError("A 3-D Secure challenge must come with Success: false.")
        return None
    status, reason = model.get("Status"), model.get("ReasonCode")
    if success is True and (status not in expected or reason != 0):
        raise AssertionError(
            f"Success: true with Status {status!r} and ReasonCode {reason!r}; expected Status in "
            f"{sorted(expected)} and ReasonCode 0."
        )
    if success is False and (status != "Declined" or reason in (0, None)):
        raise AssertionError(
            f"Success: false with a transaction must be a decline (Status Declined, non-zero ReasonCode); "
            f"got Status {status!r}, ReasonCode {reason!r}."
        )
    return None


@schemathesis.check
def reused_request_id_is_refused(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    """An X-Request-ID is one request: after a processed answer, the same key with another request is refused
    (`Success: false`, a Message naming the header), never answered with the first request's answer.

    The rule is the mock's (idempotency keys as Stripe has them); the API documents only the replay of a
    repeated request. So it is judged in process, on the mock, and a run against a server over the network
    (`make contract`, maybe the real API's test terminal) sends no extra requests for it.
    """
    if case.operation.schema.app is None:
        return None
    body = envelope(response)
    if body is None or not (body.get("Success") is True or isinstance(body.get("Model"), dict)):
        return None  # refused before processing: the key was not used up
    other = with_other_request(case)
    if other is None:
        return None
    # The credentials the first request was sent with (a CLI run adds them outside the case).
    authorization = response.request.headers.get("Authorization")
    answer = envelope(other.call(headers={"Authorization": authorization} if authorization else None))
    if answer is None:
        return None  # 429 and the like: nothing was answered
    message = answer.get("Message")
    if answer.get("Success") is not False or not isinstance(message, str) or HEADER not in message:
        raise AssertionError(
            f"The same {HEADER} with a different request was not refused: got {json.dumps(answer)[:300]}"
        )
    return None


# ---------- the operations of lookups, lists, payouts, subscription changes ----------


def is_negative(case: Case[Any]) -> bool:
    return case.meta is not None and case.meta.generation.mode.is_negative


def sent(case: Case[Any], name: str) -> Any:
    """A body parameter as the API reads it (names are case-insensitive), or None when absent."""
    if not isinstance(case.body, dict):
        return None
    folded = name.casefold()
    return next((value for key, value in case.body.items() if str(key).casefold() == folded), None)


def success_model(response: Response) -> Any:
    """The `Model` of a `Success: true` answer (None for anything else)."""
    body = envelope(response)
    return body.get("Model") if body is not None and body.get("Success") is True else None


def same_value(sent_value: Any, answered: Any) -> bool:
    """A sent parameter and the answer's value agree: numbers as numbers (a form sends "5"), else as text."""
    if isinstance(answered, bool) or isinstance(sent_value, bool):
        return str(sent_value).casefold() == str(answered).casefold()
    if isinstance(answered, int | float):
        sent_money, answered_money = Money.of(sent_value), Money.of(answered)
        return (
            sent_money is not None
            and answered_money is not None
            and sent_money.low <= answered_money.low <= answered_money.high <= sent_money.high
        )
    return sent_value == answered or str(sent_value) == str(answered)


def created_ms(transaction: Any) -> int | None:
    """`CreatedDate` of a transaction, `/Date(<ms>)/`, in milliseconds since the epoch."""
    value = transaction.get("CreatedDate") if isinstance(transaction, dict) else None
    match = MS_DATE.fullmatch(value) if isinstance(value, str) else None
    return int(match[1]) if match else None


def utc_offset(case: Case[Any]) -> datetime.timezone | None:
    """The fixed offset of the request's `TimeZone` (UTC when absent), from the spec's `x-utc-offsets`."""
    zone = sent(case, "TimeZone") or "UTC"
    schemas = case.operation.schema.raw_schema.get("components", {}).get("schemas", {})
    offset = schemas.get("TimeZone", {}).get("x-utc-offsets", {}).get(zone)
    if not isinstance(offset, str) or not UTC_OFFSET.fullmatch(offset):
        return None
    delta = datetime.timedelta(hours=int(offset[1:3]), minutes=int(offset[4:6]))
    return datetime.timezone(-delta if offset[0] == "-" else delta)


def requested_window(case: Case[Any]) -> tuple[int, int] | None:
    """The creation times a list asks for, in milliseconds, both ends included (None when not readable)."""
    try:
        if case.operation.path == "/payments/list":
            zone = utc_offset(case)
            day = datetime.date.fromisoformat(str(sent(case, "Date")))
            if zone is None:
                return None
            start = datetime.datetime.combine(day, datetime.time(), zone)
            end = start + datetime.timedelta(days=1)
            return _ms(start), _ms(end) - 1
        low = datetime.datetime.fromisoformat(str(sent(case, "CreatedDateGte")))
        high = datetime.datetime.fromisoformat(str(sent(case, "CreatedDateLte")))
    except ValueError:
        return None
    # A bound without an offset is taken in the request's TimeZone.
    zone = utc_offset(case)
    if zone is None:
        return None
    return _ms(low if low.tzinfo else low.replace(tzinfo=zone)), _ms(
        high if high.tzinfo else high.replace(tzinfo=zone)
    )


def _ms(moment: datetime.datetime) -> int:
    return int(moment.timestamp() * 1000)


def requested_statuses(case: Case[Any]) -> frozenset[str] | None:
    """The statuses `/v2/payments/list` keeps (a JSON-encoded array in a form body); None for all."""
    statuses = sent(case, "Statuses")
    if isinstance(statuses, str):
        try:
            statuses = json.loads(statuses)
        except ValueError:
            return None
    if not isinstance(statuses, list) or not statuses or not all(isinstance(s, str) for s in statuses):
        return None
    return frozenset(statuses)


@schemathesis.check
def list_page_within_page_size(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    """A paged list (`x-pagination`) never answers more items than a page holds (100)."""
    pagination = case.operation.definition.raw.get("x-pagination")
    model = success_model(response)
    if not isinstance(pagination, dict) or not isinstance(model, list):
        return None
    size = pagination.get("pageSize")
    if isinstance(size, int) and len(model) > size:
        raise AssertionError(f"A page of {len(model)} items; a page holds at most {size}.")
    return None


@schemathesis.check
def payout_answer_is_a_payout(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    """A payout answers a transaction of `Type` 2; one still with the bank (`Created`) is in process."""
    body = envelope(response)
    if case.operation.path not in PAYOUTS or body is None:
        return None
    model = body.get("Model")
    if not isinstance(model, dict) or "TransactionId" not in model:
        return None
    if model.get("Type") != PAYOUT_TYPE:
        raise AssertionError(
            f"A payout answered a transaction of Type {model.get('Type')!r}, not {PAYOUT_TYPE}."
        )
    if model.get("Status") == "Created" and model.get("TransactionIsInProcess") is not True:
        raise AssertionError("A payout in Status Created without TransactionIsInProcess: true.")
    return None


@schemathesis.check
def lookup_returns_what_was_asked(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    """A lookup that succeeds answers the transaction with the id or invoice number asked for
    (`/payments/find`: a payment, `Type` 0); one that finds nothing answers no transaction."""
    key = LOOKUPS.get(case.operation.path)
    body = envelope(response)
    if key is None or body is None:
        return None
    model = body.get("Model")
    if body.get("Success") is not True:
        if isinstance(model, dict):
            raise AssertionError("A lookup answered Success: false with a transaction.")
        return None
    if not isinstance(model, dict):
        raise AssertionError("A lookup answered Success: true without the transaction.")
    asked = sent(case, key)
    if not is_negative(case) and asked is not None and not same_value(asked, model.get(key)):
        raise AssertionError(f"Asked for {key} {asked!r}, answered the transaction with {model.get(key)!r}.")
    if case.operation.path in PAYMENTS_ONLY_LOOKUPS and model.get("Type") != PAYMENT_TYPE:
        raise AssertionError(
            f"{case.operation.path} answered a transaction of Type {model.get('Type')!r}, not a payment."
        )
    return None


@schemathesis.check
def list_is_oldest_first(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    """A list of transactions is sorted by creation date, oldest first."""
    model = success_model(response)
    if case.operation.path not in TRANSACTION_LISTS or not isinstance(model, list):
        return None
    created = [created_ms(item) for item in model]
    known = [moment for moment in created if moment is not None]
    if known != sorted(known):
        raise AssertionError(f"Transactions not sorted oldest first: CreatedDate {known}.")
    return None


@schemathesis.check
def listed_transactions_match_the_request(
    ctx: CheckContext, response: Response, case: Case[Any]
) -> bool | None:
    """A list answers only transactions created in the day or period asked for (in its time zone), and
    `/v2/payments/list` only those in the `Statuses` asked for."""
    model = success_model(response)
    if case.operation.path not in TRANSACTION_LISTS or not isinstance(model, list) or is_negative(case):
        return None
    window = requested_window(case)
    statuses = requested_statuses(case) if case.operation.path == "/v2/payments/list" else None
    for item in model:
        created = created_ms(item)
        if window is not None and created is not None and not window[0] <= created <= window[1]:
            raise AssertionError(
                f"Transaction {item.get('TransactionId')!r} created at {item.get('CreatedDateIso')!r} "
                f"is outside the requested window."
            )
        if statuses is not None and item.get("Status") not in statuses:
            raise AssertionError(
                f"Transaction {item.get('TransactionId')!r} in Status {item.get('Status')!r}; "
                f"asked for {sorted(statuses)}."
            )
    return None


@schemathesis.check
def subscriptions_found_belong_to_the_payer(
    ctx: CheckContext, response: Response, case: Case[Any]
) -> bool | None:
    """`/subscriptions/find` answers only subscriptions of the `AccountId` asked for."""
    model = success_model(response)
    asked = sent(case, "AccountId")
    if case.operation.path != "/subscriptions/find" or not isinstance(model, list) or is_negative(case):
        return None
    strangers = [
        item.get("Id") for item in model if isinstance(item, dict) and item.get("AccountId") != asked
    ]
    if strangers:
        raise AssertionError(f"Asked for the subscriptions of {asked!r}; found others' too: {strangers}.")
    return None


@schemathesis.check
def subscription_update_is_applied(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    """A successful `/subscriptions/update` answers the subscription asked for, with every parameter sent, and
    active again (an update re-activates a cancelled or rejected subscription)."""
    model = success_model(response)
    if case.operation.path != "/subscriptions/update" or not isinstance(model, dict) or is_negative(case):
        return None
    if not same_value(sent(case, "Id"), model.get("Id")):
        raise AssertionError(f"Updated subscription {sent(case, 'Id')!r}, answered {model.get('Id')!r}.")
    differing = [
        f"{name}: sent {value!r}, answered {model.get(name)!r}"
        for name in SUBSCRIPTION_FIELDS
        if (value := sent(case, name)) is not None and not same_value(value, model.get(name))
    ]
    if differing:
        raise AssertionError("The updated subscription does not show what was sent: " + "; ".join(differing))
    if model.get("Status") in STOPPED_SUBSCRIPTION:
        raise AssertionError(f"An update answered a subscription in Status {model.get('Status')!r}.")
    return None
