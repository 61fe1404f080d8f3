using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TradingBot.Backtesting.Data;
using TradingBot.Cli.Output;
using TradingBot.Core.Market;

namespace TradingBot.Cli.Commands;

/// <summary><c>tradingbot data synth|import</c>: make benchmark data and normalise candle files.</summary>
internal static class DataCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("data", "Generate or import candle data");
        command.Subcommands.Add(CreateSynth(console));
        command.Subcommands.Add(CreateImport(console));
        return command;
    }

    private static Command CreateSynth(IAnsiConsole console)
    {
        var bars = new Option<int>("--bars") { Description = "Number of bars", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed, same file)", DefaultValueFactory = _ => 42 };
        var output = new Option<string>("--out") { Description = "Output CSV file", Required = true };
        var start = new Option<string>("--start") { Description = "First bar time (UTC)", DefaultValueFactory = _ => "2020-01-01T00:00:00Z" };
        var timeframe = new Option<string>("--timeframe") { Description = "Bar length", DefaultValueFactory = _ => "1m" };
        var price = new Option<string>("--price") { Description = "Starting price", DefaultValueFactory = _ => "100" };
        var volatility = new Option<double>("--volatility") { Description = "Annualised volatility (0.8 = 80 %)", DefaultValueFactory = _ => 0.8 };
        var command = new Command("synth", "Write seeded geometric-Brownian-motion bars (1-minute by default)")
        {
            bars, seed, output, start, timeframe, price, volatility,
        };
        command.SetAction(parse =>
        {
            var count = parse.GetValue(bars);
            if (count is < 1 or > 50_000_000)
            {
                throw new UsageException($"--bars must be between 1 and 50,000,000, got {count}.");
            }

            var vol = parse.GetValue(volatility);
            if (vol is < 0 or > 10)
            {
                throw new UsageException($"--volatility must be between 0 and 10, got {vol}.");
            }

            var startTime = ParseTime(parse.GetValue(start)!, "--start");
            var step = ParseTimeframe(parse.GetValue(timeframe)!);
            var startPrice = ValueParsers.Decimal(parse.GetValue(price)!, "--price");
            if (startPrice <= 0m)
            {
                throw new UsageException("--price must be positive.");
            }

            var path = parse.GetValue(output)!;
            var process = new GeometricBrownianMotion(parse.GetValue(seed), startPrice, vol);
            int written = 0;
            console.Progress().AutoClear(true).Start(ctx =>
            {
                var task = ctx.AddTask("Generating", maxValue: count);
                using var stream = OutputFile.Create(path, "--out");
                using var writer = new StreamWriter(stream, bufferSize: 1 << 16);
                written = CsvCandleWriter.Write(writer, Track(process.Generate(count, startTime, step.Duration), task));
            });
            console.MarkupLineInterpolated($"Wrote [green]{written:N0}[/] {step} bars to [green]{path}[/]");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateImport(IAnsiConsole console)
    {
        var inputs = new Option<string[]>("--input")
        {
            Description = "Candle CSV file(s): any accepted layout, incl. Binance kline dumps (repeatable; joined in time order)",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var output = new Option<string>("--out") { Description = "Normalised output CSV", Required = true };
        var command = new Command("import", "Validate candle files and write one normalised CSV (timestamp,open,high,low,close,volume)")
        {
            inputs, output,
        };
        command.SetAction(parse =>
        {
            var parts = new List<Candle[]>();
            foreach (var file in parse.GetValue(inputs)!)
            {
                try
                {
                    parts.Add(CsvCandleReader.ReadFile(file));
                }
                catch (FileNotFoundException)
                {
                    throw new UsageException($"--input: file '{file}' does not exist.");
                }
                catch (CsvFormatException ex)
                {
                    throw new UsageException(ex.Message, ex);
                }
            }

            CandleMerge.Result merged;
            try
            {
                merged = CandleMerge.Merge(parts, parse.GetValue(inputs)!);
            }
            catch (CsvFormatException ex)
            {
                throw new UsageException(ex.Message, ex);
            }

            var path = parse.GetValue(output)!;
            using (var stream = OutputFile.Create(path, "--out"))
            using (var writer = new StreamWriter(stream))
            {
                CsvCandleWriter.Write(writer, merged.Candles);
            }

            console.MarkupLineInterpolated(
                $"Imported [green]{merged.Candles.Count:N0}[/] bars {merged.Candles[0].Time:O} .. {merged.Candles[^1].Time:O} to [green]{path}[/]");
            if (merged.Gaps > 0)
            {
                console.MarkupLineInterpolated($"[yellow]{merged.Gaps:N0} gap(s)[/] longer than the usual bar spacing ({merged.Spacing}); largest {merged.LargestGap}.");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    internal static DateTimeOffset ParseTime(string text, string option)
    {
        try
        {
            return CsvCandleReader.ParseTime(text.AsSpan().Trim(), option, 0, option);
        }
        catch (CsvFormatException)
        {
            throw new UsageException($"{option}: '{text}' is not an ISO-8601 time or Unix timestamp.");
        }
    }

    internal static Timeframe ParseTimeframe(string text)
    {
        try
        {
            return Timeframe.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new UsageException($"--timeframe: {ex.Message}", ex);
        }
    }

    private static IEnumerable<Candle> Track(IEnumerable<Candle> candles, ProgressTask task)
    {
        var n = 0;
        foreach (var candle in candles)
        {
            yield return candle;
            if (++n % 10_000 == 0)
            {
                task.Value = n;
            }
        }

        task.Value = n;
    }
}
