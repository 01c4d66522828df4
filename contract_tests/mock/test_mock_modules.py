"""How the mock's modules depend on each other: no import cycle, and the resources and the notifications
(webhooks/) meet only in modules that import nothing of either (`ledger.py`, `events.py`, the notification
settings), so a new resource touches neither side's internals."""

from __future__ import annotations

import ast
import graphlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "mock_server"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """The mock's modules `path` imports, at any level (under TYPE_CHECKING too): `from mock_server import
    pages` names the submodule."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            submodules = {f"{node.module}.{a.name}" for a in node.names} & modules
            found.update(submodules or ({node.module} & modules))
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name in modules)
    return found


def import_graph() -> dict[str, set[str]]:
    paths = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    return {name: _imports(path, set(paths)) - {name} for name, path in paths.items()}


def cycle(graph: dict[str, set[str]]) -> list[str] | None:
    try:
        tuple(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError as exc:
        return list(exc.args[1])
    return None


def test_the_graph_is_read() -> None:
    graph = import_graph()
    assert "mock_server.pages" in graph["mock_server.routes.site"]
    assert "mock_server.ledger" in graph["mock_server.webhooks.payloads"]
    assert cycle({"a": {"b"}, "b": {"a"}}) is not None


def test_no_module_of_the_mock_imports_itself_back() -> None:
    assert cycle(import_graph()) is None


@pytest.mark.parametrize(("side", "other"), [("resources", "webhooks"), ("webhooks", "resources")])
def test_resources_and_notifications_meet_only_in_the_leaf_modules(side: str, other: str) -> None:
    graph = import_graph()

    def reaches(name: str, prefix: str, seen: set[str]) -> bool:
        if name.startswith(prefix):
            return True
        seen.add(name)
        return any(reaches(target, prefix, seen) for target in graph[name] - seen)

    crossing = sorted(
        f"{name} -> {target}"
        for name, targets in graph.items()
        if name.startswith(f"mock_server.{side}.")
        for target in targets
        if reaches(target, f"mock_server.{other}.", set()) and graph[target] - {"mock_server.webhooks"}
    )
    assert not crossing
