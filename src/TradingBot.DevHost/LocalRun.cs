using System.Globalization;
using Microsoft.Extensions.Configuration;
using TradingBot.Core.Time;
using TradingBot.DevHost.Configuration;
using TradingBot.DevHost.Faults;
using TradingBot.DevHost.Handler;
using TradingBot.DevHost.Http;
using TradingBot.DevHost.ServiceBus;
using TradingBot.DevHost.Storage;
using TradingBot.DevHost.Timers;
using TradingBot.Storage.Tables;

namespace TradingBot.DevHost;

/// <summary>
/// One local run of the whole bot: settings, Azurite (unless storage is configured), the Service Bus emulator
/// (restored from the last run), the demo configuration (when the tables are empty), the handler process, the HTTP
/// front, the Service Bus triggers and the timers. <see cref="StartAsync"/> returns once everything is up;
/// <see cref="StopAsync"/> shuts down in the order that loses nothing: timers and receivers stop taking work, the
/// deliveries in flight finish (their outputs are sent), the broker's messages and the clock are saved, then the
/// front, the handler and Azurite stop.
/// </summary>
public sealed class LocalRun(DevHostOptions options, Action<ILoggingBuilder> logging) : IAsyncDisposable
{
    public const string ApiKeySetting = "DevHost:ApiKey";

    /// <summary>
    /// Settings a local run uses unless local.settings.json or the environment say otherwise: a short first back-fill
    /// (the demo trades within seconds instead of first replaying 500 bars per market), and the handler's console at
    /// warnings (its invocation logs are relayed by the DevHost; <c>--verbose</c> shows everything).
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> LocalDefaults { get; } =
    [
        KeyValuePair.Create("Pipeline__BackfillBars", "120"),
        KeyValuePair.Create("Logging__LogLevel__Default", "Warning"),
    ];

    private static readonly string[] ActivityTopics = ["market-data", "signals", "orders", "fills"];

    private readonly ILoggerFactory _loggers = LoggerFactory.Create(logging);
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly List<Task> _background = [];
    private readonly List<ServiceBusListener> _listeners = [];
    private readonly List<TimerListener> _timers = [];
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, UseCookies = false }) { Timeout = Timeout.InfiniteTimeSpan };
    private AzuriteProcess? _azurite;
    private HandlerProcess? _handler;
    private WebApplication? _front;
    private ServiceBusEmulator? _broker;
    private TimeProvider _clock = TimeProvider.System;
    private bool _stopped;

    public string? ApiKey { get; private set; }

    public string? StorageConnection { get; private set; }

    public AppSettings? Settings { get; private set; }

    public FunctionApp? App { get; private set; }

    public ServiceBusEmulator Broker => _broker ?? throw new InvalidOperationException("Not started.");

    public HandlerProcess Handler => _handler ?? throw new InvalidOperationException("Not started.");

    public InvocationStatistics Statistics { get; } = new();

    public Uri FrontAddress => new($"http://127.0.0.1:{options.Port.ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>Completes when the run can go on no longer (the handler crashed too often), with the reason.</summary>
    public Task<string> Failed => Handler.Failed;

    private string? Persisted(string name) => options.InMemory ? null : Path.Combine(options.DataPath, name);

    public async Task StartAsync(CancellationToken ct)
    {
        var logger = _loggers.CreateLogger("TradingBot.DevHost");
        if (options.Reset && Directory.Exists(options.DataPath))
        {
            Directory.Delete(options.DataPath, recursive: true);
        }

        if (!options.InMemory)
        {
            Directory.CreateDirectory(options.DataPath);
        }

        var settings = AppSettings.Load(options.SettingsFile ?? Path.Combine(options.RepositoryRoot, "local.settings.json"), LocalDefaults,
            Environment.GetEnvironmentVariables()).With(options.Settings);

        // Storage: Azurite unless a real connection is configured.
        if (ConfiguredStorage(settings) is { } configured)
        {
            Log.StorageConfigured(logger, configured);
        }
        else
        {
            _azurite = await AzuriteProcess.StartAsync(options.RepositoryRoot, Persisted("azurite"), options.AzuritePort,
                _loggers.CreateLogger("Azurite"), ct);
            settings = settings.With([KeyValuePair.Create("TableConnection", _azurite.ConnectionString),
                KeyValuePair.Create("AzureWebJobsStorage", _azurite.ConnectionString)]);
        }

        StorageConnection = settings.Get("TableConnection") ?? settings.Get("AzureWebJobsStorage");

        // The app's clock: scaled for the simulated market's demo, resumed where the last run stopped.
        var now = TimeProvider.System.GetUtcNow();
        var resumed = ClockState.Load(Persisted("clock.txt"));
        var clockSettings = new List<KeyValuePair<string, string>>();
        if (options.Speed != 1.0)
        {
            var start = resumed is { } saved && saved > now ? saved : now;
            _clock = new ScaledTimeProvider(TimeProvider.System, now, start, options.Speed);
            clockSettings.Add(KeyValuePair.Create("SimulatedClock__Speed", options.Speed.ToString(CultureInfo.InvariantCulture)));
            clockSettings.Add(KeyValuePair.Create("SimulatedClock__Anchor", now.ToString("O", CultureInfo.InvariantCulture)));
            clockSettings.Add(KeyValuePair.Create("SimulatedClock__Start", start.ToString("O", CultureInfo.InvariantCulture)));
        }
        else
        {
            clockSettings.Add(KeyValuePair.Create("SimulatedClock__Speed", ""));
            if (resumed is { } ahead && ahead > now)
            {
                Log.ClockAhead(logger, ahead);
            }
        }

        settings = settings.With(clockSettings);

        // The local key: the setting, else the one generated by an earlier run, else a new one.
        var keyFile = Persisted("api-key");
        ApiKey = settings.Get(ApiKeySetting) ?? (keyFile is not null && File.Exists(keyFile) ? File.ReadAllText(keyFile).Trim() : null);
        if (string.IsNullOrEmpty(ApiKey))
        {
            ApiKey = Http.ApiKey.Generate();
            if (keyFile is not null)
            {
                File.WriteAllText(keyFile, ApiKey);
            }
        }

        Settings = settings;
        var appFolder = options.AppFolder ?? DefaultAppFolder();
        var app = FunctionApp.Load(appFolder, settings);
        App = app;
        var topology = ServiceBusTopology.Load(Path.Combine(options.RepositoryRoot, "infra", "servicebus-topology.json"));
        Validate(app, topology);
        var faults = new FaultInjector(options.Faults);
        _broker = new ServiceBusEmulator(topology, TimeProvider.System) { Shuffle = options.Faults.Shuffle ? faults.Pick : null };
        if (Persisted("servicebus.json") is { } snapshot)
        {
            var (restored, dropped) = BrokerSnapshot.Load(_broker, snapshot);
            if (restored > 0)
            {
                Log.BrokerRestored(logger, restored, snapshot);
            }

            if (dropped > 0)
            {
                Log.BrokerDropped(logger, dropped);
            }
        }

        // Demo configuration, and the guard that a faster clock is only used with the simulated market.
        var tables = TableServiceClientFactory.Create(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(kv => KeyValuePair.Create(kv.Key.Replace("__", ":", StringComparison.Ordinal), (string?)kv.Value)))
            .Build());
        var (markets, strategies, enabled) = await DemoConfiguration.SeedAsync(tables, settings.Get("Storage__TablePrefix") ?? "", options.Seed, ct);
        if (markets + strategies > 0)
        {
            Log.Seeded(logger, markets, strategies);
        }

        if (options.Speed != 1.0 && enabled.FirstOrDefault(m => m.Venue != DemoConfiguration.Venue) is { } live)
        {
            throw new ConfigurationException(
                $"--speed {options.Speed} runs the app's clock faster than real time, which only the simulated market ('paper' venue) can follow; " +
                $"market {live.Symbol} on '{live.Venue}' is enabled. Run with --speed 1.");
        }

        // The handler, the front, the triggers.
        _handler = new HandlerProcess(app, settings, TimeProvider.System, _loggers.CreateLogger("TradingBot.Functions"));
        _handler.Start();
        var invocations = _loggers.CreateLogger("TradingBot.DevHost.Invocations");
        var invoker = new FunctionInvoker(c => _handler.Ready.WaitAsync(c), _http, app.Host.FunctionTimeout, faults, invocations);
        var outputs = new OutputWriter(_broker);
        var statuses = new TimerStatusStore(Persisted("timers.json"));
        Func<TimeSpan, TimeSpan> toWall = _clock is ScaledTimeProvider scaled ? scaled.ToInner : d => d;
        var timers = app.Functions.Where(f => f.Trigger.Type.Equals("timerTrigger", StringComparison.OrdinalIgnoreCase))
            .Select(f => new TimerListener(f, Schedule(f), statuses, invoker, outputs, Statistics, _clock, TimeProvider.System, toWall,
                _loggers.CreateLogger("TradingBot.DevHost.Timers")))
            .ToList();
        _timers.AddRange(timers);
        _front = FrontEnd.Build(new HostComponents(app, _handler, invoker, outputs, _broker, timers, Statistics, new ApiKey(ApiKey), _clock), options.Port, logging);
        await _front.StartAsync(ct);
        await _handler.Ready.WaitAsync(ct);
        foreach (var function in app.Functions.Where(f => f.Trigger.Type.Equals("serviceBusTrigger", StringComparison.OrdinalIgnoreCase)))
        {
            var listener = new ServiceBusListener(function, _broker, app.Host.ServiceBus, invoker, outputs, Statistics, faults, TimeProvider.System, invocations);
            listener.Start(_abort.Token);
            _listeners.Add(listener);
        }

        foreach (var timer in timers)
        {
            _background.Add(Task.Run(() => timer.RunAsync(_stopping.Token, _abort.Token), CancellationToken.None));
        }

        _background.Add(Task.Run(() => MaintainAsync(logger, _stopping.Token), CancellationToken.None));
        if (options.Faults.KillEvery is { } every)
        {
            _background.Add(Task.Run(() => KillRepeatedlyAsync(every, _stopping.Token), CancellationToken.None));
        }
    }

    /// <summary>Shuts down without losing anything; a second call (or <paramref name="abort"/>) cancels work in flight.</summary>
    public async Task StopAsync(CancellationToken abort = default)
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        var logger = _loggers.CreateLogger("TradingBot.DevHost");
        using var aborting = abort.Register(_abort.Cancel);
        Log.ShuttingDown(logger, "timers and Service Bus receivers stop; deliveries in flight finish");
        await _stopping.CancelAsync();
        await Task.WhenAll(_background).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await Task.WhenAll(_listeners.Select(l => l.StopAsync())).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (_broker is not null && Persisted("servicebus.json") is { } snapshot)
        {
            var saving = $"saving {_broker.Statistics().Sum(s => s.Active + s.Locked + s.DeadLettered)} Service Bus message(s)";
            Log.ShuttingDown(logger, saving);
            BrokerSnapshot.Save(_broker, snapshot);
        }

        ClockState.Save(Persisted("clock.txt"), _clock.GetUtcNow());
        if (_front is not null)
        {
            Log.ShuttingDown(logger, "HTTP front");
            await _front.StopAsync(CancellationToken.None);
            await _front.DisposeAsync();
            _front = null;
        }

        if (_handler is not null)
        {
            Log.ShuttingDown(logger, "handler");
            await _handler.DisposeAsync();
            _handler = null;
        }

        if (_azurite is not null)
        {
            Log.ShuttingDown(logger, "Azurite");
            await _azurite.DisposeAsync();
            _azurite = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        foreach (var disposable in _listeners.Cast<IDisposable>().Concat(_timers))
        {
            disposable.Dispose();
        }

        _stopping.Dispose();
        _abort.Dispose();
        _http.Dispose();
        _loggers.Dispose();
    }

    /// <summary>The connection setting that makes the DevHost use existing storage instead of Azurite, or null.</summary>
    public static string? ConfiguredStorage(AppSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var name in new[] { "TableConnection", "AzureWebJobsStorage" })
        {
            if (settings.Get(name) is { } value && !value.Equals("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }

            if (settings.Get(name + "__tableServiceUri") is not null)
            {
                return name + "__tableServiceUri";
            }
        }

        return null;
    }

    /// <summary>Every Service Bus binding names a topic (and subscription) of the topology; queues are not emulated.</summary>
    public static void Validate(FunctionApp app, ServiceBusTopology topology)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(topology);
        foreach (var function in app.Functions)
        {
            foreach (var binding in function.Bindings.Where(b => b.Type.StartsWith("serviceBus", StringComparison.OrdinalIgnoreCase)))
            {
                var where = $"{function.Name}/function.json binding '{binding.Name}'";
                if (binding.Text("queueName") is not null)
                {
                    throw new ConfigurationException($"{where}: queues are not emulated by the DevHost; use a topic (infra/servicebus-topology.json).");
                }

                var topic = topology.Topics.FirstOrDefault(t => string.Equals(t.Name, binding.Text("topicName"), StringComparison.OrdinalIgnoreCase))
                    ?? throw new ConfigurationException($"{where}: topic '{binding.Text("topicName")}' is not in infra/servicebus-topology.json.");
                if (binding.IsTrigger && !topic.Subscriptions.Any(s => string.Equals(s.Name, binding.Text("subscriptionName"), StringComparison.OrdinalIgnoreCase)))
                {
                    throw new ConfigurationException($"{where}: topic '{topic.Name}' has no subscription '{binding.Text("subscriptionName")}'.");
                }

                if (binding.IsTrigger && binding.Flag("isSessionsEnabled", false))
                {
                    throw new ConfigurationException($"{where}: sessions are not emulated by the DevHost.");
                }

                if (binding.IsTrigger && string.Equals(binding.Text("cardinality"), "many", StringComparison.OrdinalIgnoreCase))
                {
                    throw new ConfigurationException($"{where}: cardinality 'many' is not emulated (functions-custom-handler.md §1.3.2: use 'one').");
                }
            }
        }
    }

    private static string DefaultAppFolder()
    {
        // The DevHost's output is <artifacts>/bin/TradingBot.DevHost/<pivot>/; the Functions app's is beside it.
        var own = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var sibling = Path.Combine(own.Parent!.Parent!.FullName, "TradingBot.Functions", own.Name);
        return File.Exists(Path.Combine(sibling, "host.json"))
            ? sibling
            : throw new ConfigurationException(
                $"The built Functions app is not at {sibling}. Build it (dotnet build src/TradingBot.DevHost builds it) or pass --app <folder>.");
    }

    private TimerSchedule Schedule(FunctionDefinition function)
    {
        var overridden = options.Schedules.FirstOrDefault(s => string.Equals(s.Key, function.Name, StringComparison.OrdinalIgnoreCase));
        return overridden.Value is { } text
            ? TimerSchedule.Parse(text, $"--schedule {function.Name}")
            : TimerSchedule.Parse(function.Trigger.Text("schedule") ?? "", $"{function.Name}/function.json schedule");
    }

    /// <summary>Every second: scheduled messages, expiry and lapsed locks; every 5 s: the broker's messages and the clock are saved.</summary>
    private async Task MaintainAsync(ILogger logger, CancellationToken ct)
    {
        var deadLetters = new Dictionary<string, int>(StringComparer.Ordinal);
        var reported = Broker.SentCounts();
        var tick = 0;
        while (!ct.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), TimeProvider.System, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (ct.IsCancellationRequested)
            {
                return;
            }

            Broker.Sweep();
            foreach (var statistics in Broker.Statistics())
            {
                var key = $"{statistics.Topic}/{statistics.Subscription}";
                if (statistics.DeadLettered > deadLetters.GetValueOrDefault(key))
                {
                    Log.DeadLettered(logger, key, statistics.DeadLettered);
                }

                deadLetters[key] = statistics.DeadLettered;
            }

            if (++tick % 10 == 0)
            {
                var sent = Broker.SentCounts();
                var counts = ActivityTopics.Select(t => sent.GetValueOrDefault(t) - reported.GetValueOrDefault(t)).ToArray();
                var subscriptions = Broker.Statistics();
                var (waiting, dead) = (subscriptions.Sum(s => s.Active + s.Locked), subscriptions.Sum(s => s.DeadLettered));
                Log.Activity(logger, counts[0], counts[1], counts[2], counts[3], waiting, dead);
                reported = sent;
            }

            if (tick % 5 == 0 && Persisted("servicebus.json") is { } snapshot)
            {
                BrokerSnapshot.Save(Broker, snapshot);
                ClockState.Save(Persisted("clock.txt"), _clock.GetUtcNow());
            }
        }
    }

    private async Task KillRepeatedlyAsync(TimeSpan every, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            await Task.Delay(every, TimeProvider.System, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (!ct.IsCancellationRequested)
            {
                Handler.Kill();
            }
        }
    }
}
