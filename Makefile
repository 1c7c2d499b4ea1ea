# argmap: `make install`, then `make test`. See README.md.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install system-deps test lint fuzz bench docs clean

install: system-deps $(BIN)/argmap
	@$(BIN)/argmap --version

$(BIN)/argmap: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

# What pip cannot install: Graphviz (the `dot` program) and a CJK font, so Chinese
# terms in the maps are measured and drawn right.
system-deps:
	@if command -v dot >/dev/null 2>&1 && fc-list :lang=zh 2>/dev/null | grep -q .; then \
	  echo "Graphviz and a CJK font are installed."; \
	elif command -v apt-get >/dev/null 2>&1; then \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq graphviz fonts-noto-cjk >/dev/null && \
	  echo "Installed Graphviz and Noto CJK fonts."; \
	elif command -v brew >/dev/null 2>&1; then \
	  brew install graphviz && brew install --cask font-noto-sans-cjk; \
	elif command -v dnf >/dev/null 2>&1; then \
	  $(SUDO) dnf install -y graphviz google-noto-sans-cjk-fonts; \
	else \
	  echo "argmap: please install Graphviz (https://graphviz.org/download/) and a CJK font" \
	       "(Noto Sans CJK) with your system's package manager; everything else works without them."; \
	fi

test: $(BIN)/argmap
	$(BIN)/python -m pytest -q

# Property tests drawing thousands of new examples per test, and the hostile-input corpus
# at a larger scale; `make test` runs the same tests with a few dozen fixed examples.
fuzz: $(BIN)/argmap
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q tests/fuzz tests/test_hostile.py

# Benchmarks with their targets, as ratios to baselines measured in the same run; writes
# the results into docs/performance.md. BENCH_QUICK=1 for fewer repetitions.
bench: $(BIN)/argmap
	$(BIN)/python -m benchmarks.run

lint: $(BIN)/argmap
	$(BIN)/ruff check argmap tests benchmarks
	$(BIN)/mypy

docs: $(BIN)/argmap
	$(BIN)/argmap rules --markdown > docs/rules.md

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache .hypothesis

# The official Argdown parser reads the Argdown export of every bundled map and finds the
# same statements (titles and text) and relations. Needs Node.js and npm; not in `make test`.
ARGDOWN_CLI := build/argdown-cli
.PHONY: verify-argdown
verify-argdown: $(BIN)/argmap
	@test -x $(ARGDOWN_CLI)/node_modules/.bin/argdown || \
	  npm install --prefix $(ARGDOWN_CLI) --no-audit --no-fund --silent @argdown/cli@1.7.5
	$(BIN)/python tests/exporters/verify_argdown.py $(ARGDOWN_CLI)/node_modules/.bin/argdown \
	  maps/*.yaml tests/fixtures/valid/every_kind.yaml
