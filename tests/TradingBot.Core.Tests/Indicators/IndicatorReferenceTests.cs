using TradingBot.Core.Indicators;

namespace TradingBot.Core.Tests.Indicators;

/// <summary>
/// Every indicator over all 2,148 GOOG bars against values computed independently from the textbook definitions
/// (Reference/generate.py: windowed sums, two-pass standard deviation, closed-form exponential weights).
/// </summary>
public sealed class IndicatorReferenceTests
{
    private static readonly ReferenceSeries Goog = ReferenceSeries.Goog;

    [Fact]
    public void Reference_GoogFile_HasEveryBar()
    {
        var count = Goog.Count;

        Assert.Equal(2148, count);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(200)]
    public void Sma_GoogCloses_MatchesReference(int period)
    {
        var sma = new Sma(period);

        var values = Goog.Close.Select(sma.Update).ToArray();

        Goog.AssertMatches($"sma{period}", values);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(50)]
    public void Ema_GoogCloses_MatchesReference(int period)
    {
        var ema = new Ema(period);

        var values = Goog.Close.Select(ema.Update).ToArray();

        Goog.AssertMatches($"ema{period}", values);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(14)]
    public void Rsi_GoogCloses_MatchesReference(int period)
    {
        var rsi = new Rsi(period);

        var values = Goog.Close.Select(rsi.Update).ToArray();

        Goog.AssertMatches($"rsi{period}", values);
    }

    [Fact]
    public void BollingerBands_GoogCloses_MatchesReference()
    {
        var bands = new BollingerBands(20, 2.0);
        var middle = new List<double>();
        var upper = new List<double>();
        var lower = new List<double>();
        var sigma = new List<double>();

        foreach (var close in Goog.Close)
        {
            bands.Update(close);
            middle.Add(bands.Middle);
            upper.Add(bands.Upper);
            lower.Add(bands.Lower);
            sigma.Add(bands.StandardDeviation);
        }

        Goog.AssertMatches("bb20_middle", middle);
        Goog.AssertMatches("bb20_upper", upper);
        Goog.AssertMatches("bb20_lower", lower);
        Goog.AssertMatches("bb20_sigma", sigma);
    }

    [Fact]
    public void Atr_GoogBars_MatchesReference()
    {
        var atr = new Atr(14);

        var values = Enumerable.Range(0, Goog.Count).Select(i => atr.Update(Goog.High[i], Goog.Low[i], Goog.Close[i])).ToArray();

        Goog.AssertMatches("atr14", values);
    }

    [Fact]
    public void Macd_GoogCloses_MatchesReference()
    {
        var macd = new Macd(12, 26, 9);
        var line = new List<double>();
        var signal = new List<double>();
        var histogram = new List<double>();

        foreach (var close in Goog.Close)
        {
            macd.Update(close);
            line.Add(macd.Line);
            signal.Add(macd.Signal);
            histogram.Add(macd.Histogram);
        }

        Goog.AssertMatches("macd_line", line);
        Goog.AssertMatches("macd_signal", signal);
        Goog.AssertMatches("macd_histogram", histogram);
    }

    [Fact]
    public void Donchian_GoogBars_MatchesReference()
    {
        var donchian = new Donchian(20);
        var upper = new List<double>();
        var lower = new List<double>();
        var middle = new List<double>();

        for (var i = 0; i < Goog.Count; i++)
        {
            donchian.Update(Goog.High[i], Goog.Low[i]);
            upper.Add(donchian.Upper);
            lower.Add(donchian.Lower);
            middle.Add(donchian.Middle);
        }

        Goog.AssertMatches("donchian20_upper", upper);
        Goog.AssertMatches("donchian20_lower", lower);
        Goog.AssertMatches("donchian20_middle", middle);
    }
}
