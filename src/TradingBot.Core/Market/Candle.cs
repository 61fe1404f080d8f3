namespace TradingBot.Core.Market;

/// <summary>One OHLCV bar. <see cref="Time"/> is the bar's open time (UTC); prices and volume are exact decimals.</summary>
public readonly record struct Candle(DateTimeOffset Time, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume)
{
    /// <summary>Returns why this bar is not a valid OHLC bar, or <see langword="null"/> when it is.</summary>
    public string? Validate()
    {
        if (Open <= 0m || High <= 0m || Low <= 0m || Close <= 0m)
        {
            return "prices must be positive";
        }

        if (Volume < 0m)
        {
            return "volume must not be negative";
        }

        if (High < Low)
        {
            return $"high {High} is below low {Low}";
        }

        if (Open > High || Open < Low || Close > High || Close < Low)
        {
            return $"open {Open} and close {Close} must lie within low {Low} and high {High}";
        }

        return null;
    }
}
