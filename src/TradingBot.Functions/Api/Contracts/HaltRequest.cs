namespace TradingBot.Functions.Api.Contracts;

/// <summary>
/// Engage the kill switch (<c>POST /api/risk/halt</c>) for <see cref="Account"/>, or every known account when null.
/// <see cref="Flatten"/> also exits every open position (at market, by the pipeline, on each market's next candle).
/// </summary>
public sealed record HaltRequest(string Message)
{
    public string? Account { get; init; }

    public bool Flatten { get; init; }
}
