using TradingBot.Core.Market;

namespace TradingBot.Exchanges.Robinhood;

/// <summary>
/// Robinhood's quote for trading <see cref="Quantity"/> (base) of <see cref="Symbol"/> now (GET <c>estimated_price</c>):
/// <see cref="Side"/> as Robinhood names it (<c>bid</c> or <c>ask</c>), the estimated <see cref="Price"/>, and the bid
/// and ask that include Robinhood's spread (its only fee).
/// </summary>
public sealed record RobinhoodEstimatedPrice(Symbol Symbol, string Side, decimal Quantity, decimal Price, DateTimeOffset Timestamp)
{
    public decimal? BidInclusiveOfSellSpread { get; init; }

    public decimal? AskInclusiveOfBuySpread { get; init; }
}
