using TradingBot.DevHost.Http;
using TradingBot.DevHost.Tests.EndToEnd;

namespace TradingBot.DevHost.Tests.Dashboard;

/// <summary>
/// One running DevHost shared by the tests of a class (a start takes seconds): the default run of
/// <see cref="TestDevHost"/> with the Azurite the DevHost starts itself (in memory), as a user gets it from
/// <c>dotnet run --project src/TradingBot.DevHost --in-memory</c>. Stopped, with its Azurite and handler, on dispose.
/// </summary>
public sealed class RunningDevHost : IAsyncLifetime
{
    private readonly TestDevHost _devHost = new();
    private LocalRun? _run;

    public LocalRun Run => _run ?? throw new InvalidOperationException("The DevHost has not started.");

    /// <summary>The address the DevHost prints for the dashboard (with the key as <c>code</c>).</summary>
    public Uri DashboardUrl => new(Run.FrontAddress, "?" + ApiKey.QueryName + "=" + Uri.EscapeDataString(Run.ApiKey!));

    /// <summary>A client of the HTTP front that sends the key.</summary>
    public HttpClient Client() => TestDevHost.Client(Run);

    /// <inheritdoc cref="TestDevHost.WaitAsync"/>
    public Task WaitAsync(Func<Task<bool>> condition, string what, int seconds) => _devHost.WaitAsync(condition, what, seconds);

    /// <summary>The last lines the DevHost, the handler and Azurite logged (for failure messages).</summary>
    public string LogTail() => _devHost.Logs.Tail();

    public async Task InitializeAsync()
    {
        _run = _devHost.NewRun();
        try
        {
            await _run.StartAsync(CancellationToken.None);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_run is not null)
        {
            await _run.DisposeAsync();
            _run = null;
        }

        _devHost.Dispose();
    }
}
