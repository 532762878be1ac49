"""Two bot processes in webhook mode on one PostgreSQL database, one of them down half-way.

The set-up is the one the README describes under "Two instances": the same token, the same
`STRETCHBOT_DB`, the same `WEBHOOK_URL` and secret, each process its own `WEBHOOK_PORT`, and a
load balancer in front. Here the load balancer is `RoundRobin`, a small aiohttp proxy on
127.0.0.1: it forwards each POST, headers included (the webhook secret), to the next live
instance; a connection refused sends the request to the other instance at once (it never
reached the first), and it checks `/healthz` of each instance a few times a second to take
one out of rotation or bring it back. The test plays Telegram (`Telegram`): it POSTs every
update to the proxy and sends it again, with the same `update_id`, until it is acknowledged
with 200, as Telegram re-delivers an update a webhook did not acknowledge.

The traffic: 200 chats, each a conversation whose follow-ups only make sense with the context
("why is my psoas tight", "how do i stretch it", "another one": a hip-flexor stretch, then a
different one), and every other chat a guided routine step by step (Step by step, Next, Next,
Stop, Resume, Next: each press carries its step, whichever instance gets it). Meanwhile 2,000
daily subscribers fall due. Half-way through the updates instance A goes down: SIGKILL (a
crash) or SIGTERM (a rolling restart); later it is started again, as a supervisor would.

What "every reply once" means here. Each update has an expected reply: a text message one new
message (the answer, or a stretch's photo card), a button press one `answerCallbackQuery` (plus
the new message of "Step by step"; the other presses edit the routine's message in place).
Every update gets exactly that, and the reply says the right thing (the area's answer, a
stretch for that area, the step the button carried), with two exceptions that A going down
makes, counted rather than ignored:

- *lost*: an update A acknowledged (200) but had not answered when it went down. Telegram does
  not deliver an acknowledged update again, so its reply is gone; the person, seeing no
  answer, asks again (a new update), and that one must be answered once. The webhook
  acknowledges an update when it is queued, so a crash loses the process's whole backlog; a
  stopped process answers its queue before it exits, and loses no message.
- *doubled*: an update A received but never acknowledged (the connection died under the
  request). Telegram delivers it again, to B; if A had already answered, the person sees the
  answer twice: at most twice, never more.

Both can only concern updates that were on A when it went down (one per chat at most: a person
waits for the answer before writing again). Every other update is answered exactly once.

Daily tips: each tip is claimed in the database (`FOR UPDATE SKIP LOCKED`) before it is sent,
so whichever instance claims a row sends it and the other skips it. A killed instance's claims
stay claimed; its database session has ended, so the restarted instance counts them as
delivered at start-up (`bot.daily.recover`). A claim whose request had not reached Telegram
when the process died is a tip lost for the day, the documented window of `bot.daily`; no tip
is sent twice. So every subscriber gets exactly one tip, except the claims a killed A held,
each of which got one tip or none; a stopped A finishes its sends and leaves no claim.

Guided routines: the store names the instance that runs each routine's timer. A press the
other instance serves takes the routine over there, and the first instance's timer stops at
its next tick (the last test: the message never flips back to the old step). When A goes
down, B takes A's routines over and tells each person whose countdown was running where it
stopped (`expect_resume_notices`). A press on A that A had answered but not shown when it
went down is counted apart ("swallowed"): the person presses again, on B.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import re
import signal
import socket
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import psycopg
import pytest
from aiohttp import web

from bot.brain import Brain
from bot.render import CAPTION_LIMIT, render_html
from bot.reply import Reply
from bot.store import open_store

from .conftest import BotProcess
from .fakebotapi import BotMessage, FakeBotAPI

pytestmark = pytest.mark.postgres

SECRET = "two-Instances_secret_0123"
HOOK = "telegram/hook"
TALKERS = range(10_001, 10_201)  # 200 chats that talk
SUBSCRIBERS = range(700_001, 702_001)  # 2,000 daily subscribers
#: settings both instances share (besides the token, the API address and the database)
ENV = {
    "WEBHOOK_URL": f"https://stretchbot.example.org/{HOOK}",
    "WEBHOOK_SECRET": SECRET,
    "DAILY_TICK_SECONDS": "0.5",
    # 2,000 tips and the replies share each process's limiter; at Telegram's 30 a second
    # the broadcast alone would take a minute
    "RATE_LIMIT_PER_SECOND": "100",
    # a routine of an instance that went down is taken over after three missed heartbeats
    "GUIDE_HEARTBEAT_SECONDS": "1",
}
#: the message a process sends when it takes over a routine whose instance went down
INTERRUPTED = "Your routine was interrupted"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
#: how a follow-up is asked, one after the other over the chats
HOW_TO = ("how do i stretch it", "how do I stretch that?", "show me a stretch for it")
ANOTHER = ("another one", "give me another one", "another stretch please")
ROUTINES = (
    ("desk break routine", "desk_break"),
    ("morning stretch routine", "morning"),
    ("bedtime routine", "bedtime"),
    ("cooldown after a run", "cooldown_running"),
)


@pytest.fixture
def backend() -> str:
    """Two processes share one database: PostgreSQL (SQLite serves one process)."""
    return "postgres"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# -- the fake Bot API, indexed by chat -------------------------------------------------------


class ChatsAPI(FakeBotAPI):
    """The fake Bot API with what each chat received indexed as it arrives: 200 chats waiting
    at once would otherwise scan every message sent on every request."""

    def __init__(self) -> None:
        super().__init__()
        self.inbox: dict[int, list[BotMessage]] = defaultdict(list)
        #: callback query id -> answerCallbackQuery requests for it (a second one is refused)
        self.answer_calls: Counter[str] = Counter()
        #: per message: (text, moment) of every version, the first one included
        self.versions: dict[tuple[int, int], list[tuple[str, float]]] = defaultdict(list)
        self.tips = 0
        #: callback query id -> the chat it was pressed in
        self.query_chats: dict[str, int] = {}
        #: per chat: the "your routine was interrupted" messages (apart from the replies)
        self.notices: dict[int, list[BotMessage]] = defaultdict(list)
        self._events: dict[int, asyncio.Event] = defaultdict(asyncio.Event)

    def _arrived(self, chat_id: int) -> None:
        self._events.pop(chat_id, asyncio.Event()).set()

    def _new(self, message: BotMessage) -> None:
        if INTERRUPTED in message.text:  # not a reply to any update: counted apart
            self.notices[message.chat_id].append(message)
            self._arrived(message.chat_id)
            return
        self.inbox[message.chat_id].append(message)
        self.versions[(message.chat_id, message.message_id)].append(
            (message.text, time.monotonic())
        )
        if "daily stretch tip" in message.text:
            self.tips += 1
        self._arrived(message.chat_id)

    async def _m_sendmessage(self, params: dict[str, Any]) -> dict[str, Any]:
        result = await super()._m_sendmessage(params)
        self._new(self.sent[-1])
        return result

    async def _m_sendphoto(self, params: dict[str, Any]) -> dict[str, Any]:
        result = await super()._m_sendphoto(params)
        self._new(self.sent[-1])
        return result

    async def _m_editmessagetext(self, params: dict[str, Any]) -> dict[str, Any]:
        result = await super()._m_editmessagetext(params)
        key = (result["chat"]["id"], result["message_id"])
        self.versions[key].append((result["text"], time.monotonic()))
        self._arrived(key[0])
        return result

    async def _m_answercallbackquery(self, params: dict[str, Any]) -> bool:
        query_id = str(params.get("callback_query_id", ""))
        self.answer_calls[query_id] += 1
        result = await super()._m_answercallbackquery(params)
        chat = self.query_chats.get(query_id)
        if chat is not None:
            self._arrived(chat)
        return result

    async def until(self, chat_id: int, predicate: Callable[[], Any], timeout: float) -> Any:
        """Wait until `predicate()` holds, re-checked when the chat gets something (and at
        least every 0.2 s, for conditions outside the chat)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not (result := predicate()):
            remaining = deadline - loop.time()
            if remaining <= 0:
                return None
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._events[chat_id].wait(), min(remaining, 0.2))
        return result


# -- the load balancer -----------------------------------------------------------------------


@dataclass
class Instance:
    """One bot process behind the proxy."""

    name: str
    port: int
    process: BotProcess | None = None
    up: bool = False

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/{HOOK}"

    @property
    def health(self) -> str:
        return f"http://127.0.0.1:{self.port}/healthz"


#: hop-by-hop headers a proxy does not forward (the rest, the secret included, goes through)
HOP_BY_HOP = {"host", "content-length", "connection", "keep-alive", "transfer-encoding"}
REFUSED = "refused"  # the connection was never made: the instance did not get the request
NO_ANSWER = "no answer"  # the request went out and no answer came back


class RoundRobin:
    """A round-robin HTTP proxy with passive and active health checks, like a load balancer.

    Each POST goes to the next instance that is up. A connection refused takes the instance
    out of rotation and sends the request to the next one (it never reached the first); a
    connection that dies after the request went out takes the instance out and answers 502,
    as a load balancer does with a request that is not safe to repeat (Telegram then delivers
    the update again). `/healthz` of every instance is asked every `interval` seconds; 200
    puts an instance (back) in rotation. `log` keeps, per update id, every (instance, outcome)."""

    def __init__(self, instances: list[Instance], interval: float = 0.25) -> None:
        self.instances = instances
        self.interval = interval
        self.log: dict[int, list[tuple[str, int | str]]] = defaultdict(list)
        self._turn = itertools.count()
        self._runner: web.AppRunner | None = None
        self._session: aiohttp.ClientSession | None = None
        self._checker: asyncio.Task[None] | None = None
        self.port = 0

    async def start(self) -> None:
        self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=20))
        app = web.Application()
        app.router.add_post("/{path:.*}", self._forward)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        await web.SockSite(self._runner, sock).start()
        self._checker = asyncio.create_task(self._check_health())

    async def stop(self) -> None:
        if self._checker is not None:
            self._checker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._checker
        if self._session is not None:
            await self._session.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/{HOOK}"

    def acked_by(self, update_id: int) -> str | None:
        """The instance that answered this update with 200, if one did."""
        return next((name for name, outcome in self.log[update_id] if outcome == 200), None)

    def _pick(self, tried: set[str]) -> Instance | None:
        live = [i for i in self.instances if i.up and i.name not in tried]
        if not live:
            return None
        return live[next(self._turn) % len(live)]

    async def _forward(self, request: web.Request) -> web.Response:
        assert self._session is not None
        body = await request.read()
        headers = {k: v for k, v in request.headers.items() if k.lower() not in HOP_BY_HOP}
        try:
            update_id = int(json.loads(body)["update_id"])
        except (ValueError, KeyError, TypeError):
            update_id = -1
        tried: set[str] = set()
        while (instance := self._pick(tried)) is not None:
            tried.add(instance.name)
            try:
                async with self._session.post(instance.url, data=body, headers=headers) as r:
                    status, payload = r.status, await r.read()
            except aiohttp.ClientConnectorError:
                instance.up = False
                self.log[update_id].append((instance.name, REFUSED))
                continue
            except (aiohttp.ClientError, TimeoutError):
                instance.up = False
                self.log[update_id].append((instance.name, NO_ANSWER))
                return web.Response(status=502)
            self.log[update_id].append((instance.name, status))
            return web.Response(status=status, body=payload, content_type="application/json")
        return web.Response(status=502)

    async def _check_health(self) -> None:
        assert self._session is not None
        timeout = aiohttp.ClientTimeout(total=2)
        while True:
            for instance in self.instances:
                try:
                    async with self._session.get(instance.health, timeout=timeout) as r:
                        instance.up = r.status == 200
                except (aiohttp.ClientError, TimeoutError):
                    instance.up = False
            await asyncio.sleep(self.interval)

    async def wait_up(self, names: set[str], timeout: float = 60.0) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not all(i.up for i in self.instances if i.name in names):
            assert loop.time() < deadline, f"instances {names} never came up"
            await asyncio.sleep(0.1)


# -- Telegram --------------------------------------------------------------------------------


class Telegram:
    """Delivers updates to the webhook (the proxy) as Telegram does: the same update again
    until it is acknowledged with 200."""

    def __init__(self, api: ChatsAPI, url: str) -> None:
        self.api = api
        self.url = url
        self.headers = {SECRET_HEADER: SECRET}
        self._ids = itertools.count(1)
        self._queries = itertools.count(880_001)
        self._session: aiohttp.ClientSession | None = None
        self.acknowledged = 0

    async def __aenter__(self) -> Telegram:
        self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._session is not None:
            await self._session.close()

    async def deliver(self, payload: dict[str, Any]) -> int:
        """POST the update until a 200; its update id."""
        assert self._session is not None
        update = {"update_id": next(self._ids), **payload}
        for _ in range(600):
            try:
                async with self._session.post(self.url, json=update, headers=self.headers) as r:
                    if r.status == 200:
                        self.acknowledged += 1
                        return int(update["update_id"])
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)  # Telegram tries again a little later
        raise AssertionError(f"update {update['update_id']} was never acknowledged")

    def message(self, person: Any, text: str) -> dict[str, Any]:
        return {
            "message": {
                "message_id": self.api.next_message_id(person.id),
                "from": person.user,
                "chat": person.chat,
                "date": int(time.time()),
                "text": text,
            }
        }

    def press(self, person: Any, message: BotMessage, data: str) -> tuple[str, dict[str, Any]]:
        query_id = str(next(self._queries))
        self.api.answers[query_id] = None
        self.api.query_chats[query_id] = person.id
        update = {
            "callback_query": {
                "id": query_id,
                "from": person.user,
                "message": message.to_json(self.api.bot_user),
                "chat_instance": str(-person.id * 7919),
                "data": data,
            }
        }
        return query_id, update


# -- what each chat says, and what it must be answered ---------------------------------------


@dataclass(frozen=True)
class Turn:
    """One thing a person does: a message (`text`) or a press (`data`; `on` says on which of
    the bot's messages: the last one, or the routine's), and what the reply must contain."""

    expect: str
    #: what else is right when the turn is asked again after its first answer was lost with
    #: the instance that went down: that one may have saved its context (the stretch it was about to
    #: show counts as seen), so "another one" then moves on to a third stretch of the area
    again: tuple[str, ...] = ()
    #: the reply must show another stretch than the reply before it ("another one")
    moves_on: bool = False
    text: str | None = None
    data: str | None = None
    on: str = "last"  # "last": the latest bot message; "routine": the routine's message
    new_messages: int = 1  # messages the reply adds to the chat (an in-place edit: 0)

    @property
    def is_press(self) -> bool:
        return self.data is not None


def one_message(reply: Reply) -> bool:
    """The reply goes out as one message (a photo card whose caption fits, or one text)."""
    if reply.picture is not None:
        return len(render_html(reply, limit=CAPTION_LIMIT)) == 1
    return len(render_html(reply)) == 1


def title_of(reply: Reply) -> str:
    return next(block.text for block in reply.blocks if block.style == "title")


def action(reply: Reply, label: str) -> str:
    return next(a.intent for a in reply.actions if a.label.startswith(label))


def conversation(brain: Brain, index: int) -> list[Turn]:
    """Three questions about one area, each answered only with the one before it in mind."""
    kb = brain.kb
    topic_id, _ = brain.topics()[index % len(brain.topics())]
    topic = kb.topics[topic_id]
    first = f"why is my {topic.names[0]} tight"
    why = brain.reply(first, None)
    how_text = HOW_TO[index % len(HOW_TO)]
    how = brain.reply(how_text, why.context)
    another_text = ANOTHER[index % len(ANOTHER)]
    another = brain.reply(another_text, how.context)
    # the script means what it says: each follow-up needs the context to be understood
    assert why.intent == f"{topic_id}.why_tight", (first, why.intent)
    for reply in (how, another):
        assert reply.intent == f"{topic_id}.stretch", (index, reply.intent)
        assert topic_id in kb.stretches[reply.stretches[0]].topics
    assert how.stretches[0] != another.stretches[0]
    assert brain.reply(how_text, None).kind == "fallback", "without the context: not understood"
    assert all(one_message(r) for r in (why, how, another))
    area = tuple(s.name for s in kb.stretches.values() if topic_id in s.topics)
    return [
        Turn(text=first, expect=title_of(why)),
        Turn(text=how_text, expect=kb.stretches[how.stretches[0]].name, again=area),
        Turn(
            text=another_text,
            expect=kb.stretches[another.stretches[0]].name,
            again=area,
            moves_on=True,
        ),
    ]


def guided_routine(brain: Brain, index: int) -> list[Turn]:
    """A routine followed step by step: Start, Next, Next, Stop, Resume, Next."""
    text, routine_id = ROUTINES[index % len(ROUTINES)]
    overview = brain.reply(text, None)
    assert overview.intent == f"routine.{routine_id}" and one_message(overview), overview.intent
    turns = [Turn(text=text, expect=title_of(overview))]
    context = overview.context
    shown = overview
    steps = [("Step by step", "last", 1), ("Next", "routine", 0), ("Next", "routine", 0)]
    steps += [("Stop", "routine", 0), ("Resume", "routine", 0), ("Next", "routine", 0)]
    for label, on, new in steps:
        data = action(shown, label)
        shown = brain.resolve(data, context)
        context = shown.context
        if shown.intent == "guide.stop":
            expect = next(b.text for b in shown.blocks if "stopped at step" in b.text)
            expect = expect.split(" (")[0].removeprefix("You ")  # "stopped at step 3 of 6"
        else:
            assert shown.intent.startswith(f"guide.{routine_id}."), shown.intent
            expect = title_of(shown)  # "Desk break: step 3 of 6"
        turns.append(Turn(data=data, on=on, new_messages=new, expect=expect))
    return turns


# -- one person ------------------------------------------------------------------------------


@dataclass
class Sent:
    """An update the test delivered, and what came of it."""

    update_id: int
    chat_id: int
    turn: Turn
    #: messages in the chat before it was sent (its reply is what follows)
    base: int
    query_id: str | None = None
    routine_message: tuple[int, int] | None = None
    versions_before: int = 0
    lost: bool = False
    at: float = field(default_factory=time.monotonic)
    #: when its outcome (reply, or lost) was seen
    done: float | None = None


@dataclass
class Outage:
    """The instance that goes down (killed or stopped), and whether it has."""

    name: str
    dead: asyncio.Event = field(default_factory=asyncio.Event)


class Person:
    """One chat, talking through its script and checking each reply."""

    def __init__(self, api: ChatsAPI, telegram: Telegram, proxy: RoundRobin, chat_id: int):
        self.api = api
        self.telegram = telegram
        self.proxy = proxy
        self.chat = api.chat(chat_id)
        self.id = chat_id
        self.sent: list[Sent] = []
        self.routine: BotMessage | None = None
        #: a reply was lost after the instance that went down saved its context: the rest of the
        #: conversation may differ from the script (in what is right, never in the area)
        self.drifted = False

    @property
    def messages(self) -> list[BotMessage]:
        return self.api.inbox[self.id]

    async def act(self, turn: Turn, crash: Outage) -> None:
        """Do `turn` until it is answered: an update lost with the instance that went down is asked
        again, as a person who got no answer would."""
        while True:
            sent = await self._send(turn)
            if await self._answered(sent, crash):
                return
            sent.lost = self.drifted = True

    async def _send(self, turn: Turn) -> Sent:
        base = len(self.messages)
        if turn.text is not None:
            update_id = await self.telegram.deliver(self.telegram.message(self.chat, turn.text))
            return Sent(update_id, self.id, turn, base)
        target = self.routine if turn.on == "routine" else self.messages[-1]
        assert target is not None and turn.data is not None
        query_id, update = self.telegram.press(self.chat, target, turn.data)
        key = (self.id, target.message_id)
        sent = Sent(0, self.id, turn, base, query_id, key, len(self.api.versions[key]))
        sent.update_id = await self.telegram.deliver(update)
        return sent

    def _complete(self, sent: Sent) -> bool:
        turn = sent.turn
        if len(self.messages) < sent.base + turn.new_messages:
            return False
        if sent.query_id is not None and self.api.answers.get(sent.query_id) is None:
            return False
        if turn.new_messages:
            return True
        assert sent.routine_message is not None
        later = self.api.versions[sent.routine_message][sent.versions_before :]
        return any(turn.expect in text for text, _ in later)

    async def _answered(self, sent: Sent, crash: Outage) -> bool:
        """Wait for the reply; False if it was lost with the instance that went down."""

        def done_or_lost() -> str | None:
            if self._complete(sent):
                return "done"
            if crash.dead.is_set() and self.proxy.acked_by(sent.update_id) == crash.name:
                return "lost"
            return None

        outcome = await self.api.until(self.id, done_or_lost, timeout=60)
        assert outcome is not None, f"chat {self.id}: no reply to {sent.turn} in 60 s"
        sent.done = time.monotonic()
        self.sent.append(sent)
        if outcome == "lost":
            return False
        if sent.turn.new_messages:
            reply = self.messages[sent.base]
            right = (sent.turn.expect, *(sent.turn.again if self.drifted else ()))
            assert any(text in reply.text for text in right), (self.id, sent.turn, reply.text)
            if sent.turn.moves_on:
                before = self.messages[sent.base - 1].text.splitlines()[0]
                assert reply.text.splitlines()[0] != before, (self.id, "the same stretch again")
            if sent.turn.on == "last" and sent.turn.is_press:
                self.routine = reply
        if any(outcome == NO_ANSWER for _, outcome in self.proxy.log[sent.update_id]):
            await asyncio.sleep(0.5)  # delivered twice: let a second reply show, if any
        return True


# -- routines of the instance that went down -------------------------------------------------


def routines_running_on(
    people: list[Person], proxy: RoundRobin, name: str, stopped_at: float
) -> list[int]:
    """Chats whose guided routine instance `name` may have been running when it was stopped
    at `stopped_at` (signalled; it goes down a little later): those whose last press sent
    before then went to it; those whose last press answered before then went to it (the next
    one, acknowledged by the other instance, may still have been in that one's queue: the
    routine was still `name`'s when it handed its routines over); and those it took a press
    of after (while it was going down).

    Call it once every person is done, so that a press still on the wire at that moment counts
    (it joins `sent` only once its fate is known), and so does a press the instance took and
    saved but never answered (a lost one): it moved the routine on there all the same."""
    chats = []
    for person in people:
        presses = [s for s in person.sent if s.turn.is_press]
        sent_before = [s for s in presses if s.at < stopped_at]
        answered_before = [s for s in presses if s.done is not None and s.done < stopped_at]
        after = [s for s in presses if s.at >= stopped_at]
        if any(
            bool(sent) and proxy.acked_by(sent[-1].update_id) == name
            for sent in (sent_before, answered_before)
        ) or any(proxy.acked_by(s.update_id) == name for s in after):
            chats.append(person.id)
    return chats


async def expect_resume_notices(api: ChatsAPI, telegram: Telegram, chats: list[int]) -> None:
    """Routines running on the instance that went down are taken over by the other (after
    three missed heartbeats, or at once when it stopped cleanly): each one whose countdown was
    running gets one "your routine was interrupted" message with Resume at its step, and only
    those (a routine paused or waiting for Next needs none: its buttons work as they are).
    Pressing Resume, through the proxy, continues the routine at that step."""
    noticed = {chat for chat, notices in api.notices.items() if notices}
    assert noticed <= set(chats), "only routines of the instance that went down"
    assert all(len(api.notices[chat]) == 1 for chat in noticed), "one notice each"
    for chat in sorted(noticed):
        [notice] = api.notices[chat]
        assert notice.labels[0] == "Resume ▶", notice.labels
        _step_of(notice)
    # Resume on one of them (at step 2 or later: such a press edits the notice in place, as a
    # step's button does, so the chat gets no message the reply count would see)
    later = [c for c in sorted(noticed) if _step_of(api.notices[c][0])[0] > 1]
    if not later:
        return
    chat = later[0]
    [notice] = api.notices[chat]
    number, total = _step_of(notice)
    _, update = telegram.press(api.chat(chat), notice, notice.buttons[0]["callback_data"])
    await telegram.deliver(update)
    shown = f"step {number} of {total}"
    resumed = await api.until(chat, lambda: shown in notice.text and "Stop" in notice.labels, 30)
    assert resumed, notice.text


def _step_of(message: BotMessage) -> tuple[int, int]:
    found = re.search(r"step (\d+) of (\d+)", message.text)
    assert found is not None, message.text
    return int(found[1]), int(found[2])


# -- daily tips ------------------------------------------------------------------------------


def subscribe(database: str) -> datetime:
    """Every subscriber due a minute ago (UTC); returns that send time."""
    due = datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(minutes=1)
    store = open_store(database)
    try:
        for chat_id in SUBSCRIBERS:
            store.save(chat_id, local_time=due.time(), zone="UTC", next_send=due, now=due)
    finally:
        store.close()
    return due


def orphaned_claims(database: str) -> set[int]:
    """Subscribers whose tip is claimed by a database session that has ended."""
    store = open_store(database)
    try:
        return {s.chat_id for s in store.in_flight(datetime.now(UTC) + timedelta(days=1))}
    finally:
        store.close()


def unsettled(database: str, day: date) -> list[int]:
    """Subscribers whose tip for `day` is not recorded yet, or still under way."""
    store = open_store(database)
    try:
        subs = [store.get(chat_id) for chat_id in SUBSCRIBERS]
    finally:
        store.close()
    return [
        chat_id
        for chat_id, s in zip(SUBSCRIBERS, subs, strict=True)
        if s is None or s.last_sent != day or s.attempt_at
    ]


def bot_sessions(database: str) -> int:
    """Open database sessions of bot processes (the store's application_name)."""
    with psycopg.connect(database, autocommit=True, application_name="the-test") as db:
        row = db.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE application_name = 'stretchbot' AND datname = current_database()"
        ).fetchone()
    assert row is not None
    return int(row[0])


# -- the test --------------------------------------------------------------------------------


async def start_instances(
    spawn_bot: Callable[..., Any], api: FakeBotAPI, tmp_path: Path, names: list[str], **env: str
) -> list[Instance]:
    instances = [Instance(name, free_port()) for name in names]
    for instance in instances:
        instance.process = await spawn_instance(spawn_bot, api, tmp_path, instance, **env)
    return instances


async def spawn_instance(
    spawn_bot: Callable[..., Any], api: FakeBotAPI, tmp_path: Path, instance: Instance, **env: str
) -> BotProcess:
    process: BotProcess = await spawn_bot(
        TELEGRAM_BOT_TOKEN=api.token,
        TELEGRAM_API_BASE_URL=api.base_url,
        WEBHOOK_PORT=str(instance.port),
        STRETCHBOT_PICTURES=str(tmp_path / "pictures"),  # shared: each picture drawn once
        **ENV,
        **env,
    )
    return process


@pytest.mark.parametrize(
    "stop",
    [
        pytest.param(signal.SIGKILL, id="crash"),
        pytest.param(signal.SIGTERM, id="rolling-restart"),
    ],
)
async def test_two_instances_one_down_half_way_answer_everyone_once(
    spawn_bot: Callable[..., Any],
    database: str,
    brain: Brain,
    tmp_path: Path,
    stop: signal.Signals,
) -> None:
    scripts = {
        chat_id: conversation(brain, n) + (guided_routine(brain, n) if n % 2 == 0 else [])
        for n, chat_id in enumerate(TALKERS)
    }
    total_updates = sum(len(turns) for turns in scripts.values())
    started = time.monotonic()

    api = ChatsAPI()
    await api.start()
    a, b = await start_instances(spawn_bot, api, tmp_path, ["A", "B"])
    proxy = RoundRobin([a, b])
    await proxy.start()
    try:
        await proxy.wait_up({"A", "B"})
        assert api.webhook["url"] == ENV["WEBHOOK_URL"], "both registered the one webhook"
        ready = time.monotonic()
        crash = Outage("A")
        async with Telegram(api, proxy.url) as telegram:
            people = [Person(api, telegram, proxy, chat_id) for chat_id in TALKERS]

            async def talk(person: Person) -> None:
                await asyncio.sleep((person.id % 50) * 0.02)  # people start a little apart
                for turn in scripts[person.id]:
                    await person.act(turn, crash)

            seeding = asyncio.create_task(asyncio.to_thread(subscribe, database))
            talking = asyncio.gather(*(talk(p) for p in people))
            due = await seeding
            sessions_before = await asyncio.to_thread(bot_sessions, database)

            # half-way: half the updates acknowledged, the broadcast under way
            loop = asyncio.get_running_loop()
            deadline = loop.time() + 120
            while telegram.acknowledged < total_updates // 2 or api.tips < 200:
                assert loop.time() < deadline, (telegram.acknowledged, api.tips)
                await asyncio.sleep(0.02)
            assert a.process is not None
            stopped_at = time.monotonic()
            a.process.process.send_signal(stop)
            await a.process.process.wait()
            down_at = time.monotonic()
            tips_when_down = api.tips
            while await asyncio.to_thread(bot_sessions, database) >= sessions_before:
                assert loop.time() < deadline, "the session of A never ended"
                await asyncio.sleep(0.05)
            orphans = await asyncio.to_thread(orphaned_claims, database)
            await asyncio.sleep(0.3)  # requests A had on the wire land
            crash.dead.set()
            assert tips_when_down < len(SUBSCRIBERS), "A must go down mid-broadcast"

            await talking
            interrupted_routines = routines_running_on(people, proxy, "A", stopped_at)
            talked = time.monotonic()

            # the broadcast ends on B; the claims A held wait for a process to start
            while set(await asyncio.to_thread(unsettled, database, due.date())) - orphans:
                assert loop.time() < deadline + 60, "B never finished the broadcast"
                await asyncio.sleep(0.2)
            outputs = [a.process.output]
            a.process = await spawn_instance(spawn_bot, api, tmp_path, a)
            await proxy.wait_up({"A"})
            while await asyncio.to_thread(unsettled, database, due.date()):
                assert loop.time() < deadline + 120, "the restarted A never recovered the claims"
                await asyncio.sleep(0.2)
            await expect_resume_notices(api, telegram, interrupted_routines)
            await asyncio.sleep(1.5)  # three more ticks: nothing may be sent again
        finished = time.monotonic()
    finally:
        await proxy.stop()
        for instance in (a, b):
            if instance.process is not None:
                await instance.process.stop()
        await api.stop()

    # -- every update: its reply once, except what the crash can cut or double ----------
    in_flight: list[Sent] = []
    lost: list[Sent] = []
    swallowed: list[Sent] = []
    doubled: list[Sent] = []
    for person in people:
        updates = sorted(person.sent, key=lambda s: s.base)
        for index, sent in enumerate(updates):
            end = updates[index + 1].base if index + 1 < len(updates) else len(person.messages)
            got = end - sent.base
            answers = api.answer_calls[sent.query_id] if sent.query_id else 0
            log = proxy.log[sent.update_id]
            on_a = any(name == "A" and outcome in (200, NO_ANSWER) for name, outcome in log)
            redelivered = any(outcome == NO_ANSWER for _, outcome in log)
            if sent.lost:
                assert proxy.acked_by(sent.update_id) == "A", "lost, yet not with A"
                assert got <= sent.turn.new_messages and answers <= 1
                # answered, yet the step never shown: A went down between answering the
                # press and editing the message
                (swallowed if answers and sent.turn.is_press else lost).append(sent)
            elif redelivered:
                doubled += [sent] if got > sent.turn.new_messages or answers > 1 else []
                assert sent.turn.new_messages <= got <= 2 * sent.turn.new_messages, sent
                if sent.query_id:
                    assert 1 <= answers <= 2, (person.id, sent.turn, answers)
            else:
                assert got == sent.turn.new_messages, (person.id, sent.turn, got)
                assert answers == (1 if sent.query_id else 0), (person.id, sent.turn, answers)
            if (sent.lost or redelivered) and on_a:
                in_flight.append(sent)
    assert len(lost) + len(swallowed) + len(doubled) <= len(in_flight) <= len(TALKERS)
    moved_routines = [
        s
        for p in people
        for s in p.sent
        if s.turn.is_press
        and p.id in interrupted_routines
        and s.at > stopped_at
        and proxy.acked_by(s.update_id) == "B"
    ]
    assert interrupted_routines and moved_routines, "routines were moved to B mid-way"

    # -- every subscriber: one tip, or none for a claim A held when it went down -------
    tips = Counter(m.chat_id for m in api.sent if "daily stretch tip" in m.text)
    for chat_id in SUBSCRIBERS:
        if chat_id in orphans:
            assert tips[chat_id] <= 1, (chat_id, tips[chat_id])
        else:
            assert tips[chat_id] == 1, (chat_id, tips[chat_id])
    tips_lost = sum(1 for chat_id in orphans if tips[chat_id] == 0)
    lost_presses = sum(1 for s in lost if s.turn.is_press)
    assert len(swallowed) <= len(scripts) // 2, "at most one Resume per routine"
    assert a.process is not None
    if orphans:
        assert f"Counted {len(orphans)} interrupted daily tip(s) as delivered" in a.process.output
    outputs += [instance.process.output for instance in (a, b) if instance.process]
    assert not [output for output in outputs if "Traceback" in output]
    if stop == signal.SIGTERM:  # stopped, not killed: it answers what it acknowledged first
        assert not orphans, "a stopped instance finishes the tips it claimed"
        assert not lost, "and answers every update it acknowledged"
        assert not doubled, "and acknowledges every update it queued"

    print(
        f"\n{stop.name}: {total_updates} planned updates over {len(TALKERS)} chats; "
        f"{sum(len(p.sent) for p in people)} delivered; A down after "
        f"{down_at - ready:.1f} s with {tips_when_down} of {len(SUBSCRIBERS)} tips out; "
        f"in flight on A: {len(in_flight)} (lost {len(lost)}, {lost_presses} of them presses; "
        f"doubled {len(doubled)}; Resume presses swallowed {len(swallowed)}); "
        f"tips claimed by A when it went down: {len(orphans)} ({tips_lost} lost); "
        f"{len(interrupted_routines)} routines last moved on by A, "
        f"{sum(1 for n in api.notices.values() if n)} told they were interrupted; start-up "
        f"{ready - started:.1f} s, traffic {talked - ready:.1f} s, all {finished - started:.1f} s"
    )


async def test_a_routine_moved_on_by_the_other_instance_shows_only_the_new_step(
    spawn_bot: Callable[..., Any], brain: Brain, tmp_path: Path
) -> None:
    turns = guided_routine(brain, 0)  # the desk break: overview, Step by step, Next, ...
    overview, start, next_step = turns[0], turns[1], turns[2]
    api = ChatsAPI()
    await api.start()
    instances = await start_instances(spawn_bot, api, tmp_path, ["A", "B"], GUIDE_TICK_SECONDS="1")
    proxy = RoundRobin(instances)
    await proxy.start()
    try:
        await proxy.wait_up({"A", "B"})
        async with Telegram(api, proxy.url) as telegram:
            person = Person(api, telegram, proxy, 10_999)
            crash = Outage("none")
            for turn in (overview, start, next_step):
                await person.act(turn, crash)
            first, second = (proxy.acked_by(s.update_id) for s in person.sent[1:3])
            assert first != second, "the two presses went to different instances"
            assert person.routine is not None
            key = (person.id, person.routine.message_id)
            shown = next(
                i
                for i, (text, _) in enumerate(api.versions[key])
                if next_step.expect in text and i >= person.sent[2].versions_before
            )
            await asyncio.sleep(4)  # four countdown refreshes of the first instance's timer
            after = [text.splitlines()[0] for text, _ in api.versions[key][shown:]]
    finally:
        await proxy.stop()
        for instance in instances:
            if instance.process is not None:
                await instance.process.stop()
        await api.stop()
    assert set(after) == {next_step.expect}, after
