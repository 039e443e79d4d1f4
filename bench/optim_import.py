"""What creating a torch.optim optimizer costs a fresh process, against the written-out rnnlab.optim.

Each variant runs in its own fresh interpreter: import torch and rnnlab.optim, build a tiny LSTM, run
one backward, then create the optimizer and take one step. It prints the resident memory (RSS) that
the optimizer added, its wall time, and whether torch._dynamo, sympy and torch._inductor were imported.
Run: ``python bench/optim_import.py [repeats]``.
"""

import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CODE = """
import json, resource, sys, time
import torch
torch.set_num_threads(1)
def rss_mb():
    with open("/proc/self/status") as f:
        return next(int(l.split()[1]) for l in f if l.startswith("VmRSS")) / 1024
from rnnlab import optim
model = torch.nn.LSTM(3, 5, batch_first=True)
model(torch.randn(2, 4, 3))[0].sum().backward()  # the first backward's own cost is not counted
before, t0 = rss_mb(), time.perf_counter()
make = torch.optim.Adam if sys.argv[1] == "torch" else optim.Adam
opt = make(model.parameters(), lr=0.01)
opt.step()
print(json.dumps({"mb": rss_mb() - before, "s": time.perf_counter() - t0,
                  "dynamo": "torch._dynamo" in sys.modules, "sympy": "sympy" in sys.modules,
                  "inductor": "torch._inductor" in sys.modules}))
"""


def measure(kind: str, repeats: int) -> dict:
    runs = [
        json.loads(
            subprocess.run(
                [sys.executable, "-c", CODE, kind], capture_output=True, text=True, check=True, cwd=ROOT
            ).stdout
        )
        for _ in range(repeats)
    ]
    return {
        "mb": statistics.median(r["mb"] for r in runs),
        "s": statistics.median(r["s"] for r in runs),
        "dynamo": runs[0]["dynamo"],
        "sympy": runs[0]["sympy"],
        "inductor": runs[0]["inductor"],
    }


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    print(
        f"| optimizer (median of {n} fresh processes) | RSS added MB | seconds | torch._dynamo | sympy | torch._inductor |"
    )
    print("|---|---|---|---|---|---|")
    for kind, label in (("torch", "torch.optim.Adam"), ("rnnlab", "rnnlab.optim.Adam")):
        r = measure(kind, n)
        print(f"| {label} | {r['mb']:.1f} | {r['s']:.2f} | {r['dynamo']} | {r['sympy']} | {r['inductor']} |")
