namespace TradingBot.Core.Exchange;

/// <summary>A CCXT fee: amount in <see cref="Currency"/>, and the rate when the venue says it.</summary>
public sealed record Fee(decimal Cost, string Currency)
{
    public decimal? Rate { get; init; }
}
