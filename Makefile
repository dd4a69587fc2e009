# BTI-portalen. The two commands a newcomer needs: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py
CATALOGUES := $(wildcard locale/*/LC_MESSAGES/django.po locale/vendor/*/LC_MESSAGES/django.po locale/vendor/*/LC_MESSAGES/djangojs.po)
COMPILED := $(CATALOGUES:.po=.mo)

.PHONY: screenshots bench run test browser-test browser-deps install assets messages migrate demo lint check makemessages clean

## run: set everything up on a fresh machine and serve the demo portal on http://127.0.0.1:$(PORT)
run: install assets messages migrate demo
	@echo "BTI-portalen: http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	$(MANAGE) runserver 127.0.0.1:$(PORT)

## test: run the whole test suite (PostgreSQL when DATABASE_URL points at it, SQLite otherwise)
test: install messages
	$(BIN)/pytest --ignore=tests/browser $(PYTEST_ARGS)

## browser-test: axe-core, the Nu HTML checker and keyboard tests in Debian's Chromium against a live demo portal
browser-test: browser-deps messages
	$(BIN)/pytest tests/browser -p no:cacheprovider $(PYTEST_ARGS)

## screenshots: admin screenshots for docs/redaktorveiledning.md into docs/img/ (Debian Chromium, temporary demo database)
screenshots: browser-deps messages
	$(BIN)/python scripts/admin_screenshots.py

browser-deps: install
	@test -x /usr/bin/chromium || { echo "Chromium is missing: apt-get install chromium (never download a browser)"; exit 1; }
	npm ci --no-audit --no-fund
	npm run --silent build

## bench: page speed (large dataset on PostgreSQL, production profile under gunicorn, wrk; docs/performance.md)
## Apertium drafting time for the longest demo page, and the brochure PDF for 300 services. Needs wrk, Redis, PostgreSQL, apertium-nno-nob.
bench: install assets messages demo
	$(BIN)/python scripts/bench/run.py
	DJANGO_SETTINGS_MODULE=portal.settings.dev $(BIN)/python scripts/bench_apertium.py
	DJANGO_SETTINGS_MODULE=portal.settings.dev $(BIN)/python scripts/bench_brochure.py

install: $(VENV)/.installed

$(VENV)/.installed: requirements-dev.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.lock
	touch $@

assets: build/ds/designsystemet.css

node_modules/.package-lock.json: package-lock.json
	npm ci --omit=dev --no-audit --no-fund

build/ds/designsystemet.css: node_modules/.package-lock.json scripts/build-assets.mjs
	npm run --silent build

## messages: compile the nb/nn catalogues with Babel (no GNU gettext needed)
messages: install $(COMPILED)

%.mo: %.po
	$(BIN)/pybabel compile --statistics -i $< -o $@

migrate: install
	$(MANAGE) migrate --noinput

demo: migrate
	$(MANAGE) load_demo_content

## makemessages: update the catalogues after changing translatable strings (needs GNU gettext)
makemessages: install
	flock locale/.lock $(MANAGE) makemessages -l nb -l nn --no-location --no-obsolete --ignore=.venv --ignore=node_modules --ignore=build

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check: install messages
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

clean:
	rm -rf $(VENV) node_modules build staticfiles artifacts
	find locale -name '*.mo' -delete
