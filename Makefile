# Two entry points: `make run` opens the program, `make test` runs the whole suite headless.
# Both create .venv and install what they need; re-running them is fast (stamp files).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test lint bench screenshots clean sysdeps-run sysdeps-test

$(PY):
	$(PYTHON) -m venv $(VENV)

$(VENV)/.stamp-run: pyproject.toml | $(PY)
	$(PIP) install -q -e .
	touch $@

$(VENV)/.stamp-test: pyproject.toml | $(PY)
	$(PIP) install -q -e '.[test]'
	touch $@ $(VENV)/.stamp-run

sysdeps-run:
	PYTHON=$(PYTHON) sh scripts/system-deps.sh run

sysdeps-test:
	PYTHON=$(PYTHON) sh scripts/system-deps.sh test

run: sysdeps-run $(VENV)/.stamp-run
	$(PY) main.py

lint: $(VENV)/.stamp-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

test: sysdeps-test $(VENV)/.stamp-test lint
	$(PY) -m pytest -q

bench: $(VENV)/.stamp-test
	$(PY) bench/run_all.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache

# Every screen rendered offscreen into docs/screenshots/*.png: the main window on a corpus
# judgment (when ../shared/corpus is present) and on the fictional sample, the workbench
# dialogs and the team windows (fictional judgments only).
screenshots: sysdeps-run $(VENV)/.stamp-run
	QT_QPA_PLATFORM=offscreen $(PY) gui/screenshots.py
	QT_QPA_PLATFORM=offscreen $(PY) gui/workbench_screenshots.py
	QT_QPA_PLATFORM=offscreen $(PY) gui/team_screenshots.py
