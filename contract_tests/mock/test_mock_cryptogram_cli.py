"""`python -m mock_server cryptogram`: a test card's packet from the shell (the README's quick start uses it).

Each outcome name gives a packet of a card of the spec's table with that outcome, which the mock then answers
as the table says; a card number is taken as given; a number that is no card number is refused (exit 2, a
message).
"""

from __future__ import annotations

import httpx
import pytest

import spec_tools
from mock_server.__main__ import main
from mock_server.cryptogram import parse_packet


def _printed(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as exited:
        main(["cryptogram", *argv])
    assert exited.value.code == 0
    return capsys.readouterr().out.strip()


async def _charge(api: httpx.AsyncClient, packet: str) -> dict[str, object]:
    body = {"Amount": 10, "Currency": "RUB", "IpAddress": "203.0.113.7", "CardCryptogramPacket": packet}
    answer: dict[str, object] = (await api.post("/payments/cards/charge", json=body)).json()
    return answer


@pytest.mark.parametrize(
    ("outcome", "success", "reason_code", "three_ds"),
    [("approved", True, 0, False), ("declined", False, 5051, False), ("3ds", False, None, True)],
)
async def test_an_outcome_gives_a_packet_the_mock_answers_as_the_table_says(
    api: httpx.AsyncClient,
    capsys: pytest.CaptureFixture[str],
    outcome: str,
    success: bool,
    reason_code: int | None,
    three_ds: bool,
) -> None:
    answer = await _charge(api, _printed(capsys, outcome))
    assert answer["Success"] is success
    model = answer["Model"]
    assert isinstance(model, dict)
    assert ("AcsUrl" in model) is three_ds
    if reason_code is not None:
        assert model["ReasonCode"] == reason_code


def test_a_card_number_is_taken_as_given_in_either_layout(capsys: pytest.CaptureFixture[str]) -> None:
    cloudcard = parse_packet(_printed(capsys, "4111 1111 1111 1111"))
    legacy = parse_packet(_printed(capsys, "4111111111111111", "--fmt", "legacy"))
    assert (cloudcard.first_six, cloudcard.last_four) == ("411111", "1111")
    assert (legacy.first_six, legacy.last_four) == ("411111", "1111")


def test_the_list_is_the_spec_table(capsys: pytest.CaptureFixture[str]) -> None:
    listed = _printed(capsys, "--list").splitlines()
    assert [line.split()[0] for line in listed] == [
        card.number for card in spec_tools.test_cards(spec_tools.load_spec())
    ]


def test_a_number_that_is_no_card_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["cryptogram", "4111111111111112"])
    assert exited.value.code == 2
    assert "not a valid card number" in capsys.readouterr().err
