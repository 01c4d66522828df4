# Developer and CI entry points. Needs only python3 (3.11), node 20 and npm on the machine.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# Re-install only when the pins change: the stamps are newer than the files that hold the pins.
DEV_STAMP := $(VENV)/.stamp-dev
NODE_STAMP := node_modules/.stamp
REDOCLY := node_modules/.bin/redocly
SPEC := openapi.yaml
# mypy gets only the directories that exist yet; generated_client is checked by its own target.
PY_DIRS := $(wildcard spec_tools mock_server contract_tests generator bench demo docs)
# Debian's Chromium drives the browser tests; Playwright never downloads a browser here.
CHROMIUM := /usr/bin/chromium

# Redocly must never phone home or nag (CI is offline apart from the package registries).
export REDOCLY_TELEMETRY := off
export REDOCLY_SUPPRESS_UPDATE_NOTICE := true

.PHONY: help setup lock lint spec-lint test check docs browser
.PHONY: generate check-generated check-package lint-client mock demo bench contract fuzz api-check release dist
.PHONY: consumer third-party-clients lock-third-party-clients check-recordings

help:
	@echo "make setup      create .venv and node_modules from the pins (pyproject.toml, package-lock.json)"
	@echo "make lint       ruff, ruff format --check, mypy --strict, spec validation and redocly lint"
	@echo "make spec-lint  openapi-spec-validator + redocly lint on $(SPEC)"
	@echo "make test       setup, lint, then the pytest contract suite"
	@echo "make check      the daily loop: the generated client's drift check first, then ruff, mypy, api-check and the suites without browser and slow marks"
	@echo "make lock       re-resolve requirements.lock from the pins in pyproject.toml"
	@echo "make generate         rebuild generated_client/ from $(SPEC) (generator/)"
	@echo "make check-generated  regenerate into a scratch dir; fail with a diff if generated_client/ differs"
	@echo "make check-package    build the client wheel, install it into a fresh venv, import it"
	@echo "make consumer         examples/consumer's tests in a fresh venv with only the client's and the mock's wheels"
	@echo "make third-party-clients  one venv per PyPI CloudPayments client in $(CLIENTS_DIR)/ (their drivers run against the mock)"
	@echo "make lock-third-party-clients  re-resolve each client's requirements.txt (hashes) from its requirements.in"
	@echo "make api-check        compare the client's API and the spec with the last release (generator/releases/)"
	@echo "make release          snapshot the client's API and the spec as the release of generator/package.yaml's version"
	@echo "make dist             build the wheel and sdist of every package folder (a pyproject.toml) into dist/"
	@echo "make mock       run the stateful mock on http://127.0.0.1:8765 (MOCK_ARGS=... for flags)"
	@echo "make demo       the client against the mock: one-step, 3-D Secure, two-step, refunds, token, subscription, order"
	@echo "make bench      bounded benchmark of the mock (beside Stoplight Prism) and the client against bench/targets.toml (~2 min)"
	@echo "make fuzz       deep schemathesis run of the mock (FUZZ_EXAMPLES=1000 per operation, long stateful run); report in contract_tests/reports/fuzz/"
	@echo "make docs       redocly lint, then build docs/index.html (offline HTML reference) from $(SPEC)"
	@echo "make browser    install Debian's chromium for the browser tests (skipped when $(CHROMIUM) exists)"

setup: $(DEV_STAMP) $(NODE_STAMP)

# pyproject.toml names the direct pins; requirements.lock (made from it by `make lock`) pins every package with
# its hashes, so a fresh machine gets exactly the versions CI has.
$(DEV_STAMP): requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --disable-pip-version-check --quiet --require-hashes -r requirements.lock
	touch $@

# Re-resolve requirements.lock after a pin in pyproject.toml changed (needs the package index).
lock: setup
	$(VENV)/bin/uv pip compile pyproject.toml --python-version 3.11 --generate-hashes --no-header --quiet \
		-o requirements.lock

$(NODE_STAMP): package-lock.json
	npm ci --no-fund --no-audit
	touch $@

lint: setup
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy $(PY_DIRS)
	$(MAKE) --no-print-directory spec-lint
	$(MAKE) --no-print-directory lint-client

spec-lint: setup
	$(PY) -m openapi_spec_validator $(SPEC)
	$(REDOCLY) lint $(SPEC)

# docs and browser come before pytest: the browser tests open the reference in Debian's Chromium.
test: setup lint check-generated check-package consumer docs browser third-party-clients
	$(PY) -m generator api-check
	$(PY) -m pytest

# The fast loop while working: no wheel build, no docs render, no Chromium, no schemathesis runs. The generated
# client's drift check comes first: a spec change without `make generate` fails here, before anything else runs.
check: setup
	$(MAKE) --no-print-directory check-generated
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy $(PY_DIRS)
	$(PY) -m generator api-check
	$(PY) -m pytest -q -m "not browser and not slow and not node"

# ---------------------------------------------------------------------------
# Deeper property-based run of the mock, in process, before a release: FUZZ_EXAMPLES per operation (positive and
# negative, JSON and form) and a longer stateful run over the spec's links. Takes tens of minutes.
# Results in $(FUZZ_REPORTS): junit.xml, stateful.json (what the state machine reached) and summary.md.
FUZZ_EXAMPLES ?= 1000
FUZZ_SCENARIOS ?= 1500
FUZZ_STEPS ?= 20
FUZZ_REPORTS ?= contract_tests/reports/fuzz

fuzz: setup
	mkdir -p $(FUZZ_REPORTS)
	status=0; CONTRACT_MAX_EXAMPLES=$(FUZZ_EXAMPLES) CONTRACT_STATEFUL_EXAMPLES=$(FUZZ_SCENARIOS) CONTRACT_STATEFUL_RANDOM=1 \
		CONTRACT_STATEFUL_STEPS=$(FUZZ_STEPS) CONTRACT_REPORT_DIR=$(FUZZ_REPORTS) \
		$(PY) -m pytest -p no:cacheprovider contract_tests/contract/test_mock_schemathesis.py \
		contract_tests/contract/test_mock_stateful.py -o junit_family=xunit1 --junitxml=$(FUZZ_REPORTS)/junit.xml || status=$$?; \
	$(PY) -m contract_tests.contract.tools.fuzz_summary $(FUZZ_REPORTS) && exit $$status

# ---------------------------------------------------------------------------
# The schemathesis CLI against any running server: the mock (`make mock`), staging, or the API's test terminal.
#   make contract URL=http://127.0.0.1:8765 PUBLIC_ID=... API_SECRET=...
# The credentials reach schemathesis through the environment (contract_tests/contract/tools/schemathesis-live.toml),
# so they are never echoed or shown in a process list. JUnit report: $(CONTRACT_REPORTS)/junit.xml.
URL ?=
PUBLIC_ID ?=
API_SECRET ?=
CONTRACT_EXAMPLES ?= 50
CONTRACT_SEED ?= 1
CONTRACT_REPORTS ?= contract_tests/reports/contract

contract: export CONTRACT_PUBLIC_ID = $(PUBLIC_ID)
contract: export CONTRACT_API_SECRET = $(API_SECRET)
contract: setup
	@test -n "$(URL)" -a -n "$(PUBLIC_ID)" -a -n "$(API_SECRET)" || \
		{ echo "usage: make contract URL=http://host:port PUBLIC_ID=... API_SECRET=..." >&2; exit 2; }
	$(PY) -m contract_tests.contract.tools.live_preflight "$(URL)"
	$(VENV)/bin/schemathesis --config-file contract_tests/contract/tools/schemathesis-live.toml \
		run $(SPEC) --url "$(URL)" --max-examples $(CONTRACT_EXAMPLES) --seed $(CONTRACT_SEED) \
		--continue-on-failure --report junit --report-junit-path $(CONTRACT_REPORTS)/junit.xml

# ---------------------------------------------------------------------------
# The stateful mock (mock_server/): MOCK_ARGS passes flags, e.g. MOCK_ARGS="--port 9000 --max-concurrency 5".
MOCK_ARGS ?=

mock: setup
	$(PY) -m mock_server $(MOCK_ARGS)

# The scenario through the generated client: starts the mock on a free port, or uses the server named by
# CLOUDPAYMENTS_PUBLIC_ID, CLOUDPAYMENTS_API_SECRET and CLOUDPAYMENTS_BASE_URL. Exits non-zero if a step fails.
demo: setup
	PYTHONPATH=generated_client $(PY) -m demo

# Throughput, latency, client overhead and memory against bench/targets.toml; exits 1 when a target is missed.
# Not part of `make test`: timings belong in a benchmark, never in tests. Report: bench/reports/latest.{md,json}.
# Stoplight Prism, the reference the mock's speed is compared with, is pinned in bench/node/package-lock.json and
# installed there only for the benchmark (make test never needs it); --ignore-scripts: no install-time telemetry.
BENCH_ARGS ?=
BENCH_NODE := bench/node
BENCH_NODE_STAMP := $(BENCH_NODE)/node_modules/.stamp

$(BENCH_NODE_STAMP): $(BENCH_NODE)/package-lock.json
	npm ci --prefix $(BENCH_NODE) --no-fund --no-audit --ignore-scripts
	touch $@

bench: setup $(BENCH_NODE_STAMP)
	PYTHONPATH=generated_client $(PY) -m bench $(BENCH_ARGS)

# ---------------------------------------------------------------------------
# Documentation and the browser that checks it.

# docs/index.html is a build product (gitignored): lint, inject the client's Python examples, render.
docs: setup
	$(PY) -m docs.build

browser:
	@if [ -x $(CHROMIUM) ]; then \
		echo "chromium present: $(CHROMIUM)"; \
	else \
		SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
		$$SUDO apt-get update -qq; \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium; \
	fi

# ---------------------------------------------------------------------------
# The generated client (generator/ -> generated_client/, never edited by hand).

generate: setup
	$(PY) -m generator generate

check-generated: setup
	$(PY) -m generator check

# The wheel installs into a fresh venv with only its declared dependencies and imports.
check-package: setup
	$(PY) -m generator.package_check

# What a consuming team does: the client's and the mock's wheels and pytest in a fresh venv (a scratch folder,
# not .venv), then examples/consumer's tests there, through the mock's pytest plugin, away from this checkout.
consumer: setup docs
	$(PY) examples/run_consumer.py

# ---------------------------------------------------------------------------
# Third-party clients from PyPI, each in its own venv under $(CLIENTS_DIR)/<name>/ (never in the main .venv: their
# dependencies clash with ours, e.g. aiocloudpayments needs pydantic 1). contract_tests/mock/test_mock_third_party_clients.py
# runs each one's driver (contract_tests/third_party/<name>/drive.py) against the mock. A venv is made anew only when
# its requirements.txt (hash-pinned, compiled from requirements.in by lock-third-party-clients) changes.
CLIENTS_DIR := $(VENV)/clients
THIRD_PARTY := contract_tests/third_party
THIRD_PARTY_CLIENTS := cloudpayments cloudpayments_sdk aiocloudpayments
CLIENT_STAMPS := $(patsubst %,$(CLIENTS_DIR)/%/.stamp,$(THIRD_PARTY_CLIENTS))

third-party-clients: $(CLIENT_STAMPS)

$(CLIENTS_DIR)/%/.stamp: $(THIRD_PARTY)/%/requirements.txt | $(DEV_STAMP)
	rm -rf $(CLIENTS_DIR)/$*
	$(PYTHON) -m venv $(CLIENTS_DIR)/$*
	$(CLIENTS_DIR)/$*/bin/python -m pip install --disable-pip-version-check --quiet --require-hashes --no-deps \
		-r $<
	touch $@

# Needs the package index; then `make third-party-clients` rebuilds the venvs whose pins changed.
lock-third-party-clients: setup
	for client in $(THIRD_PARTY_CLIENTS); do \
		$(VENV)/bin/uv pip compile $(THIRD_PARTY)/$$client/requirements.in --python-version 3.11 --generate-hashes \
			--quiet --custom-compile-command "make lock-third-party-clients" \
			-o $(THIRD_PARTY)/$$client/requirements.txt || exit 1; \
	done

# Breaking changes since the last release (generator/releases/<version>/): the client's Python API (griffe) and
# the spec; fails on a break without a major version bump, a version that went down or no changelog entry.
# API_CHECK_ARGS=--write-changelog writes the changes into the version's generator/CHANGELOG.md entry.
API_CHECK_ARGS ?=

api-check: setup
	$(PY) -m generator api-check $(API_CHECK_ARGS)

# Records the release of generator/package.yaml's version: its API snapshot and the spec, in generator/releases/
# (after check-generated: the snapshot is of the package the spec makes).
release: setup check-generated
	$(PY) -m generator release

# Every top-level folder with a pyproject.toml is a package: its wheel and sdist into dist/ (gitignored), the
# versions in the file names, then a summary.
DIST_PACKAGES = $(patsubst %/pyproject.toml,%,$(wildcard */pyproject.toml))

dist: setup docs
	rm -rf dist
	for package in $(DIST_PACKAGES); do $(PY) -m build --quiet --outdir dist $$package || exit 1; done
	@echo "dist/ ($(DIST_PACKAGES)):"
	@cd dist && for file in *; do printf '  %-56s %8s bytes\n' "$$file" "$$(wc -c < $$file)"; done

# The fixture suites over a folder of recordings (the recording proxy's --record DIR).
check-recordings: setup
	@test -n "$(DIR)" || { echo "usage: make check-recordings DIR=folder"; exit 2; }
	$(PY) -m contract_tests.contract.recordings $(DIR)

# The package's own ruff settings (generated_client/pyproject.toml) and mypy --strict.
lint-client: setup
	cd generated_client && ../$(PY) -m ruff check . && ../$(PY) -m ruff format --check .
	cd generated_client && ../$(PY) -m mypy --strict cloudpayments_client
