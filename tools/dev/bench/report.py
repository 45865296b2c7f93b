"""The bench's table: each measure, client_hub against vanilla, their ratio or difference and the
target; on screen and as Markdown for docs/performance.md."""

import os
import platform
from pathlib import Path

from devlib import psql

from .data import PORTAL_USERS


def ratio(module, vanilla):
    return module / vanilla if vanilla else float("nan")


def timed_row(label, module, vanilla, target, scale=1000):
    """A table row comparing the seconds of two measurements (in ms unless scale says otherwise)."""
    return (
        label,
        scale * module["seconds"],
        scale * vanilla["seconds"],
        ratio(module["seconds"], vanilla["seconds"]),
        target,
        "ratio",
    )


def rows(data):
    """(measure, module, vanilla, ratio, target) rows of the table."""
    if "survey" in data:
        survey = data["survey"]
        table = [
            timed_row(
                f"Survey cron to {data['clients']} clients ({survey['module']['mails']} mails) vs Odoo's "
                f"rating request on as many tasks ({survey['vanilla']['mails']} mails): s",
                survey["module"],
                survey["vanilla"],
                "≤ 1.5x",
                1,
            ),
            *survey_page_rows(data.get("survey_page")),
        ]
    elif "list" in data and "create" not in data:
        table = list_rows(data["list"])  # MODE=list
    elif "list" in data:
        table = main_rows(data)
    elif "correction" in data:
        table = correction_rows(data["correction"])
    else:
        table = []
    return table + scale_rows(data.get("scale")) + axis_rows(data.get("axis") or {})


def list_rows(lst):
    table = []
    for limit in (80, 400):
        module, vanilla = lst[f"module_{limit}"], lst[f"vanilla_{limit}"]
        table.append(
            (
                f"List {limit} rows: queries",
                module["queries"],
                vanilla["queries"],
                module["queries"] - vanilla["queries"],
                "≤ +2, same at 80 and 400",
                "diff",
            )
        )
        table.append(timed_row(f"List {limit} rows: ms", module, vanilla, "≤ 1.15x"))
    return table


def main_rows(data):
    lst, create, group, vault, portal = (data[k] for k in ("list", "create", "grouping", "vault", "portal"))
    correction = data["correction"]
    n = data["clients"]
    table = list_rows(lst)
    table.append(timed_row(f"Create {n} partners: s", create["module"], create["vanilla"], "≤ 1.25x", 1))
    for name in ("status", "category"):
        label = f"Group {group['partners']} by {name} + avg satisfaction vs by country: ms"
        table.append(timed_row(label, group[name], group["country"], "≤ 1.5x"))
    table.append(
        (
            f"Vault: encrypt + reveal {n} secrets: CPU s",
            vault["encrypt_reveal"]["cpu"],
            None,
            None,
            "≤ 1 s",
            "abs",
        )
    )
    table.append(
        (
            f"Vault: rotate {vault['stored_secrets']} secrets: s",
            vault["rotate"]["seconds"],
            None,
            None,
            "≤ 10 s",
            "abs",
        )
    )
    table.append(
        (
            f"Vault: ORM reveal with audit log, {vault['orm_reveal_sample']}: ms each",
            vault["orm_reveal"]["per_secret_ms"],
            None,
            None,
            "(information)",
            "abs",
        )
    )
    for count in PORTAL_USERS:
        home = portal[f"/my/home@{count}"]
        for path in ("/my/client", "/my/credentials"):
            page = portal[f"{path}@{count}"]
            table.append(
                (
                    f"Portal {path}, {count} records: queries",
                    page["queries"],
                    home["queries"],
                    None,
                    "same for 1 and 50",
                    "abs",
                )
            )
            table.append(timed_row(f"Portal {path}, {count} records: ms vs /my/home", page, home, "≤ 1.5x"))
    table.extend(correction_rows(correction))
    install = data["install"]
    table.append(
        (
            "Install client_hub (s) vs loading its dependencies' database",
            install["install"],
            install["load"],
            ratio(install["install"], install["load"]),
            "(information)",
            "ratio",
        )
    )
    project = data.get("project_install")
    if project:
        table.append(
            (
                "Install project (s) on top of the other dependencies vs installing those",
                project["project"],
                project["others"],
                ratio(project["project"], project["others"]),
                "(information)",
                "ratio",
            )
        )
    return table


def scale_rows(scale):
    """Install, update and uninstall on the big database against the small one."""
    table = []
    for action, target in (("install", "≤ 3x"), ("update", "≤ 2x"), ("uninstall", "≤ 3x")):
        if not scale:
            break
        big, small = scale[f"big_{action}"], scale[f"small_{action}"]
        label = f"{scale['partners']:,} partners vs {scale['small_partners']}"
        table.append(
            (
                f"{action.capitalize()} client_hub, {label}: s",
                big["seconds"],
                small["seconds"],
                ratio(big["seconds"], small["seconds"]),
                target,
                "ratio",
            )
        )
        table.append(
            (
                f"{action.capitalize()} client_hub, {label}: peak MB",
                big["memory_mb"],
                small["memory_mb"],
                ratio(big["memory_mb"], small["memory_mb"]),
                "(information)" if action != "install" else "≤ 350 MB",
                "ratio",
            )
        )
    return table


def axis_rows(axis):
    """At each size: the module's list, lookup, grouping and portal pages against Odoo's own."""
    table = []
    for size, result in axis.items():
        at = f"{int(size):,} partners"
        lst, lookup, group, portal = (result[k] for k in ("list", "lookup", "grouping", "portal"))
        for limit in (80, 400):
            label = f"{at}: Clients list {limit} rows vs Contacts list: ms"
            table.append(timed_row(label, lst[f"module_{limit}"], lst[f"vanilla_{limit}"], "≤ 1.15x"))
        label = f"{at}: client number lookup vs Contacts search: ms"
        table.append(timed_row(label, lookup["module"], lookup["vanilla"], "≤ 1.15x"))
        for name in ("status", "category"):
            label = f"{at}: group by {name} + avg satisfaction vs by country: ms"
            table.append(timed_row(label, group[name], group["country"], "≤ 1.5x"))
        for path in ("/my/client", "/my/credentials"):
            label = f"{at}: portal {path} vs /my/home: ms"
            table.append(timed_row(label, portal[f"{path}@50"], portal["/my/home@50"], "≤ 1.5x"))
    return table


def survey_page_rows(page):
    """The token page with N ratings of its client against 1: as many queries, about the time."""
    if not page:
        return []
    many, one = page[str(page["ratings"])], page["1"]
    label = f"Survey token page, its client with {page['ratings']} ratings vs 1"
    return [
        (
            f"{label}: queries",
            many["queries"],
            one["queries"],
            many["queries"] - one["queries"],
            "0 (constant)",
            "diff",
        ),
        timed_row(f"{label}: ms", many, one, "(information)"),
    ]


def correction_rows(correction):
    """The correction dialog and a partial correction vs Odoo's credit-note wizard."""
    lines, corrected = correction["lines"], correction["corrected"]
    cases = (
        (
            f"Correction dialog, {lines}-line invoice: ms vs credit-note wizard",
            "open_correction",
            "open_reversal",
        ),
        (
            f"Partial correction of {corrected} lines: ms vs credit note of the {lines} lines",
            "confirm_correction",
            "confirm_reversal",
        ),
    )
    table = [
        timed_row(label, correction[module], correction[vanilla], "≤ 1.5x")
        for label, module, vanilla in cases
    ]
    if "line_mode_correction" in correction:
        table.insert(
            1,
            (
                f"Correction dialog switched to line mode, {lines} lines: ms",
                1000 * correction["line_mode_correction"]["seconds"],
                None,
                None,
                "(information)",
                "abs",
            ),
        )
    return table


def number(value):
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3f}" if value < 10 else f"{value:.1f}"
    return str(value)


def print_table(data):
    header = ("Measure", "client_hub", "vanilla", "ratio / diff", "target")
    lines = [header, *((m, number(a), number(b), number(r), t) for m, a, b, r, t, _kind in rows(data))]
    widths = [max(len(str(line[i])) for line in lines) for i in range(len(header))]
    print(f"\nclient_hub benchmark — {data['machine']['summary']}, {data['date']}")
    for i, line in enumerate(lines):
        print("  ".join(str(cell).ljust(width) for cell, width in zip(line, widths, strict=True)))
        if i == 0:
            print("  ".join("-" * width for width in widths))
    print("\nAs a Markdown table (docs/performance.md):\n")
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" for _ in header) + "|")
    for line in lines[1:]:
        print("| " + " | ".join(str(cell) for cell in line) + " |")


def machine():
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = int(Path("/proc/meminfo").read_text().split()[1]) // 1024**2
    postgres = psql("postgres", "SHOW server_version") or "?"
    python = platform.python_version()
    summary = f"{cpu}, {os.cpu_count()} cores, {memory} GiB, PostgreSQL {postgres}, Python {python}"
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": memory,
        "postgresql": postgres,
        "summary": summary,
    }
