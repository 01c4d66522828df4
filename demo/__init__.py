"""End-to-end demo: the generated client drives a realistic scenario against the mock (or the real API)."""
