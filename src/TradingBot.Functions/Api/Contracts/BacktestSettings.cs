namespace TradingBot.Functions.Api.Contracts;

/// <summary>
/// Run settings, as the CLI's options: starting <see cref="Cash"/>, relative <see cref="Commission"/> on entry and exit,
/// relative <see cref="Spread"/> on entries, fills at the signal bar's close instead of the next open, and the
/// quantity step (1 = whole units; 0.00000001 for fractional crypto amounts). The defaults are constructor defaults:
/// generated JSON (Native AOT) sets every init-only property, so a property initializer would be lost for an absent field.
/// </summary>
public sealed record BacktestSettings(
    decimal Cash = 10_000m,
    decimal Commission = 0m,
    decimal Spread = 0m,
    bool TradeOnClose = false,
    decimal QuantityStep = 1m);
