"""The command line prints where the mock listens and how to log in, never a secret it was given; it refuses
notification flags that are no duration, no count or no http(s) URL at start (exit 2, a clear message), as
`RetrySchedule` and `create_app` refuse them from Python (ValueError)."""

from __future__ import annotations

from typing import Any

import pytest
import uvicorn

from mock_server.__main__ import describe_secret, main, parse_args
from mock_server.app import DEFAULT_API_SECRET, create_app
from mock_server.webhooks.delivery import RetrySchedule
from spec_tools import default_spec_path


def test_default_secret_is_shown_so_users_can_call_the_mock() -> None:
    assert describe_secret(DEFAULT_API_SECRET) == DEFAULT_API_SECRET


def test_secret_given_on_the_command_line_is_never_printed() -> None:
    given = "sk_live_do_not_print_me"
    assert given not in describe_secret(given)


def test_flags_have_local_defaults() -> None:
    args = parse_args([])
    assert args.host == "127.0.0.1"
    assert args.max_concurrency is None


@pytest.mark.parametrize("flag", ["--port", "--max-concurrency"])
def test_numeric_flags_reject_text(flag: str) -> None:
    with pytest.raises(SystemExit):
        parse_args([flag, "many"])


# ---------- notification flags: refused at start with a clear message, never a traceback or a hang ----------


@pytest.mark.parametrize(
    ("flag", "value", "says"),
    [
        ("--notify-attempts", "0", "must be at least 1"),
        ("--notify-attempts", "-3", "must be at least 1"),
        ("--notify-timeout", "0", "finite number of seconds above 0"),
        ("--notify-timeout", "-1", "finite number of seconds above 0"),
        ("--notify-timeout", "nan", "finite number of seconds above 0"),
        ("--notify-timeout", "inf", "finite number of seconds above 0"),
        ("--notify-delays", "nan", "finite seconds"),
        ("--notify-delays", "1,inf", "finite seconds"),
        ("--notify-delays", "0.5,-1", "finite seconds"),
        ("--notify-max-pending", "0", "must be at least 1"),
        ("--notify-keep", "0", "must be at least 1"),
        ("--max-stored-answers", "0", "must be at least 1"),
        ("--check-url", "notaurl", "absolute http(s):// URL with a host"),
        ("--check-url", "ftp://127.0.0.1/check", "absolute http(s):// URL with a host"),
        ("--check-url", "http:///check", "absolute http(s):// URL with a host"),
        ("--check-url", "http://127.0.0.1:99999/check", "not a valid URL"),
    ],
)
def test_bad_notification_flags_are_refused_at_start(
    flag: str, value: str, says: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def serve(self: uvicorn.Server) -> None:
        raise AssertionError(f"{flag} {value} was taken: the mock would serve with it")

    monkeypatch.setattr(uvicorn.Server, "run", serve)
    with pytest.raises(SystemExit) as exited:
        main([flag, value])  # refused before anything is built or served
    assert exited.value.code == 2
    error = capsys.readouterr().err
    assert f"argument {flag}" in error and says in error
    assert "Traceback" not in error


def test_good_notification_flags_are_taken() -> None:
    check = ["--check-url", "https://shop.example/check"]
    schedule = ["--notify-timeout", "0.5", "--notify-delays", "0,1", "--notify-attempts", "2"]
    args = parse_args([*check, *schedule, "--notify-max-pending", "50", "--notify-keep", "20"])
    assert (args.check_url, args.notify_timeout, args.notify_delays) == (
        "https://shop.example/check",
        0.5,
        (0.0, 1.0),
    )
    assert (args.notify_attempts, args.notify_max_pending, args.notify_keep) == (2, 50, 20)


@pytest.mark.parametrize(
    "schedule",
    [
        {"timeout": float("nan")},
        {"timeout": float("inf")},
        {"delays": (float("nan"),)},
        {"delays": (1.0, float("inf"))},
        {"delays": (-1.0,)},
        {"max_attempts": 0},
    ],
)
def test_a_schedule_refuses_what_is_no_duration(schedule: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match=r"must be (at least 1|(a )?finite)"):
        RetrySchedule(**schedule)


@pytest.mark.parametrize("url", ["notaurl", "/check", "ftp://127.0.0.1/check", "http://", ""])
def test_create_app_refuses_a_check_url_that_is_not_an_http_url(url: str) -> None:
    with pytest.raises(ValueError, match="Check URL"):
        create_app(spec_path=default_spec_path(), check_url=url)


def test_the_stored_answers_cap_reaches_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    served: list[Any] = []

    def serve(self: uvicorn.Server) -> None:
        served.append(self.config.app)

    monkeypatch.setattr(uvicorn.Server, "run", serve)
    main(["--max-stored-answers", "25"])
    (app,) = served
    assert app.state.store.max_answers == 25


def test_strict_is_off_unless_asked() -> None:
    assert parse_args([]).strict is False
    assert parse_args(["--strict"]).strict is True


def test_strict_reaches_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    served: list[Any] = []

    def serve(self: uvicorn.Server) -> None:
        served.append(self.config.app)

    monkeypatch.setattr(uvicorn.Server, "run", serve)
    main(["--strict"])
    main([])
    strict, lenient = served
    assert strict.state.api.parser.strict is True
    assert lenient.state.api.parser.strict is False
