using System.Globalization;
using System.Net;

namespace TradingBot.Backtesting.Reports;

/// <summary>Escaping and number formatting for the report pages: every piece of text goes through <see cref="Encode(string?)"/>.</summary>
internal static class Html
{
    /// <summary>Escapes text for element content and double-quoted attribute values (&lt; &gt; &amp; " ').</summary>
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    public static string Decimal(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A double as written in data attributes and tables: round-trip digits, <c>NaN</c> for NaN.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
