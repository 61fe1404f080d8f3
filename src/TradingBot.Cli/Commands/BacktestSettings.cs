using System.CommandLine;
using TradingBot.Backtesting.Data;
using TradingBot.Backtesting.Engine;
using TradingBot.Core.Market;
using TradingBot.Core.Risk;
using TradingBot.Core.Strategies;

namespace TradingBot.Cli.Commands;

/// <summary>The options every backtest-like command shares (data, strategy, costs, outputs) and their validation.</summary>
internal sealed class BacktestSettings
{
    public Option<string> Data { get; } = new("--data") { Description = "Candle CSV file", Required = true };

    public Option<string> Strategy { get; } = new("--strategy")
    {
        Description = $"Strategy: {string.Join(", ", StrategyCatalog.Names)}",
        Required = true,
    };

    public Option<string[]> Params { get; } = new("--param")
    {
        Description = "Strategy parameter name=value (repeatable)",
        AllowMultipleArgumentsPerToken = false,
        DefaultValueFactory = _ => [],
    };

    public Option<string> Cash { get; } = new("--cash") { Description = "Starting cash", DefaultValueFactory = _ => "10000" };

    public Option<string> Commission { get; } = new("--commission")
    {
        Description = "Relative commission per fill, e.g. 0.001 or 0.1%",
        DefaultValueFactory = _ => "0",
    };

    public Option<string> Spread { get; } = new("--spread")
    {
        Description = "Relative spread paid on entries, e.g. 0.0002 or 0.02%",
        DefaultValueFactory = _ => "0",
    };

    public Option<bool> TradeOnClose { get; } = new("--trade-on-close") { Description = "Fill market orders at the signal bar's close" };

    public Option<bool> NoFinalize { get; } = new("--no-finalize") { Description = "Leave trades open at the end out of the statistics" };

    public Option<string?> Fractional { get; } = new("--fractional")
    {
        Description = "Allow fractional quantities, truncated to this step (default 0.00000001)",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<string?> Risk { get; } = new("--risk")
    {
        Description = "Risk management: a JSON file shaped like the live Risk configuration section, or live-defaults (exactly what a live deployment applies)",
    };

    public Option<string?> StopLoss { get; } = new("--stop-loss") { Description = "Stop-loss per position: a share of the entry price (2%) or ATR multiples (2atr)" };

    public Option<string?> TakeProfit { get; } = new("--take-profit") { Description = "Take-profit per position: 5% or 3atr" };

    public Option<string?> TrailingStop { get; } = new("--trailing-stop") { Description = "Trailing stop per position, from the best price since entry: 3% or 2atr" };

    public Option<string?> MaxPosition { get; } = new("--max-position") { Description = "Largest position as a share of equity, e.g. 25%" };

    public Option<string?> DailyLossLimit { get; } = new("--daily-loss-limit")
    {
        Description = "Halt entries for the rest of the UTC day once the day's loss reaches this share of its starting equity, e.g. 5%",
    };

    public Option<string?> Json { get; } = new("--json") { Description = "Write the result as JSON to this file" };

    public Option<string?> Report { get; } = new("--report") { Description = "Write a self-contained HTML report to this file" };

    public void AddTo(Command command, bool withParams = true)
    {
        command.Options.Add(Data);
        command.Options.Add(Strategy);
        if (withParams)
        {
            command.Options.Add(Params);
        }

        command.Options.Add(Cash);
        command.Options.Add(Commission);
        command.Options.Add(Spread);
        command.Options.Add(TradeOnClose);
        command.Options.Add(NoFinalize);
        command.Options.Add(Fractional);
        command.Options.Add(Risk);
        command.Options.Add(StopLoss);
        command.Options.Add(TakeProfit);
        command.Options.Add(TrailingStop);
        command.Options.Add(MaxPosition);
        command.Options.Add(DailyLossLimit);
        command.Options.Add(Json);
        command.Options.Add(Report);
    }

    public StrategyDefinition ResolveStrategy(ParseResult parse)
    {
        var name = parse.GetValue(Strategy)!;
        return StrategyCatalog.TryGet(name, out var definition)
            ? definition
            : throw new UsageException($"--strategy: unknown strategy '{name}'. Known: {string.Join(", ", StrategyCatalog.Names)}.");
    }

    public BacktestOptions ResolveOptions(ParseResult parse)
    {
        var fractionalGiven = parse.GetResult(Fractional) is not null;
        var step = 1m;
        if (fractionalGiven)
        {
            var text = parse.GetValue(Fractional);
            step = string.IsNullOrWhiteSpace(text) ? 0.00000001m : ValueParsers.Decimal(text, "--fractional");
        }

        var options = new BacktestOptions
        {
            Cash = ValueParsers.Decimal(parse.GetValue(Cash)!, "--cash"),
            Commission = ValueParsers.Fraction(parse.GetValue(Commission)!, "--commission"),
            Spread = ValueParsers.Fraction(parse.GetValue(Spread)!, "--spread"),
            TradeOnClose = parse.GetValue(TradeOnClose),
            FinalizeTrades = !parse.GetValue(NoFinalize),
            QuantityStep = step,
            Risk = ResolveRisk(parse),
        };
        var errors = options.Validate();
        return errors.Count == 0 ? options : throw new UsageException("Invalid options: " + string.Join("; ", errors) + ".");
    }

    /// <summary>
    /// The risk settings of the run: <c>--risk</c> (a file over the live defaults, or <c>live-defaults</c>), then the
    /// shortcuts on top (on <see cref="RiskOptions.None"/> when no <c>--risk</c> is given). Null: reference mode.
    /// </summary>
    public RiskOptions? ResolveRisk(ParseResult parse)
    {
        var source = parse.GetValue(Risk);
        var risk = source is null ? null
            : string.Equals(source.Trim(), "live-defaults", StringComparison.OrdinalIgnoreCase) ? RiskOptions.LiveDefaults
            : RiskFile.Load(source);

        var edits = new List<Func<StrategyRiskOptions, StrategyRiskOptions>>();
        if (parse.GetValue(StopLoss) is { } stopLoss)
        {
            var (fraction, atr) = Distance(stopLoss, "--stop-loss", belowOne: true);
            edits.Add(s => s with { StopLossPercent = fraction, StopLossAtr = atr });
        }

        if (parse.GetValue(TakeProfit) is { } takeProfit)
        {
            var (fraction, atr) = Distance(takeProfit, "--take-profit", belowOne: false);
            edits.Add(s => s with { TakeProfitPercent = fraction, TakeProfitAtr = atr });
        }

        if (parse.GetValue(TrailingStop) is { } trailingStop)
        {
            var (fraction, atr) = Distance(trailingStop, "--trailing-stop", belowOne: true);
            edits.Add(s => s with { TrailingStopPercent = fraction, TrailingStopAtr = atr });
        }

        if (parse.GetValue(MaxPosition) is { } maxPosition)
        {
            var fraction = Share(maxPosition, "--max-position", upToOne: true);
            edits.Add(s => s with { MaxPositionFraction = fraction });
        }

        decimal? dailyLoss = parse.GetValue(DailyLossLimit) is { } daily ? Share(daily, "--daily-loss-limit", upToOne: false) : null;
        if (edits.Count == 0 && dailyLoss is null)
        {
            return risk;
        }

        risk ??= RiskOptions.None;
        var edit = edits.Aggregate((Func<StrategyRiskOptions, StrategyRiskOptions>)(s => s), (all, next) => s => next(all(s)));
        return risk with
        {
            DailyLossLimit = dailyLoss ?? risk.DailyLossLimit,
            Strategy = edit(risk.Strategy),
            Strategies = risk.Strategies.ToDictionary(kv => kv.Key, kv => edit(kv.Value), StringComparer.OrdinalIgnoreCase),
        };
    }

    /// <summary><c>2%</c> / <c>0.02</c> (a share of the entry price) or <c>2atr</c> (ATR multiples).</summary>
    private static (decimal? Fraction, decimal? Atr) Distance(string text, string option, bool belowOne)
    {
        var trimmed = text.Trim();
        if (trimmed.EndsWith("atr", StringComparison.OrdinalIgnoreCase))
        {
            var multiple = ValueParsers.Decimal(trimmed[..^3], option);
            return multiple > 0m ? (null, multiple) : throw new UsageException($"{option}: '{text}' must be a positive number of ATRs, e.g. 2atr.");
        }

        return (Share(trimmed, option, upToOne: belowOne ? false : null), null);
    }

    /// <summary>A share such as <c>5%</c> or <c>0.05</c>: above 0 and below 100 % (or up to 100 %; or unbounded when <paramref name="upToOne"/> is null).</summary>
    private static decimal Share(string text, string option, bool? upToOne)
    {
        var value = ValueParsers.Fraction(text, option);
        var valid = value > 0m && (upToOne switch { true => value <= 1m, false => value < 1m, null => true });
        var range = upToOne switch { true => "above 0 % and at most 100 %", false => "above 0 % and below 100 %", null => "above 0 %" };
        return valid ? value : throw new UsageException($"{option}: '{text}' must be {range} (e.g. 5% or 0.05).");
    }

    public Candle[] LoadCandles(ParseResult parse)
    {
        var path = parse.GetValue(Data)!;
        try
        {
            return CsvCandleReader.ReadFile(path);
        }
        catch (FileNotFoundException)
        {
            throw new UsageException($"--data: file '{path}' does not exist.");
        }
        catch (CsvFormatException ex)
        {
            throw new UsageException(ex.Message, ex);
        }
    }

    /// <summary>Fixed parameter values (<c>name=value</c>).</summary>
    public static List<KeyValuePair<string, double>> ParseFixedParams(IEnumerable<string> pairs) =>
        [.. pairs.Select(p => ValueParsers.Pair(p, "--param"))
            .Select(kv => new KeyValuePair<string, double>(kv.Key, ValueParsers.Number(kv.Value, $"--param {kv.Key}")))];

    public static StrategyParameters Parameterize(StrategyDefinition definition, IEnumerable<KeyValuePair<string, double>> values)
    {
        try
        {
            return definition.Parameterize(values);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"--param: {ex.Message.Split(" (Parameter", 2)[0]}", ex);
        }
    }

    public static IStrategy CreateStrategy(StrategyDefinition definition, StrategyParameters parameters)
    {
        try
        {
            return definition.Create(parameters);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"--param: {ex.Message.Split(" (Parameter", 2)[0]}", ex);
        }
    }
}
