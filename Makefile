# Set-up and main jobs. Needs only Python 3.11 and make; everything else is
# installed here: a virtual environment in .venv, and (for the tests) the
# Debian packages of the real clients we test against.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
APT_PACKAGES := poppler-utils pandoc libreoffice-writer fonts-dejavu-core chromium

.PHONY: handouts test bench lint system-deps clean

# The main job: every briefing in seeds/ to handouts in dist/.
handouts: $(BIN)/.installed
	$(BIN)/briefing build

# Install what the tests need, then run them (CI runs exactly this).
test: $(BIN)/.installed-test system-deps
	$(BIN)/python -m pytest

bench: $(BIN)/.installed-test system-deps
	$(BIN)/python -m tests.bench

lint: $(BIN)/.installed-test
	$(BIN)/ruff check toolkit tests
	$(BIN)/ruff format --check toolkit tests
	$(BIN)/mypy

PIP_INSTALL := $(BIN)/python -m pip install --quiet
# The checkout goes on the path by a plain .pth line, as an installed wheel
# would be found: setuptools' default editable finder imports pathlib and
# importlib.util in every Python start-up, 15 ms that no user's install pays
# (setuptools calls this mode transitional; if it goes, this line fails loudly).
# In the checkout the house styles stay in styles/, where toolkit.style looks
# when no toolkit.styles package is installed.
EDITABLE_MODE := --config-settings editable_mode=compat

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP_INSTALL) --upgrade pip
	$(PIP_INSTALL) -e . $(EDITABLE_MODE)
	touch $@

$(BIN)/.installed-test: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP_INSTALL) --upgrade pip
	$(PIP_INSTALL) -e '.[test]' $(EDITABLE_MODE)
	# A third-party XLIFF reader the tests run in a subprocess; it is GPL, so the
	# toolkit never imports it and it is no dependency of the package.
	$(PIP_INSTALL) 'translate-toolkit>=3.13'
	touch $(BIN)/.installed $@

# The real clients: LibreOffice, pandoc and poppler, from Debian's packages.
system-deps:
	@missing=""; \
	for tool in pdftotext pdffonts pdfinfo pandoc soffice chromium; do \
	  command -v $$tool >/dev/null 2>&1 || missing="$$missing $$tool"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages for:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $(APT_PACKAGES); \
	fi

clean:
	rm -rf $(VENV) build *.egg-info dist/*.xml dist/*.docx dist/*.pdf
