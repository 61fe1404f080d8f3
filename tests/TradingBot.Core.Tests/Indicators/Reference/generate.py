#!/usr/bin/env python3
"""Independent reference values for TradingBot's streaming indicators.

Reads GOOG.csv (the shared sample data, ../shared/data next to the repository) and computes every indicator
directly from its textbook definition, bar by bar, with no running sums and no shared state between bars:

* SMA(n)       mean of the last n closes (math.fsum, so the window sum is correctly rounded).
* EMA(n)       alpha = 2/(n+1), seeded by the SMA of the first n closes. Written in closed form,
               EMA_t = (1-a)^(t-s) * seed + sum_{j=s+1..t} a (1-a)^(t-j) x_j  (s = n-1, the seed bar),
               so it does not share the recursion the streaming code uses.
* RSI(n)       Wilder: average gain and loss of the price changes, seeded by the mean of the first n changes,
               then smoothed with a = 1/n (the same closed form). RSI = 100 - 100/(1 + gain/loss);
               100 when there is no loss, 50 when there is no movement at all. First value at bar n.
* Bollinger    middle = SMA(n), sigma = population standard deviation of the window (two-pass), bands at
               middle +/- k*sigma.
* ATR(n)       Wilder average of the true range max(H-L, |H-C_prev|, |L-C_prev|) from bar 1 on, seeded by the
               mean of the first n true ranges (first value at bar n), closed form as above.
* MACD         line = EMA(fast) - EMA(slow) from the bar where EMA(slow) exists; signal = EMA(signal) of the
               line (seeded by the mean of the first `signal` line values); histogram = line - signal.
* Donchian(n)  highest high, lowest low of the last n bars (current bar included) and their mean.

Values that do not exist yet (warm-up) are written as empty fields. Floats are written with repr(), which
round-trips exactly. Standard library only.

Usage: python3 generate.py [path/to/GOOG.csv]   (writes expected.csv next to this script)
"""

import csv
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_INPUT = os.path.join(HERE, "..", "..", "..", "..", "..", "shared", "data", "GOOG.csv")
OUTPUT = os.path.join(HERE, "expected.csv")

SMA_PERIODS = (10, 200)
EMA_PERIODS = (10, 50)
RSI_PERIODS = (2, 14)
BOLLINGER = (20, 2.0)
ATR_PERIOD = 14
MACD = (12, 26, 9)
DONCHIAN_PERIOD = 20


def read_bars(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header = [h.strip().lower() for h in rows[0]]
    col = {name: header.index(name) for name in ("open", "high", "low", "close")}
    bars = []
    for row in rows[1:]:
        if not row:
            continue
        bars.append({
            "date": row[0],
            "high": float(row[col["high"]]),
            "low": float(row[col["low"]]),
            "close": float(row[col["close"]]),
        })
    return bars


def sma(values, n):
    return [math.fsum(values[i - n + 1:i + 1]) / n if i >= n - 1 else None for i in range(len(values))]


def seeded_smoothing(values, start, n, alpha):
    """Exponential smoothing of values[start:], seeded at values index start+n-1 by the mean of the first n.

    Evaluated in closed form for every bar: the seed decays by (1-alpha) per bar and every later value enters
    with weight alpha (1-alpha)^age.
    """
    out = [None] * len(values)
    seed_index = start + n - 1
    if seed_index >= len(values):
        return out
    seed = math.fsum(values[start:seed_index + 1]) / n
    keep = 1.0 - alpha
    for t in range(seed_index, len(values)):
        terms = [seed * keep ** (t - seed_index)]
        terms.extend(alpha * keep ** (t - j) * values[j] for j in range(seed_index + 1, t + 1))
        out[t] = math.fsum(terms)
    return out


def ema(values, n, start=0):
    return seeded_smoothing(values, start, n, 2.0 / (n + 1))


def rsi(closes, n):
    out = [None] * len(closes)
    gains = [0.0] + [max(closes[i] - closes[i - 1], 0.0) for i in range(1, len(closes))]
    losses = [0.0] + [max(closes[i - 1] - closes[i], 0.0) for i in range(1, len(closes))]
    avg_gain = seeded_smoothing(gains, 1, n, 1.0 / n)
    avg_loss = seeded_smoothing(losses, 1, n, 1.0 / n)
    for t in range(len(closes)):
        g, l = avg_gain[t], avg_loss[t]
        if g is None:
            continue
        if l == 0.0:
            out[t] = 50.0 if g == 0.0 else 100.0
        else:
            out[t] = 100.0 - 100.0 / (1.0 + g / l)
    return out


def bollinger(closes, n, k):
    middle, upper, lower, sigma = ([None] * len(closes) for _ in range(4))
    for i in range(n - 1, len(closes)):
        window = closes[i - n + 1:i + 1]
        mean = math.fsum(window) / n
        sd = math.sqrt(math.fsum((x - mean) ** 2 for x in window) / n)
        middle[i], upper[i], lower[i], sigma[i] = mean, mean + k * sd, mean - k * sd, sd
    return middle, upper, lower, sigma


def atr(bars, n):
    true_ranges = [0.0]
    for i in range(1, len(bars)):
        h, l, pc = bars[i]["high"], bars[i]["low"], bars[i - 1]["close"]
        true_ranges.append(max(h - l, abs(h - pc), abs(l - pc)))
    return seeded_smoothing(true_ranges, 1, n, 1.0 / n)


def macd(closes, fast, slow, signal):
    fast_ema, slow_ema = ema(closes, fast), ema(closes, slow)
    first = slow - 1
    line = [fast_ema[i] - slow_ema[i] if i >= first else None for i in range(len(closes))]
    padded = [x if x is not None else 0.0 for x in line]
    signal_line = ema(padded, signal, start=first)
    histogram = [line[i] - signal_line[i] if signal_line[i] is not None else None for i in range(len(closes))]
    return line, signal_line, histogram


def donchian(bars, n):
    upper, lower, middle = ([None] * len(bars) for _ in range(3))
    for i in range(n - 1, len(bars)):
        window = bars[i - n + 1:i + 1]
        upper[i] = max(b["high"] for b in window)
        lower[i] = min(b["low"] for b in window)
        middle[i] = (upper[i] + lower[i]) / 2.0
    return upper, lower, middle


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_INPUT
    bars = read_bars(source)
    closes = [b["close"] for b in bars]
    columns = {}
    for n in SMA_PERIODS:
        columns[f"sma{n}"] = sma(closes, n)
    for n in EMA_PERIODS:
        columns[f"ema{n}"] = ema(closes, n)
    for n in RSI_PERIODS:
        columns[f"rsi{n}"] = rsi(closes, n)
    n, k = BOLLINGER
    (columns[f"bb{n}_middle"], columns[f"bb{n}_upper"], columns[f"bb{n}_lower"],
     columns[f"bb{n}_sigma"]) = bollinger(closes, n, k)
    columns[f"atr{ATR_PERIOD}"] = atr(bars, ATR_PERIOD)
    fast, slow, signal = MACD
    columns["macd_line"], columns["macd_signal"], columns["macd_histogram"] = macd(closes, fast, slow, signal)
    n = DONCHIAN_PERIOD
    columns[f"donchian{n}_upper"], columns[f"donchian{n}_lower"], columns[f"donchian{n}_middle"] = donchian(bars, n)

    with open(OUTPUT, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["date", "high", "low", "close", *columns])
        for i, bar in enumerate(bars):
            values = [columns[name][i] for name in columns]
            writer.writerow([bar["date"], repr(bar["high"]), repr(bar["low"]), repr(bar["close"]),
                             *("" if v is None else repr(v) for v in values)])
    print(f"wrote {len(bars)} rows x {len(columns)} indicators to {OUTPUT}")


if __name__ == "__main__":
    main()
