using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace TradingBot.Functions.Api;

/// <summary>Section <c>Api</c>: limits of the REST API (authentication is <c>Api:Auth</c>, see <see cref="Security.ApiAuthOptions"/>).</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Changes (strategies, kill switch, cancels, backtests) one caller may make per minute.</summary>
    [Range(1, 10_000)]
    public int MutationsPerMinute { get; set; } = 60;

    /// <summary>How long a venue balance is reused by the portfolio routes (venue request weight is limited).</summary>
    public TimeSpan BalanceCacheDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long one <c>/api/events</c> stream stays open before the client reconnects.</summary>
    public TimeSpan EventsMaxDuration { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan EventsHeartbeat { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Most candles one backtest may run on (stored or uploaded).</summary>
    [Range(10, 2_000_000)]
    public int MaxBacktestBars { get; set; } = 200_000;

    /// <summary>Largest CSV upload for a backtest, in bytes.</summary>
    [Range(1_024, 512L * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 32L * 1024 * 1024;
}

/// <summary>Checks <see cref="ApiOptions"/>' data annotations at start (generated: no reflection).</summary>
[OptionsValidator]
public sealed partial class ApiOptionsValidator : IValidateOptions<ApiOptions>;
