namespace TradingBot.Core.Ingestion;

/// <summary>A best bid/ask observed at <see cref="Time"/> (venues without candle endpoints are sampled this way).</summary>
public readonly record struct QuoteSample(DateTimeOffset Time, decimal Bid, decimal Ask)
{
    public decimal Mid => (Bid + Ask) / 2m;
}
