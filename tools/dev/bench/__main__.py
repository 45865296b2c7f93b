"""`python -m bench MODE`: one subcommand per mode, each printing the table (see __init__.py)."""

import argparse
import json
import sys
import time
from datetime import date

from devlib import DEV, odoo_env, setup_odoo

from . import __doc__ as DESCRIPTION
from .budgets import check
from .clients import bench_create, bench_grouping, bench_list
from .contract import bench_contract_list, ensure_contract_db, print_contract_table
from .correction import bench_correction
from .databases import ensure_bench_db, ensure_dependencies_db, ensure_module_db
from .install import measure_axis, measure_install, measure_install_at_scale, measure_project_install
from .measure import step
from .portal import bench_portal
from .report import machine, print_table
from .survey import bench_survey, bench_survey_page
from .vault import bench_vault


def header(**more):
    return {"date": date.today().isoformat(), "machine": machine(), **more}


def axis_sizes(args):
    return [int(size) for size in args.axis.split(",") if size.strip()]


def run_all(args, output="bench.json"):
    """Everything: the bench clients' pages and work, the portal, the install, scale and the axis."""
    base_db = f"{args.db}_base"
    ensure_dependencies_db(base_db)
    sizes = axis_sizes(args)
    ensure_bench_db(args.db, base_db, args.clients)
    data = {"clients": args.clients, "repetitions": args.repetitions, **header()}
    with odoo_env(args.db) as env:
        step("list page")
        data["list"] = bench_list(env, args.repetitions)
        step("bulk create")
        data["create"] = bench_create(env, args.clients, min(args.repetitions, 3))
        step("grouping")
        data["grouping"] = bench_grouping(env, args.repetitions)
        step("vault")
        data["vault"] = bench_vault(env, args.clients, args.repetitions)
        step("invoice correction")
        data["correction"] = bench_correction(env, args.repetitions)
        env.cr.rollback()
    step(f"portal pages (an Odoo server on 127.0.0.1:{args.port})")
    data["portal"] = bench_portal(args.db, args.port, args.repetitions)
    if args.skip_install:
        data["install"] = {"install": float("nan"), "load": float("nan")}
    else:
        installs = min(args.repetitions, 3)
        step(f"install ({installs} time(s) on a copy of the dependencies' database)")
        data["install"] = measure_install(base_db, installs)
        step("install of the project dependency (on an empty database, once)")
        data["project_install"] = measure_project_install(base_db)
    if args.scale_partners:
        step(f"install, update, uninstall with {args.scale_partners} partners and without")
        data["scale"] = measure_install_at_scale(base_db, args.scale_partners)
    if sizes:
        step(f"scale axis at {', '.join(f'{size:,}' for size in sizes)} partners")
        data["axis"] = measure_axis(base_db, sizes, args.repetitions, args.port)
    (DEV / output).write_text(json.dumps(data, indent=2, default=str))
    print_table(data)
    print(f"\nWritten: .dev/{output}")
    return data


def run_list(args):
    """The Clients list against the Contacts list only, on the bench clients' database."""
    base_db = f"{args.db}_base"
    ensure_dependencies_db(base_db)
    ensure_bench_db(args.db, base_db, args.clients)
    data = header(clients=args.clients, repetitions=args.repetitions)
    with odoo_env(args.db) as env:
        step("list page")
        data["list"] = bench_list(env, args.repetitions)
        env.cr.rollback()
    (DEV / "bench-list.json").write_text(json.dumps(data, indent=2, default=str))
    print_table(data)


def run_survey(args, update=True):
    """The satisfaction survey's cron against Odoo's rating request, and its token page."""
    step(f"satisfaction survey to {args.clients} clients vs Odoo's rating request on {args.clients} tasks")
    if update:
        ensure_module_db(args.db, f"{args.db}_base")
    data = header(clients=args.clients)
    with odoo_env(args.db) as env:
        data["survey"] = bench_survey(env, args.clients)
        env.cr.rollback()
    step(f"survey token page (an Odoo server on 127.0.0.1:{args.port})")
    data["survey_page"] = bench_survey_page(args.db, args.port, args.clients, args.repetitions)
    print_table(data)
    return data


def run_smoke(args):
    """Every scenario of `all` and the survey once, small (CI): fails on a query-count budget."""
    started = time.monotonic()
    data = run_all(args, output="bench-smoke.json")
    survey = run_survey(args, update=False)  # run_all has just updated the module in args.db
    failures = check({**data, "survey_page": survey["survey_page"]})
    minutes = (time.monotonic() - started) / 60
    if failures:
        print(f"\nBench smoke: {len(failures)} query budget(s) exceeded ({minutes:.1f} min):")
        print("\n".join(f"  - {failure}" for failure in failures))
        raise SystemExit(1)
    print(f"\nBench smoke: every scenario ran, every query budget holds ({minutes:.1f} min).")


def run_correction(args):
    """The correction dialog only (a quick check: client_hub installed, no clients)."""
    step(f"invoice correction on {args.db}")
    ensure_module_db(args.db, f"{args.db}_base")
    data = header()
    with odoo_env(args.db) as env:
        data["correction"] = bench_correction(env, args.repetitions)
        env.cr.rollback()
    print_table(data)


def run_contract(args):
    """The Clients list with the contract columns (OCA's contract) against the list without them."""
    db = f"{args.db}_contract"
    ensure_contract_db(db, f"{args.db}_base", args.clients)
    step(f"Clients list with and without the contract columns on {db}")
    with odoo_env(db) as env:
        data = bench_contract_list(env, args.repetitions)
        env.cr.rollback()
    print_contract_table(data, args.clients)


def run_axis(args):
    """The scale axis only: list, lookup, grouping and portal pages at each size."""
    base_db = f"{args.db}_base"
    ensure_dependencies_db(base_db)
    sizes = axis_sizes(args)
    step(f"scale axis at {', '.join(f'{size:,}' for size in sizes)} partners")
    data = header(repetitions=args.repetitions)
    data["axis"] = measure_axis(base_db, sizes, args.repetitions, args.port)
    (DEV / "bench-axis.json").write_text(json.dumps(data, indent=2, default=str))
    print_table(data)


def run_scale(args):
    """Install, update and uninstall only, with `--scale-partners` partners and without."""
    base_db = f"{args.db}_base"
    ensure_dependencies_db(base_db)
    step(f"install, update, uninstall with {args.scale_partners} partners and without")
    data = header()
    data["scale"] = measure_install_at_scale(base_db, args.scale_partners)
    print_table(data)


def common_options():
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--clients", type=int, default=10000, help="N: clients (10xN partners for grouping)")
    common.add_argument("--repetitions", type=int, default=5, help="repetitions of each measurement")
    common.add_argument(
        "--db",
        default="client_hub_bench",
        help="the bench database (its dependencies' database is DB_base); only these two are touched",
    )
    common.add_argument("--port", type=int, default=8269, help="the port of the Odoo server for pages")
    return common


def scale_options():
    scale = argparse.ArgumentParser(add_help=False)
    scale.add_argument(
        "--scale-partners",
        type=int,
        default=1_000_000,
        help="install/update/uninstall on a database with this many partners (0: skip)",
    )
    return scale


def axis_options():
    axis = argparse.ArgumentParser(add_help=False)
    axis.add_argument(
        "--axis",
        default="10000,100000,1000000",
        help="partner counts of the scale axis: list, lookup, grouping, portal at each ('': skip)",
    )
    return axis


def parser():
    main = argparse.ArgumentParser(prog="bench", description=DESCRIPTION.splitlines()[0])
    modes = main.add_subparsers(dest="mode", required=True, metavar="MODE")
    # The options' parsers are made anew for each mode: argparse shares a parent's actions between
    # the parsers made from it, so the smoke's defaults set on shared actions became every mode's
    # (a plain `make bench` measured 300 clients on the smoke's database).
    for name, run, parents in (
        ("all", run_all, (common_options, scale_options, axis_options)),
        ("list", run_list, (common_options,)),
        ("survey", run_survey, (common_options,)),
        ("correction", run_correction, (common_options,)),
        ("contract", run_contract, (common_options,)),
        ("axis", run_axis, (common_options, axis_options)),
        ("scale", run_scale, (common_options, scale_options)),
        ("smoke", run_smoke, (common_options, scale_options, axis_options)),
    ):
        mode = modes.add_parser(
            name, parents=[options() for options in parents], help=run.__doc__.splitlines()[0]
        )
        mode.set_defaults(run=run)
        if name == "smoke":
            # A few minutes on 2 cores: a few hundred clients, each measurement once, small scale
            # and axis databases; its own databases, beside the bench's. The axis database holds
            # 700 clients: more than the 400 rows of a list page, whose count query Odoo skips
            # when the page is not full (one query less than at 80 rows).
            mode.set_defaults(
                clients=300, repetitions=1, scale_partners=2000, axis="5000", db="client_hub_smoke"
            )
            mode.set_defaults(skip_install=False)  # the install is a scenario of `all`
        if name == "all":
            mode.add_argument(
                "--skip-install", action="store_true", help="do not measure the install (saves minutes)"
            )
    return main


def main():
    args = parser().parse_args()
    setup_odoo()
    args.run(args)


if __name__ == "__main__":
    sys.exit(main())
