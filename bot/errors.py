"""Errors told in a few words, for the one-line messages the loader and the store give."""

from __future__ import annotations


def in_a_few_words(exc: BaseException) -> str:
    """An OS or database error without a traceback: its OS text ("Is a directory") if it has
    one, else its message, else its type."""
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
