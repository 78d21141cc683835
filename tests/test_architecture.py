"""The package's shape: subpackages in the order data flows, no import cycles, no private names
used across modules, no module importing the package root."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "qa"


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def _imports(name: str, path: Path, modules: dict[str, Path]) -> list[tuple[str, ast.AST]]:
    """Every qa module this module imports, anywhere in it (functions and TYPE_CHECKING blocks too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node) for alias in node.names if alias.name.split(".")[0] == "qa"]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = name.split(".") if is_package else name.split(".")[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            if base.split(".")[0] != "qa":
                continue
            for alias in node.names:
                target = f"{base}.{alias.name}"
                found.append((target if target in modules else base, node))
    return found


def test_no_import_cycles():
    modules = _modules()
    graph = {name: {t for t, _ in _imports(name, path, modules) if t != name} for name, path in modules.items()}
    for name, targets in graph.items():
        unknown = targets - set(modules)
        assert not unknown, f"{name} imports modules that do not exist: {unknown}"
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycle = stack[stack.index(nxt):] + [nxt]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name)


def test_no_module_imports_the_package_root():
    modules = _modules()
    offenders = [name for name, path in modules.items() if name != "qa" and "qa" in {t for t, _ in _imports(name, path, modules)}]
    assert not offenders, f"these modules import the package root `qa` (a cycle through qa/__init__): {offenders}"


# Standard-library names that start with an underscore but are public and documented.
_DOCUMENTED = frozenset({"os._exit"})


def test_no_private_names_across_modules():
    problems = []
    for name, path in _modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # super()._x() inside an override of _x extends the method it replaces (in a subclass of a
        # library class); any other object's private name is someone else's.
        overriding = {
            id(inner) for method in ast.walk(tree) if isinstance(method, ast.FunctionDef)
            for inner in ast.walk(method)
            if isinstance(inner, ast.Attribute) and inner.attr == method.name and isinstance(inner.value, ast.Call)
            and isinstance(inner.value.func, ast.Name) and inner.value.func.id == "super"
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("qa"):
                problems += [f"{path}:{node.lineno} imports {a.name}" for a in node.names if _private(a.name)]
            elif isinstance(node, ast.Attribute) and _private(node.attr):
                owner = node.value
                if ast.unparse(node) in _DOCUMENTED:
                    continue
                if not (isinstance(owner, ast.Name) and owner.id in ("self", "cls")) and id(node) not in overriding:
                    problems.append(f"{path}:{node.lineno} uses {ast.unparse(node)}")
    assert not problems, "private names used outside their owner:\n" + "\n".join(problems)


def test_subpackages_follow_the_flow():
    packages = {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    assert {"ingest", "embed", "index", "retrieval", "answering", "app", "evaluation"} <= packages


def test_no_state_stashed_in_another_objects_dict():
    problems = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "__dict__":
                if not (isinstance(node.value, ast.Name) and node.value.id == "self"):
                    problems.append(f"{path}:{node.lineno}")
    assert not problems, f"__dict__ of another object used at {problems}"


def _private(attr: str) -> bool:
    return attr.startswith("_") and not (attr.startswith("__") and attr.endswith("__"))


def test_public_functions_are_not_shadowed_by_subpackages():
    import importlib

    import qa

    for module in _modules():
        if module != "qa.__main__":  # running it is the command itself
            importlib.import_module(module)
    assert callable(qa.retrieve) and callable(qa.answer) and isinstance(qa.Retriever, type)


def test_no_module_level_name_is_defined_twice():
    # A second regex under a name already taken silently replaces the first for every function
    # that reads it (two had, in qa.answering.types).
    twice = []
    for name, path in _modules().items():
        seen: dict[str, int] = {}
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign):
                targets = [t.id for t in node.targets if isinstance(t, ast.Name)]
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                targets = [node.target.id]
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                targets = [node.name]
            else:
                targets = []
            for target in targets:
                if target in seen:
                    twice.append(f"{name}.{target} (lines {seen[target]} and {node.lineno})")
                seen.setdefault(target, node.lineno)
    assert not twice, twice
