"""Hostile outputs: `--output` and `--export` never damage what they are aimed at.

An input of the command is refused; a device, FIFO or socket is written to, never replaced; a
directory or a block device is refused; an existing file keeps its mode and owner.

Device nodes are made in the test's own folder with the numbers of /dev/null and /dev/full:
the same kind of file, without putting the machine's own nodes at stake if this ever breaks.
"""

from __future__ import annotations

import os
import shutil
import socket
import stat
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.support import SAMPLE_CONFIGS, SAMPLE_LISTS
from typer.testing import CliRunner

from recall_cli.cli import app

runner = CliRunner()

NULL = os.makedev(1, 3)
FULL = os.makedev(1, 7)
NOWHERE = os.makedev(240, 0)
"""A block device of the range kept for local use: nothing answers at it."""

SAMPLES = {
    "config": SAMPLE_CONFIGS / "worked_example.yaml",
    "list": SAMPLE_LISTS / "source_record.csv",
    "script": SAMPLE_CONFIGS / "worked_example.script.yaml",
    "profile": SAMPLE_CONFIGS / "realistic.profile.yaml",
}
START = "2026-12-01T10:00"
REFUSED = (
    "error RC001 is the same file as {input}, which this command reads; refusing to overwrite it"
)


def recall(*args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def inputs(folder: Path) -> dict[str, Path]:
    """Copies of the samples, so that a test that fails cannot damage the real ones."""
    copies = {}
    for kind, sample in SAMPLES.items():
        copies[kind] = folder / sample.name
        shutil.copyfile(sample, copies[kind])
    return copies


def simulate(files: dict[str, Path], outcomes: str, *extra: str | Path) -> tuple[int, str, str]:
    return recall(
        "simulate",
        files["config"],
        files["list"],
        f"--{outcomes}",
        files[outcomes],
        "--start",
        START,
        "--format",
        "json",
        *extra,
    )


def node(folder: Path, name: str, mode: int, device: int) -> Path:
    path = folder / name
    try:
        os.mknod(path, mode | 0o666, device)
    except PermissionError:
        pytest.skip("making a device node needs root")
    return path


@pytest.mark.parametrize("kind", ["config", "list", "script", "profile"])
def test_an_output_aimed_at_an_input_is_refused_and_the_input_kept(
    tmp_path: Path, kind: str
) -> None:
    files = inputs(tmp_path)
    before = files[kind].read_bytes()
    outcomes = "profile" if kind == "profile" else "script"
    code, out, err = simulate(files, outcomes, "--output", files[kind])
    assert (code, out) == (2, "")
    assert err == f"{files[kind]}: " + REFUSED.format(input=files[kind]) + "\n"
    assert files[kind].read_bytes() == before


@pytest.mark.parametrize("link", [os.symlink, os.link], ids=["symlink", "hard link"])
def test_an_output_that_links_to_an_input_is_refused(
    tmp_path: Path, link: Callable[[Path, Path], None]
) -> None:
    files = inputs(tmp_path)
    before = files["list"].read_bytes()
    alias = tmp_path / "run.json"
    link(files["list"], alias)
    code, out, err = simulate(files, "script", "--output", alias)
    assert (code, out) == (2, "")
    assert err == f"{alias}: " + REFUSED.format(input=files["list"]) + "\n"
    assert files["list"].read_bytes() == before
    assert alias.read_bytes() == before


def test_compare_refuses_to_write_over_its_second_config(tmp_path: Path) -> None:
    files = inputs(tmp_path)
    second = tmp_path / "b.yaml"
    shutil.copyfile(files["config"], second)
    before = second.read_bytes()
    code, out, err = recall(
        "compare", files["config"], second, files["list"], "--runs", "2", "--output", second
    )
    assert (code, out) == (2, "")
    assert err == f"{second}: " + REFUSED.format(input=second) + "\n"
    assert second.read_bytes() == before


def test_explain_refuses_to_export_over_its_config(tmp_path: Path) -> None:
    files = inputs(tmp_path)
    before = files["config"].read_bytes()
    handout = tmp_path / "handout.md"
    handout.symlink_to(files["config"])
    code, out, err = recall("explain", files["config"], "--export", handout)
    assert (code, out) == (2, "")
    assert err == f"{handout}: " + REFUSED.format(input=files["config"]) + "\n"
    assert files["config"].read_bytes() == before


def test_an_output_on_a_null_device_is_written_and_the_device_kept(tmp_path: Path) -> None:
    null = node(tmp_path, "null", stat.S_IFCHR, NULL)
    code, out, err = simulate(inputs(tmp_path), "script", "--output", null)
    assert (code, out, err) == (0, "", "")
    after = os.stat(null)
    assert stat.S_ISCHR(after.st_mode)
    assert after.st_rdev == NULL
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_an_output_on_a_full_device_is_one_line_and_exit_2(tmp_path: Path) -> None:
    full = node(tmp_path, "full", stat.S_IFCHR, FULL)
    code, out, err = simulate(inputs(tmp_path), "script", "--output", full)
    assert (code, out) == (2, "")
    assert err == f"{full}: error RC001 cannot write the output here: No space left on device\n"
    assert stat.S_ISCHR(os.stat(full).st_mode)


def test_a_fifo_with_a_reader_gets_the_whole_output(tmp_path: Path) -> None:
    files = inputs(tmp_path)
    expected = simulate(files, "script")[1]
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    # A daemon: if the FIFO were replaced, the reader would wait for ever.
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    code, out, err = simulate(files, "script", "--output", fifo)
    reader.join(timeout=30)
    assert (code, out, err) == (0, "", "")
    assert got == [expected.encode("utf-8")]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_fifo_given_as_a_proc_fd_path_is_written_to(tmp_path: Path) -> None:
    """`--output >(gzip > x.gz)`: the shell passes /dev/fd/N, the write end of a pipe."""
    files = inputs(tmp_path)
    expected = simulate(files, "script")[1]
    gz = tmp_path / "x.gz"
    shell = (
        f"{sys.executable} -m recall_cli simulate {files['config']} {files['list']} "
        f"--script {files['script']} --start {START} --format json "
        f"--output >(gzip > {gz}); wait $!"
    )
    done = subprocess.run(["bash", "-c", shell], capture_output=True, timeout=60, check=False)
    assert (done.returncode, done.stdout, done.stderr) == (0, b"", b"")
    unzipped = subprocess.run(["gzip", "-dc", str(gz)], capture_output=True, check=True)
    assert unzipped.stdout == expected.encode("utf-8")


def test_a_socket_with_a_listener_gets_the_whole_output(tmp_path: Path) -> None:
    files = inputs(tmp_path)
    expected = simulate(files, "script")[1]
    place = tmp_path / "sock"
    got: list[bytes] = []
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(place))
        server.listen(1)
        server.settimeout(30)

        def serve() -> None:
            connection, _ = server.accept()
            with connection, connection.makefile("rb") as stream:
                got.append(stream.read())

        listener = threading.Thread(target=serve, daemon=True)
        listener.start()
        code, out, err = simulate(files, "script", "--output", place)
        listener.join(timeout=30)
    assert (code, out, err) == (0, "", "")
    assert got == [expected.encode("utf-8")]
    assert stat.S_ISSOCK(os.stat(place).st_mode)


def test_a_directory_is_refused(tmp_path: Path) -> None:
    code, out, err = simulate(inputs(tmp_path), "script", "--output", tmp_path)
    assert (code, out) == (2, "")
    assert err == f"{tmp_path}: error RC001 is a directory, not a file\n"


def test_a_block_device_is_refused_and_kept(tmp_path: Path) -> None:
    disk = node(tmp_path, "disk", stat.S_IFBLK, NOWHERE)
    code, out, err = simulate(inputs(tmp_path), "script", "--output", disk)
    assert (code, out) == (2, "")
    assert err == f"{disk}: error RC001 is a block device; refusing to write the output onto it\n"
    assert stat.S_ISBLK(os.stat(disk).st_mode)


def test_an_existing_file_keeps_its_mode_and_owner(tmp_path: Path) -> None:
    files = inputs(tmp_path)
    target = tmp_path / "run.json"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    owner = (4321, 8765) if os.geteuid() == 0 else (os.getuid(), os.getgid())
    os.chown(target, *owner)
    code, out, err = simulate(files, "script", "--output", target)
    assert (code, out, err) == (0, "", "")
    after = os.stat(target)
    assert stat.S_IMODE(after.st_mode) == 0o640
    assert (after.st_uid, after.st_gid) == owner
    assert target.read_text(encoding="utf-8") == simulate(files, "script")[1]


def test_a_symlinked_output_replaces_the_file_it_points_to_and_keeps_the_link(
    tmp_path: Path,
) -> None:
    files = inputs(tmp_path)
    real = tmp_path / "real.json"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert simulate(files, "script", "--output", link)[0] == 0
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == simulate(files, "script")[1]
