"""Output formats: one module per format; none of them knows about checks."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol, TextIO

if TYPE_CHECKING:
    from ..engine import FileResult

FORMATS = ("text", "json")


class Formatter(Protocol):
    def __call__(self, results: Sequence[FileResult], out: TextIO, *, color: bool | None) -> None:
        """Write the report of ``results`` to ``out``."""


def get(name: str) -> Formatter:
    module = importlib.import_module(f"{__name__}.{name}_format")
    return module.write  # type: ignore[no-any-return]
