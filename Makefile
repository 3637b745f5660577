# Two commands for a fresh machine with Python 3.11+ and make:
#   make serve   set up, then serve the site at http://127.0.0.1:8000
#   make test    set up, then validate the data, build the site strictly and run all tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup serve validate build test clean

$(STAMP): requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --no-deps -r requirements.lock
	touch $(STAMP)

setup: $(STAMP)

serve: setup
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

validate: setup
	$(BIN)/python scripts/validate.py

build: setup
	$(BIN)/mkdocs build --strict --site-dir site

test: validate build
	$(BIN)/python -m pytest

clean:
	rm -rf site $(VENV)
