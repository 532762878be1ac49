"""StretchBot: a stretch assistant with one pure brain and several faces."""

__version__ = "0.1.0"
