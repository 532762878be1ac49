"""StretchBot on Telegram (python-telegram-bot 22).

    app         builds and runs the `Application`: every handler, the job and the services
    services    `Services` (brain, store, flood guard, clock...) and the `BotContext` carrying it
    handlers    the chat handlers: commands, text, media, buttons, flood guard, errors
    conversations  each conversation's context, kept in the store with an expiry
    daily       daily tips: /daily, /forget, their buttons and the repeating tick
    send        sending and editing replies (HTML, plain text if Telegram cannot parse it)
    keyboards   inline keyboards (button data is `bot.actions`)
    filters     which updates are for us
    flood       the flood guard
    resilience  retries, malformed updates, per-chat order

Imports go one way: app -> handlers -> daily / conversations -> send -> services. Start it with
`bot.telegram.app.run_bot(settings, kb)` (what `stretchbot run` does when a token is set);
tests build the same application with `bot.telegram.app.build_application`.
"""
