# docmill developer entry points. Every target installs what it needs first.
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

VENV ?= .venv
PY := $(VENV)/bin/python
REQUIREMENTS ?= requirements-dev.txt
STAMP := $(VENV)/.docmill-installed
PYPROJECTS := $(wildcard libs/*/pyproject.toml services/*/pyproject.toml bench/pyproject.toml eval/pyproject.toml)
# Tests live under tests/; packages may also keep tests beside their code.
TEST_DIRS := tests $(wildcard libs/*/tests services/*/tests)
# Two workers, whole modules each: module-scoped stacks see their module's tests in order.
PYTEST_ARGS ?= -n 2 --dist loadfile --durations=25

.PHONY: help install system-deps run test test-unit lint format typecheck bench bench-deps eval clean

help: ## Show the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[36m%-11s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

install: $(STAMP) system-deps ## Create .venv and install every package and tool (fast when nothing changed)

$(PY):
	python3 -m venv $(VENV)

# Re-run pip only when a package definition or the requirements change.
$(STAMP): $(REQUIREMENTS) $(PYPROJECTS) | $(PY)
	$(PY) -m pip install --quiet -r $(REQUIREMENTS)
	touch $@

system-deps: ## Check Tesseract (eng+kan), Poppler and DejaVu fonts; install them with apt when root
	@missing=""; \
	command -v tesseract >/dev/null || missing="yes"; \
	command -v pdftoppm >/dev/null || missing="yes"; \
	test -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf || missing="yes"; \
	if [ -z "$$missing" ]; then \
		langs="$$(tesseract --list-langs 2>/dev/null)"; \
		grep -qx eng <<<"$$langs" && grep -qx kan <<<"$$langs" || missing="yes"; \
	fi; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update && apt-get install -y tesseract-ocr tesseract-ocr-eng tesseract-ocr-kan poppler-utils fonts-dejavu-core; \
		else \
			echo "docmill needs Tesseract (eng, kan), Poppler and DejaVu fonts. Install them with:" >&2; \
			echo "  sudo apt-get install -y tesseract-ocr tesseract-ocr-eng tesseract-ocr-kan poppler-utils fonts-dejavu-core" >&2; \
			exit 1; \
		fi; \
	fi

run: install ## Start the local stack: nats-server, PostgreSQL and every service (http://127.0.0.1:8000)
	$(PY) -m docmill_devstack run

test: install ## Run every test: unit, integration and end to end
	$(PY) -m pytest $(TEST_DIRS) $(PYTEST_ARGS)

test-unit: install ## Quick inner loop: everything not marked slow or e2e (never replaces `make test`)
	$(PY) -m pytest $(TEST_DIRS) -m "not slow and not e2e" $(PYTEST_ARGS)

lint: install ## Lint and check formatting with ruff
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install ## Format and fix imports with ruff
	$(VENV)/bin/ruff check --fix --select I .
	$(VENV)/bin/ruff format .

typecheck: install ## Type-check the contracts with mypy
	$(VENV)/bin/mypy

bench-deps: install ## Bench-only tools: OCRmyPDF (PyPI) and Ghostscript (apt, when root)
	@$(PY) -m ocrmypdf --version >/dev/null 2>&1 || $(PY) -m pip install --quiet ocrmypdf
	@command -v gs >/dev/null || { \
		if [ "$$(id -u)" = 0 ]; then apt-get install -y ghostscript || { apt-get update && apt-get install -y ghostscript; }; \
		else echo "the OCR benchmark needs Ghostscript: sudo apt-get install -y ghostscript" >&2; exit 1; fi; }

bench: install bench-deps ## Run the benchmarks; report in bench/reports/report.{md,json} (BENCH=export ... for a subset)
	$(PY) -m docmill_bench $(BENCH)

eval: install ## Run the accuracy evaluation (python -m docmill_eval)
	@$(PY) -c 'import importlib.util, sys; sys.exit(importlib.util.find_spec("docmill_eval") is None)' \
		|| { echo "make eval: the docmill_eval package does not exist yet; nothing to run" >&2; exit 1; }
	$(PY) -m docmill_eval

clean: ## Remove .data (local databases, queues, logs), caches and the install stamp; keeps .venv
	rm -rf .data .pytest_cache .ruff_cache .mypy_cache $(STAMP)
	find . -path ./$(VENV) -prune -o -type d -name __pycache__ -exec rm -rf {} +

.PHONY: train-vision
train-vision: install ## Generate pages, train the fee-table detector on the CPU (offline), export ONNX
	$(PY) services/vision/training/generate.py --out .data/vision-train --train 450 --val 150
	test -x .venv-train/bin/python || python3 -m venv .venv-train
	.venv-train/bin/pip install --quiet torch==2.14.1 torchvision==0.29.1
	printf 'torch==2.14.1\ntorchvision==0.29.1\n' > .venv-train/constraints.txt
	$(PY) -c 'import tomllib; print("\n".join(tomllib.load(open("services/vision/pyproject.toml", "rb"))["project"]["optional-dependencies"]["train"]))' > .venv-train/train.txt
	.venv-train/bin/pip install --quiet -c .venv-train/constraints.txt -r .venv-train/train.txt
	.venv-train/bin/python services/vision/training/train.py --data .data/vision-train/data.yaml \
		--imgsz $${IMGSZ:-320} --hours $${HOURS:-0.75}
