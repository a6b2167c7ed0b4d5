"""Facilitator: run a room of table conversations from a laptop, offline."""

__version__ = "0.1.0"
