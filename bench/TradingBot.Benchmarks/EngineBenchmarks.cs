using BenchmarkDotNet.Attributes;
using TradingBot.Backtesting.Data;
using TradingBot.Backtesting.Engine;
using TradingBot.Backtesting.Optimization;
using TradingBot.Core.Market;
using TradingBot.Core.Strategies;

namespace TradingBot.Benchmarks;

/// <summary>
/// The performance targets: SmaCross(10, 20) over 1,000,000 one-minute bars (engine ≥ 20 M bars/s; the
/// reported time is per bar, so bars/s = 1e9 / ns), parsing that file, and a 70-point grid over 10,000 bars.
/// Data is the seeded GBM of <c>tradingbot data synth --seed 1</c>.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private const int Bars = 1_000_000;
    private Candle[] _million = [];
    private Candle[] _tenThousand = [];
    private string _file = string.Empty;
    private GridSearch.Request _grid = null!;

    [GlobalSetup]
    public void Setup()
    {
        var start = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        _million = [.. new GeometricBrownianMotion(seed: 1).Generate(Bars, start, TimeSpan.FromMinutes(1))];
        _tenThousand = _million[..10_000];
        _file = Path.Combine(Path.GetTempPath(), "tradingbot-bench-1m.csv");
        using (var writer = new StreamWriter(_file))
        {
            CsvCandleWriter.Write(writer, _million);
        }

        _grid = new GridSearch.Request(
            SmaCrossStrategy.Definition,
            [new ParameterRange("fast", [5, 10, 15, 20, 25, 30, 35, 40, 45]), new ParameterRange("slow", [10, 20, 30, 40, 50, 60, 70, 80, 90, 100])],
            "sqn",
            new BacktestOptions())
        {
            Constraint = ConstraintExpression.Parse("fast < slow"),
        };
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_file);

    /// <summary>Engine loop + statistics, per bar, as a user runs it (strategy and statistics on a second thread).</summary>
    [Benchmark(OperationsPerInvoke = Bars)]
    public decimal SmaCross_1MBars_PerBar() => Backtest.Run(_million, new SmaCrossStrategy(10, 20)).Statistics.EquityFinal;

    /// <summary>The same run on one thread (as each grid point runs): what one core does.</summary>
    [Benchmark(OperationsPerInvoke = Bars)]
    public decimal SmaCross_1MBars_PerBar_OneThread() =>
        Backtest.Run(_million, new SmaCrossStrategy(10, 20), new BacktestOptions(), false, null, pipeline: false).Statistics.EquityFinal;

    /// <summary>CSV parsing of the 1M-bar file, per bar.</summary>
    [Benchmark(OperationsPerInvoke = Bars)]
    public int ParseCsv_1MBars_PerBar() => CsvCandleReader.ReadFile(_file).Length;

    /// <summary>70 SmaCross combinations over 10,000 bars on all cores.</summary>
    [Benchmark]
    public double GridSearch_70Combinations_10kBars() => GridSearch.Run(_tenThousand, _grid).Best.Score;
}
