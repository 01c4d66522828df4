"""Releases of the client: the last release's snapshot and the check of what changed since.

A release is a folder `generator/releases/<version>/` holding `api.json` (the public API of
`cloudpayments_client` as griffe reads it, serialised with its JSON encoder) and `openapi.yaml` (the API
description as it was), so the comparison needs neither git tags nor history. `python -m generator release`
writes it for the version in `generator/package.yaml` and removes the previous one (git keeps it);
`python -m generator api-check` compares the current package and `openapi.yaml` with it:

- the Python API's breaking changes (griffe's `find_breaking_changes`) and the spec's changes
  (`generator.spec_diff`);
- it fails when something breaks and the major version was not bumped, when the version went down, or when
  `generator/CHANGELOG.md` has no entry for the current version.

`--write-changelog` writes the changes as a section of the current version's changelog entry, between markers,
replacing the section a previous run wrote.
"""

from __future__ import annotations

import ast
import json
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import griffe

import spec_tools
from generator.build import CHANGELOG, GENERATOR_DIR, OUTPUT, SPEC, package_facts
from generator.spec_diff import SpecChange, markdown, spec_changes

RELEASES: Final = GENERATOR_DIR / "releases"
PACKAGE: Final = "cloudpayments_client"
API_FILE: Final = "api.json"
SPEC_FILE: Final = "openapi.yaml"
RELEASE_FILE: Final = "release.json"
SECTION_START: Final = "<!-- changes-since-release: `python -m generator api-check --write-changelog` -->"
SECTION_END: Final = "<!-- /changes-since-release -->"
_VERSION: Final = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")
# Attributes whose value is expected to change with every release.
_VERSIONED_VALUES: Final = frozenset({"__version__", "VERSION"})  # VERSION: client.py, in the User-Agent
_ANSI: Final = re.compile(r"\x1b\[[0-9;]*m")


class ReleaseError(RuntimeError):
    """A release cannot be written or read; the message says why."""


def parse_version(text: str) -> tuple[int, int, int]:
    found = _VERSION.match(text.strip())
    if not found:
        raise ReleaseError(f"{text!r} is not a MAJOR.MINOR.PATCH version")
    major, minor, patch = (int(part) for part in found.groups())
    return major, minor, patch


def current_version() -> str:
    return str(package_facts()["version"])


# ----------------------------------------------------------------------------------------------------
# The Python API as griffe reads it


def _text(value: Any) -> Any:
    return None if value is None else str(value)


def _public_only(obj: griffe.Object) -> None:
    """Keep what griffe's comparison looks at: public members, with expressions as their source text.

    griffe compares parameters (names, kinds, defaults), return presence, attribute values and members; it
    does not compare annotations. Expressions become text on both sides, so they compare alike.
    """
    for name in [name for name, member in obj.members.items() if not member.is_public]:
        obj.del_member(name)
    obj.docstring = None
    for member in obj.members.values():
        if isinstance(member, griffe.Alias):
            continue
        member.docstring = None
        if isinstance(member, griffe.Class):
            member.bases = [_text(base) for base in member.bases]
            member.decorators = []
        if isinstance(member, griffe.Function):
            for parameter in member.parameters:
                parameter.annotation = _text(parameter.annotation)
                parameter.default = _text(parameter.default)
            member.returns = _text(member.returns)
            member.decorators = []
        if isinstance(member, griffe.Attribute):
            member.annotation = _text(member.annotation)
            member.value = _text(member.value)
        if isinstance(member, griffe.Module | griffe.Class):
            _public_only(member)


def _relative_paths(node: Any) -> Any:
    """The dump with file paths relative to the package's folder (no machine's checkout in a snapshot)."""
    if isinstance(node, dict):
        return {
            key: _relative_path(value) if key == "filepath" else _relative_paths(value)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_relative_paths(item) for item in node]
    return node


def _relative_path(value: Any) -> Any:
    if isinstance(value, list):
        return [_relative_path(item) for item in value]
    if isinstance(value, str):
        parts = Path(value).parts
        return "/".join(parts[parts.index(PACKAGE) :]) if PACKAGE in parts else Path(value).name
    return value


def api_dump(project: Path = OUTPUT) -> str:
    """The public API of the package in `project` (a generated client folder) as JSON text."""
    module = griffe.load(PACKAGE, search_paths=[str(project)], resolve_aliases=False)
    if not isinstance(module, griffe.Module):
        raise ReleaseError(f"{project} does not hold the {PACKAGE} package")
    _public_only(module)
    return json.dumps(_relative_paths(json.loads(module.as_json())), indent=1, sort_keys=True) + "\n"


def api_from_dump(text: str) -> griffe.Module:
    """The API back from `api_dump`'s text, with the modules collection its aliases resolve in."""
    module = griffe.Module.from_json(text)
    if not isinstance(module, griffe.Module):
        raise ReleaseError("the API snapshot does not hold a module")
    collection = griffe.ModulesCollection()
    collection.set_member(module.path, module)
    module._modules_collection = collection
    return module


def _members(value: str) -> frozenset[object] | None:
    """The values of a `Literal[...]` or of a set display, as the generated enums write them; else None."""
    text = value.strip()
    if text.startswith("Literal[") and text.endswith("]"):
        text = "(" + text[len("Literal[") : -1] + ",)"
    elif not (text.startswith("{") and text.endswith("}")):
        return None
    try:
        parsed = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return None
    return frozenset(parsed) if isinstance(parsed, tuple | set) else None


def _union_names(value: str) -> list[str] | None:
    """The names of a union alias of classes (`A | B | C`), in order; else None."""
    names = [part.strip() for part in value.strip().strip("()").split("|")]
    return names if len(names) > 1 and all(name.isidentifier() for name in names) else None


def _widened(old: str, new: str) -> bool:
    """A Literal or value set of an enum that only gained values (the spec's added enum values): a caller's
    value stays valid, and answers keep values they do not know. Likewise a union alias of classes that only
    gained members at its end (the `Notification` of a new notification type)."""
    before, after = _members(old), _members(new)
    if before is not None and after is not None:
        return before <= after
    old_names, new_names = _union_names(old), _union_names(new)
    return old_names is not None and new_names is not None and new_names[: len(old_names)] == old_names


def _harmless(breakage: griffe.AttributeChangedValueBreakage) -> bool:
    """A new version constant, an enum that only gained values, or a field with no value before and a default
    now (a model's required field made optional by the spec)."""
    if breakage.obj.name in _VERSIONED_VALUES:
        return True
    before, after = breakage.old_value, breakage.new_value
    return (before is None and after is not None) or _widened(str(before), str(after))


def api_breakages(old: griffe.Module, new: griffe.Module) -> list[str]:
    """griffe's breaking changes from `old` to `new`, one line each (a new `__version__` is not one)."""
    found: list[str] = []
    for breakage in griffe.find_breaking_changes(old, new):
        if isinstance(breakage, griffe.AttributeChangedValueBreakage) and _harmless(breakage):
            continue
        # griffe colours its explanations for a terminal; the report is also Markdown
        found.append(_ANSI.sub("", breakage.explain(style=griffe.ExplanationStyle.ONE_LINE)).strip())
    return sorted(found)


# ----------------------------------------------------------------------------------------------------
# Releases on disk


@dataclass(frozen=True)
class Release:
    version: str
    folder: Path

    @property
    def api(self) -> Path:
        return self.folder / API_FILE

    @property
    def spec(self) -> Path:
        return self.folder / SPEC_FILE


def releases(root: Path = RELEASES) -> list[Release]:
    """The release folders, oldest first."""
    found = (
        [
            Release(path.name, path)
            for path in root.iterdir()
            if path.is_dir() and _VERSION.match(path.name) and (path / API_FILE).is_file()
        ]
        if root.is_dir()
        else []
    )
    return sorted(found, key=lambda release: parse_version(release.version))


def last_release(root: Path = RELEASES) -> Release:
    found = releases(root)
    if not found:
        raise ReleaseError(f"no release in {root}; write one with `python -m generator release`")
    return found[-1]


def write_release(
    version: str,
    *,
    project: Path = OUTPUT,
    spec_path: Path = SPEC,
    root: Path = RELEASES,
    changelog: Path = CHANGELOG,
) -> Release:
    """Snapshot the package's API and the spec as release `version`; earlier snapshots are removed."""
    parse_version(version)
    if not has_changelog_entry(changelog, version):
        raise ReleaseError(f"{changelog.name} has no `## {version}` entry")
    earlier = releases(root)
    if earlier and parse_version(version) < parse_version(earlier[-1].version):
        raise ReleaseError(f"release {earlier[-1].version} is newer than {version}")
    spec = spec_tools.load_spec(spec_path)
    folder = root / version
    folder.mkdir(parents=True, exist_ok=True)
    (folder / API_FILE).write_text(api_dump(project), encoding="utf-8")
    shutil.copyfile(spec_path, folder / SPEC_FILE)
    facts = {"package": PACKAGE, "version": version, "api_description": str(spec["info"]["version"])}
    (folder / RELEASE_FILE).write_text(json.dumps(facts, indent=1) + "\n", encoding="utf-8")
    for old in earlier:
        if old.folder != folder:
            shutil.rmtree(old.folder)
    return Release(version, folder)


# ----------------------------------------------------------------------------------------------------
# The check


def has_changelog_entry(changelog: Path, version: str) -> bool:
    pattern = re.compile(rf"^## {re.escape(version)}\s*$", re.MULTILINE)
    return bool(pattern.search(changelog.read_text(encoding="utf-8")))


@dataclass
class Report:
    released: str
    current: str
    api: list[str]
    spec: list[SpecChange]
    problems: list[str] = field(default_factory=list)

    @property
    def breaking(self) -> bool:
        return bool(self.api) or any(change.breaking for change in self.spec)

    @property
    def ok(self) -> bool:
        return not self.problems

    def section(self) -> str:
        """The Markdown section for the changelog entry of the current version."""
        lines = [SECTION_START, f"### Changes since {self.released}", "", "The API description:", ""]
        lines += markdown(self.spec)
        lines += ["", "The Python API (breaking changes only):", ""]
        lines += [f"- {line}" for line in self.api] or ["- None."]
        return "\n".join([*lines, SECTION_END]) + "\n"


def check(
    *,
    project: Path = OUTPUT,
    spec_path: Path = SPEC,
    version: str | None = None,
    root: Path = RELEASES,
    changelog: Path = CHANGELOG,
    api: Iterable[str] | None = None,
) -> Report:
    """Compare the package and spec with the last release. `api` skips loading the package (given lines)."""
    release = last_release(root)
    current = current_version() if version is None else version
    if api is None:
        old_api = api_from_dump(release.api.read_text(encoding="utf-8"))
        # The current package goes through the same dump, so both sides are read alike.
        api = api_breakages(old_api, api_from_dump(api_dump(project)))
    changes = spec_changes(spec_tools.load_spec(release.spec), spec_tools.load_spec(spec_path))
    report = Report(release.version, current, list(api), changes)
    released, now = parse_version(release.version), parse_version(current)
    if now < released:
        report.problems.append(f"the version went down: {current} is older than release {release.version}")
    if report.breaking and now[0] <= released[0]:
        report.problems.append(
            f"breaking changes since {release.version} need a new major version "
            f"(generator/package.yaml says {current})"
        )
    if not has_changelog_entry(changelog, current):
        report.problems.append(f"{changelog.name} has no `## {current}` entry")
    return report


def write_changelog(report: Report, changelog: Path = CHANGELOG) -> bool:
    """Put the report's section into the current version's entry (replacing an earlier one); True if changed.

    With no change since the release the section is removed.
    """
    text = changelog.read_text(encoding="utf-8")
    without = re.sub(
        rf"\n?{re.escape(SECTION_START)}.*?{re.escape(SECTION_END)}\n", "", text, flags=re.DOTALL
    )
    heading = re.search(rf"^## {re.escape(report.current)}\s*$", without, re.MULTILINE)
    if heading is None:
        raise ReleaseError(f"{changelog.name} has no `## {report.current}` entry")
    if report.spec or report.api:
        following = re.search(r"^## ", without[heading.end() :], re.MULTILINE)
        end = heading.end() + following.start() if following else len(without)
        entry = without[:end].rstrip("\n") + "\n\n" + report.section()
        updated = entry + ("\n" + without[end:] if following else "")
    else:
        updated = without
    if updated == text:
        return False
    changelog.write_text(updated, encoding="utf-8")
    return True


def summary(report: Report) -> str:
    """What the command prints: the section, then the verdict."""
    verdict = (
        [f"api-check: {report.current} against release {report.released}: ok"]
        if report.ok
        else [f"api-check: {problem}" for problem in report.problems]
    )
    return report.section() + "\n" + "\n".join(verdict) + "\n"
