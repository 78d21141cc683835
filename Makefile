# The two set-up commands of the README:
#   make run    install what the assistant needs, build the index on first start, open the chat
#   make test   install what the tests need (Chromium included) and run the whole suite (what CI runs)
# and one for the edit loop:
#   make test-fast   the suite without the slow, browser and reliability tests
# They work on a fresh clone and create .venv/ next to this file. pip runs only when .venv/ is new
# or pyproject.toml changed (the .venv/.installed* stamps are older than it), so once installed
# they all work offline. `make clean` removes .venv/ (and ./index) to start over.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ARGS ?=
FAST := -m "not slow and not browser" --ignore=tests/reliability

.PHONY: run test test-fast install install-test chromium clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Order-only on the interpreter (after the |): its time stamp is the system Python's, which a
# system update changes, and that must not trigger a reinstall.
# torch is pinned to the local CPU build first, so nothing pulls the CUDA wheels.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test,ray]'
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

chromium:
	@command -v chromium >/dev/null 2>&1 || test -x /usr/lib/chromium/chromium || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

run: install
	$(BIN)/qa serve $(ARGS)

test: install-test chromium
	$(BIN)/python -m pytest -q $(ARGS)

test-fast: install-test
	$(BIN)/python -m pytest -q $(FAST) $(ARGS)

clean:
	rm -rf $(VENV) index
