namespace TradingBot.Core.Exchange;

/// <summary>A CCXT <c>{min, max}</c> limit pair; null means unbounded.</summary>
public readonly record struct MinMax(decimal? Min, decimal? Max)
{
    public static MinMax None => default;
}
