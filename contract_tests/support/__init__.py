"""Helpers shared by the suites, the demo and the benchmark: servers, credentials, cards, the ACS walk."""
