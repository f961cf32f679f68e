"""A list's bytes as text: in the encoding forced, or UTF-8 (BOM or not), else cp1251; and the
text's physical lines, as the csv module sees them."""

from __future__ import annotations

import codecs
import io
from typing import BinaryIO

from recall_cli.loaders import codes
from recall_cli.loaders.contacts.model import UnusableError
from recall_cli.loaders.files import refuse_wide, wide_encoding
from recall_cli.messages import Message
from recall_cli.problems import Location, Problem, RecallError, UnreadableError

UTF8_BOM = codecs.BOM_UTF8
_OTHER_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # str.splitlines breaks, csv does not


def codec_name(name: str, encoding: str) -> str:
    """The codec's canonical name (windows-1251 → cp1251); an unknown one is a usage error."""
    try:
        canonical = codecs.lookup(encoding).name
        b"x".decode(canonical, "replace")  # bytes-to-bytes codecs (base64, hex) fail here
    except (LookupError, ValueError):
        message = Message("contacts.unknown_encoding", {"encoding": encoding})
        raise UnreadableError([Problem(Location(name), codes.ENCODING, message)]) from None
    return canonical


def decode(name: str, data: bytes, forced: str | None) -> tuple[str, str]:
    """The text and the encoding it was read in: forced, or UTF-8 (BOM or not), else cp1251."""
    if forced is None or not forced.startswith(("utf-16", "utf-32")):  # canonical codec names
        try:
            refuse_wide(name, data)
        except RecallError as error:
            raise UnusableError(*error.problems) from None
    if forced is not None:
        if forced == "utf-8" and data.startswith(UTF8_BOM):
            forced = "utf-8-sig"
        text = _decode_as(name, data, forced, "contacts.bad_byte")
        if "\x00" in text:
            raise UnusableError(_at(name, text[: text.index("\x00")], "file.binary"))
        return text, forced
    if b"\x00" in data:
        raise UnusableError(_at(name, _lenient(data[: data.index(b"\x00")]), "file.binary"))
    if data.startswith(UTF8_BOM):
        return _decode_as(name, data, "utf-8-sig", "contacts.bad_byte_bom"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _decode_as(name, data, "cp1251", "contacts.not_text"), "cp1251"


def _decode_as(name: str, data: bytes, encoding: str, key: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        seen = error.object  # for utf-8-sig, the bytes after the BOM
        prefix = seen[: error.start].decode(encoding, "replace")
        params = {"byte": f"{seen[error.start]:02X}", "encoding": encoding}
        raise UnusableError(_at(name, prefix, key, **params)) from None


def _lenient(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1251", "replace")


def _at(name: str, prefix: str, key: str, **params: object) -> Problem:
    """An encoding problem just after `prefix`, the text that decoded before it."""
    lines = split_lines(prefix) or [""]
    line, column = len(lines), len(lines[-1]) + 1
    if lines[-1].endswith(("\n", "\r")):
        line, column = line + 1, 1
    return Problem(Location(name, line, column), codes.ENCODING, Message(key, params))


def split_lines(text: str) -> list[str]:
    """Physical lines with their ends, split as the csv module sees them (\\n, \\r\\n, \\r)."""
    if any(char in text for char in _OTHER_BREAKS):
        return io.StringIO(text, newline="").readlines()
    return text.splitlines(keepends=True)  # the same lines, twice as fast


SCAN_BYTES = 1 << 20
"""Bytes of a file's start checked for a wide encoding before it is read a chunk at a time."""
DECODE_BYTES = 1 << 16
"""Bytes decoded at a time when a file is checked: a block's text stays in the processor's
cache (1 MiB blocks take half as long again)."""
_NUL_FROM_ZERO = frozenset({"utf-8", "utf-8-sig", "cp1251"})
"""Codecs whose text holds a NUL only for a 0 byte: the bytes, searched, speak for the text."""


def file_encoding(path: str, forced: str | None) -> str | None:
    """The encoding `decode` would read the file at `path` in, found by decoding it a block at
    a time without keeping the text; None when it would refuse the file (a wide or binary
    file, a byte no candidate decodes) or it cannot be read here, for the whole reading to
    find and place why."""
    if forced is not None and forced.startswith(("utf-16", "utf-32")):
        return None
    try:
        with open(path, "rb") as handle:
            first = handle.read(SCAN_BYTES)
            if wide_encoding(first) is not None:
                return None
            if forced is not None:
                utf8_bom = forced == "utf-8" and first.startswith(UTF8_BOM)
                candidates = ["utf-8-sig" if utf8_bom else forced]
            elif first.startswith(UTF8_BOM):
                candidates = ["utf-8-sig"]
            else:
                candidates = ["utf-8", "cp1251"]
            for candidate in candidates:
                handle.seek(0)
                if _decodes(handle, candidate):
                    return candidate
    except OSError:
        return None
    return None


def _decodes(handle: BinaryIO, encoding: str) -> bool:
    """Whether the bytes of `handle` decode in `encoding` to text without a NUL."""
    decoder = codecs.getincrementaldecoder(encoding)()
    search = encoding not in _NUL_FROM_ZERO
    try:
        while block := handle.read(DECODE_BYTES):
            if b"\x00" in block:
                return False
            text = decoder.decode(block)
            if search and "\x00" in text:
                return False
        return "\x00" not in decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
