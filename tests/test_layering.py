"""The layers of design.md: domain <- engine <- store/excel <- ui; lower layers never import higher."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import specplan

PACKAGE = Path(specplan.__file__).parent
LAYER = {"domain": 0, "engine": 1, "store": 2, "excel": 2, "ui": 3}
HEAVY = ("PySide6", "pyqtgraph", "sqlmodel", "sqlalchemy", "openpyxl")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = path.relative_to(PACKAGE.parent).with_suffix("").parts[: -node.level]
                base = ".".join(parts) + ("." + base if base else "")
            found.add(base)
    return found


def test_no_layer_imports_a_higher_one():
    problems = []
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).parts
        if parts[0] not in LAYER:
            continue
        own = LAYER[parts[0]]
        for name in _imports(path):
            pieces = name.split(".")
            if pieces[0] == "specplan" and len(pieces) > 1 and pieces[1] in LAYER:
                if LAYER[pieces[1]] > own or (LAYER[pieces[1]] == own and pieces[1] != parts[0]):
                    problems.append(f"{path.relative_to(PACKAGE)} imports {name}")
            if own < LAYER["ui"] and pieces[0] in ("PySide6", "pyqtgraph"):
                problems.append(f"{path.relative_to(PACKAGE)} imports {name}")
            if own < LAYER["store"] and pieces[0] in ("sqlmodel", "sqlalchemy", "sqlite3", "openpyxl"):
                problems.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert problems == []


def test_domain_and_engine_load_without_qt_or_storage_libraries():
    code = (
        "import sys, specplan.domain, specplan.engine, specplan.engine.goalseek, specplan.samples, "
        "specplan.engine.summary\n"
        "from specplan.engine import compute\n"
        "from specplan.samples import build_sample\n"
        "compute(build_sample('mh-collaborative'))\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
