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
    observe     Prometheus metrics, the health clock, the counting request
    ops         update and reply hooks, the tally and housekeeping jobs, /healthz, /metrics
    admin       /stats and /announce for ADMIN_IDS
    feedback    the 👍 / 👎 buttons
    follow      what /daily says about tips that follow the person, and its buttons

Imports go one way: app -> admin / feedback -> handlers -> daily / conversations -> follow /
send -> ops -> observe / services. Start it with
`bot.telegram.app.run_bot(settings, kb)` (what `stretchbot run` does when a token is set);
tests build the same application with `bot.telegram.app.build_application`.
"""
