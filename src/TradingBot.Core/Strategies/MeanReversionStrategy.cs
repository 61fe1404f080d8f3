using System.Runtime.CompilerServices;
using TradingBot.Core.Indicators;
using TradingBot.Core.Market;

namespace TradingBot.Core.Strategies;

/// <summary>
/// Bollinger/RSI mean reversion. Long when the close is below the lower band and RSI is below <c>oversold</c>;
/// back to flat when the close reaches the middle band or RSI rises above <c>overbought</c>. With
/// <c>allowShort=1</c> the mirror image also trades short (spot venues cannot short; keep it 0 for live spot).
/// </summary>
public sealed class MeanReversionStrategy : IStrategy
{
    private readonly BollingerBands _bands;
    private readonly Rsi _rsi;
    private readonly double _oversold;
    private readonly double _overbought;
    private readonly bool _allowShort;
    private TargetPosition _position = TargetPosition.Flat;

    public MeanReversionStrategy(int period, double k, int rsiPeriod, double oversold, double overbought, bool allowShort)
    {
        if (oversold >= overbought)
        {
            throw new ArgumentException($"oversold ({oversold}) must be below overbought ({overbought}).");
        }

        _bands = new BollingerBands(period, k);
        _rsi = new Rsi(rsiPeriod);
        _oversold = oversold;
        _overbought = overbought;
        _allowShort = allowShort;
        PlotNames = [$"BB({period},{k}) upper", $"BB({period},{k}) middle", $"BB({period},{k}) lower"];
    }

    public static StrategyDefinition Definition { get; } = new(
        "mean-reversion",
        "Buy below the lower Bollinger Band when RSI is oversold; exit at the middle band or when RSI is overbought.",
        [
            new StrategyParameter("period", 20, 2, 10_000, true, "Bollinger Band period (bars)"),
            new StrategyParameter("k", 2, 0.1, 10, false, "Band width in standard deviations"),
            new StrategyParameter("rsiPeriod", 14, 2, 10_000, true, "RSI period (bars)"),
            new StrategyParameter("oversold", 30, 0, 100, false, "RSI level that counts as oversold"),
            new StrategyParameter("overbought", 70, 0, 100, false, "RSI level that counts as overbought"),
            new StrategyParameter("allowShort", 0, 0, 1, true, "1 to also trade the short side"),
        ],
        p => new MeanReversionStrategy(
            p.GetInt("period"), p["k"], p.GetInt("rsiPeriod"), p["oversold"], p["overbought"], p.GetBool("allowShort")));

    public string Name => Definition.Name;

    public int WarmupBars => Math.Max(_bands.Period - 1, _rsi.Period);

    public IReadOnlyList<string> PlotNames { get; }

    // Runs once per bar: compiled fully optimised at once, not after a million bars through unoptimised code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public StrategySignal? OnCandle(in Candle candle)
    {
        var close = (double)candle.Close;
        _bands.Update(close);
        var rsi = _rsi.Update(close);
        if (!_bands.IsReady || !_rsi.IsReady)
        {
            return null;
        }

        var next = _position switch
        {
            TargetPosition.Flat when close < _bands.Lower && rsi < _oversold =>
                StrategySignal.Long("close below lower band with RSI oversold"),
            TargetPosition.Flat when _allowShort && close > _bands.Upper && rsi > _overbought =>
                StrategySignal.Short("close above upper band with RSI overbought"),
            TargetPosition.Long when close >= _bands.Middle || rsi > _overbought =>
                StrategySignal.Flat("reverted to the middle band or RSI overbought"),
            TargetPosition.Short when close <= _bands.Middle || rsi < _oversold =>
                StrategySignal.Flat("reverted to the middle band or RSI oversold"),
            _ => (StrategySignal?)null,
        };

        if (next is { } signal)
        {
            _position = signal.Target;
        }

        return next;
    }

    public double GetPlotValue(int index) => index switch
    {
        0 => _bands.Upper,
        1 => _bands.Middle,
        2 => _bands.Lower,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };
}
