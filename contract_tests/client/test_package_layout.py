"""The package's modules import in one direction: the clients (`client.py`) import the resource groups
(`api/<tag>`) and the runtime (`_runtime.py`); the groups import the runtime; the runtime imports neither.
No module of the package imports `client.py` but the package's `__init__`."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path
from typing import Final

import cloudpayments_client

PACKAGE: Final = Path(cloudpayments_client.__file__).parent


def _imported_modules(path: Path) -> set[str]:
    """The package modules `path` imports, dotted, relative to the package (`client`, `api.general`)."""
    depth = len(path.relative_to(PACKAGE).parts) - 1  # a module in api/<tag>/ is two levels down
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = list(path.relative_to(PACKAGE).parts[:depth])[: max(0, depth - (node.level - 1))]
            module = ".".join([*base, *(node.module.split(".") if node.module else [])])
            found.add(module)
    return found


def test_nothing_but_the_package_init_imports_the_clients() -> None:
    importers = sorted(
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "client" in _imported_modules(path)
    )
    assert importers == ["__init__.py"]


def test_the_runtime_imports_no_resource_group() -> None:
    imported = _imported_modules(PACKAGE / "_runtime.py")
    assert imported, "the runtime imports the package's errors, models and types"
    assert not {name for name in imported if name == "api" or name.startswith("api.") or name == "client"}


def test_each_resource_group_imports_its_runtime() -> None:
    groups = sorted(path for path in (PACKAGE / "api").iterdir() if (path / "__init__.py").exists())
    assert len(groups) >= 7
    for group in groups:
        assert "_runtime" in _imported_modules(group / "__init__.py"), group.name


def test_a_resource_group_imports_first_in_a_fresh_interpreter() -> None:
    # Before the split, a group imported first reached `client.py`, which imported the group back.
    code = "import cloudpayments_client.api.payments as group; print(group.Payments)"
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PACKAGE.parent,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Payments" in done.stdout
