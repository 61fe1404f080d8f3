using TradingBot.Core.Market;

namespace TradingBot.Core.Messages;

/// <summary>Field checks shared by the message records' <c>Validate</c> methods (first failure wins).</summary>
internal static class MessageRules
{
    public static string? Envelope(IMessage message, string expectedId)
    {
        if (string.IsNullOrWhiteSpace(message.CausationId))
        {
            return "causationId: required.";
        }

        if (string.IsNullOrWhiteSpace(message.CorrelationId))
        {
            return "correlationId: required.";
        }

        return string.Equals(message.Id, expectedId, StringComparison.Ordinal)
            ? null
            : $"id: \"{message.Id}\" is not the id derived from its cause (\"{expectedId}\").";
    }

    public static string? Venue(string venue) =>
        !string.IsNullOrEmpty(venue) && venue.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            ? null
            : $"venue: \"{venue}\" is not a venue id (lower-case letters, digits, '-').";

    public static string? Text(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? $"{field}: required." : null;

    public static string? Positive(decimal value, string field) =>
        value > 0m ? null : $"{field}: must be positive, got {value}.";

    public static string? NotNegative(decimal value, string field) =>
        value >= 0m ? null : $"{field}: must not be negative, got {value}.";

    public static string? Symbol(Symbol symbol) =>
        symbol.Base is null || symbol.Quote is null ? "symbol: required." : null;

    /// <summary>The first non-null error.</summary>
    public static string? First(params string?[] errors) => errors.FirstOrDefault(e => e is not null);
}
