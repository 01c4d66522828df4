"""Bounded local benchmark of the mock and the generated client (`make bench`, `python -m bench`)."""
