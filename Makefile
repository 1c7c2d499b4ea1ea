# argmap: `make install`, then `make test`. See README.md.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

LOCK   := requirements/dev.txt
# pip-tools, pinned, only for `make lock`.
PIP_TOOLS := pip-tools==7.6.2

.PHONY: install system-deps test test-latest lint fuzz bench docs clean lock

install: system-deps $(BIN)/argmap
	@$(BIN)/argmap --version

# Exactly the versions in the lock, each checked against its hash; then argmap itself,
# editable, built with the locked hatchling (no unlocked build environment), and its
# bytecode written now: with PYTHONDONTWRITEBYTECODE set, every run would compile it.
$(BIN)/argmap: pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python -m compileall -q argmap
	@touch $@

# Refresh the lock on purpose: the newest versions pyproject.toml allows, with hashes.
lock:
	$(PYTHON) -m venv build/pip-tools
	build/pip-tools/bin/python -m pip install --quiet $(PIP_TOOLS)
	build/pip-tools/bin/pip-compile --quiet --extra dev --generate-hashes --all-build-deps \
	  --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links --upgrade \
	  -o $(LOCK) pyproject.toml

# The suite against the newest versions pyproject.toml allows, not the lock: what a
# `pip install argmap` today would get.
LATEST := build/venv-latest
# The wheel test builds without an isolated build environment: the backend must be there.
BUILD_BACKEND := 'hatchling>=1.24'
test-latest: system-deps
	$(PYTHON) -m venv $(LATEST)
	$(LATEST)/bin/python -m pip install --quiet --upgrade --upgrade-strategy eager \
	  -e '.[dev]' $(BUILD_BACKEND)
	$(LATEST)/bin/python -m pytest -q -p no:cacheprovider

# What pip cannot install: Graphviz (the `dot` program), a Latin font (Noto Sans) that
# draws English quotes and dashes narrow, a CJK font, so Chinese terms in the maps are
# measured and drawn right, and Chromium for the browser tests of `argmap html` (they are
# skipped without a browser). Homebrew has no signed Chromium: on macOS, install
# Chromium or Google Chrome yourself to run them.
BROWSER := command -v chromium || command -v chromium-browser || command -v google-chrome \
  || command -v chrome
system-deps:
	@if command -v dot >/dev/null 2>&1 && fc-list :lang=zh 2>/dev/null | grep -q . \
	    && fc-list 'Noto Sans:style=Regular' 2>/dev/null | grep -q . \
	    && ($(BROWSER)) >/dev/null 2>&1; then \
	  echo "Graphviz, Noto Sans, a CJK font and Chromium are installed."; \
	elif command -v apt-get >/dev/null 2>&1; then \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq graphviz fonts-noto-core fonts-noto-cjk chromium >/dev/null && \
	  echo "Installed Graphviz, Noto and Noto CJK fonts and Chromium."; \
	elif command -v brew >/dev/null 2>&1; then \
	  brew install graphviz && brew install --cask font-noto-sans font-noto-sans-cjk && \
	  { ($(BROWSER)) >/dev/null 2>&1 || echo "argmap: the browser tests of argmap html" \
	      "need Chromium or Google Chrome on the PATH; they are skipped without one."; }; \
	elif command -v dnf >/dev/null 2>&1; then \
	  $(SUDO) dnf install -y graphviz google-noto-sans-fonts google-noto-sans-cjk-fonts chromium; \
	else \
	  echo "argmap: please install Graphviz (https://graphviz.org/download/) and a CJK font" \
	       "(Noto Sans CJK) with your system's package manager, and Chromium for the" \
	       "browser tests; everything else works without them."; \
	fi

test: $(BIN)/argmap
	$(BIN)/python -m pytest -q

# Property tests drawing thousands of new examples per test, and the hostile-input corpus
# at a larger scale; `make test` runs the same tests with fixed examples (a few dozen per
# property, 300 mutated real maps).
# Crashes in the DOT renderer found on mutated maps are collected in build/fuzz-findings/.
fuzz: $(BIN)/argmap
	rm -rf build/fuzz-findings
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q --hypothesis-show-statistics \
	  tests/fuzz tests/test_hostile.py
	@if ls build/fuzz-findings/*.txt >/dev/null 2>&1; then \
	  echo "Renderer crashes on mutated maps (maps in build/fuzz-findings/):"; \
	  cat build/fuzz-findings/*.txt | cut -f2,4 | sort | uniq -c | sort -rn; fi

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
	  maps/*.yaml tests/fixtures/valid/every_kind.yaml \
	  tests/fixtures/valid/undercuts.yaml
