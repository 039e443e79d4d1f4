"""The import graph's shape: cycles among the engine's modules, and engine -> site imports (both: none).

Run: ``python tools/structure.py``. It prints the module count, the import count, each cycle (strongly
connected group of rnnlab modules, local imports included) and each import from rnnlab into ui, labs
or streamlit, then exits 1 if there is any. tests/test_house.py runs ``lint-imports``, which checks the
same contracts (.importlinter); this script shows the figures behind them.
"""

import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[1]
SITE = ("ui", "labs", "streamlit")


def _cycles(graph, modules: set[str]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan's algorithm, iterative)."""
    edges = {m: sorted(graph.find_modules_directly_imported_by(m) & modules) for m in modules}
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]
    for start in sorted(modules):
        if start in index:
            continue
        work = [(start, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = counter[0]
                counter[0] += 1
                stack.append(node)
                on.add(node)
            if i < len(edges[node]):
                work.append((node, i + 1))
                nxt = edges[node][i]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                group = []
                while True:
                    m = stack.pop()
                    on.discard(m)
                    group.append(m)
                    if m == node:
                        break
                if len(group) > 1:
                    out.append(sorted(group))
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return out


def main() -> int:
    sys.path.insert(0, str(ROOT))
    graph = grimp.build_graph("rnnlab", "ui", include_external_packages=True)
    engine = {m for m in graph.modules if m == "rnnlab" or m.startswith("rnnlab.")}
    # a package's __init__ importing its own modules is not a cycle between siblings
    cycles = [c for c in _cycles(graph, engine) if not any(c[0] == m.rsplit(".", 1)[0] for m in c[1:])]
    upward = sorted(
        (m, imported)
        for m in engine
        for imported in graph.find_modules_directly_imported_by(m)
        if imported.split(".")[0] in SITE
    )
    n_imports = sum(len(graph.find_modules_directly_imported_by(m)) for m in graph.modules)
    print(f"modules: {len(graph.modules)} (engine {len(engine)}), direct imports: {n_imports}")
    print(f"cycles among engine modules: {len(cycles)}")
    for c in cycles:
        print("  " + " <-> ".join(c))
    print(f"imports from the engine to the site (ui, labs, streamlit): {len(upward)}")
    for m, imported in upward:
        print(f"  {m} -> {imported}")
    return 1 if cycles or upward else 0


if __name__ == "__main__":
    sys.exit(main())
