"""Suit colours: parsing, relative luminance and contrast (WCAG 2 formulas), auto palette."""

from __future__ import annotations

import re

_HEX6 = re.compile(r"#[0-9a-fA-F]{6}")
_HEX3 = re.compile(r"#[0-9a-fA-F]{3}")

# For decks that name no colours (CSV, folders of images). Original, and ordered so the
# first suits differ most in lightness, not only in hue, for colour-blind readers; white
# text on every one has a contrast of at least 4.5.
AUTO_COLOURS = (
    "#113050",  # deep blue
    "#a16108",  # ochre
    "#842131",  # wine
    "#136a54",  # pine
    "#522c66",  # plum
    "#2d752d",  # leaf
    "#0d5973",  # petrol
    "#a32f2f",  # brick
)


def parse_colour(text: str) -> str | None:
    """``#rrggbb`` (lower case) from ``#rrggbb`` or ``#rgb``; None when it is neither."""
    text = text.strip()
    if _HEX6.fullmatch(text):
        return text.lower()
    if _HEX3.fullmatch(text):
        return "#" + "".join(ch * 2 for ch in text[1:]).lower()
    return None


def auto_colour(index: int) -> str:
    return AUTO_COLOURS[index % len(AUTO_COLOURS)]


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance of ``#rrggbb``: 0 for black, 1 for white."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours, from 1 (same) to 21 (black on white)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_colour_on(background: str) -> str:
    """White or near-black, whichever reads better on ``background``."""
    white, ink = "#ffffff", "#111111"
    return white if contrast_ratio(background, white) >= contrast_ratio(background, ink) else ink
