"""Pictures on Telegram: a stretch card goes out as a photo, the card as its caption.

The first time a picture is needed it is drawn into the cache folder (`bot.pictures.Pictures`,
in a worker thread: drawing takes tens of milliseconds) and uploaded. Telegram's answer gives
the photo a `file_id`; every later send of the same picture, to anyone, passes that file_id
instead of uploading the file again. The file_ids are kept in memory, per process: a restarted
bot uploads each picture once more, the first time it is sent (a few kilobytes each), which is
simpler than keeping them in the database and costs little. A file_id Telegram no longer
accepts is forgotten and the picture uploaded again.

A caption holds at most 1,024 UTF-16 units. A card that fits goes out as one photo with its
buttons; a longer one goes out as the photo with a short caption (the stretch's name and the
disclaimer), then the card as the usual text message(s) with the buttons under the last.
Should the picture be impossible to draw or to send, the card goes out as text alone.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from telegram import Bot, InlineKeyboardMarkup, InputFile, Message, ReplyParameters
from telegram.constants import ParseMode
from telegram.error import BadRequest

from bot.pictures import Pictures, picture_key
from bot.pose import Pose

_log = logging.getLogger(__name__)


class PhotoBook:
    """The pictures a bot sends, and the `file_id` Telegram gave each one (in memory)."""

    def __init__(self, pictures: Pictures) -> None:
        self.pictures = pictures
        #: picture key -> Telegram's file_id for it
        self.file_ids: dict[str, str] = {}
        #: picture key -> held while its first upload is under way, so a second chat asking
        #: for the same picture at the same moment reuses the upload instead of doubling it
        self._uploading: dict[str, asyncio.Lock] = {}

    async def path(self, pose: Pose) -> Path:
        """The picture on disk, drawn in a worker thread if the cache does not have it."""
        path = self.pictures.path(pose)
        if path.is_file():
            return path
        return await asyncio.to_thread(self.pictures.ensure, pose)

    async def send(
        self,
        bot: Bot,
        chat_id: int,
        pose: Pose,
        caption: str,
        markup: InlineKeyboardMarkup | None,
        quote: ReplyParameters | None,
    ) -> Message | None:
        """Send the picture of `pose` with an HTML `caption`; None if it cannot be drawn or
        Telegram refuses the photo (the caller then sends the card as text)."""
        key = picture_key(pose)
        known = self.file_ids.get(key)
        if known is not None:
            try:
                return await self._send(bot, chat_id, known, caption, markup, quote, key)
            except _StaleFileId:
                pass
        lock = self._uploading.setdefault(key, asyncio.Lock())
        async with lock:
            known = self.file_ids.get(key)
            if known is not None:  # uploaded by another chat while this one waited
                try:
                    return await self._send(bot, chat_id, known, caption, markup, quote, key)
                except _StaleFileId:
                    pass
            try:
                path = await self.path(pose)
                data = await asyncio.to_thread(path.read_bytes)
            except Exception as exc:  # a full disk, a read-only folder, a drawing bug
                _log.warning("Could not draw picture %s (%s); sending text only", key, exc)
                return None
            upload = InputFile(data, filename=f"{key}.png")
            return await self._send(bot, chat_id, upload, caption, markup, quote, key)

    async def _send(
        self,
        bot: Bot,
        chat_id: int,
        photo: str | InputFile,
        caption: str,
        markup: InlineKeyboardMarkup | None,
        quote: ReplyParameters | None,
        key: str,
    ) -> Message | None:
        try:
            sent = await bot.send_photo(
                chat_id,
                photo,
                caption=caption,
                parse_mode=ParseMode.HTML,
                reply_markup=markup,
                reply_parameters=quote,
            )
        except BadRequest as exc:
            text = str(exc).lower()
            if isinstance(photo, str) and ("file" in text or "identifier" in text):
                _log.info("Telegram no longer knows the file_id of %s (%s); uploading", key, exc)
                self.file_ids.pop(key, None)
                raise _StaleFileId from exc
            if "parse entities" in text:
                _log.error("Telegram refused our caption HTML (%s); sending the card as text", exc)
            else:
                _log.warning("Telegram refused picture %s (%s); sending the card as text", key, exc)
            return None
        if sent.photo:
            self.file_ids.setdefault(key, sent.photo[-1].file_id)
        return sent


class _StaleFileId(Exception):
    """Telegram refused a file_id it gave us: upload the picture again."""
