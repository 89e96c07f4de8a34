"""One load per process, however many threads ask first; and no network, ever."""
from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from datetime import date, timedelta
from decimal import Decimal

from localize.rates import RateTable
from localize.rates.ecb import EcbHistory, bundled_zip

PAIRS = [("USD", "JPY"), ("GBP", "EUR"), ("CYP", "USD"), ("ISK", "CHF"), ("RUB", "KRW")]
DAYS = [date(2003, 2, 1) + timedelta(days=211 * i) for i in range(40)]


def lookups(table: RateTable) -> list[tuple]:
    out = []
    for day in DAYS:
        for base, quote in PAIRS:
            rate = table.rate(base, quote, day)
            out.append(None if rate is None else (rate.value, rate.date))
    return out


def test_many_threads_on_a_cold_table_load_once_and_agree():
    history = EcbHistory(bundled_zip())   # fresh: nothing read yet
    table = RateTable(ecb=history)
    start = threading.Barrier(12)
    results: list[list[tuple]] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            start.wait()
            results.append(lookups(table))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert history.loads == 1
    assert len(results) == 12 and all(r == results[0] for r in results)
    assert results[0] == lookups(RateTable(ecb=EcbHistory(bundled_zip())))  # same as one thread
    assert any(r is not None and r[0] != Decimal(1) for r in results[0])


SCRIPT = textwrap.dedent("""
    import socket, sys, threading
    from datetime import date

    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")
    socket.socket.connect = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse

    from localize.rates import rate_table
    from localize.rates.ecb import history

    barrier = threading.Barrier(8)
    values = []
    def work():
        barrier.wait()
        values.append(rate_table().rate("USD", "JPY", date(2026, 6, 12)).value)
    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads: t.start()
    for t in threads: t.join()
    rate_table().rate("CYP", "TWD", None)
    print(history().loads, len(set(values)), len(values),
          "currency_converter" in sys.modules, "urllib.request" in sys.modules)
""")


def test_fresh_process_loads_once_without_network_or_the_converter_class():
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["1", "1", "8", "False", "False"]
