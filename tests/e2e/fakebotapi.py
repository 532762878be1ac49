"""A fake Telegram Bot API server for end-to-end tests (aiohttp, 127.0.0.1, a free port).

It speaks the real HTTP protocol, so the real python-telegram-bot `Application` runs its real
polling loop against it (point `TELEGRAM_API_BASE_URL` at `api.base_url`). Results look like
Telegram's: `message_id` per chat, `date` in seconds, `is_bot`, the chat, parsed HTML (a
malformed HTML message is refused with 400 like Telegram does, so escaping bugs show up).

Methods: getMe, getUpdates (long poll with offset, limit, timeout, allowed_updates; a second
poller makes the first one fail with 409 like Telegram), sendMessage, sendPhoto (a multipart
upload of a PNG or JPEG, or the `file_id` of an earlier upload; the caption parsed like a
message's text, at most 1,024 units; the message's `text` is the caption), editMessageText,
editMessageReplyMarkup, deleteMessage, answerCallbackQuery, setMyCommands, getMyCommands,
sendChatAction, setWebhook, deleteWebhook, getWebhookInfo. A wrong token gets 401; an unknown
method 404.

Client API (everything synchronous injects; everything that waits is `async` with a timeout)::

    api = FakeBotAPI()                      # token TOKEN, bot @StretchTestBot
    await api.start()                       # api.base_url -> TELEGRAM_API_BASE_URL
    chat = api.chat(1001)                   # a private chat with user 1001
    chat.send("/start")                     # inject a text message (entities for /cmd, @name)
    msg = await chat.next_message()         # the next message the bot sent to this chat
    msg.text, msg.html, msg.labels          # plain text, HTML as sent, button labels
    query_id = chat.press("Cooldown")       # press a button (latest bot message having it)
    chat.press(data="forged", message=msg)  # press with any callback data
    await chat.wait_for(lambda: msg.edits >= 2)
    chat.send_media("sticker")              # sticker, photo, voice, location, document, ...
    chat.edit(sent_message_dict, "new text")
    group = api.chat(-2001, type="group", title="Stretchers")
    await api.stop()

Inspecting: `api.calls` (every request as `Call(method, params, status)`; `api.calls_to(name)`;
an uploaded file shows in `params` as an `Upload`, a file_id as its string), `api.files`
(file_id -> the uploaded bytes),
`api.sent` (every message the bot sent, all chats, in order; edits update them in place, with
`history`), `api.answers` (callback query id -> answer params or None), `api.commands`,
`api.webhook`, `api.processed_drops`, `api.confirmed` (highest update id the bot confirmed via `offset`),
`await api.wait_for(predicate, timeout=20)`.

Faults: `api.fault("sendMessage", status=429, retry_after=1, times=2)`; status 500, 502 (an
HTML body, like a proxy), 400, 403; `delay=2.0` (answer slowly); `drop=True` (close the
connection without answering); `chat_id=` limits it to one chat; `parse_mode="HTML"` to
requests in that mode (with `PARSE_ERROR`, Telegram refusing our HTML); `method="*"` hits any
method; `gate=asyncio.Event()` holds the answer until the test sets it; `drop_after=True`
carries the request out, then closes the connection without answering (the one fault after
which a resend is a duplicate). The returned `Fault` counts its `hits`. `api.storm(Storm(...))`
hits a random share of requests with random faults until a deadline (the soak test). `api.block(chat_id)` makes every send to that
chat fail with 403 "bot was blocked by the user"; `api.inject_raw({...})` queues any payload
(a malformed update). `api.forward_webhook_to(url)` makes the fake POST each new update to a
bot running in webhook mode, with the secret the bot registered via setWebhook, like Telegram.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
import random
import re
import socket
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web

TOKEN = "123456789:AAH-fake_Token_for-tests_0123456789abc"
BOT_USERNAME = "StretchTestBot"

_log = logging.getLogger("fakebotapi")

#: Telegram's answer to HTML it cannot parse, for `api.fault(..., description=PARSE_ERROR)`.
PARSE_ERROR = 'Bad Request: can\'t parse entities: unsupported start tag "x" at byte offset 0'

# Values PTB sends as plain strings; every other form field is JSON-encoded.
_STRING_FIELDS = {
    "text",
    "parse_mode",
    "callback_query_id",
    "url",
    "secret_token",
    "action",
    "language_code",
    "inline_message_id",
    "caption",
}
_UPDATE_TYPES = (
    "message",
    "edited_message",
    "channel_post",
    "edited_channel_post",
    "callback_query",
    "inline_query",
    "my_chat_member",
    "chat_member",
)
_TAG_ENTITY = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
}
_TAG_RE = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^<>]*)>")
_ENTITY_RE = re.compile(r"&(lt|gt|amp|quot|#\d{1,7}|#x[0-9a-fA-F]{1,6});")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_CHAT_ACTIONS = {
    "typing",
    "upload_photo",
    "record_video",
    "upload_video",
    "record_voice",
    "upload_voice",
    "upload_document",
    "choose_sticker",
    "find_location",
    "record_video_note",
    "upload_video_note",
}
_MEDIA: dict[str, dict[str, Any]] = {
    "sticker": {
        "sticker": {
            "file_id": "CAACAgIAAxkBAAIBc2",
            "file_unique_id": "AgADc2",
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": "\U0001f44d",
        }
    },
    "photo": {
        "photo": [
            {"file_id": "AgACAgQAAxkBAAIBd1", "file_unique_id": "AQADd1", "width": 90, "height": 67}
        ]
    },
    "voice": {
        "voice": {"file_id": "AwACAgQAAxkBAAIBe1", "file_unique_id": "AgADe1", "duration": 3}
    },
    "location": {"location": {"latitude": 52.52, "longitude": 13.405}},
    "document": {
        "document": {
            "file_id": "BQACAgQAAxkBAAIBf1",
            "file_unique_id": "AgADf1",
            "file_name": "plan.pdf",
            "mime_type": "application/pdf",
        }
    },
    "video": {
        "video": {
            "file_id": "BAACAgQAAxkBAAIBg1",
            "file_unique_id": "AgADg1",
            "width": 640,
            "height": 360,
            "duration": 5,
        }
    },
    "contact": {"contact": {"phone_number": "+15550100", "first_name": "Sam"}},
}


class ApiError(Exception):
    """An error answer: HTTP status and Telegram's description."""

    def __init__(self, status: int, description: str, parameters: dict | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters


#: for checking rates against what reached the server: `[call.at for call in api.calls]`
def peak_per_second(moments: list[float]) -> int:
    """The most events within any half-open one-second window."""
    moments = sorted(moments)
    best, start = 0, 0
    for end, moment in enumerate(moments):
        while moment - moments[start] >= 1.0:
            start += 1
        best = max(best, end - start + 1)
    return best


def utf16_len(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def parse_html(html: str) -> tuple[str, list[dict]]:
    """Parse Telegram HTML into (plain text, entities); raise ApiError(400) like Telegram."""
    out: list[str] = []
    entities: list[dict] = []
    stack: list[tuple[str, int, dict]] = []
    offset = 0  # in UTF-16 units
    i = 0
    while i < len(html):
        char = html[i]
        if char == "<":
            match = _TAG_RE.match(html, i)
            if not match:
                raise ApiError(400, f"Bad Request: can't parse entities: unexpected < at {i}")
            closing, name, attrs = match[1], match[2].lower(), match[3]
            if name not in _TAG_ENTITY:
                raise ApiError(
                    400, f'Bad Request: can\'t parse entities: unsupported start tag "{name}"'
                )
            if closing:
                if not stack or stack[-1][0] != name:
                    expected = f"</{stack[-1][0]}>" if stack else "nothing"
                    raise ApiError(
                        400,
                        f"Bad Request: can't parse entities: unmatched end tag </{name}> at "
                        f"{i}, expected {expected}",
                    )
                tag, start, extra = stack.pop()
                if offset > start:
                    entities.append(
                        {"type": _TAG_ENTITY[tag], "offset": start, "length": offset - start}
                        | extra
                    )
            else:
                extra: dict[str, Any] = {}
                if name == "a":
                    href = re.search(r"""href\s*=\s*["']([^"']*)["']""", attrs)
                    if not href:
                        raise ApiError(400, "Bad Request: can't parse entities: <a> without href")
                    extra = {"url": href[1]}
                if name == "span" and "tg-spoiler" not in attrs:
                    raise ApiError(
                        400, "Bad Request: can't parse entities: <span> needs class tg-spoiler"
                    )
                stack.append((name, offset, extra))
            i = match.end()
        elif char == "&":
            match = _ENTITY_RE.match(html, i)
            if not match:
                raise ApiError(400, f"Bad Request: can't parse entities: bare & at {i}")
            ref = match[1]
            if ref in _NAMED:
                decoded = _NAMED[ref]
            else:
                code = int(ref[2:], 16) if ref[1] in "xX" else int(ref[1:])
                decoded = chr(code)
            out.append(decoded)
            offset += utf16_len(decoded)
            i = match.end()
        else:
            out.append(char)
            offset += utf16_len(char)
            i += 1
    if stack:
        raise ApiError(
            400,
            f"Bad Request: can't parse entities: can't find end tag for \"{stack[-1][0]}\"",
        )
    return "".join(out), sorted(entities, key=lambda e: e["offset"])


@dataclass(frozen=True)
class Upload:
    """A file the bot uploaded (multipart), as a request parameter."""

    filename: str
    content_type: str
    data: bytes = field(repr=False)


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def image_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) of a PNG or JPEG, or None for anything else."""
    if data.startswith(PNG_SIGNATURE) and data[12:16] == b"IHDR":
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    if data.startswith(b"\xff\xd8"):
        i = 2
        while i + 9 < len(data):
            if data[i] != 0xFF:
                return None
            marker, length = data[i + 1], int.from_bytes(data[i + 2 : i + 4], "big")
            if 0xC0 <= marker <= 0xC3:
                return int.from_bytes(data[i + 7 : i + 9], "big"), int.from_bytes(
                    data[i + 5 : i + 7], "big"
                )
            i += 2 + length
    return None


@dataclass
class Call:
    """One request the bot made."""

    method: str
    params: dict[str, Any]
    status: int = 0
    at: float = field(default_factory=time.monotonic)


@dataclass
class Fault:
    """A planned failure for the next `times` matching requests."""

    method: str = "*"
    status: int | None = None
    retry_after: int | None = None
    description: str | None = None
    delay: float = 0.0
    #: hold the answer until the test sets this event (a response as slow as the test wants)
    gate: asyncio.Event | None = None
    drop: bool = False
    #: carry the request out, then close the connection without answering
    drop_after: bool = False
    chat_id: int | None = None
    #: only requests with this parse_mode ("HTML"); a plain-text request passes untouched
    parse_mode: str | None = None
    times: int = 1
    hits: int = 0

    def matches(self, method: str, params: dict[str, Any]) -> bool:
        if self.hits >= self.times:
            return False
        if self.method != "*" and self.method.lower() != method.lower():
            return False
        mode = str(params.get("parse_mode") or "")
        if self.parse_mode is not None and mode.upper() != self.parse_mode.upper():
            return False
        return self.chat_id is None or _as_int(params.get("chat_id")) == self.chat_id


@dataclass
class Storm:
    """Random faults on a `share` of the requests to `methods` until `until` (loop time):
    429s with a `retry_after` of up to `max_retry_after` s, 500s, 502s, connections dropped
    before and after the request is carried out (`api.processed_drops` lists the latter).
    `injected` counts the faults by kind."""

    until: float
    share: float = 0.3
    methods: frozenset[str] = frozenset({"sendmessage", "getupdates", "answercallbackquery"})
    max_retry_after: int = 20
    seed: int = 1
    injected: Counter = field(default_factory=Counter)

    def __post_init__(self) -> None:
        self._rng = random.Random(self.seed)

    def pick(self, method: str, now: float) -> Fault | None:
        if now >= self.until or method.lower() not in self.methods:
            return None
        if self._rng.random() >= self.share:
            return None
        kind = self._rng.choice(["429", "500", "502", "drop", "drop_after"])
        if method.lower() == "getupdates" and kind == "429":
            kind = "500"  # Telegram does not rate-limit polling
        self.injected[kind] += 1
        if kind == "429":
            return Fault(status=429, retry_after=self._rng.randint(1, self.max_retry_after))
        if kind in ("500", "502"):
            return Fault(status=int(kind))
        return Fault(drop=kind == "drop", drop_after=kind == "drop_after")


@dataclass
class BotMessage:
    """A message the bot sent; edits update it in place and append to `history`."""

    chat: dict[str, Any]
    message_id: int
    date: int
    text: str
    html: str | None
    entities: list[dict]
    keyboard: list[list[dict]] | None
    reply_to: dict | None = None
    edit_date: int | None = None
    edits: int = 0
    history: list[str] = field(default_factory=list)
    deleted: bool = False
    #: a photo message: its sizes (Telegram's PhotoSize objects); `text` is then the caption
    photo: list[dict] | None = None

    @property
    def chat_id(self) -> int:
        return self.chat["id"]

    @property
    def buttons(self) -> list[dict]:
        """Every inline button, row by row."""
        return [button for row in self.keyboard or [] for button in row]

    @property
    def labels(self) -> list[str]:
        return [button["text"] for button in self.buttons]

    def data_for(self, label: str) -> str:
        """The callback data of the button with this label (exact, else case-insensitive part)."""
        for button in self.buttons:
            if button["text"] == label:
                return button["callback_data"]
        for button in self.buttons:
            if label.lower() in button["text"].lower():
                return button["callback_data"]
        raise KeyError(f"no button {label!r} in {self.labels}")

    def has_button(self, label: str) -> bool:
        return any(label.lower() in text.lower() for text in self.labels)

    def to_json(self, bot_user: dict) -> dict[str, Any]:
        data: dict[str, Any] = {
            "message_id": self.message_id,
            "from": bot_user,
            "chat": self.chat,
            "date": self.date,
        }
        if self.photo is not None:
            data["photo"] = self.photo
            if self.text:
                data["caption"] = self.text
            if self.entities:
                data["caption_entities"] = self.entities
        else:
            data["text"] = self.text
            if self.entities:
                data["entities"] = self.entities
        if self.keyboard:
            data["reply_markup"] = {"inline_keyboard": self.keyboard}
        if self.edit_date:
            data["edit_date"] = self.edit_date
        if self.reply_to:
            data["reply_to_message"] = self.reply_to
        return data


def _as_int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class FakeChat:
    """The test-side view of one chat: inject what the person does, read what the bot sent."""

    def __init__(
        self,
        api: FakeBotAPI,
        chat_id: int,
        *,
        type: str = "private",
        title: str | None = None,
        user_id: int | None = None,
        first_name: str = "Alex",
        username: str | None = None,
    ) -> None:
        self.api = api
        self.id = chat_id
        uid = user_id if user_id is not None else (chat_id if chat_id > 0 else 5000 + abs(chat_id))
        self.user = {
            "id": uid,
            "is_bot": False,
            "first_name": first_name,
            "username": username or f"user{uid}",
            "language_code": "en",
        }
        if type == "private":
            self.chat = {
                "id": chat_id,
                "type": "private",
                "first_name": first_name,
                "username": self.user["username"],
            }
        else:
            self.chat = {"id": chat_id, "type": type, "title": title or "Test group"}
        self._read = 0

    # -- what the person does -------------------------------------------------------------
    def send(self, text: str, *, user: dict | None = None, reply_to: Any = None) -> dict:
        """Inject a text message; commands and @mentions get their entities. Returns it."""
        entities = []
        command = re.match(r"/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?", text)
        if command:
            entities.append({"type": "bot_command", "offset": 0, "length": len(command[0])})
        for mention in re.finditer(r"(?<![\w/])@[A-Za-z0-9_]{3,}", text):
            entities.append(
                {
                    "type": "mention",
                    "offset": utf16_len(text[: mention.start()]),
                    "length": utf16_len(mention[0]),
                }
            )
        fields: dict[str, Any] = {"text": text}
        if entities:
            fields["entities"] = entities
        if reply_to is not None:
            fields["reply_to_message"] = (
                reply_to.to_json(self.api.bot_user)
                if isinstance(reply_to, BotMessage)
                else reply_to
            )
        return self.send_message(user=user, **fields)

    def send_media(self, kind: str, *, caption: str | None = None) -> dict:
        """Inject a sticker, photo, voice, location, document, video or contact message."""
        fields = dict(_MEDIA[kind])
        if caption is not None:
            fields["caption"] = caption
        return self.send_message(**fields)

    def send_message(self, *, user: dict | None = None, **fields: Any) -> dict:
        """Inject a message with any fields (Telegram JSON); returns the message."""
        message = {
            "message_id": self.api.next_message_id(self.id),
            "from": user or self.user,
            "chat": self.chat,
            "date": int(time.time()),
            **fields,
        }
        self.api.inject({"message": message})
        return message

    def edit(self, message: dict, text: str) -> dict:
        """Inject an edit of one of the person's earlier messages."""
        edited = dict(message, text=text, edit_date=int(time.time()))
        edited.pop("entities", None)
        self.api.inject({"edited_message": edited})
        return edited

    def press(
        self,
        label: str | None = None,
        *,
        message: BotMessage | None = None,
        data: str | None = None,
    ) -> str:
        """Press an inline button; returns the callback query id (see `answer`).

        With `label` only: the latest bot message with such a button. `data` sends any callback
        data (stale or forged) instead of the button's.
        """
        if message is None:
            candidates = [m for m in reversed(self.messages) if not m.deleted]
            if label is not None:
                candidates = [m for m in candidates if m.has_button(label)]
            if not candidates:
                raise AssertionError(f"no bot message in chat {self.id} has a button {label!r}")
            message = candidates[0]
        if data is None:
            if label is None:
                raise ValueError("press() needs a label or data")
            data = message.data_for(label)
        query_id = str(next(self.api._query_ids))
        self.api.answers[query_id] = None
        self.api.inject(
            {
                "callback_query": {
                    "id": query_id,
                    "from": self.user,
                    "message": message.to_json(self.api.bot_user),
                    "chat_instance": str(-(abs(self.id) * 7919)),
                    "data": data,
                }
            }
        )
        return query_id

    # -- what the bot did -----------------------------------------------------------------
    @property
    def messages(self) -> list[BotMessage]:
        """Every message the bot sent to this chat, in order (current state after edits)."""
        return [m for m in self.api.sent if m.chat_id == self.id]

    async def next_message(self, timeout: float = 20.0) -> BotMessage:
        """The next bot message not returned yet by this method (waits for it)."""
        await self.wait_for(lambda: len(self.messages) > self._read, timeout, "a bot message")
        message = self.messages[self._read]
        self._read += 1
        return message

    async def next_messages(self, count: int, timeout: float = 20.0) -> list[BotMessage]:
        return [await self.next_message(timeout) for _ in range(count)]

    def skip_all(self) -> None:
        """Mark every message so far as read."""
        self._read = len(self.messages)

    def answer(self, query_id: str) -> dict | None:
        """The bot's answerCallbackQuery parameters for that press, or None if not answered."""
        return self.api.answers.get(query_id)

    async def answered(self, query_id: str, timeout: float = 20.0) -> dict:
        return await self.wait_for(lambda: self.answer(query_id), timeout, "a callback answer")

    async def wait_for(
        self, predicate: Callable[[], Any], timeout: float = 20.0, what: str = ""
    ) -> Any:
        return await self.api.wait_for(predicate, timeout, what or f"condition in chat {self.id}")


class FakeBotAPI:
    """The server. See the module docstring for the client API."""

    def __init__(self, token: str = TOKEN, *, username: str = BOT_USERNAME) -> None:
        self.token = token
        bot_id = int(token.split(":", 1)[0])
        self.bot_user = {
            "id": bot_id,
            "is_bot": True,
            "first_name": "StretchBot (test)",
            "username": username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }
        self.calls: list[Call] = []
        self.sent: list[BotMessage] = []
        self.answers: dict[str, dict | None] = {}
        self.commands: list[dict] = []
        self.webhook: dict[str, Any] = {}
        self.webhook_deliveries: list[tuple[int, int]] = []
        self.faults: list[Fault] = []
        self.storms: list[Storm] = []
        #: (method, chat id) of each request carried out whose answer was dropped
        self.processed_drops: list[tuple[str, int | None]] = []
        self.blocked: set[int] = set()
        #: file_id -> the bytes uploaded under it
        self.files: dict[str, bytes] = {}
        self.confirmed = 0
        self.port = 0
        self._updates: list[dict] = []
        self._update_ids = itertools.count(1)
        self._query_ids = itertools.count(900001)
        self._message_ids: dict[int, int] = {}
        self._messages: dict[tuple[int, int], BotMessage] = {}
        self._allowed: list[str] | None = None
        self._poll_generation = 0
        self._changed = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self._forward_task: asyncio.Task | None = None
        self._forward_url: str | None = None

    # -- life cycle -----------------------------------------------------------------------
    async def start(self) -> None:
        app = web.Application(client_max_size=10 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        await web.SockSite(self._runner, sock).start()

    async def stop(self) -> None:
        if self._forward_task:
            self._forward_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._forward_task
        self._poll_generation += 1
        self._notify()
        if self._runner:
            await self._runner.cleanup()

    @property
    def base_url(self) -> str:
        """The value for TELEGRAM_API_BASE_URL."""
        return f"http://127.0.0.1:{self.port}/bot"

    # -- injecting ------------------------------------------------------------------------
    def chat(self, chat_id: int, **kwargs: Any) -> FakeChat:
        """A chat to talk in: private by default; `type="group", title=...` for a group."""
        return FakeChat(self, chat_id, **kwargs)

    def inject(self, update: dict) -> int:
        """Queue an update (an `update_id` is added); returns its id."""
        update_id = next(self._update_ids)
        self._updates.append({"update_id": update_id, **update})
        self._notify()
        return update_id

    def inject_raw(self, payload: dict) -> int:
        """Queue any payload as an update; an `update_id` is added unless given."""
        if "update_id" not in payload:
            payload = {"update_id": next(self._update_ids), **payload}
        self._updates.append(payload)
        self._notify()
        return payload["update_id"]

    def next_message_id(self, chat_id: int) -> int:
        self._message_ids[chat_id] = self._message_ids.get(chat_id, 0) + 1
        return self._message_ids[chat_id]

    def fault(self, method: str = "*", **kwargs: Any) -> Fault:
        """Plan a failure for the next matching request(s); see `Fault`."""
        planned = Fault(method=method, **kwargs)
        self.faults.append(planned)
        return planned

    def storm(self, storm: Storm) -> Storm:
        """Random faults until `storm.until` (see `Storm`)."""
        self.storms.append(storm)
        return storm

    def block(self, chat_id: int) -> None:
        self.blocked.add(chat_id)

    def unblock(self, chat_id: int) -> None:
        self.blocked.discard(chat_id)

    def forward_webhook_to(self, url: str) -> None:
        """Deliver every queued and future update by POSTing it to `url` (webhook mode)."""
        self._forward_url = url
        if self._forward_task is None:
            self._forward_task = asyncio.create_task(self._forward_loop())

    # -- inspecting -----------------------------------------------------------------------
    def calls_to(self, method: str) -> list[Call]:
        return [call for call in self.calls if call.method.lower() == method.lower()]

    @property
    def pending(self) -> int:
        """Updates not yet confirmed by the bot."""
        return len(self._updates)

    async def wait_for(
        self, predicate: Callable[[], Any], timeout: float = 20.0, what: str = ""
    ) -> Any:
        """Wait until `predicate()` is truthy (re-checked after every request); return it."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not (result := predicate()):
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise AssertionError(f"timed out after {timeout} s waiting for {what or predicate}")
            event = self._changed
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), min(remaining, 0.5))
        return result

    def _notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    # -- HTTP -----------------------------------------------------------------------------
    async def _handle(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        try:
            params = await self._params(request)
        except ValueError as exc:
            return self._error(ApiError(400, f"Bad Request: {exc}"))
        call = Call(method, params)
        self.calls.append(call)
        if request.match_info["token"] != self.token:
            call.status = 401
            self._notify()
            return self._error(ApiError(401, "Unauthorized"))
        fault = next((f for f in self.faults if f.matches(method, params)), None)
        if fault is None:
            now = asyncio.get_running_loop().time()
            fault = next((f for s in self.storms if (f := s.pick(method, now))), None)
        if fault:
            fault.hits += 1
            if fault.delay:
                await asyncio.sleep(fault.delay)
            if fault.gate is not None:
                await fault.gate.wait()
            if fault.drop:
                call.status = -1
                self._notify()
                assert request.transport is not None
                request.transport.abort()  # the client sees the connection die, no answer
                return web.Response(status=500)
            if fault.status:
                call.status = fault.status
                self._notify()
                return self._fault_response(fault)
        handler = getattr(self, f"_m_{method.lower()}", None)
        try:
            if handler is None:
                raise ApiError(404, "Not Found")
            result = await handler(params)
        except ApiError as exc:
            call.status = exc.status
            self._notify()
            return self._error(exc)
        if fault and fault.drop_after:
            call.status = -2
            self.processed_drops.append((method, _as_int(params.get("chat_id"))))
            self._notify()
            assert request.transport is not None
            request.transport.abort()
            return web.Response(status=500)
        call.status = 200
        self._notify()
        return web.json_response({"ok": True, "result": result})

    async def _params(self, request: web.Request) -> dict[str, Any]:
        params: dict[str, Any] = dict(request.query)
        if request.can_read_body:
            if request.content_type == "application/json":
                body = await request.json()
                if not isinstance(body, dict):
                    raise ValueError("the JSON body must be an object")
                return params | body
            form = await request.post()
            for key, value in form.items():
                if isinstance(value, str):
                    params[key] = value
                elif isinstance(value, web.FileField):
                    params[key] = Upload(
                        value.filename, value.content_type or "", value.file.read()
                    )
        decoded = {}
        for key, value in params.items():
            if isinstance(value, Upload) or key in _STRING_FIELDS:
                decoded[key] = value
                continue
            try:
                decoded[key] = json.loads(value)
            except ValueError:
                decoded[key] = value
        return decoded

    @staticmethod
    def _error(exc: ApiError) -> web.Response:
        body: dict[str, Any] = {
            "ok": False,
            "error_code": exc.status,
            "description": exc.description,
        }
        if exc.parameters:
            body["parameters"] = exc.parameters
        return web.json_response(body, status=exc.status)

    @staticmethod
    def _fault_response(fault: Fault) -> web.Response:
        if fault.status == 502:
            html = (
                "<html><head><title>502 Bad Gateway</title></head><body>Bad Gateway</body></html>"
            )
            return web.Response(status=502, text=html, content_type="text/html")
        descriptions = {
            400: "Bad Request: something is wrong",
            403: "Forbidden: bot was blocked by the user",
            429: f"Too Many Requests: retry after {fault.retry_after}",
            500: "Internal Server Error",
        }
        description = fault.description or descriptions.get(fault.status or 500, "Error")
        parameters = {"retry_after": fault.retry_after} if fault.retry_after else None
        return FakeBotAPI._error(ApiError(fault.status or 500, description, parameters))

    # -- methods --------------------------------------------------------------------------
    async def _m_getme(self, params: dict) -> dict:
        return self.bot_user

    async def _m_getupdates(self, params: dict) -> list[dict]:
        if self.webhook.get("url"):
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        offset = _as_int(params.get("offset")) or 0
        if offset > 0:
            self._confirm(offset)
        limit = max(1, min(_as_int(params.get("limit")) or 100, 100))
        timeout = max(0, min(float(params.get("timeout") or 0), 50))
        if params.get("allowed_updates"):
            self._allowed = list(params["allowed_updates"])
        self._poll_generation += 1
        generation = self._poll_generation
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            self._drop_unwanted()
            if generation != self._poll_generation:
                raise ApiError(
                    409,
                    "Conflict: terminated by other getUpdates request; make sure that only one "
                    "bot instance is running",
                )
            if self._updates or loop.time() >= deadline:
                return self._updates[:limit]
            event = self._changed
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), deadline - loop.time())

    def _confirm(self, offset: int) -> None:
        self._updates = [u for u in self._updates if (_as_int(u.get("update_id")) or 0) >= offset]
        self.confirmed = max(self.confirmed, offset - 1)

    def _drop_unwanted(self) -> None:
        if not self._allowed:
            return
        allowed = set(self._allowed)

        def wanted(update: dict) -> bool:
            kinds = [key for key in update if key in _UPDATE_TYPES]
            return not kinds or kinds[0] in allowed

        self._updates = [u for u in self._updates if wanted(u)]

    def _chat_for(self, params: dict) -> dict:
        chat_id = _as_int(params.get("chat_id"))
        if chat_id is None:
            raise ApiError(400, "Bad Request: chat_id is empty")
        if chat_id in self.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        if chat_id > 0:
            return {"id": chat_id, "type": "private", "first_name": "Alex"}
        return {"id": chat_id, "type": "group", "title": "Test group"}

    def _caption(self, params: dict) -> tuple[str, str | None, list[dict]]:
        """A photo's caption, parsed like a text (empty is allowed), at most 1,024 units."""
        if not params.get("caption"):
            return "", None, []
        text, html, entities = self._text({**params, "text": params["caption"]})
        if utf16_len(text) > 1024:
            raise ApiError(400, "Bad Request: message caption is too long")
        return text, html, entities

    def _text(self, params: dict) -> tuple[str, str | None, list[dict]]:
        raw = params.get("text")
        if not isinstance(raw, str) or not raw.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        mode = params.get("parse_mode")
        if mode is None:
            text, html, entities = raw, None, []
        elif str(mode).upper() == "HTML":
            html = raw
            text, entities = parse_html(raw)
        else:
            raise ApiError(400, f"Bad Request: the fake server only speaks HTML, not {mode}")
        if not text.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if utf16_len(text) > 4096:
            raise ApiError(400, "Bad Request: message is too long")
        return text, html, entities

    @staticmethod
    def _keyboard(params: dict) -> list[list[dict]] | None:
        markup = params.get("reply_markup")
        if markup is None:
            return None
        if isinstance(markup, str):
            markup = json.loads(markup)
        rows = markup.get("inline_keyboard") if isinstance(markup, dict) else None
        if rows is None:
            return None
        for row in rows:
            for button in row:
                if not str(button.get("text", "")).strip():
                    raise ApiError(400, "Bad Request: text buttons are unallowed here")
                data = button.get("callback_data")
                if data is not None and not 1 <= len(str(data).encode()) <= 64:
                    raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
                if data is None and "url" not in button:
                    raise ApiError(400, "Bad Request: can't parse inline keyboard button")
        return rows or None

    async def _m_sendmessage(self, params: dict) -> dict:
        chat = self._chat_for(params)
        text, html, entities = self._text(params)
        keyboard = self._keyboard(params)
        reply_to = None
        reply = params.get("reply_parameters")
        if isinstance(reply, dict) and reply.get("message_id"):
            reply_to = {"message_id": reply["message_id"], "chat": chat, "date": int(time.time())}
        message = BotMessage(
            chat=chat,
            message_id=self.next_message_id(chat["id"]),
            date=int(time.time()),
            text=text,
            html=html,
            entities=entities,
            keyboard=keyboard,
            reply_to=reply_to,
        )
        self._messages[(chat["id"], message.message_id)] = message
        self.sent.append(message)
        return message.to_json(self.bot_user)

    async def _m_sendphoto(self, params: dict) -> dict:
        chat = self._chat_for(params)
        photo = params.get("photo")
        if isinstance(photo, Upload):
            size = image_size(photo.data)
            if size is None:
                raise ApiError(400, "Bad Request: IMAGE_PROCESS_FAILED")
            number = len(self.files) + 1
            file_id = f"AgACAgQAAxkDFAKEphoto{number:04d}"
            self.files[file_id] = photo.data
        elif isinstance(photo, str) and photo in self.files:
            file_id = photo
            size = image_size(self.files[file_id])
            assert size is not None
        else:
            raise ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified")
        text, html, entities = self._caption(params)
        keyboard = self._keyboard(params)
        reply_to = None
        reply = params.get("reply_parameters")
        if isinstance(reply, dict) and reply.get("message_id"):
            reply_to = {"message_id": reply["message_id"], "chat": chat, "date": int(time.time())}
        width, height = size
        small = max(1, round(90 * height / width))
        unique = file_id.replace("AgACAgQAAxkD", "AQAD")
        message = BotMessage(
            chat=chat,
            message_id=self.next_message_id(chat["id"]),
            date=int(time.time()),
            text=text,
            html=html,
            entities=entities,
            keyboard=keyboard,
            reply_to=reply_to,
            photo=[
                {
                    "file_id": f"{file_id}s",
                    "file_unique_id": f"{unique}s",
                    "width": 90,
                    "height": small,
                },
                {
                    "file_id": file_id,
                    "file_unique_id": unique,
                    "width": width,
                    "height": height,
                    "file_size": len(self.files[file_id]),
                },
            ],
        )
        self._messages[(chat["id"], message.message_id)] = message
        self.sent.append(message)
        return message.to_json(self.bot_user)

    def _existing(self, params: dict) -> BotMessage:
        if params.get("inline_message_id"):
            raise ApiError(400, "Bad Request: inline messages are not supported by the fake")
        chat = self._chat_for(params)
        message = self._messages.get((chat["id"], _as_int(params.get("message_id")) or 0))
        if message is None or message.deleted:
            raise ApiError(400, "Bad Request: message to edit not found")
        return message

    async def _m_editmessagetext(self, params: dict) -> dict:
        message = self._existing(params)
        if message.photo is not None:
            raise ApiError(400, "Bad Request: there is no text in the message to edit")
        text, html, entities = self._text(params)
        keyboard = self._keyboard(params)
        if text == message.text and entities == message.entities and keyboard == message.keyboard:
            raise ApiError(
                400,
                "Bad Request: message is not modified: specified new message content and reply "
                "markup are exactly the same as a current content and reply markup of the message",
            )
        message.history.append(message.text)
        message.text, message.html, message.entities = text, html, entities
        message.keyboard = keyboard  # no reply_markup removes the keyboard, as on Telegram
        message.edits += 1
        message.edit_date = int(time.time())
        return message.to_json(self.bot_user)

    async def _m_editmessagereplymarkup(self, params: dict) -> dict:
        message = self._existing(params)
        keyboard = self._keyboard(params)
        if keyboard == message.keyboard:
            raise ApiError(400, "Bad Request: message is not modified")
        message.keyboard = keyboard
        message.edits += 1
        message.edit_date = int(time.time())
        return message.to_json(self.bot_user)

    async def _m_deletemessage(self, params: dict) -> bool:
        message = self._existing(params)
        message.deleted = True
        return True

    async def _m_answercallbackquery(self, params: dict) -> bool:
        query_id = str(params.get("callback_query_id", ""))
        if query_id not in self.answers or self.answers[query_id] is not None:
            raise ApiError(
                400,
                "Bad Request: query is too old and response timeout expired or query ID is invalid",
            )
        if len(str(params.get("text") or "")) > 200:
            raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        self.answers[query_id] = {key: value for key, value in params.items()}
        return True

    async def _m_setmycommands(self, params: dict) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list) or len(commands) > 100:
            raise ApiError(400, "Bad Request: commands must be a list of at most 100")
        for command in commands:
            name = str(command.get("command", ""))
            description = str(command.get("description", ""))
            if not re.fullmatch(r"[a-z0-9_]{1,32}", name):
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(description) <= 256:
                raise ApiError(400, "Bad Request: command description is empty or too long")
        self.commands = commands
        return True

    async def _m_getmycommands(self, params: dict) -> list[dict]:
        return self.commands

    async def _m_deletemycommands(self, params: dict) -> bool:
        self.commands = []
        return True

    async def _m_sendchataction(self, params: dict) -> bool:
        self._chat_for(params)
        if params.get("action") not in _CHAT_ACTIONS:
            raise ApiError(400, "Bad Request: wrong parameter action in request")
        return True

    async def _m_setwebhook(self, params: dict) -> bool:
        url = str(params.get("url") or "")
        secret = params.get("secret_token")
        if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", str(secret)):
            raise ApiError(400, "Bad Request: secret token contains unallowed characters")
        if url and not url.startswith("https://"):
            raise ApiError(400, "Bad Request: bad webhook: HTTPS url must be provided for webhook")
        if params.get("drop_pending_updates"):
            self._updates.clear()
        self.webhook = {key: value for key, value in params.items()} if url else {}
        self._poll_generation += 1
        return True

    async def _m_deletewebhook(self, params: dict) -> bool:
        self.webhook = {}
        if params.get("drop_pending_updates"):
            self._updates.clear()
        return True

    async def _m_getwebhookinfo(self, params: dict) -> dict:
        return {
            "url": self.webhook.get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }

    # -- webhook delivery -----------------------------------------------------------------
    async def _forward_loop(self) -> None:
        async with aiohttp.ClientSession() as session:
            while True:
                if not self._updates or not self._forward_url:
                    await self.wait_for(lambda: self._updates and self._forward_url, 3600)
                update = self._updates[0]
                headers = {}
                if self.webhook.get("secret_token"):
                    headers["X-Telegram-Bot-Api-Secret-Token"] = str(self.webhook["secret_token"])
                try:
                    async with session.post(self._forward_url, json=update, headers=headers) as r:
                        status = r.status
                except aiohttp.ClientError:
                    status = 0
                self.webhook_deliveries.append((update["update_id"], status))
                self._notify()
                if status == 200:
                    self._updates.pop(0)
                    self.confirmed = max(self.confirmed, update["update_id"])
                else:
                    await asyncio.sleep(0.2)  # Telegram retries a failed delivery later
