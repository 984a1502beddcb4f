"""Pairing this year's reports with last year's (``check DIR --previous-dir DIR``).

Twenty towns send this year's drafts; last year's published reports sit in another folder
under whatever names they had. A report is paired by who filed it, read from its title as
the HTML overview reads it (the words before the year: 青山镇人民政府, 云溪县司法局), with
the report of the same filer from the latest earlier year (normally the year before). A
report with no such partner is named on standard error and checked alone: never an error.
A file of the folder of last year's reports that cannot be read is an error (exit 2): it
may well be the partner someone expects.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lawlint.errors import InputError
from lawlint.input.reader import read_source
from lawlint.model.document import Document
from lawlint.model.title import find_filer, find_year, title_from_name

# the same body under a longer or shorter name from one year to the next
_FILER_TAIL = re.compile(r"(人民政府|办事处|委员会)$")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Filed:
    """Who filed a report, for which year (None when the title does not say)."""

    path: str
    filer: str | None
    year: int | None


def filer_key(filer: str) -> str:
    return _FILER_TAIL.sub("", _SPACES.sub("", filer))


def filed(path: str, *, name: str | None = None) -> Filed:
    """The filer and year of the report at ``path`` (its title, else its file name)."""
    doc = Document(read_source(path, stdin_name=name))
    title = doc.title.text if doc.title is not None else title_from_name(doc.path)
    year = doc.report_year if doc.report_year is not None else (find_year(title) if title else None)
    filer = find_filer(title) if title else None
    return Filed(doc.path, filer_key(filer) if filer else None, year)


def read_folder(paths: Iterable[str]) -> list[Filed]:
    """Last year's reports: each file's filer and year; one that cannot be read is an
    error naming it."""
    out = []
    for path in paths:
        try:
            out.append(filed(path))
        except InputError as exc:
            raise InputError(
                f"上年报告（--previous-dir）无法读取：{exc.zh}",
                f"a report of last year (--previous-dir) cannot be read: {exc.en}",
                path=exc.path or path,
            ) from None
    return out


def partner(report: Filed, previous: list[Filed]) -> Filed | None:
    """The report of the same filer from the latest year before ``report``'s (any year
    when its year is unknown); None if there is none."""
    if report.filer is None:
        return None
    same = [
        p
        for p in previous
        if p.filer == report.filer
        and p.path != report.path
        and (report.year is None or (p.year is not None and p.year < report.year))
    ]
    if not same:
        return None
    return max(same, key=lambda p: (p.year or 0, p.path))
