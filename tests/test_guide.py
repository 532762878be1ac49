"""Guided routines in the brain: steps that keep people safe, their timer's face and buttons,
and what Finish and Stop offer. (The timer's schedule is tests/test_timer.py; on Telegram,
tests/e2e/test_timers.py.)"""

from __future__ import annotations

import pytest

from bot import actions as act
from bot.brain import Brain
from bot.render import render_text
from bot.reply import Context, Plan, Reply
from bot.timer import View

PLAN = Plan("cooldown", length="short", limits=frozenset({"no_kneeling"}))


def labels(reply: Reply) -> list[str]:
    return [a.label for a in reply.actions]


def pressed(brain: Brain, reply: Reply, label: str) -> Reply:
    action = next(a for a in reply.actions if a.label == label)
    return brain.resolve(action.intent, reply.context)


def timer_line(reply: Reply) -> str:
    return next(b.text for b in reply.blocks if b.style == "timer")


def test_the_overview_offers_a_timed_guide_and_a_step_by_step_one(brain: Brain):
    overview = brain.resolve(act.encode(act.ShowRoutine(PLAN)))
    start = {a.label: act.parse(a.intent) for a in overview.actions}
    assert start["Start guided ▶"] == act.GuideStep(PLAN, 0)
    assert start["Step by step"] == act.GuideStep(PLAN, 0, manual=True)


def test_every_guided_step_shows_its_stretchs_key_caution(brain: Brain):
    reply = brain.resolve(act.encode(act.GuideStep(PLAN, 0)))
    count = 0
    while not reply.intent.endswith(".done"):
        stretch = brain.kb.stretches[reply.stretches[0]]
        warnings = [b.text for b in reply.blocks if b.style == "warning"]
        assert warnings == [stretch.cautions[0]], reply.intent
        assert reply.disclaimer == brain.kb.disclaimer.line
        assert render_text(reply).endswith(brain.kb.disclaimer.line)
        reply = pressed(brain, reply, reply.actions[0].label)
        count += 1
    assert count == len(brain.guide_holds(PLAN))


def test_the_calf_stretch_warns_about_a_swollen_calf_on_its_step(brain: Brain):
    steps = brain.replies.steps_of(Plan("cooldown"), Context())
    i = next(i for i, s in enumerate(steps) if s.stretch == "wall_calf")
    reply = brain.resolve(act.encode(act.GuideStep(Plan("cooldown"), i)))
    assert "swollen" in render_text(reply)


def test_finish_offers_again_another_routine_and_daily_tips(brain: Brain):
    count = len(brain.guide_holds(PLAN))
    done = brain.resolve(act.encode(act.GuideStep(PLAN, count, manual=True)))
    assert done.intent == "guide.cooldown.done"
    assert labels(done) == ["Again ↺", "Another routine", "Daily tips"]
    assert act.parse(done.actions[0].intent) == act.GuideStep(PLAN, 0, manual=True)
    again = pressed(brain, done, "Again ↺")
    assert "step 1 of" in render_text(again)
    assert pressed(brain, done, "Another routine").intent == "routines"
    assert pressed(brain, done, "Daily tips").kind == "daily"
    assert done.disclaimer == brain.kb.disclaimer.short, "the finish keeps the whole line"


@pytest.mark.parametrize("manual", [False, True])
def test_stop_offers_to_resume_at_the_same_step_with_the_same_plan(brain: Brain, manual):
    step = brain.resolve(act.encode(act.GuideStep(PLAN, 2, manual)))
    stopped = pressed(brain, step, "Stop")
    assert stopped.intent == "guide.stop"
    assert "step 3 of" in render_text(stopped)
    assert labels(stopped) == ["Resume ▶", "Routines"]
    assert act.parse(stopped.actions[0].intent) == act.GuideStep(PLAN, 2, manual)
    resumed = pressed(brain, stopped, "Resume ▶")
    assert resumed.intent == step.intent and resumed.stretches == step.stretches


def test_the_old_stop_button_still_stops(brain: Brain):
    stopped = brain.resolve("guide.stop")
    assert stopped.intent == "guide.stop" and labels(stopped) == ["Routines"]


def test_without_a_timer_next_comes_first_then_back_and_stop(brain: Brain):
    first = brain.resolve(act.encode(act.GuideStep(PLAN, 0)))
    assert labels(first) == ["Next ▶", "Stop"]
    second = pressed(brain, first, "Next ▶")
    assert labels(second) == ["Next ▶", "◀ Back", "Stop"]
    assert pressed(brain, second, "◀ Back").intent == first.intent


def guided(brain: Brain, clock: View, step: int = 1, manual: bool = False) -> Reply:
    return brain.guide(act.GuideStep(PLAN, step, manual), Context(), clock)


def test_buttons_follow_the_timer(brain: Brain):
    hold = View(1, "hold", 20, 60)
    assert labels(guided(brain, hold)) == ["⏸ Pause", "◀ Back", "Stop"]
    assert labels(guided(brain, hold, manual=True)) == ["⏸ Pause", "◀ Back", "Next ▶", "Stop"]
    paused = View(1, "hold", 20, 60, paused=True)
    assert labels(guided(brain, paused)) == ["▶ Resume", "◀ Back", "Stop"]
    over = View(1, "over", 0, 60, auto=False)
    assert labels(guided(brain, over, manual=True)) == ["Next ▶", "◀ Back", "Stop"]
    assert labels(guided(brain, View(0, "ready", 8, 60), step=0)) == ["⏸ Pause", "Stop"]
    pause = act.parse(guided(brain, hold, manual=True).actions[0].intent)
    assert pause == act.GuidePause(PLAN, 1, manual=True)
    resume = act.parse(guided(brain, paused).actions[0].intent)
    assert resume == act.GuideStep(PLAN, 1)


def test_the_timer_line_counts_down_switches_sides_and_rests(brain: Brain):
    assert timer_line(guided(brain, View(0, "ready", 8, 60), step=0)).startswith("⏳ Get ready")
    assert timer_line(guided(brain, View(1, "ready", 8, 60))).startswith("⏳ Rest")
    assert timer_line(guided(brain, View(1, "hold", 75, 90))) == "⏱ Hold: 1:15 left"
    sides = View(1, "hold", 45, 60, sides=True)
    assert timer_line(guided(brain, sides)) == "⏱ Hold: 45 s left · switch sides at 30 s"
    cue = View(1, "hold", 30, 60, sides=True, second_side=True, cue=True)
    assert timer_line(guided(brain, cue)) == "🔄 Switch sides now! 30 s left"
    other = View(1, "hold", 25, 60, sides=True, second_side=True)
    assert timer_line(guided(brain, other)) == "⏱ Other side: 25 s left"
    assert timer_line(guided(brain, View(1, "hold", 12, 60, paused=True))) == (
        "⏸ Paused · 12 s left"
    )
    over = timer_line(guided(brain, View(1, "over", 0, 60, auto=False), manual=True))
    assert over == "✅ Time's up. Tap Next when you're ready."


def test_the_countdown_sits_under_the_stretchs_name_and_time(brain: Brain):
    reply = guided(brain, View(1, "hold", 20, 60))
    styles = [b.style for b in reply.blocks]
    assert styles[:3] == ["title", "meta", "timer"]
    assert "⏱ Hold: 20 s left" in render_text(reply).splitlines()[4]


def test_pause_without_a_timer_shows_the_step_paused_with_its_whole_time(brain: Brain):
    reply = brain.resolve(act.encode(act.GuidePause(PLAN, 1)))
    assert timer_line(reply).startswith("⏸ Paused")
    assert labels(reply)[0] == "▶ Resume"


def test_a_red_flag_typed_during_a_routine_stops_every_guide_button(brain: Brain):
    step = brain.resolve(act.encode(act.GuideStep(PLAN, 1)))
    flag = brain.reply("my chest feels crushing and i'm short of breath", step.context)
    assert flag.kind == "red_flag"
    for action in (act.GuideStep(PLAN, 1), act.GuidePause(PLAN, 1), act.GuideStep(PLAN, 2)):
        assert brain.resolve(act.encode(action), flag.context).intent == "guide.stopped"
        timed = brain.guide(action, flag.context, View(1, "hold", 3, 60))
        assert timed.intent == "guide.stopped"


def test_guide_holds_split_one_sided_stretches(brain: Brain):
    holds = brain.guide_holds(Plan("cooldown"))
    steps = brain.replies.steps_of(Plan("cooldown"), Context())
    assert [h.seconds for h in holds] == [s.seconds for s in steps]
    sides = dict(zip((s.stretch for s in steps), (h.sides for h in holds), strict=True))
    assert sides["wall_calf"] is True
    assert brain.guide_holds(Plan("no_such_routine")) == ()


def test_a_stale_guide_press_gets_the_polite_answer(brain: Brain):
    assert brain.guide(act.GuideStep(Plan("nope"), 0)).intent == "stale"
    assert brain.guide(act.GuidePause(PLAN, 99)).intent == "stale"
