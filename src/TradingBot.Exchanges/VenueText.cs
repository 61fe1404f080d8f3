using System.Globalization;
using TradingBot.Core.Exchange;
using TradingBot.Core.Market;

namespace TradingBot.Exchanges;

/// <summary>
/// Values Coinbase and Robinhood send as text: ISO 8601 / RFC 3339 times (UTC, up to microseconds) and <c>BASE-QUOTE</c>
/// symbols. Anything unreadable is a <see cref="BadResponse"/> naming the venue and the field.
/// </summary>
internal static class VenueText
{
    /// <summary>Parses a venue time (any offset, normalised to UTC); null for an empty value, <see cref="BadResponse"/> for garbage.</summary>
    public static DateTimeOffset? Time(string? text, string venue, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new BadResponse($"{venue} sent '{text}' for {field}, which is not an ISO 8601 time.") { Venue = venue };
    }

    /// <summary>A <c>BASE-QUOTE</c> id as a unified symbol.</summary>
    public static Symbol Symbol(string? text, string venue, string field) =>
        Core.Market.Symbol.TryParse(text, out var symbol)
            ? symbol
            : throw new BadResponse($"{venue} sent '{text}' for {field}, which is not a BASE-QUOTE symbol.") { Venue = venue };

    /// <summary><c>2026-01-01T00:00:00.000000Z</c>: UTC with microseconds, for list filters.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
