# A fresh machine needs only Python 3.11+ and make: every target below creates .venv
# and installs the package (with the dev extras) on first use, and again only when
# pyproject.toml changes.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

# sys.exit(str) prints the message and exits 1.
NEEDS_311 := -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else \
	"error: localize needs Python 3.11 or newer; " + sys.executable + " is " + sys.version.split()[0] + \
	" (run make PYTHON=python3.11 ...)")'

.PHONY: demo test goldens bench clean distclean

demo: $(STAMP)
	$(BIN)/localize run examples/article.md --locale en-GB --config examples/localize.yaml --changes

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

goldens: $(STAMP)
	$(BIN)/python examples/regenerate_goldens.py

BENCHMARKS := $(wildcard benchmarks/*.py)
bench: $(STAMP)
	@test -n "$(BENCHMARKS)" || { echo "error: no benchmarks/*.py scripts" >&2; exit 1; }
	@set -e; for script in $(BENCHMARKS); do echo "== $$script"; $(BIN)/python $$script; done

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found; install Python 3.11+" >&2; exit 1; }
	@test -x $(BIN)/python || { $(PYTHON) $(NEEDS_311) && echo "Creating $(VENV) ..." && $(PYTHON) -m venv $(VENV); }
	@$(BIN)/python $(NEEDS_311)
	@echo "Installing localize and its dev tools into $(VENV) ..."
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@

# Build output and caches; .venv stays (see distclean).
clean:
	rm -rf build dist .pytest_cache .hypothesis .localize-cache
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
