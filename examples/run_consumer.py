"""`make consumer`: the example consumer's tests in a fresh venv holding only the two built wheels and pytest.

Builds the client's wheel (generated_client/) and the mock's (mock_server/) into a scratch folder, creates a
venv there (not .venv), installs the wheels and pytest with their declared dependencies from the package
registry, checks that the packages are the installed ones (the mock serving its packaged spec, its console
script starting), then runs examples/consumer/tests from a copy of the project in the scratch folder, where
nothing of this repository is on sys.path.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECTS = {"cloudpayments_client": ROOT / "generated_client", "cloudpayments_mock": ROOT / "mock_server"}
CONSUMER = ROOT / "examples" / "consumer"

# Run by the venv's python: every package comes from the venv, the spec from the mock's wheel.
PROBE = """
import sys, sysconfig, importlib.metadata as m
from pathlib import Path
import importlib.util
import cloudpayments_client, cloudpayments_mock
import cloudpayments_mock._spec as reader, cloudpayments_mock._spec.document
from cloudpayments_mock.defaults import DEFAULT_DOCS_PATH, PACKAGED_DOCS_PATH
site = Path(sysconfig.get_paths()["purelib"]).resolve()
for module in (cloudpayments_client, cloudpayments_mock, reader):
    assert Path(module.__file__).resolve().is_relative_to(site), f"{module.__name__} from {module.__file__}"
assert reader.default_spec_path() == reader.document.PACKAGED_SPEC, reader.default_spec_path()
assert DEFAULT_DOCS_PATH == PACKAGED_DOCS_PATH and PACKAGED_DOCS_PATH.is_file(), DEFAULT_DOCS_PATH
# The mock's wheel installs one top-level name: nothing as common as mock_server or spec_tools.
for name in ("mock_server", "spec_tools"):
    assert importlib.util.find_spec(name) is None, f"{name} is installed"
names = ("cloudpayments-client", "cloudpayments-mock", "pytest")
print("installed:", ", ".join(f"{name} {m.version(name)}" for name in names))
"""


def run(*command: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        shown = " ".join(map(str, command))
        raise SystemExit(f"{shown} failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    return done.stdout


def clean_env() -> dict[str, str]:
    """The environment without anything that would reach into this checkout or the development venv."""
    drop = {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "OPENAPI_SPEC", "CLOUDPAYMENTS_LIVE"}
    env = {name: value for name, value in os.environ.items() if name not in drop}
    env["PYTHONNOUSERSITE"] = "1"
    return env


def console_script_starts(env_dir: Path, env: dict[str, str]) -> None:
    """`cloudpayments-mock --port N` serves its packaged spec and docs page, then stops."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    command = [str(env_dir / "bin" / "cloudpayments-mock"), "--port", str(port), "--log-level", "warning"]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/openapi.yaml", timeout=2) as answer:
                    served = answer.status == 200 and b"openapi:" in answer.read(200)
                if served:
                    # the docs page the wheel ships
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/docs", timeout=10) as answer:
                        if answer.status != 200 or b"<html" not in answer.read(2000).lower():
                            raise SystemExit("cloudpayments-mock does not serve its docs page at /docs")
                    return
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("cloudpayments-mock did not start") from None
                time.sleep(0.1)
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> int:
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="cloudpayments-consumer-") as scratch:
        tmp = Path(scratch)
        wheels, env_dir, project = tmp / "wheels", tmp / "venv", tmp / "consumer"
        for project_dir in PROJECTS.values():
            run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", wheels, project_dir)
        built = sorted(wheels.glob("*.whl"))
        print("built:", ", ".join(wheel.name for wheel in built))
        mock_wheel = next(wheel for wheel in built if wheel.name.startswith("cloudpayments_mock-"))
        with zipfile.ZipFile(mock_wheel) as archive:
            tops = {name.split("/")[0] for name in archive.namelist()}
        if {top for top in tops if not top.endswith(".dist-info")} != {"cloudpayments_mock"}:
            raise SystemExit(f"the mock's wheel installs more than cloudpayments_mock: {sorted(tops)}")
        venv.EnvBuilder(with_pip=True).create(env_dir)
        python = env_dir / "bin" / "python"
        env = clean_env()
        install = ("-m", "pip", "install", "--quiet", "--disable-pip-version-check")
        run(python, *install, *built, "pytest", env=env)
        shutil.copytree(CONSUMER, project, ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache"))
        print(run(python, "-c", PROBE, str(ROOT), cwd=project, env=env).strip())
        console_script_starts(env_dir, env)
        print("cloudpayments-mock: started and served its packaged spec and docs page")
        tests = subprocess.run(
            [str(python), "-m", "pytest", "-p", "no:cacheprovider", "-q"], cwd=project, env=env, check=False
        )
    print(f"consumer run: {time.monotonic() - started:.1f} s")
    return tests.returncode


if __name__ == "__main__":
    sys.exit(main())
