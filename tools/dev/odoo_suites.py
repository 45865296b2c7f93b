"""Odoo's own tests of the modules client_hub extends, with and without client_hub (`make odoo-suites`).

Two databases get the same Odoo modules (with demo data), one of them client_hub too, the other
client_hub's dependencies (so that what they change is in both). Then each runs Odoo's tests of
those modules, at_install tests included, once the whole registry is loaded: Odoo runs at_install
tests while their own module loads, before client_hub is in the registry, so they would prove
nothing about it. The report lists the failures only the client_hub database has (exit status 1
when there is one not in ON_PURPOSE, the documented ones), and those only the other one has.
Slow (the whole set takes about an hour on two cores): not in CI; try a subset with --modules.
"""

import argparse
import ast
import os
import re
import subprocess
import sys
import time
from collections import defaultdict

from devlib import DEV, ROOT, drop, run_odoo

MODULES = ["account", "project", "portal", "auth_signup", "rating", "account_debit_note", "l10n_pl_edi"]
# base's tests of partners (the rest of base's suite does not touch what client_hub extends).
BASE_CLASSES = [
    "TestPartner",
    "TestPartnerAddressCompany",
    "TestPartnerForm",
    "TestPartnerRecursion",
    "TestPartnerCategory",
    "TestResPartnerBank",
    "TestMergePartner",
]
# mail's tests of partners and of their users (the whole mail suite is discuss and mailing, hours long):
# find_or_create, mention suggestions, merge, portal log (test_res_partner), users' notification type
# and creation (test_res_users), partners' avatars seen by users, portal users and guests, mentions
# in a restricted channel.
MAIL_CLASSES = [
    "TestPartner",
    "TestUser",
    "TestNotifySecurityUpdate",
    "TestAvatarAcl",
    "TestDiscussMentionSuggestions",
]
# Failures only the client_hub database has, on purpose (docs/development.md says why): reported
# apart, they do not fail the run.
ON_PURPOSE = {
    # A rating of a contact is a client rating: only Client Hub users record one, and its token is
    # not found on Odoo's /rate pages (/client_hub/rate only).
    **dict.fromkeys(
        [
            "rating: ERROR: TestAccessRating.test_rating_access",
            "rating: ERROR: TestControllersRoute.test_controller_rating",
        ],
        "a plain internal user records a client rating",
    ),
    # The KSeF bridge writes KursWalutyZ on advance invoices only; Odoo's files have 1.0 on złoty ones.
    **dict.fromkeys(
        [
            "l10n_pl_edi: FAIL: TestL10nPlEdi.test_ksef_fa3_standard_vat",
            "l10n_pl_edi: FAIL: TestL10nPlEdi.test_payment_logic_fully_paid",
            "l10n_pl_edi: FAIL: TestL10nPlEdi.test_payment_logic_partial_mixed_methods",
            "l10n_pl_edi: FAIL: TestL10nPlEdi.test_scenario_correction_standard",
        ],
        "the KSeF bridge's KursWalutyZ on advance invoices only",
    ),
}
# "FAIL: TestX.test_y", "ERROR: Subtest TestX.test_y (…)", "ERROR: setUpClass (odoo.addons…TestX)"
OUTCOME = re.compile(r" (?:odoo\.addons\.(\S+?)|\S+): (FAIL|ERROR): (.+?)\s*$")
SUMMARY = re.compile(r"(\d+) failed, (\d+) error\(s\) of (\d+) tests")


def run_odoo_with_tests_after_loading(argv):
    """Odoo's command line, with the at_install tests moved after the registry is loaded: none while
    the modules load, all of them (then the post_install ones) once every module is loaded."""
    from odoo.tests import loader  # noqa: PLC0415
    from odoo.tests.suite import OdooSuite  # noqa: PLC0415

    make_suite = loader.make_suite

    def make_suite_after_loading(module_names, position="at_install"):
        if position == "at_install":
            return OdooSuite([])
        return OdooSuite([*make_suite(module_names, "at_install"), *make_suite(module_names, "post_install")])

    loader.make_suite = make_suite_after_loading
    sys.argv = ["odoo", *argv]
    import odoo.cli  # noqa: PLC0415

    odoo.cli.main()


def test_tags(modules, classes):
    """Odoo's --test-tags: every test of `modules`, and the named classes of other modules
    (`classes`: {module: [class, …]})."""
    return ",".join(
        [f"/{module}" for module in modules]
        + [f"/{module}:{name}" for module, names in classes.items() for name in names]
    )


def client_hub_depends():
    """The modules client_hub depends on (its manifest's `depends`)."""
    return ast.literal_eval((ROOT / "__manifest__.py").read_text())["depends"]


def install(db, modules, demo):
    print(f"==> Suites: installing {', '.join(modules)} in {db}", flush=True)
    drop(db)
    seconds = run_odoo("-d", db, "-i", ",".join(modules), *(["--with-demo"] if demo else []), quiet=True)
    print(f"    installed in {seconds / 60:.1f} min", flush=True)


def run_tests(db, tags, port, log):
    print(f"==> Suites: running {tags} on {db} (log: {log})", flush=True)
    log.unlink(missing_ok=True)  # Odoo appends to its log file: a previous run's failures would count
    start = time.perf_counter()
    subprocess.run(
        [
            str(DEV / "bin" / "python"),
            __file__,
            "--odoo",
            "-d",
            db,
            "--test-enable",
            "--test-tags",
            tags,
            "--stop-after-init",
            # One server, no cron: the tests' own HTTP requests only.
            *f"--http-port {port} --workers 0 --max-cron-threads 0 --log-level info --logfile".split(),
            str(log),
        ],
        check=False,
        cwd=ROOT,
    )
    print(f"    ran in {(time.perf_counter() - start) / 60:.1f} min", flush=True)
    return outcomes(log)


def outcomes(log):
    """(set of "module: FAIL|ERROR: test" lines, [failed, errors, tests]) of a test log."""
    failures, totals = set(), [0, 0, 0]
    for line in log.read_text(errors="replace").splitlines():
        if match := SUMMARY.search(line):
            totals = [int(number) for number in match.groups()]  # the last one counts them all
        elif " ERROR " in line and (match := OUTCOME.search(line)):
            module, kind, test = match.groups()
            module = module or next(iter(re.findall(r"odoo\.addons\.(\w+)", test)), "?")
            failures.add(f"{module.split('.')[0]}: {kind}: {test}")
    return failures, totals


def report(results, out):
    (with_name, (with_failures, with_totals)), (without_name, (without_failures, without_totals)) = results
    only_with = sorted(failure for failure in with_failures - without_failures if failure not in ON_PURPOSE)
    on_purpose = sorted(failure for failure in with_failures - without_failures if failure in ON_PURPOSE)
    only_without = sorted(without_failures - with_failures)
    lines = [
        f"{name}: {tests} tests, {failed} failed, {errors} errors"
        for name, (failed, errors, tests) in ((with_name, with_totals), (without_name, without_totals))
    ]
    lines.append(f"Failures only with client_hub ({len(only_with)}):")
    lines += [f"    {failure}" for failure in only_with] or ["    none"]
    if on_purpose:
        lines.append(
            f"Failures only with client_hub, on purpose (see docs/development.md) ({len(on_purpose)}):"
        )
        lines += [f"    {failure} ({ON_PURPOSE[failure]})" for failure in on_purpose]
    lines.append(f"Failures only without client_hub ({len(only_without)}):")
    lines += [f"    {failure}" for failure in only_without] or ["    none"]
    by_module = defaultdict(int)
    for failure in with_failures & without_failures:
        by_module[failure.split(":")[0]] += 1
    if by_module:
        shared = ", ".join(f"{module} {count}" for module, count in sorted(by_module.items()))
        lines.append(f"Failures of both databases (Odoo's own, not the module's): {shared}")
    text = "\n".join(lines)
    print(f"\n{text}")
    out.write_text(text + "\n")
    print(f"\n(written to {out})")
    return 1 if only_with else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modules", default=",".join(MODULES), help="comma-separated Odoo modules")
    parser.add_argument(
        "--base-classes",
        default=",".join(BASE_CLASSES),
        help="comma-separated test classes of base to run too ('' for none)",
    )
    parser.add_argument(
        "--mail-classes",
        default=",".join(MAIL_CLASSES),
        help="comma-separated test classes of mail to run too ('' for none)",
    )
    parser.add_argument(
        "--db",
        default=os.environ.get("SUITES_DB", "client_hub_suites"),
        help="prefix of the two databases (default: $SUITES_DB, else client_hub_suites)",
    )
    parser.add_argument("--port", type=int, default=int(os.environ.get("TEST_PORT", 8169)))
    parser.add_argument("--without-demo", action="store_true", help="install without demo data")
    parser.add_argument("--reuse", action="store_true", help="run on the databases of a previous run")
    args = parser.parse_args()
    modules = [module for module in args.modules.split(",") if module]
    classes = {
        "base": [name for name in args.base_classes.split(",") if name],
        "mail": [name for name in args.mail_classes.split(",") if name],
    }
    tags = test_tags(modules, classes)
    results = []
    # The other database gets client_hub's dependencies too (account, …): a failure they cause (an
    # Odoo module's override breaking another module's test) is then both databases', not client_hub's.
    without = [*modules, *(module for module in client_hub_depends() if module not in modules)]
    for name, installed in (("with client_hub", [*modules, "client_hub"]), ("without client_hub", without)):
        db = f"{args.db}_{'with' if 'client_hub' in installed else 'without'}"
        if not args.reuse:
            install(db, installed, not args.without_demo)
        results.append((name, run_tests(db, tags, args.port, DEV / f"odoo-suites-{db}.log")))
    return report(results, DEV / "odoo-suites.txt")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--odoo"]:
        run_odoo_with_tests_after_loading(sys.argv[2:])
    else:
        sys.exit(main())
