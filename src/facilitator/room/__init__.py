"""The room network: a web server for phones at the tables, on its own thread (no Qt)."""
