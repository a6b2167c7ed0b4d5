"""Keep typed text from running as a spreadsheet formula.

A spreadsheet program treats a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a
formula (and a leading tab or carriage return can hide one), so a scribe's ``=HYPERLINK(...)``
or a hostile ``@SUM(...)`` could run when the organiser opens the file. In csv such a cell
gets a leading apostrophe, the spreadsheet convention for "this is text".

An xlsx string cell is never a formula, whatever it starts with, and shows exactly as
typed. Only when someone edits it and presses Return does the program read it again:
cells that would then make a formula (:func:`formula_if_edited`) get the quote-prefix style,
which keeps them text; ordinary text starting with ``-``, ``+`` or ``@`` (a scribe's bullet,
a phone number) is left plain, with no apostrophe in the formula bar.
"""

from __future__ import annotations

RISKY_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_risky(text: str) -> bool:
    return text.startswith(RISKY_STARTS)


# what a formula that starts with +, - or @ needs to do anything: a function call, a
# DDE link (cmd|' /C calc'!A0) or a reference to another sheet
_FORMULA_MARKS = ("(", "|", "!")


def formula_if_edited(text: str) -> bool:
    """Whether a spreadsheet would read this text as a formula that does something if the
    cell were edited and entered again."""
    if text.startswith(("=", "\t", "\r")):
        return True
    return text.startswith(("+", "-", "@")) and any(m in text for m in _FORMULA_MARKS)


def neutralise(text: str) -> str:
    """Text a spreadsheet reads as text: a risky cell is prefixed with an apostrophe."""
    return "'" + text if is_risky(text) else text
