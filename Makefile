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

lint: $(BIN)/argmap
	$(BIN)/ruff check argmap tests benchmarks
	$(BIN)/mypy

docs: $(BIN)/argmap
	$(BIN)/argmap rules --markdown > docs/rules.md

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache .hypothesis
