"""Build hook: the files of the mock's wheel, and spec_tools with a copy of openapi.yaml in its sdist.

This folder is the `mock_server` package. spec_tools and openapi.yaml stay single in the checkout
(`../spec_tools`, `../openapi.yaml`); the copies exist only inside the built archives. An sdist carries them
at its top (`spec_tools/`, `openapi.yaml`), so a wheel built from the sdist finds them there. In the wheel the
spec sits at `spec_tools/openapi.yaml`, where `spec_tools.default_spec_path()` looks when there is no
checkout around it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:

    class BuildHookInterface:
        root: str
        target_name: str

else:
    from hatchling.builders.hooks.plugin.interface import BuildHookInterface

# Files of this folder that build the package but are not part of it.
BUILD_FILES = frozenset({"pyproject.toml", "hatch_build.py"})
PACKAGE_DATA = ("README.md", "CHANGELOG.md")


def _located(root: Path, name: str) -> Path:
    """`name` in an unpacked sdist (its top) or in the checkout (the folder above this one)."""
    for base in (root, root.parent):
        if (base / name).exists():
            return base / name
    raise FileNotFoundError(f"{name} is neither in {root} nor in {root.parent}")


def _modules(folder: Path, recursive: bool) -> list[Path]:
    found = folder.rglob("*.py") if recursive else folder.glob("*.py")
    return sorted(path for path in found if "__pycache__" not in path.parts)


def _mock_files(root: Path) -> dict[str, str]:
    """This folder's modules (not an sdist's copy of spec_tools) and its README and changelog."""
    modules = [
        path
        for path in _modules(root, recursive=True)
        if path.relative_to(root).parts[0] != "spec_tools" and path.name not in BUILD_FILES
    ]
    files = modules + [root / name for name in PACKAGE_DATA] + [root / "py.typed"]
    return {str(path): f"mock_server/{path.relative_to(root).as_posix()}" for path in files if path.exists()}


class MockPackageHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        reader, spec = _located(root, "spec_tools"), _located(root, "openapi.yaml")
        in_wheel = self.target_name == "wheel"
        include: dict[str, str] = _mock_files(root) if in_wheel else {}
        for path in [*_modules(reader, recursive=False), reader / "README.md"]:
            include[str(path)] = f"spec_tools/{path.name}"
        include[str(spec)] = "spec_tools/openapi.yaml" if in_wheel else "openapi.yaml"
        build_data["force_include"].update(include)
