"""Shared fixtures: the spec is parsed once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from spec_tools import Spec, default_spec_path, load_spec


@pytest.fixture(scope="session")
def spec_path() -> Path:
    path = default_spec_path()
    if not path.is_file():
        pytest.fail(f"spec not found: {path}")
    return path


@pytest.fixture(scope="session")
def spec(spec_path: Path) -> Spec:
    return load_spec(spec_path)
