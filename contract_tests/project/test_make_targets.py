"""The Makefile's daily loop: `make check` runs the generated client's drift check before anything else, so a
spec change without `make generate` fails it. Read from the Makefile's text (running make would set up)."""

from __future__ import annotations

import re
from typing import Final

from spec_tools import REPO_ROOT

MAKEFILE: Final = REPO_ROOT / "Makefile"


def recipe(target: str) -> list[str]:
    """The recipe lines of `target:` in the Makefile, without their tab."""
    lines = MAKEFILE.read_text(encoding="utf-8").splitlines()
    rule = re.compile(rf"^{re.escape(target)}:(?!=)")
    start = next(index for index, line in enumerate(lines) if rule.match(line))
    body: list[str] = []
    for line in lines[start + 1 :]:
        if not line.startswith("\t"):
            break
        body.append(line[1:])
    return body


def test_make_check_runs_the_drift_check_of_the_generated_client_first() -> None:
    steps = recipe("check")
    assert steps[0] == "$(MAKE) --no-print-directory check-generated"
    assert recipe("check-generated") == ["$(PY) -m generator check"]
    assert any("-m pytest" in step for step in steps[1:])
