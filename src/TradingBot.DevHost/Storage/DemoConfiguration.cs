using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using TradingBot.Core.Market;
using TradingBot.Storage;
using TradingBot.Storage.Config;
using TradingBot.Storage.Tables;

namespace TradingBot.DevHost.Storage;

/// <summary>
/// The default local run: paper trading on the simulated market (venue <c>paper</c>) — three symbols on 1-minute
/// candles, each traded by a catalog strategy with lively defaults. Written only into empty tables, so a user's own
/// configuration (API, earlier runs) is never overwritten.
/// </summary>
public static class DemoConfiguration
{
    public const string Venue = "paper";

    public static IReadOnlyList<MarketConfig> Markets { get; } =
    [
        new(Venue, Symbol.Parse("BTC/USDT"), Timeframe.OneMinute),
        new(Venue, Symbol.Parse("ETH/USDT"), Timeframe.OneMinute),
        new(Venue, Symbol.Parse("SOL/USDT"), Timeframe.OneMinute),
    ];

    public static IReadOnlyList<StrategyConfig> Strategies { get; } =
    [
        new("btc-sma-cross", "sma-cross", Venue, Symbol.Parse("BTC/USDT"), Timeframe.OneMinute)
        {
            Parameters = new Dictionary<string, double> { ["fast"] = 5, ["slow"] = 20 },
        },
        new("eth-sma-cross", "sma-cross", Venue, Symbol.Parse("ETH/USDT"), Timeframe.OneMinute)
        {
            Parameters = new Dictionary<string, double> { ["fast"] = 8, ["slow"] = 21 },
        },
        new("eth-mean-reversion", "mean-reversion", Venue, Symbol.Parse("ETH/USDT"), Timeframe.OneMinute)
        {
            Parameters = new Dictionary<string, double> { ["period"] = 20, ["k"] = 2, ["rsiPeriod"] = 14, ["oversold"] = 30, ["overbought"] = 70 },
        },
        new("sol-breakout", "breakout", Venue, Symbol.Parse("SOL/USDT"), Timeframe.OneMinute)
        {
            Parameters = new Dictionary<string, double> { ["entry"] = 20, ["exit"] = 10 },
        },
    ];

    /// <summary>Seeds empty tables; returns what was written and the markets now enabled (to check they fit the clock).</summary>
    public static async Task<(int Markets, int Strategies, IReadOnlyList<MarketConfig> Enabled)> SeedAsync(TableServiceClient service, string tablePrefix,
        bool seed, CancellationToken ct)
    {
        var store = new ConfigStore(new TableClients(service, Options.Create(new StorageOptions { TablePrefix = tablePrefix })));
        var markets = await store.ListMarketsAsync(ct);
        var strategies = await store.ListStrategiesAsync(ct);
        var (seededMarkets, seededStrategies) = (0, 0);
        if (seed && markets.Count == 0)
        {
            foreach (var market in Markets)
            {
                await store.UpsertMarketAsync(market, ct);
            }

            seededMarkets = Markets.Count;
            markets = Markets;
        }

        if (seed && strategies.Count == 0)
        {
            foreach (var strategy in Strategies)
            {
                await store.SaveStrategyAsync(strategy, ct);
            }

            seededStrategies = Strategies.Count;
        }

        return (seededMarkets, seededStrategies, [.. markets.Where(m => m.Enabled)]);
    }
}
