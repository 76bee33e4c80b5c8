# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.12 || command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint typecheck unit golden-update bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("cutover needs Python >= 3.11, found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,bench]'
	@touch $(STAMP)

demo: install
	PATH=$(CURDIR)/$(BIN):$$PATH $(BIN)/cutover demo

lint: install
	$(BIN)/ruff check orchestrator tests bench
	$(BIN)/ruff format --check orchestrator tests bench

typecheck: install
	$(BIN)/mypy

unit: install
	PATH=$(CURDIR)/$(BIN):$$PATH $(BIN)/pytest

test: lint typecheck unit

golden-update: install
	$(BIN)/pytest tests/test_golden.py --update-golden

bench: install
	$(BIN)/python bench/translate.py

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache cutover-work
