# client_hub development: `make demo` to try it, `make test` to check it. Everything lives in .dev/.
SHELL := /bin/bash
SETUP := tools/dev/setup.sh
WORKERS ?= 0
export WORKERS

.PHONY: help env demo demo-pl test pytest screenshots lint i18n bench load odoo-suites upgrade-check wheels wheel-check clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

env: ## set up PostgreSQL, Odoo 19, .dev/venv and .dev/odoo.conf
	@$(SETUP) all

demo: env ## create or update the demo database and serve it on http://127.0.0.1:8069
	@$(SETUP) pdf
	@tools/dev/demo.sh

demo-pl: env ## the same with a Polish main company (client_hub_demo_pl): Polish chart, KSeF and the bridge client_hub_l10n_pl_edi
	@$(SETUP) pdf
	@DEMO_DB=client_hub_demo_pl DEMO_COUNTRY=PL tools/dev/demo.sh

test: env ## run the whole test suite (with browser tours) on a fresh database
	@$(SETUP) chromium pdf
	@tools/dev/run_tests.sh

pytest: env ## Python tests with pytest-odoo on a prepared database: make pytest [ARGS="tests/test_x.py -k name"]
	@ARGS='$(ARGS)' tools/dev/pytest.sh

screenshots: env ## README's pictures from a fresh demo database, with Chromium: make screenshots [SHOTS_ARGS="--lang ru_RU --portal-width 390 --out docs/screenshots/ru_RU"]
	@$(SETUP) chromium playwright pdf
	@.dev/bin/python tools/dev/screenshots.py $(SHOTS_ARGS)

lint: env ## pre-commit: ruff, pylint-odoo, OCA checks, XML, translations
	@PATH="$(CURDIR)/.dev/venv/bin:$$PATH" pre-commit run --all-files --show-diff-on-failure

i18n: env ## export i18n/client_hub.pot from the code and merge it into the .po files
	@tools/dev/i18n.sh update

bench: env ## benchmark against vanilla Odoo: make bench [MODE=all|list|survey|correction|contract|axis|scale|smoke] [N=10000] [REPS=5] [BENCH_DB=client_hub_bench] [BENCH_PORT=8269]
	@PYTHONPATH=$(CURDIR)/tools/dev .dev/bin/python -m bench $(or $(MODE),all) \
		$(if $(N),--clients $(N)) $(if $(REPS),--repetitions $(REPS)) $(if $(BENCH_DB),--db $(BENCH_DB)) \
		$(if $(BENCH_PORT),--port $(BENCH_PORT)) $(BENCH_ARGS)

load: env ## 20 portal, 5 back-office and 10 hot-spot reveal sessions for 30 s against Odoo, on loopback: make load [NODES=2] [REPLICA=1]
	@.dev/bin/python tools/dev/load.py --workers $(if $(filter 0,$(WORKERS)),2,$(WORKERS)) \
		--nodes $(or $(NODES),1) $(if $(filter 1,$(REPLICA)),--replica) $(LOAD_ARGS)

odoo-suites: env ## Odoo's own tests of the modules client_hub extends, with and without it (slow, not in CI): make odoo-suites [MODULES=auth_signup,account_debit_note]
	@.dev/bin/python tools/dev/odoo_suites.py $(if $(MODULES),--modules $(MODULES)) $(SUITES_ARGS)

upgrade-check: env ## update client_hub twice and uninstall it: no data lost, secrets still readable
	@.dev/bin/python tools/dev/upgrade_check.py

wheels: env ## the wheels of client_hub and its bridges (OCA's whool) into dist/: odoo-addon-client_hub, …
	@rm -rf dist && .dev/venv/bin/python -m pip wheel -q --disable-pip-version-check --no-deps --wheel-dir dist . bridges/*/
	@ls dist

wheel-check: wheels ## pip install the wheels into a new virtual environment beside Odoo, install client_hub from there
	@tools/dev/wheel_check.sh

clean: ## drop the dev databases and remove .dev (downloads included)
	@-dropdb --if-exists --force client_hub_demo; dropdb --if-exists --force client_hub_demo_pl; dropdb --if-exists --force client_hub_test; dropdb --if-exists --force client_hub_test_pl; dropdb --if-exists --force client_hub_i18n
	@-for db in client_hub_bench client_hub_bench_base client_hub_bench_base_install client_hub_load client_hub_upgrade client_hub_pytest client_hub_shots client_hub_bench_base_1000000 client_hub_bench_base_1000000_scratch client_hub_bench_base_scratch client_hub_bench_base_axis_10000 client_hub_bench_base_axis_100000 client_hub_bench_base_axis_1000000 client_hub_suites_with client_hub_suites_without client_hub_bench_base_project client_hub_smoke client_hub_smoke_base client_hub_smoke_base_install client_hub_smoke_base_project client_hub_smoke_base_2000 client_hub_smoke_base_scratch client_hub_smoke_base_2000_scratch client_hub_smoke_base_axis_5000 client_hub_wheel; do dropdb --if-exists --force $$db; done
	@rm -rf .dev dist
