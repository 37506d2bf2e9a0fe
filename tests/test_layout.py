"""The layout of ../shared/DESIGN.md, held: what each module may import (anywhere in
it, including inside functions), read from the source."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "showtrack"
STDLIB = sys.stdlib_module_names

# Third-party packages and our own modules each module may import; the standard
# library is allowed everywhere.
ALLOWED: dict[str, set[str]] = {
    "windows": {"dateutil", "showtrack.errors", "showtrack.windows"},
    "text": set(),
    "errors": set(),
    # The clock refuses a day outside the years the window model keeps, and a zone the
    # zone database does not have (regions.zone_named); its one warning is printable.
    "clock": {
        "showtrack.errors",
        "showtrack.text",
        "showtrack.windows.window",
        "showtrack.windows.days",
        "showtrack.windows.regions",
    },
    "models": {
        "msgspec",
        "showtrack.errors",
        "showtrack.models",
        "showtrack.text",
        "showtrack.windows",
    },
    "store": {
        "tinydb",
        "platformdirs",
        "msgspec",
        "showtrack.models",
        "showtrack.clock",
        "showtrack.errors",
        "showtrack.store",
        "showtrack.windows",
    },
    "tracker": {
        "msgspec",
        "showtrack.store",
        "showtrack.models",
        "showtrack.windows",
        "showtrack.text",
        "showtrack.errors",
        "showtrack.clock",
        "showtrack.tracker",
    },
    "output": {"msgspec", "showtrack.models", "showtrack.text"},
    "render": {
        "rich",
        "showtrack.models",
        "showtrack.windows",
        "showtrack.text",
        "showtrack.render",
    },
    "ics": {"showtrack.models", "showtrack.text"},
    "reader": {
        "trafilatura",
        "msgspec",
        "showtrack.errors",
        "showtrack.models",
        "showtrack.reader",
        "showtrack.sources.http",
        "showtrack.sources.feeds",  # reading the news of feeds: entries, then pages
        "showtrack.text",
        "showtrack.windows",
    },
    "sources": {
        "httpx",
        "feedparser",
        "msgspec",
        "showtrack.__version__",
        "showtrack.clock",  # seconds settings from the environment, checked as they enter
        "showtrack.errors",
        "showtrack.models",
        "showtrack.sources",
        "showtrack.text",
        "showtrack.windows",
    },
}
ALLOWED["config"] = {
    "platformdirs",
    "tomli",
    "showtrack.errors",
    "showtrack.text",
    # A value of the file is checked as the option it stands for would be.
    "showtrack.windows.durations",
    "showtrack.windows.regions",
}
ALLOWED["notify"] = {"apprise", "showtrack.config"}
ONLY_HERE = {
    "tinydb": "store",
    "rich": "render",
    "typer": "cli",
    "httpx": "sources.http",
    "trafilatura": "reader.article",
    "feedparser": "sources.feeds",
    "apprise": "notify",
}


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(SRC).with_suffix("").parts)


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            if node.module == "showtrack":
                names.update(f"showtrack.{alias.name}" for alias in node.names)
    return names


SOURCES = sorted(SRC.rglob("*.py"))


def _allows(allowed: set[str], name: str) -> bool:
    return name.split(".")[0] in STDLIB or any(
        name == a or name.startswith(a + ".") for a in allowed
    )


@pytest.mark.parametrize("path", SOURCES, ids=_module_name)
def test_each_module_imports_only_what_its_layer_may(path: Path) -> None:
    module = _module_name(path)
    layer = module.split(".")[0]
    for name in _imports(path):
        top = name.split(".")[0]
        owner = ONLY_HERE.get(top)
        if owner is not None:
            assert module == owner or module.startswith(owner + "."), (
                f"{module} imports {name}, which only {owner} may"
            )
        if layer in ALLOWED and name != "showtrack":
            assert _allows(ALLOWED[layer], name), f"{module} may not import {name}"


@pytest.mark.parametrize("path", SOURCES, ids=_module_name)
def test_no_source_file_is_over_600_lines(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 600


def _module_of(path: Path) -> str:
    """`showtrack.render` for render/__init__.py, `showtrack.render.charts` for charts.py."""
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_of(path): path for path in SOURCES}


def _runtime_imports(path: Path) -> set[str]:
    """Our modules that `path` imports when it runs, at module level or inside a function
    (what only a type checker reads, under `if TYPE_CHECKING:`, is no import). `from
    showtrack.render import charts` imports the module `charts`; `from showtrack.render
    import cell`, the package."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If)
        and ast.unparse(node.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING")
        for inner in ast.walk(node)
    }
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                found.add(sub if sub in MODULES else node.module)
    return {name for name in found if name in MODULES}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph, as the modules along it, or None."""
    done: set[str] = set()
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        if module in path:
            return [*path[path.index(module) :], module]
        if module in done:
            return None
        path.append(module)
        for target in sorted(graph[module]):
            found = visit(target)
            if found:
                return found
        path.pop()
        done.add(module)
        return None

    return next((c for module in sorted(graph) if (c := visit(module))), None)


def test_the_import_graph_has_no_cycle_even_inside_functions() -> None:
    graph = {module: _runtime_imports(path) - {module} for module, path in MODULES.items()}
    assert _cycle(graph) is None, " → ".join(_cycle(graph) or [])


def test_the_cycle_finder_sees_imports_in_functions_but_not_type_checking_ones(
    tmp_path: Path,
) -> None:
    # As tracker/edits → listings → episodes → edits was, through function-level imports.
    graph = {"edits": {"listings"}, "listings": {"episodes"}, "episodes": {"edits"}, "x": set()}
    assert _cycle(graph) == ["edits", "listings", "episodes", "edits"]
    assert _cycle({"a": {"b"}, "b": set()}) is None
    module = tmp_path / "m.py"
    module.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from showtrack.store import Store\n"
        "def f():\n"
        "    from showtrack.tracker.edits import expect\n"
        "    from showtrack.render import charts\n",
        encoding="utf-8",
    )
    assert _runtime_imports(module) == {"showtrack.tracker.edits", "showtrack.render.charts"}


def _functions(path: Path) -> list[tuple[str, int]]:
    """Each function of a source file and its length in lines, its docstring aside (a
    command's help is text for the user, not a step of the program)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                length -= (first.end_lineno or first.lineno) - first.lineno + 1
            found.append((node.name, length))
    return found


@pytest.mark.parametrize("path", SOURCES, ids=_module_name)
def test_no_function_is_over_60_lines(path: Path) -> None:
    assert [(name, n) for name, n in _functions(path) if n > 60] == []


def test_a_function_is_measured_without_its_docstring(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    body = "".join(f"    x{n} = {n}\n" for n in range(61))
    module.write_text(f'def f():\n    """Help,\n\n    for the user."""\n{body}', encoding="utf-8")
    assert _functions(module) == [("f", 62)]
