# Two commands on a fresh machine: `make run` and `make test`. Everything else is set up on the way.
# While working, `make check` is the quicker one: the same without the browser tests.
VENV := .venv
BIN := $(VENV)/bin
PYTHON := $(BIN)/python
PORT ?= 8000
# gettext compiles the catalogues; chromium runs the browser tests. Installed with apt when missing.
APT_INSTALL := apt-get install -y -qq --no-install-recommends

# Every dependency, transitive ones included, is pinned with its hashes: pip refuses anything else.
PIP_INSTALL := $(BIN)/pip install --quiet --disable-pip-version-check --require-hashes
# pip-tools compiles the requirements; installed apart (var/lock/), as it is not the project's.
LOCK_VENV := var/lock
PIP_COMPILE := CUSTOM_COMPILE_COMMAND="make lock" $(LOCK_VENV)/bin/pip-compile --quiet --generate-hashes --strip-extras \
	--no-emit-index-url --no-emit-find-links --no-emit-trusted-host

.PHONY: run test check setup messages static system-deps browser-deps lint format makemessages bench lighthouse lock clean law-changes question-map

run: $(BIN)/.runtime setup
	PORT=$(PORT) $(BIN)/gunicorn --config config/gunicorn.conf.py

test: $(BIN)/.dev setup browser-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pytest

# Lint, types (configured in pyproject.toml) and the suite without the browser tests.
check: $(BIN)/.dev setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pytest -q --ignore=tests/browser

setup: system-deps messages static

$(BIN)/.runtime: requirements.txt
	test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PIP_INSTALL) -r requirements.txt
	touch $@

$(BIN)/.dev: requirements.txt requirements-dev.txt
	test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PIP_INSTALL) -r requirements-dev.txt
	touch $@ $(BIN)/.runtime

system-deps:
	@command -v msgfmt >/dev/null || (apt-get update -qq && $(APT_INSTALL) gettext)

# Noto Naskh Arabic is the Arabic-script font of Android phones: the right-to-left screenshots
# show Pashto's own letters as people see them, not the blanks of a font that lacks them.
browser-deps:
	@command -v chromium >/dev/null || (apt-get update -qq && $(APT_INSTALL) chromium)
	@fc-list -q "Noto Naskh Arabic" || (apt-get update -qq && $(APT_INSTALL) fonts-noto-core)

messages:
	$(PYTHON) manage.py compilemessages --ignore '.venv' --ignore 'var' --verbosity 0

static:
	$(PYTHON) manage.py collectstatic --noinput --verbosity 0

# Load benchmark and page weights of the production server on 127.0.0.1 (bench/run.py --help).
bench: $(BIN)/.dev setup
	$(PYTHON) bench/run.py $(BENCH_ARGS)

# Lighthouse scores of three pages, with Debian's chromium; Lighthouse is installed, pinned, in
# bench/lighthouse/ (never globally).
lighthouse: $(BIN)/.dev setup browser-deps
	test -x bench/lighthouse/node_modules/.bin/lighthouse || \
		npm install --prefix bench/lighthouse --no-audit --no-fund --loglevel error
	CHROME_PATH=$$(command -v chromium) $(PYTHON) bench/lighthouse.py

# requirements.txt and requirements-dev.txt from the hand-edited .in files: every version pinned,
# with its hashes. After editing a .in file (a new line, a new version): `make lock`, then
# `make check`.
lock:
	test -x $(LOCK_VENV)/bin/pip-compile || \
		(python3 -m venv $(LOCK_VENV) && $(LOCK_VENV)/bin/pip install --quiet pip-tools==7.6.2)
	$(PIP_COMPILE) --output-file requirements.txt requirements.in
	$(PIP_COMPILE) --output-file requirements-dev.txt requirements-dev.in

# For translators: refresh both catalogues from the code and templates.
makemessages: $(BIN)/.dev
	$(PYTHON) manage.py makemessages --locale fr --locale en --locale ar --locale fa --locale ps --locale ru --locale ht --locale pt_BR --no-obsolete --ignore '.venv/*' --ignore 'var/*'
	$(PYTHON) manage.py isolate_latin

# The README's changelog of the law, from rules/law/ (a test checks it is up to date).
law-changes: $(BIN)/.dev
	$(PYTHON) manage.py law_changes

# The map of the questions, walked from the conditions of questionnaire/steps.py into
# questionnaire/question_map.json (about a minute; a test checks it is up to date).
question-map: $(BIN)/.dev
	$(PYTHON) manage.py question_map

format: $(BIN)/.dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) var
