using System.Globalization;

namespace TradingBot.Core.Risk;

/// <summary>Number formatting for risk sentences: invariant, plain, at most 8 decimals; fractions as percentages.</summary>
internal static class Text
{
    public static string Number(decimal value) => Math.Round(value, 8).ToString("0.########", CultureInfo.InvariantCulture);

    public static string Percent(decimal fraction) => (fraction * 100m).ToString("0.##", CultureInfo.InvariantCulture) + " %";
}
