"""The mock's Starlette app: API routes built from the spec's paths, plus the ACS, invoice and status
pages."""

from __future__ import annotations

import base64
import binascii
import json
import logging
import secrets
import traceback
from pathlib import Path
from typing import Final
from urllib.parse import parse_qsl

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import BaseRoute, Route
from starlette.types import ASGIApp, Receive, Scope, Send

from mock_server import pages
from mock_server.cryptogram import luhn_valid
from mock_server.envelopes import Envelope, RequestContext, fail
from mock_server.operations import Operations
from mock_server.parsing import RequestParser, RequestRejectedError
from mock_server.spec import DEFAULT_SPEC_PATH, ApiSpec, Operation
from mock_server.statuses import OrderStatus, TransactionStatus
from mock_server.store import Store
from mock_server.values import money
from spec_tools import REQUEST_ID_HEADER

DEFAULT_PUBLIC_ID: Final = "test_api_00000000000000000000001"
# The mock's own made-up test secret (documented in mock_server/README.md), never a real one.
DEFAULT_API_SECRET: Final = "mock_api_secret_for_local_tests_only"
DEFAULT_DOCS_PATH: Final = Path(__file__).resolve().parent.parent / "docs" / "index.html"
log = logging.getLogger("mock_server")


class ConcurrencyCap:
    """Answer 429 (empty body, Retry-After: 1) while more than `limit` requests are in flight."""

    def __init__(self, app: ASGIApp, limit: int | None) -> None:
        self.app = app
        self.limit = limit
        self.in_flight = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.limit is None:
            await self.app(scope, receive, send)
            return
        if self.in_flight >= self.limit:
            await Response(status_code=429, headers={"Retry-After": "1"})(scope, receive, send)
            return
        self.in_flight += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.in_flight -= 1


class MockApi:
    """Request handling shared by the routes: auth, parsing, validation, idempotency, dispatch."""

    def __init__(
        self, spec: ApiSpec, store: Store, public_id: str, api_secret: str, validate_responses: bool
    ) -> None:
        self.spec = spec
        self.parser = RequestParser(spec)
        self.store = store
        self.public_id = public_id
        self._secret = api_secret.encode("utf-8")
        self.operations = Operations(spec, store, public_id)
        self.validate_responses = validate_responses
        self.internal_errors: list[str] = []
        self._has_model = {path: spec.declares_model(path) for path in spec.operations}

    def authorized(self, request: Request) -> bool:
        scheme, _, encoded = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "basic":
            return False
        try:
            decoded = base64.b64decode(encoded.strip(), validate=True)
        except (binascii.Error, ValueError):
            return False
        user, sep, password = decoded.partition(b":")
        # Both comparisons always run, so timing does not tell which half was wrong.
        user_ok = secrets.compare_digest(user, self.public_id.encode("utf-8"))
        password_ok = secrets.compare_digest(password, self._secret)
        return bool(sep) and user_ok and password_ok

    @staticmethod
    def context(request: Request) -> RequestContext:
        host = request.client.host if request.client is not None else "127.0.0.1"
        return RequestContext(base_url=str(request.base_url).rstrip("/"), client_ip=host)

    def shape(self, path: str, envelope: Envelope) -> Envelope:
        """Model is part of the envelope exactly when the operation's response schema declares it."""
        if self._has_model.get(path):
            envelope.setdefault("Model", None)
        elif envelope.get("Model") is None:
            envelope.pop("Model", None)
        return envelope

    async def handle(self, request: Request, operation: Operation) -> Response:
        if not self.authorized(request):
            return Response(status_code=401)
        try:
            raw = await request.body()
            envelope = self._process(operation, request, raw)
        except Exception as exc:  # last resort: log it, answer like the API, never a 500
            self.internal_errors.append(f"{operation.path}: {exc!r}")
            log.error("internal error on %s:\n%s", operation.path, traceback.format_exc())
            envelope = self.shape(operation.path, fail("The request could not be processed"))
        return JSONResponse(envelope)

    def _process(self, operation: Operation, request: Request, raw: bytes) -> Envelope:
        path = operation.path
        request_id = request.headers.get(REQUEST_ID_HEADER) if operation.takes_request_id else None
        if request_id is not None:
            try:
                self.parser.check_request_id(path, request_id)
            except RequestRejectedError as exc:
                return self.shape(path, fail(exc.message))
            stored = self.store.stored_answer(request_id)
            if stored is not None:
                return stored.body
        try:
            params = self.parser.parse(operation, request.headers.get("content-type", ""), raw)
        except RequestRejectedError as exc:
            return self.shape(path, fail(exc.message))
        handler = self.operations.handlers.get(operation.operation_id)
        if handler is None:
            return self.shape(path, fail(f"{operation.operation_id} is not emulated by the mock"))
        ctx = self.context(request)
        with self.store.lock:
            if request_id is not None:
                stored = self.store.stored_answer(request_id)  # a twin may have finished meanwhile
                if stored is not None:
                    return stored.body
            envelope = self.shape(path, handler(params, ctx))
            if self.validate_responses:
                errors = self.spec.response_errors(path, envelope)
                if errors:
                    raise AssertionError(f"response does not match the spec: {errors[:3]}")
            if request_id is not None:
                # Only processed requests are remembered: a rejected one can be corrected and resent.
                self.store.store_answer(request_id, 200, envelope)
            return envelope


async def _form(request: Request) -> dict[str, str]:
    raw = await request.body()
    try:
        return dict(parse_qsl(raw.decode("utf-8"), keep_blank_values=True, max_num_fields=100))
    except (UnicodeDecodeError, ValueError):
        return {}


def _html(text: str, status_code: int = 200) -> HTMLResponse:
    return HTMLResponse(text, status_code=status_code)


def create_app(
    public_id: str = DEFAULT_PUBLIC_ID,
    api_secret: str = DEFAULT_API_SECRET,
    spec_path: str | Path = DEFAULT_SPEC_PATH,
    max_concurrency: int | None = None,
    *,
    docs_path: str | Path = DEFAULT_DOCS_PATH,
    validate_responses: bool = False,
) -> Starlette:
    """A fresh mock with its own empty state. `app.state.store.reset()` empties it again."""
    if max_concurrency is not None and max_concurrency < 1:
        raise ValueError("max_concurrency must be at least 1")
    spec = ApiSpec.load(spec_path)
    store = Store()
    api = MockApi(spec, store, public_id, api_secret, validate_responses)
    operations = api.operations
    docs_file = Path(docs_path)

    def api_route(operation: Operation) -> Route:
        async def endpoint(request: Request) -> Response:
            return await api.handle(request, operation)

        return Route(operation.path, endpoint, methods=["POST"], name=operation.operation_id)

    async def status(request: Request) -> Response:
        base_url = str(request.base_url).rstrip("/")
        return _html(pages.status_page(spec.operations.values(), store.counts(), public_id, base_url))

    async def openapi_yaml(request: Request) -> Response:
        return Response(spec.text, media_type="application/yaml; charset=utf-8")

    async def openapi_json(request: Request) -> Response:
        return Response(
            json.dumps(spec.document, ensure_ascii=False, indent=2), media_type="application/json"
        )

    async def docs(request: Request) -> Response:
        if docs_file.is_file():
            return FileResponse(docs_file, media_type="text/html")
        return _html(pages.docs_missing(), 404)

    async def reset(request: Request) -> Response:
        if not api.authorized(request):
            return Response(status_code=401)
        store.reset()
        return JSONResponse({"Success": True, "Message": None})

    async def acs(request: Request) -> Response:
        form = await _form(request)
        md, pa_req, term_url = form.get("MD", ""), form.get("PaReq", ""), form.get("TermUrl", "")
        error = _acs_error(md, pa_req, term_url)
        if error is not None:
            return _html(pages.message_page("3-D Secure authentication", error), 400)
        record = store.transactions[int(md)]
        card = record.card
        return _html(
            pages.acs_page(
                md=md,
                pa_req=pa_req,
                term_url=term_url,
                amount=f"{money(record.amount)}",
                currency=record.currency,
                card_mask=card.mask if card is not None else "",
                merchant=str(record.params.get("Description") or public_id),
            )
        )

    def _acs_error(md: str, pa_req: str, term_url: str) -> str | None:
        if not (md and pa_req and term_url):
            return "PaReq, MD and TermUrl are required"
        if not term_url.startswith(("http://", "https://")):
            return "TermUrl must be an http(s) address"
        with store.lock:
            record = store.transactions.get(int(md)) if md.isdigit() and len(md) < 20 else None
            if record is None or record.pa_req != pa_req:
                return "Unknown authentication request (MD and PaReq do not match a transaction)"
            if record.status is not TransactionStatus.AWAITING_AUTHENTICATION:
                return "This transaction is not awaiting authentication"
        return None

    async def acs_complete(request: Request) -> Response:
        form = await _form(request)
        md, pa_req, term_url = form.get("MD", ""), form.get("PaReq", ""), form.get("TermUrl", "")
        choice = form.get("Choice", "")
        error = _acs_error(md, pa_req, term_url) or (
            None if choice in ("success", "fail") else "Choice must be success or fail"
        )
        if error is not None:
            return _html(pages.message_page("3-D Secure authentication", error), 400)
        with store.lock:
            pares = operations.payments.issue_pares(int(md), choice == "success")
        return _html(
            pages.auto_post(
                term_url, {"MD": md, "PaRes": pares}, "Returning to the shop", "Authentication finished."
            )
        )

    def _order_html(order_id: str, message: str | None = None, success: bool = False) -> str:
        order = store.orders[order_id]
        return pages.order_page(
            order_id=order.order_id,
            number=order.number,
            description=str(order.params.get("Description") or ""),
            amount=f"{money(order.amount)}",
            currency=str(order.params["Currency"]),
            status=order.status,
            message=message,
            success=success,
        )

    async def order_view(request: Request) -> Response:
        order_id = request.path_params["order_id"]
        if order_id not in store.orders:
            return _html(pages.message_page("Invoice not found", "No invoice has this address."), 404)
        return _html(_order_html(order_id))

    async def order_pay(request: Request) -> Response:
        order_id = request.path_params["order_id"]
        if order_id not in store.orders:
            return _html(pages.message_page("Invoice not found", "No invoice has this address."), 404)
        form = await _form(request)
        number = form.get("CardNumber", "").replace(" ", "")
        month, year, cvv = (
            form.get("ExpMonth", "").strip(),
            form.get("ExpYear", "").strip(),
            form.get("Cvv", ""),
        )
        if not (13 <= len(number) <= 19 and luhn_valid(number)):
            return _html(_order_html(order_id, "Invalid card number"), 400)
        if not (month.isdigit() and 1 <= int(month) <= 12 and year.isdigit() and len(year) in (2, 4)):
            return _html(_order_html(order_id, "Invalid expiry date"), 400)
        if not (cvv.isdigit() and 3 <= len(cvv) <= 4):
            return _html(_order_html(order_id, "Invalid CVV"), 400)
        ctx = api.context(request)
        with store.lock:
            order = store.orders[order_id]
            if order.status is OrderStatus.PAID:
                return _html(_order_html(order_id, "This invoice is already paid"), 409)
            answer = operations.orders.pay(
                order, number, int(month), int(year), cvv, form.get("Name") or "CARD HOLDER", ctx
            )
        return _order_answer(order_id, answer, ctx)

    def _order_answer(order_id: str, answer: Envelope, ctx: RequestContext) -> Response:
        model = answer.get("Model")
        if answer["Success"]:
            return _html(_order_html(order_id, "Payment successful", success=True))
        if isinstance(model, dict) and "AcsUrl" in model:
            fields = {
                "PaReq": str(model["PaReq"]),
                "MD": str(model["TransactionId"]),
                "TermUrl": f"{ctx.base_url}/d/{order_id}/3ds",
            }
            return _html(
                pages.auto_post(str(model["AcsUrl"]), fields, "3-D Secure", "Redirecting to your bank.")
            )
        reason = model.get("CardHolderMessage") if isinstance(model, dict) else answer.get("Message")
        return _html(_order_html(order_id, f"Payment declined: {reason}"))

    async def order_3ds(request: Request) -> Response:
        order_id = request.path_params["order_id"]
        if order_id not in store.orders:
            return _html(pages.message_page("Invoice not found", "No invoice has this address."), 404)
        form = await _form(request)
        md = form.get("MD", "")
        if not md.isdigit() or len(md) > 19 or int(md) not in store.orders[order_id].transaction_ids:
            return _html(_order_html(order_id, "Unknown payment"), 400)
        with store.lock:
            answer = operations.payments.post3ds(
                {"TransactionId": int(md), "PaRes": form.get("PaRes", "")}, api.context(request)
            )
        return _order_answer(order_id, answer, api.context(request))

    routes: list[BaseRoute] = [api_route(op) for op in spec.operations.values()]
    routes += [
        Route("/", status, methods=["GET"]),
        Route("/openapi.yaml", openapi_yaml, methods=["GET"]),
        Route("/openapi.json", openapi_json, methods=["GET"]),
        Route("/docs", docs, methods=["GET"]),
        Route("/__mock__/reset", reset, methods=["POST"]),
        Route("/acs", acs, methods=["POST"]),
        Route("/acs/complete", acs_complete, methods=["POST"]),
        Route("/d/{order_id}", order_view, methods=["GET"]),
        Route("/d/{order_id}/pay", order_pay, methods=["POST"]),
        Route("/d/{order_id}/3ds", order_3ds, methods=["POST"]),
    ]

    async def last_resort(request: Request, exc: Exception) -> Response:
        api.internal_errors.append(f"{request.url.path}: {exc!r}")
        log.error("internal error on %s", request.url.path, exc_info=exc)
        return JSONResponse(
            {"Success": False, "Message": "The request could not be processed", "Model": None}
        )

    app = Starlette(
        routes=routes,
        middleware=[Middleware(ConcurrencyCap, limit=max_concurrency)],
        exception_handlers={Exception: last_resort},
    )
    app.state.spec = spec
    app.state.store = store
    app.state.api = api
    app.state.public_id = public_id
    return app
