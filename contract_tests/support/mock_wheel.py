"""The mock's wheel as a folder: what `pip install cloudpayments_mock-*.whl` puts into site-packages, made by
the build hook's own `stage_wheel` (the namespaced `cloudpayments_mock` package), without building or
installing.

Put the folder on `PYTHONPATH` (or `MYPYPATH`) to run or type-check code written for installers
(`from cloudpayments_mock.pytest_plugin import ...`)."""

from __future__ import annotations

import shutil
from pathlib import Path

from mock_server.hatch_build import stage_wheel
from spec_tools import REPO_ROOT


def staged_mock_package(folder: Path, *, with_docs: bool = False) -> Path:
    """`folder` holding the wheel's files (`folder/cloudpayments_mock/...`); returns `folder`."""
    staging = folder / ".staging"
    for source, target in stage_wheel(REPO_ROOT / "mock_server", staging, with_docs=with_docs).items():
        destination = folder / target
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination)
    shutil.rmtree(staging)
    return folder
