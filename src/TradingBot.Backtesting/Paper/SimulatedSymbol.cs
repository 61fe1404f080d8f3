using TradingBot.Core.Exchange;
using TradingBot.Core.Market;

namespace TradingBot.Backtesting.Paper;

/// <summary>One simulated market: starting price, annualised volatility, spread and the venue-like precision/limits.</summary>
public sealed record SimulatedSymbol(Symbol Symbol, decimal StartPrice, double AnnualVolatility, MarketPrecision Precision, MarketLimits Limits)
{
    /// <summary>Bid/ask spread as a fraction of the mid price (0.0002 = 2 bp).</summary>
    public decimal Spread { get; init; } = 0.0002m;

    /// <summary>Four liquid pairs with Binance-like filters: BTC/USDT, ETH/USDT, SOL/USDT, BTC/USD.</summary>
    public static IReadOnlyList<SimulatedSymbol> Defaults { get; } =
    [
        Pair("BTC", "USDT", 60000m, 0.60, 0.00001m, 0.01m),
        Pair("ETH", "USDT", 3000m, 0.75, 0.0001m, 0.01m),
        Pair("SOL", "USDT", 150m, 0.95, 0.001m, 0.01m),
        Pair("BTC", "USD", 60000m, 0.60, 0.00000001m, 0.01m),
    ];

    private static SimulatedSymbol Pair(string @base, string quote, decimal price, double volatility, decimal step, decimal tick) =>
        new(new Symbol(@base, quote), price, volatility, new MarketPrecision(step, tick), new MarketLimits
        {
            Amount = new MinMax(step, 9000m),
            Price = new MinMax(tick, 10_000_000m),
            Cost = new MinMax(5m, 9_000_000m),
        });
}
