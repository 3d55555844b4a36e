# The README's commands: `make serve` (build and serve the site) and `make test` (every test).
# Each target sets up what it needs first (scripts/bootstrap.sh), so a fresh machine works.
# Both site targets run the same pipeline: sources -> `sitebuild prepare` (build/docs/ and a
# config pointing at it) -> the generator -> `sitebuild finish` on the built HTML.
PY := .venv/bin/python
export PATH := $(CURDIR)/.venv/bin:$(PATH)
export NO_MKDOCS_2_WARNING := 1

.PHONY: bootstrap site site-zensical serve test lint unit bench clean

bootstrap:
	@bash scripts/bootstrap.sh

site: bootstrap
	$(PY) -m sitebuild prepare --config build/mkdocs.yml --site site
	$(PY) -m mkdocs build --strict -f build/mkdocs.yml
	$(PY) -m sitebuild finish site

# Zensical only writes a site inside the folder of its config, hence build/ then a move.
site-zensical: bootstrap
	$(PY) -m sitebuild prepare --config build/zensical.yml --site build/site-zensical
	$(PY) -m zensical build --strict -f build/zensical.yml
	rm -rf site-zensical && mv build/site-zensical site-zensical
	$(PY) -m sitebuild finish site-zensical

# Serves site/ and rebuilds it (prepare, mkdocs, finish) when docs/, calculator/,
# overrides/ or mkdocs.yml change. GENERATOR=zensical serves the Zensical build instead.
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
