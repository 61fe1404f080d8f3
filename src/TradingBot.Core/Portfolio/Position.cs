using TradingBot.Core.Exchange;
using TradingBot.Core.Market;

namespace TradingBot.Core.Portfolio;

/// <summary>
/// The position in one symbol of one account (as risk sees it), built from fills only; <see cref="StrategyId"/> is the
/// strategy of the latest fill.
/// <see cref="Quantity"/> is signed (negative = short). <see cref="AverageCost"/> is the average entry price of the
/// open quantity, fees excluded. <see cref="RealizedPnl"/> is closed profit <b>net of every fee</b> (fees are realized
/// the moment they are paid), so equity change = realized + unrealized at any time.
/// </summary>
public sealed record Position(string Account, Symbol Symbol, string StrategyId)
{
    public decimal Quantity { get; init; }

    public decimal AverageCost { get; init; }

    public decimal RealizedPnl { get; init; }

    /// <summary>Quote value of the fees paid (base-currency fees valued at the fill price).</summary>
    public decimal Fees { get; init; }

    /// <summary>Fees paid in a third currency (e.g. BNB), which have no quote value here; they show in balances.</summary>
    public IReadOnlyDictionary<string, decimal> OtherFees { get; init; } = new Dictionary<string, decimal>();

    /// <summary>The last fill price (mark used when no fresher price is known).</summary>
    public decimal LastPrice { get; init; }

    public int FillCount { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public bool IsFlat => Quantity == 0m;

    /// <summary>Open profit at <paramref name="markPrice"/>: quantity · (mark − average cost).</summary>
    public decimal UnrealizedPnl(decimal markPrice) => Quantity * (markPrice - AverageCost);

    /// <summary>Market value of the open quantity at <paramref name="markPrice"/> (negative for shorts).</summary>
    public decimal MarketValue(decimal markPrice) => Quantity * markPrice;

    /// <summary>
    /// Applies one execution. Buys add to a long (weighted average cost) or cover a short (realizing
    /// (average − price) per unit covered, and opening a long at the price with any excess); sells mirror that.
    /// A fee in the quote currency is an expense; a fee in the base currency also reduces the quantity received
    /// (or adds to the quantity given up) and is valued at the fill price.
    /// </summary>
    public Position Apply(OrderSide side, decimal price, decimal amount, Fee? fee, DateTimeOffset at)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        var feeBase = fee is { } f && f.Currency == Symbol.Base ? f.Cost : 0m;
        var feeQuote = fee is { } g && g.Currency == Symbol.Quote ? g.Cost : 0m;
        var otherFees = OtherFees;
        if (fee is { } h && h.Cost != 0m && h.Currency != Symbol.Base && h.Currency != Symbol.Quote)
        {
            var copy = new Dictionary<string, decimal>(OtherFees);
            copy[h.Currency] = copy.GetValueOrDefault(h.Currency) + h.Cost;
            otherFees = copy;
        }

        var signed = side == OrderSide.Buy ? amount : -amount;
        var (quantity, average, realized) = Trade(Quantity, AverageCost, signed, price);
        var feeValue = feeQuote + (feeBase * price);
        if (feeBase != 0m)
        {
            // The venue keeps the fee out of the base we receive (buy) or takes it on top of what we sell.
            (quantity, average, var extra) = Trade(quantity, average, -feeBase, price);
            realized += extra;
        }

        return this with
        {
            Quantity = quantity,
            AverageCost = quantity == 0m ? 0m : average,
            RealizedPnl = RealizedPnl + realized - feeValue,
            Fees = Fees + feeValue,
            OtherFees = otherFees,
            LastPrice = price,
            FillCount = FillCount + 1,
            UpdatedAt = at,
        };
    }

    private static (decimal Quantity, decimal Average, decimal Realized) Trade(decimal quantity, decimal average, decimal signed, decimal price)
    {
        if (signed == 0m)
        {
            return (quantity, average, 0m);
        }

        if (quantity == 0m || Math.Sign(quantity) == Math.Sign(signed))
        {
            var total = quantity + signed;
            return (total, ((average * quantity) + (price * signed)) / total, 0m);
        }

        var closing = Math.Min(Math.Abs(signed), Math.Abs(quantity));
        var realized = closing * (price - average) * Math.Sign(quantity);
        var remaining = quantity + signed;
        if (remaining == 0m)
        {
            return (0m, 0m, realized);
        }

        return Math.Sign(remaining) == Math.Sign(quantity) ? (remaining, average, realized) : (remaining, price, realized);
    }
}
