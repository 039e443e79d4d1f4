"""Reading what visitors upload: bytes -> text, with clear errors and size caps."""

from ..errors import RNNLabError, check


def read_upload(raw: bytes, max_mb: float = 5) -> str:
    """An uploaded file's bytes -> text. UTF-8 with or without a byte-order mark; CP949 (Korean
    Windows) as a fallback; anything else, or binary data, is a clear error."""
    check(len(raw) > 0, "file_empty")
    check(len(raw) <= max_mb * 2**20, "file_big", mb=len(raw) / 2**20, max_mb=max_mb)
    check(b"\x00" not in raw[:4096], "file_binary")
    for encoding in ("utf-8-sig", "cp949"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise RNNLabError("file_encoding")
