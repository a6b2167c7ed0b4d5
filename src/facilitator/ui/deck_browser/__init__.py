"""The deck browser: the event's cards as a grid coloured by suit, a card's both sides,
sending cards to the projector, a face-down draw, the room's picks, importing a deck.

It talks to the EventController only: slides go out through ``controller.show``, picks
and deck snapshots go into the event file through the store the controller holds.
"""

from facilitator.ui.deck_browser.browser import DeckBrowser

__all__ = ["DeckBrowser"]
