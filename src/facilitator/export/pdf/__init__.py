"""The harvest report as a PDF an organiser can send as it is (reportlab platypus).

A4: a cover with the event, venue, date and counts; the agenda; each round with its
prompts, the themes by table, quotes set apart and the round's questions and actions; the
card tally as a bar chart in suit colours; the most-tagged cards. Headings keep with what
follows them (no heading alone at a page foot); pages are numbered "3 of 12". The PDF is
tagged (headings, paragraphs, lists, quotes, tables, the chart as a figure), with its
language, title and a bookmark per section.

By role: ``document`` (page templates, the story, :func:`write_pdf`), ``style`` (page,
colours, paragraph styles), ``cover``, ``agenda``, ``rounds``, ``chart`` (the tally),
``entries`` (an entry or a quote as text runs), ``text_block`` and ``runs`` (the fast text
flowable and its line breaking), ``fonts`` (the app's own, bundled and embedded),
``tagging`` (the structure tree of the tagged PDF, and its bookmarks).
"""

from __future__ import annotations

from facilitator.export.pdf.document import build_story, write_pdf
from facilitator.export.pdf.style import BODY_W

# ``fonts`` here is the module (:mod:`.fonts`), not its function
__all__ = ["BODY_W", "build_story", "write_pdf"]
