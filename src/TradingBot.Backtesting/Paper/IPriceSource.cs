using TradingBot.Core.Exchange;
using TradingBot.Core.Market;

namespace TradingBot.Backtesting.Paper;

/// <summary>
/// Where the paper venue gets its markets and prices: the <see cref="SimulatedMarket"/>, a live venue's quotes
/// (<see cref="LiveVenuePriceSource"/>) or replayed candles (<see cref="CandleReplayPriceSource"/>).
/// </summary>
public interface IPriceSource
{
    /// <summary>Candle intervals <see cref="GetCandlesAsync"/> serves (empty when it serves none).</summary>
    IReadOnlyList<Timeframe> Timeframes { get; }

    /// <summary>The tradable markets with their precision and limits.</summary>
    Task<IReadOnlyDictionary<Symbol, Market>> LoadMarketsAsync(CancellationToken ct);

    /// <summary>The current bid/ask/last; <see cref="BadSymbol"/> for an unknown symbol.</summary>
    Task<Quote> GetQuoteAsync(Symbol symbol, CancellationToken ct);

    /// <summary>Candles ascending from <paramref name="since"/>, at most <paramref name="limit"/>; <see cref="NotSupported"/> when the source has none.</summary>
    Task<IReadOnlyList<Candle>> GetCandlesAsync(Symbol symbol, Timeframe timeframe, DateTimeOffset? since, int? limit, CancellationToken ct);
}
