# Two commands set everything up on a fresh clone: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_TODAY := 2017-07-01

.PHONY: demo test lint typecheck unit bench bench-read bench-feeds bench-imports clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the project's metadata changes.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	@rm -f $(VENV)/demo.json $(VENV)/demo.json.*
	@$(BIN)/showtrack --db $(VENV)/demo.json import data/marvel-netflix.json
	@echo
	@echo '$$ showtrack --today $(DEMO_TODAY) upcoming --all'
	@$(BIN)/showtrack --db $(VENV)/demo.json --today $(DEMO_TODAY) upcoming --all -o table
	@echo
	@echo '$$ showtrack --today $(DEMO_TODAY) countdown "Jessica Jones" 2'
	@$(BIN)/showtrack --db $(VENV)/demo.json --today $(DEMO_TODAY) countdown "Jessica Jones" 2
	@echo
	@echo '$$ showtrack --today $(DEMO_TODAY) history "Jessica Jones" 2'
	@$(BIN)/showtrack --db $(VENV)/demo.json --today $(DEMO_TODAY) history "Jessica Jones" 2 -o table
	@echo
	@echo '$$ showtrack --today $(DEMO_TODAY) timeline'
	@$(BIN)/showtrack --db $(VENV)/demo.json --today $(DEMO_TODAY) timeline

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy src tests bench

# Two workers a core (pytest-xdist): many tests wait on a child process, a lock or a
# local server, so a core has work while one of its workers waits; worksteal evens out
# the slow ones. `pytest tests/some_test.py` alone runs serially.
JOBS ?= $(shell $(BIN)/python -c "import os; print(2 * (os.cpu_count() or 1))")
unit: $(STAMP)
	$(BIN)/python -m pytest -n $(JOBS) --dist worksteal

test: lint typecheck unit

bench: $(STAMP)
	$(BIN)/python bench/run.py

# The reader's quality on ../shared/read-dev/ and its speed (bench/READING.md).
bench-read: $(STAMP)
	$(BIN)/python bench/read.py --write

# A sync of 10 feeds of 50 entries against a local server (bench/FEEDS.md).
bench-feeds: $(STAMP)
	$(BIN)/python bench/feeds.py --write

# import --from tvtime of 500 shows without linking (bench/IMPORTS.md).
bench-imports: $(STAMP)
	$(BIN)/python bench/imports.py --write

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
