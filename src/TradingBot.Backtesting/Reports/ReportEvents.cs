using System.Globalization;
using System.Text.RegularExpressions;
using TradingBot.Backtesting.Engine;

namespace TradingBot.Backtesting.Reports;

/// <summary>
/// Collects the non-trade events of a run for the report. This is the report's one extension point: when
/// <see cref="BacktestResult"/> gains more kinds of events (risk rejections, halts), map them to
/// <see cref="ReportEvent"/>s here (kind <c>rejection</c> / <c>halt</c>, with their bar) and both the events table and
/// the chart markers show them; nothing else in the report changes.
/// </summary>
public static partial class ReportEvents
{
    public static IReadOnlyList<ReportEvent> From(BacktestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var events = new List<ReportEvent>(result.Warnings.Count + result.Rejections.Count + result.Halts.Count);
        foreach (var warning in result.Warnings)
        {
            events.Add(FromWarning(warning, result.Candles.Count));
        }

        foreach (var rejection in result.Rejections)
        {
            events.Add(new ReportEvent(rejection.Bar, "rejection", $"[{rejection.Code}] {rejection.Message}"));
        }

        foreach (var halt in result.Halts)
        {
            events.Add(new ReportEvent(halt.Bar, halt.Halted ? "halt" : "resume", $"[{halt.Code}] {halt.Message}"));
        }

        return [.. events.OrderBy(e => e.Bar ?? int.MaxValue)];
    }

    /// <summary>Broker warnings start with <c>Bar N:</c>; that bar places the marker (text kept whole).</summary>
    internal static ReportEvent FromWarning(string warning, int bars)
    {
        var match = BarPrefix().Match(warning);
        int? bar = match.Success && int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var b) && b < bars
            ? b
            : null;
        return new ReportEvent(bar, "warning", warning);
    }

    [GeneratedRegex(@"^Bar (\d{1,9}):")]
    private static partial Regex BarPrefix();
}
