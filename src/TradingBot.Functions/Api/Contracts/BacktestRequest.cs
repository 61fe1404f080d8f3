namespace TradingBot.Functions.Api.Contracts;

/// <summary>
/// A backtest on stored candles (<c>POST /api/backtests</c>): <see cref="Strategy"/> with <see cref="Parameters"/> on
/// <see cref="Venue"/>'s <see cref="Symbol"/> <see cref="Timeframe"/> bars in [<see cref="From"/>, <see cref="To"/>]
/// (default: the newest 1,000 bars). Money and rates are decimal strings.
/// </summary>
public sealed record BacktestRequest(string Strategy, string Venue, string Symbol, string Timeframe)
{
    public IReadOnlyDictionary<string, double>? Parameters { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public BacktestSettings? Settings { get; init; }
}
