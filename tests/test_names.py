"""Map names resolve as a path, then ./maps/NAME.yaml, then the bundled maps."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from argmap.config import Settings
from argmap.names import available, resolve
from argmap.problem import ArgmapError
from argmap.resources import bundled_maps_dir
from tests.conftest import FIXTURES


def test_bundled_maps_resolve_from_any_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert resolve("qiu") == bundled_maps_dir() / "qiu.yaml"


def test_project_map_comes_before_bundled(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "maps").mkdir()
    shutil.copy(FIXTURES / "valid" / "other.yaml", tmp_path / "maps" / "qiu.yaml")
    assert resolve("qiu").resolve() == (tmp_path / "maps" / "qiu.yaml").resolve()
    assert ("qiu", "project") in [(f.name, f.where) for f in available(Settings())]


def test_a_path_is_taken_as_given():
    path = FIXTURES / "valid" / "other.yaml"
    assert resolve(str(path)) == path


@pytest.mark.parametrize("name", ["../maps/qiu", "..", "/etc/passwd.yaml", "qiu/../../x"])
def test_names_never_leave_the_searched_folders(name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ArgmapError):
        resolve(name)


def test_unknown_name_lists_the_maps_that_exist(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ArgmapError) as caught:
        resolve("qui")
    assert caught.value.hint is not None
    assert caught.value.hint.startswith("Did you mean `qiu`? Maps available: arsene, he_shen, qiu")


def test_list_command_shows_title_author_and_size(tmp_path):
    result = subprocess.run([sys.executable, "-m", "argmap", "list"], capture_output=True,
                            text=True, cwd=tmp_path, timeout=60)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == ["arsene", "he_shen", "qiu"]
    assert "Jack Linchuan Qiu" in lines[2] and "nodes" in lines[2]
