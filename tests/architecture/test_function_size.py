"""No function over 60 lines, or past ruff's complexity and statement limits (C901, PLR0915 in
pyproject.toml), without a comment on its ``def`` line saying why: ``# long: <why>`` for
length, ``# noqa: C901 — <why>`` for ruff. A bare ``noqa`` hides a problem without a reason.

Files listed for C901/PLR0915 in ruff's per-file-ignores (the extraction being split, issue 12)
are waived here too, so both checks shrink together."""
from __future__ import annotations

import ast
import fnmatch
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = ("api", "graph", "loaders", "ontology", "visualize", "bench")
MAX_LINES = 60
SIZE_RULES = {"C901", "PLR0915"}
NOQA = re.compile(r"#\s*noqa:\s*(?P<codes>[A-Z]+[0-9]+(?:\s*,\s*[A-Z]+[0-9]+)*)(?P<rest>.*)")
LONG = re.compile(r"#\s*long:(?P<rest>.*)")


def _says_why(comment: re.Match[str] | None) -> bool:
    """Whether a comment gives a reason (three words at least), not just a code or a dash."""
    return comment is not None and len(re.findall(r"\w+", comment["rest"])) >= 3


def long_unexplained(source: str) -> list[str]:
    """The functions of ``source`` over MAX_LINES lines whose def line does not say why."""
    lines = source.splitlines()
    return [f"{node.lineno} {node.name}() has {node.end_lineno - node.lineno + 1} lines"
            for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno
            and node.end_lineno - node.lineno + 1 > MAX_LINES
            and not _says_why(LONG.search(lines[node.lineno - 1]))]


def bare_size_noqa(source: str) -> list[str]:
    """The lines of ``source`` that silence a size rule without a reason."""
    bare = []
    for number, line in enumerate(source.splitlines(), 1):
        found = NOQA.search(line)
        if found and SIZE_RULES & set(re.split(r"\s*,\s*", found["codes"])) and not _says_why(found):
            bare.append(f"{number}: {line.strip()}")
    return bare


def _checked() -> dict[str, str]:
    """The source of every module the size rules apply to, by path (the waived files left out)."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    ignores = config["tool"]["ruff"]["lint"].get("per-file-ignores", {})
    waived = [glob for glob, codes in ignores.items() if SIZE_RULES & set(codes)]
    out = {}
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            name = path.relative_to(ROOT).as_posix()
            if not any(fnmatch.fnmatch(name, glob) for glob in waived):
                out[name] = path.read_text(encoding="utf-8")
    return out


def test_long_functions_say_why() -> None:
    found = [f"{name}:{problem}" for name, source in _checked().items() for problem in long_unexplained(source)]
    assert not found, "split these, or say why on the def line (# long: why):\n" + "\n".join(found)


def test_size_noqa_comments_say_why() -> None:
    found = [f"{name}:{problem}" for name, source in _checked().items() for problem in bare_size_noqa(source)]
    assert not found, "a noqa for a size rule needs a reason (# noqa: C901 — why):\n" + "\n".join(found)


def test_the_checks_tell_a_reason_from_none() -> None:
    body = "".join(f"    x{i} = {i}\n" for i in range(MAX_LINES))
    assert long_unexplained("def short():\n    return 1\n") == []
    assert long_unexplained(f"def f():\n{body}") == [f"1 f() has {MAX_LINES + 1} lines"]
    assert long_unexplained(f"def f():  # long:\n{body}") != []
    assert long_unexplained(f"def f():  # long: one table of options, read as a reference\n{body}") == []
    assert long_unexplained(f"class A:\n    async def g(self):\n{body.replace('    ', '        ')}") != []
    assert bare_size_noqa("def g():  # noqa: C901 —\n    pass\n") == ["1: def g():  # noqa: C901 —"]
    assert bare_size_noqa("def g():  # noqa: E501, C901\n") != []
    assert bare_size_noqa("def g():  # noqa: C901 — one branch per input format, read as a table\n") == []
    assert bare_size_noqa("x = 1  # noqa: E741\n") == []
