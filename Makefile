# The two set-up commands of the README:
#   make run    install what the assistant needs, build the index on first start, open the chat
#   make test   install what the tests need (Chromium included) and run the whole suite
# Both work on a fresh clone; they create .venv/ next to this file.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ARGS ?=

.PHONY: run test install install-test chromium clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# torch is pinned to the local CPU build first, so nothing pulls the CUDA wheels.
install: $(BIN)/python
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e .

install-test: install
	$(BIN)/pip install --quiet -e '.[test]'

chromium:
	@command -v chromium >/dev/null 2>&1 || test -x /usr/lib/chromium/chromium || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

run: install
	$(BIN)/qa serve $(ARGS)

test: install-test chromium
	$(BIN)/python -m pytest -q $(ARGS)

clean:
	rm -rf $(VENV) index
