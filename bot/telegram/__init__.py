"""StretchBot on Telegram (python-telegram-bot 22): `app` wires it, `handlers` answer updates.

Start it with `bot.telegram.app.run_bot(settings, kb)` (what `stretchbot run` does when a token
is set); tests build the same application with `bot.telegram.app.build_application`.
"""
