"""Which device trains: CUDA, then Apple MPS, then the CPU."""

import torch

from .errors import RNNLabError

DEVICES = ("auto", "cpu", "cuda", "mps")


def available_devices() -> list[str]:
    """Devices this machine has, best first ("cpu" is always last)."""
    found = []
    if torch.cuda.is_available():
        found.append("cuda")
    if getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available():
        found.append("mps")
    return found + ["cpu"]


def pick_device(name: str = "auto") -> torch.device:
    """``auto`` picks the best available; a named device that is missing is a clear error."""
    if name not in DEVICES:
        raise RNNLabError("device_choice", choices=", ".join(DEVICES), got=name)
    have = available_devices()
    if name == "auto":
        return torch.device(have[0])
    if name not in have:
        raise RNNLabError("device_missing", got=name, have=", ".join(have))
    return torch.device(name)


def describe_device(name: str) -> str:
    """A human label: "CPU", "CUDA GPU (NVIDIA H100)" or "Apple GPU (MPS)"."""
    if name == "cuda" and torch.cuda.is_available():
        return f"CUDA GPU ({torch.cuda.get_device_name(0)})"
    if name == "mps":
        return "Apple GPU (MPS)"
    return "CPU"


def use_one_thread() -> None:
    """Tiny models train faster on one intra-op thread, and many visitors share one server. oneDNN is
    off too: it gives tiny RNNs nothing and its kernels and caches cost the server ~11 MB (measured)."""
    if torch.get_num_threads() != 1:
        torch.set_num_threads(1)
    torch.backends.mkldnn.enabled = False
