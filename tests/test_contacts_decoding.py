"""A regular file's encoding found a block at a time without keeping its text is the one the
whole text is decoded in, and a file it refuses is one the whole decoding refuses
(hypothesis)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recall_cli.loaders.contacts import decoding
from recall_cli.loaders.contacts.model import UnusableError
from tests.thoroughness import examples

# UTF-8 Cyrillic, cp1251 Cyrillic, a BOM, a NUL, a byte no codec here decodes (0x98 in cp1251,
# a lone continuation byte in UTF-8), and plain text: cut anywhere by the blocks.
_PIECES = st.sampled_from(
    [
        *(b"a", b"1,", b"\n", "Ольга".encode(), "Ольга".encode("cp1251"), b"\xef\xbb\xbf"),
        *(b"\x00", b"\x98", b"\x80", b"\xd0"),
    ]
)


@settings(max_examples=examples(400), deadline=None)
@given(
    st.lists(_PIECES, max_size=12).map(b"".join),
    st.sampled_from([None, "utf-8", "utf-8-sig", "cp1251", "koi8-r", "latin-1"]),
    st.sampled_from([1, 2, 3, 1 << 16]),
)
def test_a_file_is_found_in_the_encoding_its_whole_text_is_decoded_in(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, forced: str | None, block: int
) -> None:
    path = tmp_path_factory.mktemp("decoding") / "list.csv"
    path.write_bytes(data)
    try:
        expected: str | None = decoding.decode("list.csv", data, forced)[1]
    except UnusableError:
        expected = None
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(decoding, "DECODE_BYTES", block)
        assert decoding.file_encoding(str(path), forced) == expected


def test_a_nul_after_the_first_block_is_found(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes("Ольга\n".encode() * 20_000 + b"\x00")
    assert decoding.file_encoding(str(path), None) is None
    assert decoding.file_encoding(str(path), "cp1251") is None
