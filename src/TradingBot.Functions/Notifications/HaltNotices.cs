using System.Globalization;
using TradingBot.Core.Risk;
using TradingBot.Storage.Inbox;

namespace TradingBot.Functions.Notifications;

/// <summary>
/// Each halt is announced (live event and notification) once: whoever first claims the halt's key — account, reason and
/// the time it began — in the inbox table announces it. The kill switch engaged through the API and the pipeline's
/// check of the risk book after a decision therefore never both announce the same halt, nor do several instances.
/// </summary>
public sealed class HaltNotices(InboxStore inbox)
{
    public const string Scope = "notice:halt";

    /// <summary>True for the first caller (on any instance) to ask about this halt; false afterwards.</summary>
    public Task<bool> FirstAsync(string account, RiskHalt halt, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(halt);
        var key = string.Join('|', account, halt.Reason.ToCode(), halt.Since.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        return inbox.TryClaimAsync(Scope, key, now, ct);
    }
}
