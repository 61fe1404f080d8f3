namespace TradingBot.Storage.Ledger;

/// <summary>Whether a fill changed the ledger now or had been applied before (a duplicate delivery).</summary>
public enum FillApplication
{
    Applied,
    AlreadyApplied,
}
