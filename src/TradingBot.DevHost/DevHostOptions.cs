using TradingBot.DevHost.Faults;

namespace TradingBot.DevHost;

/// <summary>Command-line options of a local run (see <see cref="Program"/> for the flags).</summary>
public sealed record DevHostOptions
{
    public const int DefaultPort = 7071;
    public const double DefaultSpeed = 60;

    /// <summary>Port of the HTTP front (dashboard, API, admin).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>The repository root (host.json's app is built under it; local.settings.json and .devhost live there).</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>The built Functions app folder; default: the Functions project's build output next to the DevHost's.</summary>
    public string? AppFolder { get; init; }

    /// <summary>Settings file; default <c>local.settings.json</c> at the repository root (falls back to the example).</summary>
    public string? SettingsFile { get; init; }

    /// <summary>Where Azurite's data, the saved messages, timer status, clock and generated key live; default <c>.devhost</c>.</summary>
    public string? DataFolder { get; init; }

    /// <summary>Throwaway run: Azurite in memory, nothing read from or written to the data folder.</summary>
    public bool InMemory { get; init; }

    /// <summary>Delete the data folder first (a fresh start).</summary>
    public bool Reset { get; init; }

    /// <summary>First of three consecutive Azurite ports (blob, queue, table); default: free ports.</summary>
    public int? AzuritePort { get; init; }

    /// <summary>How much faster than real time the app's clock runs (simulated market only).</summary>
    public double Speed { get; init; } = DefaultSpeed;

    /// <summary>Timer schedule overrides by function name (NCRONTAB in the app's clock).</summary>
    public IReadOnlyDictionary<string, string> Schedules { get; init; } = new Dictionary<string, string>();

    /// <summary>App setting overrides (<c>Name=value</c>), above the settings file and the environment.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Seed the markets and strategies tables with the demo configuration when they are empty.</summary>
    public bool Seed { get; init; } = true;

    public FaultOptions Faults { get; init; } = new();

    public string DataPath => Path.GetFullPath(DataFolder ?? Path.Combine(RepositoryRoot, ".devhost"));
}
