# The README's commands: `make serve` (build and serve the site) and `make test` (every test).
# Each target sets up what it needs first (scripts/bootstrap.sh), so a fresh machine works.
PY := .venv/bin/python
export PATH := $(CURDIR)/.venv/bin:$(PATH)

.PHONY: bootstrap site serve test lint unit bench clean

bootstrap:
	@bash scripts/bootstrap.sh

site: bootstrap
	$(PY) -m mkdocs build --strict

serve: site
	$(PY) scripts/serve.py --dir site --port 8000

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
	rm -rf site build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache .coverage .hypothesis
