"""Errors meant for people: every one carries a Chinese and an English sentence.

Anything raised as :class:`LawlintError` ends the command with exit code 2 and a
one-line message naming the file (and the rule and key, for rule packs); it is never
shown as a traceback.
"""

from __future__ import annotations


class LawlintError(Exception):
    """A usage, input or rule-pack error (exit code 2)."""

    def __init__(self, zh: str, en: str, *, path: str | None = None) -> None:
        self.zh = zh
        self.en = en
        self.path = path
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{where}{self.zh} / {self.en}"

    def lines(self) -> list[str]:
        """The lines that show this error (several for errors gathered together)."""
        return [str(self)]

    def __reduce__(self):  # type: ignore[no-untyped-def]
        # keyword-only arguments: rebuild from the instance dict (worker processes
        # send errors back to the parent pickled)
        return (_rebuild, (type(self), dict(self.__dict__)))


class InputError(LawlintError):
    """A file that cannot be read or decoded."""


class PackError(LawlintError):
    """A rule pack that is not valid: names the file, the rule id and the key."""

    def __init__(
        self,
        zh: str,
        en: str,
        *,
        path: str | None = None,
        rule: str | None = None,
        key: str | None = None,
        line: int | None = None,
    ) -> None:
        self.rule = rule
        self.key = key
        self.line = line
        # further errors found in the same reading, shown with this one (``lines``)
        self.more: tuple[PackError, ...] = ()
        super().__init__(zh, en, path=path)

    def all(self) -> list[PackError]:
        """This error and the others found with it."""
        return [self, *self.more]

    def lines(self) -> list[str]:
        """One line per error, and a count when there are several: a pack's author sees
        every mistake of a run at once."""
        if not self.more:
            return [str(self)]
        count = 1 + len(self.more)
        return [
            *(str(e) for e in self.all()),
            f"共 {count} 处错误，请全部改正 / {count} errors: correct them all",
        ]

    def __str__(self) -> str:
        where = self.path or ""
        if self.line is not None:
            where += f":{self.line}"
        parts = []
        if self.rule:
            parts.append(f"rule {self.rule}")
        if self.key:
            parts.append(f"key {self.key}")
        ctx = f" [{', '.join(parts)}]" if parts else ""
        return f"{where}{ctx}: {self.zh} / {self.en}"


def _rebuild(cls: type[LawlintError], state: dict[str, object]) -> LawlintError:
    error = cls.__new__(cls)
    error.__dict__.update(state)
    Exception.__init__(error, str(error))
    return error
