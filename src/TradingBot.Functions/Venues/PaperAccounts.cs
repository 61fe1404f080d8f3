using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using TradingBot.Backtesting.Paper;
using TradingBot.Core.Exchange;
using TradingBot.Core.Execution;
using TradingBot.Exchanges;
using TradingBot.Functions.Pipeline;
using TradingBot.Storage.Paper;
using TradingBot.Storage.Tables;

namespace TradingBot.Functions.Venues;

/// <summary>
/// The paper account of each venue (<c>paper-binance</c>...): a <see cref="PaperExchange"/> filling against the real
/// venue's live quotes, its account kept in Table Storage (<see cref="TablePaperAccountStore"/>), so paper trading
/// survives restarts and works across instances. One instance per venue per process (it remembers its account's balances
/// and open orders for <see cref="PipelineOptions.PaperAccountCacheLifetime"/>).
/// </summary>
public sealed class PaperAccounts(VenueRegistry registry, TableClients tables, PaperOptions options, IOptions<PipelineOptions> pipeline, TimeProvider time)
    : IPaperVenues
{
    private readonly ConcurrentDictionary<string, Lazy<PaperExchange>> _accounts = new(StringComparer.Ordinal);

    public IExchange For(string venue) =>
        _accounts.GetOrAdd(venue, v => new Lazy<PaperExchange>(() => new PaperExchange(new LiveVenuePriceSource(registry.Get(v)),
            new TablePaperAccountStore(tables, TradingAccounts.For(v, TradingMode.Paper), time, pipeline.Value.PaperAccountCacheLifetime), options, time))).Value;

    /// <summary>The <c>paper</c> venue itself: a seeded simulated market (no internet, no keys), its account in Table Storage.</summary>
    public static PaperExchange Simulated(int seed, TableClients tables, PaperOptions options, TimeSpan cacheLifetime, TimeProvider time) =>
        new(new SimulatedMarket(seed, time), new TablePaperAccountStore(tables, TradingAccounts.PaperVenue, time, cacheLifetime), options, time);
}
