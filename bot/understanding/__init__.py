"""The intent layer: from a message to a `Match` (what the person wants, about which topic).

- `text`: normalisation, shared with the red-flag rules and the knowledge base's phrases;
- `words`: the `Canonicaliser`: lemmas, typo correction, the topic lexicon;
- `analysis`: the `Analysis` record, built once per message;
- `index`: the keyword index of intents and their example phrases;
- `matcher`: the `Matcher`, which scores the index's candidates for an `Analysis`.

Everything expensive happens once, at load; per message the cost depends on the message's
words, not on the number of example phrases.
"""

from bot.understanding.analysis import Analysis
from bot.understanding.matcher import Match, Matcher, MatchKind
from bot.understanding.words import STOPWORDS, TOPIC_TOKEN

__all__ = ["STOPWORDS", "TOPIC_TOKEN", "Analysis", "Match", "MatchKind", "Matcher"]
