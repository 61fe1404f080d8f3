using System.Globalization;
using System.Text.Json;
using TradingBot.Backtesting.Engine;
using TradingBot.Backtesting.Reports;
using TradingBot.Core.Market;
using TradingBot.Core.Strategies;
using TradingBot.Functions.Api.Contracts;
using TradingBot.Functions.Api.Live;
using TradingBot.Storage.Backtests;

namespace TradingBot.Functions.Api;

/// <summary>
/// Runs a backtest the API asked for with the same engine, strategies and report as the CLI, and stores the result
/// JSON and the HTML report (<see cref="BacktestStore"/>). Validation problems go into <see cref="FieldErrors"/>.
/// </summary>
public sealed class BacktestRunner(BacktestStore store, LiveEvents events, TimeProvider time, ILogger<BacktestRunner> logger)
{
    /// <summary>The strategy and options a request describes, or nulls with the reasons in <paramref name="errors"/>.</summary>
    public static (StrategyDefinition? Definition, StrategyParameters? Parameters, BacktestOptions? Options) Validate(string? strategy,
        IReadOnlyDictionary<string, double>? parameters, BacktestSettings? settings, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(strategy) || !StrategyCatalog.TryGet(strategy, out var definition))
        {
            errors.Add("strategy", $"must be one of {string.Join(", ", StrategyCatalog.Names)}.");
            return (null, null, null);
        }

        StrategyParameters? values = null;
        try
        {
            values = definition.Parameterize(parameters);
            definition.Create(values);
        }
        catch (ArgumentException ex)
        {
            errors.Add("parameters", FieldErrors.Reason(ex));
        }

        settings ??= new BacktestSettings();
        var options = new BacktestOptions
        {
            Cash = settings.Cash,
            Commission = settings.Commission,
            Spread = settings.Spread,
            TradeOnClose = settings.TradeOnClose,
            QuantityStep = settings.QuantityStep,
        };
        foreach (var problem in options.Validate())
        {
            errors.Add("settings", problem);
        }

        return errors.Any ? (definition, null, null) : (definition, values, options);
    }

    public async Task<BacktestView> RunAsync(StrategyDefinition definition, StrategyParameters parameters, BacktestOptions options,
        IReadOnlyList<Candle> candles, string source, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(parameters);
        var text = string.Join(",", parameters.Select(p => $"{p.Key}={p.Value.ToString(CultureInfo.InvariantCulture)}"));
        var result = Backtest.Run(candles, definition.Create(parameters), options, recordPlots: true, parameters: text);
        var json = BacktestJson.ToJson(result, indented: false);
        using var html = new StringWriter(CultureInfo.InvariantCulture);
        HtmlReport.Write(html, result);
        using var document = JsonDocument.Parse(json);
        var stats = document.RootElement.TryGetProperty("stats", out var s) ? s.GetRawText() : "{}";
        var createdAt = time.GetUtcNow();
        var summary = new BacktestSummary(BacktestStore.NewId(createdAt), definition.Name, text, source, candles.Count, createdAt, stats);
        await store.SaveAsync(summary, json, html.ToString(), ct);
        logger.BacktestRan(summary.Id, summary.Strategy, source, summary.Bars);
        events.Publish(LiveEventKinds.Backtest, new BacktestData(summary.Id, summary.Strategy));
        return View(summary);
    }

    public static BacktestView View(BacktestSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        using var stats = JsonDocument.Parse(summary.StatisticsJson);
        var id = Uri.EscapeDataString(summary.Id);
        return new BacktestView(summary.Id, summary.Strategy, summary.Parameters, summary.Source, summary.Bars, summary.CreatedAt,
            stats.RootElement.Clone(), $"/api/backtests/{id}", $"/api/backtests/{id}/report");
    }
}
