"""Stretch pictures on Telegram: uploaded once, then sent by file_id; the card as caption, or
after the picture when too long for one; More; and text alone when there is no picture."""

from __future__ import annotations

import re
from pathlib import Path

from .fakebotapi import PNG_SIGNATURE, Upload, image_size

DISCLAIMER = re.compile(r"not medical advice", re.IGNORECASE)


async def test_the_first_card_uploads_its_picture_and_later_ones_reuse_the_file_id(api, bot):
    first = api.chat(1201)
    first.send("how do I stretch my calves?")
    card = await first.next_message()
    assert card.photo is not None, "a stretch card is a photo"
    assert re.search(r"^1\. ", card.text, re.MULTILINE) and DISCLAIMER.search(card.text)
    assert card.has_button("More") and card.has_button("Another stretch")
    sends = api.calls_to("sendPhoto")
    assert len(sends) == 1
    upload = sends[0].params["photo"]
    assert isinstance(upload, Upload), "the first send uploads the file"
    assert upload.data.startswith(PNG_SIGNATURE) and image_size(upload.data) == (800, 500)
    file_id = card.photo[-1]["file_id"]

    second = api.chat(1202)
    second.send("how do I stretch my calves?")
    again = await second.next_message()
    sends = api.calls_to("sendPhoto")
    assert len(sends) == 2
    assert sends[1].params["photo"] == file_id, "the second send passes Telegram's file_id"
    assert again.photo is not None and again.photo[-1]["file_id"] == file_id
    assert len(api.files) == 1, "one upload for two sends"

    first.press("Another stretch", message=card)
    other = await first.next_message()
    assert other.photo is not None and other.text.splitlines()[0] != card.text.splitlines()[0]
    assert isinstance(api.calls_to("sendPhoto")[-1].params["photo"], Upload), "a new picture"
    assert len(api.files) == 2


async def test_more_sends_the_rest_of_the_card_and_a_stale_more_is_answered_politely(api, bot):
    chat = api.chat(1203)
    chat.send("stretch for my calves")
    card = await chat.next_message()
    assert "Take care" not in card.text and "What you should feel" not in card.text
    query = chat.press("More", message=card)
    more = await chat.next_message()
    assert await chat.answered(query) is not None
    assert more.photo is None
    assert "What you should feel" in more.text and "Take care" in more.text
    assert "Easier:" in more.text and DISCLAIMER.search(more.text)

    query = chat.press(data="more.a_stretch_that_is_gone", message=card)
    answer = await chat.answered(query)
    assert "expired" in answer["text"]
    stale = await chat.next_message()
    assert "expired" in stale.text and DISCLAIMER.search(stale.text)


async def test_a_card_too_long_for_a_caption_follows_its_picture(api, bot):
    chat = api.chat(1204)
    chat.send("i just had a baby")
    await chat.next_message()
    chat.send("camel pose please")
    picture = await chat.next_message()
    assert picture.photo is not None
    assert picture.text.startswith("Camel pose") and DISCLAIMER.search(picture.text)
    assert picture.labels == [], "the buttons go under the card"
    card = await chat.next_message()
    assert card.photo is None
    assert re.search(r"^1\. ", card.text, re.MULTILINE) and DISCLAIMER.search(card.text)
    assert card.has_button("More")


async def test_a_file_id_telegram_no_longer_knows_is_uploaded_again(api, bot):
    chat = api.chat(1205)
    chat.send("how do I stretch my calves?")
    await chat.next_message()
    api.files.clear()  # Telegram refuses the file_id from now on
    other = api.chat(1207)
    other.send("how do I stretch my calves?")
    card = await other.next_message()
    assert card.photo is not None
    kinds = [type(c.params["photo"]).__name__ for c in api.calls_to("sendPhoto")]
    assert kinds == ["Upload", "str", "Upload"]
    assert [c.status for c in api.calls_to("sendPhoto")] == [200, 400, 200]


async def test_without_a_picture_the_card_goes_out_as_text(api, start_bot, tmp_path: Path):
    not_a_folder = tmp_path / "pictures-is-a-file"
    not_a_folder.write_text("in the way")
    await start_bot(STRETCHBOT_PICTURES=str(not_a_folder))
    chat = api.chat(1206)
    chat.send("how do I stretch my calves?")
    card = await chat.next_message()
    assert card.photo is None and api.calls_to("sendPhoto") == []
    assert re.search(r"^1\. ", card.text, re.MULTILINE) and card.has_button("More")
