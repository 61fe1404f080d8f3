namespace TradingBot.Core.Risk;

/// <summary>When a daily-loss or drawdown halt ends.</summary>
public enum HaltReset
{
    /// <summary>At the start of the next UTC trading day (or earlier by an operator).</summary>
    NextDay,

    /// <summary>Only when an operator resumes trading.</summary>
    Operator,
}
