"""A spool is copied to the output as the text it holds, whichever way the output writes."""

from __future__ import annotations

import io
from pathlib import Path

from recall_cli.cli.output import copy_spool, open_output, spool

HELD = '{"campaign":"Новая кампания"},\n{"id":"№ 7\\t"}\n' * 3000  # more than one block


def test_a_spool_reaches_a_file_byte_for_byte_after_what_was_written_before(
    tmp_path: Path,
) -> None:
    target = tmp_path / "run.json"
    with open_output(target) as out, spool(target) as spooled:
        spooled.write(HELD)
        out.write("«before»\n")
        copy_spool(spooled, out)
        out.write("after")
    assert target.read_bytes() == ("«before»\n" + HELD + "after").encode()


def test_a_spool_reaches_a_text_output_that_is_no_file() -> None:
    out = io.StringIO()
    with spool(None) as spooled:
        spooled.write(HELD)
        out.write("before ")
        copy_spool(spooled, out)
    assert out.getvalue() == "before " + HELD


def test_a_spool_reaches_an_output_of_another_encoding_in_that_encoding() -> None:
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="utf-16", newline="")
    with spool(None) as spooled:
        spooled.write(HELD)
        copy_spool(spooled, out)
    out.flush()
    assert raw.getvalue().decode("utf-16") == HELD
