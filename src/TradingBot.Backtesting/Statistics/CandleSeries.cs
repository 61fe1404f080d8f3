using TradingBot.Core.Market;

namespace TradingBot.Backtesting.Statistics;

/// <summary>Times and closes read straight from a candle array (the close converted to double on access).</summary>
internal readonly struct CandleSeries(Candle[] candles) : IBarSeries
{
    public int Count => candles.Length;

    public long UtcTicks(int index) => candles[index].Time.UtcTicks;

    public double Close(int index) => (double)candles[index].Close;
}
