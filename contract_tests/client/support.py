"""Shared helpers of the client suites: a client wired to httpx.MockTransport, spec-driven kwargs."""

from __future__ import annotations

import dataclasses
import json
import re
import urllib.parse
from collections.abc import Callable
from typing import Any, Final

import httpx
from cloudpayments_client import AsyncCloudPayments, CloudPayments

from generator.code_samples import path_arguments
from generator.naming import field_name, group_name, method_name
from mock_server.tolerated import ToleratedShapes
from spec_tools import (
    JSON,
    Spec,
    called_path,
    canonicalize_keys,
    operation,
    request_schema,
    required_properties,
)

PUBLIC_ID: Final = "pk_test_client_suite"
# A recognisable secret: no repr, log line or message may contain it (nor its Basic-auth encoding).
SECRET: Final = "sk_SECRET_do_not_leak_7f3a"
BASE_URL: Final = "https://api.test.invalid"

Handler = Callable[[httpx.Request], httpx.Response]


@dataclasses.dataclass
class Exchanges:
    """Every request the transport saw and every wait the client asked for."""

    requests: list[httpx.Request] = dataclasses.field(default_factory=list)
    sleeps: list[float] = dataclasses.field(default_factory=list)

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)

    async def async_sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)

    def body(self, index: int = -1) -> Any:
        return json.loads(self.requests[index].content)


def replying(*responses: httpx.Response | Exception, log: Exchanges) -> Handler:
    """A handler that answers with the given responses in turn (an exception is raised instead)."""
    queue = list(responses)

    def handle(request: httpx.Request) -> httpx.Response:
        log.requests.append(request)
        item = queue.pop(0) if len(queue) > 1 else queue[0]
        if isinstance(item, Exception):
            raise item
        return item

    return handle


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(status, json=body, headers=headers)


def sync_client(handler: Handler, log: Exchanges, **options: Any) -> CloudPayments:
    transport = httpx.MockTransport(handler)
    return CloudPayments(
        PUBLIC_ID, SECRET, base_url=BASE_URL, transport=transport, sleep=log.sleep, **options
    )


def async_client(handler: Handler, log: Exchanges, **options: Any) -> AsyncCloudPayments:
    transport = httpx.MockTransport(handler)
    return AsyncCloudPayments(
        PUBLIC_ID, SECRET, base_url=BASE_URL, transport=transport, sleep=log.async_sleep, **options
    )


def operations(spec: Spec) -> dict[str, tuple[str, dict[str, Any]]]:
    """operationId -> (path, operation object) for every POST operation."""
    return {
        item["post"]["operationId"]: (path, item["post"])
        for path, item in spec["paths"].items()
        if isinstance(item.get("post"), dict)
    }


def client_method(client: CloudPayments | AsyncCloudPayments, spec: Spec, path: str) -> Any:
    """client.<tag>.<operation> for a path, named the way the generator names it."""
    op = operation(spec, path)
    return getattr(getattr(client, group_name(op["tags"][0])), method_name(op["operationId"]))


def documented_request(spec: Spec, path: str) -> dict[str, Any] | None:
    """The first JSON request example of an operation (None when it takes no body)."""
    op = operation(spec, path)
    if "requestBody" not in op:
        return None
    body = op["requestBody"]
    if "$ref" in body:
        body = spec["components"]["requestBodies"][body["$ref"].rsplit("/", 1)[1]]
    media = body["content"][JSON]
    for example in media.get("examples", {}).values():
        if "$ref" in example:
            example = spec["components"]["examples"][example["$ref"].rsplit("/", 1)[1]]
        value: dict[str, Any] = example["value"]
        return value
    raise AssertionError(f"{path} documents no JSON request example")


def kwargs_for(spec: Spec, path: str, body: dict[str, Any] | None) -> dict[str, Any]:
    """Method kwargs for a request body: names matched case-insensitively to the schema, then snake_cased;
    the shapes the spec tolerates (the reference's T-Pay example sends Amount as text) read as the documented
    ones, which are all the client takes."""
    if body is None:
        return {}
    schema = request_schema(spec, path)
    canonical = ToleratedShapes(spec).read(canonicalize_keys(body, schema, spec), schema)
    return {field_name(key): value for key, value in canonical.items()}


def path_kwargs(spec: Spec, path: str) -> tuple[dict[str, Any], str]:
    """Method kwargs for the path parameters of an operation (their example values) and the path they make."""
    values = path_arguments(spec, operation(spec, path))
    sent = re.sub(r"\{([^{}]+)\}", lambda found: urllib.parse.quote(str(values[found[1]]), safe=""), path)
    return {field_name(name): value for name, value in values.items()}, sent


def spec_path(spec: Spec, sent: str) -> tuple[str, dict[str, Any]] | None:
    """The spec's path a sent path matches (`/site/notifications/pay/get` -> `/site/notifications/{Type}/get`)
    and the method kwargs of its path parameters; None when no path of the spec matches."""
    try:
        called = called_path(spec["paths"], sent)
    except LookupError:
        return None
    return called.template, {
        field_name(name): urllib.parse.unquote(value) for name, value in called.parameters.items()
    }


def complete_body(spec: Spec, path: str, body: dict[str, Any]) -> dict[str, Any]:
    """The body with required fields it lacks taken from the documented example.

    Recorded bad-request exchanges drop a required field (e.g. Amount); the client refuses such a
    call before sending (a TypeError), so the replay sends the completed body and checks that the
    recorded answer maps to the bad-request exception.
    """
    schema = request_schema(spec, path)
    canonical: dict[str, Any] = canonicalize_keys(body, schema, spec)
    example = canonicalize_keys(documented_request(spec, path) or {}, schema, spec)
    for name in sorted(required_properties(schema, spec) - set(canonical)):
        canonical[name] = example[name]
    return canonical
