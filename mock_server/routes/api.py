"""The API's routes, one per path of the spec: Basic auth, parsing, idempotency by X-Request-ID, dispatch to
the operation, the concurrency cap, and the last-resort answer when the mock itself fails."""

from __future__ import annotations

import base64
import binascii
import functools
import logging
import secrets
import traceback

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from mock_server.envelopes import Envelope, fail
from mock_server.operations import Operations
from mock_server.parsing import RequestParser, RequestRejectedError
from mock_server.routes.forms import request_context
from mock_server.spec import ApiSpec, Operation
from mock_server.store import Store
from spec_tools import REQUEST_ID_HEADER

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


class ApiRoutes:
    """Request handling of every API path. `internal_errors` records each failure of the mock itself."""

    def __init__(
        self,
        spec: ApiSpec,
        store: Store,
        operations: Operations,
        public_id: str,
        api_secret: str,
        validate_responses: bool,
    ) -> None:
        self.spec = spec
        self.parser = RequestParser(spec)
        self.store = store
        self.operations = operations
        self.public_id = public_id
        self._secret = api_secret.encode("utf-8")
        self.validate_responses = validate_responses
        self.internal_errors: list[str] = []
        self._has_model = {path: spec.declares_model(path) for path in spec.operations}

    def routes(self) -> list[Route]:
        routes = [
            Route(
                op.path, functools.partial(self.handle, operation=op), methods=["POST"], name=op.operation_id
            )
            for op in self.spec.operations.values()
        ]
        return [*routes, Route("/__mock__/reset", self.reset, methods=["POST"])]

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

    async def reset(self, request: Request) -> Response:
        if not self.authorized(request):
            return Response(status_code=401)
        self.store.reset()
        return JSONResponse({"Success": True, "Message": None})

    async def last_resort(self, request: Request, exc: Exception) -> Response:
        """A failure outside an operation (a page, the router): recorded, answered like the API."""
        self.internal_errors.append(f"{request.url.path}: {exc!r}")
        log.error("internal error on %s", request.url.path, exc_info=exc)
        return JSONResponse(
            {"Success": False, "Message": "The request could not be processed", "Model": None}
        )

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
        ctx = request_context(request)
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
