"""Dependencies point one way: labs -> ui -> rnnlab. The engine never imports streamlit."""

import ast
import subprocess
import sys


def test_engine_imports_no_streamlit(root):
    for path in (root / "rnnlab").rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            assert not any(n.split(".")[0] == "streamlit" for n in names), f"{path} imports streamlit"
    code = "import sys, rnnlab.cli, rnnlab.viz, ui.i18n, ui.state; print('streamlit' in sys.modules)"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root)
    assert r.stdout.strip() == "False", r.stderr
