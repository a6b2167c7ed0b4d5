"""The console's looks: every ink on every ground keeps a 4.5:1 contrast (WCAG AA), the
palette is what a widget draws with, and the choice is kept per machine."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QPalette

from facilitator.core.settings import CONSOLE_LOOK
from facilitator.ui.looks import (
    DARK,
    LIGHT,
    LOOKS,
    MIN_CONTRAST,
    PAIRS,
    ConsoleLook,
    Look,
    looks,
    palette,
)

R = QPalette.ColorRole


def luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(ink: QColor, ground: QColor) -> float:
    high, low = sorted((luminance(ink), luminance(ground)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_contrast_formula_is_wcag_s() -> None:
    assert contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast(QColor("#767676"), QColor("#ffffff")) == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("name", [look.value for look in LOOKS])
def test_every_ink_on_every_ground_of_a_look_is_readable(name: str) -> None:
    look: Look = LOOKS[ConsoleLook(name)]
    low = [
        f"{what}: {contrast(QColor(getattr(look, ink)), QColor(getattr(look, ground))):.2f}"
        for what, ink, ground in PAIRS
        if contrast(QColor(getattr(look, ink)), QColor(getattr(look, ground))) < MIN_CONTRAST
    ]
    assert low == []


@pytest.mark.parametrize("look", [LIGHT, DARK])
def test_the_palette_s_text_roles_keep_the_contrast(look: Look) -> None:
    p = palette(look)
    normal, disabled = QPalette.ColorGroup.Normal, QPalette.ColorGroup.Disabled
    pairs = [
        (normal, R.WindowText, R.Window),
        (normal, R.Text, R.Base),
        (normal, R.Text, R.AlternateBase),
        (normal, R.ButtonText, R.Button),
        (normal, R.HighlightedText, R.Highlight),
        (normal, R.ToolTipText, R.ToolTipBase),
        (normal, R.PlaceholderText, R.Base),
        (normal, R.Link, R.Base),
        (normal, R.BrightText, R.Window),
        (disabled, R.ButtonText, R.Button),
        (disabled, R.WindowText, R.Window),
    ]
    for group, ink, ground in pairs:
        ratio = contrast(p.color(group, ink), p.color(normal, ground))
        assert ratio >= MIN_CONTRAST, (group, ink, ground, ratio)


def test_the_choice_is_applied_and_kept_on_this_machine(qtbot) -> None:
    from PySide6.QtWidgets import QApplication, QLabel

    chooser = looks()
    before = chooser.choice
    try:
        chooser.choose(ConsoleLook.DARK)
        label = QLabel("x")
        qtbot.addWidget(label)
        assert label.palette().color(R.Window) == QColor(DARK.window)
        assert QSettings().value(CONSOLE_LOOK.key) == "dark"
        chooser.choose(ConsoleLook.LIGHT)
        assert QApplication.palette().color(R.Window) == QColor(LIGHT.window)
        qtbot.waitUntil(lambda: label.palette().color(R.WindowText) == QColor(LIGHT.text))
    finally:
        chooser.choose(before)


def test_a_bad_stored_choice_falls_back_to_following_the_system() -> None:
    from facilitator.ui.looks import _read_choice

    settings = QSettings()
    old = settings.value(CONSOLE_LOOK.key)
    settings.setValue(CONSOLE_LOOK.key, "purple")
    try:
        assert _read_choice() is ConsoleLook.SYSTEM
    finally:
        settings.setValue(CONSOLE_LOOK.key, old if old is not None else "system")


def test_following_the_system_asks_it_after_the_start_and_remembers(qtbot, monkeypatch) -> None:
    from PySide6.QtWidgets import QApplication

    import facilitator.ui.looks as looks_module
    from facilitator.core.settings import SYSTEM_LOOK_WAS_DARK

    chooser = looks()
    before, was_dark = chooser.choice, chooser.system_dark
    try:
        chooser.choose(ConsoleLook.SYSTEM)
        monkeypatch.setattr(looks_module, "system_is_dark", lambda: not was_dark)
        chooser.follow_system()
        wanted = DARK if not was_dark else LIGHT
        assert QApplication.palette().color(R.Window) == QColor(wanted.window)
        stored = str(QSettings().value(SYSTEM_LOOK_WAS_DARK.key)).lower()
        assert stored == str(not was_dark).lower()
        # a look chosen by hand stays, whatever the system does
        chooser.choose(ConsoleLook.LIGHT)
        monkeypatch.setattr(looks_module, "system_is_dark", lambda: was_dark)
        chooser.system_changed()
        assert QApplication.palette().color(R.Window) == QColor(LIGHT.window)
    finally:
        monkeypatch.setattr(looks_module, "system_is_dark", lambda: was_dark)
        chooser.system_changed()
        chooser.choose(before)
