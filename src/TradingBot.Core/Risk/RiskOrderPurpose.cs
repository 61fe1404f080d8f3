namespace TradingBot.Core.Risk;

/// <summary>Whether an approved order opens (or adds to) a position or closes one.</summary>
public enum RiskOrderPurpose
{
    Entry,
    Exit,
}
