"""The command line prints where the mock listens and how to log in, never a secret it was given."""

from __future__ import annotations

import pytest

from mock_server.__main__ import describe_secret, parse_args
from mock_server.app import DEFAULT_API_SECRET


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
