"""Regenerate bot/data/english_words.txt: the 50,000 most frequent English words.

Source: the word-frequency list shipped with pyspellchecker (MIT licence, Tyler Barrus).

    pip download --no-deps pyspellchecker==0.9.1 -d /tmp/ps
    python tools/make_wordlist.py /tmp/ps/pyspellchecker-0.9.1-py3-none-any.whl
"""

from __future__ import annotations

import gzip
import json
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "bot" / "data" / "english_words.txt"
COUNT = 50_000


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as archive:
        raw = archive.read("spellchecker/resources/en.json.gz")
    frequencies: dict[str, int] = json.loads(gzip.decompress(raw))
    words = [w for w in frequencies if w.isalpha() and w.isascii()]
    words.sort(key=lambda w: (-frequencies[w], w))
    OUT.write_text("\n".join(words[:COUNT]) + "\n", encoding="utf-8")
    print(f"wrote {min(COUNT, len(words))} words to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
