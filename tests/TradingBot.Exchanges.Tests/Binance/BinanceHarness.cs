using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TradingBot.Core.Exchange;
using TradingBot.Exchanges.Binance;
using TradingBot.Exchanges.Http;

namespace TradingBot.Exchanges.Tests.Binance;

/// <summary>The fake Binance plus a container built exactly as production builds it (AddExchanges), on a fake clock.</summary>
internal sealed class BinanceHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private BinanceHarness(FakeTimeProvider time, FakeBinance fake, ServiceProvider services, CapturedLogs logs)
    {
        Time = time;
        Fake = fake;
        Services = services;
        Logs = logs;
    }

    public FakeTimeProvider Time { get; }

    public FakeBinance Fake { get; }

    public ServiceProvider Services { get; }

    public CapturedLogs Logs { get; }

    public BinanceExchange Exchange => (BinanceExchange)Services.GetRequiredService<VenueRegistry>().Get(VenueIds.Binance);

    public VenueRateLimiter Limiter => Services.GetRequiredKeyedService<VenueRateLimiter>(VenueIds.Binance);

    public static async Task<BinanceHarness> StartAsync(string? secret = null, Action<FakeBinance>? arrange = null, bool testnet = false)
    {
        var time = new FakeTimeProvider(Start);
        var fake = await FakeBinance.StartAsync(() => time.GetUtcNow());
        arrange?.Invoke(fake);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Venues:Binance:ApiKey"] = FakeBinance.ApiKey,
            ["Venues:Binance:ApiSecret"] = secret ?? FakeBinance.Secret,
            ["Venues:Binance:BaseUrl"] = fake.Url.ToString(),
            ["Venues:Binance:Testnet"] = testnet ? "true" : "false",
        }).Build();
        var logs = new CapturedLogs();
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(time)
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs))
            .AddExchanges(configuration)
            .BuildServiceProvider();
        return new BinanceHarness(time, fake, services, logs);
    }

    /// <summary>Awaits a task whose retries wait on the fake clock, advancing the clock until it completes.</summary>
    public async Task<T> AdvanceUntilDoneAsync<T>(Task<T> task)
    {
        for (var i = 0; i < 1000 && !task.IsCompleted; i++)
        {
            Time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(task, Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System));
        }

        return await task;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
