"""Whole conversations with the real bot over HTTP: commands, free text, buttons, routines.

Absence of a reply is never asserted by waiting: a chat's updates are handled in order, so
once the reply to a later message arrives, every earlier message of that chat was handled.
"""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from bot.reply import Action, Block, Reply

from .fakebotapi import BOT_USERNAME

DISCLAIMER = re.compile(r"not medical advice", re.IGNORECASE)
HOLD_TIME = re.compile(r"\d+ (s|min)\b")


async def test_start_welcomes_with_the_common_asks_and_the_disclaimer(api, bot):
    chat = api.chat(1001)
    chat.send("/start")
    welcome = await chat.next_message()
    assert "StretchBot" in welcome.text
    assert DISCLAIMER.search(welcome.text)
    assert any(e["type"] == "bold" for e in welcome.entities)
    labels = " | ".join(welcome.labels).lower()
    for ask in ("cooldown", "desk break", "psoas", "daily"):
        assert ask in labels


async def test_command_menu_is_set_at_start(api, bot):
    names = {command["command"] for command in api.commands}
    assert {"start", "stretch", "routine", "tip", "topics", "daily", "help", "about"} <= names


async def test_question_follow_up_and_buttons(api, bot):
    chat = api.chat(1002)
    chat.send("why is my psoas tight?")
    answer = await chat.next_message()
    assert "psoas" in answer.text.lower()
    assert answer.has_button("Show me the stretch")
    assert DISCLAIMER.search(answer.text)

    chat.send("how do I stretch it?")
    first = await chat.next_message()
    assert re.search(r"^1\. ", first.text, re.MULTILINE), "a stretch comes with numbered steps"
    assert first.has_button("Another stretch") and first.has_button("Start a routine")

    chat.press("Another stretch", message=first)
    second = await chat.next_message()
    assert re.search(r"^1\. ", second.text, re.MULTILINE)
    assert second.text.splitlines()[0] != first.text.splitlines()[0]

    query = chat.press("Show me the stretch", message=answer)
    shown = await chat.next_message()
    assert re.search(r"^1\. ", shown.text, re.MULTILINE)
    assert await chat.answered(query) is not None


async def test_guided_routine_edits_one_message_to_the_end(api, bot, brain):
    chat = api.chat(1003)
    chat.send("/routine cooldown")
    overview = await chat.next_message()
    steps = len(brain.kb.routines["cooldown"].steps)
    chat.press("Step by step", message=overview)
    guide = await chat.next_message()
    assert "step 1 of" in guide.text.lower()
    assert HOLD_TIME.search(guide.text), "each step shows its hold time"
    assert "⏱" in guide.text, "and counts it down"
    assert guide.labels == ["⏸ Pause", "Next ▶", "Stop"]

    for step in range(2, steps + 1):
        query = chat.press("Next", message=guide)
        await chat.answered(query)
        await chat.wait_for(lambda step=step: f"step {step} of" in guide.text.lower())
        assert HOLD_TIME.search(guide.text)
        following = "Finish ✅" if step == steps else "Next ▶"
        assert guide.labels == ["⏸ Pause", "◀ Back", following, "Stop"]
    assert guide.has_button("Finish")
    chat.press("Finish", message=guide)
    await chat.wait_for(lambda: "well done" in guide.text.lower())
    assert DISCLAIMER.search(guide.text)
    assert guide.labels == ["Again ↺", "Another routine", "Daily tips"]
    shown = [int(m[1]) for t in guide.history if (m := re.search(r"step (\d+) of", t))]
    assert sorted(set(shown)) == list(range(1, steps + 1)) and shown == sorted(shown)
    chat.send("/tip")
    await chat.next_message()
    assert len(chat.messages) == 3, "the routine used one overview and one guide message"


#: one stretch of an overview's list: "3. Standing hamstring stretch: 1 min"
OVERVIEW_STEP = re.compile(r"^\d+\. (.+?): (\d+ (?:min(?: \d+ s)?|s))(?:\. Easier: .*)?$", re.M)


async def guide_through(chat, overview) -> list[str]:
    """Press "Step by step" on `overview` and "Next" to the end; each step's "name · time"."""
    chat.press("Step by step", message=overview)
    guide = await chat.next_message()
    seen = []
    while "well done" not in guide.text.lower():
        total = re.search(r"step (\d+) of (\d+)", guide.text)
        assert total and int(total[1]) == len(seen) + 1, guide.text
        seen.append(guide.text.splitlines()[2])  # the meta line: "Name · 1 min"
        last = int(total[1]) == int(total[2])
        query = chat.press("Finish" if last else "Next", message=guide)
        await chat.answered(query)
        wanted = f"step {len(seen) + 1} of"
        await chat.wait_for(
            lambda wanted=wanted: "well done" in guide.text.lower() or wanted in guide.text
        )
    return seen


@pytest.mark.parametrize(
    ("ask", "press"),
    [
        ("/routine cooldown", "Shorter"),
        ("/routine cooldown", "Longer"),
        ("i have 10 minutes, no kneeling", None),
    ],
    ids=["shorter-button", "longer-button", "sized-by-message"],
)
async def test_start_guided_on_a_sized_overview_guides_exactly_its_steps(
    api, bot, brain, ask, press
):
    chat = api.chat(1021)
    chat.send(ask)
    overview = await chat.next_message()
    if press:
        chat.press(press, message=overview)
        overview = await chat.next_message()
    listed = [f"{name} · {time}" for name, time in OVERVIEW_STEP.findall(overview.text)]
    assert listed and "minutes in all" in overview.text
    assert len(listed) != len(brain.kb.routines["cooldown"].steps)
    assert await guide_through(chat, overview) == listed


async def test_stopping_a_guided_routine_says_so_in_place(api, bot):
    chat = api.chat(1004)
    chat.send("/routine desk break")
    overview = await chat.next_message()
    chat.press("Step by step", message=overview)
    guide = await chat.next_message()
    chat.press("Next", message=guide)
    await chat.wait_for(lambda: "step 2 of" in guide.text.lower())
    chat.press("Stop", message=guide)
    await chat.wait_for(lambda: "stopped" in guide.text.lower())
    assert DISCLAIMER.search(guide.text)
    assert "step 2 of" in guide.text.lower() and guide.labels == ["Resume ▶", "Routines"]
    chat.press("Resume", message=guide)
    await chat.wait_for(lambda: "stopped" not in guide.text.lower())
    assert "step 2 of" in guide.text.lower() and guide.has_button("Next")
    chat.press("Stop", message=guide)
    await chat.wait_for(lambda: "stopped" in guide.text.lower())


async def test_a_double_tap_on_next_is_harmless(api, bot):
    chat = api.chat(1005)
    chat.send("/routine cooldown")
    overview = await chat.next_message()
    chat.press("Step by step", message=overview)
    guide = await chat.next_message()
    data = guide.data_for("Next")
    first = chat.press(data=data, message=guide)
    second = chat.press(data=data, message=guide)
    await chat.answered(first)
    await chat.answered(second)
    chat.send("/tip")
    tip = await chat.next_message()
    assert "step 2 of" in guide.text.lower()
    assert "tip" in tip.text.lower(), "no apology or duplicate step came before the tip"


async def test_a_stale_button_gets_a_polite_answer(api, bot):
    chat = api.chat(1006)
    chat.send("/start")
    welcome = await chat.next_message()
    query = chat.press(data="stretch.a_stretch_we_removed", message=welcome)
    answer = await chat.answered(query)
    assert "expired" in answer["text"].lower()
    polite = await chat.next_message()
    assert "expired" in polite.text.lower() or "recognise" in polite.text.lower()


@pytest.mark.parametrize(
    "data",
    ["x" * 65, "routine.cooldown<script>", "é" * 20, " ", "guide.cooldown.1\n"],
    ids=["too-long", "markup", "non-ascii", "blank", "newline"],
)
async def test_forged_callback_data_is_refused_without_reaching_the_brain(api, bot, data):
    chat = api.chat(1007)
    chat.send("/start")
    welcome = await chat.next_message()
    query = chat.press(data=data, message=welcome)
    answer = await chat.answered(query)
    assert "doesn't work" in answer["text"]
    chat.send("/tip")
    tip = await chat.next_message()
    assert "tip" in tip.text.lower(), "nothing was sent for the forged press"


@pytest.mark.parametrize("kind", ["sticker", "photo", "voice", "location", "document", "video"])
async def test_non_text_messages_get_a_friendly_i_read_text(api, bot, kind):
    chat = api.chat(1008)
    chat.send_media(kind)
    reply = await chat.next_message()
    assert "only read text" in reply.text
    assert DISCLAIMER.search(reply.text)
    assert reply.labels, "the common asks are offered as buttons"


async def test_a_captioned_photo_is_answered_from_its_caption(api, bot):
    chat = api.chat(1009)
    chat.send_media("photo", caption="how do I stretch my calves?")
    reply = await chat.next_message()
    assert "calf" in reply.text.lower()
    assert re.search(r"^1\. ", reply.text, re.MULTILINE)


@pytest.mark.parametrize(
    "text",
    ["<b>stretch</b> my <calves> & more", "&amp; &lt;i&gt; </pre>", "<a href='x'>psoas</a>"],
)
async def test_user_text_is_never_taken_as_html(api, bot, text):
    chat = api.chat(1010)
    chat.send(text)
    reply = await chat.next_message()  # the fake refuses malformed HTML, so this proves escaping
    assert reply.html is not None


async def test_user_text_echoed_in_a_reply_is_escaped(api, bot):
    chat = api.chat(1011)
    chat.send("/stretch <b>budget</b>")
    reply = await chat.next_message()
    assert "“<b>budget</b>”" in reply.text
    assert "&lt;b&gt;budget&lt;/b&gt;" in reply.html


@pytest.mark.parametrize(
    ("command", "expected", "button"),
    [
        ("/help", "what i can do", "Show topics"),
        ("/about", "sources include", None),
        ("/tip", "stretch tip", "Another tip"),
        ("/topics", "areas i know", "Calves"),
        ("/stretch", "usage: /stretch", "Hamstrings"),
        ("/stretch calves", "1. ", "Another stretch"),
        ("/stretch Hip Flexors", "1. ", "Another stretch"),
        ("/stretch my budget", "i don't know a stretch for", "Calves"),
        ("/routine", "usage: /routine", "Desk break"),
        ("/routine desk_break", "desk break", "Start guided"),
        ("/routine knitting", "i don't have a routine called", "Cooldown"),
        ("/nonsense", "i don't know /nonsense", None),
    ],
)
async def test_commands(api, bot, command, expected, button):
    chat = api.chat(1012)
    chat.send(command)
    reply = await chat.next_message()
    assert expected in reply.text.lower()
    assert DISCLAIMER.search(reply.text)
    if button:
        assert reply.has_button(button), reply.labels


async def test_about_carries_the_full_disclaimer(api, bot, brain):
    chat = api.chat(1013)
    chat.send("/about")
    about = await chat.next_message()
    full = " ".join(brain.kb.disclaimer.full.split())
    assert full[:60] in " ".join(about.text.split())


async def test_topic_keyboard_lists_every_topic(api, bot, brain):
    chat = api.chat(1014)
    chat.send("/topics")
    menu = await chat.next_message()
    assert [b["callback_data"] for b in menu.buttons] == [f"{t}.stretch" for t, _ in brain.topics()]
    chat.press("Calves", message=menu)
    stretch = await chat.next_message()
    assert "calf" in stretch.text.lower()


async def test_an_edited_message_is_answered_again_quoting_it(api, bot):
    chat = api.chat(1015)
    original = chat.send("why are my calfs tigt")
    await chat.next_message()
    chat.edit(original, "how do I stretch my hamstrings?")
    reply = await chat.next_message()
    assert "hamstring" in reply.text.lower()
    assert reply.reply_to and reply.reply_to["message_id"] == original["message_id"]


async def test_conversations_in_different_chats_keep_their_own_context(api, bot):
    alice, bob = api.chat(1016), api.chat(1017)
    alice.send("why is my psoas tight?")
    bob.send("why are my calves tight?")
    await alice.next_message()
    await bob.next_message()
    alice.send("how do I stretch it?")
    bob.send("how do I stretch it?")
    assert "hip" in (await alice.next_message()).text.lower()
    assert "calf" in (await bob.next_message()).text.lower()


async def test_in_a_group_only_commands_mentions_and_replies_are_answered(api, bot):
    group = api.chat(-2001, type="group", title="Stretchers", user_id=1018)
    group.send("how do I stretch my calves?")  # people talking among themselves
    group.send_media("sticker")
    group.send("/start@SomeOtherBot")
    group.send("/nonsense")  # may be another bot's command
    group.send("/tip")
    tip = await group.next_message()
    assert "stretch tip" in tip.text.lower()
    assert len(group.messages) == 1

    question = group.send(f"@{BOT_USERNAME} how do I stretch my calves?")
    stretch = await group.next_message()
    assert "calf" in stretch.text.lower()
    assert stretch.reply_to["message_id"] == question["message_id"], "answers quote the asker"

    group.send("and my hamstrings?", reply_to=stretch)
    follow_up = await group.next_message()
    assert "hamstring" in follow_up.text.lower()

    group.send(f"/stretch@{BOT_USERNAME} calves")
    assert "calf" in (await group.next_message()).text.lower()
    group.send(f"/nonsense@{BOT_USERNAME}")
    assert "i don't know" in (await group.next_message()).text.lower()


async def test_a_channel_post_is_ignored(api, bot):
    chat = api.chat(1019)
    api.inject(
        {
            "channel_post": {
                "message_id": 1,
                "chat": {"id": -1009, "type": "channel", "title": "News"},
                "date": 1700000000,
                "text": "how do I stretch my calves?",
            }
        }
    )
    chat.send("/tip")
    await chat.next_message()
    assert [m.chat_id for m in api.sent] == [1019]


class LongBrain:
    """The real brain, except that "long please" gets a reply far over Telegram's 4096 chars."""

    def __init__(self, brain):
        self._brain = brain

    def __getattr__(self, name):
        return getattr(self._brain, name)

    def reply(self, text, context=None):
        real = self._brain.reply(text, context)
        if text != "long please":
            return real
        paragraphs = tuple(
            Block("para", f"Paragraph {i}: " + "stretch gently & breathe <slowly>. " * 30)
            for i in range(12)
        )
        return replace(
            Reply("answer", "long", paragraphs, disclaimer=real.disclaimer),
            actions=(Action("A tip", "tip"),),
        )


async def test_a_long_reply_is_split_with_the_buttons_under_the_last_part(api, start_bot, brain):
    await start_bot(brain=LongBrain(brain))
    chat = api.chat(1020)
    chat.send("long please")
    parts = [await chat.next_message()]
    while not DISCLAIMER.search(parts[-1].text):
        parts.append(await chat.next_message())
    assert len(parts) >= 3
    assert all(len(part.text) <= 4096 for part in parts)
    assert [bool(part.labels) for part in parts] == [False] * (len(parts) - 1) + [True]
    text = "\n\n".join(part.text for part in parts)
    assert all(f"Paragraph {i}:" in text for i in range(12))
    assert all(
        part.text.count("Paragraph") == len(re.findall(r"^Paragraph", part.text, re.M))
        for part in parts
    ), "split between paragraphs, never inside one"


async def test_every_telegram_reply_ends_with_the_knowledge_bases_own_disclaimer(api, bot, brain):
    """The text Telegram shows, not just 'not medical advice': the knowledge base's line, or a
    red flag's level footer."""
    chat = api.chat(1099)
    cases = [
        ("/start", brain.kb.disclaimer.short),
        ("why is my psoas tight?", brain.kb.disclaimer.short),
        ("my jeans are too tight", brain.kb.disclaimer.short),
        ("crushing chest pain and i'm sweating", brain.kb.triage_levels["emergency"].footer),
    ]
    for text, footer in cases:
        chat.send(text)
        message = await chat.next_message()
        assert message.text.rstrip().endswith(footer), text
