"""Errors a user can cause and fix, with the place they happened."""

from __future__ import annotations

from msgspec import Struct


class Problem(Struct, frozen=True):
    """One thing wrong with an input: where (``deck.toml:14``, ``cards.csv: row 7``) and what."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class InputError(Exception):
    """Bad input: a file, a value or an argument the user gave. Never a bug of ours.

    Carries one or more problems; ``str()`` gives one line per problem, ready for stderr
    or a dialog.
    """

    def __init__(self, where: str | list[Problem], message: str = "") -> None:
        if isinstance(where, list):
            self.problems: tuple[Problem, ...] = tuple(where)
        else:
            self.problems = (Problem(where, message),)
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)
