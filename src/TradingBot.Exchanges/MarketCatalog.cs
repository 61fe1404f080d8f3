using Microsoft.Extensions.Logging;
using TradingBot.Core.Exchange;
using TradingBot.Core.Market;

namespace TradingBot.Exchanges;

/// <summary>
/// Turns a venue's instrument list into markets by unified symbol. An instrument the mapper cannot read (a malformed
/// number, a code that is not a currency) or a second one for the same symbol is skipped with a warning naming it,
/// so one odd listing never hides every other market.
/// </summary>
internal static class MarketCatalog
{
    public static Dictionary<Symbol, Market> Build<T>(string venue, ILogger logger, IEnumerable<T> instruments, Func<T, string> id,
        Func<T, Market> toMarket)
    {
        var markets = new Dictionary<Symbol, Market>();
        foreach (var instrument in instruments)
        {
            Market market;
            try
            {
                market = toMarket(instrument);
            }
            catch (Exception ex) when (ex is BadResponse or ArgumentException)
            {
                logger.MarketSkipped(venue, id(instrument), ex.Message);
                continue;
            }

            if (!markets.TryAdd(market.Symbol, market))
            {
                logger.MarketSkipped(venue, id(instrument), $"{market.Symbol} is already listed as {markets[market.Symbol].Id}");
            }
        }

        return markets;
    }

    /// <summary>The market for <paramref name="symbol"/>, or <see cref="BadSymbol"/> naming the venue.</summary>
    public static Market Get(IReadOnlyDictionary<Symbol, Market> markets, Symbol symbol, string venue) =>
        markets.TryGetValue(symbol, out var market)
            ? market
            : throw new BadSymbol($"{venue} has no market {symbol}.") { Venue = venue };
}
