"""Build docs/index.html, the self-contained HTML reference, from openapi.yaml.

Steps: `redocly lint` on the spec (any error stops the build, so a broken contract is never
published); a temporary copy of the spec gets a Python `x-codeSamples` entry on every operation,
generated from the spec by `generator.code_samples.python_examples`, opens its introduction with the
versions it documents (the spec's `info.version` and the client's own, `generator/package.yaml`) and ends it
with the "Python client" section of `generator.code_samples.python_client_section`; `redocly build-docs
--inlineBundle` renders that copy into one HTML file that needs no network to display.

Run from the repository root: `python -m docs.build` (what `make docs` does).
"""

from __future__ import annotations

import argparse
import copy
import importlib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import yaml

import spec_tools
from generator.build import package_facts

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SPEC = REPO_ROOT / "openapi.yaml"
DEFAULT_OUTPUT = REPO_ROOT / "docs" / "index.html"
DEFAULT_SAMPLES_MODULE = "generator.code_samples"
REDOCLY = REPO_ROOT / "node_modules" / ".bin" / "redocly"

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
CODE_SAMPLE_LANG = "Python"
CODE_SAMPLE_LABEL = "cloudpayments_client"

# Redoc's sidebar footer loads its logo from this CDN; offline that is a failed request and a
# console error. The logo is swapped for an inline SVG that keeps the attribution text.
_LOGO_SVG = (
    "<svg xmlns='http://www.w3.org/2000/svg' width='60' height='16' viewBox='0 0 60 16'>"
    "<text x='0' y='12' font-family='sans-serif' font-size='12' fill='%23333'>Redocly</text></svg>"
)
LOGO_DATA_URL = "data:image/svg+xml," + _LOGO_SVG.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")
CDN_LOGOS = (
    "https://cdn.redoc.ly/redoc/logo-mini-full.svg",
    "https://cdn.redoc.ly/redoc/logo-mini.svg",
)

# Redoc shows an x-codeSamples entry only for a language listed in its options; Payload keeps
# the JSON request example next to it. Redoc's telemetry follows REDOCLY_TELEMETRY (see below).
REDOC_CONFIG: dict[str, Any] = {
    "openapi": {
        "codeSamples": {
            "languages": [{"lang": CODE_SAMPLE_LANG, "label": CODE_SAMPLE_LABEL}, {"lang": "Payload"}],
        },
    },
}
TELEMETRY_OFF_MARK = '"disableTelemetry":true'


class DocsBuildError(Exception):
    """The docs cannot be built; the message says why."""


def redocly_env() -> dict[str, str]:
    env = dict(os.environ)
    env["REDOCLY_TELEMETRY"] = "off"
    env["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true"
    return env


def operations(spec: Mapping[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """(path, method, operation) for every operation of the spec, in document order."""
    found: list[tuple[str, str, dict[str, Any]]] = []
    for path, item in spec.get("paths", {}).items():
        for method in HTTP_METHODS:
            if method in item:
                found.append((path, method, item[method]))
    return found


def load_spec(spec_path: Path) -> dict[str, Any]:
    try:
        return spec_tools.load_spec(spec_path)
    except spec_tools.SpecError as exc:
        raise DocsBuildError(str(exc)) from exc


def load_samples_function(module_name: str) -> Callable[[dict[str, Any]], dict[str, str]]:
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise DocsBuildError(f"cannot import {module_name}: {exc}") from exc
    function = getattr(module, "python_examples", None)
    if not callable(function):
        raise DocsBuildError(f"{module_name} has no python_examples(spec) function")
    return function  # type: ignore[no-any-return]


def with_code_samples(spec: Mapping[str, Any], samples: Mapping[str, str]) -> dict[str, Any]:
    """A copy of the spec with one Python code sample per operation.

    Every operation must have a sample and every sample an operation: a gap means the client
    and the docs have drifted apart, which is an error rather than a page with holes.
    """
    augmented = copy.deepcopy(dict(spec))
    ops = operations(augmented)
    op_ids = [str(op.get("operationId", "")) for _, _, op in ops]
    missing = sorted(set(op_ids) - set(samples))
    unknown = sorted(set(samples) - set(op_ids))
    if missing or unknown:
        raise DocsBuildError(
            "code samples do not match the spec's operations: "
            f"missing for {missing or 'none'}, unknown operations {unknown or 'none'}"
        )
    for _, _, op in ops:
        source = samples[op["operationId"]]
        if not isinstance(source, str) or not source.strip():
            raise DocsBuildError(f"empty code sample for {op['operationId']}")
        op["x-codeSamples"] = [{"lang": CODE_SAMPLE_LANG, "label": CODE_SAMPLE_LABEL, "source": source}]
    return augmented


def with_client_section(spec: Mapping[str, Any], section: str) -> dict[str, Any]:
    """A copy of the spec whose introduction ends with the "Python client" section (Markdown)."""
    augmented = copy.deepcopy(dict(spec))
    info = augmented.setdefault("info", {})
    info["description"] = str(info.get("description", "")).rstrip() + "\n\n" + section.strip() + "\n"
    return augmented


def versions_line(spec: Mapping[str, Any]) -> str:
    """The line that opens the introduction: the API description's version and the client's it documents."""
    api = spec.get("info", {}).get("version", "")
    return f"Versions: API description {api}, Python client {CODE_SAMPLE_LABEL} {package_facts()['version']}."


def with_versions(spec: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of the spec whose introduction opens with `versions_line`."""
    augmented = copy.deepcopy(dict(spec))
    info = augmented.setdefault("info", {})
    info["description"] = versions_line(spec) + "\n\n" + str(info.get("description", "")).lstrip()
    return augmented


def page_spec(spec: Mapping[str, Any], samples_module: str = DEFAULT_SAMPLES_MODULE) -> dict[str, Any]:
    """The spec as the page shows it: versions, code samples, the Python client section, the tables."""
    samples = load_samples_function(samples_module)(copy.deepcopy(dict(spec)))
    augmented = with_versions(with_code_samples(spec, samples))
    module = importlib.import_module(samples_module)
    section = getattr(module, "python_client_section", None)
    if callable(section):
        augmented = with_client_section(augmented, section(copy.deepcopy(dict(spec))))
    # The introduction's tables (test cards, statuses, reason codes) are rendered from the spec's x- data.
    return spec_tools.with_rendered_tables(augmented)


def run_redocly(args: list[str]) -> str:
    if not REDOCLY.exists():
        raise DocsBuildError(f"{REDOCLY.relative_to(REPO_ROOT)} is missing; run `make setup`")
    # cwd is the repo root so that redocly.yaml (the lint rules) applies.
    result = subprocess.run(
        [str(REDOCLY), *args],
        cwd=REPO_ROOT,
        env=redocly_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    output = result.stdout + result.stderr
    if result.returncode != 0:
        raise DocsBuildError(f"redocly {args[0]} failed (exit {result.returncode}):\n{output}")
    return output


# Redoc CE is themed through CSS variables. At 1400 px its even split left the description column about 460 px
# wide; a narrower samples panel gives it about 570. A notification's sample is one long form line: it wraps
# instead of scrolling sideways, so every parameter of it can be read.
SAMPLES_PANEL_VARIABLE = "--panel-samples-width"
STYLE_OVERRIDES = (
    '<style id="docs-overrides">'
    f":root{{{SAMPLES_PANEL_VARIABLE}:40%}}"
    "pre,pre code{white-space:pre-wrap!important;overflow-wrap:anywhere!important}"
    "</style>"
)


def with_style_overrides(html: str) -> str:
    """Add the page's style overrides; fail if the bundle no longer has the variable they set."""
    if f"{SAMPLES_PANEL_VARIABLE}:" not in html:
        raise DocsBuildError(f"expected the CSS variable {SAMPLES_PANEL_VARIABLE} in the Redoc bundle")
    head_end = html.find("</head>")
    if head_end < 0 or head_end > html.find("<body"):
        raise DocsBuildError("expected the page's </head> before its <body>")
    return html[:head_end] + STYLE_OVERRIDES + html[head_end:]


def localize_assets(html: str) -> str:
    """Swap the CDN logo URLs for an inline image; fail if the bundle no longer has them."""
    for url in CDN_LOGOS:
        if url not in html:
            raise DocsBuildError(f"expected {url} in the Redoc bundle; check the offline patch")
        html = html.replace(url, LOGO_DATA_URL)
    return html


def build(spec_path: Path, output: Path, samples_module: str) -> Path:
    run_redocly(["lint", str(spec_path)])
    augmented = page_spec(load_spec(spec_path), samples_module)
    with tempfile.TemporaryDirectory(prefix="docs-build-") as tmp:
        tmp_dir = Path(tmp)
        # A fixed file name: the name may appear in the page, the directory must not.
        bundled = tmp_dir / "openapi.json"
        bundled.write_text(json.dumps(augmented, ensure_ascii=False, indent=1), encoding="utf-8")
        config = tmp_dir / "redocly.yaml"
        config.write_text(yaml.safe_dump(REDOC_CONFIG, sort_keys=False), encoding="utf-8")
        rendered = tmp_dir / "index.html"
        build_args = ["build-docs", str(bundled), "--config", str(config), "--lint-config", "error"]
        run_redocly([*build_args, "--inlineBundle", "-o", str(rendered)])
        html = rendered.read_text(encoding="utf-8")
        if tmp in html:
            raise DocsBuildError("the rendered page contains the temporary build path")
        if TELEMETRY_OFF_MARK not in html:
            raise DocsBuildError("the rendered page does not switch Redoc's telemetry off")
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(with_style_overrides(localize_assets(html)), encoding="utf-8")
    return output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--spec", type=Path, default=DEFAULT_SPEC)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument(
        "--samples-module",
        default=DEFAULT_SAMPLES_MODULE,
        help="module with python_examples(spec) -> {operationId: snippet}",
    )
    args = parser.parse_args(argv)
    try:
        path = build(args.spec.resolve(), args.output.resolve(), args.samples_module)
    except DocsBuildError as exc:
        print(f"docs build failed: {exc}", file=sys.stderr)
        return 1
    print(f"docs written to {path} ({path.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
