"""What the module costs at install and at scale: installing it against loading its dependencies'
database; install, update and uninstall with a million partners; the everyday pages at each size
of the scale axis."""

import os
import subprocess
import time

from devlib import ODOO, drop, odoo_env, psql, recreate, run_odoo

from .clients import bench_grouping, bench_list, bench_lookup
from .databases import DEPENDENCIES_WITHOUT_PROJECT, axis_number, ensure_axis_db, ensure_scale_db
from .measure import median_of, step
from .portal import bench_portal


def measure_install(base_db, repetitions):
    """Install client_hub on copies of the dependencies database vs just loading that database."""
    scratch = f"{base_db}_install"

    def once():
        recreate(scratch, base_db)
        load = run_odoo("-d", scratch, quiet=True)
        install = run_odoo("-d", scratch, "-i", "client_hub", quiet=True)
        return {"load": load, "install": install}

    result = median_of(repetitions, once)
    drop(scratch)
    return result


def measure_project_install(base_db):
    """What the `project` dependency costs at install: installing the other dependencies on an empty
    database, then project on top of them (once each: minutes)."""
    scratch = f"{base_db}_project"
    recreate(scratch)
    others = run_odoo("-d", scratch, "-i", DEPENDENCIES_WITHOUT_PROJECT, quiet=True)
    project = run_odoo("-d", scratch, "-i", "project", quiet=True)
    drop(scratch)
    return {"others": others, "project": project}


def measured_odoo(*args):
    """Run an Odoo command to its end: (wall seconds, peak memory in MB of its process)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [ODOO, *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"odoo {' '.join(args)} failed (exit {process.returncode})")
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def measure_install_at_scale(base_db, partners):
    """Install, update and uninstall client_hub on a copy of the dependencies' database with
    `partners` partners and on a copy without them: the module's cost should not grow with them."""
    big_db = f"{base_db}_{partners}"
    ensure_scale_db(big_db, base_db, partners)
    result = {"partners": partners, "small_partners": int(psql(base_db, "SELECT count(*) FROM res_partner"))}
    for size, template in (("small", base_db), ("big", big_db)):
        scratch = f"{template}_scratch"
        recreate(scratch, template)
        for action, args in (
            ("install", ("-d", scratch, "-i", "client_hub", "--stop-after-init", "--log-level", "warn")),
            ("update", ("-d", scratch, "-u", "client_hub", "--stop-after-init", "--log-level", "warn")),
            ("uninstall", ("module", "uninstall", "-d", scratch, "client_hub")),
        ):
            seconds, memory = measured_odoo(*args)
            result[f"{size}_{action}"] = {"seconds": seconds, "memory_mb": memory}
        drop(scratch)
    return result


def measure_axis(base_db, sizes, repetitions, port):
    """List, client-number lookup, grouping and portal pages at each size, each against vanilla
    at the same size (same database, Odoo's own list, search and page)."""
    results = {}
    for partners in sizes:
        db = f"{base_db}_axis_{partners}"
        ensure_axis_db(db, base_db, partners)
        result = {}
        with odoo_env(db) as env:
            step(f"  {partners:,} partners: list, lookup, grouping")
            result["list"] = bench_list(env, repetitions)
            result["lookup"] = bench_lookup(env, axis_number(partners), repetitions)
            result["grouping"] = bench_grouping(env, repetitions)
            env.cr.rollback()
        step(f"  {partners:,} partners: portal pages")
        result["portal"] = bench_portal(db, port, repetitions)
        results[str(partners)] = result
    return results
