"""Limits and names shared by every deck loader and the deck writer."""

from __future__ import annotations

from facilitator.core.deck import Suit
from facilitator.core.deck_colours import auto_colour

# Limits: generous for any real deck, small enough that a runaway paste or a wrong file
# is caught before it reaches the projector or the event file.
MAX_FILE_BYTES = 5_000_000
MAX_IMAGE_BYTES = 20_000_000
MAX_CARDS = 500
MAX_SUITS = 40
MAX_LEVELS = 10
MAX_QUESTIONS_PER_CARD = 50
MAX_ID = 64
MAX_NAME = 120  # deck name, suit name, card title
MAX_LABEL = 40  # suit label, level name
MAX_FRONT = 3000
MAX_QUESTION = 1000
MAX_NOTE = 5000

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".svg")
DECK_FILE = "deck.toml"
DEFAULT_SUIT = Suit("cards", "Cards", auto_colour(0))
