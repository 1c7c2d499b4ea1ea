"""Output files: replaced whole, and a device or pipe named as output left a device."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from argmap.output import write_atomic


def test_a_file_is_replaced_whole_and_keeps_its_mode(tmp_path: Path):
    target = tmp_path / "out.svg"
    target.write_text("old")
    target.chmod(0o640)
    write_atomic(target, "new")
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["out.svg"]  # no temporary left


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_written_to_not_replaced(tmp_path: Path):
    """`-o /dev/null` or a pipe must not be renamed over: that would put a file there."""
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    write_atomic(pipe, "digraph {}\n")
    reader.join(10)
    assert received == [b"digraph {}\n"]
    assert stat.S_ISFIFO(pipe.stat().st_mode)


def test_dev_null_stays_a_device():
    null = Path(os.devnull)
    if not null.exists() or not stat.S_ISCHR(null.stat().st_mode):
        pytest.skip("no character device at os.devnull")
    write_atomic(null, "anything")
    assert stat.S_ISCHR(null.stat().st_mode)
