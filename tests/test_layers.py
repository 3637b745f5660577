"""The layers of the package, read from the imports of every module (ast), as ONTWIKKELEN.md
draws them: the foundation (loader, model, site, git, ...) below the renderers (agenda.render),
the exports (agenda.export) and the change summary (agenda.change_summary), which never import
each other; agenda.published above the renderers and the exports;
the adapters, the post-build tools and the commands on top. Git is run in one module, and the
adapters keep no state between builds."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "src" / "agenda"
# the layers above the foundation, by the first part of the module name after 'agenda'
RENDER, EXPORT, SUMMARY = "render", "export", "change_summary"
# the layers side by side, right above the foundation
BESIDE = (RENDER, EXPORT, SUMMARY)
ABOVE = ("published", "adapters", "postbuild", "commands")
# modules that may start other programs: git itself, and Chromium for the PDFs
SUBPROCESS_ALLOWED = {"agenda.git", "agenda.postbuild.pdf"}
# the Site holds the converter of prose from the data (agenda.render.markup.Prose) that every page uses
FOUNDATION_USES_RENDER = {("agenda.site", "agenda.render.markup")}
# modules whose state must be made per build: no module-level dicts, lists, sets or caches
PER_BUILD = ("adapters", "published", "site", "git_facts")


def _name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _tree(module: str) -> ast.Module:
    return ast.parse(MODULES[module].read_text(encoding="utf-8"), filename=str(MODULES[module]))


def imports(module: str) -> Iterator[tuple[int, str]]:
    """(line, module name) of every import in ``module``, relative ones made absolute; for
    ``from X import Y`` the module X.Y when it is one, else X."""
    package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(_tree(module)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                source = ".".join([*base, node.module] if node.module else base)
            else:
                source = node.module or ""
            for alias in node.names:
                yield node.lineno, f"{source}.{alias.name}" if f"{source}.{alias.name}" in MODULES else source


def layer(module: str) -> str:
    """One of BESIDE or ABOVE, 'foundation', or 'outside' (not this package)."""
    parts = module.split(".")
    if parts[0] != "agenda":
        return "outside"
    if len(parts) > 1 and parts[1] in (*BESIDE, *ABOVE):
        return parts[1]
    return "foundation"


def _offences(allowed) -> list[str]:
    return [
        f"{MODULES[module].relative_to(REPO)}:{line}: {module} imports {target}"
        for module in MODULES
        for line, target in imports(module)
        if layer(target) != "outside" and not allowed(module, target)
    ]


def test_the_imports_are_read() -> None:
    found = dict((target, line) for line, target in imports("agenda.render.open_data"))
    assert {"agenda.site", "agenda.downloads", "agenda.urls", "agenda.render.markup"} <= set(found)
    assert layer("agenda.render.open_data") == RENDER and layer("agenda.urls") == "foundation"
    assert layer("agenda.change_summary") == SUMMARY


def test_renderers_exports_and_the_change_summary_never_import_each_other() -> None:
    offences = _offences(
        lambda module, target: layer(module) not in BESIDE or layer(target) not in BESIDE or layer(module) == layer(target)
    )
    assert offences == [], (
        "agenda.render, agenda.export and agenda.change_summary never import each other:\n" + "\n".join(offences)
    )


def test_renderers_exports_and_the_change_summary_import_nothing_above_them() -> None:
    offences = _offences(lambda module, target: layer(module) not in BESIDE or layer(target) not in ABOVE)
    assert offences == [], (
        "renderers, exports and the change summary know nothing of agenda.published, the adapters, the post-build tools or "
        "the commands:\n" + "\n".join(offences)
    )


def test_the_foundation_imports_no_layer_above_it() -> None:
    def allowed(module: str, target: str) -> bool:
        if layer(module) != "foundation" or layer(target) == "foundation":
            return True
        return (module, target) in FOUNDATION_USES_RENDER

    offences = _offences(allowed)
    assert offences == [], (
        "the foundation (model, loader, site, git, ...) is read by the renderers and exports, never "
        "the other way round:\n" + "\n".join(offences)
    )


def test_post_build_tools_work_on_the_built_site_only() -> None:
    offences = _offences(
        lambda module, target: layer(module) != "postbuild" or layer(target) in ("foundation", "postbuild")
    )
    assert offences == [], "agenda.postbuild reads the built site, not the model or the pages:\n" + "\n".join(offences)


def test_only_the_git_module_runs_git() -> None:
    offences = [
        f"{MODULES[module].relative_to(REPO)}:{line}: {module} imports {target}"
        for module in MODULES
        for line, target in imports(module)
        if target.split(".")[0] == "subprocess" and module not in SUBPROCESS_ALLOWED
    ]
    assert offences == [], "git is run in agenda.git only (use agenda.git.run or output):\n" + "\n".join(offences)


def _mutable_state(tree: ast.Module) -> Iterator[str]:
    """The module-level dicts, lists and sets, and the cached functions, of a module."""
    mutable = (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)
    for node in tree.body:
        value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
        called = value.func if isinstance(value, ast.Call) else None
        if isinstance(value, mutable) or (
            isinstance(called, ast.Name) and called.id in {"dict", "list", "set", "defaultdict", "OrderedDict"}
        ):
            yield f"line {node.lineno}: a module-level {type(value).__name__.lower()}"
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            for inner in ast.walk(node):
                for decorator in getattr(inner, "decorator_list", ()):
                    text = ast.unparse(decorator)
                    if "lru_cache" in text or text.split("(")[0].endswith("cache"):
                        yield f"line {inner.lineno}: @{text} keeps results between builds"


@pytest.mark.parametrize("module", [m for m in MODULES if m.split(".")[1:2] and m.split(".")[1] in PER_BUILD])
def test_per_build_state_lives_on_the_build_not_in_the_module(module: str) -> None:
    found = list(_mutable_state(_tree(module)))
    assert found == [], f"{MODULES[module].relative_to(REPO)}: state of a build belongs on its Build: " + "; ".join(found)


def test_the_state_check_sees_module_state() -> None:
    source = "import functools\n_cache = {}\nseen: set[str] = set()\n@functools.lru_cache\ndef f(): pass\n"
    assert [text.split(":")[0] for text in _mutable_state(ast.parse(source))] == ["line 2", "line 3", "line 5"]
    assert list(_mutable_state(ast.parse("TOKEN = new_token()\nNAMES = ('a', 'b')\n"))) == []


def test_the_picture_in_ontwikkelen_names_modules_that_exist() -> None:
    """Each module or package at the start of a line in the picture of the layers exists."""
    text = (REPO / "ONTWIKKELEN.md").read_text(encoding="utf-8")
    picture = text.split("## Lagen", 1)[1].split("```", 2)[1]
    # in each box, a name followed by what it holds: 'site            Site: het model ...'
    named = [match[1] for cell in picture.split("│") if (match := re.match(r" ([a-z_]+/?) {2,}\S", cell))]
    assert {"site", "git", "published", "render/", "export/", "adapters/", "postbuild/"} <= set(named)
    missing = [word for word in named if not (PACKAGE / word).is_dir() and f"agenda.{word}" not in MODULES]
    assert missing == [], f"ONTWIKKELEN.md draws modules that do not exist: {missing}"
