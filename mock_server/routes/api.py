"""The API's routes, one per path of the spec: Basic auth, parsing, idempotency by X-Request-ID, dispatch to
the operation, the concurrency cap, and the last-resort answer when the mock itself fails."""

from __future__ import annotations

import asyncio
import base64
import binascii
import concurrent.futures
import dataclasses
import functools
import hashlib
import json
import logging
import secrets
import traceback
from collections.abc import Mapping
from decimal import Context, Decimal
from typing import Any, Final

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from mock_server.bodies import BodyLimits, BodyRefusedError, ClientGoneError, read_body
from mock_server.cryptogram import InvalidPacketError, parse_packet
from mock_server.envelopes import BeforeStep, Envelope, RequestContext, fail
from mock_server.faults import RETRY_AFTER_SECONDS, DroppedAnswer, Fault, FaultRefusedError, Faults
from mock_server.operations import Operations
from mock_server.parsing import RequestParser, RequestRejectedError
from mock_server.resources.chargebacks import CONTROL_PATH as CHARGEBACKS_PATH
from mock_server.routes.forms import request_context
from mock_server.spec import ApiSpec, Operation
from mock_server.store import AnswerKey, Fingerprint, Store, StoredAnswer
from mock_server.webhooks.delivery import DeliveryQueue
from spec_tools import REQUEST_ID_HEADER

log = logging.getLogger("mock_server")

JSON_MEDIA_TYPE: Final = "application/json"
_NEW_KEY: Final = f"send a new {REQUEST_ID_HEADER} for a new request"
# The answer of an operation that was under way when the mock was reset: it commits nothing.
RESET_DURING_REQUEST: Final = "the mock was reset while this request was being processed; nothing was done"
# What json.dumps builds on each call with these options, built once (encoders keep no state between calls).
_ANSWER_ENCODER: Final = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def encode(envelope: Envelope) -> bytes:
    """The answer's bytes, as Starlette's JSONResponse writes them; raises when it cannot be encoded."""
    text = _ANSWER_ENCODER.encode(envelope)
    return text.encode("utf-8")


def fingerprint(path: str, params: dict[str, Any]) -> Fingerprint:
    """The request as the API sees it: its canonical parameters (spelling, encoding and number form aside).

    A cryptogram counts by the card it names: a checkout script makes a new one for each attempt at the
    same payment.
    """
    canonical = _canonical(params)
    packet = params.get("CardCryptogramPacket")
    if isinstance(packet, str):
        try:
            info = parse_packet(packet)
            canonical["CardCryptogramPacket"] = f"card {info.first_six}/{info.last_four} {info.exp_date}"
        except InvalidPacketError:
            pass
    # The repr of sorted pairs, tuples and lists is one text per request (types included: a number's repr is
    # Decimal('1'), never the text '1') and costs far less than JSON with sorted keys; non-ASCII text is
    # escaped by the encoding.
    text = repr(tuple(sorted(canonical.items())))
    return Fingerprint(path, hashlib.sha256(text.encode("utf-8", "backslashreplace")).hexdigest())


def _canonical(value: Any) -> Any:
    """Objects as dicts of canonical values at the top, sorted pairs below (a repr names their order).
    Numbers become Decimals, so `1` and `"1"` (in JsonData, whose types no schema fixes) differ."""
    kind = type(value)
    if kind is str or value is None or kind is bool:
        return value
    if kind is int:
        return Decimal(value).normalize(_NUMBERS)  # as the float form below gives it: 10 is 10.0
    if isinstance(value, bool | str):
        return value
    if isinstance(value, Decimal):
        return value.normalize(_NUMBERS)  # an amount's text ("10.50") is the amount 10.5
    if isinstance(value, int | float):
        return Decimal(repr(value)).normalize(_NUMBERS)  # 10, 10.0 and 1e1 are one amount
    if isinstance(value, dict):
        # Text is its own canonical form: most values are, so they skip the call.
        return {str(key): item if type(item) is str else _nested(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_nested(item) for item in value]
    return repr(value)


def _nested(value: Any) -> Any:
    canonical = _canonical(value)
    return tuple(sorted(canonical.items())) if isinstance(canonical, dict) else canonical


def _with_query_public_id(params: dict[str, Any], request: Request, authenticated: bool) -> dict[str, Any]:
    """A request without Basic auth may name the terminal by `publicId` in the query string instead of
    `PublicId` in the body, as the official Android SDK does (the spec's Authentication section)."""
    query = request.query_params.get("publicId")
    if authenticated or query is None or params.get("PublicId") is not None:
        return params
    return {**params, "PublicId": query}


def _context(request: Request, authenticated: bool) -> RequestContext:
    ctx = request_context(request)
    return ctx if authenticated else dataclasses.replace(ctx, authenticated=False)


async def _client_gone(request: Request) -> None:
    """Returns once the client has closed the connection (its body, unread, is let go)."""
    while (await request.receive())["type"] != "http.disconnect":
        pass


# Exact for every number a request holds (int64, a double's 17 digits), whatever the thread's context.
_NUMBERS: Final = Context(prec=40)


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


class ApiDispatch:
    """POSTs to the API's fixed paths go straight to their operation, past Starlette's router and its
    per-request wrappers (a tenth of a charge's CPU); everything else (pages, `{Type}` paths, other methods)
    goes on to the router. Failures are answered as the router's exception handler answers them."""

    def __init__(self, app: ASGIApp, api: ApiRoutes) -> None:
        self.app = app
        self.api = api
        self.fixed = {op.path: op for op in api.spec.operations.values() if not op.path_parameters}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        operation = (
            self.fixed.get(scope["path"])
            if scope["type"] == "http" and scope["method"] == "POST" and not scope.get("root_path")
            else None
        )
        if operation is None:
            await self.app(scope, receive, send)
            return
        request = Request(scope, receive, send)
        try:
            response = await self.api.handle(request, operation)
        except Exception as exc:
            response = await self.api.last_resort(request, exc)
        await response(scope, receive, send)


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
        limits: BodyLimits | None = None,
        *,
        before: Mapping[str, BeforeStep] | None = None,
        notifications: DeliveryQueue | None = None,
        strict: bool = False,
    ) -> None:
        self.spec = spec
        self.parser = RequestParser(spec, strict=strict)
        self.store = store
        self.operations = operations
        self.public_id = public_id
        self._secret = api_secret.encode("utf-8")
        self._expected_authorization = b"Basic " + base64.b64encode(
            public_id.encode("utf-8") + b":" + self._secret
        )
        self.validate_responses = validate_responses
        self.limits = limits or BodyLimits()
        self.internal_errors: list[str] = []
        # Steps awaited before an operation's handler, by operationId (the Check before payments).
        self.before: Mapping[str, BeforeStep] = before or {}
        self.notifications = notifications
        self._has_model = {path: spec.declares_model(path) for path in spec.operations}
        # The operations the spec lets go without Basic auth (SberPay's): a request without credentials
        # goes on, its PublicId checked by the operation; wrong credentials are still refused.
        self._anonymous = {path for path in spec.operations if spec.takes_anonymous(path)}
        # X-Request-IDs whose request is between its step before (the Check) and its answer: a retry under
        # the same key waits for it, then replays its answer, instead of sending a second Check.
        self._running: dict[AnswerKey, concurrent.futures.Future[None]] = {}
        self.retries_waiting = 0  # requests waiting for another with their key now (for inspection)
        # Failures armed by tests for the next requests to a path (`/__mock__/faults`, mock_server/faults.py).
        self.faults = Faults([op.path for op in spec.operations.values()])

    def routes(self) -> list[Route]:
        routes = [
            Route(
                op.path,
                functools.partial(self.handle, operation=op),
                # and the x-tolerated methods beside the POST (GET /test, as the API answers it)
                methods=["POST", *op.also_methods],
                name=op.operation_id,
            )
            for op in self.spec.operations.values()
        ]
        return [
            *routes,
            Route("/__mock__/reset", self.reset, methods=["POST"]),
            Route("/__mock__/notifications", self.notifications_sent, methods=["GET"]),
            Route("/__mock__/faults", self.faults_armed, methods=["GET"]),
            Route("/__mock__/faults", self.arm_fault, methods=["POST"]),
            Route(CHARGEBACKS_PATH, self.open_chargeback, methods=["POST"]),
        ]

    def authorized(self, request: Request) -> bool:
        header = request.headers.get("authorization", "")
        # The usual spelling of the right credentials, compared in constant time; anything else is decoded.
        if secrets.compare_digest(header.encode("latin-1"), self._expected_authorization):
            return True
        scheme, _, encoded = header.partition(" ")
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
        path = operation.path
        authenticated = self.authorized(request)
        if not authenticated and ("authorization" in request.headers or path not in self._anonymous):
            return Response(status_code=401)
        fault = self.faults.take(request.scope["path"])
        if fault is not None:
            early = await self._meet(fault, request)
            if early is not None:
                return early
        try:
            raw = await read_body(request, self.limits)
        except BodyRefusedError as exc:
            # The rest of the body is never read, so the connection cannot carry another request.
            refusal = encode(self.shape(path, fail(exc.message)))
            return Response(refusal, media_type=JSON_MEDIA_TYPE, headers={"Connection": "close"})
        except ClientGoneError:
            log.info("%s: the client closed the connection before sending its body", path)
            return Response(status_code=400)  # nobody reads it
        try:
            before = self.before.get(operation.operation_id)
            if before is None:
                body = self._process(operation, request, raw, authenticated)
            else:
                body = await self._process_after(before, operation, request, raw, authenticated)
        except Exception as exc:  # last resort: log it, answer like the API, never a 500
            self.internal_errors.append(f"{path}: {exc!r}")
            log.error("internal error on %s:\n%s", path, traceback.format_exc())
            body = encode(self.shape(path, fail("The request could not be processed")))
        if fault is not None and fault.kind == "drop-after-commit":
            log.info("%s: fault drop-after-commit: done, the connection closed before the answer", path)
            return DroppedAnswer(len(body))
        return Response(body, media_type=JSON_MEDIA_TYPE)

    async def _meet(self, fault: Fault, request: Request) -> Response | None:
        """What an armed fault does before the request is processed: an answer in place of it, or None when
        the request goes on (after a delay, or to be dropped once committed)."""
        log.info("%s: fault %s", request.scope["path"], fault.text)
        if fault.kind == "status":
            retry = {"Retry-After": str(RETRY_AFTER_SECONDS)} if fault.status == 429 else None
            return Response(status_code=fault.status, headers=retry)
        if fault.kind == "timeout":
            # Held until the time is up or the client gives up, whichever comes first.
            try:
                await asyncio.wait_for(_client_gone(request), fault.seconds)
            except TimeoutError:
                return DroppedAnswer(1)
            return Response(status_code=400)  # the client is gone: nobody reads it
        if fault.kind == "delay":
            await asyncio.sleep(fault.seconds)
        return None

    async def faults_armed(self, request: Request) -> Response:
        """The faults armed now, with the requests each will still fail (Basic auth)."""
        if not self.authorized(request):
            return Response(status_code=401)
        return JSONResponse(self.faults.as_json())

    async def arm_fault(self, request: Request) -> Response:
        """`{"path", "fault", "times"}`: fail the next `times` requests to `path` (Basic auth)."""
        if not self.authorized(request):
            return Response(status_code=401)
        try:
            raw = await read_body(request, self.limits)
        except BodyRefusedError as exc:
            return JSONResponse({"Success": False, "Message": exc.message}, headers={"Connection": "close"})
        except ClientGoneError:
            return Response(status_code=400)
        try:
            armed = self.faults.arm_json(json.loads(raw))
        except ValueError as exc:  # FaultRefusedError, or a body that is not JSON
            message = str(exc) if isinstance(exc, FaultRefusedError) else f"the body is not JSON: {exc}"
            return JSONResponse({"Success": False, "Message": message})
        return JSONResponse({"Success": True, "Message": None, "Model": armed})

    async def reset(self, request: Request) -> Response:
        if not self.authorized(request):
            return Response(status_code=401)
        self.store.reset()
        self.faults.reset()
        if self.notifications is not None:
            self.notifications.reset()
        return JSONResponse({"Success": True, "Message": None})

    async def open_chargeback(self, request: Request) -> Response:
        """Open a chargeback on a completed payment (Basic auth, like the reset; JSON `{TransactionId,
        Amount, Type?}`): the answer is the API's envelope, the change made only with it."""
        if not self.authorized(request):
            return Response(status_code=401)
        generation = self.store.generation
        try:
            raw = await read_body(request, self.limits)
        except BodyRefusedError as exc:
            refusal = encode(fail(exc.message))
            return Response(refusal, media_type=JSON_MEDIA_TYPE, headers={"Connection": "close"})
        except ClientGoneError:
            return Response(status_code=400)  # nobody reads it
        ctx = request_context(request)
        with self.store.lock:
            if self.store.generation != generation:
                return Response(encode(fail(RESET_DURING_REQUEST)), media_type=JSON_MEDIA_TYPE)
            outcome = self.operations.chargebacks.open(raw, ctx)
            body = encode(outcome.envelope)
            outcome.commit()
        return Response(body, media_type=JSON_MEDIA_TYPE)

    async def notifications_sent(self, request: Request) -> Response:
        """Every notification since the last reset, with its attempts (Basic auth, like the reset)."""
        if not self.authorized(request):
            return Response(status_code=401)
        if self.notifications is None:
            return JSONResponse([])
        # What the bounds left out since the last reset, beside the list (a list keeps its readers working).
        counts = {
            "X-Mock-Dropped": str(self.notifications.dropped),
            "X-Mock-Evicted": str(self.notifications.log.evicted),
        }
        return JSONResponse(self.notifications.log.as_json(), headers=counts)

    async def last_resort(self, request: Request, exc: Exception) -> Response:
        """A failure outside an operation (a page, the router): recorded, answered like the API."""
        self.internal_errors.append(f"{request.url.path}: {exc!r}")
        log.error("internal error on %s", request.url.path, exc_info=exc)
        return JSONResponse(
            {"Success": False, "Message": "The request could not be processed", "Model": None}
        )

    def _process(self, operation: Operation, request: Request, raw: bytes, authenticated: bool) -> bytes:
        """The answer's bytes. The operation's outcome is encoded before its change of state is committed,
        and the answer is stored for the X-Request-ID only with that commit: all or nothing."""
        generation = self.store.generation
        parsed = self._parse(operation, request, raw)
        if isinstance(parsed, bytes):
            return parsed
        params, request_id = parsed
        ctx = _context(request, authenticated)
        params = _with_query_public_id(params, request, authenticated)
        return self._decide(operation, params, request_id, ctx, generation)

    async def _process_after(
        self, before: BeforeStep, operation: Operation, request: Request, raw: bytes, authenticated: bool
    ) -> bytes:
        """`_process` with a step awaited between parsing and the handler. A repeat of a stored request is
        answered from the store without the step; one that arrives while the first is still under way
        waits for it, then is answered from the store too (one Check per X-Request-ID)."""
        generation = self.store.generation
        parsed = self._parse(operation, request, raw)
        if isinstance(parsed, bytes):
            return parsed
        params, request_id = parsed
        ctx = _context(request, authenticated)
        params = _with_query_public_id(params, request, authenticated)
        if request_id is None:
            return self._decide(operation, params, None, await before(params, ctx), generation)
        key = (self.public_id, request_id)
        claim = await self._claim(key)
        if claim is None:  # answered before: the decision replays it (or refuses another request)
            return self._decide(operation, params, request_id, ctx, generation)
        try:
            ctx = await before(params, ctx)
            return self._decide(operation, params, request_id, ctx, generation)
        finally:
            with self.store.lock:
                self._running.pop(key, None)
            claim.set_result(None)

    async def _claim(self, key: AnswerKey) -> concurrent.futures.Future[None] | None:
        """The right to process the request with `key` (resolve it when done), or None when an answer is
        stored for it. Waits while another request with the key is under way (bounded by its Check's
        timeout); if that one stored nothing (it was refused, or failed), this one goes on itself."""
        while True:
            with self.store.lock:
                if self.store.stored_answer(key) is not None:
                    return None
                running = self._running.get(key)
                if running is None:
                    claim: concurrent.futures.Future[None] = concurrent.futures.Future()
                    self._running[key] = claim
                    return claim
                self.retries_waiting += 1
            try:
                # Shielded: a waiter that goes away must not cancel the future the others wait on.
                await asyncio.shield(asyncio.wrap_future(running))
            finally:
                with self.store.lock:
                    self.retries_waiting -= 1

    def _parse(
        self, operation: Operation, request: Request, raw: bytes
    ) -> tuple[dict[str, Any], str | None] | bytes:
        """The canonical parameters and the X-Request-ID; or the answer's bytes of a refusal."""
        path = operation.path
        request_id = request.headers.get(REQUEST_ID_HEADER) if operation.takes_request_id else None
        try:
            if request_id is not None:
                self.parser.check_request_id(path, request_id)
            params = self.parser.parse(operation, request.headers.get("content-type", ""), raw)
            if operation.path_parameters:
                # The path's values (`{Type}`) join the body's; each operation checks its own.
                params = {**params, **self._path_values(operation, request)}
        except RequestRejectedError as exc:
            # Refused before processing: not stored, so a corrected request may reuse the id.
            return encode(self.shape(path, fail(exc.message)))
        return params, request_id

    def _decide(
        self,
        operation: Operation,
        params: dict[str, Any],
        request_id: str | None,
        ctx: RequestContext,
        generation: int,
    ) -> bytes:
        """Decide, encode, commit and store, under the lock; `generation` is the store's when the request
        started: after a reset since, nothing is done."""
        path = operation.path
        handler = self.operations.handlers.get(operation.operation_id)
        if handler is None:
            return encode(self.shape(path, fail(f"{operation.operation_id} is not emulated by the mock")))
        key = (self.public_id, request_id) if request_id is not None else None
        request_print = fingerprint(path, params) if key is not None else None
        with self.store.lock:
            if self.store.generation != generation:
                log.info("%s: the mock was reset while the request was under way; nothing was done", path)
                return encode(self.shape(path, fail(RESET_DURING_REQUEST)))
            if key is not None and request_print is not None:
                stored = self.store.stored_answer(key)
                if stored is not None:
                    return self._replay(path, stored, request_print)
            outcome = handler(params, ctx)
            envelope = self.shape(path, outcome.envelope)
            if self.validate_responses:
                errors = self.spec.response_errors(path, envelope)
                if errors:
                    raise AssertionError(f"response does not match the spec: {errors[:3]}")
            body = encode(envelope)
            outcome.commit()
            if key is not None and request_print is not None:
                self.store.store_answer(key, request_print, 200, body)
            return body

    def _path_values(self, operation: Operation, request: Request) -> dict[str, str]:
        values = {name: str(request.path_params.get(name, "")) for name in operation.path_parameters}
        self.parser.check_text(values)
        return values

    def _replay(self, path: str, stored: StoredAnswer, request_print: Fingerprint) -> bytes:
        """The stored answer for a repeat of its request; a refusal for any other request with its key."""
        if stored.fingerprint == request_print:
            return stored.body
        if stored.fingerprint.operation != path:
            message = (
                f"{REQUEST_ID_HEADER} was already used for another operation "
                f"({stored.fingerprint.operation}); {_NEW_KEY}"
            )
        else:
            message = f"{REQUEST_ID_HEADER} was already used for a different request; {_NEW_KEY}"
        return encode(self.shape(path, fail(message)))
