using System.Diagnostics;
using System.Diagnostics.Metrics;
using TradingBot.Core.Execution;

namespace TradingBot.Functions.Telemetry;

/// <summary>
/// The pipeline's metrics (meter <see cref="MeterName"/>) and trace source (<see cref="ActivitySourceName"/>).
/// Tags are low-cardinality: venue, symbol, timeframe, strategy, reason codes, states, function names.
/// </summary>
public sealed class PipelineMetrics
{
    public const string MeterName = "TradingBot.Pipeline";
    public const string ActivitySourceName = "TradingBot.Pipeline";

    private readonly Counter<long> _candles;
    private readonly Counter<long> _signals;
    private readonly Counter<long> _decisions;
    private readonly Counter<long> _orders;
    private readonly Counter<long> _fills;
    private readonly Counter<long> _venueErrors;
    private readonly Counter<long> _poison;
    private readonly Counter<long> _duplicates;
    private readonly Histogram<double> _venueLatency;
    private readonly Histogram<double> _rateLimitWait;
    private readonly Histogram<double> _stageLatency;

    public PipelineMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _candles = meter.CreateCounter<long>("tradingbot.candles.ingested", "{candle}", "Closed candles stored and published");
        _signals = meter.CreateCounter<long>("tradingbot.signals", "{signal}", "Signals raised by strategies");
        _decisions = meter.CreateCounter<long>("tradingbot.risk.decisions", "{decision}", "Risk approvals and rejections by reason");
        _orders = meter.CreateCounter<long>("tradingbot.orders", "{order}", "Order state transitions by resulting state");
        _fills = meter.CreateCounter<long>("tradingbot.fills", "{fill}", "Executions recorded");
        _venueErrors = meter.CreateCounter<long>("tradingbot.venue.errors", "{error}", "Failed venue calls by error type");
        _poison = meter.CreateCounter<long>("tradingbot.messages.poison", "{message}", "Messages recorded as poison");
        _duplicates = meter.CreateCounter<long>("tradingbot.messages.duplicate", "{message}", "Redelivered messages recognised as duplicates");
        _venueLatency = meter.CreateHistogram<double>("tradingbot.venue.latency", "ms", "Venue call latency");
        _rateLimitWait = meter.CreateHistogram<double>("tradingbot.venue.rate_limit.wait", "ms", "Time a venue asked us to wait (429/418 Retry-After)");
        _stageLatency = meter.CreateHistogram<double>("tradingbot.stage.latency", "ms", "Function invocation latency by outcome");
    }

    public static ActivitySource ActivitySource { get; } = new(ActivitySourceName);

    public void CandlesIngested(string venue, string symbol, string timeframe, int count) =>
        _candles.Add(count, new("venue", venue), new("symbol", symbol), new("timeframe", timeframe));

    public void SignalRaised(string strategy, string target) => _signals.Add(1, new("strategy", strategy), new("target", target));

    public void RiskDecision(bool approved, string reason) =>
        _decisions.Add(1, new("outcome", approved ? "approved" : "rejected"), new("reason", reason));

    public void OrderState(string venue, OrderState state) => _orders.Add(1, new("venue", venue), new("state", state.ToString()));

    public void Fill(string venue, string symbol, string side) => _fills.Add(1, new("venue", venue), new("symbol", symbol), new("side", side));

    public void VenueCall(string venue, string operation, TimeSpan elapsed, Exception? error)
    {
        _venueLatency.Record(elapsed.TotalMilliseconds, new("venue", venue), new("operation", operation), new("outcome", error is null ? "ok" : "error"));
        if (error is not null)
        {
            _venueErrors.Add(1, new("venue", venue), new("operation", operation), new("error", error.GetType().Name));
        }
    }

    public void RateLimitWait(string venue, TimeSpan wait) => _rateLimitWait.Record(wait.TotalMilliseconds, new KeyValuePair<string, object?>("venue", venue));

    public void Stage(string function, string outcome, TimeSpan elapsed) =>
        _stageLatency.Record(elapsed.TotalMilliseconds, new("function", function), new("outcome", outcome));

    public void Poison(string function) => _poison.Add(1, new KeyValuePair<string, object?>("function", function));

    public void Duplicate(string function) => _duplicates.Add(1, new KeyValuePair<string, object?>("function", function));
}
