"""client_hub against vanilla Odoo, side by side on the same database (`make bench`).

Every measurement is the median of several repetitions; each pair (module / vanilla) runs in
the same process, on the same data, alternately. Nothing here asserts a time: the table says
how the numbers compare with the targets of the benchmark issue, docs/performance.md explains
them. Run it with `PYTHONPATH=tools/dev .dev/bin/python -m bench all --clients 10000` (what
`make bench` does); one subcommand per mode (`-m bench --help`).

- databases.py: the databases measured (dependencies only, bench clients, scale, axis), built once
- data.py: the bench's clients and users, through the ORM
- measure.py: timing, medians, savepoints
- clients.py, vault.py, correction.py, portal.py, survey.py, install.py: the scenarios
- report.py: the table on screen and as Markdown
"""
