"""Every Python example a reader copies passes `mypy --strict` as written.

The examples of the documentation page (each operation's sample and the "Python client" section), of the
client's README (generated with the package), of the mock's READMEs (the wheel's and the checkout's) and of
this repository's README are written to files and checked in one mypy run, with the client and the mock
importable as an installer has them. A fragment leaning on names it does not define fails here: an example
is a program.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Final

from contract_tests.docs.test_docs_examples import OPERATION_SAMPLES, SECTION_BLOCKS
from contract_tests.support.mock_wheel import staged_mock_package

ROOT: Final = Path(__file__).resolve().parents[2]
_PYTHON_BLOCK: Final = re.compile(r"```python\n(.*?)```", re.DOTALL)
READMES: Final = {
    "client_readme": ROOT / "generated_client" / "README.md",
    "mock_readme": ROOT / "mock_server" / "README.md",
    "mock_package_readme": ROOT / "mock_server" / "PACKAGE.md",
    "readme": ROOT / "README.md",
}

# What a handler of one notification address gets from `webhooks.parse`: the class of its kind, no union.
PARSE_TYPING: Final = """
from typing import assert_type

from cloudpayments_client import webhooks


def handle(body: bytes, headers: dict[str, str], secret: str, kind_name: str) -> None:
    assert_type(webhooks.parse(body, headers, secret, kind="Pay"), webhooks.PayNotification)
    assert_type(webhooks.parse(body, headers, secret, kind="Check"), webhooks.CheckNotification)
    refund = webhooks.parse(body, headers, secret, kind=webhooks.NotificationKind.REFUND)
    assert_type(refund, webhooks.RefundNotification)
    assert_type(webhooks.parse(body, headers, secret, kind=kind_name), webhooks.Notification)
"""


def _examples() -> dict[str, str]:
    examples = {f"page_{name}": source for name, source in OPERATION_SAMPLES.items()}
    examples |= {f"page_section_{index}": source for index, source in enumerate(SECTION_BLOCKS)}
    for name, path in READMES.items():
        for index, source in enumerate(_PYTHON_BLOCK.findall(path.read_text(encoding="utf-8"))):
            examples[f"{name}_{index}"] = source
    return examples


def _mypy(folder: Path) -> subprocess.CompletedProcess[str]:
    # The client and the mock as installers have them (the mock's wheel staged: `cloudpayments_mock`), and
    # this checkout for the repository's own README.
    site = staged_mock_package(folder.parent / f"{folder.name}-site")
    paths = [str(ROOT / "generated_client"), str(site), str(ROOT)]
    env = dict(os.environ, MYPYPATH=os.pathsep.join(paths))
    command = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--explicit-package-bases"]
    command += ["--cache-dir", os.devnull, *sorted(p.name for p in folder.glob("*.py"))]
    return subprocess.run(
        command, cwd=folder, env=env, capture_output=True, text=True, timeout=600, check=False
    )


def test_the_examples_are_collected() -> None:
    examples = _examples()
    assert sum(name.startswith("page_section_") for name in examples) >= 4
    for name in READMES:
        assert any(key.startswith(f"{name}_") for key in examples), f"no Python example in {name}"
    assert len(OPERATION_SAMPLES) >= 30


def test_every_example_passes_mypy_strict(tmp_path: Path) -> None:
    examples = _examples() | {"parse_typing": PARSE_TYPING}
    for name, source in examples.items():
        (tmp_path / f"{name}.py").write_text(source, encoding="utf-8")
    done = _mypy(tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"no issues found in {len(examples)} source files" in done.stdout, done.stdout


def test_mypy_run_fails_on_a_wrong_example(tmp_path: Path) -> None:
    # The check itself: an example that passes a str where the client takes an amount is an error.
    (tmp_path / "wrong.py").write_text(
        "from cloudpayments_client import CloudPayments\n\n"
        "with CloudPayments() as client:\n"
        '    client.payments.refund_payment(transaction_id=1, amount="ten")\n',
        encoding="utf-8",
    )
    done = _mypy(tmp_path)
    assert done.returncode == 1 and "wrong.py:4: error" in done.stdout, done.stdout
