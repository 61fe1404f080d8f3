namespace TradingBot.Functions.Api.Contracts;

/// <summary>
/// One account (<c>paper-binance</c>, <c>binance</c>, <c>paper</c>): <see cref="Equity"/> = cash in <see cref="Quote"/>
/// + marked value of its <see cref="Quote"/> positions; PnL from the ledger (realized net of fees). Balances are the
/// venue's (cached briefly; <see cref="BalanceError"/> says why they are missing) next to what fills booked.
/// </summary>
public sealed record AccountView(
    string Account,
    string Venue,
    string Mode,
    string Quote,
    decimal? Cash,
    decimal? Equity,
    decimal RealizedPnl,
    decimal UnrealizedPnl,
    decimal GrossExposure,
    int OpenPositions,
    IReadOnlyList<BalanceView> Balances,
    string? BalanceError);
