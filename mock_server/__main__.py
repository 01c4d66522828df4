"""`python -m mock_server`: run the mock on 127.0.0.1; `python -m mock_server cryptogram`: a test packet."""

from __future__ import annotations

import argparse
import importlib.util
import logging
import math
import sys
from pathlib import Path

import uvicorn

from mock_server.app import create_app
from mock_server.defaults import DEFAULT_API_SECRET, DEFAULT_INN, DEFAULT_PUBLIC_ID, DEFAULT_SPEC_PATH
from mock_server.resources.receipts import inn_refusal
from mock_server.store import DEFAULT_MAX_STORED_ANSWERS
from mock_server.webhooks.check import check_address
from mock_server.webhooks.delivery import (
    DEFAULT_DELAYS,
    DEFAULT_MAX_ATTEMPTS,
    DEFAULT_MAX_PENDING,
    DEFAULT_TIMEOUT,
    DeliveryLimits,
    RetrySchedule,
)
from mock_server.webhooks.records import DEFAULT_KEPT


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m mock_server", description="Stateful CloudPayments API mock"
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8765, help="port (default 8765; 0 picks a free one)")
    parser.add_argument("--public-id", default=DEFAULT_PUBLIC_ID, help="test Public ID (Basic auth login)")
    parser.add_argument(
        "--api-secret", default=DEFAULT_API_SECRET, help="test API Secret (Basic auth password)"
    )
    parser.add_argument(
        "--inn",
        type=_inn,
        default=DEFAULT_INN,
        help="company INN the terminal's cash register is registered to (receipts; default %(default)s)",
    )
    parser.add_argument("--spec", type=Path, default=DEFAULT_SPEC_PATH, help="OpenAPI document to serve")
    parser.add_argument(
        "--max-concurrency", type=int, default=None, help="answer 429 above this many in-flight requests"
    )
    parser.add_argument(
        "--validate-responses", action="store_true", help="check every answer against the spec (slower)"
    )
    parser.add_argument(
        "--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"]
    )
    parser.add_argument(
        "--max-stored-answers",
        type=_at_least_one,
        default=DEFAULT_MAX_STORED_ANSWERS,
        help="answers kept for X-Request-ID (an hour each); beyond it the oldest is dropped and logged "
        "(default %(default)s)",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="refuse a request without a parameter the reference requires but real clients omit "
        "(x-tolerated-absent in the spec: TrInitiatorCode of token payments); by default taken, with a "
        "warning",
    )
    parser.add_argument(
        "--check-url",
        type=_check_url,
        default=None,
        help="send the Check notification here (an http(s):// URL) before each card or token payment",
    )
    parser.add_argument(
        "--notify-delays",
        type=_delays,
        default=",".join(f"{delay:g}" for delay in DEFAULT_DELAYS),
        help="seconds between a notification's attempts, comma-separated, the last repeats (%(default)s)",
    )
    parser.add_argument(
        "--notify-attempts",
        type=_at_least_one,
        default=DEFAULT_MAX_ATTEMPTS,
        help="attempts per notification (default %(default)s; the API makes up to 100)",
    )
    parser.add_argument(
        "--notify-timeout",
        type=_seconds,
        default=DEFAULT_TIMEOUT,
        help="seconds each attempt (and the Check) may take, the whole answer read (default %(default)s; "
        "the API waits 30)",
    )
    parser.add_argument(
        "--notify-max-pending",
        type=_at_least_one,
        default=DEFAULT_MAX_PENDING,
        help="notifications waiting or retrying at once; more are dropped and logged (default %(default)s)",
    )
    parser.add_argument(
        "--notify-keep",
        type=_at_least_one,
        default=DEFAULT_KEPT,
        help="notifications kept in the log of what was sent, the newest (default %(default)s)",
    )
    return parser.parse_args(argv)


def _inn(text: str) -> str:
    refusal = inn_refusal(text)
    if refusal is not None:
        raise argparse.ArgumentTypeError(refusal)
    return text


def _at_least_one(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"must be a finite number of seconds above 0, not {text!r}")
    return value


def _check_url(text: str) -> str:
    try:
        return check_address(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _delays(text: str) -> tuple[float, ...]:
    try:
        delays = tuple(float(part) for part in text.split(",") if part.strip())
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a list of seconds: {text!r}") from exc
    if not delays or any(not math.isfinite(delay) or delay < 0 for delay in delays):
        raise argparse.ArgumentTypeError(f"not a list of finite seconds, 0 or more: {text!r}")
    return delays


def describe_secret(secret: str) -> str:
    """Only the mock's own made-up default is shown; a secret given on the command line never is."""
    return secret if secret == DEFAULT_API_SECRET else "(the value given with --api-secret)"


def log_to_console(level: str) -> None:
    """The mock's own lines (each notification attempt, internal errors) on stderr next to uvicorn's."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s:     %(name)s: %(message)s"))
    logger = logging.getLogger("mock_server")
    logger.addHandler(handler)
    logger.setLevel(level.upper())
    logger.propagate = False


def http_impl() -> str:
    """uvicorn's compiled HTTP parser (httptools) where installed, else its pure-Python one."""
    return "httptools" if importlib.util.find_spec("httptools") else "h11"


def loop_impl() -> str:
    """uvloop where installed, else asyncio's own loop."""
    return "uvloop" if importlib.util.find_spec("uvloop") else "asyncio"


def main(argv: list[str] | None = None) -> None:
    given = sys.argv[1:] if argv is None else argv
    if given[:1] == ["cryptogram"]:
        from mock_server.cryptogram_cli import main as cryptogram_main

        raise SystemExit(cryptogram_main(given[1:]))
    if given[:1] == ["proxy"]:
        from mock_server.proxy import main as proxy_main

        raise SystemExit(proxy_main(given[1:]))
    args = parse_args(argv)
    log_to_console(args.log_level)
    app = create_app(
        public_id=args.public_id,
        api_secret=args.api_secret,
        spec_path=args.spec,
        max_concurrency=args.max_concurrency,
        validate_responses=args.validate_responses,
        check_url=args.check_url,
        notification_schedule=RetrySchedule(args.notify_delays, args.notify_attempts, args.notify_timeout),
        max_stored_answers=args.max_stored_answers,
        strict=args.strict,
        inn=args.inn,
        notification_limits=DeliveryLimits(max_pending=args.notify_max_pending, kept=args.notify_keep),
    )
    config = uvicorn.Config(
        app, host=args.host, port=args.port, log_level=args.log_level, http=http_impl(), loop=loop_impl()
    )
    server = uvicorn.Server(config)
    print(f"CloudPayments mock: http://{args.host}:{args.port}/  (docs at /docs, spec at /openapi.yaml)")
    print(f"  test Public ID:  {args.public_id}")
    print(f"  test API Secret: {describe_secret(args.api_secret)}")
    print(f"  test INN:        {args.inn}  (the company of the cash register: /kkt/receipt)")
    if args.max_concurrency:
        print(f"  concurrency cap: {args.max_concurrency} in-flight requests (429 above)")
    if args.check_url:
        print(f"  Check notifications: {args.check_url}")
    if args.strict:
        print("  strict: parameters the reference requires are refused when absent (x-tolerated-absent)")
    server.run()


if __name__ == "__main__":
    main()
