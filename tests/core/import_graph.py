"""Reads the imports of alumni_hub/ (also those inside functions) into a graph of feature packages.

Used by test_imports.py; kept apart so the checks can run on a synthetic graph too.
"""
import ast
from pathlib import Path


def module_imports(package_root: Path, top: str = "alumni_hub") -> dict[str, set[str]]:
    """{module: {imported module}} for every .py file below package_root, imports anywhere."""
    graph: dict[str, set[str]] = {}
    for path in sorted(package_root.rglob("*.py")):
        parts = list(path.relative_to(package_root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        module = ".".join(parts)
        package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
        imported = set()
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[:len(package.split(".")) - node.level + 1]
                    base = ".".join(anchor + ([base] if base else []))
                imported.add(base)
                # `from pkg import module` imports that module too
                imported.update(f"{base}.{alias.name}" for alias in node.names)
        graph[module] = {name for name in imported if name == top or name.startswith(top + ".")}
    return graph


def feature_of(module: str, features: set[str]) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in features else None


def feature_edges(graph: dict[str, set[str]], features: set[str]) -> dict[tuple[str, str], list]:
    """{(importer feature, imported feature): [(module, imported module), …]}."""
    edges: dict[tuple[str, str], list] = {}
    for module, imported in graph.items():
        source = feature_of(module, features)
        for name in imported:
            target = feature_of(name, features)
            if source and target and source != target:
                edges.setdefault((source, target), []).append((module, name))
    return edges


def cycles(edges, features) -> list[list[str]]:
    """Every feature that can reach itself, with one path that shows how."""
    found = []
    for start in sorted(features):
        path = _path(edges, start, start)
        if path and sorted(path[:-1]) not in [sorted(c[:-1]) for c in found]:
            found.append(path)
    return found


def _path(edges, start, goal):
    stack, seen = [(start, [start])], set()
    while stack:
        node, path = stack.pop()
        for (source, target) in sorted(edges):
            if source != node:
                continue
            if target == goal:
                return path + [goal]
            if target not in seen:
                seen.add(target)
                stack.append((target, path + [target]))
    return None


def forbidden_imports(graph, features: set[str], core: str = "core") -> list[str]:
    """core importing a feature; a feature importing another one's routes or forms."""
    problems = []
    for module, imported in graph.items():
        source = feature_of(module, features | {core})
        for name in imported:
            target = feature_of(name, features)
            if target is None or target == source:
                continue
            if source == core:
                problems.append(f"{module} (core) imports the feature module {name}")
            elif source and name.split(".")[2:3] in (["routes"], ["forms"]):
                problems.append(f"{module} imports {name}, another feature's routes/forms")
    return sorted(problems)


def cross_feature_test_imports(graph, features: set[str]) -> list[str]:
    """A feature's tests importing another feature's test modules (builders included: they are
    pytest plugins, so their fixtures reach every test without an import)."""
    return sorted(f"{module} imports {name}"
                  for (_source, _target), pairs in feature_edges(graph, features).items()
                  for module, name in pairs)
