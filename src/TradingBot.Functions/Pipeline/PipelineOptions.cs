using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using TradingBot.Functions.Hosting;

namespace TradingBot.Functions.Pipeline;

/// <summary>Section <c>Pipeline</c>: delivery, reconciliation and history settings (defaults are production values).</summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    /// <summary>The subscriptions' maxDeliveryCount (infra/servicebus-topology.json): on that delivery a failure is recorded as poison.</summary>
    [Range(1, 2000)]
    public int MaxDeliveryCount { get; set; } = 10;

    /// <summary>A claimed order younger than this is assumed in flight (another delivery is calling the venue).</summary>
    public TimeSpan ClaimGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An order with an unknown outcome must stay unseen at the venue this long before it counts as never placed.</summary>
    public TimeSpan NotFoundGrace { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A never-placed order claimed longer ago than this is not resubmitted but expired: its signal is stale.</summary>
    public TimeSpan MaxResubmitAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long after an order was last updated its recorded executions (and, for a finished order, its final status)
    /// may take to reach the ledger and the risk book before the reconciler publishes them again: the run that
    /// published them may have died or its output may have been lost. Re-publishing is harmless (same message ids,
    /// deduplicated), so this only avoids needless repeats of messages that are merely still on their way.
    /// </summary>
    public TimeSpan RepublishGrace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Submissions per order, the first included.</summary>
    [Range(1, 10)]
    public int MaxSubmitAttempts { get; set; } = 3;

    /// <summary>Bars fed to a strategy beyond its warm-up when its state is rebuilt from stored candles.</summary>
    [Range(0, 10_000)]
    public int StrategyHistoryBars { get; set; } = 300;

    /// <summary>
    /// How old the pipeline's snapshots of the strategies and markets tables may be (zero: read them whenever needed:
    /// the strategies for every candle, the markets for every risk decision). Changes made through this instance's API
    /// are seen at once; changes made elsewhere (another instance, the CLI) within this.
    /// </summary>
    [TimeSpanRange("00:00:00", "1.00:00:00")]
    public TimeSpan ConfigCacheLifetime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long the strategy stage answers candle windows from the stored candles it has already read before reading
    /// them afresh (zero: read the whole window for every candle). Closed candles do not change; a candle stored out of
    /// band into a gap (a manual back-fill) is seen within this.
    /// </summary>
    [TimeSpanRange("00:00:00", "1.00:00:00")]
    public TimeSpan CandleCacheLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How old the risk book and the ledger positions may be that the strategy stage checks protective exits (stops,
    /// targets, flatten) against, and the halt check reads (zero: read them for every candle). What this instance
    /// writes is seen at once; a stop set or a fill applied by another instance within this. Decisions and exits
    /// themselves are sized on what is stored.
    /// </summary>
    [TimeSpanRange("00:00:00", "1.00:00:00")]
    public TimeSpan RiskStateCacheLifetime { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How old the paper accounts' balances and open orders may be that this instance answers from memory (zero: read
    /// them for every paper call: each risk decision and each order placement asks for both). What this instance
    /// commits is seen at once; orders and fills of another instance within this. A commit is still checked against the
    /// stored balances' version, so remembering never loses or doubles an update.
    /// </summary>
    [TimeSpanRange("00:00:00", "1.00:00:00")]
    public TimeSpan PaperAccountCacheLifetime { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Most bars one ingestion run back-fills per market (and how far back the first run starts).</summary>
    [Range(1, 10_000)]
    public int BackfillBars { get; set; } = 500;

    /// <summary>How long sampled quotes are kept after aggregation.</summary>
    public TimeSpan QuoteSampleRetention { get; set; } = TimeSpan.FromDays(2);
}

/// <summary>Checks <see cref="PipelineOptions"/>' data annotations at start (generated: no reflection).</summary>
[OptionsValidator]
public sealed partial class PipelineOptionsValidator : IValidateOptions<PipelineOptions>;
