using System.Collections.Concurrent;
using TradingBot.Backtesting.Engine;
using TradingBot.Backtesting.Statistics;
using TradingBot.Core.Market;
using TradingBot.Core.Strategies;

namespace TradingBot.Backtesting.Optimization;

/// <summary>
/// Exhaustive grid search: every combination of the ranges (fixed values for the other parameters), filtered by an
/// optional constraint, backtested on all cores, ranked by one statistic. Deterministic: the same inputs give the same
/// best point whatever the scheduling (ties go to the earliest grid point).
/// </summary>
public static class GridSearch
{
    public sealed record Request(
        StrategyDefinition Strategy,
        IReadOnlyList<ParameterRange> Ranges,
        string Maximize,
        BacktestOptions Options)
    {
        public IReadOnlyList<KeyValuePair<string, double>> Fixed { get; init; } = [];

        public ConstraintExpression? Constraint { get; init; }

        /// <summary>Worker count; defaults to every core.</summary>
        public int? MaxDegreeOfParallelism { get; init; }
    }

    /// <summary>Every grid point (after the constraint) as full parameter sets, in grid order; and how many were excluded.</summary>
    public static (IReadOnlyList<StrategyParameters> Points, int Excluded) Expand(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Ranges.Count == 0)
        {
            throw new ArgumentException("Optimisation needs at least one parameter range (e.g. fast=5..45:5).");
        }

        foreach (var range in request.Ranges)
        {
            if (range.Values.Count == 0)
            {
                throw new ArgumentException($"Range for '{range.Name}' has no values.");
            }
        }

        var duplicate = request.Ranges.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Parameter '{duplicate.Key}' is given more than once.");
        }

        if (request.Constraint is { } constraint)
        {
            var known = request.Strategy.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var unknown = constraint.Names.Where(n => !known.Contains(n)).ToList();
            if (unknown.Count > 0)
            {
                throw new ArgumentException(
                    $"Constraint '{constraint.Text}' uses {string.Join(", ", unknown.Select(u => $"'{u}'"))}, not parameters of {request.Strategy.Name} " +
                    $"({string.Join(", ", known)}).");
            }
        }

        var points = new List<StrategyParameters>();
        var excluded = 0;
        var indexes = new int[request.Ranges.Count];
        while (true)
        {
            var values = new List<KeyValuePair<string, double>>(request.Fixed);
            for (var r = 0; r < request.Ranges.Count; r++)
            {
                values.Add(new(request.Ranges[r].Name, request.Ranges[r].Values[indexes[r]]));
            }

            var parameters = request.Strategy.Parameterize(values);
            if (request.Constraint is null || request.Constraint.Evaluate(parameters))
            {
                points.Add(parameters);
            }
            else
            {
                excluded++;
            }

            var k = request.Ranges.Count - 1;
            while (k >= 0 && ++indexes[k] == request.Ranges[k].Values.Count)
            {
                indexes[k] = 0;
                k--;
            }

            if (k < 0)
            {
                break;
            }
        }

        return (points, excluded);
    }

    public static OptimizationResult Run(IReadOnlyList<Candle> candles, Request request, IProgress<int>? progress = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(candles);
        ArgumentNullException.ThrowIfNull(request);
        var score = StatisticKeys.Get(request.Maximize);
        var bars = candles as Candle[] ?? [.. candles];
        var (points, excluded) = Expand(request);
        if (points.Count == 0)
        {
            throw new ArgumentException($"The constraint '{request.Constraint?.Text}' excludes every grid point.");
        }

        var runs = new OptimizationRun?[points.Count];
        var done = 0;
        var errors = new ConcurrentQueue<string>();
        var options = new ParallelOptions
        {
            CancellationToken = ct,
            MaxDegreeOfParallelism = request.MaxDegreeOfParallelism ?? Environment.ProcessorCount,
        };
        Parallel.For(0, points.Count, options, i =>
        {
            IStrategy strategy;
            try
            {
                strategy = request.Strategy.Create(points[i]);
            }
            catch (ArgumentException ex)
            {
                // An inconsistent point (e.g. fast >= slow without a constraint) is skipped and reported, not fatal.
                errors.Enqueue($"{points[i]}: {ex.Message}");
                progress?.Report(Interlocked.Increment(ref done));
                return;
            }

            // Every core already runs a grid point: no second thread per run.
            var result = Backtest.Run(bars, strategy, request.Options, recordPlots: false, parameters: null, pipeline: false);
            runs[i] = new OptimizationRun(points[i], result.Statistics, score(result.Statistics));
            progress?.Report(Interlocked.Increment(ref done));
        });

        var evaluated = runs.Where(r => r is not null).Select(r => r!).ToList();
        if (evaluated.Count == 0)
        {
            throw new ArgumentException("No grid point is a valid parameter set: " + string.Join("; ", errors.Take(3)));
        }

        var best = evaluated[0];
        foreach (var run in evaluated)
        {
            if (IsBetter(run.Score, best.Score))
            {
                best = run;
            }
        }

        var bestResult = Backtest.Run(bars, request.Strategy.Create(best.Parameters), request.Options, recordPlots: true,
            parameters: best.Parameters.ToString());
        return new OptimizationResult
        {
            Strategy = request.Strategy.Name,
            Maximize = request.Maximize,
            Ranges = request.Ranges,
            Runs = evaluated,
            Excluded = excluded + (points.Count - evaluated.Count),
            Best = best,
            BestResult = bestResult,
        };
    }

    /// <summary>Strictly better; NaN is worse than any number.</summary>
    internal static bool IsBetter(double candidate, double incumbent) =>
        !double.IsNaN(candidate) && (double.IsNaN(incumbent) || candidate > incumbent);
}
