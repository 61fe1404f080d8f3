namespace TradingBot.Exchanges.Http;

/// <summary>A venue's error code and message, read from an error response body (either may be missing).</summary>
public sealed record VenueErrorBody(string? Code, string? Message);
