"""Fixtures of the mock's tests: a fresh app per test, a client talking to it in process."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from starlette.applications import Starlette

from contract_tests.mock.helpers import AUTH, BASE_URL
from mock_server import create_app
from spec_tools import default_spec_path


@pytest.fixture
def mock_app() -> Iterator[Starlette]:
    # Every answer is checked against the spec inside the app; any mismatch or crash is recorded there.
    app = create_app(spec_path=default_spec_path(), validate_responses=True)
    yield app
    assert app.state.api.internal_errors == []


@pytest.fixture
async def api(mock_app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=mock_app)
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL, auth=AUTH) as client:
        yield client
