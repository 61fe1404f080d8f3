using TradingBot.Core.Exchange;
using TradingBot.Core.Market;

namespace TradingBot.Core.Portfolio;

/// <summary>How one execution moves an account's currency balances (what the ledger books per fill).</summary>
public static class BalanceChanges
{
    /// <summary>
    /// Buy: base + amount, quote − price · amount; sell: the reverse. The fee is taken from its currency
    /// (base, quote or a third one such as BNB).
    /// </summary>
    public static IReadOnlyDictionary<string, decimal> ForFill(Symbol symbol, OrderSide side, decimal price, decimal amount, Fee? fee)
    {
        var changes = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var sign = side == OrderSide.Buy ? 1m : -1m;
        Add(changes, symbol.Base, sign * amount);
        Add(changes, symbol.Quote, -sign * price * amount);
        if (fee is { Cost: not 0m } f)
        {
            Add(changes, f.Currency.ToUpperInvariant(), -f.Cost);
        }

        return changes;
    }

    private static void Add(Dictionary<string, decimal> changes, string currency, decimal delta) =>
        changes[currency] = changes.GetValueOrDefault(currency) + delta;
}
