"""The development environment is what the lock file says, and the lock file is what pyproject.toml pins."""

from __future__ import annotations

import importlib.metadata
import re
import tomllib
from typing import Final

from spec_tools import REPO_ROOT

LOCK: Final = REPO_ROOT / "requirements.lock"
_PIN: Final = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\;]+)", re.MULTILINE)


def _name(text: str) -> str:
    return re.sub(r"[-_.]+", "-", text).lower()


def _locked() -> dict[str, str]:
    return {_name(name): version for name, version in _PIN.findall(LOCK.read_text(encoding="utf-8"))}


def test_every_direct_pin_is_locked_at_the_same_version() -> None:
    with (REPO_ROOT / "pyproject.toml").open("rb") as handle:
        direct = tomllib.load(handle)["project"]["dependencies"]
    locked = _locked()
    for requirement in direct:
        name, version = requirement.split("==")
        assert locked.get(_name(name)) == version, f"{requirement}: run `make lock`"


def test_every_locked_package_has_hashes() -> None:
    text = LOCK.read_text(encoding="utf-8")
    blocks = [block for block in re.split(r"\n(?=\S)", text) if _PIN.match(block)]
    assert len(blocks) == len(_locked()) > 0
    assert all("--hash=sha256:" in block for block in blocks)


def test_the_installed_environment_matches_the_lock() -> None:
    """`make setup` installs the lock; a package installed by hand at another version shows here."""
    mismatched = {}
    for name, version in _locked().items():
        try:
            installed = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            installed = "missing"
        if installed != version:
            mismatched[name] = (version, installed)
    assert not mismatched, f"locked vs installed: {mismatched}; run `make setup`"
