namespace TradingBot.Functions.Api.Live;

// The data of each kind of live event (camelCase on the wire; absent fields are left out).

/// <summary>A risk decision on a signal.</summary>
public sealed record RiskDecidedData(string Action, string SignalId, string StrategyId, string Symbol, bool Approved);

/// <summary>An account halted (kill switch, loss limit) or resumed; <see cref="Flatten"/> only for the kill switch.</summary>
public sealed record RiskChangeData(string Account, string Action, string Reason, bool? Flatten, string? Message);

/// <summary>A position changed by a fill.</summary>
public sealed record PositionData(string Account, string Symbol);

/// <summary>A function invocation that failed.</summary>
public sealed record ErrorData(string Function, string Outcome, string Reason);

/// <summary>A closed candle stored.</summary>
public sealed record CandleData(
    string Venue, string Symbol, string Timeframe, DateTimeOffset Time, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume);

/// <summary>A strategy's signal.</summary>
public sealed record SignalData(string Id, string StrategyId, string Venue, string Symbol, string Target);

/// <summary>An order approved, updated or asked to cancel (side and amount absent for a cancel request).</summary>
public sealed record OrderData(string OrderId, string Venue, string Symbol, string? Side, decimal? Amount, string State, decimal? Filled = null);

/// <summary>An execution.</summary>
public sealed record FillData(string OrderId, string Venue, string Account, string Symbol, string Side, decimal Price, decimal Amount);

/// <summary>A backtest run finished.</summary>
public sealed record BacktestData(string Id, string Strategy);

/// <summary>A strategy saved, enabled or disabled.</summary>
public sealed record StrategyData(string Id, bool Enabled);
