"""Releases: what changed since the last one is reported, and a break needs a new major version.

Spec changes are made on scratch copies of openapi.yaml (never the real one) against a release written into
tmp_path; the Python API comparison runs on packages generated from the small specs of test_generation.py.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
from pathlib import Path
from typing import Any, Final

import griffe
import pytest

import spec_tools
from contract_tests.generator.test_generation import TINY_SPEC, write_spec
from generator import releases
from generator.__main__ import main
from generator.build import OUTPUT, generate, package_facts
from generator.spec_diff import SpecChange, spec_changes

RELEASED: Final = "1.1.0"
CHARGE: Final = "POST /payments/cards/charge"


def _spec() -> dict[str, Any]:
    return spec_tools.load_spec()


def _write(directory: Path, spec: dict[str, Any], name: str = "openapi.yaml") -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    # JSON is YAML too, and much faster to write
    path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    return path


def _changelog(directory: Path, *versions: str) -> Path:
    path = directory / "CHANGELOG.md"
    entries = "".join(f"## {version}\n\n- What changed in {version}.\n\n" for version in versions)
    path.write_text(f"# Changelog\n\n{entries}", encoding="utf-8")
    return path


def _release_root(tmp_path: Path) -> Path:
    """A releases folder with release 1.1.0: the committed snapshot and openapi.yaml as it is now."""
    folder = tmp_path / "releases" / RELEASED
    folder.mkdir(parents=True)
    shutil.copyfile(spec_tools.default_spec_path(), folder / releases.SPEC_FILE)
    shutil.copyfile(releases.last_release().api, folder / releases.API_FILE)
    return folder.parent


def _check(tmp_path: Path, new: dict[str, Any], version: str, *entries: str) -> releases.Report:
    root = _release_root(tmp_path)
    changelog = _changelog(tmp_path, *(entries or (version,)))
    scratch = _write(tmp_path / "scratch", new)
    return releases.check(spec_path=scratch, version=version, root=root, changelog=changelog, api=[])


def _charge_request_part(spec: dict[str, Any], field: str) -> dict[str, Any]:
    """The part of chargeCard's JSON body schema that declares `field` (a dict inside `spec`)."""
    pointer = spec_tools.find_operation(spec, "/payments/cards/charge").request_schemas[spec_tools.JSON]
    body = spec_tools.pointer_get(spec, pointer)
    part = next(p for p in spec_tools.parts(body, spec) if field in p.get("properties", {}))
    assert isinstance(part, dict)
    return part


def _about(changes: list[SpecChange], where: str) -> list[tuple[str, bool]]:
    return [(change.what, change.breaking) for change in changes if change.where.startswith(where)]


# ----------------------------------------------------------------------------------------------------
# The committed release


def test_the_committed_release_is_one_snapshot_not_newer_than_the_version() -> None:
    (release,) = releases.releases()
    version = str(package_facts()["version"])
    assert releases.parse_version(release.version) <= releases.parse_version(version)
    facts = json.loads((release.folder / releases.RELEASE_FILE).read_text(encoding="utf-8"))
    assert facts["version"] == release.version and facts["package"] == releases.PACKAGE
    assert facts["api_description"] == str(spec_tools.load_spec(release.spec)["info"]["version"])
    text = release.api.read_text(encoding="utf-8")
    api = releases.api_from_dump(text)
    assert {"CloudPayments", "AsyncCloudPayments", "__version__"} <= set(api.members)
    assert str(spec_tools.REPO_ROOT) not in text, "no machine's paths in the snapshot"


def test_the_snapshot_reads_the_package_as_griffe_does() -> None:
    """The dump keeps the public members griffe reads (expressions as text: both sides are dumped alike)."""
    dumped = releases.api_from_dump(releases.api_dump())
    assert releases.api_breakages(dumped, releases.api_from_dump(releases.api_dump())) == []
    live = griffe.load(releases.PACKAGE, search_paths=[str(OUTPUT)], resolve_aliases=False)
    assert isinstance(live, griffe.Module)
    members = {name for name, member in live.members.items() if member.is_public}
    assert members == set(dumped.members)


def test_the_command_fails_on_a_break_and_prints_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # a minor version after the release, whatever generator/package.yaml says now
    monkeypatch.setattr(releases, "current_version", lambda: "1.2.0")
    new = copy.deepcopy(_spec())
    del new["paths"]["/payments/void"]
    assert main(["--spec", str(_write(tmp_path, new)), "api-check"]) == 1
    out = capsys.readouterr().out
    assert "**Breaking:** POST /payments/void: operation removed (`voidPayment`)" in out
    assert "need a new major version" in out


# ----------------------------------------------------------------------------------------------------
# The spec's changes


def test_a_removed_request_parameter_is_breaking_until_the_major_is_bumped(tmp_path: Path) -> None:
    new = copy.deepcopy(_spec())
    del _charge_request_part(new, "Description")["properties"]["Description"]
    report = _check(tmp_path / "minor", new, "1.2.0")
    assert ("parameter removed: body Description", True) in _about(report.spec, CHARGE)
    assert report.breaking and not report.ok
    assert any("need a new major version" in problem for problem in report.problems), report.problems
    assert "**Breaking:** POST /payments/cards/charge" in report.section()
    bumped = _check(tmp_path / "major", new, "2.0.0")
    assert bumped.breaking and bumped.ok, bumped.problems


def test_an_optional_parameter_made_required_is_breaking(tmp_path: Path) -> None:
    new = copy.deepcopy(_spec())
    _charge_request_part(new, "InvoiceId")["required"].append("InvoiceId")
    report = _check(tmp_path, new, "1.1.1")
    assert ("parameter now required: body InvoiceId", True) in _about(report.spec, CHARGE)
    assert not report.ok


def test_a_removed_operation_and_a_removed_request_enum_value_are_breaking(tmp_path: Path) -> None:
    new = copy.deepcopy(_spec())
    del new["paths"]["/payments/void"]
    new["components"]["schemas"]["Currency"]["enum"].remove("USD")
    report = _check(tmp_path, new, "1.2.0")
    assert ("operation removed (`voidPayment`)", True) in _about(report.spec, "POST /payments/void")
    assert ('enum values removed from request body Currency: `"USD"`', True) in _about(report.spec, CHARGE)
    assert not report.ok


def test_a_new_optional_parameter_and_a_new_operation_pass_with_a_minor_bump(tmp_path: Path) -> None:
    new = copy.deepcopy(_spec())
    _charge_request_part(new, "InvoiceId")["properties"]["Comment"] = {"type": "string"}
    added = copy.deepcopy(new["paths"]["/test"])
    added["post"]["operationId"] = "testAgain"
    new["paths"]["/test/again"] = added
    new["components"]["schemas"]["Currency"]["enum"].append("XTS")
    report = _check(tmp_path, new, "1.2.0")
    changes = _about(report.spec, CHARGE)
    assert ("optional parameter added: body Comment", False) in changes
    assert ('enum values added to request body Currency: `"XTS"`', False) in changes
    assert ("operation added (`testAgain`)", False) in _about(report.spec, "POST /test/again")
    assert not report.breaking and report.ok, report.problems


def test_a_field_that_no_longer_admits_null_is_breaking_and_one_that_does_now_is_not() -> None:
    """Nullability of the JSON body's fields at any depth; the `null` of an enum is reported so, not as a
    value."""
    nullable = _spec()
    strict = copy.deepcopy(nullable)
    _charge_request_part(strict, "InvoiceId")["properties"]["InvoiceId"]["type"] = "string"
    strict["components"]["schemas"]["Payer"]["properties"]["Phone"]["type"] = "string"
    tokens = strict["components"]["schemas"]["TokenPaymentFields"]["properties"]["PaymentScheduled"]
    tokens["type"], tokens["enum"] = "integer", [0, 1]
    fields = "body InvoiceId, body Payer.Phone"
    assert _about(spec_changes(nullable, strict), CHARGE) == [(f"no longer admitting null: {fields}", True)]
    assert _about(spec_changes(strict, nullable), CHARGE) == [(f"now admitting null: {fields}", False)]
    assert _about(spec_changes(strict, nullable), "POST /payments/tokens/charge") == [
        ("now admitting null: body Payer.Phone, body PaymentScheduled", False)
    ]


def test_enum_values_of_answers_and_path_parameters() -> None:
    """An answer's enum may change either way without breaking a request; a path parameter's can't shrink."""
    old = copy.deepcopy(TINY_SPEC)
    old["components"]["schemas"]["Widget"]["properties"]["Size"]["enum"] = [1, 2, 3]
    old["paths"]["/widgets/{Kind}/ping"] = {"post": copy.deepcopy(old["paths"]["/widgets/ping"]["post"])}
    kinded = old["paths"]["/widgets/{Kind}/ping"]["post"]
    kinded["operationId"] = "pingKind"
    kind = {"type": "string", "enum": ["round", "square"]}
    kinded["parameters"] = [{"name": "Kind", "in": "path", "required": True, "schema": kind}]
    new = copy.deepcopy(old)
    new["components"]["schemas"]["Widget"]["properties"]["Size"]["enum"] = [1, 2, 4]
    new["paths"]["/widgets/{Kind}/ping"]["post"]["parameters"][0]["schema"]["enum"] = ["round"]
    changes = spec_changes(old, new)
    assert _about(changes, "POST /widgets/make") == [
        ("enum values added to answer.Model.Size: `4`", False),
        ("enum values removed from answer.Model.Size: `3`", False),
    ]
    assert _about(changes, "POST /widgets/{Kind}/ping") == [
        ('enum values removed from request path Kind: `"square"`', True)
    ]


def test_no_change_reports_none(tmp_path: Path) -> None:
    report = _check(tmp_path, _spec(), RELEASED)
    assert report.spec == [] and report.ok
    assert spec_changes(_spec(), _spec()) == []


def test_the_version_going_down_fails(tmp_path: Path) -> None:
    report = _check(tmp_path, _spec(), "1.0.0")
    assert report.problems == ["the version went down: 1.0.0 is older than release 1.1.0"]


def test_a_version_without_a_changelog_entry_fails(tmp_path: Path) -> None:
    report = _check(tmp_path, _spec(), "1.2.0", RELEASED)
    assert report.problems == ["CHANGELOG.md has no `## 1.2.0` entry"]


def test_the_changelog_section_is_written_once_and_replaced(tmp_path: Path) -> None:
    new = copy.deepcopy(_spec())
    del new["paths"]["/payments/void"]
    report = _check(tmp_path, new, "2.0.0", "2.0.0", RELEASED)
    changelog = tmp_path / "CHANGELOG.md"
    original = changelog.read_text(encoding="utf-8")
    assert releases.write_changelog(report, changelog)
    once = changelog.read_text(encoding="utf-8")
    assert not releases.write_changelog(report, changelog), "a second run changes nothing"
    assert once.count(releases.SECTION_START) == 1
    entry = once[once.index("## 2.0.0") : once.index(f"## {RELEASED}")]
    assert "- What changed in 2.0.0." in entry and "### Changes since 1.1.0" in entry
    assert "**Breaking:** POST /payments/void: operation removed (`voidPayment`)" in entry
    unchanged = releases.Report(RELEASED, "2.0.0", [], [])
    assert releases.write_changelog(unchanged, changelog)
    assert changelog.read_text(encoding="utf-8") == original


def test_a_release_needs_its_changelog_entry_and_never_goes_back(tmp_path: Path) -> None:
    root = _release_root(tmp_path)
    with pytest.raises(releases.ReleaseError, match=re.escape("no `## 1.2.0` entry")):
        releases.write_release("1.2.0", root=root, changelog=_changelog(tmp_path, RELEASED))
    with pytest.raises(releases.ReleaseError, match=re.escape("newer than 1.0.0")):
        releases.write_release("1.0.0", root=root, changelog=_changelog(tmp_path, "1.0.0"))


# ----------------------------------------------------------------------------------------------------
# The Python API of generated packages (generation takes seconds)


@pytest.mark.slow
def test_a_method_that_disappears_is_a_breaking_change_of_the_python_api(tmp_path: Path) -> None:
    old_spec = write_spec(tmp_path, TINY_SPEC)
    generate(tmp_path / "old", old_spec)
    smaller = copy.deepcopy(TINY_SPEC)
    del smaller["paths"]["/widgets/ping"]
    (tmp_path / "scratch").mkdir()
    new_spec = write_spec(tmp_path / "scratch", smaller)
    generate(tmp_path / "new", new_spec)
    changelog = _changelog(tmp_path, RELEASED, "1.2.0", "2.0.0")
    root = tmp_path / "releases"
    releases.write_release(
        RELEASED, project=tmp_path / "old", spec_path=old_spec, root=root, changelog=changelog
    )

    report = releases.check(
        project=tmp_path / "new", spec_path=new_spec, version="1.2.0", root=root, changelog=changelog
    )
    assert any("ping_widgets" in line and "removed" in line for line in report.api), report.api
    assert not any("\x1b" in line for line in report.api), "plain text, no terminal colours"
    assert ("operation removed (`pingWidgets`)", True) in _about(report.spec, "POST /widgets/ping")
    assert not report.ok
    bumped = releases.check(
        project=tmp_path / "new", spec_path=new_spec, version="2.0.0", root=root, changelog=changelog
    )
    assert bumped.ok, bumped.problems
    unchanged = releases.check(
        project=tmp_path / "old", spec_path=old_spec, version=RELEASED, root=root, changelog=changelog
    )
    assert unchanged.api == [] and unchanged.spec == [] and unchanged.ok


def test_the_version_values_changing_is_not_a_break() -> None:
    """Every release changes `__version__` and the client's `VERSION`; any other changed value is reported."""
    with (
        griffe.temporary_visited_module("VERSION = '1.1.0'\n__version__ = VERSION\nLIMIT = 3\n") as old,
        griffe.temporary_visited_module("VERSION = '1.1.1'\n__version__ = VERSION\nLIMIT = 4\n") as new,
    ):
        found = releases.api_breakages(old, new)
    assert len(found) == 1 and "LIMIT" in found[0], found


def test_an_enum_that_only_gains_values_is_not_a_break() -> None:
    """Added enum values (the spec diff's non-breaking kind) widen a Literal and its value set; a value taken
    away is still a break."""
    header = "from typing import Literal\n"
    old_code = header + "Kind = Literal['Pay', 'Fail']\nKIND_VALUES = {'Pay', 'Fail'}\n"
    wider = header + "Kind = Literal['Pay', 'Fail', 'Kkt']\nKIND_VALUES = {'Pay', 'Fail', 'Kkt'}\n"
    narrower = header + "Kind = Literal['Pay']\nKIND_VALUES = {'Pay'}\n"
    with griffe.temporary_visited_module(old_code) as old, griffe.temporary_visited_module(wider) as new:
        assert releases.api_breakages(old, new) == []
    with griffe.temporary_visited_module(old_code) as old, griffe.temporary_visited_module(narrower) as new:
        found = releases.api_breakages(old, new)
    assert len(found) == 2 and any("Kind" in line for line in found), found


def test_a_union_alias_that_only_gains_members_is_not_a_break() -> None:
    """`Notification` gaining the class of a new notification type, as an enum gains a value; a member taken
    away is still a break."""
    classes = "class A: ...\nclass B: ...\nclass C: ...\n"
    old_code = classes + "Alias = A | B\n"
    wider = classes + "Alias = A | B | C\n"
    narrower = classes + "Alias = A\n"
    with griffe.temporary_visited_module(old_code) as old, griffe.temporary_visited_module(wider) as new:
        assert releases.api_breakages(old, new) == []
    with griffe.temporary_visited_module(old_code) as old, griffe.temporary_visited_module(narrower) as new:
        found = releases.api_breakages(old, new)
    assert len(found) == 1 and "Alias" in found[0], found


def test_a_model_field_that_gains_a_default_is_not_a_break() -> None:
    """A required request field made optional (the spec's relaxed flags) gives the model's field a default;
    a default taken away is still a break."""
    required = "class Request:\n    currency: str\n"
    optional = "class Request:\n    currency: str = 'RUB'\n"
    with griffe.temporary_visited_module(required) as old, griffe.temporary_visited_module(optional) as new:
        assert releases.api_breakages(old, new) == []
    with griffe.temporary_visited_module(optional) as old, griffe.temporary_visited_module(required) as new:
        assert releases.api_breakages(old, new) != []
