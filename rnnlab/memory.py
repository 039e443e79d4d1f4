"""Keeping a long-running, many-threaded server's heap compact (glibc's malloc; elsewhere a no-op).

Streamlit runs every visitor's script in a thread of its own, and glibc gives threads their own malloc
arenas (up to 8 per core); memory freed in one arena is not reused by another, so a server's resident
size creeps up. Measured on this project's site: with at most two arenas, the server with one visitor on
Korean morphemes keeps about 30 MB less (bench/site.py). ``release_free_memory`` hands freed pages back
after a big, short-lived allocation (tokenizing a corpus, loading the Kiwi analyser).
"""
import ctypes
import ctypes.util
import sys
from functools import cache

_M_ARENA_MAX = -8  # mallopt parameter (malloc.h)


@cache
def _libc():
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc if hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim") else None
    except OSError:
        return None


def limit_malloc_arenas(n: int = 2) -> bool:
    """At most ``n`` malloc arenas from now on; True when the C library took it."""
    libc = _libc()
    return bool(libc and libc.mallopt(_M_ARENA_MAX, n) == 1)


def release_free_memory() -> bool:
    """Return freed heap pages to the system; True when some were released."""
    libc = _libc()
    return bool(libc and libc.malloc_trim(0) == 1)
