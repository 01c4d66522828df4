"""Stateful mock of the CloudPayments API, driven by openapi.yaml (see mock_server/README.md)."""

from mock_server.app import create_app
from mock_server.cryptogram import make_packet
from mock_server.defaults import DEFAULT_API_SECRET, DEFAULT_PUBLIC_ID

__all__ = ["DEFAULT_API_SECRET", "DEFAULT_PUBLIC_ID", "create_app", "make_packet"]
