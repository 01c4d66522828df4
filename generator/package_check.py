"""`python -m generator.package_check`: the built wheel installs into a fresh venv and imports.

The fresh venv gets only what the package declares (httpx, attrs) from the package
registry pip is configured with; nothing comes from the development venv.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import venv
from pathlib import Path

from generator.build import OUTPUT

PROBE = (
    "import cloudpayments_client as c, importlib.metadata as m, importlib.resources as r; "
    "assert c.__version__ == m.version('cloudpayments-client'), c.__version__; "
    "log = r.files('cloudpayments_client').joinpath('CHANGELOG.md').read_text(encoding='utf-8'); "
    "assert f'## {c.__version__}' in log, 'the changelog has no entry for this version'; "
    "print(c.__name__, c.__version__, sorted(d.split()[0] for d in m.requires('cloudpayments-client') or []))"
)


def _run(*command: str | Path) -> str:
    done = subprocess.run([str(part) for part in command], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, command))} failed:\n{done.stdout}{done.stderr}")
    return done.stdout


def check(project: Path = OUTPUT) -> str:
    with tempfile.TemporaryDirectory(prefix="cloudpayments-pkg-") as tmp:
        wheels, env = Path(tmp) / "wheels", Path(tmp) / "venv"
        _run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", wheels, project)
        wheel = next(wheels.glob("cloudpayments_client-*.whl"))
        venv.EnvBuilder(with_pip=True).create(env)
        python = env / "bin" / "python"
        _run(python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", wheel)
        return _run(python, "-c", PROBE).strip()


if __name__ == "__main__":
    print(check())
