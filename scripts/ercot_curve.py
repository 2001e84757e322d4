#!/usr/bin/env python3
"""Compile an hourly price CSV into Texas's seed duration curves, src/model/ercot_hb_west_2025.txt.

Input: a CSV with columns `timestamp` (ISO 8601, UTC, hour-beginning, e.g. 2025-01-01T00:00:00Z) and
`usd_per_mwh`. The shipped curve comes from HB_WEST_2025.csv: ERCOT real-time LMP at the West hub
(HB_WEST), hourly, 2025, 8 759 rows (the repeated fall-back hour is merged in the source). Public copy:
GitHub thewanderingbearkat/ercot-basis-tracker at commit ae84e048907359ca2193a753336b0015e62d00db, file
congestion_model/nbohr_hourly.csv, column HUB, converted to UTC hour-beginning. Licence status: that
repository states no licence, and its numbers come from Yes Energy (a commercial vendor) although the
underlying prices are ERCOT public market data (reports NP6-785-ER / NP6-905-CD); re-derive the same
series from ERCOT's public RTMLZHBSPP archive before relying on it commercially.

Output format (read by src/model/profile/text.rs, `texas_seed_profile`): one line per calendar month in
Central time (America/Chicago), January to December:

    <month 1-12> <count> <first> <deltas>

The month's prices are quantized to $0.1/MWh (0.0001 USD/kWh) as integers and sorted ascending;
<first> is the smallest, in decimal (may be negative), and <deltas> are the differences between
consecutive prices, one character each from the alphabet 0-9 a-z A-Z (0..61), or a larger difference
in decimal between parentheses, e.g. `(1234)`. Lines starting with `#` are comments.

Usage: python3 scripts/ercot_curve.py HB_WEST_2025.csv src/model/ercot_hb_west_2025.txt
Stdlib only; it prints the count, mean, min, max and share of hours above $100/MWh of the CSV and of
the compiled curve, so the quantization can be checked.
"""

import csv
import datetime as dt
import sys

ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def nth_sunday(year, month, n):
    """The n-th Sunday of a month, as a date."""
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(6 - first.weekday()) % 7 + 7 * (n - 1))


def central_month(utc):
    """Calendar month in America/Chicago of a naive UTC datetime (US DST rule since 2007)."""
    # Daylight time runs from 02:00 CST on the second Sunday of March (08:00 UTC) to 02:00 CDT on the
    # first Sunday of November (07:00 UTC).
    start = dt.datetime.combine(nth_sunday(utc.year, 3, 2), dt.time(8))
    end = dt.datetime.combine(nth_sunday(utc.year, 11, 1), dt.time(7))
    offset_h = 5 if start <= utc < end else 6
    return (utc - dt.timedelta(hours=offset_h)).month


def encode_delta(delta):
    return ALPHABET[delta] if delta < len(ALPHABET) else f"({delta})"


def stats(label, usd_per_mwh):
    n = len(usd_per_mwh)
    mean = sum(usd_per_mwh) / n
    above = sum(1 for p in usd_per_mwh if p > 100.0) / n
    print(
        f"{label}: count {n}, mean {mean:.4f} USD/MWh, min {min(usd_per_mwh):.2f}, "
        f"max {max(usd_per_mwh):.2f}, share above $0.10/kWh {100 * above:.3f} %"
    )
    return mean


def main(source, target):
    months = {m: [] for m in range(1, 13)}
    raw = []
    with open(source, newline="") as f:
        for row in csv.DictReader(f):
            utc = dt.datetime.strptime(row["timestamp"], "%Y-%m-%dT%H:%M:%SZ")
            price = float(row["usd_per_mwh"])
            raw.append(price)
            months[central_month(utc)].append(round(price * 10))
    lines = []
    for month, tenths in months.items():
        tenths.sort()
        deltas = "".join(encode_delta(b - a) for a, b in zip(tenths, tenths[1:]))
        lines.append(f"{month} {len(tenths)} {tenths[0]} {deltas}")
    with open(target, "w") as f:
        f.write("\n".join(lines) + "\n")
    mean_csv = stats("csv     ", raw)
    mean_curve = stats("compiled", [t / 10 for tenths in months.values() for t in tenths])
    print(f"quantization error of the mean: {mean_curve - mean_csv:+.5f} USD/MWh")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
