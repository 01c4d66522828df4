"""`create_app`: the mock assembled from its parts (the spec's index, the store, the resources' operations
and the routes)."""

from __future__ import annotations

from pathlib import Path

import httpx
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import BaseRoute

import spec_tools
from mock_server.bodies import (
    DEFAULT_BODY_TIMEOUT_SECONDS,
    DEFAULT_MAX_BODY_BYTES,
    BodyLimits,
    BodyRefusedError,
    ClientGoneError,
)
from mock_server.defaults import (
    DEFAULT_API_SECRET,
    DEFAULT_DOCS_PATH,
    DEFAULT_INN,
    DEFAULT_PUBLIC_ID,
    DEFAULT_SPEC_PATH,
)
from mock_server.operations import Operations
from mock_server.resources.qr_payments import DEFAULT_WAIT_SECONDS
from mock_server.resources.receipts import (
    DEFAULT_MAX_RECEIPTS,
    DEFAULT_RECEIPT_SECONDS,
    inn_refusal,
    receipt_seconds_refusal,
)
from mock_server.routes.acs import AcsPages
from mock_server.routes.api import ApiDispatch, ApiRoutes, ConcurrencyCap
from mock_server.routes.dolyami import DolyamiPages
from mock_server.routes.forms import body_refused, client_gone
from mock_server.routes.invoices import InvoicePages
from mock_server.routes.qr_pages import QrPages
from mock_server.routes.site import SitePages
from mock_server.spec import ApiSpec
from mock_server.store import DEFAULT_MAX_STORED_ANSWERS, Clock, Store
from mock_server.webhooks.check import check_address
from mock_server.webhooks.delivery import DeliveryLimits, DeliveryQueue, RetrySchedule
from mock_server.webhooks.notifier import Notifier
from mock_server.webhooks.records import DeliveryLog

__all__ = ["DEFAULT_API_SECRET", "DEFAULT_PUBLIC_ID", "create_app"]


def create_app(
    public_id: str = DEFAULT_PUBLIC_ID,
    api_secret: str = DEFAULT_API_SECRET,
    spec_path: str | Path = DEFAULT_SPEC_PATH,
    max_concurrency: int | None = None,
    *,
    docs_path: str | Path = DEFAULT_DOCS_PATH,
    validate_responses: bool = False,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    body_timeout: float = DEFAULT_BODY_TIMEOUT_SECONDS,
    clock: Clock | None = None,
    max_stored_answers: int = DEFAULT_MAX_STORED_ANSWERS,
    check_url: str | None = None,
    notification_schedule: RetrySchedule | None = None,
    notification_transport: httpx.AsyncBaseTransport | None = None,
    notification_limits: DeliveryLimits | None = None,
    strict: bool = False,
    qr_wait_seconds: float = DEFAULT_WAIT_SECONDS,
    inn: str = DEFAULT_INN,
    receipt_seconds: float = DEFAULT_RECEIPT_SECONDS,
    max_receipts: int = DEFAULT_MAX_RECEIPTS,
) -> Starlette:
    """A fresh mock with its own empty state. `app.state.store.reset()` empties it again.

    `max_body_bytes` and `body_timeout` bound each request body (mock_server/bodies.py); `clock` (monotonic
    seconds) decides when answers stored for X-Request-ID expire, for tests that move time;
    `max_stored_answers` caps how many are kept (beyond it the oldest is dropped, and the drop logged).

    Notifications (mock_server/webhooks): `check_url` is where the Check is sent before each card or token
    payment (none without it; an absolute http(s) URL, else ValueError); `notification_schedule` the
    retries' delays, attempts and timeout; `notification_limits` the queue's bounds (pending deliveries,
    attempts at once, bytes of an answer, deliveries kept in the log); `notification_transport` an httpx
    transport in place of the network (tests). What was sent: `app.state.notifications.log`.

    `strict` refuses a request without a parameter the reference requires but real clients omit (the
    spec's `x-tolerated-absent`, e.g. `TrInitiatorCode` of token payments); by default its absence is taken
    and logged at WARNING on the `mock_server.requests` logger.

    Receipts (mock_server/resources/receipts.py): `inn` is the company INN the terminal's cash register is
    registered to (10 or 12 digits, else ValueError); a receipt stays `Queued` for `receipt_seconds` of
    `clock` before it is fiscalised; at most `max_receipts` are kept.

    `qr_wait_seconds` is how long `/payments/qr/status/wait` holds a request at most; `clock` also decides
    when QR and link payments expire (`TtlMinutes`).
    """
    if max_concurrency is not None and max_concurrency < 1:
        raise ValueError("max_concurrency must be at least 1")
    if check_url is not None:
        check_address(check_url)
    for refusal in (inn_refusal(inn), receipt_seconds_refusal(receipt_seconds)):
        if refusal is not None:
            raise ValueError(refusal)
    if max_receipts < 1:
        raise ValueError("max_receipts must be at least 1")
    delivery_limits = notification_limits or DeliveryLimits()
    spec = ApiSpec.load(spec_path)
    store = Store(clock, max_answers=max_stored_answers)
    limits = BodyLimits(max_body_bytes, body_timeout)
    operations = Operations(
        spec,
        store,
        public_id,
        qr_wait_seconds,
        inn=inn,
        receipt_seconds=receipt_seconds,
        max_receipts=max_receipts,
    )
    notifications = DeliveryQueue(
        DeliveryLog(delivery_limits.kept), notification_schedule, notification_transport, delivery_limits
    )
    notifier = Notifier(
        api_secret,
        notifications,
        reason=operations.payments.vocabulary.reason,
        check_url=check_url,
        check_answers=spec_tools.check_answer_reason_codes(spec.document),
        check_timeout=notifications.schedule.timeout,
    )
    notifier.settings = operations.notifications.settings_for
    before = notifier.connect(
        operations.events, operations.payments.transaction, operations.check_candidates(), store.lock
    )
    api = ApiRoutes(
        spec,
        store,
        operations,
        public_id,
        api_secret,
        validate_responses,
        limits,
        before={**before, **operations.qr.before_steps()},
        notifications=notifications,
        strict=strict,
    )
    routes: list[BaseRoute] = [
        *api.routes(),
        *SitePages(spec, store, public_id, Path(docs_path)).routes(),
        *AcsPages(store, operations.payments, public_id, limits).routes(),
        *InvoicePages(store, operations.orders, operations.payments, limits).routes(),
        *QrPages(store, operations.qr, public_id, limits).routes(),
        *DolyamiPages(store, operations.dolyami, public_id, limits).routes(),
    ]
    app = Starlette(
        routes=routes,
        middleware=[Middleware(ConcurrencyCap, limit=max_concurrency), Middleware(ApiDispatch, api=api)],
        exception_handlers={
            BodyRefusedError: body_refused,
            ClientGoneError: client_gone,
            Exception: api.last_resort,
        },
    )
    app.state.spec = spec
    app.state.store = store
    app.state.api = api
    app.state.faults = api.faults
    app.state.public_id = public_id
    app.state.inn = inn
    app.state.notifier = notifier
    app.state.notifications = notifications
    return app
