"""The plan editor: the event's rounds, edited in the console and saved in the event file.

Every change is saved a moment after it is made (no Save button to forget); plan.toml
files can be loaded (a bundled template or any file) and saved for another event.
"""

from facilitator.ui.plan_editor.editor import PlanEditor

__all__ = ["PlanEditor"]
