"""The project's modules import each other in one direction only: no loop, counting the imports
written inside functions (which `python -c "import x"` would never notice) and those of
packages' ``__init__``. `lint-imports` holds the direction between packages (pyproject.toml);
this test holds it between every two modules, the packages' own insides included."""

import ast
from pathlib import Path

from members.permissions import Action

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ["common", "members", "indicators", "solutions_catalog", "events", "funding", "portal",
            "search"]


def project_modules() -> dict[str, Path]:
    modules = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join(parts)] = path
    return modules


def imported_names(module: str, path: Path):
    """Every module name an import statement anywhere in the file may load."""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            source = ".".join([*base, *([node.module] if node.module else [])])
            # `from a import b` loads a.b when b is a module, else only a
            yield from ((f"{source}.{alias.name}", source) for alias in node.names)


def import_graph() -> dict[str, set[str]]:
    modules = project_modules()
    graph = {}
    for module, path in modules.items():
        targets = set()
        for name in imported_names(module, path):
            if isinstance(name, tuple):  # (submodule, package): the first that exists
                name = name[0] if name[0] in modules else name[1]
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name and name != module:
                targets.add(name)
        graph[module] = targets
    return graph


def loops(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan, without recursion)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, targets = work[-1]
            for target in targets:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(graph[target]))))
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        found.append(sorted(group))
    return found


def test_the_graph_sees_imports_inside_functions(tmp_path):
    path = tmp_path / "tasks.py"
    path.write_text("def apply():\n    from .models import PendingChange\n")
    assert list(imported_names("search.tasks", path)) == [
        ("search.models.PendingChange", "search.models")]
    assert loops({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_module_of_the_project_imports_itself_through_others():
    assert loops(import_graph()) == []


def test_each_app_declares_its_own_permission_rules():
    declared_in = {action.__class__.__module__ for action in Action}
    assert declared_in == {"members.permissions", "solutions_catalog.permissions",
                           "events.permissions", "funding.permissions"}
