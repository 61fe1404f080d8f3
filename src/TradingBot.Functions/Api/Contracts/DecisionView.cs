namespace TradingBot.Functions.Api.Contracts;

/// <summary>
/// What risk decided for signal <see cref="SignalId"/>: approved or not, the stable reason <see cref="Code"/>
/// (<c>max-position</c>, <c>kill-switch</c>, <c>no-change</c>...) and the human <see cref="Message"/>, with the order ids it sent.
/// </summary>
public sealed record DecisionView(
    string SignalId,
    string StrategyId,
    string Venue,
    string Symbol,
    DateTimeOffset SignalTime,
    bool Approved,
    string Code,
    string Message,
    DateTimeOffset DecidedAt,
    IReadOnlyList<string> OrderIds);
