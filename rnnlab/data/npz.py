"""Reading ``.npz`` archives whose ragged arrays were saved as pickles (Keras's Reuters file), safely.

``np.load(allow_pickle=True)`` would run whatever a pickle asks for. An object array needs only three
globals to be rebuilt: ``numpy.ndarray``, ``numpy.dtype`` and ``multiarray._reconstruct`` (under
``numpy.core`` before NumPy 2, ``numpy._core`` since). Anything else is refused, so a tampered file
cannot execute code even before its checksum is checked.
"""

import io
import pickle
import zipfile
from pathlib import Path

import numpy as np

from ..errors import RNNLabError

_ALLOWED = {
    ("numpy", "ndarray"),
    ("numpy", "dtype"),
    ("numpy.core.multiarray", "_reconstruct"),
    ("numpy._core.multiarray", "_reconstruct"),
}
MAX_MEMBER_BYTES = 256 * 2**20  # an uncompressed member larger than this is refused (no zip bombs)


class _ArraysOnly(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        if (module, name) not in _ALLOWED:
            raise RNNLabError("npz_refused", name=f"{module}.{name}")
        return super().find_class(module, name)


def _read_member(raw: bytes) -> np.ndarray:
    fp = io.BytesIO(raw)
    try:
        return np.lib.format.read_array(fp, allow_pickle=False)  # plain numbers: no pickle at all
    except ValueError:
        fp.seek(0)
        major, _ = np.lib.format.read_magic(fp)
        # the 2.0 and 3.0 headers differ only in text encoding; both have the same length prefix
        (np.lib.format.read_array_header_1_0 if major == 1 else np.lib.format.read_array_header_2_0)(fp)
        return _ArraysOnly(fp, encoding="latin1").load()


def load_npz(path: Path) -> dict[str, np.ndarray]:
    """Every ``.npy`` member of the archive, by name without the extension."""
    out = {}
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                if not info.filename.endswith(".npy"):
                    continue
                if info.file_size > MAX_MEMBER_BYTES:
                    raise RNNLabError(
                        "npz_big",
                        member=info.filename,
                        file=Path(path).name,
                        mb=info.file_size / 2**20,
                        max_mb=MAX_MEMBER_BYTES // 2**20,
                    )
                out[info.filename[:-4]] = _read_member(archive.read(info))
    except (zipfile.BadZipFile, pickle.UnpicklingError, ValueError, EOFError) as err:
        raise RNNLabError("npz_unreadable", file=Path(path).name, detail=str(err)) from None
    return out
