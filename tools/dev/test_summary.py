"""Read an Odoo test log and print the closing line `N passed, N failed, N skipped`.

Exit status 1 when Odoo failed, a test failed or errored, a test was skipped (a tour that did not
run is a tour that proves nothing), or no test ran at all.
"""

import re
import sys

SUMMARY = re.compile(r"(\d+) failed, (\d+) error\(s\) of (\d+) tests when loading database")
SKIPPED = re.compile(r" INFO \S+ (odoo\.addons\.\S+): skipped (.*)")
FAILED = re.compile(r" (?:ERROR|CRITICAL) \S+ (odoo\.addons\.\S+): (?:FAIL|ERROR): (.*)")


def main(log_path, odoo_rc):
    with open(log_path, encoding="utf-8", errors="replace") as log:
        text = log.read()
    summary = SUMMARY.findall(text)
    skipped = SKIPPED.findall(text)
    failures = FAILED.findall(text)
    if not summary:
        print("Odoo stopped before it reported test results: see .dev/test.log")
        print("0 passed, 1 failed")
        return 1
    failed, errors, total = (int(n) for n in summary[-1])
    failed += errors
    for _logger, name in failures:
        print(f"FAILED {name}")
    for _logger, reason in skipped:
        print(f"SKIPPED {reason}")
    passed = total - failed - len(skipped)
    problems = []
    if total == 0:
        problems.append("no test ran")
    if skipped:
        problems.append("tests were skipped (is Chromium installed and websocket-client in .dev/venv?)")
    if int(odoo_rc) and not failed:
        problems.append(f"Odoo exited with status {odoo_rc}")
    for problem in problems:
        print(f"make test: {problem}")
    print(f"{passed} passed, {failed} failed, {len(skipped)} skipped")
    return 1 if failed or problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
