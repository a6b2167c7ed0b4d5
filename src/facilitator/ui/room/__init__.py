"""The room network's side of the console: the Room panel, its menu and F9, QR codes.

The server itself (facilitator.room) has no Qt; this package drives it from the console.
"""
