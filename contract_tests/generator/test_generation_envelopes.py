"""The generator on a small spec of its own: an envelope with fields beside its Model (the method returns the
Model extended with them) and a long-polled operation (`x-long-poll`: the `wait_for_payment` helper), and what
it refuses."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Final

import httpx
import pytest

from contract_tests.generator.test_generation import BASE_URL, imported, write_spec
from generator.build import GenerationError, generate

THING: Final = {"$ref": "#/components/schemas/Thing"}
STATUS_RESPONSE: Final = {"$ref": "#/components/schemas/ThingStatusResponse"}
LINK: Final = {"$ref": "#/components/schemas/ThingLink"}
STATUSES: Final = ["Created", "Pending", "Completed", "Declined"]
ENVELOPE_SPEC: Final[dict[str, Any]] = {
    "openapi": "3.1.0",
    "info": {
        "title": "Things API",
        "version": "1.0.0",
        "x-transaction-statuses": [{"status": name, "code": code} for code, name in enumerate(STATUSES)],
    },
    "servers": [{"url": BASE_URL}],
    "security": [{"basicAuth": []}],
    "tags": [{"name": "things", "description": "Things paid for."}],
    "paths": {
        "/things/make": {
            "post": {
                "operationId": "makeThing",
                "tags": ["things"],
                "summary": "Make a thing",
                "parameters": [
                    {"name": "X-Request-ID", "in": "header", "required": False, "schema": {"type": "string"}}
                ],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {"$ref": "#/components/schemas/ThingRequest"},
                            "examples": {"one": {"value": {"Size": 3}}},
                        }
                    },
                },
                "responses": {"200": {"$ref": "#/components/responses/Thing"}},
            }
        },
        "/things/wait": {
            "post": {
                "operationId": "waitThing",
                "tags": ["things"],
                "summary": "Wait for a thing's status",
                "x-long-poll": {"field": "Status", "while": ["Created", "Pending"]},
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {"$ref": "#/components/schemas/WaitRequest"},
                            "examples": {"one": {"value": {"TransactionId": 5}}},
                        }
                    },
                },
                "responses": {
                    "200": {
                        "description": "The status.",
                        "content": {"application/json": {"schema": STATUS_RESPONSE}},
                    }
                },
            }
        },
    },
    "components": {
        "securitySchemes": {"basicAuth": {"type": "http", "scheme": "basic"}},
        "responses": {
            "Thing": {
                "description": "The thing, or why not.",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ThingResponse"}}},
            }
        },
        "schemas": {
            "ThingRequest": {
                "type": "object",
                "required": ["Size"],
                "properties": {"Size": {"type": "integer"}},
            },
            "WaitRequest": {
                "type": "object",
                "required": ["TransactionId"],
                "properties": {"TransactionId": {"type": "integer"}},
            },
            "Thing": {
                "type": "object",
                "required": ["TransactionId"],
                "properties": {"TransactionId": {"type": "integer"}, "Size": {"type": "integer"}},
            },
            "ThingLink": {"type": "object", "required": ["Link"], "properties": {"Link": {"type": "string"}}},
            "ThingStatus": {
                "type": "object",
                "required": ["TransactionId", "Status"],
                "properties": {"TransactionId": {"type": "integer"}, "Status": {"type": "string"}},
            },
            "ThingResponse": {
                "type": "object",
                "required": ["Success"],
                "properties": {
                    "Success": {"type": "boolean"},
                    "Message": {"type": ["string", "null"]},
                    "Model": {"oneOf": [THING, {"type": "null"}]},
                    "ExtensionData": {"oneOf": [LINK, {"type": "null"}]},
                    "ErrorCode": {"type": ["string", "integer", "null"]},
                },
            },
            "ThingStatusResponse": {
                "type": "object",
                "required": ["Success"],
                "properties": {
                    "Success": {"type": "boolean"},
                    "Message": {"type": ["string", "null"]},
                    "Model": {"oneOf": [{"$ref": "#/components/schemas/ThingStatus"}, {"type": "null"}]},
                },
            },
        },
    },
}


@pytest.fixture(scope="module")
def things(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("things")
    generate(root / "client", write_spec(root, ENVELOPE_SPEC))
    return root / "client"


def _answers(*bodies: dict[str, Any]) -> httpx.MockTransport:
    """Answers the bodies in turn, the last one again and again."""
    queue = list(bodies)

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=queue.pop(0) if len(queue) > 1 else queue[0])

    return httpx.MockTransport(answer)


def test_the_envelope_fields_come_with_the_model(things: Path) -> None:
    with imported(things) as package:
        answer_class = package.models.ThingAnswer
        assert issubclass(answer_class, package.models.Thing)
        assert package.models.__all__.count("ThingAnswer") == 1
        envelope = {"Success": True, "Message": None, "Model": {"TransactionId": 7, "Size": 3},
                    "ExtensionData": {"Link": "https://pay.example/7"}, "ErrorCode": 12}  # fmt: skip
        with package.CloudPayments("pk", "sk", transport=_answers(envelope)) as client:
            thing = client.things.make_thing(size=3)
        assert type(thing) is answer_class
        assert (thing.transaction_id, thing.size) == (7, 3)
        assert thing.extension_data.link == "https://pay.example/7"
        assert thing.error_code == 12
        assert thing.envelope.raw == envelope
        # The status answer declares nothing beside its Model: its method returns the Model's own class.
        assert not hasattr(package.models, "ThingStatusAnswer")


def test_the_long_polled_operation_has_its_wait(things: Path) -> None:
    def status(name: str) -> dict[str, Any]:
        return {"Success": True, "Model": {"TransactionId": 5, "Status": name}}

    with imported(things) as package:
        slept: list[float] = []
        transport = _answers(status("Created"), status("Pending"), status("Declined"))
        with package.CloudPayments("pk", "sk", transport=transport, sleep=slept.append) as client:
            final = client.things.wait_for_payment(5, timeout=10)
        assert final.status == "Declined"
        assert len(slept) == 2
        transport = _answers(status("Pending"))
        client = package.CloudPayments("pk", "sk", transport=transport)
        with client, pytest.raises(package.QrPaymentTimeout) as raised:
            client.things.wait_for_payment(5, timeout=0.05)
        assert raised.value.last_status == "Pending"


def _with(change: Any) -> dict[str, Any]:
    spec: dict[str, Any] = json.loads(json.dumps(ENVELOPE_SPEC))
    change(spec)
    return spec


def _schemas(spec: dict[str, Any]) -> dict[str, Any]:
    schemas: dict[str, Any] = spec["components"]["schemas"]
    return schemas


@pytest.mark.parametrize(
    ("change", "message"),
    [
        # the statuses to wait on are transaction statuses of the spec
        (
            lambda spec: spec["paths"]["/things/wait"]["post"]["x-long-poll"].update({"while": ["Paid"]}),
            "x-long-poll needs",
        ),
        # the wait sends a TransactionId and reads one Model
        (
            lambda spec: spec["paths"]["/things/make"]["post"].update(
                {"x-long-poll": {"field": "Status", "while": ["Pending"]}}
            ),
            r"ruff failed[\s\S]*make_thing\.py",
        ),
        # an envelope field cannot come with a Model that is an array
        (
            lambda spec: _schemas(spec)["ThingResponse"]["properties"].update(
                {"Model": {"oneOf": [{"type": "array", "items": THING}, {"type": "null"}]}}
            ),
            r"ruff failed[\s\S]*make_thing\.py",
        ),
        # nor shadow a field of the Model
        (
            lambda spec: _schemas(spec)["ThingResponse"]["properties"].update({"Size": {"type": "integer"}}),
            r"ruff failed[\s\S]*thing_response\.py",
        ),
    ],
)
def test_what_cannot_be_returned_fails_the_generation(tmp_path: Path, change: Any, message: str) -> None:
    with pytest.raises(GenerationError, match=message):
        generate(tmp_path / "client", write_spec(tmp_path, _with(change)))
