"""A `Reply` rendered for each face: Telegram HTML, plain text, and the JSON contract.

The disclaimer is added here, once, for every reply, so no path can forget it. Every piece of
text that goes into HTML is escaped here; handlers never build HTML themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any

from bot.reply import Block, Reply

TELEGRAM_LIMIT = 4096
#: Telegram's limit for a photo's caption, in UTF-16 units
CAPTION_LIMIT = 1024
#: used only if a reply was built without the knowledge base's disclaimer
FALLBACK_DISCLAIMER = (
    "ℹ️ General information, not medical advice. For pain or an injury, see a health professional."
)


def disclaimer_of(reply: Reply) -> str:
    """The disclaimer every rendering of `reply` ends with."""
    return reply.disclaimer or FALLBACK_DISCLAIMER


def _text_block(block: Block) -> str:
    if block.style == "title":
        return block.text.upper() if block.text.isascii() and len(block.text) < 4 else block.text
    if block.style == "steps":
        return "\n".join(f"{i}. {item}" for i, item in enumerate(block.items, 1))
    if block.style == "bullets":
        head = f"{block.text}:\n" if block.text else ""
        return head + "\n".join(f"• {item}" for item in block.items)
    if block.style == "warning":
        return f"⚠️ {block.text}" if not block.text.startswith("⚠️") else block.text
    return block.text


def units(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units (an emoji such as 🙂 is two)."""
    return len(text.encode("utf-16-le")) // 2


@dataclass(frozen=True)
class _Line:
    """One line of a block's HTML: `open + escape(text) + close`. Tags wrap whole lines, so a
    line can be cut in its plain text and each piece wrapped again: no cut lands inside a tag
    or an entity such as `&amp;`."""

    text: str
    open: str = ""
    close: str = ""

    def html(self) -> str:
        return f"{self.open}{escape(self.text)}{self.close}"


def _html_lines(block: Block) -> list[_Line]:
    if block.style in ("title", "warning", "timer"):
        text = block.text
        if block.style == "warning" and not text.startswith("⚠️"):
            text = f"⚠️ {text}"
        return [_Line(text, "<b>", "</b>")]
    if block.style == "meta":
        return [_Line(block.text, "<i>", "</i>")]
    if block.style == "steps":
        return [_Line(f"{i}. {item}") for i, item in enumerate(block.items, 1)]
    if block.style == "bullets":
        head = [_Line(block.text, "<b>", "</b>")] if block.text else []
        return head + [_Line(f"• {item}") for item in block.items]
    return [_Line(line) for line in block.text.split("\n")]


def render_text(reply: Reply) -> str:
    """Plain text for the terminal and `stretchbot ask`, disclaimer last."""
    parts = [_text_block(b) for b in reply.blocks]
    if reply.suggestions:
        parts.append("\n".join(f"  → {a.label}" for a in reply.suggestions))
    parts.append(disclaimer_of(reply))
    return "\n\n".join(p for p in parts if p)


def render_html(reply: Reply, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Telegram HTML chunks of at most `limit` UTF-16 units, split between paragraphs.

    Blocks marked `detail` are left out: on a phone they are one tap away ("More").

    The disclaimer goes at the end of the last chunk. A single paragraph longer than the
    limit (which the knowledge base never has) is split at line breaks, then at a space, then
    hard, always in the plain text, so that every chunk is valid HTML on its own.
    """
    paragraphs = [_html_lines(b) for b in reply.blocks if not b.detail]
    paragraphs.append([_Line(disclaimer_of(reply), "<i>", "</i>")])
    pieces = [piece for lines in paragraphs for piece in _fit(lines, limit)]
    return _pack(pieces, "\n\n", limit)


def _fit(lines: list[_Line], limit: int) -> list[str]:
    """One paragraph's HTML in pieces of at most `limit` units, at line breaks if possible."""
    paragraph = "\n".join(line.html() for line in lines)
    if units(paragraph) <= limit:
        return [paragraph]
    out: list[str] = []
    for line in lines:
        text = line.text
        budget = limit - units(line.open) - units(line.close)
        while units(html := _Line(text, line.open, line.close).html()) > limit:
            head, text = _cut(text, budget)
            out.append(_Line(head, line.open, line.close).html())
        out.append(html)
    return _pack(out, "\n", limit)


def _cut(text: str, budget: int) -> tuple[str, str]:
    """(the longest head of `text` whose escaped form fits in `budget` units, ending at a
    space when there is one in its second half; the rest). The head is never empty."""
    used = 0
    end = 0
    space = -1
    for i, char in enumerate(text):
        used += units(escape(char))
        if used > budget:
            break
        end = i + 1
        if char == " ":
            space = i
    end = max(end, 1)
    if space > end // 2:
        end = space
    return text[:end], text[end:].lstrip(" ")


def _pack(pieces: list[str], separator: str, limit: int) -> list[str]:
    """Join pieces (each at most `limit` units) into as few chunks of at most `limit` as keep
    order."""
    chunks: list[str] = []
    current = ""
    for piece in pieces:
        candidate = f"{current}{separator}{piece}" if current else piece
        if units(candidate) <= limit:
            current = candidate
        else:
            if current:
                chunks.append(current)
            current = piece
    if current:
        chunks.append(current)
    return chunks


def render_json(reply: Reply) -> dict[str, Any]:
    """The JSON contract: exactly these keys, in this order.

    `suggestions` are the intent ids offered ("did you mean"); `disclaimer` is true when the
    text carries the disclaimer, which render_text always adds.
    """
    text = render_text(reply)
    return {
        "kind": reply.kind,
        "intent": reply.intent,
        "topic": reply.topic,
        "routine": reply.routine,
        "stretches": list(reply.stretches),
        "confidence": round(float(reply.confidence), 3),
        "suggestions": [a.intent for a in reply.suggestions],
        "text": text,
        "disclaimer": disclaimer_of(reply) in text and "not medical advice" in text.lower(),
    }
