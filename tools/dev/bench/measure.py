"""How one measurement is taken: wall time, CPU time and SQL queries; medians; rollbacks."""

import contextlib
import statistics
import time

STARTED = time.monotonic()


def step(message):
    elapsed = int(time.monotonic() - STARTED)
    print(f"==> Bench [{elapsed // 60}:{elapsed % 60:02}]: {message}", flush=True)


def median_of(repetitions, measure):
    """Run measure() `repetitions` times; return the median of each key of its result dicts."""
    runs = [measure() for _ in range(repetitions)]
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def medians_interleaved(repetitions, measures):
    """Like median_of for each of `measures` ({name: measure}), run in turn within each repetition
    (A, B, A, B…): a drift of the machine during the run weighs on every side alike."""
    runs = {name: [] for name in measures}
    for _ in range(repetitions):
        for name, measure in measures.items():
            runs[name].append(measure())
    return {
        name: {key: statistics.median(run[key] for run in results) for key in results[0]}
        for name, results in runs.items()
    }


def timed(env, call):
    """Wall time, CPU time and SQL queries of call()."""
    cr = env.cr
    queries, wall, cpu = cr.sql_log_count, time.perf_counter(), time.process_time()
    call()
    return {
        "seconds": time.perf_counter() - wall,
        "cpu": time.process_time() - cpu,
        "queries": cr.sql_log_count - queries,
    }


@contextlib.contextmanager
def savepoint(env):
    """Everything done inside is rolled back, the caches too."""
    env.flush_all()
    env.cr.execute("SAVEPOINT bench")
    try:
        yield
    finally:
        env.invalidate_all()
        env.cr.execute("ROLLBACK TO SAVEPOINT bench")
