"""`python -m mock_server cryptogram`: a test card's cryptogram packet from the shell.

A real packet is made by the CloudPayments checkout script in the payer's browser; the mock reads packets of
the same layout for the spec's test cards (`info.x-test-cards`), so a `curl` call can pay without a browser.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Final

from mock_server.cryptogram import make_packet
from mock_server.defaults import DEFAULT_PUBLIC_ID
from mock_server.testing import (
    EXP_MONTH,
    EXP_YEAR,
    approving_card,
    declining_card,
    test_cards,
    three_ds_card,
    token_declining_card,
)

# What a payment with the card does, by the name the command takes.
OUTCOMES: Final[dict[str, Callable[[], str]]] = {
    "approved": approving_card,
    "3ds": three_ds_card,
    "declined": declining_card,
    "token-declined": token_declining_card,
}


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m mock_server cryptogram",
        description="Print a CardCryptogramPacket of a test card that the mock reads.",
    )
    parser.add_argument(
        "card",
        nargs="?",
        default="approved",
        help=f"{', '.join(OUTCOMES)} (a card of the spec's table with that outcome), or a card number",
    )
    parser.add_argument("--fmt", choices=("cloudcard", "legacy"), default="cloudcard", help="packet layout")
    parser.add_argument("--public-id", default=DEFAULT_PUBLIC_ID, help="the terminal's Public ID")
    parser.add_argument("--list", action="store_true", help="list the spec's test cards and exit")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    if args.list:
        for card in test_cards():
            three_ds = "3-D Secure" if card.three_ds else "no 3-D Secure"
            outcomes = f"cryptogram: {card.cryptogram:<18} token: {card.token}"
            print(f"{card.number}  {card.brand:<10} {three_ds:<13} {outcomes}")
        return 0
    number = OUTCOMES[args.card]() if args.card in OUTCOMES else args.card
    try:
        packet = make_packet(number, EXP_MONTH, EXP_YEAR, public_id=args.public_id, fmt=args.fmt)
    except ValueError as error:
        print(f"cryptogram: {error}", file=sys.stderr)
        return 2
    print(packet)
    return 0
