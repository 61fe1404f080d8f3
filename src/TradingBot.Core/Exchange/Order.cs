using TradingBot.Core.Market;

namespace TradingBot.Core.Exchange;

/// <summary>
/// A CCXT unified order. <see cref="Cost"/> is filled quote value excluding fees; <see cref="Average"/> is the mean
/// fill price. Use <see cref="Normalize"/> to derive missing fields the CCXT way.
/// </summary>
public sealed record Order(string Id, string ClientOrderId, Symbol Symbol, OrderType Type, OrderSide Side, OrderStatus Status)
{
    public DateTimeOffset? Timestamp { get; init; }

    public DateTimeOffset? LastTradeTimestamp { get; init; }

    /// <summary>CCXT <c>lastUpdateTimestamp</c>: the venue's last change to the order (fill, cancel...).</summary>
    public DateTimeOffset? LastUpdateTimestamp { get; init; }

    public decimal? Price { get; init; }

    public decimal? Amount { get; init; }

    public decimal Filled { get; init; }

    public decimal? Remaining { get; init; }

    public decimal? Cost { get; init; }

    public decimal? Average { get; init; }

    public string? TimeInForce { get; init; }

    /// <summary>CCXT <c>postOnly</c>: a maker-only limit order (Binance LIMIT_MAKER).</summary>
    public bool PostOnly { get; init; }

    /// <summary>CCXT <c>triggerPrice</c> (stop price) of a conditional order, when it has one.</summary>
    public decimal? TriggerPrice { get; init; }

    // Empty, never null, also when a stored document lacks the field (generated JSON sets every init-only property).
    public IReadOnlyList<Fee> Fees { get => field ?? []; init; } = [];

    public IReadOnlyList<Trade> Trades { get => field ?? []; init; } = [];

    public bool IsTerminal => Status is not OrderStatus.Open;

    /// <summary>CCXT <c>fee</c>: the single fee when all of <see cref="Fees"/> is in one currency, else null.</summary>
    public Fee? Fee => Fees.Count == 1 ? Fees[0] : null;

    /// <summary>
    /// CCXT <c>safeOrder</c> derivations: filled/cost from trades when missing, filled = max(amount − remaining, 0)
    /// when only those are known, amount = filled + remaining, remaining = max(amount − filled, 0),
    /// average = cost / filled, cost = filled · (average ?? price), a market order's price = average.
    /// </summary>
    public Order Normalize()
    {
        var filled = Filled;
        var cost = Cost;
        var fees = Fees;
        if (filled == 0m && Trades.Count == 0 && Amount is { } known && Remaining is { } left)
        {
            filled = Math.Max(known - left, 0m);
        }

        if (Trades.Count > 0)
        {
            if (filled == 0m)
            {
                filled = Trades.Sum(t => t.Amount);
            }

            cost ??= Trades.Sum(t => t.Cost);
            if (fees.Count == 0)
            {
                fees = [.. Trades.Where(t => t.Fee is not null).GroupBy(t => t.Fee!.Currency)
                    .Select(g => new Fee(g.Sum(t => t.Fee!.Cost), g.Key)
                    {
                        Rate = g.Select(t => t.Fee!.Rate).Distinct().Count() == 1 ? g.First().Fee!.Rate : null,
                    })];
            }
        }

        var amount = Amount ?? (Remaining is { } r ? filled + r : Status == OrderStatus.Closed ? filled : null);
        var remaining = amount is { } a ? Math.Max(a - filled, 0m) : Remaining;
        var average = Average ?? (cost is { } c && filled > 0m ? c / filled : null);
        cost ??= average is { } avg ? filled * avg : Price is { } p ? filled * p : null;
        var price = Price ?? (Type == OrderType.Market ? average : null);
        return this with
        {
            Filled = filled,
            Cost = cost,
            Amount = amount,
            Remaining = remaining,
            Average = average,
            Price = price,
            Fees = fees,
            LastTradeTimestamp = LastTradeTimestamp ?? (Trades.Count > 0 ? Trades.Max(t => t.Timestamp) : null),
        };
    }
}
