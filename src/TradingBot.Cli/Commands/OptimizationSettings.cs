using System.CommandLine;
using TradingBot.Backtesting.Engine;
using TradingBot.Backtesting.Optimization;
using TradingBot.Backtesting.Statistics;

namespace TradingBot.Cli.Commands;

/// <summary>Options shared by <c>optimize</c> and <c>walk-forward</c>: parameter ranges, target statistic, constraint.</summary>
internal sealed class OptimizationSettings
{
    public BacktestSettings Backtest { get; } = new();

    public Option<string[]> Ranges { get; } = new("--param")
    {
        Description = "Parameter range name=from..to[:step], a list name=a,b,c, or a fixed name=value (repeatable)",
        DefaultValueFactory = _ => [],
    };

    public Option<string> Maximize { get; } = new("--maximize")
    {
        Description = "Statistic to maximise (JSON key, e.g. sqn, sharpe, returnPct, equityFinal)",
        DefaultValueFactory = _ => "sqn",
    };

    public Option<string?> Constraint { get; } = new("--constraint") { Description = "Condition on parameters, e.g. \"fast<slow\"" };

    public Option<int?> Workers { get; } = new("--workers") { Description = "Parallel workers (default: all cores)" };

    public void AddTo(Command command)
    {
        Backtest.AddTo(command, withParams: false);
        command.Options.Add(Ranges);
        command.Options.Add(Maximize);
        command.Options.Add(Constraint);
        command.Options.Add(Workers);
    }

    public GridSearch.Request Resolve(ParseResult parse, BacktestOptions options)
    {
        var definition = Backtest.ResolveStrategy(parse);
        var ranges = new List<ParameterRange>();
        var fixedValues = new List<KeyValuePair<string, double>>();
        foreach (var text in parse.GetValue(Ranges)!)
        {
            var (name, value) = ValueParsers.Pair(text, "--param");
            var values = ValueParsers.Range(value, $"--param {name}");
            if (values.Count == 1 && !value.Contains("..", StringComparison.Ordinal) && !value.Contains(',', StringComparison.Ordinal))
            {
                fixedValues.Add(new(name, values[0]));
            }
            else
            {
                ranges.Add(new ParameterRange(name, values));
            }
        }

        if (ranges.Count == 0)
        {
            throw new UsageException("--param: give at least one range to optimise, e.g. --param fast=5..45:5.");
        }

        var maximize = parse.GetValue(Maximize)!;
        if (!StatisticKeys.TryGet(maximize, out _))
        {
            throw new UsageException($"--maximize: unknown statistic '{maximize}'. Known: {string.Join(", ", StatisticKeys.Names)}.");
        }

        ConstraintExpression? constraint = null;
        if (parse.GetValue(Constraint) is { } constraintText)
        {
            try
            {
                constraint = ConstraintExpression.Parse(constraintText);
            }
            catch (FormatException ex)
            {
                throw new UsageException($"--constraint: {ex.Message}", ex);
            }
        }

        var workers = parse.GetValue(Workers);
        if (workers is < 1 or > 256)
        {
            throw new UsageException($"--workers must be between 1 and 256, got {workers}.");
        }

        var request = new GridSearch.Request(definition, ranges, maximize, options)
        {
            Fixed = fixedValues,
            Constraint = constraint,
            MaxDegreeOfParallelism = workers,
        };
        try
        {
            var (points, _) = GridSearch.Expand(request);
            if (points.Count == 0)
            {
                throw new UsageException($"--constraint '{constraint?.Text}' excludes every grid point.");
            }
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"--param: {ex.Message.Split(" (Parameter", 2)[0]}", ex);
        }

        return request;
    }
}
