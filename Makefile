# The README's commands: `make serve` (build and serve the site) and `make test` (every test).
# Each target sets up what it needs first (scripts/bootstrap.sh), so a fresh machine works.
# Both site targets run the same pipeline: sources -> `sitebuild prepare` (build/docs/ and a
# config pointing at it, and the same per language) -> the generator, once per language ->
# `sitebuild finish` on the built HTML.
PY := .venv/bin/python
export PATH := $(CURDIR)/.venv/bin:$(PATH)
export NO_MKDOCS_2_WARNING := 1

.PHONY: bootstrap site site-zensical serve test lint unit bench clean

bootstrap:
	@bash scripts/bootstrap.sh

# One generator run per language (sitebuild/languages.py): English at the root,
# then es/ and pt/ inside it; then the finishing pass once over the whole site.
site: bootstrap
	$(PY) -m sitebuild build --generator mkdocs --site site

# Zensical only writes a site inside the folder of its config: the build runs in build/,
# then moves the site to site-zensical/.
site-zensical: bootstrap
	$(PY) -m sitebuild build --generator zensical --site site-zensical

# Serves site/ and rebuilds it, every language (prepare, mkdocs, finish), when docs/,
# translations/, calculator/, overrides/ or mkdocs.yml change. GENERATOR=zensical serves the Zensical build instead.
serve: bootstrap
	$(PY) -m sitebuild serve --generator $(or $(GENERATOR),mkdocs) --port 8000

lint: bootstrap
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy

test: bootstrap lint
	$(PY) -m pytest --cov --cov-report=term-missing

unit: bootstrap
	$(PY) -m pytest tests/calculator --cov --cov-report=term-missing

bench: site
	$(PY) -m benchmarks

clean:
	rm -rf site site-zensical build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache .coverage .hypothesis
