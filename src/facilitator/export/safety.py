"""Keep typed text from running as a spreadsheet formula.

A spreadsheet program treats a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a
formula (and a leading tab or carriage return can hide one), so a scribe's ``=HYPERLINK(...)``
or a hostile ``@SUM(...)`` could run when the organiser opens the file. In csv such a cell
gets a leading apostrophe, the spreadsheet convention for "this is text"; xlsx cells are
written as strings with the quote-prefix style, so they show exactly as typed.
"""

from __future__ import annotations

RISKY_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_risky(text: str) -> bool:
    return text.startswith(RISKY_STARTS)


def neutralise(text: str) -> str:
    """Text a spreadsheet reads as text: a risky cell is prefixed with an apostrophe."""
    return "'" + text if is_risky(text) else text
