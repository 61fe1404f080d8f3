using TradingBot.Core.Market;

namespace TradingBot.Core.Exchange;

/// <summary>One price level: price and amount (base).</summary>
public readonly record struct OrderBookLevel(decimal Price, decimal Amount);

/// <summary>A CCXT unified order book: bids descending, asks ascending.</summary>
public sealed record OrderBook(Symbol Symbol, IReadOnlyList<OrderBookLevel> Bids, IReadOnlyList<OrderBookLevel> Asks, DateTimeOffset? Timestamp)
{
    public long? Nonce { get; init; }

    public decimal? BestBid => Bids.Count > 0 ? Bids[0].Price : null;

    public decimal? BestAsk => Asks.Count > 0 ? Asks[0].Price : null;
}
