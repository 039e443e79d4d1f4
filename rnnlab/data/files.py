"""Reading what visitors upload: bytes -> text, with clear errors and size caps."""

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
