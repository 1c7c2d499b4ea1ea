"""argmap installed as a user installs it: the wheel, in a new virtual environment.

The wheel is built from the checkout with the locked hatchling (no build environment
from the network), installed with its dependencies at the versions of the lock (from
pip's configured index, as a user's pip would fetch them) into a fresh venv (not
editable, nothing from the checkout), and run from a folder outside the checkout.
Deselect with `-m "not wheel"`.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import BUNDLED, ROOT

pytestmark = pytest.mark.wheel
_PIN = re.compile(r"^([A-Za-z0-9_.\-]+==[^\s;\\]+)")


def _pins(lock: Path) -> str:
    """The lock's exact versions, as pip constraints (the wheel's own hash is not in it)."""
    lines = lock.read_text(encoding="utf-8").splitlines()
    return "\n".join(m.group(1) for line in lines if (m := _PIN.match(line))) + "\n"


def _pip(*args: str, cwd: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "pip", "--disable-pip-version-check",
                             "--quiet", *args], cwd=cwd, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin folder of a new venv holding argmap from its wheel."""
    work = tmp_path_factory.mktemp("install")
    _pip("wheel", "--no-deps", "--no-build-isolation", "-w", str(work / "dist"), str(ROOT),
         cwd=work)
    [wheel] = (work / "dist").glob("argmap-*.whl")
    constraints = work / "constraints.txt"
    constraints.write_text(_pins(ROOT / "requirements" / "dev.txt"), encoding="utf-8")
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True,
                   timeout=120)
    _pip("--python", str(venv / "bin" / "python"), "install", "--constraint",
         str(constraints), str(wheel), cwd=work)
    return venv / "bin"


def _argmap(bin_dir: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # Only the venv and the system's programs (Graphviz) on the PATH; nothing from the
    # checkout on the module path.
    env = {"PATH": os.pathsep.join([str(bin_dir), "/usr/local/bin", "/usr/bin", "/bin"]),
           "HOME": str(cwd), "NO_COLOR": "1", "COLUMNS": "100", "LANG": "C.UTF-8"}
    return subprocess.run([str(bin_dir / "argmap"), *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    assert ROOT not in folder.resolve().parents
    return folder


def test_the_installed_package_is_the_wheel_not_the_checkout(installed, elsewhere):
    env = {"PATH": str(installed), "HOME": str(elsewhere)}
    where = subprocess.run([str(installed / "python"), "-c",
                            "import argmap, pathlib; print(pathlib.Path(argmap.__file__))"],
                           cwd=elsewhere, env=env, capture_output=True, text=True, check=True)
    location = Path(where.stdout.strip())
    assert installed.parent in location.parents
    assert ROOT not in location.parents


def test_show_finds_the_bundled_map_by_name(installed, elsewhere):
    result = _argmap(installed, elsewhere, "show", "qiu")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Data power and counter-power with Chinese characteristics\n")
    assert "◆ T thesis  China's data power is neither a surveillance dystopia" in result.stdout


def test_lint_checks_a_copy_of_a_bundled_map(installed, elsewhere):
    shutil.copy(BUNDLED / "arsene.yaml", elsewhere / "mine.yaml")
    result = _argmap(installed, elsewhere, "lint", "mine.yaml")
    assert result.returncode == 0, result.stdout + result.stderr
    # Its links into the other bundled maps are found and checked: nothing to report.
    assert result.stdout.endswith("1 file checked: no problems.\n")
    broken = (elsewhere / "mine.yaml").read_text(encoding="utf-8").replace("id: P2\n", "id: P1\n")
    (elsewhere / "mine.yaml").write_text(broken, encoding="utf-8")
    result = _argmap(installed, elsewhere, "lint", "mine.yaml")
    assert result.returncode == 1
    assert "error AM101 duplicate-id: id `P1` is already used" in result.stdout


@pytest.mark.graphviz
def test_render_draws_a_bundled_map_as_svg(installed, elsewhere):
    if shutil.which("dot") is None:
        pytest.skip("Graphviz `dot` is not installed")
    result = _argmap(installed, elsewhere, "render", "qiu", "--svg")
    assert result.returncode == 0, result.stderr
    svg = (elsewhere / "build" / "qiu.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and "</svg>" in svg
    assert "surveillance dystopia" in svg
