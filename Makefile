# Two commands do all the set-up: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint check eval bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## Start the bot: on Telegram when TELEGRAM_BOT_TOKEN is set (environment or .env), else the terminal chat.
run: $(STAMP)
	$(BIN)/stretchbot run

## Lint, then the whole test suite.
test: lint
	$(BIN)/python -m pytest -q

## ruff (lint and format) and mypy --strict on bot/.
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

## Validate the shipped knowledge base.
check: $(STAMP)
	$(BIN)/stretchbot check

## Accuracy figures on the labelled messages and on CLINC150.
eval: $(STAMP)
	$(BIN)/stretchbot eval
	$(BIN)/stretchbot eval --clinc ../shared/datasets/clinc150/test.jsonl

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
