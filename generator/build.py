"""The generation pipeline: JSON-only spec -> openapi-python-client -> extra modules -> ruff."""

from __future__ import annotations

import difflib
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any, Final

import yaml
from openapi_python_client import Project
from openapi_python_client.config import Config, ConfigFile, MetaType
from openapi_python_client.parser import GeneratorData

from generator.facade import render_extras
from generator.spec_transform import json_only

GENERATOR_DIR: Final = Path(__file__).resolve().parent
REPO_ROOT: Final = GENERATOR_DIR.parent
SPEC: Final = REPO_ROOT / "openapi.yaml"
OUTPUT: Final = REPO_ROOT / "generated_client"
CONFIG: Final = GENERATOR_DIR / "config.yaml"
TEMPLATES: Final = GENERATOR_DIR / "templates"
# Packaging: the uv layout is the smallest; its pyproject template is overridden to build with hatchling.
META: Final = MetaType.UV
# Files the generator or its hooks leave behind that are not part of the package.
IGNORED: Final = frozenset({".ruff_cache", "__pycache__", ".mypy_cache"})


class GenerationError(RuntimeError):
    """openapi-python-client or a post-hook failed; the message carries its output."""


def load_spec(path: Path = SPEC) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        spec = yaml.safe_load(handle)
    if not isinstance(spec, dict):
        raise GenerationError(f"{path} is not a YAML mapping")
    return spec


def _tool_env() -> dict[str, str]:
    """The subprocess environment with this interpreter's bin first, so the ruff hooks are found."""
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    return env


def _write_inputs(spec: dict[str, Any], workdir: Path) -> tuple[Path, Path]:
    view_path = workdir / "openapi.client.yaml"
    with view_path.open("w", encoding="utf-8") as handle:
        yaml.safe_dump(json_only(spec), handle, sort_keys=False, allow_unicode=True)
    with CONFIG.open(encoding="utf-8") as handle:
        config = yaml.safe_load(handle)
    # The package version is the API description's version.
    config["package_version_override"] = str(spec["info"]["version"])
    config_path = workdir / "config.yaml"
    with config_path.open("w", encoding="utf-8") as handle:
        yaml.safe_dump(config, handle, sort_keys=False)
    return view_path, config_path


def _run(command: list[str], cwd: Path) -> None:
    done = subprocess.run(command, cwd=cwd, env=_tool_env(), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise GenerationError(f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout}{done.stderr}")


def generate(output: Path = OUTPUT, spec_path: Path = SPEC) -> None:
    """Rebuild `output` from the spec; the result is byte-identical for the same inputs."""
    spec = load_spec(spec_path)
    with tempfile.TemporaryDirectory(prefix="cloudpayments-gen-") as tmp:
        view_path, config_path = _write_inputs(spec, Path(tmp))
        _run(
            [
                sys.executable, "-m", "openapi_python_client", "generate",
                "--path", str(view_path), "--config", str(config_path),
                "--custom-template-path", str(TEMPLATES), "--meta", META.value,
                "--output-path", str(output), "--overwrite", "--fail-on-warning",
            ],
            cwd=Path(tmp),
        )  # fmt: skip
        config = Config.from_sources(
            ConfigFile.load_from_path(config_path), META, view_path, "utf-8", True, output
        )
        view = load_spec(view_path)
        openapi = GeneratorData.from_dict(view, config=config)
        if not isinstance(openapi, GeneratorData):
            raise GenerationError(f"cannot parse the JSON-only spec: {openapi.header} {openapi.detail}")
        project = Project(openapi=openapi, config=config, custom_template_path=TEMPLATES)
        render_extras(project, view)
        for hook in config.post_hooks:
            _run(hook.split(), cwd=output)
    for leftover in IGNORED:
        shutil.rmtree(output / leftover, ignore_errors=True)


def _files(root: Path) -> set[Path]:
    return {
        path.relative_to(root)
        for path in root.rglob("*")
        if path.is_file() and not IGNORED.intersection(path.relative_to(root).parts)
    }


def diff_trees(expected: Path, actual: Path) -> str:
    """A unified diff from the committed tree (`actual`) to a fresh generation (`expected`)."""
    chunks: list[str] = []
    for rel in sorted(_files(expected) | _files(actual)):
        new, old = expected / rel, actual / rel
        if new.is_file() and old.is_file() and filecmp.cmp(new, old, shallow=False):
            continue
        old_lines = old.read_text(encoding="utf-8").splitlines(keepends=True) if old.is_file() else []
        new_lines = new.read_text(encoding="utf-8").splitlines(keepends=True) if new.is_file() else []
        chunks.extend(difflib.unified_diff(old_lines, new_lines, f"committed/{rel}", f"regenerated/{rel}"))
    return "".join(chunks)


def check(committed: Path = OUTPUT, spec_path: Path = SPEC) -> str:
    """Regenerate into a scratch folder; returns the diff against `committed` ('' = up to date)."""
    with tempfile.TemporaryDirectory(prefix="cloudpayments-check-") as tmp:
        fresh = Path(tmp) / committed.name
        generate(fresh, spec_path)
        return diff_trees(fresh, committed)
