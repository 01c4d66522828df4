"""The generation pipeline: JSON-only spec -> openapi-python-client with our templates (and its ruff hooks).

The whole package comes from openapi-python-client's own template names, overridden in
generator/templates/. Templates see the parsed spec; the few facts its parser does not keep (the server
URL, operationIds, tag descriptions and the README's code samples) are written next to them as
`spec_facts.jinja`, a template of `{% set %}` values, in a scratch copy of the template folder.
"""

from __future__ import annotations

import difflib
import filecmp
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any, Final

import jinja2
import yaml
from openapi_python_client import TEMPLATE_FILTERS

import spec_tools
from generator.code_samples import python_examples, python_page_example
from generator.naming import group_name
from generator.notifications import NotificationSpecError, notification_classes
from generator.spec_transform import json_only

GENERATOR_DIR: Final = Path(__file__).resolve().parent
REPO_ROOT: Final = GENERATOR_DIR.parent
SPEC: Final = REPO_ROOT / "openapi.yaml"
OUTPUT: Final = REPO_ROOT / "generated_client"
CONFIG: Final = GENERATOR_DIR / "config.yaml"
# The package's own version, metadata and answer-reading rules; its changelog is copied into the package.
PACKAGE_FACTS: Final = GENERATOR_DIR / "package.yaml"
CHANGELOG: Final = GENERATOR_DIR / "CHANGELOG.md"
TEMPLATES: Final = GENERATOR_DIR / "templates"
FACTS_TEMPLATE: Final = "spec_facts.jinja"
# Packaging: the uv layout is the smallest; its pyproject template is overridden to build with hatchling.
META: Final = "uv"
# Files the generator or its hooks leave behind that are not part of the package.
IGNORED: Final = frozenset({".ruff_cache", "__pycache__", ".mypy_cache"})
# Package modules openapi-python-client has no template name for: rendered from TEMPLATES after its run.
# The names `models/__init__.py` exports, as openapi-python-client writes them.
_MODEL_EXPORT: Final = re.compile(r'^    "(\w+)",$', re.M)
EXTRA_MODULES: Final = {
    "webhooks.py.jinja": "webhooks.py",
    "_runtime.py.jinja": "_runtime.py",
    "receipts.py.jinja": "receipts.py",
}


class GenerationError(RuntimeError):
    """openapi-python-client or a post-hook failed; the message carries its output."""


def _tool_env() -> dict[str, str]:
    """The subprocess environment with this interpreter's bin first, so the ruff hooks are found."""
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    return env


def _jinja_literal(value: Any) -> str:
    # A JSON string, list or object of strings is also a Jinja literal with the same value.
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def package_facts() -> dict[str, Any]:
    with PACKAGE_FACTS.open(encoding="utf-8") as handle:
        facts: dict[str, Any] = yaml.safe_load(handle)
    return facts


def _date_fields(spec: dict[str, Any]) -> dict[str, str]:
    """Property name -> "iso" or "ms" for every property that refers to the IsoDate or MsDate schema."""
    kinds = {"#/components/schemas/IsoDate": "iso", "#/components/schemas/MsDate": "ms"}
    found: dict[str, str] = {}
    pending: list[Any] = list(spec.get("components", {}).get("schemas", {}).values())
    while pending:
        part = pending.pop()
        if not isinstance(part, dict):
            continue
        pending.extend(part.get("allOf", []))
        for name, prop in (part.get("properties") or {}).items():
            options = [prop, *prop.get("anyOf", []), *prop.get("oneOf", [])] if isinstance(prop, dict) else []
            for option in options:
                if isinstance(option, dict) and option.get("$ref") in kinds:
                    found[str(name)] = kinds[option["$ref"]]
    return found


def _enum_members(rows: list[tuple[str, Any]]) -> list[list[Any]]:
    """[python member name, value] pairs; names in UPPER_SNAKE_CASE from the documented names. A name that an
    earlier row took gets its value appended (5030 "Format Error" and 3005 "FormatError" are two codes)."""
    members: list[list[Any]] = []
    taken: set[str] = set()
    for name, value in rows:
        words = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", name)
        member = "_".join(re.findall(r"[A-Za-z0-9]+", words)).upper()
        if member in taken:
            member = f"{member}_{value}"
        taken.add(member)
        members.append([member, value])
    return members


def _request_id_schema(spec: dict[str, Any]) -> dict[str, Any]:
    for parameter in spec.get("components", {}).get("parameters", {}).values():
        if isinstance(parameter, dict) and parameter.get("name") == "X-Request-ID":
            schema = dict(parameter.get("schema") or {})
            return {key: schema[key] for key in ("pattern", "minLength", "maxLength") if key in schema}
    return {}


def _pagination(operation: dict[str, Any]) -> dict[str, Any] | None:
    """An operation's `x-pagination` (the body field numbering the pages from 1, the page size), or None."""
    found = operation.get("x-pagination")
    if found is None:
        return None
    if (
        not isinstance(found, dict)
        or not isinstance(found.get("parameter"), str)
        or type(found.get("pageSize")) is not int
        or found["pageSize"] < 1
    ):
        raise GenerationError(
            f"{operation.get('operationId')}: x-pagination needs a parameter and a pageSize >= 1"
        )
    return {"parameter": found["parameter"], "pageSize": found["pageSize"]}


def _long_poll(spec: dict[str, Any], operation: dict[str, Any]) -> dict[str, Any] | None:
    """An operation's `x-long-poll` (the Model field, the statuses to call again on), or None."""
    found = operation.get("x-long-poll")
    if found is None:
        return None
    listed = "x-transaction-statuses" in spec.get("info", {})
    statuses = {status.name for status in spec_tools.transaction_statuses(spec)} if listed else set()
    waiting = found.get("while") if isinstance(found, dict) else None
    if (
        not isinstance(found.get("field"), str)
        or not isinstance(waiting, list)
        or not waiting
        or not set(waiting) <= statuses
    ):
        raise GenerationError(
            f"{operation.get('operationId')}: x-long-poll needs a field and `while`, statuses of "
            "info.x-transaction-statuses"
        )
    return {"field": found["field"], "while": sorted(waiting)}


def spec_facts(spec: dict[str, Any]) -> str:
    """The `spec_facts.jinja` template: what the templates need and the generator's parser drops."""
    package = package_facts()
    info = spec.get("info", {})
    enum_rows: dict[str, list[tuple[str, Any]]] = {
        "TransactionStatus": [(s.name, s.name) for s in spec_tools.transaction_statuses(spec)]
        if "x-transaction-statuses" in info
        else [],
        "SubscriptionStatus": [(s.name, s.name) for s in spec_tools.subscription_statuses(spec)]
        if "x-subscription-statuses" in info
        else [],
        "ReasonCode": [(r.name, r.code) for r in spec_tools.reasons(spec)]
        if "x-reason-codes" in info
        else [],
    }
    enums = {name: _enum_members(rows) for name, rows in enum_rows.items() if rows}
    meta = {key: value for key, value in package.items() if key not in ("decisive", "enums")}
    answer_enums = {key: value for key, value in package.get("enums", {}).items() if value in enums}
    samples = python_examples(spec)
    operations: dict[str, dict[str, Any]] = {}
    for op in spec_tools.operations(spec):
        facts: dict[str, Any] = {"id": op.operation_id, "sample": samples[op.operation_id]}
        operation = spec_tools.pointer_get(spec, op.pointer)
        pagination = _pagination(operation)
        if pagination:
            facts["pagination"] = pagination
            facts["page_sample"] = python_page_example(spec, operation)
        long_poll = _long_poll(spec, operation)
        if long_poll:
            facts["long_poll"] = long_poll
        body = op.request_schemas.get(spec_tools.JSON)
        places = {} if body is None else spec_tools.decimal_places(spec_tools.pointer_get(spec, body), spec)
        if places:  # the amounts the client refuses with more fractional digits (`x-decimal-places`)
            facts["decimal_places"] = places
        operations[f"{op.method} {op.path}"] = facts
    tags = {
        group_name(str(tag["name"])): str(tag.get("description", "")).strip()
        for tag in spec.get("tags", [])
        if isinstance(tag, dict) and "name" in tag
    }
    servers = spec.get("servers") or [{"url": ""}]
    return "\n".join(
        [
            "{#- Written by generator/build.py from the API description on every run; not in git. -#}",
            f"{{% set default_base_url = {_jinja_literal(str(servers[0]['url']))} %}}",
            f"{{% set tag_descriptions = {_jinja_literal(tags)} %}}",
            f"{{% set operations = {_jinja_literal(operations)} %}}",
            f"{{% set client_version = {_jinja_literal(str(package['version']))} %}}",
            f"{{% set package_meta = {_jinja_literal(meta)} %}}",
            f"{{% set decisive = {_jinja_literal(package.get('decisive', {}))} %}}",
            f"{{% set enums = {_jinja_literal(enums)} %}}",
            f"{{% set answer_enums = {_jinja_literal(answer_enums)} %}}",
            f"{{% set date_fields = {_jinja_literal(_date_fields(spec))} %}}",
            f"{{% set request_id_schema = {_jinja_literal(_request_id_schema(spec))} %}}",
            f"{{% set open_objects = {_jinja_literal(_open_objects(spec))} %}}",
            "",
        ]
    )


def _open_objects(spec: dict[str, Any]) -> list[str]:
    """The models whose schema admits any key (`additionalProperties: true`, as `JsonData` and
    `CustomerReceipt` say): a mapping given for one is passed on whole, its keys not checked against the
    model's (a closed model's mapping may hold only the model's keys). Class names, after
    `class_overrides`."""
    with CONFIG.open(encoding="utf-8") as handle:
        overrides = yaml.safe_load(handle).get("class_overrides", {})
    schemas = json_only(spec).get("components", {}).get("schemas", {})
    names = (
        name
        for name, schema in schemas.items()
        if isinstance(schema, dict) and schema.get("additionalProperties") is True
    )
    return sorted(str(overrides.get(name, {}).get("class_name", name)) for name in names)


def _write_inputs(spec: dict[str, Any], workdir: Path) -> tuple[Path, Path, Path]:
    view_path = workdir / "openapi.client.yaml"
    with view_path.open("w", encoding="utf-8") as handle:
        yaml.safe_dump(json_only(spec), handle, sort_keys=False, allow_unicode=True)
    with CONFIG.open(encoding="utf-8") as handle:
        config = yaml.safe_load(handle)
    # The package has its own semantic version (generator/package.yaml), not the API description's.
    config["package_version_override"] = str(package_facts()["version"])
    config_path = workdir / "config.yaml"
    with config_path.open("w", encoding="utf-8") as handle:
        yaml.safe_dump(config, handle, sort_keys=False)
    templates = workdir / "templates"
    shutil.copytree(TEMPLATES, templates)
    (templates / FACTS_TEMPLATE).write_text(spec_facts(spec), encoding="utf-8")
    return view_path, config_path, templates


def _run(command: list[str], cwd: Path) -> None:
    done = subprocess.run(command, cwd=cwd, env=_tool_env(), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise GenerationError(f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout}{done.stderr}")


def _render_extra_modules(spec: dict[str, Any], templates: Path, package: Path) -> None:
    """EXTRA_MODULES, rendered with the Jinja settings openapi-python-client gives its own templates and the
    spec's notification classes (`notifications`), then put through the same ruff hooks as its output."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # What these templates read of openapi-python-client's own context: its filters, the names it gave the
    # package, and the model classes it wrote (from the package it has just generated).
    env.filters.update(TEMPLATE_FILTERS)
    with CONFIG.open(encoding="utf-8") as handle:
        config = yaml.safe_load(handle)
    models = _MODEL_EXPORT.findall((package / "models" / "__init__.py").read_text(encoding="utf-8"))
    env.globals.update(
        package_name=config["package_name_override"],
        project_name=config["project_name_override"],
        openapi={
            "title": spec.get("info", {}).get("title", ""),
            "models": [{"class_info": {"name": name}} for name in models],
        },
    )
    try:
        notifications = notification_classes(spec)
    except NotificationSpecError as error:
        raise GenerationError(f"webhooks: {error}") from None
    written = []
    for template, module in EXTRA_MODULES.items():
        path = package / module
        path.write_text(env.get_template(template).render(notifications=notifications), encoding="utf-8")
        written.append(str(path))
    ruff = [sys.executable, "-m", "ruff"]
    # From the project folder (its pyproject.toml holds the settings; inside the package, types.py would
    # shadow the standard library module)
    _run([*ruff, "check", "--fix-only", "--quiet", *written], cwd=package.parent)
    _run([*ruff, "format", "--quiet", *written], cwd=package.parent)


def generate(output: Path = OUTPUT, spec_path: Path = SPEC) -> None:
    """Rebuild `output` from the spec; the result is byte-identical for the same inputs."""
    spec = spec_tools.load_spec(spec_path)
    with tempfile.TemporaryDirectory(prefix="cloudpayments-gen-") as tmp:
        view_path, config_path, templates = _write_inputs(spec, Path(tmp))
        # Into a fresh folder, then in place of `output`: --overwrite keeps files no template writes any more.
        fresh = Path(tmp) / "out"
        # openapi-python-client runs the config's ruff post-hooks itself; --fail-on-warning turns a
        # dropped schema or a failed hook into a non-zero exit.
        _run(
            [
                sys.executable, "-m", "openapi_python_client", "generate",
                "--path", str(view_path), "--config", str(config_path),
                "--custom-template-path", str(templates), "--meta", META,
                "--output-path", str(fresh), "--fail-on-warning",
            ],
            cwd=Path(tmp),
        )  # fmt: skip
        package = str(yaml.safe_load(config_path.read_text(encoding="utf-8"))["package_name_override"])
        _render_extra_modules(spec, templates, fresh / package)
        for leftover in IGNORED:
            for path in sorted(fresh.rglob(leftover), reverse=True):
                shutil.rmtree(path, ignore_errors=True)
        if output.exists() and not (output / "pyproject.toml").is_file():
            raise GenerationError(f"{output} exists and is not a generated project; not replacing it")
        shutil.copyfile(CHANGELOG, fresh / CHANGELOG.name)
        shutil.rmtree(output, ignore_errors=True)
        shutil.copytree(fresh, output)


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
