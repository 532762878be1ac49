"""The benchmark's synthetic knowledge bases load: every field a knowledge-base entry gains
must be written back the way the loader reads it (`benchmarks/synthetic_kb.py`), or the
benchmark breaks only when someone runs it."""

from __future__ import annotations

import sys
from pathlib import Path

from bot.kb import KnowledgeBase

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from synthetic_kb import Synthesizer, load_synthetic  # noqa: E402


def test_a_synthetic_knowledge_base_twice_the_size_loads(kb: KnowledgeBase, tmp_path: Path):
    data = Synthesizer(kb, 2, seed=1).build()
    synthetic, brain, size, _seconds, _removed = load_synthetic(data, tmp_path)
    assert size > 0 and len(synthetic.topics) > len(kb.topics)
    ages = {c.id: c.ages for c in synthetic.conditions.values() if c.ages is not None}
    assert ages == {c.id: c.ages for c in kb.conditions.values() if c.ages is not None}
    assert brain.reply("why is my psoas tight").kind == "answer"
