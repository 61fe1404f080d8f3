namespace TradingBot.Backtesting.Statistics;

/// <summary>Times and closes given as two lists of the same length.</summary>
internal readonly struct ListSeries(IReadOnlyList<DateTimeOffset> times, IReadOnlyList<double> closes) : IBarSeries
{
    public int Count => times.Count;

    public long UtcTicks(int index) => times[index].UtcTicks;

    public double Close(int index) => closes[index];
}
