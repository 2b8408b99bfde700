"""No import circles anywhere in the project, lazy, function-level and typing-only imports included.

import-linter's contracts see only the arrows between named layers; a circle between two modules
of one sub-package, or one closed by an import inside a function, slips past them. This test reads
every module's imports as written, at any depth, and fails on any strongly connected group of
modules, naming the modules in it.

Imports under ``if TYPE_CHECKING:`` never run, but a circle they close is still a circle in the
design: two modules that each need the other to be understood. So they count too, except the
typing-only arrows named in ``TYPING_ONLY_ALLOWED``, each with the reason a Protocol could not
serve.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("han", "home_emulator", "app", "ihd", "ppmid", "cad", "benchmarks")

TYPING_ONLY_ALLOWED: dict[tuple[str, str], str] = {}
"""(importing module, imported module) → why this ``TYPE_CHECKING`` import must close a circle.
Empty: wherever one module only needed another's type, a Protocol beside its user serves."""


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imported_names(
    tree: ast.AST, own: str, is_package: bool, *, typing_only: bool = False
) -> Iterator[tuple[str, list[str]]]:
    """Every import a module runs, at any depth of its code: (module, names taken from it).
    ``typing_only``: instead, only the imports under ``if TYPE_CHECKING:``."""
    stack: list[tuple[ast.AST, bool]] = [(tree, False)]
    while stack:
        node, for_typing = stack.pop()
        if isinstance(node, ast.If) and is_type_checking(node):
            stack.extend((child, True) for child in node.body)
            stack.extend((child, for_typing) for child in node.orelse)
            continue
        if for_typing == typing_only and isinstance(node, ast.Import | ast.ImportFrom):
            yield from _targets(node, own, is_package)
        stack.extend((child, for_typing) for child in ast.iter_child_nodes(node))


def _targets(
    node: ast.Import | ast.ImportFrom, own: str, is_package: bool
) -> Iterator[tuple[str, list[str]]]:
    if isinstance(node, ast.Import):
        for alias in node.names:
            yield alias.name, []
        return
    base = node.module or ""
    if node.level:
        anchor = own.split(".")
        anchor = anchor[: len(anchor) - node.level + (1 if is_package else 0)]
        base = ".".join([*anchor, base] if base else anchor)
    yield base, [alias.name for alias in node.names]


def import_graph(*, typing_only: bool = False) -> dict[str, set[str]]:
    """Module → the project's modules it imports (``typing_only``: under ``TYPE_CHECKING``)."""
    files = {
        module_name(path): path for package in PACKAGES for path in (ROOT / package).rglob("*.py")
    }
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        targets: set[str] = set()
        imports = imported_names(tree, name, path.name == "__init__.py", typing_only=typing_only)
        for base, names in imports:
            submodules = {f"{base}.{n}" for n in names} & files.keys()
            targets |= submodules
            # ``from package import module`` runs the module, not only the package's own code
            if base in files and (not names or len(submodules) < len(names)):
                targets.add(base)
        graph[name] = targets - {name}
    return graph


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative: the groups of modules that reach each other."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    groups: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))
    return groups


def test_the_finder_sees_a_circle_closed_by_a_lazy_import() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert strongly_connected(graph) == [["a", "b", "c"]]
    lazy = ast.parse("def f():\n    from x import y\nif TYPE_CHECKING:\n    import z\n")
    assert list(imported_names(lazy, "m", False)) == [("x", ["y"])]
    assert list(imported_names(lazy, "m", False, typing_only=True)) == [("z", [])]


def full_graph() -> dict[str, set[str]]:
    """Every arrow, typing-only ones included, less the typing-only arrows allowed by name."""
    graph = import_graph()
    for module, typed in import_graph(typing_only=True).items():
        graph[module] |= {target for target in typed if (module, target) not in TYPING_ONLY_ALLOWED}
    return graph


def test_no_import_circles() -> None:
    circles = strongly_connected(full_graph())
    assert circles == [], "import circles:\n" + "\n".join(" ↔ ".join(c) for c in circles)


def test_every_typing_only_exception_is_still_needed() -> None:
    typed = import_graph(typing_only=True)
    stale = [edge for edge in TYPING_ONLY_ALLOWED if edge[1] not in typed.get(edge[0], set())]
    assert stale == [], f"typing-only imports allowed but no longer there: {stale}"
