"""Pure Python model of an event: decks, plans, the round clock, the live session, the harvest.

Nothing in this package imports Qt.
"""
