using System.Text.Json;

namespace TradingBot.Functions.Api.Live;

/// <summary>One server-sent event: its sequence number (the SSE id, for <c>Last-Event-ID</c>), kind, time and data.</summary>
public sealed record LiveEvent(long Sequence, string Kind, DateTimeOffset At, JsonElement Data);
