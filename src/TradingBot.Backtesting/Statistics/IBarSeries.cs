namespace TradingBot.Backtesting.Statistics;

/// <summary>
/// The bar times and closes the statistics read, by index. Implemented by structs so that the statistics pass is
/// specialised per source and reads a candle array in place (no interface call, no copied time or close arrays).
/// </summary>
internal interface IBarSeries
{
    int Count { get; }

    /// <summary>The bar's time in UTC ticks.</summary>
    long UtcTicks(int index);

    double Close(int index);
}
