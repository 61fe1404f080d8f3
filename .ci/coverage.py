#!/usr/bin/env python3
"""Merge coverlet cobertura files from every test project and print line coverage per product assembly.

A line counts as covered when any test project executed it. Targets: Core, Backtesting and Exchanges >= 80 %.
Source generators' output (files under obj/: the request delegate, logging, regex and OpenAPI generators) is not
counted: it is not our code, and the request delegate generator alone writes thousands of lines per route set.
"""
import glob
import os
import sys
import xml.etree.ElementTree as ET

TARGETS = {"TradingBot.Core": 80.0, "TradingBot.Backtesting": 80.0, "TradingBot.Exchanges": 80.0}


def is_generated(filename: str) -> bool:
    parts = filename.replace("\\", "/").split("/")
    return "obj" in parts or filename.endswith((".g.cs", ".generated.cs"))


def main(folder: str) -> int:
    lines = {}  # (package, filename, line) -> hit
    for path in glob.glob(os.path.join(folder, "**", "coverage.cobertura.xml"), recursive=True):
        root = ET.parse(path).getroot()
        for package in root.iter("package"):
            name = package.get("name", "?")
            if name == "tradingbot":
                name = "TradingBot.Cli (tradingbot)"
            if not name.startswith("TradingBot.") or name.endswith(".Tests") or name == "TradingBot.Testing":
                continue
            for cls in package.iter("class"):
                filename = cls.get("filename", "")
                if is_generated(filename):
                    continue
                for line in cls.iter("line"):
                    key = (name, filename, int(line.get("number", "0")))
                    lines[key] = lines.get(key, False) or int(line.get("hits", "0")) > 0
    if not lines:
        print("no coverage data found")
        return 0
    totals = {}
    for (package, _, _), hit in lines.items():
        covered, total = totals.get(package, (0, 0))
        totals[package] = (covered + (1 if hit else 0), total + 1)
    width = max(len(p) for p in totals)
    for package in sorted(totals):
        covered, total = totals[package]
        pct = 100.0 * covered / total
        target = TARGETS.get(package)
        mark = "" if target is None else ("  (target %.0f%%: %s)" % (target, "met" if pct >= target else "NOT met"))
        print(f"{package.ljust(width)}  {pct:6.2f}% of {total} lines{mark}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))
