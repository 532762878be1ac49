"""Keep the garbage collector off the knowledge base.

The knowledge base and its indexes are about 50,000 objects that live as long as the process.
Python's full collections walk every one of them, and a collection falls on whichever message
happens to allocate at that moment: measured on a 4,096-character message, 15 ms instead of
3 ms. `settle()` is called once the brain is built: it collects the start-up garbage, then
moves everything left to the permanent generation (`gc.freeze`), which collections skip.
"""

from __future__ import annotations

import gc


def settle() -> None:
    """Collect the start-up garbage, then keep collections off what remains."""
    gc.collect()
    gc.freeze()
