"""Reading what visitors upload: bytes -> text, with clear errors and size caps."""

import codecs
import io
import re
from typing import BinaryIO

from ..errors import RNNLabError, check


def read_upload(raw: bytes, max_mb: float = 5) -> str:
    """An uploaded file's bytes -> text. UTF-8 with or without a byte-order mark; CP949 (Korean
    Windows) as a fallback; a file that turns from UTF-8 to another encoding (two files pasted
    together) is refused with the line where it turns; anything else, or binary data, is a clear error.
    One rule with the streamed reader: :func:`stream_encoding` decides, then the bytes are decoded."""
    return raw.decode(stream_encoding(io.BytesIO(raw), max_mb))


CHUNK = 1 << 20  # bytes decoded at a time when a file is checked without holding it as text
_WIDE = re.compile("[\u0800-\U0010ffff]")  # a 3- or 4-byte UTF-8 character (Hangul, a byte-order mark)


def stream_encoding(stream: BinaryIO, max_mb: float = 5) -> str:
    """The encoding of an uploaded file read in chunks ("utf-8-sig" or "cp949"), never the whole file as
    text; each problem a keyed message: empty, too big, binary, neither encoding, or mixed (valid UTF-8 with
    a 3-byte character or a byte-order mark before the first byte that is not UTF-8: a file of two
    encodings, which CP949 would turn into nonsense; CP949 text is almost never valid 3-byte UTF-8, and the
    message names the line where it turns). The stream is left at its start."""
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
            if wide or _WIDE.search(text):  # UTF-8 Hangul or a BOM before it: a mix
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
