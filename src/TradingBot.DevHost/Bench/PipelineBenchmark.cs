using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using TradingBot.Core.Market;
using TradingBot.Core.Messages;
using Microsoft.Extensions.Logging.Abstractions;
using TradingBot.DevHost.Configuration;
using TradingBot.DevHost.Faults;
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
/// numbers with the machine facts. First the DevHost alone (the four pipeline subscriptions chained through a handler
/// that answers at once: the emulator's own cost), then the full pipeline with the real handler:
/// <list type="number">
/// <item>Handler cold start: process start → first 200 from <c>GET /api/health</c> (9 starts, after the pipeline runs and
/// Azurite is gone). It starts the app the DevHost runs: pass <c>--app</c> a Release publish folder to measure what is
/// deployed (the output names the build it measured; a Debug build is not).</item>
/// <item>Latency: candle events published at 100/s to <c>market-data</c>; for every order they cause, the time from the
/// candle's publication to the completion of its <c>ExecuteOrders</c> delivery (the order is at the venue).</item>
/// <item>Throughput: a burst of 3,000 candle events; events per second until every stage's subscription is drained.
/// "Sustained" means a warm process: 1,500 events go through first, then 12 s at the latency rate (a fresh handler
/// compiles its hot code again, optimised, in the background for several seconds after its first busy seconds: up to
/// half a core for ~8 s on this machine, seen with <c>perf</c>; and the tables start empty). Neither is measured.</item>
/// </list>
/// Candles are stored first (as IngestMarketData would) so strategies evaluate real windows; the strategies are
/// fast SMA crosses so many candles lead to orders; risk limits that would stop a long run (order rate, candle age,
/// loss halts) are opened wide. Azurite in memory, the timers disabled (the benchmark is the ingestion).
/// </summary>
public static class PipelineBenchmark
{
    private const string Venue = "paper";
    private const double LatencyRate = 100;
    private const double LatencySeconds = 30; // ~230 orders: a p99 of fewer is little more than the maximum
    private const int ThroughputEventsPerSymbol = 1000;
    private const int WarmupEventsPerSymbol = 500;
    private const double SettleSeconds = 12; // at the latency rate after the warm-up burst, until the JIT's re-compilation is done
    private const int HistoryBars = 60;
    private static readonly Symbol[] Symbols = [Symbol.Parse("BTC/USDT"), Symbol.Parse("ETH/USDT"), Symbol.Parse("SOL/USDT")];

    public static async Task<int> RunAsync(DevHostOptions options, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var loadBefore = MachineFacts.LoadAverage();
        var (hostRate, hostEvents, hostSeconds, hostLatency) = await HostOnlyAsync(options.RepositoryRoot, ct);
        var pipeline = await FullPipelineAsync(options, ct);
        var lines = new List<string>
        {
            "TradingBot DevHost pipeline benchmark",
            "Machine: " + string.Join("; ", MachineFacts.Describe()),
            $"Load average before / after: {loadBefore ?? "n/a"} / {MachineFacts.LoadAverage() ?? "n/a"}",
            "",
            "Full pipeline: DevHost + the real handler + Azurite (in memory); " + string.Join(", ", options.Settings.Select(kv => $"{kv.Key}={kv.Value}")),
            "",
            "| measure | result | target | |",
            "|---|---|---|---|",
            Row("throughput, candle events through all stages", Rate(pipeline.Rate, pipeline.Events, pipeline.Seconds), "≥ 1,000 events/s", pipeline.Rate >= 1000),
            Row($"candle-to-order latency at {LatencyRate:0} events/s, p99", Latency(pipeline.Latency), "≤ 50 ms",
                pipeline.Latency.Length > 0 && Percentile(pipeline.Latency, 0.99) <= 50),
            Row("handler cold start to first 200", $"{Percentile(pipeline.ColdStarts, 0.5):0} ms median (min {pipeline.ColdStarts[0]:0}, max {pipeline.ColdStarts[^1]:0}; {pipeline.ColdStarts.Length} starts; {pipeline.HandlerBuild} build)",
                "≤ 300 ms", Percentile(pipeline.ColdStarts, 0.5) <= 300),
            "",
            $"Mean invocation time per stage at {LatencyRate:0} events/s (DevHost to handler and back): " + pipeline.StageTimes,
            "",
            "Stage invocations during the throughput burst: " + pipeline.Stages,
            "",
            "CPU per candle event during the burst (by program; on a shared machine this moves less than the wall time): " + pipeline.CpuPerEvent,
            "",
            "DevHost alone (same topology, protocol and loopback HTTP; a handler that answers at once, publishing its input):",
            "",
            "| measure | result |",
            "|---|---|",
            $"| throughput through 4 stages | {Rate(hostRate, hostEvents, hostSeconds)} |",
            $"| candle-to-order latency at {LatencyRate:0} events/s | {Latency(hostLatency)} |",
        };
        foreach (var line in lines)
        {
            await output.WriteLineAsync(line);
        }

        return 0;
    }

    private static string Rate(double rate, int events, double seconds) => $"{rate:0} events/s ({events} events in {seconds:0.00} s)";

    private static string Latency(double[] sorted) => sorted.Length == 0
        ? "no orders"
        : $"p99 {Percentile(sorted, 0.99):0.0} ms (p50 {Percentile(sorted, 0.5):0.0}, p90 {Percentile(sorted, 0.9):0.0}, max {sorted[^1]:0.0}; {sorted.Length} orders)";

    /// <summary>The emulator's own cost: the four pipeline subscriptions chained through an echo handler.</summary>
    private static async Task<(double Rate, int Events, double Seconds, double[] Latency)> HostOnlyAsync(string repositoryRoot, CancellationToken ct)
    {
        var topology = ServiceBusTopology.Load(Path.Combine(repositoryRoot, "infra", "servicebus-topology.json"));
        var host = HostSettings.Read(Path.Combine(repositoryRoot, "host.json"));
        var stages = new (string Name, string Topic, string Subscription, string? Next)[]
        {
            ("EvaluateStrategies", "market-data", "strategies", "signals"),
            ("ApplyRisk", "signals", "risk", "orders"),
            ("ExecuteOrders", "orders", "execution", "fills"),
            ("RecordFills", "fills", "ledger", null),
        };
        await using var echo = await EchoHandler.StartAsync(stages.ToDictionary(s => s.Name, _ => "msg"),
            stages.Where(s => s.Next is not null).Select(s => s.Name).ToHashSet());
        var broker = new ServiceBusEmulator(topology, TimeProvider.System);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { Timeout = Timeout.InfiniteTimeSpan };
        var faults = new FaultInjector(new FaultOptions());
        var invoker = new FunctionInvoker(_ => Task.FromResult(echo.Address), http, host.FunctionTimeout, faults, NullLogger.Instance);
        var outputs = new OutputWriter(broker);
        var statistics = new InvocationStatistics();
        var listeners = stages.Select(s => new ServiceBusListener(new FunctionDefinition(s.Name,
        [
            Binding("serviceBusTrigger", "in", "msg", ("topicName", s.Topic), ("subscriptionName", s.Subscription)),
            .. s.Next is { } next ? [Binding("serviceBus", "out", "out", ("topicName", next))] : Array.Empty<BindingDefinition>(),
        ]), broker, host.ServiceBus, invoker, outputs, statistics, faults, TimeProvider.System, NullLogger.Instance)).ToList();
        foreach (var listener in listeners)
        {
            listener.Start(ct);
        }

        try
        {
            var sent = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
            var latencies = new ConcurrentBag<double>();
            broker.Completed += message =>
            {
                if (message.Topic == "orders" && CorrelationId(message.Body) is { } id && sent.TryGetValue(id, out var at))
                {
                    latencies.Add(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
                }
            };
            async Task PublishAsync(int count, double? rate)
            {
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < count; i++)
                {
                    if (rate is { } perSecond && TimeSpan.FromSeconds(i / perSecond) - clock.Elapsed is { Ticks: > 0 } wait)
                    {
                        await Task.Delay(wait, ct);
                    }

                    var id = Guid.NewGuid().ToString("N");
                    sent[id] = Stopwatch.GetTimestamp();
                    broker.Send("market-data", new OutgoingMessage(Encoding.UTF8.GetBytes($$"""{"correlationId":"{{id}}","close":"97000.1"}""")));
                }
            }

            await PublishAsync(500, null);
            await DrainAsync(broker, ct);
            latencies.Clear();
            await PublishAsync((int)(LatencyRate * LatencySeconds), LatencyRate);
            await DrainAsync(broker, ct);
            var latency = latencies.Order().ToArray();
            const int events = 10_000;
            var burst = Stopwatch.StartNew();
            await PublishAsync(events, null);
            await DrainAsync(broker, ct);
            return (events / burst.Elapsed.TotalSeconds, events, burst.Elapsed.TotalSeconds, latency);
        }
        finally
        {
            foreach (var listener in listeners)
            {
                await listener.StopAsync();
                listener.Dispose();
            }
        }
    }

    private static BindingDefinition Binding(string type, string direction, string name, params (string Key, string Value)[] properties) =>
        new(type, direction, name, properties.ToDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value), StringComparer.OrdinalIgnoreCase));

    private static async Task<PipelineResult> FullPipelineAsync(DevHostOptions options, CancellationToken ct)
    {
        var prefix = "bench" + Guid.NewGuid().ToString("N")[..8];
        var settings = new Dictionary<string, string>(options.Settings, StringComparer.OrdinalIgnoreCase)
        {
            ["AzureWebJobs.IngestMarketData.Disabled"] = "true",
            ["AzureWebJobs.ReconcileOrders.Disabled"] = "true",
            ["Storage__TablePrefix"] = prefix,
            ["Risk__MaxCandleAge"] = "3650.00:00:00",
            ["Risk__MaxOrdersPerWindow"] = "1000",
            ["Risk__DailyLossLimit"] = "0.99",
            ["Risk__MaxDrawdown"] = "0.99",
            ["Risk__StoplossGuardCount"] = "1000",
        };
        var port = options.Port == 0 ? HandlerProcess.FreePort() : options.Port;
        await using var run = new LocalRun(options with { Port = port, Speed = 1, Seed = false, Settings = settings },
            l => ConsoleLogging.Configure(l, LogLevel.Error));
        await run.StartAsync(ct);
        var tables = new TableClients(new TableServiceClient(run.StorageConnection), Options.Create(new StorageOptions { TablePrefix = prefix }));
        var config = new ConfigStore(tables);
        foreach (var symbol in Symbols)
        {
            await config.SaveStrategyAsync(new StrategyConfig($"bench-{symbol.ToKey()}", "sma-cross", Venue, symbol, Timeframe.OneMinute)
            {
                Parameters = new Dictionary<string, double> { ["fast"] = 3, ["slow"] = 10 },
            }, ct);
        }

        var latencyPerSymbol = (int)(LatencyRate * LatencySeconds / Symbols.Length);
        var settlePerSymbol = (int)(LatencyRate * SettleSeconds / Symbols.Length);
        var perSymbol = HistoryBars + WarmupEventsPerSymbol + settlePerSymbol + latencyPerSymbol + ThroughputEventsPerSymbol;
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

        // Warm-up (JIT tiers, table creation, connection pools) and a settle at the latency rate while the JIT re-compiles
        // the hot code in the background, then the two measured phases.
        var offset = HistoryBars;
        await PublishAsync(run.Broker, series, offset, WarmupEventsPerSymbol, null, sent, ct);
        await DrainAsync(run.Broker, ct);
        offset += WarmupEventsPerSymbol;
        await PublishAsync(run.Broker, series, offset, settlePerSymbol, LatencyRate, sent, ct);
        await DrainAsync(run.Broker, ct);
        offset += settlePerSymbol;
        latencies.Clear();
        var beforeLatency = run.Statistics.Snapshot();
        await PublishAsync(run.Broker, series, offset, latencyPerSymbol, LatencyRate, sent, ct);
        await DrainAsync(run.Broker, ct);
        var latency = latencies.Order().ToArray();
        var stageTimes = string.Join(", ", run.Statistics.Snapshot().Select(kv =>
        {
            var (succeeded, failed, total) = kv.Value;
            var (succeededBefore, failedBefore, totalBefore) = beforeLatency.GetValueOrDefault(kv.Key);
            var count = succeeded + failed - succeededBefore - failedBefore;
            return count == 0 ? null : $"{kv.Key} {((total - totalBefore).TotalMilliseconds / count).ToString("0.0", CultureInfo.InvariantCulture)} ms ({count})";
        }).Where(t => t is not null));
        offset += latencyPerSymbol;
        var before = run.Statistics.Snapshot();
        var cpuBefore = ProcessCpu.Snapshot();
        var burst = Stopwatch.StartNew();
        await PublishAsync(run.Broker, series, offset, ThroughputEventsPerSymbol, null, sent, ct);
        await DrainAsync(run.Broker, ct);
        var seconds = burst.Elapsed.TotalSeconds;
        var cpu = ProcessCpu.PerEvent(cpuBefore, ProcessCpu.Snapshot(), ThroughputEventsPerSymbol * Symbols.Length);
        var after = run.Statistics.Snapshot();
        await run.StopAsync(ct);
        var stages = string.Join(", ", after.Select(kv =>
            $"{kv.Key} {kv.Value.Succeeded - before.GetValueOrDefault(kv.Key).Succeeded}" +
            (kv.Value.Failed - before.GetValueOrDefault(kv.Key).Failed is var failed and > 0 ? $" (+{failed} failed)" : "")));
        var events = ThroughputEventsPerSymbol * Symbols.Length;
        var cold = (await ColdStartsAsync(run, ct)).Order().ToArray();
        var app = run.App!;
        var build = HandlerBuild.Describe(HandlerBuild.AssemblyPath(app.Root, app.Host.Handler.ExecutablePath, app.Host.Handler.Arguments));
        return new PipelineResult(events / seconds, events, seconds, latency, cold, build, stages, cpu, stageTimes);
    }

    private sealed record PipelineResult(double Rate, int Events, double Seconds, double[] Latency, double[] ColdStarts, string HandlerBuild, string Stages,
        string CpuPerEvent, string StageTimes);

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
        var random = new Random(17 + Array.IndexOf(Symbols, symbol));
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

    /// <summary>Starts the handler nine times (Azurite already gone: startup must not touch storage) and times the first 200 of /api/health.</summary>
    private static async Task<double[]> ColdStartsAsync(LocalRun run, CancellationToken ct)
    {
        var app = run.App!;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var results = new List<double>();
        for (var i = 0; i < 9; i++)
        {
            var port = HandlerProcess.FreePort();
            var environment = run.Settings!.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
            environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(CultureInfo.InvariantCulture);
            HandlerProcess.AddDotnetRoot(environment);
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

                await Task.Delay(1, ct); // poll finely: the interval is added to the measured time
            }

            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(ct);
        }

        return [.. results];
    }
}
