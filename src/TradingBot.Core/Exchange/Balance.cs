namespace TradingBot.Core.Exchange;

/// <summary>One currency's balance: free + used = total.</summary>
public readonly record struct CurrencyBalance(decimal Free, decimal Used)
{
    public decimal Total => Free + Used;
}

/// <summary>A CCXT unified balance, keyed by currency code (upper case).</summary>
public sealed record Balance(IReadOnlyDictionary<string, CurrencyBalance> Currencies, DateTimeOffset? Timestamp)
{
    public CurrencyBalance this[string currency] =>
        Currencies.TryGetValue(currency.ToUpperInvariant(), out var balance) ? balance : default;
}
