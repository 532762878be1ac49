"""The brain's lexicon: the words that mark a conversation's moves, and small pure readers
of them.

`bot.brain` decides what a message is answered with; the word lists it decides by live here,
with the few helpers that read them from a message's words or text alone (no knowledge base,
no context beyond what is passed in). Kept apart so the decisions read as decisions and the
lists can be reviewed, extended and tested in one place.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from typing import Literal

from bot.actions import DailyWhat
from bot.kb import GENERAL
from bot.replies import WELCOME_ROUTINE
from bot.reply import Context
from bot.understanding import STOPWORDS, TOPIC_TOKEN, Analysis, Match
from bot.understanding.cues import CueReader
from bot.understanding.sizes import FILLER_WORDS, NUMBER_WORDS, TILL_WORDS
from bot.understanding.text import NEGATORS, normalize

#: longer messages are cut before matching; red flags still see this much.
MAX_CHARS = 4000
#: how sure a bare topic ("and my calves?") is read as the last kind of answer about it
BARE_TOPIC_CONFIDENCE = 0.7
#: the intent layer's requests about daily tips, and what the reply explains
DAILY_REQUESTS: dict[str, DailyWhat] = {"daily_on": "on", "daily_off": "off"}
#: which end of an activity a message asks for (the words that ask for a routine at all are
#: ROUTINE_WORDS, below)
WARM_WORDS = frozenset(
    {"warm", "warmup", "warmups", "pre", "pregame", "before", "beforehand", "prep"}
)
#: words that ask, after a warm-up, about after the activity ("and afterwards?"), or after a
#: cool-down about before it
TWIN_AFTER = frozenset({"after", "afterwards", "afterward"})
TWIN_BEFORE = frozenset({"before", "beforehand"})
COOL_WORDS = frozenset(
    {
        "cool",
        "cooldown",
        "cooldowns",
        "post",
        "postgame",
        "after",
        "afterwards",
        "afterward",
        "recover",
    }
)
#: after tips were asked for, a message with one of these asks for a tip now ("can i get one
#: now", "send me one")
ONE_NOW = frozenset({"one", "now", "today"})
#: ... and the words of a bare question for today's ("so whats todays then")
TODAYS_ASK = frozenset("so what whats is today todays then s tip one".split())
#: words that name a tip, or another of what came before ("one for my wrists?")
TIP_NAMES = frozenset({"tip", "tips", "one", "another", "more", "hint", "advice"})
#: after daily tips were turned on, a message of these words only, with a stop word, turns
#: them off ("stop", "cancel them pls")
STOP_WORDS = frozenset({"stop", "cancel", "off", "unsubscribe"})
STOP_MESSAGE = STOP_WORDS | frozenset(
    "it them those these the tips tip please pls no more turn actually wait sorry".split()
)
#: a message this short, of one everyday word and stopwords, names no general subject
LONE_WORD_MAX = 2
#: question words anywhere in a message
WH_WORDS = frozenset({"what", "how", "why", "when", "which", "where", "who"})
#: a request for a tip about an area is this short ("give me a tip for my knees")
TIP_ASK_MAX_WORDS = 7
#: a tip asked for in a message's first words ("got a tip for gardening days so ...")
TIP_WORDS = frozenset({"tip", "tips"})
TIP_ASK_LEAD = 4
#: "tip" that names no advice: "on my tip toes", "the tip of my finger"
_NOT_A_TIP = frozenset({("tip", "toes"), ("tip", "toe"), ("tip", "of"), ("tips", "of")})


def asks_for_a_tip(words: Sequence[str]) -> bool:
    """Whether the words ask for a tip ("give me a tip for posture", "any tips to remember to
    stretch"), not the tip of something ("standing on my tip toes")."""
    return not TIP_WORDS.isdisjoint(words) and not has_pair(words, _NOT_A_TIP)


#: words that thank at the end of a message
TRAILING_THANKS = frozenset({"thanks", "thx", "ty", "cheers", "ta", "thankyou"})
#: "nice one", "good one mate": praise of what was sent, not a request for one more
_PRAISE = frozenset({"nice", "good", "great", "cool", "lovely", "brilliant", "top", "sweet", "ace"})
_PRAISE_FILLER = frozenset(
    {"one", "mate", "m8", "lol", "haha", "that", "thats", "is", "a", "really"}
)


def praises_one(words: Sequence[str]) -> bool:
    """Whether the words only praise what was sent: "nice one", "good one mate", "thats a
    great one"; not "another one", "one more please"."""
    return bool(_PRAISE.intersection(words)) and set(words) <= _PRAISE | _PRAISE_FILLER


#: cues that ask for a version of the stretch on screen
VARIANT_CUES = frozenset({"easier", "harder", "other_side"})
#: words that name a side or a limb, which make "the other way round" the other side
SIDE_NAMES = frozenset({"left", "right", "side", "sides", "leg", "legs", "arm", "arms"})
#: the cues that ask for a routine or hold of another length
SIZE_CUES = frozenset({"shorter", "longer"})
#: words that may lead a shorter or longer ask ("can you make that quicker")
SIZE_ASK_LEAD_WORDS = frozenset(
    "can could you u make it that this one a bit little please pls any way got do have give me gimme".split()
)
#: kneeling named: with a complaint, a limit on the stretch on screen
KNEELING_WORDS = frozenset({"kneeling", "kneel", "kneels"})
#: words that say a stretch on screen hurts ("it hurts my knee", "ouch that hurts")
#: how a question whether something is the cause opens: "is it from my pillow", "could it be
#: because i sit all day", "is that from running"
_CAUSE_OPENINGS = (
    ("is", "it", "from"),
    ("is", "it", "because"),
    ("is", "that", "from"),
    ("is", "that", "because"),
    ("is", "this", "from"),
    ("is", "this", "because"),
    ("could", "it", "be", "from"),
    ("could", "it", "be", "because"),
    ("could", "that", "be", "from"),
    ("could", "that", "be", "because"),
    ("might", "it", "be", "from"),
    ("would", "that", "cause"),
    ("would", "that", "explain"),
    ("does", "that", "explain"),
    ("can", "that", "cause"),
    ("could", "that", "cause"),
)
#: how such a question ends: "i work at a desk, is that why", "... could that be it"
_CAUSE_ENDINGS = (
    ("is", "that", "why"),
    ("is", "this", "why"),
    ("is", "that", "the", "reason"),
    ("is", "that", "the", "cause"),
    ("could", "that", "be", "why"),
    ("could", "that", "be", "it"),
    ("would", "that", "be", "why"),
    ("is", "that", "what", "causes", "it"),
    ("does", "that", "matter"),
    ("would", "that", "matter"),
    ("does", "that", "make", "a", "difference"),
    ("does", "that", "affect", "it"),
    ("does", "that", "play", "a", "part"),
)
_CAUSE_LEADS = frozenset({"so", "and", "but", "ok", "okay", "hmm", "oh", "wait"})


#: "does stress make it worse", "could sitting be making it worse": a cause put forward
_WORSE_ENDINGS = frozenset(
    (make, it, "worse")
    for make in ("make", "makes", "making")
    for it in ("it", "them", "that", "this")
)
_WORSE_ASKERS = frozenset("does do can could would will might is are".split())


def asks_if_it_makes_worse(words: Sequence[str]) -> bool:
    """Whether the words ask whether something makes what was talked about worse: "does
    stress make it worse", "could sitting be making it worse"."""
    subject = set(words[1:-3])
    return (
        len(words) <= CAUSE_CHECK_MAX_WORDS
        and bool(words)
        and words[0] in _WORSE_ASKERS
        and tuple(words[-3:]) in _WORSE_ENDINGS
        # "does stretching make it worse", "can this make it worse": whether stretching harms
        and subject.isdisjoint(STRETCHING_WORDS | REFERS_BACK | {"these", "those"})
    )


def asks_about_a_cause(words: Sequence[str]) -> bool:
    """Whether the words ask whether something is the cause of what was talked about: "is
    it from my pillow?", "i work at a desk, is that why", "could it be because i sit all
    day", "does stress make it worse"."""
    if asks_if_it_makes_worse(words):
        return True
    start = 0
    while start < len(words) - 1 and words[start] in _CAUSE_LEADS:
        start += 1
    head = tuple(words[start : start + 4])
    if any(head[: len(opening)] == opening for opening in _CAUSE_OPENINGS):
        return True
    return any(tuple(words[-len(ending) :]) == ending for ending in _CAUSE_ENDINGS)


#: words that ask whether one thing has a part in another: "do glutes affect it"
_LINK_WORDS = frozenset(
    """affect affects affecting cause causes causing related linked connected involved
    contribute contributes contributing responsible""".split()
)
#: ... said of what was talked about
_LINKED_TO = frozenset({"it", "this", "that", "them", "those"})


def asks_if_linked(words: Sequence[str]) -> bool:
    """Whether the words ask whether something has a part in what was talked about: "do
    glutes affect it", "could my hips be causing this", "are my hamstrings involved"."""
    return (
        bool(words)
        and words[0] in YES_NO_STARTS
        and not _LINK_WORDS.isdisjoint(words)
        and (not _LINKED_TO.isdisjoint(words) or words[-1] in _LINK_WORDS)
    )


#: words of bouncing in a stretch: "do i bounce or hold still"
BOUNCE_WORDS = frozenset({"bounce", "bouncing", "bounces", "bouncy", "pulse", "pulsing"})
#: words for how many times a stretch is done: "how many reps"
HOW_MANY = frozenset({("how", "many")})
REP_WORDS = frozenset({"reps", "rep", "sets", "set", "rounds", "repetitions", "times"})
#: words of a rate: "how many times a day", "per week"
RATE_WORDS = frozenset(
    {"day", "days", "daily", "week", "weekly", "per", "hour", "morning", "night"}
)
#: "i feel it in my knee", "feeling it more in my back than my hips"
_FELT_PAIRS = frozenset(
    (feel, it) for feel in ("feel", "feeling", "felt") for it in ("it", "that", "this")
)
#: how far after "feel it" the "in" of where may stand ("feel it more in", "feel it mostly in")
_FELT_REACH = 3
#: the words that place where it is felt: "feel it behind my knee", "feel it more in my back"
_FELT_PLACES = frozenset("in behind at on around round under across through near".split())


def tells_while_doing_it(words: Sequence[str]) -> bool:
    """Whether the words tell what happens while doing the stretch on screen: "my back arches
    when i do it", "my heel lifts as i do this one"."""
    for i in range(len(words) - 3):
        if tuple(words[i : i + 3]) in _DOING_IT_TRIPLES and words[i + 3] in REFERS_BACK:
            return True
    return False


_DOING_IT_TRIPLES = frozenset({("when", "i", "do"), ("as", "i", "do"), ("while", "i", "do")})


def tells_where_it_is_felt(words: Sequence[str]) -> bool:
    """Whether the words tell where the stretch on screen is felt: "i feel it in my knee not
    my bum", "feeling it more in my lower back"."""
    for i, pair in enumerate(zip(words, words[1:], strict=False)):
        if pair in _FELT_PAIRS and not _FELT_PLACES.isdisjoint(words[i + 2 : i + 2 + _FELT_REACH]):
            return True
        # "that one pulls a bit behind my knee"
        if (
            pair[0] in REFERS_BACK | {"one"}
            and pair[1] in PULL_WORDS
            and not (_FELT_PLACES - {"in"}).isdisjoint(words[i + 2 : i + 2 + _FELT_REACH])
        ):
            return True
    return False


HURT_WORDS = frozenset(
    "hurt hurts hurting hurted painful pain ouch ow pinch pinches pinching pinched".split()
)
#: after why an area gets tight, a cause put forward as a question ("i sit 10 hrs a day, is
#: it that?", "could it be from running?", "is that why") ...
CAUSE_CHECK_PAIRS = frozenset(
    {
        ("is", "it"),
        ("could", "it"),
        ("could", "that"),
        ("would", "that"),
        ("that", "why"),
        ("be", "it"),
        ("be", "why"),
        ("be", "the"),
    }
)
#: ... which names the cause with one of these, or ends with it ("is it that?")
CAUSE_CHECK_LINKS = frozenset(
    {"from", "because", "cause", "cos", "that", "it", "why", "the", "my", "be"}
)
CAUSE_CHECK_MAX_WORDS = 16
CAUSE_CHECK_LEAD = "That may well be part of it. Here are the usual causes again:"


def checks_a_cause(words: Sequence[str], text: str) -> bool:
    """Whether a short question puts forward a cause: "i sit like 10 hrs a day, is it
    that?", "is it from sitting all day?", "i run a lot, could that be it?"."""
    if asks_if_it_makes_worse(words):
        return True  # "does stress make it worse"
    if len(words) > CAUSE_CHECK_MAX_WORDS or "?" not in text:
        return False
    for at, pair in enumerate(zip(words, words[1:], strict=False)):
        if pair in CAUSE_CHECK_PAIRS:
            after = words[at + 2 : at + 3]
            if not after or after[0] in CAUSE_CHECK_LINKS:
                return True
    return False


#: words of worry about what is to come: areas named with them ("dreading my knees and back
#: in economy") are what a journey's routine is for
DREAD_WORDS = frozenset(
    "dreading dread dreaded worried worry worrying nervous scared afraid anxious".split()
)
#: a stretch named with these asks for another in its place: "pigeon pose hurts my knee,
#: what can i do instead", "cobra kills my back, alternative?"
ANOTHER_INSTEAD = frozenset(
    "instead alternative alternatives else substitute replacement swap different".split()
)


def asks_for_another(words: Sequence[str]) -> bool:
    """Whether the words ask for another stretch in place of one: "what can i do instead"."""
    return not ANOTHER_INSTEAD.isdisjoint(words)


#: a twinge or a hurt felt during a stretch or a routine ...
FELT_DURING_WORDS = HURT_WORDS | frozenset("twinge twinged twinges twinging sharp".split())
#: ... with a question whether to go on: "my hamstring twinged on the last one, should i keep
#: going?", "felt a sharp twinge in my hip, carry on?"
GO_ON_PAIRS = frozenset(
    {("keep", "going"), ("carry", "on"), ("i", "stop"), ("push", "through"), ("keep", "at")}
)
GO_ON_WORDS = frozenset({"continue", "stop"})


def asks_whether_to_go_on(words: Sequence[str], text: str) -> bool:
    """Whether the words tell of a twinge or a hurt and ask whether to go on: "my hamstring
    twinged on the last one, should i keep going?"."""
    return (
        not FELT_DURING_WORDS.isdisjoint(words)
        and "?" in text
        and (has_pair(words, GO_ON_PAIRS) or not GO_ON_WORDS.isdisjoint(words))
    )


#: an area said not to like a stretch: "my knee doesn't like it", "my back hates that one"
STRETCH_DISLIKED = frozenset(
    {("not", "like"), ("hates", "it"), ("hates", "that"), ("hates", "this"), ("hate", "it")}
)
#: a stretch said to make things worse: hurting, for what to do next
WORSE_PAIRS = frozenset(
    {("it", "worse"), ("them", "worse"), ("things", "worse"), ("feels", "worse"), ("feel", "worse")}
)
#: "still hurts" after a stretch card: the general answer on pain while stretching; "pulls
#: a lot" counts as hurting then
STILL = "still"
PULL_WORDS = frozenset({"pulls", "pulling", "pull", "strains", "straining"})
#: words that point at doing the stretch on screen ("my wrist hurts doing that")
DOING_WORDS = frozenset({"doing", "during", "did"})
#: "do i have to do all of them", "do i need to do every one": whether the whole routine is
#: needed
_MUST_PAIRS = frozenset({("have", "to"), ("need", "to"), ("got", "to"), ("gotta", "do")})
NOT_ALL_LEAD = (
    "No need to do them all: a few minutes most days beats a long session now and then. Here "
    "is a shorter version."
)


def asks_if_all_needed(words: Sequence[str]) -> bool:
    """Whether a short question asks whether every step must be done: "do i have to do all of
    them", "do i need to do every one"."""
    return (
        len(words) <= MOVE_MAX_WORDS
        and bool(words)
        and words[0] in YES_NO_STARTS
        and has_pair(words, _MUST_PAIRS)
        and not {"all", "every", "each"}.isdisjoint(words)
    )


#: a part told hurt by something: "that one kills my knees"
_KILLS_A_PART = frozenset(
    (kills, owner)
    for kills in ("kills", "killed", "killing", "wrecks", "wrecked", "murders")
    for owner in ("my", "your", "the")
)


def tells_it_hurts(words: Sequence[str]) -> bool:
    """Whether the words say something hurts or made it worse: "it hurts my knee", "this
    makes it worse", "that one kills my knees"."""
    return (
        not HURT_WORDS.isdisjoint(words)
        or has_pair(words, WORSE_PAIRS)
        or has_pair(words, _KILLS_A_PART)
    )


#: what stretching may be asked to do for something: "would stretching help"
HELPS_WORDS = frozenset({"help", "helps", "fix", "fixes", "ease", "eases", "stop", "cure"})
#: ... said of a stretch pointed at: "doing that", "when i did it"
DOING_IT_PAIRS = frozenset(
    (doing, it)
    for doing in ("doing", "did", "do")
    for it in ("that", "it", "this", "them", "those")
)
#: an ache, told of doing a stretch ("my lower back gets achy doing that one")
ACHE_WORDS = frozenset("ache aches aching achy achey ached sore".split())
KNEE_WORDS = frozenset({"knee", "knees", "kneecap", "kneecaps"})
#: the topic of the knees
KNEES = "knees"
#: an area named with one of these cues in a variant ask is the reason for it ("easier,
#: kneeling hurts my knees"): a complaint or a limit
REASON_CUES = frozenset({"complaint", "no_kneeling", "no_floor", "no_balance"})
CANNOT_WORDS = frozenset({"cannot", "cant", "unable", "barely", "hardly"})
#: "my hips don't open much": a "not" this many words after an area makes it a reason
AREA_NOT_REACH = 3
#: "my knees don't like pigeon": a dislike is a reason too
DISLIKE_PAIRS = frozenset({("not", "like"), ("not", "love"), ("not", "enjoy")})
#: ... unless the ask is for the area: "for" or "on" this many words before it
FOR_WORDS = frozenset({"for", "on"})
FOR_REACH = 3
#: a variant ask that starts within this many words leads a longer message
VARIANT_LEAD = 3
#: times of day that routines of their own are made for
ROUTINE_TIMES = frozenset({"bedtime", "bed", "morning", "mornings"})
#: ... and the routine for each
TIME_ROUTINES = {
    "bedtime": "bedtime",
    "bed": "bedtime",
    # the bedtime wind-down is the evening's ("and one for the evening?")
    "evening": "bedtime",
    "evenings": "bedtime",
    "night": "bedtime",
    "nighttime": "bedtime",
    "morning": "morning",
    "mornings": "morning",
}
#: the bedtime routine, and the general answer on stress it settles better at night
BEDTIME = TIME_ROUTINES["bedtime"]
STRESS_GENERAL = "stress"
#: words of getting to sleep ("cant sleep", "to unwind before bed"), not of a bed as a place
#: ("two weeks in bed", "stiff from lying in bed")
_SLEEP_WORDS = frozenset({"sleep", "asleep", "insomnia", "bedtime", "unwind", "winddown"})
_SLEEP_PAIRS = frozenset({("before", "bed"), ("for", "bed"), ("wind", "down")})


def tells_of_sleep(words: Sequence[str]) -> bool:
    """Whether the words speak of getting to sleep: "cant sleep before exams", "something to
    unwind before bed"; not "was in bed two weeks"."""
    return not _SLEEP_WORDS.isdisjoint(words) or has_pair(words, _SLEEP_PAIRS)


#: a time of day asked for after a routine or a stretch ("and for tomorrow morning?", "and
#: tonight?", "and tomorrow?": the morning's), in a message of at most so many words
TIME_FOLLOW_UPS = {**TIME_ROUTINES, "tonight": "bedtime", "tomorrow": "morning"}
TIME_FOLLOW_UP_MOST_WORDS = 7
#: the lead of the morning routine again, asked for "tomorrow" right after it
SAME_AGAIN_TOMORROW_LEAD = (
    'Same again tomorrow morning. Say "daily tips on" and I\'ll send you a stretch tip each day.'
)


def only_a_time(words: Sequence[str]) -> bool:
    """Whether the words name a time of day and little else ("and tomorrow?", "thanks, and
    for tomorrow morning?", "what about tonight"), not "whats the weather tomorrow"."""
    said = {w for w in words if w not in STOPWORDS}
    return not TIME_FOLLOW_UPS.keys().isdisjoint(said) and (
        said - TIME_FOLLOW_UPS.keys() <= TIME_FOLLOW_UP_FILLERS
    )


#: the words besides the time such a follow-up may hold ("thanks, and for tomorrow morning?",
#: "what can i stretch tonight"), not "whats the weather tomorrow"
TIME_FOLLOW_UP_FILLERS = frozenset(
    """thanks thank thx cheers ok okay btw what whats then so also stretch stretches
    something anything""".split()
)
#: after a general answer with a routine of its own ("can i ever touch my toes"), these ask
#: for that routine too: "ok give me a plan", "start me off"
PLAN_WORDS = frozenset({"plan", "plans", "program", "programme", "schedule", "regime"})
PLAN_PAIRS = frozenset({("start", "me"), ("get", "started"), ("me", "started")})
#: answers about stretching before exercise, after which "what should i do instead" asks for a
#: warm-up
BEFORE_EXERCISE_ANSWERS = frozenset(
    {"general.warmup_vs_stretch", "general.before_after", "general.static_vs_dynamic"}
)
#: general answers about who the writer is (new to it, older): with another subject named, the
#: other is what is asked about
WRITER_SUBJECTS = frozenset({"beginner", "too_old"})
#: how the routines for either end of a sport or a workout begin
GAME_ENDS = ("warmup_", "cooldown_")
WARM_UP_ROUTINE = "warmup"
COOL_DOWN_ROUTINE = "cooldown"
#: word pairs of a question about timing that the general answers cover, whatever area the
#: conversation is about ("is it ok every day", "rest days too", "before squats or after");
#: "how often" stays the area's question
#: "every day", "every single day": whether daily stretching is fine, which no area changes
EVERY_DAY_ANSWER = "every_day"
#: a later time with "again" asks whether to do it again then, not to see it again ("again
#: tomorrow?", "can i do it again tonight")
AGAIN_WHEN = frozenset({"tomorrow", "tmrw", "tmr", "tonight", "later", "daily"})
#: ... unless it asks to be sent or shown it again then
SENT_AGAIN = frozenset({"send", "remind", "show", "message", "text"})
EVERY_DAY_PAIRS = frozenset(
    {("every", "day"), ("every", "single"), ("each", "day")}
    # "can i do it every morning": whether daily is fine, at the time the person names
    | {(every, time) for every in ("every", "each") for time in ("morning", "night", "evening")}
)
GENERAL_TIMING = (
    (("every", "day"), "every_day"),
    (("every", "single"), "every_day"),
    (("rest", "days"), "every_day"),
    (("rest", "day"), "every_day"),
    (("before", "or"), "before_after"),
    (("or", "after"), "before_after"),
)
#: "every night?", "each morning then?": whether to do it that often, asked bare
_EVERY_TIME = frozenset(
    (every, time)
    for every in ("every", "each")
    for time in ("day", "night", "morning", "evening", "single", "nite")
)
_EVERY_TIME_FILLERS = frozenset(
    "so then too or just like should i do it this that these them ok and even as well".split()
)


def asks_every_time_bare(words: Sequence[str]) -> bool:
    """Whether a short message asks only whether to do it every day or night: "every night?",
    "so every morning then?", "each day too?" (not "i stretch every night")."""
    rest = [w for w in words if w not in _EVERY_TIME_FILLERS]
    return len(rest) == 2 and tuple(rest) in _EVERY_TIME and words[0] != "i"


#: a tag that asks to have what was just said confirmed: "30 sec each leg yeah?"
_CONFIRM_TAGS = frozenset({"yeah", "yea", "yeh", "right", "correct", "ya", "innit", "yes"})


def confirms_it(words: Sequence[str]) -> bool:
    """Whether a short message asks to have what it says confirmed: it opens with "so" or
    closes with a tag ("so 30 sec each leg yeah?", "30 seconds each side right?")."""
    return bool(words) and (words[0] == "so" or words[-1] in _CONFIRM_TAGS)


#: praise that may come before a closing thank-you: "really helpful thanks", "super useful,
#: cheers", "that was great thank you"
_PRAISE_BEFORE_THANKS = frozenset(
    """really super very so that was this is it s helpful useful great brilliant amazing
    perfect lovely nice good awesome fab fantastic handy ok okay cool""".split()
)
_CLOSING_THANKS = frozenset({"thanks", "cheers", "ta", "thx", "ty", "thanx", "tysm", "thankyou"})


def praise_then_thanks(words: Sequence[str]) -> bool:
    """Whether a message is praise closed by a thank-you and nothing else: "really helpful
    thanks", "super useful, cheers", "that was great thank you"."""
    body = list(words)
    if tuple(body[-2:]) == ("thank", "you"):
        body = body[:-2]
    elif body and body[-1] in _CLOSING_THANKS:
        body = body[:-1]
    else:
        return False
    return bool(body) and set(body) <= _PRAISE_BEFORE_THANKS


#: a reaction to the last reply that is praise and nothing else: "sick, worked", "that hit the
#: spot!!", "lol ok good", "omg so much better". Words that judge (at least one is needed)...
_PRAISING = frozenset(
    """helpful useful great brilliant amazing perfect lovely nice good awesome fab fantastic
    handy cool worked works helped wow sick dope better spot""".split()
)
#: ... the ones that say the stretch did its job, which a thank-you answers...
_DID_ITS_JOB = frozenset("worked helped helpful useful better spot perfect".split())
#: ... and the words around them
_AROUND_PRAISE = frozenset(
    """really super very so that is it s ok okay oh ooh omg yes yeah yep all much
    hit the lol lmao haha hahaha actually def definitely""".split()
)
_MOST_PRAISE_WORDS = 6
#: small talk that praise alone is not, however the intent layer reads it ("ok good" is no
#: answer to how one is: the bot never asks)
PRAISE_NOT_READ_AS = frozenset({"how_are_you"})


def bare_praise(words: Sequence[str]) -> str | None:
    """The small talk a message of praise alone answers ("thanks" when it says the stretch did
    its job, "acknowledge" otherwise), or None: "sick, worked" -> "thanks", "lol ok good" ->
    "acknowledge", "good stretch for hamstrings" -> None. "this is good" praises the bot, a
    compliment, and so is "that was great" (no "this" or "was" here). `words` are the
    normalised words."""
    if not words or len(words) > _MOST_PRAISE_WORDS:
        return None
    said = {"yes" if re.fullmatch(r"y+e+s+", w) else w for w in words}
    if not said & _PRAISING or not said <= _PRAISING | _AROUND_PRAISE:
        return None
    return "thanks" if said & _DID_ITS_JOB else "acknowledge"


#: the end of a journey, asked about after its routine: "and when i land?", "what about
#: when i get there"
_ARRIVAL_PAIRS = frozenset(
    {(who, arrive) for who in ("i", "we") for arrive in ("land", "arrive", "get")}
    | {("get", "there"), ("after", "landing"), ("after", "arriving"), ("once", "there")}
)
_ARRIVAL_WORDS = frozenset({"land", "arrive", "landing", "arriving", "there", "landed", "arrived"})
#: the routine for after a journey: the whole body, stiff from sitting
AFTER_A_JOURNEY = "full_body"
AFTER_A_JOURNEY_LEAD = "Once you're there, walk about for a few minutes first, then loosen up:"


def asks_about_arriving(words: Sequence[str]) -> bool:
    """Whether a short message asks what to do at the end of the journey just talked of:
    "and when i land?", "what about when i get there", "after landing?"."""
    return (
        len(words) <= MOVE_MAX_WORDS + 4
        and not _ARRIVAL_WORDS.isdisjoint(words)
        and has_pair(words, _ARRIVAL_PAIRS)
    )


#: words that ask for a region whole: "for the whole lower body", "my entire legs"
WHOLE_WORDS = frozenset({"whole", "entire", "full", "all"})
#: the back, told more exactly after a reply about it: "lower, near my belt", "the lower
#: part", "higher up, between my shoulder blades"
BACK_AREAS = frozenset({"lower_back", "upper_back"})
#: (not "bottom": "my bottom" is the seat, not the low back)
_LOWER_PLACES = frozenset({"lower", "belt", "waist", "waistband", "beltline"})
_UPPER_PLACES = frozenset({"upper", "higher", "top"})
_PLACE_FILLERS = frozenset(
    """the a part bit bits more down up its it is s further specifically like just near
    around by my of above below at area side no nah actually more towards toward mostly
    mainly really kind sort back i mean and""".split()
)


def back_place_told(words: Sequence[str], spans: Sequence[tuple[int, int, str]]) -> str | None:
    """The back area a short message places the trouble in, and nothing else: "lower, near my
    belt" and "lower back specifically" are the lower back, "higher up, between my shoulder
    blades" the upper back; None for anything else ("lower it slowly")."""
    if len(words) > MOVE_MAX_WORDS:
        return None
    areas = {topic for _s, _e, topic in spans}
    if areas - BACK_AREAS or len(areas) > 1:
        return None
    rest = [
        w
        for i, w in enumerate(words)
        if not any(s <= i < e for s, e, _t in spans) and w not in _PLACE_FILLERS
    ]
    lower = not _LOWER_PLACES.isdisjoint(rest)
    upper = not _UPPER_PLACES.isdisjoint(rest)
    if set(rest) - _LOWER_PLACES - _UPPER_PLACES or (lower and upper):
        return None
    if areas:
        return next(iter(areas))  # "lower back specifically"
    if lower or upper:
        return "lower_back" if lower else "upper_back"
    return None


#: a follow-up that opens with it adds an area with the same trouble ("same story between
#: my shoulder blades")
SAME = "same"
#: words that open a follow-up adding an area ("and my forearms, ...", "also my neck")
AREA_TOO_OPENERS = frozenset({"and", "also", "plus", "n", "oh"})
#: the words that ask for a routine as such ("stretches" may ask for one stretch)
ROUTINE_NAMES = frozenset({"routine", "routines", "sequence", "sequences"})
#: words that ask for the stretches shown to be put into one routine ("put that all
#: together", "combine them")
COMBINING_WORDS = frozenset({"together", "combine", "combined", "combo"})
#: ... and what a routine is also called when asked for ("send me the session")
SESSION_NAMES = frozenset({"session", "sessions", "workout", "workouts"})
#: words that qualify a length of time asked for ("10 mins max", "5 minutes tops")
LENGTH_QUALIFIERS = frozenset(
    {"max", "maximum", "tops", "total", "approx", "approximately", "roughly", "ish"}
)
#: words that may come with a warm-up or cool-down asked for by its name alone ("a quick
#: warm up pls"): it names no activity
BARE_ASK_FILLER = frozenset(
    "please pls quick short good some any give need want then ok okay now also too".split()
)
#: words by which a request points at a setting named elsewhere in the message ("we stop at
#: the rest stops, what stretches can i do there")
THERE_WORDS = frozenset({"there", "then"})
#: ... but not "there" that only says something exists: "is there anything i can do about it"
_THERE_EXISTS_BEFORE = frozenset({"is", "are", "was", "were", "isnt", "arent"})
_THERE_EXISTS_AFTER = frozenset({"is", "are", "s", "was", "were", "any", "a", "anything"})


def points_elsewhere(clause: Sequence[str]) -> bool:
    """Whether a clause points at a setting named elsewhere in the message ("what stretches
    can i do there", "what should i do then"); the "there" of "is there anything i can do"
    only says something exists."""
    for i, word in enumerate(clause):
        if word not in THERE_WORDS:
            continue
        if word == "there" and (
            (i and clause[i - 1] in _THERE_EXISTS_BEFORE)
            or (i + 1 < len(clause) and clause[i + 1] in _THERE_EXISTS_AFTER)
        ):
            continue
        return True
    return False


#: general answers about stretching as a whole, which a subject named gives way to
#: what stretching does for you, and whether it is worth it
BENEFITS = "benefits"
UMBRELLA_GENERAL = frozenset({BENEFITS})
#: routines of a time of day, whose words a tip may use of something else ("worse at night",
#: "resting in bed"), and the warm-up and cool-down of no sport: no activity a tip is about
NOT_TIP_ACTIVITIES = frozenset({"bedtime", "morning", "cooldown", "warmup"})
#: one stretch asked for: "is there a stretch for that", "one good stretch"
ONE_STRETCH_LEADS = frozenset({"a", "one", "single", "good", "best", "decent", "quick"})
ONE_STRETCH_PAIRS = frozenset({(word, "stretch") for word in ONE_STRETCH_LEADS})
#: a warm-up or a cool-down named as such, in one word or two
WARM_UP_NAMES = frozenset({"warmup", "warmups", "cooldown", "cooldowns"})
WARM_UP_PAIRS = frozenset({("warm", "up"), ("cool", "down")})
#: words that may follow a warm-up asked for ("warm up ideas", "a cooldown for after"); any
#: other word but a stopword makes it part of a thing's name ("a warm up game")
WARM_UP_FOLLOWERS = frozenset(
    """routine routines idea ideas stretch stretches stretching exercise exercises drill drills
    plan session sequence one ones please pls then thanks properly quickly first before after""".split()
)
#: words that join items of a list: "no numbness | or | tingling" denies both
LIST_JOINERS = frozenset({"or", "nor", "and", "n"})
#: the body as a whole, or the self: "warm up my body", "cool down myself"
BODY_AS_A_WHOLE = frozenset(
    "body muscles muscle joints joint legs arms limbs self whole entire full".split()
)
#: words after a warm-up asked how that say what it is for: "how do i warm up | for climbing"
WARM_UP_TIMES = frozenset({"for", "before", "after", "when", "ahead", "pre", "post"})
#: words before "warm up" that make it something a person does, not a routine asked for
WARM_UP_DOERS = frozenset(
    """i we you they he she to always never not do did dont didnt can cant will should must
    still am was were been being while already""".split()
)
#: words before a warm-up that make it one of something else: "vocal warm ups", "engine
#: warm up", "a mental warm up"
WARM_UP_THINGS = frozenset(
    """vocal vocals voice singing choir engine car cars oven crowd audience mental brain
    email ip""".split()
)
#: "what should i do to warm up", "how to cool down": the doing asked about, a routine wanted
HOW_TO_WORDS = frozenset(
    {"do", "doing", "how", "way", "best", "should", "something", "anything", "stuff", "things"}
)
#: a question how that asks for a warm-up or a cool-down before its doer: "how should i | warm up"
HOW_SHOULD = frozenset(
    (how, modal)
    for how in ("how", "hw")
    for modal in ("should", "do", "can", "could", "would", "shall", "to")
)
#: ... or what to do it with: "what should i | warm up with"
WHAT_SHOULD = frozenset(
    ("what", modal) for modal in ("should", "do", "can", "could", "would", "shall")
)
#: ... within this many words before "to" ("what should i be doing right now to cool down")
HOW_TO_REACH = 6
#: a routine the intent layer found at least this sure of is taken when the message names its
#: activity or setting and asks for something (`RoutinePicker.near`)
ROUTINE_NEAR = 0.42
#: ... when the message names its activity or setting as a thing to do ("a head to toe
#: thing", "a full body one"), which the intent layer, reading "thing" as noise, scores lower
ROUTINE_NAMED_AS_A_THING = 0.35
#: the words after an activity's name that make it a thing to do
THING_AFTER_A_NAME = frozenset({"thing", "one", "session", "sesh", "flow", "set"})
#: words that make an activity named in a message a subject to find out about, not one to
#: get ready for: "a list of the top 10 tennis players", "golf tickets", "cycling results"
ABOUT_THE_ACTIVITY = frozenset(
    """list players player tickets ticket score scores results fixtures rules history
    news channel watch watching bet odds price prices cost book booking rankings""".split()
)
#: ... less sure, in a conversation about stretching ("got anything for the drive itself?")
ROUTINE_NEAR_IN_CONVERSATION = 0.3
#: ... and, in a conversation about stretching, for a routine the message names no activity of
ROUTINE_IN_CONVERSATION = 0.5
#: a question about stretching itself found at least this sure of is taken when the message
#: names stretching and asks (`WantReader.general_near`)
GENERAL_NEAR = 0.5
#: the confidence a routine asked for in one piece of a longer message needs, read alone
#: ("something for bed pls, wound up after work")
ROUTINE_PIECE_NEAR = 0.58
#: a message read a piece at a time (`Brain._one_end_understood`) has at most this many
STORY_PIECES_MAX = 3
#: the words that open a plain ask ("something for bed", "need a warm up") ...
PLAIN_ASK_OPENERS = frozenset(
    "something anything any some give gimme need want wanna send show got a quick".split()
)
#: ... and that close one ("bedtime thing pls")
PLAIN_ASK_CLOSERS = frozenset({"please", "plse"})


def asks_plainly(piece: Sequence[str]) -> bool:
    """Whether a piece of a message is a plain ask, not a question nor a story: it opens
    with an ask ("something for bed") or closes with a please ("bedtime thing pls")."""
    return bool(piece) and (piece[0] in PLAIN_ASK_OPENERS or piece[-1] in PLAIN_ASK_CLOSERS)


#: a routine named at the head of a message ("morning routine 10 mins max before the school
#: run") ends within this many words
ROUTINE_HEAD_MAX = 4


def routine_named_head(words: Sequence[str]) -> int:
    """The length of a routine's name heading the words, its time or activity before a routine
    or stretch word ("morning routine ...", "quick bedtime stretches ..."); 0 when none does,
    the name is all there is or it goes on (`_HEAD_QUALIFIERS`)."""
    for i, word in enumerate(words[:ROUTINE_HEAD_MAX]):
        if word in ROUTINE_WORDS or word in PLAIN_STRETCH_WORDS:
            named = 0 < i < len(words) - 1 and words[i + 1] not in _HEAD_QUALIFIERS
            return i + 1 if named else 0
    return 0


#: words that go on with a routine's name rather than a story after it: "morning routine for
#: productivity", "bedtime routine of successful people", "morning routine ideas"
_HEAD_QUALIFIERS = frozenset("for to of ideas idea like that which with".split())


#: an area question the intent layer found at least this sure of is taken when the message's
#: own words ask the same (`WantReader.aspect_agrees`)
ASPECT_NEAR = 0.42
#: general answers about a kind of complaint rather than a question: a message that names
#: one area with its complaint is about that area ("heel pain first thing in the morning",
#: "neck stiff from my phone all day"); a question ("how long do i hold a calf stretch") is not
AREA_FIRST_GENERAL = frozenset(
    {
        "tight_muscles",  # "what causes tight upper back muscles": the upper back's
        "stress",  # "i clench my jaw when stressed, is there a way to stretch it out": the jaw's
        "morning_stiffness",
        "soreness",
        "posture",
        "joint_noises",
        "shaking",
        "pins_and_needles",
        "cramp",
        "breathless_exercise",
        "tension_headache",
    }
)
#: ... of which these give way only to an area named with a complaint ("my jaw is tight and it
#: pops"), not to one named with a stretch ("legs tremble in a deep hamstring stretch")
SENSATION_GENERAL = frozenset({"joint_noises", "shaking", "pins_and_needles"})
#: general answers about one sensation, taken only from a message that names it by one of
#: their keywords
NAMED_ONLY_GENERAL = SENSATION_GENERAL | {
    "cramp",
    "breathless_exercise",
    "cooldown_needed",
    "side_stitch",
    "head_rush",
}
#: general answers about one way of stretching, or one choice of time, taken only from a
#: message that names it ("should runners stretch?" is not about contract-relax, though "is
#: pnf good for runners" is; "does stretching at night help morning stiffness" is about the
#: stiffness, not "morning or night"; "can you stretch too much" is not about every day)
NAMED_METHOD_GENERAL = frozenset({"pnf", "time_of_day", "every_day", "heat_or_ice", "when_ill"})
#: ... of which these are never given unnamed, even to a question about stretching the intent
#: layer is not sure of ("this heat is killing me, stretches indoors?" is about the weather)
HELD_TO_ITS_NAME = frozenset({"heat_or_ice", "when_ill"})
#: ... of which these are a choice of time: unnamed, a routine for a time may be the ask
TIME_CHOICE_GENERAL = frozenset({"time_of_day"})
#: every general answer taken only from a message that names its subject
NAMED_SUBJECT_GENERAL = NAMED_ONLY_GENERAL | NAMED_METHOD_GENERAL
#: general answers whose subject is an illness: an area word inside its name ("chest
#: infection") names no area
ILLNESS_SUBJECTS = frozenset({"when_ill"})
#: general answers about stretching that words of any question share ("morning or night"):
#: taken only when stretching is named, or in a conversation about it
STRETCHING_NAMED_GENERAL = frozenset({"time_of_day"})
#: ... of which these are asked about when only told ("knee cracks going up stairs",
#: "charley horse last night", "stood up too fast and saw stars"); "pins and needles",
#: "breathless" and "tremor" have other senses too often ("on pins and needles waiting", "a
#: tremor on the richter scale")
TOLD_SENSATIONS = frozenset({"cramp", "joint_noises", "head_rush"})
#: ... and a session in the heat, told with how the body took it ("i thought i'd die in hot
#: yoga", "face goes bright red and i'm dripping"; not "cool down a hot tub that got too warm")
HEAT_ANSWER = "stretching_in_heat"
HEAT_FEELINGS = frozenset(
    """dizzy lightheaded faint woozy sweating sweaty sweat dripping drenched red die dying
    dead exhausted knackered nauseous sick""".split()
)
#: ... and a heart rate read off a watch in a session ("watch said my heart rate hit 182 in
#: spin but i felt totally fine"): whether that is all right, asked or not
HEART_RATE_ANSWER = "breathless_exercise"
HEART_RATE_WORDS = frozenset({"bpm", "hr", "pulse"})
#: ... of which these are about a sensation: named beside a stretch's name ("head rush after
#: child's pose", "cramp in pigeon"), the sensation is the question, not the stretch's card
SENSATION_ANSWERS = NAMED_ONLY_GENERAL - {"cooldown_needed"}
#: ... of which these are never a muscle's tightness: named with an area ("a stitch under my
#: ribs"), they are the answer, not why the area gets tight
NOT_AN_AREAS_SUBJECTS = frozenset({"side_stitch", "head_rush", "heat_or_ice"})


def tells_only_tightness(words: Sequence[str]) -> bool:
    """Whether the words tell a tight or stiff feeling and no pain, cramp or stitch: "the whole
    side of my body feels tight, from under my ribs down to my hip" is no stitch."""
    return not _TIGHT_FEELS.isdisjoint(words) and _SHARPER_FEELS.isdisjoint(words)


_TIGHT_FEELS = frozenset("tight tightness tighter stiff stiffness".split())
_SHARPER_FEELS = frozenset(
    """stitch stitches pain pains painful stabbing stab stabby sharp cramp cramps cramping ache
    aches aching hurt hurts hurting""".split()
)
#: what a stitch comes with: running or swimming soon after food, and going once the
#: person stops (NHS, Mayo Clinic: exercise-related transient abdominal pain)
_STITCH_ACTIVITY = frozenset("run runs running ran jog jogging swim swimming sprint".split())
_STITCH_TELLS = frozenset(
    """eating eat ate lunch breakfast dinner meal food stop stops stopped walk walking""".split()
)


def tells_a_stitch(words: Sequence[str]) -> bool:
    """Whether the words tell a stitch by what it comes with, not by name: a sharp pain in
    the side while running, after food or gone once the person stops or walks ("sharp pain
    in my side only when i run fast after eating, gone as soon as i stop")."""
    return (
        not _STITCH_ACTIVITY.isdisjoint(words)
        and not _STITCH_TELLS.isdisjoint(words)
        and not _SHARPER_FEELS.isdisjoint(words)
        and not tells_only_tightness(words)
    )


#: a check of the stretch on screen: done right, working, felt where it should be
_FEEL_ASKS = frozenset({"where", "should", "supposed", "meant"})
_RIGHT_WORDS = frozenset({"right", "correctly", "properly", "correct", "wrong"})


def asks_form_check(words: Sequence[str]) -> bool:
    """Whether the words ask whether the stretch is done right or working, or where it
    should be felt: "am i doing it right", "how do i know if its working", "where should i
    feel it" (not "i dont feel much", which tells it is too gentle)."""
    pointing = not POINTING_WORDS.isdisjoint(words) or "its" in words
    if "doing" in words and not _RIGHT_WORDS.isdisjoint(words):
        return True
    if "working" in words and pointing and (not WH_WORDS.isdisjoint(words) or "is" in words):
        return True
    return (
        "feel" in words
        and pointing
        and not _FEEL_ASKS.isdisjoint(words)
        and NEGATORS.isdisjoint(words)
        and "long" not in words  # "how long should i feel it for": how long to hold
    )


#: contract-relax (PNF) told by what is done, not by name: pushing against a partner's hand,
#: then going further into the stretch (ACSM; NHS-cited physio guides on PNF)
PNF = "pnf"
_CONTRACT_WORDS = frozenset(
    "push pushes pushing pushed press presses pressing pressed resist resists resisting".split()
)
_PARTNER_WORDS = frozenset("hand hands partner partners partner's mate mates arm arms".split())
_FURTHER_WORDS = frozenset("further deeper farther".split())
_AGAINST_REACH = 5


def tells_contract_relax(words: Sequence[str]) -> bool:
    """Whether the words tell contract-relax stretching without naming it: pushing against a
    partner's hand, then going further ("she pushes against my hand then goes further into
    the stretch")."""
    if _FURTHER_WORDS.isdisjoint(words) or PLAIN_STRETCH_WORDS.isdisjoint(words):
        return False
    # a push against a hand or a partner, not against the wall ("push your hands against
    # the wall and lean further")
    for i, w in enumerate(words):
        if w in _CONTRACT_WORDS and "against" in words[i + 1 : i + _AGAINST_REACH]:
            at = words.index("against", i + 1)
            if not _PARTNER_WORDS.isdisjoint(words[at + 1 : at + 4]):
                return True
    return False


#: a session told as over ("ok done, won 6-3", "finished, now what") ...
FINISHED_WORDS = frozenset("done finished won lost back home over".split())
#: the words that set a time by an activity's end: "when im done", "once i finish"
_ONCE_WORDS = frozenset({"when", "once"})
_OVER_WORDS = frozenset({"done", "finished", "finish", "over", "through"})


def once_its_over(words: Sequence[str]) -> bool:
    """Whether the words name the time an activity is over: "and when im done", "once i
    finish"."""
    return not _ONCE_WORDS.isdisjoint(words) and not _OVER_WORDS.isdisjoint(words)


#: ... and asked what comes next
WHAT_NOW = frozenset({("what", "now"), ("now", "what"), ("what", "next"), ("whats", "next")})
#: a question what to do: "should i do anything", "what do i do", "something to do"
WHAT_TO_DO = frozenset(
    {
        ("do", "anything"),
        ("do", "something"),
        ("should", "do"),
        ("could", "do"),
        ("what", "do"),
        ("what", "should"),
        ("to", "do"),
    }
)
#: ... and in other words: "anything we can do at the service stops?", "what can i do"
_WHAT_TO_DO_ASKED = re.compile(
    r"\b(what|anything|something)( (gentle|easy|simple|quick|good|useful|relaxing|calming"
    r"|light|short))?( (else|can|could|should|would|might|i|we|you|me|us|to|do"
    r"|she|he|they|her|him|them|(my|our) \w+))"
    r"{1,3} (do|try)\b"
    # "... my feet are throbbing. something before bed?": something for a time
    r"|^(any|anything|something)( (gentle|easy|simple|quick|good|relaxing|calming|light|short))?"
    r" (before|after) \w+$"
)


#: what follows "sick" when it says fed up, not ill: "sick of tight hamstrings", "sick and
#: tired of it"
_FED_UP_AFTER = (("of",), ("and", "tired"))


def fed_up_at(words: Sequence[str], end: int) -> bool:
    """Whether the words up to `end` close on "sick" said as fed up ("im sick of it")."""
    return (
        end > 0
        and words[end - 1] == "sick"
        and any(tuple(words[end : end + len(after)]) == after for after in _FED_UP_AFTER)
    )


def asks_what_to_do(words: Sequence[str]) -> bool:
    """Whether the words ask what to do: "what can i do", "anything she can do", "something
    gentle i could do" (not "till i can do the splits", which tells what the person wants to
    be able to do)."""
    return _WHAT_TO_DO_ASKED.search(" ".join(words)) is not None


#: "first" that means before the activity: "should i be doing something first?"
DONE_FIRST = frozenset({("something", "first"), ("anything", "first"), ("do", "first")})
#: muscles and the region each lies in: named together, or the region pointed at after the
#: muscle, the muscle is what the message is about
MUSCLE_REGIONS = {"piriformis": "glutes", "psoas": "hip_flexors"}
#: ways of stretching and goals of it: named with an area and asked about ("is foam rolling my
#: IT band doing anything?", "months of hamstring stretches and still nowhere near my toes,
#: what am i doing wrong"), they are what the question is about, the area its place
PRACTICE_SUBJECTS = frozenset({"foam_rolling", "touch_toes", "pnf", "yoga_vs_stretching"})
#: ... and the answers that compare two things ("X or Y?"), which an "or" question reads like
#: whatever it names
COMPARED_SUBJECTS = PRACTICE_SUBJECTS | frozenset(
    {"warmup_vs_stretch", "static_vs_dynamic", "mobility_vs_flexibility"}
)
#: ... of which these, told as what brought a complaint on ("bruised from foam rolling"),
#: are what the message is about
PRACTICES_TOLD_AS_CAUSES = frozenset({"foam_rolling"})
#: ways of stretching that a message naming a stretch may ask about instead of the card
#: ("only leg swings now ... we always did static stretches, is that right?")
METHODS_OVER_NAMES = frozenset({"static_vs_dynamic", "warmup_vs_stretch", "bouncing"})
#: names of a posture ("tech neck", "forward head"), not words for sitting badly ("hunched"):
#: asked about, they are the posture answer's subject, though "neck" names an area
POSTURE_NAMES = frozenset(
    {
        ("tech", "neck"),
        ("text", "neck"),
        ("forward", "head"),
        ("rounded", "shoulders"),
        ("round", "shoulders"),
        ("shoulders", "round"),
        ("shoulders", "rounded"),
        ("shoulders", "roll"),
        ("shoulders", "hunch"),
        ("my", "posture"),
        ("bad", "posture"),
        ("poor", "posture"),
        ("hunchback",),
        ("dowagers", "hump"),
    }
)
POSTURE = "posture"
#: how a message asks what it does wrong or whether something works
ASKS_WHAT_WRONG = frozenset(
    {("doing", "wrong"), ("doing", "anything"), ("do", "anything"), ("keep", "going")}
)
#: the general answer about a limb gone to sleep, and the body parts that place it
LIMB_ASLEEP = "pins_and_needles"
LIMB_WORDS = frozenset(
    """leg legs foot feet toe toes hand hands arm arms finger fingers thumb thumbs bum butt
    bottom backside""".split()
)
#: words that own what follows: "my back", "her calves"
POSSESSIVES = frozenset({"my", "his", "her", "our", "their", "your"})
#: the general answer about clicking, cracking and popping joints, and the words that tell
#: it beside a joint ("popping my joints", "my toes keep cracking"): a noise within
#: `NOISE_REACH` words after the joint, or just before it with an owner between. Not "creaks":
#: "every joint creaks when i get up" tells of stiffness
JOINT_NOISES = "joint_noises"
JOINT_WORDS = frozenset(
    """joint joints knee knees knuckle knuckles neck back hip hips shoulder shoulders ankle
    ankles wrist wrists elbow elbows toe toes finger fingers thumb thumbs spine jaw bones
    body""".split()
)
NOISE_WORDS = frozenset(
    """pop pops popping popped crack cracks cracking cracked click clicks clicking clicked
    clunk clunks clunking crunch crunches crunching crunched crunchy crackle crackles crackling
    clicky grinds grinding""".split()
)
NOISE_REACH = 2
#: what a click is done on, not a joint's noise ("wrist sore from clicking the mouse")
_CLICKED_THINGS = frozenset({"mouse", "button", "buttons", "trackpad", "keyboard", "links"})


def joint_noise_spans(words: Sequence[str]) -> Iterator[tuple[int, int]]:
    """(start, end) of each joint told with its noise: "knees always crack", "popping my
    joints", "crack my toes"; not "clicking the mouse hurts my wrist" nor "pop back later"."""
    for i, word in enumerate(words):
        if word not in NOISE_WORDS or _CLICKED_THINGS.intersection(words[i + 1 : i + 3]):
            continue
        for j in range(max(0, i - NOISE_REACH), i):
            if words[j] in JOINT_WORDS:
                yield j, i + 1
                break
        else:
            owned = i + 1 < len(words) and words[i + 1] in POSSESSIVES
            after = i + 2 if owned else i + 1
            # "pop back later" is no back
            if (
                after < len(words)
                and words[after] in JOINT_WORDS
                and (owned or words[after] != "back")
            ):
                yield i, after + 1


#: the verbs of a noise made ("my car makes a clicking noise"), the words that may stand
#: between them and what makes it ("keeps making", "is making"), and the makers that are a
#: body or may be one ("it", "something")
_MAKING_WORDS = frozenset({"makes", "making", "made", "make"})
_MAKING_BETWEEN = frozenset({"keeps", "keep", "kept", "is", "was", "always", "still", "started"})
_BODY_MAKERS = frozenset({"i", "it", "that", "this", "which", "something", "they", "what"})


def noise_of_a_thing(words: Sequence[str]) -> bool:
    """Whether a noise is told as made by something that is no joint: "car makes a clicking
    noise", "my phone keeps making a clicking sound" (not "my knee makes a clicking noise",
    nor "it makes a clicking noise" of a joint talked of)."""
    for i, word in enumerate(words):
        if word not in _MAKING_WORDS:
            continue
        at = i - 1
        while at >= 0 and words[at] in _MAKING_BETWEEN:
            at -= 1
        if at >= 0 and words[at] not in JOINT_WORDS | _BODY_MAKERS | POSSESSIVES:
            return True
    return False


#: the general answer about foam rolling, and the words that tell it without a roller named:
#: "i roll my IT band after every run", "rolling out my calves"; not "rolled my ankle" (a
#: sprain), "roll my shoulders" or "roll my neck" (moves of their own)
FOAM_ROLLING = "foam_rolling"
ROLL_WORDS = frozenset({"roll", "rolls", "rolling", "rolled"})
ROLLED_AREAS = frozenset(
    """calf calves quad quads quadriceps hamstring hamstrings hammies glute glutes thigh
    thighs lats lat adductors piriformis""".split()
)


def rolled_area_spans(words: Sequence[str]) -> Iterator[tuple[int, int]]:
    """(start, end) of each muscle told as rolled out: "roll my IT band", "rolling out my
    calves", "rolled the quads"."""
    for i, word in enumerate(words):
        if word not in ROLL_WORDS:
            continue
        j = i + 1
        if j < len(words) and words[j] == "out":
            j += 1
        if j < len(words) and (words[j] in POSSESSIVES or words[j] == "the"):
            j += 1
        if tuple(words[j : j + 2]) == ("it", "band"):
            yield i, j + 2
        elif j < len(words) and words[j] in ROLLED_AREAS:
            yield i, j + 1


#: an area's answers (and its stretch) that the intent layer may find for a question why,
#: what, or whether a sensation named with the area is all right: the sensation's instead
ASKS_OF_A_SENSATION = frozenset({"why_tight", "what", "when", "stretch"})
#: the words of a sensation that are its own complaint (`CueReader.complains`'s `besides`)
SENSATION_WORDS = {
    "cramp": frozenset(
        """cramp cramps cramping cramped crampy charley charlie horse spasm spasms rock hard
        seizes seized seizing knot knots""".split()
        # a cramp hurts: "woke up with a calf cramp, absolute agony" complains of the cramp
        + "agony agonising agonizing excruciating painful".split()
    )
}
#: how to stop or prevent what is felt ("how do i stop that", "how to prevent them")
STOP_IT_WORDS = frozenset({"stop", "stopping", "prevent", "preventing", "avoid"})
#: sensation answers that already say whether the sensation is harmful (none of them how a
#: stretch should feel): "is it bad" after
#: one is answered by it again, not by whether stretching should hurt
SAYS_IF_HARMFUL = frozenset(
    {"joint_noises", "head_rush", "breathless_exercise", "side_stitch", "cramp"}
)
#: ... their lead when asked again
USUALLY_NORMAL_LEAD = "Usually, yes. Here it is again, with the signs that mean it isn't."
#: a question whether something felt is all right: "is that bad", "is this normal"
_IS_IT_FINE = frozenset(
    (first, pointer, word)
    for first in ("is", "s")
    for pointer in ("that", "this", "it")
    for word in ("bad", "normal", "ok", "okay", "dangerous")
)
#: the marks that end a piece of a message, and how many words a question it opens with
#: needs to be answered on its own (`Brain._question_first`)
PIECE_MARKS = frozenset(".,;:!?")
ASKED_FIRST_MIN_WORDS = 3
#: first words that make a message a yes-or-no question without a question mark ("how" is not
#: one: "how do i knit a scarf as a total beginner")
YES_NO_STARTS = frozenset("can could is are am does do did should will would".split())
HOW_MUCH_STARTS = frozenset(
    ("how", w) for w in ("long", "many", "much", "often", "soon", "quickly", "fast", "about")
) | {("what", "about")}
#: words that ask whether something can be done ("the splits in 30 days, realistic or nah")
ASKING_WORDS = frozenset(
    {"realistic", "realistically", "possible", "doable", "achievable", "worth", "instead"}
)
#: the cue that asks each area question
ASPECT_CUES = {"what": "what", "why_tight": "why", "when": "asks_when"}
#: words that make a "what is" question about a body ("what are the 4 quad muscles called")
BODY_WORDS = frozenset({"muscle", "muscles", "tendon", "tendons", "my"})
STRETCHING_WORDS = frozenset("stretch stretches stretching flexible flexibility".split())
#: ... and the practices like it ("had covid last week, when can i get back to yoga")
STRETCHING_LIKE = STRETCHING_WORDS | {"yoga", "pilates"}
#: ... and, for the answers about them, a warm-up or a cool-down, or the toes reached for: a
#: question about stretching itself ("why do you even warm up", "bouncing up and down to reach
#: our toes, is it bad"; not "how long does the oven take to warm up")
STRETCHING_NAMED_FOR = {
    **dict.fromkeys(
        ("warmup_vs_stretch", "before_after", "static_vs_dynamic", "cooldown_needed"),
        WARM_UP_NAMES,
    ),
    **dict.fromkeys(("bouncing", "touch_toes"), frozenset({"toes", "toe"})),
}
#: ... of which these name stretching as a practice, not an act done to a thing ("stretch a
#: tarp", "flexible dates")
STRETCHING_AS_A_PRACTICE = frozenset({"stretching", "flexibility"})
#: words that put a story about something else in the domain: a question closing it may
#: be answered alone ("found my old yoga mat. where do i start")
ABOUT_STRETCHING_WORDS = STRETCHING_WORDS | frozenset(
    """yoga pilates mat stiff stiffer stiffness tight tighter tightness flexibility bendy
    limber mobility muscles muscle joints""".split()
)
#: ... and exercise as a whole: "ok to work out with a cold?" is asked of the answer on illness
EXERCISE_WORDS = frozenset("exercise exercising workout workouts gym training train".split())
WARM_UP_WORDS = frozenset("warm warming warmup warmups warmed".split())
#: general answers taken only when the message names stretching or a practice like it (its
#: words here), or in a conversation about it: "is morning or night better for studying",
#: "how many calories does a 5k run burn" ask nothing about stretching
PRACTICE_NAMED_GENERAL: dict[str, frozenset[str]] = {
    **dict.fromkeys(STRETCHING_NAMED_GENERAL, STRETCHING_WORDS),
    **{
        "is_exercise": ABOUT_STRETCHING_WORDS,
        "stress": ABOUT_STRETCHING_WORDS,
        "when_ill": ABOUT_STRETCHING_WORDS | EXERCISE_WORDS,
        # "what's the difference between a cold and the flu" is no question about either
        "warmup_vs_stretch": ABOUT_STRETCHING_WORDS | WARM_UP_WORDS,
        "mobility_vs_flexibility": ABOUT_STRETCHING_WORDS,
    },
}
#: the longest closing question answered alone
LAST_QUESTION_MAX_WORDS = 8
#: what may open the question after a thank-you ("thanks, and how long do i hold it?")
JOINING_WORDS = frozenset({"and", "so", "but", "also"})
QUESTION_STARTS = frozenset(
    "does do is are can should how why what when which will would could".split()
)
#: what joins a second question on to a first: "why are my hamstrings tight and how do i
#: stretch them"
_QUESTION_JOINERS = frozenset({"and", "also", "plus"})
OTHER_QUESTION_LINE = "You asked two things: this answers one. For the other, tap “{label}”."
#: each of two questions has at least this many words
QUESTION_MIN_WORDS = 3


def second_question(words: Sequence[str], starts: Collection[int] = ()) -> tuple[int, int] | None:
    """Where the first of two questions ends and the second starts, in a message that opens
    with one: after "and" ("what is the psoas and why is it tight", which the first leaves
    out) or at a piece of its own (`starts`: "how long do i hold them? how often?"), each at
    least `QUESTION_MIN_WORDS` long. None otherwise."""
    if len(words) < 2 * QUESTION_MIN_WORDS or words[0] not in QUESTION_STARTS:
        return None
    for i in range(QUESTION_MIN_WORDS, len(words) - QUESTION_MIN_WORDS + 1):
        if words[i] not in QUESTION_STARTS:
            continue
        if words[i - 1] in _QUESTION_JOINERS:
            return i - 1, i
        if i in starts:
            return i, i
    return None


#: conditions that are the cause of a complaint told with them ("got told i have frozen
#: shoulder, cant get my arm above shoulder height"), not only a care to take
CAUSE_CONDITIONS = frozenset(
    {"frozen_shoulder", "sciatica", "herniated_disc", "arthritis", "fibromyalgia", "scoliosis"}
)
#: the confidence above which a general answer the intent layer leaned to counts, when the
#: message names its subject and no other ("legs went shaky holding a wall sit")
NAMED_SUBJECT_FLOOR = 0.5
#: ... and when the message names it twice, in two of its keywords ("heart is racing and im
#: so out of breath")
NAMED_TWICE_FLOOR = 0.4
#: the general answer to how often to stretch
HOW_OFTEN = "how_often"
#: the general answer to how long to hold a stretch, and the words that ask it with "how long"
HOW_LONG = "how_long"
HOW_LONG_PAIRS = frozenset({("how", "long")})
#: the most words a bare "how long" may have to ask about the card on screen ("how long
#: for?", "how long then")
BARE_HOW_LONG_WORDS = 3
#: words that tell the card on screen (or a version of it) suits the person: "standing
#: version works", "that one's fine"
_SUITS_WORDS = frozenset(
    "works worked working fine better good great perfect helps helped nicer easier".split()
)
_NOT_SUITING = frozenset({"not", "no", "cannot", "never", "nope", "doesnt", "didnt", "isnt"})


#: an area told as fine: "my back is fine", "knees are ok", "neck feels alright"
_TOLD_AS = frozenset({"is", "are", "s", "feels", "feel", "seems", "seem"})
_FINE_AS_IT_IS = frozenset({"fine", "ok", "okay", "alright", "good", "great"})


def every_area_told_fine(words: Sequence[str], spans: Sequence[tuple[int, int, str]]) -> bool:
    """Whether the message names areas and tells each of them as fine ("my back is fine but my
    wifi keeps dropping"): no area is complained of."""
    return bool(spans) and all(
        end + 1 < len(words) and words[end] in _TOLD_AS and words[end + 1] in _FINE_AS_IT_IS
        for _start, end, _topic in spans
    )


def area_asked_for(
    words: Sequence[str], spans: Sequence[tuple[int, int, str]], *, besides: str | None
) -> bool:
    """Whether the words ask for something for an area other than `besides`: "one for the
    hip flexors", "one for my hips"."""
    return any(
        topic != besides
        and start > 0
        and (words[start - 1] == "for" or (start > 1 and words[start - 2] == "for"))
        for start, _end, topic in spans
    )


def told_fine_then_asked(words: Sequence[str], pieces: Sequence[tuple[int, int]]) -> bool:
    """Whether a message tells that the card suits the person, then closes with a bare
    question of how long or how often ("standing version works. how long", "that one's
    fine, how often?"): the question is what is asked, not the version named before."""
    if len(pieces) < 2:
        return False
    start, end = pieces[-1]
    last, told = words[start:end], words[:start]
    return (
        len(last) <= BARE_HOW_LONG_WORDS + 1
        and has_pair(last, HOW_LONG_PAIRS | HOW_OFTEN_PAIRS)
        and not _SUITS_WORDS.isdisjoint(told)
        and _NOT_SUITING.isdisjoint(told)
    )


HOLD_WORDS = frozenset({"hold", "holding", "holds", "held"})
#: what "hold a ..." may hold besides a stretch's name or an area ("hold a stretch", "hold
#: the position"), after these words ("hold a deep one")
HELD_STRETCH_WORDS = frozenset(
    """stretch stretches stretching pose poses position positions posture postures one ones
    split splits lunge lunges squat squats bridge plank hold holds side sides leg legs arm
    arms knee knees foot feet toe toes""".split()
)
HELD_DETERMINERS = frozenset({"a", "an", "the", "each", "every", "this", "that", "my"})
HELD_ADJECTIVES = frozenset(
    """deep deeper long longer static full gentle good single low high wide basic simple
    standing seated sitting lying kneeling front side back hamstring quad calf hip""".split()
)
#: the general answer to whether stretching is safe or harmful
HARMFUL_GENERAL = "harmful"
#: words that point back to what a story told ("does stretching help that")
REFERS_BACK = frozenset({"that", "it", "this", "them", "those"})
#: what separates the sentences of a message, for a last one asked of the bot
SENTENCE_BREAKS = re.compile(r"[,.;:!?]+")
#: the words of a question that only points back to what was told ("which is it", "who is
#: right", "is that true")
POINTING_BACK_WORDS = frozenset(
    """which who is it that this one so then the a right true correct wrong myth actually
    really bad fine ok okay good safe harmful or""".split()
)


def only_points_back(piece: Sequence[str]) -> bool:
    """Whether a question only points back to what was told before it: "which is it", "is
    that true", "who is right" (not "any stretches for that")."""
    return bool(piece) and all(w in POINTING_BACK_WORDS for w in piece)


#: words that stand for an area named before ("should i stretch them")
AREA_PRONOUNS = frozenset({"them", "they", "those", "these"})
#: ... and with "it": what a tip asked for after a reply about an area points back to ("any
#: tip for keeping it loose")
PRONOUNS_BACK = AREA_PRONOUNS | {"it"}
#: the longest request for a tip that points back to the area of the reply before
TIP_BACK_MAX_WORDS = 12
#: a request for tips that says nothing more ("tips?", "any tips for that", "got a tip")
BARE_TIP_ASK = frozenset(
    "any got have a some good tip tips for that this please pls plz one more on".split()
)
#: words that may stand with a request for tips for an activity ("tips for me as a runner")
TIP_ASK_FILLER = frozenset("i im me my as to do you the new beginner beginners".split())
#: a whole sentence and what ends it, for a story that closes with a question
SENTENCE_AND_END = re.compile(r"([^.!?\n]*)([.!?\n]*)")
#: small talk a message may close with: a question to the bot itself ("..., who made you?")
QUESTIONS_TO_THE_BOT = frozenset(
    {"who_made_you", "are_you_a_bot", "how_are_you", "what_can_you_do"}
)
#: ... naming the bot ("who made you", "are u a bot")
BOT_WORDS = frozenset({"you", "u", "ya", "yourself", "bot"})
#: the small-talk entry that asks what the bot can do
WHAT_CAN_YOU_DO = "what_can_you_do"
#: ... those, and the words that point at it ("who is behind this", "whose bot is this"); a
#: question to the bot that holds none is taken only when the matcher is this sure ("made by who")
BOT_POINTERS = BOT_WORDS | frozenset(
    """this your ur yours stretchbot it real human person robot ai chatbot machine someone
    anyone""".split()
)
BOT_QUESTION_SURE = 0.8
#: word pairs that ask for something ("how about a full body one")
ASKS_ABOUT = frozenset({("how", "about"), ("what", "about")})
#: ... when a thing, a time or a place follows: "how about a full body one", "what about
#: before bed", "what about if im on a plane", "how about at work"
ASKS_ABOUT_NEXT = frozenset(
    "a an one something some any before after for if on at in during while when".split()
)
#: the cues that ask for something, and the words that do not on their own
ROUTINE_ASKS = frozenset({"request", "asks_stretch", "asks_when"})
#: general answers about timing, and the area answer they stand for
TIMING_ASPECTS = {key: "when" for key in ("how_long", "how_often", "every_day", "before_after")}
#: replies after which a conversation is about stretching
STRETCHING_KINDS = frozenset({"answer", "stretch", "routine", "tip", "daily"})
#: intent kinds of chat and commands (a greeting, "daily tips"), not of the knowledge asked for
CHAT_KINDS = frozenset({"smalltalk", "request"})
#: what a conversation may hold before its first question about stretching: nothing, a
#: greeting or thanks, the help
OPENING_KINDS = frozenset({None, "smalltalk", "help"})
STRETCH_FORMS = frozenset({"stretch", "stretches", "stretching", "stretched"})
#: a last word that, asked ("... by friday. tips?"), asks for something to do, as a stretch's
#: name does
HELP_ASKED_LAST = frozenset("tips tip ideas advice suggestions help fixes remedies".split())
#: how sure a message read by its cues is ("my calves tighten up on long runs")
CUE_CONFIDENCE = 0.66
#: which aspect a cue asks for, first match wins: a plain request for a stretch, a question
#: about timing ("before or after", "or leave it"), any other request, the question words, and a
#: plain complaint last (why it happens, which `Brain._relief_for_a_complaint` turns into the
#: stretch when nothing is asked)
CUE_ASPECTS = (
    ("asks_stretch", "stretch"),
    ("asks_when", "when"),
    ("request", "stretch"),
    ("why", "why_tight"),
    ("what", "what"),
    ("complaint", "why_tight"),
)
#: emoji that say thank you on their own
THANKS_EMOJI = frozenset(
    {"🙏", "👍", "👌", "🙌", "❤", "🤝", "🔥", "💯", "👏", "💪", "😍", "🥰", "♥", "😊", "🤩", "😁"}
)
#: emoji that groan or sigh ("😩", "😭", "😅"): in a conversation, a reaction to the last
#: reply, met with the way to something easier
GROAN_EMOJI = frozenset(
    {"😩", "😫", "😭", "😢", "🥲", "😅", "😬", "🥵", "😣", "😖", "😓", "🫠", "😮", "💨"}
)
#: laughter alone ("lol", "hahaha"): taken as it is meant, a friendly nod
LAUGHTER = frozenset(
    "lol lool lolol lmao lmfao rofl haha hahaha hahahaha ha hah hehe heh xd".split()
)
#: a wave: hello, or goodbye
WAVE_EMOJI = frozenset({"👋"})
#: sleepy emoji: in a conversation, off to bed ("😴😴" after the bedtime routine)
SLEEPY_EMOJI = frozenset({"😴", "💤", "🛌", "🥱"})
#: what an emoji may carry that changes nothing of what it says: skin tones, the emoji form
EMOJI_MODIFIERS = str.maketrans(dict.fromkeys([*range(0x1F3FB, 0x1F400), 0xFE0F, 0x200D], None))
#: words of a question whether to stretch on after a red flag ("keep doing the stretch?")
STRETCH_ON_WORDS = frozenset(
    """stretch stretches stretching stretched exercise exercises exercising yoga pilates
    routine workout gym run running train training keep carry continue easier easy next
    push swim swimming ride cycle cycling lift lifting play session class""".split()
)
#: the red-flag symptom of a message about something over or checked and cleared ("the scan
#: came back clear"): asking to stretch after it is no longer asking to stretch on regardless
CLEARED_SYMPTOM = "$past"
#: a question whether what was just told changes the routine ("im in goal if that changes
#: anything", "does that matter?")
CHANGES_ANYTHING = frozenset(
    {
        ("changes", "anything"),
        ("change", "anything"),
        ("that", "matter"),
        ("it", "matter"),
        ("a", "difference"),
    }
)
#: the first word of a question that sums up the answer before ("so basically just get up
#: slower?")
SUMMING_UP = frozenset({"so", "basically"})
#: people other than the writer whom a piece of a message can be about ("my son fainted at
#: school last week", "a guy at my gym snapped his achilles")
SOMEONE_ELSE = frozenset(
    """friend friends mate mates son daughter kid kids child children husband wife partner
    boyfriend girlfriend mum mom mam mother dad father brother sister colleague coworker
    boss neighbour neighbor nan nana gran granny grandma grandad grandpa uncle aunt cousin
    flatmate roommate housemate teammate classmate guy girl bloke woman man someone he
    she""".split()
)
#: words before the person that make them the subject ("my son", "a guy at my gym")
_SOMEONE_OWNERS = frozenset({"my", "our", "a", "this", "one", "the", "his", "her"})
#: how far into a piece its subject may come ("anyway my friend ...", "one of my mates")
_SOMEONE_REACH = 4
#: the writer in a piece of a message
_WRITER = frozenset({"i", "me", "my", "myself", "im", "we", "us", "ourselves"})
#: people a piece about the writer may point back at ("should i stretch him"): then the
#: story is not told in passing
POINTED_PEOPLE = frozenset({"him", "her", "them", "he", "she", "they", "his"})
#: words that make a person after them a comparison, not the one asked about ("so i dont
#: end up on crutches like him")
COMPARING_WORDS = frozenset({"like", "as", "than"})


def points_at_someone(piece: Sequence[str]) -> bool:
    """Whether a piece points at another person (`POINTED_PEOPLE`) other than to compare:
    "can i stretch him", not "so i dont end up like him"."""
    return any(
        w in POINTED_PEOPLE and (i == 0 or piece[i - 1] not in COMPARING_WORDS)
        for i, w in enumerate(piece)
    )


def tells_of_someone_else(piece: Sequence[str]) -> bool:
    """Whether a piece of a message opens with someone else as its subject ("my son fainted
    at school last week", "he's fine now") and says nothing of the writer."""
    # "watched a video of a guy snapping his achilles": the guy is the subject
    seen = next((len(w) for w in _WITNESSED if tuple(piece[: len(w)]) == w), 0)
    at = next(
        (
            i
            for i in range(min(len(piece), _SOMEONE_REACH + seen))
            if piece[i] in SOMEONE_ELSE
            and (i == 0 or piece[i - 1] in _SOMEONE_OWNERS or piece[i] in ("he", "she"))
        ),
        None,
    )
    if at is None:
        return False
    # "my" as the owner of the person ("my son") is no word of the writer's own, nor is the
    # writer shaken by it ("saw a guy pass out at the gym, which freaked me out")
    rest = [
        w
        for k, w in enumerate(piece)
        if k != at - 1
        and not (w == "me" and k and piece[k - 1] in _SHAKEN)
        and not (w in ("i", "im") and _shaken_after(piece, k))
    ]
    return _WRITER.isdisjoint(rest)


def story_pieces(
    words: Sequence[str], pieces: Sequence[tuple[int, int]]
) -> tuple[tuple[int, int], ...]:
    """`pieces` of a message, each that opens with someone else's story cut where it turns to
    the writer with a joining word ("my brother tore his hamstring sprinting | so i want to
    warm up properly"), so the writer's part is read as a piece of its own."""
    out: list[tuple[int, int]] = []
    for start, end in pieces:
        cut = next(
            (
                k
                for k in range(start + _STORY_MIN_WORDS, end - 1)
                if words[k] in _TURNING_TO_WRITER
                and not _TURNED_TO.isdisjoint(words[k + 1 : k + 1 + _TURN_REACH])
                and tells_of_someone_else(words[start:k])
            ),
            None,
        )
        out.extend([(start, cut), (cut, end)] if cut is not None else [(start, end)])
    return tuple(out)


#: words that join the writer's part to someone else's story in one piece, the writer's
#: words that follow within `_TURN_REACH` ("so now i", "and im"), and how long the story is
_TURNING_TO_WRITER = frozenset({"so", "and", "but", "now", "anyway"})
_TURNED_TO = frozenset({"i", "im", "ive", "id", "me", "myself"})
_TURN_REACH = 2
_STORY_MIN_WORDS = 3


#: openings that tell of something seen or heard of: what follows is someone else's story
_WITNESSED = tuple(
    tuple(f"{verb} {what} of".split())
    for verb in ("watched", "saw", "seen", "watching")
    for what in ("a video", "a clip", "a tiktok", "a post", "a reel")
)
#: words between the writer and how they were shaken ("i was so scared", "im a bit worried")
_SHAKEN_BETWEEN = frozenset({"am", "was", "got", "feel", "felt", "so", "really", "now", "a", "bit"})


def _shaken_after(piece: Sequence[str], k: int) -> bool:
    """Whether the writer at `k` is only told as shaken by the story ("now im scared")."""
    for w in piece[k + 1 : k + 4]:
        if w in _SHAKEN:
            return True
        if w not in _SHAKEN_BETWEEN:
            return False
    return False


def goes_on_with_the_story(piece: Sequence[str]) -> bool:
    """Whether a piece after one about someone else goes on with their story: it says nothing
    of the writer and asks nothing ("my mate snapped his achilles, said it sounded like a
    gunshot")."""
    return bool(piece) and _WRITER.isdisjoint(piece) and not opens_a_question(piece)


#: what someone else's event does to the writer, told in passing ("freaked me out")
_SHAKEN = frozenset(
    """freaked scared worried shocked spooked terrified frightened panicked rattled shook
    upset stressed""".split()
)


def asks_for_themselves(piece: Sequence[str]) -> bool:
    """Whether a piece asks stretching or suppleness for the writer, or how to avoid what
    happened: "i need a stretch", "what should i stretch", "i just want to stay flexible",
    "how do i avoid that"."""
    return (
        not _WRITER.isdisjoint(piece)
        and not (STRETCH_FORMS | _SUPPLE_WORDS | _AVOIDING).isdisjoint(piece)
        and not _for_someone_else(piece)
    )


#: words by which the writer asks how not to end up like the other person: "how do i avoid
#: that", "can i prevent it"
_AVOIDING = frozenset({"avoid", "prevent"})


def _for_someone_else(piece: Sequence[str]) -> bool:
    """Whether the piece asks for someone else: "an easy routine for my mum", "for him"."""
    return any(
        w == "for"
        and (
            after in ("him", "her", "them")
            or (after in ("my", "our") and i + 2 < len(piece) and piece[i + 2] in SOMEONE_ELSE)
        )
        for i, (w, after) in enumerate(zip(piece, piece[1:], strict=False))
    )


#: what a writer may want for themselves besides stretching ("i just want to stay flexible",
#: "what cooldown should i do after spin")
_SUPPLE_WORDS = frozenset(
    """flexible flexibility mobile mobility supple limber cooldown cooldowns warmup warmups
    routine""".split()
)


#: what a message tells of the person, not of this complaint, and holds for the rest of the
#: conversation: "hi, 58 year old here" counts with "my back pain is new" two messages on
LASTING_SYMPTOMS = frozenset({"$over_50", "$cancer", "$steroids_immune"})
#: words that ask a question in general, not of the person's own case ("how long should i
#: hold a stretch normally?", "what about cooldown stretches in general")
IN_GENERAL_WORDS = frozenset({"generally", "normally", "usually", "typically"})
_IN_GENERAL = frozenset({("in", "general")})


def asks_in_general(words: Sequence[str]) -> bool:
    """Whether the words ask in general: "normally", "usually", "in general"."""
    return not IN_GENERAL_WORDS.isdisjoint(words) or has_pair(words, _IN_GENERAL)


#: a short question after a condition was told that asks what is safe with it ("so what
#: should she avoid?", "should i push further into them?")
CONDITION_ASK_WORDS = frozenset(
    """avoid avoided safe safely unsafe careful dangerous risky harm harmful push further
    allowed limit limits precautions okay""".split()
)
CONDITION_ASK_MAX_WORDS = 10
#: ... and, in a yes-or-no question, positions and moves a condition can rule out ("can i
#: lie on my back", "is kneeling ok", "can i still do twists")
POSITION_ASK_WORDS = frozenset(
    """lie lying lay laying flat kneel kneeling twist twists twisting cross crossing crossed
    squat squatting upside inversion inversions""".split()
)
#: words before "on my back" (or front, side) that make it a position, not the area
_LYING_WORDS = frozenset("lie lying lay laying flat sleep sleeping sleeps".split())


def position_span(words: Sequence[str], start: int) -> bool:
    """Whether the area named at `start` is where someone lies ("can i lie on my back",
    "lying flat on my back"), not the area itself."""
    j = start - 1
    if j >= 0 and words[j] in POSSESSIVES:
        j -= 1
    if j < 1 or words[j] != "on":
        return False
    j -= 1
    if words[j] in ("flat", "down") and j >= 1:
        j -= 1
    return words[j] in _LYING_WORDS


#: words before "on my feet" that make it a saying about balance or getting well
_FEET_IDIOM_WORDS = frozenset(
    "steady unsteady wobbly shaky stable unstable back light quick dead".split()
)


#: a question whether the thing pointed at can be done some way: "could they be done
#: sitting", "can i do them in a chair", "is it possible to do these standing"
_DONE_SO_POINTERS = frozenset({"they", "them", "these", "those", "it", "this", "that"})
_DONE_SO_VERBS = frozenset({"done", "do", "doing"})


def asks_it_done_so(words: Sequence[str]) -> bool:
    """Whether the words ask whether what was shown can be done some way: a yes-or-no
    opening, a word pointing back and "do" or "done" ("could they be done sitting in a
    chair?", "can i do them standing")."""
    return (
        not YES_NO_STARTS.isdisjoint(words)
        and not _DONE_SO_POINTERS.isdisjoint(words)
        and not _DONE_SO_VERBS.isdisjoint(words)
    )


#: "is that normal", "is this the right feeling", "is it ok": whether what is felt is fine
_FELT_NORMAL_POINTERS = frozenset({"that", "this", "it"})
_FELT_NORMAL_WORDS = frozenset(
    """normal ok okay right fine good supposed meant expected usual""".split()
)
_FELT_NORMAL_REACH = 3
#: ... or whether it does harm: "is that the muscle tearing", "am i damaging it"
_FELT_HARM_WORDS = frozenset("tearing ripping damage damaging injuring straining".split())
#: words of a feeling, one of which the message must tell
_FELT_FEELING_WORDS = frozenset(
    """feel feels felt feeling pull pulls pulling burn burns burning hurt hurts ache aches
    sting stings pinch pinches pinching sensation shake shakes shaking""".split()
)


def asks_if_felt_is_normal(words: Sequence[str]) -> bool:
    """Whether the words tell a feeling and ask whether it is as it should be: "a pull ...
    is that normal", "is this the right feeling", "it burns, is it ok", "should i feel it
    there", "it burns at the end, is that the muscle tearing"; not "is it ok to stretch every
    day", which asks whether to do something."""
    if _FELT_FEELING_WORDS.isdisjoint(words):
        return False
    for i, w in enumerate(words[:-1]):
        if w in ("is", "does") and words[i + 1] in _FELT_NORMAL_POINTERS:
            after = words[i + 2 : i + 2 + _FELT_NORMAL_REACH]
            if not (_FELT_NORMAL_WORDS | _FELT_HARM_WORDS).isdisjoint(after) and "to" not in after:
                return True  # "is that normal", "is that the muscle tearing"
        if w == "should" and words[i + 1] == "i" and "feel" in words[i + 2 : i + 4]:
            return True
        if (
            w == "am"
            and words[i + 1] == "i"
            and not _FELT_HARM_WORDS.isdisjoint(words[i + 2 : i + 4])
        ):
            return True  # "it burns, am i tearing it"
    return False


SEE_SOMEONE = "see_someone"
#: who someone may ask whether to see, and the verbs of going to them
_CARE_WHO = frozenset(
    """someone somebody doctor doc doctors gp physio physios physiotherapist professional
    specialist chiro chiropractor osteo osteopath""".split()
)
_CARE_VERBS = frozenset(
    """see seeing visit visiting book booking go going get getting look looking check""".split()
)
#: prepositions a question word may follow at the start of a question ("at what point")
_WH_PREPOSITIONS = frozenset({"at", "by", "after", "from"})
#: an ache passing, and with no help: "will it go away on its own"
_GOES_AWAY = frozenset(
    {("go", "away"), ("get", "better"), ("clear", "up"), ("settle", "down"), ("sort", "itself")}
)
_BY_ITSELF = frozenset({"own", "itself", "eventually", "naturally", "alone"})
#: words of a question whether something is serious or needs checking
_SERIOUS_WORDS = frozenset({"serious", "worried", "worry", "concerned", "concerning"})
_CHECKED_PAIRS = frozenset(
    {("checked", "out"), ("get", "checked"), ("looked", "at"), ("it", "checked")}
)
#: "is something wrong with me": whether it is serious, asked as a yes or no
_WRONG_WITH = frozenset({("wrong", "with")})
#: general answers about how the body feels, after which "is it serious?" asks when to get
#: that checked
BODY_FELT_GENERAL = frozenset({"morning_stiffness", "soreness", "cramp"})
_CARE_NAMES = re.compile(r"\b(GP|physio|physiotherapist|doctor|emergency|A&E|urgent|medical)", re.I)


def asks_to_see_someone(words: Sequence[str]) -> bool:
    """Whether the words ask whether to see someone or whether it is serious: "should i see
    someone about it", "do i need a physio for this", "is it serious", "should i be worried",
    "should i get it checked", "and if it doesnt get better?"; not "my physio said ..." nor
    "i saw a doctor"."""
    if not words:
        return False
    opening = [w for w in words[:3] if w not in ("and", "but", "so", "what")][:1]
    if (
        opening == ["if"]
        and not _PASSES.isdisjoint(words)
        and (not NEGATORS.isdisjoint(words) or "worse" in words)
    ):
        return True  # "and if it doesnt get better?", "what if it doesnt go away"
    # "at what point do i ... go and see someone": the question word after its preposition
    first = words[1] if words[0] in _WH_PREPOSITIONS and len(words) > 1 else words[0]
    if first not in YES_NO_STARTS and first not in WH_WORDS:
        return False
    if not _SERIOUS_WORDS.isdisjoint(words) or has_pair(words, _CHECKED_PAIRS):
        return True
    if words[0] in YES_NO_STARTS and has_pair(words, _WRONG_WITH):
        return True  # "is something wrong with me?", "is there anything wrong with my neck"
    if asks_how_long_it_lasts(words):
        return True
    if has_pair(words, _GOES_AWAY) and not _BY_ITSELF.isdisjoint(words):
        return True  # "will it go away on its own", "does it get better by itself"
    return not _CARE_WHO.isdisjoint(words) and (
        not _CARE_VERBS.isdisjoint(words) or "need" in words
    )


#: ... and what makes it a question of holding, flexibility or soreness
_NOT_AN_ACHE_PASSING = frozenset({"hold", "holding", "flexible", "flexibility", "splits", "doms"})
#: what an ache does when it passes: "how long till it gets better", "... goes away"
_PASSES = frozenset(
    """better heal heals healed go goes gone settle settles settled ease eases clear clears
    recover recovered last lasts""".split()
)


def asks_how_long_it_lasts(words: Sequence[str]) -> bool:
    """Whether the words ask how long an ache takes to pass: "how long till it gets better",
    "how long does this usually last", "how long before it goes away"; not "how long to get
    better at the splits" nor how long to hold a stretch."""
    if not has_pair(words, HOW_LONG_PAIRS) or _PASSES.isdisjoint(words):
        return False
    at = next(i for i, w in enumerate(words) if w in _PASSES)
    return not (words[at] == "better" and tuple(words[at + 1 : at + 2]) == ("at",)) and (
        _NOT_AN_ACHE_PASSING.isdisjoint(words)
    )


#: parts of the body the knowledge base has no stretches for, asked about by name ("stretch for
#: my face", "eye stretches"): said plainly rather than read as the nearest routine
UNCOVERED_PARTS = frozenset(
    """face facial eyes eye eyelids eyebrows forehead tongue throat nose ears lips mouth cheeks
    scalp brain heart lungs bladder teeth gums voice""".split()
)
#: ... the words around such a part that ask for stretching it
_OWNERS_OF_A_PART = frozenset({"my", "your", "the", "his", "her"})
_STRETCHING_A_PART = STRETCH_FORMS | {"for", "loosen", "relax", "release"}
_UNCOVERED_AFTER = STRETCH_FORMS | {"exercises", "exercise", "yoga", "muscles", "muscle"}
UNCOVERED_LEAD = (
    "Sorry, I don't have stretches for the {part}. I cover the muscles from the neck and jaw "
    "down to the feet: name one, or ask for a routine."
)


#: the word that says a name is a stretch's or a pose's: "scorpion stretch", "puppy pose"
STRETCH_NAME_HEADS = frozenset({"stretch", "stretches", "pose", "poses", "asana"})
#: the most words a name of a stretch has, before its head
STRETCH_NAME_MAX_WORDS = 3
#: words around a stretch's name that ask for it: "how to do the scorpion stretch safely"
_STRETCH_NAME_FILLER = frozenset(
    """how to do a an the what is whats s show me teach explain can could you i please pls
    plz tips tip for on safe safely ok good proper properly form correct correctly my your""".split()
)
UNKNOWN_STRETCH_LEAD = (
    "Sorry, I don't know the “{name}” yet, so I can't show it. Tell me the area you want to "
    "stretch (“hip stretch”, “stretch for my shoulders”) and I'll show one I have."
)


def unknown_stretch_name(words: Sequence[str], vocab: Collection[str]) -> str | None:
    """The name of a stretch or pose a short message asks for that is none of ours ("scorpion
    stretch", "how to do puppy pose"): a name of one to three words before "stretch" or
    "pose", with a word the vocabulary does not know, and nothing else but words that ask for
    it. None otherwise ("stretch marks", "strike a pose")."""
    if len(words) > STRETCH_NAME_MAX_WORDS + 5:
        return None
    heads = [i for i, word in enumerate(words) if word in STRETCH_NAME_HEADS]
    if len(heads) != 1:
        return None
    at = start = heads[0]
    while (
        start > 0
        and at - start < STRETCH_NAME_MAX_WORDS
        and words[start - 1] not in _STRETCH_NAME_FILLER
    ):
        start -= 1
    name = words[start:at]
    rest = set(words[:start]) | set(words[at + 1 :])
    if not name or not rest <= _STRETCH_NAME_FILLER:
        return None
    if not any(w.isalpha() and len(w) >= 3 and w not in vocab for w in name):
        return None
    return " ".join((*name, words[at]))


#: everyday words for an area that name it only when asked to be stretched ("stretch for my
#: stomach"; not "stomach ache"): word -> topic
PARTS_OF_AREAS = {"stomach": "abdominals", "tummy": "abdominals", "belly": "abdominals"}


#: exercises that work the stomach muscles: with one told, a stomach felt tight or sore after
#: it is those muscles ("stomach feels all tight after 200 crunches")
AB_EXERCISES = frozenset("""crunch crunches situp situps planks""".split())
#: the same, as two words: "sit ups", "leg raises", "ab workout", "core workout"
AB_EXERCISE_PAIRS = frozenset(
    {
        ("sit", "ups"),
        ("sit", "up"),
        ("leg", "raises"),
        ("ab", "workout"),
        ("core", "workout"),
        ("ab", "challenge"),
        ("ab", "class"),
        ("core", "class"),
        ("russian", "twists"),
    }
)


#: after "stomach", "belly": words that make it the gut ("stomach ache", "belly pain")
_GUT_AFTER = frozenset("ache aches bug upset pain pains flu virus".split())


def part_worked_by_an_exercise(words: Sequence[str], parts: Collection[str]) -> str | None:
    """The first of `parts` a message names beside an exercise that works it, or None:
    "stomach feels all tight and crunched after doing like 200 crunches". (The red-flag rules
    have read the message first: a stomach pain that is no muscle's is theirs.)"""
    pairs = set(zip(words, words[1:], strict=False))
    if AB_EXERCISES.isdisjoint(words) and AB_EXERCISE_PAIRS.isdisjoint(pairs):
        return None
    for i, word in enumerate(words):
        if word in parts:
            # "stomach ache", "stomach bug": the gut, whatever the exercise
            return None if words[i + 1 : i + 2] and words[i + 1] in _GUT_AFTER else word
    return None


def uncovered_part(words: Sequence[str]) -> str | None:
    """The part of the body a message asks to stretch that has no stretches here ("stretch
    for my face", "any eye stretches"), or None."""
    return part_asked_to_stretch(words, UNCOVERED_PARTS)


def part_asked_to_stretch(words: Sequence[str], parts: Collection[str]) -> str | None:
    """The first of `parts` a message asks to stretch, or None: it must be asked about for
    stretching or exercise ("face down on the mat" asks nothing of the face)."""
    if STRETCH_FORMS.isdisjoint(words) and _UNCOVERED_AFTER.isdisjoint(words):
        return None
    for i, word in enumerate(words):
        if word not in parts:
            continue
        # "stretch (for) my face", "yoga for the eyes", "face stretches"; not "my face goes
        # red when i stretch"
        at = i - 1 if i and words[i - 1] in _OWNERS_OF_A_PART else i
        before = words[at - 1] if at else ""
        after = words[i + 1] if i + 1 < len(words) else ""
        if before in _STRETCHING_A_PART or after in _UNCOVERED_AFTER:
            return word
    return None


#: what asks how long a routine takes: "how long does it take", "how long is it", "how many
#: minutes is that"
_TAKES = frozenset({"take", "takes", "is", "last", "lasts", "will"})


def asks_how_long_it_takes(words: Sequence[str]) -> bool:
    """Whether a short message asks how long the thing on screen takes: "how long does it
    take", "how long is this", "how many minutes is it"; not how long to hold each stretch,
    nor how long until flexible."""
    if len(words) > MOVE_MAX_WORDS or not _NOT_AN_ACHE_PASSING.isdisjoint(words):
        return False
    if not (has_pair(words, HOW_LONG_PAIRS) or has_pair(words, _HOW_MANY_MINUTES)):
        return False
    return not _TAKES.isdisjoint(words) and _PASSES.isdisjoint(words) and "each" not in words


def asks_how_long_until(words: Sequence[str]) -> bool:
    """Whether the words ask how long until something is reached: "how long realistically
    until i get them back", "how long till i can touch my toes", "how long would it take"."""
    for i, pair in enumerate(zip(words, words[1:], strict=False)):
        if pair != ("how", "long"):
            continue
        after = words[i + 2 : i + 2 + _UNTIL_REACH]
        if not _UNTIL.isdisjoint(after):
            return True
        # "how long before i can touch them" (not "how long before bed should i stretch")
        if "before" in after and not _ABLE_AFTER_BEFORE.isdisjoint(words[i + 2 :]):
            return True
        # "how long would it take to get them back", not "how long does a session take"
        if not _TAKES_FORMS.isdisjoint(after) and not _REACHED.isdisjoint(words[i + 2 :]):
            return True
    return False


#: answers about stretching every day or how often, which "how long until" is not
EVERY_DAY_ANSWERS = frozenset({"every_day", "how_often"})
_UNTIL = frozenset({"until", "till", "til", "untill"})
#: words after "how long before" that make it "until": a thing becoming possible
_ABLE_AFTER_BEFORE = frozenset({"can", "will", "able", "notice", "see", "feel"})
_TAKES_FORMS = frozenset({"take", "takes", "taking"})
_REACHED = frozenset(
    """get back flexible flexibility reach touch splits achieve results progress""".split()
)
_UNTIL_REACH = 4
#: goals whose own answer says how long they take, asked "how long until ..."
TIMELINE_GOALS = frozenset({"splits", "touch_toes"})
#: words that tell a goal as wanted: "i want to touch my toes by summer", "goal: the splits",
#: "trying to get my splits back", "working towards a deep squat"
_GOAL_WORDS = frozenset(
    "want wanna wish goal goals aim aiming hoping dream determined resolution".split()
)
_GOAL_PAIRS = frozenset(
    {("trying", "to"), ("working", "towards"), ("working", "toward"), ("love", "to")}
)


_HELP_TOWARDS = frozenset({("get", "there"), ("help", "me")})


def asks_help_towards(words: Sequence[str]) -> bool:
    """Whether the words ask for help towards a goal talked of, no question word opening them:
    "cant touch my toes, help me get there"."""
    return bool(words) and words[0] not in QUESTION_STARTS and has_pair(words, _HELP_TOWARDS)


def tells_a_goal(words: Sequence[str]) -> bool:
    """Whether the words tell a goal as wanted ("i want to do the splits by christmas", "goal:
    touch my toes"), not how to reach it or how long it takes: no question word opens them
    and none asks how long."""
    if not words or words[0] in QUESTION_STARTS or has_pair(words, HOW_MUCH_STARTS):
        return False
    return not _GOAL_WORDS.isdisjoint(words) or has_pair(words, _GOAL_PAIRS)


#: how a way towards a goal is asked: "how do i touch my toes", "how can i get my front
#: splits", "how to finally get the splits"
_HOW_OPENERS = (("how", "do", "i"), ("how", "can", "i"), ("how", "should", "i"), ("how", "to"))
#: ... with what is to be done (not "how do i know if i'm flexible enough")
_WAY_VERBS = frozenset(
    "get touch do reach achieve train work learn master nail improve go start finally".split()
)


def asks_the_way(words: Sequence[str]) -> bool:
    """Whether the words open by asking the way to do something: "how do i touch my toes",
    "how to get front splits", "how can i finally get my splits"; not "how do i know if i'm
    flexible enough for the splits" nor "how long until the splits"."""
    for opener in _HOW_OPENERS:
        n = len(opener)
        if tuple(words[:n]) == opener:
            return len(words) > n and words[n] in _WAY_VERBS
    return False


FLEXIBILITY_TIMELINE = "flexibility_timeline"
_HOW_MANY_MINUTES = frozenset({("many", "minutes"), ("many", "mins")})
#: things a routine might need, asked about: "do i need a mat", "any equipment?"
_KIT = frozenset(
    """mat mats yoga equipment kit gear props prop band bands strap straps towel block blocks
    pillow pillows cushion cushions belt blanket anything""".split()
)
_NEED_WORDS = frozenset(
    {"need", "needs", "needed", "require", "requires", "required", "bring", "use", "buy"}
)


def asks_what_it_needs(words: Sequence[str]) -> bool:
    """Whether a short message asks what the thing on screen needs: "do i need a mat", "any
    equipment needed?", "what do i need for it"."""
    if len(words) > MOVE_MAX_WORDS or _NEED_WORDS.isdisjoint(words):
        return False
    # "does that one need a wall", "do i need a chair for it": what to hold or lean on too
    kit = (_KIT | STRETCH_PROPS) & set(words)
    return bool(kit - {"anything", "yoga"}) or has_pair(words, _WHAT_DO_I_NEED)


def names_kit(words: Sequence[str]) -> int:
    """How many kinds of kit the words name ("mat? strap? those foam block things?": 3)."""
    return len(_KIT & set(words) - {"anything", "yoga"})


def asks_for_kit(words: Sequence[str]) -> bool:
    """Whether a short message asks what to buy or what kit stretching needs, naming no task:
    "do i need to buy anything", "do i need any equipment" (not "what do i need to do")."""
    return asks_what_it_needs(words) and (
        bool(_KIT & set(words) - {"anything", "yoga"}) or "buy" in words
    )


_WHAT_DO_I_NEED = frozenset(
    {
        ("need", "anything"),
        ("what", "do"),
        ("need", "for"),
        ("buy", "anything"),
        ("get", "anything"),
    }
)
#: "do i need it after short commutes too", "is this needed every time": whether the thing on
#: screen is needed at all
NEED_IT_PAIRS = frozenset(
    (need, it)
    for need in ("need", "needed", "necessary", "bother")
    for it in ("it", "this", "that", "one", "with")
) | frozenset({("it", "needed"), ("this", "needed"), ("it", "necessary"), ("this", "necessary")})


def names_care(paragraph: str) -> bool:
    """Whether an answer's paragraph names care (a GP, a physio, the emergency number): its
    warning signs."""
    return bool(_CARE_NAMES.search(paragraph))


#: "is that my hip flexors", "could it be tight glutes": an area suspected as the cause
_SUSPECT_OPENERS = frozenset({"is", "could", "might", "can", "would", "must"})
_SUSPECT_POINTERS = frozenset({"it", "that", "this"})
_SUSPECT_BETWEEN = frozenset(
    """be from my tight tightness because of just all due to weak stiff""".split()
)
_SUSPECT_REACH = 4


def suspected_area(words: Sequence[str], spans: Sequence[tuple[int, int, str]]) -> str | None:
    """The area the words ask about as the cause ("is that my hip flexors", "could it be
    tight glutes", "is this from my piriformis"): the topic of the last such span, or None."""
    found = None
    for start, _end, topic in spans:
        k = start - 1
        while k >= 0 and start - k <= _SUSPECT_REACH and words[k] in _SUSPECT_BETWEEN:
            k -= 1
        if k >= 1 and words[k] in _SUSPECT_POINTERS and words[k - 1] in _SUSPECT_OPENERS:
            found = topic
    return found


#: what stands for the area word of a saying, read no more as an area
IDIOM_WORD = "footing"


#: the topic of the feet and ankles
FEET_TOPIC = "feet_ankles"
#: after "on my feet", words that tell how long the writer stands: "on my feet all day",
#: "most of the day", "for 12 hours", "every shift", "the whole day"
_STANDING_FOR = frozenset("all most for every the whole during at 8 9 10 11 12 13 14".split())


#: the legs named as a whole ("legs feel like lead"), no one area of them
LEG_WORDS = frozenset({"legs", "leg"})
#: the routine for legs tired from standing, asked for by a spell on the feet alone ("nurse
#: here, 3 night shifts on my feet, what stretches")
STANDING_ROUTINE = "legs"
#: a stretch of time told just before "on my feet": "a 12h shift on my feet", "hours on my feet"
_STANDING_SPELLS = frozenset(
    "shift shifts hours hrs hour day days night nights double shifts 12h 10h 8h 12hr".split()
)
#: how far before "on my feet" that stretch of time may be
_SPELL_REACH = 3


def on_feet_for_long(words: Sequence[str], start: int) -> bool:
    """Whether the area at `start` is the feet of "on my feet all day", "a 12h shift on my
    feet": how long the writer stands, read as no area when the message points at another
    one."""
    if not (
        words[start] == "feet"
        and start >= 2
        and words[start - 2] == "on"
        and words[start - 1] in POSSESSIVES
    ):
        return False
    after = start + 1 < len(words) and words[start + 1] in _STANDING_FOR
    spell = not _STANDING_SPELLS.isdisjoint(words[max(0, start - 2 - _SPELL_REACH) : start - 2])
    return after or spell


#: "... is a pain in the neck" says something is annoying; "have a pain in the neck" is pain
_PAIN_IDIOM_BE = frozenset({"is", "was", "are", "were", "be", "being", "such"})
#: ... and the parts of the body the saying names ("a pain in the arse")
_PAIN_IDIOM_PARTS = frozenset({"neck", "arse", "ass", "butt", "bum", "backside"})
#: a hand, a foot or a finger as a measure before its width or length: "a hand's width off
#: the floor", "two finger widths"
_MEASURE_PARTS = frozenset({"hand", "hands", "foot", "feet", "finger", "fingers"})
_MEASURE_AFTER = frozenset((w,) for w in ("width", "widths", "breadth", "breadths", "length"))


def idiom_span(words: Sequence[str], start: int) -> bool:
    """Whether the area named at `start` is the feet of a saying ("not steady on my feet",
    "back on my feet"), the second back of "back to back" ("three shifts back to back") or the
    neck (or bum) of "a pain in the neck", not the area itself."""
    if words[start] == "back" and tuple(words[max(0, start - 2) : start]) == ("back", "to"):
        return True
    if words[start] in _MEASURE_PARTS and words[start + 1 : start + 2] in _MEASURE_AFTER:
        return True  # "stuck about a hand's width off the floor"
    if _a_foot_away(words, start):
        return True  # "about a foot off the floor"
    if _on_hands_and_knees(words, start):
        return True
    if words[start] in _PAIN_IDIOM_PARTS and tuple(words[max(0, start - 3) : start]) == (
        "pain",
        "in",
        "the",
    ):
        # "this meeting is a real pain in the neck", not "i have a pain in the neck"
        for a in (start - 4, start - 5):  # "is a pain", "is a real pain"
            if a > 0 and words[a] == "a" and words[a - 1] in _PAIN_IDIOM_BE:
                return True
        return False
    if words[start] != "feet" or start < 3:
        return False
    return (
        words[start - 1] in POSSESSIVES
        and words[start - 2] == "on"
        and words[start - 3] in _FEET_IDIOM_WORDS
    )


#: a count before "foot" or "feet" as a length: "a foot off the floor", "two feet short"
_LENGTH_COUNTS = frozenset("a half two three 1 2 3 couple few".split())
#: ... and what follows that length
_LENGTH_AFTER = frozenset("off from away short higher lower apart above below or to".split())


def _a_foot_away(words: Sequence[str], start: int) -> bool:
    """Whether the area at `start` is a foot or feet as a length: "currently about a foot off
    the floor" in the splits, "still two feet away from my toes"."""
    return (
        words[start] in ("foot", "feet")
        and start >= 1
        and words[start - 1] in _LENGTH_COUNTS
        and start + 1 < len(words)
        and words[start + 1] in _LENGTH_AFTER
    )


def _on_hands_and_knees(words: Sequence[str], start: int) -> bool:
    """Whether the area at `start` is the hands or the knees of "on my hands and knees", a
    way of working ("weeding on my hands and knees"), not a complaint of either."""
    word = words[start]
    if word in ("hands", "hand"):
        first = start
    elif word == "knees" and start >= 2 and words[start - 2] in ("hands", "hand"):
        first = start - 2
    else:
        return False
    return (
        first >= 2
        and words[first - 2] == "on"
        and words[first - 1] in POSSESSIVES
        and tuple(words[first + 1 : first + 3]) == ("and", "knees")
    )


#: words by which a question asks whether something is all right to do
SAFE_ASK_WORDS = frozenset("ok okay safe safely alright allowed fine".split())
#: an area after one of these is where a thing sits ("too tight on my wrist")
THING_PLACES = frozenset({"on", "around", "round", "across"})
#: the cue of a thing (a pet, furniture, clothes) a body word may belong to
THING_CUE = "not_a_body"
#: verbs whose object may be a thing as well as a muscle ("stretch out a pair of jeans")
STRETCH_VERBS = frozenset({"stretch", "stretching", "loosen", "loosening"})
#: how many words after such a verb its object (a thing) may come: "stretch out a pair of jeans"
THING_OBJECT_REACH = 5
#: ... named this many words after an area word, it makes the area word the thing's ("chest of
#: drawers")
THING_NAME_REACH = 1
#: ... and "behind" after one of these: "reach behind my back", "get my hand behind my back"
REACH_WORDS = frozenset({"reach", "reaching", "get", "put", "scratch", "hand", "hands", "arm"})
#: what a message must say of a body region for its routine: a complaint or an ask
REGION_CUES = frozenset({"complaint", "request", "asks_stretch"})
#: the words a region is asked for with and nothing else ("what about just legs", "legs
#: please", "and the upper body?"), and the region words themselves
REGION_ASK_FILLERS = frozenset(
    """what about how and just only my the for please pls plz then instead now ok okay so
    maybe whole""".split()
)
REGION_WORDS = frozenset("leg legs lower upper body bod".split())
#: a body region right after one of these is not the writer's ("pulling your leg")
NOT_THE_WRITERS = frozenset({"your", "yer", "ur"})
#: ... or up to two words after one of these: a saying ("pulling my leg", "shake a leg")
REGION_SAYINGS = frozenset({"pull", "pulling", "shake", "break"})
#: a thing after one of these, this many words or fewer before it, is a cause or a likeness,
#: not an owner of an area: "sore bum from the car", "stiff neck after hours in the car",
#: "IT band so tight it feels like a rope", "tight as a drum", "sore carrying the baby"
CAUSE_WORDS = frozenset(
    """from after during driving by like hours as sitting sat playing carrying lifting
    holding using riding pushing wearing""".split()
)
CAUSE_REACH = 3
#: a thing or an animal followed by one of these is an activity, no owner of an area: "horse
#: riding", "dog walking", "cat sitting"
ACTIVITY_AFTER_A_THING = frozenset(
    "riding ride rides rode walking walk walks sitting grooming training mucking".split()
)
#: a routine's title of this many words or more, in a message, names it ("desk break")
TITLE_MIN_WORDS = 2
#: a complaint about the whole body ("everything is stiff", "stiff all over") gets this routine
WHOLE_BODY_ROUTINE = "full_body"
#: hard physical days that leave the whole body sore, told with no area: "i feel broken
#: after moving house", "feel like a 90 year old after a day of gardening"
PHYSICAL_DAYS = frozenset(
    """gardening garden digging shovelling shoveling decorating painting diy hoovering
    cleaning lifting boxes carrying furniture festival dancing hike hiking burpees bootcamp
    challenge parkrun""".split()
)
_PHYSICAL_DAY_PAIRS = frozenset({("moving", "house"), ("moved", "house"), ("house", "move")})


#: how people tell their whole body is worn out: "i feel broken", "feel like i've been hit by
#: a bus", "im dying", "walked like a 90 yr old" (one phrase a line)
_WORN_OUT_PHRASES = tuple(
    tuple(line.split())
    for line in """feel broken | feeling broken | felt broken | feel wrecked | feeling wrecked |
    feel destroyed | feel battered | feel ruined | feel dead | feel like death | feel ancient |
    feel old | feel like a 90 | feel like an 80 | feel like an old | like a 90 year old |
    like a 90 yr old | like an 80 year old | like an old man | like an old lady | hit by a bus |
    hit by a truck | hit by a train | run over by | i am dying | im dying | i am dead | im dead |
    is killing me | are killing me | literally killing me | crippled | everything hurts |
    everything aches | body is done | body is wrecked | body is broken | in bits""".split("|")
)
#: ... and the plain ones, stiffness or soreness all over, which a time of day alone may
#: explain ("so stiff this morning"), where "the traffic is killing me every morning" is no
#: body's
_STIFF_ALL_OVER_PHRASES = tuple(
    tuple(line.split())
    for line in """everything is sore | everything is stiff | ache all over | aching all over |
    sore all over | stiff all over | so stiff | so sore""".split("|")
)


def stiff_all_over(words: Sequence[str]) -> bool:
    """Whether the words tell of stiffness or soreness all over ("so stiff this morning")."""
    return first_span(words, _STIFF_ALL_OVER_PHRASES) is not None


def worn_out(words: Sequence[str]) -> bool:
    """Whether the words tell that the writer's whole body is worn out, sore or stiff
    (`_WORN_OUT_PHRASES`, `_STIFF_ALL_OVER_PHRASES`), not "dying to try yoga" or "killing it
    at yoga"."""
    return first_span(words, _WORN_OUT_PHRASES) is not None or stiff_all_over(words)


def tells_a_physical_day(words: Sequence[str]) -> bool:
    """Whether the words tell of a hard physical day or session (`PHYSICAL_DAYS`): "after
    moving house", "a day of gardening", "did 100 burpees"."""
    return has_pair(words, _PHYSICAL_DAY_PAIRS) or not PHYSICAL_DAYS.isdisjoint(words)


WHOLE_BODY_WORDS = frozenset({"everything", "everywhere", "body"})
WHOLE_BODY_REACH = 3
#: ... and word pairs that say it: "stiff all over", "stiff as a board", "like a plank"
WHOLE_BODY_PAIRS = frozenset({("all", "over"), ("a", "board"), ("a", "plank")})
#: the writer told as stiff, no part named, is the whole body too ("im so stiff", "getting
#: old has made me so stiff"): the pair, then a stiffness word within `WHOLE_BODY_REACH`
WRITER_PAIRS = frozenset({("i", "am"), ("made", "me"), ("i", "feel"), ("i", "get")})
WRITER_STIFF_WORDS = frozenset("stiff stiffer tight tighter inflexible creaky seized".split())
#: ... or a message that opens with stiffness, the writer left out ("stiff as anything after a
#: 12 hour shift", "so stiff today", "achy and stiff after work"): one of these words, after
#: the fillers, then the end or one of the followers ("tight" is left out: "tight on money
#: today"; a follower list keeps out "stiff drink after work", "aching for a holiday")
OPENING_STIFF_WORDS = frozenset("stiff stiffer creaky seized achy achey aching".split())
OPENING_STIFF_FILLERS = frozenset("so soo sooo really super very just ugh omg man feeling".split())
OPENING_STIFF_FOLLOWERS = frozenset(
    "as after from today tonight this and af lol since every when all at in".split()
)


def opens_with_stiffness(words: Sequence[str]) -> bool:
    """Whether the message opens with the writer's stiffness, the writer left out: "stiff
    as anything after a 12 hour shift", "so stiff today", "achy and stiff after work"."""
    at = next((i for i, w in enumerate(words) if w not in OPENING_STIFF_FILLERS), len(words))
    if at == len(words) or words[at] not in OPENING_STIFF_WORDS:
        return False
    return at + 1 == len(words) or words[at + 1] in OPENING_STIFF_FOLLOWERS


#: tight on or for something is short of it, not stiff ("i'm really tight on time", "tight
#: for cash this month")
SHORT_OF_WORDS = frozenset({"tight", "tighter", "stretched", "short"})
SHORT_OF_LINKS = frozenset({"on", "for", "of"})
SHORT_OF_THINGS = frozenset("time money cash budget funds space room spare staff".split())


def short_of_something(words: Sequence[str]) -> bool:
    """Whether the words say someone is short of time, money or room, not stiff: "i'm
    really tight on time", "a bit tight for cash"."""
    return any(
        a in SHORT_OF_WORDS and b in SHORT_OF_LINKS and c in SHORT_OF_THINGS
        for a, b, c in zip(words, words[1:], words[2:], strict=False)
    )


#: after a warm-up, "after" among a message's first this many words asks for its cool-down
TWIN_REACH = 4
#: ... unless the message opens asking how long or how much: "how long before i see
#: progress" asks a time, not for the warm-up
DURATION_OPENERS = frozenset({("how", "long"), ("how", "soon"), ("how", "many"), ("how", "much")})
#: ... in a message with a question mark or opening with one of these
TWIN_OPENERS = frozenset(
    {
        "and",
        "what",
        "how",
        "now",
        "then",
        "ok",
        "okay",
        "for",
        "actually",
        "one",
        "something",
        "same",
    }
)
#: words that open a thank-you ("cheers, off on my round now")
THANKS_OPENERS = frozenset({"thanks", "thank", "cheers", "ta", "thankyou", "tysm", "thnx"})
#: praise that opens a reply to what was shown ("lovely, sending it to my mum") ...
PRAISE_OPENERS = frozenset(
    {"lovely", "great", "perfect", "brilliant", "awesome", "amazing", "nice", "cool", "sweet"}
)
#: ... unless the next word is what is praised ("great stretch for runners", "nice one")
_PRAISED_NEXT = frozenset(
    """stretch stretches routine routines one tip tips question job work way idea""".split()
)
#: "every day", "each day": a daily tip, not one now
EVERY_DAY = frozenset(
    {
        ("every", "day"),
        ("each", "day"),
        ("every", "morning"),
        ("each", "morning"),
        ("every", "night"),
        ("each", "night"),
        ("every", "evening"),
        ("each", "evening"),
        ("every", "afternoon"),
        ("each", "afternoon"),
        ("every", "lunchtime"),
    }
)
#: yes-or-no openings that ask for something rather than whether: "is there a full cooldown
#: for after games", "can you give me a warm up", "do you have a cooldown"
ASKING_FOR_STARTS = frozenset(
    {
        ("is", "there"),
        ("are", "there"),
        ("can", "you"),
        ("could", "you"),
        ("do", "you"),
        ("have", "you"),
        ("would", "you"),
        ("will", "you"),
    }
)
#: what a daily message from us may be called: "a stretch every morning", "a tip each day"
DAILY_THINGS = frozenset(
    """stretch stretches stretching tip tips reminder reminders one something""".split()
)
#: what the daily tips may be called when someone turns them on or off: "the daily tip thing"
DAILY_SWITCH_THINGS = frozenset(
    """tip tips reminder reminders notification notifications notifs notif message messages
    msgs msg texts ones""".split()
)
#: ... turning them off: "stop the daily tips", "no more daily reminders"
DAILY_OFF_WORDS = frozenset(
    """stop unsubscribe cancel pause quit mute unsub disable anymore""".split()
)
DAILY_OFF_PAIRS = frozenset(
    {
        ("no", "more"),
        ("turn", "off"),
        ("switch", "off"),
        ("opt", "out"),
        ("not", "send"),
        ("not", "want"),
        ("not", "need"),
    }
)
#: words that point at the tip just shown ("one of these every day")
TIP_POINTERS = frozenset({"these", "them", "those", "this", "it", "one"})
#: ... and on: "sign me up for the daily tip", "i'd like the daily reminders"
DAILY_ON_WORDS = frozenset(
    """subscribe start send enable want like get receive resume please pls plz""".split()
)
#: a tip asked about something: "any tip for remembering to do this every day"
TIP_FOR_PAIRS = frozenset(
    (tip, prep) for tip in ("tip", "tips", "advice") for prep in ("for", "on", "about")
)
_SIGN_UP_PAIRS = frozenset(
    {
        ("sign", "me"),
        ("sign", "up"),
        ("turn", "on"),
        ("switch", "on"),
        ("opt", "in"),
        # "set me up for daily ones", "hook me up with the daily tips"
        ("set", "me"),
        ("hook", "me"),
    }
)
DAILY_ON_PAIRS = _SIGN_UP_PAIRS | frozenset(
    # "do you do daily tips?", "could you do a daily reminder"
    {(ask, "you") for ask in ("do", "can", "could", "will", "would")}
    # "sub me to the daily tips" (not "unsub")
    | {("sub", "me"), ("sub", "to")}
)
#: "send me", "remind me", "text me": asked to be sent something (with a daily time, the tips)
SENDING_PAIRS = frozenset(
    (word, "me") for word in ("send", "remind", "message", "text", "ping", "email")
)
#: "both sides?": the other side of the stretch on screen, in a message this short
BOTH_SIDES = frozenset(
    {("both", "sides"), ("each", "side")}
    | {("both", limbs) for limbs in ("legs", "arms", "feet", "ankles", "hands", "wrists", "knees")}
)
BOTH_SIDES_MAX_WORDS = 3
#: a follow-up move ("now the other leg?", "too hard") is a short message
MOVE_MAX_WORDS = 8
#: the most words a question after opening fillers may have to be read again without them
#: ("oh wait one more thing, should i do that before my run as well")
FILLED_MAX_WORDS = 10
#: the most words a message telling the time there is after a card may have ("what if i only
#: have a few mins before the school run")
TIME_HAD_MAX_WORDS = 12
#: a "why" asked again after a general answer opens with these or nothing ("but why, im only
#: 30") ...
WHY_AGAIN_OPENERS = frozenset({"but", "so", "and", "ok", "okay", "hmm", "um", "wait"})
#: ... and says nothing more than these, stopwords and numbers ("why tho im 28")
WHY_AGAIN_FILLER = frozenset(
    """tho though only even really exactly just still happen happens happening old young
    age anyway then like tbh""".split()
)
WHY_AGAIN_LEAD = "The reasons are all in this answer, so here it is again."


def without_leading(words: Sequence[str], leads: Collection[str]) -> Sequence[str]:
    """The words after any of `leads` that open them: ("but", "why") -> ("why",)."""
    at = 0
    while at < len(words) and words[at] in leads:
        at += 1
    return words[at:]


#: said first to a message saying the person will get care ("I'll ring my GP"; the red-flag
#: terms read it as `safety.SEEKING_CARE`)
GETTING_CARE_LEAD = (
    "Good plan. Tell them what you told me, and leave stretching that area until they have "
    "had a look."
)
#: cues that ask something of their own, which a message telling more of an activity does not
ACTIVITY_ASKING_CUES = frozenset(
    {"request", "asks_stretch", "why", "what", "asks_when", "complaint"}
)
#: said before the routine again when the message tells more of its activity
SAME_ACTIVITY_LEAD = "That's just what this one is for."
#: a question about the order of a routine's steps ("do i do them in order", "does the order
#: matter"), and what is said before the routine again
ORDER_PAIRS = frozenset(
    {("in", "order"), ("what", "order"), ("which", "order"), ("any", "order"), ("order", "matter")}
    | {("order", "matters"), ("same", "order"), ("different", "order")}
)
ORDER_LEAD = (
    "Top to bottom is the order it was put together in, and an easy one to follow. Skip any "
    "step that doesn't suit you."
)
#: an event of any sport, which after a sport's warm-up or cool-down is that sport's ("can i
#: do these before every game" after the football warm-up)
SPORT_EVENTS = frozenset(
    """game games match matches training practice practices session sessions race races
    fixture fixtures""".split()
)
#: words that aim a routine or a stretch at one area ("mostly for my lower back", "can you
#: focus on my hips", "i want it to hit my lats more")
FOCUS_WORDS = frozenset(
    "focus focused focusing mostly mainly especially particularly target targets hit".split()
)
#: words of a question about how to hold the stretch on screen or where to feel it
FORM_WORDS = frozenset(
    """feel feeling felt supposed meant normal wrong correct correctly properly form technique
    straight bent round rounded rounding arch arched arching arches palm palms facing upwards
    downwards flat pointed pointing lifts lifting caves twists""".split()
)
#: pairs that ask for just one of a routine's steps ("if i only do one which one", "which
#: is the most important one"), with a word that asks which
_JUST_ONE_PAIRS = frozenset(
    {("only", "do"), ("only", "one"), ("just", "one"), ("only", "have"), ("most", "important")}
)
_WHICH_WORDS = frozenset({"which", "what", "whats", "best", "important"})
JUST_ONE_LEAD = "If you only have time for one, make it this one: the routine holds it longest."


#: the words a bare ask for one step is made of: "just one pls", "can u give me only one",
#: "i only have time for one today"
_JUST_ONE_ASK = frozenset(
    "just only one pls please plz thanks ta then ok okay actually give me can could u you i do "
    "have got time for today tonight now lol tbh maybe stretch".split()
)


def asks_for_just_one(words: Sequence[str]) -> bool:
    """Whether a short message asks which one step to do when only one will be done: "if i
    only do one which one", "if i could only do one which would it be", or asks for one alone
    ("just one pls", "i only have time for one")."""
    if len(words) > SIZE_MOVE_MAX_WORDS or "one" not in words:
        return False
    if has_pair(words, _JUST_ONE_PAIRS) and not _WHICH_WORDS.isdisjoint(words):
        return True
    return bool({"just", "only"} & set(words)) and _JUST_ONE_ASK.issuperset(words)


#: ... and pairs that ask it: "how do i know im doing it right"
FORM_PAIRS = frozenset({("it", "right"), ("this", "right"), ("them", "right"), ("these", "right")})
_HOLD_ONTO_VERBS = frozenset({"hold", "holding", "hang", "grab", "lean", "leaning"})
_HOLD_ON_TO = frozenset({"to", "the", "a", "something", "my", "your", "it"})


def holds_onto(words: Sequence[str]) -> bool:
    """Whether the words tell of holding onto something for balance, not of holding a
    stretch: "do i hold onto a chair", "can i hold on to the wall" (not "how long do i hold
    on for")."""
    return any(
        word in _HOLD_ONTO_VERBS
        and (
            words[i + 1] == "onto"
            or (words[i + 1] == "on" and i + 2 < len(words) and words[i + 2] in _HOLD_ON_TO)
        )
        for i, word in enumerate(words[:-1])
    )


FORM_LEAD = "Here's how it should feel and what to watch for."
#: words a question may open with before its first word: "wait do u mean palm up or down"
_OPENING_FILLERS = frozenset("wait sorry hmm hm huh eh um umm erm oh ah btw but".split())


def without_fillers(words: Sequence[str]) -> Sequence[str]:
    """The words without the fillers they open with ("wait", "sorry", "hmm", "hang on")."""
    words = without_leading(words, _OPENING_FILLERS)
    while tuple(words[:2]) in _OPENING_FILLER_PAIRS or tuple(words[:3]) in _OPENING_FILLER_TRIPLES:
        skip = 2 if tuple(words[:2]) in _OPENING_FILLER_PAIRS else 3
        words = without_leading(words[skip:], _OPENING_FILLERS)
    # "tell me about stretching for swimming": what it is told about
    asked = next((len(a) for a in _ABOUT_OPENERS if tuple(words[: len(a)]) == a), 0)
    return words[asked:] if asked < len(words) else words


#: openings that ask to be told about what follows: "tell me about", "what do you know
#: about", "do you know anything about", "any info on"
_ABOUT_OPENERS = tuple(
    tuple(opener.split())
    for opener in (
        "what do you know about",
        "do you know anything about",
        "do you know much about",
        "can you tell me about",
        "tell me about",
        "tell me more about",
        "any info on",
        "any info about",
        "info on",
        "anything on",
    )
)


_OPENING_FILLER_PAIRS = frozenset(
    {
        ("hang", "on"),
        ("hold", "up"),
        ("one", "sec"),
        ("right", "so"),
        ("right", "then"),
        ("right", "ok"),
        ("quick", "question"),
        ("another", "question"),
        # "dumb question but what actually is a muscle"
        ("dumb", "question"),
        ("stupid", "question"),
        ("silly", "question"),
        ("random", "question"),
        # "wait i meant for my legs mostly" after a desk break: what was meant
        ("i", "meant"),
        ("i", "mean"),
    }
)
#: ... and three words: "oh wait one more thing, should i do that before my run as well"
_OPENING_FILLER_TRIPLES = frozenset(
    {("one", "more", "thing"), ("one", "more", "question"), ("one", "last", "thing")}
    # "no i meant my legs": what was meant, put right
    | {(no, "i", mean) for no in ("no", "nah", "nope") for mean in ("meant", "mean")}
)


#: sensations with answers of their own, which a question of form does not ask about
SENSED_WORDS = NOISE_WORDS | frozenset(
    """shake shakes shaking shaky tremble trembling wobble wobbles wobbly cramp cramps cramping
    tingle tingles tingling tingly numb pins""".split()
)
#: words of a question of timing, which a question about form does not hold
FORM_TIMING_WORDS = frozenset(
    """long often many times seconds secs minutes mins before after daily every when""".split()
)
#: words of a question about holding a stretch ("can i hold it longer", "longer hold?"):
#: `HOLD_WORDS`, above
#: a hold question with one of these is about stretches in general ("how long do i hold
#: each", "hold them all for 30s?"), not the card on screen
HOLD_OF_MANY = frozenset("""each every all them these those stretches ones""".split())
#: words that, before a side, a leg or an arm, ask of each side of the card on screen
_PER_SIDE = frozenset({"each", "every", "per"})


def per_side(words: Sequence[str], at: int | None = None) -> bool:
    """Whether the words say "each side", "per leg", "every arm" (at `at`, or anywhere)."""
    spots = range(len(words) - 1) if at is None else (at,)
    return any(
        words[i] in _PER_SIDE and i + 1 < len(words) and words[i + 1] in SIDE_NAMES for i in spots
    )


def holds_of_many(words: Sequence[str]) -> bool:
    """Whether a hold question is about stretches in general (`HOLD_OF_MANY`), not "how long
    each side" of the card on screen."""
    return any(w in HOLD_OF_MANY and not per_side(words, i) for i, w in enumerate(words))


#: cues of a question of its own, which a message aimed at an area does not ask
OWN_ASK_CUES = frozenset({"why", "what", "asks_when"})
#: a thing ("dog", "drawers", "guitar") with this many words or fewer between it and an area word
#: is what the word names: "my dog's back", "chest of drawers", "guitar neck"
NOT_A_BODY_REACH = 1
#: how far after "for" the area a request is for may come ("one more for my tight quads")
AIM_REACH = 3
#: the words that make an area the writer's, up to this many words before it ("my left calf")
FIRST_PERSON = frozenset({"my", "our"})
#: words that make a thing the subject of a message ("my horse has a tight calf")
THING_OWNERS = frozenset({"my", "our", "his", "her", "their", "the"})
#: the animals among the things (`THING_CUE` terms): one at the start of a message, owned
#: ("my cat does this massive stretch every morning"), is whom the message is about
ANIMALS = frozenset(
    """dog dogs puppy puppies pup cat cats kitten kittens horse horses pony foal cow lizard
    snake hamster rabbit bird parrot pet guinea gerbil ferret tortoise budgie""".split()
)
#: how many words after its owner an animal subject may come ("my cat", "my old dog")
ANIMAL_SUBJECT_REACH = 3
#: ... of which these are a person's ("my dog", not "the dog pose")
PERSONAL_OWNERS = THING_OWNERS - {"the"}
#: ... and before what a warm-up is done to: "warm up | my car", "cool down | the room"
WARMED_THING_OWNERS = THING_OWNERS | {"your", "a", "an", "this", "that"}
#: the writer as the subject or object of a message ("my dog pulled me over and i have a
#: new hip" is the writer's too)
SELF_WORDS = frozenset({"i", "me", "myself"})
#: words of a message about its writer ("stiff lower back every time i get out of the car")
WRITER_WORDS = FIRST_PERSON | {"i", "me"}
OWNED_REACH = 2
#: a thing at least this many words from every area word is part of the story, not the area's
#: owner, in a message about the writer
THING_FAR = 3
#: a complaint this close after a thing is the thing's ("my shirt is tight")
THING_COMPLAINT = 2
#: a change to the routine on screen may say a little more ("can i get a longer version for
#: the weekend")
SIZE_MOVE_MAX_WORDS = 16
#: "stretch?", "a stretch pls": after a topic, its stretch
ASK_FOR_A_STRETCH = frozenset(
    "stretch stretches stretching a one any pls please plz how to then them em it those these".split()
    # "fix?", "any remedy?" after a topic: what to do about it
    + "fix fixes remedy remedies relief cure solution solutions".split()
)
#: ... and these around "stretch" or "stretches": "is there a stretch i can do", "do you have
#: a stretch for that instead", "got a good stretch maybe"
STRETCH_ASK_FILLERS = frozenset(
    """is there do you have got know i can could try some good quick simple for that this
    me give gimme show instead maybe something anything suggest recommend ok okay so what
    about like""".split()
)
#: words that ask how often ("every hour", "twice a day", "daily")
FREQUENCY_WORDS = frozenset({"every", "often", "daily", "hourly", "weekly", "times", "twice"})
#: words that point at every step of the routine on screen ("all of these", "any of them")
ALL_OF_THEM = frozenset({"all", "any", "these", "those"})
#: words by which a request is for the writer ("stretches for me?")
FOR_MYSELF = frozenset({"me", "myself", "i", "my"})
#: ... as a pair: "any stretches for me"
FOR_ME_PAIRS = frozenset({("for", "me"), ("for", "myself")})
#: "what do i need to do", "what do i have to do": what to do about the thing talked of
NEED_TO_DO_PAIRS = frozenset({("need", "to"), ("have", "to")})
#: a stretch break asked for: the setting's routine, not one area's stretch
BREAK_WORDS = frozenset({"break", "breaks"})
#: the plain nouns for a stretch that `STRETCH_ASK_FILLERS` go with
STRETCH_NOUNS = frozenset({"stretch", "stretches"})
#: every word a bare ask for a stretch may have ("is there a good stretch i can do")
_BARE_STRETCH_ASK = ASK_FOR_A_STRETCH | STRETCH_ASK_FILLERS


#: the words of a plain ask for a routine ("give me a routine", "any routine pls")
_BARE_ROUTINE_ASK = frozenset(
    """give me a an the routine plan session please pls plz any some good quick can could you
    i get have send want need one for it that this then ok so just and""".split()
)
_ROUTINE_ASKED = frozenset({"routine", "plan", "session"})


def bare_routine_ask(words: Sequence[str]) -> bool:
    """Whether the words only ask for a routine, naming nothing else: "give me a routine",
    "any routine?", "plan pls"."""
    return not _ROUTINE_ASKED.isdisjoint(words) and set(words) <= _BARE_ROUTINE_ASK


#: what may stand right before "routine" in an ask for one to do ("any quick routine", "a
#: gentle 5 minute routine", "stretch routine"), where "skincare routine", "my routine" and
#: "the kids' bedtime routine" are about something else
_ROUTINE_ASK_MODIFIERS = frozenset(
    """a an any some quick quickie short gentle easy simple good nice little basic light
    relaxing new decent proper small tiny stretch stretching stretchy mobility flexibility
    minute minutes min mins full whole body daily""".split()
)
#: ... a stretch word and one of these is a routine too: "3 min stretch thing i can do"
_STRETCH_THINGS = frozenset({"thing", "session", "sesh", "set"})
#: ... and the rest of the message says it is to be done, for the body: "to do before work",
#: "to get moving again", "so im not hobbling"
_ROUTINE_DOING = frozenset(
    """do doing moving move loosen loose limber stiff stiffness hobbling hobble sore soreness
    tight tightness ache aches achy relax unwind wake stretch stretching stretches mobility
    flexible flexibility muscles body joints warm cool""".split()
)


def asks_a_routine_to_do(words: Sequence[str]) -> bool:
    """Whether the words (a piece of a message) ask for a routine to do, whatever they say
    of when or why, with an ask's opener ("any quick routine to do before work", "a gentle 5
    minute routine to get moving again?", "3 min stretch thing i can do in between games"): a
    plain word before "routine", and a word of doing or of the body after it."""
    if not words or not (
        words[0] in PLAIN_ASK_OPENERS or words[0] in YES_NO_STARTS or words[0].isdigit()
    ):
        return False
    for i, word in enumerate(words):
        routine = word in ROUTINE_NAMES or (
            word in _STRETCH_THINGS and i > 0 and words[i - 1] in STRETCH_NOUNS
        )
        if not routine:
            continue
        before = words[i - 1] if i else ""
        if before and before not in _ROUTINE_ASK_MODIFIERS and not before.isdigit():
            return False
        return not _ROUTINE_DOING.isdisjoint(words[i + 1 :]) or before in STRETCH_NOUNS
    return False


#: the words that start an object of "stretching": "stretching a canvas", "stretching out my
#: shoes" stretch a thing
_STRETCHED_THING_STARTS = frozenset(
    "a an the my your his her our their these those this that out".split()
)


def asks_a_stretching_tip(words: Sequence[str]) -> bool:
    """Whether the words ask for a tip on stretching, the practice, whoever it is for ("what's
    your number one stretching tip for people who stand all day", "quick tip for stretching
    when youre up a ladder"), not on stretching a thing ("tips for stretching out my
    shoes")."""
    tips = [i for i, w in enumerate(words) if w in TIP_WORDS]
    # "where you tip your head right back": the verb
    if not tips or any(
        i + 1 < len(words) and words[i + 1] in _STRETCHED_THING_STARTS | {"back", "forward"}
        for i in tips
    ):
        return False
    at = [i for i, w in enumerate(words) if w in STRETCHING_WORDS]
    return bool(at) and all(
        i + 1 == len(words) or words[i + 1] not in _STRETCHED_THING_STARTS for i in at
    )


#: the answer on muscle "knots", and the words that ask of one with the muscles in view ("what
#: exactly is a muscle knot"), where "a bowline knot" or "knots" of speed are not ours
KNOTS = "knots"
_KNOT_WORDS = frozenset({"knot", "knots", "knotted", "knotty"})
_KNOT_MUSCLE_WORDS = frozenset(
    "muscle muscles massage trigger tender sore tight tightness body foam roller".split()
)


#: the answer on what a muscle is, asked with a muscle as the thing asked about ("what
#: actually is a muscle", "what are muscles made of"), not a kind of one ("what is a pulled
#: muscle", "what is a muscle knot"): only these may follow the muscle
WHAT_A_MUSCLE_IS = "what_a_muscle_is"
_AFTER_A_MUSCLE = frozenset(
    "actually exactly even really and made anyway lol though tho then like for".split()
)
_WHAT_REACH = 4


def asks_what_a_muscle_is(words: Sequence[str]) -> bool:
    """Whether the words ask what a muscle is: "what is a muscle actually", "dumb question but
    what even is a muscle", "what are muscles made of"."""
    for i, word in enumerate(words):
        named = (word == "muscle" and tuple(words[max(0, i - 2) : i]) == ("is", "a")) or (
            word == "muscles" and i > 0 and words[i - 1] == "are"
        )
        if (
            named
            and "what" in words[max(0, i - _WHAT_REACH) : i]
            and (i + 1 == len(words) or words[i + 1] in _AFTER_A_MUSCLE)
        ):
            return True
    return False


def asks_about_knots(words: Sequence[str], talk_of_stretching: bool) -> bool:
    """Whether the words ask about muscle knots with no area named: a knot word with a word
    of the muscles, or in a talk about stretching ("whats a knot" after a stretch)."""
    return not _KNOT_WORDS.isdisjoint(words) and (
        talk_of_stretching or not _KNOT_MUSCLE_WORDS.isdisjoint(words)
    )


def bare_stretch_ask(words: Sequence[str]) -> bool:
    """Whether the words only ask for a stretch, naming nothing else: "stretch?", "is there a
    stretch i can do", "any good stretches"."""
    return not STRETCH_NOUNS.isdisjoint(words) and set(words) <= _BARE_STRETCH_ASK


#: the steps of a card, asked for again: "can u repeat the steps"
STEP_WORDS = frozenset({"step", "steps", "instructions", "directions"})
#: a step of a routine by its place ("the second one", "number 3", "the last stretch")
_PLACES = {
    "first": 0,
    "1st": 0,
    "second": 1,
    "2nd": 1,
    "third": 2,
    "3rd": 2,
    "fourth": 3,
    "4th": 3,
    "fifth": 4,
    "5th": 4,
    "sixth": 5,
    "6th": 5,
    "seventh": 6,
    "7th": 6,
    "eighth": 7,
    "8th": 7,
    "last": -1,
    "final": -1,
}
#: what a place names: "the second one", "the 3rd stretch"
_PLACED = frozenset("one stretch move exercise pose step".split())
#: what a number after it names: "number 3", "step 2", "no 4"
_NUMBERED = frozenset({"number", "step", "no", "num", "nr"})
_MAX_STEP_NUMBER = 12
#: words that ask for something other than the step named ("second one is weird, another?")
OTHER_THAN = frozenset({"another", "different", "instead", "else", "swap", "replace"})
#: a message that names a step by its place says little else ("the second one, how do i do
#: that properly")
STEP_NAMED_MAX_WORDS = 12


def step_place(words: Sequence[str]) -> int | None:
    """The step a message names by its place, from 0 (-1 for the last), or None: "the second
    one", "how do i do the 3rd stretch", "number 2?", "step 4"."""
    for i, word in enumerate(words):
        after = words[i + 1] if i + 1 < len(words) else ""
        if word in _PLACES and after in _PLACED:
            return _PLACES[word]
        if word in _NUMBERED and after.isdigit() and 0 < int(after) <= _MAX_STEP_NUMBER:
            return int(after) - 1
    return None


#: "the former", "the latter": the first or the last of what was named
_FORMER_LATTER = {"former": 0, "latter": -1}


def area_place(words: Sequence[str]) -> int | None:
    """The place of one of the areas named before that a short message points at, from 0 (-1
    for the last), or None: "and the second", "ok the first one", "what about the latter"."""
    for i, word in enumerate(words):
        after = words[i + 1] if i + 1 < len(words) else ""
        if word in _FORMER_LATTER:
            return _FORMER_LATTER[word]
        if word in _PLACES and (not after or after in _PLACED or after in ("area", "bit")):
            return _PLACES[word]
    return None


#: words that ask to leave a routine's step out: "skip the leg swings", "can you drop the
#: second one", "without the cat cow", "swap out the lunge"
_SKIP_WORDS = frozenset("skip drop remove ditch lose without minus cut replace swap".split())
_SKIP_PAIRS = frozenset({("leave", "out"), ("take", "out"), ("get", "rid"), ("no", "more")})
#: a message asking to leave out a step has at most this many words
SKIP_MAX_WORDS = 14
#: words of a stretch's name too common to tell which step a message means
STEP_NAME_FILLER = frozenset("stretch stretches pose one the a on your with and of".split())


SKIPPED_LEAD = "Here it is without the {name}. I'll leave it out of routines from now on."
RESTORED_LEAD = "Here it is with the {name} back in."
#: words that, with "back", ask to put a step left out back: "put the leg swings back",
#: "bring back the cat cow"
_RESTORE_WORDS = frozenset({"put", "bring", "add", "want", "undo"})


def asks_to_restore(words: Sequence[str]) -> bool:
    """Whether the words ask to put something back: "put the leg swings back in"."""
    return "back" in words and not _RESTORE_WORDS.isdisjoint(words)


def asks_to_skip(words: Sequence[str]) -> bool:
    """Whether a short message asks to leave something out: "skip the leg swings", "drop the
    second one", "can we do it without the cat cow", "no high knees please"."""
    return len(words) <= SKIP_MAX_WORDS and (
        not _SKIP_WORDS.isdisjoint(words)
        or has_pair(words, _SKIP_PAIRS)
        or words[:1] == ("no",)  # "no high knees please"
    )


#: symptoms that are warning signs: a complaint that tells one gets the area's answer (which
#: says when to get it checked), not a stretch, even when no red flag was raised
WARNING_SIGNS = frozenset(
    """$swelling $redness_warmth $numbness $dead_feeling $weakness $fever $bladder_bowel
    $chest_pain $breathless $dizziness $fainting $deformity $pop $fall $blow_injury
    $serious_accident $sudden_sharp $cannot_bear_weight""".split()
)
#: the cues of a question: a complaint that holds none asks nothing
QUESTION_CUES = frozenset({"why", "what", "asks_when", "request", "asks_stretch"})
#: words after a message's last question mark that still leave it the last thing asked
#: ("what can i do in my seat? thanks")
_AFTER_QUESTION_MAX_WORDS = 3


def question_mark_at_end(text: str) -> bool:
    """Whether a message asks its question last: a question mark with at most a few words
    after it ("... at gas stops?", "... in my seat? thx"), not one followed by a story ("is
    it better before or after a run? my running club does static stretches ...")."""
    _head, mark, after = text.rpartition("?")
    return bool(mark) and len(after.split()) <= _AFTER_QUESTION_MAX_WORDS


#: words that tell soreness a day or more after the session ("2 days after leg day")
DELAYED_SORENESS_WORDS = frozenset(
    "doms days yesterday yesterdays yday tomorrow week morning today".split()
)
#: words that tell where a complaint comes from ("after my run", "from sleeping funny")
TOLD_CAUSES = frozenset({"after", "from", "since"})
#: words that acknowledge the last reply before a follow-up ("ok stretch it", "yeah how long
#: for"), unless the next word makes them part of the question ("ok to stretch it daily?");
#: praise ("great stretch") is left out: it is about the reply
ACK_LEADS = frozenset("ok okay k kk alright sure yeah yep yes".split())
#: a plan to do what was given, told: "ill do that one tonight before bed", "gonna try it
#: after work", "will give them a go later"
_PLAN_OPENERS = (
    ("i", "will"),
    ("ill",),
    ("will",),
    ("gonna",),
    ("i", "am", "gonna"),
    ("i", "am", "going", "to"),
    ("going", "to"),
    ("i", "shall"),
)
_PLAN_VERBS = frozenset({"do", "try", "give"})
_PLAN_POINTERS = frozenset({"it", "that", "this", "them", "these", "those", "one", "ones"})
#: ... or to pass it on: "great ill show him tonight", "gonna send it to my mum"
_SHOWING_VERBS = frozenset({"show", "teach", "send", "forward"})
_SHOWN_PEOPLE = frozenset({"him", "her", "them", "us", "my", "the"})
#: praise that may open a plan as an acknowledgement does ("great ill show him tonight")
_PLAN_PRAISE = frozenset("great cool nice perfect awesome brilliant lovely".split())
#: the most words after what is pointed at: when ("tonight before bed", "after work tomorrow")
PLAN_TAIL_MAX = 5


def _after_a_plan_opener(words: Sequence[str]) -> list[str]:
    """The words after the opener of a plan told ("ok ill | do that one tonight"), an
    acknowledgement before it skipped; none when no plan opener starts them."""
    rest = list(words[1:] if words and words[0] in ACK_LEADS | _PLAN_PRAISE else words)
    opener = next((o for o in _PLAN_OPENERS if tuple(rest[: len(o)]) == o), None)
    return [] if opener is None else rest[len(opener) :]


def tells_a_plan(words: Sequence[str]) -> bool:
    """Whether the words tell a plan to do what was just given, and nothing else: "ill do
    that one tonight before bed", "ok gonna try it after work", "will give them a go later"
    (not "i will do it but my knee hurts", nor a question)."""
    rest = _after_a_plan_opener(words)
    if not rest or rest[0] not in _PLAN_VERBS | _SHOWING_VERBS:
        return False
    pointers = _PLAN_POINTERS | (_SHOWN_PEOPLE if rest[0] in _SHOWING_VERBS else frozenset())
    rest = rest[1:]
    pointed = 0
    while pointed < len(rest) and rest[pointed] in pointers | {"a", "go"}:
        pointed += 1
    if not pointed or pointers.isdisjoint(rest[:pointed]):
        return False
    tail = rest[pointed:]
    return (
        len(tail) <= PLAN_TAIL_MAX
        and _PLAN_BUT.isdisjoint(tail)
        # "will try it later, thanks" is thanked; "gonna do it every day" asks after daily
        and THANKS_OPENERS.isdisjoint(tail)
        and ("thank", "you") not in zip(tail, tail[1:], strict=False)
        and not every_day(tail)
        and not has_pair(tail, EVERY_DAY_PAIRS)
    )


#: ... to go easier or gentler: "ok ill go gentler", "i'll take it easier next time"
#: ("ill do the easier one" asks for that card, and is no such plan)
_EASIER_PLAN_VERBS = frozenset({"go", "take", "ease", "keep", "be"})
_EASIER_PLAN_WORDS = frozenset(
    "easier gentler gently easy gentle softer lighter slower lightly off careful".split()
)
_EASIER_PLAN_REACH = 3


def tells_going_easier(words: Sequence[str]) -> bool:
    """Whether the words tell the writer's own plan to go easier or gentler ("ok ill go
    gentler, thanks", "i'll take it easier next time"), which asks for nothing."""
    rest = _after_a_plan_opener(words)
    return (
        bool(rest)
        and rest[0] in _EASIER_PLAN_VERBS
        and not _EASIER_PLAN_WORDS.isdisjoint(rest[1 : 1 + _EASIER_PLAN_REACH])
        and _PLAN_BUT.isdisjoint(rest)
    )


#: a plan told with a "but" or a question goes on to something else
_PLAN_BUT = frozenset({"but", "though", "tho", "if", "or", "how", "what", "when", "should"})
ACK_NOT_LEADS = frozenset("to if for with so".split())
#: a bare answer to a yes-or-no question the bot asked ("Is this about your calves?"): "yes",
#: "yep that's it", "nope not really"; the filler around them changes nothing
YES_WORDS = frozenset("yes yeah yep yup ya yea yeh ye yess yesss aye sure correct exactly".split())
NO_WORDS = frozenset("no nope nah nay".split())
_YES_NO_FILLER = frozenset(
    """please pls plz it is its that thats right indeed i am was not really thanks thank you
    about wrong isnt ok okay well um uh hmm mhm lol haha sort of kind kinda quite all good
    fine""".split()
)


def comma_terms(text: str) -> frozenset[str]:
    """The terms of a comma-separated list written over several lines, each with its spaces
    and line breaks made single spaces ("i will\n    try it" is "i will try it")."""
    return frozenset(" ".join(term.split()) for term in text.split(","))


#: a go-ahead to what an answer offered ("ok lets do it", "go for it", "im ready")
_GO_AHEAD = comma_terms(
    """lets do it, lets do this, let us do it, let us do this, lets go, let us go,
    go for it, i am ready, ready, ready when you are, do it, lets try it, lets try that, i will
    try it, i will give it a go, give it a go, go on then,
    go on, sign me up, go on sign me up, go on then sign me up, count me in, i am in,
    sign me up for those, sign me up for that, sign me up for them, sign me up for it,
    give me an example, an example, example, examples, any examples, like what, show me an
    example"""
)
_GO_AHEAD_FILLER = frozenset("ok okay alright right then yeah sure cool fine great".split())


def goes_ahead(words: Sequence[str]) -> bool:
    """Whether the words only say yes to what was offered: "ok lets do it", "go for it"."""
    rest = list(words)
    while rest and rest[0] in _GO_AHEAD_FILLER:
        rest.pop(0)
    while rest and rest[-1] in _GO_AHEAD_FILLER:
        rest.pop()
    return " ".join(rest) in _GO_AHEAD


def asks_a_stretch_by_article(words: Sequence[str]) -> bool:
    """Whether the words ask for a stretch as a thing ("a stretch before bed?", "any stretch
    for that"), not of stretching ("should it hurt when i stretch")."""
    return any(
        w in STRETCH_FORMS and i > 0 and words[i - 1] in _ASKED_BEFORE for i, w in enumerate(words)
    )


def yes_or_no(words: Sequence[str]) -> str | None:
    """ "yes" or "no" when the words only answer a yes-or-no question ("yeah that's right",
    "nope not really"); None for anything more ("yes, how do i stretch them")."""
    if (
        not words
        or len(words) > 5
        or not all(w in YES_WORDS or w in NO_WORDS or w in _YES_NO_FILLER for w in words)
    ):
        return None
    said_yes, said_no = not YES_WORDS.isdisjoint(words), not NO_WORDS.isdisjoint(words)
    if said_yes == said_no:
        return None  # neither ("thanks"), or both ("yes no")
    return "yes" if said_yes else "no"


#: what someone says who did not follow the last reply ("huh", "i dont get it", "what??")
_CONFUSED = comma_terms(
    """huh, what, wut, wat, eh, hm, hmm, what do you mean, what does that mean, what
    does it mean, what is that supposed to mean, i do not understand, do not understand, i do
    not get it, do not get it, i am confused, confused, confusing, that is confusing, i am
    lost, lost, come again, say that again, sorry what, what was that, i am not following,
    not following, you lost me, makes no sense, that makes no sense, does not make sense,
    that does not make sense"""
)
_CONFUSED_FILLER = frozenset("ok okay sorry um umm uh er erm but so wait lol".split())
#: a sound of musing ("huh", "hmm") closed by an ok says the reply was taken in
_MUSING = frozenset({"huh", "hm", "hmm", "eh", "oh"})
_UNDERSTOOD_LAST = frozenset({"ok", "okay", "k", "kk"})
#: said again for someone who did not follow, by what was said
CONFUSED_LEADS = {
    "stretch": (
        "Here it is again, one step at a time. Tell me which step is unclear, or ask for an "
        "easier one."
    ),
    "routine": (
        "Here it is again. Press Start guided and I'll take you through it one stretch at a "
        "time, or ask for a shorter one."
    ),
    "answer": "Here it is again. Ask me about any part of it, or for a stretch.",
}


def says_confused(words: Sequence[str]) -> bool:
    """Whether the words only say that the last reply was not followed: "huh", "sorry what",
    "i dont get it" (not "what stretch is that", which asks something)."""
    if len(words) >= 2 and words[-1] in _UNDERSTOOD_LAST and words[0] in _MUSING:
        return False  # "huh ok", "hmm okay": mulled over, then taken in
    rest = [w for w in words if w not in _CONFUSED_FILLER]
    return bool(rest) and " ".join(rest) in _CONFUSED


#: typed moves through a routine's steps after it is shown ("next", "start", "back"): +1 goes
#: on (from the overview: the first step), -1 goes back; the filler around them changes nothing
_STEP_ON = (
    "next, next one, next step, next stretch, nxt, start, begin, go, lets go, start it, "
    "lets start, lets do it, ready, i am ready, step by step, first one, first step, do it, "
    "lets do this, go for it, lets begin, start the routine, start routine"
)
#: ... of which these go on only during the steps (after the overview, the routine is done)
STEP_DONE = frozenset(
    {"done", "all done", "finished", "did it", "done it", "i did it", "i am done"}
)
#: ... and these skip a step, during the steps only ("skip", "skip this one")
STEP_SKIP = frozenset({"skip", "skip it", "skip this", "skip this one", "skip that", "pass"})
#: during the steps, these stop the routine where it is, with Resume
STEP_STOP = comma_terms(
    """stop, stop it, stop the routine, stop routine, stop this, quit, end, end it,
    enough, that is enough, cancel, exit, pause, i want to stop, i am stopping, i need to stop,
    stop here"""
)
STEP_MOVES = (
    dict.fromkeys(_STEP_ON.split(", "), 1)
    | dict.fromkeys(STEP_DONE, 1)
    | dict.fromkeys(STEP_SKIP, 1)
    | dict.fromkeys(("back", "go back", "previous", "previous one"), -1)
)
#: words that ask what comes after a step named: "whats next after the cat cow one"
NEXT_WORDS = frozenset({"next", "comes", "then", "follows"})
STEP_FILLER = frozenset(
    "ok okay please pls plz then now and so yes yep yeah alright the one what is show me give us".split()
)


def one_step_move(said: str) -> str:
    """Two moves on said together, as the first alone ("skip it, whats next" is "skip it",
    once "what is" is filler); `said` otherwise."""
    words = said.split()
    for i in range(1, len(words)):
        first, rest = " ".join(words[:i]), " ".join(words[i:])
        if STEP_MOVES.get(first) == 1 and STEP_MOVES.get(rest) == 1:
            return first
    return said


#: the words of a question why or how what was shown helps ("why does that help", "how
#: does this work", "what does it do for me")
_HOW_IT_HELPS_ASKS = frozenset({"why", "how", "what"})
_HOW_IT_HELPS_WORDS = frozenset({"help", "helps", "helping", "work", "works", "good"})


#: pairs that doubt that it helps at all: "does 5 min actually do anything", "is it even
#: worth it", "will that make a difference"
_DOES_ANYTHING_PAIRS = frozenset(
    {
        ("do", "anything"),
        ("does", "anything"),
        ("a", "difference"),
        ("worth", "it"),
        ("even", "help"),
        ("actually", "help"),
        ("really", "help"),
        ("even", "work"),
        ("actually", "work"),
    }
)


def asks_why_it_helps(words: Sequence[str]) -> bool:
    """Whether the words ask why or how the thing pointed at helps, or doubt that it does:
    "why does that help", "how does this work", "what is it good for", "why tho, does 5 min
    actually do anything"."""
    return bool(words) and (
        (
            words[0] in _HOW_IT_HELPS_ASKS
            and not POINTING_WORDS.isdisjoint(words)
            and not _HOW_IT_HELPS_WORDS.isdisjoint(words[2:])
        )
        or (has_pair(words, _DOES_ANYTHING_PAIRS) and not YES_NO_STARTS.isdisjoint(words))
    )


#: a short question where what was said comes from ("source?", "says who", "any evidence
#: for that", "where did you get that from")
_SOURCE_WORDS = frozenset(
    """source sources evidence research studies study citation citations reference
    references proof""".split()
)
_SOURCE_PAIRS = frozenset({("who", "says"), ("get", "that"), ("that", "from")})
_SAYS_WHO = frozenset({("says", "who")})
SOURCE_ASK_MAX_WORDS = 7


def asks_for_sources(words: Sequence[str]) -> bool:
    """Whether a short message asks where what was said comes from: "source?", "says who",
    "any research on that", "where did you get that from"."""
    if not words or len(words) > SOURCE_ASK_MAX_WORDS:
        return False
    if not _SOURCE_WORDS.isdisjoint(words):
        return True
    if has_pair(words, _SAYS_WHO):
        return True  # "says who?"
    return words[0] in ("who", "where") and has_pair(words, _SOURCE_PAIRS)


#: the intents of a guided routine's steps
GUIDE_PREFIX = "guide."
#: places where a stretch is done sitting, unnoticed ("can i do it in meetings")
#: a stretch asked for at work: "anything I can do at work", "between clients", "on my shift"
AT_WORK_SPANS = frozenset(
    tuple(phrase.split())
    for phrase in (
        "at work",
        "at the office",
        "in the office",
        "at my desk",
        "at my workstation",
        "between clients",
        "between customers",
        "between patients",
        "between games",
        "between matches",
        "between lessons",
        "between classes",
        "on shift",
        "on my shift",
        "during my shift",
        "during work",
        "on my break",
        "on a break",
        "lunch break",
        "on my lunch",
        "at lunch",
        "tea break",
        "coffee break",
        "between drops",
        "between deliveries",
        "between jobs",
        "between calls",
        "between meetings",
    )
)
#: the routine for a break at work: the desk break the /start buttons offer
DESK_BREAK = WELCOME_ROUTINE
#: the people of a workplace: "without my coworkers noticing"
WORK_PEOPLE = frozenset(
    "coworker coworkers colleague colleagues workmate workmates boss manager".split()
)
#: what asks for something to do: "something i can do", "anything quick", "one i can do"
_SOMETHING_TO_DO = frozenset(
    {"something", "anything", "stretch", "stretches", "one", "thing", "things"}
)


def asks_something_at_work(words: Sequence[str]) -> bool:
    """Whether a message asks for something to do at work and names nothing else to do it
    for: "something i can do without my coworkers noticing", "something quick i can do
    between clients"."""
    if "do" not in words or _SOMETHING_TO_DO.isdisjoint(words):
        return False
    return not WORK_PEOPLE.isdisjoint(words) or first_span(words, AT_WORK_SPANS) is not None


AT_WORK = frozenset(
    "work office desk meeting meetings zoom call calls lecture lectures class classroom".split()
)
#: a bare "and?" or "so?" after an answer about an area: and what do I do about it
CARRY_ON_WORDS = frozenset({"and", "so", "then", "well"})
#: words that join a bare question to the reply before ("and how", "when though"): with one
#: of `BARE_ASKS` and nothing else, after an area, they ask how to stretch it or when
BARE_JOINERS = frozenset("and so but then though exactly ok okay again".split())
BARE_ASKS = {"how": "stretch", "when": "when"}
#: "can you even stretch it?", "is it possible to stretch them" after an area: whether it can
#: be stretched at all, which its stretch answers; only these words (with a stretch word and
#: a pointing one), so "is it bad to stretch it" stays a question of harm
STRETCHABLE_ASK = frozenset(
    """can could you i we one even actually really is it possible to stretch stretched them
    that those they be at all properly""".split()
)
#: "show me one", "anything for that": a request for a stretch this short, after an area, is
#: for that area
SHORT_ASK_WORDS = 5
#: words that open a clause of when something happens: "a stretch that helps when it kicks in"
_WHEN_WORDS = frozenset({"when", "whenever", "while", "during", "once", "before", "after"})


def before_when(words: Sequence[str]) -> Sequence[str]:
    """The words before the first clause of when ("is there a stretch that helps" of "... when
    it kicks in"), or all of them."""
    at = next((i for i, w in enumerate(words) if w in _WHEN_WORDS and i), len(words))
    return words[:at]


#: words that ask for something else than a stretch ("show me a tip")
OTHER_ASKS = frozenset({"tip", "tips", "routine", "routines", "warmup", "cooldown"})
#: "thanks! and how long do i hold it?": a thank-you this long or longer carries a question
THANKS_LEAD_MIN_WORDS = 3
#: after a greeting, at most this many words that ask nothing still make the message a greeting
#: ("hi there, new here", "hello, just found this bot")
GREETING_REST_MAX_WORDS = 4
#: a statement about the writer's life after a reply about an area is this short, has words of
#: at least STORY_MIN_CHARS letters in common with the area's why-it-gets-tight answer, other
#: than STORY_GENERIC, and asks nothing (STORY_NOT_CUES)
STORY_MAX_WORDS = 20
STORY_MIN_CHARS = 4
STORY_GENERIC = frozenset(
    """work working worked time times long longer day days week weeks feel feels make makes
    made more most much usually often help helps well good still even other some such""".split()
)
STORY_LEAD = "That fits what I said above. A stretch that helps:"
#: ... and after whether stretching the area helps ("so stretching them will help?")
IT_HELPS_LEAD = "Regular, gentle stretching usually helps a tight muscle feel easier. One to start:"
#: words that ask whether something helps or works: "will stretching help", "does it work"
_HELPS_WORDS = frozenset({"help", "helps", "work", "works", "fix", "fixes", "worth"})
#: words before a yes-or-no question: "so stretching them will help?", "and will stretching ..."
_HELPS_LEADS = frozenset({"so", "and", "but", "ok", "okay", "then"})
#: the most words such a question has
_HELPS_MAX_WORDS = 8


def asks_if_stretching_helps(words: Sequence[str]) -> bool:
    """Whether a short question asks whether stretching helps: "will stretching help?", "so
    stretching them will help?", "would stretching it fix that"; not "does stretching help
    with stress" (a subject named) nor a statement ("stretching helps")."""
    kept = [w for w in words if w not in _HELPS_LEADS]
    if not kept or len(kept) > _HELPS_MAX_WORDS:
        return False
    if STRETCH_FORMS.isdisjoint(kept) or _HELPS_WORDS.isdisjoint(kept):
        return False
    asked = kept[0] in YES_NO_STARTS or any(w in YES_NO_STARTS for w in kept[1:4])
    # nothing after the help word but a pointer: "help with stress" names a subject
    at = next(i for i, w in enumerate(kept) if w in _HELPS_WORDS)
    rest = [w for w in kept[at + 1 :] if w not in POINTING_WORDS and w not in ("at", "all", "much")]
    return asked and not rest


#: ... and after a habit the answer does not name ("i carry my kid a lot")
HABIT_LEAD = "Habits like that can keep a muscle tight. A stretch that helps:"
#: the units of a length in seconds ("a 30 second version", "only got 20 secs")
_SECOND_UNITS = frozenset({"second", "seconds", "sec", "secs"})
_SECONDS_GLUED = re.compile(r"\d{1,3}(?:s|sec|secs|second|seconds)")
#: a hold this short is done many times over: a few of them are the quick form
SHORT_HOLD_SECONDS = 10


def seconds_lead(static: bool, sided: bool, hold: int) -> str:
    """The lead of a card asked for in a few seconds: one round is its quick form."""
    once = "once on each side" if sided else "once"
    if static and hold <= SHORT_HOLD_SECONDS:
        return "Short on time? A few of its short holds still count. Do them all when you can."
    if not static:
        return f"Short on time? One round, {once}, still counts. Add rounds when you have longer."
    return (
        f"Short on time? Do it {once} and hold for about {hold} seconds: that still counts. "
        "Add rounds when you have longer."
    )


def names_seconds(words: Sequence[str]) -> bool:
    """Whether the words name a length in seconds: "30 second", "20 secs", "45s"."""
    for i, word in enumerate(words):
        if _SECONDS_GLUED.fullmatch(word):
            return True
        if (
            word in _SECOND_UNITS
            and i > 0
            and (words[i - 1].isdigit() or words[i - 1] in NUMBER_WORDS)
        ):
            return True
    return False


#: "left or right first?", "which leg first": either side, the same on both
EITHER_SIDE_LEAD = (
    "Either side first is fine. Give both sides the same hold; if one is tighter, you can give "
    "it one extra round."
)
_WHICH_SIDE = frozenset({"side", "leg", "arm", "one", "foot", "hip", "shoulder"})


#: the answer to whether both sides need the stretch when one is tighter
BOTH_SIDES_LEAD = (
    "Yes, stretch both sides so they stay balanced. You can give the tighter side one extra round."
)
#: ... and told that one side is worse
ONE_SIDE_WORSE_LEAD = (
    "One side often feels tighter. Still stretch both so they stay balanced, and give the "
    "tighter side one extra round."
)
#: "do i still do both", "do both sides", "should i do both legs"
_BOTH_ASKS = frozenset({("do", "both"), ("stretch", "both"), ("doing", "both")})
_ONE_SIDE_TOLD = frozenset(
    {"only", "just", "left", "right", "tight", "tighter", "tightest", "worse"}
)


def asks_whether_both(words: Sequence[str]) -> bool:
    """Whether the words ask whether to do both sides ("only my left one is tight, do i still
    do both", "should i stretch both legs or just the tight one")."""
    # one side told as tighter ("do i do both?" alone asks for the other side's card)
    if _ONE_SIDE_TOLD.isdisjoint(words):
        return False
    return has_pair(words, _BOTH_ASKS) and (
        words[0] in YES_NO_STARTS
        or any(w in YES_NO_STARTS and nxt == "i" for w, nxt in zip(words, words[1:], strict=False))
    )


#: the sides, and how one is told worse than the other ("my left side is worse")
_SIDES = frozenset({"left", "right"})
_WORSE_WORDS = frozenset(
    {"worse", "tighter", "stiffer", "sorer", "tightest", "worst", "mostly", "mainly", "especially"}
)


#: what a side told may close by asking: "... does that change anything"
_CHANGES_ANYTHING = (
    ("does", "that", "change"),
    ("does", "it", "change"),
    ("does", "that", "matter"),
    ("does", "it", "matter"),
    ("is", "that", "bad"),
    ("is", "that", "normal"),
)


def tells_one_side_worse(words: Sequence[str]) -> bool:
    """Whether a short message only tells that one side is worse than the other: "my left
    side is worse", "left one is way tighter", "its mostly the left side, does that change
    anything" (not "is the left side worse if i sit cross-legged")."""
    found = first_span(words, _CHANGES_ANYTHING)
    if found is not None and found[0] > 0:
        words = words[: found[0]]  # "... does that change anything" asks what the side changes
    return (
        len(words) <= SIZE_MOVE_MAX_WORDS
        and not _SIDES.isdisjoint(words)
        and not _WORSE_WORDS.isdisjoint(words)
        and words[0] not in YES_NO_STARTS
        and words[0] not in WH_WORDS
    )


#: words that single out one area as the one that bothers most ("lower back is usually the
#: worst bit", "calves are the tightest")
_MOST_WORDS = frozenset({"worst", "tightest", "stiffest", "sorest"})


def tells_the_worst_area(words: Sequence[str]) -> bool:
    """Whether a message tells which area bothers most: "lower back is usually the worst bit",
    "calves are the tightest" (not "why are my calves the tightest")."""
    return (
        not _MOST_WORDS.isdisjoint(words)
        and words[0] not in YES_NO_STARTS
        and WH_WORDS.isdisjoint(words)
    )


#: words that set one side against the other: "only one side", "one leg is tighter than the
#: other"
_ONE_SIDE_PAIRS = frozenset(
    {
        ("one", "side"),
        ("one", "leg"),
        ("one", "hip"),
        ("one", "knee"),
        ("than", "the"),
        ("the", "other"),
        ("one", "shoulder"),
        ("one", "calf"),
        ("one", "hamstring"),
    }
)
_TIGHT_WORDS_OF_A_SIDE = frozenset({"tight", "tighter", "stiff", "stiffer", "tightness"})


#: how a question opens that asks which muscle it is: "is that the adductors or something else"
IS_IT_THE = frozenset(
    (verb, it, the)
    for verb in ("is", "are")
    for it in ("that", "it", "this", "those", "these", "they")
    for the in ("the", "my")
)


def compares_sides(words: Sequence[str]) -> bool:
    """Whether the words set one side's tightness against the other's: "is that normal tho
    only one side being tight", "one hamstring is way stiffer than the other"."""
    return has_pair(words, _ONE_SIDE_PAIRS) and not _TIGHT_WORDS_OF_A_SIDE.isdisjoint(words)


def asks_which_side_first(words: Sequence[str]) -> bool:
    """Whether the words ask which side to do first: "left or right first?", "which leg
    first", "does it matter which side i start with"."""
    sides = {"left", "right"} <= set(words) and "or" in words
    which = "which" in words and not _WHICH_SIDE.isdisjoint(words)
    first = not {"first", "start", "begin"}.isdisjoint(words)
    return first and (sides or which)


#: how often the writer does something, which makes a statement a habit of their life: "i carry
#: my kid a lot", "i cycle loads", "on my feet all day"
HABIT_SPANS = frozenset(
    tuple(phrase.split())
    for phrase in (
        "a lot",
        "loads",
        "all day",
        "every day",
        "all the time",
        "constantly",
        "most days",
        "daily",
        "for work",
        "for hours",
        "every weekend",
        "every night",
        "every morning",
    )
)
STORY_NOT_CUES = frozenset({"request", "asks_stretch", "why", "what", "asks_when", "not_a_body"})
#: the general answer about sore muscles after exercise, and the words that place a complaint
#: after a session ("sore after my first class", "since leg day")
SORENESS = "soreness"
SORE_WORDS = frozenset({"sore", "soreness", "doms", "aching", "achy", "aches", "ache"})
#: the name of sore muscles after exercise: named, the soreness is what is asked about
DOMS_WORDS = frozenset({"doms"})
#: a question whether what is felt is normal: "is that normal?", "expected?"
NORMAL_WORDS = frozenset({"normal", "expected", "usual", "natural"})
AFTER_WORDS = frozenset({"after", "since", "from", "post"})
#: the general answers about something felt: named in a question, it is what is asked about
#: ("is it normal that it clicks", "is it normal to be sore after")
FELT_SUBJECTS = SENSATION_ANSWERS | {SORENESS}
#: general answers a question about sore muscles after a session reads like ("stretch or
#: rest?", "is stretching gonna help"): the soreness answer instead
ASKED_OF_SORENESS = frozenset({"every_day", "how_often", "benefits"})
#: ... in a message this short (a DOMS story told with the stairs and a question fits): a
#: longer one tells a story of its own
SORE_MAX_WORDS = 50
#: a complaint this many words or fewer after an area is about it ("legs are so tight")
COMPLAINT_AFTER = 3
#: the cues that say something of an area near them
SAYS_OF_AN_AREA = frozenset({"complaint", "request", "asks_stretch", "what", "why", "when"})
#: chat noise at the start and at the end of a message, read past when it was not understood
SOCIAL_LEADS = frozenset(
    {"well", "haha", "hahaha", "ha", "lol", "oh", "ah", "so", "hmm", "um"}
    # "yeah go on", "ok sure, next": a yes before the move
    | {"yeah", "yea", "yes", "yep", "yup", "ya", "ye", "ok", "okay", "sure", "alright"}
)
SOCIAL_TAILS = frozenset(
    {"x", "xx", "xxx", "anyway", "anyways", "dear", "mate", "lol", "haha", "tbh", "then", "btw"}
    # "ur pretty handy ngl": a hedge at the end
    | {"ngl", "fr", "tbf", "honestly", "lmao", "imo"}
)
#: chat words anywhere in a message that ask nothing ("can you even stretch it tho", "bet,
#: gimme a stretch", "quads esp"): a message missed with them is read again without them
HEDGE_WORDS = frozenset(
    """tho though even bet lowkey highkey ngl fr tbh tbf honestly rn esp especially literally
    actually kinda sorta lol lmao lmfao haha hahaha bruh dude bro yo um uh hmm btw anyway
    anyways pls plz please""".split()
)
#: "to" typed for "too" before these: "to hard", "its to much"
_TOO_WORDS = frozenset(
    "hard easy much difficult intense long short tight painful sore advanced basic fast".split()
)
#: ... after these, or first
_TOO_AFTER = frozenset({"its", "is", "was", "way", "bit", "little", "that", "this", "abit"})


def plainer(words: Sequence[str]) -> list[str] | None:
    """The words without chat hedges (`HEDGE_WORDS`), with "supposed to" as "should" and
    "to" typed for "too" mended: "where am i supposed to feel it" -> "where should i feel
    it", "to hard" -> "too hard". None when nothing changes or nothing is left."""
    out: list[str] = []
    i, n = 0, len(words)
    while i < n:
        word = words[i]
        if word in ("am", "are", "is") and tuple(words[i + 2 : i + 4]) == ("supposed", "to"):
            out += ["should", words[i + 1]]  # "am i supposed to" -> "should i"
            i += 4
            continue
        if word == "supposed" and i + 1 < n and words[i + 1] == "to":
            out.append("should")
            i += 2
            continue
        if (
            word == "to"
            and i + 1 < n
            and words[i + 1] in _TOO_WORDS
            and (i == 0 or words[i - 1] in _TOO_AFTER)
        ):
            out.append("too")
        elif word not in HEDGE_WORDS:
            out.append(word)
        i += 1
    if not out or out == list(words):
        return None
    return out


#: who or what a question asks of, right after its opening word ("can you", "is it")
ASKED_OF = frozenset("you u it i we they he she there this that these those my your".split())
#: a goodbye is a message this short
GOODBYE_MAX_WORDS = 8
#: words that are a goodbye only as the whole message ("night!"; not "last night")
GOODBYE_ALONE = frozenset({("night",), ("gnight",), ("nighty",), ("nitey", "nite")})
#: words that may trail a goodbye and leave it one: "bye now", "bye for now", "night all x"
GOODBYE_TAIL = frozenset({"now", "for", "then", "all", "x", "xx", "xxx", "mate", "guys"})
#: words that leave a message "just a topic" ("and my calves?", "what about my neck")
BARE_TOPIC_WORDS = frozenset(
    {"tight", "stiff", "sore", "what", "about", "how", "specifically", "too", "then", "now"}
    # a correction or a change of subject around it ("no sorry i meant more between my
    # shoulder blades", "haha fair. back to it, glutes?")
    | {"sorry", "meant", "more", "actually", "instead", "haha", "fair", "back", "rather"}
)
#: how a message opens that asks for one stretch to do: "is there one i can do ...", "got
#: one i could do ...", "any i can do ..."
_ONE_TO_DO_OPENINGS = (
    ("is", "there", "one"),
    ("is", "there", "a", "stretch"),
    ("got", "one"),
    ("have", "you", "got", "one"),
    ("do", "you", "have", "one"),
    ("any", "i", "can"),
    ("any", "i", "could"),
    ("anything", "i", "can", "do"),
    ("anything", "i", "could", "do"),
    ("one", "i", "can"),
    ("one", "i", "could"),
    ("one", "to", "do"),
)
#: words before such an opening: "and one i can do in bed?", "ok is there one ..."
_ONE_TO_DO_LEADS = frozenset({"and", "ok", "okay", "so", "maybe", "also", "oh", "but"})


#: how a message opens that asks whether what is on screen can be done somewhere or
#: somehow: "can i do these between songs", "could i do this one on the bus"
_FITS_OPENINGS = frozenset({("can", "i", "do"), ("could", "i", "do"), ("can", "you", "do")})
_FITS_POINTERS = frozenset({"these", "this", "it", "them", "that", "those"})


def asks_if_it_fits(words: Sequence[str]) -> bool:
    """Whether a message opens by asking whether the stretch on screen can be done somewhere
    or somehow: "can i do these between songs without putting the guitar down"."""
    start = 0
    while start < len(words) - 1 and words[start] in _ONE_TO_DO_LEADS:
        start += 1
    if tuple(words[start : start + 3]) not in _FITS_OPENINGS:
        return False
    pointer = start + 3
    if tuple(words[pointer : pointer + 2]) in _SOME_OF:  # "can i do any of these ..."
        pointer += 2
    return len(words) > pointer and words[pointer] in _FITS_POINTERS


#: words before what is pointed at that take part of it: "any of these", "either of them"
_SOME_OF = frozenset((w, "of") for w in ("any", "all", "either", "one", "some", "both"))


def asks_for_one_to_do(words: Sequence[str]) -> bool:
    """Whether a message opens by asking for one stretch to do: "is there one I can do in
    the classroom", "got one i could do on a ladder", "and one i can do before i get out of
    bed?"."""
    start = 0
    while start < len(words) - 1 and words[start] in _ONE_TO_DO_LEADS:
        start += 1
    head = tuple(words[start : start + 4])
    return any(head[: len(opening)] == opening for opening in _ONE_TO_DO_OPENINGS)


#: words that open a clarification of what was asked ("sorry i mean more the front", "no i
#: meant my neck"), after fillers
_CLARIFY_FILLERS = frozenset(
    {"sorry", "no", "nah", "oh", "oops", "ah", "well", "ok", "i", "hmm", "hm", "um", "umm"}
)
_CLARIFY_WORDS = frozenset({"mean", "meant"})
#: "nah its more the front of my hip", "no it is more my lower back": a correction
_CLARIFY_OPENINGS = (
    ("its", "more"),
    ("it", "is", "more"),
    ("actually", "its"),
    ("actually", "it"),
    # "no not the front, more near the shoulder blade", "more the back of it": where, put
    # right
    ("not", "the"),
    ("not", "my"),
    ("more", "the"),
    ("more", "my"),
    ("more", "near"),
    ("more", "like"),
    ("more", "in"),
    ("more", "at"),
)


#: "does that help", "is it good for", "will this work": whether the card on screen helps
_HELPS_OPENERS = frozenset({"does", "do", "is", "will", "would", "can", "could", "should"})
_HELPS_POINTERS = frozenset({"that", "it", "this", "these", "those", "they"})
_HELPS_THERE_WORDS = frozenset(
    """help helps good work works hit hits reach reaches target targets stretch loosen""".split()
)
#: ... asked in a message of at most this many words ("is it good for my lower back as well")
HELPS_THERE_MAX_WORDS = 12


def asks_whether_it_helps(words: Sequence[str]) -> bool:
    """Whether the words open by asking whether what was just given helps somewhere ("does
    that help my achilles too", "is it good for my back as well", "will this loosen my
    hips")."""
    return (
        len(words) > 2
        and words[0] in _HELPS_OPENERS
        and words[1] in _HELPS_POINTERS
        and words[2] in _HELPS_THERE_WORDS | {"also", "even", "actually", "really"}
        and not _HELPS_THERE_WORDS.isdisjoint(words[2:4])
    )


def clarifies(words: Sequence[str]) -> bool:
    """Whether a message opens as a clarification of what was asked: "i mean mostly for my
    neck", "sorry i meant the front of it"; not "what does that mean"."""
    for i, w in enumerate(words[:4]):
        if w in _CLARIFY_WORDS or any(
            tuple(words[i : i + len(opening)]) == opening for opening in _CLARIFY_OPENINGS
        ):
            return True
        if w not in _CLARIFY_FILLERS:
            return False
    return False


#: words of a long while: "takes an hour", "stiff for hours", "half the morning"
_LONG_WHILE_WORDS = frozenset({"hour", "hours", "hr", "hrs", "ages", "forever", "half"})
#: ... and the fewest minutes that are one ("takes 40 minutes to ease")
_LONG_WHILE_MINUTES = 30
_MINUTE_WORDS = frozenset({"minutes", "minute", "mins", "min"})


def tells_a_long_while(words: Sequence[str]) -> bool:
    """Whether the words tell of a long while, half an hour or more: "takes an hour to
    loosen up", "stiff for ages", "45 mins before i can bend"."""
    if not _LONG_WHILE_WORDS.isdisjoint(words):
        return True
    return any(
        w.isdigit() and int(w) >= _LONG_WHILE_MINUTES and nxt in _MINUTE_WORDS
        for w, nxt in zip(words, words[1:], strict=False)
    )


#: a message that opens with this cue ("unrelated, but...", "different question") is read
#: without the conversation before it; it counts in the first NEW_QUESTION_REACH words
NEW_QUESTION_CUE = "new_question"
NEW_QUESTION_REACH = 4
#: words that point back at the area of the conversation ("which muscle is that")
POINTING_WORDS = frozenset({"that", "it", "this", "those", "these", "them", "they", "mine"})
#: pairs that ask when, besides "when": "what time should i do it"
_WHEN_PAIRS = frozenset({("what", "time"), ("which", "time")})
#: ... and pairs that ask when only with "before": "how long before we start should i do it"
_HOW_SOON_PAIRS = frozenset({("how", "long"), ("how", "soon"), ("how", "early")})
#: a question of when to do the routine on screen is this short
WHEN_TO_DO_MAX_WORDS = 12
#: ... and has one of these
_WHEN_DOING_WORDS = frozenset({"do", "doing", "start", "use"})


def asks_when_to_do_it(words: Sequence[str]) -> bool:
    """Whether the words ask when to do something they point at: "when should i do it", "whens
    best to do this", "what time should i do them", "how long before we start should i do it"
    ("how long should i hold it" asks how long, not when)."""
    if (
        len(words) > WHEN_TO_DO_MAX_WORDS
        or POINTING_WORDS.isdisjoint(words)
        or _WHEN_DOING_WORDS.isdisjoint(words)  # "when is it best to stretch" asks of stretching
    ):
        return False
    if "when" in words or "whens" in words:
        return True
    pairs = set(zip(words, words[1:], strict=False))
    if not pairs.isdisjoint(_HOW_SOON_PAIRS):
        # "how long before we start", not "how long do i hold it" or "how long is it"
        return not {"before", "ahead", "beforehand"}.isdisjoint(words)
    return not pairs.isdisjoint(_WHEN_PAIRS)


#: ... those that point at one thing
POINTING_AT_ONE = frozenset({"that", "it", "this", "mine"})
#: words that point at the session on screen: "how long is this one", "how long does the routine
#: take" (not "how long will it take", which after a goal's session asks until the goal)
SESSION_POINTERS = frozenset({"this", "these", "one", "routine", "session", "workout"})
_ONE_POINTERS = frozenset({"the", "that", "this"})


def points_at_one(words: Sequence[str]) -> bool:
    """Whether the words point at a stretch as "the ... one" ("the doorway one", "that one",
    "this lying one")."""
    return any(
        w == "one" and not _ONE_POINTERS.isdisjoint(words[max(0, i - 3) : i])
        for i, w in enumerate(words)
    )


def words_pointing_at_one(words: Sequence[str]) -> tuple[str, ...]:
    """The words between the pointer and "one" of a "the ... one" ("hamstring" of "for the
    hamstring one do i keep my knee straight"); empty when there is none."""
    for i, w in enumerate(words):
        if w != "one":
            continue
        for j in range(i - 1, max(-1, i - 4), -1):
            if words[j] in _ONE_POINTERS:
                return tuple(words[j + 1 : i])
    return ()


#: a short message with one of these after a stretch may name another of its area's stretches
#: by some of its words ("bent knee version?", "the seated one"); VERSION_FILLER are words
#: such a message has besides the name; a version of the stretch on screen is also asked for
#: with them ("standing version?", "a seated one")
VERSION_WORDS = frozenset({"version", "variation", "variant", "one", "option", "kind", "type"})
#: ... that ask for another than the one on screen ("got a version with a longer hold")
OTHER_VERSION_WORDS = VERSION_WORDS - {"one"} | {"another", "different", "alternative"}
VERSION_FILLER = VERSION_WORDS | frozenset(
    {"stretch", "instead", "try", "please", "pls", "plz", "what", "about", "how", "show", "give"}
    | {"heard", "theres", "read", "saw", "seen", "apparently", "supposedly", "exists"}
    # "the other one, with the bent knee": the other stretch, told by its words
    | {"other", "different"}
)
VERSION_MAX = 8
#: a thing a stretch is done against, in or with, named by a short ask after a card ("in a
#: doorway?", "can i do it against a wall", "with a towel?"): the area's stretch named for it
#: (postures and settings, "chair", "desk", "bed", "floor", keep to limits instead)
PROP_WORDS = frozenset(
    """doorway door frame wall towel strap band belt step stairs stair table counter bench ball
    kitchen couch sofa""".split()
)
PROP_PREPOSITIONS = frozenset({"in", "against", "on", "with", "using", "off", "at", "by"})
#: "longer?", "longer pls": a bare ask for a longer version after a stretch card
BARE_LONGER_WORDS = 3
#: the words of a "longer one" ask, around what it is for ("got a longer one i can do ...")
LONGER_ONE_WORDS = frozenset(
    "got have a an any longer one ones i can could do something please pls".split()
)
#: words around "before" / "after" that still ask only for the other end of an activity
OTHER_END_FILLER = frozenset({"and", "what", "about", "then", "instead", "one", "the", "for"})
#: cues that make a message more than a bare topic: it asks for something about the area
ASKING_CUES = frozenset({"request", "why", "when"})
#: the routine a length or a limit is applied to when nothing in the message or the
#: conversation names one: the full-body stretch (as for a plain ask), or, seated or
#: standing only, the desk break (done by a chair)
GENERAL_BASE = "full_body"
POSTURE_BASE = WELCOME_ROUTINE
GENERAL_BASE_LEAD = (
    "You didn't name a routine or an area, so I built this from “{title}”, a general "
    "stretch for the whole body. Ask for a warm-up, a desk break or an area (“10 minutes for "
    "my hips”) instead."
)
POSTURE_BASE_LEAD = (
    "You didn't name a routine or an area, so I built this from “{title}”, which needs no "
    "floor. Ask for another routine or an area (“10 minutes for my neck”) instead."
)
#: a length out of range: what can be done instead
RANGE_LEAD = "I make routines of {low} to {high} minutes, so here is the {minutes}-minute one."
#: words that ask for a routine rather than a stretch ("no kneeling routine", "a post round
#: routine?"); "warm up" and "cool down" alone do not: they have other senses ("help him cool
#: down") and WARM_WORDS / COOL_WORDS only say which end of an activity is wanted
ROUTINE_WORDS = frozenset({"routine", "routines", "session", "sequence", "workout", "stretches"})
#: ... without "stretches", which asks for an area's when one is complained of
ROUTINE_NAMING_WORDS = ROUTINE_WORDS - {"stretches"}
#: a request for "a stretch" that names nothing to stretch, nor when, nor why ("i want to
#: stretch", "give me a stretch", "any stretch?", "just want a quick stretch"): stretch words
#: and these (besides stopwords) only. It gets a short all-over routine, with areas one tap
#: away
PLAIN_STRETCH_WORDS = frozenset({"stretch", "stretches", "stretching", "stretchy"})
PLAIN_ASK_WORDS = frozenset(
    """want wanna need give gimme send show quick short quickie easy gentle simple random
    something anything good nice new lets let go time would love fancy feel suggest recommend
    some few mum mom mam mother dad father nan gran grandma grandad wife husband partner son
    daughter kid kids friend boyfriend girlfriend looking searching basic light relaxing
    little couple ideas suggestions recommendations hi hey hello hiya please today
    tonight home house free cheap equipment together family lazy tired exhausted knackered
    sleepy chill chilled sofa couch properly correctly regularly""".split()
)
PLAIN_ASK_ANY = PLAIN_STRETCH_WORDS | PLAIN_ASK_WORDS
#: ... of which these ask, where the others only say of what kind ("give me one")
PLAIN_ASKING = frozenset({"want", "wanna", "need", "give", "gimme", "send", "show", "suggest"})
#: "stretches for ..." names at most this many words of whom or what they are for
FOR_SOMEONE_MAX_WORDS = 4
#: what a plain ask may ask for instead of a stretch, by asking what to do ("anything quick
#: i can do"): one of the kinds of thing a short all-over routine is
PLAIN_DO_WORDS = frozenset({"quick", "short", "quickie", "easy", "gentle", "simple", "light"})
#: ... and the words of a calm one, asked for at a time of day ("anything relaxing before bed")
GENTLE_ASK_WORDS = PLAIN_DO_WORDS | {"relaxing", "calming", "soothing"}
#: ... and the words a bare ask for something gentle may hold besides ("give me something
#: easy please", "anything gentle to start with")
_GENTLE_ONLY = GENTLE_ASK_WORDS | frozenset(
    "give something anything please pls plz start beginner new begin".split()
)


def asks_only_something_gentle(words: Sequence[str]) -> bool:
    """Whether the words ask for something gentle and say nothing more: "give me something
    gentle", "something easy please", "anything gentle to start with"."""
    said = {w for w in words if w not in STOPWORDS}
    return (
        not said.isdisjoint(GENTLE_ASK_WORDS)
        and not said.isdisjoint({"something", "anything"})
        and said <= _GENTLE_ONLY
    )


#: babies and toddlers, whose bedtime or morning is not the writer's
LITTLE_ONES = frozenset("baby babies toddler toddlers newborn infant".split())


def of_someone_else(words: Sequence[str]) -> bool:
    """Whether the words name someone besides the writer (`SOMEONE_ELSE`) or a baby
    (`LITTLE_ONES`): whose bedtime or morning a routine asked for is not the writer's."""
    return not SOMEONE_ELSE.isdisjoint(words) or not LITTLE_ONES.isdisjoint(words)


#: words that open the clause telling when a plain ask is for ("... while the baby naps",
#: "... after gardening")
_OCCASION_WORDS = frozenset({"while", "whilst", "after", "post"})


def before_its_occasion(words: Sequence[str]) -> Sequence[str]:
    """The words before a clause that tells when ("i want to stretch while watching tv": "i
    want to stretch"); all of them when no such clause follows the first word."""
    at = next((i for i, w in enumerate(words) if i and w in _OCCASION_WORDS), len(words))
    return words[:at]


#: a length this short, asked for in a conversation about an area, is one of its stretches
ONE_STRETCH_MINUTES = 3
#: a request for "a routine" that names nothing more ("routine?", "give me a routine")
PLAIN_ROUTINE_WORDS = frozenset({"routine", "routines", "sequence", "flow"})
#: ... and none of these: a question, a pointer at something said before, or a condition ("if i
#: stretch after the gym will i still be sore")
PLAIN_ASK_NOT = WH_WORDS | POINTING_WORDS | {"then", "if"}
PLAIN_ROUTINE_NOT = WH_WORDS | POINTING_WORDS
PLAIN_ROUTINE_ANY = PLAIN_ROUTINE_WORDS | PLAIN_ASK_ANY
#: the routine for it, in its short form; "a stretch" or "one stretch" gets one of its
#: stretches
PLAIN_ASK_ROUTINE = GENERAL_BASE
ONE_STRETCH_WORDS = frozenset({"a", "one", "1", "random"})
ONE_STRETCH_LEAD = "Here is one for anyone. For one area, name it: “a stretch for my neck”."
#: words around a length that name no routine of their own ("full body" does: it is one)
GENERIC_FILLER = FILLER_WORDS - {"full", "whole", "body"}
PLAIN_ROUTINE_LEAD = (
    "Here is an all-over routine. For one area, a time of day or a sport, name it: "
    "“a routine for my back”, “a bedtime routine”."
)
PLAIN_ASK_LEAD = (
    "Here is a short all-over routine. For one area, name it: “a stretch for my hamstrings”."
)
#: ... and none of these: they ask something, or ask for something ("morning routine for
#: productivity" is no greeting)
GREETING_NOT_AFTER = (
    WH_WORDS | QUESTION_STARTS | ROUTINE_WORDS | {"stretch", "stretching", "tip", "tips"}
)


def bare_emoji(text: str) -> frozenset[str]:
    """The emoji of a message of emoji alone, without skin tones or repeats ("🙏🏽🙏")."""
    return frozenset("".join(text.translate(EMOJI_MODIFIERS).split()))


def sentences(text: str) -> list[str]:
    """The sentences of a message, split at punctuation (`SENTENCE_BREAKS`), empty ones left
    out."""
    return [s for s in SENTENCE_BREAKS.split(text) if s.strip()]


def asks_what_others_do(words: Sequence[str]) -> bool:
    """Whether the words ask what other people do ("what do golfers do after a round", "what
    do tennis people do after a match"): "what do", then "do" again within a few words."""
    return tuple(words[:2]) == ("what", "do") and "do" in words[2:_OTHERS_DO_REACH]


#: how far the second "do" of "what do golfers do" may stand
_OTHERS_DO_REACH = 5


#: a question word asks only at the start of a piece ("and why is that") or before one of
#: these ("my calves, why do they ..."), not inside a statement ("tight when i wake up")
_WH_ASKS_BEFORE = frozenset(
    "do does did is are was were can could should would will has have am".split()
)


#: a "when" followed by one of these opens a clause that tells when something happens
_CLAUSE_SUBJECTS = frozenset("i im my we our he she they his her their".split())


def asks_wh(words: Sequence[str]) -> bool:
    """Whether the words ask a question with a question word: one that opens them (after
    "and", "but", "so") or stands before an auxiliary ("why do", "when should")."""
    kept = [w for w in words[:4] if w not in ("and", "but", "so", "ok", "okay")]
    opening = kept[:1]
    if kept[:1] == ["when"] and kept[1:2] and kept[1] in _CLAUSE_SUBJECTS:
        opening = []  # "when i get up off the sofa i'm hunched over" tells, not asks
    return not WH_WORDS.isdisjoint(opening) or any(
        w in WH_WORDS and nxt in _WH_ASKS_BEFORE for w, nxt in zip(words, words[1:], strict=False)
    )


def asks_whether(words: Sequence[str]) -> bool:
    """Whether the words open a yes-or-no question ("can i stretch when pregnant", "is
    stretching before running harmful"), not a request in that form ("can you give me a warm
    up", "is there a routine that's safe in pregnancy": ASKING_FOR_STARTS). "can you stretch
    too much" asks whether: a "you" that does the stretching is anyone, not the bot."""
    if not words or words[0] not in YES_NO_STARTS:
        return False
    if tuple(words[:2]) in _DONE_TOLD_STARTS:
        return False  # "did a 5k yesterday, what should i stretch" tells, then asks what
    if len(words) > 1 and words[1] in _HARDLY_WORDS:
        return False  # "... hips feel welded shut, can barely stand up straight" tells
    if tuple(words[:2]) not in ASKING_FOR_STARTS:
        return True
    return words[1] == "you" and len(words) > 2 and words[2] in _DOING_STRETCH


#: after "can" or "could", a word that makes it a statement of how hard it is: "can barely
#: walk", "can hardly sit down", "could only just get up"
_HARDLY_WORDS = frozenset({"barely", "hardly", "only", "scarcely", "just", "literally"})
#: the openings of a statement of what was done that look like a yes-or-no question's
_DONE_TOLD_STARTS = frozenset(("did", w) for w in ("a", "an", "my", "some", "legs", "yoga"))


#: people named by what they do: "should runners stretch?" asks whether stretching is worth
#: it for them
ATHLETES = frozenset(
    """runners runner joggers jogger cyclists cyclist riders swimmers swimmer lifters lifter
    weightlifters weightlifter powerlifters bodybuilders climbers climber golfers golfer
    dancers dancer footballers footballer athletes athlete boxers boxer rowers rower
    skiers skier surfers surfer hikers hiker players sprinters triathletes""".split()
)
#: ... the words of such a question besides stretching and the athletes ("do cyclists really
#: need to stretch", "is stretching important for swimmers")
_WORTH_IT_WORDS = frozenset(
    """should do does need needs to really actually even is it stretching stretch
    important necessary worth for at all bother any good""".split()
)


def asks_if_athletes_stretch(words: Sequence[str]) -> bool:
    """Whether the words only ask whether people who do a sport need to stretch: "should
    runners stretch?", "do cyclists really need to stretch", "is stretching important for
    swimmers". Not "should runners stretch before a race" (when), nor a request."""
    return (
        asks_whether(words)
        and not STRETCHING_WORDS.isdisjoint(words)
        and not ATHLETES.isdisjoint(words)
        and all(w in _WORTH_IT_WORDS or w in ATHLETES for w in words)
    )


#: words that tell when an activity happens, between its owner and its name ("my 6am run",
#: "the usual sunday ride"): an activity's name is found without them
TOLD_TIME_WORDS = frozenset(
    """morning evening early late usual weekly daily sunday saturday weekend lunchtime
    lunch night nightly""".split()
)
_TIME_TOKEN = re.compile(r"\d+(am|pm|k|km|mi|mile|miles|min|mins)?")
_ACTIVITY_OWNERS = POSSESSIVES | {"a", "the"}


def without_told_times(words: Sequence[str]) -> tuple[str, ...] | None:
    """The words without those that tell when, right after an owner and before a name
    ("my 6am run" -> "my run"); None when there are none."""
    if not any(w in TOLD_TIME_WORDS or w[:1].isdigit() for w in words):
        return None
    out: list[str] = []
    for i, word in enumerate(words):
        told = word in TOLD_TIME_WORDS or _TIME_TOKEN.fullmatch(word) is not None
        if told and out and out[-1] in _ACTIVITY_OWNERS and i + 1 < len(words):
            continue
        out.append(word)
    return tuple(out) if len(out) != len(words) else None


def with_plural(phrase: str) -> tuple[str, ...]:
    """A phrase of two words or more, and its plural by its last word ("service station",
    "service stations"); a single word as it is (its forms are the knowledge base's)."""
    words = phrase.split()
    if len(words) < 2 or words[-1].endswith("s") or not words[-1].isalpha():
        return (phrase,)
    return phrase, " ".join([*words[:-1], words[-1] + "s"])


def sentences_asked(text: str) -> list[tuple[str, bool]]:
    """Each whole sentence of `text` (as `SENTENCE_AND_END` reads it; empty ones dropped), with
    whether it ends with a question mark."""
    return [
        (found.group(1), "?" in found.group(2))
        for found in SENTENCE_AND_END.finditer(text)
        if found.group(1).strip()
    ]


def one_stretch_for_the_area_before(analysis: Analysis, context: Context) -> bool:
    """Whether a short message that names no area asks for one stretch ("stretch before i get
    out of bed?") in a conversation about an area (an answer or a stretch about it)."""
    words = analysis.corrected
    if analysis.topics or len(words) > MOVE_MAX_WORDS or context.kind not in ("answer", "stretch"):
        return False
    if context.topic in (None, GENERAL):
        return False
    one = "stretch" in words or has_pair(words, ONE_STRETCH_PAIRS)
    return one and not _names_a_routine(words)


def one_stretch_for_an_area(match: Match, analysis: Analysis) -> bool:
    """Whether a message the intent layer reads as an activity's routine names an area and
    asks for one stretch, not a routine: "my biceps feel shortened after a climbing session,
    is there a stretch for that"; "my lats feel super tight, like my arms dont want to go
    overhead. best stretch?" is the first area's (the one complained of)."""
    areas = [topic for topic in match.topics if topic != GENERAL]
    words = analysis.corrected
    if not areas or match.topics[0] == GENERAL:
        return False
    if not (has_pair(words, ONE_STRETCH_PAIRS) or _one_stretch_around_an_area(words, analysis)):
        return False
    return not _names_a_routine(words)


def _one_stretch_around_an_area(words: Sequence[str], analysis: Analysis) -> bool:
    """Whether one stretch is asked for with the area's name inside or after it: "best
    forearm stretch?", "stretch for forearms and wrists?"."""
    for start, end, topic in analysis.spans:
        if topic == GENERAL:
            continue
        before = words[start - 1] if start else ""
        if before in ONE_STRETCH_LEADS and end < len(words) and words[end] == "stretch":
            return True
        if tuple(words[max(0, start - 2) : start]) == ("stretch", "for"):
            return True
    return False


def _names_a_routine(words: Sequence[str]) -> bool:
    """Whether the words ask for a routine by a name for one: "routine", "plan", "cool
    down", ..."""
    return not (ROUTINE_NAMES | WARM_UP_NAMES | PLAN_WORDS).isdisjoint(words) or has_pair(
        words, WARM_UP_PAIRS
    )


def has_pair(words: Sequence[str], pairs: frozenset[tuple[str, str]]) -> bool:
    """Whether two neighbouring words of `words` are one of `pairs`."""
    return any(pair in pairs for pair in zip(words, words[1:], strict=False))


def first_span(words: Sequence[str], spans: Collection[tuple[str, ...]]) -> tuple[int, int] | None:
    """(start, end) of the first place in `words` where one of `spans` stands, or None."""
    by_first = _spans_by_first(spans)
    for i, word in enumerate(words):
        for span in by_first.get(word, ()):
            if tuple(words[i : i + len(span)]) == span:
                return i, i + len(span)
    return None


#: `_spans_by_first`'s index of each collection of spans it was given (by identity; the
#: collection is kept, so its id is never another's)
_SPAN_INDEXES: dict[int, tuple[Collection[tuple[str, ...]], dict[str, list[tuple[str, ...]]]]] = {}


def _spans_by_first(spans: Collection[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    """The spans by their first word, in their own order: `first_span` tries at each word only
    the spans that start with it (the lexicon's collections are constants, indexed once)."""
    known = _SPAN_INDEXES.get(id(spans))
    if known is not None and known[0] is spans:
        return known[1]
    index: dict[str, list[tuple[str, ...]]] = {}
    for span in spans:
        if span:
            index.setdefault(span[0], []).append(span)
    _SPAN_INDEXES[id(spans)] = (spans, index)
    return index


def asks_both_sides(words: Sequence[str], *, bare: bool = False) -> bool:
    """Whether a short message asks about both sides ("both sides?", "each side too?"), not
    "it hurts on both sides now" nor "how long on each side". With `bare` (after a stretch
    card, whose sides are the only two things it has), so does "both?", "do i do both?"."""
    if bare and "both" in words and set(words) <= _BOTH_ALONE:
        return True
    return len(words) <= BOTH_SIDES_MAX_WORDS and has_pair(words, BOTH_SIDES)


def asks_for_both(words: Sequence[str]) -> bool:
    """Whether a short message asks for both of the areas just named, naming none itself:
    "both?", "stretch for both pls", "can i get something for both of them", "can you
    combine them"."""
    asked = not ({"both"} | COMBINING_WORDS).isdisjoint(words) or (
        # "can you give me all that as one quick routine"
        "all" in words and not ROUTINE_NAMES.isdisjoint(words)
    )
    return asked and set(words) <= _FOR_BOTH


def adds_an_area(words: Sequence[str]) -> bool:
    """Whether a short message naming an area adds it to the one before rather than moving on
    to it: "and my chest?", "my calves too", "also my lower back"."""
    return (
        len(words) <= MOVE_MAX_WORDS
        and bool(words)
        and (
            words[0] in _ADDING_FIRST
            or words[-1] in _ADDING_LAST
            or tuple(words[-2:]) == ("as", "well")
        )
    )


#: the words around "do my <area>" that keep it an ask to be given its stretch: "ok do my
#: lower back then", "now do my neck pls"
_DOING_AROUND = frozenset(
    "ok okay right go on now then next too as well pls please plz can you u could just and".split()
)


def does_an_area(words: Sequence[str], spans: Sequence[tuple[int, int, str]]) -> bool:
    """Whether the words ask, bare, for one area to be done: "ok do my lower back then", "now
    do my neck" (not "do my hamstrings need stretching", which asks whether)."""
    if len(spans) != 1:
        return False
    start, end, _topic = spans[0]
    head, tail = words[:start], words[end:]
    return (
        len(head) >= 2
        and tuple(head[-2:]) in (("do", "my"), ("do", "the"))
        and _DOING_AROUND.issuperset(head[:-2])
        and _DOING_AROUND.issuperset(tail)
    )


#: the words a follow-up opens with to turn to a new subject: "and bouncing?", "what about
#: foam rolling"
_TURNING_OPENERS = (
    ("and", "what", "about"),
    ("what", "about"),
    ("how", "about"),
    ("and",),
    ("also",),
)
#: how many words after them may name the subject turned to
TURNED_TO_WORDS = 3


def turning_to(words: Sequence[str]) -> int:
    """How many words a follow-up turning to a new subject opens with ("and", "what about"),
    or 0."""
    return next((len(o) for o in _TURNING_OPENERS if tuple(words[: len(o)]) == o), 0)


#: the first word, or the last, of a message adding an area to the one before
_ADDING_FIRST = frozenset({"and", "also", "plus", "n"})
_ADDING_LAST = frozenset({"too", "also", "aswell"})


#: the words of a bare "both?" ("both too?", "do both?", "both then")
_BOTH_ALONE = frozenset({"both", "too", "also", "then", "do", "i", "so", "ok", "and"})


#: the words of an ask for both areas: "a stretch for both of them please", "routine for both?"
_FOR_BOTH = (
    _BOTH_ALONE
    | frozenset(
        """stretch stretches stretching routine routines something anything one ones for of them
    those these please pls plz thanks can could i get have give me a an some what about how
    s at once together same time go you into with that covers cover hits do does all as
    quick short single put in make turn""".split()
    )
    | COMBINING_WORDS
)


def asks_to_be_sent_daily(analysis: Analysis) -> bool:
    """Whether a message asks the bot to send something every day: "can you send me a
    stretch every morning so i dont forget", "remind me to stretch each day". A sending word
    to "me" and a daily time, in a message naming no area."""
    words = analysis.corrected
    if analysis.topics or not every_day(words):
        return False
    # "remind me to do this every day": what is on screen, sent as a reminder
    # "can you send it every day" after a routine: what is on screen, sent every day
    # ... with who it is sent to between: "can you send me this every morning?"
    if has_pair([w for w in words if w not in _SENT_TO], _SENT_POINTED) or first_span(
        words, _GET_POINTED
    ):
        # "send me stuff every day about crypto": about something else
        return "about" not in words or not DAILY_THINGS.isdisjoint(words)
    pairs = enumerate(zip(words, words[1:], strict=False))
    at = next((i for i, pair in pairs if pair in _REMINDED), None)
    reminded = at is not None
    if (
        at is not None
        and _REMINDED_WHEN.intersection(words[at + 2 :][:1])
        and ("to" not in words or not STRETCH_FORMS.isdisjoint(words))
    ):
        # "could you remind me every day? i'll forget otherwise": to stretch, nothing else
        # ("remind me every day to water the plants")
        return True
    things = DAILY_THINGS | POINTING_WORDS if reminded else DAILY_THINGS
    if things.isdisjoint(words):
        return False  # "send me my bank statement every morning" is none of ours
    return has_pair(words, SENDING_PAIRS)


#: "remind me", "ping me", "nudge me": a reminder asked for
_REMINDED = frozenset({(word, "me") for word in ("remind", "ping", "nudge", "buzz")})
#: what may stand beside "remind me" in a bare ask for a reminder: "can you remind me?",
#: "ok remind me daily then pls", "set me a reminder", "can you remind me tomorrow with a
#: new one"
_REMINDER_ONLY = frozenset(
    """can could would will you u ya pls please plz ok okay then so maybe just me us remind
    reminder reminders nudge set a to do it that this daily every day each morning evening
    night somehow tomorrow tmrw tomoz tonight later with new one another again""".split()
)


def asks_a_bare_reminder(words: Sequence[str]) -> bool:
    """Whether a message asks only to be reminded, of nothing named: "can you remind me",
    "set me a reminder pls", "nudge me daily". In a conversation about stretching, the
    bot's one reminder is the daily tip; "remind me to buy milk" names something else."""
    return (
        bool(words)
        and set(words) <= _REMINDER_ONLY
        and (has_pair(words, _REMINDED) or not {"reminder", "reminders", "nudge"}.isdisjoint(words))
    )


#: "remind me" followed straight by when: a reminder to stretch, the bot's one thing
_REMINDED_WHEN = frozenset({"every", "each", "daily", "everyday"})
#: who something is sent to, between the sending word and what is sent
_SENT_TO = frozenset({"me", "us"})
#: "can i get these every day?": asked to receive them (not "how long until i get them back")
_GET_POINTED = tuple(
    (ask, "i", "get", pointer)
    for ask in ("can", "could", "may")
    for pointer in ("it", "this", "these", "them", "those", "one")
)
_SENT_POINTED = frozenset(
    (verb, pointer)
    for verb in ("send", "message", "text", "ping")
    # "can you send me stuff like this every day"
    for pointer in ("it", "this", "that", "these", "them", "those", "stuff", "something", "one")
)


#: the things a switch can be turned off by: "turn them off", "switch it off"
_SWITCHED_THINGS = frozenset({"them", "it", "those", "these", "that", "this"})


def says_daily_off(words: Sequence[str]) -> bool:
    """Whether the words ask to stop something: "stop", "unsubscribe", "no more", "turn off",
    "turn them off"."""
    if not DAILY_OFF_WORDS.isdisjoint(words) or has_pair(words, DAILY_OFF_PAIRS):
        return True
    return any(
        w in ("turn", "switch") and thing in _SWITCHED_THINGS and after == "off"
        for w, thing, after in zip(words, words[1:], words[2:], strict=False)
    )


#: "one of these" asked for every day: what was just given, sent daily
_ONE_OF_THESE = frozenset({("of", "these"), ("of", "those")})


def daily_switch(analysis: Analysis, *, after_a_tip: bool = False) -> Literal["on", "off"] | None:
    """ "on" or "off" for a message that asks to start or stop the daily tips: "please stop
    the daily tips, i get enough notifications", "sign me up for the daily tip thing but at
    7pm", "can you send me a stretch every morning"; `after_a_tip`, also one that points at
    the tip ("can i get one of these every day?"). None for anything else ("is it ok to
    stretch daily")."""
    if asks_to_be_sent_daily(analysis):
        return "on"
    words = analysis.corrected
    if (
        every_day(words)
        and names_a_clock_time(words)
        and all(w in _WHEN_ONLY or _CLOCK_TIME.fullmatch(w) for w in words)
    ):
        return "on"  # "every day at 7am?": when to send it, and nothing else
    if (
        not analysis.topics
        and has_pair(words, _ONE_OF_THESE)
        and every_day(words)
        and not DAILY_ON_WORDS.isdisjoint(words)
        and not says_daily_off(words)
    ):
        return "on"  # "can i get one of these every day" after a routine or an answer
    things = DAILY_SWITCH_THINGS | TIP_POINTERS if after_a_tip else DAILY_SWITCH_THINGS
    # "can i get the daily stretch at 7pm instead": the daily tip by the name it comes with
    named = has_pair(words, _THE_DAILY) and has_pair(words, _DAILY_STRETCH)
    if analysis.topics or (things.isdisjoint(words) and not named):
        return None
    daily = every_day(words)
    if not daily and not _names_timed_tips(words):
        return None
    if says_daily_off(words):
        return "off"
    if not DAILY_ON_WORDS.isdisjoint(words) or has_pair(words, DAILY_ON_PAIRS):
        return "on"
    if not daily:
        return None  # "the morning tips are great": said of them, not asking for them
    if not TIMES_OF_DAY.isdisjoint(words) or names_a_clock_time(words):
        return "on"  # "can the daily tip come at 7pm instead": when they come, as turning on
    return None


#: the writer taking up stretching: "i want to start stretching every day"
_TAKING_UP_PAIRS = frozenset(
    {("start", "stretching"), ("begin", "stretching"), ("get", "into"), ("to", "stretch")}
)
#: words that ask for something to be sent: then the daily tips are asked for
_SENDING_WORDS = frozenset(
    """send sent remind reminder reminders subscribe sign message text notify notification
    notifications ping dm""".split()
)


def stretches_daily_oneself(words: Sequence[str]) -> bool:
    """Whether the words tell of the writer taking up stretching every day ("i want to start
    stretching every day, where should i begin"), asking nothing to be sent."""
    return (
        has_pair(words, _TAKING_UP_PAIRS)
        and DAILY_SWITCH_THINGS.isdisjoint(words)
        and _SENDING_WORDS.isdisjoint(words)
        and not has_pair(words, _SIGN_UP_PAIRS)
    )


#: who owns the tips named by a time of day: "stop the morning tips", "your evening reminders"
_TIPS_OWNER = frozenset({"the", "my", "your", "those", "these"})


def _names_timed_tips(words: Sequence[str]) -> bool:
    """Whether the words name the daily tips by the time they come ("the morning tips", "your
    evening reminders"), which says every day without the word."""
    return any(
        words[i] in _TIPS_OWNER
        and words[i + 1] in TIMES_OF_DAY
        and words[i + 2] in DAILY_SWITCH_THINGS
        for i in range(len(words) - 2)
    )


def names_a_clock_time(words: Sequence[str]) -> bool:
    """Whether the words name a time on the clock: "7pm", "at 0730"."""
    return any(_CLOCK_TIME.fullmatch(w) for w in words)


#: a time on the clock as people type it: "7pm", "7am", "0730", "19"
_CLOCK_TIME = re.compile(r"\d{1,2}(am|pm)|\d{3,4}")
_THE_DAILY = frozenset({("the", "daily"), ("my", "daily"), ("your", "daily")})
#: the words of a message that only says when to send something daily ("every day at 7am?")
_WHEN_ONLY = frozenset(
    "every each day daily morning mornings night nights evening at around about by pls please "
    "maybe say like".split()
)
_DAILY_STRETCH = frozenset(
    # ... or by no name at all: "stop sending me the daily thing"
    {("daily", w) for w in ("stretch", "stretches", "thing", "things", "stuff", "one", "ones")}
)


#: words that make a request for tips a request to be sent them from now on
REGULAR_WORDS = frozenset(
    """every each daily day days morning mornings evening evenings night nights week weekly
    regular regularly subscribe subscription sign remind reminder reminders schedule""".split()
)


def one_tip_now(words: Sequence[str]) -> bool:
    """Whether a request names one tip and no schedule: "send me a tip", "can you send me a
    stretching tip", "send me that tip thing now" (not "send me a tip every day", "send me
    tips")."""
    at = next((i for i, w in enumerate(words) if w == "tip"), None)
    if at is None or not REGULAR_WORDS.isdisjoint(words):
        return False
    # "send me that tip thing now": one, now
    return bool({"a", "one"}.intersection(words[max(0, at - 3) : at])) or "now" in words[at:]


#: routines of a setting (not an exercise) that a complaint told of it asks for
SETTING_ROUTINES = frozenset({"road_trip", "long_flight", "desk_break"})
#: ... those of a journey, whose routine readies the body for it
TRIP_ROUTINES = frozenset({"road_trip", "long_flight"})
#: the ways of setting off on a journey that open a message about it ("flying to perth",
#: "we are driving down to france"): the journey is still to come or under way
SETTING_OFF = frozenset({"flying", "driving", "travelling", "traveling", "heading", "off"})
#: ... and the words that go on with one
_SETTING_OFF_TO = frozenset({"to", "down", "up", "out", "over", "back", "home", "across"})
#: who may set off before the way of setting off
_TRAVELLERS = frozenset({"i", "am", "we", "are", "were", "re", "be", "ll", "s", "is"})


#: the words that tell a journey is a long one ("17 hours", "a long drive", "overnight")
_JOURNEY_LENGTHS = frozenset("hours hrs hr hour h long overnight".split())


def sets_off(words: Sequence[str]) -> bool:
    """Whether the words open by setting off on a journey they tell is long: "flying to
    perth, 17 hours", "im driving down to france, 12 hrs" (not "i hate flying", nor "flying
    to paris on the cheap, any deals")."""
    if _JOURNEY_LENGTHS.isdisjoint(words):
        return False
    at = 0
    while at < len(words) - 1 and words[at] in _TRAVELLERS:
        at += 1
    if at >= len(words) - 1 or words[at] not in SETTING_OFF:
        return False
    going = at + 1
    # "driving 6 hours to my parents": how long, between the setting off and where to
    if (
        words[going][:1].isdigit()
        and going + 1 < len(words)
        and words[going + 1] in _JOURNEY_LENGTHS
    ):
        going += 2
    return going < len(words) and words[going] in _SETTING_OFF_TO


#: an activity's word in a pair that names no such activity: "sitting my driving test next
#: week", "not climbing over people" in a window seat
NOT_THE_ACTIVITY = frozenset(
    {
        *(
            (word, thing)
            for word in ("driving", "flying", "drive", "flight")
            for thing in ("test", "tests", "lesson", "lessons", "exam", "instructor", "school")
        ),
        # "my flatmate is driving me crazy": a saying, not a drive
        *((word, "me") for word in ("driving", "drives", "drove")),
        *(
            (word, thing)
            for word in ("climbing", "climb", "climbed", "climbs")
            for thing in ("over", "into", "out", "stairs", "steps", "ladders", "frame", "frames")
        ),
    }
)


#: places within a setting where a question asks what to do: "what can i do in my seat"
SETTING_PLACES = frozenset(
    """seat seats aisle stops stop station services layover gate cubicle desk chair car lights
    traffic plane""".split()
)


#: a stretch that someone does, after "can you": "can you stretch too much", "do you stretch
#: before or after a run"
_DOING_STRETCH = frozenset({"stretch", "stretching", "overstretch", "overstretching"})


#: words by which a claim heard is told ("my coach says", "i read that")
CLAIM_TOLD_WORDS = frozenset(
    """heard hear told tells say says said saying read reading claim claims claimed""".split()
)
#: ... and by which it is asked to be checked, at the end ("true?", "myth?")
CLAIM_CHECK_WORDS = frozenset(
    """true myth right correct legit accurate real fact nonsense bs rubbish""".split()
)


def checks_a_claim(words: Sequence[str], text: str) -> bool:
    """Whether the words tell a claim heard and ask whether it holds: "someone told me
    stretching before running is bad now. true?", "my coach says it's pointless, is that
    right?"."""
    if CLAIM_TOLD_WORDS.isdisjoint(words) or "?" not in text:
        return False
    return not CLAIM_CHECK_WORDS.isdisjoint(words[-4:])


#: a bed as the place to do a stretch ("can i do it in bed", "ok to do these on the bed"), and
#: so the bedtime routine's place, not only its time ("what stuff can i do in bed")
BED_PLACES = frozenset({("in", "bed"), ("on", "bed"), ("the", "bed"), ("my", "bed")})
#: the longest message read as asking whether the stretch on screen can be done in bed
IN_BED_MAX_WORDS = 12


IN_BED_AREA = "Yes, this one is done lying down, so a firm bed works:"
IN_BED_YES = "Yes: this one is done lying down, so a firm bed works. A soft mattress gives less support, so go gently."
IN_BED_OTHER = (
    "The {name} isn't done lying down, so it doesn't suit a bed. This one is, and a firm bed "
    "works for it:"
)
IN_BED_NONE = "This one isn't done lying down, and I have none for this area that is, so it's best done out of bed."
IN_BED_SOME = (
    "You can do the ones done lying down in bed, if it is firm: {names}. Do the rest out of bed."
)
IN_BED_NONE_IN_ROUTINE = "None of these is done lying down, so they are best done out of bed."
#: ... and the same answers to whether there is a version done lying down
LYING_YES = "Yes: this one is already done lying down."
LYING_OTHER = "The {name} isn't done lying down. This one is:"
LYING_NONE = "I have none for this area that is done lying down, so here is this one again."
LYING_SOME = "Of these, the ones done lying down are: {names}."
LYING_NONE_IN_ROUTINE = "None of these is done lying down."
#: lying down named as the way to do a stretch ("is there a version i can do lying down")
LYING_DOWN_PAIRS = frozenset(
    {("lying", "down"), ("lie", "down"), ("laying", "down"), ("lay", "down")}
)


def asks_for_lying_down(words: Sequence[str]) -> bool:
    """Whether a short message asks whether what was shown can be done lying down, or for a
    version that is: "is there a version i can do lying down", "can i do it lying down"."""
    return (
        len(words) <= IN_BED_MAX_WORDS
        and has_pair(words, LYING_DOWN_PAIRS)
        and (words[0] in QUESTION_STARTS or words[0] in ASKING_OPENERS or words[0] in ANY_OPENERS)
        # "can i skip the lying down ones" asks to leave them out
        and _LEAVING_OUT.isdisjoint(words)
    )


#: words that ask to leave something out of what was shown
_LEAVING_OUT = frozenset("skip skipping without except avoid leave drop not no cant".split())


def asks_if_done_in_bed(words: Sequence[str]) -> bool:
    """Whether the words ask whether what was shown can be done in bed: "can i do it in
    bed?", "is it ok to do these on the bed", not "stretches for before bed"."""
    return (
        len(words) <= IN_BED_MAX_WORDS
        and has_pair(words, BED_PLACES)
        and (asks_whether(words) or asks_whether_later(words))
        and not (REFERS_BACK | {"these"}).isdisjoint(words)
    )


def asks_if_done_before_getting_up(words: Sequence[str]) -> bool:
    """Whether the words ask whether what was shown can be done before getting out of bed
    ("can i do it before i get out of bed"): after a stretch card, when to do it; after an
    area's answer, a stretch that can be done there."""
    return (
        len(words) <= IN_BED_MAX_WORDS
        and "before" in words
        and has_pair(words, _OUT_OF_BED)
        and asks_whether(words)
        and not REFERS_BACK.isdisjoint(words)
    )


_OUT_OF_BED = frozenset({("of", "bed")})


def asks_something_in_bed(words: Sequence[str]) -> bool:
    """Whether the words ask for something to do in bed, naming nothing else: "something i
    can do lying in bed before i get up?", "anything i can do in bed". In a conversation
    about an area, a stretch of that area done lying down."""
    return (
        len(words) <= IN_BED_MAX_WORDS
        and bool(words)
        and (words[0] in ANY_OPENERS or tuple(words[:3]) == ("is", "there", "anything"))
        and has_pair(words, BED_PLACES)
    )


def asks_whether_later(words: Sequence[str]) -> bool:
    """Whether a yes-or-no question starts after the story: "i jump out of bed and go run,
    should i be stretching first?"."""
    return any(
        w in YES_NO_STARTS and nxt in _ASKED_WHO
        for w, nxt in zip(words[1:], words[2:], strict=False)
    )


_ASKED_WHO = frozenset({"i", "we", "you", "it"})


def every_day(words: Sequence[str]) -> bool:
    """Whether the words ask for something every day ("one every day", "daily")."""
    return "daily" in words or has_pair(words, EVERY_DAY)


def thanks_then_told(analysis: Analysis) -> bool:
    """Whether a message opens by thanking, after an acknowledgement or not, and goes on to
    tell, not ask ("thanks, will try", "ok thanks, back to bed", "thank you, she'll love it";
    not "thanks, whats the capital of peru")."""
    words = analysis.corrected
    if len(words) > 1 and words[0] in ACK_LEADS:
        words = words[1:]  # "ok thanks, back to bed"
    if not words or not (words[0] in THANKS_OPENERS or tuple(words[:2]) == ("thank", "you")):
        return False
    # "thanks, can i do it daily" asks; "thanks, will try" does not
    asks = len(words) > 1 and words[1] in QUESTION_STARTS - {"will"}
    return "?" not in analysis.text and not asks and WH_WORDS.isdisjoint(words)


#: what a piece that asks for an area's stretch by name may say besides the area: "hamstring
#: stretch pls", "a good calf stretch please"
_NAMED_STRETCH_ASK = frozenset(
    """stretch stretches a an any good some the my me for give pls please plz quick one show
    send need i""".split()
) | {
    # where or how it is done: "show me a hamstring stretch i can do lying down"
    *"can do lying down sitting seated standing up in on bed chair floor".split()
}


def asks_an_areas_stretch(piece: Sequence[str]) -> bool:
    """Whether a piece of a message (with its area as TOPIC_TOKEN) only asks for that area's
    stretch, or one done some way: "hamstring stretch pls", "a calf stretch please", "show me
    a hamstring stretch i can do lying down"."""
    rest = [w for w in piece if w != TOPIC_TOKEN]
    return (
        len(rest) < len(piece)
        and not STRETCH_NOUNS.isdisjoint(rest)
        and set(rest) <= _NAMED_STRETCH_ASK
    )


#: stretches asked for by pointing at them, after an answer that speaks of them: "show me
#: some", "which ones can i do", "can she do them sitting down"
_SOME_WORDS = frozenset({"some", "ones", "them", "these", "those", "which"})
_SOME_ASKING = frozenset({"show", "give", "send", "do", "which", "got", "any"})


#: something gentle asked for, for oneself or someone else: "something easy for him?",
#: "anything safe and gentle for her"
_GENTLE_SOMETHING = frozenset(
    (some, gentle)
    for some in ("something", "anything")
    for gentle in "easy easier gentle gentler safe simple light".split()
)


def asks_for_something_gentle(words: Sequence[str]) -> bool:
    """Whether the words ask for something gentle to do ("something easy for him?"), not what
    to keep away from ("anything safe i should avoid")."""
    return has_pair(words, _GENTLE_SOMETHING) and {"avoid", "avoiding"}.isdisjoint(words)


def asks_for_some(words: Sequence[str]) -> bool:
    """Whether a short message asks for the stretches an answer spoke of, by pointing: "show
    me some", "ok which ones", "can she do them sitting down"; not "why"."""
    return (
        not _SOME_WORDS.isdisjoint(words)
        and not _SOME_ASKING.isdisjoint(words)
        and "why" not in words
    )


#: a part of an area said alone after it ("front", "the back of them", "more the side"), and
#: the part it names
_PARTS = {
    "front": "front",
    "back": "back",
    "side": "side",
    "sides": "side",
    "inside": "inside",
    "inner": "inside",
    "outside": "outside",
    "outer": "outside",
}
_PART_FILLER = frozenset(
    """the its it s is more mostly like kind sort of bit one area part them that no actually
    ok okay and what about now then so""".split()
)
#: the word people use for the region of an area, to read a part said alone against: "front"
#: after tight hips is the front of the hip
_PART_REGIONS = {
    "hip_flexors": "hip",
    "glutes": "hip",
    "piriformis": "hip",
    "quadriceps": "thigh",
    "hamstrings": "thigh",
    "adductors": "thigh",
    "it_band": "thigh",
    # "and the sides" after the abs or the chest: the side of the torso (its front is theirs)
    "abdominals": "torso",
    "chest": "torso",
}
#: ... the regions whose only other part is their side
_SIDE_ONLY_REGIONS = frozenset({"torso"})
#: a part said alone takes at most so many words ("ok and the back of them")
_PART_MAX_WORDS = 6


def part_of_the_region(words: Sequence[str], topic: str | None) -> tuple[str, str] | None:
    """(part, region) for a part of the talked-of area said alone ("front" after tight hips:
    the front of the hip), or None."""
    part = part_said_alone(words)
    region = _PART_REGIONS.get(topic or "")
    if part is None or region is None:
        return None
    if region in _SIDE_ONLY_REGIONS and part != "side":
        return None
    return part, region


def part_said_alone(words: Sequence[str]) -> str | None:
    """The part of an area a short message names and nothing else ("front", "the back one",
    "more the outside of it"), or None. "back" needs "the" ("back" alone may be the back)."""
    if not words or len(words) > _PART_MAX_WORDS:
        return None
    named = [w for w in words if w not in _PART_FILLER]
    if len(named) != 1 or named[0] not in _PARTS:
        return None
    if named[0] == "back" and "the" not in words:
        return None
    return _PARTS[named[0]]


#: a report that an area is better now: "back feels better", "neck's loads looser", "hips
#: are good now" (a verb of feeling or being, then one of these within a few words)
_RELIEF_WORDS = frozenset("better looser easier good great fine sorted loose".split())
_RELIEF_VERBS = frozenset("feel feels feeling felt is s are seems seem".split())
#: ... in a piece of at most so many words
_RELIEF_MAX_WORDS = 7


def after_a_relief(analysis: Analysis) -> list[str]:
    """The words after a first piece that reports an area better and asks nothing ("ok back
    feels better, what about my hamstrings" -> "what about my hamstrings"); empty when the
    message opens with no such piece or says nothing after it."""
    pieces = analysis.pieces()
    if len(pieces) < 2 or not analysis.spans:
        return []
    words = analysis.corrected
    start, end = pieces[0]
    first = words[start:end]
    if (
        len(first) > _RELIEF_MAX_WORDS
        or not WH_WORDS.isdisjoint(first)
        or first[0] in QUESTION_STARTS
        or not any(s < end for s, _e, _t in analysis.spans)
    ):
        return []
    told = any(
        w in _RELIEF_VERBS and not _RELIEF_WORDS.isdisjoint(first[i + 1 : i + 4])
        for i, w in enumerate(first)
    )
    rest = list(words[end:])
    return rest if told and any(w not in STOPWORDS for w in rest) else []


def praise_then_told(analysis: Analysis) -> bool:
    """Whether a message opens by praising and goes on to tell, not ask: "lovely, sending it
    to my mum" (read only after a reply: "nice weather today" opens nothing); not "great
    stretch for runners?", which names what is praised."""
    words = analysis.corrected
    if len(words) < 2 or words[0] not in PRAISE_OPENERS or words[1] in _PRAISED_NEXT:
        return False
    asks = words[1] in QUESTION_STARTS - {"will"}
    return "?" not in analysis.text and not asks and WH_WORDS.isdisjoint(words)


#: a message with this many letters and no word the normaliser keeps is in another script
OTHER_SCRIPT_LETTERS = 2
#: a routine asked for by that name, and the words that make a name a request
NAMED_ROUTINE_WORDS = frozenset({"routine", "routines"})
PLEASE_WORDS = frozenset({"pls", "please", "plz", "plse", "pleasee"})
#: what a request for something to do opens with: "something calming before bed pls"
SOMETHING_WORDS = frozenset({"something", "anything", "smth", "sth"})
#: ... not someone else's routine, nor one for something else
SOMEONE_ELSES = frozenset(
    "my your his her our their kids kid baby babys son daughter toddler family".split()
)
ROUTINE_FOR_ELSE = frozenset({"for", "is", "was", "that", "at"})
#: words a reason may add to "show me that again" ("..., i lost it")
AGAIN_REASON_WORDS = 3
#: whether a cool-down is needed at all
COOLDOWN_NEEDED = "cooldown_needed"
#: the general answer on stretching when ill (a cold, the flu)
WHEN_ILL = "when_ill"
#: the general answer on what stretching needs: a mat, a strap, nothing to buy
EQUIPMENT_GENERAL = "equipment"
#: words that ask whether a thing is needed at all ("do i even need one", "is it worth it")
_NEEDED_WORDS = frozenset({"need", "needed", "necessary", "worth", "point", "bother", "skip"})


def asks_if_needed(words: Sequence[str], pieces: Sequence[tuple[int, int]]) -> bool:
    """Whether a piece of the message asks yes or no whether something is needed at all: "...
    and do i even need one", "is it worth it"."""
    return any(
        asks_whether(piece) and not _NEEDED_WORDS.isdisjoint(piece)
        for piece in (words[start:end] for start, end in pieces)
    ) or any(
        # "what is a cooldown and do i even need one": the yes-or-no after "and"
        words[i] == "and"
        and asks_whether(words[i + 1 :])
        and not _NEEDED_WORDS.isdisjoint(words[i + 1 :])
        for i in range(len(words))
    )


#: whether to warm up before stretching, and how the two differ
WARMUP_VS_STRETCH = "warmup_vs_stretch"
#: words after "stretch" that make it the verb, stretching an area: "stretch my jaw"
STRETCHED_OWNERS = frozenset({"my", "the", "your", "out", "both"})
#: ... and, with these, whether stretching an area is any use: "is stretching my hips worth it"
STRETCHING_OF_USE = HELPS_WORDS | frozenset("work works worth good relieve".split())
#: things a stretch is done against or with, which a question may name ("can i do it in a
#: doorway at work"), and the lead when the stretch on screen uses the one named
STRETCH_PROPS = frozenset("doorway door wall desk chair table counter step stairs towel".split())
PROP_IT_USES_LEAD = "Yes: this one only needs a {prop}, so it works there too."
#: the longest question of when or how long to do the card on screen read as one
TIMING_ASK_WORDS = 14
#: times of day a question about doing a stretch then names ("at night too or only mornings")
TIMES_OF_DAY = frozenset(
    "night nights morning mornings evening evenings bedtime bed afternoon afternoons".split()
)
#: the general answer on when in the day to stretch
TIME_OF_DAY = "time_of_day"
#: two ends of a session, or two times of day, set against each other ("stretch BEFORE a
#: run or AFTER", "morning or night, which is better?", "am or pm stretching?") ...
BEFORE_OR_AFTER = (frozenset({"before", "pre"}), frozenset({"after", "post"}))
CHOICE_WORDS = frozenset({"or", "vs", "versus"})
CHOICE_REACH = 4
CHOICE_TIMES = TIMES_OF_DAY | {"am", "pm", "nighttime", "daytime"}
#: ... with nothing else besides, for times of day ("morning or night, which is better?")
TIME_CHOICE_FILLER = frozenset(
    "which is better best one what whats do you reckon think should i stretching stretch".split()
)


def sets_two_against(words: Sequence[str], first: frozenset[str], second: frozenset[str]) -> bool:
    """Whether a word of `first` and one of `second` stand either side of "or" (or "vs"),
    each within `CHOICE_REACH` words of it: "before a run or after"."""
    for at, word in enumerate(words):
        if word not in CHOICE_WORDS:
            continue
        left = set(words[max(0, at - CHOICE_REACH) : at])
        right = set(words[at + 1 : at + 1 + CHOICE_REACH])
        if (left & first and right & second) or (left & second and right & first):
            return True
    return False


def asks_before_or_after(words: Sequence[str]) -> bool:
    """Whether the words set before against after: "stretch BEFORE a run or AFTER"."""
    return sets_two_against(words, *BEFORE_OR_AFTER)


def compares_times_of_day(words: Sequence[str]) -> bool:
    """Whether the words set two times of day against each other and say nothing else but
    stretching: "morning or night, which is better?", "am or pm stretching?"."""
    times = [w for w in words if w in CHOICE_TIMES]
    if len(set(times)) < 2:
        return False
    rest = set(words) - CHOICE_TIMES - CHOICE_WORDS - TIME_CHOICE_FILLER - STOPWORDS
    return not rest and any(
        sets_two_against(words, frozenset({a}), frozenset({b}))
        for a in set(times)
        for b in set(times)
        if a != b
    )


#: words that open a time of day placing something told in it ("ache at night", "stiff in the
#: morning", "gone by the morning")
_TIME_PLACERS = frozenset({"at", "in", "by", "every", "each"})


def places_in_time(words: Sequence[str], start: int, end: int) -> bool:
    """Whether the words from `start` to `end` are only a time of day after a word that places
    something in it ("at night", "in the morning"), not a routine asked for by its time ("a
    night routine", "before bed")."""
    while start and words[start - 1] == "the":  # "by the morning"
        start -= 1
    span = [w for w in words[start:end] if w != "the"]
    placed = (span and span[0] in _TIME_PLACERS) or (start and words[start - 1] in _TIME_PLACERS)
    return bool(placed) and bool(span) and span[-1] in TIMES_OF_DAY


#: whether stretching should hurt
PAIN_GENERAL = "pain"
#: whether to stretch before or after exercise, and the general answers that already say so
BEFORE_AFTER = "before_after"
EXERCISE_TIMING_GENERAL = frozenset(
    {BEFORE_AFTER, "warmup_vs_stretch", "static_vs_dynamic", "cooldown_needed", "harmful"}
)
#: ... asked of the time before it (after it, people mostly ask about soreness)
BEFORE_WORDS = frozenset({"before", "first", "beforehand", "pre"})
#: a question whether something harms ("is stretching before running bad?")
HARM_WORDS = frozenset(
    {"bad", "harmful", "harm", "hurt", "injury", "injure", "dangerous", "damage", "worse"}
)
#: words of a question about pain, which no question of timing is
PAIN_ASK_WORDS = frozenset({"hurt", "hurts", "hurting", "painful", "pain", "sting", "burn"})
#: after a routine, how often to do it ("every hour", "how many times a day") and whether
#: straight after exercise ("straight after or wait")
HOW_OFTEN_PAIRS = frozenset(
    {
        ("how", "often"),
        ("how", "many"),
        ("every", "hour"),
        ("every", "night"),
        ("each", "night"),
        ("times", "a"),
        ("per", "day"),
        ("a", "week"),
        ("every", "week"),
    }
)
RIGHT_AFTER_PAIRS = frozenset(
    {
        ("straight", "after"),
        ("right", "after"),
        ("straight", "away"),
        ("or", "wait"),
        ("before", "or"),
        ("or", "after"),
        ("after", "or"),
        ("or", "before"),
    }
)
#: the activity is over ("first 10k done!! what should i stretch now before i seize up")
SESSION_DONE_WORDS = frozenset({"done", "finished", "completed"})
#: ... and a step of a routine ("did the first one", "finished the second")
DONE_WORDS = SESSION_DONE_WORDS | {"did"}
#: word pairs that ask someone for something: "can you give me a home routine", "send me one"
ASKING_PAIRS = frozenset(
    {("can", "you"), ("could", "you"), ("give", "me"), ("send", "me"), ("show", "me")}
)


#: the words that may go with "next" in a message that only says the card before is done:
#: "did that too, next", "finished that, next?", "ok done with it, next pls"
_DONE_THEN_NEXT = DONE_WORDS | frozenset(
    """that it this one too also ok okay cool right alright great nice and so what whats now
    i ive have got through with pls please thanks ta cheers then""".split()
)


def done_then_next(words: Sequence[str]) -> bool:
    """Whether a short message says the card before is done and asks for the next: it holds
    "next" and a word of doing ("did that too, next", "finished that, next?"), and nothing
    else but `_DONE_THEN_NEXT` ("next week", "what's next for my knees" say more)."""
    return (
        "next" in words
        and not DONE_WORDS.isdisjoint(words)
        and len(words) <= MOVE_MAX_WORDS
        and all(w == "next" or w in _DONE_THEN_NEXT for w in words)
    )


#: a warm-up or cool-down by name
_WARM_NAMES = frozenset({"warm", "warmup", "warmups"})
_COOL_NAMES = frozenset({"cool", "cooldown", "cooldowns"})
#: the word after "after" or "before" that makes it the time of day ("after work")
_DAY_AFTERS = frozenset(
    "work school uni college lectures dinner lunch breakfast bed bedtime sleep".split()
)
#: ... and the rest of the day that "before" or "after" may point to ("before the drive
#: home", "before i try to drive"), past the little words between
_DAY_EVENTS = _DAY_AFTERS | frozenset(
    "drive driving home flight flying commute shower meeting meetings train bus nap".split()
)
_TO_THE_EVENT = frozenset("i we the my a an try to going get head".split())


def _tells_the_day(words: Sequence[str], at: int) -> bool:
    """Whether "after" or "before" at `at` says when in the day ("after work", "before the
    drive home"), not which end of the activity."""
    for word in words[at + 1 : at + 5]:
        if word not in _TO_THE_EVENT:
            return word in _DAY_EVENTS
    return False


def _ends_told(words: Sequence[str]) -> set[str]:
    """The "before" and "after" of the words that tell an end of the activity, not when in the
    day ("after work", "before the drive home")."""
    return {
        w for i, w in enumerate(words) if w in ("before", "after") and not _tells_the_day(words, i)
    }


#: the words before a warm-up or cool-down that make it a time in the story ("tight even in
#: the warm up"), not the end asked for
_DURING_PAIRS = frozenset({("in", "the"), ("in", "my"), ("during", "the"), ("during", "my")})


def _end_words(words: Sequence[str]) -> set[str]:
    """The words, with "before" and "after" kept only where they tell an end of the activity
    (`_ends_told`), not when in the day ("after work")."""
    return set(words).difference(("before", "after")) | _ends_told(words)


def _ends_named(words: Sequence[str], names: frozenset[str]) -> bool:
    """Whether the words name a warm-up or cool-down (`names`) other than as a time in the
    story: "even in the warm up" tells when the forearms get tight."""
    return any(
        w in names and not (i >= 2 and (words[i - 2], words[i - 1]) in _DURING_PAIRS)
        for i, w in enumerate(words)
    )


#: the activity is still to come ("about to play tennis", "heading out for a run", "10 min
#: till my match", "game in 20 minutes")
#: words that place an activity later the same day ("bouldering tonight", "hoops later")
LATER_TODAY = frozenset({"tonight", "tonite", "later", "2nite", "tnight"})
_AHEAD_PAIRS = frozenset(
    {
        ("about", "to"),
        ("going", "to"),
        ("heading", "out"),
        ("heading", "to"),
        ("headed", "to"),
        ("headed", "out"),
        ("getting", "ready"),
        ("get", "ready"),
        ("ready", "for"),
        ("off", "to"),
        ("later", "today"),
    }
)
#: ... and further off: a journey planned ("long haul next week"), too far off for a warm-up
#: ("race next month, hamstrings tight" asks about the hamstrings)
_PLANNED_PAIRS = frozenset(
    {("next", "week"), ("next", "weekend"), ("next", "month"), ("this", "weekend")}
)
#: routines whose keywords tell a problem they answer, asked for when told ("heels lift off
#: the floor every time i squat")
TOLD_ROUTINES = frozenset({"squat_mobility"})
#: words that place a complaint during play ("by the 4th hole", "in the second half", "on
#: the first tee")
DURING_PLAY_WORDS = frozenset(
    """during midway halfway hole holes half set sets lap laps inning innings quarter
    rally tee""".split()
)
#: what play is counted in, after "the first": "for the first 10 lengths", "the first few
#: minutes of every run", "the first couple of holes"
_PLAY_UNITS = frozenset(
    """lengths length laps lap holes hole sets set minutes mins min games game points km
    kilometres kilometers miles mile overs rounds round rallies""".split()
)
_FIRST_REACH = 4


def tells_start_of_play(words: Sequence[str]) -> bool:
    """Whether the words place a complaint at the start of play: "the first" and, within a
    few words, what play is counted in ("tight for the first 10 lengths every time")."""
    return any(
        w == "first"
        and i
        and words[i - 1] == "the"
        and not _PLAY_UNITS.isdisjoint(words[i + 1 : i + 1 + _FIRST_REACH])
        for i, w in enumerate(words)
    )


#: harm feared for an area before play: "dont want to wreck my back", "without pulling
#: something", "worried ill tweak my knee"
_HARM_FEARED = frozenset(
    """wreck wrecking hurt hurting pull pulling injure injuring tweak tweaking strain
    straining ruin ruining damage damaging do seize seizing cramp cramping tighten tightening
    lock locking""".split()
)
_FEARING = frozenset({"not", "without", "avoid", "worried", "scared", "afraid", "nervous"})
_FEAR_REACH = 4


def fears_harm(words: Sequence[str]) -> bool:
    """Whether the words fear harm to the body: a harm word shortly after a denial or a worry
    ("dont want to wreck my back", "so i dont pull anything", "scared ill tweak my knee")."""
    return any(
        w in _HARM_FEARED and not _FEARING.isdisjoint(words[max(0, i - _FEAR_REACH) : i])
        for i, w in enumerate(words)
    )


#: words that tell of readying the body for what is to come: "how do i get my shoulders ready
#: for swimming", "how should i prepare my hips for football"
_READYING_WORDS = frozenset("ready prepare preparing prep prime priming".split())
#: ... and word runs that wake an area up before it ("elbow and shoulder need waking up first")
_WAKING_UP = (("waking", "up"), ("wake", "up"), ("woken", "up"), ("warming", "up"))
#: ... said of an area that needs it, not of the person ("i need to wake up earlier")
_NEEDS_WAKING = frozenset({"need", "needs", "needing", "want", "wants"})


def readies(words: Sequence[str]) -> bool:
    """Whether the words tell of readying the body for an activity still to come ("get my
    hips ready for football", "prepare my shoulders for swimming", "elbow and shoulder need
    waking up first")."""
    if not _READYING_WORDS.isdisjoint(words):
        return True
    found = first_span(words, _WAKING_UP)
    return found is not None and found[0] > 0 and words[found[0] - 1] in _NEEDS_WAKING


#: words that tell a complaint coming back each time ("always", "last time", "every time")
RECURRING_WORDS = frozenset({"always", "usually", "last", "every", "each", "again"})
_AHEAD_WORDS = frozenset(
    {"gonna", "upcoming", "soon", "later", "tomorrow", "tmrw", "tmr", "tmrow", "tonight", "tonite"}
)
#: lengths before "later" that make it later than something told, not than now
_LATER_THAN = frozenset(
    "days day weeks week months month years year hours hour hrs mins minutes much".split()
)
#: what "till" (`TILL_WORDS`) after a length goes on with when it says what is to come ("10
#: min till my match"), not "how long till i can do the splits"
_TILL_THEN = frozenset({"my", "the", "our", "kick", "kickoff", "tip"})
#: words of someone who watches or follows an activity, not one who does it
SPECTATING = frozenset("watch watching watched tv ticket tickets fan fans score scores".split())
#: a message that says an activity is still to come asks for its warm-up up to this long
AHEAD_MAX_WORDS = 14
#: minutes and hours after "in" ("in 20 min"): how long until the activity
_UNTIL_UNITS = frozenset("min mins minute minutes hr hrs hour hours".split())


def planned(words: Sequence[str]) -> bool:
    """Whether the words say the activity is still to come, soon (`still_ahead`) or later
    ("long haul next week, 14 hrs to LA")."""
    return still_ahead(words) or has_pair(words, _PLANNED_PAIRS)


def still_ahead(words: Sequence[str]) -> bool:
    """Whether the words say the activity is still to come: "about to play tennis", "heading
    out for a run", "10 min till my match", "game in 20 minutes"."""
    if has_pair(words, _AHEAD_PAIRS) or any(
        w in _AHEAD_WORDS
        # "rebooked me for 2 days later": later than something else, not than now
        and not (w == "later" and i and words[i - 1] in _LATER_THAN)
        for i, w in enumerate(words)
    ):
        return True
    return any(
        (w == "in" and _until_told(words[i + 1 : i + 4]))
        or (w == "at" and i > 0 and words[i - 1] in _EVENTS_AT and _a_clock_time(words, i + 1))
        or (
            w in TILL_WORDS
            and 0 < i < len(words) - 2
            and words[i - 1] in _UNTIL_UNITS
            and words[i + 1] in _TILL_THEN
        )
        for i, w in enumerate(words)
    )


#: events named right before "at <time>": when they start ("match at 3", "kickoff at 2pm")
_EVENTS_AT = frozenset(
    """match game kickoff training practice class session race fixture lesson tee time
    parkrun""".split()
)
_CLOCK = re.compile(r"(?:[1-9]|1[0-2])(?:[:.]?[0-5]\d)?(?:am|pm)?")


def _a_clock_time(words: Sequence[str], i: int) -> bool:
    """Whether the word at `i` is a time on the clock ("3", "3pm", "10:30", "7.45am")."""
    return i < len(words) and _CLOCK.fullmatch(words[i]) is not None


#: what a number after "in" may go on with and still be a time till the activity ("tee off
#: in 10, what do i do", "pickup game in 15"): the end, or a clause of its own
_AFTER_A_TIME = frozenset(
    "what and so any i need gotta give quick then how help pls please".split()
)
#: ... and the words after "in a" that make a short while ("in a bit", "in a sec", "in half an
#: hour", "in a few mins")
_A_SHORT_WHILE = frozenset({"bit", "sec", "second", "jiffy", "moment"}) | _UNTIL_UNITS
_A_FEW = frozenset({"few", "couple"})


def _until_told(after_in: Sequence[str]) -> bool:
    """Whether the words after "in" tell a short time till the activity: "in 20 min", "in
    10" (minutes, told without them, at the end or before a clause of its own), "in an
    hour", "in a bit", "in half an hour", "in a few mins" (not "in 10 days", "in a few
    weeks", "in 2019")."""
    if not after_in:
        return False
    first, rest = after_in[0], after_in[1:]
    if first.isdigit():
        return int(first) <= 90 and (not rest or rest[0] in _UNTIL_UNITS | _AFTER_A_TIME)
    if first[:1].isdigit():  # "in 20min", "in 1hr"
        return first.lstrip("0123456789") in _UNTIL_UNITS
    if first == "half":
        return True
    if first in ("a", "an") and rest:
        if rest[0] in _A_FEW:
            return len(rest) > 1 and rest[1] in _UNTIL_UNITS | {"of"}
        return rest[0] in _A_SHORT_WHILE
    return False


def pick_warm_or_cool(found: Sequence[str], words: Sequence[str]) -> str:
    """Of the routines `found` (not empty), the warm-up when the words say before, or that the
    activity is still to come (`still_ahead`), and not after (WARM_WORDS, COOL_WORDS), else
    the cool-down. An activity with no warm-up of its
    own gets the general one when a warm-up is named ("warm up before my ride" is no cycling
    cool-down); else the first found."""
    first = found[0]
    kind = first.partition("_")[0]
    if kind not in ("warmup", "cooldown"):
        return first  # a setting named first ("at my desk ... not doing lunges"): its routine
    wanted = wanted_end(words)
    # a warm-up by name, not just "before" ("what should i stretch before i shower"); a
    # cool-down by name for an activity with a warm-up only ("cool down after yoga")
    if wanted == "warmup" and not _WARM_NAMES.isdisjoint(words):
        fallback = WARM_UP_ROUTINE
    elif wanted == "cooldown" and _ends_named(words, _COOL_NAMES):
        fallback = COOL_DOWN_ROUTINE
    else:
        fallback = first
    return next((rid for rid in found if rid.startswith(wanted)), fallback)


def names_an_end(words: Sequence[str]) -> bool:
    """Whether the words name a warm-up or a cool-down ("a cool down", "warmup")."""
    return _ends_named(words, _WARM_NAMES) or _ends_named(words, _COOL_NAMES)


#: the words of asking for a warm-up or cool-down that tell nothing of an activity
ROUTINE_SMALL_WORDS = (
    _WARM_NAMES
    | _COOL_NAMES
    | frozenset(
        "down up before after about stretch stretches stretching routine one what how which any".split()
    )
)


def wanted_end(words: Sequence[str]) -> Literal["warmup", "cooldown"]:
    """Which end of an activity the words ask for: the warm-up when they say before, or that
    the activity is still to come (`still_ahead`), and not after (WARM_WORDS, COOL_WORDS);
    a warm-up or a cool-down named wins whatever else they say."""
    # "after work", "after school" say when the day is, not which end of the activity
    ends = _end_words(words)
    if just_done(words):
        # "just done parkrun what should i do now before i get in the car": before what comes
        # next, the session being over
        ends.discard("before")
    warm_named = _ends_named(words, _WARM_NAMES)
    cool_named = _ends_named(words, _COOL_NAMES)
    if warm_named != cool_named:  # "what warm up before pickup", whatever "after" says
        return "warmup" if warm_named else "cooldown"
    if (
        WARM_WORDS.intersection(ends)
        or still_ahead(words)
        or readies(words)
        or has_pair(words, _STARTING_PLACES)
    ) and not (COOL_WORDS | SESSION_DONE_WORDS).intersection(ends):
        return "warmup"
    return "cooldown"


#: where an activity starts: asked about, what to do there is its warm-up ("what should i do
#: on the first tee")
_STARTING_PLACES = frozenset({("first", "tee"), ("start", "line"), ("starting", "line")})


#: an activity told as just over: "just finished 60k on the bike", "back from my run"
_JUST_OVER_PAIRS = frozenset(
    {
        ("just", "finished"),
        ("just", "done"),
        ("just", "did"),
        ("just", "completed"),
        ("back", "from"),
        ("home", "from"),
        ("done", "with"),
        ("finished", "my"),
        ("did", "my"),
        ("just", "ran"),
        ("just", "rode"),
        ("just", "swam"),
        ("just", "played"),
        ("just", "hiked"),
        ("completed", "my"),
    }
)
#: ... of them, those that can only tell a session over ("back from" may be a holiday)
_JUST_DONE_PAIRS = _JUST_OVER_PAIRS - {
    ("back", "from"),
    ("home", "from"),
    ("done", "with"),
    ("did", "my"),
}


def just_done(words: Sequence[str]) -> bool:
    """Whether the words tell a session as just done: "just done parkrun", "finished my 10k"."""
    return has_pair(words, _JUST_DONE_PAIRS)


#: said first to a session told as just over, before its cool-down
#: "can stretching fix that", "does stretching help", "will stretches sort it": whether it works
_WORKS_ASKERS = frozenset({"can", "does", "do", "will", "would", "could", "is"})
_WORKS_SUBJECTS = frozenset({"stretching", "stretches"})


def asks_if_stretching_works(words: Sequence[str]) -> bool:
    """Whether the words ask whether stretching works ("can stretching actually fix that",
    "does stretching help with it") or call it a myth ("or is it a myth")."""
    return "myth" in words or any(
        a in _WORKS_ASKERS and b in _WORKS_SUBJECTS for a, b in zip(words, words[1:], strict=False)
    )


#: words that ask for several areas in one go ("neck and shoulders together")
TOGETHER_WORDS = frozenset({"together", "combined", "combo"})
#: what a time's routine is asked for, beside the area: to settle down for sleep, or to wake
#: up ("something gentle i can do in bed to wind down")
SETTLING_WORDS = frozenset(
    """wind unwind relax relaxed relaxing calm sleep asleep drift settle switch wake energise
    energize""".split()
)
#: ... of which these speak of the body's own tension: "can't sleep, anything to help me
#: relax" is about the body, where "a bedtime routine for the kids" is not
RELAXING_WORDS = frozenset({"relax", "relaxed", "relaxing", "unwind", "tense", "tension"})
WELL_DONE_LEAD = "Well done! A few easy minutes now help you wind down:"
#: soreness told after a session: the ache is normal and fades in a few days; stretching
#: will not speed that up, but gentle stretches can feel good (the soreness answer's facts)
SORE_SESSION_LEAD = (
    "Aching after a hard session is normal and fades over a few days. Stretching won't speed "
    "that up, but gentle stretches can feel good:"
)
#: general answers about a flexibility goal that a message may tell as reached
MILESTONE_SUBJECTS = frozenset({"splits", "touch_toes"})
#: general answers about something a stretch is done before or after, other than exercise:
#: named beside "before or after", their answer says which ("before or after a sauna")
TIMED_AGAINST = frozenset({"stretching_in_heat", "foam_rolling"})
#: general answers after which an age told alone asks whether it is too late ("im 40 btw"
#: after how long the splits take): the answer on being too old
TOO_OLD = "too_old"
AGE_MATTERS_TO = MILESTONE_SUBJECTS | frozenset({"flexibility_timeline", "beginner"})
#: general answers about starting out, which a goal named beside them outweighs
STARTING_SUBJECTS = frozenset({"beginner"})
#: ... as does keeping it up, named beside them ("i always start stretching then forget. how
#: do ppl make it stick" has started already)
KEEPING_UP_SUBJECTS = frozenset({"habit"})
KEEP_FLEXIBILITY = "keep_flexibility"
MILESTONE_LEAD = "Well done, that takes weeks of work! Here is how to keep it:"
#: words that tell a goal reached: "finally got my splits", "can touch my toes now"
_REACHED_WORDS = frozenset(
    """finally got held did managed nailed touched reached hit achieved""".split()
)
#: ... and words that make it a wish, a choice or a condition: "id faint if i ever managed
#: the splits", "front split or middle split first"
_UNREACHED_WORDS = frozenset(
    """if ever would id wish want wanna hope hoping dream someday or until till""".split()
)


def reached_words(words: Sequence[str]) -> bool:
    """Whether the words tell something reached: "finally", "got", "held", "managed", or "can
    ... now"; not a wish, a choice or a condition ("if i ever managed")."""
    if not _UNREACHED_WORDS.isdisjoint(words):
        return False
    return not _REACHED_WORDS.isdisjoint(words) or ("can" in words and "now" in words)


#: how many words a bare "and my forearms?" may have before its question mark
_AREA_ASKED_WORDS = 4


def only_an_area_asked_first(text: str) -> bool:
    """Whether the one question mark of a message closes a short opening that only turns to
    an area ("and my forearms? they're wrecked from gripping the boxes"), with no question
    word in it ("and why my forearms?" asks)."""
    first, mark, rest = text.partition("?")
    opening = normalize(first).split()
    return (
        bool(mark)
        and "?" not in rest.rstrip("?")
        and bool(rest.strip(" ?"))
        and 0 < len(opening) <= _AREA_ASKED_WORDS
        and WH_WORDS.isdisjoint(opening)
        and opening[0] not in YES_NO_STARTS
    )


def tells_it_is_over(words: Sequence[str]) -> bool:
    """Whether the words tell an activity as just over ("just finished 60k on the bike, what
    should i stretch", "did a 10k this morning"), and say nothing of before."""
    told = has_pair(words, _JUST_OVER_PAIRS) or (
        not _DONE_VERBS.isdisjoint(words)
        and (not _PAST_TIMES.isdisjoint(words) or has_pair(words, _PAST_TIME_PAIRS))
    )
    return told and WARM_WORDS.isdisjoint(words)


#: a session told as over after its warm-up: "done, we won", "game over", "match finished"
_SESSION_OVER_WORDS = SESSION_DONE_WORDS | {"won", "lost"}
_SESSION_OVER_PAIRS = frozenset(
    {("game", "over"), ("match", "over"), ("its", "over"), ("session", "over")}
)


def tells_session_over(words: Sequence[str]) -> bool:
    """Whether the words tell a session as over ("done, we won. legs are dead", "game over, my
    legs are gone") and say nothing of before."""
    told = not _SESSION_OVER_WORDS.isdisjoint(words) or has_pair(words, _SESSION_OVER_PAIRS)
    return told and WARM_WORDS.isdisjoint(words)


#: how areas are told spent by a session just over: "quads and lower back are toast"
_SPENT_WORDS = frozenset(
    "toast wrecked cooked destroyed fried trashed smashed battered knackered shattered".split()
)


def tells_spent(words: Sequence[str]) -> bool:
    """Whether the words tell the body spent by a session ("calves are wrecked"), and say
    nothing of before."""
    return not _SPENT_WORDS.isdisjoint(words) and WARM_WORDS.isdisjoint(words)


#: ... or a session done, told with when it was: "did a 10k this morning", "played squash
#: last night"
_DONE_VERBS = frozenset(
    "did ran played rode swam hiked cycled biked climbed skied rowed walked trained".split()
)
#: ... "today" too, with a verb in the past ("did a 90 km ride today")
_PAST_TIMES = frozenset({"yesterday", "earlier", "yday", "yesterdays", "today"})
_PAST_TIME_PAIRS = frozenset(
    {("this", "morning"), ("last", "night"), ("this", "afternoon"), ("this", "evening")}
    | {("last", "weekend"), ("this", "am"), ("earlier", "today")}
)


def cool_down_instead(found: str, words: Sequence[str]) -> bool:
    """Whether the words ask for the cool-down of an activity that has only a warm-up
    (`found`): "cool down after a football match", "stretches after 5 a side"."""
    return found.startswith("warmup_") and wanted_end(words) == "cooldown"


def asks_before(words: Sequence[str]) -> bool:
    """Whether the words say before the activity ("before the 200 free", "beforehand"), not a
    time of day ("before work")."""
    return "before" in _ends_told(words) or "beforehand" in words


def tells_a_start_ahead(words: Sequence[str]) -> bool:
    """Whether the words place the activity still to come, or ask for before it, not as a
    time of day: "about to dig over the veg patch", "skiing next week ... what should i
    stretch beforehand", "match at 3", "what should i do first"."""
    return planned(words) or asks_before(words) or "first" in words


def tells_an_end(words: Sequence[str]) -> bool:
    """Whether the words tell which end of an activity they are at: a warm-up or cool-down
    named, before or after it, the activity still to come ("tee off in 10") or told as over
    ("18 holes done")."""
    ends = _end_words(words)
    return bool(
        names_an_end(words)
        or (WARM_WORDS | COOL_WORDS).intersection(ends)
        or still_ahead(words)
        or tells_session_over(words)
        or tells_it_is_over(words)
        or just_done(words)
    )


def which_end(found: str, named: Collection[str], words: Sequence[str]) -> str:
    """Of routine `found` and the other end of its activity among `named`, the one the words
    ask for: "pickup basketball after work, what should i do before" is the warm-up, though
    the cool-down matched."""
    activity = found.partition("_")[2]
    siblings = [k for k in named if k != found and activity and k.partition("_")[2] == activity]
    return pick_warm_or_cool([found, *siblings], words) if siblings else found


def bare_ask(words: Sequence[str]) -> str | None:
    """What a bare question asks of the area before ("and how": "stretch", "when though":
    "when"), or None for any other message."""
    asks = {BARE_ASKS[w] for w in words if w in BARE_ASKS}
    if len(asks) != 1 or not set(words) <= BARE_JOINERS | BARE_ASKS.keys():
        return None
    return asks.pop()


def asks_about(words: Sequence[str]) -> bool:
    """Whether the words hold "how about" or "what about" ("what about my wrists")."""
    return has_pair(words, ASKS_ABOUT)


def warm_ups_named(words: Sequence[str]) -> set[str]:
    """ "warmup" and "cooldown" for each named as a thing in the words ("warm up ideas", "any
    cooldown", "what should i do to warm up"), not as what someone does ("even though i warm
    up properly", "i try to cool down")."""
    kinds = set()
    for i, end, kind in _warm_up_names(words):
        asked = i > 0 and words[i - 1] == "to"
        asked = asked and not HOW_TO_WORDS.isdisjoint(words[max(0, i - HOW_TO_REACH) : i - 1])
        # "how should i warm up for climbing", not "how do i warm up my car"
        asked = asked or (_asked_how(words, i) and _ends_a_warm_up(words, end))
        asked = asked or _asked_what_with(words, i, end)
        if i == 0 or words[i - 1] not in WARM_UP_DOERS or asked:
            # "what should i do to warm up" asks for one, as "warm up ideas" does
            kinds.add("warmup" if kind.startswith("warm") else "cooldown")
    return kinds


#: word runs that ask the way to a goal talked about: "how do i get there", "how do i work
#: up to it", "how do i build up to that"
_THE_WAY_THERE = (
    ("get", "there"),
    ("getting", "there"),
    ("work", "up", "to"),
    ("build", "up", "to"),
    ("work", "towards"),
    ("work", "toward"),
)


#: word runs that set stretching aside: "apart from stretching", "other than stretches"
_BESIDES = (("apart", "from"), ("aside", "from"), ("other", "than"), ("besides",), ("except",))


def asks_beyond_stretching(words: Sequence[str]) -> bool:
    """Whether the words ask what else helps besides stretching: "what else can i do apart
    from stretching", "anything besides stretching?", "other than stretching what helps"."""
    found = first_span(words, _BESIDES)
    return found is not None and not STRETCHING_WORDS.isdisjoint(words[found[1] : found[1] + 2])


def asks_the_way_there(words: Sequence[str]) -> bool:
    """Whether the words ask how to reach a goal talked about: "how do i get there then",
    "ok how do i work up to it"."""
    return "how" in words and first_span(words, _THE_WAY_THERE) is not None


def warm_up_requested(piece: Sequence[str]) -> bool:
    """Whether a piece asks for a warm-up or a cool-down by that name ("need a cooldown",
    "got a warm up for me"), rather than whether one is worth doing ("do i need a
    cooldown", "why warm up")."""
    return bool(warm_ups_named(piece)) and not (asks_whether(piece) or asks_wh(piece))


def what_to_do_before(words: Sequence[str]) -> int | None:
    """Where the words after "what should i do before" start ("what should i do before | i
    tee off"): a warm-up asked for in all but name, when an activity follows; None when the
    words do not ask so."""
    for i in range(len(words) - 4):
        if (
            words[i] in ("what", "anything")
            and words[i + 1] in _WHAT_DO_MODALS
            and words[i + 2] in ("i", "we")
            and words[i + 3] == "do"
            and words[i + 4] == "before"
        ):
            return i + 5
    return None


_WHAT_DO_MODALS = frozenset({"should", "can", "could", "do", "shall", "would"})


def _asked_what_with(words: Sequence[str], i: int, end: int) -> bool:
    """Whether the warm-up or cool-down from `i` to `end` is asked what to do it with: "what
    should i | warm up with", "what do you cool down with"."""
    return (
        i >= 3
        and tuple(words[i - 3 : i - 1]) in WHAT_SHOULD
        and (end >= len(words) or words[end] == "with")
    )


def _asked_how(words: Sequence[str], i: int) -> bool:
    """Whether the warm-up or cool-down at `i` follows a question how and its doer: "how
    should i | warm up for climbing", "how do we | cool down"."""
    return i >= 3 and tuple(words[i - 3 : i - 1]) in HOW_SHOULD


def _ends_a_warm_up(words: Sequence[str], end: int) -> bool:
    """Whether nothing but a time, an activity or WARM_UP_FOLLOWERS follows the warm-up
    ending at `end`: "warm up | for climbing", "warm up | before a run", not "warm up | my
    car"."""
    return end >= len(words) or words[end] in WARM_UP_FOLLOWERS or words[end] in WARM_UP_TIMES


def warm_up_asked_how(words: Sequence[str]) -> str | None:
    """ "warmup" or "cooldown" when the words ask how to do one ("how do i warm up my
    hamstrings"), else None."""
    for i, _end, kind in _warm_up_names(words):
        if _asked_how(words, i):
            return "warmup" if kind.startswith("warm") else "cooldown"
    return None


#: words that say the activity is over: "what should i do once i'm back", "when i get home"
_BACK_FROM = (
    ("once", "i", "am", "back"),
    ("when", "i", "am", "back"),
    ("when", "i", "get", "back"),
    ("once", "i", "get", "back"),
    ("when", "i", "get", "home"),
    ("once", "i", "get", "home"),
    ("when", "i", "am", "done"),
    ("once", "i", "am", "done"),
    ("when", "i", "am", "finished"),
    ("once", "i", "am", "finished"),
    ("when", "i", "finish"),
    ("once", "i", "finish"),
    ("when", "i", "finish", "up"),
    ("when", "i", "stop"),
    ("afterwards",),
    ("afterward",),
)


def back_from_it(words: Sequence[str]) -> bool:
    """Whether the words place something after the activity without saying "after": "once
    i'm back", "when i finish", "afterwards"."""
    return first_span(words, _BACK_FROM) is not None


#: the words that open a reason given after an ask ("... so i dont slack", "... cos im lazy")
_REASON_OPENERS = frozenset({"because", "cause", "cos", "coz", "cuz", "bc"})
_REASON_PAIRS = frozenset({("so", "i"), ("so", "that"), ("so", "my"), ("so", "we")}) | {
    # "need a stretch to distract me", "... to cry into": what it is for, not what it is
    ("to", purpose)
    for purpose in "distract cry cheer forget procrastinate kill pass avoid".split()
}
#: an ask before its reason holds at least this many words
REASON_HEAD_WORDS = 3


#: headaches from a tight neck and shoulders, and the areas that bring them (a jaw told
#: with one keeps its own answer, which speaks of clenching and headaches)
TENSION_HEADACHE = "tension_headache"
TENSION_AREAS = frozenset({GENERAL, "neck", "shoulders", "upper_back"})
#: a headache named in plain words, which with a tight neck or shoulders named is the tension
#: headache ("band-like headache and my neck and shoulders feel like concrete") ...
HEADACHE_WORDS = frozenset({"headache", "headaches"})
#: ... unless it is a figure of speech: "this deadline is giving me a headache"
HEADACHE_IDIOM_WORDS = frozenset({"giving", "gives", "give", "gave"})
#: "how do i stop it happening", "how can i prevent that": what to do about an area's ache
STOP_IT_PAIRS = frozenset(
    {("i", "stop"), ("i", "prevent"), ("to", "stop"), ("to", "prevent"), ("i", "avoid")}
)
#: "so it doesnt happen again": "again" of a thing to prevent, not "show me that again"
HAPPEN_AGAIN = frozenset({("happen", "again"), ("happens", "again"), ("again", "tomorrow")})
#: after an answer, "and for my shoulders?" or "calf one too?" asks for something to do
ONE_FOR_WORDS = frozenset({"for", "one"})
#: words that open a request as plainly as a question mark ends one
ASKING_OPENERS = frozenset({"give", "gimme", "send", "show", "suggest", "recommend"})
#: how a short request for one opens, up to the "for" of what it is for (or the "before" or
#: "after" of when): "give me one for", "got any for", "something quick before", "stretches
#: for"
_ONE_ASKED = re.compile(
    r"^(?:(?:pls|please|can|could|would|u|you|i|have|get|got|give|gimme|me|us|do|any|ya|"
    r"something|anything|one|another|good|quick|short|decent|nice|easy|little|simple|"
    r"stretch|stretches|routine) )*?"
    r"(?:one|any|something|anything|smth|sth|summat|stretches|stretchs|routine)"
    r"(?: (?:good|quick|short|decent|nice|easy|little|simple))* (?:for|before|after) "
)
#: what may stand between "for" and an occasion: "for after the gym", "for before my run pls"
OCCASION_FILLERS = frozenset(
    "before after the my a an this that tonight today tomorrow now pls please plz".split()
)
#: an occasion is a word or two ("after the gym", "before a long run"), not a story
OCCASION_MAX_WORDS = 2
#: a gym session or workout by name, with its warm-up and its cool-down: at the gym the
#: weights are what is trained
GYM_ENDS = {
    "gym": ("warmup", "cooldown_strength"),
    "weights": ("warmup", "cooldown_strength"),
    "lifting": ("warmup", "cooldown_strength"),
    "workout": ("warmup", "cooldown"),
    "training": ("warmup", "cooldown"),
    "exercise": ("warmup", "cooldown"),
    "exercising": ("warmup", "cooldown"),
}


def one_asked_for(words: Sequence[str]) -> int | None:
    """Where what is asked for starts in a short request for one ("give me one for after the
    gym": 4, after its "for"), or None when the words do not open with one."""
    found = _ONE_ASKED.match(" ".join(words) + " ")
    if found is None:
        return None
    return found.group(0).count(" ")


#: "anything i can do on my lunch", "something for the train home": an ask of its own
ANY_OPENERS = frozenset({"anything", "something", "any", "summat"})
#: words that tell the time someone has ("i only have 2 min", "got 5 mins")
TIME_HAD = frozenset({"have", "got", "gotta", "spare", "get", "gets"})
#: "i have 2 minutes", "we've only got 10 mins", "i got like 5 min": time to spare, told
_TIME_TO_SPARE = re.compile(
    r"\b(i|we)( am| are)?( only| just)? (have|got|has|get)( got)?( only| just)?( like| about)?"
    r" (\d+|a|an|one|two|three|four|five|ten|fifteen|twenty|few|couple)\b"
)


def tells_time_to_spare(words: Sequence[str]) -> bool:
    """Whether the words tell the time the person has ("i have 2 minutes between meetings"):
    a stretch asked for in it, whatever the rest says."""
    return _TIME_TO_SPARE.search(" ".join(words)) is not None


def before_its_reason(words: Sequence[str]) -> list[str] | None:
    """The words before a reason that closes a message ("can you remind me every day so i
    do not slack" -> "can you remind me every day"), or None when no reason follows an ask
    of `REASON_HEAD_WORDS` words or more."""
    for i in range(REASON_HEAD_WORDS, len(words)):
        if words[i] in _REASON_OPENERS or tuple(words[i : i + 2]) in _REASON_PAIRS:
            return list(words[:i])
    return None


#: what asks how to avoid something right before its negator: "how do i not lose it all"
_HOW_NOT = frozenset(
    {("how", "do", "i"), ("how", "can", "i"), ("how", "do", "you"), ("how", "do", "we")}
)


def asks_how_not(words: Sequence[str], at: int) -> bool:
    """Whether the negator at `at` asks how to avoid what follows ("how do i not lose it
    all", "how to not lose my progress"), not denies it."""
    return tuple(words[max(0, at - 3) : at]) in _HOW_NOT or tuple(words[max(0, at - 2) : at]) == (
        "how",
        "to",
    )


#: words beside a warm-up or a cool-down that ask about it and name no activity: "should i
#: warm up first", "do i need to cool down after"
ONLY_AN_END_WORDS = frozenset(
    """first before after afterwards beforehand need needed necessary should properly always
    still even really actually bother worth doing that this it""".split()
)
#: something asked for one end of an activity: "something for before i get in the pool"
FOR_AN_END_PAIRS = frozenset({("for", "before"), ("for", "after")})


def done_before_or_after(words: Sequence[str]) -> set[str]:
    """{"warmup"} or {"cooldown"} for a question what to do before or after something ("should
    i do anything before i get in the pool", "what do i do after"), else empty."""
    pairs = set(zip(words, words[1:], strict=False))
    # "should i be doing something first?"; "anything i can do first thing" is the morning
    first = any(
        pair in DONE_FIRST and "thing" not in words[i + 2 : i + 3]
        for i, pair in enumerate(zip(words, words[1:], strict=False))
    )
    if pairs.isdisjoint(WHAT_TO_DO) and not first:
        # stretches asked for after it are its cool-down ("what muscles should i stretch after
        # playing football", "stretches after five a side"); whether to stretch is a question
        # of its own ("should i stretch after football"), and before it a contested one
        stretched_after = (
            "after" in words
            and "before" not in words
            and not STRETCH_FORMS.isdisjoint(words)
            and not asks_whether(words)
        )
        return {"cooldown"} if stretched_after else set()
    # "before the drive home" says when in the day, not before the activity
    told = _ends_told(words)
    before, after = "before" in told or first, "after" in told or back_from_it(words)
    if before == after:
        return set()
    return {"warmup"} if before else {"cooldown"}


def opens_a_question(piece: Sequence[str]) -> bool:
    """Whether a piece of a message opens a question: yes or no ("should stretching hurt"), or
    a question word ("what am i doing wrong")."""
    return asks_whether(piece) or (bool(piece) and piece[0] in WH_WORDS)


def names_a_posture(words: Sequence[str]) -> bool:
    """Whether the words name a posture (`POSTURE_NAMES`): "tech neck", "my forward head"."""
    return any(
        (w,) in POSTURE_NAMES or (w, nxt) in POSTURE_NAMES
        for w, nxt in zip(words, (*words[1:], ""), strict=True)
    )


def warms_a_thing(words: Sequence[str]) -> bool:
    """Whether a warm-up or cool-down is done to something someone has, not to a body: "how
    do i warm up my car", "cool down the room" (a name of an area is read before this)."""
    for _start, end, _kind in _warm_up_names(words):
        if end + 1 < len(words) and words[end] in WARMED_THING_OWNERS:
            after = words[end + 1]
            if after not in STOPWORDS | WARM_UP_FOLLOWERS | BODY_AS_A_WHOLE | _HOW_NOT_WHAT:
                return True
    return False


#: words after "warm up the" that say how, not what: "is a warm up the same as stretching",
#: "warm up the right way", "cool down the rest of me"
_HOW_NOT_WHAT = frozenset("same right proper correct wrong best usual normal rest".split())


def warm_up_of_a_thing(words: Sequence[str]) -> bool:
    """Whether a warm-up or cool-down named in the words is part of a thing's name ("a warm
    up game", "warm up questions", "vocal warm ups"): a word other than a stopword or
    WARM_UP_FOLLOWERS follows it, or one of WARM_UP_THINGS comes before it."""
    for start, end, _kind in _warm_up_names(words):
        after = words[end] if end < len(words) else None
        if after is not None and after not in STOPWORDS and after not in WARM_UP_FOLLOWERS:
            return True
        if start and words[start - 1] in WARM_UP_THINGS:
            return True  # "what vocal warm ups should i do before the gig"
    return False


def _warm_up_names(words: Sequence[str]) -> Iterator[tuple[int, int, str]]:
    """(start, end, name) of each warm-up or cool-down named in the words, in one word
    ("warmup", "cooldowns") or two ("warm up", "cool down" as "warmup", "cooldown")."""
    for i, word in enumerate(words):
        if word in WARM_UP_NAMES:
            yield i, i + 1, word
        elif tuple(words[i : i + 2]) in WARM_UP_PAIRS:
            yield i, i + 2, f"{word}{words[i + 1]}"


#: a yes-or-no question inside a sentence, asked of the writer ("..., do i have to")
_ASKED_LATER_PAIRS = frozenset(
    (ask, who) for ask in ("do", "should", "will", "would", "can") for who in ("i", "we")
)


def asks_yes_or_no(analysis: Analysis) -> bool:
    """Whether the message or one of its clauses opens like a yes-or-no question ("..., can i
    still do forward folds", "..., is that a hip flexor thing"), not a denial ("doesnt hurt",
    "didnt hear a pop")."""
    return any(
        len(words) > 1 and words[0] in YES_NO_STARTS and words[1] in _ASKED_SUBJECTS
        for words in (analysis.corrected, *analysis.clauses)
    )


#: what follows the first word of a yes-or-no question ("can i", "is that", "does it"), not
#: of a statement that left its subject out ("can only turn my head halfway", "doesnt hurt")
_ASKED_SUBJECTS = frozenset(
    "i it that this they we you he she my the there these those stretching".split()
)


def asks_without_a_mark(analysis: Analysis) -> bool:
    """Whether a message asks something, with or without a question mark: it or one of its
    clauses starts like a yes-or-no question ("dad of 3. is it too late to get flexible") or
    "what about" ("what about foam rolling instead"), or it asks whether something is
    realistic or worth it."""
    if "?" in analysis.text or ASKING_WORDS.intersection(analysis.corrected):
        return True
    for words in (analysis.corrected, *analysis.clauses):
        if words and (words[0] in YES_NO_STARTS or tuple(words[:2]) in HOW_MUCH_STARTS):
            return True
    # "and once i get there do i have to keep at it forever" (not "how do i knit a scarf",
    # a question of another kind)
    words = analysis.corrected
    if tuple(words[-_TAG_LENGTH:]) in _TAG_QUESTIONS or tuple(words[-2:]) in _TAG_QUESTIONS:
        return True  # "that's normal isn't it", "thats fine right"
    return WH_WORDS.isdisjoint(words) and has_pair(words, _ASKED_LATER_PAIRS)


#: the endings that turn a statement into a question: "... that's normal isn't it"
_TAG_QUESTIONS = frozenset(
    {
        ("is", "not", "it"),
        ("isnt", "it"),
        ("normal", "right"),
        ("fine", "right"),
        ("ok", "right"),
        ("okay", "right"),
        ("normal", "yeah"),
        ("fine", "yeah"),
        ("is", "it", "not"),
        ("am", "i", "right"),
        ("right", "yeah"),
    }
)
_TAG_LENGTH = 3


def aimed(words: Sequence[str]) -> bool:
    """Whether "for" is followed, within AIM_REACH words, by a topic or a word pointing at
    one ("one more for my quads", "one more just for them")."""
    return any(
        word == "for"
        and any(w == TOPIC_TOKEN or w in POINTING_WORDS for w in words[i + 1 : i + 1 + AIM_REACH])
        for i, word in enumerate(words)
    )


#: how far "from" may stand after an area, and the area that ends its extent after "from"
EXTENT_REACH = 2
EXTENT_SPAN = 8
_EXTENT_TO = frozenset({"to", "into", "till", "until"})


def extent_end(words: Sequence[str], spans: Sequence[tuple[int, int, str]], end: int) -> int:
    """Where an area's extent ends, when one follows the area that ends at `end`: "the
    outside of my thigh from the hip down to the knee" runs on to "knee". `end` otherwise."""
    opening = words[end : end + EXTENT_REACH]
    if "from" not in opening:
        return end
    at = end + opening.index("from")
    ends = [
        s_end
        for s_start, s_end, _topic in spans
        if at < s_start <= at + EXTENT_SPAN and not _EXTENT_TO.isdisjoint(words[at:s_start])
    ]
    return ends[0] if ends else end


def owned(words: Sequence[str], start: int, end: int) -> bool:
    """Whether the area named by `words[start:end]` is the writer's: "my calves", "my left
    calf", "the backs of my thighs"."""
    return not FIRST_PERSON.isdisjoint(words[max(0, start - OWNED_REACH) : end])


#: a bare area asked at the end of a message has at most this many words ("hamstrings?",
#: "and my hip flexors?")
BARE_AREA_ASK_WORDS = 4
#: what the words after "so" start with when they say what the writer wants ("... so i want
#: to warm up properly", "... so any stretches?"), and how many they are at least
ASK_AFTER_SO_STARTS = frozenset("i id im we can could any what need want wanna gimme give".split())
ASKED_AFTER_SO_MIN_WORDS = 3
#: "i want to warm up", "need to warm up properly": a warm-up wanted, told, not asked about
_WANTING = frozenset({"want", "wanna", "need", "gotta", "should"})
_WANTED_WARM_UP = frozenset(
    {"to", "warmup", "properly", "first", "i", "really", "just", "a", "bit"}
)


def says_it_wants_to_stretch(words: Sequence[str]) -> bool:
    """Whether the words say the writer wants to stretch ("i want to stretch my calves", "i
    wanna stretch my hips") and ask nothing of whether or when: a stretch asked for."""
    return (
        not asks_whether(words)
        and "or" not in words
        and any(
            w in _WANTING_TO_STRETCH
            and (i == 0 or words[i - 1] in _THE_WRITER_WANTING)
            and not STRETCH_FORMS.isdisjoint(words[i + 1 : i + 3])
            for i, w in enumerate(words)
        )
    )


#: words that say the writer wants what follows: "i want to stretch", "id like to stretch";
#: not "should", which asks whether ("should i stretch my calves")
_WANTING_TO_STRETCH = (_WANTING - {"should"}) | {"like"}
#: ... with the writer before it ("i really want to", "id like to"), not "abs need stretching"
_THE_WRITER_WANTING = frozenset({"i", "id", "we", "really", "just", "still", "so"})


def wants_to_warm_up(words: Sequence[str]) -> bool:
    """Whether the words only say a warm-up is wanted ("i want to warm up properly", "need to
    warm up first"), which asks for one, not whether to warm up rather than stretch."""
    return (
        "warmup" in words
        and not _WANTING.isdisjoint(words)
        and set(words) <= _WANTING | _WANTED_WARM_UP
        and not asks_whether(words)
    )


#: what may stand around a bare "give me one": "ok give me one then", "sure, send me one pls"
_ONE_ASK_EDGES = ACK_LEADS | {"then", "pls", "please", "plz", "so", "just", "now"}


def asks_for_one(words: Sequence[str]) -> bool:
    """Whether the words only ask for "one" with nothing named: "ok give me one then", "send
    me one", "gimme something"."""
    core = [w for w in words if w not in _ONE_ASK_EDGES]
    return (
        2 <= len(core) <= 3
        and core[0] in PLAIN_ASKING
        and core[-1] in {"one", "something"}
        and (len(core) == 2 or core[1] in {"me", "us"})
    )


def acknowledged(words: Sequence[str]) -> bool:
    """Whether the words open with an acknowledgement (`ACK_LEADS`) and go on with at least
    one word that is no filler: "ok stretch it", not "ok to stretch it daily?", "ok thanks"."""
    return (
        len(words) > 1
        and words[0] in ACK_LEADS
        and words[1] not in ACK_NOT_LEADS
        and any(w not in _THANKS_FILLERS and w not in STOPWORDS for w in words[1:])
    )


def after_thanks(words: Sequence[str], cues: CueReader, least: int = 2) -> list[str]:
    """The words after a thank-you and its joining words ("thanks! and how long..." ->
    "how long..."); empty when the message does not start with thanks or holds fewer than
    `least` words besides thanks, fillers and stopwords."""
    i = 0
    while i < len(words):
        # the longest thank-you starting here: "thank you", "fair enough", "that makes sense"
        lead = max(
            (
                end
                for start, end, cue in cues.matches(words[i : i + 3])
                if cue == "thanks_lead" and start == 0
            ),
            default=0,
        )
        if lead > 1:
            i += lead
        elif lead == 1 or (
            # a filler, not a question's first word ("thanks! is it fine before a run")
            i and words[i] in _THANKS_FILLERS and words[i] not in QUESTION_STARTS
        ):
            i += 1
        else:
            break
    rest = list(words[i:]) if 0 < i < len(words) else []
    # a question is left only when enough words are not thanks, fillers or stopwords
    content = sum(w not in _THANKS_FILLERS and w not in STOPWORDS for w in rest)
    # "nice. got a tip for today": one more thing asked for by name is a question too
    asked = any(
        w in _ASKED_BEFORE and nxt in _ASKED_THINGS for w, nxt in zip(rest, rest[1:], strict=False)
    )
    return rest if content >= least or asked else []


#: "a tip", "another stretch", "one more routine": a thing asked for after a thank-you
_ASKED_BEFORE = frozenset({"a", "another", "any", "more", "new"})
_ASKED_THINGS = frozenset("tip tips stretch stretches routine routines one".split())


_THANKS_FILLERS = frozenset(
    """and but so also oh just that s is was you very much lots a lot loads heaps bot mate man
    buddy dude again for it this that all everything works worked helped helps good great
    better lovely fine perfect brilliant""".split()
)


def asks_if_normal(words: Sequence[str]) -> bool:
    """Whether the words ask if something felt is all right ("is that bad", "is this
    normal", "anything to worry about"), or end on "normal" ("... normal?")."""
    return bool(words) and (
        words[-1] == "normal"
        or any(tuple(words[i : i + 3]) in _IS_IT_FINE for i in range(len(words) - 2))
        # "anything to worry about?", "should i be worried"
        or not _WORRY_WORDS.isdisjoint(words)
        # "ok to keep going when that happens?", "safe to push through it"
        or (not _FINE_WORDS.isdisjoint(words) and has_pair(words, _KEEP_GOING))
    )


#: words that ask whether something felt is a worry
_WORRY_WORDS = frozenset(
    {"worry", "worried", "worrying", "concerned", "concerning", "bothered", "fussed", "alarmed"}
)
#: "is that normal?" with nothing more: whether what was told is common
_NORMAL_WORDS = frozenset({"normal", "common", "usual", "typical"})
_NORMAL_FILLER = frozenset({"tho", "though", "really", "lol", "totally", "completely"})


#: ... or whether the person brings it on: "or am i doing smth wrong"
_DOING_WRONG = frozenset({"doing", "something", "smth", "sth", "summat", "anything", "wrong"})


def asks_only_if_normal(words: Sequence[str]) -> bool:
    """Whether the words only ask if what was told is normal, or is the person's doing: "is
    that normal?", "is this common tho", "is that normal or am i doing smth wrong"; not "is
    it normal to shake in the stretch" (that names what)."""
    rest = {w for w in words if w not in STOPWORDS}
    # "am i doing something wrong" (not "am i doing it wrong", the stretch's form)
    asked = bool(rest & _NORMAL_WORDS) or ({"doing", "wrong"} <= rest and "it" not in words)
    return asked and rest <= _NORMAL_WORDS | _NORMAL_FILLER | _DOING_WRONG


_FINE_WORDS = frozenset({"ok", "okay", "safe", "fine", "alright"})
_KEEP_GOING = frozenset(
    {("keep", "going"), ("carry", "on"), ("push", "through"), ("keep", "stretching")}
)


#: cues of a message that asks for a stretch or another one: telling no symptom of its own,
#: it names an area to stretch, not where a symptom told before has spread
ASKS_A_STRETCH_CUES = frozenset({"another", "asks_stretch"})


#: a body feeling better after the bot's stretches, told rather than asked ("my back feels
#: amazing", "hips feel so much looser"): the word after "feel"/"feels"/"felt" ...
FEELS_GOOD = frozenset(
    """amazing great better brilliant fantastic awesome incredible wonderful lovely looser
    fab fabulous new unreal good""".split()
)
#: ... with these between ("feel so much better", "feels a lot looser")
FEEL_FILLERS = frozenset(
    {"so", "sooo", "much", "really", "way", "a", "lot", "heaps", "loads", "tons"}
)
#: ... or "less" and a word of stiffness ("hips feel less rusty", "feels less tight")
FEEL_LESS = "less"
FEEL_WORDS = frozenset({"feel", "feels", "felt", "feeling"})
#: ... or praise of what the bot gave ("that really helped", "game changer")
#: a hurt said to be a good one: "hurt so good", "hurts in a good way" (with a word after it:
#: "hurts so good lol")
_GOOD_HURTS = frozenset({"hurt", "hurts", "hurting", "pain"})
_GOOD_WAYS = (("so", "good"), ("in", "a", "good", "way"))
_IN_A_GOOD_WAY = frozenset(
    {
        way + rest
        for way in _GOOD_WAYS
        for rest in ((), ("lol",), ("tho",), ("though",), ("haha",))
        if len(way + rest) <= 4
    }
)
HELPED_PHRASES = frozenset(
    {
        ("that", "helped"),
        ("really", "helped"),
        ("it", "helped"),
        ("it", "worked"),
        ("that", "worked"),
        ("game", "changer"),
        ("life", "saver"),
        ("lifesaver",),
        # a stretch that hurt the way a good stretch does ("that one hurt so good")
        ("good", "kind", "of", "pain"),
        ("good", "kind", "of", "hurt"),
    }
    | {(hurt, *way) for hurt in _GOOD_HURTS for way in _GOOD_WAYS}
    | set(_GOOD_WAYS[1:])
    # "that was great", "this was brilliant": the stretch or routine just done
    | {
        (pointer, "was", good)
        for pointer in ("that", "this")
        for good in "amazing great brilliant fantastic awesome lovely fab perfect".split()
    }
    # "honestly you're better than my physio lol": the bot compared well
    | {(*you, "better", "than") for you in (("you", "are"), ("your",), ("youre",), ("ur",))}
)


#: a word that only stresses what follows ("that actually helped", "it honestly worked")
HELPED_STRESS = frozenset("actually really honestly genuinely totally seriously defo".split())


def tells_it_feels_better(words: Sequence[str]) -> bool:
    """Whether the words tell that the body feels better ("my back feels amazing", "omg my
    hips feel so much better", "hips feel less rusty"), not "it feels so tight" and not a
    wish ("i just want to feel less stiff")."""
    for i, word in enumerate(words[:-1]):
        if word in FEEL_WORDS and (i == 0 or words[i - 1] != "to"):
            rest = [w for w in words[i + 1 : i + 4] if w not in FEEL_FILLERS]
            if rest and (rest[0] in FEELS_GOOD or rest[0] == FEEL_LESS):
                return True
    return False


def tells_it_helped(words: Sequence[str]) -> bool:
    """Whether the words tell that the body feels better (`tells_it_feels_better`) or that the
    bot helped ("that actually helped", "that was great")."""
    plain = [word for word in words if word not in HELPED_STRESS]
    return tells_it_feels_better(words) or first_span(plain, HELPED_PHRASES) is not None


#: what the bot gave, named before a verdict on it ("your last stretch was useless") ...
_GIVEN_WORDS = frozenset(
    {"stretch", "stretches", "one", "routine", "tip", "answer", "reply", "you", "bot"}
)
_VERDICT_VERBS = frozenset({"was", "is", "were", "are"})
#: ... the words that may stand between the verb and the verdict ("was totally useless") ...
_VERDICT_FILLERS = frozenset({"so", "totally", "completely", "pretty", "absolutely", "kinda"})
#: ... and the verdicts that it did not help
_USELESS_WORDS = frozenset(
    """useless rubbish crap terrible awful pointless trash garbage naff worthless shite
    shit""".split()
)
#: ... unless what follows makes it a harm done ("was awful for my knee")
_VERDICT_ON = frozenset({"for", "on", "with", "to"})


def tells_it_failed(words: Sequence[str]) -> bool:
    """Whether the words give a verdict that what the bot gave did not help: "your last
    stretch was useless", "that last one was rubbish" (not "your last stretch was great", nor
    "my back was terrible")."""
    for i, word in enumerate(words):
        if word not in _VERDICT_VERBS or _GIVEN_WORDS.isdisjoint(words[max(0, i - 2) : i]):
            continue
        at = i + 1
        while at < len(words) and words[at] in _VERDICT_FILLERS:
            at += 1
        if (
            at < len(words)
            and words[at] in _USELESS_WORDS
            and (at + 1 == len(words) or words[at + 1] not in _VERDICT_ON)
        ):
            return True
    # "that stretch did absolutely nothing", "that one did nothing for me"
    return any(
        word == "did"
        and not _GIVEN_WORDS.isdisjoint(words[max(0, i - 2) : i])
        and "nothing" in words[i + 1 : i + 3]
        for i, word in enumerate(words)
    )


def without_lessened(words: Sequence[str]) -> Sequence[str]:
    """The words without what is said to be less ("feel less rusty" loses "rusty"), or to hurt
    in a good way ("hurt so good" loses "hurt"), so that a stiffness eased is no complaint."""
    return [
        word
        for i, word in enumerate(words)
        if (i == 0 or words[i - 1] != FEEL_LESS)
        and not (word in _GOOD_HURTS and tuple(words[i + 1 : i + 5]) in _IN_A_GOOD_WAY)
    ]


# a comparison between two things named ("psoas vs hip flexors", "the difference between",
# "is it the same as", "is it part of")
COMPARE_WORDS = frozenset({"vs", "versus", "difference"})
COMPARE_PAIRS = frozenset(
    {("same", "as"), ("part", "of"), ("same", "thing"), ("same", "muscle"), ("or", "different")}
)


def compares(words: Sequence[str]) -> bool:
    """Whether `words` compare two things: a comparison word, or a pair of them in a row."""
    return not COMPARE_WORDS.isdisjoint(words) or has_pair(words, COMPARE_PAIRS)


# "always stretched before my runs, now everyone says after. who's right?": both times told,
# and which of them is right asked
DISPUTE_PAIRS = frozenset(
    {
        ("who", "is"),
        ("which", "is"),
        ("which", "one"),
        ("is", "right"),
        ("is", "true"),
        ("who", "to"),
        ("so", "confused"),
        ("am", "confused"),
        ("im", "confused"),
        ("true", "or"),
    }
)
DISPUTE_WORDS = frozenset(
    """confused confusing true myth right correct legit wrong accurate argue argues arguing
    argued argument arguments debate debates debating disagree disagrees disagreeing
    contradictory conflicting rubbish nonsense bs""".split()
)
#: words that tell a claim someone made ("my mate reckons", "my coach says")
CLAIM_WORDS = frozenset("reckons reckon says said claims claimed heard read told".split())


#: general answers that compare two ways of doing something: "which" asked right after one
#: asks to choose between them
COMPARING_ANSWERS = frozenset(
    {"static_vs_dynamic", "warmup_vs_stretch", "yoga_vs_stretching", "before_after"}
)
#: the longest message read as such a choice: "so which one should i do before my run then"
CHOICE_WORDS_MAX = 12
TIMING_WORDS = frozenset({"before", "after", "pre", "post"})
#: "the before one", "the after version": one end of the activity, pointed at
_END_ONES = frozenset({"one", "version", "routine", "session", "stuff"})


def names_an_end_one(words: Sequence[str]) -> bool:
    """Whether the words point at one end of an activity: "give me the before one", "the after
    version then"."""
    return any(
        w == "the" and end in TIMING_WORDS and one in _END_ONES
        for w, end, one in zip(words, words[1:], words[2:], strict=False)
    )


#: what follows "which" when it asks to choose: "which one", "which is it", "which before"
CHOICE_FOLLOWERS = frozenset(
    """one ones is should do would of then before after better type kind for""".split()
)


#: general answers about a practice other than stretching: a short question right after one
#: that weighs "it" against something else is still about it ("better than stretching
#: though?", "can i use it instead of a warm-up?")
WEIGHED_PRACTICES = frozenset({"foam_rolling", "pnf"})
WEIGH_PAIRS = frozenset(
    {("better", "than"), ("worse", "than"), ("same", "as"), ("instead", "of"), ("rather", "than")}
)


def choice_after_a_comparison(words: Sequence[str], last_intent: str | None) -> str | None:
    """The answer a short question asks for right after a general answer that compared two
    things or told of a practice. After a comparison, "which" asks to choose: when to do each
    (`BEFORE_AFTER`) if it names a time, else the same comparison ("so which before running"
    after static against dynamic stretching). After a practice, weighing it against
    something else asks about it again ("and is it better than stretching?")."""
    topic, _, aspect = (last_intent or "").partition(".")
    if topic != "general" or len(words) > CHOICE_WORDS_MAX:
        return None
    if aspect in WEIGHED_PRACTICES:
        weighs = has_pair(words, WEIGH_PAIRS) or not COMPARE_WORDS.isdisjoint(words)
        return aspect if weighs else None
    if aspect not in COMPARING_ANSWERS:
        return None
    # "which one", "which is it", "so before my run which": not "which muscles should i stretch"
    if not any(
        word == "which" and (i + 1 == len(words) or words[i + 1] in CHOICE_FOLLOWERS)
        for i, word in enumerate(words)
    ):
        return None
    return BEFORE_AFTER if not TIMING_WORDS.isdisjoint(words) else aspect


#: a question of when to stretch that says nothing more: "when should i stretch", "when am i
#: supposed to stretch", "whens the right time to stretch" (its words besides stopwords)
_PLAIN_WHEN_WORDS = frozenset(
    """when whens stretch stretches stretching best right ideal ideally good ok okay fine
    time times supposed meant should need""".split()
)


def asks_plainly_when(words: Sequence[str]) -> bool:
    """Whether a message only asks when to stretch, with no area, session or time of day
    named (those have answers of their own): "when should i stretch"."""
    rest = {w for w in words if w not in STOPWORDS}
    return (
        bool(rest & {"when", "whens"}) and bool(rest & STRETCH_FORMS) and rest <= _PLAIN_WHEN_WORDS
    )


def disputes_timing(words: Sequence[str]) -> bool:
    """Whether the words tell both before and after, with stretching, and ask which is
    right, or tell a claim about stretching before and doubt it: a question of when to
    stretch, whatever activity the story names."""
    if STRETCH_FORMS.isdisjoint(words):
        return False
    # "i've never really stretched before but ... looking after myself": no timing at all
    timed = [
        w
        for i, w in enumerate(words)
        if (w == "after" and (i == 0 or words[i - 1] not in _AFTER_NOT_TIMING))
        or (w == "before" and (i + 1 == len(words) or words[i + 1] not in _BEFORE_NOT_TIMING))
    ]
    if "before" not in timed:
        return False
    disputed = not DISPUTE_WORDS.isdisjoint(words) or has_pair(words, DISPUTE_PAIRS)
    if "after" not in timed:
        # "my mate reckons stretching before a run makes you slower?? is he talking
        # rubbish": a claim about stretching before, doubted
        # ... unless the claim is about a way of stretching ("static stretching before a run
        # is bad and do dynamic?? which is it")
        return (
            disputed and not CLAIM_WORDS.isdisjoint(words) and _WAYS_OF_STRETCHING.isdisjoint(words)
        )
    return disputed


_WAYS_OF_STRETCHING = frozenset(
    {"static", "dynamic", "bouncing", "ballistic", "pnf", "hold", "holding", "held", "holds"}
)


#: words before "after" that make it no time ("looking after myself", "take after")
_AFTER_NOT_TIMING = frozenset({"look", "looks", "looking", "looked", "take", "takes", "took"})
#: words after "before" that make it "ever before" ("never stretched before but ...")
_BEFORE_NOT_TIMING = frozenset({"but", "and", "so", "in", "now"})


MORNING_STIFFNESS = "morning_stiffness"
#: words of a stiff body in such a complaint ("the tin man", "a rusty gate", "creaky")
STIFF_WORDS = frozenset(
    {
        "stiff",
        "stiffer",
        "stiffness",
        "creaky",
        "creak",
        "creaks",
        "creaking",
        "rusty",
        "seized",
        "tight",
        "tighter",
        "achy",
        "aches",
        "ache",
        "aching",
        "sore",
        "tin",
        "robot",
        "cracks",
    }
)

# a time of waking told in a complaint ("like the tin man every morning", "a rusty gate when
# i get up"): morning stiffness, though no area is named
MORNING_SPANS = (
    ("every", "morning"),
    ("in", "the", "morning"),
    ("in", "the", "mornings"),
    ("when", "i", "get", "up"),
    ("when", "i", "wake"),
    ("wake", "up"),
    ("woke", "up"),
    ("out", "of", "bed"),
    ("first", "thing"),
    ("mornings",),
    ("morning",),
)

#: what "my" may own in such a complaint: the body as a whole, not a throat or a door
WHOLE_BODY_OWNED = frozenset({"body", "whole", "joints", "muscles", "bones", "everything"})


def owns_only_the_body(words: Sequence[str]) -> bool:
    """Whether every "my ..." in the words owns the body as a whole ("my whole body", "my
    joints"), or there is none."""
    return all(
        nxt in WHOLE_BODY_OWNED
        for word, nxt in zip(words, (*words[1:], ""), strict=True)
        if word in POSSESSIVES
    )


#: words of a likeness that tells of stiff moving ("like an old man", "walk like a penguin")
STIFF_LIKENESS = frozenset(
    """walk walking old robot rusty creaky tin board plank penguin crab deer foal bambi
    giraffe""".split()
)


#: a complaint in one word ("tight", "so stiff"), with no area: the bot asks which
BARE_COMPLAINTS = frozenset(
    "tight stiff sore achy achey aching tense knotted tightness stiffness soreness".split()
)
#: ... and the words that tell an area stuck where it is ("neck is stuck")
_STUCK_WORDS = frozenset({"stuck", "locked", "seized", "jammed"})
#: how often a complaint is felt: "hamstrings are always tight", "why is my back still stiff"
_HOW_OFTEN_FELT = frozenset({"always", "constantly", "still", "often"})
_TOLD_AS_BEING = _TOLD_AS | {"so", "soo"} | _HOW_OFTEN_FELT  # "hamstrings so tight"
_HOW_MUCH = _HOW_OFTEN_FELT | frozenset(
    {"so", "soo", "really", "very", "super", "proper", "well", "totally", "completely"}
)


def area_complained_in_place(
    words: Sequence[str],
    spans: Sequence[tuple[int, int, str]],
    things: Sequence[tuple[int, int]] = (),
    breaks: Collection[int] = (),
) -> bool:
    """Whether some area has a complaint word of its own right at it: "tight shoulders",
    "neck is stuck", "neck is so stiff", "hamstrings so tight" (not "tight round the
    shoulders", where the thing is what is tight, nor an area right after a thing in
    `things`, which is the thing's part: "my guitar neck feels stiff", unless a break parts
    them: "reversing the car, neck is stuck")."""
    said = BARE_COMPLAINTS | _STUCK_WORDS

    def told_after(end: int) -> bool:
        if end >= len(words) or words[end] not in _TOLD_AS_BEING:
            return False
        rest = list(words[end + 1 : end + 4])
        while rest and rest[0] in _HOW_MUCH:
            rest.pop(0)
        return bool(rest) and rest[0] in said

    parts = {end for _start, end in things if end not in breaks}
    return any(
        start not in parts and ((start > 0 and words[start - 1] in said) or told_after(end))
        for start, end, _topic in spans
    )


#: ... and the words that may come with it ("im so stiff", "feeling tight af")
_BARE_COMPLAINT_FILLER = frozenset(
    "i im am so very really super feel feeling feels af ugh just kinda bit a".split()
)


#: after a red flag, words that say care is being sought ("calling now", "ok going to a&e",
#: "booked a gp appointment", "on my way to the er") ...
#: (a call is one: "calling now", "ringing them")
CARE_CALLS = frozenset("calling call ringing ring phoning phone".split())
CARE_ACTIONS = CARE_CALLS | frozenset(
    """going go heading head booked booking book driving drive taking seeing see
    getting""".split()
)
#: ... with where to ...
CARE_PLACES = frozenset(
    """ae er hospital 999 911 111 112 000 ambulance doctor doctors doc gp urgent emergency
    clinic physio""".split()
)
CARE_PAIRS = frozenset({("a", "e"), ("my", "way")})
#: ... or a call made now ("calling now", "ringing them")
CARE_CALLED = frozenset({"now", "them", "someone"})
#: ... or, in a message of a few words, setting off now ("going now", "heading there now")
CARE_SETTING_OFF = frozenset({"going", "heading", "leaving", "off"})
CARE_SETTING_OFF_WHEN = frozenset({"now", "there"})
CARE_SETTING_OFF_MAX_WORDS = 4
#: ... in a short message that asks nothing and denies nothing ("should i go to a&e?", "not
#: going to the doctor for this")
CARE_MAX_WORDS = 12


def tells_getting_care(analysis: Analysis) -> bool:
    """Whether a message says its writer is getting care: "calling now", "ok going to a&e"."""
    words = analysis.corrected
    if (
        not words
        or len(words) > CARE_MAX_WORDS
        or "?" in analysis.text
        or words[0] in QUESTION_STARTS
        or not NEGATORS.isdisjoint(words)
        or "cannot" in words
        or not STRETCH_FORMS.isdisjoint(words)  # "going to stretch it now"
    ):
        return False
    if has_pair(words, CARE_PAIRS) and ("way" in words or not CARE_ACTIONS.isdisjoint(words)):
        return True  # "on my way", "going to a&e"
    if not CARE_CALLS.isdisjoint(words) and not CARE_CALLED.isdisjoint(words):
        return True  # "calling now"
    if (
        len(words) <= CARE_SETTING_OFF_MAX_WORDS
        and not CARE_SETTING_OFF.isdisjoint(words)
        and not CARE_SETTING_OFF_WHEN.isdisjoint(words)
    ):
        return True  # "ok going now"
    return not CARE_ACTIONS.isdisjoint(words) and not CARE_PLACES.isdisjoint(words)


def only_a_bare_complaint(words: Sequence[str]) -> bool:
    """Whether the words are a complaint and nothing else: "tight", "im so stiff", "feeling
    sore af" (not "stiff all over", whose whole body is the area)."""
    return (
        bool(words)
        and not BARE_COMPLAINTS.isdisjoint(words)
        and set(words) <= BARE_COMPLAINTS | _BARE_COMPLAINT_FILLER
    )


def tells_morning(words: Sequence[str]) -> bool:
    """Whether the words tell of the morning or of getting up."""
    return first_span(words, MORNING_SPANS) is not None


#: after the daily tips were set up, a short question about them points at them ("what time
#: do they come", "what kind of tips will they be", "actually nah stop them")
DAILY_POINTERS = frozenset({"they", "them", "these", "those", "tips", "tip", "it", "one"})
DAILY_ABOUT = frozenset({"time", "when", "kind", "sort", "type", "often", "change", "hour"})
DAILY_FOLLOW_UP_MAX_WORDS = 10
#: turning the tips on again after turning them off: "turn them back on", "start them again"
DAILY_BACK_ON = frozenset(
    {("back", "on"), ("them", "on"), ("it", "on"), ("start", "them"), ("start", "it")}
)
#: ... or keeping them off: "keep them off"
DAILY_KEPT_OFF = frozenset({("them", "off"), ("it", "off")})
DAILY_RESUME = frozenset({"resume", "restart", "unpause", "reactivate"})
DAILY_TIME_PAIRS = frozenset({("the", "time")})
#: words that move when the tips come ("can they come earlier")
DAILY_SHIFTS = frozenset({"earlier", "later"})


def daily_follow_up(analysis: Analysis) -> Literal["on", "off"] | None:
    """After a reply about the daily tips, "off" for a short message that stops them, "on"
    (which says how to pick the time) for one that asks about them; None otherwise."""
    words = analysis.corrected
    if analysis.topics or not words or len(words) > DAILY_FOLLOW_UP_MAX_WORDS:
        return None
    pointed = not DAILY_POINTERS.isdisjoint(words) or has_pair(words, DAILY_TIME_PAIRS)
    if not pointed:
        return None
    if says_daily_off(words) or has_pair(words, DAILY_KEPT_OFF):
        return "off"
    if has_pair(words, DAILY_BACK_ON) or not DAILY_RESUME.isdisjoint(words):
        return "on"  # "actually no, i miss them, turn them back on"
    # "can i get them in the evening instead": when they come, asked ("they're great in the
    # morning" says so)
    timed = (not (TIMES_OF_DAY | DAILY_SHIFTS).isdisjoint(words) or names_a_clock_time(words)) and (
        words[0] in QUESTION_STARTS or "instead" in words or "?" in analysis.text
    )
    return "on" if timed or not DAILY_ABOUT.isdisjoint(words) else None


#: a body part that thanks the bot ("my back thanks you", "my hamstrings thank u lol"): a
#: compliment in the area's voice, not a complaint about it
AREA_THANKS_VERBS = frozenset({"thank", "thanks", "love", "loves"})
AREA_THANKS_YOU = frozenset({"you", "u", "ya"})
COMPLIMENT = "compliment"
#: cues that ask or complain about the area, so that its thanks is not all the message says
AREA_ASKED_CUES = frozenset({"complaint", "request", "why", "what", "asks_stretch", "asks_when"})


def area_thanks(words: Sequence[str]) -> bool:
    """Whether the words (with topic tokens) let a body part thank the bot: "thank(s) you"
    or "love(s) you" right after an area's token."""
    return any(
        words[i] == TOPIC_TOKEN
        and words[i + 1] in AREA_THANKS_VERBS
        and words[i + 2] in AREA_THANKS_YOU
        for i in range(len(words) - 2)
    )


#: stretching told to make a pain worse ("the stretches make my back worse the next day",
#: "my knee hurts more after i do the quad stretch"): whether stretching should hurt, and
#: when to stop and get it checked, not another stretch for the area
MADE_WORSE_SPANS = (
    ("make", "it", "worse"),
    ("makes", "it", "worse"),
    ("made", "it", "worse"),
    ("making", "it", "worse"),
    ("make", "my"),
    ("makes", "my"),
    ("made", "my"),
    ("worse", "after"),
    ("worse", "the", "next"),
    ("worse", "next"),
    ("hurts", "more"),
    ("hurt", "more"),
    ("more", "sore"),
    ("sorer", "after"),
)
MADE_WORSE_WORDS = frozenset({"worse", "more", "sorer"})
PAIN_ANSWER = "pain"
#: how many words after the made-worse words a stretch word may stand ("... after i do the
#: quad stretch")
MADE_WORSE_REACH = 6
#: a yes-or-no question about stretching, before the made-worse words ("will stretching...")
MADE_WORSE_ASKED = frozenset(
    {"will", "would", "does", "do", "could", "can", "might", "is", "should"}
)


def stretching_made_worse(words: Sequence[str]) -> bool:
    """Whether the words tell that stretching makes a pain worse: a stretch word before a
    span of MADE_WORSE_SPANS ("the stretches make my back worse"), or a few words after it
    with no other doing between ("my knee hurts more after i do the quad stretch"; not "my
    back is worse after sitting, stretches?")."""
    if STRETCH_FORMS.isdisjoint(words) or MADE_WORSE_WORDS.isdisjoint(words):
        return False
    found = first_span(words, MADE_WORSE_SPANS)
    if found is None:
        return False
    start, end = found
    if (start and words[start - 1] == "or") or any(
        w in MADE_WORSE_ASKED and nxt in STRETCH_FORMS
        for w, nxt in zip(words, words[1:], strict=False)
    ):
        return False  # "will stretching fix the soreness or make it worse?": asked, not told
    stretched = [j for j, w in enumerate(words) if w in STRETCH_FORMS]
    if any(j < start for j in stretched):
        return True
    return any(
        end <= j <= end + MADE_WORSE_REACH
        and not any(w.endswith("ing") and w != "doing" for w in words[end:j])
        for j in stretched
    )
