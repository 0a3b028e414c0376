# Socle — tâches courantes. `make serve` et `make test` suffisent sur une machine neuve
# (Python 3.11+, git, make) : elles créent .venv/ et installent ce qu'il faut.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installe
REFERENTIEL ?= bethune
SLUGS := $(notdir $(wildcard data/*))
export NO_MKDOCS_2_WARNING := 1

.PHONY: help install serve build build-all check test test-browser bench clean schema

help: ## Liste les tâches
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

install: $(STAMP) ## Crée .venv et installe les dépendances
	@# Socle's own modules compiled ahead, as pip does for installed packages: each build then
	@# skips compiling them, even where PYTHONDONTWRITEBYTECODE is set (container images).
	@$(BIN)/python -m compileall -q macros

serve: install ## Aperçu en direct sur http://127.0.0.1:8000 (REFERENTIEL=bethune par défaut)
	REFERENTIEL=$(REFERENTIEL) $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: install ## Construit un référentiel dans site/<slug>/
	REFERENTIEL=$(REFERENTIEL) $(BIN)/mkdocs build --strict --quiet -d site/$(REFERENTIEL)

build-all: install ## Construit tous les référentiels dans site/<slug>/ et la page d'index
	@for slug in $(SLUGS); do \
	  echo "→ $$slug"; \
	  REFERENTIEL=$$slug $(BIN)/mkdocs build --strict --quiet -d site/$$slug || exit 1; \
	done
	$(BIN)/python -m macros.index site $(SLUGS)

check: install ## Vérifie les données et le code (rapide, sans construire le site)
	$(BIN)/python -m macros.check
	$(BIN)/ruff check macros tests bench

schema: install ## Régénère schemas/*.schema.json et .vscode/settings.json depuis les modèles
	$(BIN)/python -m macros.schema

test: install ## Lance toute la suite de tests
	$(BIN)/python -m macros.check
	$(BIN)/ruff check macros tests bench
	$(BIN)/pytest -q

bench: install ## Mesure temps de construction, poids et recherche
	$(BIN)/python -m bench

clean: ## Supprime les sites construits et les caches
	rm -rf site .pytest_cache .ruff_cache .cache
