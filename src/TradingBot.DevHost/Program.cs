using System.CommandLine;
using System.Reflection;
using TradingBot.DevHost;
using TradingBot.DevHost.Bench;
using TradingBot.DevHost.Configuration;
using TradingBot.DevHost.Faults;

// `dotnet run --project src/TradingBot.DevHost [-- options]`: the whole bot locally (see README "Run locally").
var port = new Option<int>("--port") { Description = "Port of the HTTP front: dashboard, API, admin", DefaultValueFactory = _ => DevHostOptions.DefaultPort };
var speed = new Option<double>("--speed")
{
    Description = "How many times faster than real time the app's clock runs (simulated market only; 1 = real time)",
    DefaultValueFactory = _ => DevHostOptions.DefaultSpeed,
};
var inMemory = new Option<bool>("--in-memory") { Description = "Throwaway run: Azurite in memory, nothing read from or saved to the data folder" };
var reset = new Option<bool>("--reset") { Description = "Delete the data folder (.devhost) first: a fresh start" };
var app = new Option<string?>("--app") { Description = "Built Functions app folder (default: the Functions project's build output)" };
var settingsFile = new Option<string?>("--settings") { Description = "Settings file (default: local.settings.json at the repository root, else the example)" };
var data = new Option<string?>("--data") { Description = "Data folder (default: .devhost at the repository root)" };
var azuritePort = new Option<int?>("--azurite-port") { Description = "First of three Azurite ports (blob, queue, table); default: free ports" };
var schedule = new Option<string[]>("--schedule") { Description = "Timer schedule override, Name=\"NCRONTAB\" (repeatable), e.g. IngestMarketData=\"*/10 * * * * *\"" };
var setting = new Option<string[]>("--setting") { Description = "App setting override, Name=value (repeatable)" };
var noSeed = new Option<bool>("--no-seed") { Description = "Do not write the demo markets and strategies into empty tables" };
var duplicateRate = new Option<double>("--duplicate-rate") { Description = "Fault injection: share of deliveries processed twice at once (0..1)" };
var failRate = new Option<double>("--fail-rate") { Description = "Fault injection: share of invocations failed after the handler answered (0..1)" };
var delay = new Option<int>("--delay-ms") { Description = "Fault injection: delay before every invocation (ms)" };
var killEvery = new Option<int?>("--kill-every") { Description = "Fault injection: kill the handler every N seconds (it is restarted)" };
var shuffle = new Option<bool>("--shuffle") { Description = "Fault injection: deliver available messages in random order" };
var faultSeed = new Option<int>("--fault-seed") { Description = "Seed of the fault injection's random choices", DefaultValueFactory = _ => 1 };
var verbose = new Option<bool>("--verbose") { Description = "Log every invocation and request" };
var bench = new Option<bool>("--bench") { Description = "Measure pipeline throughput, latency and handler cold start, print them and exit" };
var root = new RootCommand("TradingBot DevHost: the whole serverless bot on this machine (Functions host emulation, Service Bus emulation, Azurite)")
{
    port, speed, inMemory, reset, app, settingsFile, data, azuritePort, schedule, setting, noSeed,
    duplicateRate, failRate, delay, killEvery, shuffle, faultSeed, verbose, bench,
};

root.SetAction(async (parse, ct) =>
{
    var rate = (Option<double> option) => parse.GetValue(option) is var value and >= 0 and <= 1
        ? value
        : throw new ConfigurationException($"{option.Name} must be between 0 and 1.");
    var options = new DevHostOptions
    {
        Port = parse.GetValue(port) is var p and > 0 and < 65536 ? p : throw new ConfigurationException("--port must be 1..65535."),
        RepositoryRoot = RepositoryRoot(),
        AppFolder = parse.GetValue(app),
        SettingsFile = parse.GetValue(settingsFile),
        DataFolder = parse.GetValue(data),
        InMemory = parse.GetValue(inMemory),
        Reset = parse.GetValue(reset),
        AzuritePort = parse.GetValue(azuritePort),
        Speed = parse.GetValue(speed) is var s and > 0 and <= 3600 ? s : throw new ConfigurationException("--speed must be in (0, 3600]."),
        Schedules = Pairs(parse.GetValue(schedule), "--schedule"),
        Settings = parse.GetValue(verbose)
            ? new Dictionary<string, string>(Pairs(parse.GetValue(setting), "--setting")) { ["Logging__LogLevel__Default"] = "Information" }
            : Pairs(parse.GetValue(setting), "--setting"),
        Seed = !parse.GetValue(noSeed),
        Faults = new FaultOptions
        {
            DuplicateRate = rate(duplicateRate),
            FailRate = rate(failRate),
            Delay = TimeSpan.FromMilliseconds(Math.Max(0, parse.GetValue(delay))),
            KillEvery = parse.GetValue(killEvery) is { } k and > 0 ? TimeSpan.FromSeconds(k) : null,
            Shuffle = parse.GetValue(shuffle),
            Seed = parse.GetValue(faultSeed),
        },
    };
    var minimum = parse.GetValue(verbose) ? LogLevel.Debug : LogLevel.Information;
    if (parse.GetValue(bench))
    {
        return await PipelineBenchmark.RunAsync(options with { InMemory = true, Port = DevHostOptions.DefaultPort == options.Port ? 0 : options.Port },
            Console.Out, ct);
    }

    return await Interactive.RunAsync(options, l => ConsoleLogging.Configure(l, minimum), ct);
});

try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (ConfigurationException ex)
{
    await Console.Error.WriteLineAsync($"error: {ex.Message}");
    return 2;
}
#pragma warning disable CA1031 // The process boundary: any other failure is reported in one line (exit 1), children are stopped by their guards.
catch (Exception ex)
#pragma warning restore CA1031
{
    await Console.Error.WriteLineAsync($"error: {ex.GetType().Name}: {ex.Message}");
    return 1;
}

static Dictionary<string, string> Pairs(string[]? values, string option)
{
    var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    foreach (var value in values ?? [])
    {
        var at = value.IndexOf('=', StringComparison.Ordinal);
        if (at <= 0)
        {
            throw new ConfigurationException($"{option} expects Name=value, got '{value}'.");
        }

        pairs[value[..at].Trim()] = value[(at + 1)..].Trim().Trim('"');
    }

    return pairs;
}

static string RepositoryRoot()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TradingBot.sln")) && File.Exists(Path.Combine(dir.FullName, "host.json")))
            {
                return dir.FullName;
            }
        }
    }

    var built = typeof(LocalRun).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
    return built is not null && Directory.Exists(built)
        ? built
        : throw new ConfigurationException("Cannot find the repository root (TradingBot.sln and host.json) above the current folder.");
}
