"""A `Reply` rendered for each face: Telegram HTML, plain text, and the JSON contract.

The disclaimer is added here, once, for every reply, so no path can forget it. Every piece of
text that goes into HTML is escaped here; handlers never build HTML themselves.
"""

from __future__ import annotations

from html import escape
from typing import Any

from bot.reply import Block, Reply

TELEGRAM_LIMIT = 4096
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


def _html_block(block: Block) -> str:
    if block.style == "title":
        return f"<b>{escape(block.text)}</b>"
    if block.style == "meta":
        return f"<i>{escape(block.text)}</i>"
    if block.style == "steps":
        return "\n".join(f"{i}. {escape(item)}" for i, item in enumerate(block.items, 1))
    if block.style == "bullets":
        head = f"<b>{escape(block.text)}</b>\n" if block.text else ""
        return head + "\n".join(f"• {escape(item)}" for item in block.items)
    if block.style == "warning":
        text = block.text if block.text.startswith("⚠️") else f"⚠️ {block.text}"
        return f"<b>{escape(text)}</b>"
    return escape(block.text)


def render_text(reply: Reply) -> str:
    """Plain text for the terminal and `stretchbot ask`, disclaimer last."""
    parts = [_text_block(b) for b in reply.blocks]
    if reply.suggestions:
        parts.append("\n".join(f"  → {a.label}" for a in reply.suggestions))
    parts.append(disclaimer_of(reply))
    return "\n\n".join(p for p in parts if p)


def render_html(reply: Reply, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Telegram HTML chunks of at most `limit` characters, split between paragraphs.

    The disclaimer goes at the end of the last chunk. A single paragraph longer than the
    limit (which the knowledge base never has) is split at line breaks, then hard.
    """
    paragraphs = [_html_block(b) for b in reply.blocks]
    paragraphs.append(f"<i>{escape(disclaimer_of(reply))}</i>")
    pieces = [piece for paragraph in paragraphs for piece in _fit(paragraph, limit)]
    return _pack(pieces, "\n\n", limit)


def _fit(paragraph: str, limit: int) -> list[str]:
    """Split one paragraph into pieces no longer than `limit`, at line breaks if possible."""
    if len(paragraph) <= limit:
        return [paragraph]
    lines: list[str] = []
    for line in paragraph.split("\n"):
        while len(line) > limit:  # a single huge line: cut at a space near the limit
            cut = line.rfind(" ", 0, limit)
            cut = cut if cut > limit // 2 else limit
            lines.append(line[:cut])
            line = line[cut:].lstrip()
        lines.append(line)
    return _pack(lines, "\n", limit)


def _pack(pieces: list[str], separator: str, limit: int) -> list[str]:
    """Join pieces (each at most `limit` long) into as few chunks of at most `limit` as keep order."""
    chunks: list[str] = []
    current = ""
    for piece in pieces:
        candidate = f"{current}{separator}{piece}" if current else piece
        if len(candidate) <= limit:
            current = candidate
        else:
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
