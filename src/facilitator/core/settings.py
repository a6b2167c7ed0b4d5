"""The one declared list of settings: the event's (kept in its file) and the machine's.

Event settings travel with the event file (its ``setting`` table, one JSON value a key):
the clock, the projector and the export choices. Machine preferences belong to this
laptop (Qt's ``QSettings``): which screen is the projector. Code reads and writes a setting
through its declaration here, never through a key spelled out where it is used.
"""

from __future__ import annotations

from typing import Any, Protocol

from msgspec import Struct


class SettingStore(Protocol):
    def setting(self, key: str, default: Any = None) -> Any: ...


class Setting(Struct, frozen=True):  # made in C: no dataclasses import at start
    key: str
    default: Any
    kind: type | None  # float, bool, str, list: what a read gives; None: the JSON as stored
    about: str

    def read(self, store: SettingStore) -> Any:
        """The stored value (the default when unset), as ``kind``."""
        value = store.setting(self.key, self.default)
        if self.kind in (float, bool) and value is not None:
            return self.kind(value)
        return value


# -- event settings (the event file's ``setting`` table) ------------------------------------

CLOCK_AMBER = Setting("clock.amber_seconds", 120.0, float, "amber warning, seconds left")
CLOCK_RED = Setting("clock.red_seconds", 30.0, float, "red warning, seconds left")
CLOCK_AUTO_ADVANCE = Setting("clock.auto_advance", False, bool, "next round when time is up")
CLOCK_CHIME_VOLUME = Setting("clock.chime_volume", 0.8, float, "chime volume, 0 to 1")
CLOCK_CHIME_FILE = Setting("clock.chime_file", None, None, "a chime file; None: the bundled")
CLOCK_MINIMUM_MINUTES = Setting(
    "clock.minimum_round_minutes", 5.0, float, "shortest a shortened round gets"
)
PROJECTOR_LOOK = Setting("projector.look", "dark", str, "dark, light or contrast")
PROJECTOR_LOGO = Setting("projector.logo", None, None, "the welcome logo, PNG in base64")
PROJECTOR_ITEM = Setting("projector.item", None, None, "the run item last live")
EXPORT_FOLDER = Setting("export.folder", "", str, "the folder exports were last written to")
EXPORT_FORMATS = Setting("export.formats", None, list, "formats last chosen; None: all")
ROOM_WIFI = Setting("room.wifi", "", str, "the wifi phones join, on the Join slide and cards")
VOTE_HIDDEN = Setting("room.vote_hidden", False, bool, "a new vote hides its results until closed")
SURVEY_OPEN = Setting("room.survey_open", False, bool, "the feedback survey is open on phones")
VOTE_CHANGEABLE = Setting("room.vote_changeable", True, bool, "a ballot may change until closed")
EVENT_ORGANISER = Setting("event.organiser", "", str, "the organiser's line on the reports")
EVENT_LOGO = Setting(
    "event.logo", None, None, "the organiser's logo on the reports, an RGB PNG in base64"
)
HARVEST_PUBLISHED = Setting(
    "room.harvest_published", False, bool, "the join page offers the harvest so far"
)

EVENT_SETTINGS: tuple[Setting, ...] = (
    CLOCK_AMBER,
    CLOCK_RED,
    CLOCK_AUTO_ADVANCE,
    CLOCK_CHIME_VOLUME,
    CLOCK_CHIME_FILE,
    CLOCK_MINIMUM_MINUTES,
    PROJECTOR_LOOK,
    PROJECTOR_LOGO,
    PROJECTOR_ITEM,
    EXPORT_FOLDER,
    EXPORT_FORMATS,
    ROOM_WIFI,
    VOTE_HIDDEN,
    VOTE_CHANGEABLE,
    SURVEY_OPEN,
    EVENT_ORGANISER,
    EVENT_LOGO,
    HARVEST_PUBLISHED,
)

# -- machine preferences (QSettings: this laptop, every event) ------------------------------

PROJECTOR_SCREEN = Setting("projector/screen", "", str, "the screen chosen as the projector")
PROJECTOR_WHEN_UNPLUGGED = Setting(
    "projector/when_unplugged", "hide", str, "hide, or console: the projector's window then"
)

CONSOLE_LOOK = Setting(
    "console/look", "system", str, "system, light or dark: the console's look (not the room's)"
)

SYSTEM_LOOK_WAS_DARK = Setting(
    "console/system_was_dark", False, bool, "the system's look when last asked: dark or not"
)

OPEN_EVENT_FILES = Setting(
    "windows/open_event_files", "", str, "yes, no or unasked: .facilitator files open here"
)

MACHINE_PREFERENCES: tuple[Setting, ...] = (
    PROJECTOR_SCREEN,
    PROJECTOR_WHEN_UNPLUGGED,
    CONSOLE_LOOK,
    SYSTEM_LOOK_WAS_DARK,
    OPEN_EVENT_FILES,
)
