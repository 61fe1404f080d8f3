namespace TradingBot.Core.Risk;

/// <summary>A distance from a price: a fraction of it (0.02 = 2 %) or an absolute amount (e.g. 2 ATRs in quote currency).</summary>
public readonly record struct PriceDistance(decimal Value, bool IsFraction)
{
    public static PriceDistance Fraction(decimal value) => new(value, true);

    public static PriceDistance Absolute(decimal value) => new(value, false);

    public decimal Below(decimal price) => IsFraction ? price * (1m - Value) : price - Value;

    public decimal Above(decimal price) => IsFraction ? price * (1m + Value) : price + Value;

    /// <summary>The level on the losing side of <paramref name="price"/> for a long (below) or a short (above).</summary>
    public decimal Behind(decimal price, bool isLong) => isLong ? Below(price) : Above(price);

    /// <summary>The level on the winning side of <paramref name="price"/> for a long (above) or a short (below).</summary>
    public decimal Ahead(decimal price, bool isLong) => isLong ? Above(price) : Below(price);
}
