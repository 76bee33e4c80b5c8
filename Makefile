# Two commands on a fresh machine: `make demo` and `make test`.
# The first interpreter that really runs and is >= 3.11 (pyenv shims can exist and still fail).
PYTHON ?= $(shell for p in python3 python3.13 python3.12 python3.11; do \
	$$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && { command -v $$p; break; }; \
	done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint typecheck unit golden-update bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "cutover needs Python >= 3.11 (python3 on PATH)"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,bench]'
	@touch $(STAMP)

demo: install
	PATH=$(CURDIR)/$(BIN):$$PATH $(BIN)/cutover demo

lint: install
	$(BIN)/ruff check orchestrator custom_napalm tests bench
	$(BIN)/ruff format --check orchestrator custom_napalm tests bench

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
