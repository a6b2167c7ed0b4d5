"""The entries list: every entry of the event, newest saved first, filtered, edited in place.

reader.py reads off the UI thread; model.py pages the entries in; view.py paints them;
editing.py edits one in place; filters.py narrows the list; rows.py is an entry as kept.
"""

from facilitator.ui.entries.editing import EntryDelegate, PlainEntryEdit
from facilitator.ui.entries.filters import Filters
from facilitator.ui.entries.model import PAGE, EntriesModel
from facilitator.ui.entries.reader import BackgroundReader, Job
from facilitator.ui.entries.rows import SHOWN_CHARS, Row, as_row, local_time, one_line
from facilitator.ui.entries.view import EntriesView

__all__ = [
    "PAGE",
    "SHOWN_CHARS",
    "BackgroundReader",
    "EntriesModel",
    "EntriesView",
    "EntryDelegate",
    "Filters",
    "Job",
    "PlainEntryEdit",
    "Row",
    "as_row",
    "local_time",
    "one_line",
]
