"""Set up and run specplan on a fresh machine: ``python3 bootstrap.py app|test [args...]``.

One command does everything: on Debian/Ubuntu it installs the system libraries Qt needs
(with apt-get, when run as root), makes a virtual environment in ``.venv``, installs specplan
into it, then launches the app on a sample plan (``app``) or runs the whole test suite
(``test``, offscreen). Works the same on Windows (``py bootstrap.py test``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
QT_LIBRARIES = (
    "libgl1", "libegl1", "libfontconfig1", "libfreetype6", "libglib2.0-0", "libdbus-1-3",
    "libxkbcommon0", "libx11-6",
)
SAMPLE_PLAN = "mh-collaborative"


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("app", "test"):
        print(__doc__)
        return 2
    if sys.version_info < (3, 11):  # noqa: UP036 - this script must run on an old Python to say so
        print(f"specplan needs Python 3.11 or newer; this is {sys.version.split()[0]}")
        return 2
    command, extra = argv[0], argv[1:]
    install_system_libraries()
    python = make_venv()
    run([python, "-m", "pip", "install", "--disable-pip-version-check", "-q", "-e",
         f"{ROOT}[test]" if command == "test" else str(ROOT)])
    if command == "test":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        return subprocess.call([python, "-m", "pytest", *extra], cwd=ROOT)
    return subprocess.call([python, "-m", "specplan.app", "--sample", SAMPLE_PLAN, *extra], cwd=ROOT)


def install_system_libraries() -> None:
    """apt-get the libraries PySide6 loads, when on Debian/Ubuntu and some are missing."""
    if not sys.platform.startswith("linux") or not shutil.which("dpkg-query"):
        return
    missing = [pkg for pkg in QT_LIBRARIES if not _installed(pkg)]
    if not missing:
        return
    if os.geteuid() != 0:
        print("Qt needs these system packages; install them, then run this again:\n"
              f"  sudo apt-get install -y {' '.join(missing)}")
        sys.exit(2)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run(["apt-get", "update", "-qq"], env=env)
    run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], env=env)


def make_venv() -> str:
    python = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    if not python.exists():
        print(f"Creating {VENV}")
        venv.EnvBuilder(with_pip=True).create(VENV)
        run([str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q", "--upgrade", "pip"])
    return str(python)


def _installed(package: str) -> bool:
    out = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True)
    return "install ok installed" in out.stdout


def run(args: list[str], **kwargs) -> None:
    print("+", " ".join(args), flush=True)
    subprocess.run(args, check=True, **kwargs)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
