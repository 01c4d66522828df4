"""`python -m contract_tests.contract.tools.fuzz_summary DIR`: a readable summary of a `make fuzz` run.

Reads DIR/junit.xml (pytest) and DIR/stateful.json (what the stateful run reached), writes DIR/summary.md
and prints it. Exit status 1 when the JUnit report shows failures or errors, or is missing.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def summarize(directory: Path) -> tuple[str, bool]:
    junit = directory / "junit.xml"
    if not junit.is_file():
        return f"# Fuzz run\n\nNo JUnit report at {junit}: the run did not finish.\n", False
    root = ET.parse(junit).getroot()
    suites = list(root) if root.tag == "testsuites" else [root]
    keys = ("tests", "failures", "errors", "skipped")
    totals = {key: sum(int(suite.get(key, "0")) for suite in suites) for key in keys}
    seconds = sum(float(s.get("time", "0")) for s in suites)
    lines = [
        "# Fuzz run",
        "",
        f"Tests: {totals['tests']}, failures: {totals['failures']}, errors: {totals['errors']}, "
        f"skipped: {totals['skipped']}, time: {seconds:.0f} s",
        "",
        "| Test | Time (s) | Result |",
        "|---|---|---|",
    ]
    for case in (case for suite in suites for case in suite.iter("testcase")):
        outcomes = [child.tag for child in case if child.tag in ("failure", "error", "skipped")]
        problem = outcomes[0] if outcomes else "passed"
        labels = [prop.get("value") for prop in case.iter("property") if prop.get("name") == "operation"]
        operation = labels[0] if labels else None
        name = f"{case.get('name')} [{operation}]" if operation else case.get("name")
        lines.append(f"| {name} | {float(case.get('time', '0')):.1f} | {problem} |")
    stateful = directory / "stateful.json"
    if stateful.is_file():
        data = json.loads(stateful.read_text(encoding="utf-8"))
        lines += [
            "",
            f"Stateful run: {data['scenarios']} scenarios of up to {data['steps_per_scenario']} steps "
            "reached (operations applied, per outcome):",
            "",
        ]
        lines += [f"- {name}: {count}" for name, count in sorted(data["reached"].items())]
    ok = totals["tests"] > 0 and totals["failures"] == 0 and totals["errors"] == 0
    return "\n".join(lines) + "\n", ok


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m contract_tests.contract.tools.fuzz_summary DIR", file=sys.stderr)
        return 2
    directory = Path(argv[1])
    text, ok = summarize(directory)
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "summary.md").write_text(text, encoding="utf-8")
    print(text)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
