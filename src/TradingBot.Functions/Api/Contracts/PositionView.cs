namespace TradingBot.Functions.Api.Contracts;

/// <summary>
/// A position of an account, marked at <see cref="MarkPrice"/> (the newest stored candle close of its market, else its
/// last fill price): signed <see cref="Quantity"/>, average entry cost, unrealized PnL at the mark, realized PnL net of fees.
/// </summary>
public sealed record PositionView(
    string Account,
    string Symbol,
    string StrategyId,
    decimal Quantity,
    decimal AverageCost,
    decimal MarkPrice,
    decimal MarketValue,
    decimal UnrealizedPnl,
    decimal RealizedPnl,
    decimal Fees,
    int FillCount,
    DateTimeOffset? UpdatedAt);
