# Two commands for a fresh machine with Python 3.11+ and make:
#   make serve   set up, then serve the site at http://127.0.0.1:8000
#   make test    set up, then validate the data, build the site strictly (MkDocs and ProperDocs),
#                check its links, audit the GitHub workflows and run all tests
#   make test-lite  validate the data and build the site strictly (what the form workflow checks)
#   make pdf     build the site, then print its printable editions to build/pdf (needs Chromium)
#   make bench   measure validation and build at 100, 1,000 and 5,000 records (BENCH_SIZES=...)
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PD_VENV := .venv-properdocs
PD_STAMP := $(PD_VENV)/.installed
BENCH_SIZES ?= 100,1000,5000

.PHONY: setup serve validate build build-properdocs links workflows test test-lite pdf bench clean

# The pinned dependencies, then the project itself (editable: a change in src/ counts at once;
# built with the pinned setuptools, so nothing unpinned is fetched).
$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation --editable .
	touch $(STAMP)

$(PD_STAMP): requirements.lock requirements-properdocs.lock pyproject.toml
	$(PYTHON) -m venv $(PD_VENV)
	$(PD_VENV)/bin/python -m pip install --quiet --no-deps -r requirements-properdocs.lock
	$(PD_VENV)/bin/python -m pip install --quiet --no-deps --no-build-isolation --editable .
	touch $(PD_STAMP)

setup: $(STAMP)

serve: setup
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

validate: setup
	$(BIN)/python scripts/validate.py

build: setup
	$(BIN)/mkdocs build --strict --site-dir site

build-properdocs: $(PD_STAMP)
	$(PD_VENV)/bin/properdocs build --strict --config-file mkdocs.yml --site-dir build/site-properdocs

links: build
	$(BIN)/python scripts/check_links.py site

# zizmor's security audit and actionlint's check (with shellcheck for the run: scripts) of the
# GitHub workflows, offline (CI has no network for it): no findings
workflows: setup
	$(BIN)/zizmor --offline --quiet .github/workflows/
	$(BIN)/actionlint -shellcheck $(BIN)/shellcheck .github/workflows/*.yml

test: validate build links build-properdocs workflows
	$(BIN)/python -m pytest

test-lite: validate build

pdf: build
	$(BIN)/python scripts/pdf.py site --uit build/pdf

bench: setup
	$(BIN)/python benchmarks/bench.py --sizes $(BENCH_SIZES)

clean:
	rm -rf site build $(VENV) $(PD_VENV)
