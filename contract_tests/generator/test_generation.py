"""The generator on small specs written here: the package it makes, imported and called, and its determinism.

Like openapi-python-client's end_to_end_tests: one tag, a mutating operation (X-Request-ID, a JSON body
with a required, an optional, a nullable and an object field) and a read-only one without a body.
"""

from __future__ import annotations

import contextlib
import importlib
import inspect
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any, Final

import httpx
import pytest
import yaml

from generator.build import GenerationError, diff_trees, generate, package_facts

PACKAGE: Final = "cloudpayments_client"
BASE_URL: Final = "https://tiny.test.invalid"

TINY_SPEC: Final[dict[str, Any]] = {
    "openapi": "3.1.0",
    "info": {"title": "Tiny API", "version": "2.3.4"},
    "servers": [{"url": BASE_URL}],
    "security": [{"basicAuth": []}],
    "tags": [{"name": "widgets", "description": "Widgets made to order."}],
    "paths": {
        "/widgets/make": {
            "post": {
                "operationId": "makeWidget",
                "tags": ["widgets"],
                "summary": "Make a widget",
                "description": "Makes one widget of the given size.",
                "parameters": [
                    {"name": "X-Request-ID", "in": "header", "required": False, "schema": {"type": "string"}}
                ],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {"$ref": "#/components/schemas/WidgetRequest"},
                            "examples": {"small": {"value": {"Size": 3, "Colour": "red"}}},
                        }
                    },
                },
                "responses": {"200": {"$ref": "#/components/responses/Widget"}},
            }
        },
        "/widgets/ping": {
            "post": {
                "operationId": "pingWidgets",
                "tags": ["widgets"],
                "summary": "Check the widget service",
                "responses": {
                    "200": {
                        "description": "The service answers.",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Envelope"}}
                        },
                    }
                },
            }
        },
    },
    "components": {
        "securitySchemes": {"basicAuth": {"type": "http", "scheme": "basic"}},
        "responses": {
            "Widget": {
                "description": "The widget, or why not.",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/WidgetResponse"}}},
            }
        },
        "schemas": {
            "WidgetRequest": {
                "type": "object",
                "required": ["Size"],
                "properties": {
                    "Size": {"type": "integer"},
                    "Colour": {"type": "string"},
                    "Note": {"type": ["string", "null"]},
                    "Options": {"$ref": "#/components/schemas/Options"},
                },
            },
            "Options": {"type": "object", "properties": {"Shiny": {"type": "boolean"}}},
            "Widget": {
                "type": "object",
                "required": ["WidgetId", "Size"],
                "properties": {"WidgetId": {"type": "integer"}, "Size": {"type": "integer"}},
            },
            "WidgetResponse": {
                "type": "object",
                "required": ["Success"],
                "properties": {
                    "Success": {"type": "boolean"},
                    "Message": {"type": ["string", "null"]},
                    "Model": {"oneOf": [{"$ref": "#/components/schemas/Widget"}, {"type": "null"}]},
                },
            },
            "Envelope": {
                "type": "object",
                "required": ["Success"],
                "properties": {"Success": {"type": "boolean"}, "Message": {"type": ["string", "null"]}},
            },
        },
    },
}


def write_spec(directory: Path, spec: dict[str, Any]) -> Path:
    path = directory / "openapi.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return path


@contextlib.contextmanager
def imported(project: Path) -> Iterator[ModuleType]:
    """The package generated into `project`, imported in place of the committed one (restored after)."""
    mine = [name for name in sys.modules if name == PACKAGE or name.startswith(f"{PACKAGE}.")]
    saved = {name: sys.modules.pop(name) for name in mine}
    sys.path.insert(0, str(project))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(project))
        for name in [name for name in sys.modules if name == PACKAGE or name.startswith(f"{PACKAGE}.")]:
            del sys.modules[name]
        sys.modules.update(saved)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("tiny")
    project = root / "client"
    generate(project, write_spec(root, TINY_SPEC))
    return project


@pytest.fixture
def package(tiny: Path) -> Iterator[ModuleType]:
    with imported(tiny) as module:
        yield module


def test_layout_is_one_resource_module_per_tag(tiny: Path) -> None:
    package_dir = tiny / PACKAGE
    files = {path.relative_to(package_dir).as_posix() for path in package_dir.rglob("*.py")}
    assert {
        "__init__.py",
        "client.py",
        "errors.py",
        "types.py",
        "api/__init__.py",
        "api/widgets/__init__.py",
        "api/widgets/make_widget.py",
        "api/widgets/ping_widgets.py",
    } <= files
    other_api = {path for path in files if path.startswith("api/") and "widgets" not in path}
    assert other_api == {"api/__init__.py"}


def test_operation_modules_build_requests_and_nothing_else(package: ModuleType) -> None:
    make = importlib.import_module(f"{PACKAGE}.api.widgets.make_widget")
    ping = importlib.import_module(f"{PACKAGE}.api.widgets.ping_widgets")
    for module in (make, ping):
        functions = {
            name
            for name, value in vars(module).items()
            if inspect.isfunction(value) and value.__module__ == module.__name__
        }
        assert functions == {"build_request"}
    models = importlib.import_module(f"{PACKAGE}.models")
    assert make.build_request({"Size": 2}, "rid-1") == {
        "method": "post",
        "url": "/widgets/make",
        "headers": {"X-Request-ID": "rid-1", "Content-Type": "application/json"},
        "content": b'{"Size":2}',
    }
    assert ping.build_request(None, None) == {"method": "post", "url": "/widgets/ping", "headers": {}}
    assert (make.OPERATION.operation_id, make.OPERATION.mutating) == ("makeWidget", True)
    assert (ping.OPERATION.operation_id, ping.OPERATION.mutating) == ("pingWidgets", False)
    assert make.OPERATION.result == (models.Widget,) and make.OPERATION.returns_model
    assert ping.OPERATION.result == (models.Envelope,) and not ping.OPERATION.returns_model


def test_resource_methods_take_the_request_fields(package: ModuleType) -> None:
    resources = importlib.import_module(f"{PACKAGE}.api.widgets")
    for cls in (resources.Widgets, resources.AsyncWidgets):
        make = inspect.signature(cls.make_widget)
        fields = ["self", "size", "colour", "note", "options", "request_id"]
        assert list(make.parameters) == [*fields, "timeout", "max_retries", "extra_headers"]
        assert all(p.kind is p.KEYWORD_ONLY for name, p in make.parameters.items() if name != "self")
        assert make.parameters["size"].default is inspect.Parameter.empty
        assert make.parameters["colour"].default is None
        assert make.parameters["request_id"].default is None
        ping = inspect.signature(cls.ping_widgets)
        assert list(ping.parameters) == ["self", "timeout", "max_retries", "extra_headers"]
    assert inspect.iscoroutinefunction(resources.AsyncWidgets.make_widget)
    assert not inspect.iscoroutinefunction(resources.Widgets.make_widget)


def _answering(body: dict[str, Any], seen: list[httpx.Request]) -> httpx.MockTransport:
    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=body)

    return httpx.MockTransport(handle)


def test_calls_send_the_request_and_return_the_model(package: ModuleType) -> None:
    seen: list[httpx.Request] = []
    answer = {"Success": True, "Message": None, "Model": {"WidgetId": 7, "Size": 3}}
    with package.CloudPayments("pk_tiny", "sk_tiny", transport=_answering(answer, seen)) as client:
        assert client.base_url == BASE_URL  # the spec's server
        widget = client.widgets.make_widget(size=3, options={"Shiny": True}, request_id="w-1")
    assert type(widget).__name__ == "Widget" and widget.widget_id == 7
    sent = seen[0]
    assert (sent.method, str(sent.url)) == ("POST", f"{BASE_URL}/widgets/make")
    assert sent.headers["X-Request-ID"] == "w-1"
    assert sent.headers["Authorization"].startswith("Basic ")
    assert json.loads(sent.content) == {"Size": 3, "Options": {"Shiny": True}}


async def test_async_read_only_call_returns_the_envelope(package: ModuleType) -> None:
    seen: list[httpx.Request] = []
    transport = _answering({"Success": True, "Message": "pong"}, seen)
    async with package.AsyncCloudPayments("pk_tiny", "sk_tiny", transport=transport) as client:
        envelope = await client.widgets.ping_widgets()
    assert (type(envelope).__name__, envelope.message) == ("Envelope", "pong")
    assert "X-Request-ID" not in seen[0].headers
    assert seen[0].content == b""


def test_answers_are_read_leniently_except_success(
    package: ModuleType, caplog: pytest.LogCaptureFixture
) -> None:
    """A field that decides nothing is data: a drifted value is read as None and logged once, never raised."""
    answer = {"Success": True, "Model": {"WidgetId": "seven", "Size": 3}}
    with package.CloudPayments("pk_tiny", "sk_tiny", transport=_answering(answer, [])) as client:
        first = client.widgets.make_widget(size=3)
        second = client.widgets.make_widget(size=3)
    assert (first.widget_id, first.size, first.raw["WidgetId"]) == (None, 3, "seven")
    assert second.widget_id is None
    assert sum("Widget.WidgetId" in record.getMessage() for record in caplog.records) == 1
    broken = {"Success": "yes", "Model": {"WidgetId": 7, "Size": 3}}
    client = package.CloudPayments("pk_tiny", "sk_tiny", transport=_answering(broken, []))
    with client, pytest.raises(package.ResponseValidationError) as caught:
        client.widgets.make_widget(size=3)
    assert (caught.value.operation, caught.value.field) == ("makeWidget", "Success")
    assert caught.value.data == broken and caught.value.request_id


def test_package_surface_and_readme(package: ModuleType, tiny: Path) -> None:
    # the package's own version (generator/package.yaml), not the API description's info.version
    assert package.__version__ == package_facts()["version"] != TINY_SPEC["info"]["version"]
    assert not hasattr(package, "Client") and not hasattr(package, "AuthenticatedClient")
    readme = (tiny / "README.md").read_text(encoding="utf-8")
    assert "client.widgets.make_widget(" in readme and "size=3," in readme and 'colour="red",' in readme
    assert "| `client.widgets.ping_widgets()` | `POST /widgets/ping` | `Envelope`" in readme


def test_generation_is_deterministic(tiny: Path, tmp_path: Path) -> None:
    again = tmp_path / "client"
    generate(again, write_spec(tmp_path, TINY_SPEC))
    assert diff_trees(again, tiny) == ""


def test_unsupported_parameters_fail_the_generation(tmp_path: Path) -> None:
    spec = json.loads(json.dumps(TINY_SPEC))
    spec["paths"]["/widgets/ping"]["post"]["parameters"] = [
        {"name": "verbose", "in": "query", "schema": {"type": "boolean"}}
    ]
    # the operation module renders an UNSUPPORTED line, which the ruff hook cannot parse
    with pytest.raises(GenerationError, match=r"ruff failed[\s\S]*ping_widgets\.py"):
        generate(tmp_path / "client", write_spec(tmp_path, spec))


def test_an_amount_is_checked_against_the_decimal_places_its_schema_states(tmp_path: Path) -> None:
    """`x-decimal-places` on a number field: more fractional digits are refused before sending; a number
    field without it (and the tiny spec, which has none) is sent as given."""
    spec = json.loads(json.dumps(TINY_SPEC))
    spec["components"]["schemas"]["WidgetRequest"]["properties"].update(
        {"Price": {"type": "number", "x-decimal-places": 1}, "Weight": {"type": "number"}}
    )
    project = tmp_path / "client"
    generate(project, write_spec(tmp_path, spec))
    seen: list[httpx.Request] = []
    answer = {"Success": True, "Message": None, "Model": {"WidgetId": 7, "Size": 3}}
    transport = _answering(answer, seen)
    with (
        imported(project) as module,
        module.CloudPayments("pk_tiny", "sk_tiny", transport=transport) as client,
    ):
        with pytest.raises(module.AmountPrecisionError) as caught:
            client.widgets.make_widget(size=1, price=0.25)
        assert (caught.value.field, caught.value.decimal_places) == ("price", 1)
        assert seen == []
        client.widgets.make_widget(size=1, price=2.5, weight=0.125)
    assert json.loads(seen[0].content) == {"Size": 1, "Price": 2.5, "Weight": 0.125}


def test_tiny_package_passes_ruff_and_mypy_strict(tiny: Path) -> None:
    """The templates give clean code for any spec they accept, not only for openapi.yaml."""
    for command in (
        [sys.executable, "-m", "ruff", "check", "."],
        [sys.executable, "-m", "ruff", "format", "--check", "."],
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", PACKAGE],
    ):
        done = subprocess.run(command, cwd=tiny, capture_output=True, text=True, check=False)
        assert done.returncode == 0, f"{' '.join(command[2:])}:\n{done.stdout}{done.stderr}"


def test_request_id_without_a_spec_pattern_is_refused_when_unsendable(package: ModuleType) -> None:
    """The tiny spec declares X-Request-ID as a plain string: CR/LF or non-ASCII still never reach httpx."""
    seen: list[httpx.Request] = []
    answer = {"Success": True, "Model": {"WidgetId": 7, "Size": 3}}
    with package.CloudPayments("pk_tiny", "sk_tiny", transport=_answering(answer, seen)) as client:
        for bad in ("a\r\nb", "ключ"):
            with pytest.raises(package.InvalidArgumentError, match="request_id"):
                client.widgets.make_widget(size=3, request_id=bad)
        assert client.widgets.make_widget(size=3, request_id="any key 1").widget_id == 7
    assert [request.headers["X-Request-ID"] for request in seen] == ["any key 1"]


def test_enum_members_keep_the_first_spelling_and_number_later_collisions() -> None:
    from generator.build import _enum_members

    rows = [("Format Error", 5030), ("Approved", 0), ("FormatError", 3005), ("Invalid PIN", 5055)]
    assert _enum_members(rows) == [
        ["FORMAT_ERROR", 5030],
        ["APPROVED", 0],
        ["FORMAT_ERROR_3005", 3005],
        ["INVALID_PIN", 5055],
    ]
