"""Old path of contract_tests.support.cards and .mock_setup, kept until
contract_tests/test_client_over_http.py imports the new ones."""

from contract_tests.support.cards import (
    approving_card,
    declining_card,
    packet,
    three_ds_card,
    token_declining_card,
)
from contract_tests.support.mock_setup import subscription_body

__all__ = [
    "approving_card",
    "declining_card",
    "packet",
    "subscription_body",
    "three_ds_card",
    "token_declining_card",
]
