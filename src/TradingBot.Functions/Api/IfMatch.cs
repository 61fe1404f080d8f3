namespace TradingBot.Functions.Api;

/// <summary>Whether a change needs the caller's <c>If-Match</c>.</summary>
public enum IfMatch
{
    Optional,
    Required,
}
