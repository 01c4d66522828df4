"""The generator on a small spec with the shapes of the lookups and lists: a path parameter (with and without
a body), a Model that is an array, and a paged list (`x-pagination`) with its iterator, sync and async.
"""

from __future__ import annotations

import datetime
import enum
import importlib
import inspect
import json
import logging
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any, Final

import httpx
import pytest

from contract_tests.generator.test_generation import PACKAGE, imported, write_spec
from generator.build import GenerationError, diff_trees, generate

BASE_URL: Final = "https://shelves.test.invalid"
PAGE_SIZE: Final = 100
REQUEST_ID: Final = {"name": "X-Request-ID", "in": "header", "required": False, "schema": {"type": "string"}}


def _envelope(model: dict[str, Any] | None) -> dict[str, Any]:
    properties: dict[str, Any] = {"Success": {"type": "boolean"}, "Message": {"type": ["string", "null"]}}
    if model is not None:
        properties["Model"] = {"oneOf": [model, {"type": "null"}]}
    return {"type": "object", "required": ["Success"], "properties": properties}


def _answer(schema: str) -> dict[str, Any]:
    return {
        "200": {
            "description": "The answer.",
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
        }
    }


def _body(schema: str, example: dict[str, Any]) -> dict[str, Any]:
    return {
        "required": True,
        "content": {
            "application/json": {
                "schema": {"$ref": f"#/components/schemas/{schema}"},
                "examples": {"one": {"value": example}},
            }
        },
    }


def _type_parameter(schema: str) -> dict[str, Any]:
    return {
        "name": "Type",
        "in": "path",
        "required": True,
        "schema": {"$ref": f"#/components/schemas/{schema}"},
    }


# `Subscription` is a model whose decisive fields come from generator/package.yaml (Id, Status).
LIST_SPEC: Final[dict[str, Any]] = {
    "openapi": "3.1.0",
    "info": {"title": "Shelf API", "version": "0.1.0"},
    "servers": [{"url": BASE_URL}],
    "security": [{"basicAuth": []}],
    "tags": [{"name": "shelves", "description": "Shelves and what is on them."}],
    "paths": {
        "/shelves/{Type}/get": {
            "post": {
                "operationId": "getShelf",
                "tags": ["shelves"],
                "summary": "Read a shelf",
                "parameters": [_type_parameter("ShelfType")],
                "responses": _answer("ShelfResponse"),
            }
        },
        "/shelves/{Type}/update": {
            "post": {
                "operationId": "updateShelf",
                "tags": ["shelves"],
                "summary": "Change a shelf",
                "parameters": [_type_parameter("UpdatableShelfType"), REQUEST_ID],
                "requestBody": _body("ShelfUpdate", {"Label": "top", "Since": "2014-08-09"}),
                "responses": _answer("Envelope"),
            }
        },
        "/items/list": {
            "post": {
                "operationId": "listItems",
                "tags": ["shelves"],
                "summary": "The items of one day",
                "requestBody": _body("DayRequest", {"Day": "2014-08-09"}),
                "responses": _answer("ItemListResponse"),
            }
        },
        "/v2/items/list": {
            "post": {
                "operationId": "listItemsV2",
                "tags": ["shelves"],
                "summary": "The items of a period, page by page",
                "x-pagination": {"parameter": "PageNumber", "pageSize": PAGE_SIZE},
                "requestBody": _body("PageRequest", {"PageNumber": 1, "From": "2021-03-09T00:00:00+03:00"}),
                "responses": _answer("ItemListResponse"),
            }
        },
    },
    "components": {
        "securitySchemes": {"basicAuth": {"type": "http", "scheme": "basic"}},
        "schemas": {
            "ShelfType": {"type": "string", "enum": ["Top", "Middle", "Bottom"]},
            "UpdatableShelfType": {"type": "string", "enum": ["Middle", "Bottom"]},
            "ItemStatus": {"type": "string", "enum": ["Active", "Cancelled"]},
            "ShelfUpdate": {
                "type": "object",
                "properties": {
                    "Label": {"type": "string"},
                    "Since": {"type": "string", "format": "date"},
                    "Until": {"type": "string", "format": "date-time"},
                    "Statuses": {"type": "array", "items": {"$ref": "#/components/schemas/ItemStatus"}},
                },
            },
            "DayRequest": {
                "type": "object",
                "required": ["Day"],
                "properties": {"Day": {"type": "string", "format": "date"}},
            },
            "PageRequest": {
                "type": "object",
                "required": ["PageNumber", "From"],
                "properties": {
                    "PageNumber": {"type": "integer", "minimum": 1},
                    "From": {"type": "string", "format": "date-time"},
                    "Statuses": {"type": "array", "items": {"$ref": "#/components/schemas/ItemStatus"}},
                },
            },
            "Shelf": {
                "type": "object",
                "required": ["Label"],
                "properties": {"Label": {"type": "string"}, "Width": {"type": ["integer", "null"]}},
            },
            "Subscription": {
                "type": "object",
                "required": ["Id", "Status"],
                "properties": {
                    "Id": {"type": "string"},
                    "Status": {"type": "string"},
                    "Amount": {"type": "number"},
                },
            },
            "ShelfResponse": _envelope({"$ref": "#/components/schemas/Shelf"}),
            "ItemListResponse": _envelope(
                {"type": "array", "items": {"$ref": "#/components/schemas/Subscription"}}
            ),
            "Envelope": _envelope(None),
        },
    },
}


@pytest.fixture(scope="module")
def shelves(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("shelves")
    project = root / "client"
    generate(project, write_spec(root, LIST_SPEC))
    return project


@pytest.fixture
def package(shelves: Path) -> Iterator[ModuleType]:
    with imported(shelves) as module:
        yield module


Handler = Any


def _client(package: ModuleType, handler: Handler, seen: list[httpx.Request], *, async_: bool = False) -> Any:
    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        response: httpx.Response = handler(request)
        return response

    cls = package.AsyncCloudPayments if async_ else package.CloudPayments
    return cls("pk_shelf", "sk_shelf", transport=httpx.MockTransport(record), max_retries=0)


def _always(body: dict[str, Any]) -> Handler:
    return lambda request: httpx.Response(200, json=body)


def _item(number: int, **changes: Any) -> dict[str, Any]:
    return {"Id": f"sc_{number}", "Status": "Active", "Amount": 1.5, **changes}


class Colour(enum.Enum):
    """A caller's own enum: its value is what goes into the path."""

    MIDDLE = "Middle"


class Shelf(enum.StrEnum):
    BOTTOM = "Bottom"


# ---- the generated code --------------------------------------------------------------------------------


def test_package_passes_ruff_and_mypy_strict(shelves: Path) -> None:
    for command in (
        [sys.executable, "-m", "ruff", "check", "."],
        [sys.executable, "-m", "ruff", "format", "--check", "."],
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", PACKAGE],
    ):
        done = subprocess.run(command, cwd=shelves, capture_output=True, text=True, check=False)
        assert done.returncode == 0, f"{' '.join(command[2:])}:\n{done.stdout}{done.stderr}"


def test_generation_is_deterministic(shelves: Path, tmp_path: Path) -> None:
    again = tmp_path / "client"
    generate(again, write_spec(tmp_path, LIST_SPEC))
    assert diff_trees(again, shelves) == ""


def test_signatures(package: ModuleType) -> None:
    resources = importlib.import_module(f"{PACKAGE}.api.shelves")
    options = ["timeout", "max_retries", "extra_headers"]
    for cls in (resources.Shelves, resources.AsyncShelves):
        get = inspect.signature(cls.get_shelf)
        assert list(get.parameters) == ["self", "type_", *options]
        assert get.parameters["type_"].default is inspect.Parameter.empty
        assert get.parameters["type_"].kind is inspect.Parameter.KEYWORD_ONLY
        update = inspect.signature(cls.update_shelf)
        fields = ["type_", "label", "since", "until", "statuses", "request_id"]
        assert list(update.parameters) == ["self", *fields, *options]
        paged = inspect.signature(cls.list_items_v2)
        assert list(paged.parameters) == ["self", "page_number", "from_", "statuses", *options]
        walk = inspect.signature(cls.iter_list_items_v2)
        assert list(walk.parameters) == ["self", "from_", "statuses", *options]
        assert "iter_list_items_v2" in (cls.list_items_v2.__doc__ or "")
        assert "pages" in (cls.iter_list_items_v2.__doc__ or "")
        assert not hasattr(cls, "iter_list_items")
    assert inspect.isasyncgenfunction(resources.AsyncShelves.iter_list_items_v2)
    assert inspect.isgeneratorfunction(resources.Shelves.iter_list_items_v2)
    hints = resources.Shelves.iter_list_items_v2.__annotations__
    assert hints["return"] == "Iterator[Subscription]"
    assert (
        resources.AsyncShelves.iter_list_items_v2.__annotations__["return"] == "AsyncIterator[Subscription]"
    )
    assert resources.Shelves.list_items.__annotations__["return"] == "list[Subscription]"
    assert resources.Shelves.get_shelf.__annotations__["type_"] == "ShelfType | str"


def test_readme_lists_the_new_operations_and_the_iterator(shelves: Path) -> None:
    readme = (shelves / "README.md").read_text(encoding="utf-8")
    assert "| `client.shelves.get_shelf()` | `POST /shelves/{Type}/get` | `Shelf`" in readme
    assert "| `client.shelves.list_items()` | `POST /items/list` | `list[Subscription]`" in readme
    assert "client.shelves.iter_list_items_v2(" in readme
    assert "type_=" in readme  # the samples pass the path parameter


# ---- path parameters -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "segment"),
    [
        ("Top", "Top"),
        (Shelf.BOTTOM, "Bottom"),
        (Colour.MIDDLE, "Middle"),
        ("pay", "pay"),
        ("a/b c?d#e%", "a%2Fb%20c%3Fd%23e%25"),
        ("ключ", "%D0%BA%D0%BB%D1%8E%D1%87"),
    ],
)
def test_path_parameter_is_percent_encoded_into_the_url(
    package: ModuleType, value: Any, segment: str
) -> None:
    seen: list[httpx.Request] = []
    answer = {"Success": True, "Message": None, "Model": {"Label": "top", "Width": 3}}
    with _client(package, _always(answer), seen) as client:
        shelf = client.shelves.get_shelf(type_=value)
    assert (type(shelf).__name__, shelf.label, shelf.width) == ("Shelf", "top", 3)
    sent = seen[0]
    assert sent.url.raw_path.decode() == f"/shelves/{segment}/get"
    assert str(sent.url) == f"{BASE_URL}/shelves/{segment}/get"
    assert sent.content == b"" and "X-Request-ID" not in sent.headers


@pytest.mark.parametrize("value", ["", None, 3, b"Top"])
def test_an_unusable_path_parameter_is_refused_before_sending(package: ModuleType, value: Any) -> None:
    seen: list[httpx.Request] = []
    with _client(package, _always({"Success": True}), seen) as client:
        with pytest.raises(package.InvalidArgumentError, match="type_") as caught:
            client.shelves.get_shelf(type_=value)
        with pytest.raises(ValueError, match="type_"):
            client.shelves.update_shelf(type_=value, label="x")
    assert seen == []
    assert isinstance(caught.value, ValueError)


async def test_path_parameter_with_a_body_async(package: ModuleType) -> None:
    seen: list[httpx.Request] = []
    async with _client(package, _always({"Success": True, "Message": "saved"}), seen, async_=True) as client:
        envelope = await client.shelves.update_shelf(
            type_="Middle",
            label="top",
            since=datetime.date(2014, 8, 9),
            until=datetime.datetime(2021, 3, 10, tzinfo=datetime.timezone(datetime.timedelta(hours=3))),
            statuses=["Active", "Cancelled"],
            request_id="shelf-1",
        )
        await client.shelves.update_shelf(type_=Shelf.BOTTOM, since="2014-08-10", until="2021-03-10T00:00:00")
    assert (type(envelope).__name__, envelope.message) == ("Envelope", "saved")
    first, second = seen
    assert first.url.path == "/shelves/Middle/update" and second.url.path == "/shelves/Bottom/update"
    assert first.headers["X-Request-ID"] == "shelf-1" and second.headers["X-Request-ID"]
    assert json.loads(first.content) == {
        "Label": "top",
        "Since": "2014-08-09",
        "Until": "2021-03-10T00:00:00+03:00",
        "Statuses": ["Active", "Cancelled"],
    }
    assert json.loads(second.content) == {"Since": "2014-08-10", "Until": "2021-03-10T00:00:00"}


def test_array_and_date_arguments_are_checked(package: ModuleType) -> None:
    seen: list[httpx.Request] = []
    with _client(package, _always({"Success": True}), seen) as client:
        client.shelves.update_shelf(type_="Middle", statuses=("Active",))
        for bad in ("Active", b"Active", [None], {"Active": 1}, 3):
            with pytest.raises(package.InvalidArgumentError, match="statuses"):
                client.shelves.update_shelf(type_="Middle", statuses=bad)
        with pytest.raises(package.InvalidArgumentError, match="since"):
            client.shelves.update_shelf(type_="Middle", since=datetime.datetime(2014, 8, 9, 12, 0))
        with pytest.raises(package.InvalidArgumentError, match="until"):
            client.shelves.update_shelf(type_="Middle", until=datetime.date(2014, 8, 9))
    assert [json.loads(request.content) for request in seen] == [{"Statuses": ["Active"]}]


# ---- list models ---------------------------------------------------------------------------------------


def test_list_answer_is_a_typed_list_read_leniently(
    package: ModuleType, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger=PACKAGE)
    seen: list[httpx.Request] = []
    items = [_item(1), _item(2, Amount="a lot", Extra=True), _item(3, Amount="<big>")]
    answer = json.dumps({"Success": True, "Message": None, "Model": items}).replace(
        '"<big>"', "12345678901234567.89"
    )
    with _client(package, lambda request: httpx.Response(200, content=answer.encode()), seen) as client:
        found = client.shelves.list_items(day=datetime.date(2014, 8, 9))
    assert json.loads(seen[0].content) == {"Day": "2014-08-09"}
    assert type(found) is list and [type(item).__name__ for item in found] == ["Subscription"] * 3
    assert [item.id for item in found] == ["sc_1", "sc_2", "sc_3"]
    assert found[0].amount == Decimal("1.5") and isinstance(found[0].amount, Decimal)
    assert found[1].amount is None and found[1].raw["Amount"] == "a lot"
    assert found[1].additional_properties == {"Extra": True}
    assert found[2].amount == Decimal("12345678901234567.89")
    assert sum("Subscription.Amount" in record.getMessage() for record in caplog.records) == 1


def test_the_list_envelope_reads_its_items(package: ModuleType) -> None:
    models = importlib.import_module(f"{PACKAGE}.models")
    envelope = models.ItemListResponse.from_dict({"Success": True, "Model": [_item(1), {"Status": "Active"}]})
    assert [item.id for item in envelope.model] == ["sc_1"]  # an unreadable item is data: logged, left out
    assert envelope.raw["Model"][1] == {"Status": "Active"}
    assert models.ItemListResponse.from_dict({"Success": True}).model is None
    hints = inspect.get_annotations(models.ItemListResponse.model.fget)
    assert hints["return"] == "list[Subscription] | None"


@pytest.mark.parametrize(
    "answer", [{"Success": True, "Model": None}, {"Success": True}, {"Success": True, "Model": []}]
)
def test_a_null_or_absent_list_is_empty(package: ModuleType, answer: dict[str, Any]) -> None:
    with _client(package, _always(answer), []) as client:
        assert client.shelves.list_items(day="2014-08-09") == []


def test_success_false_is_the_usual_error(package: ModuleType) -> None:
    answer = {"Success": False, "Message": "Not found"}
    with _client(package, _always(answer), []) as client, pytest.raises(package.BadRequestError) as caught:
        client.shelves.list_items(day="2014-08-09")
    assert caught.value.message == "Not found" and caught.value.operation == "listItems"


@pytest.mark.parametrize(
    ("model", "field"),
    [
        ([_item(1), {"Status": "Active"}], "Model[1].Id"),
        ([_item(1), _item(2, Status=5)], "Model[1].Status"),
        ([_item(1), "sc_2"], "Model[1]"),
        ({"Id": "sc_1", "Status": "Active"}, "Model"),
    ],
)
def test_an_unreadable_item_of_a_success_says_so(package: ModuleType, model: Any, field: str) -> None:
    answer = {"Success": True, "Model": model}
    with (
        _client(package, _always(answer), []) as client,
        pytest.raises(package.SucceededUnreadableError) as caught,
    ):
        client.shelves.list_items(day="2014-08-09")
    assert caught.value.field == field and caught.value.succeeded


# ---- page iterators ------------------------------------------------------------------------------------


def _pages(*sizes: int) -> Handler:
    """Answers page N (PageNumber of the request) with sizes[N-1] items; numbering continues across pages."""

    def handle(request: httpx.Request) -> httpx.Response:
        page = json.loads(request.content)["PageNumber"]
        size = sizes[page - 1] if page <= len(sizes) else 0
        start = sum(sizes[: page - 1])
        return httpx.Response(200, json={"Success": True, "Model": [_item(start + n) for n in range(size)]})

    return handle


def _walk_sent(seen: list[httpx.Request]) -> list[dict[str, Any]]:
    return [json.loads(request.content) for request in seen]


def test_iterator_walks_the_pages_until_a_short_one(package: ModuleType) -> None:
    seen: list[httpx.Request] = []
    since = datetime.datetime(2021, 3, 9, tzinfo=datetime.UTC)
    with _client(package, _pages(PAGE_SIZE, PAGE_SIZE, 7), seen) as client:
        walk = client.shelves.iter_list_items_v2(from_=since, statuses=["Active"])
        assert seen == []  # nothing is sent before the first item is asked for
        items = list(walk)
    assert len(items) == 207 and len(seen) == 3
    assert [item.id for item in items] == [f"sc_{n}" for n in range(207)]
    assert all(type(item).__name__ == "Subscription" for item in items)
    assert _walk_sent(seen) == [
        {"PageNumber": page, "From": "2021-03-09T00:00:00+00:00", "Statuses": ["Active"]}
        for page in (1, 2, 3)
    ]


def test_iterator_stops_on_an_empty_page(package: ModuleType) -> None:
    seen: list[httpx.Request] = []
    with _client(package, _pages(0), seen) as client:
        assert list(client.shelves.iter_list_items_v2(from_="2021-03-09T00:00:00+03:00")) == []
    assert _walk_sent(seen) == [{"PageNumber": 1, "From": "2021-03-09T00:00:00+03:00"}]
    seen.clear()
    with _client(package, _pages(PAGE_SIZE, 0), seen) as client:
        assert len(list(client.shelves.iter_list_items_v2(from_="x"))) == PAGE_SIZE
    assert [body["PageNumber"] for body in _walk_sent(seen)] == [1, 2]


def test_iterator_raises_the_error_of_a_failed_page(package: ModuleType) -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        if json.loads(request.content)["PageNumber"] == 1:
            return httpx.Response(200, json={"Success": True, "Model": [_item(n) for n in range(PAGE_SIZE)]})
        return httpx.Response(200, json={"Success": False, "Message": "Too far"})

    seen: list[httpx.Request] = []
    got: list[Any] = []
    with _client(package, handle, seen) as client, pytest.raises(package.BadRequestError, match="Too far"):
        for item in client.shelves.iter_list_items_v2(from_="x", timeout=5, max_retries=0):
            got.append(item)
    assert len(got) == PAGE_SIZE and len(seen) == 2


async def test_async_iterator_walks_the_pages(package: ModuleType) -> None:
    seen: list[httpx.Request] = []
    async with _client(package, _pages(PAGE_SIZE, PAGE_SIZE, 7), seen, async_=True) as client:
        items = [item async for item in client.shelves.iter_list_items_v2(from_="2021-03-09T00:00:00+03:00")]
    assert len(items) == 207 and len(seen) == 3
    assert [body["PageNumber"] for body in _walk_sent(seen)] == [1, 2, 3]
    assert items[-1].id == "sc_206"
    seen.clear()
    async with _client(package, _pages(0), seen, async_=True) as client:
        assert [item async for item in client.shelves.iter_list_items_v2(from_="x")] == []
    assert len(seen) == 1


# ---- what the templates refuse --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "message"),
    [
        # a paged operation must answer an array and number its pages with a required integer field
        (
            lambda spec: spec["paths"]["/items/list"]["post"].update(
                {"x-pagination": {"parameter": "Day", "pageSize": 9}}
            ),
            r"ruff failed[\s\S]*list_items\.py",
        ),
        (
            lambda spec: spec["paths"]["/v2/items/list"]["post"].update(
                {"x-pagination": {"parameter": "PageNumber"}}
            ),
            "x-pagination needs",
        ),
        # query and cookie parameters stay refused
        (
            lambda spec: spec["paths"]["/shelves/{Type}/get"]["post"]["parameters"].append(
                {"name": "c", "in": "cookie", "schema": {"type": "string"}}
            ),
            r"ruff failed[\s\S]*get_shelf\.py",
        ),
    ],
)
def test_what_cannot_be_sent_fails_the_generation(tmp_path: Path, change: Any, message: str) -> None:
    spec = json.loads(json.dumps(LIST_SPEC))
    change(spec)
    with pytest.raises(GenerationError, match=message):
        generate(tmp_path / "client", write_spec(tmp_path, spec))
