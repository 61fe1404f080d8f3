namespace TradingBot.Storage.Tables;

/// <summary>Every table the bot uses (docs/storage.md describes keys and queries). A prefix may be prepended per deployment/test.</summary>
public static class TableNames
{
    public const string Markets = "Markets";
    public const string Strategies = "Strategies";
    public const string Candles = "Candles";
    public const string QuoteSamples = "QuoteSamples";
    public const string Signals = "Signals";
    public const string RiskDecisions = "RiskDecisions";
    public const string RiskState = "RiskState";
    public const string Orders = "Orders";
    public const string Ledger = "Ledger";
    public const string Inbox = "Inbox";
    public const string Poison = "Poison";
    public const string PaperAccounts = "PaperAccounts";
    public const string Backtests = "Backtests";

    public static IReadOnlyList<string> All { get; } =
        [Markets, Strategies, Candles, QuoteSamples, Signals, RiskDecisions, RiskState, Orders, Ledger, Inbox, Poison, PaperAccounts, Backtests];
}
