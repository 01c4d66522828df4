"""`python -m mock_server proxy`: forward traffic to the real API and check it against the spec.

Every request goes to the upstream unchanged (method, path, query, body, and the headers of
`FORWARDED_HEADERS`: Authorization, X-Request-ID, Content-Type...), never retried; the upstream's answer comes
back byte for byte. Request and answer are checked with the mock's reading; each disagreement is a finding
`{operation, where, pointer, expected, got}`, kept in a bounded list served at `GET /__proxy__/report`
and written to `DIR/report.json`.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import logging
import sys
import threading
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any, Final
from urllib.parse import parse_qsl, unquote, urlsplit

import httpx
import uvicorn
from jsonschema import ValidationError
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

import spec_tools
from mock_server import proxy_notifications
from mock_server.defaults import DEFAULT_SPEC_PATH
from mock_server.parsing import RequestParser, RequestRejectedError
from mock_server.proxy_files import RecordingFolder
from mock_server.proxy_masking import basic_secret, mask
from mock_server.spec import ApiSpec

logger = logging.getLogger("mock_server.proxy")

REPORT_ROUTE: Final = "/__proxy__/report"
DEFAULT_MAX_FINDINGS: Final = 1000
DEFAULT_MAX_BODY: Final = 1_000_000
# An answer of the API is a few kilobytes; a list page, some hundreds.
DEFAULT_MAX_ANSWER: Final = 10_000_000
DEFAULT_TIMEOUT: Final = 30.0
FORWARDED_HEADERS: Final = (
    "authorization",
    "x-request-id",
    "content-type",
    "content-encoding",
    "accept",
    "user-agent",
)
# What a finding's `got` keeps of a value: enough to see it, never a whole body.
_GOT_CHARS: Final = 200
# How deep and how many list items the undeclared-property walk looks.
_MAX_DEPTH: Final = 20
_MAX_ITEMS: Final = 100
DEFAULT_MAX_RECORDINGS: Final = 10_000


def _pointer(path: Any) -> str:
    return "".join("/" + spec_tools.escape(str(part)) for part in path)


def _shown(value: Any) -> Any:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return value if len(text) <= _GOT_CHARS else text[:_GOT_CHARS] + "..."


def _expected(error: ValidationError) -> str:
    if error.validator == "required":
        return error.message
    return f"{error.validator}: {json.dumps(error.validator_value, ensure_ascii=False, default=str)}"


def _missing_pointer(error: ValidationError) -> str:
    # A missing required key is found at its parent: point at the key itself.
    base = _pointer(error.absolute_path)
    if error.validator == "required" and isinstance(error.instance, dict):
        names: Any = error.validator_value
        # One error per missing key, each naming its key in the message: two missing keys, two pointers.
        missing = [name for name in names if name not in error.instance]
        named = [name for name in missing if repr(name) in error.message] or missing
        if named:
            return f"{base}/{spec_tools.escape(str(named[0]))}"
    return base


class Report:
    """The findings, at most `cap` of them (beyond it, counted as dropped); written to `folder` if given."""

    def __init__(self, cap: int, folder: Path | None) -> None:
        self.cap = cap
        self.folder = folder
        self.findings: list[dict[str, Any]] = []
        self.dropped = 0
        self._lock = threading.Lock()

    def add(self, finding: dict[str, Any]) -> None:
        with self._lock:
            if len(self.findings) >= self.cap:
                self.dropped += 1
                return
            self.findings.append(finding)
            logger.warning("contract finding: %s", json.dumps(finding, ensure_ascii=False, default=str))
            if self.folder is not None:
                (self.folder / "report.json").write_text(
                    json.dumps(self.findings, ensure_ascii=False, indent=2, default=str), encoding="utf-8"
                )


class Checker:
    """Checks one exchange against the spec with the mock's validators and decoding."""

    def __init__(self, spec: ApiSpec) -> None:
        self.spec = spec
        self.parser = RequestParser(spec)
        self.validators = spec_tools.Validators(spec.document, compiled=False)

    def request(self, op: spec_tools.Operation, content_type: str, raw: bytes) -> list[dict[str, Any]]:
        """Nothing when the mock takes the request (what real clients send, the spec admits); else each
        fault at its field, or the mock's refusal when no field is to blame (a body that is no JSON)."""
        try:
            self.parser.parse(op, content_type, raw)
        except RequestRejectedError as exc:
            refused = exc.message
        else:
            return []
        media = content_type.split(";")[0].strip().lower()
        pointed: list[dict[str, Any]] = []
        with contextlib.suppress(RequestRejectedError, UnicodeDecodeError, ValueError, RecursionError):
            if media == spec_tools.JSON and media in op.request_schemas:
                body = json.loads(raw.decode("utf-8")) if raw.strip() else {}
            elif media == spec_tools.FORM and media in op.request_schemas:
                body = self.parser.form_fields(op.path, raw)
            else:
                body = None
            if body is not None:
                pointer = op.request_schemas[media]
                pointed = _merged([self._from_error(op, "request", e) for e in self._errors(pointer, body)])
        return pointed or [self.finding(op, "request", "", "a request the spec accepts", refused)]

    def path(self, op: spec_tools.Operation, values: dict[str, str]) -> list[dict[str, Any]]:
        """The path parameters' values (`{Type}`), matched as the API matches them: case-insensitively."""
        findings = []
        for name, value in values.items():
            schema = spec_tools.resolve(self.spec.schema_at(op.path_parameters[name]), self.spec.document)
            allowed = schema.get("enum") if isinstance(schema, dict) else None
            if allowed is not None and value.casefold() not in {str(v).casefold() for v in allowed}:
                findings.append(self.finding(op, "path", f"/{name}", f"enum: {json.dumps(allowed)}", value))
        return findings

    def answer(self, op: spec_tools.Operation, status: int, raw: bytes) -> list[dict[str, Any]]:
        if status != 200 or op.response_schema is None:
            return []
        try:
            body = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            return [self.finding(op, "answer", "", "a JSON body", f"unreadable: {exc}")]
        findings = [self._from_error(op, "answer", e) for e in self._errors(op.response_schema, body)]
        schema = self.spec.schema_at(op.response_schema)
        for pointer, name in self._undeclared(schema, body, "", depth=0):
            findings.append(
                self.finding(op, "answer", pointer, "only the properties the spec declares", name)
            )
        return _merged(findings)

    def _undeclared(self, schema: Any, instance: Any, at: str, depth: int) -> list[tuple[str, str]]:
        """Properties of `instance` no schema in reach declares (the answers' schemas admit extra keys,
        which a client ignores; the report still names them), as (pointer, name)."""
        if depth > _MAX_DEPTH or not isinstance(schema, dict):
            return []
        branches = self._branches(schema)
        if isinstance(instance, list):
            found: list[tuple[str, str]] = []
            for branch in branches:
                items = branch.get("items")
                if items is not None:
                    for index, item in enumerate(instance[:_MAX_ITEMS]):
                        found.extend(self._undeclared(items, item, f"{at}/{index}", depth + 1))
                    break
            return found
        if not isinstance(instance, dict):
            return []
        declared: dict[str, Any] = {}
        for branch in branches:
            for name, prop in self.spec.properties(branch).items():
                declared.setdefault(name, prop)
        if not declared:
            return []  # a free-form object
        found = []
        for name, value in instance.items():
            pointer = f"{at}/{spec_tools.escape(str(name))}"
            if name not in declared:
                found.append((pointer, str(name)))
            else:
                found.extend(self._undeclared(declared[name], value, pointer, depth + 1))
        return found

    def _branches(self, schema: Any) -> list[Any]:
        """The schema and the alternatives (oneOf/anyOf, through $ref and allOf) it allows."""
        schema = spec_tools.deref(self.spec.document, schema)
        out = [schema]
        for key in ("oneOf", "anyOf"):
            for option in schema.get(key, []):
                out.extend(self._branches(option))
        for part in schema.get("allOf", []):
            out.extend(b for b in self._branches(part)[1:])
        return out

    def _errors(self, pointer: str, body: Any) -> list[ValidationError]:
        # The innermost errors: a field of the wrong type is reported at the field, not at its `oneOf`.
        found: list[ValidationError] = []
        for error in self.validators.at(pointer).iter_errors(body):
            leaves = [e for e in _leaves(error)]
            found.extend(leaves or [error])
        return found

    def notification(self, kind: str, media: str, parameters: list[tuple[str, Any]]) -> list[dict[str, Any]]:
        """A notification's parameters against its webhook's schema (a form's values are text)."""
        schema = proxy_notifications.request_schema(kind, media)
        operation = proxy_notifications.operation_id(self.spec, kind)
        found = [
            self._from_error(operation, "notification", e) for e in self._errors(schema, dict(parameters))
        ]
        return _merged(found)

    def notification_answer(self, kind: str, status: int, raw: bytes) -> list[dict[str, Any]]:
        """The endpoint's answer: HTTP 200 and the webhook's `{"code": N}`; anything else fails the delivery
        (and a Check's payment)."""
        operation = proxy_notifications.operation_id(self.spec, kind)
        if status != 200:
            return [self.finding(operation, "notification answer", "", "HTTP 200", status)]
        try:
            body = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return [
                self.finding(
                    operation,
                    "notification answer",
                    "",
                    "a JSON body",
                    _shown(raw.decode("utf-8", "replace")),
                )
            ]
        schema = proxy_notifications.answer_schema(kind)
        return _merged(
            [self._from_error(operation, "notification answer", e) for e in self._errors(schema, body)]
        )

    def _from_error(
        self, op: spec_tools.Operation | str, where: str, error: ValidationError
    ) -> dict[str, Any]:
        got: Any = "(absent)" if error.validator == "required" else _shown(error.instance)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            schema: Any = error.schema
            allowed = set(schema.get("properties", {})) if isinstance(schema, dict) else set()
            extra = sorted(k for k in error.instance if k not in allowed)
            pointer = _pointer(error.absolute_path) + (f"/{spec_tools.escape(extra[0])}" if extra else "")
            return self.finding(op, where, pointer, "no property beyond those declared", extra)
        return self.finding(op, where, _missing_pointer(error), _expected(error), got)

    def finding(
        self, op: spec_tools.Operation | str, where: str, pointer: str, expected: str, got: Any
    ) -> dict[str, Any]:
        return {
            "operation": op if isinstance(op, str) else op.operation_id,
            "where": where,
            "pointer": pointer,
            "expected": expected,
            "got": got,
        }


def _outcome(body: Any, request_findings: list[dict[str, Any]]) -> str:
    """The fixture's outcome label, read off the answer (contract_tests/fixtures/README.md)."""
    model = body.get("Model") if isinstance(body, dict) else None
    if isinstance(body, dict) and body.get("Success") is True:
        return "success"
    if isinstance(model, dict) and {"AcsUrl", "PaReq"} <= set(model):
        return "three_ds"
    if isinstance(model, dict) and model.get("ReasonCode") not in (None, 0):
        return "declined"
    return "bad_request" if request_findings else "rejected"


def _decoded(content_type: str, raw: bytes) -> tuple[str | None, Any]:
    """The request's media type and body as a fixture keeps them (a form as its pairs), None for none."""
    media = content_type.split(";")[0].strip().lower() or None
    if not raw.strip():
        return None, None
    text = raw.decode("utf-8", errors="replace")
    if media == spec_tools.FORM:
        return media, dict(parse_qsl(text, keep_blank_values=True))
    try:
        return media, json.loads(text)
    except ValueError:
        return media, text


class Recorder:
    """Writes each forwarded exchange as one masked fixture file in the recording folder."""

    def __init__(self, files: RecordingFolder, upstream: str) -> None:
        self.files = files
        self.upstream = upstream

    def write(
        self,
        op: spec_tools.Operation,
        path: str,
        request: Request,
        raw: bytes,
        status: int,
        answer: bytes,
        request_findings: list[dict[str, Any]],
    ) -> None:
        try:
            body = json.loads(answer.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return  # not an exchange a fixture can hold
        secret = basic_secret(request.headers.get("authorization", ""))
        secrets = () if secret is None else (secret,)
        media, sent = _decoded(request.headers.get("content-type", ""), raw)
        outcome = _outcome(body, request_findings)
        exchange = {
            "source": f"recorded through the proxy from {urlsplit(self.upstream).netloc}",
            "operation": path,
            "case": f"{op.operation_id} as the upstream answered it",
            "outcome": outcome,
            "request": {"content_type": media, "body": mask(sent, secrets)},
            "response": {"status": status, "body": mask(body, secrets)},
        }
        self.files.write(f"{path.strip('/').replace('/', '_').lower()}.{outcome}", exchange)


def _operation(spec: ApiSpec, path: str) -> tuple[spec_tools.Operation | None, dict[str, str]]:
    """The operation a called path is (`/site/notifications/pay/get` is `/site/notifications/{Type}/get`)
    and its path parameters' values; None for a path the spec lacks."""
    try:
        called = spec_tools.called_path(spec.operations, path)
    except LookupError:
        return None, {}
    return spec.operations[called.template], {k: unquote(v) for k, v in called.parameters.items()}


def _merged(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One finding per (where, pointer): what the spec says about it joined."""
    kept: dict[tuple[str, str], dict[str, Any]] = {}
    for finding in findings:
        key = (finding["where"], finding["pointer"])
        if key in kept:
            kept[key]["expected"] += "; " + finding["expected"]
        else:
            kept[key] = dict(finding)
    return list(kept.values())


def _leaves(error: ValidationError) -> list[ValidationError]:
    if not error.context:
        return []
    # Of a oneOf/anyOf, the branch that went deepest is the one meant.
    deepest = max(len(e.absolute_path) for e in error.context)
    chosen = [e for e in error.context if len(e.absolute_path) == deepest]
    out: list[ValidationError] = []
    for e in chosen:
        out.extend(_leaves(e) or [e])
    return out


def _refusal(status: int, message: str) -> Response:
    return JSONResponse({"Success": False, "Message": message}, status_code=status)


async def _body(request: Request, max_body: int) -> bytes | None:
    """The request's body, or None past `max_body` bytes (read no further)."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > max_body:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


@dataclasses.dataclass(frozen=True)
class Upstream:
    """What the upstream answered: its status, headers and (decoded) body."""

    status_code: int
    headers: httpx.Headers
    content: bytes


async def _relay(
    client: httpx.AsyncClient,
    request: Request,
    url: str,
    raw: bytes,
    headers: dict[str, str],
    timeout: float,
    max_answer: int,
) -> Upstream | Response:
    """The upstream's answer; or the gateway error the proxy answers: 504 on a timeout, 502 when it cannot
    be reached or answers more than `max_answer` bytes (read no further)."""
    try:
        async with client.stream(request.method, url, content=raw, headers=headers) as answer:
            chunks: list[bytes] = []
            size = 0
            async for chunk in answer.aiter_bytes():
                size += len(chunk)
                if size > max_answer:
                    return _refusal(502, f"upstream answer over {max_answer} bytes: not passed on")
                chunks.append(chunk)
            return Upstream(answer.status_code, answer.headers, b"".join(chunks))
    except httpx.TimeoutException:
        return _refusal(504, f"upstream did not answer within {timeout:g} s")
    except httpx.HTTPError as exc:
        return _refusal(502, f"upstream unreachable: {type(exc).__name__}")


def _passed(answer: Upstream) -> Response:
    kept = {k: v for k, v in answer.headers.items() if k.lower() in ("content-type", "x-request-id")}
    return Response(answer.content, status_code=answer.status_code, headers=kept)


def create_proxy(
    upstream: str,
    *,
    record: Path | None = None,
    notifications_to: str | None = None,
    spec_path: str | Path = DEFAULT_SPEC_PATH,
    timeout: float = DEFAULT_TIMEOUT,
    max_findings: int = DEFAULT_MAX_FINDINGS,
    max_body: int = DEFAULT_MAX_BODY,
    max_answer: int = DEFAULT_MAX_ANSWER,
    max_recordings: int = DEFAULT_MAX_RECORDINGS,
    transport: httpx.AsyncBaseTransport | None = None,
) -> Starlette:
    spec = ApiSpec.load(spec_path)
    checker = Checker(spec)
    report = Report(max_findings, record)
    files = None if record is None else RecordingFolder(record, max_recordings)
    recorder = None if files is None else Recorder(files, upstream)
    notes = (
        None if files is None or notifications_to is None else proxy_notifications.NotificationRecorder(files)
    )
    kinds = proxy_notifications.webhook_kinds(spec)
    base = upstream.rstrip("/")
    client = httpx.AsyncClient(timeout=timeout, transport=transport, follow_redirects=False)
    too_large = f"request body over {max_body} bytes: not forwarded"

    def add(findings: list[dict[str, Any]], secrets: tuple[str, ...]) -> None:
        for finding in findings:
            # What came is masked as the recordings are: a finding at a card number shows no card number.
            field = finding["pointer"].rsplit("/", 1)[-1]
            report.add({**finding, "got": mask(finding["got"], secrets, field)})

    async def show_report(request: Request) -> Response:
        return JSONResponse(report.findings)

    async def forward(request: Request) -> Response:
        raw = await _body(request, max_body)
        if raw is None:
            return _refusal(413, too_large)
        headers = {k: v for k, v in request.headers.items() if k.lower() in FORWARDED_HEADERS}
        url = base + request.url.path + (f"?{request.url.query}" if request.url.query else "")
        upstream_answer = await _relay(client, request, url, raw, headers, timeout, max_answer)
        if not isinstance(upstream_answer, Upstream):
            return upstream_answer
        op, path_values = _operation(spec, request.url.path)
        if op is not None and request.method == "POST":
            content_type = request.headers.get("content-type", "")
            asked = checker.path(op, path_values) + checker.request(op, content_type, raw)
            secret = basic_secret(request.headers.get("authorization", ""))
            secrets = () if secret is None else (secret,)
            add(asked + checker.answer(op, upstream_answer.status_code, upstream_answer.content), secrets)
            if recorder is not None:
                recorder.write(
                    op,
                    request.url.path,
                    request,
                    raw,
                    upstream_answer.status_code,
                    upstream_answer.content,
                    asked,
                )
        return _passed(upstream_answer)

    async def notify(request: Request) -> Response:
        """A notification of the API on its way to the merchant's endpoint: forwarded, checked, recorded."""
        assert notifications_to is not None
        named = str(request.path_params["kind"])
        kind = kinds.get(named.casefold())
        if kind is None:
            return _refusal(
                404, f"{named!r} is no notification of the spec: one of {', '.join(kinds.values())}"
            )
        raw = await _body(request, max_body)
        if raw is None:
            return _refusal(413, too_large)
        signature = proxy_notifications.SIGNATURE_HEADERS
        headers = {k: v for k, v in request.headers.items() if k.lower() in FORWARDED_HEADERS + signature}
        query = request.url.query
        url = proxy_notifications.forward_url(
            notifications_to, str(request.path_params.get("rest", "")), query
        )
        answer = await _relay(client, request, url, raw, headers, timeout, max_answer)
        if not isinstance(answer, Upstream):
            return answer
        operation = proxy_notifications.operation_id(spec, kind)
        try:
            media, parameters = proxy_notifications.read_notification(
                request.headers.get("content-type", ""), raw, query
            )
        except proxy_notifications.UnreadableNotificationError as exc:
            add([checker.finding(operation, "notification", "", "a form or a JSON object", str(exc))], ())
        else:
            add(checker.notification(kind, media, parameters), ())
            if notes is not None:
                notes.write(
                    kind, media, parameters, headers, answer.status_code, answer.content, urlsplit(url).netloc
                )
        add(checker.notification_answer(kind, answer.status_code, answer.content), ())
        return _passed(answer)

    routes = [Route(REPORT_ROUTE, show_report, methods=["GET"])]
    if notifications_to is not None:
        prefix = proxy_notifications.NOTIFICATIONS_PREFIX
        routes += [
            Route(prefix + "/{kind}", notify, methods=["GET", "POST"]),
            Route(prefix + "/{kind}/{rest:path}", notify, methods=["GET", "POST"]),
        ]
    routes.append(Route("/{path:path}", forward, methods=["GET", "POST", "PUT", "DELETE", "PATCH"]))

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        await client.aclose()

    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.report = report
    return app


def _usable_upstream(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise argparse.ArgumentTypeError(f"{value!r} is not an http(s):// URL")
    return value


def _usable_folder(value: str) -> Path:
    folder = Path(value)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".write-probe"
        probe.write_text("", encoding="utf-8")
        probe.unlink()
    except OSError as exc:
        raise argparse.ArgumentTypeError(f"record folder {value!r} is not writable: {exc.strerror}") from None
    return folder


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m mock_server proxy",
        description="Forward to the API and check traffic against the spec",
    )
    parser.add_argument("--upstream", type=_usable_upstream, required=True, help="the API's base URL")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument("--record", type=_usable_folder, default=None, help="folder for report.json")
    parser.add_argument(
        "--notifications-to",
        type=_usable_upstream,
        default=None,
        help="the merchant's notification endpoint: the API's notifications, sent to "
        "/__notifications__/<Kind>/<path> of the proxy, go on to it (its URL + /<path>)",
    )
    parser.add_argument("--spec", type=Path, default=DEFAULT_SPEC_PATH)
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds for the upstream")
    parser.add_argument("--max-findings", type=int, default=DEFAULT_MAX_FINDINGS)
    parser.add_argument("--max-recordings", type=int, default=DEFAULT_MAX_RECORDINGS)
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse_args(argv)  # exits 2 with the reason on an unusable upstream URL or folder
    app = create_proxy(
        args.upstream,
        record=args.record,
        notifications_to=args.notifications_to,
        spec_path=args.spec,
        timeout=args.timeout,
        max_findings=args.max_findings,
        max_recordings=args.max_recordings,
    )
    uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
