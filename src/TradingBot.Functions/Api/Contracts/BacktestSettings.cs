namespace TradingBot.Functions.Api.Contracts;

/// <summary>
/// Run settings, as the CLI's options: starting <see cref="Cash"/>, relative <see cref="Commission"/> on entry and exit,
/// relative <see cref="Spread"/> on entries, fills at the signal bar's close instead of the next open, and the
/// quantity step (1 = whole units; 0.00000001 for fractional crypto amounts).
/// </summary>
public sealed record BacktestSettings
{
    public decimal Cash { get; init; } = 10_000m;

    public decimal Commission { get; init; }

    public decimal Spread { get; init; }

    public bool TradeOnClose { get; init; }

    public decimal QuantityStep { get; init; } = 1m;
}
