"""The grouping board: the room's entries sorted into named groups, with suggestions."""
