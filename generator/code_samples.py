"""Python usage examples of the client, one per operation, built from the spec's request examples.

The one source of those examples: the generator hands them to the README template (spec_facts.jinja)
and the documentation build injects them as x-codeSamples, so a new operation gets its example the
moment it is in the spec.
"""

from __future__ import annotations

import re
from typing import Any, Final
from urllib.parse import urlencode

from generator.naming import field_name, group_name, method_name
from spec_tools import TOLERATED, Operation, deref, operations, pointer_get, test_cards

PACKAGE: Final = "cloudpayments_client"
CLIENT_CLASS: Final = "CloudPayments"
JSON: Final = "application/json"
_PLACEHOLDERS: Final[dict[str, object]] = {"string": "...", "integer": 1, "number": 1.0, "boolean": True}
# The documented cryptogram packet carries its card's expiry in clear (`01`, first six, last four, YYMM...);
# the official example's card expired in 2019. The examples use the same packet with the expiry moved to
# December 2099, so they run as written against the test mock for decades.
_LEGACY_PACKET: Final = re.compile(r"^(01\d{6}\d{4})(\d{4})(.*)$", re.DOTALL)
SAMPLE_EXPIRY: Final = "9912"
# A date that must lie in the future when the example runs is computed when it runs.
_FUTURE_DATES: Final = frozenset({"StartDate"})
_FUTURE_EXPRESSION: Final = "datetime.now(timezone.utc) + timedelta(days=1)"
# Outcomes an example reports instead of raising: the API's answer to a request it cannot carry out.
_OUTCOMES: Final = "CloudPaymentsError"


def runnable_packet(packet: str) -> str:
    """The documented packet with its clear expiry moved to 12/2099 (packets in another layout unchanged)."""
    match = _LEGACY_PACKET.match(packet)
    return f"{match.group(1)}{SAMPLE_EXPIRY}{match.group(3)}" if match else packet


def _json_media(spec: dict[str, Any], operation: dict[str, Any]) -> dict[str, Any] | None:
    body = deref(spec, operation.get("requestBody"))
    if not isinstance(body, dict):
        return None
    media = deref(spec, body.get("content", {}).get(JSON))
    return media if isinstance(media, dict) else {}


def _example_body(spec: dict[str, Any], media: dict[str, Any]) -> dict[str, Any] | None:
    examples = media.get("examples") or {}
    for example in examples.values():
        value = deref(spec, example).get("value")
        if isinstance(value, dict):
            return value
    example = media.get("example")
    return example if isinstance(example, dict) else None


def _required_placeholders(spec: dict[str, Any], schema: Any) -> dict[str, Any]:
    """Without a documented example: the required fields, with a placeholder of their type."""
    body: dict[str, Any] = {}
    pending = [schema]
    while pending:
        part = deref(spec, pending.pop(0))
        if not isinstance(part, dict):
            continue
        pending.extend(part.get("allOf", []))
        properties = part.get("properties", {})
        for name in part.get("required", []):
            prop = deref(spec, properties.get(name, {}))
            kind = prop.get("type") if isinstance(prop, dict) else None
            body[name] = _PLACEHOLDERS.get(kind if isinstance(kind, str) else "string", "...")
    return body


def path_arguments(spec: dict[str, Any], operation: dict[str, Any]) -> dict[str, Any]:
    """Wire name -> example value of each path parameter: its example, else the first value of its enum."""
    found: dict[str, Any] = {}
    for parameter in operation.get("parameters", []):
        parameter = deref(spec, parameter)
        if not isinstance(parameter, dict) or parameter.get("in") != "path":
            continue
        schema = deref(spec, parameter.get("schema", {}))
        schema = schema if isinstance(schema, dict) else {}
        if "example" in parameter:
            value = parameter["example"]
        elif "example" in schema:
            value = schema["example"]
        else:
            value = (schema.get("enum") or ["..."])[0]
        found[str(parameter["name"])] = value
    return found


def _value(key: str, value: Any) -> str:
    if key in _FUTURE_DATES:
        return _FUTURE_EXPRESSION
    if key == "CardCryptogramPacket" and isinstance(value, str):
        return repr(runnable_packet(value))
    return repr(value)


def _call(target: str, arguments: dict[str, Any], opening: str, indent: str) -> list[str]:
    """`opening` + `target(...)` with one keyword argument a line (path parameters first, then the body)."""
    if not arguments:
        return [f"{indent}{opening}{target}()"]
    lines = [f"{indent}{opening}{target}("]
    lines += [
        f"{indent}    {field_name(str(key))}={_value(str(key), value)}," for key, value in arguments.items()
    ]
    lines.append(f"{indent})")
    return lines


def _documented_arguments(spec: dict[str, Any], operation: dict[str, Any]) -> dict[str, Any]:
    """The documented request as keyword arguments by wire name: path parameters, then the body's fields."""
    media = _json_media(spec, operation)
    body: dict[str, Any] | None = None
    if media is not None:
        body = _example_body(spec, media)
        if body is None:
            body = _required_placeholders(spec, media.get("schema"))
    return {**path_arguments(spec, operation), **(body or {})}


def _imports(arguments: dict[str, Any]) -> list[str]:
    return (
        ["from datetime import datetime, timedelta, timezone", ""] if _FUTURE_DATES & set(arguments) else []
    )


def python_example(spec: dict[str, Any], operation: dict[str, Any]) -> str:
    """One operation's snippet: credentials from the environment, the documented request as kwargs.

    It runs as written against the test mock: a refusal (`Success: false`, e.g. an id that does not exist
    there) is printed with its request id instead of raised.
    """
    tags = operation.get("tags") or ["default"]
    arguments = _documented_arguments(spec, operation)
    target = f"client.{group_name(str(tags[0]))}.{method_name(str(operation['operationId']))}"
    lines = [
        *_imports(arguments),
        f"from {PACKAGE} import {CLIENT_CLASS}, {_OUTCOMES}",
        "",
        "# Credentials come from CLOUDPAYMENTS_PUBLIC_ID and CLOUDPAYMENTS_API_SECRET.",
        f"with {CLIENT_CLASS}() as client:",
        "    try:",
        *_call(target, arguments, "result = ", "        "),
        "        print(result)",
        f"    except {_OUTCOMES} as error:  # e.g. an id the server does not know",
        '        print(type(error).__name__, error, "request id:", error.request_id)',
    ]
    return "\n".join(lines) + "\n"


def python_examples(spec: dict[str, Any]) -> dict[str, str]:
    """operationId -> a short Python snippet calling that operation through the client. An `x-tolerated`
    operation (GET /test) has no method of its own: its sample is the POST's on its path (what the client
    sends)."""
    ops = operations(spec)
    examples = {
        op.operation_id: python_example(spec, pointer_get(spec, op.pointer))
        for op in ops
        if not _tolerated(spec, op)
    }
    posts = {op.path: op.operation_id for op in ops if op.method == "post"}
    for op in ops:
        if _tolerated(spec, op):
            examples[op.operation_id] = examples[posts[op.path]]
    return examples


def _tolerated(spec: dict[str, Any], op: Operation) -> bool:
    return pointer_get(spec, op.pointer).get(TOLERATED) is True


def python_page_example(spec: dict[str, Any], operation: dict[str, Any]) -> str:
    """A paged operation's (`x-pagination`) snippet: its `iter_` method over every page, no page number."""
    pagination = operation["x-pagination"]
    tags = operation.get("tags") or ["default"]
    arguments = _documented_arguments(spec, operation)
    arguments.pop(str(pagination["parameter"]), None)
    target = f"client.{group_name(str(tags[0]))}.iter_{method_name(str(operation['operationId']))}"
    lines = [
        *_imports(arguments),
        f"from {PACKAGE} import {CLIENT_CLASS}",
        "",
        f"# One request a page, from page 1 until a page with fewer than {pagination['pageSize']} items.",
        f"with {CLIENT_CLASS}() as client:",
        *_call(target, arguments, "for item in ", "    "),
        "        print(item)",
    ]
    lines[-2] += ":"
    return "\n".join(lines) + "\n"


def _documented_packet(spec: dict[str, Any]) -> str:
    """The documented cryptogram packet (the first card payment example that carries one)."""
    for operation in operations(spec):
        media = _json_media(spec, pointer_get(spec, operation.pointer))
        body = _example_body(spec, media) if media else None
        if body and isinstance(body.get("CardCryptogramPacket"), str):
            return str(body["CardCryptogramPacket"])
    raise LookupError("no request example carries a CardCryptogramPacket")


def packet_for(spec: dict[str, Any], card_number: str) -> str:
    """The documented packet's layout for another test card (its first six and last four in clear)."""
    match = _LEGACY_PACKET.match(_documented_packet(spec))
    if match is None:
        raise LookupError("the documented packet is not in the legacy layout")
    tail = match.group(3)
    return f"01{card_number[:6]}{card_number[-4:]}{SAMPLE_EXPIRY}{tail}"


def _card(spec: dict[str, Any], outcome: str) -> str:
    for card in test_cards(spec):
        if not card.three_ds and card.cryptogram == outcome:
            return card.number
    raise LookupError(f"no test card without 3-D Secure with the cryptogram outcome {outcome}")


def _pay_notification_form(spec: dict[str, Any]) -> str:
    """The spec's example Pay notification as the form CloudPayments posts, in lines of a bytes literal."""
    example = pointer_get(spec, "/components/examples/PayNotification/value")
    form = urlencode({name: str(value) for name, value in example.items()})
    lines = [form[start : start + 96] for start in range(0, len(form), 96)]
    return "\n".join(f'    b"{line}"' for line in lines)


def python_client_section(spec: dict[str, Any]) -> str:
    """The "Python client" section of the documentation page (Markdown).

    Every Python block runs as written against the test mock (the docs suite runs them); the cards are the
    spec's test cards without 3-D Secure, one approved and one declined for insufficient funds.
    """
    approved = packet_for(spec, _card(spec, "success"))
    declined = packet_for(spec, _card(spec, "insufficient_funds"))
    charge = (
        "client.payments.charge_card(\n"
        '        amount=Decimal("10.50"), currency="RUB", ip_address="203.0.113.7", name="CARDHOLDER NAME",\n'
        f'        card_cryptogram_packet="{approved}",\n'
        "        request_id=request_id,"
    )
    pay_form = _pay_notification_form(spec)
    return f"""## Python client
The `{PACKAGE}` package is a typed client of this API for Python 3.11+, synchronous (`{CLIENT_CLASS}`) and
asynchronous (`Async{CLIENT_CLASS}`), built on httpx. Each operation below shows its call in the
`{PACKAGE}` tab of its examples.

### Install
```bash
pip install cloudpayments_client-<version>-py3-none-any.whl
```
The wheel is built from the `generated_client/` folder with `python -m pip wheel --no-deps -w dist
generated_client`; it depends on `httpx` and `attrs` only.

### Credentials
`{CLIENT_CLASS}(public_id=..., api_secret=...)`, or without arguments from the environment:
`CLOUDPAYMENTS_PUBLIC_ID`, `CLOUDPAYMENTS_API_SECRET` and `CLOUDPAYMENTS_BASE_URL` (default
`https://api.cloudpayments.ru`). The API Secret never appears in a repr, a log line, an error message or a
traceback. Amounts take `Decimal`, `int` or `float` and are sent exactly; amounts in answers are `Decimal`.

```python
import uuid
from datetime import datetime, timedelta, timezone
from decimal import Decimal

from {PACKAGE} import {CLIENT_CLASS}, TransactionStatus

request_id = str(uuid.uuid4())  # store it with the order before the call
with {CLIENT_CLASS}() as client:
    transaction = {charge} account_id="user_x",
    )
    assert transaction.status is TransactionStatus.COMPLETED and transaction.token
    refund = client.payments.refund_payment(transaction_id=transaction.transaction_id, amount=Decimal("4.25"))
    subscription = client.subscriptions.create_subscription(
        token=transaction.token, account_id="user_x", description="Monthly plan", email="user@example.com",
        amount=Decimal("399.00"), currency="RUB", require_confirmation=False,
        start_date=datetime.now(timezone.utc) + timedelta(days=1), interval="Month", period=1,
    )
    print(transaction.transaction_id, transaction.amount, refund.transaction_id, subscription.id)
```

### Errors and what each carries
Every error is a `CloudPaymentsError` and carries `request_id`, the `X-Request-ID` that was sent; an error
raised after an answer also carries `status_code`, `headers` and the raw `body`.

| Error | When | Also carries |
|---|---|---|
| `PaymentDeclinedError` | declined | `reason_code`, `reason`, `cardholder_message`, `transaction` |
| `ThreeDSecureRequired` | the payer must pass 3-D Secure | `acs_url`, `pa_req`, `md`, `form_html(term_url)` |
| `BadRequestError` | `Success: false` with a Message | `message` |
| `AuthenticationError` | HTTP 401 | `status_code`, `headers`, `body` |
| `RateLimitError` | HTTP 429 after the retries | `status_code`, `headers`, `body`, `retry_after` |
| `ServerError` | HTTP 5xx after the retries | `status_code`, `headers`, `body` |
| `APIConnectionError`, `APITimeoutError` | no answer after the retries | `request_id` |
| `ResponseValidationError` | the answer cannot be read where it decides the outcome | `field`, `data` |
| `SucceededUnreadableError` | the same, although the answer said `Success: true` | `succeeded` |
| `InvalidArgumentError` | an argument refused before anything is sent | |

```python
from {PACKAGE} import {CLIENT_CLASS}, PaymentDeclinedError, ReasonCode

with {CLIENT_CLASS}() as client:
    try:
        client.payments.charge_card(
            amount=100, currency="RUB", ip_address="203.0.113.7", name="CARDHOLDER NAME",
            card_cryptogram_packet="{declined}",
        )
    except PaymentDeclinedError as error:
        assert error.reason_code is ReasonCode.INSUFFICIENT_FUNDS
        print(error.reason_code, error.cardholder_message, error.request_id, error.status_code)
```

### Request id and retries
Operations that change state send `X-Request-ID`: a new uuid4 per call, or yours (`request_id=...`, 1 to 128
printable ASCII characters). Retries after a connection error, a timeout, 429 or 5xx reuse it, so the API
processes the request once. After a timeout the charge may have gone through: call again with the **same**
`request_id` and you get the stored answer, never a second charge.

```python
import uuid
from decimal import Decimal

from {PACKAGE} import APIConnectionError, {CLIENT_CLASS}
from {PACKAGE}.models import Transaction


def charge(client: {CLIENT_CLASS}, request_id: str) -> Transaction:
    return {charge}
    )


request_id = str(uuid.uuid4())  # store it with the order before the call
with {CLIENT_CLASS}() as client:
    try:
        transaction = charge(client, request_id)
    except APIConnectionError:  # APITimeoutError too: the outcome is unknown
        transaction = charge(client, request_id)  # the same request_id: processed once
    again = charge(client, request_id)
    assert again.transaction_id == transaction.transaction_id  # one charge, one answer
```

### A payment with its receipt
A payment whose `JsonData.CloudPayments.CustomerReceipt` holds a receipt issues it (54-FZ) when it succeeds; a
full refund issues its return. `customer_receipt` and `receipt_item` build it and check, before anything is
sent, that its sums add up (`ReceiptMismatchError` names the item at fault); `/kkt/receipt` issues one alone.

```python
from decimal import Decimal

from {PACKAGE} import {CLIENT_CLASS}, customer_receipt, receipt_item, receipt_json_data

receipt = customer_receipt(
    [
        receipt_item("Book", price=Decimal("4.25"), quantity=2, vat=22),
        receipt_item("Delivery", price=Decimal("2.00"), quantity=1, vat=None),
    ],
    taxation_system=0,
    email="user@example.com",
)
with {CLIENT_CLASS}() as client:
    transaction = client.payments.charge_card(
        amount=Decimal("10.50"), currency="RUB", ip_address="203.0.113.7", name="CARDHOLDER NAME",
        card_cryptogram_packet="{approved}", json_data=receipt_json_data(receipt, order_id=7),
    )
    queued = client.receipts.create_receipt(inn="7708806062", type_="Income", customer_receipt=receipt)
    assert queued.id is not None  # Id is null only in a refusal, which raises
    status = client.receipts.get_receipt_status(id=queued.id)
    print(transaction.transaction_id, queued.id, status.model)  # Processed (or Queued, then Processed)
```

### Timeouts
Every call has a timeout (30 s, 10 s to connect) and up to two retries with jittered backoff honouring
`Retry-After`. Change them for the client (`timeout=`, `max_retries=`), for one call, or for a copy:

```python
from {PACKAGE} import {CLIENT_CLASS}

with {CLIENT_CLASS}(timeout=10, max_retries=1) as client:
    client.general.test(timeout=2.5, max_retries=0, extra_headers={{"X-Shop": "main"}})
    quick = client.with_options(timeout=5, max_retries=0)
    print(quick.general.test().success)
```
`http_client=` takes your own `httpx.Client` (proxies, TLS, limits); the credentials are still sent.

### Logging
The client logs to the `{PACKAGE}` logger: DEBUG for every answer (operation, HTTP status, request id),
INFO before each retry, WARNING once per answer field that differs from this description. It never logs
credentials or bodies.

```python
import logging

from {PACKAGE} import {CLIENT_CLASS}

logging.basicConfig(level=logging.INFO)
logging.getLogger("{PACKAGE}").setLevel(logging.DEBUG)
with {CLIENT_CLASS}() as client:
    client.general.test()
```

### Receiving notifications
CloudPayments posts each notification (Check, Pay, Fail, Confirm, Refund, Recurrent, Cancel, Receipt) to the
address set for its kind, signed with the API Secret. `{PACKAGE}.webhooks` verifies the signature over the
raw body (`Content-HMAC`, in constant time), reads the parameters as the kind's typed record (`kind="Pay"`
gives a `PayNotification`: amounts `Decimal`, dates aware `datetime`s) and builds the answer,
`{{"code":0}}`; a Check is answered `webhooks.decline(code)` to refuse the payment. Hand it the body exactly
as received, never a re-encoded form. Below, the handler any web framework calls with the raw body and the
headers, fed the Pay notification of this page signed as CloudPayments signs it:

```python
import os
from collections.abc import Mapping

from {PACKAGE} import webhooks

API_SECRET = os.environ["CLOUDPAYMENTS_API_SECRET"]


def pay_notification(body: bytes, headers: Mapping[str, str]) -> tuple[int, bytes]:
    # The handler of the Pay address: the HTTP status and the body to answer.
    try:
        pay = webhooks.parse(body, headers, API_SECRET, kind="Pay")
    except (webhooks.InvalidSignatureError, webhooks.InvalidNotificationError):
        return 400, b""  # not from CloudPayments, or not a Pay notification: nothing is recorded
    print("paid", pay.invoice_id, pay.transaction_id, pay.amount, pay.currency, pay.date_time.isoformat())
    answer = webhooks.accept()
    return answer.status_code, answer.body


body = (
{pay_form}
)
signed = webhooks.signature_headers(body, API_SECRET)  # what CloudPayments sends with it
assert pay_notification(body, signed) == (200, b'{{"code":0}}')
assert pay_notification(body.replace(b"Amount=10.00", b"Amount=99.00"), signed)[0] == 400  # altered: refused
```

### Testing with the mock
`cloudpayments-mock` (a wheel of this project) is a stateful copy of this API on your machine: payments, 3-D
Secure with its ACS page, two-step payments, refunds, subscriptions, orders and signed notifications, the
test cards of "Test mode". `cloudpayments-mock --port 8765` serves it; installed beside pytest it registers
a plugin whose fixtures give each test a fresh mock and a client pointed at it (`cloudpayments_client`,
`cloudpayments_async_client`), the test cards' cryptograms (`cloudpayments_cards`), the payer's walk through
3-D Secure (`cloudpayments_3ds`) and a notification endpoint (`cloudpayments_receiver`). A shop's test:

```python
import pytest

from {PACKAGE} import {CLIENT_CLASS}, PaymentDeclinedError, ReasonCode, TransactionStatus
from cloudpayments_mock.pytest_plugin import CardTable


def test_a_declined_card_is_refused_and_a_good_one_paid(
    cloudpayments_client: {CLIENT_CLASS}, cloudpayments_cards: CardTable
) -> None:
    with pytest.raises(PaymentDeclinedError) as declined:
        cloudpayments_client.payments.charge_card(
            amount=100, currency="RUB", ip_address="203.0.113.7",
            card_cryptogram_packet=cloudpayments_cards.cryptogram(cloudpayments_cards.declined),
        )
    assert declined.value.reason_code is ReasonCode.INSUFFICIENT_FUNDS
    paid = cloudpayments_client.payments.charge_card(
        amount=100, currency="RUB", ip_address="203.0.113.7",
        card_cryptogram_packet=cloudpayments_cards.cryptogram(cloudpayments_cards.approved),
    )
    assert paid.status is TransactionStatus.COMPLETED
```
"""
