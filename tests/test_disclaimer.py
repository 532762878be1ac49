"""The promise every reply keeps: the knowledge base's own disclaimer, on every face.

These tests compare with the disclaimer text of the knowledge base itself (the shipped one and a
minimal one with a disclaimer of its own), never with the renderer's built-in default, so a
reply that lost the knowledge base's disclaimer fails here even though the default also says
"not medical advice".
"""

from __future__ import annotations

import re
from html import escape

import pytest

from bot import actions as act
from bot.brain import Brain
from bot.kb import KnowledgeBase, load_kb
from bot.render import FALLBACK_DISCLAIMER, render_html, render_json, render_text
from bot.reply import KINDS, Context, Plan, Reply
from bot.timer import View

#: one message per kind of reply, and then some: each is checked on every face
MESSAGES = (
    "why is my psoas tight",
    "how do i stretch my calves",
    "cooldown after running",
    "give me a tip",
    "send me a stretch tip every day",
    "numbness in my groin and i cant control my bladder",
    "my knee is hot and swollen",
    "stretches with a slipped disc",
    "hello",
    "what can you do",
    "my jeans are too tight",
    "",
    "🙂",
    "how long should i hold a stretch",
)


def replies_of_every_kind(brain: Brain) -> list[Reply]:
    """Replies to messages, to every button they offer, and the fixed ones (start, help...)."""
    out: list[Reply] = [brain.welcome(), brain.help(), brain.about(), brain.tip(3)]
    out.append(brain.reply(None))  # a sticker, a photo
    out.append(brain.resolve("stale.button.data"))
    for message in MESSAGES:
        reply = brain.reply(message)
        out.append(reply)
        out.append(brain.reply("how do i stretch it", reply.context))
        for action in (*reply.actions, *reply.suggestions):
            out.append(brain.resolve(action.intent, reply.context))
    out.extend(timed_steps(brain))
    return out


def timed_steps(brain: Brain) -> list[Reply]:
    """A guided step as Telegram shows it with its timer: resting, holding, switching sides,
    paused, time's up; its stop and its finish."""
    plan = Plan(next(iter(brain.kb.routines)))
    count = len(brain.guide_holds(plan))
    clocks = [
        View(0, "ready", 8, 60),
        View(0, "hold", 45, 60, sides=True),
        View(0, "hold", 30, 60, sides=True, second_side=True, cue=True),
        View(0, "hold", 12, 60, paused=True),
        View(0, "over", 0, 60, auto=False),
    ]
    out = [brain.guide(act.GuideStep(plan, 0), Context(), clock) for clock in clocks]
    out.append(brain.guide(act.GuideStop(plan, 0), Context()))
    out.append(brain.guide(act.GuideStep(plan, count), Context()))
    return out


@pytest.fixture(scope="module")
def mini_brain(tmp_path_factory: pytest.TempPathFactory) -> Brain:
    import yaml
    from conftest import mini_kb_files

    folder = tmp_path_factory.mktemp("mini_kb")
    files = mini_kb_files()
    files["disclaimer.yaml"] = {
        "disclaimer": {
            "short": "Mini knowledge base: not medical advice, ask a professional.",
            "full": "The mini knowledge base's full disclaimer: not medical advice.",
        }
    }
    for name, doc in files.items():
        (folder / name).write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True))
    return Brain(load_kb(folder))


@pytest.fixture(params=["shipped", "mini"])
def any_brain(request: pytest.FixtureRequest, brain: Brain, mini_brain: Brain) -> Brain:
    return brain if request.param == "shipped" else mini_brain


def test_the_shipped_disclaimer_is_not_the_renderers_default(kb: KnowledgeBase):
    assert kb.disclaimer.short != FALLBACK_DISCLAIMER
    assert "not medical advice" in kb.disclaimer.short.lower()


def test_every_kind_of_reply_is_covered(brain: Brain):
    kinds = {reply.kind for reply in replies_of_every_kind(brain)}
    assert kinds == set(KINDS)


#: a guided step's intent ("guide.cooldown.3"; not its stop or finish)
GUIDED_STEP = re.compile(r"guide\.[a-z0-9_]+\.\d+")


def disclaimer_for(brain: Brain, reply: Reply) -> str:
    """The knowledge base's text that belongs under `reply`: a red flag's level footer, a
    guided step's one line (it changes every few seconds), or the short disclaimer."""
    kb = brain.kb
    if reply.kind == "red_flag":
        return kb.triage_levels[kb.red_flags[reply.intent.split(".", 1)[1]].level].footer
    if GUIDED_STEP.fullmatch(reply.intent):
        return kb.disclaimer.line
    return kb.disclaimer.short


def test_a_guided_step_carries_one_line_of_the_knowledge_bases_disclaimer(kb: KnowledgeBase):
    line = kb.disclaimer.line
    assert "\n" not in line and "not medical advice" in line.lower()
    assert kb.disclaimer.short.startswith(line) and len(line) < len(kb.disclaimer.short)


def test_every_reply_carries_the_knowledge_bases_own_disclaimer(any_brain: Brain):
    for reply in replies_of_every_kind(any_brain):
        short = disclaimer_for(any_brain, reply)
        assert "not medical advice" in short.lower()
        assert reply.disclaimer == short, reply.intent
        assert render_text(reply).endswith(short), reply.intent
        assert render_html(reply)[-1].endswith(f"<i>{escape(short)}</i>"), reply.intent
        data = render_json(reply)
        assert data["disclaimer"] is True and data["text"].endswith(short), reply.intent


def test_replies_in_a_conversation_keep_it(any_brain: Brain):
    context, short = Context(), any_brain.kb.disclaimer.short
    for message in ("why are my calves tight", "how do i stretch them", "another one", "thanks"):
        reply = any_brain.reply(message, context)
        assert render_text(reply).endswith(short)
        context = reply.context


def test_about_shows_the_full_disclaimer(any_brain: Brain):
    full = any_brain.kb.disclaimer.full
    assert full in render_text(any_brain.about())
    assert escape(full) in "\n".join(render_html(any_brain.about()))
