# Alumni Hub — the two commands: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app wsgi

.PHONY: run test test-scale test-browser install install-dev translations messages clean

run: install translations
	$(FLASK) db upgrade
	$(FLASK) seed-demo --if-empty
	$(BIN)/python wsgi.py

test: install-dev translations
	$(BIN)/python -m pytest

# The suite against PostgreSQL and Redis, as CI runs it (both must be running).
test-scale: install-dev translations
	DATABASE_URL=$${DATABASE_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test} \
	REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/0} \
	$(BIN)/python -m pytest -m "not browser"

test-browser: install-dev translations
	$(BIN)/python -m pytest -m browser

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# Compiled catalogs (.mo) are build output; the .po files are the source. Fuzzy entries are
# unchecked guesses, so they stay out: such a string shows its German source text instead.
translations: install
	$(BIN)/pybabel compile -d translations --statistics

# After changing user-facing strings: extract them and update both catalogs.
messages: install
	# --ignore-dirs: Babel's default also skips folders starting with "_", i.e. templates/_macros.
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext --ignore-dirs '.*' -o translations/messages.pot --no-location --sort-output .
	$(BIN)/pybabel update -i translations/messages.pot -d translations --no-fuzzy-matching --ignore-obsolete
	$(BIN)/python scripts/fill_de_catalog.py

clean:
	rm -rf $(VENV) instance/*.sqlite3*
