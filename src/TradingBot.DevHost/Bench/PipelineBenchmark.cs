using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using TradingBot.Core.Market;
using TradingBot.Core.Messages;
using TradingBot.DevHost.Handler;
using TradingBot.DevHost.Protocol;
using TradingBot.DevHost.ServiceBus;
using TradingBot.Storage;
using TradingBot.Storage.Candles;
using TradingBot.Storage.Config;
using TradingBot.Storage.Tables;

namespace TradingBot.DevHost.Bench;

/// <summary>
/// <c>--bench</c>: measures the pipeline in the DevHost on this machine against issue 6's targets and prints the
/// numbers with the machine facts.
/// <list type="number">
/// <item>Handler cold start: process start → first 200 from <c>GET /api/health</c> (5 starts).</item>
/// <item>Latency: candle events published at 100/s to <c>market-data</c>; for every order they cause, the time from the
/// candle's publication to the completion of its <c>ExecuteOrders</c> delivery (the order is at the venue).</item>
/// <item>Throughput: a burst of candle events; events per second until every stage's subscription is drained.</item>
/// </list>
/// Candles are stored first (as IngestMarketData would) so strategies evaluate real windows; the strategies are
/// fast SMA crosses so many candles lead to orders; risk limits that would stop a long run (order rate, candle age,
/// loss halts) are opened wide. Azurite in memory, the timers disabled (the benchmark is the ingestion).
/// </summary>
public static class PipelineBenchmark
{
    private const string Venue = "paper";
    private const double LatencyRate = 100;
    private const int LatencyEventsPerSymbol = 1000;
    private const int ThroughputEventsPerSymbol = 2000;
    private const int WarmupEventsPerSymbol = 100;
    private const int HistoryBars = 60;
    private static readonly Symbol[] Symbols = [Symbol.Parse("BTC/USDT"), Symbol.Parse("ETH/USDT"), Symbol.Parse("SOL/USDT")];

    public static async Task<int> RunAsync(DevHostOptions options, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var loadBefore = MachineFacts.LoadAverage();
        var prefix = "bench" + Guid.NewGuid().ToString("N")[..8];
        var settings = new Dictionary<string, string>(options.Settings, StringComparer.OrdinalIgnoreCase)
        {
            ["AzureWebJobs.IngestMarketData.Disabled"] = "true",
            ["AzureWebJobs.ReconcileOrders.Disabled"] = "true",
            ["Storage__TablePrefix"] = prefix,
            ["Risk__MaxCandleAge"] = "3650.00:00:00",
            ["Risk__MaxOrdersPerWindow"] = "100000000",
            ["Risk__DailyLossLimit"] = "0.99",
            ["Risk__MaxDrawdown"] = "0.99",
            ["Risk__StoplossGuardCount"] = "100000000",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var port = options.Port == 0 ? HandlerProcess.FreePort() : options.Port;
        await using var run = new LocalRun(options with { Port = port, Speed = 1, Seed = false, Settings = settings },
            l => ConsoleLogging.Configure(l, LogLevel.Warning));
        await run.StartAsync(ct);
        var tables = new TableClients(new TableServiceClient(run.StorageConnection), Options.Create(new StorageOptions { TablePrefix = prefix }));
        var config = new ConfigStore(tables);
        foreach (var symbol in Symbols)
        {
            await config.SaveStrategyAsync(new StrategyConfig($"bench-{symbol.ToKey()}", "sma-cross", Venue, symbol, Timeframe.OneMinute)
            {
                Parameters = new Dictionary<string, double> { ["fast"] = 2, ["slow"] = 5 },
            }, ct);
        }

        var perSymbol = HistoryBars + WarmupEventsPerSymbol + LatencyEventsPerSymbol + ThroughputEventsPerSymbol;
        var series = Symbols.ToDictionary(s => s, s => Generate(s, perSymbol, TimeProvider.System.GetUtcNow()));
        var candles = new CandleStore(tables);
        foreach (var (symbol, bars) in series)
        {
            await candles.UpsertAsync(Venue, symbol, Timeframe.OneMinute, bars, ct);
        }

        var sent = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var latencies = new ConcurrentBag<double>();
        run.Broker.Completed += message =>
        {
            if (message.Topic == "orders" && CorrelationId(message.Body) is { } correlation && sent.TryGetValue(correlation, out var at))
            {
                latencies.Add(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
            }
        };

        // Warm-up (JIT, table creation, connection pools), then the two measured phases.
        var offset = HistoryBars;
        await PublishAsync(run.Broker, series, offset, WarmupEventsPerSymbol, null, sent, ct);
        await DrainAsync(run.Broker, ct);
        offset += WarmupEventsPerSymbol;
        latencies.Clear();
        await PublishAsync(run.Broker, series, offset, LatencyEventsPerSymbol, LatencyRate, sent, ct);
        await DrainAsync(run.Broker, ct);
        var latency = latencies.Order().ToArray();
        offset += LatencyEventsPerSymbol;
        var before = run.Statistics.Snapshot();
        var burst = Stopwatch.StartNew();
        await PublishAsync(run.Broker, series, offset, ThroughputEventsPerSymbol, null, sent, ct);
        await DrainAsync(run.Broker, ct);
        var throughputSeconds = burst.Elapsed.TotalSeconds;
        var after = run.Statistics.Snapshot();
        await run.StopAsync(ct);

        var coldStarts = await ColdStartsAsync(run, ct);
        var events = ThroughputEventsPerSymbol * Symbols.Length;
        var rate = events / throughputSeconds;
        var p99 = Percentile(latency, 0.99);
        var cold = coldStarts.Order().ToArray();
        var lines = new List<string>
        {
            "TradingBot DevHost pipeline benchmark",
            "Machine: " + string.Join("; ", MachineFacts.Describe()),
            $"Load average before / after: {loadBefore ?? "n/a"} / {MachineFacts.LoadAverage() ?? "n/a"}",
            "",
            "| measure | result | target | |",
            "|---|---|---|---|",
            Row("throughput, candle events through all stages", $"{rate:0} events/s ({events} events in {throughputSeconds:0.00} s)", "≥ 1,000 events/s", rate >= 1000),
            Row($"candle-to-order latency at {LatencyRate:0} events/s, p99", latency.Length == 0 ? "no orders" : $"{p99:0.0} ms (p50 {Percentile(latency, 0.5):0.0}, p90 {Percentile(latency, 0.9):0.0}, max {latency[^1]:0.0}; {latency.Length} orders)", "≤ 50 ms", latency.Length > 0 && p99 <= 50),
            Row("handler cold start to first 200", $"{Percentile(cold, 0.5):0} ms median (min {cold[0]:0}, max {cold[^1]:0}; {cold.Length} starts)", "≤ 300 ms", Percentile(cold, 0.5) <= 300),
            "",
            "Stage invocations during the throughput burst: " + string.Join(", ", after.Select(kv =>
                $"{kv.Key} {kv.Value.Succeeded - before.GetValueOrDefault(kv.Key).Succeeded}" +
                (kv.Value.Failed - before.GetValueOrDefault(kv.Key).Failed is var failed and > 0 ? $" (+{failed} failed)" : ""))),
        };
        foreach (var line in lines)
        {
            await output.WriteLineAsync(line);
        }

        return 0;
    }

    private static string Row(string measure, string result, string target, bool met) => $"| {measure} | {result} | {target} | {(met ? "met" : "MISSED")} |";

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static string? CorrelationId(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("correlationId", out var id) ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A seeded random walk of 1-minute bars ending a minute before <paramref name="now"/>.</summary>
    private static List<Candle> Generate(Symbol symbol, int count, DateTimeOffset now)
    {
        var random = new Random(symbol.ToString().Aggregate(17, (h, c) => (h * 31) + c));
        var price = symbol.Base == "BTC" ? 60_000m : symbol.Base == "ETH" ? 3_000m : 150m;
        var start = Timeframe.OneMinute.Floor(now) - TimeSpan.FromMinutes(count + 1);
        var bars = new List<Candle>(count);
        for (var i = 0; i < count; i++)
        {
            var open = price;
            var close = Math.Round(open * (1m + (decimal)((random.NextDouble() - 0.5) * 0.004)), 2);
            var high = Math.Max(open, close) * 1.0005m;
            var low = Math.Min(open, close) * 0.9995m;
            bars.Add(new Candle(start + TimeSpan.FromMinutes(i), open, Math.Round(high, 2), Math.Round(low, 2), close, 10m));
            price = close;
        }

        return bars;
    }

    /// <summary>Publishes <paramref name="count"/> bars per symbol from <paramref name="offset"/>, interleaved, as IngestMarketData's output binding would (indented host JSON).</summary>
    private static async Task PublishAsync(ServiceBusEmulator broker, Dictionary<Symbol, List<Candle>> series, int offset, int count, double? rate,
        ConcurrentDictionary<string, long> sent, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var published = 0;
        for (var i = offset; i < offset + count; i++)
        {
            foreach (var (symbol, bars) in series)
            {
                if (rate is { } perSecond)
                {
                    var due = TimeSpan.FromSeconds(published / perSecond);
                    if (due > clock.Elapsed)
                    {
                        await Task.Delay(due - clock.Elapsed, ct);
                    }
                }

                var message = CandleClosed.For(Venue, symbol, Timeframe.OneMinute, bars[i]);
                sent[message.Id] = Stopwatch.GetTimestamp();
                broker.Send("market-data", new OutgoingMessage(Encoding.UTF8.GetBytes(HostJson.Reformat(MessageJson.ToElement(message)))));
                published++;
            }
        }
    }

    private static async Task DrainAsync(ServiceBusEmulator broker, CancellationToken ct)
    {
        var idle = 0;
        while (idle < 3)
        {
            await Task.Delay(20, ct);
            idle = broker.Statistics().All(s => s.Active == 0 && s.Locked == 0) ? idle + 1 : 0;
        }
    }

    /// <summary>Starts the handler five times (Azurite already gone: startup must not touch storage) and times the first 200 of /api/health.</summary>
    private static async Task<double[]> ColdStartsAsync(LocalRun run, CancellationToken ct)
    {
        var app = run.App!;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var results = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var port = HandlerProcess.FreePort();
            var environment = run.Settings!.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
            environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(CultureInfo.InvariantCulture);
            var info = new ProcessStartInfo(HandlerProcess.ResolveExecutable(app.Root, app.Host.Handler.ExecutablePath))
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = app.Root,
            };
            foreach (var argument in HandlerProcess.ExpandArguments(app.Host.Handler.Arguments, environment).Where(a => a.Length > 0))
            {
                info.ArgumentList.Add(argument);
            }

            foreach (var (key, value) in environment)
            {
                info.Environment[key] = value;
            }

            var watch = Stopwatch.StartNew();
            using var process = Process.Start(info)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var health = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/api/health");
            while (watch.Elapsed < TimeSpan.FromSeconds(30) && !process.HasExited)
            {
                try
                {
                    using var response = await http.GetAsync(health, ct);
                    if (response.IsSuccessStatusCode)
                    {
                        results.Add(watch.Elapsed.TotalMilliseconds);
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(5, ct);
            }

            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(ct);
        }

        return [.. results];
    }
}
