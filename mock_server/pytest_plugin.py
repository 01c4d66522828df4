"""pytest plugin of the CloudPayments mock (entry point `pytest11`, loaded once the package is installed).

Fixtures: `cloudpayments_mock` (a fresh mock per test, in process: the client fixtures reach it through an
httpx transport, and a server starts on its reserved 127.0.0.1 port only when something needs one),
`cloudpayments_mock_session` (one per session), `cloudpayments_mock_factory` (a mock with `create_app`
options, e.g. `check_url`),
`cloudpayments_target` (where the client fixtures point), `cloudpayments_client` and
`cloudpayments_async_client` (from the `cloudpayments_client` package), `cloudpayments_cards` (the spec's test
cards and a cryptogram maker), `cloudpayments_3ds` (the payer's walk through the mock's 3-D Secure page) and
`cloudpayments_receiver` (a merchant endpoint that records notifications).

`--cloudpayments-live` (or `CLOUDPAYMENTS_LIVE=1`) points the client fixtures at a real test terminal named by
`CLOUDPAYMENTS_PUBLIC_ID`, `CLOUDPAYMENTS_API_SECRET` and `CLOUDPAYMENTS_BASE_URL`; what only the mock can do
(the mock itself, its 3-D Secure page, cryptograms it reads) skips there with the reason.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Any, Final, NamedTuple

import pytest

if TYPE_CHECKING:
    import httpx
    from cloudpayments_client import AsyncCloudPayments, CloudPayments

    from mock_server.testing import MockServer, NotificationReceiver
    from spec_tools import TestCard

LIVE_OPTION: Final = "--cloudpayments-live"
LIVE_ENV: Final = "CLOUDPAYMENTS_LIVE"
LIVE_SETTINGS: Final = ("CLOUDPAYMENTS_PUBLIC_ID", "CLOUDPAYMENTS_API_SECRET", "CLOUDPAYMENTS_BASE_URL")
# The public id of the plugin's mocks; each mock gets a fresh random API secret.
MOCK_PUBLIC_ID: Final = "test_api_00000000000000000000077"
MOCK_ONLY: Final = "runs against a live CloudPayments terminal ({how}): {what} needs the mock"


def _in_process() -> ModuleType:
    """The mock in process (mock_server/in_process.py), loaded only once a fixture needs it."""
    return importlib.import_module("mock_server.in_process")


def _testing() -> ModuleType:
    """The mock's test equipment (the app, uvicorn, httpx...), loaded only once a fixture needs it.

    Registering the plugin imports nothing but the standard library and pytest: a pytest start stays fast.
    """
    return importlib.import_module("mock_server.testing")


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("cloudpayments", "CloudPayments mock and client fixtures")
    group.addoption(
        LIVE_OPTION,
        action="store_true",
        default=False,
        help=f"point the client fixtures at a real test terminal ({', '.join(LIVE_SETTINGS)}); "
        f"also {LIVE_ENV}=1",
    )


def is_live(config: pytest.Config) -> bool:
    return bool(config.getoption(LIVE_OPTION)) or os.environ.get(LIVE_ENV, "").lower() in {"1", "true", "yes"}


def _live_how(config: pytest.Config) -> str:
    return LIVE_OPTION if config.getoption(LIVE_OPTION) else f"{LIVE_ENV}=1"


def pytest_configure(config: pytest.Config) -> None:
    if is_live(config):
        missing = [name for name in LIVE_SETTINGS if not os.environ.get(name)]
        if missing:
            raise pytest.UsageError(f"{_live_how(config)} needs {', '.join(missing)} in the environment")


def pytest_report_header(config: pytest.Config) -> str:
    if is_live(config):
        return f"cloudpayments: live terminal at {os.environ.get('CLOUDPAYMENTS_BASE_URL')}"
    return "cloudpayments: the mock (cloudpayments-mock) on 127.0.0.1"


def _skip_when_live(config: pytest.Config, what: str) -> None:
    if is_live(config):
        pytest.skip(MOCK_ONLY.format(how=_live_how(config), what=what))


def _checked(mock: MockServer) -> None:
    """A failure inside the mock is a failure of the test that caused it, not a quiet `Success: false`."""
    if mock.internal_errors:
        pytest.fail(f"the CloudPayments mock failed internally: {mock.internal_errors}", pytrace=False)


# ---------------------------------------------------------------------------
# The mock


MockFactory = Callable[..., "MockServer"]


@pytest.fixture
def cloudpayments_mock_factory(request: pytest.FixtureRequest) -> Iterator[MockFactory]:
    """`factory(**create_app options)` starts another fresh mock for this test (stopped after it)."""
    _skip_when_live(request.config, "cloudpayments_mock_factory")
    running: list[tuple[AbstractContextManager[MockServer], MockServer]] = []

    def start(**options: Any) -> MockServer:
        options.setdefault("public_id", MOCK_PUBLIC_ID)
        context: AbstractContextManager[MockServer] = _in_process().local_mock(**options)
        running.append((context, context.__enter__()))
        return running[-1][1]

    yield start
    for context, mock in reversed(running):
        context.__exit__(None, None, None)
        _checked(mock)


@pytest.fixture
def cloudpayments_mock(request: pytest.FixtureRequest) -> Iterator[MockServer]:
    """A fresh mock with empty state for this test, in process (`LocalMock`): the client fixtures call it
    through its transport; `base_url` (or `serve()`) starts a server on its reserved 127.0.0.1 port for what
    needs a real connection (a browser, another process)."""
    _skip_when_live(request.config, "cloudpayments_mock")
    with _in_process().local_mock(MOCK_PUBLIC_ID) as mock:
        yield mock
    _checked(mock)


@pytest.fixture(scope="session")
def cloudpayments_mock_session(request: pytest.FixtureRequest) -> Iterator[MockServer]:
    """One mock for the whole session; its state carries over from test to test unless you `reset()` it."""
    _skip_when_live(request.config, "cloudpayments_mock_session")
    with _in_process().local_mock(MOCK_PUBLIC_ID) as mock:
        yield mock
    _checked(mock)


@pytest.fixture
def cloudpayments_receiver() -> Iterator[NotificationReceiver]:
    """A merchant endpoint on a real port recording each notification; `mock.send_notifications_to(...)`."""
    with _testing().receiving_notifications() as receiver:
        yield receiver


# ---------------------------------------------------------------------------
# Where the client fixtures point, and the clients


@dataclass(frozen=True)
class Target:
    """A server the client fixtures call: this test's mock, or the live terminal."""

    base_url: str
    public_id: str
    api_secret: str
    live: bool
    mock: MockServer | None
    # How the client fixtures reach an in-process mock (sync and async httpx transport); None: the network.
    transport: Any = None

    def __repr__(self) -> str:  # never the secret
        return f"Target(base_url={self.base_url!r}, public_id={self.public_id!r}, live={self.live})"


@pytest.fixture
def cloudpayments_target(request: pytest.FixtureRequest) -> Target:
    """This test's `cloudpayments_mock`, or with `--cloudpayments-live` the terminal of the environment."""
    if is_live(request.config):
        public_id, api_secret, base_url = (os.environ[name] for name in LIVE_SETTINGS)
        return Target(base_url.rstrip("/"), public_id, api_secret, live=True, mock=None)
    mock: MockServer = request.getfixturevalue("cloudpayments_mock")
    transport = getattr(mock, "transport", None)
    address = str(getattr(mock, "address", "")) or mock.base_url  # an in-process mock: no server started
    return Target(address, mock.public_id, mock.api_secret, live=False, mock=mock, transport=transport)


def _client_package() -> Any:
    try:
        import cloudpayments_client
    except ImportError as missing:
        pytest.fail(
            "the cloudpayments_client fixtures need the client package: pip install cloudpayments-client "
            f"(the wheel built from this project's generated_client/); import failed: {missing}",
            pytrace=False,
        )
    return cloudpayments_client


@pytest.fixture
def cloudpayments_client(cloudpayments_target: Target) -> Iterator[CloudPayments]:
    """A ready `cloudpayments_client.CloudPayments` for the target, closed after the test."""
    package = _client_package()
    target = cloudpayments_target
    client: CloudPayments = package.CloudPayments(
        target.public_id, target.api_secret, base_url=target.base_url, transport=target.transport
    )
    with client:
        yield client


@pytest.fixture
def cloudpayments_async_client(cloudpayments_target: Target) -> Iterator[AsyncCloudPayments]:
    """A ready `AsyncCloudPayments` for the target, for coroutines the test runs on any event loop.

    It keeps no connection alive between calls, so it belongs to no loop and is closed after the test.
    """
    package = _client_package()
    import httpx

    target = cloudpayments_target
    transport = target.transport or httpx.AsyncHTTPTransport(limits=httpx.Limits(max_keepalive_connections=0))
    client: AsyncCloudPayments = package.AsyncCloudPayments(
        target.public_id, target.api_secret, base_url=target.base_url, transport=transport
    )
    yield client
    import asyncio

    asyncio.run(client.aclose())


# ---------------------------------------------------------------------------
# Cards and 3-D Secure


@dataclass(frozen=True)
class CardTable:
    """The spec's test cards (info.x-test-cards) by what a payment with them does, and their cryptograms."""

    approved: str  # approved without 3-D Secure, by cryptogram and by token
    three_ds: str  # 3-D Secure asked, then approved
    declined: str  # declined 5051 (insufficient funds) without 3-D Secure
    token_declined: str  # approved by cryptogram, declined 5051 by token
    other: str  # outside the table: the mock approves it without 3-D Secure
    exp_month: int
    exp_year: int
    all: tuple[TestCard, ...]
    live: bool

    def cryptogram(self, card_number: str, **options: Any) -> str:
        """A `CardCryptogramPacket` the mock reads (options: exp_month, exp_year, cvv, fmt)."""
        if self.live:
            pytest.skip(
                "runs against a live CloudPayments terminal: a cryptogram it reads is made by the "
                "CloudPayments checkout script in a browser, not by the mock's maker"
            )
        made: str = _testing().packet(card_number, **options)
        return made


@pytest.fixture(scope="session")
def cloudpayments_cards(request: pytest.FixtureRequest) -> CardTable:
    testing = _testing()
    return CardTable(
        approved=testing.approving_card(),
        three_ds=testing.three_ds_card(),
        declined=testing.declining_card(),
        token_declined=testing.token_declining_card(),
        other=testing.OTHER_CARD,
        exp_month=testing.EXP_MONTH,
        exp_year=testing.EXP_YEAR,
        all=testing.test_cards(),
        live=is_live(request.config),
    )


class AcsAnswer(NamedTuple):
    """What the ACS posts back to TermUrl: `md` (the transaction id) and `pa_res` (for post3ds)."""

    md: str
    pa_res: str


class ThreeDSecureWalk:
    """The payer on the mock's ACS page: `walk(challenge)` -> AcsAnswer(md, pa_res) for `payments.post3ds`.

    `challenge` is the client's `ThreeDSecureRequired` (or anything with `acs_url`, `pa_req` and `md`).
    """

    def walk(
        self,
        challenge: Any,
        *,
        success: bool = True,
        term_url: str | None = None,
        client: httpx.Client | None = None,
    ) -> AcsAnswer:
        """Confirm (or with `success=False` decline) on the ACS page; no merchant credentials are sent.

        `term_url` defaults to the equipment's merchant return page (`mock_server.testing.TERM_URL`).
        """
        testing = _testing()
        md, pa_res = testing.pass_3ds(
            str(challenge.acs_url),
            str(challenge.pa_req),
            str(challenge.md),
            term_url or testing.TERM_URL,
            success=success,
            client=client,
        )
        return AcsAnswer(md, pa_res)

    __call__ = walk

    async def walk_async(
        self, challenge: Any, *, success: bool = True, term_url: str | None = None
    ) -> AcsAnswer:
        """The same walk without blocking the running event loop."""
        import asyncio

        return await asyncio.to_thread(self.walk, challenge, success=success, term_url=term_url)


@pytest.fixture
def cloudpayments_3ds(request: pytest.FixtureRequest) -> ThreeDSecureWalk:
    _skip_when_live(request.config, "the 3-D Secure walk (a live terminal's ACS is the issuer's page)")
    return ThreeDSecureWalk()
