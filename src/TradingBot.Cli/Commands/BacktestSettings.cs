using System.CommandLine;
using TradingBot.Backtesting.Data;
using TradingBot.Backtesting.Engine;
using TradingBot.Core.Market;
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
        };
        var errors = options.Validate();
        return errors.Count == 0 ? options : throw new UsageException("Invalid options: " + string.Join("; ", errors) + ".");
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
