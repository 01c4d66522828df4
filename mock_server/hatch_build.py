"""Build hook: the mock's wheel installs one namespaced package, `cloudpayments_mock`, and nothing else.

In the checkout this folder is the `mock_server` package and `spec_tools` (the one reader of the spec) sits
beside it, shared with the generator and the tests; both names are too common to install at the top level of
someone's environment. The wheel carries them as `cloudpayments_mock` (this folder's modules) and
`cloudpayments_mock._spec` (spec_tools, with a copy of openapi.yaml where `default_spec_path()` looks), and
the docs page (`docs/index.html`, built by `make docs`) as `cloudpayments_mock/docs/index.html`, which
`/docs` serves. The modules are copied with their imports renamed: `mock_server` -> `cloudpayments_mock` (in
code and in strings, so `python -m ...` in help texts and logger names follow), `spec_tools` ->
`cloudpayments_mock._spec` (imports only; the name stays bound as `spec_tools`).

The sdist carries the checkout's copies at its top (`spec_tools/`, `openapi.yaml`, `docs/index.html`), so a
wheel built from the sdist finds them there.
"""

from __future__ import annotations

import ast
import io
import re
import shutil
import tempfile
import tokenize
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:

    class BuildHookInterface:
        root: str
        target_name: str

else:
    try:
        from hatchling.builders.hooks.plugin.interface import BuildHookInterface
    except ImportError:  # imported without hatchling (the tests stage the wheel's files with `stage_wheel`)
        BuildHookInterface = object

PACKAGE = "cloudpayments_mock"
READER = f"{PACKAGE}._spec"
# Files of this folder that build the package but are not part of it.
BUILD_FILES = frozenset({"pyproject.toml", "hatch_build.py"})
PACKAGE_DATA = ("CHANGELOG.md", "py.typed")
_MOCK_WORD = re.compile(r"\bmock_server\b")


def _located(root: Path, name: str) -> Path:
    """`name` in an unpacked sdist (its top) or in the checkout (the folder above this one)."""
    for base in (root, root.parent):
        if (base / name).exists():
            return base / name
    raise FileNotFoundError(
        f"{name} is neither in {root} nor in {root.parent}"
        + (" (run `make docs` first: the wheel ships the docs page)" if name.startswith("docs") else "")
    )


def _modules(folder: Path, recursive: bool) -> list[Path]:
    found = folder.rglob("*.py") if recursive else folder.glob("*.py")
    return sorted(path for path in found if "__pycache__" not in path.parts)


def _reader_imports(source: str) -> dict[int, tuple[int, str, str]]:
    """Line number -> (column, old text, new text) for each import of spec_tools in `source`."""
    found: dict[int, tuple[int, str, str]] = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == "spec_tools" or node.module.startswith("spec_tools."):
                new = READER + node.module.removeprefix("spec_tools")
                found[node.lineno] = (node.col_offset, f"from {node.module} ", f"from {new} ")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "spec_tools":
                    if len(node.names) != 1:
                        raise ValueError(f"line {node.lineno}: import spec_tools on a line of its own")
                    bound = alias.asname or "spec_tools"
                    old = f"import spec_tools{' as ' + alias.asname if alias.asname else ''}"
                    found[node.lineno] = (node.col_offset, old, f"from {PACKAGE} import _spec as {bound}")
                elif alias.name.startswith("spec_tools."):
                    raise ValueError(f"line {node.lineno}: `import {alias.name}`: use a from-import")
    return found


def namespaced(source: str) -> str:
    """A module of the checkout as the wheel installs it (see the module's docstring)."""
    lines = source.splitlines(keepends=True)
    for lineno, (column, old, new) in _reader_imports(source).items():
        line = lines[lineno - 1]
        if line[column : column + len(old)] != old:
            raise ValueError(f"line {lineno}: expected {old!r} at column {column}")
        lines[lineno - 1] = line[:column] + new + line[column + len(old) :]
    text = "".join(lines)
    starts = [0]
    for line in text.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    edits: list[tuple[int, int, str]] = []
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type == tokenize.NAME and token.string == "mock_server":
            new_text = PACKAGE
        elif token.type == tokenize.STRING and _MOCK_WORD.search(token.string):
            new_text = _MOCK_WORD.sub(PACKAGE, token.string)
        else:
            continue
        begin = starts[token.start[0] - 1] + token.start[1]
        edits.append((begin, starts[token.end[0] - 1] + token.end[1], new_text))
    for begin, end, new_text in reversed(edits):
        text = text[:begin] + new_text + text[end:]
    return text


def stage_wheel(root: Path, staging: Path, *, with_docs: bool = True) -> dict[str, str]:
    """The wheel's files: source path -> path in the wheel. Modules are written renamed under `staging`
    (their source is the staged copy); the spec, the docs page and the package data are named as they are."""
    reader, spec = _located(root, "spec_tools"), _located(root, "openapi.yaml")
    mock = [
        path
        for path in _modules(root, recursive=True)
        if path.relative_to(root).parts[0] not in {"spec_tools", "docs"} and path.name not in BUILD_FILES
    ]
    copies = {path: f"{PACKAGE}/{path.relative_to(root).as_posix()}" for path in mock}
    copies |= {path: f"{PACKAGE}/_spec/{path.name}" for path in _modules(reader, recursive=False)}
    files: dict[str, str] = {}
    for path, target in copies.items():
        staged = staging / target
        staged.parent.mkdir(parents=True, exist_ok=True)
        staged.write_text(namespaced(path.read_text(encoding="utf-8")), encoding="utf-8")
        files[str(staged)] = target
    for name in PACKAGE_DATA:
        if (root / name).exists():
            files[str(root / name)] = f"{PACKAGE}/{name}"
    # The installer's README (PACKAGE.md) is the package's; the checkout's README speaks of the repository.
    files[str(root / "PACKAGE.md")] = f"{PACKAGE}/README.md"
    files[str(spec)] = f"{PACKAGE}/_spec/openapi.yaml"
    if with_docs:  # a wheel always ships it; tests that do not need the page stage without it
        files[str(_located(root, "docs/index.html"))] = f"{PACKAGE}/docs/index.html"
    return files


class MockPackageHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        include: dict[str, str] = build_data["force_include"]
        if self.target_name != "wheel":
            reader = _located(root, "spec_tools")
            for path in [*_modules(reader, recursive=False), reader / "README.md"]:
                include[str(path)] = f"spec_tools/{path.name}"
            include[str(_located(root, "openapi.yaml"))] = "openapi.yaml"
            include[str(_located(root, "docs/index.html"))] = "docs/index.html"
            return
        self._staging = Path(tempfile.mkdtemp(prefix="cloudpayments-mock-wheel-"))
        include.update(stage_wheel(root, self._staging))

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        staging = getattr(self, "_staging", None)
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
