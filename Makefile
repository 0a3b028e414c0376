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

.PHONY: help install serve editer build build-all check prerequis test test-complet test-all test-browser snapshots bench bench-echelle clean schema nouveau importer-plan importer-document

help: ## Liste les tâches
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

# uv (from PyPI) installs the locked set (uv.lock) in seconds; where it cannot be had, pip
# installs the same direct pins from pyproject.toml, more slowly. Modules are compiled at
# install, as pip does: where PYTHONDONTWRITEBYTECODE is set (containers, CI), every build
# would otherwise compile MkDocs, Material and pydantic anew (0.4 s).
UV_VERSION := 0.13.9
$(STAMP): pyproject.toml uv.lock
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11, 5))' 2>/dev/null || \
	  { echo "Socle demande Python 3.11.5 ou plus récent (PYTHON=$(PYTHON) : $$($(PYTHON) --version 2>&1))."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	@if $(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION) 2>/dev/null; then \
	  UV_PROJECT_ENVIRONMENT=$(VENV) $(BIN)/uv sync --quiet --frozen --inexact --extra test --compile-bytecode; \
	else \
	  echo "uv indisponible : installation avec pip, plus lente."; \
	  $(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'; \
	fi
	touch $(STAMP)

install: $(STAMP) ## Crée .venv et installe les dépendances
	@# Socle's own modules compiled ahead, as pip does for installed packages: each build then
	@# skips compiling them, even where PYTHONDONTWRITEBYTECODE is set (container images).
	@$(BIN)/python -m compileall -q macros

serve: install ## Aperçu en direct sur http://127.0.0.1:8000 (REFERENTIEL=bethune par défaut)
	REFERENTIEL=$(REFERENTIEL) $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# The editor and its preview on PORT; its backend takes a free port of its own, so two clones
# each run their own `make editer PORT=…` side by side.
editer: PORT ?= 8000
editer: install ## Éditeur de formulaires sur http://127.0.0.1:8000/admin/ (autre port : make editer PORT=8001), qui modifie data/<slug>/
	REFERENTIEL=$(REFERENTIEL) $(BIN)/python -m macros.cli.editer $(PORT)

build: install ## Construit un référentiel dans site/<slug>/
	REFERENTIEL=$(REFERENTIEL) $(BIN)/mkdocs build --strict --quiet -d site/$(REFERENTIEL)

build-all: install ## Construit tous les référentiels dans site/<slug>/ et la page d'index
	@for slug in $(SLUGS); do \
	  echo "→ $$slug"; \
	  REFERENTIEL=$$slug $(BIN)/mkdocs build --strict --quiet -d site/$$slug || exit 1; \
	done
	$(BIN)/python -m macros.cli.index site $(SLUGS)

check: install ## Vérifie les données et le code, couches des paquets comprises (rapide, sans construire le site)
	$(BIN)/python -m macros.cli.check
	$(BIN)/ruff check macros tests bench
	$(BIN)/lint-imports

nouveau: install ## Crée data/<SLUG>/, un référentiel commenté qui se construit tout de suite (SLUG=… NOM="…")
	@test -n "$(SLUG)" || { echo "Indiquez le nom du dossier : make nouveau SLUG=syndicat-des-eaux NOM=\"Syndicat des eaux\"" >&2; exit 1; }
	$(BIN)/python -m macros.cli.nouveau "$(SLUG)" "$(NOM)"

importer-plan: install ## Réimporte un tableur du plan (FICHIER=plan.ods ou .xlsx) dans data/<REFERENTIEL>/plan.yml
	@test -n "$(FICHIER)" || { echo "Indiquez le tableur : make importer-plan FICHIER=plan-bethune.ods REFERENTIEL=bethune" >&2; exit 1; }
	$(BIN)/python -m macros.cli.importer_plan "$(FICHIER)" "$(REFERENTIEL)"

importer-document: install ## Brouillon data/<SLUG>/ tiré d'un document Word ou LibreOffice, avec son rapport (FICHIER=livret.docx ou .odt SLUG=… NOM="…")
	@test -n "$(FICHIER)" -a -n "$(SLUG)" || { echo "Indiquez le document et le nom du dossier : make importer-document FICHIER=livret.docx SLUG=ccas-de-lievin NOM=\"CCAS de Liévin\"" >&2; exit 1; }
	$(BIN)/python -m macros.cli.importer_document "$(FICHIER)" "$(SLUG)" "$(NOM)"

schema: install ## Régénère schemas/*.schema.json, schemas/decap/ (formulaires de l'éditeur) et .vscode/settings.json depuis les modèles
	$(BIN)/python -m macros.cli.schema

# What the tests need beyond Python, git and make: command → Debian package.
REQUIS := chromium:chromium pdftotext:poppler-utils pdfinfo:poppler-utils pdftoppm:poppler-utils

prerequis: ## Vérifie que Chromium et poppler sont installés (les tests les utilisent)
	@manque=""; for requis in $(REQUIS); do \
	  command -v $${requis%%:*} >/dev/null 2>&1 || manque="$$manque $${requis#*:}"; \
	done; \
	if [ -n "$$manque" ]; then \
	  paquets=$$(printf '%s\n' $$manque | sort -u | tr '\n' ' ' | sed 's/ $$//'); \
	  echo "make test : il manque $$paquets ; installez-les avec « apt-get install chromium poppler-utils » (Debian, Ubuntu)." >&2; \
	  exit 1; \
	fi

# Browser tests mostly wait on Chromium: three workers keep two cores busy (pytest-xdist).
TEST_WORKERS ?= 3

# Two tiers: `make test` (the README's, a few minutes) leaves out the sweeps marked `complet`
# (axe on every page of every référentiel in both schemes, 320 px on every page); `make
# test-all` runs everything, and CI runs `make test` then `make test-complet`.
test: prerequis install ## Lance les tests (vérifications, Python, Chromium ; sans les balayages complets)
	$(BIN)/python -m macros.cli.check
	$(BIN)/ruff check macros tests bench
	$(BIN)/lint-imports
	$(BIN)/pytest -q -n $(TEST_WORKERS) -m "not complet"

test-complet: prerequis install ## Lance seulement les tests de la suite complète que make test laisse
	$(BIN)/pytest -q -n $(TEST_WORKERS) -m complet

test-all: test test-complet ## Lance toute la suite de tests

test-browser: prerequis install ## Lance seulement les tests dans Chromium
	$(BIN)/pytest -q -n $(TEST_WORKERS) -m browser

snapshots: install ## Réécrit les instantanés de tests/snapshots/ (relisez ensuite leur diff)
	$(BIN)/pytest -q -m snapshots --update-snapshots

bench: install ## Mesure temps de construction, poids et recherche (ECHELLE=1 : avec le plan ×100, plusieurs minutes)
	ECHELLE=$(ECHELLE) $(BIN)/python -m bench

bench-echelle: install ## Seulement la montée en charge, plan ×100 (13 800 fiches) compris, contre Material seul
	$(BIN)/python -m bench.scale

clean: ## Supprime les sites construits et les caches
	rm -rf site .pytest_cache .ruff_cache .cache
