"""The network app's modules import each other one way only: no import circle, and no import of a
network module hidden inside a function to dodge one."""

import ast
import os
import subprocess
import sys
from pathlib import Path

NETWORK = Path(__file__).resolve().parents[2] / "network"


def module_name(path: Path) -> str:
    parts = path.relative_to(NETWORK.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def network_modules() -> dict[str, Path]:
    return {
        module_name(path): path for path in sorted(NETWORK.rglob("*.py")) if "migrations" not in path.parts
    }


def imported(node, name: str, is_package: bool) -> list[str]:
    """The network modules an import statement in module `name` names."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level:
        base = name.split(".") if is_package else name.split(".")[:-1]
        base = base[: len(base) - (node.level - 1)]
        target = ".".join([*base, node.module] if node.module else base)
    else:
        target = node.module or ""
    return [target]


def import_nodes(tree):
    return [node for node in ast.walk(tree) if isinstance(node, ast.Import | ast.ImportFrom)]


def graph() -> dict[str, set[str]]:
    modules = network_modules()
    edges = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        targets = set()
        for node in tree.body:
            for inner in import_nodes(node) if not isinstance(node, ast.FunctionDef | ast.ClassDef) else []:
                targets.update(imported(inner, name, path.name == "__init__.py"))
        edges[name] = {target for target in targets if target in modules and target != name}
    return edges


def find_cycle(edges):
    state, stack = {}, []

    def visit(node):
        state[node] = "open"
        stack.append(node)
        for target in sorted(edges[node]):
            if state.get(target) == "open":
                return [*stack[stack.index(target) :], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        stack.pop()
        state[node] = "done"
        return None

    for node in sorted(edges):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_the_graph_sees_the_imports_between_the_models_modules():
    edges = graph()
    assert "network.models.people" in edges["network.models.pages"]
    assert "network.access" in edges["network.models.reports"]
    assert "network.blocks" in edges["network.calendar"]


def test_the_import_graph_of_the_network_app_has_no_cycle():
    assert find_cycle(graph()) is None


def test_the_cycle_check_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_no_network_module_is_imported_inside_a_function():
    hidden = []
    for name, path in network_modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in import_nodes(function):
                targets = imported(node, name, path.name == "__init__.py")
                if any(target == "network" or target.startswith("network.") for target in targets):
                    hidden.append(f"{name}.{function.name}: {targets}")
    assert hidden == []


def test_every_network_module_imports():
    """One fresh interpreter imports every module of the app (an import error or a circle that the
    static check missed shows here)."""
    names = sorted(network_modules())
    script = (
        "import importlib, sys, django; django.setup()\n"
        "for name in sys.argv[1:]:\n"
        "    importlib.import_module(name)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, *names],
        cwd=NETWORK.parent,
        env={**os.environ},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
