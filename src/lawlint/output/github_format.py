"""``--format github``: GitHub Actions workflow commands, one per finding, which the
runner turns into annotations on the pull request::

    ::error file=报告.txt,line=3,col=5,endLine=3,endColumn=6,title=cjk-space::多余的空格…

error → ``::error``, warning → ``::warning``, info → ``::notice``. Chosen by default
when ``GITHUB_ACTIONS=true``. As GitHub's toolkit does, ``%``, CR and LF are escaped
in the message, and ``:`` and ``,`` too in property values; columns are left out of
a span that crosses lines (GitHub accepts them only on a single line). A file that
could not be read is an ``::error`` naming the file. Control characters (the log viewer
acts on ANSI escapes), bidirectional controls and bytes of a file name that are not UTF-8
become visible escapes first (``formatters.safe.shown_lines``: ``\\x1b``, ``\\xb1``); a
line end is ``%0A``, part of the annotation, never a second command.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING, TextIO

from lawlint.findings import Finding
from lawlint.output import visible, write_parts
from lawlint.output.safe import shown_lines

if TYPE_CHECKING:
    from lawlint.lint.engine import FileResult
    from lawlint.output import FormatOptions

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}
#: a command per line, nothing around them (see PartWriter)
PARTS = ("", "", "", "")


def write(
    results: Sequence[FileResult],
    out: TextIO,
    *,
    color: bool | None = None,
    options: FormatOptions | None = None,
) -> None:
    write_parts("github", results, out, options)


def render_file(result: FileResult, options: FormatOptions | None = None) -> str:
    """One file's commands, each ending with a newline."""
    lines = []
    if result.error is not None:
        props = {"file": _path(result.path), "title": "lawlint"}
        lines.append(f"::error {_props(props)}::{escape_data(shown_lines(str(result.error)))}\n")
    lines.extend(command(f) + "\n" for f in visible(result.findings, options))
    return "".join(lines)


def command(f: Finding) -> str:
    props: dict[str, str | int] = {"file": _path(f.path), "line": f.line}
    if f.end_line == f.line:
        props.update(col=f.column, endLine=f.end_line, endColumn=f.end_column)
    else:
        props.update(endLine=f.end_line)
    props["title"] = f.rule
    return f"::{COMMAND[f.severity]} {_props(props)}::{escape_data(shown_lines(f.message))}"


def _path(path: str) -> str:
    return shown_lines(PurePath(path).as_posix())


def _props(props: Mapping[str, str | int]) -> str:
    return ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
