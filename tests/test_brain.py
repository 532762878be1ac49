"""The brain: the conversation from the issue, follow-ups, safety, and bad input."""

from __future__ import annotations

import pytest

from bot import lexicon
from bot.render import render_json, render_text
from bot.reply import Context, Plan
from bot.sizing import LIMIT_TAGS
from tests.conftest import converse


def test_founding_conversation(brain):
    why, how, routine, jeans = converse(
        brain,
        "why is my psoas tight",
        "how do I stretch it",
        "give me a cooldown routine after running",
        "my jeans are too tight",
    )
    assert (why.kind, why.topic, why.intent) == ("answer", "psoas", "psoas.why_tight")
    assert "sitting" in render_text(why).lower()
    assert how.kind == "stretch" and how.topic == "psoas"
    assert how.stretches == ("half_kneeling_hip_flexor",)
    assert any(b.style == "steps" and len(b.items) >= 3 for b in how.blocks)
    assert (routine.kind, routine.routine) == ("routine", "cooldown_running")
    assert "minutes" in render_text(routine)
    assert jeans.kind == "fallback"
    assert 1 <= len(jeans.suggestions) <= 3


@pytest.mark.parametrize(
    ("message", "topic"),
    [
        ("how do i stretch my psaos", "psoas"),
        ("stretch for tight hamstirng", "hamstrings"),
        ("my calfs are killing me how to stretch them", "calves"),
        ("quadricep stretch pls", "quadriceps"),
        ("how to stretch the back of my thigh", "hamstrings"),
    ],
)
def test_typos_and_paraphrases_reach_the_stretch(brain, message, topic):
    reply = brain.reply(message)
    assert (reply.kind, reply.topic) == ("stretch", topic)


def test_coldown_typo_reaches_the_routine(brain):
    assert brain.reply("coldown routine").kind == "routine"


def test_follow_ups_use_the_context(brain):
    first, other, calves = converse(
        brain, "how do i stretch my hamstrings", "another one", "and my calves?"
    )
    assert other.kind == "stretch" and other.topic == "hamstrings"
    assert other.stretches != first.stretches
    assert calves.kind == "stretch" and calves.topic == "calves"


def test_and_my_calves_keeps_the_question_asked(brain):
    _why, calves = converse(brain, "why is my psoas tight", "and my calves?")
    assert (calves.kind, calves.intent) == ("answer", "calves.why_tight")


def test_shorter_version_of_a_routine(brain):
    full, short = converse(brain, "cooldown routine", "shorter version")
    assert short.kind == "routine" and short.routine == full.routine
    assert len(short.stretches) < len(full.stretches)


def test_a_saying_with_an_area_word_does_not_stop_a_shorter_one(brain):
    # "back to back" names no back: the routine on screen, shorter
    full, short = converse(brain, "desk stretches pls", "shorter one, back to back calls today")
    assert short.kind == "routine" and short.routine == full.routine
    assert len(short.stretches) < len(full.stretches)


def test_pronoun_without_context_gets_a_clear_fallback(brain):
    reply = brain.reply("how do i stretch it")
    assert reply.kind == "fallback"
    assert reply.suggestions


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("how do i stretch my abs", "abdominals.stretch"),
        ("stretches for my core after training", "abdominals.stretch"),
        ("what are the abdominal muscles", "abdominals.what"),
        ("why do my stomach muscles feel so tight", "abdominals.why_tight"),
        ("when should i stretch my abs", "abdominals.when"),
    ],
)
def test_the_stomach_muscles_are_an_area(brain, message, intent):
    assert brain.reply(message).intent == intent


@pytest.mark.parametrize(
    "message",
    ["whats the core temperature of a cooked chicken", "six pack of beer", "apple core"],
)
def test_core_and_six_pack_in_other_senses_are_not_the_stomach_muscles(brain, message):
    assert brain.reply(message).topic != "abdominals"


@pytest.mark.parametrize(
    ("message", "part"),
    [
        ("stretch for my face", "face"),
        ("any good eye exercises for screen strain", "eye"),
        ("how do i stretch my tongue", "tongue"),
    ],
)
def test_a_part_with_no_stretches_is_said_plainly(brain, message, part):
    reply = brain.reply(message)
    assert reply.kind == "fallback" and f"stretches for the {part}" in render_text(reply)


@pytest.mark.parametrize(
    "message", ["lie face down and stretch your arms", "my face goes red when i stretch"]
)
def test_a_part_named_in_passing_is_not_asked_to_be_stretched(brain, message):
    assert "don't have stretches" not in render_text(brain.reply(message))


@pytest.mark.parametrize("message", ["stretch for my stomach", "how do i stretch my tummy"])
def test_the_stomach_asked_to_be_stretched_is_the_stomach_muscles(brain, message):
    assert brain.reply(message).intent == "abdominals.stretch"
    assert brain.reply("stomach ache after eating").topic != "abdominals"


def test_the_stomach_muscles_answer_says_when_belly_pain_needs_a_doctor(brain):
    text = render_text(brain.reply("why do my abs hurt"))
    assert "not the muscles" in text and "GP" in text


@pytest.mark.parametrize(
    ("first", "message"),
    [
        (None, "heat or ice for my lower back"),
        (None, "my neck is stiff, would a heat pack help"),
        (None, "should i ice my sore knee after running"),
        ("why is my lower back stiff", "heat or ice?"),
        ("stretch for my neck", "should i use heat or ice"),
    ],
)
def test_heat_or_ice_gets_its_answer_alone_or_in_a_conversation(brain, first, message):
    context = brain.reply(first).context if first else None
    assert brain.reply(message, context).intent == "general.heat_or_ice"


def test_when_to_get_an_area_checked_keeps_the_conversation_on_it(brain):
    *_, serious, stretch = converse(brain, "why is my neck stiff", "is it serious?", "stretch it?")
    assert (serious.intent, serious.topic) == ("general.see_someone", "neck")
    assert stretch.intent == "neck.stretch"


@pytest.mark.parametrize(
    ("first", "message", "intent"),
    [
        ("why is my back stiff", "thanks, makes sense. how long till it gets better?", None),
        ("neck stretch pls", "how long does this usually last", None),
        # how long to hold, or to get flexible, is no ache passing
        ("neck stretch pls", "how long should i hold it", "general.how_long"),
        (
            # after the splits' routine: how long until the splits
            "how do i do the splits",
            "how long till i get better at it",
            "general.splits",
        ),
    ],
)
def test_how_long_an_ache_lasts_is_when_to_get_it_checked(brain, first, message, intent):
    reply = brain.reply(message, brain.reply(first).context)
    assert reply.intent == (intent or "general.see_someone")


@pytest.mark.parametrize(
    ("first", "message"),
    [
        ("my knee hurts after running", "can i still run with it"),
        ("why are my shoulders tight", "can i still lift with it?"),
        ("my calves are sore", "is it ok to train through it"),
    ],
)
def test_whether_to_keep_training_with_it_is_sore_or_injured(brain, first, message):
    context = brain.reply(first).context
    assert brain.reply(message, context).intent == "general.sore_or_injured"


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("should runners stretch?", "general.benefits"),
        ("do cyclists really need to stretch", "general.benefits"),
        ("is stretching important for swimmers", "general.benefits"),
        # when, or stretches asked for: not whether
        ("should runners stretch before a race", "general.before_after"),
        ("stretches for runners", "routine.cooldown_running"),
    ],
)
def test_whether_people_who_do_a_sport_need_to_stretch(brain, message, intent):
    assert brain.reply(message).intent == intent


def test_heat_that_is_the_weather_is_not_a_heat_pack(brain):
    assert brain.reply("this heat is killing me, any stretches i can do indoors").intent != (
        "general.heat_or_ice"
    )


def test_a_question_about_stretching_not_understood_is_not_one_the_bot_cannot_help_with(brain):
    asked = render_text(brain.reply("is stretching a scam"))
    assert "asking about stretching" in asked and "can't help" not in asked
    # the verb stretches things too: those stay declined as not the bot's
    for message in ("how to stretch a tarp over a pergola", "flexible solar panels any good"):
        assert "can't help" in render_text(brain.reply(message))


@pytest.mark.parametrize(
    "message",
    [
        "i cant feel my groin and i wet myself",
        "crushing chest pain going down my left arm",
        "my calf is swollen red and hot",
        "fell off a ladder and now my back hurts, what stretch helps",
        "worst headache of my life and a stiff neck",
    ],
)
def test_red_flags_win_and_carry_no_stretch(brain, message):
    reply = brain.reply(message, Context(topic="psoas", kind="stretch"))
    assert reply.kind == "red_flag"
    assert reply.stretches == ()
    assert not any(b.style == "steps" for b in reply.blocks)
    text = render_text(reply).lower()
    assert "stop stretching" in text
    assert "emergency" in text or "doctor" in text


@pytest.mark.parametrize(
    "message",
    [
        "my calf is tight after running",
        "my lower back is sore from sitting",
        "my neck is stiff from my laptop",
        "tight chest after bench press how do i stretch it",
    ],
)
def test_ordinary_tightness_is_not_a_red_flag(brain, message):
    assert brain.reply(message).kind != "red_flag"


@pytest.mark.parametrize(
    "message",
    ["stretch my budget", "my jeans are too tight", "stretch a canvas", "tight deadline at work"],
)
def test_out_of_domain_messages_that_share_our_words(brain, message):
    assert brain.reply(message).kind == "fallback"


@pytest.mark.parametrize(
    ("message", "intent", "says"),
    [
        ("", "fallback.empty", "looks empty"),
        ("   ", "fallback.empty", "looks empty"),
        ("🙂🙂🙂", "fallback.empty", "I read words best"),
        ("?!?!", "fallback.empty", "I read words best"),
        ("\x00\x01", "fallback.empty", "I read words best"),
        ("👍", "smalltalk.thanks", ""),
        ("🙏", "smalltalk.thanks", ""),
        ("a" * 100_000, "fallback", "can't help with that"),
        ("stretch " * 5000, "routine.full_body", "all-over routine"),
    ],
)
def test_bad_input_gets_a_clear_answer(brain, message, intent, says):
    reply = brain.reply(message)
    assert reply.intent == intent
    assert says.lower() in render_text(reply).lower()
    assert render_text(reply).endswith(brain.kb.disclaimer.short)


def test_non_text_input_is_answered(brain):
    reply = brain.reply(None)
    assert reply.kind == "fallback"


@pytest.mark.parametrize(
    "intent",
    [
        "psoas.stretch",
        "psoas.why_tight",
        "stretch.wall_calf",
        "routine.cooldown",
        "guide.cooldown.0",
        "tip",
        "daily.on",
        "topics",
        "routines",
        "short.desk_break",
        "plan.cooldown.10k",
        "plan.neck.5a",
        "guide.cooldown.s.0",
        "guide.hamstrings.12at.3",
        "general.how_long",
    ],
)
def test_every_button_intent_resolves(brain, intent):
    reply = brain.resolve(intent)
    assert reply.kind != "fallback"
    for action in (*reply.actions, *reply.suggestions):
        assert len(action.intent.encode()) <= 64
        assert brain.resolve(action.intent).intent != "stale"


@pytest.mark.parametrize(
    "intent",
    [
        "",
        "nope",
        "stretch.nope",
        "guide.cooldown.x",
        "guide.nope.1",
        "guide.cooldown.99",
        "plan.cooldown.zz",
        "<b>",
        "x" * 65,
    ],
)
def test_stale_or_forged_buttons_get_a_polite_reply(brain, intent):
    reply = brain.resolve(intent)
    assert reply.intent == "stale"
    assert "expired" in render_text(reply)


def test_guided_routine_runs_to_a_well_done(brain, kb):
    steps = len(kb.routines["cooldown"].steps)
    reply = brain.resolve("guide.cooldown.0")
    seen = 0
    while reply.intent != "guide.cooldown.done":
        seen += 1
        assert f"step {seen} of {steps}" in render_text(reply)
        next_action = reply.actions[0]
        reply = brain.resolve(next_action.intent, reply.context)
    assert seen == steps
    assert "well done" in render_text(reply).lower()


def test_tips_rotate_without_repeats(brain, kb):
    context, seen = Context(), set()
    for _ in range(10):
        reply = brain.reply("give me a tip", context)
        assert reply.kind == "tip"
        seen.add(render_text(reply))
        context = reply.context
    assert len(seen) == 10


def test_tip_numbers_wrap_around(brain, kb):
    count = len(kb.tips)
    assert render_text(brain.tip(count)) == render_text(brain.tip(0))
    assert render_text(brain.tip(count + 5)) == render_text(brain.tip(5))
    assert render_text(brain.tip(-1)) == render_text(brain.tip(count - 1))
    assert render_text(brain.tip(1)) != render_text(brain.tip(0))


def test_daily_requests_have_their_own_kind(brain):
    on = brain.reply("send me a stretch tip every day")
    off = brain.reply("stop the daily tips")
    assert (on.kind, on.intent) == ("daily", "daily.on")
    assert (off.kind, off.intent) == ("daily", "daily.off")


def test_welcome_help_about(brain):
    assert brain.welcome().actions
    assert "psoas" in render_text(brain.help()).lower()
    assert "not medical advice" in render_text(brain.about()).lower()


def test_json_contract_keys(brain):
    data = render_json(brain.reply("why is my psoas tight"))
    assert list(data) == [
        "kind",
        "intent",
        "topic",
        "routine",
        "stretches",
        "confidence",
        "suggestions",
        "text",
        "disclaimer",
    ]
    assert 0.0 <= data["confidence"] <= 1.0
    assert data["disclaimer"] is True
    assert "not medical advice" in data["text"].lower()
    fallback = render_json(brain.reply("my jeans are too tight"))
    assert fallback["suggestions"] and all(
        brain.resolve(intent).intent != "stale" for intent in fallback["suggestions"]
    )


@pytest.mark.parametrize(
    ("message", "says"),
    [
        ("¿Por qué me duelen tanto los isquiotibiales después de correr?", "solo entiendo inglés"),
        ("Wie kann ich meine Waden dehnen?", "nur Englisch"),
        ("Welche Dehnübungen helfen bei verspannten Waden?", "nur Englisch"),
        ("cuales estiramientos ayudan con la espalda", "solo entiendo inglés"),
        ("Comment étirer mes ischio-jambiers ?", "que l’anglais"),
        ("Come posso allungare i polpacci?", "solo l’inglese"),
        ("Como alongar a panturrilha?", "só entendo inglês"),
        ("Welke rekoefeningen helpen tegen een stijve nek?", "alleen Engels"),
        ("Jakie ćwiczenia na ból pleców po bieganiu?", "tylko angielski"),
        # a greeting or a thanks alone, opening a conversation
        ("hola", "solo entiendo inglés"),
        ("merci beaucoup", "que l’anglais"),
        ("danke schön", "nur Englisch"),
    ],
)
def test_other_languages_get_english_only_in_their_language(brain, message, says):
    reply = brain.reply(message)
    assert reply.intent == "fallback.language"
    text = render_text(reply)
    assert says in text and "only understand English" in text and "112" in text


@pytest.mark.parametrize(
    "message",
    [
        "me and my dog went for a run, my calves are tight",
        "la la land stretch",
        "long van trip with my kids, is my back stiff from the seat",
    ],
)
def test_english_with_foreign_looking_words_stays_english(brain, message):
    assert brain.reply(message).intent != "fallback.language"


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("gracias", "smalltalk.thanks"),
        ("grazie mille", "smalltalk.thanks"),
        ("adios", "smalltalk.goodbye"),
    ],
)
def test_a_foreign_thanks_or_goodbye_within_an_english_conversation_is_small_talk(
    brain, message, intent
):
    context = brain.reply("stretch for my calves").context
    assert brain.reply(message, context).intent == intent


def test_not_sure_asks_about_the_area_the_message_named(brain):
    reply = brain.reply("hip flexors and my new job")
    assert reply.kind == "fallback"
    assert "Is this about your hip flexors?" in render_text(reply)
    intents = [a.intent for a in reply.suggestions]
    assert intents[:2] == ["hip_flexors.why_tight", "hip_flexors.stretch"]
    assert intents[2].startswith("routine.")


@pytest.mark.parametrize(
    ("answer", "intent"),
    [
        ("yes", "hip_flexors.why_tight"),
        ("yeah thats right", "hip_flexors.why_tight"),
        ("yep please", "hip_flexors.why_tight"),
        ("stretch pls", "hip_flexors.stretch"),
        ("why", "hip_flexors.why_tight"),
        ("routine?", "routine.area.hip_flexors"),
    ],
)
def test_the_answer_to_is_this_about_your_area_is_about_it(brain, answer, intent):
    asked, reply = converse(brain, "hip flexors and my new job", answer)
    assert asked.kind == "fallback" and asked.context.topic == "hip_flexors"
    assert reply.intent == intent


@pytest.mark.parametrize("answer", ["no", "nope not really", "nah"])
def test_no_to_is_this_about_your_area_asks_again_without_it(brain, answer):
    _asked, reply = converse(brain, "hip flexors and my new job", answer)
    assert reply.kind == "fallback" and reply.context.topic is None
    text = render_text(reply)
    assert "which muscle or area" in text and "Sorry" not in text
    assert [a.intent for a in reply.suggestions] == ["topics", "routines"]


def test_yes_after_a_stretch_card_is_the_areas_next_stretch(brain):
    first, reply = converse(brain, "my lower back is stiff after moving house", "yes pls")
    assert reply.intent == "lower_back.stretch"
    assert reply.context.stretch != first.context.stretch


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        # a setting named beside a limit beats another routine the rest matches best
        ("flying to sydney tomorrow, what stretches can i do in my seat", "routine.long_flight"),
        # stiff mornings asked for by routine: the morning one
        ("wake up routine for stiff old bones", "routine.morning"),
        # "when i wake up" inside a statement asks nothing: the area complained of
        (
            "both my calves go tight near the start of a run and then ease off, some days "
            "theyre tight when I wake up too",
            "calves.stretch",
        ),
    ],
)
def test_settings_routines_and_statements_read_as_meant(brain, message, intent):
    assert brain.reply(message).intent == intent


@pytest.mark.parametrize(
    ("turns", "topic"),
    [
        (("warm up before basketball", "for my knees especially, they get sore"), "knees"),
        (("desk break", "mostly for my neck"), "neck"),
        (("morning routine", "can you focus on my hips"), "hip_flexors"),
        (("child's pose", "i want it to hit my lats more"), "side_body"),
    ],
)
def test_a_routine_or_stretch_aimed_at_one_area_gives_its_stretch(brain, turns, topic):
    reply = converse(brain, *turns)[-1]
    assert reply.kind == "stretch" and reply.topic == topic


def test_an_area_asked_after_a_routine_off_the_floor_keeps_off_it(brain, kb):
    reply = converse(
        brain, "road trip tomorrow, stretches for when we stop", "mostly for my lower back"
    )[-1]
    assert reply.topic == "lower_back"
    tags = set(kb.stretches[reply.stretches[0]].caution_tags)
    assert not tags & {"floor", "lying_on_back", "lying_on_front"}


@pytest.mark.parametrize(
    "turns",
    [
        ("whats the piriformis", "why does it get tight", "i drive all day for work btw"),
        ("why are my calves tight", "i run a lot"),
    ],
)
def test_an_activity_told_after_an_areas_answer_is_about_the_area(brain, turns):
    first = brain.reply(turns[0])
    reply = converse(brain, *turns)[-1]
    assert reply.kind == "stretch" and reply.topic == first.topic


@pytest.mark.parametrize(
    ("turns", "intent"),
    [
        # a limit told in own words after a routine keeps the routine
        (("desk break routine", "i only have a chair, no room to stand"), "routine.desk_break"),
        (("long flight stretches", "window seat, cant really get up"), "routine.long_flight"),
        (("swimming warm up", "on the pool deck, not much room"), "routine.warmup_swimming"),
        # the other end of the activity, asked for with "for after"
        (("need a warm up before football", "for after the match actually"), "routine.cooldown"),
        # a routine's stretch named as "the ... one" that hurts: its easier version
        (("legs routine", "the lunge one hurt my knee"), "stretch.standing_hip_flexor.easier"),
        # "hurts my knee" right after a card is the card
        (("calf stretch", "hurts my knee"), "stretch.wall_calf.easier"),
        # the daily tips asked for in a conversation, in many forms
        (("morning routine", "can you send me this every morning?"), "daily.on"),
        (("how do i stretch my forearms", "daily tips please"), "daily.on"),
        (("how do i stretch my forearms", "ta, also do you do daily tips?"), "daily.on"),
        (("send me daily stretch tips", "actually make it evenings"), "daily.on"),
        (("send me daily stretch tips", "what about a bedtime routine"), "routine.bedtime"),
        (("calf stretch", "can you stop the daily tips?"), "daily.off"),
        (("calf stretch", "can the daily tip come at 7pm instead of the morning"), "daily.on"),
        (("calf stretch", "ur genuinely really helpful ngl"), "smalltalk.compliment"),
        (("calf stretch", "ok that's enough, bye"), "smalltalk.goodbye"),
        # the daily tips asked for in other words, and their time changed by the clock
        (("glute stretch", "thanks, can you send me stuff like this every day"), "daily.on"),
        (("daily tips please", "can it be 6pm instead"), "daily.on"),
        # today's tip asked for after signing up
        (("daily tips please", "so whats todays then"), "tip"),
        (("can i get the daily stretch at 7pm instead of the morning",), "daily.on"),
        # what the area will not do is why an easier one is asked for
        (
            ("stretch for my inner thighs", "easier please, my hips dont open much"),
            "stretch.happy_baby.easier",
        ),
        (("calf stretch", "meh that's useless"), "smalltalk.insult"),
        # a chair limit in its plainest words, after an answer about an area
        (("why are my knees stiff", "chair ones only please"), "knees.stretch"),
    ],
)
def test_refinements_complaints_and_daily_asks_in_a_conversation(brain, turns, intent):
    assert converse(brain, *turns)[-1].intent == intent


@pytest.mark.parametrize(
    "message",
    [
        "should i round my back to reach further?",
        "is it ok that i feel it in my neck?",
        "is it normal to feel it in my calf?",
    ],
)
def test_a_question_of_form_after_a_card_gets_how_it_should_feel(brain, message):
    card = brain.reply("seated hamstring stretch")
    reply = brain.reply(message, card.context)
    assert reply.intent == f"stretch.{card.context.stretch}.more"
    assert "how it should feel" in render_text(reply)


@pytest.mark.parametrize(
    "message",
    [
        "can i hold it longer than that",
        "longer hold?",
        "how long do i stay in it",
        "how long should i feel it for",  # not a question of form
        "how long for?",  # bare, right under the card
        "how long each leg?",  # each side of this card, not each stretch
        "how long each side again?",
        "how long",
    ],
)
def test_a_hold_asked_after_a_card_gets_how_long_holds_go_led_by_that_card(brain, message):
    card = brain.reply("seated hamstring stretch")
    stretch = brain.kb.stretches[card.context.stretch or ""]
    reply = brain.reply(message, card.context)
    assert reply.intent == "general.how_long"
    assert reply.blocks[0].text.startswith(f"The {stretch.name.lower()} card says about")
    assert f"{stretch.hold_seconds} seconds" in reply.blocks[0].text
    # the card stays the one follow-ups are about
    assert brain.reply("other side", reply.context).stretches == (stretch.id,)


@pytest.mark.parametrize(
    "message",
    [
        "how long do i hold each",  # stretches in general
        "hold it on the other side too?",  # the other side, not the hold
    ],
)
def test_other_hold_questions_after_a_card_are_not_about_its_hold(brain, message):
    card = brain.reply("seated hamstring stretch")
    reply = brain.reply(message, card.context)
    assert "card says about" not in render_text(reply)
    assert reply.intent != f"stretch.{card.context.stretch}.more"


def test_too_much_for_an_area_asks_the_easier_version(brain):
    reply = converse(brain, "how to do the couch stretch", "too intense on my knee, easier?")[-1]
    assert reply.intent == "stretch.couch_stretch.easier"


def test_thigh_alone_is_the_front_of_it(brain):
    assert brain.reply("stretch for my thigh").intent == "quadriceps.stretch"
    assert brain.reply("back of my thigh is tight").topic == "hamstrings"
    assert brain.reply("inner thigh stretch").topic == "adductors"


def test_yes_with_no_question_asked_is_no_answer(brain):
    # nothing was asked about an area: a bare "yes" to "Sorry, I can't help" stays a miss
    _first, reply = converse(brain, "whats the weather today", "yes")
    assert reply.kind == "fallback"


@pytest.mark.parametrize(
    "message",
    [
        "routine",
        "routine please",
        "give me a routine",
        "any good stretching routine?",
        # where and with what says nothing of what to stretch
        "can you give me a routine I can do at home for free?",
    ],
)
def test_a_routine_asked_for_with_nothing_more_is_the_all_over_one(brain, message):
    reply = brain.reply(message)
    assert reply.intent == "routine.full_body"
    assert "name it" in render_text(reply)


@pytest.mark.parametrize(
    "message", ["my jeans are too tight", "stretch my budget", "whats the weather today"]
)
def test_off_topic_gets_the_menus_not_a_fixed_guess(brain, message):
    reply = brain.reply(message)
    assert reply.kind == "fallback"
    assert [a.intent for a in reply.suggestions] == ["topics", "routines"]
    assert "psoas" not in render_text(reply).lower()


def test_guesses_come_from_the_message(brain):
    reply = brain.reply("bedtime routine")
    # the routine itself, or, where the intent layer misses it, a guess that offers it
    assert reply.routine == "bedtime" or "routine.bedtime" in [a.intent for a in reply.suggestions]


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        (
            "during my long runs my calves tighten up so bad it's actually painful",
            "calves.stretch",
        ),
        ("Did I just sleep wrong? I have a crick in my neck!", "neck.why_tight"),
        # the name of an overuse complaint is a complaint of its area
        ("shin splints from running on concrete", "shins.stretch"),
        ("tennis elbow from work", "wrists_forearms.stretch"),
        # shoulders held up by the ears are tense ones
        ("i'm a hairdresser and my shoulders are up round my ears by 3pm", "shoulders.stretch"),
        ("What is this back pain I get when sitting at work all day?", "lower_back.why_tight"),
        (
            "my hamstrings are so tight since i started cycling to work, what can i do",
            "hamstrings.stretch",
        ),
        # an area word opening a sentence, its complaint far behind it
        (
            "dental hygienist here, all day leaning over people's mouths with my head tilted. "
            "neck and the top of my shoulders are permanently tight. can you show me a stretch "
            "i can do between patients",
            "neck.stretch",
        ),
        # the question why in the last sentence, after the story
        (
            "around 3pm i notice my shoulders creeping up to my ears. desk job, two monitors. "
            "why does this happen",
            "shoulders.why_tight",
        ),
        # a vague feeling told of an area is a complaint too
        ("my calves feel odd", "calves.stretch"),
        ("shoulders feel a bit off today", "shoulders.stretch"),
        ("my jaw feels tired", "jaw.stretch"),
    ],
)
def test_an_area_with_a_complaint_is_about_stretching_whatever_the_story(brain, message, intent):
    assert brain.reply(message).intent == intent


@pytest.mark.parametrize(
    "message",
    [
        "my tortilla dough is tight and keeps shrinking back",
        "lost the instructions for my ikea chest of drawers pls help",
        "my dogs back legs stretch out behind him like a frog is that weird",
        # a thing right next to the area word is what the word names, and an area that is
        # not the writer's, in a message about a thing, is the thing's
        "my guitar neck feels stiff when i play, any fix",
        "how do i fix the neck on my guitar its bowed",
        "do stretch jeans bag out at the knees after a few wears",
        # a condition named in a look-alike is not a question about it
        "best stretch marks cream after pregnancy",
        "how can i stretch my vocabulary for ielts writing",
        "stretch my sweater back into shape",
        # the words of a look-alike ("marks" of stretch marks) with one close behind
        "stretch marks on my hips",
        "got stretch marks on my thighs and lower back",
        # "back" opening a sentence with a complaint in it that is not the body's
        "back to work tomorrow, my boss is killing me",
        # sent every day, but about something else
        "send me stuff every day about crypto",
        # a thing that feels odd, beside an area word
        "my guitar neck feels weird since the humid weekend",
        # tips for something else entirely
        "running a small business, any tips",
        "sitting my driving test, any tips",
        # a mess that is no body's
        "my budget is a mess",
        "my back garden is a mess after the storm",
    ],
)
def test_look_alikes_with_a_complaint_word_stay_declined(brain, message):
    assert brain.reply(message).kind == "fallback"


@pytest.mark.parametrize(
    ("message", "stretch"),
    [
        ("pigeon pose how to", "pigeon_pose"),
        ("figure 4 stretch", "lying_figure_four"),
        ("how do i do the butterfly stretch", "butterfly"),
        ("child's pose", "bottom_to_heels"),
        ("down dog pls", "downward_dog"),
        ("cat cow for my back", "cat_cow"),
        ("thread the needle?", "thread_the_needle"),
        # a message that is only the name, even a one-word or everyday one
        ("pigeon", "pigeon_pose"),
        ("cobra pls", "cobra_pose"),
        ("happy baby?", "happy_baby"),
        ("how do i do happy baby", "happy_baby"),
    ],
)
def test_a_named_stretch_or_pose_leads_to_its_card(brain, message, stretch):
    reply = brain.reply(message)
    assert (reply.kind, reply.stretches) == ("stretch", (stretch,))


@pytest.mark.parametrize(
    "message",
    [
        "a pigeon pooped on my car",
        "the butterfly in my garden is so pretty",
        "why does my dog do downward dog every time he wakes up lol",
        "how do i change my windshield wipers",
        "the pigeon on my balcony",
        "a happy baby sleeps through the night",
        "cobra kai",
    ],
)
def test_names_of_poses_in_other_senses_are_not_poses(brain, message):
    assert brain.reply(message).kind != "stretch"


def test_a_named_stretch_a_condition_rules_out_gets_the_advice(brain):
    pregnant = brain.reply("i'm 20 weeks pregnant")
    reply = brain.reply("how do i do the frog stretch", pregnant.context)
    assert reply.intent == "condition.pregnancy"


def test_conversation_moves_follow_the_stretch(brain):
    stretch = brain.reply("how do i stretch my calves")
    other = brain.reply("now the other leg?", stretch.context)
    assert other.intent == "stretch.wall_calf.other_side" and "other side" in render_text(other)
    easier = brain.reply("too hard, anything easier?", other.context)
    assert easier.intent == "stretch.wall_calf.easier"
    assert brain.kb.stretches["wall_calf"].easier in render_text(easier)
    again = brain.reply("again", easier.context)
    assert again.stretches == ("wall_calf",) and again.kind == "stretch"


def test_a_stretch_without_a_variant_moves_on_and_says_so(brain, kb):
    plain = next(s for s in kb.stretches.values() if not s.harder and s.type == "static")
    context = Context(topic=plain.topics[0], kind="stretch", stretch=plain.id)
    reply = brain.reply("harder", context)
    assert "has no harder version" in render_text(reply) and reply.kind == "stretch"


def test_stretch_after_a_topic_and_a_question_after_thanks(brain):
    why = brain.reply("why are my hamstrings tight")
    assert brain.reply("stretch?", why.context).intent == "hamstrings.stretch"
    thanks = brain.reply("thanks! and how long should i hold it?", why.context)
    assert thanks.intent == "general.how_long"
    assert brain.reply("thank you so much", why.context).intent == "smalltalk.thanks"


def test_a_longer_routine_after_the_short_version(brain):
    short = brain.reply("cooldown routine", Context())
    shorter = brain.reply("shorter", short.context)
    longer = brain.reply("got a longer one?", shorter.context)
    assert len(longer.stretches) > len(shorter.stretches)


def test_did_you_mean_buttons_read_as_english_for_every_area(brain):
    """ "Why are my calves tight?", "Why is my psoas tight?": never "why is my knees"."""
    kb = brain.kb
    assert (kb.spoken_name("calves"), kb.is_plural("calves")) == ("calves", True)
    assert (kb.spoken_name("psoas"), kb.is_plural("psoas")) == ("psoas", False)
    assert kb.spoken_name("it_band") == "IT band"
    for topic in kb.topics:
        name = kb.spoken_name(topic)
        assert "(" not in name and name.strip() == name


def test_a_tip_asked_about_an_area_is_about_it_and_another_stays_on_it(brain):
    from bot.reply import Context

    first = brain.reply("give me a tip about my knees", Context())
    assert first.kind == "tip" and "knees" in _tip(brain, first.context.seen[-1]).topics
    seen = [first.context.seen[-1]]
    context = first.context
    for _ in range(3):
        reply = brain.reply("another one", context)
        tip = _tip(brain, reply.context.seen[-1])
        assert reply.kind == "tip" and "knees" in tip.topics and tip.id not in seen
        seen.append(tip.id)
        context = reply.context
    plain = brain.reply("give me a tip", Context(topic="calves", kind="answer"))
    assert plain.kind == "tip" and plain.context.topic == "calves", "the conversation's area stays"


def _tip(brain, tip_id):
    return next(t for t in brain.kb.tips if t.id == tip_id)


def test_conversation_moves_people_make(brain):
    """Follow-ups read against the conversation: each move as people type it."""
    *_, stretch = converse(
        brain, "why are my shoulders tight", "and my chest?", "how do i stretch my chest"
    )
    assert (stretch.kind, stretch.topic) == ("stretch", "chest"), "asks, so not a bare topic"
    *_, side = converse(brain, "neck stretch please", "how long do i hold it", "other side?")
    assert side.kind == "stretch" and side.intent.endswith(".other_side")
    warm, cool, back = converse(brain, "warm up before a run", "and after?", "what about before?")
    assert (warm.routine, cool.routine, back.routine) == (
        "warmup_running",
        "cooldown_running",
        "warmup_running",
    )
    *_, what = converse(
        brain, "why is my piriformis tight", "how do i stretch it", "wait, which muscle is that"
    )
    assert what.intent == "piriformis.what"
    *_, unsure = converse(brain, "why is my piriformis tight", "what do you recommend")
    assert unsure.intent != "piriformis.what", "no word points back at the area"
    (bye,) = converse(brain, "night!")
    assert bye.intent == "smalltalk.goodbye"


def test_after_a_tip_an_area_asks_for_a_tip_about_it(brain):
    _, wrists, stretch = converse(
        brain, "give me a tip", "one for my wrists?", "how do i stretch my wrists"
    )
    assert (wrists.kind, wrists.topic) == ("tip", "wrists_forearms")
    assert any(
        "wrists_forearms" in t.topics for t in brain.kb.tips if t.id == wrists.context.seen[-1]
    )
    assert (stretch.kind, stretch.topic) == ("stretch", "wrists_forearms"), "a request stays one"


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        # a complaint with "after" in it asks nothing about timing: it tells the cause, and
        # gets the stretch (why it happens one tap away)
        ("groin always tight after 5 a side, hockey season even worse", "adductors.stretch"),
        ("outside of my thigh feels tight as a drum after long runs", "it_band.stretch"),
        # a stretch named only to ask about timing: when to stretch
        ("piriformis tight from running, stretch before or after", "piriformis.when"),
        ("calves are fried after a hike. stretch them today or leave em alone?", "calves.when"),
        # both: the stretch
        ("my calves are tight after running, what stretch should i do", "calves.stretch"),
        # a why, whatever else it asks: why it happens (the stretch one tap away)
        (
            "neck hurts after a long day sitting at the computer. why does this happen and "
            "what can i do",
            "neck.why_tight",
        ),
    ],
)
def test_the_aspect_follows_what_the_message_asks(brain, message, intent):
    assert brain.reply(message).intent == intent


@pytest.mark.parametrize(
    ("message", "routine"),
    [
        ("what should i do before parkrun, i usually just start jogging at the line", "warmup"),
        ("5 min thing to do at my desk between meetings", "desk_break"),
        ("warm up for the lads before saturday match? sunday league", "warmup_soccer"),
        ("anything i can do after my long run sunday?", "cooldown"),
        # a routine asked for by its setting, in the words of a question
        ("whats a good desk routine", "desk_break"),
        # tips asked for around a setting, a look-alike only a runner-up
        ("got any tips for desk workers", "desk_break"),
        ("what routine should i do before golf", "warmup_golf"),
    ],
)
def test_a_routine_asked_for_by_its_activity_or_setting(brain, message, routine):
    reply = brain.reply(message)
    assert reply.kind == "routine" and (reply.routine or "").startswith(routine), reply.intent


@pytest.mark.parametrize(
    ("message", "routine"),
    [
        # an activity with no routine of its own: the general warm-up or cool-down, not
        # the one of an activity the words look like
        ("warm up for hiking", "warmup"),
        ("hiking tomorrow, any warm up", "warmup"),
        ("warm up before kayaking", "warmup"),
        ("stretches after rugby", "cooldown"),
        ("cool down after a hike", "cooldown"),
        ("stretches for skiers", "cooldown"),
        ("stretches for dancers", "cooldown"),
        ("post workout stretches", "cooldown"),
        # a short ask that names the activity with the general routine's own words
        ("warm up for dancers", "warmup"),
        ("warmup before ballet", "warmup"),
        ("cooldown after ballet class", "cooldown"),
        # stretches asked for after an activity with a warm-up only: the general cool-down
        ("what muscles should i stretch after playing football", "cooldown"),
        ("stretches after football", "cooldown"),
        ("stretches before football", "warmup_soccer"),
        # an activity told as just over: its cool-down, the general one when it has none
        ("just finished 60k on the bike, what should I stretch", "cooldown_cycling"),
        ("back from my hike, what should i stretch", "cooldown"),
        # and the ones that have theirs keep them
        ("golf warm up", "warmup_golf"),
        ("stretches for golfers", "cooldown_golf"),
        ("warm up before my swim", "warmup_swimming"),
    ],
)
def test_an_activity_without_a_routine_gets_the_general_one(brain, message, routine):
    assert brain.reply(message).routine == routine


def test_whether_stretching_is_needed_at_all_after_a_story_gets_what_it_does(brain):
    reply = brain.reply(
        "my whole body just feels stiff all the time, I'm 41, desk job, no sport. "
        "Do I really need to stretch or is that a myth?"
    )
    assert reply.intent == "general.benefits"


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        # a yes-or-no question about stretching at one time of day: that time's routine
        ("should i stretch at night", "routine.bedtime"),
        ("is it good to stretch before bed", "routine.bedtime"),
        # ... but whether it helps sleep has an answer of its own
        ("can stretching help me sleep better", "general.sleep"),
        # an answer about one sensation only when it is named
        ("should i stretch when i get cramps at night", "general.cramp"),
        # before exercise is the before-or-after answer
        ("should i stretch before my run", "general.before_after"),
    ],
)
def test_whether_to_stretch_at_a_time_of_day_gets_that_times_routine(brain, message, intent):
    assert brain.reply(message).intent == intent


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("is pnf good for runners", "general.pnf"),
        ("partner stretching, is it safe?", "general.pnf"),
        ("contract relax how to", "general.pnf"),
    ],
)
def test_a_way_of_stretching_named_gets_its_answer(brain, message, intent):
    assert brain.reply(message).intent == intent


@pytest.mark.parametrize(
    ("first", "message", "intent"),
    [
        (None, "what's the best time of day to stretch", "general.time_of_day"),
        (None, "is it better to stretch in the morning or at night", "general.time_of_day"),
        (
            "how often should i stretch",
            "does it matter if its morning or evening",
            "general.time_of_day",
        ),
        # a question about something else that shares its words
        (None, "does stretching at night help morning stiffness", "general.morning_stiffness"),
        (None, "is morning or night better for studying", "fallback"),
    ],
)
def test_which_time_of_day_to_stretch_has_its_answer(brain, first, message, intent):
    context = brain.reply(first).context if first else None
    assert brain.reply(message, context).intent == intent


@pytest.mark.parametrize(
    ("message", "routine"),
    [
        ("just ran my first 10k!!", "cooldown_running"),
        ("finished my first half marathon today", "cooldown_running"),
    ],
)
def test_a_session_told_as_just_over_gets_well_done_and_its_cool_down(brain, message, routine):
    reply = brain.reply(message)
    assert reply.routine == routine
    assert render_text(reply).startswith("Well done!")


def test_a_session_told_as_over_with_a_question_or_no_activity_is_not_a_cool_down(brain):
    assert brain.reply("just did my taxes").kind == "fallback"
    assert brain.reply("just ran my first 10k, why do my knees hurt").kind != "routine"


@pytest.mark.parametrize("message", ["tight", "so stiff", "feeling sore af"])
def test_a_bare_complaint_asks_which_area(brain, message):
    reply = brain.reply(message)
    assert reply.kind == "fallback"
    assert render_text(reply).startswith("Which muscle or area do you mean?")
    assert reply.suggestions


def test_a_bare_complaint_after_a_card_is_about_that_card(brain):
    card = brain.reply("calf stretch")
    assert brain.reply("still tight", card.context).topic == "calves"


def test_a_way_of_stretching_not_named_is_not_its_answer(brain):
    # "should runners stretch?" looks like "is pnf good for runners" but names no method
    assert brain.reply("should runners stretch?").intent not in ("general.pnf", "fallback")


@pytest.mark.parametrize(
    ("message", "routine"),
    [
        # a routine to do every day is a routine, not the daily tips
        ("i want a daily stretch routine for the morning", "morning"),
        ("i want a daily stretch routine", "full_body"),
        # a condition's routine only for a message that names the condition
        ("daily stretch routine", "full_body"),
        ("stretches for mums to be", "pregnancy"),
        ("gentle stretches for my dad, hes in his late 70s", "older_adults"),
    ],
)
def test_a_routine_for_every_day_or_for_a_condition_is_read_from_what_is_named(
    brain, message, routine
):
    assert brain.reply(message).routine == routine


def test_the_daily_tips_asked_for_stay_the_daily_tips(brain):
    assert brain.reply("sign me up for a daily routine reminder").intent == "daily.on"


@pytest.mark.parametrize(
    "message",
    ["bedtime routine for my 6 month old baby", "morning routine for productivity"],
)
def test_routines_of_other_kinds_stay_declined(brain, message):
    assert brain.reply(message).kind == "fallback"


def test_a_reminder_of_something_else_before_its_reason_stays_declined(brain):
    # the ask before its reason counts only about stretching
    assert (
        brain.reply("remind me every day to water the plants so i dont forget").kind == "fallback"
    )


@pytest.mark.parametrize(
    ("message", "answer"),
    [
        ("does stretching prevent injuries or is that a myth", "general.injury_prevention"),
        (
            "remember the bouncy stretches from gym class? is bouncing actually bad",
            "general.bouncing",
        ),
        ("how do i tell good stretch pain from bad pain", "general.pain"),
    ],
)
def test_a_question_about_stretching_in_other_words(brain, message, answer):
    assert brain.reply(message).intent == answer


@pytest.mark.parametrize(
    "message",
    ["my phone wallpaper is stretched how do i fix it", "how long does the oven take to warm up"],
)
def test_stretching_words_of_things_stay_declined(brain, message):
    assert brain.reply(message).kind == "fallback"


@pytest.mark.parametrize(
    ("message", "topic"),
    [
        ("think i slept wrong and woke up with a stiff neck, day 3. will it go away?", "neck"),
        ("spent the weekend spreading mulch, and now my low back is locked up", "lower_back"),
        # "neck" with no owner before it, but a complaint right after it
        ("neck is stiff from looking down at my phone too much", "neck"),
        # a look-alike's pair with a word of time ("tight before") is no other sense
        ("glutes always tight before bed, what do you recommend", "glutes"),
        ("can you suggest 2 or 3 stretches for piriformis after a hike", "piriformis"),
        # (how to stop the cramp itself is the cramp answer: test_a_cramp_named_with_its_area...)
        ("hamstring cramped during swimming, any stretch for it?", "hamstrings"),
        ("quads burning the day after a hike, tips?", "quadriceps"),
        # a thing elsewhere in the story is context, not the area's other sense, once the
        # area is the writer's own
        ("my forearms are sore from guitar practice", "wrists_forearms"),
        # ... also when "my" is inside the area's name
        ("the backs of my thighs feel like guitar strings", "hamstrings"),
        ("my neck is stiff all the time, even putting my shoes on is a struggle", "neck"),
        # everyday complaint words
        ("front of my shins burn when i walk fast", "shins"),
        ("running way more lately and my calves are screaming at me", "calves"),
        ("tech neck is real", "neck"),
        ("my lower back is always the worst part", "lower_back"),
        # a general answer about a kind of complaint gives way to the area named with it
        ("heel pain first thing in the morning, plantar fasciitis i think", "feet_ankles"),
        ("ankles stiff in the mornings", "feet_ankles"),
        ("quads r fried", "quadriceps"),
        ("calves cooked after leg day lol", "calves"),
        ("side of my ribs feels tight when i reach up", "side_body"),
        ("calves feel like rocks after my 12 hr shift", "calves"),
    ],
)
def test_complaints_that_a_look_alike_also_words_are_ours(brain, message, topic):
    reply = brain.reply(message)
    assert reply.kind in ("answer", "stretch") and reply.topic == topic, reply.intent


@pytest.mark.parametrize(
    ("first", "then", "intent"),
    [
        ("why are my glutes tight", "show me one", "glutes.stretch"),
        ("what is the it band", "ok so what should i do for it", "it_band.stretch"),
        ("why do my hip flexors get tight", "what do i do about it", "hip_flexors.stretch"),
        ("why is my upper back so tight", "how do i get rid of it", "upper_back.stretch"),
        ("why do my hip flexors get tight", "wait, which muscle is that?", "hip_flexors.what"),
        # "again" in a question what the muscle is, or when, is no repeat
        ("piriformis stretch", "wait what is that muscle again", "piriformis.what"),
        ("glute stretch", "whats the best time to stretch them", "glutes.when"),
        ("piriformis stretch", "what was that stretch again", "piriformis.stretch"),
    ],
)
def test_asking_for_something_to_do_after_an_area_gets_its_stretch(brain, first, then, intent):
    assert converse(brain, first, then)[-1].intent == intent


@pytest.mark.parametrize(
    ("first", "then", "intent"),
    [
        ("how do i stretch my knees", "why does that happen", "knees.why_tight"),
        # how often, asked of the area: its when answer, which says how often and when
        ("wrist stretch for typing", "how many times a day at work", "wrists_forearms.when"),
        ("why are my glutes tight", "how often should i do it", "glutes.when"),
        ("hip flexor stretch", "how many times a week should i do that", "hip_flexors.when"),
        # ... not of stretching as a whole, and not again under the area's when answer
        ("calf stretch", "how often should i stretch", "general.how_often"),
        ("neck stretch", "how often do people usually stretch", "general.how_often"),
        ("when should i stretch my calves", "how often", "general.how_often"),
        ("why are my glutes tight", "whats a good stretch", "glutes.stretch"),
        ("why are my glutes tight", "stretch then", "glutes.stretch"),
        ("why are my glutes tight", "stretch am or pm?", "glutes.when"),
    ],
)
def test_a_short_question_after_an_area_is_about_that_area(brain, first, then, intent):
    assert converse(brain, first, then)[-1].intent == intent


@pytest.mark.parametrize(
    ("message", "topic"),
    [
        ("glutes tight after squats", "glutes"),
        ("my sides feel tight after golf", "side_body"),
        ("forearms pumped after climbing", "wrists_forearms"),
    ],
)
def test_an_area_complaint_after_an_activity_is_about_the_area(brain, message, topic):
    reply = brain.reply(message)
    assert reply.kind in ("answer", "stretch") and reply.topic == topic, reply.intent


def test_asking_for_a_routine_after_an_activity_still_gets_the_routine(brain):
    reply = brain.reply("glutes tight after squats, any routine?")
    assert reply.kind == "routine", reply.intent


@pytest.mark.parametrize(
    "then",
    [
        "no doorway at my gym, another option?",
        "that one hurts my knees, different one?",
        "another one? that one bugs my shoulder",
    ],
)
def test_asking_for_a_different_stretch_gives_another_for_the_same_area(brain, then):
    first, reply = converse(brain, "stretch for my chest", then)
    assert reply.kind == "stretch" and reply.topic == "chest", reply.intent
    assert reply.stretches != first.stretches


@pytest.mark.parametrize(
    ("then", "topic"),
    [
        ("quads are screaming, one more for them", "quadriceps"),
        ("my hamstrings need extra, one more just for them", "hamstrings"),
        ("another one i can do without anyone noticing lol", "chest"),
    ],
)
def test_one_more_for_an_area_after_a_stretch_is_a_stretch_for_it(brain, then, topic):
    *_, reply = converse(brain, "stretch for my chest", then)
    assert reply.kind == "stretch" and reply.topic == topic, reply.intent


def test_what_about_my_area_with_a_filler_word_is_the_area(brain):
    *_, reply = converse(brain, "why are my calves tight", "what about my wrists specifically")
    assert reply.topic == "wrists_forearms" and reply.kind in ("answer", "stretch")


@pytest.mark.parametrize(
    ("message", "key"),
    [("gn", "goodbye"), ("ok fair, thanks anyway", "thanks"), ("thanks thats perfect", "thanks")],
)
def test_short_goodbyes_and_thanks(brain, message, key):
    assert brain.reply(message).intent == f"smalltalk.{key}"


def test_a_longer_version_of_a_routine_may_say_what_it_is_for(brain):
    first, reply = converse(
        brain, "morning stretch routine pls", "can i get a longer version for the weekend"
    )
    assert reply.kind == "routine" and reply.routine == first.routine
    assert len(reply.stretches) > len(first.stretches)


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("what does glute med actually do", "glutes.what"),
        ("what are the 4 quad muscles called", "quadriceps.what"),
    ],
)
def test_an_unsure_area_question_its_own_words_ask_is_answered(brain, message, intent):
    assert brain.reply(message).intent == intent


@pytest.mark.parametrize(
    "message", ["whats the arm of a record player called", "what is a quad core processor"]
)
def test_what_is_questions_about_look_alike_names_stay_declined(brain, message):
    assert brain.reply(message).kind == "fallback"


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("dad of 2, is it too late to get flexible or am i wasting my time", "general.too_old"),
        ("can a 40 year old learn the splits", "general.splits"),
        ("should stretching feel good or uncomfortable, where is the line", "general.pain"),
        # a question in a clause after a story, or with no question word at the start
        ("mum of 2, no time. is it too late for me to get flexible", "general.too_old"),
        ("how many weeks until im bendier", "general.flexibility_timeline"),
        ("an app promises the splits in 30 days, realistic or nah", "general.splits"),
        ("is touching your toes in a month possible", "general.touch_toes"),
    ],
)
def test_a_general_question_is_read_from_its_subject(brain, message, intent):
    assert brain.reply(message).intent == intent


def test_what_about_before_a_run_after_a_routine_is_the_run_warm_up(brain):
    *_, reply = converse(
        brain, "feeling stiff all over, quick morning routine?", "what about before a run instead"
    )
    assert reply.kind == "routine" and (reply.routine or "").startswith("warmup_running")


def test_and_the_cool_down_after_a_warm_up_is_its_cooldown(brain):
    *_, reply = converse(brain, "golf warm up please", "and the cool down")
    assert reply.routine == "cooldown_golf", reply.intent


def test_a_bare_area_asked_what_is_what_it_is(brain):
    assert brain.reply("what r the neck muscles called").intent == "neck.what"


def test_an_unrelated_question_is_read_without_the_area_before(brain):
    *_, reply = converse(
        brain, "why is my jaw tight", "unrelated but is it ok to stretch every day"
    )
    assert reply.intent == "general.every_day"


def test_a_longer_why_question_pointing_at_the_area_before(brain):
    *_, reply = converse(
        brain, "what is the piriformis", "why does mine get tight, i drive all day"
    )
    assert reply.intent == "piriformis.why_tight"


def test_not_having_the_prop_asks_for_another_stretch(brain):
    first, reply = converse(brain, "stretch for my chest", "i dont have a doorway at the gym")
    assert reply.kind == "stretch" and reply.topic == "chest"
    assert reply.stretches != first.stretches


def test_one_more_after_turning_daily_tips_on_is_a_tip(brain):
    *_, reply = converse(brain, "daily tip?", "one more")
    assert reply.kind == "tip"


def test_putting_it_all_together_at_the_desk_is_the_desk_break_not_a_seated_stretch(brain):
    *_, reply = converse(
        brain,
        "neck stretch",
        "and my chest?",
        "can you put that all together into one break I can do at my desk",
    )
    assert reply.intent == "routine.desk_break"
    *_, alone = converse(brain, "chest stretch", "can i do this at my desk")
    assert alone.kind == "stretch" and alone.topic == "chest"


def test_how_long_before_bed_is_no_question_how_long_until_flexible(brain):
    *_, reply = converse(brain, "hamstring stretch", "how long before bed should i do it")
    assert reply.intent != "general.flexibility_timeline"


def test_a_lunch_break_at_work_gets_a_stretch_off_the_floor(brain):
    reply = brain.reply(
        "i work in a warehouse lifting boxes all day and by thursday my lower back is wrecked, "
        "what can i do on my lunch break"
    )
    assert reply.kind == "stretch" and reply.topic == "lower_back"
    shown = brain.kb.stretches[reply.stretches[0]]
    assert LIMIT_TAGS["no_floor"].isdisjoint(shown.caution_tags)


def test_stretches_at_work_after_a_stretch_keep_off_the_floor_after(brain):
    replies = converse(
        brain, "lower back stretch", "can i do any of these between customers", "another one"
    )
    for reply in replies[1:]:
        assert reply.kind == "stretch" and "no_floor" in reply.context.limits
        for sid in reply.stretches:
            assert LIMIT_TAGS["no_floor"].isdisjoint(brain.kb.stretches[sid].caution_tags)


def test_stretches_at_work_or_on_a_chair_after_an_answer_keep_to_it(brain):
    one = converse(brain, "why is my lower back tight", "can i do any of these at work")[1]
    two = converse(
        brain,
        "my lower back and calves are killing me by 5pm",
        "can i do any of these between clients",
    )[1]
    chair = converse(
        brain,
        "sitting on the floor playing lego with my kids and my hips are so stiff",
        "ugh getting down on the floor is half the problem. anything i can do on a chair",
    )[1]
    for reply, limit in ((one, "no_floor"), (two, "no_floor"), (chair, "chair")):
        assert reply.stretches
        for sid in reply.stretches:
            assert LIMIT_TAGS[limit].isdisjoint(brain.kb.stretches[sid].caution_tags)
        assert limit in reply.context.limits


def test_a_version_done_lying_down_is_asked_as_in_bed_is(brain):
    first, same = converse(brain, "hamstring stretch", "can i do it lying down?")
    assert same.stretches == first.stretches
    assert same.blocks[0].text == "Yes: this one is already done lying down."
    _first, none = converse(brain, "calf stretch", "is there one i can do lying down")
    assert none.kind == "stretch" and "none for this area" in none.blocks[0].text
    _routine, some = converse(brain, "bedtime routine", "can i do these lying down")
    assert some.kind == "routine"
    assert some.blocks[0].text.startswith("Of these, the ones done lying down are:")


def test_a_pillow_or_a_belt_asked_about_is_what_the_stretch_needs(brain):
    _card, pillow = converse(brain, "neck stretch", "should i use a pillow")
    assert pillow.kind == "stretch"
    assert pillow.blocks[0].text.startswith("No mat needed")
    _card, belt = converse(brain, "hamstring stretch", "can i use a belt")
    assert "The steps also use: towel, strap." in belt.blocks[0].text


def test_when_to_do_a_routine_says_its_timing_and_offers_it(brain):
    routine = brain.reply("warm up for football")
    reply = brain.reply("when should i do it", routine.context)
    text = " ".join(b.text for b in reply.blocks)
    assert brain.kb.routines["warmup_soccer"].when.split(".")[0] in text
    assert {a.label for a in reply.actions} == {"Start guided ▶", "Show the routine"}
    kept = reply.context
    assert (kept.kind, kept.routine, kept.plan) == (
        "routine",
        "warmup_soccer",
        routine.context.plan,
    )


def test_a_knee_that_hurts_in_a_kneeling_stretch_gets_one_without_kneeling(brain):
    card = brain.reply("low lunge")
    reply = brain.reply("my back knee hurts", card.context)
    assert reply.stretches and "kneeling" not in brain.kb.stretches[reply.stretches[0]].caution_tags
    assert "no_kneeling" in reply.context.limits
    assert "never pain" in reply.blocks[0].text


@pytest.mark.parametrize(
    ("card", "said"),
    [
        ("my hamstrings are tight", "i tried that one already, didnt do much"),
        ("calf stretch", "already do that one"),
        ("hamstring stretch", "didnt do much"),
    ],
)
def test_a_stretch_tried_already_gets_another_for_the_area(brain, card, said):
    first, reply = converse(brain, card, said)
    assert reply.kind == "stretch" and reply.topic == first.topic
    assert reply.stretches != first.stretches


@pytest.mark.parametrize(
    ("first", "said"),
    [
        ("calf stretch", "huh"),
        ("calf stretch", "i dont understand"),
        ("calf stretch", "??"),
        ("why is my psoas tight", "i dont get it"),
        ("desk break", "what??"),
    ],
)
def test_a_reply_not_followed_is_given_again_with_how_to_go_on(brain, first, said):
    before, again = converse(brain, first, said)
    assert (again.kind, again.intent) == (before.kind, before.intent)
    assert again.blocks[0].text.startswith("Here it is again")


@pytest.mark.parametrize("said", ["huh", "what do you mean"])
def test_confusion_with_nothing_said_before_is_no_repeat(brain, said):
    assert brain.reply(said).kind == "fallback"


def test_a_comma_list_over_several_lines_reads_each_term_whole():
    assert lexicon.comma_terms("i will\n    try it, go on") == {"i will try it", "go on"}


@pytest.mark.parametrize(
    ("first", "said", "area"),
    [
        ("neck stretch", "any tips for that", "neck"),
        ("neck stretch", "tips?", "neck"),
        ("why is my neck stiff", "any tips", "neck"),
        ("my hamstrings are so tight", "any tips?", "hamstrings"),
    ],
)
def test_a_bare_ask_for_tips_after_an_area_gets_one_of_its_tips(brain, first, said, area):
    reply = converse(brain, first, said)[-1]
    shown = next(t for t in brain.kb.tips if " ".join(t.text.split()) in render_text(reply))
    assert reply.kind == "tip" and area in shown.topics


@pytest.mark.parametrize(
    ("message", "told"),
    [
        ("any tips for runners", "run"),
        ("any tips for climbing", "climb"),
        ("tips for runners?", "run"),
    ],
)
def test_a_tip_asked_for_an_activity_tells_of_it(brain, message, told):
    reply = brain.reply(message)
    assert reply.kind == "tip"
    assert told in render_text(reply).lower()


def test_an_area_stretch_keeps_to_a_limit_the_message_names(brain):
    reply = brain.reply("my lower back is wrecked. anything i can do without lying on the floor")
    assert reply.kind == "stretch" and reply.topic == "lower_back"
    assert "no_floor" in reply.context.limits


def test_a_look_alike_pair_in_the_story_leaves_an_area_complained_of(brain):
    reply = brain.reply(
        "night shifts on a busy ward and the bottom of my back is wrecked by 4am. "
        "anything i can do on my break?"
    )
    assert reply.topic == "lower_back"
    # an area it complains of, not the pole
    pole = brain.reply("pole dance class left my shoulders and forearms sore")
    assert pole.topic in ("shoulders", "wrists_forearms")


@pytest.mark.parametrize("skip", ["skip that one", "skip it then, whats next"])
def test_a_stretch_skipped_gives_another_for_the_area(brain, skip):
    first, other = converse(brain, "hamstring stretch", skip)
    assert other.kind == "stretch" and other.topic == "hamstrings"
    assert other.stretches != first.stretches


@pytest.mark.parametrize(
    "message",
    [
        # a story that ends on an activity asks for nothing; a gentle stretch is no older
        # adults' routine
        "had pneumonia in january, fully over it, getting back to hiking and stretching",
        "hungover and stiff, need a gentle stretch",
    ],
)
def test_a_routine_asked_at_one_end_needs_a_plain_ask(brain, message):
    reply = brain.reply(message)
    assert not (reply.intent or "").startswith(
        ("routine.older", "routine.bedtime", "routine.cool")
    ), reply.intent


@pytest.mark.parametrize(
    ("first", "asked"),
    [
        ("should i stretch before running", "source?"),
        ("why are my hamstrings tight", "says who"),
        ("desk stretches", "where did you get that from"),
        ("calf stretch", "any evidence for that"),
    ],
)
def test_a_reply_names_its_sources_when_asked(brain, first, asked):
    shown = brain.reply(first)
    reply = brain.reply(asked, shown.context)
    text = render_text(reply)
    assert "Sources:" in text
    assert reply.kind == shown.kind  # the same answer, stretch or routine, with its sources


def test_a_question_of_its_own_about_research_is_answered_not_sourced(brain):
    context = brain.reply("should i stretch before running").context
    reply = brain.reply("is there any research on static stretching", context)
    assert reply.intent == "general.static_vs_dynamic"


@pytest.mark.parametrize(
    ("text", "routine", "minutes"),
    [
        ("morning routine 10 mins max before the school run", "morning", 10),
        ("bedtime stretches 5 mins then its lights out", "bedtime", 5),
        ("morning routine before the school run", "morning", "standard"),
        ("quick desk stretches before my 2pm meeting", "desk_break", "standard"),
    ],
)
def test_a_routine_named_at_the_head_of_a_story_is_given(brain, text, routine, minutes):
    reply = brain.reply(text)
    assert reply.intent == f"routine.{routine}"
    assert reply.context.plan is not None
    assert reply.context.plan.length == minutes


def test_the_school_run_is_no_run(brain):
    reply = brain.reply("stretches for the school run")
    assert "running" not in (reply.intent or "")


@pytest.mark.parametrize(
    ("routine", "message", "left_out"),
    [
        (
            "warm up before a run",
            "skip the leg swings they make me feel like a flamingo",
            "leg_swings",
        ),
        ("morning routine", "can you drop the cat cow", "cat_cow"),
    ],
)
def test_a_step_asked_to_be_left_out_stays_out(brain, routine, message, left_out):
    shown = brain.reply(routine)
    assert left_out in shown.stretches
    reply = brain.reply(message, shown.context)
    assert reply.kind == "routine" and reply.intent == shown.intent
    assert left_out not in reply.stretches
    assert reply.context.skipped == (left_out,)
    assert "without the" in render_text(reply)
    # later routines and other lengths leave it out too
    for later in ("longer", "full body routine"):
        assert left_out not in brain.reply(later, reply.context).stretches


def test_a_step_left_out_by_its_place(brain):
    shown = brain.reply("morning routine")
    second = shown.stretches[1]
    reply = brain.reply("skip the second one", shown.context)
    assert second not in reply.stretches and reply.context.skipped == (second,)


def test_a_step_left_out_can_be_put_back(brain):
    shown = brain.reply("warm up before a run")
    skipped = brain.reply("skip the leg swings", shown.context)
    reply = brain.reply("actually put the leg swings back", skipped.context)
    assert "leg_swings" in reply.stretches and reply.context.skipped == ()


@pytest.mark.parametrize(
    ("message", "limit"),
    [
        ("no standing ones", "chair"),
        ("nothing standing please", "chair"),
        ("standing ones", "standing"),
    ],
)
def test_a_posture_denied_asks_for_the_other(brain, message, limit):
    shown = brain.reply("desk break routine")
    assert brain.reply(message, shown.context).context.limits == frozenset({limit})


def test_a_step_named_after_no_is_left_out(brain):
    shown = brain.reply("warm up before a run")
    reply = brain.reply("no high knees please", shown.context)
    assert "high_knees" not in reply.stretches and reply.context.skipped == ("high_knees",)


def test_not_every_step_is_needed(brain):
    shown = brain.reply("bedtime routine")
    reply = brain.reply("do i have to do all of them", shown.context)
    assert reply.kind == "routine" and reply.context.plan.length == "short"
    assert "No need to do them all" in render_text(reply)


@pytest.mark.parametrize(
    ("card", "ask", "prop"),
    [
        ("chest stretch", "can i do it in a doorway at work", "doorway"),
        ("calf stretch", "can i do this against the wall at work", "wall"),
    ],
)
def test_a_stretch_asked_of_at_work_with_the_thing_it_uses_is_the_same_card(brain, card, ask, prop):
    shown = brain.reply(card)
    reply = brain.reply(ask, shown.context)
    assert reply.stretches == shown.stretches
    assert prop in render_text(reply).split("\n")[0]
    assert "chair" not in reply.context.limits


def test_the_stretch_a_general_answer_names_is_the_one_shown(brain, kb):
    answer = brain.reply("does stretching help with period pain")
    shown = brain.reply("show me one then", answer.context)
    assert shown.kind == "stretch"
    name = kb.stretches[shown.stretches[0]].name.lower()
    assert name in kb.answers[("general", "period_pain")].text.lower()


def test_a_replaced_step_is_told_once(brain):
    # "In place of Half-kneeling hip flexor stretch: ..." under "Changed for you", not also
    # under "Left out for you"
    shown = brain.reply("give me a cooldown after running")
    text = render_text(brain.reply("my knees hate kneeling, can we skip those", shown.context))
    assert "In place of Half-kneeling hip flexor stretch" in text
    assert text.count("Half-kneeling hip flexor stretch") == 1


def test_a_limit_is_no_step_left_out(brain):
    shown = brain.reply("morning routine")
    reply = brain.reply("without kneeling", shown.context)
    assert reply.context.skipped == ()


@pytest.mark.parametrize(
    ("message", "other"),
    [
        ("how long should i hold a stretch and how often should i stretch", "general.how_often"),
        ("why are my hamstrings tight and how do i stretch them", "hamstrings.why_tight"),
        ("why is my neck stiff and what is a good morning routine", "neck.why_tight"),
    ],
)
def test_the_other_of_two_questions_is_one_tap_away(brain, message, other):
    reply = brain.reply(message)
    assert reply.intent != other
    assert reply.actions[0].intent == other
    assert "You asked two things" in render_text(reply)
    assert brain.resolve(other, reply.context).intent == other


def test_one_question_gets_no_second_button(brain):
    reply = brain.reply("how long should i hold a stretch")
    assert "You asked two things" not in render_text(reply)


def test_a_stretch_done_lying_down_can_be_done_in_bed(brain):
    first, reply = converse(brain, "hamstring stretch", "is it ok to do this in bed")
    assert reply.stretches == first.stretches
    assert reply.blocks[0].text.startswith("Yes: this one is done lying down")


def test_a_standing_stretch_in_bed_gives_one_done_lying_down_or_says_there_is_none(brain):
    kb = brain.kb
    for topic in ("hip_flexors", "calves"):
        first = brain.reply(f"{topic.replace('_', ' ')} stretch")
        shown = kb.stretches[first.stretches[0]]
        assert not {"lying_on_back", "lying_on_front"} & set(shown.caution_tags)
        reply = brain.reply("can i do it in bed?", first.context)
        assert reply.kind == "stretch"
        lying = [
            s
            for s in kb.stretches_for(topic)
            if {"lying_on_back", "lying_on_front"} & set(s.caution_tags)
        ]
        if lying:
            assert reply.stretches == (lying[0].id,)
            assert "isn't done lying down" in reply.blocks[0].text
        else:
            assert reply.stretches == first.stretches
            assert "I have none for this area" in reply.blocks[0].text


def test_a_routine_in_bed_names_its_stretches_done_lying_down(brain):
    *_, reply = converse(
        brain, "got a routine for mornings", "can I do it in bed? im not a morning person"
    )
    assert reply.intent == "routine.morning"
    lead = reply.blocks[0].text
    assert lead.startswith("You can do the ones done lying down in bed")
    for step in brain.kb.routines["morning"].steps:
        stretch = brain.kb.stretches[step.stretch]
        lying = {"lying_on_back", "lying_on_front"} & set(stretch.caution_tags)
        assert (stretch.name in lead) == bool(lying)


@pytest.mark.parametrize("night", ["night!", "Night", "gnight"])
def test_good_night_after_the_daily_tips_is_a_goodbye_without_offering_them(brain, night):
    *_, reply = converse(brain, "can u send me one every day", night)
    assert reply.intent == "smalltalk.goodbye"
    assert "daily" not in reply.blocks[0].text.lower()


@pytest.mark.parametrize("when", ["at night", "night time please", "evenings please"])
def test_a_time_of_day_after_the_daily_tips_is_how_to_pick_it(brain, when):
    *_, reply = converse(brain, "can u send me one every day", when)
    assert reply.intent == "daily.on"


def test_a_bare_area_after_a_routine_gets_its_stretch(brain):
    *_, reply = converse(brain, "can you give me a cooldown after my run", "and my calves?")
    assert reply.intent == "calves.stretch"


@pytest.mark.parametrize(
    ("text", "routine"),
    [
        ("pregnant, safe stretches?", "pregnancy"),
        ("22 weeks pregnant what stretches can i do", "pregnancy"),
        ("stretches for my 80 yr old mum", "older_adults"),
        ("im 70, any stretches safe for me", "older_adults"),
        # a game's end asked for: its own routine, still with the condition's note
        ("my dad is 79, things he can do at home?", "older_adults"),
        ("im 70, what should i do before golf", "warmup_golf"),
        ("im 68 and just finished a run, what stretches", "cooldown_running"),
        ("im 30 weeks pregnant, what stretches after my swim", "cooldown_swimming"),
    ],
)
def test_stretches_asked_for_a_condition_with_a_routine_get_that_routine(brain, text, routine):
    reply = brain.reply(text)
    assert (reply.kind, reply.routine) == ("routine", routine)
    assert reply.conditions  # with the condition's note


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # a stretch asked for "that", the area told before it: the area's, with the note
        (
            "8 months pregnant and getting calf cramps at night, any stretch for that",
            "calves.stretch",
        ),
        ("71 with arthritis in both knees, what stretches wont make them worse", "knees.stretch"),
    ],
)
def test_a_stretch_asked_for_an_area_told_with_a_condition_is_the_areas(brain, text, intent):
    reply = brain.reply(text)
    assert reply.intent == intent
    assert reply.conditions  # with the condition's note


@pytest.mark.parametrize(
    "text",
    [
        "can i stretch when pregnant",  # asks whether: the advice
        "is stretching safe in pregnancy",
        "best stretch marks cream after pregnancy",  # another sense of "stretch"
    ],
)
def test_asking_whether_or_about_stretch_marks_gets_no_condition_routine(brain, text):
    assert brain.reply(text).kind != "routine"


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        (
            "nurse doing 12 hour shifts, my calves feel tight. what should i stretch when i get home",
            "calves",
        ),
        ("got shin splints after mile 5. what should i stretch", "shins"),
    ],
)
def test_what_should_i_stretch_asks_for_a_stretch_not_when(brain, text, topic):
    reply = brain.reply(text)
    assert (reply.kind, reply.topic) == ("stretch", topic)
    assert brain.reply("should i stretch my calves before running").intent == "calves.when"


@pytest.mark.parametrize(
    ("text", "routine"),
    [
        (
            "tennis twice a week and the forearm on my racquet side gets tight, warm up ideas?",
            "warmup_tennis",
        ),
        ("golf warm up for a stiff back", "warmup_golf"),
        ("my calves get tight when i run, any warm up for running", "warmup_running"),
    ],
)
def test_a_warm_up_asked_for_an_activity_wins_over_the_area_named(brain, text, routine):
    reply = brain.reply(text)
    assert (reply.kind, reply.routine) == ("routine", routine)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # warming up is what they do, not what they ask for
        (
            "i play 5 a side and my groin always feels tight even though i warm up properly",
            "adductors",
        ),
        # football has no cooldown: the area's answer
        ("hamstrings tight after football, cool down ideas", "hamstrings"),
    ],
)
def test_a_warm_up_in_the_story_or_missing_leaves_the_area(brain, text, topic):
    assert brain.reply(text).topic == topic


def test_after_daily_tips_one_now_gets_a_tip_and_stop_turns_them_off(brain):
    on = brain.reply("daily tips please")
    assert on.intent == "daily.on"
    assert brain.reply("can i get one now", on.context).kind == "tip"
    # one now, asked at length
    assert brain.reply("can i have today's one now instead of waiting", on.context).kind == "tip"
    assert brain.reply("stop", on.context).intent == "daily.off"
    assert brain.reply("actually cancel them pls", on.context).intent == "daily.off"


@pytest.mark.parametrize(("text", "kind"), [("stop", "fallback"), ("start", "fallback")])
def test_one_everyday_word_gets_no_general_answer(brain, text, kind):
    assert brain.reply(text).kind == kind


@pytest.mark.parametrize(
    ("text", "intent"), [("doms", "general.soreness"), ("bouncing", "general.bouncing")]
)
def test_one_word_that_names_a_subject_still_gets_its_answer(brain, text, intent):
    assert brain.reply(text).intent == intent


def test_a_reason_may_come_with_an_ask_for_an_easier_stretch(brain):
    card = brain.reply("how do i stretch my hamstrings")
    reply = brain.reply("thats too hard, i cant get anywhere near, easier one?", card.context)
    assert reply.kind == "stretch" and reply.intent.endswith(".easier")


@pytest.mark.parametrize("text", ["thanks ur a star", "cheers that helped loads"])
def test_a_thank_you_with_nothing_else_asked_is_thanks(brain, text):
    assert brain.reply(text).intent == "smalltalk.thanks"
    assert brain.reply("thanks, whats the capital of peru").kind == "fallback"


def test_a_routine_the_message_names_by_its_setting_may_be_a_runner_up(brain):
    reply = brain.reply("ok give me something for my desk, ive been sat 6 hours")
    assert (reply.kind, reply.routine) == ("routine", "desk_break")


def test_a_longer_warm_up_asked_with_a_reason(brain):
    warm = brain.reply("warm up before a run")
    longer = brain.reply("can you make it a bit longer, im doing a 10k race", warm.context)
    assert (longer.kind, longer.routine) == ("routine", "warmup_running")
    after = brain.reply("and for after?", longer.context)
    assert after.routine == "cooldown_running"


@pytest.mark.parametrize(
    ("text", "routine"),
    [
        (
            "stiff back and tight shoulders wreck my golf, im 58, routine before a round",
            "warmup_golf",
        ),
        (
            "stiff neck and achy back from hunching at my desk all day, give me a quick routine",
            "desk_break",
        ),
        ("can you give me a pregnancy stretch routine for hip and back ache", "pregnancy"),
    ],
)
def test_a_routine_asked_for_by_that_word_wins_over_the_areas_named(brain, text, routine):
    reply = brain.reply(text)
    assert (reply.kind, reply.routine) == ("routine", routine)


def test_a_subject_asked_about_around_an_activity_is_the_subject(brain):
    # the intent layer is sure of the running warm-up here; the question is about the subject
    reply = brain.reply(
        "been running since 2001 and now everyone says static stretching before a run is bad "
        "and do dynamic?? which is it"
    )
    assert reply.intent == "general.static_vs_dynamic"


def test_a_stretch_name_does_not_run_across_punctuation(brain):
    reply = brain.reply("groin feels tight after 5 a side, stretch for inner thigh?")
    assert (reply.kind, reply.topic) == ("stretch", "adductors")
    assert brain.reply("side stretch please").intent == "stretch.standing_side_reach"


def test_a_short_question_with_one_everyday_word_is_still_a_question(brain):
    first = brain.reply("how often should i stretch")
    assert brain.reply("is every day ok", first.context).intent == "general.every_day"


@pytest.mark.parametrize(
    ("turns", "intent"),
    [
        (
            [
                "how do i do pigeon pose for my glutes",
                "my knee hurts in it, is there an easier one",
            ],
            "stretch.pigeon_pose.easier",
        ),
        (["stretch for my neck", "easier one, my neck is quite sensitive"], ".easier"),
        (
            [
                "how do i stretch my hip flexors",
                "why do they even get tight",
                "harder version please",
            ],
            ".harder",
        ),
    ],
)
def test_an_area_named_as_the_reason_keeps_the_variant(brain, turns, intent):
    context = None
    for text in turns:
        reply = brain.reply(text, context) if context else brain.reply(text)
        context = reply.context
    assert reply.kind == "stretch" and reply.intent.endswith(intent)


@pytest.mark.parametrize(
    ("first", "routine"),
    [("can i learn the splits at 35", "splits"), ("can i ever touch my toes", "toe_touch")],
)
def test_the_routine_after_a_general_answer_is_the_one_for_its_subject(brain, first, routine):
    answer = brain.reply(first)
    reply = brain.reply("go on then give me the routine", answer.context)
    assert (reply.kind, reply.routine) == ("routine", routine)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("the rowing machine absolutely slaughtered my forearms", "wrists_forearms"),
        ("back a bit sore after sleeping on my mates sofa", "lower_back"),
        ("gamer here, 10 hours a day, my neck is a mess", "neck"),
        ("my lower back hates me after a day of gardening", "lower_back"),
        ("kneeling to play with the kids and my knees hate it", "knees"),
    ],
)
def test_everyday_complaints_about_an_area(brain, text, topic):
    reply = brain.reply(text)
    assert reply.kind in ("answer", "stretch") and reply.topic == topic


def test_doms_named_in_a_story_gets_the_soreness_answer(brain):
    reply = brain.reply("first legs day back at the gym, the DOMS is already kicking in, what now")
    assert reply.intent == "general.soreness"


@pytest.mark.parametrize("text", ["glute routine", "a routine for my glutes"])
def test_a_routine_for_one_area_is_built_for_it(brain, text):
    reply = brain.reply(text)
    assert (reply.kind, reply.topic) == ("routine", "glutes")


def test_make_that_a_routine_builds_one_for_the_area_before(brain):
    card = brain.reply("glute stretch for after leg day")
    reply = brain.reply("can you make that a routine", card.context)
    assert (reply.kind, reply.topic) == ("routine", "glutes")
    assert brain.reply("bedtime routine for tight hips").routine == "bedtime"


@pytest.mark.parametrize(
    ("first", "then", "topic"),
    [
        ("wrists hurt from typing all day", "now the other hand", "wrists_forearms"),
        ("pecs tight from hunching at my desk", "other side", "chest"),
    ],
)
def test_the_other_side_after_an_answer_is_its_first_stretch(brain, first, then, topic):
    answer = brain.reply(first)
    reply = brain.reply(then, answer.context)
    assert (reply.kind, reply.topic) == ("stretch", topic) and reply.intent.endswith("other_side")


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("inner thighs sore after my first horse riding lesson", "adductors"),
        ("back muscles either side of my spine are sore after deadlifts yesterday", "lower_back"),
        ("bro my traps are dead from shrugs", "neck"),
    ],
)
def test_complaints_with_a_thing_far_off_or_a_longer_name(brain, text, topic):
    reply = brain.reply(text)
    assert reply.kind in ("answer", "stretch") and reply.topic == topic


def test_a_name_is_not_found_past_the_end_of_the_message(brain):
    analysis = brain.matcher.analyse("my tortilla dough is tight and keeps shrinking back")
    assert all(end <= len(analysis.corrected) for _s, end, _t in analysis.spans)
    assert brain.reply("my tortilla dough is tight and keeps shrinking back").kind == "fallback"


def test_a_size_or_posture_asked_after_a_condition_builds_on_its_routine(brain):
    first = brain.reply("I'm 72 and terribly stiff in the mornings")
    reply = brain.reply("something I can do sitting in a chair", first.context)
    assert (reply.kind, reply.routine) == ("routine", "older_adults")


def test_a_thing_that_is_tight_itself_is_not_the_writers_area(brain):
    assert (
        brain.reply("my shirt is tight around the shoulders, should i size up").kind == "fallback"
    )


def test_a_thing_in_another_sentence_does_not_decline_the_area(brain):
    reply = brain.reply("sorry cat on keyboard. hamstring stretch?")
    assert (reply.kind, reply.topic) == ("stretch", "hamstrings")


@pytest.mark.parametrize(
    ("turns", "kind", "topic"),
    [
        (["it band stretch", "ok so what should i do for it"], "stretch", "it_band"),
        (
            ["how do i stretch my jaw", "ok my jaw is tight from clenching, anything for that"],
            "stretch",
            "jaw",
        ),
    ],
)
def test_asking_for_something_to_do_after_a_complaint_gets_a_stretch(brain, turns, kind, topic):
    context = None
    for text in turns:
        reply = brain.reply(text, context) if context else brain.reply(text)
        context = reply.context
    assert (reply.kind, reply.topic) == (kind, topic)


def test_a_thank_you_at_the_end_of_a_message_that_asks_nothing_is_thanks(brain):
    flagged = brain.reply("my neck hurts and i have pins and needles down my arm")
    assert (
        brain.reply("ok i'll call my doctor, thanks", flagged.context).intent == "smalltalk.thanks"
    )
    card = brain.reply("how do i stretch my calves")
    assert brain.reply("will do, cheers", card.context).intent == "smalltalk.thanks"
    assert brain.reply("can i do it every day thanks", card.context).kind == "answer"


@pytest.mark.parametrize(("text", "area"), [("neck tip?", "neck"), ("a tip for my neck", "neck")])
def test_a_short_request_for_a_tip_about_an_area_gets_one_about_it(brain, text, area):
    reply = brain.reply(text)
    assert reply.kind == "tip"
    tip = next(t for t in brain.kb.tips if t.id == reply.context.seen[-1])
    assert area in tip.topics


@pytest.mark.parametrize(
    ("first", "ask", "area"),
    [
        ("stretch for my neck", "any tip for keeping it loose during the day", "neck"),
        ("why are my calves tight", "tip to stop them getting so tight?", "calves"),
    ],
)
def test_a_tip_asked_for_after_an_area_points_back_to_it(brain, first, ask, area):
    reply = brain.reply(ask, brain.reply(first).context)
    assert reply.kind == "tip"
    tip = next(t for t in brain.kb.tips if t.id == reply.context.seen[-1])
    assert area in tip.topics
    # a why question is still why, whatever tip it mentions
    context = brain.reply(first).context
    assert brain.reply("a tip? why do they do that", context).kind == "answer"


@pytest.mark.parametrize(
    "message",
    ["hi there, new here", "morning", "good morning everyone", "hiya, im new"],
)
def test_a_greeting_with_a_few_words_after_it_is_a_greeting(brain, message):
    assert brain.reply(message).intent == "smalltalk.greeting"


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("hi, what can you do", "help"),
        ("hello, why do my hammies feel tight after footy", "hamstrings.why_tight"),
    ],
)
def test_a_greeting_in_front_of_a_question_answers_the_question(brain, message, intent):
    assert brain.reply(message).intent == intent


@pytest.mark.parametrize(
    "message",
    ["hey, whats the weather", "morning routine for productivity", "translate hello to spanish"],
)
def test_a_greeting_does_not_accept_an_off_topic_message(brain, message):
    assert brain.reply(message).kind == "fallback"


@pytest.mark.parametrize(
    "message",
    ["i want to stretch", "any stretch?", "stretches pls", "i need to stretch"],
)
def test_a_stretch_asked_for_with_no_area_gets_a_short_all_over_routine(brain, message):
    reply = brain.reply(message)
    assert (reply.intent, reply.context.plan) == (
        "routine.full_body",
        Plan("full_body", length="short"),
    )
    assert "name it" in render_text(reply)


def test_a_stretch_asked_for_with_an_area_in_the_conversation_is_for_that_area(brain):
    first = brain.reply("why are my calves tight")
    assert brain.reply("give me a stretch", first.context).intent == "calves.stretch"


@pytest.mark.parametrize(
    "message", ["good yoga pose for hamstrings?", "best yoga for my hamstrings"]
)
def test_a_yoga_pose_asked_for_an_area_is_its_stretch(brain, message):
    assert brain.reply(message).intent == "hamstrings.stretch"


@pytest.mark.parametrize(
    "message", ["you're a bot?", "lol you're a stretching bot?", "how old are you"]
)
def test_asking_what_the_bot_is(brain, message):
    assert brain.reply(message).intent == "smalltalk.are_you_a_bot"


@pytest.mark.parametrize(
    ("first", "then", "stretch"),
    [
        ("how do i stretch my calves", "bent knee version?", "bent_knee_calf"),
        ("how do i stretch my calves", "the step one", "step_calf_drop"),
        ("quad stretch pls", "what about the couch one", "couch_stretch"),
        ("neck stretch", "chin tuck one?", "chin_tuck"),
        # "the other one" with its words is that stretch, not the other side
        ("give me a calf stretch", "the other one, with the bent knee", "bent_knee_calf"),
    ],
)
def test_another_stretch_of_the_area_named_by_some_of_its_words(brain, first, then, stretch):
    reply = brain.reply(then, brain.reply(first).context)
    assert (reply.kind, reply.context.stretch) == ("stretch", stretch)


@pytest.mark.parametrize("message", ["nice one, bye", "night night, off to bed", "cya"])
def test_a_short_goodbye_is_a_goodbye(brain, message):
    assert brain.reply(message).intent == "smalltalk.goodbye"


def test_a_word_corrected_into_a_goodbye_is_no_goodbye(brain):
    assert brain.reply("lakers score").kind == "fallback"


@pytest.mark.parametrize(
    ("first", "story", "intent"),
    [
        # after why: the stretch, since the reason is on screen already
        (
            "why does my neck get so stiff",
            "i work on a laptop all day if that matters",
            "neck.stretch",
        ),
        # after a stretch (a complaint's own, too): why it happens
        ("neck stretch", "i look down at my laptop all day", "neck.why_tight"),
        ("my jaw feels tight all the time", "i think i grind my teeth at night", "jaw.why_tight"),
    ],
)
def test_a_story_about_the_writer_after_an_area_is_read_against_it(brain, first, story, intent):
    assert brain.reply(story, brain.reply(first).context).intent == intent


def test_a_story_the_area_does_not_speak_of_is_not_read_against_it(brain):
    first = brain.reply("why is my neck stiff")
    assert brain.reply("i need a pizza place near my office", first.context).kind == "fallback"


def test_a_longer_request_for_a_stretch_for_it_is_for_the_area_before(brain):
    first = brain.reply("my psoas always kills after long drives, why")
    reply = brain.reply("stretch for it i can do at a service station", first.context)
    assert reply.intent == "psoas.stretch"


def test_one_for_a_time_of_day_after_a_routine_is_that_routine(brain):
    first = brain.reply("morning routine pls")
    assert brain.reply("and one for bedtime?", first.context).intent == "routine.bedtime"


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("what about foam rolling instead", "general.foam_rolling"),
        ("foam roller worth it or is it just torture lol", "general.foam_rolling"),
        ("why am i so tight when i wake up", "general.morning_stiffness"),
    ],
)
def test_a_subject_asked_about_without_a_question_mark(brain, message, intent):
    assert brain.reply(message).intent == intent


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("neck cracks when i roll it", "general.joint_noises"),
        ("neck crunches when i roll it, no pain", "general.joint_noises"),
        ("my knee grinds when i squat", "general.joint_noises"),
        ("back clicks loads when i twist, feels good actually", "general.joint_noises"),
        # a joint and its noise in words no keyword lists; a mouse's click and "pop back"
        # are neither
        ("is cracking my fingers bad for you", "general.joint_noises"),
        ("my elbows keep popping when i do push ups", "general.joint_noises"),
        ("wrist sore from clicking the mouse all day", "wrists_forearms.stretch"),
        # a muscle told as rolled out names foam rolling
        (
            "i roll out my quads every night and it kills, is it doing anything",
            "general.foam_rolling",
        ),
        ("arms shake like mad during the plank, is that bad", "general.shaking"),
        ("legs tremble when i hold a deep hamstring stretch", "general.shaking"),
        ("muscles twitch after a hard workout", "general.shaking"),
        # an area named with its complaint is the area's question
        ("my jaw gets so tight when im stressed and it pops when i yawn", "jaw.stretch"),
    ],
)
def test_noisy_joints_and_shaking_muscles_get_their_answers(brain, message, intent):
    assert brain.reply(message).intent == intent


def test_a_pop_with_bruising_is_still_an_injury(brain):
    assert brain.reply("felt a pop in my hamstring and now it's bruised").kind == "red_flag"


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        # told, asking nothing: the session's cool-down, else the general one
        ("sore all over after my first yoga class in years", "routine.cooldown"),
        ("aching all over after my first day back at the gym after a year off", "routine.cooldown"),
        ("leg day done and i can barely get down the stairs", "routine.cooldown_strength_legs"),
        # asked about: what soreness after a session is
        ("legs feel like jelly after leg day, is that normal", "general.soreness"),
    ],
)
def test_a_complaint_after_a_session_with_no_area_is_sore_muscles(brain, message, intent):
    assert brain.reply(message).intent == intent


@pytest.mark.parametrize("message", ["sore loser after the match", "my cat is sore after the vet"])
def test_sore_in_another_sense_after_a_match_is_declined(brain, message):
    assert brain.reply(message).kind == "fallback"


@pytest.mark.parametrize(
    "message",
    [
        "foot went to sleep sitting cross legged in meditation, pins and needles then fine",
        "legs went dead on the toilet scrolling my phone lol, fine after a minute",
        "my arm fell asleep when i slept on it",
        "numb bum after cycling",
    ],
)
def test_a_foot_that_went_to_sleep_gets_its_answer(brain, message):
    assert brain.reply(message).intent == "general.pins_and_needles"


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        # a setting (a drive, a flight, a desk) a complaint with no area comes from: its routine
        ("stiff as a board after a long car ride", "routine.road_trip"),
        # the whole body stiff from a setting: the setting's routine
        (
            "I sit at a desk 10 hours a day as an accountant and everything feels stiff by 4pm",
            "routine.desk_break",
        ),
        ("achy after a day at my desk", "routine.desk_break"),
        ("what can i do in my seat so i dont get off the plane stiff", "routine.long_flight"),
        # a thing's complaint is no setting's
        ("my car ride was stiff and bumpy", "fallback"),
        ("my laptop seized up again", "fallback"),
        ("ripped my leggings in a deep squat", "fallback"),
        # the general warm-up matched, an activity named: its own
        (
            "roll out of bed and go for my parkrun, what warm up should i do",
            "routine.warmup_running",
        ),
        (
            "a few holes in my back starts acting up, hard to tee up the ball. warm up ideas?",
            "routine.warmup_golf",
        ),
        ("woke up with a kink in my neck again", "neck.stretch"),
        # whether to stretch before exercise, whatever story comes with it
        ("do i really need to stretch before running? ive never done it", "general.before_after"),
        ("i jump outta bed and go run. should i be stretching first?", "general.before_after"),
        # ... but soreness after it stays soreness
        ("does stretching after a workout prevent sore muscles", "general.soreness"),
        (
            "my knees crack every single time i squat down but it doesnt hurt. normal??",
            "general.joint_noises",
        ),
        # a length that tells of something else is no routine's length
        (
            "nurse, 12 hr shifts. first step out of bed my heel feels like broken glass. any stretches that help",
            "feet_ankles.stretch",
        ),
        ("8 hour drive tomorrow, what should i stretch at the rest stops", "routine.road_trip"),
        # pain that does not come from stretching is the area's
        (
            "my jaw clicks and it hurts a bit when i yawn. is there a stretch for that",
            "jaw.stretch",
        ),
        ("it hurts when i stretch my calves", "general.pain"),
        # a complaint closed by "stretches?" asks for one
        ("my hamstrings are tight after running, stretches?", "hamstrings.stretch"),
        ("why are my hamstrings tight, stretches?", "hamstrings.why_tight"),
        # everyday complaints; stretching that has not helped asks why
        ("sit all day at work and my hip flexors feel glued shut", "hip_flexors.stretch"),
        ("lower back acting up again, should i just stretch it out?", "lower_back.stretch"),
        ("my hamstrings stay tight no matter how much i stretch them", "hamstrings.why_tight"),
        (
            "i stretch and stretch my hamstrings and they just never loosen up. what gives",
            "hamstrings.why_tight",
        ),
        ("such hammy acting in that film", "fallback"),
        ("just finished leg day, legs are jelly. what now", "routine.cooldown_strength_legs"),
        ("stop the daily msgs", "daily.off"),
        # a routine asked for first by name, whatever the story after it
        (
            "morning routine pls, i groan getting out of bed every day like an old man",
            "routine.morning",
        ),
        ("give me a morning routine for studying that doesnt involve coffee", "fallback"),
        ("my kids bedtime routine is chaos any tips", "fallback"),
        (
            "i feel hamstring stretches behind my knee, not my thigh. am i doing it wrong?",
            "hamstrings.why_tight",
        ),
        (
            "do i really need a cooldown after lifting or can i just go home",
            "general.cooldown_needed",
        ),
        # the last question asks what to do in a setting; the area before is the story
        (
            "10 hour drive tomorrow, my lower back locked up last time. what do i do at gas stops?",
            "routine.road_trip",
        ),
        ("my hips ache. what stretches can i do on the plane?", "routine.long_flight"),
        ("my neck hurts. why?", "neck.why_tight"),
        ("14 hr flight to singapore next week, what can i do in my seat", "routine.long_flight"),
        # ... or what to do before or after one activity: its warm-up or cool-down; a stretch
        # asked for, or a yes-or-no question, stays with the area or the subject
        (
            "my shoulders seize up halfway through my lengths. what should i do before swimming",
            "routine.warmup_swimming",
        ),
        (
            "wrists and fingers ache after a session on the wall, what can i do after climbing",
            "routine.cooldown_climbing",
        ),
        ("my hamstrings are tight, what stretch should i do after my run", "hamstrings.stretch"),
        ("hamstrings always tight, what should i do after football", "hamstrings.stretch"),
        (
            "golf all morning and my back is cooked, what do golfers do after a round",
            "routine.cooldown_golf",
        ),
        # a sport told in its own slang: grades on the wall, one on one on the court
        (
            "i do a v3 then go straight to my v6 project, whats a proper warm up",
            "routine.warmup_climbing",
        ),
        (
            "playing one on one tomorrow and my knees hate the crouch. warm up?",
            "routine.warmup_basketball",
        ),
        # whether stretching is bad, said with "actually"
        ("wait is stretching actually bad for you", "general.harmful"),
        # a neck told by what it will not do ("can't turn my head"), a stiff night told as
        # sleeping funny, and getting older told as things getting harder
        ("slept wrong and now i cant turn my head to the right", "neck.stretch"),
        ("it's getting harder to look over my shoulder when i drive", "neck.stretch"),
        (
            "driving to my moms tomorrow, 7 hours. my back gets bad, what can i do at the rest stops?",
            "routine.road_trip",
        ),
        (
            "10 hour drive to santa fe tomorrow. last time my lower back and hips locked up. what do i do at gas stops?",
            "routine.road_trip",
        ),
        (
            "both knees crack like bubble wrap when i squat, zero pain. should i worry",
            "general.joint_noises",
        ),
        # a story whose closing question names its subject: that answer
        (
            "did my first spin class yesterday, my thighs are so sore. will stretching fix the soreness or make it worse? another class thursday",
            "general.soreness",
        ),
        (
            "29, gym 3x a week, never stretched once and feel fine. convince me, what does it actually do for you",
            "general.benefits",
        ),
        (
            "after the gym i just go home, my buddy says i'll regret it. is a cooldown actually needed or is that a myth",
            "general.cooldown_needed",
        ),
        (
            "got flexible in lockdown doing yoga, now im back in the office and i can feel it slipping away. how do i hang on to what i've got",
            "general.keep_flexibility",
        ),
        # a whether-question about stretching, after a runner's or a lifter's story: the
        # question, not the activity's cool-down
        ("just started jogging, should i stretch before i go out or after", "general.before_after"),
        (
            "my legs are sore for a day or two after every hard spin class. does stretching help that?",
            "general.soreness",
        ),
        # soreness after a session, in everyday words
        (
            "ran my first marathon yesterday and i'm walking like a penguin today",
            "general.soreness",
        ),
        ("my legs are literally broken after that spin class", "routine.cooldown_cycling"),
        (
            "can't get up off the couch after leg day, my legs have officially quit",
            "routine.cooldown_strength_legs",
        ),
        # another script, another language
        ("как растянуть шею после работы за компьютером?", "fallback.language"),
        ("quanto tempo devo segurar cada alongamento?", "fallback.language"),
        # which end of an activity: the one asked, not the time of day ("after work")
        (
            "pickup basketball after work, what should i do before so i dont pull something",
            "routine.warmup_basketball",
        ),
        (
            "dusted off my basketball shoes after years, what warm up before pickup?",
            "routine.warmup_basketball",
        ),
        # a routine asked for by its time of day, an area named with it
        (
            "give me a morning routine, my lower back greets me every morning like its my enemy",
            "routine.morning",
        ),
        # in another language: said so, in it
        (
            "j'ai mal au cou à force de regarder mon téléphone, vous avez des étirements ?",
            "fallback.language",
        ),
        (
            "ho i polpacci durissimi dopo la partita di calcetto, come li allungo?",
            "fallback.language",
        ),
    ],
)
def test_settings_activities_and_everyday_complaints_are_read(brain, message, intent):
    assert brain.reply(message).intent == intent


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("can i do pigeon?", "stretch.pigeon_pose"),
        ("that butterfly one", "stretch.butterfly"),
        # told of, not asked: the question about it
        ("hip tightness on one side when i do pigeon, other side is fine", "hip_flexors.stretch"),
        ("a pigeon landed on my balcony", "fallback"),
    ],
)
def test_a_one_word_stretch_name_asked_whether_to_do_is_its_card(brain, message, intent):
    assert brain.reply(message).intent == intent


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("knee cracks going up stairs", "general.joint_noises"),
        ("charley horse last night", "general.cramp"),
        # a noise whose pain is denied is the noise's question, not the area's
        ("my knees crack every time i squat but it doesnt hurt, normal?", "general.joint_noises"),
        ("my knees crack when i squat, nothing hurts though", "general.joint_noises"),
        (
            "my back cracked really loud when i twisted in my chair, is that bad",
            "general.joint_noises",
        ),
        ("my quad twitched all evening after hiit", "general.shaking"),
        # idioms: a sensation only told is asked about for these, not for pins and needles
        ("im on pins and needles waiting for my marathon results", "fallback"),
    ],
)
def test_a_sensation_told_is_asked_about(brain, message, intent):
    assert brain.reply(message).intent == intent


@pytest.mark.parametrize(
    "message",
    [
        "is it normal to feel sore 2 days after yoga",
        "tingling in my fingers after a long bike ride",
    ],
)
def test_soreness_after_yoga_and_hands_numb_from_the_handlebars_are_no_red_flag(brain, message):
    assert brain.reply(message).kind != "red_flag"


def test_pins_and_needles_that_last_and_spread_are_still_a_red_flag(brain):
    assert brain.reply("pins and needles in both feet for weeks and getting worse").kind == (
        "red_flag"
    )


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("sit at a desk all day and the backs of my legs are so tight", "hamstrings.stretch"),
        ("the right side of my waist feels pulled", "side_body.stretch"),
        ("what even is the piriformis", "piriformis.what"),
    ],
)
def test_everyday_names_and_hedged_questions(brain, message, intent):
    assert brain.reply(message).intent == intent


def test_a_length_with_a_named_routine_sizes_that_routine(brain):
    reply = brain.reply("10 min full body stretch routine pls")
    assert reply.intent == "routine.full_body"


def test_a_length_with_routine_words_only_still_gets_the_general_base(brain):
    assert brain.reply("10 minute routine").intent == "routine.full_body"


@pytest.mark.parametrize(
    ("first", "then", "intent"),
    [
        ("why is my jaw so tight", "what's the muscle even called", "jaw.what"),
        (
            "stretch for my sides? feels tight reaching up",
            "what muscles are those even",
            "side_body.what",
        ),
        (
            "outside of my knee hurts on runs, mate reckons its my IT band",
            "what even is the IT band",
            "it_band.what",
        ),
    ],
)
def test_asking_what_the_area_is_after_a_reply_about_it(brain, first, then, intent):
    assert brain.reply(then, brain.reply(first).context).intent == intent


def test_a_stretch_asked_after_a_goal_is_the_first_held_stretch_of_its_routine(brain):
    replies = converse(brain, "how long do the splits take", "show me one", "harder version?")
    assert replies[0].intent == "general.splits"
    assert replies[1].kind == "stretch" and replies[1].context.stretch is not None
    assert brain.kb.stretches[replies[1].context.stretch].type == "static"
    assert replies[2].intent.endswith(".harder")


def test_the_activity_told_before_gives_its_warm_up_when_asked_what_to_do_first(brain):
    replies = converse(
        brain,
        "my shoulders get so tight swimming freestyle",
        "anything i should do before getting in",
    )
    assert replies[1].intent == "routine.warmup_swimming"
    replies = converse(brain, "calves tight after bball", "wat bout warmin up b4")
    assert replies[1].intent == "routine.warmup_basketball"


def test_remind_me_every_day_after_a_routine_turns_the_daily_tips_on(brain):
    replies = converse(brain, "desk stretches please", "can u remind me to do these every day?")
    assert replies[1].intent == "daily.on"
    # asked whether, not to be reminded: how often
    replies = converse(brain, "desk stretches please", "can i do these every day?")
    assert replies[1].intent != "daily.on"


def test_thanks_with_a_condition_already_told_is_thanks(brain):
    replies = converse(brain, "im 24 weeks pregnant, any hip stretches?", "thank you 🤰")
    assert replies[1].intent == "smalltalk.thanks"
    replies = converse(brain, "any hip stretches?", "oh btw im pregnant, is that one ok")
    assert replies[1].kind == "stretch" and "pregnancy" in replies[1].context.conditions


def test_which_after_a_comparison_asks_to_choose_between_the_two(brain):
    intents = [
        r.intent
        for r in converse(
            brain, "static vs dynamic, whats the difference", "ok so which one before a run"
        )
    ]
    assert intents == ["general.static_vs_dynamic", "general.before_after"]
    intents = [
        r.intent
        for r in converse(brain, "is yoga better than just stretching", "which would you pick")
    ]
    assert intents == ["general.yoga_vs_stretching", "general.yoga_vs_stretching"]
    intents = [r.intent for r in converse(brain, "static or dynamic?", "so for after my run which")]
    assert intents == ["general.static_vs_dynamic", "general.before_after"]
    # weighing a practice just answered against something else asks about it again
    intents = [
        r.intent
        for r in converse(
            brain, "is a massage gun any good", "would it work instead of a warm up before football"
        )
    ]
    assert intents == ["general.foam_rolling", "general.foam_rolling"]
    # a "which" that asks something else is read as itself
    replies = converse(
        brain, "static vs dynamic, whats the difference", "which muscles should i stretch"
    )
    assert replies[1].intent not in ("general.static_vs_dynamic", "general.before_after")


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("does flexibility even matter if i only lift weights", "general.benefits"),
        ("is flexibility that important for climbing", "general.benefits"),
        ("my legs shake and burn in the plank, am i injuring myself", "general.sore_or_injured"),
        ("can i do that stretch every hour", "general.how_often"),
        # praise followed by a question asks the question; soreness with stretches asked
        # for gets a cool-down
        (
            "my neck went crunch when i rolled it, felt amazing. is that ok to do",
            "general.joint_noises",
        ),
        ("absolutely wrecked after bootcamp, any stretches pls", "routine.cooldown"),
        ("so sore after bootcamp, is stretching gonna help", "general.soreness"),
        # a why question about a named area asks why, though it names no complaint word
        ("why is my achilles so much worse first thing and then fine", "feet_ankles.why_tight"),
        # something to do first, with an activity named before it, even with its time told
        (
            "out the door for my 7am jog most days, should i be doing anything first?",
            "routine.warmup_running",
        ),
        ("my 10k run is tomorrow, warm up?", "routine.warmup_running"),
        (
            "week 2 of running and im breathless, am i doing something wrong",
            "general.breathless_exercise",
        ),
        # a superlative complains; the daily "ones" are the tips; a dispute asked as "legit";
        # a posture told, not asked
        ("my calves are the stiffest part of me", "calves.stretch"),
        ("pls stop the daily ones, way too many notifs", "daily.off"),
        ("my pt says stretch before, youtube says after. which is legit", "general.before_after"),
        ("my shoulders roll forward when i sit at my laptop", "general.posture"),
        ("is it ok to stretch when im still sore from yesterday", "general.soreness"),
        # an activity told with what to do asked; a climber's words; a subject of ours
        # beside a look-alike's words
        ("long drive up north saturday, anything we can do at the services?", "routine.road_trip"),
        (
            "forearms get pumped on every route, is there a warm up for that",
            "routine.warmup_climbing",
        ),
        ("how long till i can do the splits realistically", "general.flexibility_timeline"),
        # the first tee starts the round; a seat in economy is a flight; a height is no age;
        # soreness in several places after a class, asked whether normal
        ("golf saturday, what should i do on the first tee", "routine.warmup_golf"),
        ("stuck in a middle seat for 8 hours, legs are dead", "routine.long_flight"),
        ("my calves and quads ache after spin class, normal?", "general.soreness"),
        # tips asked around a setting; "wtf is"; a rough age; flexibility lost after a break
        ("any tips for someone who drives all day for work?", "routine.road_trip"),
        ("what helps posture at my desk", "general.posture"),
        ("wtf is the piriformis", "piriformis.what"),
        ("my dad is nearly 80, any gentle routine he can do in a chair", "routine.older_adults"),
        (
            "stopped stretching for a month and its all gone, how do i keep it",
            "general.keep_flexibility",
        ),
        # a sensation in a stretch, asked whether to keep going
        (
            "my hamstring shakes like mad when i hold the stretch, ok to keep going?",
            "general.shaking",
        ),
        (
            "saw a study where short holds and long holds ended up the same, does hold time matter",
            "general.how_long",
        ),
    ],
)
def test_everyday_questions_about_stretching_find_their_answer(brain, message, intent):
    assert brain.reply(message).intent == intent


def test_a_general_answer_about_one_area_keeps_the_area_for_what_follows(brain):
    first = brain.reply("my neck clicks when i turn my head, is that bad")
    assert first.intent == "general.joint_noises"
    assert brain.reply("how do i stretch it", first.context).intent == "neck.stretch"


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        (
            "the front of my hips feel locked when i stand up, whats going on",
            "hip_flexors.why_tight",
        ),
        ("whats something quick for my neck to start with", "neck.stretch"),
    ],
)
def test_a_what_inside_a_longer_question_asks_that_question(brain, message, intent):
    assert brain.reply(message).intent == intent


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("brill thanks x", "smalltalk.thanks"),
        ("how are you anyway", "smalltalk.how_are_you"),
        ("well thank you dear", "smalltalk.thanks"),
        ("ok nice one", "smalltalk.thanks"),
        ("you're actually pretty useful", "smalltalk.compliment"),
    ],
)
def test_small_talk_with_chat_noise_at_its_ends(brain, message, intent):
    assert brain.reply(message).intent == intent


def test_chat_noise_does_not_accept_an_off_topic_message(brain):
    assert brain.reply("haha whats the weather").kind == "fallback"


def test_narrowing_an_area_after_why_it_gets_tight_gets_its_stretch(brain):
    first = brain.reply("arms feel tight after painting the ceiling all weekend")
    assert brain.reply("biceps specifically", first.context).intent == "arms.stretch"


def test_an_area_alone_after_a_message_not_understood_is_still_a_follow_up(brain):
    context = brain.reply("how do i stretch my feet").context
    context = brain.reply("my cat keeps staring at me", context).context
    assert brain.reply("calves too?", context).intent == "calves.stretch"


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("need something quick i can do at my desk between calls", "routine.desk_break"),
        ("cant switch off at night, anything to stretch before bed", "routine.bedtime"),
    ],
)
def test_a_request_in_a_setting_gets_its_routine(brain, message, intent):
    assert brain.reply(message).intent == intent


@pytest.mark.parametrize(
    "message",
    ["morning routine for productivity", "bedtime routine for my 6 month old baby"],
)
def test_a_time_of_day_routine_not_about_the_body_is_declined(brain, message):
    assert brain.reply(message).kind == "fallback"


@pytest.mark.parametrize(
    ("message", "intent", "condition"),
    [
        ("im 67 is it too late to get flexible", "general.too_old", "older_adults"),
        (
            "the coach at my sons rugby said static stretching before games is outdated",
            "general.static_vs_dynamic",
            "children_teens",
        ),
    ],
)
def test_a_general_question_told_with_a_condition_answers_it_with_the_condition(
    brain, message, intent, condition
):
    reply = brain.reply(message)
    assert (reply.intent, reply.conditions) == (intent, (condition,))


def test_a_condition_with_a_bare_question_gets_the_conditions_advice(brain):
    assert brain.reply("pregnant, can i stretch?").intent == "condition.pregnancy"


@pytest.mark.parametrize(
    ("message", "topic"),
    [
        ("teacher so on my feet all day and the backs of my legs are so tight", "hamstrings"),
        ("always got the baby on one hip, between my shoulder blades feels knotted", "upper_back"),
        # an area asked about, or named with the next, keeps its place
        ("what is the piriformis and why does my butt ache when i sit", "piriformis"),
        ("my left calf and achilles are always tight", "calves"),
    ],
)
def test_the_area_a_complaint_is_about_comes_first(brain, message, topic):
    assert brain.reply(message).topic == topic


@pytest.mark.parametrize(
    "message",
    [
        "my cars steering feels really stiff in the mornings when its cold, whats up with it",
        "morning routine for productivity",
    ],
)
def test_a_thing_stiff_in_the_mornings_is_declined(brain, message):
    assert brain.reply(message).kind == "fallback"


def test_a_thing_far_from_the_subject_is_story(brain):
    message = "why do i wake up so stiff every morning? 35, walk the dog daily"
    assert brain.reply(message).intent == "general.morning_stiffness"


@pytest.mark.parametrize(
    ("first", "then", "intent"),
    [
        (
            "neck stretch pls",
            "no sorry i meant more between my shoulder blades",
            "upper_back.stretch",
        ),
        ("neck stretch pls", "haha fair. back to it, glutes?", "glutes.stretch"),
        ("lower back stretch", "lower back is what usually goes", "lower_back.why_tight"),
    ],
)
def test_an_area_with_a_correction_or_a_change_of_subject(brain, first, then, intent):
    assert brain.reply(then, brain.reply(first).context).intent == intent


def test_how_not_to_get_stiff_on_a_drive_gets_the_road_trip_routine(brain):
    message = "driving 8 hours tomorrow to my parents, how do i not arrive stiff as a board"
    assert brain.reply(message).intent == "routine.road_trip"


@pytest.mark.parametrize(
    "message", ["give me a stretch for today", "just want a quick stretch", "a random stretch"]
)
def test_one_stretch_asked_for_with_no_area_gets_one_for_anyone(brain, message):
    reply = brain.reply(message)
    assert reply.kind == "stretch"
    assert "name it" in render_text(reply)
    then = brain.reply("another", reply.context)
    assert then.kind == "stretch" and then.context.stretch != reply.context.stretch


def test_a_condition_told_earlier_gets_its_routine_for_a_short_request(brain):
    first = brain.reply("im 71 and want to start stretching, is it too late for me")
    reply = brain.reply("give me something gentle to start with", first.context)
    assert reply.intent == "routine.older_adults"


def test_a_general_answer_pointing_at_the_area_before_keeps_it(brain):
    context = brain.reply("why is my IT band so tight").context
    context = brain.reply("should i foam roll it", context).context
    assert brain.reply("stretch then", context).intent == "it_band.stretch"


def test_an_area_alone_after_how_long_to_hold_gets_when_to_stretch_it(brain):
    context = brain.reply("how often should i stretch my hamstrings").context
    context = brain.reply("and how long each time", context).context
    assert brain.reply("glutes?", context).intent == "glutes.when"


def test_a_goal_asks_about_its_subject(brain):
    assert brain.reply("can i get my splits by summer").intent == "general.splits"
    # ... and told as wanted, asking nothing, or the way to it asked, the work towards it:
    # the goal's routine
    assert brain.reply("i want to get my splits by summer").intent == "routine.splits"
    assert brain.reply("how can i get my splits by summer").intent == "routine.splits"


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("charley horse in bed last night, proper agony for 30 seconds then fine", "general.cramp"),
        ("in night my leg make cramp, very hard, how I stop it", "general.cramp"),
        (
            "new to running, I'm out of breath after 2 minutes, is that normal",
            "general.breathless_exercise",
        ),
        (
            "heart pounding after an all-out sprint, calms down in a couple of minutes",
            "general.breathless_exercise",
        ),
        # unsure of the question, the one subject the message names: being out of breath
        (
            "fine to start stretching when im still panting after hill repeats or should i wait",
            "general.breathless_exercise",
        ),
        # a why question about a cramp felt in a stretch: the cramp (the area's own answer
        # says nothing of cramps); an area with another complaint is the area's
        ("why do my hamstrings cramp when i stretch them", "general.cramp"),
        ("why do my hamstrings feel so tight when i stretch them", "hamstrings.why_tight"),
    ],
)
def test_cramps_and_breathlessness_in_exercise_get_their_answers(brain, message, intent):
    assert brain.reply(message).intent == intent


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("chest pain and out of breath when running", "red_flag.heart_attack_signs"),
        ("heart racing and dizzy during my run", "red_flag.dizzy_racing_exercise"),
    ],
)
def test_breathlessness_with_a_warning_sign_is_still_a_red_flag(brain, message, flag):
    assert brain.reply(message).intent == flag


def test_a_calories_question_is_no_soreness(brain):
    assert brain.reply("how many calories does a 5k run burn").kind == "fallback"


def test_a_thing_far_from_the_area_in_a_message_about_the_writer_is_story(brain):
    message = "stiff lower back every time i get out of the car after the school run"
    assert brain.reply(message).intent == "lower_back.stretch"


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        (
            "we were taught to bounce down to touch our toes at school, is that still ok",
            "general.bouncing",
        ),
        (
            "still bendy at 30 but can feel it slipping, whats the minimum to keep what ive got",
            "general.keep_flexibility",
        ),
        (
            "want one routine i can do on sunday evenings that hits everything, about 20 mins",
            "routine.full_body",
        ),
        (
            "driving to france with the kids, 12+ hours. what can we all do at the rest stops",
            "routine.road_trip",
        ),
    ],
)
def test_more_ways_of_naming_subjects_and_routines(brain, message, intent):
    assert brain.reply(message).intent == intent


def test_can_i_do_it_in_a_posture_with_a_reason_gets_the_stretch_that_fits(brain):
    first = brain.reply("quad stretch")
    message = "can i do it standing? cant really get on the floor with the baby crawling about"
    reply = brain.reply(message, first.context)
    assert reply.kind == "stretch" and reply.topic == "quadriceps"


def test_can_i_do_it_before_getting_up_asks_when(brain):
    first = brain.reply("how do i stretch my feet")
    reply = brain.reply("can i do that before i get out of bed", first.context)
    assert reply.intent == "feet_ankles.when"


@pytest.mark.parametrize(
    "message",
    [
        "my horse has a tight calf?? what do i do",
        "my dog is stiff in the mornings",
        # the writer comes in, but the animal takes the complaint back
        "my cat does a huge stretch when i get up, is she sore",
    ],
)
def test_an_animals_or_things_complaint_is_declined(brain, message):
    assert brain.reply(message).kind == "fallback"


@pytest.mark.parametrize(
    ("message", "topic"),
    [
        ("walked the dog and my calf is tight", "calves"),
        ("my dog pulled on the lead and now my shoulder is sore", "shoulders"),
        ("lizard or pigeon for tight hips", "hip_flexors"),
    ],
)
def test_an_animal_in_the_story_leaves_the_writers_area(brain, message, topic):
    assert brain.reply(message).topic == topic


@pytest.mark.parametrize(
    ("first", "message", "kind"),
    [
        ("why is my upper back tight", "both sides?", "stretch"),
        ("how do i stretch my hamstrings", "each side too?", "stretch"),
        ("how do i stretch my hamstrings", "how long on each side", "answer"),
        # a bare "both?" after a one-sided stretch card: its two sides
        ("glute stretch", "both?", "stretch"),
        ("glute stretch", "do i do both?", "stretch"),
    ],
)
def test_both_sides_asks_for_the_other_side_only_when_short(brain, first, message, kind):
    context = brain.reply(first).context
    reply = brain.reply(message, context)
    assert reply.kind == kind
    assert reply.intent.endswith(".other_side") == (kind == "stretch")


@pytest.mark.parametrize(
    ("message", "intent"),
    [("kk next", "quadriceps.stretch"), ("n when shud i do it", "quadriceps.when")],
)
def test_after_a_general_answer_about_the_stretch_on_screen_it_is_that_stretchs_area(
    brain, message, intent
):
    context = brain.reply("how do i stretch my quads").context
    context = brain.reply("hold how long", context).context
    assert context.topic == "general"
    assert brain.reply(message, context).intent == intent


def test_after_a_general_answer_a_general_follow_up_stays_general(brain):
    context = brain.reply("how do i stretch my quads").context
    context = brain.reply("hold how long", context).context
    assert brain.reply("and how often", context).intent.startswith("general.")


#: messages as people write them, each with the reply it must get ("fallback": declined)
OWN_WORDS = [
    ("gm bot", "smalltalk.greeting"),
    ("gm stretchbot", "smalltalk.greeting"),
    ("whats your name", "smalltalk.who_made_you"),
    ("what should i call you", "smalltalk.who_made_you"),
    ("what is my name", "fallback"),
    ("do i have to go", "fallback"),
    ("stretch them when i wake up?", "routine.morning"),
    # a question after an acknowledgement keeps its pieces: asked first, it is still answered
    (
        "ok what actually is the it band. my running coach says it like its a swear word",
        "it_band.what",
    ),
    ("ok what even is the psoas. my teacher says it like 50 times a class", "psoas.what"),
    # a question why, what, or whether it is all right, of a sensation told with an area:
    # the sensation's answer; asked for a stretch, the area's
    ("my hamstring cramped up halfway through yoga, why does that happen", "general.cramp"),
    ("arms go all shaky in downward dog after a minute, is that normal", "general.shaking"),
    ("tingling in my toes when i sit in butterfly, what is that", "general.pins_and_needles"),
    ("my calves cramp up on runs, any stretches for them", "calves.stretch"),
    # sore days after a session, told with the stairs and asked as "stretch or rest": the
    # soreness answer; "leg day" is an activity, not the legs
    (
        "3 days after my first spin class and sitting on the loo is a struggle lol, should i stretch or rest",
        "general.soreness",
    ),
    ("did leg day tuesday, now i go down stairs sideways like a crab", "general.soreness"),
    # a limb or a seat gone to sleep, told: the answer about it; asked with a stretch for the
    # area, the area's stretch; a tingly tongue is no limb
    (
        "my feet went all tingly kneeling at the wedding, fine once i stood up",
        "general.pins_and_needles",
    ),
    ("right butt cheek goes numb on my spin bike, normal?", "general.pins_and_needles"),
    ("my bum goes numb in 3 hour meetings, any sneaky seated stretches", "glutes.stretch"),
    ("my tongue tingles after pineapple", "fallback"),
    # a stitch while running and a head rush on standing: their own answers; sewing is not
    (
        "sharp stabby pain under my ribs on the left halfway through my 5k, a stitch?",
        "general.side_stitch",
    ),
    ("why do i always get stitches when i swim front crawl", "general.side_stitch"),
    ("how do i fix a dropped stitch in my knitting", "fallback"),
    ("went all lightheaded popping up from child's pose, gone in a sec", "general.head_rush"),
    ("everything went dark for a second when i stood up too fast after yoga", "general.head_rush"),
    # a general subject named twice, by two of its keywords, though the whole reads weakly
    (
        "just started c25k and my heart is pounding and im so out of breath",
        "general.breathless_exercise",
    ),
    # sight that greys or darkens on getting up is how a head rush is told, not a stroke sign
    ("my vision greyed out when i got up from the floor after pigeon", "general.head_rush"),
    ("vision went grey for a sec when i stood up from my squat", "general.head_rush"),
    # the legs as a whole, no one muscle named, with a complaint or an ask: the legs'
    # routine; a table's legs, a saying, or an area named are not it
    ("my calves and legs are killing me after a shift on the tills", "calves.stretch"),
    ("legs so heavy and achy after 10 hours stood at the counter", "routine.legs"),
    ("any stretches for my legs? they feel like lead after work", "routine.legs"),
    ("both my legs just feel tight all the time lately", "routine.legs"),
    ("the legs on my kitchen table are wobbly and loose", "fallback"),
    ("stop pulling my leg, is that true", "fallback"),
    # the session told first, then what it did to the writer, is soreness, met with the
    # session's own cool-down; a question about a run's calories is not ours
    (
        "just started lifting and leg day destroyed me, can barely walk down stairs",
        "routine.cooldown_strength_legs",
    ),
    ("how many calories does a 5k run burn", "fallback"),
    # a name alone to open a conversation asks for something to do with it
    ("hammies", "hamstrings.stretch"),
    ("lats", "side_body.stretch"),
    ("what are the lats", "side_body.what"),
    # an area named with another before a complaint is named plainly ("neck and shoulder
    # strain"), though "neck" alone may name other things
    ("neck and shoulder strain after long sessions at the computer", "neck.stretch"),
    # "post-run" names running; a warm-up named for an activity with a cool-down only is the
    # general warm-up; "before i shower" asks no warm-up
    (
        "5 minutes of stretching post-run, which stretches are necessary?",
        "routine.cooldown_running",
    ),
    ("warm up before my ride", "routine.warmup"),
    (
        "finished squats and lunges, legs feel pumped. what should i stretch now before i shower?",
        "routine.cooldown_strength_legs",
    ),
    # "looking for a stretch to help" asks for one; "what is the best way to" asks what to do,
    # not what the area is
    (
        "hips stiff as a board for years, just looking for a stretch to help loosen them",
        "hip_flexors.stretch",
    ),
    (
        "my shins get sore when i start running, what is the best way to avoid injury",
        "shins.stretch",
    ),
    # a yes-or-no question about stretching the intent layer is unsure of, with an activity's
    # routine on top: the general answer among the runners-up
    ("Is it important to stretch after each ride?", "general.before_after"),
    # stretches asked for someone else, with nothing more: the all-over routine
    ("can you suggest some stretches for my mum", "routine.full_body"),
    # one stretch asked for the area complained of first, though an activity has a routine
    (
        "after climbing sessions my lats feel super tight, like my arms dont want to go"
        " overhead. best stretch?",
        "side_body.stretch",
    ),
    # "where do i start" asks, so a subject named by its keyword is the answer
    ("want to get my front splits by next year, where do i start", "routine.splits"),
    (
        "total beginner, never stretched on purpose in my life, where do i even begin",
        "general.beginner",
    ),
    ("im the least flexible person alive, help", "general.beginner"),
    # the area complained of wins over one a clause only places ("on my feet all day"), and
    # where a hand reaches is no area ("reach behind my back")
    (
        "teacher, on my feet all day then bent over desks. my hamstrings are so tight i cant"
        " pick a pencil off the floor",
        "hamstrings.stretch",
    ),
    (
        "i cant reach behind my back to do my bra up anymore, my right shoulder just wont go"
        " there. its just tight and stuck. anything i can do?",
        "shoulders.stretch",
    ),
    # a setting with a routine of its own, told as a limit, names that routine; an area with
    # a limit told in passing is the area's question
    ("5 min stretch routine i can do at my desk without getting up", "routine.desk_break"),
    (
        "typing all day and by 4pm my wrists ache, what can i do at my desk without looking weird",
        "wrists_forearms.stretch",
    ),
    ("will stretching fix my posture? i slouch at my desk", "general.posture"),
    # an area that is only where a thing sits gives way to the area complained of
    ("i work with the laptop on my knees. my neck aches by noon", "neck.stretch"),
    # a warm-up of something else: the voice, an engine
    ("any vocal warm ups before karaoke tonight", "fallback"),
    # doing a warm-up is not asking for one; "what X stretches should i" asks for stretches
    (
        "my calves cramp while im still warming up for football, what calf stretches should i do",
        "calves.stretch",
    ),
    ("always stiff after flying, what can i do in my seat on the plane", "routine.long_flight"),
    ("is my flight delayed", "fallback"),
    ("show me the top 10 golf players", "fallback"),
    ("should stretching precede or follow a run", "general.before_after"),
    # whether a cool-down is worth it is a question, not a request for one
    ("honestly whats the point of cooling down, i just stop", "general.cooldown_needed"),
    ("do i really need a cool down after 5 a side", "general.cooldown_needed"),
    ("a cool down please", "routine.cooldown"),
    # a warm-up by its name alone is the general one
    ("warm up pls", "routine.warmup"),
    ("wats a gd stretch 4 my quads", "quadriceps.stretch"),
    # one stretch asked for an area, though the activity has a routine
    (
        "forearms feel wrecked after bouldering, is there a good stretch for them",
        "wrists_forearms.stretch",
    ),
    ("forearms feel wrecked after bouldering, any routine for after", "routine.cooldown_climbing"),
    # a story that closes by asking yes or no about stretching and naming its subject
    (
        "Did my first spin class in ages on Saturday. Today my legs feel like lead and "
        "stairs are a nightmare. Does stretching actually do anything for the soreness?",
        "general.soreness",
    ),
    # ... but a closing question about the area the story named is the area's
    (
        "My hamstrings are like steel cables after football. Should I stretch them before or "
        "after training?",
        "hamstrings.when",
    ),
    (
        "tennis later, give me something to warm up with so my shoulder behaves",
        "routine.warmup_tennis",
    ),
    # an activity without a cool-down of its own gets the general one, when asked for
    ("anything to cool down with after 5 a side football? my calves are tight", "routine.cooldown"),
    (
        "we stop at the rest stops every two hours, what stretches can i do there, my back is "
        "stiff and my hips too",
        "routine.road_trip",
    ),
    ("is there a routine that's safe in pregnancy? 25 weeks", "routine.pregnancy"),
    # the daily tips turned on or off in a sentence of the person's own
    ("no more daily tips please, too many notifications", "daily.off"),
    ("i dont want the daily reminders anymore", "daily.off"),
    ("can i sign up for the daily stretch tips, evenings if possible", "daily.on"),
    ("is it fine to stretch my back daily", "lower_back.when"),
    # a last sentence asked of the bot, as a first message, is as often asked of anyone
    ("my grandson set this up for me, who made you?", "fallback"),
    ("in seoul, what things can i do", "fallback"),
    ("👋", "smalltalk.greeting"),
    ("🙏🏽🙏", "smalltalk.thanks"),
    # laughter alone is a friendly nod, not something the bot cannot help with
    ("lol", "smalltalk.acknowledge"),
    ("hahaha", "smalltalk.acknowledge"),
    ("give me one", "fallback"),
    # "neck" needs an owner or a complaint elsewhere ("neck of the woods"); "neck stretches"
    # is the body's, even with a car in the story
    (
        "most mornings i wake with a stiff neck and have to twist my whole body to reverse the "
        "car out of the drive. which neck stretches are worth doing?",
        "neck.stretch",
    ),
    # a thing told as the cause leaves the area the writer's
    (
        "sore bum from the car, i commute 2 hours each way and by friday it's one big knot",
        "glutes.stretch",
    ),
    ("stiff neck after hours driving the van, what stretches help", "neck.stretch"),
    ("i can feel a pull right behind my thighs when i bend down", "hamstrings.stretch"),
    ("no idea where it even is, the psoas, can you explain", "psoas.what"),
    ("what is actually going on when my jaw gets tight at night", "jaw.why_tight"),
    ("my forearms get so pumped, something just for them", "wrists_forearms.stretch"),
    ("is the psoas the same thing as the hip flexors?", "psoas.what"),
    # a routine whose setting the message names wins over a look-alike routine
    ("stuck at a desk all day with spreadsheets, need a quick stretch break", "routine.desk_break"),
    (
        "first 10k done!! legs like wood, what should i stretch now before i seize up",
        "routine.cooldown_running",
    ),
    (
        "climbing wall tonight after a long break, what should i do to warm up first?",
        "routine.warmup_climbing",
    ),
    (
        "i always try to warm up before climbing but my fingers still ache",
        "wrists_forearms.stretch",
    ),
    # a thing tight where it sits is the thing's; a tight thing and an aching area, the area's
    ("my watch strap is too tight on my wrist, how do i add a hole", "fallback"),
    ("this shirt is tight around the shoulders, should i size up", "fallback"),
    ("my shoes are tight and my calves ache", "calves.stretch"),
    ("14 hours straight of gaming. everything is stiff", "routine.full_body"),
    ("im stiff all over after the flight", "routine.full_body"),
    ("my schedule is sooo tight this week how do i fit everything in", "fallback"),
    # a race distance or a game is the activity; "what should i be doing ... to cool down"
    # asks for the cool-down, however far the doing is from it
    (
        "finished a hilly 15k an hour ago, what am i meant to be doing now to cool down",
        "routine.cooldown_running",
    ),
    ("doubles tonight at the club, what should i do before we play?", "routine.warmup_tennis"),
    # a warm-up or cool-down asked for with no activity: the general one, not another sense
    ("just a simple cool down please", "routine.cooldown"),
    ("any cooldown ideas after rowing machine sessions?", "routine.cooldown"),
    ("need a warm up icebreaker for my workshop", "fallback"),
    ("do i really need to warm up before stretching?", "general.warmup_vs_stretch"),
    ("do you warm up your car every morning in winter?", "fallback"),
    # a thing only told as the cause or the likeness owns no area, and asks no owner of it
    ("hamstrings so tight they feel like a rope", "hamstrings.stretch"),
    ("wrists sore from guitar practice", "wrists_forearms.stretch"),
    ("the rope is tight on my neck", "fallback"),
    ("calves stiff as a board after sitting in the car for hours", "calves.stretch"),
    ("forearms ache carrying the baby around all day", "wrists_forearms.stretch"),
    # ... however far after the area the thing stands
    ("calves tight after switching to flat shoes", "calves.stretch"),
    ("my shoes are tight after the rain", "fallback"),
    # asked to send a stretch every day: the daily tips; anything else sent daily is not ours
    ("could you send me a stretch each morning so i remember", "daily.on"),
    ("send me my bank statement every morning", "fallback"),
    # a first message that opens by asking the bot about itself, then says why
    ("are you a real person or a bot? you answered at 2am", "smalltalk.are_you_a_bot"),
    ("who made this? it's delicious, can i get the recipe", "fallback"),
    # a plan asked for toward a goal with a routine of its own: that routine
    ("i want a plan to get me to touch my toes", "routine.toe_touch"),
    ("give me a plan for the splits", "routine.splits"),
    ("I want to do the splits by summer, is there a routine", "routine.splits"),
    ("whats a good diet plan", "fallback"),
    # contract-relax described in own words
    (
        "my physio pushes my leg and i push back against her hand then relax, is that a thing",
        "general.pnf",
    ),
    ("soup of the day?", "fallback"),
    # holding a stretch for a time is the question of how long to hold it
    ("do i have to hold stretches for ages or is like 10 sec enough", "general.how_long"),
    ("hold my plank for 2 min every day", "fallback"),
    # a yes-or-no question about stretching around an activity asks about stretching, not
    # for the activity's routine
    ("is stretching before a run actually bad for you?", "general.before_after"),
    # two areas and a request around an activity: its routine covers both; "afterwards"
    # and "a sequence" ask for the cool-down
    (
        "after leg day stretches please, hamstrings and quads are toast",
        "routine.cooldown_strength_legs",
    ),
    (
        "long ride this weekend, can you give me a stretch sequence for afterwards? hips and "
        "lower back get cranky",
        "routine.cooldown_cycling",
    ),
    # keeping up the habit
    ("how do i remember to stretch every day", "general.habit"),
    ("i keep forgetting to do my stretches", "general.habit"),
    ("how do i make stretching a habit", "general.habit"),
    # soreness after a session, named or told at length; DOMS with a routine asked for
    (
        "legs feel like lead two days after leg day, walking like a penguin. that's DOMS right?",
        "general.soreness",
    ),
    (
        "Did my first proper leg day in about a year on Monday, squats, lunges, RDLs, the lot. "
        "It's Wednesday and I'm going down the stairs sideways like a pirate with two wooden "
        "legs. Should I stretch it out or just rest?",
        "general.soreness",
    ),
    ("doms after leg day, any cooldown routine?", "routine.cooldown_strength_legs"),
    # soreness told after a session, where the matcher heard a sensation never named
    (
        "Went back to the gym yesterday and did squats and lunges. Today I can barely sit on "
        "the toilet, my legs are so sore. Will stretching help with this?",
        "general.soreness",
    ),
    # squat depth, and squats done
    ("squat mobility", "routine.squat_mobility"),
    ("how do i get deeper in my squat", "routine.squat_mobility"),
    ("my heels come up when i squat", "routine.squat_mobility"),
    ("can barely walk down stairs after squats lol, stretches?", "routine.cooldown_strength_legs"),
    ("glutes sore after squats", "glutes.stretch"),
    # tension headaches
    ("tension headache stretches", "general.tension_headache"),
    ("what is a tension headache", "general.tension_headache"),
    ("stress headaches every afternoon, can stretching ease them", "general.tension_headache"),
    # praise by comparison
    ("you're better than my gym app", "smalltalk.compliment"),
    ("way better than my fitness app tbh", "smalltalk.compliment"),
    # holding a thing that is no stretch
    ("how long should i hold a note when singing", "fallback"),
    ("how long to hold the pairing button", "fallback"),
    ("how long do i hold a deep squat", "general.how_long"),
    ("how long should i hold a plank", "general.how_long"),
    ("how long should i hold my hamstring stretch", "general.how_long"),
    # how long it would take, asked with "every day" in the question
    (
        "I did gymnastics until I was 11. If I stretch every day how long would it "
        "realistically take to get my splits back?",
        "general.splits",
    ),
    ("how often should i stretch and how long does it take", "general.how_often"),
    # "never stretched before ... looking after myself" disputes no timing
    (
        "I've never really stretched before but I want to start looking after myself. How long "
        "am I supposed to hold each stretch? I've seen 10 seconds and 2 minutes, it's confusing",
        "general.how_long",
    ),
    (
        "always stretched before running, now my coach says after, who is right?",
        "general.before_after",
    ),
    # look-alikes: a stretch mark cream, jeans tight round the thighs
    (
        "I bought a stretch mark cream for my belly after my second baby and it's done "
        "nothing. Which brands actually work?",
        "fallback",
    ),
    ("new jeans are so tight round the thighs, how do i stretch them out", "fallback"),
    # ... or told first and stretched as "them", the area only where on the thing
    ("my jumper shrank in the wash, how do i stretch it out at the shoulders", "fallback"),
    ("new running shoes and my calves are tight, how do i stretch them", "calves.stretch"),
    ("stretch for my belly", "abdominals.stretch"),
    # an area word inside the name of an illness names no area
    ("got a chest infection, ok to do my stretches", "general.when_ill"),
    ("sore throat so no run today, can i still stretch", "general.when_ill"),
    ("i have a sore throat", "fallback"),  # an illness told, nothing of stretching asked
    ("my chest is tight", "chest.stretch"),
    # a ride told by its distance
    ("just got back from a 60 mile ride, what should I do now", "routine.cooldown_cycling"),
    ("60 mile ride done, stretches?", "routine.cooldown_cycling"),
    # an area whose name holds its owner is the writer's, a thing just before it or not
    (
        "when i lean over to put my boots on the backs of my legs feel like wire, what can i do",
        "hamstrings.stretch",
    ),
    # "when i ..." tells when, it asks nothing: the complaint before it is the question
    (
        "did a long hike saturday and my hips are so tight at the front. when i stand up i'm bent over like a question mark",
        "hip_flexors.stretch",
    ),
    # stiffness all over, in the morning: its answer, or the morning routine when asked for
    ("stiff as a plank every morning", "general.morning_stiffness"),
    # soreness after a session, asked whether stretching makes it worse
    (
        "first squat session in ages and the stairs are my nemesis, should i stretch or will it make it worse",
        "general.soreness",
    ),
    # the closing question asks the area's stretch; a warm-up told before is story
    (
        "doing couch to 5k and my shins throb at the front even after the warm up walk. is there a stretch for them",
        "shins.stretch",
    ),
    # a question first, by its time of day, with a body told after it
    (
        "anything calming before bed? my mind races and my shoulders are hunched up",
        "routine.bedtime",
    ),
    # "what is going on" asks why, though the story says "part of the"
    (
        "cycling for years and lately my hamstrings tighten up halfway through a ride, mostly the upper part of the hamstring, left leg worse. what is going on with them?",
        "hamstrings.why_tight",
    ),
    # the ask before its reason
    ("can you send me a stretch every day so i remember", "daily.on"),
    # a tight neck or shoulders told with the headaches they bring: the tension headache
    (
        "deadlines are killing me, my neck is stiff and i get a headache most afternoons",
        "general.tension_headache",
    ),
    # "back to back" is no back; the area is the calves
    (
        "nurse here, twelve hour shifts back to back, the backs of my lower legs feel like rocks by the end. what causes that?",
        "calves.why_tight",
    ),
    # the areas bounding an extent are said of with the first: the outside of the thigh
    (
        "the outside of my left thigh from the hip down to the knee is tight as a drum after cycling, can that be stretched?",
        "it_band.stretch",
    ),
    # a question first keeps its question mark
    ("stretch before or after a run? my club keeps arguing about it", "general.before_after"),
    # whether stretching helps soreness the intent layer read as a session's cool-down
    (
        "absolutely wrecked three days after leg day. will stretching make it go away faster?",
        "general.soreness",
    ),
    ("i get cracks and pops in my back when i stretch, is that bad", "general.joint_noises"),
    (
        "i start stretching every january and give up after a week, how do people keep it up",
        "general.habit",
    ),
    # "stretch" and the morning, past the look-alike "morning coffee"
    ("quick morning stretch thing to do before my coffee?", "routine.morning"),
    ("can i ask my boss for flexible working hours", "fallback"),
    # a request for a setting, with the areas it is for told after "so"
    (
        "camping trip this weekend, 5 hours in the car. give me something for the stops so my back doesnt seize",
        "routine.road_trip",
    ),
    (
        "my hand went totally dead cos i slept on it, fine after i shook it out",
        "general.pins_and_needles",
    ),
    # "is a pain in the neck" is annoying; a pain in the neck itself is the neck's
    ("remembering to stretch daily is a real pain in the neck", "general.habit"),
    ("what helps a pain in the neck from sleeping funny", "neck.stretch"),
    # "a long day on my feet" tells a day, it asks no standing-only limit
    ("whats a good stretch after a long day on my feet", "feet_ankles.stretch"),
    # a setting told, then what to do, with no area named: the setting's routine
    ("i sit at a computer 9 hours a day, what should i be doing", "routine.desk_break"),
    ("ur actually pretty smart for a bot", "smalltalk.compliment"),
    ("stiff as a board when i wake up, anything quick i can do first thing?", "routine.morning"),
    # a warm-up done to a thing is no warm-up of ours, asked how long or how
    ("how long should i warm up the car on a cold morning before driving", "fallback"),
    # a back that "feels broken" after a long night is a stiff one
    ("pulled an all nighter gaming and my back feels broken lmao", "lower_back.stretch"),
    # soreness after a session, an area named, asked whether stretching makes it worse
    (
        "did legs 2 days ago and now i walk down stairs like a baby giraffe lmao. stretch it out "
        "or will that make it worse",
        "general.soreness",
    ),
    (
        "did squats for the first time in forever and now i can barely walk down stairs. quads "
        "are destroyed. should i stretch or will that make it worse",
        "general.soreness",
    ),
    # the sensation felt is asked about, not the goal it came with
    ("i get a head rush every time i come up from touching my toes, normal?", "general.head_rush"),
    ("got a stinking cold, should i still do my stretching or skip it", "general.when_ill"),
    ("does stretching actually help with stress or is that a myth", "general.stress"),
    # a headache named plainly with a tight neck or shoulders: the tension headache
    (
        "Every day around 4pm I get this band-like headache and my neck and shoulders feel like "
        "concrete. Would stretching help?",
        "general.tension_headache",
    ),
    (
        "this deadline is giving me a headache, neck and shoulders are so tight",
        "neck.stretch",
    ),
    # "what should i warm up with" asks for the warm-up of the sport told
    (
        "play tennis twice a week, usually i just hit a few balls and go. my shoulder has been "
        "feeling tight on serves lately. what should i warm up with?",
        "routine.warmup_tennis",
    ),
    ("can u do me a full body one for sunday mornings", "routine.full_body"),
    ("bet", "smalltalk.acknowledge"),
    ("I fell off the wagon with stretching for 3 months, how do I restart", "general.beginner"),
    ("chesty cough, can i stretch", "general.when_ill"),
    # a claim about stretching before, doubted
    (
        "my mate reckons stretching before a run makes you slower?? is he talking rubbish",
        "general.before_after",
    ),
    ("my coach says stretching before lifting is bad, is that true", "general.before_after"),
    (
        "heart was going like the clappers after hill sprints but it settled quickly, ok?",
        "general.breathless_exercise",
    ),
    ("three days after leg day and the stairs are still hell", "general.soreness"),
    ("leg day done and i can barely get down the stairs", "routine.cooldown_strength_legs"),
    ("does stretching actually stop you getting injured or is that a myth", "general.benefits"),
    # what to buy, and a habit that does not stick, in everyday words
    (
        "do i need to buy anything? straps or blocks or can i use stuff round the house",
        "general.equipment",
    ),
    ("do i need to buy anything for the trip", "fallback"),
    ("i start stretching for a few days then totally forget, how do i keep going", "general.habit"),
    ("how long do i hold the iron on a patch to make it stick", "fallback"),
    (
        "i always start stretching for a week then totally forget. how do people make it stick",
        "general.habit",
    ),
    # a closing piece that tells a reason asks nothing: the question that opens is what
    ("what even is the piriformis, my physio said its the reason my bum hurts", "piriformis.what"),
    # rest asked about for an illness, not for sore muscles
    ("got a stinking cold, should i still do my stretches or just rest", "general.when_ill"),
    ("got flu and my legs ache, stretch or rest?", "general.when_ill"),
    ("legs sore from yesterday, stretch or just rest", "general.soreness"),
    ("can stretching make me stronger", "general.is_exercise"),
    ("is stretching strength training", "general.is_exercise"),
    # stretching in heat: a sauna, a hot bath (not heat or ice on a sore neck)
    ("should i stretch in the sauna", "general.stretching_in_heat"),
    ("stretching in a hot bath", "general.stretching_in_heat"),
    ("hot water bottle on my neck?", "general.heat_or_ice"),
    # a stretch's name said in the plural is still its name
    ("tennis elbow stretches", "stretch.wrist_extensor_stretch"),
    # an elbow is the forearm muscles' area; "elbow grease" is no elbow
    ("sore elbow, anything for that", "wrists_forearms.stretch"),
    ("elbow grease to clean the oven", "fallback"),
    # a problem a stretch is named after, named asking for a stretch or alone
    ("stretches for tennis elbow", "stretch.wrist_extensor_stretch"),
    ("i have tennis elbow what stretch should i do", "stretch.wrist_extensor_stretch"),
    ("tennis elbow?", "stretch.wrist_extensor_stretch"),
    ("why do i get tennis elbow", "wrists_forearms.why_tight"),
    ("figure four stretches", "stretch.lying_figure_four"),
    # myths about stretching: lactic acid is the soreness question, muscle-building whether it
    # counts as exercise (not a fitness question we decline)
    ("does stretching get rid of lactic acid", "general.soreness"),
    ("does stretching build muscle", "general.is_exercise"),
    ("how do i build muscle", "fallback"),
    ("is pilates strength training", "fallback"),
    ("does swimming build muscle", "fallback"),
    # period cramps, not a muscle cramp; "period" of time is no period
    ("can i stretch on my period, cramps are bad", "general.period_pain"),
    ("stretches for period cramps", "general.period_pain"),
    ("what period should i hold a stretch", "general.how_long"),
    ("period of time", "fallback"),
    ("stretch for a long period", "general.how_long"),
    ("prolonged periods of sitting make my back stiff", "lower_back.stretch"),
    # a joint's noise told as a noise or a sound
    ("my knee made a crunching noise", "general.joint_noises"),
    ("my hip makes a clicking sound when i lift my leg", "general.joint_noises"),
    # padding under a kneeling knee is a question of kit, not of the knee
    ("do i need a cushion under my knee for the lunge", "general.equipment"),
    ("should i put a pillow under my knee when i kneel", "general.equipment"),
    # props: what is needed, a band for a strap
    ("can i stretch with a resistance band or is that just for strength", "general.equipment"),
    ("do i need any equipment to start stretching", "general.equipment"),
    # whether soreness calls for a rest day; a rest day from stretching is stretching daily
    ("my legs are sore, do i need a rest day", "general.soreness"),
    ("is it bad to train when still sore", "general.soreness"),
    ("do i need a rest day between stretching sessions", "general.every_day"),
    # a question about stretching before a run beside a story of toe touches at school
    (
        "our PE teacher always made us do toe touches before the bleep test but the coach at "
        "my running club says dont. is it bad to stretch before running",
        "general.before_after",
    ),
    (
        "is it bad to stretch before running?? my PE teacher made us do toe touches before "
        "every race",
        "general.before_after",
    ),
    (
        "at school we did long toe touch stretches before every run but now people say you "
        "shouldnt stretch before running?? which is it",
        "general.before_after",
    ),
    ("give me a stretch before running", "routine.warmup_running"),
    # something quick or easy to do, with nothing more: the short all-over routine, as "quick
    # stretch" gets; a clause telling when changes nothing, one naming a condition does
    ("anything quick i can do", "routine.full_body"),
    ("give me something easy to do", "routine.full_body"),
    ("anything quick i can do while shes napping", "routine.full_body"),
    ("i want to stretch while watching tv", "routine.full_body"),
    # ... and so does one telling what it comes after, unless that is an activity of ours
    ("i want to stretch after gardening", "routine.full_body"),
    ("give me some stretches for after gardening", "routine.full_body"),
    ("quick stretch after lunch", "routine.full_body"),
    ("good stretch after a long day", "routine.full_body"),
    # stretches for people or a pastime with nothing made for them: the same, not a fallback
    ("stretches for drummers", "routine.full_body"),
    ("stretching for dancers", "routine.full_body"),
    ("stretch for my budget", "fallback"),
    ("show me a stretch for it", "fallback"),
    ("stretches for stretch marks", "fallback"),
    ("give me a stretch after my run", "routine.cooldown_running"),
    ("i want to stretch after my hip replacement", "condition.hip_replacement"),
    ("stretch while pregnant", "condition.pregnancy"),
    # what to do, and nothing of what for: no flight's routine
    ("anything i can do", "fallback"),
    ("on a plane, anything i can do in my seat", "routine.long_flight"),
    # a length with nothing more: the all-over routine, as a plain ask gets
    ("got 5 minutes, anything i can do", "routine.full_body"),
    ("20 minutes full body", "routine.full_body"),
    ("a 10 minute thing for my hips", "routine.area.hip_flexors"),
    # "morning" before "routine" is its time, not a hello; "max" qualifies the length
    ("morning routine 10 mins max", "routine.morning"),
    ("desk stretches 5 mins tops", "routine.desk_break"),
    # a routine asked for plainly at one end of a story
    ("something for bed pls, wound up after work", "routine.bedtime"),
    ("something for before bed pls, head is buzzing after a long shift", "routine.bedtime"),
    ("wired after work and cant switch off, bedtime thing pls", "routine.bedtime"),
    (
        "teeing off in 20 mins and my back always seizes on the first few holes",
        "routine.warmup_golf",
    ),
    (
        "night shift, home at 8am wired and achy. something gentle to do before i crash?",
        "routine.bedtime",
    ),
    ("10 min whole body thing, nothing fancy, no equipment", "routine.full_body"),
    # a journey still to come, told with nothing asked
    (
        "driving to the south of france tomorrow with the kids in the back, its a long one",
        "routine.road_trip",
    ),
    # ... or one set off on, told as a long one
    ("flying to perth, 17 hours", "routine.long_flight"),
    ("im driving down to cornwall with the dog, 6 hrs of it", "routine.road_trip"),
    ("flying to paris on the cheap, any deals", "fallback"),
    ("i hate flying", "fallback"),
    # a journey just over: its own routine
    ("just got back from a 10 hour drive", "routine.road_trip"),
    ("when is my flight going to land", "fallback"),
    # a near match whose subject the writer names of themselves
    ("i slouch at my desk all day", "general.posture"),
    ("how do I work towards the splits safely", "general.splits"),
    ("how do we improve our company security posture", "fallback"),
    # "bad knees" is a limit (no kneeling) and the area asked about
    # complaints in everyday words: "stuffed", stress carried in an area
    ("crawling round roof spaces all day looking up, neck is stuffed", "neck.stretch"),
    ("work stress is through the roof and i carry it all in my shoulders", "shoulders.stretch"),
    ("im stuffed after that dinner", "fallback"),
    ("bad knees, what can i do", "knees.stretch"),
    # an area's "'s" is "is": "back's in bits" (not "back in" five minutes)
    ("back's in bits after helping my mate move house all weekend", "lower_back.stretch"),
    ("neck's killing me from the laptop", "neck.stretch"),
    # stiffness told first, the writer and the area left out: the whole body's routine
    ("stiff as anything after a long day in the warehouse", "routine.full_body"),
    ("so stiff today", "routine.full_body"),
    ("achy and stiff after a double shift", "routine.full_body"),
    ("really stiff after two days of moving furniture", "routine.full_body"),
    ("stiff drink after work", "fallback"),
    ("aching for a holiday after this week", "fallback"),
    # tight on time or for cash is short of it, not stiff
    ("i'm so tight on time today, can you write my email for me", "fallback"),
    ("im so tight for cash this month, any tips", "fallback"),
    # a routine named by its title, whatever else is said
    ("desk break ideas pls, back to back zoom calls all afternoon", "routine.desk_break"),
    ("bedtime wind down for a toddler", "fallback"),
    # "ab" for one stomach muscle, or a stretch for them
    ("any good ab stretches", "abdominals.stretch"),
    ("ab day destroyed me, anything to stretch", "abdominals.stretch"),
    # two times of day, or the two ends of a session, set against each other
    ("evening or morning, which is best?", "general.time_of_day"),
    ("am vs pm stretching", "general.time_of_day"),
    # a subject whose answer is an area's (period pain, the lower back's), named with that
    # area: the subject's answer, not the area's nor the cramp's
    ("period pain again and my lower back is killing me", "general.period_pain"),
    (
        "time of the month, my lower back is cramping up, will stretching help",
        "general.period_pain",
    ),
    # yoga by the name of its style; a cool-down after it (yoga has a warm-up only)
    ("hatha class tonight, what should i do first", "routine.warmup_yoga"),
    ("cool down sequence after yoga", "routine.cooldown"),
    # too old, in other words; an insult in an idiom
    ("62, any point starting now or has that ship sailed", "general.too_old"),
    ("honestly as useful as a chocolate teapot", "smalltalk.insult"),
    # "what's that about" asks why; a knot that "won't shift" asks for something to shift it
    ("my hamstrings are always tight after football, whats that about", "hamstrings.why_tight"),
    ("knot in my neck that just wont budge", "neck.stretch"),
    # a stretch named with a wish for another in its place: one for the same area, keeping
    # to what was told
    ("pigeon pose hurts my knee, anything i can do instead", "glutes.stretch"),
    ("not a fan of the couch stretch, anything else for the same muscles", "hip_flexors.stretch"),
    # a tension headache described, not named
    ("every afternoon at my computer i get this band round my head", "general.tension_headache"),
    # a journey ahead with areas named only as a worry for it: the journey's routine
    (
        "flying to la next week, 11 hours, dreading what it does to my hips and back",
        "routine.long_flight",
    ),
    # a child's legs aching at night: the children's answer (growing pains), not the
    # bedtime routine
    ("my son complains his legs hurt at night", "condition.children_teens"),
    ("my daughter's legs ache at bedtime again", "condition.children_teens"),
    # an arm slept on gone dead and back: the limb gone to sleep, not the arm's stretch
    (
        "fell asleep on my arm and it went totally dead, fine after a shake",
        "general.pins_and_needles",
    ),
    # out of breath in everyday words: "a bit puffed", a heart rate that "hits" a number
    ("get a bit puffed on the stairs at work, is that normal", "general.breathless_exercise"),
    # a please after chat noise at the end goes with the noise
    ("cool down anyway please", "routine.cooldown"),
    ("hamstring stretch then pls", "hamstrings.stretch"),
    # a body told to feel better is thanked for, after a thank-you too; not a wish to feel so,
    # and not when stretches are asked for
    ("cheers that honestly helped, my back feels less stiff", "smalltalk.thanks"),
    ("neck feels loads better", "smalltalk.thanks"),
    ("you're the best, my hips feel amazing", "smalltalk.compliment"),
    # a story that opens with a pet turns to the writer before the complaint, or the writer
    # shares what the pet feels
    (
        "my cat had kittens and now im crouched over the box all day, back is stiff",
        "lower_back.stretch",
    ),
    ("my dog is shattered after our walk and so am i, neck is stiff", "neck.stretch"),
    # below the waist is the legs, not the waist; a lower body is no whole body
    ("everything from the waist down is stiff", "routine.legs"),
    ("my lower body feels so stiff", "routine.legs"),
    ("my waist is tight", "side_body.stretch"),
    # soreness told after an activity with a cool-down of its own: that cool-down; asked
    # about, or with no body told sore, the answer on soreness
    ("my legs are toast after my ride", "routine.cooldown_cycling"),
    ("leg day absolutely wrecked me", "routine.cooldown_strength_legs"),
    ("legs feel like jelly after leg day lol", "routine.cooldown_strength_legs"),
    ("my legs are toast after my ride, is that normal", "general.soreness"),
    # a machine's noise is no joint's; a joint's noise told the same way is
    ("my washing machine makes a clicking noise on spin, what is it", "fallback"),
    ("my hip keeps making a clicking noise when i lift my leg", "general.joint_noises"),
    # "stretch the <area>" in a message about a thing is the thing's part
    ("my leggings shrank in the dryer, how can i stretch the waist again", "fallback"),
    # a cramp hurts: its pain is the cramp's, not a complaint of the area's own
    ("calf cramp woke me up, absolute agony", "general.cramp"),
    # an area word asked "for" is the body's, and areas asked for together get one routine
    ("stretches for neck", "neck.stretch"),
    ("something for hips and hamstrings together", "routine.area.hip_flexors+hamstrings"),
    # a short question after a story of exercise is answered alone
    (
        "split my shorts doing a deep squat, how do i get better at squatting",
        "routine.squat_mobility",
    ),
    # a stretch asked for with what it is for: the ask, whatever the story before
    ("rough day, my heart is broken, need a stretch to distract me", "neck.stretch"),
    # a complaint told before goes for an area named "too" after it
    ("eyes are fried from the screen, neck and shoulders too", "neck.stretch"),
    # a verdict that what was given did not help is met as an insult; a harm told is not
    ("your last routine was rubbish", "smalltalk.insult"),
    ("that last one was totally useless", "smalltalk.insult"),
    # whether a cool-down is needed at all, asked after what it is: the answer on that
    ("whats a cool down exactly and do i really need one", "general.cooldown_needed"),
    # a short request for one names its occasion: a time of day, or a session's end
    ("give me one for after the gym", "routine.cooldown_strength"),
    ("got any for before the gym?", "routine.warmup"),
    ("give me something for the morning", "routine.morning"),
    ("give me one for the evening", "routine.bedtime"),
    ("something for after my workout", "routine.cooldown"),
    ("got one for after my ride", "routine.cooldown_cycling"),
    ("can i have one for before my run pls", "routine.warmup_running"),
    # ... with no cool-down of its own, not its warm-up
    ("something for after football", "routine.cooldown"),
    # ... and an area named is the area's
    ("give me one for my neck", "neck.stretch"),
    # a verdict on the bot or on what it gave, told in other words
    ("you are rubbish, that routine did nothing", "smalltalk.insult"),
    ("that stretch did absolutely nothing", "smalltalk.insult"),
    ("honestly ur better than my physio", "smalltalk.compliment"),
    ("you're better than my pt lol", "smalltalk.compliment"),
    # ... not a body part's
    ("my back is useless today", "lower_back.stretch"),
    # grinding or clenching told by when it happens is the jaw's
    ("i grind at night and my face aches", "jaw.stretch"),
    ("dentist says i clench in my sleep, anything for it?", "jaw.stretch"),
    # ... not fists clenched
    ("my fists hurt from clenching", "fallback"),
    # ... or says when, before or after: a time of day that only says when an activity is
    # takes nothing from it
    (
        "give me something quick before my morning run, my legs are always stiff",
        "routine.warmup_running",
    ),
    ("anything after my evening swim?", "routine.cooldown_swimming"),
    ("anything before the match pls", "routine.warmup"),
    # a joint's noise told by its sound
    ("my shoulder makes a clicking noise when i roll it, no pain", "general.joint_noises"),
    ("knees make a crunchy clicky noise on the stairs, should i worry", "general.joint_noises"),
    # ... not a machine's
    ("my car makes a grinding noise when i brake", "fallback"),
    # a night cramp told by what it does: rock hard, toes curled under
    (
        "woke at 4am, calf went rock hard and my toes curled under, how do i stop it",
        "general.cramp",
    ),
    ("toes curled up and wouldnt uncurl in bed last night", "general.cramp"),
    # a thing's trouble told before a short question is no story about stretching
    ("rear tyre keeps going flat after every ride. what am i doing wrong", "fallback"),
    # praise closed by a thank-you is thanks
    ("really helpful thanks", "smalltalk.thanks"),
    ("super useful, cheers", "smalltalk.thanks"),
    # a warm-up or cool-down asked for by name after the story of a session
    ("killer workout today, need a cooldown", "routine.cooldown"),
    ("smashed a hiit class, got a cooldown for me", "routine.cooldown"),
    ("big game later, need a warm up", "routine.warmup"),
    # ... but asked whether one is needed, the answer
    ("killer workout today. do i need a cooldown?", "general.cooldown_needed"),
    # a one-word appraisal is an acknowledgement ("nice" was read as the full-body routine)
    ("great", "smalltalk.acknowledge"),
    ("nice", "smalltalk.acknowledge"),
    ("lovely", "smalltalk.acknowledge"),
    ("ok brilliant", "smalltalk.acknowledge"),
    # a region asked for with nothing else said is its routine, not leg day's cool-down
    ("legs please", "routine.legs"),
    ("just legs", "routine.legs"),
    ("table legs", "fallback"),
    # the armpit is where the lats and the side body start
    ("my armpit feels tight", "side_body.stretch"),
    (
        "when i reach up to the top shelf i feel a pull from my armpit down to my hip. stretch?",
        "side_body.stretch",
    ),
    # whether stretching is safe is whether it can do harm, not whether to bounce
    ("is stretching safe", "general.harmful"),
    ("is it safe", "general.harmful"),
    ("are stretches safe for me", "general.harmful"),
    # stretches asked for after a gym session or a workout: its cool-down
    ("stretchs for after the gym", "routine.cooldown_strength"),
    ("stretches for after a workout", "routine.cooldown"),
    ("i want to stretch after my workout", "routine.cooldown"),
    ("stretches after weights", "routine.cooldown_strength"),
    ("if i stretch after the gym will i still be sore tomorrow", "general.soreness"),
    # an area that needs waking up before a game still to come: the game's warm-up
    ("tennis after work tonight, elbow and shoulder need waking up first", "routine.warmup_tennis"),
    ("golf tomorrow, my back needs warming up", "routine.warmup_golf"),
    ("i need to wake up earlier for golf tomorrow, back is stiff", "lower_back.stretch"),
    # the back of a chair or of the bus is no back of the body
    (
        "i'm 71 and not as steady as i was, want something i can do holding the back of a kitchen chair",
        "routine.older_adults",
    ),
    ("sitting at the back of the bus my back hurts", "lower_back.stretch"),
    # kit of more than one kind named in a question: what stretching needs
    ("what do i need to start, mat? strap? those foam block things?", "general.equipment"),
    ("yoga mat and blocks, worth buying for a beginner?", "general.equipment"),
    ("my dog chewed my yoga mat and strap lol", "fallback"),
    # "any stretches for me" after a story of someone else (a dog): the writer's plain ask
    ("the dog is dead tired after our walk, any stretches for me lol", "routine.full_body"),
    ("long walk with the dog, any stretches for me", "routine.full_body"),
    ("my dog is stiff in the mornings, any stretches", "fallback"),
    # thanks with "really helpful" after it is thanked, not taken for a compliment
    ("thanks, really helpful", "smalltalk.thanks"),
    ("thanks thats really helpful", "smalltalk.thanks"),
    ("you are really helpful", "smalltalk.compliment"),
    # a muscle that pulls, throbs or screams "like crazy" is a complaint about it
    ("inner thighs pull like crazy whenever i sit cross legged", "adductors.stretch"),
    ("my hamstrings pull like hell when i bend over", "hamstrings.stretch"),
    ("my hips scream at me when i sit cross legged", "hip_flexors.stretch"),
    # how long to hold "one of these", "these", "one"
    ("how long am i meant to hold these", "general.how_long"),
    ("how long should i hold one, they get boring", "general.how_long"),
    # ... not a breath or a note
    ("how long should i hold my breath when swimming", "fallback"),
    # a foot that keeps going to sleep
    ("my left leg keeps going to sleep when i sit on the floor", "general.pins_and_needles"),
    ("am i talking to a bot right now", "smalltalk.are_you_a_bot"),
    # "hamstring" or "shoulder" as a verb with its object is no body part
    ("whats the best way to hamstring the other side's winger in fifa", "fallback"),
    ("how can i shoulder the whole project alone", "fallback"),
    # ... but a stretch of the hamstrings "the right way" is
    ("how do i stretch my hamstring the right way", "hamstrings.stretch"),
    # yoga's "soul muscle" is the psoas
    ("my yoga teacher keeps on about the soul muscle, what is it", "psoas.what"),
    # a seat that leaves the glutes feeling bruised
    ("my glutes feel all bruised after sitting on the bleachers", "glutes.stretch"),
    # stretching again after the flu; a watch's heart rate on a run
    ("flu a few days ago, feel fine now, ok to stretch?", "general.when_ill"),
    ("fitbit says heart rate 160 on my jog, normal?", "general.breathless_exercise"),
    # a story of things ("my phone is flat") closed by a plain ask for a routine: that routine
    ("cat is asleep on my yoga mat and my phone is flat, cooldown please", "routine.cooldown"),
    ("ipad is flat and i forgot my yoga app, whats a good 10 min one", "routine.full_body"),
    # ... not by a question whether
    ("my wifi died, can i do yoga today", "fallback"),
    # the whole body worn out after a hard day or session, no area named: a routine for it
    ("feel like ive been hit by a train after moving house", "routine.full_body"),
    ("feel ancient after a day of decorating", "routine.full_body"),
    # ... not a success
    ("killing it at pilates lately", "fallback"),
    # soreness after an activity with a cool-down, and what to stretch asked: that cool-down
    ("so sore after my first half marathon, what should i stretch", "routine.cooldown_running"),
    # ... whether stretching helps keeps the soreness answer
    ("does stretching stop the soreness after a 10k?", "general.soreness"),
    # both ankles, feet or fingers a bit puffy after heat, a shift or a flight, going down
    (
        "feet go a bit puffy by the end of my shift, both the same, fine by morning",
        "general.puffy_ankles",
    ),
    ("ankles swollen by the evening after a day on my feet, both the same", "general.puffy_ankles"),
    # a burn or a strong pull felt in a stretch, told or asked about: how a stretch should
    # feel, not the stretch again
    (
        "quad stretch gives me a burning feeling at the front of my hip, is that what im meant to feel",
        "general.pain",
    ),
    ("felt a burn in my calf while stretching it, stopped and its fine now", "general.pain"),
    # ... but a stretch asked for that should pull hard is that stretch
    ("give me a hamstring stretch, i want to feel a strong pull", "hamstrings.stretch"),
    # a twitch told of an area, near enough to its answer and named: that answer
    (
        "calf twitching after my long ride, like a little worm under the skin, no pain",
        "general.shaking",
    ),
    # a session in the heat told with how the body took it: stretching in the heat
    ("dripping and bright red all through bikram lol", "general.stretching_in_heat"),
    # ... not a hot tub to cool down
    ("how do i cool down a hot tub that is too hot", "fallback"),
    # feeling sick after a hard session, passing with rest: that answer
    (
        "felt a bit sick after a hard spin class, went after 5 mins of sitting down",
        "general.sick_after_exercise",
    ),
    ("nauseous after my interval session, is that normal", "general.sick_after_exercise"),
    # ... ill is another answer
    ("im sick, can i still stretch", "general.when_ill"),
    # a heart rate read off a watch in a session, told or asked about
    ("garmin said 190 bpm on the last climb, felt ok though", "general.breathless_exercise"),
    ("heart rate hit 178 on my tempo run but i felt fine", "general.breathless_exercise"),
    ("my watch says its 5pm", "fallback"),
    # how often to do "this stuff", "these", "them"
    ("how often should i be doing this stuff", "general.how_often"),
    # ... not the taxes
    ("how often should i do my taxes", "fallback"),
    # whether stretching is "real" exercise
    ("is stretching really exercise or do i still need to go for walks", "general.is_exercise"),
    ("is stretching actually exercise or should i still walk every day", "general.is_exercise"),
    # a thing's failure the writer's area shares: "... and so did my neck"
    ("the wifi gave up and so has my lower back", "lower_back.stretch"),
    # praise alone: an acknowledgement, or thanks when the stretch did its job
    ("lol all good", "smalltalk.acknowledge"),
    ("hit the spot!", "smalltalk.thanks"),
    ("good stretch for my calves", "calves.stretch"),
    # ... but not a bare "sick", which may be someone unwell
    ("sick", "fallback"),
    # tight lower legs are the calves; their front is the shins
    ("stretch for my lower legs pls", "calves.stretch"),
    ("why are my lower legs so tight after walking", "calves.why_tight"),
    ("front of my lower legs ache on runs", "shins.stretch"),
    # an area that pulls whenever, or feels all pulled, is complained of
    ("my hammies pull whenever i lean over to tie my shoes", "hamstrings.stretch"),
    ("my back feels all pulled after carrying the toddler around", "lower_back.stretch"),
    # why muscles get tight at all; an area named keeps its own answer
    ("so why do muscles even get tight", "general.tight_muscles"),
    ("what causes muscle stiffness anyway", "general.tight_muscles"),
    ("what causes tight calf muscles", "calves.why_tight"),
    # a routine asked for at a time of day, read like the full-body one
    ("give me an evening routine", "routine.bedtime"),
    ("so give me a night routine", "routine.bedtime"),
    # balance: practising it, with stretching's part; a bank's balance is none of ours
    ("what can i do to improve my balance", "general.balance"),
    ("balance exercises for my mum", "general.balance"),
    ("how do i improve my bank balance", "fallback"),
    ("check my balance", "fallback"),
    # a cool-down after something no sport's routine knows: the plain cool-down, not one
    # read on its small words ("after the")
    ("what about a cool down after gardening", "routine.cooldown"),
    # an area told as fine is no complaint: the question is about something else
    ("my knees are fine but my car won't start, any tips", "fallback"),
    ("my neck is fine, how do i fix my wifi", "fallback"),
    ("my back is fine but my hamstrings are tight", "hamstrings.stretch"),
    # an area tensed with stress and asked to be stretched: its stretch, not the answer on
    # stress ("does stretching help with stress" stays that)
    (
        "i tense my neck up when i'm stressed at work, is there a way to stretch it out",
        "neck.stretch",
    ),
    ("does stretching help with stress", "general.stress"),
    # the body told spent by a session, and what to stretch asked: its cool-down
    (
        "after bouldering my whole body is cooked, what should i stretch",
        "routine.cooldown_climbing",
    ),
    # an area with a complaint of its own beside a thing: the writer's ("the car" is no
    # owner of the neck); a thing tight round an area stays the thing's
    ("can't look over my shoulder reversing the car, neck is stuck", "neck.stretch"),
    ("my jeans are tight around my thighs", "fallback"),
    # a complaint that tells what the person did, spent the day doing, how much of it, or that
    # the session is over: the area's stretch, why it happens one tap away
    ("shoveled snow this morning and my lower back is stiff", "lower_back.stretch"),
    ("gaming all weekend, wrists are stiff", "wrists_forearms.stretch"),
    ("hiked 12 miles, quads are fried", "quadriceps.stretch"),
    ("swam 40 laps, shoulders are tight", "shoulders.stretch"),
    ("swim practice done, shoulders tight", "shoulders.stretch"),
    ("painted the ceiling all afternoon, neck is stiff", "neck.stretch"),
    # ... but not a time of day alone, nor stretching that was done
    ("my hips feel tight all day", "hip_flexors.stretch"),
    # an area and what it comes from, alone: the area's, not a headache's
    ("my back from sitting all day", "lower_back.why_tight"),
    # lying "on my back" is how the person lies, not the area, beside an area named
    ("lying on my back my neck hurts", "neck.stretch"),
    ("laid on my back my knees ache", "knees.stretch"),
    # ... but an itch on the back is on it
    ("an itch on my back i cant reach, shoulders too stiff", "shoulders.stretch"),
    # "give me the ..." asks for what it names
    ("give me the best calf one", "calves.stretch"),
    # "get" tells the time one has only beside a length
    ("please get me my wheelchair", "fallback"),
    # doing "one of these" every day is a question of how often
    ("is it ok to do one of these every day", "general.every_day"),
    # a general question closed by a plain ask for a routine: the answer's own routine
    ("am i too old to stretch at 70? give me a routine", "routine.older_adults"),
    ("posture is awful, give me a routine", "routine.desk_break"),
    ("is stretching good for stress, any routine", "routine.bedtime"),
    # ... an answer with none of its own stays the answer
    ("is it ok to stretch every day? give me a routine", "general.every_day"),
    # an area wanted looser, or kept loose: its stretch
    ("i want looser hamstrings", "hamstrings.stretch"),
    ("i'd love looser hips", "hip_flexors.stretch"),
    ("my shoulder healed ages ago, just want to keep it loose", "shoulders.stretch"),
    # what can be sneaked or squeezed in asks for something to do
    (
        "bartender here, on my feet all night, calves are wrecked. what can i sneak in between"
        " customers",
        "calves.stretch",
    ),
    # a squat problem that names the heels, complaining of no area: the squat routine
    ("cant get down into a deep squat, my heels lift off the floor", "routine.squat_mobility"),
    ("my hips feel tight in a deep squat", "hip_flexors.stretch"),
    # a stiffness felt in a movement it gets in the way of: the person wants the movement
    # back, so the area's stretch; asked why, the reasons
    ("my calves feel tight whenever i walk uphill", "calves.stretch"),
    ("hips feel stiff climbing into the truck", "hip_flexors.stretch"),
    ("upper back gets tight reaching for the seatbelt", "upper_back.stretch"),
    ("why do my calves feel tight whenever i walk uphill", "calves.why_tight"),
    ("my neck is stiff, getting worse every day", "neck.why_tight"),
    # a game told as starting in a while ("in half an hour", "in an hour", "in 10"): its
    # warm-up, whichever end the words matched; a round told as done, with an area missed
    # feeling it: its cool-down
    ("tennis in half an hour", "routine.warmup_tennis"),
    ("soccer game in an hour, what should i do", "routine.warmup_soccer"),
    ("basketball in 10, quick", "routine.warmup_basketball"),
    ("9 holes done, my hips are feeling every swing", "routine.cooldown_golf"),
    # a goal told as wanted, asking nothing of it: the goal's routine; asked how or whether
    # it can be done, its answer
    ("my goal this year is to touch my toes", "routine.toe_touch"),
    ("wanna get my splits back by summer", "routine.splits"),
    ("hoping to touch my toes by my birthday", "routine.toe_touch"),
    ("how do i get my splits back", "routine.splits"),
    ("want my splits back by summer, is that realistic", "general.splits"),
    # an activity of the body still to come ("next weekend", "at 7"), asked what to do before
    # it or told with no warm-up: the warm-up; an interview at 3 is no activity of ours
    ("hiking next weekend, what should i stretch beforehand", "routine.warmup"),
    ("rugby training at 7, our coach never does a warm up", "routine.warmup"),
    ("big interview at 3, what should i do beforehand", "fallback"),
    # a cause told by a job or role opening the message, or by sleeping on it: the stretch
    ("electrician here, up ladders all day, my shoulders are wrecked", "shoulders.stretch"),
    ("im a nurse and my lower back is tight by the end of the shift", "lower_back.stretch"),
    ("fell asleep in the car and my neck is stiff", "neck.stretch"),
    ("im a total beginner and my hamstrings are tight", "hamstrings.stretch"),
    # a habit told ("i sit at a desk all day", "i run most days") tells the cause
    ("i sit at a desk all day and my hips feel tight", "hip_flexors.stretch"),
    ("i run most days and my calves are tight", "calves.stretch"),
    # the writer stiff all over, nothing done: the whole body's routine (not stiff boots);
    # the arches are the feet's
    ("so stiff i feel like an 80 year old", "routine.full_body"),
    ("my new boots are so stiff", "fallback"),
    ("arches ache after standing at the till all day", "feet_ankles.stretch"),
    ("cant do the splits yet, help me get there", "routine.splits"),
    # pregnancy is the cause of an ache told with it; a yes-or-no question in a clause asks
    ("6 months pregnant and my hips are so tight", "hip_flexors.stretch"),
    ("my shoulders feel tight when i reach up, is that my rotator cuff", "shoulders.why_tight"),
    # a session just had told sore, asking nothing: its cool-down; soreness days on, or a
    # question, the answer on soreness
    ("absolutely wrecked after that boxing class lol", "routine.cooldown"),
    ("legs so sore 2 days after leg day", "general.soreness"),
    ("is it normal to be this sore after spin", "general.soreness"),
    # ear stretching is no muscle's stretching; stretching tips are ours
    ("ear stretching tips", "fallback"),
    ("stretching my lobes, whats the next size up", "fallback"),
    ("stretching tips", "tip"),
    # a stretch asked for, no timing asked, is no question of when
    ("good calf stretch that doesnt need a wall? my gym has none", "calves.stretch"),
    # an area wanted loose for what is coming asks for its stretch
    ("judo tomorrow, need my hamstrings loose for the throws", "hamstrings.stretch"),
    # something for an area asked before a session still to come: its warm-up; a stretch
    # named for the area, the area's
    ("climbing tonight, anything for my forearms before", "routine.warmup_climbing"),
    ("tennis tonight, what stretch for my calves before", "calves.stretch"),
    # "evening" is no "even": a routine asked for a time of day is that time's, however the
    # rest of the message scores; nothing else said (a comedy routine) is no stretch routine
    ("can i get an evening routine", "routine.bedtime"),
    ("a quick evening routine pls", "routine.bedtime"),
    ("comedy routine ideas for the evening", "fallback"),
    ("whats a good evening routine for my skin", "fallback"),
    # how to breathe in a stretch has its answer; breathlessness and pins and needles keep
    # theirs
    ("how should i breathe when stretching", "general.breathing"),
    ("do i breathe in or out as i stretch", "general.breathing"),
    ("is it bad to hold your breath while stretching", "general.breathing"),
    ("short of breath after stretching", "general.breathless_exercise"),
    (
        "my foot gets pins and needles in pigeon, do i breathe through it or come out",
        "general.pins_and_needles",
    ),
    # when to stretch, asked with nothing more: before or after exercise (it got whether
    # stretching should hurt, bouncing or shaking)
    ("when should i stretch", "general.before_after"),
    ("when am i supposed to stretch", "general.before_after"),
    ("whens the right time to stretch", "general.before_after"),
    # "warm up the same as ..." is no thing warmed up
    ("is a warm up the same as stretching", "general.warmup_vs_stretch"),
    ("how do i warm up my car", "fallback"),
    # "today" with a verb in the past tells the session over: its cool-down for the legs
    ("did a 90km ride today, legs are toast", "routine.cooldown_cycling"),
    ("did a long run today, legs are toast", "routine.cooldown_running"),
    # "driving me crazy" is no drive
    ("my flatmate is driving me crazy", "fallback"),
    ("that dripping tap is driving me nuts", "fallback"),
    ("my boss is driving me mad, anything i can do", "fallback"),
    # an area's stretch asked by name in a piece of its own, a goal told after it: the stretch
    ("calf stretch please, i cant touch my toes", "calves.stretch"),
    ("hamstring stretch pls, why are they so tight", "hamstrings.why_tight"),
    # which one an area is, asked to be confirmed: what it is
    ("the quads are the front one right?", "quadriceps.what"),
    ("the hamstring is the back one right?", "hamstrings.what"),
    # "tell me about ..." asks what follows
    ("tell me about stretching for swimming", "routine.cooldown_swimming"),
    ("what do you know about stretching for climbing", "routine.cooldown_climbing"),
    # something to do at work, no area in the talk: the desk break
    ("something i can do without my boss noticing", "routine.desk_break"),
    ("a quick thing i can do between deliveries", "routine.desk_break"),
    # avoiding injuries: the warm-up, strength and balance work that do it, not stretching
    ("i keep getting injured, how do i stop that", "general.injury_prevention"),
    ("is there a way to avoid injuries when i start running", "general.injury_prevention"),
    ("how do i avoid tearing my acl like my sister did", "general.injury_prevention"),
    # dizzy coming up out of a fold: a head rush
    ("went all dizzy coming up from the forward fold", "general.head_rush"),
    ("dizzy when i roll up from touching my toes", "general.head_rush"),
    # a routine asked for to do, told with when or why in words of no routine: the all-over one
    (
        "anything quick i can do before my shift? a stretch routine to loosen up",
        "routine.full_body",
    ),
    ("got a 10 min stretch session i can do after gaming?", "routine.full_body"),
    # ... not a routine of something else
    ("any good study routine to do before exams", "fallback"),
    ("any good skincare routine to do before bed", "fallback"),
    # what a muscle knot is, asked with no area; one in an area is that area's
    ("are muscle knots even real", "general.knots"),
    ("what are knots in muscles", "general.knots"),
    ("i have a knot in my shoulder, stretch?", "shoulders.stretch"),
    ("how to tie a bowline knot", "fallback"),
    # a stretching tip asked for by name, whoever it is for
    ("any stretching tips for someone who sits in a truck 10 hours a day", "tip"),
    ("whats your top stretching tip for a nurse on 12 hour shifts", "tip"),
    # ... not tipping the head, nor stretching a thing
    ("i tried that neck stretch where you tip your head right back", "fallback"),
    ("any tips for stretching a canvas", "fallback"),
    # not sleeping, and something asked to relax: the bedtime routine
    ("can't sleep again, anything to help me relax", "routine.bedtime"),
    # a warm-up, or a stretch, wanted and told so: one, not whether to warm up or stretch
    ("i want to warm up properly", "routine.warmup"),
    ("i wanna warm up first", "routine.warmup"),
    ("i want to stretch properly", "routine.full_body"),
    ("do i need to warm up", "general.warmup_vs_stretch"),
    # a bare area asked at the end of a story: its stretch, as the area alone gets
    ("long shift on the tills today. calves?", "calves.stretch"),
    ("stretch marks on my legs. thighs?", "fallback"),
    # a reason, then "so" and what is wanted: what is wanted
    ("saw a guy get injured at the gym so i want to warm up properly", "routine.warmup"),
    ("my cat is sick so i want to help her", "fallback"),
    # "folk" for people, older ones
    ("simple stretches for old folk like my parents", "routine.older_adults"),
    # wanting to stretch an area, or to look after it, asks for its stretch; whether or when
    # to stretch it stays a question of timing
    ("i want to stretch my quads", "quadriceps.stretch"),
    ("id like to stretch my hamstrings", "hamstrings.stretch"),
    ("i want to look after my calves better", "calves.stretch"),
    ("trying to look after my back more", "lower_back.stretch"),
    ("do i need to stretch my calves", "calves.when"),
    ("why would abs even need stretching", "abdominals.when"),
    # dance styles are activities, and hip hop is no hip: its music stays declined
    ("warm up before my hip hop class tonight", "routine.warmup"),
    ("cooldown after tap class", "routine.cooldown"),
    ("warm up before breakdancing", "routine.warmup"),
    ("any hip hop recs for the gym", "fallback"),
    ("what is hip hop", "fallback"),
    # what is safe with a new joint is the condition's answer, not what the muscles are
    ("had a hip replacement, what's safe to do", "condition.hip_replacement"),
    # an area's stretch asked first, with where to do it, before a story of toe touches
    (
        "show me a hamstring stretch on the floor, toe touches make my back ache",
        "hamstrings.stretch",
    ),
    ("can i do a hamstring stretch, why does it hurt to touch my toes", "general.touch_toes"),
    # what a muscle is, asked of a muscle, not of a kind of one
    ("ok silly one, what even is a muscle", "general.what_a_muscle_is"),
    ("what are muscles made of anyway", "general.what_a_muscle_is"),
    ("what is a pulled muscle exactly", "fallback"),
    ("what exactly is a muscle knot", "general.knots"),
    # a back that cannot straighten is a complaint of it
    ("cant straighten my back after gardening", "lower_back.stretch"),
    # something gentle asked to start with: the short all-over routine
    ("something easy please", "routine.full_body"),
    ("anything gentle to start with", "routine.full_body"),
    # supple is flexible
    ("stretches to stay supple?", "general.keep_flexibility"),
    # the way to a goal asked is its routine; why an area named is tight, the area's answer
    ("how can i get my middle splits", "routine.splits"),
    ("how do i finally touch my toes", "routine.toe_touch"),
    ("why are my hamstrings so stiff, i have never touched my toes", "hamstrings.why_tight"),
    ("how long till i can touch my toes", "general.touch_toes"),
    ("how do i know if im ready for the splits", "general.splits"),
    # something gentle asked for someone older is their routine; what to avoid, the advice
    (
        "my aunt is 76 and wants to get moving again, something simple for her",
        "routine.older_adults",
    ),
    ("im 72, is there anything safe i should avoid", "condition.older_adults"),
    # a trip's length glued to its unit ("9h", "3hr") is the trip's
    ("need stretches for my 9h flight on friday", "routine.long_flight"),
    ("want something for my 3hr drive later", "routine.road_trip"),
    # a night without sleep told, the body tense all over: the bedtime routine; a bed as
    # the place of an illness is no bedtime
    ("so wired i cant sleep, whole body tense", "routine.bedtime"),
    ("stressed out and cant sleep, everything feels tight", "routine.bedtime"),
    ("was in bed two weeks with flu and everything feels stiff", "routine.full_body"),
    # a number is no typo: "45yo" is a grown man, not "15yo"
    ("stretches for a 45yo", "routine.full_body"),
    # an area "gone" by the end of a shift is complained of
    ("plasterer, 10 hour days, my lower back is gone by home time", "lower_back.stretch"),
    ("should i walk the dog in the morning or at night", "fallback"),
    ("stretch BEFORE my 10k or AFTER, cant work it out", "general.before_after"),
    # a clause asking something for the legs stands for a message whose story missed
    ("i've got 10 mins before my shift starts, quick something for my legs", "routine.legs"),
    ("long day on site, anything for my legs", "routine.legs"),
    # a request closing a story of stiffness asks for the stretch, not why
    (
        "been on my knees tiling a bathroom all weekend, knees and thighs stiff, something to "
        "loosen them",
        "knees.stretch",
    ),
    # whether stretching helps sleep: the answer; stretches for sleep: the bedtime routine
    ("does stretching before bed actually help you sleep", "general.sleep"),
    ("can stretching help with insomnia", "general.sleep"),
    ("stretches to help me sleep", "routine.bedtime"),
    # a head rush told in other words
    ("got up too fast off the mat and went a bit fuzzy", "general.head_rush"),
    # a closing piece asking for something at a time, naming no area: that time's routine
    ("my feet are throbbing after a 12 hour shift. something before bed?", "routine.bedtime"),
    # a routine asked for by name, the complaint told after it: the routine
    (
        "morning routine pls, i wake up stiff as a board and it takes till lunch to loosen",
        "routine.morning",
    ),
    # posture told as why, a bare "stretch?" closing: the stretch for the area named first
    (
        "neck and the top of my back are tight from looking down at insta all day. text neck "
        "apparently lol. stretch?",
        "neck.stretch",
    ),
    ("foam rolling my calves, good or bad? stretch?", "general.foam_rolling"),
    # pain denied beside a noise: the noise
    (
        "knees crack like bubble wrap when i squat for the kids toys. doesnt hurt one bit. "
        "should i be stretching something?",
        "general.joint_noises",
    ),
    # a goal named beside who the writer is: the goal
    (
        "34F total beginner, goal is front splits by my 35th in 8 months. realistic??",
        "general.splits",
    ),
    ("complete newbie here, goal is touching my toes by summer. doable?", "general.touch_toes"),
    # the urge to stretch on waking or with a yawn (not a pet's)
    ("why do i yawn when i stretch", "general.urge_to_stretch"),
    ("why do i always yawn and stretch at the same time", "general.urge_to_stretch"),
    ("my guinea pig does a huge stretch and yawn, why", "fallback"),
    # feeling tighter after stretching: why, and what to do instead
    ("why do i feel tighter after stretching", "general.tighter_after"),
    ("my hamstrings are stiffer the day after i stretch them", "general.tighter_after"),
    # growing pains told at night or gone by morning: the child's advice, not a routine for
    # the time of day the pains come
    ("my son's legs ache at night, growing pains?", "condition.children_teens"),
    (
        "our 6 year old wakes up crying at night from growing pains, gone by the morning",
        "condition.children_teens",
    ),
    ("my daughter is 9, any bedtime stretches", "routine.bedtime"),
    # an area readied for a game still to come: the game's warm-up
    ("how to get my hips ready for football", "routine.warmup_soccer"),
    ("how should i prepare my shoulders for swimming", "routine.warmup_swimming"),
    ("prepare my back for golf", "routine.warmup_golf"),
    # an activity's stretches asked for in a last piece of their own, after areas told: its
    # routine
    ("60 miles on the bike, my back is toast. post ride stretches pls", "routine.cooldown_cycling"),
    # a yes-or-no question of its own about stretching an area, after a story of a subject:
    # the area; "can stretching my shoulders fix that" points back at the story's subject
    (
        "i grind my teeth when im anxious and my jaw aches every morning, would stretching the "
        "jaw help",
        "jaw.why_tight",
    ),
    (
        "my posture is awful, shoulders rounded. can stretching my shoulders actually fix that?",
        "general.posture",
    ),
    ("i cycle to work, should i stretch my hips after?", "hip_flexors.when"),
    # "murdering me" and "crippled" complain, as "killing me" does
    ("neck is murdering me after a night on the sofa", "neck.stretch"),
    ("crippled after yesterday's long hike, calves mostly", "calves.stretch"),
    # a subject asked in the clause after "stretch": the subject, not a plain ask
    ("if i stretch after my workout will i be less sore the next day", "general.soreness"),
    # "how do i not lose ..." asks how to avoid it; the "not" denies nothing
    (
        "stopped over the summer and lost loads of range. how do i not lose it all again this time",
        "general.keep_flexibility",
    ),
    ("how can i not lose all my progress this time", "general.keep_flexibility"),
    # bouncing told of someone else, asked whether it is bad
    ("my daughter bounces up and down in her splits, is that ok", "general.bouncing"),
    # "can barely ..." tells how hard it is; it asks nothing, so names no subject asked
    (
        "9 hours in the cab today and the front of my hips feel welded shut, can barely stand "
        "up straight",
        "hip_flexors.stretch",
    ),
    ("how do i get more disciplined with my stretching", "general.habit"),
    # a plain ask for a stretch told with how tired or lazy the person is, or on the sofa
    ("knackered, just want a lazy stretch on the couch", "neck.stretch"),
    # "twinged" and "a disaster" complain, as "twinges" and "a wreck" do
    ("back twinged lifting the shopping, just stiff now", "lower_back.stretch"),
    ("neck's a total disaster after two nights in a tent", "neck.stretch"),
    # "need to stretch" after an area told asks for its stretch
    ("glutes are sore from a four hour train ride, need to stretch", "glutes.stretch"),
    ("hamstrings are numb from a long meeting, need to stretch", "hamstrings.stretch"),
    # a statement turned into a question by its tag ("... normal yeah") asks about its subject
    (
        "heart rate goes through the roof on hill sprints, normal yeah",
        "general.breathless_exercise",
    ),
    # one tip asked for an area: something to do for it
    ("one tip for stiff calves, go", "calves.stretch"),
    ("best tip for tight glutes, go", "glutes.stretch"),
    # what goes wrong with a thing on a ride asks about the thing, not a cool-down
    ("my chain keeps slipping after long rides, whats the fix", "fallback"),
    ("rear tyre always goes flat after long rides, whats the fix", "fallback"),
    ("got a puncture on my long ride, legs are dead now, cool down?", "routine.cooldown_cycling"),
    # the thumb is the wrists' and hands' area; "thumbs up" and "rule of thumb" are no thumbs
    ("thumb aches from texting all day, any stretch", "wrists_forearms.stretch"),
    ("thumbs up", "smalltalk.thanks"),
    ("whats the rule of thumb for how long to hold a stretch", "general.how_long"),
    # a chest in a figure of speech is no chest, and "fine in a minute or two" no routine's size
    (
        "heart felt like it was coming out of my chest on the hill reps, fine in a minute or "
        "two, what do i stretch after running",
        "routine.cooldown_running",
    ),
    # a cool-down named with an activity, past a look-alike the intent layer is unsure of
    ("40 miles on the bike this morning, cool down pls", "routine.cooldown_cycling"),
    ("just cycled home, what should i stretch", "routine.cooldown_cycling"),
    # "back" of a trip is no body: "to work and back"
    ("cycled to work and back, 40k total, cooldown?", "routine.cooldown_cycling"),
    ("walked to school and back twice today and my calves ache", "calves.stretch"),
    ("stiff from the gym and back hurts", "lower_back.stretch"),
    # how long to hold "each one" of the stretches the person does
    ("how long am i supposed to hold each one, i usually do 5 seconds", "general.how_long"),
    # what to work on, asked last after a story of the activity's problem: its routine, also
    # when a word of the story ("tip forward") looks like a command
    (
        "cant squat deep, heels lift and i pitch forward like a folding chair. what should i "
        "be working on",
        "routine.squat_mobility",
    ),
    (
        "my squat is rubbish, heels come up and i tip forward, what do i need to work on",
        "routine.squat_mobility",
    ),
    ("hamstrings like cables from the office chair, what should i focus on", "hamstrings.stretch"),
    # a beginner told in passing, an activity's stretches asked last: its routine
    ("complete beginner, what should i stretch after leg day", "routine.cooldown_strength_legs"),
    ("gym newbie, what should i stretch after leg day", "routine.cooldown_strength_legs"),
    # before or after a sauna or a hot bath: the answer on stretching in the heat
    ("do i stretch before or after a sauna", "general.stretching_in_heat"),
    ("should i stretch before or after running", "general.before_after"),
    # sitting all day, no area named, a stretch asked: the desk break (not a drive, nor a
    # general answer the message never names)
    ("whats the best stretch for someone who sits all day", "routine.desk_break"),
    ("whats a good stretch if you sit all day", "routine.desk_break"),
    ("best stretch for sitting all day", "routine.desk_break"),
    ("i sit all day, what should i stretch", "routine.desk_break"),
    ("sitting in the car all day, what stretches", "routine.road_trip"),
    # the writer told as stiff, no part named: the whole body's routine
    ("im so stiff, anything help", "routine.full_body"),
    ("menopause has made me so stiff, anything help", "routine.full_body"),
    ("i am so tight with money this month", "fallback"),
    ("i feel so stiff in this suit", "fallback"),
    # a spell on the feet, the only area named, stretches asked: the routine for tired legs
    ("i do 12 hr shifts as a nurse on my feet all night, what stretches help", "routine.legs"),
    ("on my feet all day, any stretches", "routine.legs"),
    ("on my feet all day at work, my feet are killing me, what stretches", "feet_ankles.stretch"),
    # a plain ask last, after a story that names no area, activity nor subject of ours
    ("bored, give me a stretch to do", "neck.stretch"),
    ("lockdown is boring, give me a stretch", "neck.stretch"),
    ("my landlord is useless, give me a break", "fallback"),
    # "open them up" asks for the stretch of the area it points at, past the posture story
    (
        "my physio says my pecs are short from hunching over a laptop and thats why my "
        "shoulders roll forward. how do i open them up",
        "chest.stretch",
    ),
    # contract-relax told by what is done: a push against a hand or a partner, then further
    (
        "i press my leg against my mates arm for a few secs then stretch deeper, what is that",
        "general.pnf",
    ),
    # whether stretching stops aching the next day: soreness
    (
        "does stretching stop you aching the next day? did loads after the gym and my arms are still dead",
        "general.soreness",
    ),
    # a story about one area that ends asking what it is: what the area is
    ("my coach says i need to release my it band every day. what even is it", "it_band.what"),
    ("my piriformis is tight after driving. what is that", "piriformis.what"),
    # a routine named by its words alone beside a length: that routine, sized
    ("head to toe 15 min", "routine.full_body"),
    ("desk 5 mins", "routine.desk_break"),
    ("my wifi drops every 20 minutes", "fallback"),
    # a wobble is a shake; a clencher's is the jaw; heat or ice named beside an area is
    # the answer on them, not why the area gets tight
    ("my arms go all wobbly holding a plank stretch, why", "general.shaking"),
    ("im a clencher, what stretch helps", "jaw.stretch"),
    ("tight calves: wheat bag or frozen peas", "general.heat_or_ice"),
    # general subjects in everyday words: a bouncy thing, nothing changed yet, a noob,
    # counting towards exercise
    ("my mate does that bouncy thing when he stretches, bad idea?", "general.bouncing"),
    (
        "a month in and nothing has changed, when does it start working",
        "general.flexibility_timeline",
    ),
    ("total noob, where do i even start", "general.beginner"),
    ("does stretching count towards my 10k steps", "general.is_exercise"),
    ("does yoga count towards my weekly exercise", "general.is_exercise"),
    # a stitch told by what it comes with: a sharp pain in the side, running or swimming
    # after food, gone on stopping ("tight" in the side after a run stays the side's)
    ("i get a stabbing pain in my side when i swim after breakfast", "general.side_stitch"),
    ("sharp pain in my side only when i jog after lunch, gone when i stop", "general.side_stitch"),
    ("my obliques are tight after running, what stretch", "side_body.stretch"),
    # a question first that names a subject, and an area only in the story after it: the
    # subject asked about
    ("should it hurt? i get a pulling in my calf when i do the wall one", "general.pain"),
    (
        "is it meant to hurt? i get a burn down the back of my leg when i fold forward",
        "general.pain",
    ),
    # the neck told by what it cannot do: look left or right
    ("woke up and i cant look right without it hurting, what helps", "neck.stretch"),
    ("my account looks to be blocked and i have no idea why", "fallback"),
    # an area feared to seize or cramp in an activity still to come, "later" included: the
    # activity's warm-up ("2 days later" is no time still to come)
    (
        "about to head out for a jog, anything i should do first so my hamstrings dont seize up",
        "routine.warmup_running",
    ),
    ("football later and my hamstrings are already tight", "routine.warmup_soccer"),
    # lying in bed is where the bedtime routine is done, a vague "stuff" or "things" asked
    ("what stuff can i do in bed", "routine.bedtime"),
    ("anything i can do lying in bed before sleep", "routine.bedtime"),
    ("how do i get my toddler to stay in bed at night", "fallback"),
    ("what can i do in bed with my girlfriend", "fallback"),
    ("my cat sleeps in bed with me what can i do", "fallback"),
    ("what things can i do with leftover chicken", "fallback"),
    # going over on an ankle is a recent sprain: its advice leads the answer
    ("went over on my ankle yesterday, how do i stretch it", "feet_ankles.stretch"),
    # whether stretching helps a sensation named (twitching): its answer, not the area's stretch
    ("my thigh keeps twitching after squats, would stretching help", "general.shaking"),
    # "good cool down?" asks for one, not whether to do one
    ("got a PB today, not my leg lol, good cool down?", "routine.cooldown"),
    ("do i really need a cool down", "general.cooldown_needed"),
    # an area tight already, with the game still to come: the game's warm-up
    ("bouldering tonight and my forearms are tight already", "routine.warmup_climbing"),
    ("tennis tomorrow and my shoulder already feels tight", "routine.warmup_tennis"),
    # "stuff i can do" sitting down asks for something, as "anything i can do" does
    ("is there stuff i can do sitting down", "routine.desk_break"),
    # a coach or a bus journey is a road trip
    ("4 hours on a coach tomorrow, any stretches", "routine.road_trip"),
    # a neck gone crooked, a back that went twang: complaints
    ("my neck's all crooked from sleeping on the sofa", "neck.stretch"),
    ("lower back went twang lifting the shopping", "lower_back.why_tight"),
    # a question opening the message names its subject; the area is in the story after it
    (
        "how do you tell if you're just sore or actually injured? quad's been achy for 4 days since squash",
        "general.sore_or_injured",
    ),
    # "X or Y?" reads like a comparison answer; the subject its keywords name is asked
    (
        "does stretching count as my exercise for the day or should i go to the gym",
        "general.is_exercise",
    ),
    # a way of stretching named, compared with stretching: its answer, not yoga's
    (
        "got a foam roller for my birthday, not sure what to do with it, is it better than stretching",
        "general.foam_rolling",
    ),
    # "how am i meant to stretch it" asks for the stretch, past a practice the story names
    (
        "foam rolling my calves does nothing, how am i supposed to stretch them then",
        "calves.stretch",
    ),
    # knots told as knotty, knotted or in knots
    ("my traps are all knotted up", "neck.stretch"),
    ("shoulders in knots from work", "shoulders.stretch"),
    # praise in British slang
    ("ur a legend mate", "smalltalk.compliment"),
    ("youre ace", "smalltalk.compliment"),
    # "on my feet" for a shift tells how long the writer stood; the legs are the complaint
    ("my legs ache after a day on my feet", "routine.legs"),
    ("legs heavy as lead after a double shift on my feet, anything for tired legs", "routine.legs"),
    # a session just done: "before" tells what comes next, so the cool-down
    (
        "just finished a half marathon, what can i do before i collapse on the sofa",
        "routine.cooldown_running",
    ),
    (
        "just did my long run, what should i do now before i get the kids",
        "routine.cooldown_running",
    ),
    # the last hole of a round is golf
    ("finished on the 18th hole, back is stiff, cool down ideas", "routine.cooldown_golf"),
    # the one subject named by its keywords, which the intent layer leaned to
    ("legs went shaky holding a wall sit", "general.shaking"),
    ("hold relax vs contract relax difference", "general.pnf"),
    ("it hurts where my neck meets my shoulder", "neck.stretch"),
    ("the psoas, where is it", "psoas.what"),
    # several areas told spent by a session just over: its cool-down, asked or not
    ("long ride today, quads and lower back are toast", "routine.cooldown_cycling"),
    ("10k run this morning, calves and hamstrings are wrecked", "routine.cooldown_running"),
    ("hamstrings and calves are wrecked after my long run", "routine.cooldown_running"),
    ("quads and hamstrings destroyed, why", "quadriceps.why_tight"),
    # standing up too fast is when it hurts, not a head rush, when no dizziness is told
    (
        "lower back twinges when i get up too quickly from my desk, what can i stretch",
        "lower_back.stretch",
    ),
    ("why do i get dizzy when i stand up too fast", "general.head_rush"),
    ("the cat cow is lovely. how many times a day can i do it", "general.how_often"),
    # wincing days after a first class: soreness, whatever general answer it looked like
    (
        "2 days after my first pump class and i cant sit on the toilet without wincing, will stretching fix it",
        "general.soreness",
    ),
    (
        "cant get up the stairs without wincing since my first spin class, should i stretch",
        "general.soreness",
    ),
    (
        "first leg day in months and i have to hold onto the banister going downstairs",
        "routine.cooldown_strength_legs",
    ),
    # "before the drive home" says when in the day: no warm-up for a session that is over
    ("leg day ended me. what should i stretch before the drive home", "routine.road_trip"),
    # whether stretches help a tension headache: its answer, not stretching's benefits
    ("do neck stretches help tension headaches", "general.tension_headache"),
    (
        "headache from my neck every afternoon, would shoulder stretches help",
        "general.tension_headache",
    ),
    # a head rush told as going grey or all dizzy
    (
        "got up off the couch and everything went grey for a second, is that normal",
        "general.head_rush",
    ),
    ("stood up from the floor and went all woozy, is that bad", "general.head_rush"),
    # how long the pain lasts is no routine's length, a posture told is no limit
    (
        "in the morning my lower back is stiff but it goes after 15 minutes, stretches?",
        "lower_back.stretch",
    ),
    ("my calves hurt for 10 minutes after i get up every morning, stretches?", "calves.stretch"),
    (
        "12 hr shifts on my feet, first step out of bed my heel feels like im standing on a nail,"
        " eases off after a few mins. any stretches",
        "feet_ankles.stretch",
    ),
    # one end of a story understood alone, the rest only telling
    (
        "hunched over my laptop all day, my boss keeps telling me to sit up straight",
        "general.posture",
    ),
    # a harm told as coming from foam rolling: how hard and where to roll
    ("got a big bruise on my shin from foam rolling too hard", "general.foam_rolling"),
    ("my quads are so sore after foam rolling last night", "general.foam_rolling"),
    # a social saying around the question
    ("are you a real person or a bot, be honest", "smalltalk.are_you_a_bot"),
    ("to be honest you are useless", "smalltalk.insult"),
    ("most useless app ever", "smalltalk.insult"),
    # soreness told after a session, whether to stretch through it: the soreness answer
    (
        "2 days after leg day and i walk like a penguin. should i stretch through it",
        "general.soreness",
    ),
    # whether yoga is stretching enough, however it is asked
    (
        "i go to yoga 3 times a week, do i need to stretch separately too",
        "general.yoga_vs_stretching",
    ),
    ("does yoga count as stretching", "general.yoga_vs_stretching"),
    # an area that "has decided" something is a complaint
    ("another morning where my lower back has decided its 80", "lower_back.stretch"),
    # an area that cannot be got into a position is a complaint; with a condition that
    # causes it, the condition's advice
    ("cant get my arms straight overhead without arching my back", "shoulders.stretch"),
    (
        "got told i have frozen shoulder, cant get my arm above shoulder height",
        "condition.frozen_shoulder",
    ),
    (
        "i have arthritis in my knees and cant get them straight in the mornings",
        "condition.arthritis",
    ),
    # an area that will not move is a complaint
    ("slept on the couch and now my neck wont turn to the right", "neck.stretch"),
    # a time still to come: the warm-up or the journey's routine; a driving test is no drive
    ("squash tonight, league match", "routine.warmup_tennis"),
    ("long haul next month, 11 hours to tokyo", "routine.long_flight"),
    ("sitting my driving test next week any tips", "fallback"),
    ("stretch after climbing over the fence", "routine.full_body"),
    # an area tight at the start of every session: the activity's warm-up
    ("my calves are tight for the first few minutes of every run", "routine.warmup_running"),
    ("shoulders always tight for the first 10 lengths at swim squad", "routine.warmup_swimming"),
    # an area feared for before a game still to come: the game's warm-up
    ("golf tmrw with the boss, dont want to wreck my back in front of him", "routine.warmup_golf"),
    ("tennis tomorrow, dont want to pull my calf again", "routine.warmup_tennis"),
    # a plain ask for a time's "thing", read as its complaint first
    ("need a morning thing, something to wake me up", "routine.morning"),
    ("that was a great movie", "fallback"),
    # whether a feeling in a stretch does harm: how a stretch should feel
    ("hamstring stretch sort of burns at the very end, is that the muscle tearing", "general.pain"),
    ("my calf burns in the wall stretch, am i tearing it", "general.pain"),
    # reaching overhead is the shoulders' range
    ("cant get my arms straight overhead", "shoulders.stretch"),
    ("it hurts to lift my arm above my head", "shoulders.stretch"),
    # stretching at odd times of day; grinding the teeth tells why the jaw tightens
    (
        "does it matter that im stretching at weird times of day, my body clock is all over the place",
        "general.time_of_day",
    ),
    ("dentist says i grind my teeth too, is that related", "jaw.why_tight"),
    # the legs told with a ride just over: its cool-down; with no sleep: the bedtime routine
    (
        "just back from a 4 hour sportive, legs feel like concrete, what now",
        "routine.cooldown_cycling",
    ),
    ("cant sleep, my legs feel all tight and fidgety", "routine.bedtime"),
    ("legs feel heavy and tight after standing all day at the checkout", "routine.legs"),
    # a part that "is done" complains
    ("just finished a 6 hour ranked grind and my lower back is done", "lower_back.stretch"),
    ("wallpapering all day, shoulders are done", "shoulders.stretch"),
    # "soar" is "sore" (a word, so no typo to correct); heels that keep lifting in a squat
    ("shins get soar after netball every week whats up w that", "shins.why_tight"),
    ("heels keep lifting when i squat, what do i work on", "routine.squat_mobility"),
    # the bum in plain and rude words; "a pain in the arse" is a saying
    ("arse is aching from sitting in the van all day, courier life innit", "glutes.stretch"),
    ("left bum cheek aches when i sit", "glutes.stretch"),
    ("my boss is a pain in the arse", "fallback"),
    ("heard a crack when i twisted in my chair, felt amazing actually", "general.joint_noises"),
    # what to buy, said plainly; "at what point" asks when to get checked
    ("can i stretch on the carpet or do i need a proper mat", "general.equipment"),
    ("what do i need to buy for the party", "fallback"),
    ("at what point should i see a physio for my knee", "general.see_someone"),
    # "should i be bothered" asks whether a noise is a worry, not when to stretch
    (
        "my knees crack every time i get up off the floor, doesnt hurt. should i be bothered",
        "general.joint_noises",
    ),
    ("my knees crack every time i get up, should i be fussed", "general.joint_noises"),
    ("the fronts of my legs are tight", "quadriceps.stretch"),
    ("i have bad knees what can i do", "knees.stretch"),
    # a trip still to come: the trip's routine; the area's stretch asked for, or a trip
    # over, keeps the area
    ("flying tomorrow and i have a bad back", "routine.long_flight"),
    ("driving to cornwall tomorrow, my hips always seize up", "routine.road_trip"),
    ("long flight tomorrow, any stretch for my calves", "calves.stretch"),
    ("my back hurts after the long drive yesterday", "lower_back.stretch"),
    # a game the area gives out in, every time
    ("golf sunday with my mates, i always tweak my back on the first tee", "routine.warmup_golf"),
    ("my back is sore after playing golf", "lower_back.stretch"),
    # something gentle asked at a time of day, for the writer
    ("cant sleep, mind racing. anything gentle before bed?", "routine.bedtime"),
    ("anything relaxing in the morning", "routine.morning"),
    ("anything gentle for my baby before bed", "fallback"),
    ("morning routine for productivity", "fallback"),
    # an area word that may be something else, asked for as a routine after a length
    ("quick 3 min neck thing", "routine.area.neck"),
    ("5 min back thing", "routine.area.lower_back"),
    ("back in 5 min", "fallback"),
    # the time the person has, told with where they are: that setting's routine, sized
    ("i have 2 minutes between meetings", "routine.desk_break"),
    ("i have 5 minutes before bed", "routine.bedtime"),
    ("i have 20 minutes of homework left", "fallback"),
    ("full body 5 mins", "routine.full_body"),
    # how often to do a stretch named by its area ("the quad one"), not the area's card
    ("is it ok to do the quad one every day or will that overdo it", "general.every_day"),
    ("is it ok to do the quad one daily or is that too much", "general.every_day"),
    ("is it ok to do the calf one daily", "calves.when"),
    # "sick of" is fed up, not ill
    ("I'm sick of tight hamstrings", "hamstrings.stretch"),
    ("im sick, can i still stretch", "general.when_ill"),
    # a time of day told as when the person runs, another asked for: the one asked
    ("i run in the mornings, what should i do before bed", "routine.bedtime"),
    ("i lift in the evenings, what should i stretch in the morning", "routine.morning"),
    # the time says when the run is, the question asks for its end
    ("i go running in the mornings, what should i stretch after", "routine.cooldown_running"),
    ("i go running in the mornings, what should i do before", "routine.warmup_running"),
    ("i wake up stiff every morning, what should i do", "routine.morning"),
    # a session told as done with when it was: its cool-down, not the morning routine
    ("did a 10k this morning, what stretches now", "routine.cooldown_running"),
    ("did a 5k yesterday what should i stretch", "routine.cooldown_running"),
    ("played squash last night what should i stretch", "routine.cooldown_tennis"),
    # "before bed" is when, not before the game
    ("played tennis last night, stretches before bed?", "routine.cooldown_tennis"),
    # a match or a game with no sport named: the general warm-up
    ("what should we do before matches", "routine.warmup"),
    ("warm up before matches", "routine.warmup"),
    ("warm up before a tennis match", "routine.warmup_tennis"),
    (
        "club tennis player, 52, what should i do before a match so my shoulder and calves dont "
        "complain",
        "routine.warmup_tennis",
    ),
    (
        "coach makes us do those hold stretches before matches but my mate said that's bad "
        "for you?? who's right",
        "general.static_vs_dynamic",
    ),
    ("how long should i hold stretches before a run", "general.how_long"),
    # a question asked inside the sentence, without a mark
    ("and once I get there do I have to keep at it forever", "general.keep_flexibility"),
    # whether the psoas is just another name for the hip flexors: what it is
    ("whats the psoas and is it just a fancy word for hip flexors", "psoas.what"),
    ("is the piriformis part of the glutes", "piriformis.what"),
    ("what's a fancy word for tired", "fallback"),
    # a closing "is that actually bad" judges the way it was done, or the sensation felt
    (
        "my old PE teacher always made us bounce when we touched our toes, is that actually "
        "bad or fine",
        "general.bouncing",
    ),
    ("ok and my legs shake when i hold a stretch a long time, is that bad", "general.shaking"),
    # every day, "literally", with lifting's rest days beside it
    (
        "is it ok to stretch literally every day or do muscles need rest days like with lifting",
        "general.every_day",
    ),
    # an area that gives out during play, the game to come: its warm-up; asked why: the area
    ("golf tomorrow and my back always seizes up by the 4th hole", "routine.warmup_golf"),
    (
        "playing football on sunday, my hamstrings always tighten up in the second half",
        "routine.warmup_soccer",
    ),
    ("tennis on thursday, my calves always tighten in the third set", "routine.warmup_tennis"),
    ("why does my back seize up by the 4th hole when i golf", "lower_back.why_tight"),
    ("just finished my round, back seized up by the 4th hole", "lower_back.stretch"),
    ("swimmer, shoulders always tight after, especially doing fly sets", "shoulders.stretch"),
    # a squat problem told: the squat mobility routine, whatever the squats' cool-down
    ("heels lift off the floor every time i squat", "routine.squat_mobility"),
    ("also squats, my depth is bad, heels come up", "routine.squat_mobility"),
    (
        "so which do i need for deep squats? my heels lift off the floor every time",
        "routine.squat_mobility",
    ),
    # stiff for a while after getting up, then fine: morning stiffness
    (
        "stiff as hell for the first ten minutes after I get up, then I'm totally fine",
        "general.morning_stiffness",
    ),
    ("my back is stiff for the first hour of the day", "general.morning_stiffness"),
    # a first class, and the stairs a trial two days on: ordinary soreness
    (
        "did my first ever bodypump class monday and its wednesday and i still cant walk down "
        "stairs without groaning lol is this normal",
        "general.soreness",
    ),
    ("I cant walk down stairs without wincing after leg day", "routine.cooldown_strength_legs"),
    # a setting's routine asked for, read a little like the answer on stress
    (
        "this deadline is killing me, need a 2 min stretch at my desk to calm down",
        "routine.desk_break",
    ),
    ("need a 2 min stretch at my desk to calm down", "general.stress"),
    # told to stretch an area: its stretch; asked whether one needs to: when to
    ("i need to stretch my groin", "adductors.stretch"),
    ("my physio says i need to stretch my calves", "calves.stretch"),
    (
        "im 15 and play for my school team, coach says my groin is tight and i need to "
        "stretch it. how",
        "adductors.stretch",
    ),
    ("do i need to stretch my calves", "calves.when"),
    # two areas named together after a story: the first first
    (
        "i deliver parcels all day, in and out of the van, my calves and achilles are always "
        "tight in the morning",
        "calves.stretch",
    ),
    # a foot as a length is no foot
    (
        "trying to get my splits by summer, currently about a foot off the floor, how long",
        "general.splits",
    ),
    # little kids are children
    (
        "my toddler wants to do my stretches with me lol, are there any safe ones for little kids",
        "condition.children_teens",
    ),
    ("i felt a bit dizzy getting up too fast from a forward fold, normal?", "general.head_rush"),
    ("ok deal", "smalltalk.acknowledge"),
    # a complaint told as "hard as rocks", "one big knot" after an area named in a posture
    (
        "hairdresser, arms up blow drying all day, and by saturday my shoulders are hard as "
        "rocks and my neck is one big knot. what can i do between clients?",
        "shoulders.stretch",
    ),
    # the side told as tight from under the ribs to the hip is the side body, not a stitch
    (
        "after paddleboarding the whole side of my body feels tight, from under my ribs down "
        "to my hip. how do i stretch that bit",
        "side_body.stretch",
    ),
    # a stitch told as a stabbing pain under the ribs when running
    (
        "halfway through my runs i get this stabbing thing under my ribs on the right, have "
        "to slow to a walk. whats that about",
        "general.side_stitch",
    ),
    # a warm-up named as a time in the story, the question asking for after; a softener
    # inside the question ("what should i actually do"); the question's own area over the
    # story's; a cramp that is all the message complains of; a goal worked on over being a
    # beginner, a hand's width a measure; shoulders "touching my ears"
    (
        "I boulder twice a week and my forearms get tight even in the warm up. is there a "
        "stretch for after a session?",
        "routine.cooldown_climbing",
    ),
    (
        "the first few holes my back is stiff, then it loosens up. what should i actually do "
        "before the first tee?",
        "routine.warmup_golf",
    ),
    ("i have a bad knee, what can i do for tight hamstrings", "hamstrings.stretch"),
    ("another calf cramp at 4am, i get them most weeks now", "general.cramp"),
    (
        "never been flexible, working on my front splits since spring and stuck a hand's width "
        "off the floor, how do i get past it",
        "general.splits",
    ),
    ("deadline week, my shoulders are basically touching my ears", "shoulders.stretch"),
    # what the bot can do asked after a story about anything (not a plea for help with a
    # thing); a difference asked first, a story after; something for a time of day asked
    # first with a please, its reason after; the kids "in the back" of the car
    ("hi! my physio mentioned you. what can you help me with?", "help"),
    ("i cannot find my phone, can you help me", "fallback"),
    (
        "whats the difference between the psoas and hip flexors? my yoga teacher keeps saying "
        "release the psoas",
        "psoas.what",
    ),
    ("something calming before bed pls, exams have me so stressed", "routine.bedtime"),
    ("need a warm up before my shift at the warehouse", "routine.warmup"),
    # a flight named as "my flight", before or after which no warm-up is asked; a setting's
    # routine asked for with a stretch named, past a thing's complaint
    ("i want to know what to do on my flight next month", "routine.long_flight"),
    (
        "my aunt got a clot after a flight once, so what should i do on my flight next week",
        "routine.long_flight",
    ),
    ("this deadline is killing me lol, need a 2 min stretch at my desk", "routine.desk_break"),
    # complaints in everyday words; the hip rotators are the piriformis's group
    (
        "my neck and shoulders are constantly bugging me, we spend all day looking down at screens",
        "neck.stretch",
    ),
    ("lower back has been giving me grief since the move", "lower_back.stretch"),
    ("my hip rotators are tight", "piriformis.stretch"),
    ("my knee is the problem when i squat", "knees.stretch"),
    (
        "long drive to the coast tomorrow with the kids in the back. what can we all do at the "
        "rest stops",
        "routine.road_trip",
    ),
    # a session just over with several areas feeling it: its cool-down; stiff of a morning in
    # several areas, asked if normal; the bedtime routine asked to wind down, the area only
    # in the story; whether stretching fixes a subject named
    (
        "just finished a long ride, hamstrings and lower back are done in, what should i do",
        "routine.cooldown_cycling",
    ),
    (
        "every morning my neck and back are stiff for a bit then it eases off. is that just age?",
        "general.morning_stiffness",
    ),
    (
        "mind racing at night, jaw clenched. anything gentle i can do in bed to help me sleep?",
        "routine.bedtime",
    ),
    ("my hamstrings are tight. what can i do in the morning?", "hamstrings.stretch"),
    ("my posture is terrible, neck pokes forward. can stretching fix it?", "general.posture"),
    # a head rush told, not asked about, like a cramp
    ("got up off the sofa too fast and saw stars for a second", "general.head_rush"),
    # a job named alone before its length is no pain's length
    (
        "barber 15 yrs, leaning over all day. my lower back aches by the end of the day",
        "lower_back.stretch",
    ),
    # a documentary about clots is no clot of the writer's
    (
        "saw a video about blood clots on long flights, now im nervous. what can i do in my seat",
        "routine.long_flight",
    ),
    # "whats good" after a complaint asks for something to do
    (
        "hairdresser, holding a dryer up all day, my shoulders ache by closing. whats good",
        "shoulders.stretch",
    ),
    # the back of the head is the neck's end, no lower back
    (
        "tension headaches that start at the back of my head every afternoon, is it my neck?",
        "general.tension_headache",
    ),
    # stretching asked after an illness is over
    ("just getting over a week of flu and feel weak, is it ok to stretch yet", "general.when_ill"),
    # a sensation named beside an area, asked whether it is a worry: the sensation
    (
        "my thigh muscle twitches under the skin after a long ride, anything to worry about?",
        "general.shaking",
    ),
    # stretching every day taken up is no daily tip asked for; a warm-down lap is a cool-down
    ("i want to get into stretching every day, where do i start", "general.beginner"),
    ("can you send me a stretch every day", "daily.on"),
    ("do i need to stretch if i did a warm down jog", "general.cooldown_needed"),
    # an activity after a thing is no owner of the area; the stomach after an ab exercise is
    # its muscles, a stomach ache is not; a warm-up, the toes reached for name stretching
    ("groin and inner thighs feel pulled since i took up horse riding", "adductors.stretch"),
    ("my horse has a tight calf", "fallback"),
    ("belly is so sore from planks and sit ups yesterday", "abdominals.stretch"),
    ("stomach ache after dinner, i did crunches earlier too", "fallback"),
    ("whats even the point of a warm up, ive never done one", "general.warmup_vs_stretch"),
    ("at school we bounced to touch our toes, is that ok or bad", "general.bouncing"),
    ("why am i more sore two days after leg day than the next morning", "general.soreness"),
    ("why do my legs hurt more 2 days after a run", "general.soreness"),
    # someone else's story in passing, then the writer's own area or question: an area only
    # in the story is not the writer's
    (
        "my uncle had a heart attack, said it felt like a weight on his chest. "
        "i want to start stretching, where do i begin",
        "general.beginner",
    ),
    (
        "my brother tore his achilles at five a side, reckons it felt like a kick. "
        "how do i keep my calves loose so it never happens to me",
        "calves.stretch",
    ),
    # heavy legs after a flight are its routine; booking one is no stretching question
    ("my legs are so heavy after a long flight", "routine.long_flight"),
    ("so can you book me a flight?", "fallback"),
    # after an activity that has a warm-up only: the general cool-down
    ("can i get a routine for after football", "routine.cooldown"),
    ("routine for before football", "routine.warmup_soccer"),
    # filler words around a social phrase change nothing of it
    ("lol ur literally useless", "smalltalk.insult"),
    ("honestly you're rubbish", "smalltalk.insult"),
    ("good one", "smalltalk.acknowledge"),
    # what the person has been doing is the cause told: the stretch
    ("neck's stiff, been staring at a screen all day", "neck.stretch"),
    ("shoulders tight, been painting the ceiling", "shoulders.stretch"),
    ("hips are tight, been feeling it for weeks", "hip_flexors.stretch"),
    # how a cramp feels is the cramp, not another complaint
    ("calves cramping in bed, they go rock hard", "general.cramp"),
    # a thing stretched, the area only where it is tight
    ("how do i loosen a tight pair of boots", "fallback"),
    ("how do i stretch out my jeans, too tight round the thighs", "fallback"),
    ("how to stretch my calves in my new shoes", "calves.stretch"),
    # the question first, a story after it: the question
    (
        "is it better to stretch in the morning or at night? i work shifts and never know "
        "when to fit it in, my sleep is all over the place",
        "general.time_of_day",
    ),
    # dizzy coming up from a fold, breathless on a first session in a long time
    ("when i come up from a forward fold i get dizzy and see spots", "general.head_rush"),
    (
        "went for my first run in ages, heart was racing and i was gasping, normal?",
        "general.breathless_exercise",
    ),
    # "your"/"ur" before a word of degree is "you're"; a hedge at the end is chat
    ("your so clever ngl", "smalltalk.compliment"),
    ("ur pretty handy", "smalltalk.compliment"),
    # the daily tips named by when they come
    ("please stop your evening reminders, i get too many notifications", "daily.off"),
    ("the morning tips are great", "fallback"),
    ("my job has me wound up all the time, can stretching help me calm down", "general.stress"),
    # an animal's stretch is no stretch of ours; the writer beside it still is
    (
        "my dog does a huge stretch every morning, back legs out behind him, why do dogs do that",
        "fallback",
    ),
    ("my dog and i go running, warm up?", "routine.warmup_running"),
    # a region besides the one area in the story, the question naming neither: the
    # setting's routine
    (
        "long haul to LA on friday. on the way out my legs went heavy and my ankles ached. any "
        "stretches i can do in the seat?",
        "routine.long_flight",
    ),
    # a piece asking what to do at bedtime, the area in the story around it
    (
        "i lie awake with my jaw clenched and my shoulders up by my ears. is there something "
        "easy i could do before bed to switch off?",
        "routine.bedtime",
    ),
    # "push back" is no back; a condition with its own routine, asked what to do
    (
        "tight deadline and my manager keeps adding work. how do i push back without sounding "
        "lazy? cant think straight",
        "fallback",
    ),
    # a look-alike with an owner between its words, and a sum that is no age
    ("can you stretch my budget of 400 quid to cover a weekend in lisbon", "fallback"),
    ("could you stretch the truth a bit for my cv", "fallback"),
    ("driving test tomorrow any tips", "fallback"),
    ("got my driving test next week, any tips", "fallback"),
    (
        "my dad is 78 and stiff from his recliner, anything he can do in his chair",
        "routine.older_adults",
    ),
    ("my quads after the half marathon", "quadriceps.why_tight"),
    ("ugh. my neck after a whole day at the laptop", "neck.why_tight"),
    ("could you give me 2 or 3 stretches for my upper back", "upper_back.stretch"),
    ("a couple of stretches for tight calves pls", "calves.stretch"),
    (
        "no pins and needles or anything, my neck just doesnt turn as far as it did",
        "neck.stretch",
    ),
    ("my forearms arent numb, just tired from rock climbing", "wrists_forearms.stretch"),
    ("sup bot", "smalltalk.greeting"),
    ("why cant i just do the static ones before the gym tho", "general.static_vs_dynamic"),
    # soreness after a session, asked whether it is normal
    (
        "legs feel heavy and sore after my first spin class yesterday, normal right?",
        "general.soreness",
    ),
    ("good morning! got something to wake my body up before work?", "routine.morning"),
    # a length of time told of something else is no routine's length, and a thing's trouble
    # told with one is no routine's
    (
        "45, office job. most mornings my lower back is stiff as hell and it takes a good 10-15 "
        "mins of shuffling around before i can stand up straight, then its fine. any stretches "
        "for that?",
        "lower_back.stretch",
    ),
    (
        "my laptop wifi keeps dropping every 20 minutes, router is fine on my phone. any idea?",
        "fallback",
    ),
    # "what should i do before i tee off" asks for the sport's warm-up, a time of day told
    (
        "Playing 18 holes tomorrow at 7am. I'm 63 and my back is stiff as a board first thing in "
        "the morning. What should I do before I tee off so I don't wreck myself on the first "
        "drive?",
        "routine.warmup_golf",
    ),
    # a time of day named, with its routine next to the one matched
    ("what should i do before i go to bed, im so tense", "routine.bedtime"),
    ("whats a good stretch before heading to bed", "routine.bedtime"),
    # what stretching does (and does not) do for height
    ("does stretching make you taller lol", "general.benefits"),
    # "on my hands and knees" is how the work was done, not a complaint of the hands
    (
        "Spent the whole weekend weeding on my hands and knees and now my lower back and the "
        "backs of my legs are complaining. What's going on there?",
        "hamstrings.why_tight",
    ),
    # "whats the deal" asks why
    (
        "cant get low in a squat, my heels come up and my inner thighs feel super tight. whats "
        "the deal",
        "adductors.why_tight",
    ),
    # why one does a routine, asking for nothing: the answer that speaks for it
    ("why stretch before bed anyway? does it actually do anything", "general.stress"),
    ("why cool down after a run", "general.cooldown_needed"),
]


@pytest.mark.parametrize(("message", "intent"), OWN_WORDS)
def test_a_message_in_own_words_gets_its_reply(brain, message, intent):
    assert brain.reply(message).intent == intent


#: second messages read with the reply to the first
FOLLOW_UPS = [
    # after a tip, "these" are tips: asked for every day, the daily tips
    ("tip pls", "love it, can i get one of these every day", "daily.on"),
    ("tip pls", "is it fine to do it every day?", "general.every_day"),
    # the ask before its reason, in a talk about stretching
    (
        "how long until i can touch my toes",
        "can you remind me every day so i actually do it",
        "daily.on",
    ),
    # chat hedges after an acknowledgement go: the stretch asked for
    (
        "why is my lower back always tight?",
        "ok so how do i actually stretch it",
        "lower_back.stretch",
    ),
    # "much better" in front: the area told after it, as after a stretch
    ("hamstring stretch", "much better. quads feel tight too", "quadriceps.stretch"),
    # too easy after how to work towards a goal: the goal's routine
    ("cant touch my toes, stiff as a board", "meh too easy", "routine.toe_touch"),
    # after a routine: its limits and length in more words, and the night's own routine
    ("morning routine pls", "i dont have time for all that", "routine.morning"),
    ("morning routine pls", "can i do this at night", "routine.bedtime"),
    # after why an area gets tight: what to do about it is its stretch; "and if it doesnt
    # get better" is when to get it checked
    ("why do my shins get tight", "how do i stop it happening", "shins.stretch"),
    ("why do my shins get tight", "ok what now", "shins.stretch"),
    ("why do my shins get tight", "and if it doesnt get better?", "general.see_someone"),
    ("why do my shins get tight", "can i still run on them", "general.sore_or_injured"),
    # "before or after?" asks when, whatever activity the talk named
    ("my forearms get tight playing squash", "before or after?", "general.before_after"),
    # "for my X" or "an X one" after an answer asks something to do for it
    ("why are my forearms so tight", "and for my shoulders?", "shoulders.stretch"),
    ("why do my ankles feel tight", "fair enough. calf one too?", "calves.stretch"),
    # a new ask whose reason has "again" in it
    (
        "groin is tight after football",
        "any warm up for footy so it doesnt happen again",
        "routine.warmup_soccer",
    ),
    # a place in the setting the talk named
    (
        "long drive tomorrow and my back always kills after",
        "what can i do in the car at traffic lights",
        "routine.road_trip",
    ),
    # a subject of its own after a routine
    ("warm up for basketball", "my knees click when i squat, bad?", "general.joint_noises"),
    (
        "warm up for a run",
        "is static stretching before a run bad? read that somewhere",
        "general.before_after",
    ),
    # the stretching goes without saying in a talk about it
    ("how often should i stretch", "morning or night better", "general.time_of_day"),
    # how long after a goal's routine: the goal's answer, which gives the timeline
    ("splits routine", "realistically how long", "general.splits"),
    # "which one was for my X again" is that area's
    ("neck stretch", "which one was for my lower back again", "lower_back.stretch"),
    ("neck stretch", "wish me luck", "smalltalk.goodbye"),
    (
        "why is stretching good for stress",
        "what if i only have 2 mins between lectures",
        "routine.desk_break",
    ),
    # one more thing asked for by name after praise
    ("i clench my jaw, any stretch", "cool. got a tip for today", "tip"),
    # a correction of the area
    ("what muscle is in my bum", "nah its more the front of my hip actually", "hip_flexors.what"),
    # a length asked after a general answer with its own routine: that routine, sized
    ("can i get my splits by summer", "bit much, shorter one for weekdays?", "routine.splits"),
    # too hard after the answer on a goal: the goal's routine, which starts easy
    (
        "how long will the splits take me",
        "too hard, my legs are nowhere near that",
        "routine.splits",
    ),
    # "once i'm back", "when i get home": after the activity, its cool-down
    (
        "warm up before my jog tonight",
        "cheers, and what do i do when i get back?",
        "routine.cooldown_running",
    ),
    # a routine asked for "them", in a longer message, is the area talked of
    (
        "why are my hip flexors so tight",
        "could you throw a short routine together for them please",
        "routine.area.hip_flexors",
    ),
    # whether a cool-down is needed at all, in a talk about one sport's
    (
        "cool down after swimming",
        "honestly do i even need to cool down or is that a myth",
        "general.cooldown_needed",
    ),
    ("warm up for swimming", "why do i even need a cool down anyway", "general.cooldown_needed"),
    # a question after a thank-you is asked as itself; "a good one for" asks for a stretch
    ("hamstring stretch", "cheers! should it hurt a bit?", "general.pain"),
    ("how long do i hold stretches", "great, whats a good one for my calves", "calves.stretch"),
    ("side body stretch", "why are my sides tight anyway", "side_body.why_tight"),
    ("pigeon pose please", "easier, my knees dont like it", "stretch.pigeon_pose.easier"),
    # a warm-up by name alone after an activity's routine stays with that activity
    ("warm up before tennis", "ok give me a cool down then", "routine.cooldown_tennis"),
    ("cycling cooldown", "warm up too", "routine.warmup"),
    ("why is my chest so tight", "diff one for chest", "chest.stretch"),
    ("sore hamstrings after football", "stretch em?", "hamstrings.stretch"),
    ("neck stretch please", "the other way now", "stretch.upper_trapezius.other_side"),
    ("neck stretch please", "gentler, that pulls too much", "stretch.upper_trapezius.easier"),
    ("calf stretch please", "do both legs?", "stretch.wall_calf.other_side"),
    ("quad stretch", "ok better, and the left?", "stretch.standing_quad.other_side"),
    ("calf stretch please", "what about the right", "stretch.wall_calf.other_side"),
    ("neck stretch", "anything stronger", "stretch.upper_trapezius.harder"),
    ("child's pose", "my knees hate it", "lower_back.stretch"),
    ("quad stretch", "dont like this one", "quadriceps.stretch"),
    ("neck stretch", "i need a stronger stretch", "stretch.upper_trapezius.harder"),
    ("calf stretch please", "sweet dreams then", "smalltalk.goodbye"),
    ("whats a good chest stretch", "can i do it on the bus", "chest.stretch"),
    ("is stretching bad for you", "ok any beginner tips?", "tip"),
    ("a stretching tip please", "give me an easy full body one", "routine.full_body"),
    # a routine asked for with a place is a routine, not the stretch fitted to the place
    ("why does my neck ache", "any quick routine for it i can do at my desk", "routine.desk_break"),
    (
        "why are my quads tight after hill walks",
        "one i can do standing at the top?",
        "quadriceps.stretch",
    ),
    (
        "could do the splits as a teen, now im stiff",
        "how long would it take to get it back",
        "general.flexibility_timeline",
    ),
    # after a routine, one more stretch for an area it named
    ("cooldown after my run", "calves are wrecked, one more just for them", "calves.stretch"),
    # after an answer about an area, a bare request is for its stretch
    ("why does my piriformis ache after sitting", "give me something", "piriformis.stretch"),
    ("why do my shins hurt", "got anything?", "shins.stretch"),
    # "other arm" after a chest stretch is its other side, not an arm stretch
    ("chest stretch please", "now the other arm", "stretch.doorway_chest.other_side"),
    # one stretch with a time of day, in a conversation about an area
    (
        "my heel hurts on the first steps in the morning",
        "a stretch before i get out of bed?",
        "feet_ankles.stretch",
    ),
    # an easier ask with its reason: an area in the reason is not a new topic
    ("calf stretch please", "too hard, my ankle is stiff", "stretch.wall_calf.easier"),
    ("quad stretch", "lovely, bye now", "smalltalk.goodbye"),
    ("quad stretch", "right, bye for now", "smalltalk.goodbye"),
    ("warm up for tennis", "and afterwards?", "routine.cooldown_tennis"),
    ("cooldown after a run", "and beforehand", "routine.warmup_running"),
    # a routine the words alone leave unsure of: the conversation is about stretching
    (
        "i play golf and my back is always sore after",
        "got something for before i tee off",
        "routine.warmup_golf",
    ),
    # a variant of the last routine; a time of day in a conversation about the body
    ("cooldown for after the gym", "just legs today please", "routine.cooldown_strength_legs"),
    ("why do my hips get tight", "what about before bed", "routine.bedtime"),
    # "what about" turns to another area: the last kind of reply, not what the area is
    (
        "how do i stretch my neck",
        "what about my shoulders, i carry a heavy bag",
        "shoulders.stretch",
    ),
    ("whats a good neck stretch", "how about the football tonight", "fallback"),
    ("hi", "how about the weather tomorrow", "fallback"),
    ("hi", "how about a full body one", "routine.full_body"),
    ("how do i stretch my hamstrings", "kk next", "hamstrings.stretch"),
    ("how do i stretch my quads", "hold how lng", "general.how_long"),
    ("how do i stretch my quads", "n when shud i do it", "quadriceps.when"),
    ("how do i stretch my quads", "👋", "smalltalk.goodbye"),
    ("bedtime routine pls", "😴😴", "smalltalk.goodbye"),  # off to bed
    # what else the bot can do, not another stretch ("what else can i do" is)
    ("upper back stretch", "k what else can you do", "help"),
    ("upper back stretch", "what else can i do", "upper_back.stretch"),
    ("my shoulders are tight from swimming", "give me one", "shoulders.stretch"),
    ("why are my hamstrings tight", "glutes? my mate says they're connected", "glutes.why_tight"),
    # an area alone keeps the last answer; a request around it asks for a stretch
    ("why are my glutes tight", "something for my hamstrings as well", "hamstrings.stretch"),
    ("why are my glutes tight", "and my hamstrings?", "hamstrings.why_tight"),
    ("how do i stretch my calves", "cheers, off on my round now", "smalltalk.thanks"),
    ("how do i stretch my calves", "thank you, she'll love this", "smalltalk.thanks"),
    ("how do i stretch my calves", "thanks, whats the capital of peru", "fallback"),
    (
        "how do i stretch my calves",
        "done the left, same for the right?",
        "stretch.wall_calf.other_side",
    ),
    ("give me a tip", "can you send me one every day", "daily.on"),
    # in a conversation, a last sentence asked of the bot, naming it
    (
        "I am 71, is it too late to start stretching",
        "my grandson set this up, who made you?",
        "smalltalk.who_made_you",
    ),
    # something to do before an activity, in a conversation about an area: its stretch
    (
        "wrists hurt doing push ups",
        "is there something i can do before them",
        "wrists_forearms.stretch",
    ),
    ("used to dance, could do the splits at 18", "routine for splits pls", "routine.splits"),
    # a warm-up's cool-down and back
    (
        "warm up before golf",
        "what about after the round, my back's always tight",
        "routine.cooldown_golf",
    ),
    ("cooldown after a run", "and before?", "routine.warmup_running"),
    ("give me a warm up for football", "and for after the match?", "routine.cooldown"),
    ("give me a warm up for football", "and afterwards", "routine.cooldown"),
    ("cooldown after a run", "beforehand?", "routine.warmup_running"),
    ("warm up before golf", "after that my back hurts", "lower_back.stretch"),
    # a question that opens with "when" about an area is no morning routine
    (
        "i clench my jaw at work, is there a stretch for it",
        "when's best to do the stretch, morning or before bed?",
        "jaw.when",
    ),
    # a plan asked for after a general answer with a routine of its own; what to do instead
    # of stretching before a game: the warm-up
    ("can i ever touch my toes, never could", "right, give me a plan then", "routine.toe_touch"),
    # the activity named before carries: its own warm-up; none named, the general one
    (
        "is static stretching before football bad?",
        "so what do we do instead",
        "routine.warmup_soccer",
    ),
    (
        "should i stretch before running",
        "so what should i do instead then",
        "routine.warmup_running",
    ),
    ("is static stretching before exercise bad?", "so what do we do instead", "routine.warmup"),
    # an area added after a routine asks for its stretch, complaint or not
    (
        "quick desk stretch break please",
        "and my shoulders, they ache from the laptop",
        "shoulders.stretch",
    ),
    # every day, rest days: the general answer, whatever area came before; "how often" is
    # the area's when
    ("my knees ache after running", "is it fine every single day", "general.every_day"),
    ("how do i stretch my calves", "should i stretch on rest days too", "general.every_day"),
    ("how do i stretch my calves", "how often", "calves.when"),
    (
        "why is my it band tight",
        "how often should i be doing that, i run most days",
        "it_band.when",
    ),
    # a question behind a thank-you, however long, is read as if asked alone
    ("pigeon pose", "great thanks, and how long should i be holding each side", "general.how_long"),
    ("wall calf stretch", "thanks! is it ok to do that one before a run?", "general.before_after"),
    # after an answer on stretching before a game, what to do before it: the warm-up
    (
        "should i stretch before football or after",
        "so what should i do before a match",
        "routine.warmup_soccer",
    ),
    # in a conversation, a routine's setting named and asked for, though the words alone
    # leave the intent layer unsure; "and for" after a routine asks for another
    (
        "my bum gets really tight after long drives",
        "got anything for the drive itself?",
        "routine.road_trip",
    ),
    ("whats a good cooldown after leg day", "and for upper body days", "routine.cooldown_strength"),
    # a routine has no harder card: "harder" asks for its longer version
    ("give me the splits routine", "harder, im nearly there already", "routine.splits"),
    # "is there a ..." asks for one, as "can you give me" does
    ("how do i stretch my groin", "is there a full cooldown for after games", "routine.cooldown"),
    # a bare "how" or "when" with joining words asks it of the area before
    ("when should i stretch my psoas", "and how", "psoas.stretch"),
    ("what does the psoas do", "when though?", "psoas.when"),
    # whether the area can be stretched at all: its stretch; whether it is bad to, not that
    ("what's the IT band", "can you even stretch it?", "it_band.stretch"),
    ("why are my calves tight", "is it possible to stretch them", "calves.stretch"),
    # the outside of the hip is the glutes' (medius and minimus)
    ("what's the IT band", "ok what about the outer hip then", "glutes.what"),
    # one side only, after a stretch: the card for that side
    (
        "how do i stretch my piriformis",
        "left side only btw",
        "stretch.knee_to_opposite_shoulder.one_side",
    ),
    # thanks at the end after a tip is thanks, though it says "one"
    ("give me a tip", "nice one thanks", "smalltalk.thanks"),
    ("give me a tip", "cheers, one more?", "tip"),
    # a stretch that did not help: another for the same area; a complaint going on after an
    # answer about an area: its stretch
    ("hamstring stretch", "that didnt help", "hamstrings.stretch"),
    ("hamstring stretch", "still tight", "hamstrings.stretch"),
    ("why are my calves tight", "still tight though", "calves.stretch"),
    ("what is the psoas", "mine is always tight", "psoas.stretch"),
    # the stretch on screen not felt: its deeper version, never a numbness red flag
    ("calf stretch", "i cant feel it", "stretch.wall_calf.harder"),
    ("calf stretch", "i cant feel the stretch", "stretch.wall_calf.harder"),
    # ... after an inner-thigh stretch too, where numbness would be the groin's
    ("groin stretch", "cant feel a thing tbh, harder?", "stretch.happy_baby.more"),
    ("inner thigh stretch", "i can't feel it", "stretch.happy_baby.harder"),
    # whether it should hurt is the general answer; "it hurts" is the gentler version
    ("hamstring stretch", "is it meant to hurt", "general.pain"),
    ("calf stretch", "it hurts", "stretch.wall_calf.easier"),
    # whether the stretch on screen suits before exercise: the general answer
    ("pigeon pose", "is that one ok before a run?", "general.before_after"),
    # "stretch them how" after an area; the other end of a warm-up asked twice over
    ("arms tight after rowing", "stretch them how", "arms.stretch"),
    ("climbing warm up pls", "and a cool down for after?", "routine.cooldown_climbing"),
    ("calf stretch", "can i do that one before sparring or only after", "general.before_after"),
    # "again" with a reason after it; "am i doing it wrong" asks why
    ("morning routine", "can you show me that again, i lost it", "routine.morning"),
    # when or how long to do the stretch on screen; a different one when it feels wrong
    ("neck stretch pls", "is it ok if i do it at night too or only mornings", "neck.when"),
    ("how do i stretch my psoas", "can i hold it longer or is that bad", "general.how_long"),
    ("inner thigh stretch please", "that one feels weird for me, got another", "adductors.stretch"),
    (
        "how long am i meant to hold a stretch for",
        "thanks! and is it fine to bounce a little bit at the end",
        "general.bouncing",
    ),
    ("calf stretch", "peace ✌️", "smalltalk.goodbye"),
    # an area complained of after a routine, asking which one is for it
    (
        "push day done, what should i stretch after lifting",
        "my chest is the tightest, which one's for that",
        "chest.stretch",
    ),
    # when or how often to do the routine on screen, thanks or not
    ("desk break", "cheers, can i do it every hour?", "general.how_often"),
    (
        "cooldown after running",
        "perfect thanks. should i do it straight after or wait",
        "general.before_after",
    ),
    # whether it is safe to stretch the area: after why it gets tight, its stretch; with its
    # stretch on screen, whether stretching can harm; a time asked for stays a time
    ("why are my quads so tight", "can i stretch them safely?", "quadriceps.stretch"),
    ("glute stretch please", "can i stretch them safely?", "general.harmful"),
    ("why is my neck stiff", "is it safe to stretch it before bed?", "neck.when"),
    # an activity named after an answer about stretching before exercise: its own routine
    (
        "should i stretch before or after lifting",
        "what should i do after leg day then",
        "routine.cooldown_strength_legs",
    ),
    # a thank-you, then an area
    (
        "hips tight af from gaming all weekend",
        "sick ty. now my wrists lol",
        "wrists_forearms.stretch",
    ),
    ("hips tight af from gaming all weekend", "thanks. now my wrists", "wrists_forearms.stretch"),
    # a tip asked for in a talk about stretching, however the message goes on; not one about
    # something else
    (
        "lower back is tight after gardening all weekend, any stretch?",
        "got a tip for gardening days so it doesn't happen again?",
        "tip",
    ),
    ("hips tight", "got any tips for my job interview tomorrow?", "fallback"),
    # praise in front of a new area told as grumbling, asked "anything specific for that?"
    (
        "cooldown after my long run",
        "legend. my IT band's been grumbling this week too, anything specific for that?",
        "it_band.stretch",
    ),
    # the other way round, with a side named, is the other side; without one, how it feels
    (
        "it band stretch",
        "and the left leg, same thing but the other way round?",
        "stretch.standing_crossover_side_bend.other_side",
    ),
    (
        "hamstring stretch",
        "is my back meant to round the other way?",
        "stretch.lying_hamstring_towel.more",
    ),
    # the evening after the morning routine; the next leg of a trip after the flight's; a
    # quicker one asked for with its reason after a stretch
    ("morning routine", "and one for the evening?", "routine.bedtime"),
    (
        "long flight tomorrow, what stretches can i do on the plane",
        "and when i land i've got a 3 hour drive to the hotel",
        "routine.road_trip",
    ),
    (
        "my wrists ache from the pen",
        "can you make that quicker? i only get like 2 mins between clients",
        "wrists_forearms.stretch",
    ),
    # goodbyes with a kiss or a thank-you in front
    ("bedtime routine", "night x", "smalltalk.goodbye"),
    ("neck stretch", "You've been really helpful, bye for now", "smalltalk.goodbye"),
    # a tip asked for to keep it up: the habit
    ("wrist stretch pls", "u got a tip so i actually remember to do this", "tip"),
    # a choice of now or after the run, asked of the stretch on screen
    (
        "how do i stretch my it band",
        "can i do it rn or wait till after my run",
        "general.before_after",
    ),
    # whether it is normal, or the person's doing: why the area aches
    (
        "my shins ache after every run",
        "is that normal or am i doing smth wrong",
        "shins.why_tight",
    ),
    # whether the cool-down on screen is needed at all
    (
        "whats a good post ride routine",
        "do i need it after short commutes too or just the long rides",
        "general.cooldown_needed",
    ),
    # whether every day is fine, asked of an area's stretches: the general answer, which no
    # area changes
    ("hip flexor stretch", "Thank you! Is it ok to do these every day?", "general.every_day"),
    ("why is my lower back tight", "thx. do i do them every day or", "general.every_day"),
    # an area added with "too" after a stretch asks for one more thing to do
    ("upper back stretch", "better. triceps feel tight too", "arms.stretch"),
    ("bedtime routine", "ok done, night", "smalltalk.goodbye"),
    # a limit told with the knee as its reason stays with the area; a clarification not
    # understood is more of the answer before; an area added with "too" ending a piece
    (
        "my hip flexors are tight from cycling",
        "cant really kneel, dodgy knee. anything standing?",
        "hip_flexors.stretch",
    ),
    ("should stretching hurt", "i mean like a burning feeling, not sharp", "general.pain"),
    (
        "warm up before bouldering",
        "fingers and wrists too? they always feel stiff first few climbs",
        "wrists_forearms.stretch",
    ),
    # one asked for somewhere the bot has no word for, after a stretch: another of the area
    ("calf stretch", "is there one I can do in the classroom", "calves.stretch"),
    # a warm-up asked for in a conversation about stretching, whatever else the words look
    # like; "what" after a form of be tells; when to do what is on screen
    (
        "lower back stretch",
        "what about before my shift starts at 6am, like a warm up in the locker room",
        "routine.warmup",
    ),
    ("neck stretch", "what about a cool down after the shift", "routine.cooldown"),
    # "right so" opens a follow-up; "whats the stretch" after an area's answer is its stretch
    ("why is my lower back stiff", "right so what do i actually do", "lower_back.stretch"),
    ("why is my lower back stiff", "ok whats the stretch then", "lower_back.stretch"),
    # an area told as "the real problem" after a stretch for another: its stretch, what the
    # talk is for
    ("glute stretch", "my piriformis is the real problem tbh", "piriformis.stretch"),
    # whether it is done right, after a stretch card: how it should feel
    ("quad stretch", "am i doing this right?", "stretch.standing_quad.more"),
    ("quad stretch", "is this right", "stretch.standing_quad.more"),
    ("splits routine", "hamstrings are what's stopping me, anything extra?", "hamstrings.stretch"),
    (
        "low lunge",
        "I can't exactly kneel on the office carpet in a suit, anything I can do standing up?",
        "hip_flexors.stretch",
    ),
    (
        "wrist stretch",
        "do I do these before clients come in or at the end of the day?",
        "wrists_forearms.when",
    ),
    # a stretch asked of an answer with its area, however the question ends; a warm-up asked
    # after a complaint told of runs; "mirror it" is the other side; an area turned to with a
    # question mark, then its cause told, is relief
    ("why do i get a stitch", "any stretch that helps when it starts", "side_body.stretch"),
    ("i get a stitch on every run", "ok and a warm up before i go?", "routine.warmup_running"),
    (
        "figure four stretch",
        "and the right, do i just mirror it?",
        "stretch.lying_figure_four.other_side",
    ),
    (
        "my upper arms are sore",
        "and my wrists? they're wrecked from typing all week",
        "wrists_forearms.stretch",
    ),
    # something to do asked after an answer with a routine: its routine
    ("why am i stiff in the morning", "anything i can do before i get up", "routine.morning"),
    ("are you a real physio", "ok this is actually good", "smalltalk.compliment"),
    # a reminder asked with nothing else to remind of; cancelled just after turning it on
    ("neck stretch", "can you remind me every day, i always forget", "daily.on"),
    ("daily tips please", "actually no cancel that", "daily.off"),
    # the activity told beside a question about the cool-down: its own one, asked for after
    (
        "what is a cooldown even for, i just stop cycling and get off the bike",
        "fine, give me one then",
        "routine.cooldown_cycling",
    ),
    # a form question behind a filler; stiffness told after a routine is no question of how
    # often to do it
    ("wrist stretch", "wait is it palm up or palm down", "stretch.wrist_flexor_stretch.more"),
    (
        "morning routine",
        "is being this stiff every morning normal at 40",
        "general.morning_stiffness",
    ),
    ("morning routine", "is it ok to do this every day even if im sore", "general.every_day"),
    # a filler before a question; again asked with its reason after; a thing broken is no
    # injury, so the cause told next gets relief
    (
        "why is my psoas tight",
        "hang on, what is the difference from hip flexors",
        "hip_flexors.what",
    ),
    (
        "desk break",
        "could you show me that again please, the text is tiny on my phone",
        "routine.desk_break",
    ),
    (
        "carried boxes all weekend because the lift was broken, my arms are tight",
        "and my forearms? wrecked from gripping the boxes",
        "wrists_forearms.stretch",
    ),
    # the stretch asked for the area talked about, not what it is
    ("tight hamstrings", "whats the best stretch for that", "hamstrings.stretch"),
    # a position out of reach: the easier version
    (
        "stretch for my hips",
        "cant get into that position, my hip wont let me",
        "stretch.low_lunge.easier",
    ),
    # a session asked for after a goal's answer
    ("how do i touch my toes", "ok send me the session", "routine.toe_touch"),
    ("how do i get my front splits", "send me the routine", "routine.splits"),
    # praise of a tip, not one more
    ("tip please", "nice one", "smalltalk.thanks"),
    # an ask of its own after an area's answer, however long: the area's stretch, not a
    # routine of a setting the words only look like
    ("why do my knees ache", "anything i can do on my lunch", "knees.stretch"),
    # the daily tips stopped by no name of theirs; the time there is, told after an answer
    ("tight calves", "stop sending me the daily thing btw", "daily.off"),
    (
        "my shoulders are up by my ears by the end of the day",
        "between clients i only have 2 min",
        "shoulders.stretch",
    ),
    # a routine's step that hurts, named by its place: that stretch, gentler
    ("hip routine", "the second one hurts my knee", "stretch.walking_lunge.easier"),
    # a longer one for a region or a setting: that routine
    ("calf stretch", "got a longer one for my lower body", "routine.legs"),
    ("calf stretch", "a routine for the whole legs?", "routine.legs"),
    ("quad stretch", "a longer one for after my run?", "routine.cooldown_running"),
    ("hamstring stretch", "got a longer one i can do before bed?", "routine.bedtime"),
    ("chest stretch", "got a longer one i can do after the gym?", "routine.cooldown_strength"),
    # still tight after a stretch or a routine: another for that area
    ("hamstring stretch", "did it, hamstrings still feel tight", "hamstrings.stretch"),
    ("bedtime routine", "my hips still feel tight", "hip_flexors.stretch"),
    # another version to hold, after a moving stretch
    ("side bend stretch", "another version i can hold?", "side_body.stretch"),
    # a stretch asked after a general answer with an area of its own; "give me one" after
    # one with a routine: the cool-down of the activity named, when it has its own
    ("why do i get cramps at night", "is there a stretch that helps with it", "calves.stretch"),
    ("do i need to cool down after running", "ok give me one", "routine.cooldown_running"),
    # the complaint told again after why it happens: the stretch, not the same answer
    ("why are my hamstrings tight", "they are always tight", "hamstrings.stretch"),
    # the answer summed up as a question; something told of oneself after a routine
    ("how long should i hold a stretch", "so basically just 30 seconds?", "general.how_long"),
    ("what is the psoas", "so what is the capital of peru?", "fallback"),
    ("warm up before football", "im in goal if that changes anything", "routine.warmup_soccer"),
    # both sides asked of a card; the card said to make it worse; whether stretching does
    ("quad stretch", "do i do both legs", "stretch.standing_quad.other_side"),
    ("lower back stretch", "this makes it worse", "stretch.cobra_pose.easier"),
    ("calf stretch", "does stretching make it worse?", "general.harmful"),
    # long holds asked of a warm-up: static and dynamic stretching
    ("warm up before football", "none of these are long holds?", "general.static_vs_dynamic"),
    ("i see stars when i stand up too quick", "is that normal though?", "general.head_rush"),
    ("my calf cramps up at night", "is that bad?", "general.cramp"),
    ("why is my neck so stiff", "got a different one? that didnt do much", "neck.stretch"),
    (
        "what does stretching do for you",
        "ok im convinced. how do i start, total beginner",
        "general.beginner",
    ),
    ("how often should i stretch", "fair enough. how long do i hold each one", "general.how_long"),
    (
        "will i ever get better at touching my toes",
        "is there a stretch that helps with that",
        "routine.toe_touch",
    ),
    # ... and after the goal's routine, its first held stretch
    (
        "how do i get better at touching my toes",
        "is there a stretch that helps with that",
        "calves.stretch",
    ),
    ("why are my hamstrings so tight", "ok lets do it", "hamstrings.stretch"),
    ("can i ever touch my toes", "go for it", "routine.toe_touch"),
    (
        "my glutes are tight",
        "thanks! and should it hurt when i stretch or am i doing it wrong",
        "general.pain",
    ),
    ("why are my calves tight", "does stretching help with soreness though", "general.soreness"),
    ("cooldown after running", "done all those, got another?", "routine.cooldown_cycling"),
    ("desk break routine", "finished, another one pls", "routine.bedtime"),
    ("calf stretch", "got a 30 second version?", "stretch.wall_calf.more"),
    ("neck stretch please", "only have 20 secs", "stretch.upper_trapezius.more"),
    ("calf stretch", "left or right first?", "stretch.wall_calf.more"),
    # a long why, then a short easier ask at the end
    (
        "glute stretch",
        "i cant really pull my leg up that far, my knee doesnt like it. easier way?",
        "stretch.lying_figure_four.easier",
    ),
    # a habit of the writer's life after why an area gets tight: its stretch
    ("why are my shoulders tight", "i carry my kid a lot", "shoulders.stretch"),
    # "the fix" asks for what to do; "this is hard" after a card asks for an easier one
    ("why are my calves tight", "and the fix?", "calves.stretch"),
    ("neck stretch", "lol this is hard", "stretch.upper_trapezius.easier"),
    # "how long will it take" after a goal's session: until the goal
    ("splits routine", "how long will it take", "general.splits"),
    ("splits routine", "how long is this one", "routine.splits"),
    # "deeper" with a routine asked for is no harder version of the card
    ("ankle stretch", "any routine to get deeper squats overall", "routine.squat_mobility"),
    # a tip asked about a subject named, though "every day" comes with it
    (
        "hips tight from sitting, help",
        "any tip for actually remembering to do this every day lol",
        "tip",
    ),
    # a longer version asked after an area's answer: a routine for the area
    (
        "why are my quads tight",
        "can you give me a longer version, i've got time",
        "routine.area.quadriceps",
    ),
    (
        "dentist says i grind my teeth at night and my jaw is always tight",
        "i also get headaches on the sides of my head, is that related",
        "general.tension_headache",
    ),
]


@pytest.mark.parametrize(("first", "message", "intent"), FOLLOW_UPS)
def test_a_follow_up_is_read_with_the_reply_before(brain, first, message, intent):
    context = brain.reply(first).context
    assert brain.reply(message, context).intent == intent


def test_harder_after_a_routine_is_its_longer_version(brain):
    context = brain.reply("give me a cooldown").context
    harder = brain.reply("harder", context)
    assert harder.intent == "routine.cooldown"
    assert "long" in harder.blocks[0].text.lower()
    assert harder.context.plan is not None and context.plan is not None
    assert harder.context.plan.length != context.plan.length


def test_an_area_with_a_complaint_after_a_general_answer_gets_its_stretch(brain):
    """After a stretch and a general answer about it, "and hamstrings? they get tight too"
    asks for the hamstrings' stretch; a bare "and hamstrings?" asks when to stretch them."""
    context = brain.reply("how do i stretch my calves").context
    context = brain.reply("how long do i hold it", context).context
    assert context.intent == "general.how_long"
    told = brain.reply("and hamstrings? they get tight too", context)
    assert told.intent == "hamstrings.stretch"
    assert brain.reply("and hamstrings?", context).intent == "hamstrings.when"


def test_a_stretch_that_hurts_gets_a_gentler_way_and_says_to_ease_off(brain, kb):
    """ "It hurts my knee" after a kneeling stretch: one for the same area without kneeling;
    "ouch that hurts" after another: its easier version. Both say a stretch should not hurt."""
    first, knee = converse(brain, "hip flexor stretch", "it hurts my knee")
    assert "kneeling" in kb.stretches[first.stretches[0]].caution_tags
    assert knee.kind == "stretch" and knee.topic == "hip_flexors"
    assert "kneeling" not in kb.stretches[knee.stretches[0]].caution_tags
    _wrist, ouch = converse(brain, "wrist stretch", "ouch that hurts")
    assert ouch.intent.endswith(".easier")
    for reply in (knee, ouch):
        assert "never pain" in reply.blocks[0].text


def test_numbness_named_after_a_stretch_is_still_a_red_flag(brain):
    """Only "i can't feel it" with no body part of its own is the stretch not felt: a foot
    that goes numb, after any stretch, is still flagged, and so is "i can't feel it" after an
    answer (no stretch on screen)."""
    for first, message in (
        ("calf stretch", "i cant feel my foot"),
        ("lower back stretch", "my foot keeps going numb"),
        ("why are my calves tight", "i cant feel it"),
        ("inner thigh stretch", "cant feel anything down there"),
        ("inner thigh stretch", "i can't feel my inner thighs"),
    ):
        assert converse(brain, first, message)[-1].kind == "red_flag", message


def test_one_tip_asked_for_is_sent_now_and_tips_on_a_schedule_are_the_daily_tips(brain):
    for text in ("send me a tip", "can you send me a stretching tip"):
        assert brain.reply(text).kind == "tip", text
    for text in ("send me tips", "send me a tip every day", "send me a tip each morning"):
        assert brain.reply(text).intent == "daily.on", text


def test_an_easier_ask_that_names_a_limit_gets_a_stretch_that_keeps_to_it(brain, kb):
    """ "Easier? Kneeling hurts my knee" after a kneeling stretch: another stretch for the same
    area, done without kneeling, led by the limit, and the limit stays for what follows."""
    first, easier, another = converse(
        brain, "hip flexor stretch", "anything easier, it hurts to kneel", "another"
    )
    assert "kneeling" in kb.stretches[first.stretches[0]].caution_tags
    for reply in (easier, another):
        assert reply.kind == "stretch" and reply.topic == "hip_flexors"
        assert "kneeling" not in kb.stretches[reply.stretches[0]].caution_tags
    assert "no kneeling" in easier.blocks[0].text
    assert another.stretches != easier.stretches
    lower, floorless = converse(
        brain,
        "lower back stretch",
        "is there something easier, i struggle to get up off the floor these days",
    )
    assert lower.stretches and floorless.kind == "stretch" and floorless.topic == "lower_back"
    floor_tags = {"floor", "lying_on_back", "lying_on_front"}
    assert not floor_tags & set(kb.stretches[floorless.stretches[0]].caution_tags)


def test_a_stretch_asked_for_a_place_keeps_to_what_the_place_allows(brain, kb):
    _why, stretch = converse(
        brain, "why does my lower back stiffen up on long drives", "one for it i can do by the car"
    )
    assert stretch.kind == "stretch" and stretch.topic == "lower_back"
    floor_tags = {"floor", "kneeling", "lying_on_back", "lying_on_front"}
    assert not floor_tags & set(kb.stretches[stretch.stretches[0]].caution_tags)
    assert stretch.context.limits == frozenset({"standing"})


def test_an_easier_ask_for_another_area_is_not_a_reason(brain):
    _first, calves = converse(brain, "glute stretch please", "an easier one for my calves")
    assert calves.topic == "calves"


def test_an_easier_ask_after_small_talk_is_for_the_stretch_on_screen(brain):
    _first, _rude, easier = converse(
        brain, "hamstring stretch please", "this bot is rubbish", "fine, an easier one then"
    )
    assert easier.kind == "stretch" and easier.intent.endswith(".easier")


def test_a_limit_told_after_a_stretch_adapts_it_without_asking_easier(brain, kb):
    shin, kneel = converse(brain, "best stretch for my shins", "kneeling on my feet hurts")
    assert "kneeling" in kb.stretches[shin.stretches[0]].caution_tags
    assert kneel.kind == "stretch" and kneel.topic == "shins"
    assert "kneeling" not in kb.stretches[kneel.stretches[0]].caution_tags
    # a stretch that already keeps to the limit is shown again, and says so
    _tilt, again = converse(
        brain, "lower back stretch i can do standing", "cant lie on the floor, standing version?"
    )
    assert again.stretches == _tilt.stretches and "already fits" in again.blocks[0].text


def test_deadlift_tips_are_not_stretching_tips(brain):
    assert brain.reply("deadlift form tips for beginners").kind == "fallback"


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        # a question first, then only telling: the question is what is asked
        (
            "where is the piriformis exactly? my physio keeps blaming my lower back",
            "piriformis.what",
        ),
        (
            "what should i do before tennis? my shoulders are always tight on the first serve",
            "routine.warmup_tennis",
        ),
        (
            "why do i get so out of breath on runs, i do yoga every day",
            "general.breathless_exercise",
        ),
        # ... not when the whole message reads the same area with more cues, nor when the
        # question names no subject
        ("how do i stretch? my hamstrings are tight", "hamstrings.stretch"),
        ("good chest stretch? hunched over a laptop all day", "chest.stretch"),
    ],
)
def test_a_question_asked_first_is_answered_whatever_is_told_after(brain, message, intent):
    assert brain.reply(message).intent == intent


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("im pregnant, can i stretch", "condition.pregnancy"),
        ("my dad has a herniated disc, what stretches can he do", "condition.herniated_disc"),
    ],
)
def test_a_condition_named_is_not_read_as_another_conditions_routine(brain, message, intent):
    assert brain.reply(message).intent == intent


def test_why_beside_how_often_it_happens_asks_why(brain):
    reply = brain.reply(
        "knot under my shoulder blade comes with me to work every day, why does it keep coming back"
    )
    assert reply.intent == "upper_back.why_tight"


@pytest.mark.parametrize(
    ("first", "message", "intent"),
    [
        # an acknowledgement in front of a short follow-up is no part of it
        ("what is the psoas", "ok stretch it", "psoas.stretch"),
        ("neck stretch", "okay easier", "stretch.upper_trapezius.easier"),
        # ... but "ok to" asks whether
        ("calf stretch", "ok to do it every day?", "general.every_day"),
        # a bare acknowledgement is small talk, not a fallback
        ("calf stretch", "got it", "smalltalk.acknowledge"),
        ("calf stretch", "ok", "smalltalk.acknowledge"),
    ],
)
def test_an_acknowledgement_before_a_follow_up(brain, first, message, intent):
    _first, reply = converse(brain, first, message)
    assert reply.intent == intent


def test_a_length_and_a_seated_limit_told_after_a_story_build_a_routine(brain):
    reply = brain.reply(
        "on calls at the dining table all day, 5 minute stretch routine i can do without getting up?"
    )
    assert reply.kind == "routine" and reply.intent == "routine.desk_break"


def test_is_that_the_muscle_asks_what_it_is(brain):
    assert brain.reply("the inside of my thighs is tight, is that the adductors?").intent == (
        "adductors.what"
    )


@pytest.mark.parametrize("text", ["who invented custard", "who made the first pizza"])
def test_a_question_about_someone_elses_maker_is_not_about_the_bot(brain, text):
    assert brain.reply(text).kind == "fallback"


@pytest.mark.parametrize("text", ["who made you", "is this a real person", "who is behind this"])
def test_questions_to_the_bot_are_still_small_talk(brain, text):
    assert brain.reply(text).kind == "smalltalk"


@pytest.mark.parametrize(
    "text",
    ["how can i tell if im injured or just sore", "is this just doms or an injury"],
)
def test_sore_or_injured_gets_its_answer(brain, text):
    assert brain.reply(text).intent == "general.sore_or_injured"


def test_typed_next_walks_a_routine_step_by_step(brain):
    routine, first, second, back, done = converse(
        brain, "desk break routine", "ok start", "next", "back", "done"
    )
    assert routine.intent == "routine.desk_break"
    assert [r.intent for r in (first, second, back, done)] == [
        "guide.desk_break.0",
        "guide.desk_break.1",
        "guide.desk_break.0",
        "guide.desk_break.1",
    ]
    assert first.stretches != second.stretches


def test_done_after_a_routine_is_well_done_and_next_after_a_stretch_is_another(brain):
    _routine, done = converse(brain, "desk break routine", "all done")
    assert done.intent == "guide.desk_break.done"
    stretch, after = converse(brain, "calf stretch", "next")
    assert after.kind == "stretch" and after.stretches != stretch.stretches


def test_the_routine_asked_after_a_goal_is_the_goals_routine(brain):
    _goal, _astray, routine = converse(
        brain,
        "wanna learn the splits, me and my sister have a bet going",
        "is that even doable by summer",
        "ok give me the routine",
    )
    assert routine.intent == "routine.splits"


def test_a_body_part_that_dies_is_a_complaint(brain):
    assert brain.reply("my lower back always dies on long drives").intent == ("lower_back.stretch")


def test_a_step_of_a_routine_can_be_made_easier(brain):
    *_steps, easier = converse(brain, "full body stretch routine", "start", "this one is too hard")
    assert easier.kind == "stretch" and easier.intent.endswith(".easier")


@pytest.mark.parametrize("message", ["done", "ok done 👍", "that works"])
def test_done_after_a_stretch_is_acknowledged(brain, message):
    _card, reply = converse(brain, "calf stretch", message)
    assert reply.intent == "smalltalk.acknowledge"


def test_still_hurting_after_the_easier_version_gets_the_answer_on_pain(brain):
    *_before, still = converse(
        brain, "hamstring stretch", "ouch that hurts behind my knee", "still pulls a lot"
    )
    assert still.intent == "general.pain"


def test_the_story_going_on_after_a_stretch_gets_why(brain):
    _card, story = converse(brain, "ugh my neck", "slept on it wrong, cant turn right")
    assert story.intent == "neck.why_tight"


def test_another_after_a_general_answer_is_for_the_stretch_shown_before(brain):
    replies = converse(brain, "glutes tight after squats", "harder", "hold time?", "next one")
    harder, another = replies[1], replies[-1]
    assert another.kind == "stretch" and another.topic == "glutes"
    assert another.stretches != harder.stretches


def test_and_after_why_an_area_gets_tight_gives_its_stretch(brain):
    _why, carry_on = converse(brain, "why are my shoulders always so tight", "and?")
    assert carry_on.kind == "stretch" and carry_on.topic == "shoulders"


@pytest.mark.parametrize(
    "ask", ["skip the floor ones", "can i skip the lying down ones", "skip the ones on the floor"]
)
def test_skipping_the_floor_ones_keeps_the_routine_without_them(brain, ask):
    _routine, reply = converse(brain, "morning routine pls", ask)
    assert reply.intent == "routine.morning" and "no_floor" in reply.context.limits


def test_no_time_for_all_that_is_the_shorter_version(brain):
    _routine, reply = converse(brain, "morning routine pls", "i dont have time for all that")
    assert reply.context.plan is not None and reply.context.plan.length == "short"


def test_small_talk_in_the_middle_keeps_the_kind_of_reply(brain):
    # after a stretch, a compliment, then another area: that area's stretch, as if the small
    # talk had not come between
    _card, thanks, hips = converse(
        brain,
        "glute stretch please",
        "haha ur actually helpful for a bot",
        "ok and my hip flexors?",
    )
    assert thanks.kind == "smalltalk"
    assert hips.intent == "hip_flexors.stretch"


def test_another_after_small_talk_is_for_the_area_before(brain):
    why, _rude, another = converse(
        brain, "why are my traps so tight", "you suck", "fine give me another one"
    )
    assert why.kind == "answer"  # no stretch was shown: the area talked about is the one
    assert another.kind == "stretch" and another.topic == why.topic


@pytest.mark.parametrize("ask", ["can i do this at work", "can i do it in meetings lol"])
def test_a_stretch_asked_for_at_work_is_one_done_sitting(brain, ask):
    _card, reply = converse(brain, "wrist stretch please", ask)
    assert reply.kind == "stretch" and reply.topic == "wrists_forearms"
    assert "chair" in reply.context.limits


def test_a_warm_up_asked_in_talk_of_a_sport_is_that_sports(brain):
    _card, warm = converse(brain, "groin tight from football", "ok whats a good warmup then")
    assert warm.intent == "routine.warmup_soccer"


def test_stretch_to_loosen_them_is_a_stretch_for_the_area_before(brain):
    _why, card = converse(brain, "why are my quads so tight", "stretch to loosen them?")
    assert card.kind == "stretch" and card.topic == "quadriceps"


def test_a_condition_told_after_a_stretch_checks_that_stretch(brain, kb):
    card, checked = converse(brain, "lower back stretch", "oh btw im pregnant, is that one ok?")
    shown = kb.stretches[card.stretches[0]]
    assert checked.kind == "stretch" and checked.topic == "lower_back"
    assert "pregnancy" in checked.context.conditions
    avoided = set(kb.conditions["pregnancy"].avoid)
    assert avoided & set(shown.caution_tags)  # the first card lies face down: not in pregnancy
    assert not avoided & set(kb.stretches[checked.stretches[0]].caution_tags)
    assert any(b.text.startswith("Skip the") for b in checked.blocks if b.text)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("is it normal to be sore after", "general.soreness"),
        ("is it normal that it clicks", "general.joint_noises"),
    ],
)
def test_is_it_normal_is_read_by_what_follows(brain, text, intent):
    assert brain.reply(text).intent == intent


def test_asking_for_stretches_after_a_general_answer_gets_its_routine(brain):
    replies = converse(brain, "my posture is terrible what should i do", "ok what stretches")
    assert replies[0].intent == "general.posture"
    assert (replies[1].kind, replies[1].intent) == ("routine", "routine.desk_break")


def test_a_general_answers_routine_must_exist(tmp_path):
    import yaml
    from conftest import mini_kb_files

    from bot.kb import KBError, load_kb

    files = mini_kb_files()
    general = next(a for a in files["answers.yaml"]["answers"] if a["topic"] == "general")
    general["routine"] = "no_such_routine"
    for name, doc in files.items():
        (tmp_path / name).write_text(yaml.safe_dump(doc, sort_keys=False))
    with pytest.raises(KBError) as error:
        load_kb(tmp_path)
    assert "unknown routine 'no_such_routine'" in "\n".join(error.value.errors)


@pytest.mark.parametrize(
    ("before", "message", "key"),
    [
        ("stretches for tight hips", "and whats PNF, my teacher mentioned it", "pnf"),
        ("why are my calves tight", "what's a foam roller even for", "foam_rolling"),
    ],
)
def test_what_a_subject_is_after_an_area_is_that_subject(brain, before, message, key):
    reply = converse(brain, before, message)[1]
    assert reply.intent == f"general.{key}", reply.intent


@pytest.mark.parametrize(
    ("message", "key"),
    [
        ("you're honestly the best, my back feels amazing", "compliment"),
        # a body that feels better praises no one: glad to have helped
        ("omg my hips feel so much better", "thanks"),
        ("my back feels amazing now, thanks", "thanks"),
    ],
)
def test_telling_that_it_helped_is_small_talk(brain, message, key):
    assert brain.reply(message).intent == f"smalltalk.{key}"


@pytest.mark.parametrize(
    "message", ["my back feels so tight", "my hamstrings feel better but my calves are still tight"]
)
def test_a_complaint_is_no_praise(brain, message):
    assert brain.reply(message).kind != "smalltalk"


@pytest.mark.parametrize(
    "message",
    [
        "boulderer here, forearms are like rocks after a session. best forearm stretch?",
        "climber here, wrists ache after crimpy sessions. stretch for forearms and wrists?",
    ],
)
def test_one_stretch_asked_for_an_area_beside_a_sport_is_the_areas(brain, message):
    reply = brain.reply(message)
    assert (reply.kind, reply.topic) == ("stretch", "wrists_forearms")


@pytest.mark.parametrize(
    ("messages", "intent"),
    [
        (
            (
                "my jaw feels tight, pretty sure i clench in my sleep",
                "stretch?",
                "is it normal that it clicks",
            ),
            "general.joint_noises",
        ),
        (
            (
                "is yoga enough or do i still need to stretch separately",
                "thx! and is it normal to be sore after",
            ),
            "general.soreness",
        ),
    ],
)
def test_a_felt_thing_asked_about_in_a_conversation_is_that_things(brain, messages, intent):
    assert converse(brain, *messages)[-1].intent == intent


def test_asking_for_something_to_do_gets_the_subjects_routine(brain):
    # morning stiffness is the subject named, and the morning routine is its routine
    reply = brain.reply("something to do right after i get out of bed")
    assert reply.intent == "routine.morning"


@pytest.mark.parametrize(
    ("text", "routine"),
    [
        ("about to go for a run", "warmup_running"),
        ("got a tennis match in 20 min", "warmup_tennis"),
        ("about to play tennis, 10 min till my match", "warmup_tennis"),
        ("on the first tee in 20 mins, always top my first drive. warm up?", "warmup_golf"),
        ("kick off in 15, footy warm up?", "warmup_soccer"),
        ("tee time in 20 min, quick warm up?", "warmup_golf"),
        ("heading out for a run now", "warmup_running"),
        ("13 hour flight tomorrow", "long_flight"),
        ("bouldering tonight", "warmup_climbing"),
        ("hoops w the boys later", "warmup_basketball"),
    ],
)
def test_an_activity_still_to_come_gets_its_warm_up(brain, text, routine):
    reply = brain.reply(text)
    assert (reply.kind, reply.routine) == ("routine", routine)
    # the minutes until the match are no routine's length
    assert reply.context.plan is None or not isinstance(reply.context.plan.length, int)


@pytest.mark.parametrize(
    ("text", "kind", "key"),
    [
        # watched, not played; asks something else; a length of time to learn a skill
        ("about to watch the football", "fallback", None),
        ("going to play golf tomorrow with my boss, what should i wear", "fallback", None),
        ("how long till i can do the splits realisticly", "answer", "general.flexibility_timeline"),
    ],
)
def test_an_activity_to_come_asks_for_a_warm_up_only_when_nothing_else(brain, text, kind, key):
    reply = brain.reply(text)
    assert reply.kind == kind
    if key:
        assert reply.intent == key
    sized = brain.reply("full body routine in 15 minutes")
    assert sized.context.plan is not None and sized.context.plan.length == 15


@pytest.mark.parametrize(
    "follow_up",
    ["is there a stretch", "is there a stretch i can do", "do you know a good stretch for that"],
)
def test_asking_whether_there_is_a_stretch_after_an_area_gets_its_stretch(brain, follow_up):
    why = brain.reply("why does my IT band get so tight")
    reply = brain.reply(follow_up, why.context)
    assert (reply.kind, reply.topic) == ("stretch", "it_band")


@pytest.mark.parametrize(
    ("follow_up", "place"),
    [
        ("the second one, how do i do that properly", 1),
        ("how do i do the 3rd one", 2),
        ("number 2?", 1),
        ("the last stretch?", -1),
        # "again" in a question of what the step is asks for it, not the routine once more
        ("whats the second one again, how do i do that", 1),
        ("what was the first one again", 0),
    ],
)
def test_a_step_of_a_routine_named_by_its_place_gets_its_card(brain, follow_up, place):
    routine = brain.reply("desk break routine")
    steps = routine.context.plan and brain.replies.sizer.build(routine.context.plan).steps
    assert steps
    reply = brain.reply(follow_up, routine.context)
    assert reply.kind == "stretch"
    assert reply.stretches[0] == steps[place].stretch


@pytest.mark.parametrize(
    ("follow_up", "kind"),
    [
        ("again pls, i forgot the 2nd one", "routine"),  # the routine once more
        ("step 20", "fallback"),  # the routine has no such step
    ],
)
def test_a_place_with_another_ask_or_out_of_range_is_no_step_card(brain, follow_up, kind):
    routine = brain.reply("desk break routine")
    assert brain.reply(follow_up, routine.context).kind == kind


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("these hip flexors are gonna be the death of me, desk job", "hip_flexors"),
        ("my glutes are on strike after the squat challenge", "glutes"),
        ("my side feels all crunched up on the left, like between ribs and hip", "side_body"),
    ],
)
def test_a_figure_of_speech_for_a_complaint_about_an_area_is_understood(brain, text, topic):
    reply = brain.reply(text)
    assert reply.kind in ("answer", "stretch") and reply.topic == topic


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        # nothing asked, with its cause told or not: the stretch, with why one tap away
        ("calves are screaming after my first trail run", "calves.stretch"),
        ("neck stiff from sleeping on the train", "neck.stretch"),
        ("my quads are so sore i walk like a robot", "quadriceps.stretch"),
        ("hamstrings tight as guitar strings", "hamstrings.stretch"),
        ("my shoulders are up around my ears all day", "shoulders.stretch"),
        # a question keeps its aspect, whatever cause it tells
        ("why is my neck stiff after sleeping on the train", "neck.why_tight"),
        ("my calves are tight after running, should i stretch before or after", "calves.when"),
        ("is it normal that one calf is tighter than the other?", "calves.why_tight"),
        ("did i sleep funny? my neck is stiff", "neck.why_tight"),
    ],
)
def test_a_complaint_that_asks_nothing_gets_relief(brain, message, intent):
    reply = brain.reply(message)
    assert reply.intent == intent
    if reply.kind == "stretch":
        labels = [a.label for a in reply.actions]
        assert "Why does it get tight?" in labels


@pytest.mark.parametrize(
    ("message", "subject"),
    [
        ("got a tip for my posture at work?", "posture"),
        ("any tips for sticking with stretching, i keep quitting", "habit"),
        ("quick tip on how long to hold a stretch", "how_long"),
    ],
)
def test_a_tip_asked_on_a_subject_is_one_of_its_tips_with_the_answer_a_tap_away(
    brain, message, subject
):
    reply = brain.reply(message)
    assert reply.kind == "tip"
    tip = next(t for t in brain.kb.tips if t.id in reply.context.seen)
    assert subject in tip.subjects
    title = brain.kb.answers[("general", subject)].title
    assert title in [a.label for a in reply.actions]
    # asked as a question, not for a tip: the answer
    assert brain.reply("how do i fix my posture").intent == "general.posture"


def test_whether_a_complaint_is_a_condition_named_after_its_stretch_is_what_the_area_is(brain):
    stretch, asked = converse(brain, "tight hamstrings", "is that the same thing as sciatica")
    assert stretch.intent == "hamstrings.stretch"
    assert asked.intent == "hamstrings.what" and "sciatica" in asked.conditions


def test_a_turn_to_another_area_keeps_the_kind_of_reply_whatever_it_complains_of(brain):
    routine = brain.reply("road trip stretches")
    reply = brain.reply("what about my neck, it gets stiff from checking mirrors", routine.context)
    assert (reply.kind, reply.topic) == ("stretch", "neck")


@pytest.mark.parametrize(
    ("message", "topic"),
    [
        (
            "lower back hurts every time i bend down to tie my shoes. feels tight. stretches?",
            "lower_back",
        ),
        (
            "tight hip flexors from sitting all day. whats the gentlest one to start with",
            "hip_flexors",
        ),
    ],
)
def test_a_thing_in_another_sentence_leaves_the_complaint_the_writers(brain, message, topic):
    reply = brain.reply(message)
    assert (reply.kind, reply.topic) == ("stretch", topic)
    assert brain.reply("my shoes feel tight").kind == "fallback"


def test_a_stretch_that_needs_no_kneeling_keeps_off_the_knees(brain):
    reply = brain.reply("hip flexor stretch that doesn't need kneeling? my knees hate the floor")
    assert reply.kind == "stretch"
    assert "kneeling" not in brain.kb.stretches[reply.stretches[0]].caution_tags


def test_a_longer_version_of_a_stretch_is_its_harder_one_and_the_side_follows(brain):
    card, longer, other = converse(
        brain, "adductor stretch", "can i do a longer version", "other leg"
    )
    assert card.kind == "stretch"
    assert longer.intent == f"stretch.{card.stretches[0]}.harder"
    assert other.intent == f"stretch.{card.stretches[0]}.other_side"


def test_a_variant_after_a_general_answer_is_about_the_cards_area(brain):
    *_, harder = converse(
        brain,
        "calf stretch",
        "how long should i hold it",
        "got anything harder, that one barely does anything",
    )
    assert (harder.kind, harder.topic) == ("stretch", "calves")


def test_a_version_named_with_hearsay_around_it_gets_its_card(brain):
    card, version = converse(brain, "calf stretch", "i heard theres a bent knee version too?")
    assert version.kind == "stretch" and version.stretches != card.stretches
    assert "bent" in brain.kb.stretches[version.stretches[0]].name.lower()


@pytest.mark.parametrize(
    ("message", "topic"),
    [
        (
            "programmer, keyboard and mouse 9 hours a day, forearms tight and achy by the "
            "evening. is there a stretch I can do at my desk?",
            "wrists_forearms",
        ),
        (
            "honestly my arms never go above my head all day at work. shoulder stretch for "
            "office people?",
            "shoulders",
        ),
    ],
)
def test_one_area_asked_a_stretch_for_in_a_setting_gets_its_stretch(brain, message, topic):
    reply = brain.reply(message)
    assert (reply.kind, reply.topic) == ("stretch", topic)
    # what to do in the setting, with no stretch asked for, is the setting's routine
    road = brain.reply(
        "10 hour drive tomorrow, my lower back locked up last time. what do i do at gas stops?"
    )
    assert road.routine == "road_trip"


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("r u a bot or is there an actual person typing", "smalltalk.are_you_a_bot"),
        ("this is the dumbest bot ive ever used", "smalltalk.insult"),
        ("ok cya later", "smalltalk.goodbye"),
    ],
)
def test_small_talk_in_longer_words(brain, message, intent):
    assert brain.reply(message).intent == intent


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        # the cramp is the complaint the answer is about
        ("calf cramps at night, how do i stop them", "general.cramp"),
        # another complaint, or a stretch asked for by name: the area
        ("my calves are tight and cramp at night", "calves.stretch"),
        ("hands cramp up when i game for hours. forearm stretch?", "wrists_forearms.stretch"),
        # a sensation felt in a stretch and asked about: the sensation, not the stretch again
        ("my foot cramps up in the calf stretch, is that normal", "general.cramp"),
        ("thighs start to shake when i hold a quad stretch, is that ok", "general.shaking"),
        ("is it normal for your arms to shake during a stretch", "general.shaking"),
    ],
)
def test_a_cramp_named_with_its_area_gets_the_cramp_answer_unless_more_is_said(
    brain, message, intent
):
    assert brain.reply(message).intent == intent


@pytest.mark.parametrize(
    ("first", "follow_up", "intent"),
    [
        ("how do i do the splits", "thanks a lot. do i do it every day?", "general.every_day"),
        ("why is my psoas tight", "ok show me the stretch again", "psoas.stretch"),
        ("why do my feet hurt", "what else can i do", "feet_ankles.stretch"),
        ("why are my shoulders tight", "hows it stretched", "shoulders.stretch"),
        ("my knees crack when i squat", "is it bad", "general.joint_noises"),
        (
            "how do i do the splits",
            "how long til i actually get there tho",
            "general.splits",
        ),
    ],
)
def test_follow_ups_in_their_own_words(brain, first, follow_up, intent):
    context = brain.reply(first).context
    assert brain.reply(follow_up, context).intent == intent


def test_is_there_anything_asks_about_the_areas_not_the_activity_told_before(brain):
    # "is there" says something exists; it points at no setting named elsewhere
    reply = brain.reply(
        "Started commuting by bike in the spring, desk job as well. The front of my hips gets "
        "tight after meetings and my lower back aches in the evening. My physio mentioned hip "
        "flexors. What's going on and is there anything I can do about it?"
    )
    assert reply.intent == "hip_flexors.why_tight"
    # "there" pointing at a setting still reaches it
    reply = brain.reply(
        "we stop at the rest stops on the drive, my hips and back ache, what stretches can i "
        "do there"
    )
    assert reply.routine == "road_trip"


def test_what_to_do_before_an_activity_asked_last_gets_its_warm_up(brain):
    reply = brain.reply(
        "my forearms get pumped after like 3 easy problems when i boulder. what should i be "
        "doing before i climb"
    )
    assert (reply.kind, reply.routine) == ("routine", "warmup_climbing")
    one = brain.reply("my calves are tight after runs. what stretch should i do after my run")
    assert (one.kind, one.topic) == ("stretch", "calves")


@pytest.mark.parametrize(
    "message",
    ["stiff as a board after sleeping on my mates couch", "feel stiff as a board after the flight"],
)
def test_stiff_as_a_board_is_the_whole_body(brain, message):
    reply = brain.reply(message)
    assert (reply.kind, reply.routine) == ("routine", "full_body")
    assert brain.reply("i cut a board for my shelf, its stiff").kind == "fallback"


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        (
            "day after leg day and i literally cant sit down on the toilet without holding "
            "the wall, what helps",
            "general.soreness",
        ),
        (
            "red in the face and breathing hard after 3 flights of stairs, im just unfit",
            "general.breathless_exercise",
        ),
    ],
)
def test_everyday_words_for_soreness_and_being_out_of_breath(brain, message, intent):
    assert brain.reply(message).intent == intent
    assert brain.reply("i cannot sit down, the chair is broken").kind == "fallback"


def test_stretches_asked_last_for_a_group_get_its_routine_not_the_storys_area(brain):
    reply = brain.reply(
        "my mum can hardly lift her foot high enough to put her socks on anymore. any gentle "
        "stretches for older people?"
    )
    assert (reply.kind, reply.routine) == ("routine", "older_adults")
    # the writer's own area, or stretches asked for the writer: not the group's routine
    mine = brain.reply(
        "my wife is pregnant and i built all the nursery furniture, my back is wrecked. "
        "stretches for me?"
    )
    assert mine.routine != "pregnancy"


@pytest.mark.parametrize(
    ("first", "follow_up", "kind", "key"),
    [
        (
            "road trip stretches",
            "can i do any of them in the car while parked",
            "routine",
            "road_trip",
        ),
        (
            "road trip stretches",
            "can i do that one at a rest stop in jeans lol",
            "routine",
            "road_trip",
        ),
        # how often, when, or how to hold them: their answers
        ("desk break", "can i do them every hour", "answer", "general.how_often"),
        ("morning routine", "is it ok to do it every day", "answer", "general.every_day"),
    ],
)
def test_whether_the_routine_on_screen_can_be_done_somewhere_is_the_routine(
    brain, first, follow_up, kind, key
):
    reply = brain.reply(follow_up, brain.reply(first).context)
    assert reply.kind == kind
    assert (reply.routine if kind == "routine" else reply.intent) == key


@pytest.mark.parametrize(
    ("first", "follow_up"), [("my calves ache at work", "anything quick?"), ("neck stiff", "fix?")]
)
def test_a_bare_ask_for_something_to_do_after_an_area_gets_its_stretch(brain, first, follow_up):
    area = brain.reply(first)
    reply = brain.reply(follow_up, area.context)
    assert (reply.kind, reply.topic) == ("stretch", area.topic)
    assert brain.reply("help", area.context).kind == "help"


def test_a_complaint_with_a_warning_sign_beside_its_cause_keeps_the_answer(brain):
    # the answer says when to get a swelling or a numbness checked; a card would not
    relief = brain.reply("calves are screaming after my first trail run")
    assert relief.kind == "stretch"
    warned = brain.reply("my calves are tight after running and both ankles are a bit puffy")
    assert warned.kind in ("answer", "red_flag")


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("what's the difference between the psoas and hip flexors", "psoas.what"),
        ("adductors vs hip flexors, whats the difference?", "adductors.what"),
        ("is the piriformis part of the glutes", "piriformis.what"),
        ("is the psoas the same as the hip flexor or different", "psoas.what"),
    ],
)
def test_two_areas_compared_get_what_the_first_is(brain, message, intent):
    assert brain.reply(message).intent == intent


@pytest.mark.parametrize(
    "message",
    [
        "psoas vs hip flexor stretch, which is better",  # a stretch asked for
        "my hamstrings and calves feel different",  # no comparison asked
        "whats the difference between static and dynamic stretching",  # no area
    ],
)
def test_a_comparison_that_asks_something_else_is_not_what_an_area_is(brain, message):
    assert not brain.reply(message).intent.endswith(".what")


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("is cracking your back bad", "general.joint_noises"),
        ("my knees crack like bubble wrap when i squat", "general.joint_noises"),
        # a pop told with how good it felt is the pop, not praise for the bot
        ("felt a little pop in my neck when i turned, felt lovely after", "general.joint_noises"),
        (
            "i always stretched before my runs but now people say after, who's right",
            "general.before_after",
        ),
        (
            "my coach had us stretch before games, my club says after, im confused",
            "general.before_after",
        ),
    ],
)
def test_cracking_joints_and_a_disputed_timing_get_their_answers(brain, message, intent):
    assert brain.reply(message).intent == intent


@pytest.mark.parametrize("message", ["my car cracks when i turn the wheel", "is rice good for me"])
def test_things_that_crack_are_not_joints(brain, message):
    assert brain.reply(message).kind == "fallback"


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("im like the tin man every morning", "general.morning_stiffness"),
        ("i walk like an old man in the mornings", "general.morning_stiffness"),
        ("feel like a rusty gate when i get up", "general.morning_stiffness"),
        ("should i feel it burn", "general.pain"),
        ("why am i so inflexible", "general.flexibility_timeline"),
        ("i count to 10 and move on, enough?", "general.how_long"),
    ],
)
def test_everyday_questions_about_stretching_itself_get_their_answer(brain, message, intent):
    assert brain.reply(message).intent == intent


@pytest.mark.parametrize(
    "message",
    [
        "my car is like a rusty gate every morning",
        "every morning i feel like garbage",
        "the traffic is killing me every morning",
        "is 30 seconds enough to microwave soup",
    ],
)
def test_a_morning_or_a_count_told_of_something_else_is_declined(brain, message):
    assert brain.reply(message).kind == "fallback"


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("what time do they come", "daily.on"),
        ("what kind of tips will they be", "daily.on"),
        ("actually nah stop them", "daily.off"),
    ],
)
def test_a_question_about_the_daily_tips_just_set_up_is_about_them(brain, question, intent):
    signed_up = brain.reply("sign me up for daily tips")
    assert brain.reply(question, signed_up.context).intent == intent


def test_after_the_daily_tips_a_question_of_its_own_is_answered(brain):
    signed_up = brain.reply("daily tips please")
    assert brain.reply("what is pnf", signed_up.context).intent == "general.pnf"


@pytest.mark.parametrize(
    "message",
    [
        "stretches on my lunch break",
        "anything for my coffee break",
    ],
)
def test_a_break_at_work_gets_the_desk_break(brain, message):
    assert brain.reply(message).intent == "routine.desk_break"


@pytest.mark.parametrize(
    "message", ["my back thanks you", "my hamstrings thank you lol", "my neck loves you"]
)
def test_a_body_part_that_thanks_the_bot_is_a_compliment(brain, message):
    assert brain.reply(message).intent == "smalltalk.compliment"


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("thank you, my back still hurts though", "lower_back.stretch"),
        ("my back thanks you, what about my neck", "neck.stretch"),
    ],
)
def test_thanks_with_a_complaint_or_another_area_answers_that(brain, message, intent):
    assert brain.reply(message).intent == intent


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("cool down after a football match", "routine.cooldown"),
        ("can u give me a cool down for after footy", "routine.cooldown"),
        ("warm up for football", "routine.warmup_soccer"),
    ],
)
def test_an_activity_with_only_a_warm_up_gets_the_general_cool_down_after(brain, message, intent):
    assert brain.reply(message).intent == intent


def test_a_muscle_that_kills_is_a_complaint(brain):
    assert brain.reply("calfs kill after runing").topic == "calves"
    assert brain.reply("i could kill for a coffee").kind == "fallback"


@pytest.mark.parametrize(
    "message",
    [
        "stretching makes my back worse",
        "the stretches make my back pain worse the next day",
        "my knee hurts more after i do the quad stretch",
        # a pain from going too far, asked whether to ease off
        "mild pain in my hamstring when i stretch too far, should i back off",
    ],
)
def test_stretching_told_to_make_a_pain_worse_gets_whether_it_should_hurt(brain, message):
    assert brain.reply(message).intent == "general.pain"


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("my back is worse after sitting, stretches?", "lower_back.stretch"),
        ("will stretching fix the soreness or make it worse?", "general.soreness"),
    ],
)
def test_worse_told_of_something_else_or_asked_is_not_a_stretch_that_hurt(brain, message, intent):
    assert brain.reply(message).intent == intent


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("when i stretch my calves i get a cramp in my foot, why", "general.cramp"),
        ("why do my legs shake when i hold a stretch", "general.shaking"),
        ("my hamstring cramps, what stretch helps", "hamstrings.stretch"),
        (
            "when i stretch my hamstrings i get shooting pain down my leg, why",
            "red_flag.nerve_pain_when_stretching",
        ),
    ],
)
def test_a_sensation_felt_while_stretching_asked_why_gets_its_answer(brain, message, intent):
    assert brain.reply(message).intent == intent


@pytest.mark.parametrize(
    ("first", "then", "routine"),
    [
        ("give me a cooldown for running", "what about cycling", "cooldown_cycling"),
        ("warm up for football", "what about basketball", "warmup_basketball"),
        ("warm up for running", "golf?", "warmup_golf"),
        # no cycling warm-up: the general one, not the cycling cool-down
        ("warm up for running", "what about cycling", "warmup"),
    ],
)
def test_another_activity_after_a_warm_up_or_cool_down_keeps_its_kind(brain, first, then, routine):
    _first, reply = converse(brain, first, then)
    assert reply.kind == "routine" and reply.routine == routine


def test_an_area_after_a_cool_down_is_still_the_area(brain):
    _first, reply = converse(brain, "cooldown after tennis", "what about my calves")
    assert reply.intent == "calves.stretch"


@pytest.mark.parametrize(
    ("first", "topic"),
    [("knee pain when i squat", "knees"), ("my neck hurts", "neck")],
)
def test_is_that_normal_after_an_area_says_what_is_common_for_it(brain, first, topic):
    _first, reply = converse(brain, first, "is that normal?")
    assert reply.intent == f"{topic}.why_tight"


def test_is_it_normal_naming_a_feeling_answers_the_feeling(brain):
    _first, reply = converse(
        brain, "my hamstrings are tight", "is it normal to shake in the stretch"
    )
    assert reply.intent == "general.shaking"


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("whats a good morning routine", "can you send it every day"),
        ("hamstring stretch", "could u send this every morning"),
    ],
)
def test_send_it_every_day_turns_the_daily_tips_on(brain, first, then):
    _first, reply = converse(brain, first, then)
    assert reply.intent == "daily.on"


@pytest.mark.parametrize("then", ["done. now what", "ok whats next", "what next?"])
def test_what_now_after_a_stretch_is_the_areas_next_stretch(brain, then):
    first, reply = converse(brain, "neck stretch", then)
    assert reply.intent == "neck.stretch" and reply.stretches != first.stretches


def test_typed_skip_and_stop_during_a_guided_routine(brain):
    replies = converse(brain, "morning routine", "start", "skip", "back", "stop")
    assert [r.intent for r in replies[1:4]] == [
        "guide.morning.0",
        "guide.morning.1",
        "guide.morning.0",
    ]
    stopped = replies[-1]
    assert stopped.intent == "guide.stop"
    text = render_text(stopped)
    assert "step 1 of" in text
    assert "Resume ▶" in [b.label for b in stopped.actions]


def test_stop_with_no_routine_running_stops_nothing(brain):
    _overview, reply = converse(brain, "morning routine", "stop")
    assert reply.intent != "guide.stop"


@pytest.mark.parametrize(
    ("told", "asked", "condition"),
    [
        ("im 24 weeks pregnant", "can i lie on my back to stretch?", "pregnancy"),
        ("i have osteoporosis", "can i do twists", "osteoporosis"),
        ("im pregnant", "is kneeling ok", "pregnancy"),
    ],
)
def test_a_position_asked_after_a_condition_is_the_conditions_advice(brain, told, asked, condition):
    _told, reply = converse(brain, told, asked)
    assert reply.intent == f"condition.{condition}"


def test_lying_on_my_back_with_no_condition_is_about_the_back(brain):
    _first, reply = converse(brain, "my lower back hurts", "can i lie on my back")
    assert reply.topic == "lower_back" and not reply.intent.startswith("condition.")


@pytest.mark.parametrize(
    ("then", "length"), [("got a longer routine?", "long"), ("a shorter routine pls", "short")]
)
def test_a_routine_in_another_length_after_one_resizes_it(brain, then, length):
    _first, reply = converse(brain, "desk break", then)
    assert reply.routine == "desk_break" and reply.context.plan.length == length


@pytest.mark.parametrize(
    "message",
    [
        "my neck is rock solid",
        "my calves are like cement after the hike",
        "upper back is jammed",
        "hamstrings are rigid",
        "i'm a hairdresser and by the end of the day my shoulders are up by my ears and my neck "
        "is rock solid",
    ],
)
def test_an_area_described_as_hard_or_jammed_is_a_complaint(brain, message):
    reply = brain.reply(message)
    assert reply.kind in ("answer", "stretch") and reply.topic not in (None, "general")


@pytest.mark.parametrize(
    "message",
    ["my chest of drawers is solid wood", "solid advice thanks", "i am wound up about work"],
)
def test_the_same_words_about_no_area_are_no_complaint(brain, message):
    assert brain.reply(message).kind == "fallback"


@pytest.mark.parametrize(
    ("turns", "intent"),
    [
        # a message not understood leaves the stretch on screen where it was
        (("quad stretch", "blorp zanzibar", "other side?"), "stretch.standing_quad.other_side"),
        # chat words around a follow-up
        (("it band tight", "can you even stretch it tho"), "it_band.stretch"),
        (("my neck is tight", "bet, gimme a stretch"), "neck.stretch"),
        # where to feel it: the card's details, which say what you should feel
        (("glute stretch", "where am i supposed to feel it"), "stretch.lying_figure_four.more"),
        (("calf stretch", "to hard"), "stretch.wall_calf.easier"),
        (("calf stretch", "didnt feel much"), "stretch.wall_calf.harder"),
        (("just destroyed leg day, cooldown?", "quads esp", "other side?"), None),
        # the step after one named by its stretch, then the one after that
        (("morning routine", "whats next after the cat cow one"), "guide.morning.3"),
        (("morning routine", "what comes after the cat cow", "and the next"), "guide.morning.4"),
        # "on my feet most of the day" pointing back at the area before tells the day, not
        # the feet ("they ache" may be the feet themselves)
        (
            (
                "what is the psoas",
                "why would it be tight though, im a teacher, im on my feet most of the day",
            ),
            "psoas.why_tight",
        ),
        (("my calves are tight", "i'm on my feet all day and they ache"), "feet_ankles.stretch"),
        # "one i can do ..." asks for a stretch for the area before, whatever it goes on to say
        (("stretch my calves", "and one i can do before i get out of bed?"), "calves.stretch"),
        (("my arms ache", "one i can do while holding her would be ideal lol"), "arms.stretch"),
        (("stretch my calves", "one i can hold longer?"), "general.how_long"),
        # whether what is on screen can be done somewhere the bot has no word for
        (
            ("shoulder stretch", "can i do these between songs without putting the guitar down"),
            "shoulders.stretch",
        ),
        # a longer session "for this": a routine for the area, in the minutes asked
        (
            ("hamstring stretch", "got a longer session for this? like 15 min"),
            "routine.area.hamstrings",
        ),
        # "the before one" of the activity told; a question about before it is no story
        (("i climb a lot", "ok give me the before one then"), "routine.warmup_climbing"),
        (
            (
                "swimmer, shoulders and lats always feel tight after, especially doing fly sets",
                "what about before i get in the pool",
            ),
            "routine.warmup_swimming",
        ),
        # "whats next" after a stretch done asks for the next one, not what the area is
        (("neck stretch pls", "done that, whats next"), "neck.stretch"),
        # whether stretching helps, after why the area gets tight: yes, with one to start
        (("why are my calves tight", "so stretching them will help?"), "calves.stretch"),
        (("why are my calves tight", "does stretching help with stress"), "general.stress"),
        # "no mat" keeps off the floor
        (("stretch my glutes", "no mat"), "glutes.stretch"),
        # whether something is the cause, after a stretch for an area: why it gets tight
        (("my neck is stiff", "is it from my pillow?"), "neck.why_tight"),
        (("my upper back is tight", "i work at a desk, is that why"), "upper_back.why_tight"),
        (("hamstring stretch", "could it be because i sit all day"), "hamstrings.why_tight"),
        # where the stretch on screen is felt, told: what it should feel like
        (("glute stretch", "i feel it in my knee not my bum"), "stretch.lying_figure_four.more"),
        # how many reps of the card; how many times a day is how often
        (("cat cow", "how many reps"), "general.how_long"),
        (("calf stretch", "how many times a day"), "calves.when"),
        # an area that does not like the stretch: a gentler way; not liking it: another
        (("pigeon pose how to", "my knee doesnt like it"), "glutes.stretch"),
        (("pigeon pose", "i dont like it"), "glutes.stretch"),
        # "does that matter" after a habit told: why the area gets tight
        (
            ("tight hips from sitting", "i also run 3x a week does that matter"),
            "hip_flexors.why_tight",
        ),
        # a step of the routine done: the one after it
        (("desk break", "im back, did the first one"), "guide.desk_break.1"),
        (("desk break", "done the second one"), "guide.desk_break.2"),
        # "how do i know im doing it right" asks about form; bouncing is no hold asked
        (
            ("hamstring stretch", "how do i know im doing it right"),
            "stretch.lying_hamstring_towel.more",
        ),
        (("calf stretch", "do i bounce or hold still"), "general.bouncing"),
        # "got a longer routine?" after a stretch: the area's, longer (not any routine)
        (("neck stretch", "got a longer routine?"), "routine.area.neck"),
        # a sensation while holding it is no hold asked; a click felt is a joint noise
        (("hamstring stretch", "my leg shakes a bit when i hold it"), "general.shaking"),
        (("lower back stretch", "felt a little click, no pain"), "general.joint_noises"),
        # why warm up at all, after a warm-up: the answer, not the warm-up again
        (
            ("warm up before tennis?", "why do you even warm up tho, i never did and im fine"),
            "general.warmup_vs_stretch",
        ),
        # how long until a goal is reached, after a stretch or an evening routine
        (
            ("hamstring stretch", "realistically how long before i can touch them"),
            "general.flexibility_timeline",
        ),
        (
            ("bedtime routine", "realistically how long before i can touch them"),
            "general.flexibility_timeline",
        ),
        # holding it longer than a normal stretch is how long to hold, not its form
        (
            ("psoas stretch", "do I need to hold it longer than a normal stretch?"),
            "general.how_long",
        ),
        # a fuel stop on the drive is the road trip's stop
        (
            (
                "my lower back is tight from driving",
                "anything i can do in the car?",
                "what about when i stop for fuel",
            ),
            "routine.road_trip",
        ),
        # at work, after an answer about one area or two: done off the floor, standing
        (
            ("why is my lower back tight", "can i do any of these between clients"),
            "lower_back.stretch",
        ),
        (
            (
                "im a hairdresser, my lower back and calves are killing me by 5pm",
                "can i do any of these between clients",
            ),
            "lower_back.stretch",
        ),
        # what a body part does during the stretch, told: how it should feel; a click or a
        # shake has its own answer
        (("hip flexor stretch", "my back arches when i do it"), "stretch.low_lunge.more"),
        (("calf stretch", "my heel lifts when i do this"), "stretch.wall_calf.more"),
        (("quad stretch", "my knee clicks when i do it"), "general.joint_noises"),
        # stretch or rest when sore the next day is the soreness question, not the area's card
        (("my hamstring is sore", "stretch or rest?"), "general.soreness"),
        # whether stretching should hurt, after an area's answer, is that question
        (("why is my neck stiff", "should stretching hurt"), "general.pain"),
        (
            (
                "heat or ice for tight traps",
                "also should stretching hurt? i usually push till it stings",
            ),
            "general.pain",
        ),
        # when to do the routine on screen: its own timing, the conversation kept on it
        (("warm up for football", "when should i do it"), "routine.warmup_soccer.when"),
        (
            ("warm up for football", "how long before we start should i do it"),
            "routine.warmup_soccer.when",
        ),
        (("bedtime routine", "when should i do this"), "routine.bedtime.when"),
        (("routine for my hips", "when should i do it"), "routine.area.hip_flexors.when"),
        (("warm up for football", "when should i do it", "shorter"), "routine.warmup_soccer"),
        # ... not how long to hold, nor when to stretch an area or at all
        (("warm up for football", "how long should i hold them"), "general.how_long"),
        (("cooldown after running", "when should i stretch my hamstrings"), "hamstrings.when"),
        (("cooldown after running", "when is it best to stretch"), "general.before_after"),
        # sleep asked about after an area: the bedtime routine
        (
            ("my neck is so stiff from my desk", "anything that helps me sleep too"),
            "routine.bedtime",
        ),
        # another area asked about, with kneeling as its cause: that area, not a kneeling limit
        (
            ("my lower back hurts after gardening", "what about my knees, they ache from kneeling"),
            "knees.stretch",
        ),
        (("low lunge", "easier please, kneeling hurts my knees"), "hip_flexors.stretch"),
        # when the daily tips come, asked after them: how to pick the time
        (("send me daily tips", "can i get them in the evening instead"), "daily.on"),
        (("daily tips", "can they come earlier"), "daily.on"),
        # the knee complained of after a kneeling stretch: the one it kneels on, so one that
        # keeps off it; after a stretch done lying down, the knee itself
        (("low lunge", "my back knee hurts"), "hip_flexors.stretch"),
        (("pigeon pose", "my knee hurts"), "glutes.stretch"),
        (("hamstring stretch", "my knee hurts"), "knees.stretch"),
        # the stretch on screen tried already, or of no help: another
        (
            ("my hamstrings are tight", "i tried that one already, didnt do much"),
            "hamstrings.stretch",
        ),
        (("calf stretch", "already do that one"), "calves.stretch"),
        # a go-ahead after a routine's overview starts its steps
        (("desk break", "ok do it"), "guide.desk_break.0"),
        (("desk break", "go for it"), "guide.desk_break.0"),
        # one stretch asked for after an area's answer, in a few words
        (
            ("desk all day, upper back aches", "just one stretch, the best one"),
            "upper_back.stretch",
        ),
        # a goodbye at the end of a short message
        (("neck stretch", "ok shes awake gtg"), "smalltalk.goodbye"),
        (("neck stretch", "kids home, gtg"), "smalltalk.goodbye"),
        # whether to stretch muscles this sore
        (
            (
                "my calves are so sore after parkrun",
                "is it ok to stretch them when theyre this sore",
            ),
            "general.soreness",
        ),
        # done in bed, asked after an area's answer: its first stretch done lying down
        (
            ("why is my lower back so stiff", "can i do it before i get out of bed"),
            "lower_back.stretch",
        ),
        # a step skipped, or the next one asked for, in a few more words
        (("desk break", "start", "skip it, whats next"), "guide.desk_break.1"),
        (("desk break", "start", "whats next"), "guide.desk_break.1"),
        # a turn to another area that goes on to tell its cause
        (("my neck is stiff", "what about my knees from kneeling on the joists"), "knees.stretch"),
        # a time of day asked after a cool-down is its own routine, not the warm-up
        (("just got back from a 10k", "and before bed?"), "routine.bedtime"),
        (("just got back from a 10k", "and before?"), "routine.warmup_running"),
        # a go-ahead after how to get the daily tips
        (("do you do like daily tips or something", "yeah go on sign me up"), "daily.on"),
        # headaches told after the shoulders: the tension headache
        (("my shoulders are tight", "get headaches with it too"), "general.tension_headache"),
        (("my calves are tight", "get headaches with it too"), "fallback"),
        # an example asked after an answer: its stretch or its routine
        (("why are my hamstrings tight", "give me an example"), "hamstrings.stretch"),
        (("whats dynamic stretching", "give me an example"), "routine.warmup"),
        # the other end of a game, asked as "one for after"
        (("golf warm up", "one for after the round"), "routine.cooldown_golf"),
        # the drive home after a flight: the road trip's routine, not a cool-down
        (
            ("flying to perth, 17 hours", "and the 3 hr drive home from the airport"),
            "routine.road_trip",
        ),
        # goodbyes in everyday words: "ta-ra" (no rheumatoid arthritis), "gg", a plan to try
        # it closed by "night"
        (("my calves are tight", "lovely, ta-ra"), "smalltalk.goodbye"),
        (("my calves are tight", "gg"), "smalltalk.goodbye"),
        (("my calves are tight", "will try it tomorrow, night"), "smalltalk.goodbye"),
        (("my calves are tight", "will do them before bed, night"), "smalltalk.goodbye"),
        # a general answer naming no area keeps the area talked of: "easier" after it
        (
            (
                "hamstring stretch hurts, like a sharp pain not a stretchy feeling",
                "how do i tell if im injured or just tight",
                "easier version then",
            ),
            "stretch.lying_hamstring_towel.easier",
        ),
        # "one for them" after an area: its stretch
        (("why are my calves tight", "one for them"), "calves.stretch"),
        # the other end of a game asked as "when im done"
        (
            ("pick up game at the park in 20 min, quick warm up?", "and when im done"),
            "routine.cooldown_basketball",
        ),
        # a chair asked for between games, after the lower back's answer: a chair stretch
        (
            ("why is my lower back stiff", "something i can do in my chair between games?"),
            "lower_back.stretch",
        ),
        # one side told worse after a card: both, the tighter one more
        (
            ("my hamstrings are tight", "my left side is worse"),
            "stretch.lying_hamstring_towel.more",
        ),
        # a longer one after a card: a longer session for its area
        (("my hamstrings are tight", "can you make it longer"), "routine.area.hamstrings"),
        # during a routine's steps, "show me the next one" goes on
        (("desk stretches", "ok do it", "show me the next one"), "guide.desk_break.1"),
        # why a routine helps: what stretching does for you
        (("desk stretches", "why does that help"), "general.benefits"),
        (("desk stretches", "how does this help"), "general.benefits"),
        # after an area's answer: one side worse gets its stretch; whether it passes on its
        # own is when to get it checked
        (("why are my hamstrings so tight", "my left side is worse"), "hamstrings.stretch"),
        (("why are my hamstrings so tight", "will it go away on its own"), "general.see_someone"),
        # praise of the stretch just shown
        (("calf stretch", "that was great"), "smalltalk.compliment"),
        # what to do, asked plainly after whether to stretch before exercise: the warm-up
        (("should i stretch before running", "ok so what should i do"), "routine.warmup_running"),
        (("is static stretching bad before a game", "so what do i do"), "routine.warmup"),
        # a thank-you after an acknowledgement, then what the person goes off to do
        (("why is my calf tight", "ok thanks, back to bed"), "smalltalk.thanks"),
        (("neck stretch", "okay thanks, back to work now"), "smalltalk.thanks"),
        # the moving stretches the answer on stretching before exercise told of
        (("should i stretch before running", "so which dynamic ones"), "routine.warmup_running"),
        # a bare "why" after a general answer: that answer, which gives the reasons
        (("woke up stiff again", "why tho im 28"), "general.morning_stiffness"),
        (("is foam rolling worth it", "but why"), "general.foam_rolling"),
        (("woke up stiff again", "why is the sky blue"), "fallback"),
        # after a stretch card: only one side tight is the area's tightness, not the card's
        # form; whether it is that muscle, what the muscle is
        (("calf stretch", "is it normal that only one side is tight"), "calves.why_tight"),
        (
            ("hamstring stretch", "one leg is way tighter than the other, why"),
            "hamstrings.why_tight",
        ),
        (
            ("groin feels tight after football", "is that the adductors or something else"),
            "adductors.what",
        ),
        (("calf stretch", "is it my calves or something else"), "calves.what"),
        # one asked for after whether to stretch before exercise: the warm-up it tells of
        (
            ("should i stretch before or after running", "can you show me one"),
            "routine.warmup_running",
        ),
        (("do i stretch before or after the gym", "ok what stretches"), "routine.warmup"),
        # how long until what the person waits for, however long they tell it
        (
            ("chest stretch", "how long till i stop looking like a question mark"),
            "general.flexibility_timeline",
        ),
        # another area turned to after a stretch card, however it feels
        (("cobra pose", "what about my hips they feel locked"), "hip_flexors.stretch"),
        # one side told done: the other side's card
        (("calf stretch", "ok did one side"), "stretch.wall_calf.other_side"),
        (("hip flexor stretch", "done that side, now the other"), "stretch.low_lunge.other_side"),
        # just the one side asked for
        (("neck stretch", "ok just do the left then"), "stretch.upper_trapezius.one_side"),
        # just one step of a routine: its longest held stretch
        (("cooldown after my run", "if i only do one which one"), "calves.stretch"),
        (("desk break routine", "if i could only do one which would it be"), "neck.stretch"),
        # a step left out, its reason running on past the words the check reads
        (
            (
                "warm up before a run",
                "can i skip the leg swings please, i look like a total idiot doing them",
            ),
            "routine.warmup_running",
        ),
        # a stretch named in passing, then a question of its own
        (
            ("lower back stretch", "ok the knee hug one is fine. how often should I do it"),
            "lower_back.when",
        ),
        # one tip now, on the area talked of
        (("neck stretch", "send me a tip"), "tip"),
        (("hip flexor stretch", "send me that tip thing now"), "tip"),
        # a place told after a card, with "where" in it: that area's stretch, no "what is"
        (
            ("upper back stretch", "not there, lower down where my neck meets my shoulders"),
            "neck.stretch",
        ),
        # a doubt that the routine does anything: what stretching does, however short
        (("morning routine", "is it even worth it"), "general.benefits"),
        (
            ("desk break routine", "5 min please", "why tho, does 5 min actually do anything"),
            "general.benefits",
        ),
        # "again" with a later time asks whether to do it daily
        (("neck stretch", "again tomorrow?"), "general.every_day"),
        (("cooldown after my run", "again tomorrow?"), "general.every_day"),
        (("neck stretch", "show me that again"), "neck.stretch"),
        # the time there is, told with what it is before, after a card: the area's routine
        (
            ("forearm stretch", "only got 10 min before my session starts"),
            "routine.area.wrists_forearms",
        ),
        # "can i do it again tomorrow" after a routine asks whether to do it daily
        (("give me a morning routine", "can i do it again tomorrow"), "general.every_day"),
        (("desk break routine", "can i do them all again tonight"), "general.every_day"),
        # one step asked for alone after a routine: its longest held stretch
        (("give me a morning routine", "just one pls"), "lower_back.stretch"),
        (("desk break routine", "i only have time for one today"), "neck.stretch"),
        # "after every run" after the running cool-down asks how often, not for it again
        (
            ("give me a cooldown after running", "can i do that after every run"),
            "general.every_day",
        ),
        # a follow-up turning to a general subject by a word of its keywords
        (("how often should i stretch", "and bouncing? my dad swears by it"), "general.bouncing"),
        (("how often should i stretch", "and ballistic? we did it at school"), "general.bouncing"),
        # losing it all, or the progress made, after days missed: keeping flexibility
        (
            ("how often should i stretch", "if i skip a few days will i lose it all"),
            "general.keep_flexibility",
        ),
        # "ok do my lower back then": the area's stretch, as asked
        (("what can you do", "ok do my lower back then"), "lower_back.stretch"),
        (("what can you do", "ok now do my neck pls"), "neck.stretch"),
        # "one more thing", "quick question" open a question, read past them
        (
            (
                "stretch for my calves",
                "thanks",
                "oh one more thing, should i do that before my run as well",
            ),
            "general.before_after",
        ),
        # whether it is worth seeing, or getting, someone to look at it: when to get it checked
        (("neck stretch", "is it worth seeing a physio"), "general.see_someone"),
        (
            ("why are my knees stiff", "is it worth getting someone to look at them"),
            "general.see_someone",
        ),
        # a coach after the flight: the road trip break, and its hours are the journey's
        (
            ("long flight tomorrow, stretches for the plane?", "then 3 hours on a coach after"),
            "routine.road_trip",
        ),
        # the time there is, told at more length after a card: the area's routine
        (
            ("hip flexor stretch", "what if i only have 5 mins before the school run"),
            "routine.area.hip_flexors",
        ),
        # a stretch that hurt, told first, then what it felt like: its gentler version
        (
            ("calf stretch", "that one made it worse tbh, felt it pulling behind my knee"),
            "stretch.wall_calf.easier",
        ),
        (
            ("glute stretch", "ouch that hurt, sort of a sharp pinch deep in the hip"),
            "stretch.lying_figure_four.easier",
        ),
        # a stretch that hurt, told after an area's answer: how a stretch should feel
        (("why are my glutes tight", "it hurt a bit doing that, sort of sharp"), "general.pain"),
        (
            (
                "why are my glutes tight",
                "it hurt a bit doing that, sort of sharp",
                "gentler version?",
            ),
            "stretch.lying_figure_four.easier",
        ),
        (("why are my knees stiff", "it hurts doing stairs"), "knees.stretch"),
        # another area told as aching after an area's answer: its stretch, the relief
        (
            ("why is my neck stiff", "what about my upper back, that's sore too"),
            "upper_back.stretch",
        ),
        (("why are my hamstrings tight", "and my calves ache as well"), "calves.stretch"),
        # a setting told with "while" after an answer: its routine
        (
            ("how do i fix my posture", "what about while i'm actually at my desk"),
            "routine.desk_break",
        ),
        # whether every step must be done: no, and a shorter version
        (("bedtime routine", "do i have to do all of them"), "routine.bedtime"),
        # "feels better" after a card is thanks, not praise of the bot
        (("neck stretch", "ok did it, feels better"), "smalltalk.thanks"),
        # a sport's event told after its warm-up: at its own end, the warm-up is for it; at
        # the other end, the cool-down (the general one when the sport has none)
        (
            ("warm up for football", "can i do these before every game"),
            "routine.warmup_soccer",
        ),
        (("warm up for football", "can i do it before training too"), "routine.warmup_soccer"),
        (("warm up for football", "can i do these after the game"), "routine.cooldown"),
        (("warm up for tennis", "and after the match?"), "routine.cooldown_tennis"),
        # after why an area gets tight, doing "it" at a time of day asks when to stretch it
        (("why are my hamstrings tight", "would doing it every morning help"), "hamstrings.when"),
        (
            ("why are my hamstrings tight", "do they get worse in the morning"),
            "general.morning_stiffness",
        ),
        # "something for" an area asks for its stretch, as "anything for" does
        (("are you a bot", "fine. something for tight shoulders then"), "shoulders.stretch"),
        # an age told alone after how long flexibility or a goal takes: whether it is too late
        (("how long does it take to get flexible", "im 52"), "general.too_old"),
        (("i want to get my splits back", "im 40 btw"), "general.too_old"),
        # a check of the card on screen: how it should feel and what to watch for
        (("hip flexor stretch", "where should i feel it"), "stretch.low_lunge.more"),
        (("hip flexor stretch", "am i doing it right"), "stretch.low_lunge.more"),
        (("hip flexor stretch", "how do i know if its working"), "stretch.low_lunge.more"),
        # nothing to hold onto is a limit, not how long to hold
        (("quad stretch", "i dont have anything to hold onto"), "quadriceps.stretch"),
        # the order of a routine's steps asked: the routine again, led by what order to go in
        (("morning routine", "do i do them in order"), "routine.morning"),
        (("desk break", "does the order matter"), "routine.desk_break"),
        # "what about if ..." asks about a setting, as "what about on ..." did
        (("calf stretch", "what about if im on a plane"), "routine.long_flight"),
        # after the daily tips, a question about when "it" comes: how to pick the time
        (("send me a daily tip", "when will i get it"), "daily.on"),
        (("send me a daily tip", "what time will it come"), "daily.on"),
        # an area moved on to after another's card, then both asked for: the two together
        (
            ("neck stretch", "ok now something for my lower back", "can you combine them"),
            "routine.area.neck+lower_back",
        ),
        (
            ("neck stretch", "lower back stretch", "a routine with both"),
            "routine.area.neck+lower_back",
        ),
        # help asked for last, in a piece of its own, after a story of an area: its stretch
        (
            (
                "started swimming 3 times a week and my shoulders feel tight and hunched by "
                "the weekend. tips?",
            ),
            "shoulders.stretch",
        ),
        (("my neck gets stiff on long drives. ideas?",), "neck.stretch"),
        (
            (
                "warm up before 5 a side tonight",
                "and after?",
                "inner thighs always tight after, one for that?",
            ),
            "adductors.stretch",
        ),
        # morning or night asked of an area's stretches: when in the day to stretch
        (("why is my jaw so tight", "morning or night for the jaw ones?"), "general.time_of_day"),
        (("hamstrings: morning or night?",), "general.time_of_day"),
        # where the stretch on screen is felt, told with a place word other than "in", asked
        # whether that is right: how it should feel, not an answer about the place
        (("calf stretch", "i feel it behind my knee, is that normal"), "stretch.wall_calf.more"),
        (
            ("hamstring stretch", "i feel it at the back of my knee, is that right"),
            "stretch.lying_hamstring_towel.more",
        ),
        (
            ("calf stretch", "this one pulls a little behind my knee, meant to happen?"),
            "stretch.wall_calf.more",
        ),
        # "show me one" after a general answer: the stretch or routine that puts it into
        # practice, as "give me one" gets
        (("is stretching good for period cramps", "show me one then"), "lower_back.stretch"),
        (("do i need to cool down", "ok show me one"), "routine.cooldown"),
        # holding onto something for balance is about form, not how long to hold
        (("quad stretch", "do i hold onto a chair"), "stretch.standing_quad.more"),
        (("quad stretch", "can i hold on to the wall"), "stretch.standing_quad.more"),
        (("quad stretch", "how long do i hold on for"), "general.how_long"),
        # something asked for one end of an activity after an area's card: that end's routine
        (("my hamstrings are tight", "anything for before my run"), "routine.warmup_running"),
        (("neck stretch", "something for after my ride"), "routine.cooldown_cycling"),
        (("my calves are tight", "anything for after work"), "calves.stretch"),
        # everyday words for the moves: switching legs, something softer, just the best ones
        (("quad stretch", "ok switching legs"), "stretch.standing_quad.other_side"),
        (("hamstring stretch", "anything softer?"), "stretch.lying_hamstring_towel.easier"),
        (("morning routine", "just the 2 or 3 best ones pls"), "routine.morning"),
        # whether to warm up first, after a card or a routine: the answer on warming up and
        # stretching, never a sport's warm-up no one named
        (("calf stretch", "should i warm up first"), "general.warmup_vs_stretch"),
        (("desk break", "do i need to warm up before doing that"), "general.warmup_vs_stretch"),
        (("calf stretch", "warm up first?"), "routine.warmup"),
        (
            ("warm up for tennis", "and a cooldown for after", "is the cooldown really necessary"),
            "general.cooldown_needed",
        ),
        (("morning stretches pls", "is it fine to do that every single day"), "general.every_day"),
        (("lower back stretch", "why does it feel tighter after i do it"), "general.tighter_after"),
        # after a routine, the area told as the worst: its stretch
        (("cooldown after golf", "lower back is usually the worst bit"), "lower_back.stretch"),
        (("cooldown after my run", "calves are the tightest"), "calves.stretch"),
        (("cooldown after my run", "why are my calves the tightest"), "calves.why_tight"),
        # one of two areas named before, pointed at by its place
        (("piriformis vs glutes, whats the difference", "and the second"), "glutes.what"),
        (
            ("hamstrings or calves, which is tighter in runners", "stretch the second one"),
            "calves.stretch",
        ),
        (("my neck and shoulders are tight", "what about the latter"), "shoulders.stretch"),
        # a game's warm-up asked at length after an area's card: the game's, not the area's
        (
            ("lower back stretch", "anything i can do on the course before teeing off"),
            "routine.warmup_golf",
        ),
        # a step of the routine on screen named as "the ... one": that step, by those words
        (
            ("cooldown after my run", "for the hamstring one do i keep my knee straight?"),
            "stretch.standing_hamstring.more",
        ),
        (("cooldown after my run", "the quad one hurts my knee"), "stretch.standing_quad.easier"),
        # shown again after how long to hold it: the card is what was shown
        (
            ("chest stretch", "how long should i hold stretches", "show it me again"),
            "chest.stretch",
        ),
        (("hamstring stretch", "is it ok every day", "show me that again"), "hamstrings.stretch"),
        # a groan in emoji after a stretch: taken as a reaction, with the way to an easier one
        (("neck stretch please", "😫"), "smalltalk.acknowledge"),
        # a question answered in the middle of a routine keeps it: "next" starts its steps
        (("bedtime routine", "how long do i hold each one", "ok next one"), "guide.bedtime.0"),
        # a twinge in a routine, asked whether to go on: whether stretching should hurt
        (
            ("bedtime routine", "my lower back twinged on the second one, should i keep going?"),
            "general.pain",
        ),
        # a cause put forward after why an area gets tight: the causes again, to check it
        (
            ("why are my calves so tight", "i wear heels all day at work, is it that?"),
            "calves.why_tight",
        ),
        (
            ("why are my hamstrings tight", "i cycle to work, could that be it?"),
            "hamstrings.why_tight",
        ),
        # a hurt told first in a longer message after a card: its gentler way
        (
            ("calf stretch please", "that hurt a bit at the back of my ankle when i did it"),
            "stretch.wall_calf.easier",
        ),
        # "put it all together" after two areas: one routine for both
        (
            ("calf stretch", "and my hamstrings", "can you put it all together into a routine"),
            "routine.area.calves+hamstrings",
        ),
        # "feels good" after doing the stretch is a thank-you
        (("how do i stretch my calves", "on it now, feels good"), "smalltalk.thanks"),
        # a routine for a problem of one area keeps the area: "why" next asks of it
        (("my heels come up when i squat", "why does that happen"), "feet_ankles.why_tight"),
        # a correction that says where: "the back of it" is the rear of what was named, and
        # the area put right is the one asked about
        (
            (
                "my shoulder gets tight at night",
                "not the front, more the back of it by the shoulder blade",
            ),
            "upper_back.stretch",
        ),
        # how to stop what a general answer was about: what helps with it, the stretch of
        # the area it names
        (("what causes cramp", "how do i stop it"), "calves.stretch"),
        (("what is a side stitch", "how do i stop it happening"), "side_body.stretch"),
        # a longer one asked for with areas named covers those areas
        (("neck stretch", "longer, for neck and shoulders"), "routine.area.neck+shoulders"),
        (("calf stretch", "longer one for my hips"), "routine.area.hip_flexors"),
        # "give me one for after the gym" after that answer: its routine; an activity named
        # gets its own
        (("do i need a cooldown", "ok give me one for after the gym"), "routine.cooldown"),
        (("do i need a cooldown", "ok give me one for after my run"), "routine.cooldown_running"),
        # one side named "too" or "as well" after a card: its other side
        (
            ("how do i stretch my piriformis", "left side as well?"),
            "stretch.knee_to_opposite_shoulder.other_side",
        ),
        (("calf stretch", "the right leg too?"), "stretch.wall_calf.other_side"),
        (("quad stretch pls", "left too?"), "stretch.standing_quad.other_side"),
        # one more area after a card, with why it is added told after it: its stretch
        (("quad stretch", "hamstrings too, after my long runs"), "hamstrings.stretch"),
        (("neck stretch", "my jaw too, i grind at night"), "jaw.stretch"),
        (("side stretch pls", "stomach too, after ab day"), "abdominals.stretch"),
        (
            ("shin stretch pls", "and my calves? my coach said tight calves cause it"),
            "calves.stretch",
        ),
        # a bare ask to be reminded, in a conversation about stretching: the daily tips
        (("how often should i stretch", "can you remind me?"), "daily.on"),
        (("hamstring stretch", "ok set me a reminder pls"), "daily.on"),
        # ... not a reminder of something else
        (("hamstring stretch", "remind me to buy milk"), "fallback"),
        # what to buy, after a general answer: what stretching needs
        (("how often should i stretch", "do i need to buy anything"), "general.equipment"),
        (("is stretching good for you", "do i need a strap or anything"), "general.equipment"),
        # an ache the stretch brings on is its hurt; where "that one" is felt, told
        (
            ("hip flexor stretch", "my lower back gets achy doing that one"),
            "stretch.low_lunge.easier",
        ),
        (("calf stretch", "i felt that in my knee"), "stretch.wall_calf.more"),
        (
            ("piriformis stretch", "felt this one in my lower back, not my bum"),
            "stretch.knee_to_opposite_shoulder.more",
        ),
        # something to do in bed, about an area: its stretch done lying down
        (
            ("why is my lower back stiff", "something i can do lying in bed before i get up?"),
            "lower_back.stretch",
        ),
        (("why are my hamstrings tight", "anything i can do in bed"), "hamstrings.stretch"),
        # "every night?" asked bare: whether stretching daily is fine
        (("what causes cramp", "every night?"), "general.every_day"),
        (("morning routine", "so every morning then?"), "general.every_day"),
        # an illness asked of what was just given: stretching when ill
        (
            ("warm up routine", "thanks! is it ok to do these when ive got a cold"),
            "general.when_ill",
        ),
        (("morning routine", "can i still do these with the flu"), "general.when_ill"),
        # a plan to do what was given, told: noted
        (("neck stretch", "ill do that one tonight before bed"), "smalltalk.acknowledge"),
        (("morning routine", "ok gonna try it tomorrow"), "smalltalk.acknowledge"),
        (("why is my psoas tight", "i will give them a go after work"), "smalltalk.acknowledge"),
        # ... not one with a hurt or a question after it, nor a thank-you in it
        (("quad stretch", "ill do it but my knee hurts"), "stretch.standing_quad.easier"),
        (("neck stretch", "ok will try it later thanks"), "smalltalk.thanks"),
        (("neck stretch", "ill give it a go, cheers"), "smalltalk.thanks"),
        # the daily tips turned back on, or kept off, just after turning them off
        (("stop the daily tips please", "actually, switch them back on"), "daily.on"),
        (("no more daily tips", "hmm start them again"), "daily.on"),
        (("stop the daily tips please", "keep them off"), "daily.off"),
        # "same story" with another area: the same kind of reply, for that area
        (("neck stretch", "same story between my shoulder blades tbh"), "upper_back.stretch"),
        (("why is my neck tight", "same story with my lower back"), "lower_back.why_tight"),
        # the back placed more exactly after a reply about it: that part, the same kind
        (("stretch for my back", "the lower part, near my waistband"), "lower_back.stretch"),
        (("stretch for my back", "higher up, between my shoulder blades"), "upper_back.stretch"),
        (("why does my back ache", "lower down"), "lower_back.why_tight"),
        # ... "my bottom" is the seat, not the low back
        (("stretch for my back", "my bottom"), "fallback"),
        # something to do asked for after why an area gets tight: its stretch
        (
            ("why are my hamstrings tight", "ok give me something to do tonight"),
            "hamstrings.stretch",
        ),
        (("why is my jaw so tight", "ok, something i can do in the evenings?"), "jaw.stretch"),
        # a hurt told with whether it is normal asked: whether a stretch should hurt
        (("quad stretch", "my knee hurts doing that, is that bad?"), "general.pain"),
        (("calf stretch", "ouch that hurt a bit, is that normal"), "general.pain"),
        # whether something makes it worse, about the area talked of: its causes
        (("why is my jaw so tight", "does stress make it worse"), "jaw.why_tight"),
        (("neck stretch", "could my pillow be making it worse"), "neck.why_tight"),
        # ... not whether stretching does
        (("calf stretch", "does stretching make it worse"), "general.harmful"),
        # a region asked for whole after an area: the region's routine
        (("hamstring stretch", "got something for the whole lower body? 10 mins"), "routine.legs"),
        (("calf stretch", "my whole legs are tight"), "routine.legs"),
        # a hold time put forward to be confirmed: how long holds go, from the card
        (("calf stretch", "so 30 seconds each leg yeah?"), "general.how_long"),
        (("quad stretch", "20 secs each side right?"), "general.how_long"),
        # ... while the time someone has is still its quick form
        (("calf stretch", "only have 20 secs"), "stretch.wall_calf.more"),
        # the end of a journey asked about after its routine: the whole body, after a walk
        (("long flight stretches", "and when we land?"), "routine.full_body"),
        (("road trip stretches", "what about when i get there"), "routine.full_body"),
        # ... the legs' routine when the legs are named
        (("long flight stretches", "and when i land? legs will be like lead"), "routine.legs"),
        # "nah" is a chat word, as "no" is: another area, not a miss
        (("stretch for hamstrings pls", "actually nah do quads"), "quadriceps.stretch"),
        (("calf stretch", "nope, hamstrings"), "hamstrings.stretch"),
        (("full body stretch pls", "what about just legs"), "routine.legs"),
        # whether another area has a part in it: why the area talked of gets tight
        (("lower back stretch", "do glutes affect it"), "lower_back.why_tight"),
        (("neck stretch", "could my shoulders be causing this"), "neck.why_tight"),
        # the way to a goal talked of: its routine
        (("can i ever touch my toes", "how do i get there then"), "routine.toe_touch"),
        (("how long until i can do the splits", "ok how do i work up to it"), "routine.splits"),
        (
            (
                "never been able to touch my toes, is that just tight hamstrings?",
                "how do i get there",
            ),
            "routine.toe_touch",
        ),
        # "whats a cooldown for after a bike ride" asks for the ride's, not what one is
        (
            ("quad stretch", "thanks. whats a cooldown for after a bike ride"),
            "routine.cooldown_cycling",
        ),
        (("calf stretch", "whats a warm up for golf"), "routine.warmup_golf"),
        (("calf stretch", "whats a cooldown even for"), "general.cooldown_needed"),
        # whether to bounce deeper is the answer on bouncing, not a harder version
        (("calf stretch", "should i bounce to go deeper"), "general.bouncing"),
        # minutes told after a general answer with a routine of its own: that routine
        (("is it normal to be stiff every morning", "i only have 5 minutes"), "routine.morning"),
        (("can i ever touch my toes", "i only have 10 minutes a day"), "routine.toe_touch"),
        # a plan to go gentler told, asking nothing: thanked or noted, not a softer card
        (("neck stretch", "ok ill go gentler, thanks"), "smalltalk.thanks"),
        (("neck stretch", "ok i'll go easier next time"), "smalltalk.acknowledge"),
        (("neck stretch", "can i go gentler"), "stretch.upper_trapezius.easier"),
        # one side singled out, maybe with what it changes: both, the tighter one more
        (
            (
                "painted the ceiling all weekend and between my shoulder blades is killing me",
                "its mostly the left side, does that change anything",
            ),
            "stretch.thread_the_needle.more",
        ),
        # another stretch asked for the next stop of a trip: the same area's next stretch
        (
            (
                "road trip tomorrow, what can we do at the stops",
                "something just for my lower back",
                "a different one for the next stop?",
            ),
            "lower_back.stretch",
        ),
        # what to do about it, after why an area gets tight: its stretch, not the help text
        (("why is my psoas tight", "so what do i need to do"), "psoas.stretch"),
        (("why are my calves tight", "ok what do i need to do about it"), "calves.stretch"),
        (("why are my calves tight", "what do i have to do to fix it"), "calves.stretch"),
        # "same for" another area after an area's answer: the same question of it
        (("when should i stretch my calves", "same for my hamstrings?"), "hamstrings.when"),
        (("why do my calves get tight", "same for my hamstrings?"), "hamstrings.why_tight"),
        (("calf stretch", "same for my hamstrings?"), "hamstrings.stretch"),
        # why an area gets tight, asked with a setting after a seated card: the reason, not
        # the seated version again ("why can't i do these at my desk" still asks for one)
        (
            (
                "upper back stretch",
                "can i do it on the train",
                "why does it get so stiff on the train",
            ),
            "upper_back.why_tight",
        ),
        (("hip flexor stretch", "why can't i do these at my desk"), "hip_flexors.stretch"),
        # every morning or night, asked of a card: whether daily is fine
        (("hamstring stretch", "is it ok to do it every night"), "general.every_day"),
        (("calf stretch", "can i do that every evening"), "general.every_day"),
        # the card done, the next asked for
        (("calf stretch", "did that one too, next"), "calves.stretch"),
        (("neck stretch", "finished it, next?"), "neck.stretch"),
        # a version told as fine, then a bare how long or how often: that question
        (("hamstring stretch", "the seated one works. how long?"), "general.how_long"),
        (("quad stretch", "standing one is fine, how often"), "quadriceps.when"),
        # praise of the card, or a goodbye on the way to doing it
        (("hamstring stretch", "sick, that worked"), "smalltalk.thanks"),
        (("neck stretch", "lol all good"), "smalltalk.acknowledge"),
        (("calf stretch", "bye, off to stretch now"), "smalltalk.goodbye"),
        # another time of day after a routine: that time's routine
        (("bedtime routine", "thanks, and for tomorrow morning?"), "routine.morning"),
        (("morning routine", "what about tonight"), "routine.bedtime"),
        # "mine" points back at the area, as "it" does
        (
            ("what is the piriformis", "why does mine get so tight when i run"),
            "piriformis.why_tight",
        ),
        # a thank-you, then "and" and a question: the question, not the routine again
        (("running cooldown", "cheers! and what about before the run?"), "routine.warmup_running"),
        # "ok good" after a routine is praise, no answer to how one is
        (("full body routine", "lol ok good"), "smalltalk.acknowledge"),
        # one asked for another area: its stretch, not the card whose name says that area
        (("quad stretch", "ok one for my hip flexors pls"), "hip_flexors.stretch"),
        # the session told after its cool-down: the strength one for an upper-body day
        (
            ("cooldown after the gym", "fyi it was an upper body workout"),
            "routine.cooldown_strength",
        ),
        # another area told with what it comes from or is wanted for, words the knowledge
        # base does not know beside it: its stretch
        (("what are the glutes", "and my calves for hill sprints?"), "calves.stretch"),
        (("shoulder stretch", "and my wrists from the drill"), "wrists_forearms.stretch"),
        (("hip flexor stretch", "and my calves for the trampoline park"), "calves.stretch"),
        # the other end asked for after whether to stretch before or after: that routine
        (
            ("whats better, stretching before or after the gym", "send me the after one"),
            "routine.cooldown",
        ),
        # "how long before ..." after a goal asks how long, not for the warm-up
        # (after the goal's routine, the goal's answer, which gives its timeline)
        (("i want to do the splits", "how long before it works?"), "general.splits"),
        # a name alone after no more than a greeting or the help: something to do with it
        (("hi", "hamstrings"), "hamstrings.stretch"),
        (("what can you do", "calves"), "calves.stretch"),
        (("hi", "what are hamstrings"), "hamstrings.what"),
        # the time one gets, told after an area: one of its stretches for a minute or three,
        # else a routine of it that fits, after a stretch or an answer
        (("neck stretch", "i only get 3 minutes on my break"), "neck.stretch"),
        (
            ("why is my upper back tight", "i only get 5 minutes at lunch lol"),
            "routine.area.upper_back",
        ),
        # "one of these" asked for every day, after a routine or an answer: the daily tips
        (("bedtime routine", "could i get one of those every night"), "daily.on"),
        (("why are my hips tight", "can i get one of these every day"), "daily.on"),
        # a plan to pass on what was given, maybe after praise: a friendly nod
        (("glute stretch", "ill show her later"), "smalltalk.acknowledge"),
        (("desk break", "gonna send it to my mum"), "smalltalk.acknowledge"),
        # "is it even a muscle?" after an area asks what it is; "huh ok" takes it in
        (("why are my calves tight", "is it even a muscle?"), "calves.what"),
        (("what is the it band", "huh ok"), "smalltalk.acknowledge"),
        (("what is the it band", "huh what do you mean"), "it_band.what"),
        # the session told over after its warm-up, an area spent: its cool-down
        (("tennis warm up", "lost 6-2, shoulder is tight"), "routine.cooldown_tennis"),
        (("football warm up", "game over, my legs are gone"), "routine.cooldown"),
        (("golf warm up", "my back is sore"), "lower_back.stretch"),
        # a card told to "kill" or "wreck" a part: a gentler way, not why the part gets tight
        (("lower back stretch", "that one kills my knees"), "stretch.cobra_pose.easier"),
        (("wrist stretch", "that one wrecks my wrists"), "stretch.wrist_flexor_stretch.easier"),
        # another area after why, asked aside in a talk that began with a stretch: its
        # stretch; "why ... not even doing anything" asks why, not for another card
        (
            ("calves tight after my run", "why do they get so tight", "and my hamstrings?"),
            "hamstrings.stretch",
        ),
        (
            ("upper back stretch", "why does it get tight tho, im not even doing anything"),
            "upper_back.why_tight",
        ),
        # "perfect", "cool", "no worries" take in what was given; no thanks was said
        (("glute stretch", "no problem"), "smalltalk.acknowledge"),
        (("desk break", "perfect"), "smalltalk.acknowledge"),
        (("desk break", "perfect thanks"), "smalltalk.thanks"),
        # "can i get these every day" asks to receive them; "oof i felt that" takes a card in
        (("morning routine", "can i get these every day"), "daily.on"),
        (("hamstring stretch", "oof i felt that"), "smalltalk.acknowledge"),
        # a follow-up missed whole: its first piece understood alone; nothing of ours in any
        # piece stays declined
        (
            ("cycling cooldown", "my quads especially, i ride 4 hours on sundays"),
            "quadriceps.stretch",
        ),
        (("calf stretch", "whats the weather like, im in london"), "fallback"),
        # a long drive told with its length before where to
        (("driving 6 hours to my parents",), "routine.road_trip"),
        # "nothing lying on my back" is a limit, not the back complained of
        (("lower back stretch", "nothing lying on my back please"), "lower_back.stretch"),
        # another area complained of in a talk about relief: its stretch
        (("neck stretch", "ugh forget it, my upper back is the real issue"), "upper_back.stretch"),
        (("squat mobility", "my calves are the problem i reckon"), "calves.stretch"),
        # a time of day asked after talk of morning or night: the one asked, not the first
        (
            (
                "is it better to stretch in the morning or at night",
                "ok give me an evening routine then",
            ),
            "routine.bedtime",
        ),
        (("morning or night for stretching", "alright, evening routine please"), "routine.bedtime"),
        # how to breathe in the stretch just given
        (("calf stretch", "how do i breathe in this one"), "general.breathing"),
        # an area told better, then another asked: the one asked ("thanks" alone stays thanks)
        (("glute stretch", "glutes are looser now. hips next?"), "hip_flexors.stretch"),
        (("neck stretch", "ok neck feels loads better, now my shoulders"), "shoulders.stretch"),
        (("neck stretch", "neck feels better, thanks"), "smalltalk.thanks"),
        # "set me up", "hook me up" sign up for the daily tips after a stretch
        (("calf stretch", "set me up for daily tips"), "daily.on"),
        (("calf stretch", "hook me up with the daily tips"), "daily.on"),
        # a part of the area said alone: that part of the region, asked as the talk asked
        (("why are my hips tight", "the back of them"), "glutes.why_tight"),
        (("my thighs are tight", "the inside"), "adductors.stretch"),
        (("my thighs are tight", "outer"), "it_band.stretch"),
        # "the sides" after the abs or the chest: the side body (their front is theirs)
        (("abs stretch please", "ok and the sides"), "side_body.stretch"),
        (("chest stretch", "and the sides"), "side_body.stretch"),
        # the stretches a condition's answer spoke of, asked for by pointing: its routine
        (("im 80, can i still stretch", "show me some"), "routine.older_adults"),
        (("im 80, can i still stretch", "ok which ones"), "routine.older_adults"),
        (
            ("my nan is 86 and wants to stretch", "can she do them sitting down"),
            "routine.older_adults",
        ),
        (("im 30 weeks pregnant, is stretching safe", "which ones can i do"), "routine.pregnancy"),
        # whether it can be stretched, a joining word in front
        (("what is the psoas", "so can you even stretch it"), "psoas.stretch"),
        (("whats the piriformis", "but can you actually stretch it"), "piriformis.stretch"),
        # the card again: an area named in the steps asked about, or its steps asked again
        (("neck stretch", "sorry can you say that again, which hand goes where"), "neck.stretch"),
        (
            ("hip flexor stretch", "can u repeat the steps, i lost track after the kneeling part"),
            "hip_flexors.stretch",
        ),
        # a wince or a wow that takes an answer in
        (("is foam rolling worth it", "oof ok"), "smalltalk.acknowledge"),
        (("whats pnf stretching", "yikes ok"), "smalltalk.acknowledge"),
        # what was meant, put right after a routine ("i meant", "no i meant" are openers)
        (("desk break routine", "oh wait i meant for my legs mainly"), "routine.legs"),
        (("desk break routine", "no i meant my legs"), "routine.legs"),
        (("morning stretch routine please", "no i meant evening, sorry"), "routine.bedtime"),
        # "sub me" to the tips (not "unsub"), a reminder asked as "ping me every afternoon"
        (("morning routine", "ok cool, just sub me to the daily tips"), "daily.on"),
        (("neck stretch please", "could you ping me every afternoon to do it"), "daily.on"),
        (("neck stretch please", "unsub me from the daily tips"), "daily.off"),
        # a question word after "also" is no word of a subject: off our subject, declined
        (("neck stretch", "also whats the best ladder for loft conversions"), "fallback"),
        # how many sets: how long to hold, which says how many times
        (("quad stretch", "how long do i hold it", "ok and how many sets?"), "general.how_long"),
        # a reminder asked for tomorrow: the daily tips, the bot's one reminder
        (("hip flexor stretch", "could you remind me tomorrow"), "daily.on"),
        # after a routine kept for an area, that area's "one again" is its stretch
        (("cant squat deep, my heels come up", "the ankle one again?"), "feet_ankles.stretch"),
        # an arm that will not go high enough for the stretch is the stretch's limit
        (
            ("stretch for my shoulders", "easier version pls, i cant lift my arm high enough"),
            "stretch.cross_body_shoulder.easier",
        ),
        # a stretch that hurts "so good" is praised, not a pain to ease off; "so bad" is one
        (("stretch for my calves", "oof that one hurts so good"), "smalltalk.compliment"),
        (("stretch for my calves", "hurt in a good way lol"), "smalltalk.compliment"),
        (("stretch for my calves", "that hurts so bad"), "stretch.wall_calf.easier"),
        # "and tomorrow?" asks for the morning's routine, the same one again after it; a time
        # told before the rest of the message is when the rest happens
        (("calf stretch", "what about tomorrow"), "routine.morning"),
        (("morning routine please", "and tomorrow?"), "routine.morning"),
        (
            ("morning routine please", "what about tomorrow, ive got a tennis match at 10"),
            "routine.warmup_tennis",
        ),
        # "something easy" after a card is its easier version
        (("calf stretch", "something easy"), "stretch.wall_calf.easier"),
        # signed up for "those" after a tip
        (("tip pls", "sign me up for those"), "daily.on"),
        # "same but for after" a warm-up: its cool-down
        (("golf warm up pls", "same but for after"), "routine.cooldown_golf"),
        # "different to" asks what the muscle is
        (("what is the piriformis", "is that different to the glutes"), "piriformis.what"),
        # an area added to the one before, then both asked for together
        (("neck", "and my chest?", "can you combine them"), "routine.area.neck+chest"),
        (
            ("neck stretch", "and my shoulders?", "put all that in one routine"),
            "routine.area.neck+shoulders",
        ),
        (
            (
                "my wrists hurt from typing",
                "thanks. what about my neck",
                "all that as one quick routine?",
            ),
            "routine.area.wrists_forearms+neck",
        ),
        (("my calves are tight", "hamstrings too", "both"), "routine.area.calves+hamstrings"),
        (("my neck and chest are tight", "can you combine them"), "routine.area.neck+chest"),
        # whether to do both sides when one is tighter
        (
            ("calf stretch", "only my left one is tight, do i still do both"),
            "stretch.wall_calf.more",
        ),
        # "turn them off" just after the daily tips were turned on
        (
            ("send me a tip every morning", "actually no, turn them off, too many notifications"),
            "daily.off",
        ),
    ],
)
def test_follow_ups_survive_a_miss_and_chat_words(brain, turns, intent):
    reply = converse(brain, *turns)[-1]
    if intent is None:  # "other side?" of the quad stretch the hedged "quads esp" gave
        assert reply.intent.endswith(".other_side")
    else:
        assert reply.intent == intent


@pytest.mark.parametrize(
    ("first", "then", "limit"),
    [
        # a limit told with how well the body manages keeps to it
        ("glute stretch", "cant get on my knees easily", "no_kneeling"),
        ("hamstring stretch", "i cant sit on the floor properly", "no_floor"),
        ("hamstring stretch", "i struggle to get up off the floor", "no_floor"),
    ],
)
def test_a_limit_told_in_passing_is_kept(brain, first, then, limit):
    reply = converse(brain, first, then)[-1]
    assert reply.kind == "stretch" and limit in reply.context.limits, (reply.intent, reply.context)


def test_a_tip_about_an_activity_asked_after_a_tip_tells_of_it(brain):
    # "another one but about cycling" after a tip: one of the tips that tell of cycling
    reply = converse(brain, "quick tip", "another one but about cycling")[-1]
    text = " ".join(str(block.text) for block in reply.blocks).lower()
    assert reply.kind == "tip" and any(w in text for w in ("ride", "cycl", "bike", "saddle")), text


def test_the_other_side_of_a_stretch_that_works_both_sides_is_none(brain):
    # cobra pose and the butterfly work both sides together: no "other leg or arm" to swap to
    for first in ("cobra pose", "butterfly stretch"):
        reply = converse(brain, first, "other side?")[-1]
        text = render_text(reply)
        assert "both sides together" in text, text
        assert "other leg or arm" not in text
    # a calf stretch is done one leg at a time
    text = render_text(converse(brain, "calf stretch", "other side?")[-1])
    assert "Same steps with the other leg or arm" in text


def test_the_other_end_of_a_sized_warm_up_keeps_its_size(brain):
    """ "5 min max" asked of the warm-up holds for the cool-down asked after it."""
    _, _, reply = converse(
        brain, "warm up before tennis pls", "5 min max, court is booked", "what about after"
    )
    assert reply.intent == "routine.cooldown_tennis"
    assert "5-minute version" in render_text(reply)


@pytest.mark.parametrize(
    ("first", "then", "area"),
    [
        ("wrist stretch", "what else can i do apart from stretching", "wrists_forearms"),
        ("why do my hamstrings get tight", "apart from stretching what can i do", "hamstrings"),
        ("neck stretch", "anything besides stretching?", "neck"),
    ],
)
def test_what_helps_besides_stretching_is_a_tip_about_the_area(brain, first, then, area):
    reply = converse(brain, first, then)[-1]
    assert (reply.kind, reply.topic) == ("tip", area)


def test_a_first_message_with_chat_words_keeps_the_strict_reading(brain):
    # no conversation yet: nothing to follow up, the words are read as written
    assert brain.reply("bet tho lol").kind == "fallback"


@pytest.mark.parametrize(
    ("turns", "intent"),
    [
        (("why does my back hurt when i stand", "yes"), "lower_back.stretch"),
        (("cant touch my toes", "yes"), "routine.toe_touch"),
        (("why are my calves tight", "nope im good"), "smalltalk.goodbye"),
        (("can you send me tips every day?", "yeah"), "daily.on"),
        # "same thing" after an area asks the same as before, not what the area is
        (("why do my shoulders get so tight", "and my neck? same thing"), "neck.why_tight"),
        (("why am i so stiff every morning, im only 29", "so what do i do about it"), None),
        (
            (
                "tee time in 20 min, quick warmup?",
                "my lower back is always stiff on the first tee",
                "and for after the round?",
            ),
            "routine.cooldown_golf",
        ),
    ],
)
def test_yes_no_and_what_now_read_against_the_last_answer(brain, turns, intent):
    reply = converse(brain, *turns)[-1]
    if intent is None:  # the morning stiffness answer's own routine
        assert reply.routine == "morning"
    else:
        assert reply.intent == intent


@pytest.mark.parametrize(
    ("turns", "intent"),
    [
        (("desk break", "done, now what?"), "guide.desk_break.done"),
        (("desk break", "start", "done. what now"), "guide.desk_break.1"),
        (("calf stretch", "another one?", "no thats it"), "smalltalk.goodbye"),
        (("chest tight after bench, stretch?", "the doorway one pinches my shoulder"), None),
        (("calf stretch", "🔥🔥"), "smalltalk.thanks"),
        (("calf stretch", "sweet"), "smalltalk.thanks"),
        (("calf stretch", "ur not bad"), "smalltalk.compliment"),
    ],
)
def test_closing_moves_after_a_card_or_a_routine(brain, turns, intent):
    reply = converse(brain, *turns)[-1]
    if intent is None:  # the stretch on screen hurts: its easier version
        assert reply.intent == "stretch.doorway_chest.easier"
    else:
        assert reply.intent == intent


@pytest.mark.parametrize(
    ("turns", "intent"),
    [
        (("swim warm up", "and my sides? feel them after swimming too"), "side_body.stretch"),
        (("calf stretch", "and my sides?"), "side_body.stretch"),
        (
            ("i cant touch my toes", "routine to get there?", "ok and if i only have 5 min a day"),
            None,
        ),
    ],
)
def test_an_area_or_a_daily_length_after_a_reply(brain, turns, intent):
    reply = converse(brain, *turns)[-1]
    if intent is None:  # the toe-touch routine in five minutes
        assert reply.routine == "toe_touch" and "5-minute" in render_text(reply)
    else:
        assert reply.intent == intent


def test_hours_a_day_are_a_working_day_not_a_routine_length(brain):
    reply = brain.reply(
        "heel pain first thing, on my feet in a kitchen 10 hrs a day. stretches pls"
    )
    assert reply.kind == "stretch" and reply.topic == "feet_ankles"


@pytest.mark.parametrize(
    ("turns", "intent"),
    [
        (("my calves are tight", "something i can do on a 2 min break?"), "calves.stretch"),
        (("neck stiff at work", "something i can do between clients in like a minute"), None),
        (("ok gentle routine then",), "routine.full_body"),
    ],
)
def test_a_minute_or_two_after_an_area_is_one_of_its_stretches(brain, turns, intent):
    reply = converse(brain, *turns)[-1]
    if intent is None:
        assert reply.intent == "neck.stretch"
    else:
        assert reply.intent == intent


@pytest.mark.parametrize("word", ["cancel", "enough", "pause", "quit"])
def test_every_stop_word_stops_a_guided_routine(brain, word):
    reply = converse(brain, "morning routine", "start", word)[-1]
    assert reply.intent == "guide.stop"


@pytest.mark.parametrize(
    ("message", "topic"),
    [
        ("physio says i have tendonitis in my achilles", "feet_ankles"),
        ("shoulder impingement, what can i do", "shoulders"),
    ],
)
def test_a_diagnosis_told_of_an_area_is_about_that_area(brain, message, topic):
    reply = brain.reply(message)
    assert reply.kind in ("answer", "stretch")
    assert reply.topic == topic


def test_a_diagnosis_the_bot_does_not_cover_is_not_read_as_tightness(brain):
    # hip bursitis is no tight hip flexor
    assert brain.reply("i think i have bursitis in my hip").intent != "hip_flexors.why_tight"


@pytest.mark.parametrize(
    ("card", "said"),
    [
        ("quad stretch", "my knee doesnt bend far enough for this one"),
        ("hamstring stretch", "cant get anywhere near my toes"),
        ("pigeon pose", "my hips dont open enough for this"),
        ("hamstring stretch", "im too stiff for this"),
        ("calf stretch", "easier, my knee won't bend that far"),
    ],
)
def test_a_stretch_that_goes_further_than_the_body_gets_its_easier_version(brain, card, said):
    first, reply = converse(brain, card, said)
    assert reply.kind == "stretch"
    assert reply.intent == f"stretch.{first.context.stretch}.easier"


@pytest.mark.parametrize(
    "message", ["my knee wont bend since i twisted it", "my knee is stuck and wont bend"]
)
def test_a_knee_that_will_not_bend_at_all_is_still_a_locked_knee(brain, message):
    assert brain.reply(message).intent == "red_flag.knee_locked_or_unstable"


def test_an_area_word_that_names_a_thing_gives_way_to_the_area_complained_of(brain):
    reply = brain.reply("chest of drawers is so heavy and my arms ache")
    assert reply.topic == "arms"
    assert reply.kind in ("answer", "stretch")


@pytest.mark.parametrize(
    "turns",
    [
        ("bedtime routine please", "can you send me one of these every night?"),
        ("morning routine pls", "shorter", "every day at 7am?"),
    ],
)
def test_asking_for_it_every_night_or_at_a_time_turns_on_the_daily_tips(brain, turns):
    assert converse(brain, *turns)[-1].intent == "daily.on"


@pytest.mark.parametrize("message", ["i run every day at 6am", "is it ok to stretch every night"])
def test_a_daily_habit_told_is_no_daily_tips_request(brain, message):
    assert brain.reply(message).kind != "daily"


def test_a_yes_before_a_move_is_read_past(brain):
    first, reply = converse(brain, "lower back stretch", "yeah go on")
    assert reply.kind == "stretch"
    assert reply.topic == "lower_back"


@pytest.mark.parametrize("message", ["lol ok", "yup, that's true", "makes sense"])
def test_an_acknowledgement_with_chat_noise_is_still_one(brain, message):
    assert brain.reply(message).intent == "smalltalk.acknowledge"


def test_a_compliment_on_the_bots_brains(brain):
    assert brain.reply("ur smart lol").intent == "smalltalk.compliment"


def test_a_setting_named_after_the_general_routine_gets_its_own(brain):
    replies = converse(brain, "i need a quick stretch routine", "at my desk", "only got 3 minutes")
    assert [r.intent for r in replies] == [
        "routine.full_body",
        "routine.desk_break",
        "routine.desk_break",
    ]


@pytest.mark.parametrize(
    ("first", "routine"),
    [
        ("cooldown after running", "cooldown_cycling"),  # its family's next
        ("bedtime routine", "legs"),  # no other bedtime routine: a related one, said so
        ("road trip stretches", "long_flight"),
    ],
)
def test_another_routine_is_another_one(brain, first, routine):
    shown, other = converse(brain, first, "another one")
    assert other.kind == "routine" and other.routine == routine != shown.routine
    assert ("only one of its kind" in render_text(other)) == (first != "cooldown after running")


def test_how_long_a_routine_takes_is_its_length(brain):
    routine, length = converse(brain, "morning routine", "how long does it take")
    assert length.routine == routine.routine
    assert "It takes about" in render_text(length)
    # how long to hold each one, or until flexible, are the general answers
    *_, hold = converse(brain, "cooldown after running", "how long should i hold each one")
    assert hold.intent == "general.how_long"
    *_, flexible = converse(brain, "morning routine", "how long until im flexible")
    assert flexible.intent == "general.flexibility_timeline"


def test_what_a_routine_needs_comes_from_its_steps(brain):
    *_, floor = converse(brain, "bedtime routine", "do i need a mat")
    assert floor.routine == "bedtime" and "mat" in render_text(floor).split("\n\n")[2]
    *_, standing = converse(brain, "legs routine", "any equipment needed?")
    assert standing.routine == "legs" and "No mat needed" in render_text(standing)


def test_another_routine_when_there_is_none_says_so(brain):
    _, again = converse(brain, "pregnancy stretches routine", "another one")
    assert again.routine == "pregnancy"
    assert "only routine I have for that" in render_text(again)


def test_a_setting_named_after_another_routine_keeps_it(brain):
    assert converse(brain, "bedtime routine", "at my desk")[-1].intent == "routine.bedtime"


@pytest.mark.parametrize("said", ["my knees dont like kneeling", "not a fan of kneeling, another?"])
def test_a_dislike_of_kneeling_is_the_no_kneeling_limit(brain, said):
    first, reply = converse(brain, "hip flexor stretch", said)
    assert reply.kind == "stretch"
    assert reply.topic == "hip_flexors"
    assert "no_kneeling" in reply.context.limits


def test_a_complaint_after_a_tip_is_about_the_area(brain):
    reply = converse(
        brain, "give me a stretch tip", "nice. my hamstrings are always tight from cycling tho"
    )[-1]
    assert reply.topic == "hamstrings"
    assert reply.kind in ("answer", "stretch")


def test_an_area_asked_for_after_a_tip_is_still_a_tip_about_it(brain):
    reply = converse(brain, "give me a stretch tip", "one for my wrists?")[-1]
    assert (reply.kind, reply.topic) == ("tip", "wrists_forearms")


def test_more_of_the_activity_told_after_its_routine_keeps_the_routine(brain):
    replies = converse(
        brain, "warm up for swimming", "just laps at the pool, not racing", "and after?"
    )
    assert [r.intent for r in replies] == [
        "routine.warmup_swimming",
        "routine.warmup_swimming",
        "routine.cooldown_swimming",
    ]


@pytest.mark.parametrize(
    ("message", "topic"),
    [
        ("back feels rubbish from my saggy mattress, new one comes friday", "lower_back"),
        ("slight pinch at the front of my hip at the bottom of a deep squat", "hip_flexors"),
        ("slight pinch in my lower back in cobra, if i come up less it goes", "lower_back"),
    ],
)
def test_a_pinch_or_an_area_feeling_rubbish_is_a_complaint_about_it(brain, message, topic):
    reply = brain.reply(message)
    assert reply.kind in ("answer", "stretch")
    assert reply.topic == topic


@pytest.mark.parametrize("message", ["i feel awful", "feel bad for my dog"])
def test_feeling_bad_with_no_area_is_no_area_complaint(brain, message):
    assert brain.reply(message).kind not in ("answer", "stretch")


@pytest.mark.parametrize(
    ("turns", "intent"),
    [
        (("calf stretch please", "k and switch legs"), "stretch.wall_calf.other_side"),
        (("quad stretch", "now switch"), "stretch.standing_quad.other_side"),
        # an acknowledgement in front, then the next area
        (("quad stretch", "ok that works. hamstrings next?"), "hamstrings.stretch"),
        (("quad stretch", "ok good. calves?"), "calves.stretch"),
        # where it fails is no limit asked: the easier version
        (
            ("quad stretch", "cant reach my foot standing up, easier?"),
            "stretch.standing_quad.easier",
        ),
        # a question of pain after a routine is no question of timing
        (
            (
                "cooldown after lifting",
                "thx man. should it hurt when i stretch after or just feel tight",
            ),
            "general.pain",
        ),
        (
            ("cooldown after lifting", "should i do it straight after or wait"),
            "general.before_after",
        ),
        # a claim heard about stretching before exercise, asked to be checked
        (
            (
                "someone told me stretching before running is bad now. true?",
                "so what should i do instead",
            ),
            "routine.warmup_running",
        ),
        (("how long should i hold a stretch", "is every day overkill"), "general.every_day"),
    ],
)
def test_switching_legs_an_acknowledgement_a_difficulty_and_a_claim(brain, turns, intent):
    assert converse(brain, *turns)[-1].intent == intent


def test_a_limit_told_with_cannot_is_still_a_limit(brain):
    first = brain.reply("hamstring stretch")
    reply = brain.reply("cant do it on the floor", first.context)
    assert reply.kind == "stretch" and "no floor" in reply.blocks[0].text
    standing = brain.reply("standing only, easier?", brain.reply("quad stretch").context)
    assert "standing only" in standing.blocks[0].text


def test_a_claim_about_stretching_before_exercise_is_the_before_or_after_answer(brain):
    for message in (
        "i heard stretching before a run is bad, true?",
        "read that you shouldnt stretch before a run. myth?",
    ):
        assert brain.reply(message).intent == "general.before_after"


@pytest.mark.parametrize(
    ("turns", "intent"),
    [
        # a clarification names the area it meant, with the kind of reply before
        (
            (
                "my shoulders feel tight all the time",
                "sorry i mean more the front, where the shoulder goes into the chest",
            ),
            "chest.stretch",
        ),
        (
            ("road trip stretches", "i mean mostly for my neck, hours of driving kills it"),
            "neck.stretch",
        ),
        (("why are my calves tight", "i mean my hamstrings"), "hamstrings.why_tight"),
        # a limit asked of the routine pointed at, in a long message with a saying in it
        (
            (
                "Do you have stretches for older people?",
                "I am 80 and not steady on my feet, could they be done sitting in a chair?",
            ),
            "routine.older_adults",
        ),
    ],
)
def test_a_clarification_and_a_limit_asked_of_the_routine_shown(brain, turns, intent):
    assert converse(brain, *turns)[-1].intent == intent


def test_a_routine_asked_in_a_chair_keeps_to_the_chair(brain):
    *_, reply = converse(
        brain,
        "Do you have stretches for older people?",
        "I am 80 and not steady on my feet, could they be done sitting in a chair?",
    )
    assert "chair" in reply.context.limits


def test_a_saying_about_the_feet_names_no_feet(brain):
    analysis = brain.matcher.analyse("im not steady on my feet these days")
    assert brain._without_idioms(analysis).topics == ()
    assert brain.reply("my feet are sore").topic == "feet_ankles"


@pytest.mark.parametrize(
    "message",
    [
        "my back is so stiff in the mornings, takes an hour to loosen up",
        "my hips are stiff every morning for about 45 mins",
    ],
)
def test_morning_stiffness_that_lasts_gets_the_answer_that_says_when_to_see_a_gp(brain, message):
    assert brain.reply(message).intent == "general.morning_stiffness"


def test_short_morning_stiffness_with_a_stretch_asked_keeps_the_stretch(brain):
    assert brain.reply("my back is stiff every morning, stretch for it?").kind == "stretch"


def test_a_question_near_a_choice_of_time_names_a_time_of_day(brain):
    # "is it serious" reads a little like "morning or evening, does it matter"
    *_, reply = converse(brain, "why is my lower back tight", "is it serious")
    assert reply.intent != "general.time_of_day"
    *_, timed = converse(
        brain, "how long should i hold a stretch", "does it matter if its morning or evening"
    )
    assert timed.intent == "general.time_of_day"


@pytest.mark.parametrize(
    ("turns", "lead"),
    [
        (("why is my lower back tight", "is it serious"), "Back pain with numbness"),
        (("why is my neck stiff", "should i see someone about it"), "Most neck pain settles"),
        (("calf stretch", "should i be worried"), "Most calf tightness is harmless"),
        (("hamstring stretch", "thanks! do i need a physio for this"), "Tightness is not the same"),
    ],
)
def test_asked_whether_to_get_an_area_checked_gets_when_with_its_own_signs(brain, turns, lead):
    *_, reply = converse(brain, *turns)
    assert reply.intent == "general.see_someone"
    assert reply.blocks[0].text == "When to get it checked"
    assert reply.blocks[1].text.startswith(lead)


def test_whether_to_see_someone_names_an_area_or_follows_one(brain):
    assert brain.reply("should i see a physio for my tight hamstrings").intent == (
        "general.see_someone"
    )
    # no area: a doctor asked about a cough is none of ours
    assert brain.reply("should i see a doctor about my cough").kind == "fallback"
    assert brain.reply("should i be worried about my credit score").kind == "fallback"
    # told, not asked; or a subject of its own
    assert brain.reply("my physio said my hips are tight, which stretch").kind == "stretch"
    assert brain.reply("is it serious if my knees crack").intent == "general.joint_noises"


def test_praise_then_a_story_after_a_reply_is_thanks(brain):
    *_, reply = converse(brain, "bedtime routine", "lovely, sending it to my mum")
    assert reply.intent == "smalltalk.thanks"


@pytest.mark.parametrize(
    "message", ["lovely, my cat is asleep", "nice weather today", "cool, whats the capital of peru"]
)
def test_praise_opening_a_first_message_or_a_question_is_no_thanks(brain, message):
    assert brain.reply(message).kind == "fallback"


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("is a stretching session enough of a workout or do i need cardio too", "is_exercise"),
        ("does yoga burn many calories", "is_exercise"),
        ("will stretching every day help me burn fat", "is_exercise"),
        ("flexibility and mobility, same thing?", "mobility_vs_flexibility"),
        (
            "my coach keeps saying mobility not flexibility, what does he mean",
            "mobility_vs_flexibility",
        ),
        ("feeling really anxious lately, any stretches that help calm me", "stress"),
        ("tense and stressed after work, stretches to unwind", "stress"),
        ("got the flu, should i skip my stretching", "when_ill"),
        ("bit of a sniffly cold, ok to still do my morning stretches?", "when_ill"),
        ("had covid last week, when can i get back to yoga", "when_ill"),
    ],
)
def test_stretching_beside_exercise_stress_and_illness_gets_its_answer(brain, message, intent):
    assert brain.reply(message).intent == f"general.{intent}"


@pytest.mark.parametrize(
    "message",
    [
        "how many calories does a 5k run burn",
        "how many calories in a pint of beer",
        "stressed about my exams",
        "what is the difference between a cold and the flu",
        "fever pitch at the match",
        "that routine was sick 🔥",
        "how do i stretch a 800 word essay into 2000 words",
    ],
)
def test_exercise_stress_and_illness_words_off_our_subject_stay_declined(brain, message):
    assert brain.reply(message).kind == "fallback"


def test_a_stress_fracture_is_not_stress(brain):
    message = "had a stress fracture in my foot last year, healed now, calf stretch?"
    assert brain.reply(message).intent != "general.stress"


def test_illness_answers_rest_for_a_fever_and_flu(brain):
    text = render_text(brain.reply("can i stretch with a fever"))
    assert "above the neck" in text and "fever" in text and "Rest" in text


def test_a_condition_told_with_a_stomach_stretch_asked_gets_the_conditions_answer(brain):
    reply = brain.reply("had a c section 3 months ago, stretches for my stomach?")
    assert reply.intent == "condition.recent_surgery"
    *_, belly = converse(brain, "im pregnant", "stretch for my belly?")
    assert "pregnancy" in belly.context.conditions and belly.conditions


@pytest.mark.parametrize(
    ("message", "name"),
    [
        ("scorpion stretch", "scorpion stretch"),
        ("how to do puppy pose", "puppy pose"),
        ("teach me the superman stretch please", "superman stretch"),
    ],
)
def test_a_stretch_we_have_no_card_for_is_said_plainly(brain, message, name):
    reply = brain.reply(message)
    assert reply.kind == "fallback"
    text = render_text(reply)
    assert f"don't know the “{name}”" in text and "can't help" not in text


@pytest.mark.parametrize(
    "message", ["stretch marks", "strike a pose", "my kittens stretch", "cobra pose"]
)
def test_other_stretches_and_poses_are_not_unknown_stretches(brain, message):
    assert "don't know the" not in render_text(brain.reply(message))


def test_stretching_while_getting_over_covid_is_the_answer_on_illness(brain):
    reply = brain.reply("recovering from covid and feel stiff, gentle stretches?")
    assert reply.intent == "general.when_ill"


def test_another_area_asked_after_a_stretch_with_how_it_feels_is_that_area(brain):
    # "they feel just as bad" tells how the new area feels, not how the stretch should
    replies = converse(
        brain, "my hamstrings are tight", "and my hip flexors? they feel just as bad"
    )
    assert replies[1].topic == "hip_flexors" and not replies[1].intent.endswith(".more")


def test_a_shorter_or_longer_ask_with_its_reason_is_the_ask(brain):
    replies = converse(brain, "bedtime routine", "shorter version? I'm knackered")
    assert replies[1].intent == "routine.bedtime" and replies[1].context.plan.length == "short"
    replies = converse(
        brain, "bedtime routine", "longer one? i have time tonight and my back is stiff"
    )
    assert replies[1].intent == "routine.bedtime" and replies[1].context.plan.length == "long"
    # after a stretch card: the area's next stretch, not why the area is tight
    replies = converse(brain, "my shoulders are tight", "shorter version? I'm knackered")
    assert replies[1].kind == "stretch" and replies[1].topic == "shoulders"
    # a longer hold is a question about holding
    assert converse(brain, "neck stretch", "longer hold?")[1].intent == "general.how_long"


def test_the_time_of_day_asked_in_a_conversation_or_alone(brain):
    replies = converse(brain, "how often should I stretch", "and what time of day is best")
    assert replies[1].intent == "general.time_of_day"
    assert brain.reply("what time of day is best to stretch").intent == "general.time_of_day"
    assert brain.reply("what time of day is it").kind == "fallback"


def test_keep_it_up_is_no_question_about_the_habit(brain):
    assert brain.reply("keep it up!").intent != "general.habit"


def test_is_something_wrong_with_me_asks_when_to_get_it_checked(brain):
    for first in ("my neck is tight", "I'm in my 60s and I wake up stiff every morning"):
        replies = converse(brain, first, "why does that happen, is something wrong with me?")
        assert replies[1].intent == "general.see_someone", first
    # a thing is none of ours
    assert brain.reply("is something wrong with my car").kind == "fallback"


def test_a_muscle_told_as_short_and_asked_about_is_why_it_gets_tight(brain):
    # a time span in the story ("within six months") is no look-alike's other sense
    reply = brain.reply(
        "Went from a job on my feet all day to one where I sit 8-10 hours. Within six months "
        "I've got a nagging ache at the front of my hip. A friend reckons it's my hip flexors "
        "being short from the chair. Is that a thing?"
    )
    assert reply.intent == "hip_flexors.why_tight"


def test_the_area_a_closing_question_asks_a_stretch_for_wins_over_the_story(brain):
    reply = brain.reply(
        "Desk job, right-handed on the mouse all day, and I keep getting knots between my "
        "shoulder blade and spine. Which stretches actually help the upper back?"
    )
    assert (reply.kind, reply.topic) == ("stretch", "upper_back")


def test_a_stretch_named_in_a_question_about_the_way_of_stretching(brain):
    reply = brain.reply(
        "The coach told the kids no more holding stretches before matches, only leg swings "
        "and jogging drills. Is that actually right? We always did static stretches."
    )
    assert reply.intent == "general.static_vs_dynamic"
    assert brain.reply("how do i do leg swings").intent == "stretch.leg_swings"


def test_a_tension_headache_told_with_an_area_and_its_complaint_is_that_area(brain):
    assert brain.reply("tight jaw and a tension headache at my temples").topic == "jaw"
    # a sudden, severe one is a red flag before any answer
    assert brain.reply("sudden severe headache and neck pain").kind == "red_flag"
    # "help" is still the help
    assert brain.reply("help").kind == "help"


def test_what_that_is_asked_at_the_end_is_the_area_named_last(brain):
    reply = brain.reply(
        "Since I upped my mileage the outside of my thigh, from hip down to the knee, feels "
        "like a tight guitar string. Someone at running club said it's my IT band. What "
        "actually is that thing?"
    )
    assert reply.intent == "it_band.what"


def test_a_stretch_asked_for_an_area_apart_from_a_stretch_told_of(brain):
    reply = brain.reply(
        "Did leg day yesterday with loads of walking lunges and the front of my thighs are "
        "tight. Is there a quad stretch that doesn't need me to balance on one leg?"
    )
    assert (reply.kind, reply.topic) == ("stretch", "quadriceps")
    # the name in the same piece as the area is the one asked for
    assert brain.reply("how do i do the couch stretch for my hip flexors").intent == (
        "stretch.couch_stretch"
    )


def test_stretching_your_sides_is_the_side_body(brain):
    reply = brain.reply(
        "When I reach up to the top shelf I get this pulling feeling all down my side from the "
        "armpit to my hip. Not painful, just tight. Can you stretch your sides?"
    )
    assert reply.topic == "side_body"


def test_how_long_until_a_goal_when_stretching_every_day(brain):
    reply = brain.reply(
        "I could do the splits at 12. I'm 29 now and nowhere near. If I stretch every day, how "
        "long realistically until I get them back?"
    )
    assert reply.intent == "general.splits"
    reply = brain.reply("if i stretch every day how long till i'm flexible")
    assert reply.intent == "general.flexibility_timeline"
    assert brain.reply("is it ok to stretch every day").intent == "general.every_day"


def test_a_cooldown_asked_for_by_name_after_a_hard_session_is_the_routine(brain):
    assert brain.reply("killer workout today, I'm dead. cooldown pls").kind == "routine"
    # whether one is needed is still that answer
    reply = brain.reply("legs dead after that class, do i need a cooldown?")
    assert reply.intent == "general.cooldown_needed"


def test_back_as_someone_returned_is_no_area(brain):
    reply = brain.reply(
        "my brother pulled his hamstring playing football last season, he's back playing now, "
        "but it scared me. how do I avoid doing the same?"
    )
    assert reply.topic == "hamstrings" and reply.kind == "stretch"


@pytest.mark.parametrize(
    ("message", "word"),
    [
        ("my triceps are tight", "triceps"),
        ("tight lats from pullups", "lat"),
        ("whats the best stretch for plantar fasciitis", "plantar"),
    ],
)
def test_a_muscle_named_within_an_area_gets_the_stretch_named_for_it(brain, message, word):
    reply = brain.reply(message)
    assert reply.kind == "stretch"
    assert word in brain.kb.stretches[reply.stretches[0]].name.lower()


def test_the_area_named_as_a_whole_keeps_its_first_stretch(brain):
    reply = brain.reply("my hip flexors are tight, stretch?")
    assert reply.stretches[0] == next(iter(brain.kb.stretches_for("hip_flexors"))).id


@pytest.mark.parametrize(
    "message",
    [
        "lower back stretch i can do at work",
        "I'm a hairdresser and stand all day, by the evening my lower back and feet are killing "
        "me, anything I can do between clients?",
    ],
)
def test_a_stretch_asked_for_at_work_keeps_off_the_floor(brain, message):
    reply = brain.reply(message)
    assert reply.kind == "stretch"
    tags = brain.kb.stretches[reply.stretches[0]].caution_tags
    assert not {"floor", "lying_on_back", "lying_on_front"} & set(tags)
    # ... and so does the next one asked for
    again = brain.reply("another one", reply.context)
    assert not {"floor", "lying_on_back", "lying_on_front"} & set(
        brain.kb.stretches[again.stretches[0]].caution_tags
    )


def test_a_stretch_asked_for_in_the_drivers_seat_is_one_done_sitting(brain):
    from bot.sizing import LIMIT_TAGS

    first, seated = converse(
        brain, "glute stretch", "can i do it in the drivers seat between drops"
    )
    assert seated.topic == "glutes" and seated.stretches != first.stretches
    card = brain.kb.stretches[seated.stretches[0]]
    assert LIMIT_TAGS["chair"].isdisjoint(card.caution_tags)


def test_what_a_stretch_card_needs_is_said_above_it(brain):
    from bot.render import render_text

    card, needs = converse(brain, "hip flexor stretch", "do i need a mat for this")
    assert needs.stretches == card.stretches
    assert "mat" in render_text(needs).split("\n")[0].lower()
    card, needs = converse(brain, "calf stretch", "any equipment needed?")
    first = render_text(needs).split("\n")[0]
    assert first.startswith("No mat needed") and "wall" in first
    # a wall or a doorway asked about is what it needs too
    card, needs = converse(brain, "calf stretch", "do i need a wall for it")
    assert needs.stretches == card.stretches
    assert "wall" in render_text(needs).split("\n")[0]
    card, needs = converse(brain, "chest stretch", "do i need a doorway for this")
    assert needs.stretches == card.stretches and render_text(needs).startswith("No mat needed")


def test_whether_stretching_helps_gets_a_stretch_with_a_yes(brain):
    reply = converse(brain, "why are my calves tight", "so stretching them will help?")[-1]
    assert reply.intent == "calves.stretch"
    assert "usually helps" in reply.blocks[0].text


def test_something_to_do_at_work_after_a_card_is_off_the_floor(brain):
    card, work = converse(brain, "glute stretch", "just one quick thing i can do at work")
    assert work.topic == "glutes" and work.stretches != card.stretches
    assert "no_floor" in work.context.limits
    assert LIMIT_TAGS["no_floor"].isdisjoint(brain.kb.stretches[work.stretches[0]].caution_tags)


def test_no_mat_leaves_the_floor_out(brain):
    reply = converse(brain, "stretch my glutes", "no mat")[-1]
    assert "no_floor" in reply.context.limits
    assert reply.context.stretch == "seated_figure_four"


def test_a_parents_own_ache_gets_no_note_for_a_young_person(brain):
    reply = brain.reply(
        "my toddler refuses to walk anywhere so i carry him on my hip all day, my lower back aches"
    )
    assert reply.intent == "lower_back.stretch"
    assert "young person" not in " ".join(b.text for b in reply.blocks)


@pytest.mark.parametrize("question", ["do i do them in order", "does the order matter"])
def test_the_order_of_a_routine_asked_gets_it_again_led_by_the_order(brain, question):
    _, reply = converse(brain, "morning routine", question)
    assert reply.routine == "morning"
    assert reply.blocks[0].text == lexicon.ORDER_LEAD


def test_a_sports_event_told_at_the_warm_ups_end_is_what_it_is_for(brain):
    _, reply = converse(brain, "warm up for football", "can i do these before every game")
    assert reply.routine == "warmup_soccer"
    assert reply.blocks[0].text == lexicon.SAME_ACTIVITY_LEAD


@pytest.mark.parametrize(
    ("message", "routine"),
    [
        ("can i ever touch my toes", "routine.toe_touch"),
        ("am i too old to stretch at 70", "routine.older_adults"),
        ("can i learn the splits at 40", "routine.splits"),
        # an answer with no routine of its own offers the cool-down
        ("is it ok to stretch every day", "routine.cooldown"),
    ],
)
def test_a_general_answer_offers_its_own_routine(brain, message, routine):
    reply = brain.reply(message)
    assert reply.kind == "answer"
    assert [a.intent for a in reply.actions if a.intent.startswith("routine.")] == [routine]


@pytest.mark.parametrize(
    "messages",
    [
        ("neck stretch in my chair", "standing one? no floor"),
        (
            "a stretch for my upper back i can do sitting in my chair",
            "standing version, no floor here",
        ),
    ],
)
def test_a_posture_asked_after_another_replaces_it(brain, messages):
    # chair only and standing only exclude each other: the one asked last is kept (a plan
    # holding both has no button code, and once made the reply could not be built)
    *_, reply = converse(brain, *messages)
    assert reply.kind == "stretch"
    assert "standing" in reply.context.limits and "chair" not in reply.context.limits


@pytest.mark.parametrize(
    ("messages", "stretch"),
    [
        # a thing the stretch is done in, against or with, asked after a card: the area's
        # stretch done there
        (("chest stretch", "can i do it in a doorway?"), "doorway_chest"),
        (("hamstring stretch", "with a towel?"), "lying_hamstring_towel"),
        (("calf stretch", "could i do it on the stairs"), "step_calf_drop"),
    ],
)
def test_a_prop_asked_after_a_card_gets_the_stretch_done_with_it(brain, messages, stretch):
    *_, reply = converse(brain, *messages)
    assert reply.kind == "stretch" and reply.stretches == (stretch,)


@pytest.mark.parametrize(
    "text",
    [
        "i'm having chemo for bowel cancer, can i still stretch",
        "halfway through radiotherapy, is gentle stretching ok",
    ],
)
def test_cancer_treatment_told_gets_its_advice(brain, text):
    reply = brain.reply(text)
    assert reply.intent == "condition.cancer_treatment"


def test_cancer_treatment_long_past_is_no_condition(brain):
    # "years ago" tells of a past treatment: no note of a treatment now
    reply = brain.reply("finished chemo years ago, want to get my flexibility back")
    assert not reply.conditions


@pytest.mark.parametrize(
    ("messages", "lead"),
    [
        # whether the card helps another area: what it works, then that area's own stretch
        (("calf stretch", "does that help my achilles too"), "works your calves most"),
        (("hamstring stretch", "is it good for my lower back as well"), "works your hamstrings"),
        # ... or yes, when it works that area too: the card again
        (("calf stretch", "does it help my calves too"), "Yes: the"),
        # ... an area named as in a sentence ("IT band", not "it band")
        (("hamstring stretch", "is it good for my it band too"), "For your IT band,"),
    ],
)
def test_whether_a_card_helps_another_area_is_answered_first(brain, messages, lead):
    *_, reply = converse(brain, *messages)
    assert reply.kind == "stretch"
    assert lead in render_text(reply).splitlines()[0]


def test_a_bare_give_me_one_is_a_stretch_not_a_thank_you(brain):
    # "ok" in front is an acknowledgement, not thanks; alone, "one" points at nothing yet
    for text in ("sure, send me one", "ok give me one then"):
        assert converse(brain, text)[-1].kind == "fallback"
    # in a conversation the ask is answered
    after_a_miss = converse(brain, "is stretching before an exam a thing or nah", "ok gimme one")
    assert after_a_miss[-1].kind == "stretch"
    # in a talk about an area: that area's stretch
    assert converse(brain, "why are my calves tight", "ok give me one then")[-1].topic == "calves"
