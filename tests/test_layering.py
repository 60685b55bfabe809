"""The layers of design.md: domain <- engine <- store/excel <- ui; lower layers never import higher."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import specplan

PACKAGE = Path(specplan.__file__).parent
LAYER = {"domain": 0, "engine": 1, "store": 2, "excel": 2, "ui": 3}
#: Top-level modules: helpers below every layer, and entry points above them all.
TOP_LEVEL = {"__init__": -1, "paths": -1, "tuning": -1, "app": 4, "__main__": 4, "selftest": 4, "screenshots": 4,
             "cli": 4}
MAX_LINES = 500
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
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        assert parts[0] in LAYER or parts[0] in TOP_LEVEL, f"{path.relative_to(PACKAGE)} has no layer"
        own = LAYER.get(parts[0], TOP_LEVEL.get(parts[0]))
        for name in _imports(path):
            pieces = name.split(".")
            if pieces[0] == "specplan" and len(pieces) > 1:
                theirs = LAYER.get(pieces[1], TOP_LEVEL.get(pieces[1], -1))
                if theirs > own or (theirs == own and pieces[1] != parts[0] and own in LAYER.values()):
                    problems.append(f"{path.relative_to(PACKAGE)} imports {name}")
            if own < LAYER["ui"] and pieces[0] in ("PySide6", "pyqtgraph"):
                problems.append(f"{path.relative_to(PACKAGE)} imports {name}")
            if own < LAYER["store"] and pieces[0] in ("sqlmodel", "sqlalchemy", "sqlite3", "openpyxl"):
                problems.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert problems == []


def test_domain_and_engine_load_without_qt_or_storage_libraries():
    code = (
        "import sys, specplan.domain, specplan.engine, specplan.engine.goalseek, specplan.domain.samples, "
        "specplan.engine.summary\n"
        "from specplan.engine import compute\n"
        "from specplan.domain.samples import build_sample\n"
        "compute(build_sample('mh-collaborative'))\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_no_import_cycles():
    """No module reaches itself through the imports of others (``TYPE_CHECKING`` ones included:
    a cycle of types is a cycle of ideas)."""
    modules = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph = {}
    for name, path in modules.items():
        targets = set()
        for imported in _imports(path):
            # "from .x import y" may import module x.y, or name y of module x.
            while imported and imported not in modules:
                imported = imported.rpartition(".")[0]
            if imported and imported != name and not name.startswith(imported + "."):
                targets.add(imported)
        graph[name] = targets
    # A package's __init__ importing its own modules is how packages work, not a cycle.
    cycles = []
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                cycles.append(" -> ".join(trail[trail.index(target):] + [target]))
            elif target not in state:
                visit(target, trail + [target])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_no_module_is_too_long():
    long = {str(path.relative_to(PACKAGE)): n for path in PACKAGE.rglob("*.py")
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}
