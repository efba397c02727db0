# attache: two commands on a fresh machine, `make run` then `make test`.
#
# NER models: a folder of local models wins when there is one (ATTACHE_MODELS_DIR, or
# ../shared/models beside this checkout, as on the team's machines and CI); otherwise Stanza's
# official models are downloaded once into STANZA_RESOURCES_DIR (needs internet).

VENV       ?= .venv
PY         := $(VENV)/bin/python
ATTACHE    := $(VENV)/bin/attache
MODELS_DIR ?= $(or $(ATTACHE_MODELS_DIR),$(shell [ -f ../shared/models/resources.json ] && echo ../shared/models))
export ATTACHE_MODELS_DIR := $(MODELS_DIR)

.PHONY: run test lint bench models browser eval clean

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q torch==2.13.0
	$(VENV)/bin/pip install -q -e '.[dev]'
	touch $@

# A local folder is linked into the environment ($(VENV)/share/attache/models), where the installed
# attache looks when neither --models-dir nor ATTACHE_MODELS_DIR is given.
models: $(VENV)/.installed
	@if [ -n "$(MODELS_DIR)" ]; then \
	  echo "NER models: local folder $(MODELS_DIR), linked into $(VENV)/share/attache/models"; \
	  mkdir -p $(VENV)/share/attache && ln -sfn "$(abspath $(MODELS_DIR))" $(VENV)/share/attache/models; \
	else \
	  echo "NER models: no local folder; downloading Stanza's official models"; \
	  $(ATTACHE) models download ar fa en; \
	fi

run: models
	$(ATTACHE) extract seeds/ --format table

# The report's browser test (and the page-load figure of `make bench`) needs Debian's chromium.
# Installed when missing and this runs as root with apt, as CI does; otherwise, or when apt fails,
# the run goes on and that test skips with a one-line reason.
browser:
	@if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing chromium with apt-get (for the report's browser test)"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	    || echo "chromium could not be installed; the browser test will skip"; \
	else \
	  echo "chromium is missing and apt-get is not usable here (needs root); the browser test will skip"; \
	fi

test: models browser
	$(PY) -m pytest

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check cli extractors tests bench scripts

eval: models
	$(ATTACHE) eval ../shared/gold/dev.jsonl ../shared/gold/docs/

bench: models browser
	$(PY) bench/bench.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
