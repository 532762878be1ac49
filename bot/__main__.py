"""`python -m bot ...` is the same as the `stretchbot` command."""

from bot.cli import main

raise SystemExit(main())
