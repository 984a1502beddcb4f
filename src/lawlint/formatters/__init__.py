"""Output formats: one module per format; none of them knows about checks.

A formatter is ``write(results, out, *, color, options)``. What it may know besides
the findings — the rules that ran (for SARIF's rule table), ``--quiet``, the batch
review's figures and required parts — comes in :class:`FormatOptions`, filled in by the CLI.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, TextIO

if TYPE_CHECKING:
    from ..engine import FileResult
    from ..packs import Rule
    from ..stats import FigureShare, Parts

FORMATS = ("text", "json", "sarif", "github", "html")


@dataclass(frozen=True, slots=True)
class FormatOptions:
    """Facts about the run that are not findings."""

    rules: Sequence[Rule] = ()
    """The rules that ran, in pack order (SARIF lists them as the driver's rules)."""
    quiet: bool = False
    """Only the findings: no summary, no batch table."""
    figures: Mapping[str, FigureShare] = field(default_factory=dict)
    """Per path: the share of ``measures`` sentences with figures (batch table)."""
    parts: Mapping[str, Parts] = field(default_factory=dict)
    """Per path: the required parts present and missing (HTML review page)."""


class Formatter(Protocol):
    def __call__(
        self,
        results: Sequence[FileResult],
        out: TextIO,
        *,
        color: bool | None = None,
        options: FormatOptions | None = None,
    ) -> None:
        """Write the report of ``results`` to ``out``."""


def get(name: str) -> Formatter:
    module = importlib.import_module(f"{__name__}.{name}_format")
    return module.write  # type: ignore[no-any-return]
