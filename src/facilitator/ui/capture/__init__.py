"""The scribe's capture panel, by role.

panel.py assembles the panel from its parts: entry_box.py (the entry, its #card tags and
chips), table_field.py (the table), kinds.py (the kind), drafts.py (the draft),
saving.py (saves on the writer's thread), entry_list.py (the list beside it),
entry_actions.py (edit, delete, hide, spotlight), wall_controls.py (the theme wall);
window.py holds the console's Capture tab and the window the panel can move to.
"""

from facilitator.ui.capture.entry_box import EntryEdit, TagHighlighter
from facilitator.ui.capture.kinds import MODE_LABELS, MODES
from facilitator.ui.capture.panel import CapturePanel
from facilitator.ui.capture.saving import DRAFT_SLOT, CaptureSaver
from facilitator.ui.capture.table_field import TableField
from facilitator.ui.capture.window import CaptureTab, CaptureWindow

__all__ = [
    "DRAFT_SLOT",
    "MODES",
    "MODE_LABELS",
    "CapturePanel",
    "CaptureSaver",
    "CaptureTab",
    "CaptureWindow",
    "EntryEdit",
    "TableField",
    "TagHighlighter",
]
