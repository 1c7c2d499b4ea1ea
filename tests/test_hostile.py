"""Hostile input and safe output, as a user meets them on the command line.

Every file in tests/fixtures/hostile/ (expected outcomes in expected.toml) and every
input made here (huge files, long lines, devices, pipes, link loops, folders, missing
paths, map names that climb out of the maps folder) goes through each command that
reads a map. Each run is a subprocess under a time limit and a 1 GB address-space
limit, and must end with the expected exit status, a clear message and no traceback.

Output: files are replaced atomically, a failure leaves the previous file as it was,
and two writers at once leave one complete file.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import threading
import tomllib
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from argmap.loader import MAX_BYTES, load_text
from argmap.names import resolve
from argmap.output import write_atomic
from argmap.problem import ArgmapError
from tests.conftest import BUNDLED, FIXTURES, ROOT

HOSTILE = FIXTURES / "hostile"
EXPECTED = tomllib.loads((HOSTILE / "expected.toml").read_text(encoding="utf-8"))
#: Far above what any of these inputs needs on a loaded machine; a hang hits it.
TIME_LIMIT = 120
MEMORY_LIMIT = 1 << 30
#: `make fuzz` makes the generated inputs bigger.
SCALE = 5 if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz" else 1


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


@dataclass(frozen=True)
class Run:
    args: tuple[str, ...]
    code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    def __str__(self) -> str:
        shown = self.output if len(self.output) < 2000 else self.output[:2000] + "..."
        return f"argmap {' '.join(self.args)} -> exit {self.code}\n{shown}"


def argmap(*args: str, cwd: Path | None = None) -> Run:
    """Run the CLI as a user would, bounded in time and memory."""
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "2000"}
    result = subprocess.run([sys.executable, "-m", "argmap", *args], capture_output=True,
                            cwd=cwd, env=env, timeout=TIME_LIMIT, preexec_fn=_limit_memory)
    return Run(args, result.returncode, result.stdout.decode("utf-8", "replace"),
               result.stderr.decode("utf-8", "replace"))


def _registered() -> set[str]:
    from argmap.cli import app

    return {command.name or command.callback.__name__ for command in app.registered_commands
            if command.callback is not None}


COMMANDS = _registered()


#: The commands that print claims; the others only have to succeed on a map that loads.
CLAIM_COMMANDS = frozenset({"show", "eval", "explain"})


def commands_for(target: str, out: Path) -> dict[str, tuple[str, ...]]:
    """Each command that reads a map, as it would be run on `target`, writing into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "source.txt").write_text("A plain-text copy of the paper.\n", encoding="utf-8")
    every = {
        "lint": ("lint", target),
        "show": ("show", target),
        "eval": ("eval", target),
        "explain": ("explain", target, "T"),
        "render": ("render", target, "--dot", "-o", str(out / "out.dot")),
        "export": ("export", target, "--to", "json", "-o", str(out / "out.json")),
        "atlas": ("atlas", target),
        "quotes": ("quotes", target, "--source", str(out / "source.txt")),
    }
    return {name: args for name, args in every.items() if name in COMMANDS}


# Runs several commands in one process, each through the real command-line app with its
# own standard output and error, and prints what each did as JSON. One process per input
# keeps the bounds on time and memory while paying for start-up once, not per command.
_DRIVER = """
import contextlib, io, json, sys, traceback
from argmap.cli import app

def run(args):
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            app(args=args, prog_name="argmap")
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        except BaseException:
            traceback.print_exc()
            code = 1
    return {"code": code, "stdout": out.getvalue(), "stderr": err.getvalue()}

batches = json.loads(sys.argv[1])
json.dump({key: {name: run(args) for name, args in jobs.items()}
           for key, jobs in batches.items()}, sys.stdout)
"""


def run_batches(batches: dict[str, dict[str, tuple[str, ...]]], cwd: Path | None = None,
                ) -> dict[str, dict[str, Run]]:
    """Run each batch's commands, all in one process bounded in time and memory."""
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "2000",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    result = subprocess.run([sys.executable, "-c", _DRIVER, json.dumps(batches)],
                            capture_output=True, cwd=cwd, env=env,
                            timeout=TIME_LIMIT * max(1, len(batches) // 4),
                            preexec_fn=_limit_memory)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    done = json.loads(result.stdout)
    return {key: {name: Run(tuple(batches[key][name]), value["code"], value["stdout"],
                            value["stderr"]) for name, value in runs.items()}
            for key, runs in done.items()}


def run_all(target: str, out: Path, cwd: Path | None = None) -> dict[str, Run]:
    """Every command that reads a map, on `target`, in one bounded process."""
    return run_batches({target: commands_for(target, out)}, cwd)[target]


@dataclass(frozen=True)
class Expect:
    exit: int
    message: str
    at: str | None = None
    overrides: dict[str, dict[str, object]] = field(default_factory=dict)

    def for_command(self, command: str) -> Expect:
        changed = self.overrides.get(command, {})
        message = self.message if self.exit or command in CLAIM_COMMANDS else ""
        return Expect(int(changed.get("exit", self.exit)),  # type: ignore[call-overload]
                      str(changed.get("message", message)),
                      changed.get("at", self.at))  # type: ignore[arg-type]


def check(runs: dict[str, Run], expect: Expect, shown_as: str) -> None:
    assert runs, "no command that reads a map is registered"
    for command, run in runs.items():
        wanted = expect.for_command(command)
        assert "Traceback" not in run.output, run
        assert run.code == wanted.exit, run
        assert wanted.message in run.output, f"expected {wanted.message!r}:\n{run}"
        if wanted.at:
            assert f"{shown_as}:{wanted.at}" in run.output, run
        if wanted.exit != 0:
            assert run.output.strip(), f"failed without a word:\n{run}"


# ------------------------------------------------------------------ the committed corpus


def _corpus() -> Iterator[tuple[str, Expect]]:
    for name, table in EXPECTED.items():
        overrides = {key: value for key, value in table.items() if isinstance(value, dict)}
        yield name, Expect(table["exit"], table["message"], table.get("at"), overrides)


def test_every_corpus_file_has_an_expectation() -> None:
    files = {path.stem for path in HOSTILE.glob("*.yaml")}
    assert files == set(EXPECTED), "add the file to expected.toml, or remove the entry"


@pytest.fixture(scope="module")
def corpus_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, dict[str, Run]]]:
    """Every corpus file through every command, in one bounded process for the lot."""
    folders = {name: tmp_path_factory.mktemp(name) for name in EXPECTED}
    batches = {name: commands_for(str(HOSTILE / f"{name}.yaml"), folders[name])
               for name in EXPECTED}
    return {name: (folders[name], runs) for name, runs in run_batches(batches).items()}


@pytest.mark.parametrize(("name", "expect"), list(_corpus()), ids=[n for n, _ in _corpus()])
def test_corpus_file_through_every_command(
        name: str, expect: Expect, corpus_runs: dict[str, tuple[Path, dict[str, Run]]]) -> None:
    path = HOSTILE / f"{name}.yaml"
    folder, runs = corpus_runs[name]
    check(runs, expect, str(path))
    if expect.exit == 0:
        _check_written(folder, runs, load_text(path.read_bytes().decode("utf-8-sig"),
                                               str(path)))


def _check_written(folder: Path, runs: dict[str, Run], loaded: object) -> None:
    """A map that loads is written out whole: the DOT parses, the JSON holds every claim."""
    amap = getattr(loaded, "map", None)
    assert amap is not None
    if "render" in runs:
        dot = (folder / "out.dot").read_text(encoding="utf-8")
        assert dot.startswith("digraph") and dot.rstrip().endswith("}")
        if shutil.which("dot"):
            from tests.fuzz.invariants import assert_dot_parses

            assert_dot_parses(dot)
    if "export" in runs:
        document = (folder / "out.json").read_text(encoding="utf-8")
        for node in amap.walk():
            assert json.dumps(node.claim, ensure_ascii=False) in document


# ------------------------------------------------------------------ inputs made here


def _project(tmp_path: Path) -> Path:
    """A project folder with an empty maps folder, so bare names search only there."""
    project = tmp_path / "project"
    (project / "maps").mkdir(parents=True)
    (project / "pyproject.toml").write_text('[tool.argmap]\nmaps = "maps"\n')
    return project


def _many_nodes(count: int) -> str:
    head = ("argmap: 1\nid: many\ntitle: Many nodes\nthesis:\n  id: T\n"
            "  claim: The thesis.\n  source: {section: One, para: 1}\n  premises:\n")
    nodes = (f"    - id: P{i}\n      claim: Premise {i} of many, each with its own words.\n"
             f"      source: {{section: One, para: {i}}}\n" for i in range(1, count + 1))
    return head + "".join(nodes)


def _valid(title: str, claim: str, extra: str = "") -> str:
    return (f"argmap: 1\nid: made\ntitle: {title}\n{extra}thesis:\n  id: T\n"
            f"  source: {{section: One, para: 1}}\n  claim: {claim}\n")


@dataclass(frozen=True)
class Made:
    """An input made in tmp_path: `make` returns the argument to pass to each command."""

    make: Callable[[Path], str]
    expect: Expect


_FINE: dict[str, dict[str, object]] = {"lint": {"message": "no problems"}}
_CLAIM_WARNING: dict[str, dict[str, object]] = {**_FINE, "lint": {"message": "AM304"}}


def _write(name: str, content: str | bytes) -> Callable[[Path], str]:
    def make(tmp_path: Path) -> str:
        path = tmp_path / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return str(path)
    return make


def _folder(tmp_path: Path) -> str:
    (tmp_path / "folder.yaml").mkdir()
    return str(tmp_path / "folder.yaml")


def _fifo(tmp_path: Path) -> str:
    os.mkfifo(tmp_path / "pipe.yaml")
    return str(tmp_path / "pipe.yaml")


def _link_loop(tmp_path: Path) -> str:
    (tmp_path / "loop.yaml").symlink_to(tmp_path / "loop.yaml")
    return str(tmp_path / "loop.yaml")


def _link_to_zero(tmp_path: Path) -> str:
    (tmp_path / "zero.yaml").symlink_to("/dev/zero")
    return str(tmp_path / "zero.yaml")


MADE = {
    "larger_than_the_limit": Made(
        _write("large.yaml", _valid("Too large", "x") + "# padding line\n" * (MAX_BYTES // 15)),
        Expect(1, f"larger than {MAX_BYTES // 2**20} MB", "1:1")),
    "very_long_line": Made(
        _write("long_line.yaml", _valid("A long line", "A claim.",
                                        "summary: " + "word " * 900_000 + "\n")),
        Expect(0, "A claim.", overrides=_FINE)),
    "very_long_claim": Made(
        _write("long_claim.yaml", _valid("A long claim", "词 word " * 60_000 + "end")),
        Expect(0, "词 word 词 word", overrides=_CLAIM_WARNING)),
    "very_long_word": Made(
        _write("long_word.yaml", _valid("A long word", "x" * 1_000_000)),
        Expect(0, "xxxxxxxxxx", overrides=_FINE)),
    "many_nodes": Made(
        _write("many.yaml", _many_nodes(1000 * SCALE)),
        Expect(0, f"Premise {1000 * SCALE} of many",
               overrides={**_FINE, "explain": {"message": ""}})),
    "a_folder": Made(_folder, Expect(2, "is a folder", overrides={
        "lint": {"message": "no map files (*.yaml, *.yml) found"}})),
    "dev_zero": Made(lambda _: "/dev/zero", Expect(2, "/dev/zero: is not a regular file")),
    "dev_null": Made(lambda _: "/dev/null", Expect(2, "/dev/null: is not a regular file")),
    "a_pipe": Made(_fifo, Expect(2, "is not a regular file")),
    "a_link_to_dev_zero": Made(_link_to_zero, Expect(2, "is not a regular file")),
    "a_link_loop": Made(_link_loop, Expect(2, "cannot read")),
    "a_missing_path": Made(lambda tmp: str(tmp / "missing.yaml"), Expect(2, "no such file")),
}


@pytest.mark.parametrize("case", list(MADE))
def test_made_input_through_every_command(case: str, tmp_path: Path) -> None:
    made = MADE[case]
    target = made.make(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    check(run_all(target, out), made.expect, target)


def test_a_missing_map_name_lists_the_maps_there_are(tmp_path: Path) -> None:
    project = _project(tmp_path)
    shutil.copy(BUNDLED / "qiu.yaml", project / "maps" / "mine.yaml")
    runs = run_all("mnie", tmp_path, cwd=project)
    runs.pop("lint")  # lint takes paths, not names
    check(runs, Expect(2, "no map named `mnie`"), "mnie")
    assert all("Did you mean `mine`?" in run.output for run in runs.values())


def test_a_map_name_never_climbs_out_of_the_maps_folder(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (tmp_path / "secret.yaml").write_text(_valid("Secret", "The secret claim."))
    names = ["../secret", "..\\secret", "maps/../../secret", "..", "../project/../secret"]
    batches = {name: commands_for(name, tmp_path / "out") for name in names}
    for name, runs in run_batches(batches, cwd=project).items():
        if name == "..":
            runs.pop("lint")  # `argmap lint ..` lints the folder the user named, as asked
        for run in runs.values():
            assert run.code == 2, run
            assert "secret claim" not in run.output, run
            assert "Traceback" not in run.output, run


def test_list_names_every_map_even_those_that_do_not_load(tmp_path: Path) -> None:
    project = _project(tmp_path)
    maps = project / "maps"
    for path in HOSTILE.glob("*.yaml"):
        shutil.copy(path, maps / path.name)
    (maps / "folder.yaml").mkdir()
    os.mkfifo(maps / "pipe.yaml")
    (maps / "zero.yaml").symlink_to("/dev/zero")
    (maps / "loop.yaml").symlink_to(maps / "loop.yaml")
    run = argmap("list", "--json", cwd=project)
    assert run.code == 0 and "Traceback" not in run.stderr, run
    rows = {row["name"]: row for row in json.loads(run.stdout) if row["where"] == "project"}
    assert set(rows) == {path.stem for path in HOSTILE.glob("*.yaml")}
    assert {name for name, row in rows.items() if row["valid"]} == \
        {name for name, table in EXPECTED.items() if table["exit"] == 0}
    text = argmap("list", cwd=project)
    assert text.code == 0, text
    assert "does not load: run `argmap lint " in text.stdout
    assert "run `argmap lint maps/alias_bomb.yaml`" in text.stdout, text


# ------------------------------------------------------------------ output


def test_an_output_folder_that_does_not_exist_is_a_clear_error(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "folder"
    for args in (("render", "qiu", "--dot", "-o", str(missing / "x.dot")),
                 ("export", "qiu", "--to", "json", "-o", str(missing / "x.json"))):
        if args[0] not in COMMANDS:
            continue
        run = argmap(*args)
        assert run.code == 2, run
        assert f"folder {missing} does not exist" in run.stderr, run
        assert "Traceback" not in run.output
    assert not (tmp_path / "no").exists()


def test_an_output_path_that_is_a_folder_is_a_clear_error(tmp_path: Path) -> None:
    if "export" not in COMMANDS:
        pytest.skip("no export command")
    run = argmap("export", "qiu", "--to", "json", "-o", str(tmp_path))
    assert run.code == 2 and "is a folder" in run.stderr, run


def test_a_failed_render_leaves_the_previous_file(tmp_path: Path) -> None:
    if "render" not in COMMANDS:
        pytest.skip("no render command")
    target = tmp_path / "map.dot"
    target.write_text("the previous drawing\n")
    run = argmap("render", str(HOSTILE / "alias_bomb.yaml"), "--dot", "-o", str(target))
    assert run.code == 1, run
    assert target.read_text() == "the previous drawing\n"
    assert os.listdir(tmp_path) == ["map.dot"], "a temporary file was left behind"


def test_rendering_several_maps_writes_none_if_one_fails(tmp_path: Path) -> None:
    if "render" not in COMMANDS:
        pytest.skip("no render command")
    run = argmap("render", "qiu", str(HOSTILE / "latin1.yaml"), "--dot", "-o", str(tmp_path))
    assert run.code == 1, run
    assert list(tmp_path.iterdir()) == []


def test_two_renders_at_once_leave_one_complete_file(tmp_path: Path) -> None:
    if "render" not in COMMANDS:
        pytest.skip("no render command")
    target = tmp_path / "qiu.dot"
    args = ("render", "qiu", "--dot", "-o", str(target))
    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = list(pool.map(lambda _: argmap(*args), range(2)))
    assert [run.code for run in runs] == [0, 0], runs
    alone = argmap("render", "qiu", "--dot", "-o", "-")
    assert target.read_text(encoding="utf-8") == alone.stdout
    assert os.listdir(tmp_path) == ["qiu.dot"]


def test_write_atomic_replaces_the_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old " * 1000)
    write_atomic(target, "new")
    assert target.read_text() == "new"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_write_atomic_keeps_the_file_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")
    target.chmod(0o640)
    write_atomic(target, b"new")
    assert target.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize("failing", ["fsync", "replace", "chmod"])
def test_a_failure_while_writing_leaves_the_previous_file(
        failing: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.txt"
    target.write_text("the previous content")

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, broken)
    with pytest.raises(ArgmapError, match="cannot write: No space left on device"):
        write_atomic(target, "half of the new content")
    monkeypatch.undo()
    assert target.read_text() == "the previous content"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_an_interrupted_write_leaves_the_previous_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.txt"
    target.write_text("the previous content")

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new content")
    monkeypatch.undo()
    assert target.read_text() == "the previous content"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_writing_to_a_link_replaces_the_link_not_what_it_points_to(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("not argmap's to touch")
    link = tmp_path / "out.svg"
    link.symlink_to(elsewhere)
    write_atomic(link, "<svg/>")
    assert elsewhere.read_text() == "not argmap's to touch"
    assert link.read_text() == "<svg/>" and not link.is_symlink()


def test_writers_at_once_leave_one_complete_file_and_readers_never_see_half(
        tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    contents = [str(i) * 200_000 for i in range(4)]
    write_atomic(target, contents[0])
    seen: set[str] = set()
    done = threading.Event()

    def read() -> None:
        while not done.is_set():
            seen.add(target.read_text())

    def write(content: str) -> None:
        for _ in range(15):
            write_atomic(target, content)

    reader = threading.Thread(target=read)
    reader.start()
    writers = [threading.Thread(target=write, args=(content,)) for content in contents]
    for thread in writers:
        thread.start()
    for thread in writers:
        thread.join()
    done.set()
    reader.join()
    assert target.read_text() in contents
    assert seen <= set(contents), "a reader saw a file that was being written"
    assert os.listdir(tmp_path) == ["out.txt"]


@pytest.mark.parametrize("name", ["../secret", "..", "./../secret", "secret/..", "~/secret",
                                  "%2e%2e/secret", "..\\secret", "maps/../../secret"])
def test_resolve_never_reaches_outside_the_searched_folders(
        name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = _project(tmp_path)
    (tmp_path / "secret.yaml").write_text(_valid("Secret", "x"))
    monkeypatch.chdir(project)
    from argmap.config import Settings

    with pytest.raises(ArgmapError):
        resolve(name, Settings(maps="maps"))
