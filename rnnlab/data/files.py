"""Reading what visitors upload: bytes -> text, with clear errors and size caps."""

import codecs
import io
import re
from typing import BinaryIO

from ..errors import RNNLabError, check


def read_upload(raw: bytes, max_mb: float = 5) -> str:
    """An uploaded file's bytes -> text. UTF-8 with or without a byte-order mark; CP949 (Korean
    Windows) as a fallback; a file that turns from UTF-8 to another encoding (two files pasted
    together) is refused with the line where it turns; anything else, or binary data, is a clear error."""
    check(len(raw) > 0, "file_empty")
    check(len(raw) <= max_mb * 2**20, "file_big", mb=len(raw) / 2**20, max_mb=max_mb)
    check(b"\x00" not in raw[:4096], "file_binary")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        bad = _first_bad_utf8(raw)
    # a byte-order mark or valid UTF-8 Hangul (any 3-byte character) before the first bad byte: a file of
    # two encodings, which CP949 would turn into nonsense; CP949 text is almost never valid 3-byte UTF-8
    if any(ord(ch) >= 0x800 for ch in raw[:bad].decode("utf-8")):
        raise RNNLabError("mixed_encoding", line=raw[:bad].count(b"\n") + 1)
    try:
        return raw.decode("cp949")
    except UnicodeDecodeError:
        raise RNNLabError("file_encoding") from None


def _first_bad_utf8(raw: bytes) -> int:
    """The offset of the first byte that is not UTF-8 (a byte-order mark counts as UTF-8)."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return err.start
    return len(raw)


CHUNK = 1 << 20  # bytes decoded at a time when a file is checked without holding it as text
_WIDE = re.compile("[\u0800-\U0010ffff]")  # a 3- or 4-byte UTF-8 character (Hangul, a byte-order mark)


def stream_encoding(stream: BinaryIO, max_mb: float = 5) -> str:
    """The encoding of an uploaded file read in chunks ("utf-8-sig" or "cp949"), with the same checks and
    messages as :func:`read_upload` (empty, too big, binary, mixed, neither), never the whole file as text.
    The stream is left at its start."""
    stream.seek(0, io.SEEK_END)
    size = stream.tell()
    stream.seek(0)
    check(size > 0, "file_empty")
    check(size <= max_mb * 2**20, "file_big", mb=size / 2**20, max_mb=max_mb)
    check(b"\x00" not in stream.read(4096), "file_binary")
    stream.seek(0)
    decoder = codecs.getincrementaldecoder("utf-8")()
    lines, wide = 0, False
    while True:
        block = stream.read(CHUNK)
        try:
            text = decoder.decode(block, final=not block)
        except UnicodeDecodeError as err:  # err.object: the bytes held back from the last block + this one
            text = err.object[: err.start].decode("utf-8")
            if wide or _WIDE.search(text):  # as in read_upload: UTF-8 Hangul or a BOM before it is a mix
                raise RNNLabError("mixed_encoding", line=lines + text.count("\n") + 1) from None
            break
        lines += text.count("\n")
        wide = wide or bool(_WIDE.search(text))
        if not block:
            stream.seek(0)
            return "utf-8-sig"
    stream.seek(0)
    decoder = codecs.getincrementaldecoder("cp949")()
    try:
        while block := stream.read(CHUNK):
            decoder.decode(block)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise RNNLabError("file_encoding") from None
    stream.seek(0)
    return "cp949"
