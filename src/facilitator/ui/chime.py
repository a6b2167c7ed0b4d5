"""The zero chime of the round clock: a preloaded sound, or the flash alone without one.

A machine with no audio output gets the flash alone and a line in the console saying so;
missing audio is never an error dialog.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, qInstallMessageHandler

from facilitator.core.errors import InputError
from facilitator.core.settings import CLOCK_CHIME_VOLUME
from facilitator.paths import resource_path

log = logging.getLogger(__name__)


def bundled_chime() -> Path:
    return resource_path("sounds", "chime.wav")


def check_wav(path: Path) -> None:
    """Refuse a file the sound player cannot play, with a sentence saying why."""
    import wave  # read when a chime is checked, not at start

    try:
        with wave.open(str(path), "rb") as wav:
            if wav.getsampwidth() not in (1, 2) or wav.getnframes() == 0:
                raise InputError(path.name, "the chime must be a 8- or 16-bit PCM WAV with sound")
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except (wave.Error, EOFError) as exc:
        raise InputError(path.name, f"not a WAV file the app can play ({exc})") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None


class Chime:
    """The zero chime: a preloaded QSoundEffect, or silence when there is no audio output.

    QtMultimedia is loaded on first use (after the console is up, so start-up does not
    pay for it). Its back-end chatter about missing optional libraries is kept out of the
    Qt log: it is noise on a machine without them, not a fault.
    """

    def __init__(self, parent: QObject) -> None:
        self._parent = parent
        self._effect: Any = None
        self._devices: Any = None
        self.available = False
        self.message = "Sound not checked yet"
        self.volume: float = CLOCK_CHIME_VOLUME.default
        self.path = bundled_chime()
        self.on_change: Callable[[], None] = lambda: None

    def probe(self) -> None:
        previous = qInstallMessageHandler(_quiet_multimedia)
        try:
            try:
                from PySide6.QtMultimedia import QMediaDevices
            except ImportError:  # no audio library on this machine (e.g. libpulse missing)
                self._set(False, "No sound library: the clock flashes at zero instead of chiming")
                return
            if self._devices is None:
                self._devices = QMediaDevices(self._parent)
                self._devices.audioOutputsChanged.connect(self.probe)
            outputs = QMediaDevices.audioOutputs()
        finally:
            qInstallMessageHandler(previous)
        if not outputs:
            self._drop_effect()
            self._set(False, "No sound output: the clock flashes at zero instead of chiming")
            return
        self._load()

    def _drop_effect(self) -> None:
        if self._effect is not None:
            self._effect.deleteLater()
            self._effect = None

    def _load(self) -> None:
        previous = qInstallMessageHandler(_quiet_multimedia)
        try:
            from PySide6.QtCore import QUrl
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

            self._drop_effect()
            effect = QSoundEffect(QMediaDevices.defaultAudioOutput(), self._parent)
            effect.statusChanged.connect(self._status_changed)
            effect.setVolume(self.volume)
            effect.setSource(QUrl.fromLocalFile(str(self.path)))
            self._effect = effect
        finally:
            qInstallMessageHandler(previous)
        self._set(True, f"Chime ready ({self.path.name})")

    def _status_changed(self) -> None:
        from PySide6.QtMultimedia import QSoundEffect

        if self._effect is None:
            return
        if self._effect.status() == QSoundEffect.Status.Error:
            self._set(False, "The chime cannot play here: the clock flashes at zero instead")
        elif self._effect.status() == QSoundEffect.Status.Ready:
            self._set(True, f"Chime ready ({self.path.name})")

    def _set(self, available: bool, message: str) -> None:
        if (available, message) != (self.available, self.message):
            self.available, self.message = available, message
            log.info("sound: %s", message)
            self.on_change()

    def set_volume(self, volume: float) -> None:
        self.volume = max(0.0, min(1.0, volume))
        if self._effect is not None:
            self._effect.setVolume(self.volume)

    def set_file(self, path: Path) -> None:
        check_wav(path)
        self.path = path
        if self._effect is not None:
            self._load()

    def play(self) -> bool:
        """Start the chime now; False when there is nothing to play it on."""
        if not self.available or self._effect is None:
            return False
        self._effect.play()
        return True


def _quiet_multimedia(msg_type: Any, context: Any, message: str) -> None:
    log.debug("qt multimedia: %s", message)
