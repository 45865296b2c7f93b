"""Read Odoo test logs and print the closing line `N passed, N failed, N skipped` for them all.

    test_summary.py SECRETS_FILE LOG RC DB [LOG RC DB ...]   (a log, Odoo's exit status, its database)

Exit status 1 when Odoo failed, a test failed or errored, a test was skipped (a tour that did not
run is a tour that proves nothing), no test ran at all, or a known secret appears in the log: a
secret of the test database (decrypted with the configured vault keys) or one the vault encrypted
during the tests (tests/common.py writes those, hex-encoded, to $CLIENT_HUB_TEST_SECRETS), or Odoo
warned about an unknown client_hub option.
"""

import hashlib
import os
import re
import subprocess
import sys

from cryptography.fernet import Fernet, InvalidToken
from devlib import vault_keys as configured_vault_keys

SUMMARY = re.compile(r"(\d+) failed, (\d+) error\(s\) of (\d+) tests when loading database")
SKIPPED = re.compile(r" INFO \S+ (odoo\.addons\.\S+): skipped (.*)")
FAILED = re.compile(r" (?:ERROR|CRITICAL) \S+ (odoo\.addons\.\S+): (?:FAIL|ERROR): (.*)")


MIN_SECRET_LENGTH = 6  # shorter test secrets ("s-1") would match log lines by chance


def vault_keys():
    keys = configured_vault_keys() or os.environ.get("CLIENT_HUB_VAULT_KEYS", "")
    return {
        hashlib.sha256(key.encode()).hexdigest()[:12]: Fernet(key) for key in keys.split(",") if key.strip()
    }


def database_secrets(db):
    rows = subprocess.run(
        [
            "psql",
            "-d",
            db,
            "-AtF",
            "\t",
            "-c",
            "SELECT secret_key_id, secret_ciphertext FROM res_partner_credential"
            " WHERE secret_ciphertext IS NOT NULL",
        ],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.splitlines()
    fernets, secrets = vault_keys(), set()
    for row in rows:
        key_id, _tab, ciphertext = row.partition("\t")
        if key_id in fernets:
            try:
                secrets.add(fernets[key_id].decrypt(ciphertext.encode()).decode())
            except InvalidToken:
                pass
    return secrets


def known_secrets(db, secrets_file):
    secrets = database_secrets(db) if db else set()
    if secrets_file and os.path.exists(secrets_file):
        with open(secrets_file, encoding="ascii") as lines:
            secrets |= {bytes.fromhex(line.strip()).decode() for line in lines if line.strip()}
    return {secret for secret in secrets if len(secret) >= MIN_SECRET_LENGTH}


def leaked_secrets(text, secrets):
    """(secret, line number) of the first log line showing each leaked secret."""
    lines = text.splitlines()
    leaks = []
    for secret in sorted(secrets):
        number = next((n for n, line in enumerate(lines, start=1) if secret in line), None)
        if number:
            leaks.append((secret, number))
    return leaks


def log_results(log_path, odoo_rc):
    """(passed, failed, skipped, total, text, problems) of one Odoo run."""
    with open(log_path, encoding="utf-8", errors="replace") as log:
        text = log.read()
    summary = SUMMARY.findall(text)
    skipped = SKIPPED.findall(text)
    failures = FAILED.findall(text)
    name = os.path.basename(log_path)
    if not summary:
        print(f"Odoo stopped before it reported test results: see .dev/{name}")
        return 0, 1, 0, 0, text, []
    failed, errors, total = (int(n) for n in summary[-1])
    failed += errors
    for _logger, test in failures:
        print(f"FAILED {test}")
    for _logger, reason in skipped:
        print(f"SKIPPED {reason}")
    passed = max(0, total - failed - len(skipped))  # subtests count failures one by one
    problems = []
    # The vault keys live in a [client_hub] section: Odoo must start without warning about them.
    if "unknown option 'client_hub" in text:
        problems.append(f"Odoo warned about an unknown client_hub option in [options] (see .dev/{name})")
    if int(odoo_rc) and not failed:
        problems.append(f"Odoo exited with status {odoo_rc} (see .dev/{name})")
    return passed, failed, len(skipped), total, text, problems


def main(secrets_file, *runs):
    passed = failed = skipped = total = 0
    problems = []
    for log_path, odoo_rc, db in zip(runs[::3], runs[1::3], runs[2::3], strict=True):
        run_passed, run_failed, run_skipped, run_total, text, run_problems = log_results(log_path, odoo_rc)
        if len(runs) > 3:
            print(f"{db}: {run_passed} passed, {run_failed} failed, {run_skipped} skipped")
        secrets = known_secrets(db, secrets_file)
        name = os.path.basename(log_path)
        for secret, number in leaked_secrets(text, secrets):
            # Never print the secret itself: the terminal is a log too.
            run_problems.append(f"a secret of {len(secret)} characters appears in .dev/{name}, line {number}")
        print(f"Secrets checked in the log of {db}: {len(secrets)}")
        passed, failed, skipped, total = (
            passed + run_passed,
            failed + run_failed,
            skipped + run_skipped,
            total + run_total,
        )
        problems += run_problems
    if total == 0:
        problems.append("no test ran")
    if skipped:
        problems.append("tests were skipped (is Chromium installed and websocket-client in .dev/venv?)")
    for problem in problems:
        print(f"make test: {problem}")
    print(f"{passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed or problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
