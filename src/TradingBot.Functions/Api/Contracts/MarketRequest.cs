namespace TradingBot.Functions.Api.Contracts;

/// <summary>The market a strategy trades (<c>PUT /api/strategies/{id}/market</c>).</summary>
public sealed record MarketRequest(string Venue, string Symbol, string Timeframe);
