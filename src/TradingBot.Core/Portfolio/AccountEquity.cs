using TradingBot.Core.Exchange;
using TradingBot.Core.Market;

namespace TradingBot.Core.Portfolio;

/// <summary>
/// An account's equity in one quote currency, valued from <b>one</b> venue balance snapshot: the quote cash plus the
/// venue's holding of each traded base (a symbol of that quote), at its mark. A venue moves cash and base together
/// when an order fills, so this figure is right at every moment, also between an execution and its bookkeeping (the
/// ledger position and risk's reservation, which are applied later and in any order). Holdings of a traded base count
/// whoever bought them: the bot should run on a dedicated account or sub-account.
/// </summary>
public sealed record AccountEquity
{
    public required string Quote { get; init; }

    /// <summary>The venue's balance of <see cref="Quote"/>.</summary>
    public required CurrencyBalance Cash { get; init; }

    /// <summary>The venue's holding of each traded base, by symbol (non-zero holdings with a known mark only).</summary>
    public required IReadOnlyDictionary<Symbol, decimal> Holdings { get; init; }

    /// <summary>The price each holding is valued at.</summary>
    public required IReadOnlyDictionary<Symbol, decimal> Marks { get; init; }

    /// <summary>Cash + Σ holding · mark.</summary>
    public decimal Value => Cash.Total + Holdings.Sum(h => h.Value * Marks[h.Key]);

    /// <summary>
    /// Values <paramref name="balance"/> in <paramref name="quote"/>: the cash, and each base of a <paramref name="traded"/>
    /// symbol quoted in it at <paramref name="mark"/> (a base without a mark is left out; a base traded against another
    /// quote belongs to that quote's equity).
    /// </summary>
    public static AccountEquity From(Balance balance, string quote, IEnumerable<Symbol> traded, Func<Symbol, decimal?> mark)
    {
        ArgumentNullException.ThrowIfNull(balance);
        ArgumentException.ThrowIfNullOrEmpty(quote);
        ArgumentNullException.ThrowIfNull(traded);
        ArgumentNullException.ThrowIfNull(mark);
        var holdings = new Dictionary<Symbol, decimal>();
        var marks = new Dictionary<Symbol, decimal>();
        foreach (var symbol in traded.Where(s => s.Quote == quote).Distinct())
        {
            var held = balance[symbol.Base].Total;
            if (held != 0m && mark(symbol) is { } price)
            {
                holdings[symbol] = held;
                marks[symbol] = price;
            }
        }

        return new AccountEquity { Quote = quote, Cash = balance[quote], Holdings = holdings, Marks = marks };
    }
}
