using Azure.Data.Tables;
using TradingBot.DevHost.Handler;
using TradingBot.DevHost.Http;
using TradingBot.Testing;

namespace TradingBot.DevHost.Tests.EndToEnd;

/// <summary>
/// The DevHost set up as <c>dotnet run --project src/TradingBot.DevHost</c> runs it for a user (the example settings,
/// the demo configuration, paper trading on the simulated market at 60x), with a known key, a free port and its data
/// folder in a temporary folder. Storage is the given Azurite (with a table prefix of its own) or, without one, an
/// Azurite the DevHost starts itself, in memory. The runs' logs are collected so that a wait that never ends says what
/// happened.
/// </summary>
public sealed class TestDevHost : IDisposable
{
    public const string Key = "end-to-end-key";

    private readonly TemporaryFolder _data = new();

    public TestDevHost(AzuriteFixture? azurite = null, string? appFolder = null)
    {
        _data.Write("local.settings.example.json", File.ReadAllText(Path.Combine(RepositoryPaths.Root, "local.settings.example.json")));
        var settings = new Dictionary<string, string> { ["DevHost__ApiKey"] = Key };
        if (azurite is not null)
        {
            TablePrefix = AzuriteFixture.NewTablePrefix();
            settings["TableConnection"] = azurite.ConnectionString;
            settings["AzureWebJobsStorage"] = azurite.ConnectionString;
            settings["Storage__TablePrefix"] = TablePrefix;
        }

        Options = new DevHostOptions
        {
            RepositoryRoot = RepositoryPaths.Root,
            AppFolder = appFolder,
            Port = HandlerProcess.FreePort(),
            DataFolder = _data.File(".devhost"),
            SettingsFile = _data.File("local.settings.json"),
            InMemory = azurite is null,
            Settings = settings,
        };
    }

    public DevHostOptions Options { get; }

    /// <summary>The prefix of the bot's tables in the given Azurite ("" when the DevHost runs its own).</summary>
    public string TablePrefix { get; } = "";

    public TestLogs Logs { get; } = new();

    /// <summary>A file in the run's data folder.</summary>
    public string DataFile(string name) => Path.Combine(Options.DataPath, name);

    /// <summary>A new run on these options (the same data each time), logging into <see cref="Logs"/>.</summary>
    public LocalRun NewRun() => new(Options, l => l.AddProvider(Logs));

    /// <summary>A client of <paramref name="run"/>'s HTTP front that sends the key.</summary>
    public static HttpClient Client(LocalRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var client = new HttpClient { BaseAddress = run.FrontAddress };
        client.DefaultRequestHeaders.Add(ApiKey.HeaderName, Key);
        return client;
    }

    /// <summary>Waits (bounded) for something the running pipeline makes true; when it never happens, fails with the logs' tail.</summary>
    public async Task WaitAsync(Func<Task<bool>> condition, string what, int seconds = 180)
    {
        try
        {
            await Hosting.Waiting.UntilAsync(condition, what, seconds);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException(ex.Message + Environment.NewLine + Logs.Tail(), ex);
        }
    }

    /// <summary>Rows of <paramref name="table"/> that match (0 while the table does not exist yet).</summary>
    public static async Task<int> CountAsync(TableClient table, Func<TableEntity, bool> which)
    {
        try
        {
            var count = 0;
            await foreach (var entity in table.QueryAsync<TableEntity>())
            {
                count += which(entity) ? 1 : 0;
            }

            return count;
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return 0;
        }
    }

    public void Dispose()
    {
        Logs.Dispose();
        _data.Dispose();
    }
}
