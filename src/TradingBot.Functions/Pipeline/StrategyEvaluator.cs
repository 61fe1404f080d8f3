using Microsoft.Extensions.Options;
using TradingBot.Core.Market;
using TradingBot.Core.Messages;
using TradingBot.Core.Strategies;
using TradingBot.Functions.Telemetry;
using TradingBot.Storage.Candles;
using TradingBot.Storage.Config;

namespace TradingBot.Functions.Pipeline;

/// <summary>
/// Evaluates every enabled strategy of a closed candle's market. Each strategy is rebuilt from scratch from a fixed
/// window of stored candles ending with this one (its warm-up plus <see cref="PipelineOptions.StrategyHistoryBars"/>),
/// so evaluating the same candle again gives the same signal. The window comes from <see cref="CandleWindowCache"/> (the
/// stored candles read before, plus the bars since) and the strategies from a snapshot at most
/// <see cref="PipelineOptions.ConfigCacheLifetime"/> old, so a candle costs no table query in the common case. A strategy that answers on this bar raises a
/// <see cref="SignalRaised"/> (id derived from candle id + strategy id; the stage stores what it publishes).
/// </summary>
public sealed class StrategyEvaluator(ConfigStore config, CandleWindowCache candles, IOptions<PipelineOptions> options,
    PipelineMetrics metrics, ILogger<StrategyEvaluator> logger)
{
    public async Task<IReadOnlyList<SignalRaised>> EvaluateAsync(CandleClosed candle, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(candle);
        var configured = (await config.ListStrategiesAsync(options.Value.ConfigCacheLifetime, ct))
            .Where(s => s.Enabled && s.Venue == candle.Venue && s.Symbol == candle.Symbol && s.Timeframe == candle.Timeframe)
            .OrderBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
        var instances = new List<(StrategyConfig Config, StrategyDefinition Definition, IStrategy Strategy)>();
        foreach (var strategy in configured)
        {
            if (Create(strategy) is { } instance)
            {
                instances.Add((strategy, instance.Definition, instance.Strategy));
            }
        }

        if (instances.Count == 0)
        {
            return [];
        }

        var longest = instances.Max(i => Bars(i.Strategy));
        var history = await candles.GetWindowAsync(candle.Venue, candle.Symbol, candle.Timeframe, candle.Candle, longest,
            options.Value.CandleCacheLifetime, ct);
        var raised = new List<SignalRaised>();
        foreach (var (strategy, definition, instance) in instances)
        {
            var first = candle.OpenTime - (candle.Timeframe.Duration * (Bars(instance) - 1));
            var window = history.Where(c => c.Time >= first).ToList();
            if (window.Count - 1 < instance.WarmupBars)
            {
                logger.StrategyWarmingUp(strategy.Id, window.Count, instance.WarmupBars + 1);
                continue;
            }

            StrategySignal? signal = null;
            foreach (var bar in window)
            {
                signal = instance.OnCandle(bar);
            }

            if (signal is { } answer)
            {
                var message = SignalRaised.For(candle, strategy.Id, definition.Name, answer);
                raised.Add(message);
                metrics.SignalRaised(strategy.Id, answer.Target.ToString());
                logger.SignalRaised(strategy.Id, candle.Symbol, answer.Target, answer.Reason, message.Id);
            }
        }

        return raised;
    }

    private int Bars(IStrategy strategy) => strategy.WarmupBars + 1 + options.Value.StrategyHistoryBars;

    private (StrategyDefinition Definition, IStrategy Strategy)? Create(StrategyConfig strategy)
    {
        if (!StrategyCatalog.TryGet(strategy.Strategy, out var definition))
        {
            logger.StrategyMisconfigured(strategy.Id, $"unknown strategy '{strategy.Strategy}' (known: {string.Join(", ", StrategyCatalog.Names)})");
            return null;
        }

        try
        {
            return (definition, definition.Create(strategy.Parameters));
        }
        catch (ArgumentException ex)
        {
            logger.StrategyMisconfigured(strategy.Id, ex.Message);
            return null;
        }
    }
}
