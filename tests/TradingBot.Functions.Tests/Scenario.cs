using TradingBot.Core.Market;
using TradingBot.Core.Messages;
using TradingBot.Storage.Candles;
using TradingBot.Storage.Config;

namespace TradingBot.Functions.Tests;

/// <summary>
/// A small market and strategy for pipeline tests: BTC/USDT 1-minute bars on the <c>testex</c> venue and strategy
/// <c>btc-cross</c> (sma-cross fast 2, slow 3), whose fast average crosses above the slow one on the 11:59 bar.
/// </summary>
internal static class Scenario
{
    public const string StrategyId = "btc-cross";
    public static readonly Symbol BtcUsdt = Symbol.Parse("BTC/USDT");
    public static readonly DateTimeOffset FirstBar = new(2026, 1, 10, 11, 54, 0, TimeSpan.Zero);

    /// <summary>Closes 10, 10, 10, 9, 8, 12 from 11:54: sma(2) crosses above sma(3) on the last bar (11:59, closed at 12:00).</summary>
    public static Candle[] CrossUp() => Bars(FirstBar, 10m, 10m, 10m, 9m, 8m, 12m);

    public static Candle[] Bars(DateTimeOffset first, params decimal[] closes) =>
        [.. closes.Select((close, i) => new Candle(first.AddMinutes(i), i == 0 ? close : closes[i - 1], Math.Max(close, i == 0 ? close : closes[i - 1]),
            Math.Min(close, i == 0 ? close : closes[i - 1]), close, 1m))];

    public static CandleClosed Closed(Candle candle) => CandleClosed.For(PipelineHost.VenueId, BtcUsdt, Timeframe.OneMinute, candle);

    /// <summary>Configures the market and the strategy; optionally stores <paramref name="candles"/> as if ingested.</summary>
    public static async Task ConfigureAsync(PipelineHost host, params Candle[] candles)
    {
        var config = host.Service<ConfigStore>();
        await config.UpsertMarketAsync(new MarketConfig(PipelineHost.VenueId, BtcUsdt, Timeframe.OneMinute), default);
        await config.SaveStrategyAsync(new StrategyConfig(StrategyId, "sma-cross", PipelineHost.VenueId, BtcUsdt, Timeframe.OneMinute)
        {
            Parameters = new Dictionary<string, double> { ["fast"] = 2, ["slow"] = 3 },
        }, default);
        if (candles.Length > 0)
        {
            await host.Service<CandleStore>().UpsertAsync(PipelineHost.VenueId, BtcUsdt, Timeframe.OneMinute, candles, default);
        }

        host.Paper.SetQuote(BtcUsdt, 11.99m, 12.01m);
    }
}
