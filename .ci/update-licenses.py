#!/usr/bin/env python3
"""Replace the package tables of docs/licenses.md with the ones the license audit computed.

Run after adding or upgrading a package: `dotnet test tests/TradingBot.Conventions.Tests` writes
artifacts/licenses-tables.md when the document is out of date; review the diff, then commit.
"""
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parent.parent
doc = root / "docs" / "licenses.md"
tables = root / "artifacts" / "licenses-tables.md"
if not tables.exists():
    sys.exit("artifacts/licenses-tables.md not found: run `dotnet test tests/TradingBot.Conventions.Tests` first")
text = doc.read_text()
head = text[: text.index("## NuGet packages")]
doc.write_text(head + tables.read_text().rstrip("\n") + "\n")
print("docs/licenses.md updated")
