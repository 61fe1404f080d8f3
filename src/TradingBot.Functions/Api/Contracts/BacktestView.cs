namespace TradingBot.Functions.Api.Contracts;

/// <summary>
/// A stored backtest run: what ran, on how many bars, and its statistics (the <c>stats</c> object of the result JSON).
/// The full result is at <see cref="ResultUrl"/>, the HTML report at <see cref="ReportUrl"/>.
/// </summary>
public sealed record BacktestView(
    string Id,
    string Strategy,
    string Parameters,
    string Source,
    int Bars,
    DateTimeOffset CreatedAt,
    System.Text.Json.JsonElement Statistics,
    string ResultUrl,
    string ReportUrl);
