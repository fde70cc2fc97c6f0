"""Errors raised for user mistakes.

Every user-facing error names where the bad value came from (file and line when there is one),
the field, the value and, when the set is small, the allowed values.  Adapters turn an
:class:`InputError` into exit status 2 on the CLI (or a 4xx on the API); never a traceback.
"""

from __future__ import annotations

from collections.abc import Iterable


class ShoringError(Exception):
    """Base class of every error the package raises on purpose."""


class InputError(ShoringError, ValueError):
    """A value supplied by the user is invalid.

    Parameters
    ----------
    field:
        Name of the offending field (``worker_country``, ``processes[2].fte``...).
    value:
        The value as the user gave it.
    problem:
        What is wrong, in plain words (``"unknown country"``).
    allowed:
        The allowed values, when there are few enough to list.
    source:
        File name (or ``"<stdin>"``) the value came from, when it came from a file.
    line:
        1-based line number in ``source``, when known.
    """

    def __init__(
        self,
        field: str,
        value: object,
        problem: str,
        *,
        allowed: Iterable[str] | None = None,
        source: str | None = None,
        line: int | None = None,
    ) -> None:
        self.field = field
        self.value = value
        self.problem = problem
        self.allowed = tuple(allowed) if allowed is not None else None
        self.source = source
        self.line = line
        super().__init__(self.message)

    @property
    def message(self) -> str:
        where = ""
        if self.source is not None:
            where = f"{self.source}:{self.line}: " if self.line is not None else f"{self.source}: "
        text = f"{where}{self.field}: {self.problem}: {self.value!r}"
        if self.allowed:
            text += f" (allowed: {', '.join(self.allowed)})"
        return text

    def located(self, source: str | None = None, line: int | None = None) -> InputError:
        """Return a copy of this error that also names the file and line."""
        return InputError(
            self.field,
            self.value,
            self.problem,
            allowed=self.allowed,
            source=source if source is not None else self.source,
            line=line if line is not None else self.line,
        )

    def __str__(self) -> str:
        return self.message
